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
import select
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from scrapy.exceptions import DropItem

from cleaners.inputs import InputDoc
from cleaners.runner import Outcome, clean_one, default_jobs

from .seen import text_hash


def _worker_init(crawl_pid: int) -> None:
    """A cleaning worker ignores Ctrl-C (a graceful stop lets the pages being cleaned finish), runs
    at a lower priority than the crawl (when the cores are busy, the reactor that fetches and
    schedules gets them first: a late page costs nothing, a stalled reactor stalls every download),
    and exits when the crawl process is gone, however it ended (see `_exit_with`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        os.nice(5)
    except OSError:
        pass
    threading.Thread(target=_exit_with, args=(crawl_pid,), name="cleanwire-parent-watch", daemon=True).start()


def _exit_with(pid: int) -> None:
    """Exit this process when process `pid` ends. A pool worker holds its own task queue open, so a
    crawl killed with `kill -9` would otherwise leave its workers (and their forkserver) waiting
    forever. Waits on a pidfd (Linux), else checks once a second."""
    try:
        fd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        fd = None
    if fd is not None:
        select.select([fd], [], [])  # readable once the process has exited
        os._exit(0)
    while True:
        time.sleep(1.0)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:
            pass


def _warm_up() -> int:
    """Run once per new worker before any page is timed: loads what cleaning needs."""
    import cleaners.pipeline  # noqa: F401
    from cleaners import language

    language.load()  # the language model (about 0.7 s), so the first page's time limit is not spent on it

    time.sleep(0.05)  # hold this worker a moment, so the pool's other workers take the other warm-ups
    return os.getpid()


class CleanPipeline:
    """Raw page in (bytes, URL, charset), a cleanwire record out, or DropItem with the reason."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.workers = crawler.settings.getint("CLEANWIRE_CLEAN_WORKERS") or default_jobs()
        self.timeout = crawler.settings.getfloat("CLEANWIRE_CLEAN_TIMEOUT", 30.0)
        self.pool: ProcessPoolExecutor | None = None
        # pages handed to the pool at once: two per worker keeps every worker busy, and the time
        # limit then counts cleaning, not waiting in a long queue
        self.slots = asyncio.Semaphore(2 * self.workers)
        self._warming: tuple[ProcessPoolExecutor, asyncio.Future] | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _new_pool(self) -> ProcessPoolExecutor:
        # forkserver: never fork the process that runs the reactor and its threads
        return ProcessPoolExecutor(self.workers, mp_context=mp.get_context("forkserver"), initializer=_worker_init,
                                   initargs=(os.getpid(),))

    def open_spider(self, spider=None):
        self.pool = self._new_pool()
        # what the crawl process holds from start-up never becomes garbage: leave it out of the
        # collector's full passes, which otherwise hold the reactor for tens of milliseconds
        gc.freeze()
        # and run those full passes a hundred times less often: after the freeze CPython starts one
        # every 10 middle-generation passes (little "long-lived" is left to weigh them against),
        # each 40-80 ms with a crawl's queue of requests in memory, and nearly all of them free
        # nothing; the young passes, which free the garbage a page leaves, keep their pace
        gen0, gen1, gen2 = gc.get_threshold()
        gc.set_threshold(gen0, gen1, max(gen2, 1000))

    def close_spider(self, spider=None):
        if self.pool is not None:
            self.pool.shutdown(wait=True)

    async def _clean(self, doc: InputDoc) -> Outcome:
        """Clean one page in the pool. A page that takes longer than CLEANWIRE_CLEAN_TIMEOUT becomes a
        `timeout` error and the pool is replaced (its processes killed: a stuck worker cannot be
        interrupted otherwise); a worker that dies (killed, a crash in a C library) breaks the pool,
        which is replaced, and the pages it held are tried once more on the new one."""
        async with self.slots:
            for _attempt in (1, 2):
                pool = self.pool
                try:
                    await self._warmed(pool)  # start-up is not cleaning: the time limit starts after it
                    return await asyncio.wait_for(asyncio.wrap_future(pool.submit(clean_one, doc)), self.timeout)
                except BrokenProcessPool:
                    self._renew(pool)
                except TimeoutError:
                    self._renew(pool, kill=True)
                    return Outcome(doc.path, doc.url, error="timeout",
                                   message=f"cleaning took longer than {self.timeout:g} s (CLEANWIRE_CLEAN_TIMEOUT); "
                                           "the worker was stopped")
        return Outcome(doc.path, doc.url, error="crashed", message="the cleaning process died on this page twice")

    def _warmed(self, pool: ProcessPoolExecutor) -> asyncio.Future:
        """Done when every worker of `pool` has started and loaded the cleaning modules."""
        if self._warming is None or self._warming[0] is not pool:
            self._warming = (pool, asyncio.gather(*(asyncio.wrap_future(pool.submit(_warm_up))
                                                   for _ in range(self.workers))))
        return self._warming[1]

    def _renew(self, pool: ProcessPoolExecutor, kill: bool = False) -> None:
        """Replace `pool` with a new one, once (several pages may see the same broken pool)."""
        if self.pool is not pool:
            return
        if kill:
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()
        self.stats.inc_value("cleanwire/clean_pool_restarts")

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
        languages = getattr(spider, "languages", None)
        if languages and record.get("language") not in languages:
            self.stats.inc_value("cleanwire/skipped_other_language")
            raise DropItem(f"{record['url']}: language {record.get('language')} (score {record.get('language_score')}),"
                           f" not one of {','.join(sorted(languages))}", log_level="DEBUG")
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
