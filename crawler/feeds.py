"""Feed storage that never leaves half a line, and lets the seen-store sync it before marking.

Three kinds of `-o` target (see `crawler.commands.crawl` for how `-o` names them):

* `FILE.jsonl`: opened unbuffered, so each record the JSON Lines exporter writes goes to the file
  in one `write()`. A duplicate of the file's descriptor goes to `crawler.cleanwire_feed_fds`; the
  seen-store's marking thread (`crawler.seen.DurableMarks`) `fdatasync`s through it before it marks
  articles as seen, so a kill or a power cut can never leave an article marked but missing.
* `FILE.jsonl.gz` / `FILE.jsonl.zst`, and `DIR/` (shards): a `RecordsWriter`. The exporter's lines
  are held in memory; the marking thread has them compressed into one whole gzip member / zstd frame
  (at most about one a second: `RecordsWriter.sync_interval`), written and synced, before it marks
  them. `DIR/` gets shards `part-NNNNN.jsonl[.gz|.zst]` of `CLEANWIRE_SHARD_SIZE` records or bytes
  (`50000`, `64MB`) and a `manifest.json` (records, bytes, sha256 per shard), like `cleanwire clean
  -o DIR/`. A shard is filled under a hidden name (`.part-00007.jsonl.gz.part`) and renamed when
  full or at the end of the crawl; later crawls into the same folder add shards after the last.
  The folder is locked (`DIR/.cleanwire.lock`) while a crawl writes it.

Whatever stops a crawl, what it wrote is kept: a torn last line or member (a kill mid-write, a
power cut) is cut off when the next crawl opens the same target, and a shard a killed crawl was
filling is finished (renamed, put in the manifest) by the next crawl into its folder.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import threading
from pathlib import Path

from scrapy.extensions.feedexport import FileFeedStorage

from cleaners.checkpoint import (
    HIDDEN_SHARD,
    SHARD_NAME,
    SUFFIXES,
    Lock,
    PartFile,
    _compressor,
    compression_of,
    parse_shard_size,
    shard_full,
    shard_name,
    whole_prefix,
    write_manifest,
)

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
    before it marks; and `close()`) writes every line kept so far: compressed into one whole member or
    frame, into the file or the shard being filled (starting the next shard when it is full), then
    synced to disk when `durable`."""

    #: seconds between two syncs, so a member holds many records (gzip and zstd compress a record
    #: alone far worse than a second's worth); the marking thread waits this long between batches
    sync_interval = 1.0

    def __init__(self, target: str, *, compression: str, shard_size: str | None = None, overwrite: bool = False):
        self.target = target
        self.compression = compression
        self.sharded = shard_size is not None
        self._lines: list[bytes] = []  # written by the exporter, not yet on disk
        self._take = threading.Lock()  # guards _lines (the reactor appends, sync takes)
        self._io = threading.Lock()  # one sync or close at a time
        self.closed = False
        self.written = 0  # records on disk (or handed to the OS) so far
        self.entries: dict[str, dict] = {}  # manifest entries of the shards this crawl finished
        if compression == "none":  # no members to fill: sync as often as the seen-store asks
            self.sync_interval = 0.0
        if not self.sharded:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            if not overwrite:
                _cut_torn_tail(target, compression)
            self.compress = _compressor(compression)
            self.handle = _WholeWrites(target, "wb" if overwrite else "ab")
            return
        self.shard_records, self.shard_bytes = parse_shard_size(shard_size, DEFAULT_SHARD_RECORDS)
        folder = os.path.abspath(target)
        os.makedirs(folder, exist_ok=True)
        self.lock = Lock(os.path.join(folder, ".cleanwire.lock"), target)
        self.lock.acquire()  # Busy when another crawl writes here
        try:
            self._open_folder(folder, overwrite)
        except BaseException:
            self.lock.release()
            raise
        self.part: PartFile | None = None

    # ------------------------------------------------------------------ the shard folder

    def _open_folder(self, folder: str, overwrite: bool) -> None:
        """Finish the shards a stopped crawl left half-filled (or, overwriting, remove every shard),
        and number this crawl's shards after the last one there."""
        changed = overwrite
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if overwrite and (SHARD_NAME.fullmatch(name) or HIDDEN_SHARD.fullmatch(name) or name == "manifest.json"):
                os.unlink(path)
                continue
            match = HIDDEN_SHARD.fullmatch(name)
            if not match:
                continue
            changed = True
            kind = compression_of(match[1])
            _cut_torn_tail(path, kind)
            final = os.path.join(folder, match[1])
            if os.path.getsize(path) and not os.path.exists(final):
                with open(path, "rb+") as fh:
                    os.fsync(fh.fileno())
                os.replace(path, final)
                logger.warning("%s: finished the shard a stopped crawl was filling", final)
            else:
                os.unlink(path)
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
        with self._take:
            self._lines.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        """Nothing: lines reach the disk by `sync()`, which the seen-store calls before it marks."""

    def sync(self, durable: bool = True) -> None:
        """Write every line kept so far, compressed, and (`durable`) sync it to disk."""
        with self._io:
            if self.closed:
                return
            with self._take:
                lines, self._lines = self._lines, []
            if not self.sharded:
                if lines:
                    data = b"".join(lines)
                    self.handle.write(self.compress(data) if self.compress else data)
                    self.written += len(lines)
                if durable:
                    os.fdatasync(self.handle.fileno())
                return
            for line in lines:
                if self.part is None or shard_full(self.part, self.shard_records, self.shard_bytes):
                    if self.part is not None:
                        entry = self.part.commit()
                        self.entries[entry["file"]] = entry
                    self.part = self._new_part()
                self.part.write_lines(line, line.count(b"\n"))
            self.written += len(lines)
            if self.part is not None:
                self.part.sync(durable)

    def close(self) -> None:
        """Write what is left, finish the shard being filled and write the manifest."""
        self.sync()
        with self._io:
            if self.closed:
                return
            self.closed = True
            if not self.sharded:
                self.handle.close()
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
    `RecordsWriter` for a compressed file or a shard folder, made by `prepare()`."""

    fds: list | None = None  # where a duplicate descriptor (or the RecordsWriter) of each opened file goes
    writer: RecordsWriter | None = None

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

    def prepare(self) -> None:
        """Make the RecordsWriter of a compressed file or shard folder (lock the folder, finish what
        a stopped crawl left); nothing for a plain `.jsonl` file. Raises ValueError, OSError or
        `Busy` with the reason when the output cannot be written."""
        if self.writer is not None:
            return
        folder = is_folder_target(self.path)
        compression = self.settings.get("CLEANWIRE_COMPRESS") or ("none" if folder else compression_of(self.path))
        if not folder and compression == "none":
            return
        if compression not in SUFFIXES:
            raise ValueError(f"CLEANWIRE_COMPRESS={compression!r}: give none, gzip or zstd")
        if self.format not in ("jsonlines", "jsonl"):
            raise ValueError(f"{self.path}: shards and compressed feeds are JSON Lines, not {self.format}")
        size = str(self.settings.get("CLEANWIRE_SHARD_SIZE") or DEFAULT_SHARD_RECORDS) if folder else None
        self.writer = RecordsWriter(self.path, compression=compression, overwrite=self.write_mode == "wb",
                                    shard_size=size)

    def open(self, spider):
        self.prepare()
        if self.writer is not None:
            if self.fds is not None:
                self.fds.append(self.writer)
            return self.writer
        path = Path(self.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.write_mode == "ab":
            _cut_torn_tail(self.path, "none")
        handle = _WholeWrites(path, self.write_mode)
        if self.fds is not None:
            self.fds.append(os.dup(handle.fileno()))
        return handle

    def store(self, file):
        file.close()


def sync_target(target, durable: bool) -> None:
    """Put what was written to one of `crawler.cleanwire_feed_fds` on disk: a descriptor is
    `fdatasync`ed (when `durable`), a `RecordsWriter` writes its kept lines (and syncs them)."""
    if isinstance(target, int):
        if durable:
            os.fdatasync(target)
    else:
        target.sync(durable)


def close_target(target) -> None:
    if isinstance(target, int):
        with contextlib.suppress(OSError):
            os.close(target)


def uri_params(params: dict, spider) -> dict:
    """Feed URI parameters: Scrapy's (`%(name)s`, `%(time)s`) plus `%(date)s`, today in UTC."""
    from datetime import UTC, datetime

    return {**params, "date": datetime.now(UTC).strftime("%Y-%m-%d")}
