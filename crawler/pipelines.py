"""The item pipeline: every page a spider thinks may be an article goes to `cleaners`.

Cleaning runs in a process pool beside the Twisted reactor (the reactor thread only awaits the
result), so fetching never waits behind extraction. A page the cleaner rejects (not an article,
no text, too large...) is counted in the stats as `cleanwire/dropped/<kind>` and not written; one
that failed to clean (anything but "not an article") also gets an error record in the crawl's
errors file (`crawler.extensions`).
"""

from __future__ import annotations

import asyncio
import gc
import json
import multiprocessing as mp
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from scrapy.exceptions import DropItem

from cleaners.inputs import InputDoc
from cleaners.runner import Outcome, clean_one, default_jobs

from .seen import text_hash


def _worker_init() -> None:
    """A cleaning worker ignores Ctrl-C (a graceful stop lets the pages being cleaned finish) and
    runs at a lower priority than the crawl: when the cores are busy, the reactor that fetches and
    schedules gets them first (a late page costs nothing; a stalled reactor stalls every download)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        os.nice(5)
    except OSError:
        pass


class CleanPipeline:
    """Raw page in (bytes, URL, charset), a cleanwire record out, or DropItem with the reason."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.workers = crawler.settings.getint("CLEANWIRE_CLEAN_WORKERS") or default_jobs()
        self.pool: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _new_pool(self) -> ProcessPoolExecutor:
        # forkserver: never fork the process that runs the reactor and its threads
        return ProcessPoolExecutor(self.workers, mp_context=mp.get_context("forkserver"), initializer=_worker_init)

    def open_spider(self, spider=None):
        self.pool = self._new_pool()
        # what the crawl process holds from start-up never becomes garbage: leave it out of the
        # collector's full passes, which otherwise hold the reactor for tens of milliseconds
        gc.freeze()

    def close_spider(self, spider=None):
        if self.pool is not None:
            self.pool.shutdown(wait=True)

    async def _clean(self, doc: InputDoc) -> Outcome:
        for attempt in (1, 2):
            try:
                return await asyncio.wrap_future(self.pool.submit(clean_one, doc))
            except BrokenProcessPool:  # a worker died (killed, or a crash in a C library): new pool, once more
                self.pool = self._new_pool()
                if attempt == 2:
                    break
        return Outcome(doc.path, doc.url, error="crashed", message="the cleaning process died on this page twice")

    async def process_item(self, item, spider=None):
        spider = spider or self.crawler.spider
        if "cw_body" not in item:
            return item
        if not self.crawler.settings.getbool("CLEANWIRE_CLEAN", True):  # a bare fetch, for benchmarks
            self.stats.inc_value("cleanwire/not_cleaned")
            raise DropItem(f"{item['cw_url']}: cleaning switched off (CLEANWIRE_CLEAN=0)", log_level="DEBUG")
        doc = InputDoc(None, item["cw_url"], data=item["cw_body"], fmt="html", charset=item["cw_charset"],
                       fetched_at=item["cw_fetched_at"], profile=item["cw_profile"])
        outcome = await self._clean(doc)
        if outcome.record is None:
            kind = "not_article" if outcome.error in ("not_article", "no_text") else outcome.error
            self.stats.inc_value(f"cleanwire/dropped/{kind}")
            if kind != "not_article" and getattr(spider, "report_error", None) is not None:
                spider.report_error(item["cw_url"], outcome.error, outcome.message)
            raise DropItem(f"{item['cw_url']}: {outcome.error}: {outcome.message}", log_level="DEBUG")
        record = json.loads(outcome.record)
        since = getattr(spider, "since", None)
        if since and record.get("published") and record["published"][:10] < since.isoformat():
            self.stats.inc_value("cleanwire/skipped_older_than_since")
            raise DropItem(f"{record['url']}: published {record['published']}, before {since}", log_level="DEBUG")
        label = getattr(spider, "source_label", None)
        if label and record.get("source") != label:
            self.stats.inc_value("cleanwire/skipped_other_source")
            raise DropItem(f"{record['url']}: source {record.get('source')!r}, not {label!r}", log_level="DEBUG")
        seen = getattr(spider, "seen", None)
        if seen is not None and record.get("url"):
            stored = seen.hash_of(record["url"])
            if stored is not None and (not spider.recrawl or stored == text_hash(record["text"])):
                self.stats.inc_value("cleanwire/skipped_seen" if not spider.recrawl else "cleanwire/unchanged")
                raise DropItem(f"{record['url']}: already written", log_level="DEBUG")
        if getattr(spider, "max_articles", None) is not None and spider.written >= spider.max_articles:
            raise DropItem(f"{record['url']}: max_articles reached", log_level="DEBUG")
        spider.written += 1
        return record
