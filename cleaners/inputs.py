"""Local inputs for `cleanwire clean`: files, folders, globs, stdin, `.gz`, WARC -> a stream of documents.

`iter_documents()` turns what the user named into `InputDoc`s, one per document, lazily (a folder of
a million pages or a 50 GB WARC is never held in memory). A document that cannot even be read
(too large, truncated gzip, corrupt WARC, binary) comes out with `error` set, so the caller still
gives it its one error record. Things that are not documents (a WARC's request and metadata
records, non-HTML responses, images in a saved site) are counted in `Discovery.skipped`.

A folder is walked without recursion (however deep it is), in sorted order. Only regular files found
by a walk are opened: a FIFO, socket or device in a folder is an error record, never a read that
blocks (one named on the command line is read, as `cat` would). Symbolic links that lead out of the
walked folder are not followed unless asked (`Discovery.follow_links`): an untrusted archive with a
link to `/etc/passwd` does not become a record. Links to folders inside the walked folder are not
followed either (the folder is walked where it is), so no link can make the walk loop.
"""

from __future__ import annotations

import contextlib
import glob
import gzip
import io
import os
import stat
import sys
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .encoding import charset_label, is_binary, looks_like_html

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
TEXT_SUFFIXES = frozenset({".txt"})
WARC_SUFFIXES = frozenset({".warc", ".arc"})
FORMATS = ("auto", "html", "text", "warc")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"


class UsageError(Exception):
    """The user named something that does not exist: nothing is run (exit status 2)."""


@dataclass
class InputDoc:
    """One document to clean, or the reason it cannot be: `error` is `(kind, message)`."""

    path: str | None
    url: str | None = None
    data: bytes | None = None
    fmt: str = "html"  # html | text
    charset: str | None = None  # declared by the transport (WARC's HTTP header)
    fetched_at: str | None = None
    error: tuple[str, str] | None = None
    profile: str | None = None  # a site profile to use whatever the URL's host
    #: a plain file whose bytes are read where the document is cleaned (a worker), not where it was
    #: found: `(file path, suffix, format asked for, byte limit)`; see `load`
    deferred: tuple[str, str, str, int] | None = None


def _too_large(max_bytes: int) -> tuple[str, str]:
    return "too_large", f"over the limit of {max_bytes} bytes (--max-bytes)"


def load(doc: InputDoc) -> InputDoc:
    """A document with its bytes: a deferred one is read and classified now (html, text, or the
    error that keeps it from being cleaned), as `iter_documents` would have done it. It was a regular
    file when it was found; if something else took its name since, it is not read."""
    if doc.deferred is None:
        return doc
    path, suffix, fmt, max_bytes = doc.deferred
    try:
        with _open_regular(path) as fh:
            data = fh.read(max_bytes + 1)
    except _NotRegular:
        return InputDoc(doc.path, doc.url, error=_NOT_REGULAR)
    except OSError as exc:
        return InputDoc(doc.path, doc.url, error=("unreadable", f"cannot read: {exc.strerror or exc}"))
    if len(data) > max_bytes:
        return InputDoc(doc.path, doc.url, error=_too_large(max_bytes))
    return _classify(doc.path, data, suffix, fmt, doc.url)


@dataclass
class Discovery:
    """What was found besides documents (skipped things by reason), and how folders are walked:
    `follow_links` follows symbolic links that lead out of a walked folder (`--follow-links`)."""

    skipped: Counter = field(default_factory=Counter)
    follow_links: bool = False


#: the error of a FIFO, socket or device found by a folder walk
_NOT_REGULAR = ("unreadable", "not a regular file (a FIFO, socket or device): not read")
LINK_OUT = "link out of the folder"
LINK_LOOP = "link to a folder already walked"


class _Found(str):
    """A path a folder walk (or a glob) found, as opposed to one the user named: only a regular
    file is opened. `problem` is why it cannot be read, when the walk already knows (a folder that
    cannot be listed)."""

    problem: tuple[str, str] | None = None


class _NotRegular(OSError):
    """A found path is not a regular file."""


