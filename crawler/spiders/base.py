"""The one spider class every cleanwire spider is: it fetches and discovers, `cleaners` cleans.

A spider starts from URLs (home or section pages, sitemaps, RSS/Atom feeds, articles), finds
sitemaps through robots.txt, follows in-domain links to `DEPTH_LIMIT`, and sends every page that
may be an article to the pipeline (`crawler.pipelines.CleanPipeline`), which cleans it in a
process pool and keeps it only when the cleaner says it is an article.

Arguments (`-a NAME=VALUE`):
    start_urls=URL[,URL...]   where to start (the `news` spider needs it; site spiders have defaults)
    base_url=URL              crawl a mirror of the site at URL (tests and the demo use it)
    allowed_domains=D[,D...]  stay on these domains (default: the start URLs' hosts)
    max_articles=N            stop after N articles written
    since=YYYY-MM-DD          skip articles older than this when the date is known
    language=CODE[,CODE...]   keep only articles in these languages (ISO 639-1, e.g. en,ru; the record's
                              `language`: detected in the text, else the page's <html lang>); the others
                              are counted as cleanwire/skipped_other_language
    recrawl=changed           refetch stored articles; write a new version only when the text changed
    profile=seeds/NAME.toml   read a crawl profile (patterns for listings and articles)
    source=KEY                (site spiders with [sources]) keep only that source's articles
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import CloseSpider
from scrapy.http import HtmlResponse, Response, TextResponse, XmlResponse
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from cleaners import canonical_url
from cleaners.encoding import codec_name, looks_like_html

from .. import faults, profiles
from ..guard import Refused
from ..profiles import GENERIC_DENY, CrawlProfile

_XML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(urlset|sitemapindex|rss|feed|rdf:RDF)\b", re.S)
_GENERIC_DENY = tuple(re.compile(p, re.I) for p in GENERIC_DENY)


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

    def __init__(self, *args, start_urls: str | None = None, base_url: str | None = None,
                 allowed_domains: str | None = None, max_articles: str | None = None, since: str | None = None,
                 recrawl: str | None = None, profile: str | None = None, source: str | None = None,
                 language: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        prof = profiles.load(profile) if profile else (profiles.load(self.profile_name) if self.profile_name else None)
        if prof is not None and base_url:
            prof = prof.rebased(base_url)
        self.crawl_profile: CrawlProfile | None = prof
        starts = [u.strip() for u in (start_urls or "").split(",") if u.strip()]
        if not starts and base_url and prof is None:
            starts = [base_url]
        if not starts and prof is not None:
            starts = [prof.absolute(p) for p in prof.start_paths]
            starts += [prof.absolute(p) for p in prof.feeds + prof.sitemaps]
        if not starts:
            raise ValueError(f"spider {self.name}: give -a start_urls=URL[,URL...] (or -a profile=seeds/NAME.toml)")
        bad = [u for u in starts if urlsplit(u).scheme not in ("http", "https")]
        if bad:
            raise ValueError(f"spider {self.name}: only http and https URLs can be crawled: {', '.join(bad)}")
        self.start_urls = starts
        if allowed_domains:
            self.allowed_domains = [d.strip() for d in allowed_domains.split(",") if d.strip()]
        elif prof is not None:
            self.allowed_domains = list(prof.allowed_domains)
        else:
            self.allowed_domains = sorted({urlsplit(u).hostname for u in starts if urlsplit(u).hostname})
        self.max_articles = int(max_articles) if max_articles else None
        self.since = date.fromisoformat(since) if since else None
        self.languages = frozenset(c.strip().lower() for c in (language or "").split(",") if c.strip())
        bad = sorted(c for c in self.languages if not re.fullmatch(r"[a-z]{2,3}", c))
        if bad:
            raise ValueError(f"spider {self.name}: language takes codes such as en,ru; not {', '.join(bad)}")
        if recrawl not in (None, "", "changed"):
            raise ValueError("recrawl takes one value: changed")
        self.recrawl = recrawl == "changed"
        self.source_label = None
        if source:
            if prof is None or source not in prof.sources:
                known = ", ".join(sorted(prof.sources)) if prof else "none"
                raise ValueError(f"spider {self.name}: unknown source {source!r} (known: {known})")
            self.source_label = prof.sources[source]
        self.cleaner_profile = prof.cleaner if prof else None
        self.seen = None  # the seen-store, set by crawler.extensions.CleanwireState when the spider opens
        self.report_error = None  # writes an error record; set there too
        self.written = 0
        self.written_urls: set[str] = set()  # canonical URLs written by this crawl
        self.skipped_urls: set[str] = set()  # canonical URLs skipped because an earlier crawl wrote them
        self._sitemaps_asked: set[str] = set()

    # ------------------------------------------------------------------ start

    async def start(self):
        for url in self.start_urls:
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
        if not isinstance(response, HtmlResponse | XmlResponse) and looks_like_html(response.body[:4096]) \
                and not _XML_START.match(response.body[:2048]):
            self._count("faults_fixed/wrong_content_type")
            response = HtmlResponse(response.url, status=response.status, headers=response.headers,
                                    body=response.body, request=response.request, flags=response.flags)
        if not isinstance(response, TextResponse):
            self._count("not_html")
            return
        if isinstance(response, XmlResponse) or _XML_START.match(response.body[:2048]):
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
                yield scrapy.Request(url, callback=self.parse, errback=self.on_error, meta={"cw_sitemap": True})

    def _parse_html(self, response: HtmlResponse):
        kind = self.page_kind(response.url, start=bool(response.meta.get("cw_start")))
        if kind in ("article", "unknown"):  # unknown: the cleaner's page-type gate decides
            yield from self._article(response)
        if kind in ("listing", "unknown") or (kind == "article" and self.crawl_profile is None):
            for link in self._links(response):
                request = self._follow(link, response)
                if request is not None:
                    yield request

    def _links(self, response: HtmlResponse):
        seen = set()
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href.strip()).split("#", 1)[0]
            if url not in seen and urlsplit(url).scheme in ("http", "https"):
                seen.add(url)
                yield url

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
        return scrapy.Request(url, callback=self.parse, errback=self.on_error, meta=meta or {})

    def _parse_xml(self, response: Response, body: bytes):
        """Sitemaps (index, urlset, news) and RSS/Atom feeds: their article URLs, with dates."""
        head = body[:2048]
        if b"<urlset" in head or b"<sitemapindex" in head:
            try:
                sitemap = Sitemap(body)
            except Exception:  # lxml refuses it: count, never crash
                self._count("bad_sitemap")
                return
            for entry in sitemap:
                loc = entry.get("loc")
                if not loc:
                    continue
                if sitemap.type == "sitemapindex":
                    if self._allowed(loc):
                        yield scrapy.Request(loc, callback=self.parse, errback=self.on_error,
                                             meta={"cw_sitemap": True})
                    continue
                published = _sitemap_date(entry)
                if self._too_old(published):
                    self._count("skipped_older_than_since")
                    continue
                request = self._follow(loc, meta={"cw_listed_date": published})
                if request is not None:
                    yield request
            return
        selector = scrapy.Selector(text=body.decode("utf-8", "replace"), type="xml")
        selector.remove_namespaces()
        for item in selector.xpath("//item | //entry"):
            link = item.xpath("link/@href").get() or item.xpath("link/text()").get()
            if not link:
                continue
            stamp = item.xpath("pubDate/text() | published/text() | updated/text() | date/text()").get()
            published = _feed_date(stamp)
            if self._too_old(published):
                self._count("skipped_older_than_since")
                continue
            request = self._follow(response.urljoin(link.strip()), meta={"cw_listed_date": published})
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
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
        charset = content_type.split("charset=", 1)[1].split(";")[0].strip() if "charset=" in content_type else None
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

    def _count(self, key: str) -> None:
        if self.crawler is not None:
            self.crawler.stats.inc_value(f"cleanwire/{key}")


def _sitemap_date(entry: dict) -> date | None:
    for key in ("publication_date", "lastmod"):
        value = entry.get(key)
        if isinstance(value, str) and (m := re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())):
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    news = entry.get("news")
    if isinstance(news, dict):
        return _sitemap_date(news)
    return None


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
