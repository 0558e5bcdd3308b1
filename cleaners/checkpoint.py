"""Crash-safe, resumable output for `cleanwire clean -o OUT`.

While a run goes on, records are written to a hidden part file next to their target
(`.OUT.part`; with `-o DIR/` the shard being filled, `DIR/.part-00003.jsonl.part`) and error
records to the errors file's (`.OUT.errors.jsonl.part`). When the run ends, each part is flushed to
disk and renamed onto its target, so a target is either absent, the old file, or complete.

Every second (the environment's CLEANWIRE_CHECKPOINT_SECONDS sets another interval), or every
`CHECKPOINT_DOCS` documents, the parts are flushed to disk and a small checkpoint is written beside
them (`.OUT.resume.json`; `DIR/.cleanwire.resume.json`), through a temporary file renamed over the
old one: how many documents are done, where in the inputs that is, the byte length of each part at
that moment (of a compressed part: its whole members, plus the lines of the member being filled,
which wait in a pending file beside it: `PartFile`), the shard being filled, the counts for the
summary, and what the run was asked to do (inputs, options, versions). `--resume` checks that the
new run is asked the same, cuts each part back to its checkpointed length (a compressed part takes
back its pending lines), skips the documents already done (whole files are skipped without being
opened) and goes on, so the final files are byte for byte those of a run that was never stopped.
A lock file (`.OUT.lock`; `DIR/.cleanwire.lock`, `flock`ed) keeps two runs from writing the same
OUT at once. """

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import re
import signal
from collections import Counter, deque
from collections.abc import Iterator

from .inputs import Discovery, InputDoc, _documents_of, expand

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: no lock
    fcntl = None

CHECKPOINT_FORMAT = 1
CHECKPOINT_SECONDS = 1.0
CHECKPOINT_DOCS = 1000


class ResumeError(Exception):
    """The run cannot go on as asked (nothing written yet, exit status 2)."""


class Busy(ResumeError):
    """Another run holds the lock of this output."""


def hidden(path: str, suffix: str) -> str:
    """`dir/name` -> `dir/.name<suffix>`: a name folder walks (and `cleanwire clean DIR`) leave out."""
    folder, name = os.path.split(os.path.abspath(path))
    return os.path.join(folder, f".{name}{suffix}")


