"""The item pipeline: every page a spider thinks may be an article goes to `cleaners`.

Cleaning runs in a process pool beside the Twisted reactor (the reactor thread only awaits the
result), so fetching never waits behind extraction. A page the cleaner rejects (not an article,
no text, too large...) is counted in the stats as `cleanwire/dropped/<kind>` and not written; one
that failed to clean (anything but "not an article") also gets an error record in the crawl's
errors file (`crawler.extensions`).

With `CLEANWIRE_DEDUP=DIR` an article is also checked against a duplicate index folder
(`cleaners.dedup`, the one `cleanwire dedup --index DIR` uses): an exact or near copy of a record
kept before (by this crawl, an earlier one, or `cleanwire dedup`) is not written and is counted as
`cleanwire/duplicates/<exact|near>`, or with `CLEANWIRE_KEEP_DUPS=1` written with `dup_of` and
`dup_kind` (`cleanwire/duplicates_written/<kind>`). See `CrawlDedup`.
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import multiprocessing as mp
import os
import signal
import sqlite3
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from scrapy.exceptions import CloseSpider, DropItem

from cleaners.inputs import InputDoc
from cleaners.runner import Outcome, clean_one, default_jobs, die_with

from .seen import text_hash

logger = logging.getLogger(__name__)


def _worker_init(crawl_pid: int) -> None:
    """A cleaning worker ignores Ctrl-C (a graceful stop lets the pages being cleaned finish), runs
    at a lower priority than the crawl (when the cores are busy, the reactor that fetches and
    schedules gets them first: a late page costs nothing, a stalled reactor stalls every download),
    and exits when the crawl process is gone, however it ended (see `cleaners.runner.die_with`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        os.nice(5)
    except OSError:
        pass
    die_with(crawl_pid)


def _warm_up() -> int:
    """Run once per new worker before any page is timed: loads what cleaning needs."""
    import cleaners.pipeline  # noqa: F401
    from cleaners import language

    language.load()  # maps the language model (15 ms; built once into the cache on first use) before a page is timed

    time.sleep(0.05)  # hold this worker a moment, so the pool's other workers take the other warm-ups
    return os.getpid()


class DedupUnusable(Exception):
    """The CLEANWIRE_DEDUP folder cannot be used (locked by another run, not an index, other settings)."""


class CrawlDedup:
    """A crawl's duplicate check against a `cleaners.dedup.DedupIndex` folder, on one thread of its own.

    Every call on the index (opening it, which rebuilds its band tables; each check; each commit)
    runs on that one thread, in the order asked (the SQLite connection belongs to that thread, and a
    check sees every record checked before it); the reactor only awaits the result.

    Durability: a record kept in the index is committed *before* the record is handed on to be
    written (group commit: one commit covers every check that finished while the previous commit
    ran, so a burst of articles costs one commit). The seen-store marks an article only after its
    record is synced to disk (`crawler.seen.DurableMarks`), so after a `kill -9` at any moment:
    written and marked => in the index. The other way round, an index entry whose record was lost
    to the kill is harmless: the article is not marked as seen, the next run fetches it again, and
    a match with the same record id kept by an earlier run is not a duplicate (`check(...,
    ignore_own=True)`; ids are stable per URL). The same covers `recrawl=changed`: the new version
    of an article is not a duplicate of its old version. A duplicate that is dropped is marked as
    seen (with the hash of its text), so later runs do not fetch and clean it again; with
    `recrawl=changed` they do, and write it when it has changed into something that is no copy.

    The index folder stays locked from `open()` to `close()`: a second crawl or a `cleanwire dedup`
    on the same folder gets `DedupIndexError` ("database is locked") within half a second.
    """

    def __init__(self, path: str, threshold: float):
        self.path, self.threshold = path, threshold
        self.thread = ThreadPoolExecutor(1, thread_name_prefix="cleanwire-dedup")
        self.index = None  # a cleaners.dedup.DedupIndex, made (and only ever used) on self.thread
        self.committed = 0  # records this run added to the index and committed
        self._commit: asyncio.Future | None = None  # the commit asked for and not yet seen done
        self.closed = False
        self.commits = 0  # checkpoints made (counted on the thread)

    async def _run(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self.thread, fn, *args)

    def _open(self) -> int:
        # numpy and datasketch (half a second to import) are imported on this thread too
        from cleaners.dedup import DedupIndex, DedupIndexError

        try:
            self.index = DedupIndex(self.path, self.threshold)
        except (DedupIndexError, OSError, ValueError) as exc:
            raise DedupUnusable(str(exc)) from exc
        return self.index.size

    async def open(self) -> int:
        """Open (or make) the index folder; the number of records kept by earlier runs. Raises
        `DedupUnusable` when the folder cannot be used."""
        return await self._run(self._open)

    def _check(self, rid: str, text: str):
        return self.index.check(rid, text, ignore_own=True), self.index.added

    def _checkpoint(self) -> int:
        self.index.checkpoint()
        self.commits += 1
        return self.index.added

    async def check(self, rid: str, text: str):
        """The `cleaners.dedup.Match` of an earlier record, or None once this one is in the index
        and committed."""
        if self.closed:
            raise RuntimeError("the dedup index is closed")
        match, added = await self._run(self._check, rid, text)
        while self.committed < added:
            if self._commit is None:
                self._commit = asyncio.ensure_future(self._run(self._checkpoint))
            commit = self._commit
            try:
                # shielded: several items wait on one commit; it runs to its end whatever happens to one
                done = await asyncio.shield(commit)
            finally:
                if self._commit is commit and commit.done():
                    self._commit = None
            # a commit asked for before this check ran covers less: then ask for the next one
            self.committed = max(self.committed, done)
        return match

    def _close(self, keep: bool) -> None:
        if self.index is not None:
            if keep:
                self.index.commit()
            else:
                self.index.close()

    async def close(self, keep: bool = True) -> None:
        """Commit (or with keep=False roll back to the last commit) and release the folder."""
        if self.closed:
            return
        self.closed = True
        try:
            await self._run(self._close, keep)
        finally:
            self.thread.shutdown(wait=True)


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
        self.dedup: CrawlDedup | None = None  # CLEANWIRE_DEDUP, opened in open_spider
        self.keep_dups = False
        self.dedup_failed: str | None = None
        self._stopping: asyncio.Future | None = None  # the engine closing the spider after a dedup failure
        self._retired: list[threading.Thread] = []  # manager threads of pools replaced by _renew

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _new_pool(self) -> ProcessPoolExecutor:
        # forkserver: never fork the process that runs the reactor and its threads
        return ProcessPoolExecutor(self.workers, mp_context=mp.get_context("forkserver"), initializer=_worker_init,
                                   initargs=(os.getpid(),))

    async def _open_dedup(self) -> None:
        """Open the CLEANWIRE_DEDUP index folder, or stop the crawl before it fetches anything: a crawl
        asked to deduplicate never runs without it."""
        settings = self.crawler.settings
        path = settings.get("CLEANWIRE_DEDUP") or ""
        if not path:
            return
        try:
            threshold = settings.getfloat("CLEANWIRE_DEDUP_THRESHOLD", 0.8)
            self.keep_dups = settings.getbool("CLEANWIRE_KEEP_DUPS", False)
            if not 0.0 < threshold <= 1.0:
                raise ValueError(f"CLEANWIRE_DEDUP_THRESHOLD must be above 0 and at most 1, not {threshold:g}")
        except ValueError as exc:
            problem = str(exc)
            self.stats.set_value("cleanwire/usage_error", 1)  # a bad setting: exit status 2
        else:
            dedup = CrawlDedup(path, threshold)
            try:
                before = await dedup.open()
            except DedupUnusable as exc:
                await dedup.close(keep=False)
                problem = str(exc)
            else:
                self.dedup = dedup
                self.stats.set_value("cleanwire/dedup_index_records", before)
                if self.keep_dups:
                    self.stats.set_value("cleanwire/dedup_keep_dups", 1)
                logger.info("dedup index %s: %d records kept before; duplicates (Jaccard >= %g) are %s", path,
                            before, threshold, "written with dup_of" if self.keep_dups else "not written")
                return
        self.stats.set_value("cleanwire/dedup_unusable", 1)
        logger.error("dedup index %s cannot be used: %s; the crawl stops before fetching anything "
                     "(CLEANWIRE_DEDUP)", path, problem)
        raise CloseSpider("dedup_index_unusable")

    async def open_spider(self, spider=None):
        await self._open_dedup()
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

    async def close_spider(self, spider=None):
        if self.pool is not None:
            self.pool.shutdown(wait=True)
        # a replaced pool's manager thread may still be closing its wake-up pipe; Python 3.11's exit
        # hook writes to every pool's pipe without a lock and, racing that close, printed a traceback
        # ("Bad file descriptor"; CPython gh-125451, fixed in later Pythons): let the threads end first
        for thread in self._retired:
            thread.join(timeout=10)
        if self.dedup is not None:
            try:
                await self.dedup.close(keep=self.dedup_failed is None)
            except (sqlite3.Error, OSError) as exc:
                logger.error("dedup index %s: closing failed (%s: %s); it keeps what was committed before the "
                             "records were written", self.dedup.path, type(exc).__name__, exc)
            else:
                added = self.dedup.index.added if self.dedup.index is not None else 0
                logger.info("dedup index %s: %d records added (%d commits)", self.dedup.path, added,
                            self.dedup.commits)

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
        manager = getattr(pool, "_executor_manager_thread", None)  # gone from the pool after shutdown()
        if manager is not None:
            self._retired.append(manager)
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
        if self._max_reached(spider):  # (with dedup on: not checked, so not added to the index)
            raise DropItem(f"{record['url']}: max_articles reached", log_level="DEBUG")
        if self.dedup is not None:
            await self._deduplicate(record)
            if self._max_reached(spider):
                # reached while this one was checked: it stays in the index (committed), not marked as
                # seen; the next run writes it (its own id is no duplicate)
                raise DropItem(f"{record['url']}: max_articles reached", log_level="DEBUG")
        spider.written += 1
        return record

    @staticmethod
    def _max_reached(spider) -> bool:
        return getattr(spider, "max_articles", None) is not None and spider.written >= spider.max_articles

    async def _deduplicate(self, record: dict) -> None:
        """Drop a duplicate (DropItem), or mark it with dup_of and dup_kind (CLEANWIRE_KEEP_DUPS=1),
        as `cleanwire dedup --keep-dups` does; a record that is no duplicate is committed to the index
        before this returns."""
        if self.dedup_failed is not None:
            self.stats.inc_value("cleanwire/dedup_not_checked")
            raise DropItem(f"{record['url']}: not checked for duplicates ({self.dedup_failed})", log_level="DEBUG")
        try:
            match = await self.dedup.check(record["id"], record["text"])
        except (sqlite3.Error, OSError) as exc:  # a full disk, an I/O error: stop rather than go on unchecked
            self.stats.inc_value("cleanwire/dedup_not_checked")
            if self.dedup_failed is None:
                self.dedup_failed = f"{type(exc).__name__}: {exc}"
                self.stats.set_value("cleanwire/dedup_failed", 1)
                logger.error("dedup index %s failed (%s): the crawl stops; the articles not checked are not "
                             "written and the next run fetches them again", self.dedup.path, self.dedup_failed)
                stop = self.crawler.engine.close_spider_async(reason="dedup_failed")
                self._stopping = asyncio.ensure_future(stop)
            raise DropItem(f"{record['url']}: not checked for duplicates ({self.dedup_failed})",
                           log_level="DEBUG") from exc
        if match is None:
            return
        if self.keep_dups:
            record["dup_of"], record["dup_kind"] = match.of, match.kind
            self.stats.inc_value(f"cleanwire/duplicates_written/{match.kind}")
            return
        self.stats.inc_value(f"cleanwire/duplicates/{match.kind}")
        mark = getattr(self.crawler.spider, "mark_seen", None)
        if mark is not None:  # handled: later runs skip it (recrawl=changed looks at it again)
            mark(record["url"], record["text"])
        raise DropItem(f"{record['url']}: {match.kind} duplicate (similarity {match.similarity:.3f}) of record "
                       f"{match.of}", log_level="DEBUG")
