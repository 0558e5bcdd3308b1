"""Crawl state and the end-of-crawl report.

`CleanwireState` opens the spider's seen-store when it starts (setting `CLEANWIRE_STATE`, default
`output/.state/<spider>.sqlite`), marks every written article in it *after* the feed exporter
wrote the record (the extension is loaded after the exporter, so its `item_scraped` handler runs
second), and at the end prints one summary line and decides whether the crawl failed (nothing
fetched, or every request failed): `scrapy crawl` then exits 1 (see `crawler.commands.crawl`).
"""

from __future__ import annotations

import logging
import os
import sys

from scrapy import signals

from .seen import SeenStore, text_hash

logger = logging.getLogger(__name__)

#: Set when a crawl of this process failed; read by the crawl command for its exit status.
FAILED: list[str] = []


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


def summary(stats: dict, name: str) -> tuple[str, bool]:
    """The one-line report of a crawl and whether it failed."""
    get = stats.get
    fetched = get("response_received_count", 0)
    written = get("item_scraped_count", 0)
    seen = get("cleanwire/skipped_seen", 0)
    unchanged = get("cleanwire/unchanged", 0)
    non_articles = sum(v for k, v in stats.items() if k.startswith("cleanwire/dropped/not_article"))
    clean_errors = sum(v for k, v in stats.items() if k.startswith("cleanwire/dropped/")) - non_articles
    http_errors = sum(v for k, v in stats.items() if k.startswith("downloader/response_status_count/")
                      and k.rsplit("/", 1)[1][:1] in ("4", "5"))
    # failed fetches other than HTTP error statuses (already counted): timeouts, refused, too large
    failures = sum(v for k, v in stats.items()
                   if k.startswith("cleanwire/fetch_errors/") and not k.endswith("/HttpError"))
    errors = clean_errors + http_errors + failures
    line = (f"cleanwire crawl {name}: {fetched} pages fetched, {written} articles written, {seen} skipped as seen"
            f"{f', {unchanged} unchanged' if unchanged else ''}, {non_articles} non-articles, {errors} errors "
            f"(finish reason: {get('finish_reason', '?')})")
    failed = fetched == 0 or (get("downloader/request_count", 0) > 0 and fetched <= http_errors and written == 0)
    return line, failed


class CleanwireState:
    def __init__(self, crawler):
        self.crawler = crawler
        self.store: SeenStore | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def spider_opened(self, spider):
        path = self.crawler.settings.get("CLEANWIRE_STATE") or os.path.join("output", ".state", f"{spider.name}.sqlite")
        self.store = SeenStore(path)
        spider.seen = self.store
        logger.info("seen-store %s: %d articles already written", path, len(self.store))

    def item_scraped(self, item, response, spider):
        if self.store is not None and item.get("url") and isinstance(item.get("text"), str):
            self.store.mark(item["url"], text_hash(item["text"]))
            getattr(spider, "written_urls", set()).add(item["url"])

    def spider_closed(self, spider, reason):
        line, failed = summary(self.crawler.stats.get_stats(), spider.name)
        if failed:
            FAILED.append(spider.name)
            line += " - FAILED"
        logger.info(line)
        print(line, file=sys.stderr, flush=True)
        if self.store is not None:
            self.store.close()
