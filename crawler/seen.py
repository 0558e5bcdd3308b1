"""The seen-store: which article URLs a spider has already written, with the hash of their clean text.

SQLite, one file per spider (`output/.state/<spider>.sqlite` by default; setting `CLEANWIRE_STATE`).
A rerun skips stored articles; with `recrawl=changed` it refetches them and writes a new version
only when the clean text changed. Listings, feeds and sitemaps are never stored: they are always
refetched. Each `mark()` commits at once, so a crash loses at most the article being written.
A crawl marks from a thread of its own (`DurableMarks`), after the records are synced to disk, with a
connection of its own. A distributed crawl keeps the same interface in Redis instead
(`crawler.redis_mode.RedisSeenStore`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import queue
import sqlite3
import threading
import time

from .feeds import sync_target

logger = logging.getLogger(__name__)


def text_hash(text: str) -> str:
    """sha256 of a record's clean text (hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class SeenStore:
    """Canonical URL -> (content hash, first seen, last seen) in SQLite."""

    def __init__(self, path: str):
        self.path = path
        folder = os.path.dirname(os.path.abspath(path))
        os.makedirs(folder, exist_ok=True)
        self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS seen (url TEXT PRIMARY KEY, hash TEXT NOT NULL, "
                        "first_seen REAL NOT NULL, last_seen REAL NOT NULL)")

    def __contains__(self, url: str) -> bool:
        return self.db.execute("SELECT 1 FROM seen WHERE url = ?", (url,)).fetchone() is not None

    def hash_of(self, url: str) -> str | None:
        row = self.db.execute("SELECT hash FROM seen WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None

    def mark(self, url: str, digest: str) -> None:
        now = time.time()
        self.db.execute("INSERT INTO seen (url, hash, first_seen, last_seen) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT(url) DO UPDATE SET hash = excluded.hash, last_seen = excluded.last_seen",
                        (url, digest, now, now))

    def mark_many(self, marks: list[tuple[str, str]]) -> None:
        """`mark` for many (url, hash) pairs, in one transaction."""
        now = time.time()
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT INTO seen (url, hash, first_seen, last_seen) VALUES (?, ?, ?, ?) "
                                "ON CONFLICT(url) DO UPDATE SET hash = excluded.hash, last_seen = excluded.last_seen",
                                [(url, digest, now, now) for url, digest in marks])

    def forget(self, urls) -> int:
        """Remove these URLs (an iterable), in one transaction; how many were stored."""
        urls = list(urls)
        gone = 0
        with self.db:
            self.db.execute("BEGIN")
            for at in range(0, len(urls), 500):
                chunk = urls[at:at + 500]
                gone += self.db.execute(f"DELETE FROM seen WHERE url IN ({','.join('?' * len(chunk))})",
                                        chunk).rowcount
        return gone

    def clear(self) -> int:
        """Remove every URL; how many there were."""
        with self.db:
            self.db.execute("BEGIN")
            return self.db.execute("DELETE FROM seen").rowcount

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM seen").fetchone()[0]

    def close(self) -> None:
        self.db.close()


class DurableMarks(threading.Thread):
    """Marks written articles as seen only once their records are on disk, off the reactor thread.

    `add()` queues a (url, hash) pair right after the feed exporter wrote the record. The thread
    takes every pair queued so far, puts the crawl's feeds on disk (`fds`: duplicates of plain feed
    files' descriptors, which it `fdatasync`s and which stay valid after the feeds close, or the
    `crawler.feeds.RecordsWriter` of a compressed or sharded feed, which writes the lines it holds),
    then marks the batch in one SQLite transaction: one sync covers many records, and a disk that
    stalls never stalls the crawl. With a compressed feed a batch spans at least its
    `sync_interval` (a second): one sync of its pending lines covers many records. A kill or a power cut
    can leave an article written but not marked (the next run writes it again), never marked but
    missing from the output.

    When the store itself cannot mark a batch (its disk is full), `undo` is called with where the
    outputs ended after the last record marked (`kept`: the `ends` given to `add()`): the extension
    cuts the records after it off the outputs, so a rerun fetches them again instead of writing
    them twice.
    """

    def __init__(self, path: str, fds: list, sync: bool = True, opener=None, undo=None, kept=None):
        super().__init__(name="cleanwire-seen-marks", daemon=True)
        self.path, self.fds, self.sync = path, fds, sync
        #: makes the thread's own store: `SeenStore(path)` unless given (`crawler.redis_mode.RedisSeenStore`)
        self.opener = opener or (lambda: SeenStore(path))
        self.queue: queue.SimpleQueue = queue.SimpleQueue()
        self.marked = 0
        self.records_marked = 0  # of them, articles whose record was written (not dropped duplicates)
        self.undo, self.kept = undo, kept
        self.failed: str | None = None  # why marking stopped
        self.output_failed = False  # it stopped because the records could not be put on disk

    def add(self, url: str, digest: str, ends=None, record: bool = False, lines=None) -> None:
        """Queue a mark; `ends`: where the outputs end once this page's record (if `record`) is written;
        `lines`: `(writer, lines it holds)` pairs for the `RecordsWriter`s among the targets, so a
        batch syncs the lines of its own marks and no later ones."""
        self.queue.put((url, digest, ends, record, lines))

    def close(self) -> None:
        """Mark everything queued, then stop."""
        self.queue.put(None)
        self.join()

    def _interval(self) -> float:
        return max((getattr(target, "sync_interval", 0.0) for target in list(self.fds)), default=0.0)

    def run(self) -> None:
        store = self.opener()
        errors = (OSError, sqlite3.Error, *getattr(store, "errors", ()))
        last = 0.0  # when the feeds were last synced (monotonic)
        try:
            stop = False
            while not stop:
                batch = []
                item = self.queue.get()
                deadline = last + self._interval()
                while True:
                    if item is None:
                        stop = True
                        break
                    batch.append(item)
                    try:
                        wait = deadline - time.monotonic()
                        item = self.queue.get(timeout=wait) if wait > 0 else self.queue.get_nowait()
                    except queue.Empty:
                        break
                if not batch or self.failed:
                    continue
                upto: dict[int, int] = {}
                for *_rest, lines in batch:
                    for writer, count in lines or ():
                        upto[id(writer)] = max(upto.get(id(writer), 0), count)
                try:
                    for target in list(self.fds):
                        sync_target(target, self.sync, None if isinstance(target, int) else upto.get(id(target)))
                except (OSError, ValueError) as exc:  # a full disk: these records are not on disk, never mark them
                    self.failed = f"{type(exc).__name__}: {exc}"
                    self.output_failed = True
                    logger.warning("the records could not be put on disk (%s): %d articles not marked as seen, "
                                   "the next run fetches them again", self.failed, len(batch))
                    continue
                last = time.monotonic()
                try:
                    store.mark_many([(url, digest) for url, digest, *_rest in batch])
                except errors as exc:  # the store's own failure (its disk is full too): stop marking
                    self.failed = f"{type(exc).__name__}: {exc}"
                    logger.error("seen-store %s: marking stopped (%s); the records not marked are cut off the "
                                 "output, the next run fetches them again", self.path, self.failed)
                    if self.undo is not None:
                        try:
                            self.undo(self.kept)
                        except Exception:  # noqa: BLE001 - never let the thread die unlogged
                            logger.exception("cutting the records not marked off the output failed")
                    continue
                self.marked += len(batch)
                self.records_marked += sum(1 for _url, _digest, _ends, record, _lines in batch if record)
                ends = batch[-1][2]
                if ends is not None:
                    self.kept = ends
        finally:
            store.close()
