"""The one spider class every cleanwire spider is: it fetches and discovers, `cleaners` cleans.

A spider starts from URLs (home or section pages, sitemaps, RSS/Atom feeds, articles), finds
sitemaps through robots.txt, follows in-domain links to `DEPTH_LIMIT`, and sends every page that
may be an article to the pipeline (`crawler.pipelines.CleanPipeline`), which cleans it in a
process pool and keeps it only when the cleaner says it is an article.

Arguments (`-a NAME=VALUE`): the table `ARGUMENTS` (also listed by `scrapy crawl -h`). Each is
checked before the crawl starts (`CleanwireSpider.parse_arguments`): a bad value or an unknown name
is one line on stderr and exit status 2. Names starting with `_` (Scrapyd's `_job`, `_version`) are
left to Scrapy.

Breadth is bounded (settings, each counted in the summary when hit, under `cleanwire/bounds/`):
`CLEANWIRE_MAX_SITEMAPS_PER_INDEX` sitemaps followed per sitemap index (the most recently modified
first), `CLEANWIRE_MAX_LINKS_PER_PAGE` requests made from the links of one HTML page or feed, and
`CLEANWIRE_MAX_REQUESTS` requests made by one crawl (distinct URLs: start URLs, links, sitemaps,
feed items; robots.txt, retries and redirects aside). 0 means no bound.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from io import BytesIO
from typing import Any
from urllib.parse import urlsplit

import lxml.etree
import scrapy
from scrapy.exceptions import CloseSpider
from scrapy.http import HtmlResponse, Response, TextResponse, XmlResponse
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import sitemap_urls_from_robots

from cleaners import canonical_url
from cleaners.encoding import codec_name, looks_like_html, markup_start

from .. import faults, profiles
from ..guard import Refused
from ..middlewares import header_charset, readable
from ..profiles import GENERIC_DENY, CrawlProfile

_XML_ROOT = re.compile(rb"<(urlset|sitemapindex|rss|feed|rdf:RDF)\b")
_GENERIC_DENY = tuple(re.compile(p, re.I) for p in GENERIC_DENY)


#: Default bounds on breadth (settings CLEANWIRE_MAX_SITEMAPS_PER_INDEX, CLEANWIRE_MAX_LINKS_PER_PAGE,
#: CLEANWIRE_MAX_REQUESTS; see crawler.settings for why these values)
MAX_SITEMAPS_PER_INDEX = 10_000
MAX_LINKS_PER_PAGE = 10_000
MAX_REQUESTS = 200_000


class SpiderArgumentError(ValueError):
    """A `-a NAME=VALUE` a spider cannot run with; its text is the one line `scrapy crawl` prints."""


@dataclass(frozen=True)
class SpiderArgument:
    """One `-a NAME=VALUE` of the cleanwire spiders: `parse` turns the text into the value the spider
    uses, or raises ValueError (its text, when any, says what was wrong); `form` and `takes` say what
    it takes, in the error line and in `scrapy crawl -h`."""

    name: str
    form: str
    takes: str
    parse: Callable[[str], Any]
    help: str

    def problem(self, text: str, detail: str = "") -> str:
        shown = text if len(text) <= 80 else text[:77] + "..."
        return f"-a {self.name}={shown}: {self.name} takes {self.takes}" + (f"; {detail}" if detail else "")


def _url(text: str) -> str:
    text = text.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http or https URL: {text}")
    return text


def _urls(text: str) -> list[str]:
    return [_url(u) for u in text.split(",") if u.strip()]


def _is_host(text: str) -> bool:
    """A host name (internationalised too), with an optional port, or an IP address (IPv6 with or
    without brackets): what `allowed_domains` may hold. No scheme, path, user or space."""
    try:
        ipaddress.ip_address(text.strip("[]"))
        return True
    except ValueError:
        return bool(re.fullmatch(r"[\w.-]+(:\d+)?", text))


def _domains(text: str) -> list[str]:
    domains = [d.strip().lower() for d in text.split(",") if d.strip()]
    bad = [d for d in domains if not _is_host(d)]
    if bad:
        raise ValueError(f"not a host name: {', '.join(bad)}")
    return domains


def _positive(text: str) -> int:
    if not re.fullmatch(r"\d+", text):
        raise ValueError
    number = int(text)
    if number < 1:
        raise ValueError
    return number


def _day(text: str) -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError
    return date.fromisoformat(text)


def _languages(text: str) -> frozenset[str]:
    from cleaners.language import check_codes  # the codes the language detector can return

    return check_codes(text)


def _recrawl(text: str) -> bool:
    if text != "changed":
        raise ValueError
    return True


#: Every `-a NAME=VALUE` a cleanwire spider accepts, checked before the crawl starts.
ARGUMENTS = (
    SpiderArgument("start_urls", "URL[,URL...]", "http or https URLs, comma-separated", _urls,
                   "where to start: home or section pages, sitemaps, RSS/Atom feeds, articles (the news spider "
                   "needs it; site spiders start from their profile)"),
    SpiderArgument("base_url", "URL", "an http or https URL", _url,
                   "crawl a mirror of the site at URL (tests and the demo use it)"),
    SpiderArgument("allowed_domains", "D[,D...]", "host names, comma-separated", _domains,
                   "stay on these domains (default: the start URLs' hosts)"),
    SpiderArgument("max_articles", "N", "a whole number, 1 or more", _positive, "stop after N articles written"),
    SpiderArgument("since", "YYYY-MM-DD", "a date, YYYY-MM-DD", _day,
                   "skip articles older than this when the date is known (sitemap, feed or page); sitemap "
                   "entries dated before it are not fetched"),
    SpiderArgument("language", "CODE[,CODE...]", "language codes the detector knows, such as en,ru", _languages,
                   "keep only articles in these languages (the record's `language`: detected in the text, else "
                   "the page's <html lang>); the others are counted as cleanwire/skipped_other_language"),
    SpiderArgument("recrawl", "changed", "one value: changed", _recrawl,
                   "refetch stored articles; write a new version only when the text changed"),
    SpiderArgument("profile", "seeds/NAME.toml", "a crawl profile file (seeds/NAME.toml)", profiles.load,
                   "read a crawl profile (patterns for listings and articles)"),
    SpiderArgument("source", "KEY", "one of the profile's [sources] keys", str,
                   "(site spiders with [sources]) keep only that source's articles"),
)
_ARGUMENT_NAMES = frozenset(a.name for a in ARGUMENTS)


class CleanwireSpider(scrapy.Spider):
    """Base of every cleanwire spider (see the module's docstring for its arguments)."""

    profile_name: str | None = None  # site spiders: the seeds/<name>.toml they are driven by

    @classmethod
    def update_settings(cls, settings) -> None:
        super().update_settings(settings)
        # the User-Agent names the contact URL the operator set (-s CLEANWIRE_CONTACT=...)
        if settings.getpriority("USER_AGENT") <= settings.getpriority("CLEANWIRE_CONTACT"):
            from cleaners import __version__

            settings.set("USER_AGENT", f"cleanwire/{__version__} (+{settings.get('CLEANWIRE_CONTACT')})",
                         priority=settings.getpriority("CLEANWIRE_CONTACT"))

    @classmethod
    def parse_arguments(cls, given: Mapping[str, Any]) -> dict[str, Any]:
        """The spider's arguments (`-a NAME=VALUE`, as text) read by the table `ARGUMENTS`: a dict with
        every name of the table (None when not given or empty), the crawl profile resolved (`profile`,
        rebased on `base_url`) and `start_urls` completed from the profile or `base_url`. Raises
        SpiderArgumentError, whose text names the argument and what it takes, for an unknown name, a
        bad value, a source the profile does not have, or a spider left with nothing to start from."""
        unknown = sorted(k for k in given if k not in _ARGUMENT_NAMES and not k.startswith("_"))
        if unknown:
            raise SpiderArgumentError(
                f"-a {unknown[0]}: no such argument of the {cls.name} spider; the arguments are "
                f"{', '.join(a.name for a in ARGUMENTS)} (scrapy crawl -h describes them)")
        values: dict[str, Any] = {}
        for arg in ARGUMENTS:
            raw = given.get(arg.name)
            text = "" if raw is None else str(raw).strip()
            if not text:
                values[arg.name] = None
                continue
            try:
                values[arg.name] = arg.parse(text)
            except ValueError as exc:
                raise SpiderArgumentError(arg.problem(text, str(exc))) from None
        prof = values["profile"] or (profiles.load(cls.profile_name) if cls.profile_name else None)
        if prof is not None and values["base_url"]:
            prof = prof.rebased(values["base_url"])
        values["profile"] = prof
        source = values["source"]
        if source is not None and (prof is None or source not in prof.sources):
            known = ", ".join(sorted(prof.sources)) if prof and prof.sources else None
            raise SpiderArgumentError(
                f"-a source={source}: unknown source; "
                + (f"source takes one of {known}" if known else
                   f"the {cls.name} spider has no sources (they come from a profile's [sources])"))
        starts = values["start_urls"] or []
        if not starts and values["base_url"] and prof is None:
            starts = [values["base_url"]]
        if not starts and prof is not None:
            starts = [prof.absolute(p) for p in prof.start_paths]
            starts += [prof.absolute(p) for p in prof.feeds + prof.sitemaps]
        if not starts:
            raise SpiderArgumentError(f"the {cls.name} spider needs -a start_urls=URL[,URL...] "
                                      "(or -a profile=seeds/NAME.toml)")
        values["start_urls"] = starts
        return values

    def __init__(self, *args, **kwargs):
        values = self.parse_arguments(kwargs)
        super().__init__(*args, **{k: v for k, v in kwargs.items() if k.startswith("_")})
        prof = values["profile"]
        self.crawl_profile: CrawlProfile | None = prof
        starts = values["start_urls"]
        self.start_urls = starts
        if values["allowed_domains"]:
            self.allowed_domains = values["allowed_domains"]
        elif prof is not None:
            self.allowed_domains = list(prof.allowed_domains)
        else:
            self.allowed_domains = sorted({urlsplit(u).hostname for u in starts if urlsplit(u).hostname})
        self.max_articles = values["max_articles"]
        self.since = values["since"]
        self.languages = values["language"] or frozenset()
        self.recrawl = bool(values["recrawl"])
        self.source_label = prof.sources[values["source"]] if values["source"] else None
        self.cleaner_profile = prof.cleaner if prof else None
        self.seen = None  # the seen-store, set by crawler.extensions.CleanwireState when the spider opens
        self.report_error = None  # writes an error record; set there too
        self.written = 0
        self.written_urls: set[str] = set()  # canonical URLs written by this crawl
        self.skipped_urls: set[str] = set()  # canonical URLs skipped because an earlier crawl wrote them
        self._sitemaps_asked: set[str] = set()
        # bounds on breadth (settings, read in from_crawler; 0: no bound)
        self.max_sitemaps_per_index = MAX_SITEMAPS_PER_INDEX
        self.max_links_per_page = MAX_LINKS_PER_PAGE
        self.max_requests = MAX_REQUESTS
        self._queued: set[str] = set()  # URLs requests were made for: start URLs, links, sitemaps, feed items
        self._bounds_logged: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.max_sitemaps_per_index = settings.getint("CLEANWIRE_MAX_SITEMAPS_PER_INDEX", MAX_SITEMAPS_PER_INDEX)
        spider.max_links_per_page = settings.getint("CLEANWIRE_MAX_LINKS_PER_PAGE", MAX_LINKS_PER_PAGE)
        spider.max_requests = settings.getint("CLEANWIRE_MAX_REQUESTS", MAX_REQUESTS)
        return spider

    # ------------------------------------------------------------------ start

    async def start(self):
        for url in self.start_urls:
            self._queued.add(url)
            yield scrapy.Request(url, callback=self.parse, errback=self.on_error, dont_filter=True,
                                 meta={"cw_start": True})
        for host_url in sorted({f"{urlsplit(u).scheme}://{urlsplit(u).netloc}/" for u in self.start_urls}):
            self._sitemaps_asked.add(host_url)
            yield scrapy.Request(host_url + "robots.txt", callback=self.parse_robots, errback=self.on_robots_error,
                                 dont_filter=True,
                                 meta={"dont_obey_robotstxt": True, "handle_httpstatus_list": [404, 403, 410]})

    # ------------------------------------------------------------------ routing

    def parse(self, response: Response):
        """Any response: a sitemap, a feed, or an HTML page (listing, article or both). The declared
        Content-Type is a hint, not the truth: an HTML page labelled text/plain or
        application/octet-stream is read as HTML (counted as `cleanwire/faults_fixed/wrong_content_type`)."""
        self._count("pages_ok")
        if response.body[:2] == b"\x1f\x8b":  # a gzipped sitemap, whatever its Content-Type says
            body = self._gunzip(response)
            if body is not None:
                yield from self._parse_xml(response, body)
            return
        if not isinstance(response, HtmlResponse | XmlResponse) and looks_like_html(response.body) \
                and not _xml_start(response.body):
            self._count("faults_fixed/wrong_content_type")
            response = readable(HtmlResponse(response.url, status=response.status, headers=response.headers,
                                             body=response.body, request=response.request, flags=response.flags))
        if not isinstance(response, TextResponse):
            self._count("not_html")
            return
        if isinstance(response, XmlResponse) or _xml_start(response.body):
            yield from self._parse_xml(response, response.body)
            return
        if not isinstance(response, HtmlResponse):
            self._count("not_html")
            return
        yield from self._parse_html(response)

    def _gunzip(self, response: Response) -> bytes | None:
        """A gzipped body inflated no further than DOWNLOAD_MAXSIZE; None (counted, logged, and an
        error record for a bomb) when it is broken or grows past the limit."""
        limit = self.crawler.settings.getint("DOWNLOAD_MAXSIZE") if self.crawler else 0
        try:
            return gunzip(response.body, max_size=limit)
        except ValueError:  # past the limit: a decompression bomb
            self._count("faults/decompression_bomb")
            self.logger.warning("sitemap not read: %s: decompression_bomb (inflates past %d bytes)",
                                response.url, limit)
            if self.report_error is not None:
                self.report_error(response.url, "decompression_bomb", f"inflates past {limit} bytes")
        except (OSError, EOFError):
            self._count("bad_sitemap")
        return None

    def parse_robots(self, response: Response):
        if response.status != 200:
            return
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            if self._allowed(url):
                request = self._request(url, {"cw_sitemap": True})
                if request is not None:
                    yield request

    def _parse_html(self, response: HtmlResponse):
        kind = self.page_kind(response.url, start=bool(response.meta.get("cw_start")))
        if kind in ("article", "unknown"):  # unknown: the cleaner's page-type gate decides
            yield from self._article(response)
        if kind in ("listing", "unknown") or (kind == "article" and self.crawl_profile is None):
            hrefs = response.css("a::attr(href)").getall()
            in_page: set[str] = set()

            def follow(href: str):
                url = response.urljoin(href.strip()).split("#", 1)[0]
                if url in in_page or urlsplit(url).scheme not in ("http", "https"):
                    return None
                in_page.add(url)
                return self._follow(url, response)

            yield from self._bounded(response.url, hrefs, follow)

    def _bounded(self, page_url: str, candidates: list, make: Callable[[Any], scrapy.Request | None]):
        """The requests `make` gives for the candidates (links, feed items) of one page, at most
        CLEANWIRE_MAX_LINKS_PER_PAGE of them; the candidates left unread are counted as
        `cleanwire/bounds/links_per_page`."""
        made = 0
        for i, candidate in enumerate(candidates):
            if 0 < self.max_links_per_page <= made:
                self._bound_hit("links_per_page", len(candidates) - i,
                                f"CLEANWIRE_MAX_LINKS_PER_PAGE ({self.max_links_per_page}) reached on {page_url}: "
                                f"its last {len(candidates) - i} links are not read")
                return
            request = make(candidate)
            if request is not None:
                made += 1
                yield request

    def _follow(self, url: str, response: Response | None = None, meta: dict | None = None):
        """A request for `url` when it should be fetched: in the domain, not denied, not stored."""
        if not self._allowed(url):
            return None
        kind = self.page_kind(url)
        if kind == "skip":
            self._count("skipped_by_pattern")
            return None
        if self.seen is not None and not self.recrawl:
            canon = canonical_url(url)
            if canon in self.written_urls:
                return None  # written in this crawl: a duplicate link, not a skip
            if canon in self.seen:
                if canon not in self.skipped_urls:  # count each stored article once, not each link to it
                    self.skipped_urls.add(canon)
                    self._count("skipped_seen")
                return None
        if kind == "article" and self._done():
            return None
        return self._request(url, meta or {})

    def _request(self, url: str, meta: dict) -> scrapy.Request | None:
        """A request for `url` found in a page, a feed, a sitemap or robots.txt, unless the crawl
        already made requests for CLEANWIRE_MAX_REQUESTS other URLs (then the link is counted as
        `cleanwire/bounds/max_requests`, and not followed). A URL asked for again gets its request
        (Scrapy's duplicate filter drops it when the first one was scheduled; the first may have been
        dropped before, e.g. past DEPTH_LIMIT) but is counted once."""
        if url not in self._queued:
            if 0 < self.max_requests <= len(self._queued):
                self._bound_hit("max_requests", 1, f"CLEANWIRE_MAX_REQUESTS ({self.max_requests}) reached: "
                                                   "no more links are followed, the requests made go on")
                return None
            self._queued.add(url)
        return scrapy.Request(url, callback=self.parse, errback=self.on_error, meta=meta)

    def _bound_hit(self, bound: str, not_taken: int, message: str) -> None:
        """Count what a bound on breadth left out (`cleanwire/bounds/<bound>`); log the first time."""
        self._count(f"bounds/{bound}", not_taken)
        if bound not in self._bounds_logged:
            self._bounds_logged.add(bound)
            self.logger.warning("%s (counted in the summary; logged once)", message)

    def _parse_xml(self, response: Response, body: bytes):
        """Sitemaps (index, urlset, news) and RSS/Atom feeds: their article URLs, with dates."""
        start = markup_start(body)
        head = body[start:start + 2048]
        if b"<urlset" in head or b"<sitemapindex" in head:
            try:
                kind, entries = _sitemap_entries(body)
            except Exception:  # lxml refuses it: count, never crash
                self._count("bad_sitemap")
                return
            if kind == "sitemapindex":
                yield from self._sitemap_index(response.url, entries)
                return
            for entry in entries:
                published = _sitemap_date(entry)
                if self._too_old(published):
                    self._count("skipped_older_than_since")
                    continue
                request = self._follow(entry["loc"], meta={"cw_listed_date": published})
                if request is not None:
                    yield request
            return
        selector = scrapy.Selector(text=body.decode("utf-8", "replace"), type="xml")
        selector.remove_namespaces()

        def follow(item):
            link = item.xpath("link/@href").get() or item.xpath("link/text()").get()
            if not link:
                return None
            stamp = item.xpath("pubDate/text() | published/text() | updated/text() | date/text()").get()
            published = _feed_date(stamp)
            if self._too_old(published):
                self._count("skipped_older_than_since")
                return None
            return self._follow(response.urljoin(link.strip()), meta={"cw_listed_date": published})

        yield from self._bounded(response.url, selector.xpath("//item | //entry"), follow)

    def _sitemap_index(self, url: str, entries: Iterator[dict[str, str]]):
        """The sitemaps of an index: in the allowed domains, not modified before `since`, and at most
        CLEANWIRE_MAX_SITEMAPS_PER_INDEX of them — the most recently modified (undated ones last); the
        others are counted as `cleanwire/bounds/sitemaps_per_index`."""
        wanted: list[tuple[str, date | None]] = []
        for entry in entries:
            if not self._allowed(entry["loc"]):
                continue
            modified = _sitemap_date({"lastmod": entry.get("lastmod")})
            if self._too_old(modified):
                self._count("skipped_older_than_since")
                continue
            wanted.append((entry["loc"], modified))
        bound = self.max_sitemaps_per_index
        if 0 < bound < len(wanted):
            newest = sorted(range(len(wanted)), key=lambda i: (wanted[i][1] is None,
                                                               -(wanted[i][1] or date.min).toordinal()))
            keep = set(newest[:bound])
            self._bound_hit("sitemaps_per_index", len(wanted) - bound,
                            f"CLEANWIRE_MAX_SITEMAPS_PER_INDEX ({bound}) reached in {url}: "
                            f"{len(wanted) - bound} of its {len(wanted)} sitemaps are not followed")
            wanted = [w for i, w in enumerate(wanted) if i in keep]
        for loc, _modified in wanted:
            request = self._request(loc, {"cw_sitemap": True})
            if request is not None:
                yield request

    def on_error(self, failure):
        """A request that failed for good (HTTP error, timeout, reset, too large, bomb...): one log line
        with the fault's name (`crawler.faults`) and the attempts made, a `cleanwire/faults/<kind>`
        count, never a traceback in the log. Requests not fetched on purpose (robots.txt, the
        address guard) are counted as skipped."""
        request = failure.request
        if failure.check(Refused):  # the address guard counted it (cleanwire/refused/*) and logged it once per host
            self.logger.debug("not fetched: %s: %s", request.url, failure.getErrorMessage())
            return
        kind = faults.kind_of(failure.value)
        if kind is None:
            self._count("skipped_robots_or_ignored")
            self.logger.info("not fetched: %s: %s", request.url, failure.getErrorMessage())
            return
        self._count(f"faults/{kind}")
        attempts = request.meta.get("retry_times", 0) + 1
        detail = f"HTTP {kind[5:]}" if kind.startswith("http_") else failure.getErrorMessage()
        message = f"{detail[:300] or kind}{f' (after {attempts} attempts)' if attempts > 1 else ''}"
        wanted = (request.meta.get("redirect_urls") or [request.url])[0]  # before any redirect
        self.logger.warning("fetch failed: %s: %s: %s", wanted, kind, message)
        if self.report_error is not None:
            self.report_error(wanted, kind, message)

    def on_robots_error(self, failure):
        """The robots.txt read for its Sitemap: lines could not be fetched: the crawl goes on from
        its start pages (whether the host may be crawled at all is the robots middleware's call)."""
        kind = faults.kind_of(failure.value) or "ignored"
        self._count(f"sitemap_discovery_failed/{kind}")
        self.logger.warning("robots.txt not read for sitemaps: %s: %s", failure.request.url, kind)

    # ------------------------------------------------------------------ decisions

    def page_kind(self, url: str, start: bool = False) -> str:
        """`article`, `listing`, `skip` or `unknown` (the cleaner decides), from the URL alone."""
        parts = urlsplit(url)
        path = parts.path or "/"
        target = path + (f"?{parts.query}" if parts.query else "")
        prof = self.crawl_profile
        if prof is not None:
            if any(p.search(target) for p in prof.deny):
                return "skip"
            if prof.article and any(p.search(target) for p in prof.article):
                return "article"
            if start or any(p.search(target) for p in prof.listing):
                return "listing"
            return "skip" if prof.article else "unknown"
        if start and path == "/":
            return "listing"
        if any(p.search(target) for p in _GENERIC_DENY):
            return "listing" if start else "skip"
        return "unknown"

    def _article(self, response: HtmlResponse):
        if self._done():
            raise CloseSpider("max_articles")
        charset = header_charset(response.headers)
        if charset and codec_name(charset) is None:  # read from the bytes instead (cleaners.encoding)
            self._count("faults_fixed/unknown_charset")
        yield {
            "cw_body": response.body,
            "cw_url": response.url,
            "cw_charset": charset,
            "cw_fetched_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "cw_profile": self.cleaner_profile,
            "cw_listed_date": response.meta.get("cw_listed_date"),
        }

    def _allowed(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def _too_old(self, published: date | None) -> bool:
        return bool(self.since and published and published < self.since)

    def _done(self) -> bool:
        return self.max_articles is not None and self.written >= self.max_articles

    def _count(self, key: str, count: int = 1) -> None:
        if self.crawler is not None:
            self.crawler.stats.inc_value(f"cleanwire/{key}", count)


def _xml_start(body: bytes) -> bool:
    """True when `body` opens with the root of a sitemap or a feed, past white space, the XML
    declaration and comments (skipped by a linear scan: `cleaners.encoding.markup_start`)."""
    return _XML_ROOT.match(body, markup_start(body)) is not None


def _sitemap_date(entry: dict) -> date | None:
    """The day of a sitemap entry: its Google News `publication_date`, else its `lastmod`."""
    for key in ("publication_date", "lastmod"):
        value = entry.get(key)
        if isinstance(value, str) and (m := re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())):
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


def _local_name(element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _sitemap_entries(body: bytes) -> tuple[str, Iterator[dict[str, str]]]:
    """The type of a sitemap (`urlset`, `sitemapindex`) and its entries, each `{loc, lastmod,
    publication_date}` (the keys it has; `loc` always): the Google News `<news:publication_date>`,
    nested in `<news:news>`, included (Scrapy's Sitemap keeps only direct children, so it loses it).
    Parsed as Scrapy parses sitemaps: entities not resolved, comments and PIs dropped, each entry
    freed once read."""
    events = lxml.etree.iterparse(BytesIO(body), events=("start", "end"), recover=True, remove_comments=True,
                                  resolve_entities=False, remove_blank_text=True, collect_ids=False, remove_pis=True)
    _, root = next(events)

    def entries() -> Iterator[dict[str, str]]:
        try:
            for event, element in events:
                if event != "end" or _local_name(element) not in ("url", "sitemap"):
                    continue
                entry: dict[str, str] = {}
                for child in element:
                    name = _local_name(child)
                    if name in ("loc", "lastmod"):
                        entry.setdefault(name, (child.text or "").strip())
                        continue
                    for inner in child.iter():
                        if _local_name(inner) == "publication_date" and inner.text:
                            entry.setdefault("publication_date", inner.text.strip())
                element.clear()
                parent = element.getparent()
                if parent is not None:
                    while element.getprevious() is not None:
                        del parent[0]
                if entry.get("loc"):
                    yield entry
        except lxml.etree.LxmlError:  # the rest cannot be read: the entries so far stand
            return

    return _local_name(root), entries()


def _feed_date(value: str | None) -> date | None:
    if not value:
        return None
    value = value.strip()
    if m := re.match(r"(\d{4})-(\d{2})-(\d{2})", value):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None
