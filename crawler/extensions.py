"""Crawl state and the end-of-crawl report.

`CleanwireState` opens the spider's seen-store when it starts (setting `CLEANWIRE_STATE`, default
`output/.state/<spider>.sqlite`; in Redis with `CLEANWIRE_REDIS_URL`, see `crawler.redis_mode`),
marks every written article in it *after* the feed exporter wrote the record (the extension is
loaded after the exporter, so its `item_scraped` handler runs second) and the record is synced to
disk (`crawler.seen.DurableMarks`, off the reactor thread), and at the
end prints one summary line — counts, then every error by name (`crawler.faults`), the retries and
their reasons — and decides the exit status of `scrapy crawl` (see `crawler.commands.crawl`): 1 when
no page could be fetched, 3 when pages were lost to faults (after their retries) or to cleaning
errors, 0 otherwise. Dead links (404, 410) are named but lose nothing.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import CloseSpider

from cleaners.checkpoint import Busy
from cleaners.document import error_record

from . import faults
from .feeds import close_target, is_folder_target
from .seen import DurableMarks, SeenStore, text_hash

logger = logging.getLogger(__name__)

#: Set when a crawl of this process failed (nothing could be fetched) or lost pages to faults; read
#: by the crawl command for its exit status (1 and 3).
FAILED: list[str] = []
PARTIAL: list[str] = []


class OneLineFetchErrors(logging.Filter):
    """A failed download is one log line (URL and reason), not a traceback: a site that is down
    is an everyday event for a crawler, and cron mails should stay readable."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and "Error downloading" in str(record.msg):
            record.exc_info, record.exc_text = None, None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


for _name in ("scrapy.downloadermiddlewares.robotstxt", "scrapy.core.scraper"):
    logging.getLogger(_name).addFilter(OneLineFetchErrors())


def _under(stats: dict, prefix: str) -> dict[str, int]:
    """The counts of the stats keys below `prefix`, by the rest of the key."""
    return {k[len(prefix):]: v for k, v in stats.items() if k.startswith(prefix)}