def _sync_folder(folder: str) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _unlink(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


@contextlib.contextmanager
def naming(path: str):
    """An OSError raised inside without a file name (a failed write, flush or sync: a full disk,
    EFBIG, EIO) gets `path`, so the one line that reports it names the file."""
    try:
        yield
    except OSError as exc:
        if exc.filename is None:
            exc.filename = path
        raise


#: Output compressions: name -> file suffix
COMPRESSIONS = ("none", "gzip", "zstd")
SUFFIXES = {"none": "", "gzip": ".gz", "zstd": ".zst"}
#: a compressed file gets one gzip member or zstd frame per this many bytes of lines, and one more at
#: its end: where members end depends on the records only, never on when they were written
MEMBER_BYTES = 1 << 20


def _compressor(compression: str):
    if compression == "gzip":
        import gzip

        return lambda data: gzip.compress(data, compresslevel=6, mtime=0)
    if compression == "zstd":
        import zstandard

        return zstandard.ZstdCompressor(level=3).compress
    return None


def _decompressor(compression: str):
    """A decompressor of one gzip member or zstd frame (`decompress`, `eof`, `unused_data`)."""
    if compression == "gzip":
        import zlib

        return zlib.decompressobj(wbits=31)
    import zstandard

    return zstandard.ZstdDecompressor().decompressobj()


def _worst(n: int) -> int:
    """The most bytes one gzip member or zstd frame of `n` bytes of lines can take on disk (stored
    blocks, headers and trailer included): zlib's deflateBound and zstd's ZSTD_COMPRESSBOUND are
    below it."""
    return n + (n >> 7) + 128


def compression_of(path: str) -> str:
    """The compression an output name asks for: `.gz` gzip, `.zst` zstd, else none."""
    return "gzip" if path.endswith(".gz") else "zstd" if path.endswith(".zst") else "none"


def pending_path(path: str) -> str:
    """Where the lines of a compressed file's unfinished member are kept: `dir/.name.pending` (a
    hidden name is kept as it is: `.part-00003.jsonl.gz.part` -> `.part-00003.jsonl.gz.part.pending`)."""
    folder, name = os.path.split(os.path.abspath(path))
    return os.path.join(folder, f"{name if name.startswith('.') else '.' + name}.pending")


def remove_part(path: str) -> None:
    """Remove a part file and the pending lines kept beside it."""
    _unlink(path)
    _unlink(pending_path(path))


_PENDING_HEAD = b"cleanwire pending lines of the member at byte %d\n"


def _read_pending(path: str, at: int) -> bytes | None:
    """The whole lines kept in `path`'s pending file for a member starting at byte `at`; None when
    there is no such file, or it is for a member elsewhere (that member has been written since)."""
    try:
        with open(pending_path(path), "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        return None
    head, sep, body = data.partition(b"\n")
    if not sep or head + sep != _PENDING_HEAD % at:
        return None
    return body[:body.rfind(b"\n") + 1]


def _member_at(path: str, at: int, compression: str, want: int) -> bytes:
    """The first `want` bytes of lines in the member (frame) that starts at byte `at` of `path`, or
    fewer when it is not there whole."""
    out = bytearray()
    d = _decompressor(compression)
    with open(path, "rb") as fh:
        fh.seek(at)
        while len(out) < want and not d.eof:
            block = fh.read(1 << 16)
            if not block:
                break
            try:
                out += d.decompress(block)
            except Exception:  # noqa: BLE001 - a torn or garbled member
                break
    return bytes(out[:want])


class PartFile:
    """One output file written under a fixed hidden name (`.NAME.part`) and renamed onto NAME by
    `commit()` (or, given `path=NAME`, written in place). Bytes and lines are counted as they are
    written, for the checkpoint.

    A compressed part (`compression` gzip or zstd) is a series of whole members (gzip) or frames
    (zstd). A member ends after `MEMBER_BYTES` of lines, where a byte-bounded shard needs it
    (`room_for`), and at the end of the file: where the records alone decide, so two runs over the
    same records give the same bytes, however fast they ran and wherever they were stopped and
    resumed. Every reader of .gz/.zst (gzip, zstd, Python, datasets, datatrove) reads the whole.

    `sync()` (a checkpoint; the crawl's seen-store before it marks) does not end a member: the lines
    of the member being filled go to a pending file beside the part (`.NAME.part.pending`, first line
    naming the byte where that member starts), written and synced, so a checkpoint can record `size`
    (the bytes of whole members), `lines` and `pending_bytes`, and a stopped run loses none of them:
    `open(size, lines, pending)` (`--resume`) and `reopen()` (the next crawl) take them back and go
    on with the same member. The pending file is rewritten only after the member that held its lines
    is synced to the part, so they are always in one or the other."""

    def __init__(self, final: str, compression: str = "none", *, path: str | None = None):
        self.final = final
        self.path = path or hidden(final, ".part")
        self.side = pending_path(self.path)
        self.handle = None
        self.size = 0  # bytes of whole members (all of it, uncompressed)
        self.lines = 0  # lines written, pending ones included
        self.compression = compression
        self.compress = _compressor(compression)
        self.pending: list[bytes] = []  # lines of the member being filled (compressed parts only)
        self.pending_bytes = 0
        self.kept_at: int | None = None  # the member the pending file is for (None: no pending file)
        self.kept = 0  # how many of `pending` the pending file holds
        self.digest = hashlib.sha256()  # of the bytes written, for the manifest (`entry()`)

    @property
    def is_open(self) -> bool:
        return self.handle is not None

    def open(self, size: int = 0, lines: int = 0, pending: int = 0) -> None:
        """Start the part empty, or (resuming a checkpoint) keep its first `size` bytes and `lines`
        lines, `pending` bytes of them in the member the checkpoint left unfinished."""
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        kept = b""
        if size or lines:
            if not os.path.exists(self.path) and os.path.exists(self.final):
                # stopped while the finished run was renaming its files: take the file back
                os.replace(self.final, self.path)
            try:
                have = os.path.getsize(self.path)
            except FileNotFoundError:
                raise ResumeError(f"{self.path} is gone") from None
            if have < size:
                raise ResumeError(f"{self.path} holds {have} bytes, fewer than the {size} the checkpoint counts")
            if pending:
                kept = _read_pending(self.path, size) or b""
                if len(kept) < pending and self.compress is not None:  # that member was written since
                    kept = _member_at(self.path, size, self.compression, pending)
                kept = kept[:pending]
                if len(kept) < pending or not kept.endswith(b"\n"):
                    raise ResumeError(f"the last {pending} bytes of lines the checkpoint counts for {self.path} "
                                      f"are neither in {self.side} nor in the file")
        self.digest = hashlib.sha256()
        if size:
            with open(self.path, "rb") as fh:  # the kept bytes, for the manifest's sha256
                left = size
                while left and (block := fh.read(min(left, 1 << 20))):
                    self.digest.update(block)
                    left -= len(block)
        self.size, self.lines = size, lines
        self._take_back(kept)  # on disk beside the part before the member that may hold them is cut off
        self._open_at(size)

    def reopen(self) -> int:
        """Go on writing a compressed file a stopped writer left (the crawl's `-o FILE.jsonl.gz`,
        the shard a killed crawl was filling): cut it back to its whole members (a torn tail) and
        take back the lines of the unfinished member from its pending file. Returns the bytes cut.
        `lines` counts the lines taken back only, and `entry()` describes what is written from here."""
        try:
            have = os.path.getsize(self.path)
        except FileNotFoundError:
            have = 0
        size = whole_prefix(self.path, self.compression) if have else 0
        kept = _read_pending(self.path, size) or b""
        self.size, self.lines = size, kept.count(b"\n")
        self._take_back(kept)
        self.digest = hashlib.sha256()
        self._open_at(size)
        return have - size

    def _take_back(self, kept: bytes) -> None:
        """Make `kept` (lines of the member at `self.size`) the pending lines, written and synced to
        a fresh pending file; no lines: no pending file."""
        self.pending, self.pending_bytes, self.kept_at, self.kept = ([kept] if kept else []), len(kept), None, 0
        if kept:
            self._keep_pending(True)
        else:
            _unlink(self.side)

    def _open_at(self, size: int) -> None:
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o666)
        try:
            os.ftruncate(fd, size)
            os.lseek(fd, size, os.SEEK_SET)
            self.handle = os.fdopen(fd, "wb", buffering=1 << 16)
        except BaseException:
            os.close(fd)
            raise

    def write_line(self, line: str) -> None:
        self.write_lines((line + "\n").encode("utf-8"), 1)

    def write_lines(self, data: bytes, lines: int) -> None:
        """Write `data`, whole lines (`lines` of them) ending in a line break."""
        self.lines += lines
        if self.compress is None:
            self.handle.write(data)
            self.digest.update(data)
            self.size += len(data)
            return
        self.pending.append(data)
        self.pending_bytes += len(data)
        if self.pending_bytes >= MEMBER_BYTES:
            self._end_member()

    def room_for(self, nbytes: int, records: int, size: int | None) -> bool:
        """Whether a line of `nbytes` bytes keeps this file within `records` lines or, `size` given,
        within `size` bytes on disk. A file without lines takes any line (a record bigger than the
        bound makes a shard of its own: the only way over it). Compressed, the line fits when the
        worst case of the member being filled, the line included, fits; when that is not sure, the
        member is ended first, so that its true size counts, and then the line's own worst case must."""
        if not size:
            return self.lines < records
        if self.lines == 0:
            return True
        if self.compress is None:
            return self.size + nbytes <= size
        if self.size + _worst(self.pending_bytes + nbytes) <= size:
            return True
        self._end_member()
        return self.size + _worst(nbytes) <= size

    def _end_member(self) -> None:
        """Compress the pending lines into one whole member and write it."""
        if self.compress is not None and self.pending:
            member = self.compress(b"".join(self.pending))
            self.handle.write(member)
            self.digest.update(member)
            self.size += len(member)
            self.pending, self.pending_bytes, self.kept = [], 0, 0

    def _keep_pending(self, durable: bool) -> None:
        """Put the pending lines in the pending file: appended to it while it is for the member being
        filled, else rewritten (for that member) now that the earlier one is on disk."""
        if self.kept_at != self.size:
            new = self.kept_at is None and not os.path.exists(self.side)
            with open(self.side, "wb") as fh:
                fh.write(_PENDING_HEAD % self.size)
                fh.writelines(self.pending)
                fh.flush()
                if durable:
                    os.fsync(fh.fileno())
            if new and durable:
                _sync_folder(os.path.dirname(self.side))
        elif self.kept < len(self.pending):
            with open(self.side, "ab") as fh:
                fh.writelines(self.pending[self.kept:])
                fh.flush()
                if durable:
                    os.fsync(fh.fileno())
        self.kept_at, self.kept = self.size, len(self.pending)

    def sync(self, durable: bool = True) -> None:
        """Everything written so far is handed to the OS and, when `durable`, on disk: whole members
        in the part, the lines of the member being filled in the pending file."""
        if self.handle is not None:
            self.handle.flush()
            if durable:
                os.fsync(self.handle.fileno())
            if self.compress is not None and (self.pending or self.kept_at is not None):
                self._keep_pending(durable)

    def snapshot(self) -> tuple:
        """Where the part stands, for `restore()` after a write that failed."""
        return self.size, self.lines, list(self.pending), self.pending_bytes, self.digest.copy()

    def restore(self, snapshot: tuple) -> None:
        """Put the part back where `snapshot()` found it (the last sync before a failed write): the
        pending file is rewritten first, then the part cut back. Raises OSError if that fails too."""
        size, lines, pending, pending_bytes, digest = snapshot
        with contextlib.suppress(OSError):
            self.handle.close()
        self.handle = None
        self.size, self.lines, self.pending, self.pending_bytes, self.digest = size, lines, pending, pending_bytes, \
            digest
        need = len(_PENDING_HEAD % size) + pending_bytes
        if self.compress is not None and self.kept_at == size and os.path.getsize(self.side) >= need:
            os.truncate(self.side, need)  # still that member's: cut back, which needs no space
            self.kept = len(pending)
        elif self.compress is not None and pending:
            self.kept_at = None
            self._keep_pending(True)
        else:
            self.kept_at = None
            _unlink(self.side)
        self._open_at(size)

    def commit(self) -> dict:
        """End the last member, sync, rename onto the final name; returns the file's manifest entry
        (`entry()`)."""
        self._end_member()
        self.sync()
        self.handle.close()
        self.handle = None
        _unlink(self.side)
        self.kept_at = None
        if self.path != self.final:
            os.replace(self.path, self.final)
        return self.entry()

    def entry(self) -> dict:
        """The manifest entry of what is written: name, records, bytes, sha256, compression."""
        return {"file": os.path.basename(self.final), "records": self.lines, "bytes": self.size,
                "sha256": self.digest.hexdigest(), "compression": self.compression}

    def close(self) -> None:
        """Stop writing, keep the part and its pending file as the last sync left them (a later
        `--resume` or crawl goes on from there)."""
        if self.handle is not None:
            with contextlib.suppress(OSError):
                self.handle.close()
            self.handle = None

    def discard(self) -> None:
        self.close()
        remove_part(self.path)


def shard_full(part: PartFile, records: int, size: int | None, nbytes: int = 0) -> bool:
    """The shard being filled has no room for one more line of `nbytes` bytes: it holds `records`
    lines or, `size` given, the line would take it over `size` bytes on disk (`PartFile.room_for`)."""
    return not part.room_for(nbytes, records, size)


#: Descriptors of the locks this process holds. A child forked while one is held (a cleaning worker)
#: closes its copy at once: a lock lives as long as any copy of it, and the workers of a run killed
#: with -9 can outlive it by a document or two.
_HELD: set[int] = set()


def _drop_held_locks() -> None:
    for fd in _HELD:
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_drop_held_locks)


