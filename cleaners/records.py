"""Reading record files back: every format and layout cleanwire writes, for `cleanwire export` and
`cleanwire dedup`.

`cleanwire clean -o` and `scrapy crawl -o` write JSON Lines as a plain file (`OUT.jsonl`), a
compressed file (`OUT.jsonl.gz`: a series of gzip members; `OUT.jsonl.zst`: a series of zstd frames)
or a folder of shards (`DIR/part-NNNNN.jsonl[.gz|.zst]`, listed in `DIR/manifest.json`, error
records in `DIR/errors.jsonl`). `read_records` reads any of them, and standard input (`-`):

* a file's compression is told by its first bytes (gzip `1f 8b`, zstd `28 b5 2f fd`), not by its
  name, so a renamed file or a compressed standard input is read all the same;
* a folder is read shard by shard in the order its `manifest.json` lists them (without a manifest:
  the `part-NNNNN.jsonl*` files in name order); `errors.jsonl` and anything else in it is not read;
* lines are split on `\\n` only. JSON allows U+2028, U+2029, U+0085 and the other characters Python's
  `str.splitlines()` breaks at raw inside strings (cleanwire writes them raw, `ensure_ascii=False`),
  so splitting on them cuts a record in two. A line ending `\\r\\n` loses its `\\r` too; blank lines
  are passed over.

A line that is not a record (not UTF-8, not JSON, not an object with a 16-hex `id` and a `text`)
comes out with the reason, and so does the rest of a file that cannot be read (a damaged gzip
member, a read error): the caller counts it, nothing is skipped silently.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from collections.abc import Iterator
from typing import NamedTuple

_GZIP = b"\x1f\x8b"
_ZSTD = b"\x28\xb5\x2f\xfd"
_ID = re.compile(r"[0-9a-f]{16}")


class RecordsError(ValueError):
    """A named input cannot be read as records at all (missing, a folder that holds no shards):
    nothing is read (a usage error)."""


class Line(NamedTuple):
    """One non-blank line of the inputs: `where` is `FILE:LINE` (`-:LINE` for standard input);
    `record` the parsed record, or None with `problem` saying why the line is not one (then
    `text` is the line when it could be decoded)."""

    where: str
    path: str
    text: str | None
    record: dict | None
    problem: str | None


def sources(spec: str) -> list[str]:
    """The files `spec` names, in reading order: the file itself, `-`, or the shards of a folder
    (manifest order). RecordsError when there is nothing to read there."""
    if spec == "-":
        return ["-"]
    if os.path.isdir(spec):
        return _shards(spec)
    if not os.path.exists(spec):
        raise RecordsError(f"no such file or folder: {spec}")
    return [spec]


def _shards(folder: str) -> list[str]:
    from .checkpoint import SHARD_NAME

    manifest = os.path.join(folder, "manifest.json")
    try:
        with open(manifest, encoding="utf-8") as fh:
            listed = json.load(fh)
    except FileNotFoundError:
        names = sorted(n for n in os.listdir(folder) if SHARD_NAME.fullmatch(n))
        if not names:
            raise RecordsError(f"{folder} holds no manifest.json and no shards (part-NNNNN.jsonl): "
                               "not a folder of records") from None
        return [os.path.join(folder, n) for n in names]
    except (OSError, ValueError) as exc:
        raise RecordsError(f"{manifest}: cannot be read as a manifest ({exc})") from None
    try:
        names = [entry["file"] for entry in listed["shards"]]
    except (TypeError, KeyError):
        raise RecordsError(f"{manifest}: not a cleanwire manifest (no \"shards\" list of files)") from None
    bad = [n for n in names if not isinstance(n, str) or not SHARD_NAME.fullmatch(n)]
    if bad:
        raise RecordsError(f"{manifest}: lists {bad[0]!r}, not a shard name (part-NNNNN.jsonl)")
    missing = [n for n in names if not os.path.isfile(os.path.join(folder, n))]
    if missing:
        raise RecordsError(f"{manifest} lists {missing[0]}, which is not in {folder}")
    return [os.path.join(folder, n) for n in names]


def _decompressed(raw):
    """A binary stream of the records in `raw` (a buffered binary stream), gzip or zstd undone."""
    head = raw.peek(4)[:4]
    if head.startswith(_GZIP):
        import gzip

        return gzip.GzipFile(fileobj=raw, mode="rb")
    if head.startswith(_ZSTD):
        import zstandard

        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True))
    return raw


def _read_errors() -> tuple[type[BaseException], ...]:
    import zlib

    kinds: list[type[BaseException]] = [OSError, EOFError, zlib.error]
    try:
        import zstandard

        kinds.append(zstandard.ZstdError)
    except ImportError:  # pragma: no cover - zstandard is a dependency
        pass
    return tuple(kinds)


def read_lines(path: str) -> Iterator[tuple[int, bytes | None, str | None]]:
    """`(line number, line, None)` for each non-blank line of one file (`-`: standard input), the
    line break cut off; lines split on `\\n` only. When the rest of the file cannot be read,
    a last `(line number, None, reason)`."""
    failures = _read_errors()
    number = 0
    raw = None
    try:
        raw = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
        stream = _decompressed(raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw))
        for number, line in enumerate(stream, 1):  # noqa: B007 - the last number is reported below
            line = line.rstrip(b"\n").removesuffix(b"\r")
            if line.strip():
                yield number, line, None
    except failures as exc:
        cause = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        yield number + 1, None, f"cannot read on from line {number + 1}: {cause}"
    finally:
        if raw is not None and path != "-":
            raw.close()


def parse_record(line: bytes) -> dict:
    """A line as a cleanwire record (a JSON object with a 16-hex `id` and a `text`), or ValueError
    saying why it is not one."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    try:
        record = json.loads(text)
    except ValueError as exc:
        raise ValueError(f"not JSON: {exc}") from None
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    rid, body = record.get("id"), record.get("text")
    if not isinstance(rid, str) or not _ID.fullmatch(rid) or not isinstance(body, str):
        raise ValueError("no 16-hex id or no text")
    return record


def read_records(specs: list[str]) -> Iterator[Line]:
    """Every non-blank line of the inputs `specs` (files, shard folders, `-`), in order, as a
    `Line`. Call `sources()` on each spec first to refuse what cannot be read before anything is."""
    for spec in specs:
        for path in sources(spec):
            for number, line, problem in read_lines(path):
                where = f"{path}:{number}"
                if line is None:
                    yield Line(where, path, None, None, problem)
                    continue
                try:
                    record = parse_record(line)
                except ValueError as exc:
                    yield Line(where, path, line.decode("utf-8", "replace"), None, str(exc))
                    continue
                yield Line(where, path, line.decode("utf-8"), record, None)


def count_lines(specs: list[str]) -> int:
    """How many `Line`s `read_records(specs)` gives (a pass that parses nothing)."""
    return sum(1 for spec in specs for path in sources(spec) for _ in read_lines(path))