def summary(stats: dict, name: str) -> tuple[str, str]:
    """The one-line report of a crawl and its outcome: `ok`, `partial` (pages lost to faults or to
    cleaning errors: exit status 3) or `failed` (no page could be fetched: exit status 1)."""
    get = stats.get
    fetched = get("response_received_count", 0)
    written = get("item_scraped_count", 0)
    seen = get("cleanwire/skipped_seen", 0)
    unchanged = get("cleanwire/unchanged", 0)
    clean_errors = _under(stats, "cleanwire/dropped/")
    non_articles = clean_errors.pop("not_article", 0)
    fault_counts = _under(stats, "cleanwire/faults/")
    lost = sum(v for k, v in fault_counts.items() if faults.is_lost(k)) + sum(clean_errors.values())
    errors = sum(clean_errors.values()) + sum(fault_counts.values())
    dups = _under(stats, "cleanwire/duplicates/")  # CLEANWIRE_DEDUP: not written
    marked = _under(stats, "cleanwire/duplicates_written/")  # CLEANWIRE_KEEP_DUPS=1: written with dup_of
    duplicates = ""
    if dups or marked or "cleanwire/dedup_index_records" in stats:
        kinds = marked or dups
        total = sum(kinds.values())
        how = "written with dup_of" if marked or get("cleanwire/dedup_keep_dups") else "skipped"
        duplicates = f", {total} duplicates {how}" + (
            f" (exact {kinds.get('exact', 0)}, near {kinds.get('near', 0)})" if total else "")
    line = (f"cleanwire crawl {name}: {fetched} pages fetched, {written} articles written, {seen} skipped as seen"
            f"{f', {unchanged} unchanged' if unchanged else ''}{duplicates}, {non_articles} non-articles, "
            f"{errors} errors (finish reason: {get('finish_reason', '?')})")
    named = {**fault_counts, **{f"cleaning {k}": v for k, v in clean_errors.items()}}
    if named:
        line += "; errors: " + ", ".join(f"{k} {v}" for k, v in sorted(named.items()))
    retries = get("retry/count", 0)
    if retries:
        reasons = {k.split(".")[-1]: v for k, v in _under(stats, "retry/reason_count/").items()}
        line += f"; {retries} retries (" + ", ".join(f"{k} {v}" for k, v in sorted(reasons.items())) + ")"
    if get("cleanwire/backoff/retry_after"):
        line += f", Retry-After honoured {get('cleanwire/backoff/retry_after')}x"
    if get("cleanwire/clean_pool_restarts"):
        line += f"; cleaning processes restarted {get('cleanwire/clean_pool_restarts')}x"
    refused = _under(stats, "cleanwire/refused/")
    if refused:
        line += "; refused: " + ", ".join(f"{k} {v}" for k, v in sorted(refused.items()))
    if get("cleanwire/robots_unavailable"):
        line += f"; robots.txt unavailable on {get('cleanwire/robots_unavailable')} host(s)"
    discovery = sum(_under(stats, "cleanwire/sitemap_discovery_failed/").values())
    if discovery:
        line += f"; robots.txt not read for sitemaps on {discovery} host(s)"
    fixed = get("cleanwire/faults_fixed/wrong_content_type", 0)
    if fixed:
        line += f"; wrong Content-Type, read as HTML: {fixed}"
    unknown = get("cleanwire/faults_fixed/unknown_charset", 0)
    if unknown:
        line += f"; unknown charset, decoded from the bytes: {unknown}"
    bounds = _under(stats, "cleanwire/bounds/")  # bounds on breadth (crawler.spiders.base)
    if bounds:
        line += "; bounds hit, not followed: " + ", ".join(
            f"{bounds[key]} {what} ({setting})" for key, what, setting in (
                ("sitemaps_per_index", "sitemaps", "CLEANWIRE_MAX_SITEMAPS_PER_INDEX"),
                ("links_per_page", "links", "CLEANWIRE_MAX_LINKS_PER_PAGE"),
                ("max_requests", "links", "CLEANWIRE_MAX_REQUESTS")) if bounds.get(key))
    if get("cleanwire/dedup_unusable"):
        line += "; the dedup index (CLEANWIRE_DEDUP) could not be used, nothing was crawled"
    if get("cleanwire/dedup_failed"):
        line += (f"; the dedup index failed, the crawl stopped: {get('cleanwire/dedup_not_checked', 0)} articles "
                 "not checked were not written (the next run fetches them)")
    if get("cleanwire/pages_ok", 0) == 0 and written == 0:
        return line, "failed"
    return line, ("partial" if lost or get("cleanwire/dedup_failed") else "ok")


def _errors_path(settings, spider) -> str | None:
    """Where a crawl's error records go: beside its first local feed, `FEED.errors.jsonl` (as
    `cleanwire clean` does), or None when the records go to no local file (stdout, a remote feed)."""
    from .feeds import uri_params

    for uri in settings.getdict("FEEDS"):
        uri = str(uri)
        if uri in ("-", "stdout:") or "://" in uri and not uri.startswith("file://"):
            continue
        params = uri_params({"name": spider.name, "time": datetime.now(UTC).replace(microsecond=0).isoformat()
                             .replace(":", "-")}, spider)
        try:
            path = uri % params
        except (KeyError, ValueError, TypeError):
            continue
        path = path.removeprefix("file://")
        if is_folder_target(path):  # shards: DIR/errors.jsonl, as `cleanwire clean -o DIR/`
            return os.path.join(path, "errors.jsonl")
        return path + ".errors.jsonl"
    return None