class Lock:
    """An exclusive `flock` on a small file holding the owner's pid; removed on `release()`."""

    def __init__(self, path: str, what: str):
        self.path, self.what = path, what
        self.fd: int | None = None

    def acquire(self) -> None:
        if fcntl is None:  # pragma: no cover
            return
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
            except OSError as exc:  # say what cannot be written, not only the lock's hidden name
                raise type(exc)(exc.errno, f"{exc.strerror} (its lock file {self.path} cannot be made)",
                                self.what) from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                owner = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                os.close(fd)
                raise Busy(f"another cleanwire run{f' (pid {owner})' if owner.isdigit() else ''} is writing "
                           f"{self.what}; wait for it to end or stop it (its lock is {self.path})") from None
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:  # not a file its last owner removed between our open and our lock
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self.fd = fd
        _HELD.add(fd)

    def release(self) -> None:
        if self.fd is not None:
            _unlink(self.path)
            _HELD.discard(self.fd)
            os.close(self.fd)
            self.fd = None


class Feed:
    """The documents of the inputs in `iter_documents` order, from a position (`file`: index of a
    file in the walk, `docs`: documents of it already done). Files before the position are skipped
    by name, never opened; the named file at the position must be the checkpoint's `path`.
    `origin` holds, for each document handed out and not yet taken back, (file index, documents of
    that file so far, its path); `skips` the skipped things found inside each finished file (WARC
    records that are not HTML responses) by file index."""

    def __init__(self, specs: list[str], *, fmt: str, url: str | None, max_bytes: int, discovery: Discovery,
                 file: int = 0, docs: int = 0, path: str | None = None):
        self.fmt, self.url, self.max_bytes, self.discovery = fmt, url, max_bytes, discovery
        self.first, self.skip = file, docs
        self.origin: deque[tuple[int, int, str]] = deque()
        self.skips: dict[int, Counter] = {}
        paths = expand(specs, discovery)
        if file:
            for _ in itertools.islice(paths, file):
                pass
        if path is not None:
            at = next(paths, None)
            if at != path:
                raise ResumeError(f"the inputs changed since the interrupted run: file {file + 1} was {path}, "
                                  f"now {at or 'there is none'}")
            paths = itertools.chain([at], paths)
        self.paths = paths

    def __iter__(self) -> Iterator[InputDoc]:
        origin, skips = self.origin, self.skips
        for index, path in enumerate(self.paths, self.first):
            found = Discovery()
            n = 0
            for doc in _documents_of(path, fmt=self.fmt, url=self.url, max_bytes=self.max_bytes, discovery=found):
                n += 1
                if index == self.first and n <= self.skip:
                    continue
                origin.append((index, n, path))
                yield doc
            if index == self.first and n < self.skip:
                raise ResumeError(f"the inputs changed since the interrupted run: {path} now holds {n} "
                                  f"documents, the run had done {self.skip} of it")
            if found.skipped:
                skips[index] = found.skipped
                self.discovery.skipped.update(found.skipped)

    def skipped_before(self, file: int, into: Counter) -> None:
        """Move the skip counts of files before `file` (all finished) into `into`."""
        for index in [i for i in self.skips if i < file]:
            into.update(self.skips.pop(index))


