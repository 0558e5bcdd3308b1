"""Crawl state and the end-of-crawl report.

`CleanwireState` opens the spider's seen-store when it starts (setting `CLEANWIRE_STATE`, default
`output/.state/<spider>.sqlite`; in Redis with `CLEANWIRE_REDIS_URL`, see `crawler.redis_mode`),
marks every written article in it *after* the feed exporter wrote the record (the extension is
loaded after the exporter, so its `item_scraped` handler runs second) and the record is synced to
disk (`crawler.seen.DurableMarks`, off the reactor thread), and at the
end prints one summary line — counts, then every error by name (`crawler.faults`), the retries and
their reasons. `exit_status()` reads the crawl's stats for the exit status of `scrapy crawl` (see
`crawler.commands.crawl` and `cleaners.exits.Exit`): 2 a usage error found when the spider opens,
5 the output (or the errors file, the seen-store, the dedup index) could not be written, 130
interrupted (Ctrl-C or SIGTERM: finish reason `shutdown`), 4 no page could be fetched, 3 pages were
lost to faults (after their retries) or to cleaning errors, 0 otherwise. Dead links (404, 410) are
named but lose nothing.

Output trust: the outputs are opened (and locked) when the spider opens, before anything is
fetched, so one that cannot be written stops the crawl with one line. An article is marked as seen
only once its record reached the output; a write that fails (a full disk) stops the crawl, and the
summary counts the records that reached the output, not those scraped. `-O` on an output that
holds records first has the seen-store forget their URLs (see `CleanwireState.forget`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import CloseSpider

from cleaners.checkpoint import HIDDEN_SHARD, SHARD_NAME, Busy, Lock, hidden
from cleaners.document import error_record
from cleaners.exits import Exit

from . import faults
from .feeds import _cut_torn_tail, _FeedFile, _reason, close_target, holds_records, is_folder_target
from .seen import DurableMarks, SeenStore, text_hash

logger = logging.getLogger(__name__)


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
    # records that reached the output (CleanwireState counts them); scraped is more when writing failed
    written = get("cleanwire/records_written", get("item_scraped_count", 0))
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
    if get("cleanwire/forgotten"):
        line += f"; -O replaced an output: {get('cleanwire/forgotten')} of its articles fetched again"
    if get("cleanwire/dedup_unusable"):
        line += "; the dedup index (CLEANWIRE_DEDUP) could not be used, nothing was crawled"
    if get("cleanwire/dedup_failed"):
        line += (f"; the dedup index failed, the crawl stopped: {get('cleanwire/dedup_not_checked', 0)} articles "
                 "not checked were not written (the next run fetches them)")
    if get("cleanwire/pages_ok", 0) == 0 and written == 0:
        return line, "failed"
    return line, ("partial" if lost else "ok")


def exit_status(stats: dict) -> Exit:
    """The exit status of a crawl, from its stats (read by `crawler.commands.crawl` after the run)."""
    if stats.get("cleanwire/usage_error"):
        return Exit.USAGE
    if stats.get("cleanwire/output_failed") or stats.get("cleanwire/dedup_unusable") or \
            stats.get("cleanwire/dedup_failed"):
        return Exit.OUTPUT
    if stats.get("finish_reason", "shutdown") == "shutdown":  # none: stopped by a second Ctrl-C
        return Exit.INTERRUPTED
    outcome = summary(stats, "")[1]
    return {"failed": Exit.NOTHING_FETCHED, "partial": Exit.LOST}.get(outcome, Exit.OK)


#: the words the summary line ends with, by exit status
VERDICTS = {
    Exit.USAGE: " - REFUSED (exit status 2)",
    Exit.OUTPUT: " - OUTPUT FAILED (exit status 5)",
    Exit.INTERRUPTED: " - INTERRUPTED (exit status 130)",
    Exit.NOTHING_FETCHED: " - FAILED (nothing fetched; exit status 4)",
    Exit.LOST: " - PARTIAL (pages lost to the errors named; exit status 3)",
}


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
    """The seen-store, the errors file and the outputs' trust: see the module's docstring."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.store: SeenStore | None = None  # or a RedisSeenStore (CLEANWIRE_REDIS_URL)
        self.marks: DurableMarks | None = None
        crawler.cleanwire_feed_fds = []  # crawler.feeds puts a duplicate of each feed file's descriptor here
        crawler.cleanwire_storages = []  # and each of its feed storages here (see spider_opened)
        self.errors_path: str | None = None
        self.errors = None  # the errors file, opened on the first error
        self.errors_lock: Lock | None = None
        self.written = 0  # records that reached every output (as far as the reactor thread can tell)
        self.failed: str | None = None  # why the crawl stopped: an output could not be written
        self._stopping = None  # the engine closing the spider after that
        self._opener = None  # makes a seen-store of this spider (SQLite or Redis)
        self._sqlite_path: str | None = None
        self._plain: list = []  # the plain-file storages (their records' ends are queued with the marks)
        self.undone = False  # records the seen-store could not mark were cut off the outputs
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(self.feed_exporter_closed, signal=signals.feed_exporter_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    # ------------------------------------------------------------------ opening

    def spider_opened(self, spider):
        settings = self.crawler.settings
        storages = self.crawler.cleanwire_storages  # made by the feed exporter, which opened first
        redis_url = settings.get("CLEANWIRE_REDIS_URL")
        if redis_url:  # a distributed crawl: the seen-store all the workers share (crawler.redis_mode)
            from .redis_mode import RedisSeenStore

            def opener():
                return RedisSeenStore(redis_url, spider.name)
        else:
            self._sqlite_path = sqlite_path = settings.get("CLEANWIRE_STATE") or os.path.join(
                "output", ".state", f"{spider.name}.sqlite")

            def opener():
                return SeenStore(sqlite_path)
        self._opener = opener
        self.errors_path = settings.get("CLEANWIRE_ERRORS") or (
            _errors_beside(storages[0].path) if storages else _errors_path(settings, spider))
        spider.report_error = lambda *args: None  # until the outputs are open
        refused = self._refused(storages)
        if refused:
            for storage in storages:
                storage.skip(refused)
            self.crawler.stats.set_value("cleanwire/usage_error", 1)
            logger.error("%s; nothing is crawled", refused)
            raise CloseSpider("usage_error")
        try:
            # a CLEANWIRE_ERRORS file another crawl may share is locked first, so a refused crawl
            # leaves every output as it was; one beside the output after it (its folder's problem
            # is then named as the output's)
            given = bool(settings.get("CLEANWIRE_ERRORS"))
            if given:
                self._lock_errors()
            for storage in storages:
                storage.forget = self.forget
                try:
                    storage.prepare()
                except (ValueError, OSError, Busy) as exc:
                    if isinstance(exc, ValueError):  # a setting (CLEANWIRE_COMPRESS...): a usage error
                        self.crawler.stats.set_value("cleanwire/usage_error", 1)
                    raise OSError(f"{storage.path}: {storage.refused}") from None
            if not given:
                self._lock_errors()
            try:
                self.store = opener()
            except Exception as exc:  # noqa: BLE001 - OSError, sqlite3.Error, a Redis error: one line, exit 5
                where = self._sqlite_path or redis_url
                raise OSError(f"the seen-store {where}: {_reason(exc, self._sqlite_path)}") from None
        except OSError as exc:  # cannot write: fetch nothing (the engine closes the spider before its first request)
            self.failed = str(exc)
            for storage in storages:
                storage.skip(self.failed)
            if not self.crawler.stats.get_value("cleanwire/usage_error"):
                self.crawler.stats.set_value("cleanwire/output_failed", 1)
            logger.error("cannot write the records, so nothing is crawled: %s", self.failed)
            raise CloseSpider("output_unavailable") from None
        path = self.store.path
        spider.seen = self.store
        self._plain = [s for s in storages if s.handle is not None]  # plain files: cut back by position
        self.marks = DurableMarks(path, self.crawler.cleanwire_feed_fds,
                                  sync=settings.getbool("CLEANWIRE_FSYNC", True), opener=opener,
                                  undo=self._undo, kept=self._ends())
        self.marks.start()
        spider.report_error = self.report_error
        spider.mark_seen = self.mark_seen
        logger.info("seen-store %s: %d articles already written", path, len(self.store))

    def _lock_errors(self) -> None:
        """Lock the errors file as an output is locked (`.NAME.lock`): two crawls sharing it would
        each think their error records written. Raises OSError with the reason."""
        if not self.errors_path:
            return
        lock = Lock(hidden(self.errors_path, ".lock"), self.errors_path)
        try:
            lock.acquire()
        except (OSError, Busy) as exc:
            raise OSError(f"the errors file {self.errors_path}: {_reason(exc, self.errors_path)}") from None
        self.errors_lock = lock

    def _refused(self, storages) -> str | None:
        """A usage error found before anything is opened: the errors file is one of the outputs, or
        `-O` would empty an output that a resumed JOBDIR crawl cannot fill again."""
        if self.errors_path:
            errors = os.path.realpath(self.errors_path)
            for storage in storages:
                target = os.path.realpath(storage.path)
                name = os.path.basename(errors)
                inside = is_folder_target(storage.path) and os.path.dirname(errors) == target and (
                    SHARD_NAME.fullmatch(name) or HIDDEN_SHARD.fullmatch(name) or name in ("manifest.json",
                                                                                            ".cleanwire.lock"))
                if errors == target or inside:
                    return (f"the errors file {self.errors_path} would be written into the records "
                            f"output {storage.path}: give CLEANWIRE_ERRORS another file")
        jobdir = self.crawler.settings.get("JOBDIR")
        seen = os.path.join(jobdir, "requests.seen") if jobdir else None
        if seen and os.path.exists(seen) and os.path.getsize(seen):
            for storage in storages:
                if storage.overwrite and holds_records(storage.path):
                    return (f"-O would empty {storage.path}, but JOBDIR={jobdir} resumes a crawl that does not "
                            "fetch its pages again: give -o to go on with that output, or a new JOBDIR")
        return None

    def forget(self, path: str, urls) -> None:
        """`-O` is about to empty `path`, an output that holds records: the seen-store first forgets
        their URLs (`urls()` reads them), so this crawl fetches and writes those articles again.

        Why: `-O FILE` means "FILE holds what this crawl gives". Without this, a rerun with `-O` into
        the same file empties it while the seen-store skips every article it held: they would end in
        no output. Articles written to other outputs stay marked (a rerun into another file still
        skips them), so the outputs together keep every article exactly once. An output whose format
        cannot be read back (`csv`, `xml`) makes the whole seen-store forget. Raises OSError when
        the seen-store cannot be changed: then the output is left as it is."""
        if self._sqlite_path is not None and not os.path.exists(self._sqlite_path):
            return
        try:
            store = self._opener()
            try:
                if not len(store):
                    return
                found = urls()
                gone = store.clear() if found is None else store.forget(found)
            finally:
                store.close()
        except OSError:
            raise
        except Exception as exc:  # noqa: BLE001 - sqlite3.Error, a Redis error: the output is not emptied
            raise OSError(f"-O {path}: the seen-store could not forget the records it replaces "
                          f"({type(exc).__name__}: {exc})") from None
        self.crawler.stats.inc_value("cleanwire/forgotten", gone)
        logger.warning("-O %s: %s; this crawl fetches and writes them again", path,
                       "the seen-store forgot all its articles (a format cannot be read back)" if found is None
                       else f"the seen-store forgot the {gone} articles it held")

    # ------------------------------------------------------------------ records and errors

    def report_error(self, url: str, kind: str, message: str) -> None:
        """One error record (`cleaners.document.error_record`) for a page that gave no record because
        something failed: appended, one whole line per write, to the errors file (made on the first).
        An errors file that cannot be written stops the crawl as an output that cannot."""
        if not self.errors_path or self.failed:
            return
        line = json.dumps(error_record(error=kind, message=message, url=url), ensure_ascii=False) + "\n"
        try:
            if self.errors is None:
                Path(self.errors_path).parent.mkdir(parents=True, exist_ok=True)
                _cut_torn_tail(self.errors_path, "none")
                self.errors = _FeedFile(self.errors_path, "ab")  # closed at spider_closed
            self.errors.write(line.encode("utf-8"))
        except OSError as exc:
            self._stop(f"the errors file {self.errors_path}: {_reason(exc, self.errors_path)}")
            return
        if self.errors.failed:
            self._stop(f"the errors file {self.errors_path}: {self.errors.failed}")

    def mark_seen(self, url: str, text: str, record: bool = False) -> None:
        """Mark a page as seen once the records written so far are on disk: each written article
        (`record`), and a page handled without a record (a duplicate dropped by CLEANWIRE_DEDUP)."""
        if self.marks is not None and url and not self.failed:
            lines = tuple((s.writer, s.writer.appended) for s in self.crawler.cleanwire_storages
                          if s.writer is not None)
            self.marks.add(url, text_hash(text), self._ends(), record, lines)

    def _ends(self) -> tuple[int, ...]:
        return tuple(storage.handle.end for storage in self._plain)

    def _undo(self, ends) -> None:
        """(The marking thread.) The seen-store cannot mark: cut every output back to where it ended
        after the last record marked, and write nothing more (see `crawler.seen.DurableMarks`)."""
        why = f"the seen-store {self.marks.path} could not be written"
        for storage, end in zip(self._plain, ends or (), strict=False):
            storage.handle.cut_to(end, why)
        for storage in self.crawler.cleanwire_storages:
            if storage.writer is not None:
                storage.writer.undo_last_sync(why)
        self.undone = True

    def _output_failure(self) -> str | None:
        if self.marks is not None and self.marks.failed and not self.marks.output_failed:
            return f"the seen-store {self.marks.path} could not be written: {self.marks.failed}"
        for storage in self.crawler.cleanwire_storages:
            if storage.failed:
                return f"{storage.path}: {storage.failed}"
        if self.marks is not None and self.marks.failed:
            return f"the records could not be put on disk: {self.marks.failed}"
        return None

    def _stop(self, why: str) -> None:
        """Stop the crawl, once: an output (or the errors file, or the seen-store) cannot be written."""
        if self.failed:
            return
        self.failed = why
        for storage in self.crawler.cleanwire_storages:
            storage.halt(why)
        self.crawler.stats.set_value("cleanwire/output_failed", 1)
        logger.error("cannot write the records (%s): the crawl stops; the records written before are kept and "
                     "marked as seen, the next run fetches the rest", why)
        self._stopping = asyncio.ensure_future(self.crawler.engine.close_spider_async(reason="output_failed"))

    def item_scraped(self, item, response, spider):
        """After the feed exporter wrote the record (this handler runs second): mark the article
        only when the record reached every output, else stop the crawl."""
        why = self.failed or self._output_failure()
        if why:
            self._stop(why)
            return
        self.written += 1
        if item.get("url") and isinstance(item.get("text"), str):
            self.mark_seen(item["url"], item["text"], record=True)  # marked once synced to disk
            getattr(spider, "written_urls", set()).add(item["url"])

    # ------------------------------------------------------------------ closing

    def spider_closed(self, spider, reason):
        stats = self.crawler.stats
        if self.marks is not None:
            self.marks.close()  # puts every record written on disk (a compressed output's too), then marks
        why = self.failed or self._output_failure()
        if why and not self.failed:
            self.failed = why
            stats.set_value("cleanwire/output_failed", 1)
            logger.error("cannot write the records (%s); the records written before are kept and marked as "
                         "seen, the next run fetches the rest", why)
        if self.undone:  # what is left on disk: the records marked
            self.written = self.marks.records_marked
        counts = [self.written] + [s.records for s in self.crawler.cleanwire_storages if s.records is not None]
        stats.set_value("cleanwire/records_written", min(counts))
        line, _outcome = summary(stats.get_stats(), spider.name)
        status = exit_status(stats.get_stats())
        line += VERDICTS.get(status, "")
        if status == Exit.INTERRUPTED:
            again = "the same command" if not any(s.overwrite for s in self.crawler.cleanwire_storages) else \
                "the same command with -o in place of -O"
            line += (f": the {stats.get_value('cleanwire/records_written', 0)} articles written are kept and "
                     f"marked as seen; run {again} to go on (articles already written are skipped)")
        if self.marks is not None and self.marks.failed and not self.marks.output_failed:
            line += f"; seen-store not updated ({self.marks.failed})"
        for target in self.crawler.cleanwire_feed_fds:
            close_target(target)
        self.crawler.cleanwire_feed_fds.clear()
        if self.errors is not None:
            with contextlib.suppress(OSError):
                self.errors.close()
            line += f"; error records in {self.errors_path}"
        if self.errors_lock is not None:
            self.errors_lock.release()
        logger.info(line)
        print(line, file=sys.stderr, flush=True)
        if self.store is not None:
            self.store.close()

    def feed_exporter_closed(self):
        """Every output is closed and unlocked, those the feed exporter never stored too."""
        for storage in self.crawler.cleanwire_storages:
            for opened in (storage.handle, storage.writer):
                if opened is not None and not opened.closed:
                    with contextlib.suppress(OSError):
                        opened.close()
            storage.release()


def _errors_beside(path: str) -> str:
    """A crawl's errors file beside its output: `FEED.errors.jsonl`, or `DIR/errors.jsonl` for shards
    (as `cleanwire clean` does)."""
    if is_folder_target(path):
        return os.path.join(path, "errors.jsonl")
    return path + ".errors.jsonl"