def _open_regular(path: str):
    """Open `path` for reading in binary only if it is a regular file, without ever blocking: a FIFO
    is opened non-blocking, then refused (_NotRegular) like any other non-regular file."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _NotRegular(path)
        os.set_blocking(fd, True)
        return open(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _suffixes(path: str) -> tuple[str, bool]:
    """(the meaningful suffix, gzipped?) of a file name, case-insensitive: `a.HTML.gz` -> (`.html`, True)."""
    name = path.lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    return os.path.splitext(name)[1], gz


def _wanted_in_folder(path: str) -> bool:
    suffix, _gz = _suffixes(path)
    return suffix in HTML_SUFFIXES | TEXT_SUFFIXES | WARC_SUFFIXES or suffix == ""


def expand(specs: list[str], discovery: Discovery) -> Iterator[str]:
    """File paths named by `specs` (files, folders walked in sorted order, globs, `-`), lazily.
    Files in folders with other suffixes (images, scripts, sidecars) are counted as skipped, and so
    are links out of a walked folder unless `discovery.follow_links`."""
    for spec in specs:
        if spec == "-":
            yield "-"
        elif os.path.isdir(spec):
            yield from _walk(spec, discovery)
        elif os.path.exists(spec):
            yield spec
        else:
            for match in sorted(glob.glob(spec, recursive=True)):
                if os.path.isdir(match):
                    yield from _walk(match, discovery)
                else:
                    yield _Found(match)


def _inside(target: str, top: str) -> bool:
    return target == top or target.startswith(top if top.endswith(os.sep) else top + os.sep)


def _walk(root: str, discovery: Discovery) -> Iterator[str]:
    """The files under folder `root`, depth first: a folder's files in sorted order, then its
    subfolders in sorted order (the order of `os.walk` with sorted names). With a stack, not
    recursion: a folder 10,000 deep is walked like a shallow one. A subfolder that cannot be listed
    is given as a path whose `problem` says so (it becomes an error record)."""
    top = os.path.realpath(root)
    walked: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in walked:
                discovery.skipped[LINK_LOOP] += 1
                continue
            walked.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            found = _Found(folder)
            found.problem = ("unreadable", f"cannot list the folder: {exc.strerror or exc}")
            yield found
            continue
        subfolders = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            name = entry.name
            if not is_dir and (name.startswith(".") or name.endswith((".url", ".errors.jsonl"))):
                continue
            link = entry.is_symlink()
            if link:
                inside = _inside(os.path.realpath(entry.path), top)
                if is_dir and inside:
                    continue  # walked where it is
                if not inside and not discovery.follow_links:
                    discovery.skipped[LINK_OUT] += 1
                    continue
            if is_dir:
                subfolders.append(entry.path)
            elif _wanted_in_folder(entry.path):
                yield _Found(entry.path)
            else:
                discovery.skipped[f"not a page ({_suffixes(entry.path)[0]})"] += 1
        stack.extend(reversed(subfolders))


def check_specs(specs: list[str]) -> None:
    """Raise UsageError naming every spec that matches nothing."""
    missing = [s for s in specs if s != "-" and not os.path.exists(s) and not glob.glob(s, recursive=True)]
    if missing:
        raise UsageError(f"no such file, folder or match: {', '.join(missing)}")
    if specs.count("-") > 1:
        raise UsageError("'-' (standard input) can be named once")


def count_files(specs: list[str], follow_links: bool = False) -> int:
    """How many files `expand` will give (a cheap walk, for the progress bar's total)."""
    return sum(1 for _ in expand(specs, Discovery(follow_links=follow_links)))


def sidecar_url(path: str) -> str | None:
    """The URL stored next to a saved page: `page.html.url` or `page.url` (first line)."""
    base, _ext = os.path.splitext(path)
    folder = os.path.realpath(os.path.dirname(path) or ".")
    for candidate in (path + ".url", base + ".url"):
        if candidate != path and os.path.isfile(candidate) and (
                not os.path.islink(candidate) or _inside(os.path.realpath(candidate), folder)):
            with open(candidate, encoding="utf-8", errors="replace") as fh:
                line = fh.readline().strip()
            if line:
                return line
    return None


def iter_documents(specs: list[str], *, fmt: str = "auto", url: str | None = None,
                   max_bytes: int = DEFAULT_MAX_BYTES, discovery: Discovery | None = None) -> Iterator[InputDoc]:
    """Every document in `specs`, in order. `url` is the URL of a single named file."""
    discovery = discovery if discovery is not None else Discovery()
    for path in expand(specs, discovery):
        yield from _documents_of(path, fmt=fmt, url=url, max_bytes=max_bytes, discovery=discovery)


def _documents_of(path: str, *, fmt: str, url: str | None, max_bytes: int,
                  discovery: Discovery) -> Iterator[InputDoc]:
    suffix, gz = _suffixes(path) if path != "-" else ("", False)
    shown = "<stdin>" if path == "-" else str(path)
    if isinstance(path, _Found) and path.problem:
        yield InputDoc(shown, url, error=path.problem)
        return
    try:
        raw = _open(path)
    except _NotRegular:
        yield InputDoc(shown, url, error=_NOT_REGULAR)
        return
    except OSError as exc:
        yield InputDoc(shown, url, error=("unreadable", f"cannot read: {exc.strerror or exc}"))
        return
    with raw as raw:
        head = raw.peek(4) if hasattr(raw, "peek") else b""
        if head[:2] == _GZIP_MAGIC:
            gz = True
        if fmt == "warc" or (fmt == "auto" and (suffix in WARC_SUFFIXES or _is_warc(raw, gz))):
            yield from _warc_documents(raw, shown, max_bytes, discovery)
            return
        if not gz and path != "-" and os.path.isfile(path):
            size = os.fstat(raw.fileno()).st_size
            if size > max_bytes:
                yield InputDoc(shown, url, error=("too_large", f"{size} bytes, over the limit of {max_bytes} "
                                                               "(--max-bytes)"))
                return
            # a plain file: the worker that cleans it reads it (the bytes never pass through here)
            yield InputDoc(shown, url or sidecar_url(path), deferred=(str(path), suffix, fmt, max_bytes))
            return
        try:
            stream = gzip.GzipFile(fileobj=raw) if gz else raw
            data = stream.read(max_bytes + 1)
        except (OSError, EOFError, zlib.error) as exc:
            yield InputDoc(shown, url, error=("corrupt", f"broken gzip data: {exc}"))
            return
    if len(data) > max_bytes:
        yield InputDoc(shown, url, error=_too_large(max_bytes))
        return
    yield _classify(shown, data, suffix, fmt, url or (sidecar_url(path) if path != "-" else None))


def _open(path: str):
    if path == "-":
        return contextlib.nullcontext(sys.stdin.buffer) if hasattr(sys.stdin.buffer, "peek") else \
            contextlib.nullcontext(io.BufferedReader(sys.stdin.buffer))
    if isinstance(path, _Found):
        if not stat.S_ISREG(os.stat(path).st_mode):  # not even opened: opening a device can act
            raise _NotRegular(path)
        return _open_regular(path)  # closed by the caller's `with`
    return open(path, "rb")  # named by the user: read whatever it is (a FIFO blocks, as with `cat`)


def _is_warc(raw, gz: bool) -> bool:
    """Look at the first bytes (through gzip if needed) for a WARC version line. Only 16 bytes are
    inflated: 4 KB of a gzip bomb would inflate to 4 MB, whatever --max-bytes says."""
    head = raw.peek(64)[:64] if hasattr(raw, "peek") else b""
    if gz:
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw.peek(4096)[:4096], 16)
        except zlib.error:
            return False
    return head.startswith((b"WARC/", b"filedesc://"))