@contextlib.contextmanager
def _stops_held():
    """Ctrl-C and SIGTERM wait while the block runs and are handled right after it: a stop that
    landed between a checkpoint's rename and `Output.checkpointed` would leave a checkpoint on disk
    whose parts `stop()` then removes (and the run would say nothing was kept)."""
    hold = getattr(signal, "pthread_sigmask", None)
    if hold is None:  # (no POSIX signal masks on this platform)
        yield
        return
    before = hold(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        hold(signal.SIG_SETMASK, before)


class Output:
    """The files of one `cleanwire clean -o OUT` run: records (one file, or shards in a folder),
    the errors file, the checkpoint and the locks: one on OUT, one on the errors file (two runs
    sharing an errors file, each with its own OUT, would each rename its own errors file over the
    other's)."""

    def __init__(self, target: str, errors_path: str, *, sharded: bool, shard_size: int,
                 shard_bytes: int | None = None, compression: str = "none"):
        self.target, self.sharded, self.shard_size = target, sharded, shard_size
        self.shard_bytes = shard_bytes  # a shard ends once it holds this many bytes (on disk)
        self.compression = compression
        if sharded:
            self.checkpoint_path = os.path.join(os.path.abspath(target), ".cleanwire.resume.json")
            self.lock = Lock(os.path.join(os.path.abspath(target), ".cleanwire.lock"), target)
        else:
            self.checkpoint_path = hidden(target, ".resume.json")
            self.lock = Lock(hidden(target, ".lock"), target)
        self.errors_lock = Lock(hidden(errors_path, ".lock"), errors_path)
        self.errors = PartFile(errors_path)
        self.shard = 0  # index of the shard being filled (or to open next, when none is open)
        self.records: PartFile | None = None
        self.entries: dict[str, dict] = {}  # manifest entries of the shards this run finished
        self.started = False  # start() has touched the files
        self.checkpointed = False  # a checkpoint of this run's work is on disk

    # ---------------------------------------------------------------- start

    def acquire(self) -> None:
        """Lock OUT, then the errors file; `Busy` (nothing held) when another run holds either."""
        self.lock.acquire()
        try:
            self.errors_lock.acquire()
        except BaseException:
            self.lock.release()
            raise

    def release(self) -> None:
        self.errors_lock.release()
        self.lock.release()

    def load(self) -> dict | None:
        """The checkpoint a stopped run left here, or None."""
        try:
            with open(self.checkpoint_path, encoding="utf-8") as fh:
                state = json.load(fh)
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise ResumeError(f"cannot read the checkpoint {self.checkpoint_path}: {exc}") from None
        if not isinstance(state, dict) or state.get("checkpoint") != CHECKPOINT_FORMAT \
                or not {"run", "done", "position", "records_part", "errors_part"} <= state.keys():
            raise ResumeError(f"{self.checkpoint_path} is not a checkpoint this cleanwire can read")
        return state

    def _shard_part(self, index: int) -> PartFile:
        return PartFile(os.path.join(self.target, shard_name(index, self.compression)), self.compression)

    def _stale_shard_parts(self) -> list[str]:
        folder = os.path.abspath(self.target)
        with contextlib.suppress(FileNotFoundError):
            return [os.path.join(folder, n) for n in os.listdir(folder) if HIDDEN_SHARD.fullmatch(n)]
        return []

    def start(self, state: dict | None) -> None:
        """Open the parts: empty (a fresh run: a stopped run's leftovers are removed), or as the
        checkpoint `state` left them."""
        self.started = True
        self.checkpointed = state is not None  # from here on the stopped run's parts are ours to keep
        if state is None:
            _unlink(self.checkpoint_path)  # first, so it never points at parts cut below
            self.errors.discard()
            if self.sharded:
                for path in self._stale_shard_parts():
                    remove_part(path)
            else:
                self.records = PartFile(self.target, self.compression)
                self.records.open()
            return
        part, err = state["records_part"], state["errors_part"]
        if self.sharded:
            self.shard = part["shard"]
            for path in self._stale_shard_parts():
                if path != self._shard_part(self.shard).path:
                    remove_part(path)
            if part["lines"]:
                self.records = self._shard_part(self.shard)
                self.records.open(part["bytes"], part["lines"], part.get("pending", 0))
            else:
                remove_part(self._shard_part(self.shard).path)
        else:
            self.records = PartFile(self.target, self.compression)
            self.records.open(part["bytes"], part["lines"], part.get("pending", 0))
        if err["bytes"]:
            self.errors.open(err["bytes"], err["lines"])
        else:
            self.errors.discard()

    # ---------------------------------------------------------------- writing

    def write_record(self, line: str) -> None:
        records = self.records
        try:
            if self.sharded and (records is None or shard_full(records, self.shard_size, self.shard_bytes,
                                                               len(line.encode("utf-8")) + 1)):
                if records is not None:
                    entry = records.commit()
                    self.entries[entry["file"]] = entry
                    self.shard += 1
                records = self.records = self._shard_part(self.shard)
                records.open()
            records.write_line(line)
        except OSError as exc:
            if exc.filename is None:
                exc.filename = records.final if records is not None else self.target
            raise

    def write_error(self, line: str) -> None:
        with naming(self.errors.final):
            if not self.errors.is_open:
                self.errors.open()
            self.errors.write_line(line)

    def save(self, state: dict) -> None:
        """Put the parts on disk, then the checkpoint `state` (plus where the parts stand)."""
        records = self.records
        if records is not None:
            with naming(records.final):
                records.sync()
        with naming(self.errors.final):
            self.errors.sync()
        state["records_part"] = {"shard": self.shard if self.sharded else None,
                                 "lines": records.lines if records else 0, "bytes": records.size if records else 0,
                                 "pending": records.pending_bytes if records else 0}
        state["errors_part"] = {"lines": self.errors.lines, "bytes": self.errors.size}
        tmp = self.checkpoint_path + ".tmp"
        with naming(tmp), open(tmp, "w", encoding="utf-8") as fh:
            json.dump(state, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        with _stops_held():  # the checkpoint on disk and the flag `stop()` reads change together
            os.replace(tmp, self.checkpoint_path)
            self.checkpointed = True
        _sync_folder(os.path.dirname(self.checkpoint_path))

    # ---------------------------------------------------------------- end

    def commit(self) -> None:
        """Rename the parts onto their targets (sharded: and write `manifest.json`), then drop the
        checkpoint and the locks. Every part is written out and synced before the first rename, so
        a write that fails (a full disk) leaves every target as it was."""
        for part in (self.records, self.errors):
            if part is not None and part.is_open:
                with naming(part.final):
                    part.sync()
        if self.errors.is_open:
            with naming(self.errors.final):
                self.errors.commit()
        if self.records is not None:
            with naming(self.records.final):
                entry = self.records.commit()
            self.entries[entry["file"]] = entry
        if self.sharded:
            with naming(os.path.join(self.target, "manifest.json")):
                write_manifest(self.target, self.entries)
        _unlink(self.checkpoint_path)
        _sync_folder(os.path.dirname(self.checkpoint_path))
        self.release()

    def stop(self) -> None:
        """The run ends early: keep the parts when a checkpoint refers to them (for `--resume`),
        else remove them; release the locks. Before `start()` nothing is touched."""
        if self.started:
            for part in (self.records, self.errors):
                if part is not None:
                    with contextlib.suppress(OSError):
                        part.close() if self.checkpointed else part.discard()
        self.release()

    def describe(self) -> str:
        if self.sharded:
            return (f"{self.shard + (1 if self.records is not None else 0)} shard(s) in {self.target} "
                    f"(manifest.json)")
        return self.target


SHARD_NAME = re.compile(r"part-(\d+)\.jsonl(\.gz|\.zst)?")
#: a shard being filled (`PartFile`): `.part-00003.jsonl.gz.part`; group 1 is the shard's name
HIDDEN_SHARD = re.compile(r"\.(part-\d+\.jsonl(?:\.gz|\.zst)?)\.part")


def shard_name(index: int, compression: str) -> str:
    """`part-00003.jsonl[.gz|.zst]`: the name of shard `index`."""
    return f"part-{index:05d}.jsonl{SUFFIXES[compression]}"


def write_manifest(folder: str, known: dict[str, dict] | None = None) -> dict:
    """`folder/manifest.json`: for each shard `part-NNNNN.jsonl[.gz|.zst]` in the folder its name,
    records, bytes, sha256 and compression, written through a renamed temporary file.

    The entries come from `known` (shards just written, hashed as they were written), else from the
    manifest already there when the file has the size it gives and is no newer than it (shards of
    earlier runs into the same folder), else from reading the file back (shards of a resumed or
    stopped run)."""
    path = os.path.join(folder, "manifest.json")
    known = dict(known or {})
    try:
        with open(path, encoding="utf-8") as fh:
            old = json.load(fh)
        written = os.stat(path).st_mtime_ns
        earlier = {s["file"]: s for s in old.get("shards", []) if isinstance(s, dict) and "file" in s}
    except (OSError, ValueError, AttributeError, TypeError):
        written, earlier = 0, {}
    shards = []
    for name in sorted(n for n in os.listdir(folder) if SHARD_NAME.fullmatch(n)):
        shard = os.path.join(folder, name)
        stat = os.stat(shard)
        entry = known.get(name)
        if entry is None or entry.get("bytes") != stat.st_size:
            entry = earlier.get(name)
            if entry is None or entry.get("bytes") != stat.st_size or stat.st_mtime_ns > written:
                digest, size = hashlib.sha256(), 0
                with open(shard, "rb") as fh:
                    for block in iter(lambda fh=fh: fh.read(1 << 20), b""):
                        digest.update(block)
                        size += len(block)
                with open_records(shard) as fh:  # records end in \n: other line breaks are inside them
                    lines = sum(block.count(b"\n") for block in iter(lambda fh=fh: fh.read(1 << 20), b""))
                entry = {"file": name, "records": lines, "bytes": size, "sha256": digest.hexdigest(),
                         "compression": compression_of(name)}
        shards.append(entry)
    manifest = {"manifest": 1, "records": sum(s["records"] for s in shards), "shards": shards}
    tmp = os.path.join(folder, ".manifest.json.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=1)
        fh.write("\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _sync_folder(folder)
    return manifest


def whole_prefix(path: str, compression: str) -> int:
    """The byte length of the longest start of a records file made of whole lines in whole members
    (gzip) or frames (zstd): what is left of a file whose writer was killed mid-write, or whose disk
    lost its last writes, once the torn tail is cut off. Reads a plain file backwards from its end
    only; a compressed one is decompressed once, in 1 MB steps."""
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        if compression == "none":
            end = size
            while end > 0:
                start = max(0, end - (1 << 16))
                fh.seek(start)
                cut = fh.read(end - start).rfind(b"\n")
                if cut >= 0:
                    return start + cut + 1
                end = start
            return 0

        def member():
            if compression == "gzip":
                import zlib

                return zlib.decompressobj(wbits=31)
            import zstandard

            return zstandard.ZstdDecompressor().decompressobj()

        good = pos = 0  # end of the last whole member; bytes fed so far
        d, last, buf = member(), b"", b""
        while True:
            if not buf:
                buf = fh.read(1 << 20)
                if not buf:
                    return good
            try:
                out = d.decompress(buf)
            except Exception:  # noqa: BLE001 - a torn or garbled member: the file ends before it
                return good
            if out:
                last = out[-1:]
            if not d.eof:
                pos, buf = pos + len(buf), b""
                continue
            pos += len(buf) - len(d.unused_data)
            if last != b"\n":  # a member always holds whole lines
                return good
            good, buf, d, last = pos, d.unused_data, member(), b""


def parse_shard_size(text: str, default_records: int) -> tuple[int, int | None]:
    """A shard size: a number of records (`50000`), or a size on disk with a unit (`64MB`, `500KB`):
    (records, bytes or None). ValueError when it is neither."""
    match = re.fullmatch(r"\s*(\d+)\s*(b|kb|mb|gb|kib|mib|gib)?\s*", str(text).lower())
    if not match or int(match[1]) < 1:
        raise ValueError(f"{text!r}: give a number of records (50000) or a size (64MB, 500KB)")
    if not match[2]:
        return int(match[1]), None
    unit = {"b": 1, "kb": 1024, "kib": 1024, "mb": 1024 ** 2, "mib": 1024 ** 2, "gb": 1024 ** 3, "gib": 1024 ** 3}
    return default_records, int(match[1]) * unit[match[2]]


def open_records(path: str):
    """A binary stream of a records file, decompressed when it is .gz or .zst."""
    kind = compression_of(path)
    if kind == "gzip":
        import gzip

        return gzip.open(path, "rb")
    if kind == "zstd":
        import zstandard

        return zstandard.ZstdDecompressor().stream_reader(open(path, "rb"), closefd=True)  # noqa: SIM115
    return open(path, "rb")  # noqa: SIM115