class CleanwireState:
    def __init__(self, crawler):
        self.crawler = crawler
        self.store: SeenStore | None = None  # or a RedisSeenStore (CLEANWIRE_REDIS_URL)
        self.marks: DurableMarks | None = None
        crawler.cleanwire_feed_fds = []  # crawler.feeds puts a duplicate of each feed file's descriptor here
        crawler.cleanwire_storages = []  # and each of its feed storages here (see spider_opened)
        self.errors_path: str | None = None
        self.errors = None  # the errors file, opened on the first error
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def spider_opened(self, spider):
        failed = None
        for storage in self.crawler.cleanwire_storages:  # made by the feed exporter, which opened first
            try:
                storage.prepare()
            except (ValueError, OSError, Busy) as exc:
                failed = str(exc)
        if failed:  # the feed could not be opened (crawler.feeds): fetch nothing, exit status 1
            logger.error("cannot write the records, so nothing is crawled: %s", failed)
            FAILED.append(spider.name)
            spider.report_error = lambda *args: None
            raise CloseSpider("output_unavailable")  # the engine closes the spider before its first request
        redis_url = self.crawler.settings.get("CLEANWIRE_REDIS_URL")
        if redis_url:  # a distributed crawl: the seen-store all the workers share (crawler.redis_mode)
            from .redis_mode import RedisSeenStore

            def opener():
                return RedisSeenStore(redis_url, spider.name)
        else:
            sqlite_path = self.crawler.settings.get("CLEANWIRE_STATE") or os.path.join(
                "output", ".state", f"{spider.name}.sqlite")

            def opener():
                return SeenStore(sqlite_path)
        self.store = opener()
        path = self.store.path
        spider.seen = self.store
        self.marks = DurableMarks(path, self.crawler.cleanwire_feed_fds,
                                  sync=self.crawler.settings.getbool("CLEANWIRE_FSYNC", True), opener=opener)
        self.marks.start()
        spider.report_error = self.report_error
        spider.mark_seen = self.mark_seen
        self.errors_path = self.crawler.settings.get("CLEANWIRE_ERRORS") or _errors_path(self.crawler.settings, spider)
        logger.info("seen-store %s: %d articles already written", path, len(self.store))

    def report_error(self, url: str, kind: str, message: str) -> None:
        """One error record (`cleaners.document.error_record`) for a page that gave no record because
        something failed: appended, one whole line per write, to the errors file (made on the first)."""
        if not self.errors_path:
            return
        if self.errors is None:
            Path(self.errors_path).parent.mkdir(parents=True, exist_ok=True)
            self.errors = open(self.errors_path, "ab", buffering=0)  # noqa: SIM115 - closed at spider_closed
        line = json.dumps(error_record(error=kind, message=message, url=url), ensure_ascii=False) + "\n"
        self.errors.write(line.encode("utf-8"))

    def mark_seen(self, url: str, text: str) -> None:
        """Mark a page as seen once the records written so far are on disk: each written article, and a
        page handled without a record (a duplicate dropped by CLEANWIRE_DEDUP)."""
        if self.marks is not None and url:
            self.marks.add(url, text_hash(text))

    def item_scraped(self, item, response, spider):
        if item.get("url") and isinstance(item.get("text"), str):
            self.mark_seen(item["url"], item["text"])  # marked once synced to disk
            getattr(spider, "written_urls", set()).add(item["url"])

    def spider_closed(self, spider, reason):
        line, outcome = summary(self.crawler.stats.get_stats(), spider.name)
        if outcome == "failed":
            FAILED.append(spider.name)
            line += " - FAILED"
        elif outcome == "partial":
            PARTIAL.append(spider.name)
            line += " - PARTIAL (pages lost to the errors named; exit status 3)"
        if self.marks is not None:
            self.marks.close()
            if self.marks.failed:
                line += f"; seen-store not updated ({self.marks.failed})"
        for target in self.crawler.cleanwire_feed_fds:
            close_target(target)
        self.crawler.cleanwire_feed_fds.clear()
        if self.errors is not None:
            self.errors.close()
            line += f"; error records in {self.errors_path}"
        logger.info(line)
        print(line, file=sys.stderr, flush=True)
        if self.store is not None:
            self.store.close()
