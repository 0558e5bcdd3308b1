"""Feed storage that never leaves half a line, and lets the seen-store sync it before marking.

Three kinds of `-o` target (see `crawler.commands.crawl` for how `-o` names them):

* `FILE.jsonl`: opened unbuffered, so each record the JSON Lines exporter writes goes to the file
  in one `write()`. A duplicate of the file's descriptor goes to `crawler.cleanwire_feed_fds`; the
  seen-store's marking thread (`crawler.seen.DurableMarks`) `fdatasync`s through it before it marks
  articles as seen, so a kill or a power cut can never leave an article marked but missing.
* `FILE.jsonl.gz` / `FILE.jsonl.zst`, and `DIR/` (shards): a `RecordsWriter`. The exporter's lines
  are held in memory; the marking thread has them written and synced before it marks them (at most
  about once a second: `RecordsWriter.sync_interval`). A compressed file is a series of whole gzip
  members / zstd frames that end where the records alone decide (`cleaners.checkpoint.PartFile`:
  every 1 MB of lines, where a byte-bounded shard needs it, at the end), so the lines of the member
  being filled are synced to a pending file beside it (`.FILE.jsonl.gz.pending`,
  `.part-00007.jsonl.gz.part.pending`) until their member is written. `DIR/` gets shards
  `part-NNNNN.jsonl[.gz|.zst]` of `CLEANWIRE_SHARD_SIZE` records or bytes (`50000`, `64MB`; a shard
  never exceeds a byte size, compressed or not) and a `manifest.json` (records, bytes, sha256 per
  shard), like `cleanwire clean -o DIR/`. A shard is filled under a hidden name
  (`.part-00007.jsonl.gz.part`) and renamed when full or at the end of the crawl; later crawls into
  the same folder add shards after the last.
  The folder is locked (`DIR/.cleanwire.lock`) while a crawl writes it.

Whatever stops a crawl, what it wrote is kept: a torn last line or member (a kill mid-write, a
power cut) is cut off when the next crawl opens the same target, which takes back the lines of the
pending file and goes on with the member they began; a shard a killed crawl was filling is finished
(its pending lines made its last member, renamed, put in the manifest) by the next crawl into its
folder.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import threading
from pathlib import Path

from scrapy.extensions.feedexport import FileFeedStorage

from cleaners.checkpoint import (
    HIDDEN_SHARD,
    SHARD_NAME,
    SUFFIXES,
    Busy,
    Lock,
    PartFile,
    compression_of,
    hidden,
    parse_shard_size,
    pending_path,
    shard_full,
    shard_name,
    whole_prefix,
    write_manifest,
)
from cleaners.records import read_lines

logger = logging.getLogger(__name__)

DEFAULT_SHARD_RECORDS = 50_000


class _WholeWrites(io.FileIO):
    """A raw file whose every write is written whole before it returns."""

    def write(self, data) -> int:
        view = memoryview(data).cast("B")
        done = 0
        while done < len(view):
            done += super().write(view[done:])
        return done


class _FeedFile(_WholeWrites):
    """A plain `.jsonl` feed file. A write that fails (a full disk, EFBIG, EIO) is cut back off the
    file and every later write is refused, so the file holds whole records only and nothing after
    the first failure; `failed` says why, and `crawler.extensions.CleanwireState` reads it after each
    record to mark only the records that reached the file. The error is not raised: Scrapy's feed
    exporter would log a traceback for every record, and the crawl is stopped once instead."""

    failed: str | None = None

    def __init__(self, path, mode: str):
        super().__init__(path, mode)
        self.guard = threading.Lock()  # a write, or cut_to() from the seen-store's marking thread
        self.end = os.fstat(self.fileno()).st_size  # where the next record goes (appended, or a fresh file)

    def write(self, data) -> int:
        with self.guard:
            if self.failed is not None:
                return 0
            view = memoryview(data).cast("B")
            done = 0
            try:
                while done < len(view):
                    done += io.FileIO.write(self, view[done:])
            except OSError as exc:
                self.failed = _reason(exc, self.name)
                with contextlib.suppress(OSError):  # the part of the record written before the error
                    os.ftruncate(self.fileno(), self.end)
                return 0
            self.end += done
            return done

    def cut_to(self, end: int, why: str) -> None:
        """The seen-store could not mark the records after `end`: cut them off (a rerun fetches them
        again, instead of writing them twice) and refuse every later write."""
        with self.guard:
            if self.failed is None:
                self.failed = why
            with contextlib.suppress(OSError):
                os.ftruncate(self.fileno(), end)
                self.end = min(self.end, end)


class _Refused:
    """What the feed exporter writes to when the output could not be opened: nothing is written
    (the crawl stops before it fetches anything; see `LineSafeFileFeedStorage.prepare`)."""

    def __init__(self, why: str):
        self.failed = why

    def write(self, data) -> int:
        return 0

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


def _reason(exc: BaseException, path: str | None = None) -> str:
    """One line on why an output could not be written: the OS's words (`No space left on device`),
    the folder on the way that is a file, or the message of a `Busy`/`ValueError`."""
    if not isinstance(exc, OSError) or isinstance(exc, Busy):
        return str(exc)
    where = exc.filename or path
    for target in dict.fromkeys(str(t) for t in (path, where) if t):
        for parent in Path(os.path.abspath(target)).parents:
            if os.path.lexists(parent):
                if not parent.is_dir():
                    return f"{parent} is a file, not a folder"
                break
    words = exc.strerror or str(exc) or type(exc).__name__
    return f"{words} ({where})" if where and str(where) != str(path) else words


def holds_records(path: str) -> bool:
    """An output holds something `-O` would remove: a file of some bytes (or the pending lines of its
    unfinished member), a folder with shards."""
    if is_folder_target(path):
        return os.path.isdir(path) and any(SHARD_NAME.fullmatch(n) or HIDDEN_SHARD.fullmatch(n.removesuffix(".pending"))
                                           for n in os.listdir(path))
    return any(os.path.isfile(p) and os.path.getsize(p) for p in (path, pending_path(path)))


def recorded_urls(path: str, fmt: str = "jsonlines") -> set[str] | None:
    """The `url` of every record in an output `-O` is about to replace: a file (plain, `.gz`,
    `.zst`) or a shard folder (its shards, and the hidden one a stopped crawl was filling). None
    when the feed's format cannot be read back (`csv`, `xml`...)."""
    if is_folder_target(path):
        if not os.path.isdir(path):
            return set()
        files = [os.path.join(path, n) for n in sorted(os.listdir(path))
                 if SHARD_NAME.fullmatch(n) or HIDDEN_SHARD.fullmatch(n.removesuffix(".pending"))]
    elif fmt == "json":
        try:
            with open(path, "rb") as fh:
                items = json.load(fh)
        except FileNotFoundError:
            return set()
        except (OSError, ValueError):
            return None
        if not isinstance(items, list):
            return None
        return {i["url"] for i in items if isinstance(i, dict) and isinstance(i.get("url"), str)}
    elif fmt in ("jsonlines", "jsonl"):
        files = [p for p in (path, pending_path(path)) if os.path.isfile(p)]
    else:
        return None if os.path.exists(path) else set()
    urls: set[str] = set()
    for name in files:  # compression told by the bytes; a pending file's first line is no record
        for _number, line, _problem in read_lines(name):
            if line is None:  # a torn member or a read error: the file ends there
                break
            try:
                url = json.loads(line).get("url")
            except (ValueError, AttributeError):  # not a record (a torn last line)
                continue
            if isinstance(url, str):
                urls.add(url)
    return urls


