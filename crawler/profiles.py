"""Crawl profiles: what a site spider needs to know about a site, read from `seeds/<name>.toml`.

    name = "kcnawatch"                      # the spider's name
    base_url = "https://kcnawatch.org/"     # replaced by `-a base_url=` to crawl a mirror
    allowed_domains = ["kcnawatch.org"]
    cleaner = "kcnawatch"                   # the cleaners.sites profile that cleans its pages
    start_paths = ["/newstream/"]           # listings to start from (relative to base_url)
    feeds = []                              # RSS/Atom feeds (relative paths)
    sitemaps = []                           # sitemaps; robots.txt `Sitemap:` lines are added
    listing = ['^/newstream/(page/\\d+/)?$']  # regexes on path+query: pages whose links are followed
    article = ['^/newstream/\\d+-\\d+/[^/]+/$']  # regexes on path+query: article pages
    deny = ['^/tag/']                       # never fetched
    [sources]                               # `-a source=KEY` keeps only records whose source is VALUE
    kcna = "KCNA.kp (En)"

Paths are matched against the URL's path plus `?query`. Every key but `name` and `base_url` is
optional; a profile without `article` patterns lets the cleaner decide page by page.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

#: Paths that are never articles on any news site: listings of tags, authors, searches, media-only pages.
GENERIC_DENY = (r"/(tags?|topics?|category|categories|author|authors|search|video|videos|podcasts?|live|"
                r"gallery|galleries|page)(/|$|\?)", r"[?&](s|q|search|page|p)=", r"\.(pdf|jpe?g|png|gif|mp3|mp4|zip)$",
                r"/(login|signin|register|subscribe|account|cart|wp-admin|wp-login\.php|feed)(/|$)")


@dataclass(frozen=True)
class CrawlProfile:
    name: str
    base_url: str
    allowed_domains: tuple[str, ...] = ()
    cleaner: str | None = None
    start_paths: tuple[str, ...] = ("/",)
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listing: tuple[re.Pattern, ...] = ()
    article: tuple[re.Pattern, ...] = ()
    deny: tuple[re.Pattern, ...] = ()
    sources: dict[str, str] = field(default_factory=dict)

    def rebased(self, base_url: str) -> CrawlProfile:
        """The same profile for a mirror at `base_url` (its host becomes the allowed domain)."""
        host = urlsplit(base_url).hostname or ""
        return CrawlProfile(self.name, base_url if base_url.endswith("/") else base_url + "/", (host,), self.cleaner,
                            self.start_paths, self.feeds, self.sitemaps, self.listing, self.article, self.deny,
                            self.sources)

    def absolute(self, path: str) -> str:
        return urljoin(self.base_url, path)


def _patterns(values) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(v) for v in values or ())


def load(path: str | Path) -> CrawlProfile:
    """Read a profile file; raises ValueError with the reason when it is not a valid profile."""
    path = Path(path)
    if not path.is_file() and not path.suffix:
        path = SEEDS / f"{path}.toml"
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"cannot read profile {path}: {exc}") from exc
    unknown = set(data) - {"name", "base_url", "allowed_domains", "cleaner", "start_paths", "feeds", "sitemaps",
                           "listing", "article", "deny", "sources"}
    if unknown or "name" not in data or "base_url" not in data:
        raise ValueError(f"profile {path}: needs name and base_url; unknown keys: {sorted(unknown) or 'none'}")
    try:
        return CrawlProfile(
            name=data["name"], base_url=data["base_url"],
            allowed_domains=tuple(data.get("allowed_domains") or (urlsplit(data["base_url"]).hostname,)),
            cleaner=data.get("cleaner"), start_paths=tuple(data.get("start_paths") or ("/",)),
            feeds=tuple(data.get("feeds") or ()), sitemaps=tuple(data.get("sitemaps") or ()),
            listing=_patterns(data.get("listing")), article=_patterns(data.get("article")),
            deny=_patterns(data.get("deny")), sources=dict(data.get("sources") or {}),
        )
    except re.error as exc:
        raise ValueError(f"profile {path}: bad pattern: {exc}") from exc


def site_profiles() -> list[CrawlProfile]:
    """Every profile in seeds/, sorted by name."""
    return [load(p) for p in sorted(SEEDS.glob("*.toml"))]