def _classify(path: str, data: bytes, suffix: str, fmt: str, url: str | None) -> InputDoc:
    if not data.strip():
        return InputDoc(path, url, error=("empty", "the document is empty"))
    if fmt in ("html", "text"):
        return InputDoc(path, url, data=data, fmt=fmt)
    if is_binary(data):
        return InputDoc(path, url, error=("binary", "binary data (NUL bytes or control characters), not text or HTML"))
    if looks_like_html(data) or suffix in HTML_SUFFIXES:
        return InputDoc(path, url, data=data, fmt="html")
    if suffix in TEXT_SUFFIXES or suffix == "":
        return InputDoc(path, url, data=data, fmt="text")
    return InputDoc(path, url, error=("unsupported", f"not a page or a seed-format text ({suffix}); "
                                                     "--format html or text reads it anyway"))


def _warc_documents(raw, path: str, max_bytes: int, discovery: Discovery) -> Iterator[InputDoc]:
    """HTML responses of a WARC (or ARC) file become documents with the record's URL and date."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n, broken = 0, False
    try:
        for record in ArchiveIterator(raw, arc2warc=True):
            n += 1
            kind = record.rec_type
            if kind is None:  # no WARC-Type: not a WARC record, the rest cannot be trusted
                raise ValueError(f"record {n} has no WARC-Type header")
            if kind != "response" or record.http_headers is None:
                discovery.skipped[f"warc {kind} record"] += 1
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                discovery.skipped["warc non-HTML response"] += 1
                continue
            status = (record.http_headers.get_statuscode() or "")
            if not status.startswith("2"):
                discovery.skipped[f"warc HTTP {status or 'unknown'} response"] += 1
                continue
            target = record.rec_headers.get_header("WARC-Target-URI")
            date = record.rec_headers.get_header("WARC-Date")
            charset = charset_label(ctype)
            try:
                data = _http_body(record, max_bytes)
            except _Undecodable as exc:  # this record only: the next one starts where its length says
                yield InputDoc(path, target, error=("corrupt", str(exc)))
                continue
            if len(data) > max_bytes:
                yield InputDoc(path, target, error=_too_large(max_bytes))
            elif not data.strip():
                yield InputDoc(path, target, error=("empty", "the HTTP response has no body"))
            else:
                yield InputDoc(path, target, data=data, fmt="html", charset=charset, fetched_at=date)
    # AttributeError: warcio trips over a response record without a WARC-Target-URI
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError, zlib.error) as exc:
        broken = True
        yield InputDoc(path, None, error=("corrupt", f"unreadable WARC after {n} records: {exc}"))
    if n == 0 and not broken:
        yield InputDoc(path, None, error=("corrupt", "no WARC records in the file"))


class _Undecodable(ValueError):
    """The body of one WARC response record cannot be decoded (its Content-Encoding)."""


#: Content-Encoding values that leave the body as it is
_IDENTITY = frozenset({"", "identity", "none"})


def _http_body(record, max_bytes: int) -> bytes:
    """The body of a WARC response record as the server meant it: chunked transfer encoding and
    the Content-Encodings (gzip, deflate, br, in the order applied) undone, at most `max_bytes` + 1
    bytes of it (a decompression bomb inflates no further). Done here, not by warcio, so that a
    body that cannot be decoded costs its own record only (_Undecodable), never the rest of the
    WARC. A body labelled compressed that is not (some tools store it decoded and keep the header)
    is taken as it is when it looks like text."""
    headers = record.http_headers
    stream = record.raw_stream
    if (headers.get_header("Transfer-Encoding") or "").strip().lower() == "chunked":
        from warcio.bufferedreaders import ChunkedDataReader

        stream = ChunkedDataReader(stream)
    data = stream.read(max_bytes + 1)
    codings = [c.strip().lower() for c in (headers.get_header("Content-Encoding") or "").split(",")]
    for coding in reversed([c for c in codings if c not in _IDENTITY]):
        try:
            data = _decompress(coding, data, max_bytes + 1)
        except _Undecodable:
            if is_binary(data):
                raise
            break  # text under a compression label: already decoded
    return data


def _decompress(coding: str, data: bytes, limit: int) -> bytes:
    """`data` with one Content-Encoding undone, no more than about `limit` bytes of output;
    _Undecodable when it cannot be."""
    failed = f"the HTTP body cannot be decoded from its Content-Encoding {coding}"
    if coding in ("gzip", "x-gzip", "deflate"):
        try:
            if coding == "deflate":  # zlib-wrapped, as the standard says, or raw deflate, as some servers send
                try:
                    return zlib.decompressobj().decompress(data, limit)
                except zlib.error:
                    return zlib.decompressobj(-zlib.MAX_WBITS).decompress(data, limit)
            out = bytearray()
            while data and len(out) < limit:  # a body may hold several gzip members
                inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                out += inflater.decompress(data, limit - len(out))
                if not inflater.eof:
                    break  # at the limit, or a truncated member: what came out is kept
                data = inflater.unused_data
            return bytes(out)
        except zlib.error as exc:
            raise _Undecodable(f"{failed}: {exc}") from None
    if coding == "br":
        import brotli

        decoder = brotli.Decompressor()
        try:
            try:
                return decoder.process(data, output_buffer_limit=limit)
            except TypeError:  # brotli before 1.2: no output limit
                return decoder.process(data)
        except brotli.error as exc:
            raise _Undecodable(f"{failed}: {exc}") from None
    raise _Undecodable(f"the HTTP body has a Content-Encoding cleanwire cannot decode: {coding}")


def describe(doc: InputDoc) -> str:
    """Where a document came from, for messages."""
    return f"{doc.path} ({doc.url})" if doc.url and doc.path else (doc.path or doc.url or "?")


def is_shard_dir(target: str) -> bool:
    """`-o DIR/` (a trailing slash, or an existing folder) asks for sharded output."""
    return target.endswith(("/", os.sep)) or Path(target).is_dir()