def is_folder_target(path: str) -> bool:
    """`-o DIR/` (a trailing slash, or an existing folder) asks for shards."""
    return path.endswith(("/", os.sep)) or os.path.isdir(path)


def _cut_torn_tail(path: str, compression: str) -> int:
    """Cut a records file back to its whole lines (and members); returns the bytes cut."""
    try:
        size = os.path.getsize(path)
    except FileNotFoundError:
        return 0
    keep = whole_prefix(path, compression)
    if keep < size:
        os.truncate(path, keep)
        logger.warning("%s: cut a torn tail of %d bytes (a write cut short by a kill or a crash)", path, size - keep)
    return size - keep


class RecordsWriter:
    """What Scrapy's JSON Lines exporter writes to for a compressed file or a shard folder.

    `write()` (the reactor thread) only keeps the line. `sync()` (the seen-store's marking thread,
    before it marks; and `close()`) writes every line kept so far into the file or the shard being
    filled (starting the next shard when it is full; a `PartFile`: whole members, and the lines of
    the member being filled in its pending file), then syncs both to disk when `durable`. `close()`
    ends the last member."""

    #: seconds between two syncs of a compressed output, so one sync of its pending file covers a
    #: second's records; the marking thread waits this long between batches
    sync_interval = 1.0

    def __init__(self, target: str, *, compression: str, shard_size: str | None = None, overwrite: bool = False,
                 on_replace=None):
        self.target = target
        self.compression = compression
        self.sharded = shard_size is not None
        self._lines: list[bytes] = []  # written by the exporter, not yet on disk
        self.appended = 0  # lines the exporter has written so far (a mark names how many were before it)
        self._taken = 0  # of them, lines taken off `_lines` by a sync (written, or dropped after a failure)
        self._take = threading.Lock()  # guards _lines (the reactor appends, sync takes)
        self._io = threading.Lock()  # one sync or close at a time
        self.closed = False
        self.written = 0  # records on disk (or handed to the OS) so far
        self.entries: dict[str, dict] = {}  # manifest entries of the shards this crawl finished
        self.failed: str | None = None  # why a write failed; nothing is written after it
        self.accepting = True  # False once the crawl stopped for a failure: later lines are dropped
        self._last = None  # (where the last sync started, its lines), for undo_last_sync()
        if compression == "none":  # no members to fill: sync as often as the seen-store asks
            self.sync_interval = 0.0
        self.part: PartFile | None = None
        if not self.sharded:  # written in place, members appended after those of earlier crawls
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            self.part = PartFile(target, compression, path=target)
            if overwrite:
                self.part.open()
            elif cut := self.part.reopen():
                logger.warning("%s: cut a torn tail of %d bytes (a write cut short by a kill or a crash)", target, cut)
            return
        self.shard_records, self.shard_bytes = parse_shard_size(shard_size, DEFAULT_SHARD_RECORDS)
        folder = os.path.abspath(target)
        os.makedirs(folder, exist_ok=True)
        self.lock = Lock(os.path.join(folder, ".cleanwire.lock"), target)
        self.lock.acquire()  # Busy when another crawl writes here
        try:
            if overwrite and on_replace is not None:  # -O: before the shards are removed (crawler.extensions)
                on_replace()
            self._open_folder(folder, overwrite)
        except BaseException:
            self.lock.release()
            raise

    # ------------------------------------------------------------------ the shard folder

    def _open_folder(self, folder: str, overwrite: bool) -> None:
        """Finish the shards a stopped crawl left half-filled (or, overwriting, remove every shard),
        and number this crawl's shards after the last one there."""
        changed = overwrite
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            pending = HIDDEN_SHARD.fullmatch(name.removesuffix(".pending")) and name.endswith(".pending")
            if overwrite and (SHARD_NAME.fullmatch(name) or HIDDEN_SHARD.fullmatch(name) or pending
                              or name == "manifest.json"):
                os.unlink(path)
                continue
            if pending and not os.path.exists(path.removesuffix(".pending")):  # its part is gone: nothing to finish
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path)
                continue
            match = HIDDEN_SHARD.fullmatch(name)
            if not match:
                continue
            changed = True
            final = os.path.join(folder, match[1])
            part = PartFile(final, compression_of(match[1]))
            if cut := part.reopen():  # whole members kept, the pending lines taken back
                logger.warning("%s: cut a torn tail of %d bytes (a write cut short by a kill or a crash)", path, cut)
            if (part.size or part.pending) and not os.path.exists(final):
                part.commit()  # the pending lines become its last member
                logger.warning("%s: finished the shard a stopped crawl was filling", final)
            else:
                part.discard()
        numbers = [int(m[1]) for n in os.listdir(folder) if (m := SHARD_NAME.fullmatch(n))]
        self.next_shard = max(numbers) + 1 if numbers else 0
        if changed:  # so a crawl killed before its end leaves a manifest of what is there
            write_manifest(folder)

    def _new_part(self) -> PartFile:
        part = PartFile(os.path.join(self.target, shard_name(self.next_shard, self.compression)), self.compression)
        self.next_shard += 1
        part.open()
        return part

    # ------------------------------------------------------------------ the file interface

    def write(self, data) -> int:
        if self.accepting:
            with self._take:
                self._lines.append(bytes(data))
                self.appended += 1
        return len(data)

    def flush(self) -> None:
        """Nothing: lines reach the disk by `sync()`, which the seen-store calls before it marks."""

    def sync(self, durable: bool = True, upto: int | None = None) -> None:
        """Write the lines kept so far, compressed, and (`durable`) sync them to disk: all of them, or
        the first `upto` lines the exporter wrote (counting from the crawl's start), those whose marks
        the seen-store is about to make. A line written after the batch of marks was taken waits for
        the sync of its own batch; so when a sync fails, none of the lines already on disk has its
        mark in the failed batch. A write that fails (a full disk) is cut back off the file or shard,
        to what the syncs before it left, and raised; the lines of that sync and every later one are
        dropped, never written, so what is on disk is exactly what the syncs that returned wrote (the
        seen-store marks only those)."""
        with self._io:
            if self.closed:
                return
            with self._take:
                count = len(self._lines) if upto is None else max(0, min(len(self._lines), upto - self._taken))
                lines, self._lines = self._lines[:count], self._lines[count:]
                self._taken += count
            if self.failed is not None:
                if lines:
                    raise OSError(f"{self.target}: not written after an earlier failure ({self.failed})")
                return
            start = (self.part, self.part.snapshot() if self.part is not None else None)
            try:
                self._sync(lines, durable)
            except OSError as exc:
                self._cut_back(exc, start)
                raise
            self._last = (start, len(lines))

    def undo_last_sync(self, why: str) -> None:
        """The seen-store could not mark the records of the last sync: cut them back off, as after a
        failed write (a rerun fetches them again instead of writing them twice); nothing more is
        written. Lines of a shard this sync finished and renamed stay."""
        with self._io:
            if self.closed or self.failed is not None:
                return
            if self._last is None:
                self.failed = why
                return
            start, count = self._last
            self._cut_back(OSError(why), start)
            self.written -= count

    def _cut_back(self, exc: OSError, start) -> None:
        """After a failed write: cut the file, or the shard being filled, back to `start`."""
        self.failed = _reason(exc, self.target)
        logger.error("%s: writing failed (%s); the records of the last second were cut off, nothing more is "
                     "written", self.target, self.failed)
        with contextlib.suppress(OSError):
            part, snapshot = start
            current = self.part
            if current is None:
                return
            if current is part and snapshot is not None:
                current.restore(snapshot)  # its pending file first, then the file cut back
                current.close()
            else:  # a shard started by this sync: none of its lines reached a sync that returned
                current.discard()
            if self.sharded:
                self.part = None

    def _sync(self, lines: list[bytes], durable: bool) -> None:
        for line in lines:
            if self.sharded and (self.part is None or shard_full(self.part, self.shard_records, self.shard_bytes,
                                                                 len(line))):
                if self.part is not None:
                    entry = self.part.commit()
                    self.entries[entry["file"]] = entry
                self.part = self._new_part()
            self.part.write_lines(line, line.count(b"\n"))
        if self.part is not None:
            self.part.sync(durable)
        self.written += len(lines)

    def close(self) -> None:
        """Write what is left, finish the shard being filled and write the manifest. After a failed
        write: only close (the files keep what the syncs before it wrote; a shard being filled stays
        hidden, and the next crawl into the folder finishes it)."""
        with contextlib.suppress(OSError):
            self.sync()
        with self._io:
            if self.closed:
                return
            self.closed = True
            if not self.sharded:
                if self.failed is not None:
                    self.part.close()
                    return
                self.part.commit()  # its last member; the pending file removed
                return
            if self.failed is not None:
                if self.part is not None:
                    self.part.close()
                self.lock.release()
                return
            try:
                if self.part is not None:
                    entry = self.part.commit()
                    self.entries[entry["file"]] = entry
                manifest = write_manifest(self.target, self.entries)
                logger.info("%s: %d records in %d new shard(s); manifest.json lists %d records in %d shard(s)",
                            self.target, self.written, len(self.entries), manifest["records"],
                            len(manifest["shards"]))
            finally:
                self.lock.release()


class LineSafeFileFeedStorage(FileFeedStorage):
    """Local file feed storage: unbuffered (one write per exported item) for a `.jsonl` file; a
    `RecordsWriter` for a compressed file or a shard folder. Opened by `prepare()` when the spider
    opens, before anything is fetched, so an output that cannot be written stops the crawl at once.

    A file (plain or compressed) is locked as `cleanwire clean -o` locks its output (`.NAME.lock`
    beside it), a shard folder with `DIR/.cleanwire.lock`: a second crawl (or `cleanwire clean`)
    into the same output stops before it fetches anything."""

    fds: list | None = None  # where a duplicate descriptor (or the RecordsWriter) of each opened file goes
    writer: RecordsWriter | None = None
    handle: _FeedFile | None = None  # a plain file
    lock: Lock | None = None  # a file's lock (a shard folder's is the RecordsWriter's)
    #: why the output cannot be (or could no longer be) written; set by `prepare()`
    refused: str | None = None
    #: set by `crawler.extensions.CleanwireState`: called, before `-O` empties an output that holds
    #: records, with a function that gives their URLs, so the seen-store forgets them
    forget = None
    _prepared = False

    @classmethod
    def from_crawler(cls, crawler, uri, *, feed_options=None):
        storage = cls(uri, feed_options=feed_options)
        storage.fds = getattr(crawler, "cleanwire_feed_fds", None)
        storage.settings = crawler.settings
        storage.format = (feed_options or {}).get("format", "jsonlines")
        # crawler.extensions.CleanwireState prepares these when the spider opens, so an output that
        # cannot be written (a locked shard folder) stops the crawl before it fetches anything; the
        # storages Scrapy makes only to check the URI's scheme come before the list exists
        registry = getattr(crawler, "cleanwire_storages", None)
        if registry is not None:
            registry.append(storage)
        return storage

    @property
    def overwrite(self) -> bool:
        return self.write_mode == "wb"

    @property
    def failed(self) -> str | None:
        """Why records stopped reaching this output (it could not be opened, or a write failed)."""
        if self.refused is not None:
            return self.refused
        if self.handle is not None and self.handle.failed is not None:
            return self.handle.failed
        return self.writer.failed if self.writer is not None else None

    @property
    def records(self) -> int | None:
        """Records this crawl put in a compressed file or shard folder (None for a plain file: the
        extension counts those as they are written)."""
        return self.writer.written if self.writer is not None else None

    def prepare(self) -> None:
        """Lock the output; have the seen-store forget the records `-O` is about to remove (see
        `forget`); open it: a plain file, or the RecordsWriter of a compressed file or shard folder
        (which cuts a torn tail and finishes what a stopped crawl left). Raises ValueError (bad
        settings), OSError or `Busy` with the reason when the output cannot be written; `refused`
        keeps the reason."""
        if self._prepared:
            return
        self._prepared = True
        try:
            self._prepare()
        except (ValueError, OSError, Busy) as exc:
            self.refused = _reason(exc, self.path)
            raise

    def skip(self, why: str) -> None:
        """The crawl stops before it starts: this output, if not opened yet, is never opened (not
        emptied by `-O`, not made)."""
        if not self._prepared:
            self._prepared = True
            self.refused = why

    def _prepare(self) -> None:
        folder = is_folder_target(self.path)
        compression = self.settings.get("CLEANWIRE_COMPRESS") or ("none" if folder else compression_of(self.path))
        if compression not in SUFFIXES:
            raise ValueError(f"CLEANWIRE_COMPRESS={compression!r}: give none, gzip or zstd")
        if (folder or compression != "none") and self.format not in ("jsonlines", "jsonl"):
            raise ValueError(f"{self.path}: shards and compressed feeds are JSON Lines, not {self.format}")
        if folder:
            size = str(self.settings.get("CLEANWIRE_SHARD_SIZE") or DEFAULT_SHARD_RECORDS)
            self.writer = RecordsWriter(self.path, compression=compression, overwrite=self.overwrite,
                                        shard_size=size, on_replace=self._replacing)
        else:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.lock = Lock(hidden(self.path, ".lock"), self.path)
            self.lock.acquire()
            try:
                if self.overwrite:
                    self._replacing()
                if compression == "none":
                    if not self.overwrite:
                        _cut_torn_tail(self.path, "none")
                    self.handle = _FeedFile(self.path, self.write_mode)
                else:
                    self.writer = RecordsWriter(self.path, compression=compression, overwrite=self.overwrite)
            except BaseException:
                self.lock.release()
                raise
        if self.fds is not None:
            self.fds.append(self.writer if self.writer is not None else os.dup(self.handle.fileno()))

    def _replacing(self) -> None:
        """`-O` is about to empty this output: first the seen-store forgets the records it holds."""
        if self.forget is not None and holds_records(self.path):
            self.forget(self.path, lambda: recorded_urls(self.path, self.format))

    def open(self, spider):
        try:
            self.prepare()
        except (ValueError, OSError, Busy):
            pass
        if self.refused is not None:
            return _Refused(self.refused)
        return self.writer if self.writer is not None else self.handle

    def store(self, file):
        try:
            file.close()
        except OSError as exc:  # the last writes of a compressed file or shard folder
            if self.writer is not None and self.writer.failed is None:
                self.writer.failed = _reason(exc, self.path)
            logger.error("%s: closing failed (%s)", self.path, _reason(exc, self.path))
        finally:
            self.release()

    def halt(self, why: str) -> None:
        """The crawl stops for a failure: no later record is written (none would be marked as seen)."""
        if self.handle is not None and self.handle.failed is None:
            self.handle.failed = why
        if self.writer is not None:
            self.writer.accepting = False

    def release(self) -> None:
        """Drop a file's lock (a shard folder's goes when its RecordsWriter closes)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def sync_target(target, durable: bool, upto: int | None = None) -> None:
    """Put what was written to one of `crawler.cleanwire_feed_fds` on disk: a descriptor is
    `fdatasync`ed (when `durable`), a `RecordsWriter` writes its kept lines, the first `upto` of
    them when given (`RecordsWriter.sync`), and syncs them."""
    if isinstance(target, int):
        if durable:
            os.fdatasync(target)
    else:
        target.sync(durable, upto)


def close_target(target) -> None:
    if isinstance(target, int):
        with contextlib.suppress(OSError):
            os.close(target)


def uri_params(params: dict, spider) -> dict:
    """Feed URI parameters: Scrapy's (`%(name)s`, `%(time)s`) plus `%(date)s`, today in UTC."""
    from datetime import UTC, datetime

    return {**params, "date": datetime.now(UTC).strftime("%Y-%m-%d")}
