"""The `cleanwire` command.

    cleanwire clean INPUT... [-o OUT]          clean files, folders, .gz and WARC into JSON Lines records
    cleanwire export IN.jsonl --txt DIR        write records as seed-format text files
    cleanwire dedup IN.jsonl... -o OUT.jsonl   drop exact and near duplicates, against a persistent index
    cleanwire explain FILE [--url URL]         show the clean text and every piece each rule removed
    cleanwire rules [--long]                   list the rules in the order they run
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import glob
import hashlib
import json
import os
import re
import signal
import sys
import tempfile
import textwrap
import time
from collections import Counter
from pathlib import Path

from . import __version__
from . import inputs as _inputs
from .checkpoint import (
    CHECKPOINT_DOCS,
    CHECKPOINT_FORMAT,
    CHECKPOINT_SECONDS,
    COMPRESSIONS,
    Busy,
    Feed,
    Lock,
    Output,
    ResumeError,
    compression_of,
    hidden,
    naming,
    parse_shard_size,
)
from .document import error_record
from .exits import Exit, epilog
from .inputs import (
    DEFAULT_MAX_BYTES,
    FORMATS,
    Discovery,
    UsageError,
    check_specs,
    count_files,
    is_shard_dir,
    iter_documents,
)
from .pipeline import RULESET_VERSION, CleanError
from .runner import DEFAULT_TIMEOUT, Outcome, clean_document, default_jobs, run

DEFAULT_SHARD_SIZE = 50_000
STDOUT = "standard output"


class AtomicWriter:
    """Write a text file through a temporary file in the same folder, renamed into place on
    `commit()`, so a reader never sees half a file. `-` writes to standard output. An OSError of a
    write names the target (see `checkpoint.naming`)."""

    def __init__(self, target: str):
        self.target = target
        self.name = STDOUT if target == "-" else target
        self.lines = 0
        if target == "-":
            self.handle, self.tmp = sys.stdout, None
        else:
            if os.path.isdir(target):
                raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", target)
            folder = os.path.dirname(os.path.abspath(target))
            os.makedirs(folder, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(prefix=".cleanwire-", suffix=".part", dir=folder)
            self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def write(self, text: str) -> None:
        with naming(self.name):
            self.handle.write(text)

    def write_line(self, line: str) -> None:
        self.write(line + "\n")
        self.lines += 1

    def commit(self) -> None:
        with naming(self.name):
            if self.tmp is None:
                self.handle.flush()
                return
            self.handle.close()
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(self.tmp, 0o666 & ~umask)  # mkstemp makes it 0600; give it a normal file's mode
            os.replace(self.tmp, self.target)

    def abort(self) -> None:
        """Drop what was written (nothing is left behind, whatever the disk says)."""
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                self.handle.close()  # a full disk fails the last flush again
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.tmp)


class _StdoutOutput:
    """`-o -`: records to standard output, error records to a file written atomically (locked while
    the run goes on, when it is one the user named). Nothing to resume."""

    checkpointed = False

    def __init__(self, errors_path: str, lock: bool):
        self.errors_path = errors_path
        self.errors: AtomicWriter | None = None
        self.lock = Lock(hidden(errors_path, ".lock"), errors_path) if lock else None

    def acquire(self) -> None:
        if self.lock is not None:
            self.lock.acquire()

    def write_record(self, line: str) -> None:
        with naming(STDOUT):
            sys.stdout.write(line + "\n")

    def write_error(self, line: str) -> None:
        if self.errors is None:
            self.errors = AtomicWriter(self.errors_path)
        self.errors.write_line(line)

    def commit(self) -> None:
        with naming(STDOUT):
            sys.stdout.flush()
        if self.errors is not None:
            self.errors.commit()
        if self.lock is not None:
            self.lock.release()

    def stop(self) -> None:
        if self.errors is not None:
            self.errors.abort()
        if self.lock is not None:
            self.lock.release()

    def describe(self) -> str:
        return "stdout"


def _errors_path(args: argparse.Namespace) -> str:
    """--errors, else the default: beside OUT (OUT.errors.jsonl; DIR/errors.jsonl for shards), or
    for standard output a name of this run's own in the working folder,
    `cleanwire.<UTC time>-<pid>.errors.jsonl`: runs to standard output are often several at once in
    one folder (a cron job per site, piped), and a shared name would have each replace the errors
    the others wrote; a lock instead would fail all runs but one. The summary line names it."""
    if args.errors:
        return args.errors
    if args.output == "-":
        return f"cleanwire.{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}-{os.getpid()}.errors.jsonl"
    if is_shard_dir(args.output):
        return os.path.join(args.output, "errors.jsonl")
    return f"{args.output}.errors.jsonl"


def _same_file(a: str, b: str) -> bool:
    """`a` and `b` name one file (or would: the same path once links and `..` are resolved)."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _inside(path: str, folder: str) -> bool:
    real, top = os.path.realpath(path), os.path.realpath(folder)
    return real != top and real.startswith(top.rstrip(os.sep) + os.sep)


def _named_inputs(specs: list[str]) -> tuple[list[str], list[str]]:
    """(files, folders) the INPUTs name, globs expanded; folders are walked."""
    files, folders = [], []
    for spec in specs:
        if spec == "-":
            continue
        for path in [spec] if os.path.exists(spec) else sorted(glob.glob(spec, recursive=True)):
            (folders if os.path.isdir(path) else files).append(path)
    return files, folders


def _clean_clash(args: argparse.Namespace, errors_path: str) -> str | None:
    """Why OUT or the errors file cannot be written where they are asked, or None:

    * the errors file is OUT (or, for shards, the folder, a shard or its manifest): records and
      error records would be written over each other;
    * OUT or the errors file is one of the INPUT files: the run would replace what it reads;
    * OUT or the errors file is inside an INPUT folder under a name the folder walk reads (a page,
      a text, a WARC, no suffix): the next run of the same command would read it as a document.
      Names the walk passes over (`.jsonl`, `.jsonl.gz`, `*.errors.jsonl`, shard folders) are fine:
      `cleanwire clean dump/ -o dump/records.jsonl` is allowed."""
    sharded = args.output != "-" and is_shard_dir(args.output)
    if args.output != "-":
        if _same_file(errors_path, args.output):
            return f"--errors {errors_path} is OUT itself; give error records a file of their own"
        if sharded and _inside(errors_path, args.output) and (
                os.path.basename(errors_path) == "manifest.json" or re.fullmatch(
                    r"part-\d+\.jsonl(\.gz|\.zst)?", os.path.basename(errors_path))):
            return f"--errors {errors_path} is a file of the shard folder OUT; give it another name"
    files, folders = _named_inputs(args.inputs)
    targets = [("OUT", args.output)] if args.output != "-" and not sharded else []
    targets.append(("the errors file", errors_path))
    for what, target in targets:
        for path in files:
            if _same_file(target, path):
                return f"{what} {target} is the INPUT {path}: the run would replace what it reads"
        name = os.path.basename(target)
        if not name.startswith(".") and not name.endswith(".errors.jsonl") and _inputs._wanted_in_folder(target):
            for folder in folders:
                if _inside(target, folder):
                    return (f"{what} {target} is inside the INPUT folder {folder} under a name the folder walk "
                            "reads: the next run would clean it as a document. Write it elsewhere, or name it "
                            "*.jsonl")
    return None


def _progress(args: argparse.Namespace, initial: int = 0):
    """A tqdm bar on stderr when it is a terminal (documents, docs/s, ETA), else None. `initial`:
    documents a resumed run had done before."""
    if args.quiet or not (args.progress or sys.stderr.isatty()):
        return None
    from tqdm import tqdm

    total = None
    if not any(s == "-" for s in args.inputs) and args.format != "warc":
        total = count_files(args.inputs, args.follow_links)
    return tqdm(total=total, initial=initial, unit="doc", file=sys.stderr, dynamic_ncols=True, mininterval=0.5,
                desc="cleaning")


#: What a run is asked, as kept in its checkpoint: `--resume` goes on only when it is asked the same.
_RUN_KEYS = {"cleanwire": "cleanwire version", "ruleset": "rule set version", "inputs": "INPUTs",
             "cwd": "working folder (the INPUTs are relative)", "format": "--format", "url": "--url",
             "max_bytes": "--max-bytes", "language": "--language", "shard_size": "--shard-size",
             "compress": "--compress", "follow_links": "--follow-links",
             "errors": "errors file (--errors)"}


def _run_key(args: argparse.Namespace, errors_path: str, sharded: bool) -> dict:
    relative = any(not os.path.isabs(spec) for spec in args.inputs)
    inputs: list[str] = list(args.inputs)
    if len(inputs) > 20:  # a shell glob of many files: a digest keeps the checkpoint small
        digest = hashlib.sha256(json.dumps(inputs, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()
        inputs = [f"{len(inputs)} paths, from {inputs[0]}", f"sha256 {digest[:16]}"]
    return {"cleanwire": __version__, "ruleset": RULESET_VERSION, "inputs": inputs,
            "cwd": os.getcwd() if relative else None, "format": args.format, "url": args.url,
            "max_bytes": args.max_bytes, "language": ",".join(sorted(_languages(args.language))) or None,
            "shard_size": list(args.shard_size) if sharded else None, "compress": _compression(args),
            "follow_links": args.follow_links or None, "errors": os.path.abspath(errors_path)}


def _differences(then: dict, now: dict) -> list[str]:
    def show(value) -> str:
        if isinstance(value, list):
            return " ".join(value) if len(value) <= 4 else f"{' '.join(value[:3])} ... ({len(value)} in all)"
        return "none" if value is None else str(value)

    return [f"{name} {show(then.get(key))} then, {show(now.get(key))} now"
            for key, name in _RUN_KEYS.items() if then.get(key) != now.get(key)]


def _open_output(args: argparse.Namespace, errors_path: str, discovery: Discovery, key: dict):
    """The output of a `-o OUT` run, locked and started (fresh, or where a stopped run's checkpoint
    says), and the documents to clean: `(output, feed or None, documents, checkpoint or None)`.
    `key` is what this run is asked (`_run_key`). ResumeError when the run cannot start as asked;
    nothing is changed then."""
    out = Output(args.output, errors_path, sharded=is_shard_dir(args.output), shard_size=args.shard_size[0],
                 shard_bytes=args.shard_size[1], compression=_compression(args))
    out.acquire()
    try:
        try:
            left = out.load()
        except ResumeError:
            if args.resume:
                raise
            left = None  # a fresh run replaces it anyway
        state = None
        if args.resume and left is None:
            print(f"cleanwire clean: nothing to resume for {args.output} (no interrupted run left a checkpoint "
                  "there); cleaning from the start", file=sys.stderr)
        elif args.resume:
            differences = _differences(left.get("run", {}), key)
            if differences:
                raise ResumeError(f"cannot resume {args.output}: the interrupted run was asked something else ("
                                  + "; ".join(differences) + "). Give the same INPUTs and options, or leave out "
                                  "--resume to start again")
            state = left
        elif left is not None:
            print(f"cleanwire clean: {args.output}: an interrupted run had done {left.get('done', 0)} documents; "
                  "starting again from the beginning (--resume would have continued it)", file=sys.stderr)
        feed = None
        if "-" in args.inputs:  # standard input cannot be read again: no checkpoints
            docs = iter_documents(args.inputs, fmt=args.format, url=args.url, max_bytes=args.max_bytes,
                                  discovery=discovery)
        else:
            at = state["position"] if state else {}
            feed = Feed(args.inputs, fmt=args.format, url=args.url, max_bytes=args.max_bytes, discovery=discovery,
                        file=at.get("file", 0), docs=at.get("docs", 0), path=at.get("path"))
            docs = iter(feed)
        out.start(state)
    except BaseException:
        out.stop()
        raise
    return out, feed, docs, state


def _shard_size(text: str) -> tuple[int, int | None]:
    """`--shard-size`: a number of records, or a size on disk with a unit: (records, bytes or None)."""
    try:
        return parse_shard_size(text, DEFAULT_SHARD_SIZE)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _compression(args: argparse.Namespace) -> str:
    """--compress, else what the name of -o OUT asks for (.gz, .zst)."""
    if args.compress:
        return args.compress
    return "none" if args.output == "-" or is_shard_dir(args.output) else compression_of(args.output)


def _checkpoint_seconds() -> float:
    """Seconds between checkpoints: CLEANWIRE_CHECKPOINT_SECONDS in the environment, else 1. Shorter
    loses less work to a kill and costs a few ms of syncing each time."""
    try:
        value = float(os.environ.get("CLEANWIRE_CHECKPOINT_SECONDS", CHECKPOINT_SECONDS))
    except ValueError:
        return CHECKPOINT_SECONDS
    return value if value > 0 else CHECKPOINT_SECONDS


def _languages(value: str | None) -> frozenset[str]:
    """The codes of `--language en,ru` (empty: every language). ValueError for a code the language
    detector never gives (`eng`, `deu`, `xx`): every record would be an other_language error."""
    if not value:
        return frozenset()
    from .language import check_codes

    return check_codes(value)


def _keep_language(outcome: Outcome, wanted: frozenset[str]) -> Outcome:
    """The outcome, or an error outcome of kind other_language when its record's language is not wanted."""
    record = json.loads(outcome.record)
    language, score = record.get("language"), record.get("language_score")
    if language in wanted:
        return outcome
    said = ("no language detected or declared" if language is None else
            f"language {language} (declared by the page)" if score is None else f"language {language} (score {score})")
    return Outcome(outcome.path, outcome.url, error="other_language",
                   message=f"{said}, not one of --language {','.join(sorted(wanted))}")


def _cmd_clean(args: argparse.Namespace) -> int:
    try:
        check_specs(args.inputs)
    except UsageError as exc:
        print(f"cleanwire clean: {exc}", file=sys.stderr)
        return Exit.USAGE
    if args.url and (len(args.inputs) != 1 or os.path.isdir(args.inputs[0])):
        print("cleanwire clean: --url names the URL of one file; give exactly one FILE with it", file=sys.stderr)
        return Exit.USAGE
    if args.jobs < 1 or args.max_bytes < 1 or args.timeout <= 0:
        print("cleanwire clean: --jobs, --max-bytes and --timeout must be positive", file=sys.stderr)
        return Exit.USAGE
    try:
        wanted = _languages(args.language)
    except ValueError as exc:
        print(f"cleanwire clean: --language: {exc}", file=sys.stderr)
        return Exit.USAGE
    if args.resume and args.output == "-":
        print("cleanwire clean: --resume continues a run that wrote -o OUT; standard output cannot be continued",
              file=sys.stderr)
        return Exit.USAGE
    if args.resume and "-" in args.inputs:
        print("cleanwire clean: --resume cannot read standard input ('-') a second time; name files instead",
              file=sys.stderr)
        return Exit.USAGE
    errors_path = _errors_path(args)
    clash = _clean_clash(args, errors_path)
    if clash:
        print(f"cleanwire clean: {clash}", file=sys.stderr)
        return Exit.USAGE

    started = time.monotonic()
    discovery = Discovery(follow_links=args.follow_links)
    feed, state, key = None, None, None
    try:
        if args.output == "-":
            out = _StdoutOutput(errors_path, lock=bool(args.errors))
            out.acquire()
            docs = iter_documents(args.inputs, fmt=args.format, url=args.url, max_bytes=args.max_bytes,
                                  discovery=discovery)
        else:
            key = _run_key(args, errors_path, is_shard_dir(args.output))
            out, feed, docs, state = _open_output(args, errors_path, discovery, key)
    except Busy as exc:
        print(f"cleanwire clean: {exc}", file=sys.stderr)
        return Exit.OUTPUT
    except ResumeError as exc:
        print(f"cleanwire clean: {exc}", file=sys.stderr)
        return Exit.USAGE
    state = state or {}
    resumed = done = state.get("done", 0)
    records = state.get("records", 0)
    kinds: Counter[str] = Counter(state.get("errors_by_kind", {}))
    skipped_before = Counter(state.get("skipped", {}))  # inside files a resumed run does not read again
    skipped_done = Counter(skipped_before)  # the same, as of the position below
    at = state.get("position", {})
    position = (at.get("file", 0), at.get("docs", 0), at.get("path"))
    origin = feed.origin if feed is not None else None
    every = _checkpoint_seconds()
    saved_done, next_docs, next_time = done, done + CHECKPOINT_DOCS, started + every
    write_record, write_error = out.write_record, out.write_error
    outcomes = run(docs, jobs=args.jobs, timeout=args.timeout)
    bar = None
    try:
        bar = _progress(args, resumed)
        for outcome in outcomes:
            if wanted and outcome.record is not None:
                outcome = _keep_language(outcome, wanted)
            if outcome.record is not None:
                write_record(outcome.record)
                records += 1
            else:
                kinds[outcome.error] += 1
                write_error(json.dumps(error_record(error=outcome.error, message=outcome.message,
                                                   path=outcome.path, url=outcome.url), ensure_ascii=False))
                if bar is None and not args.quiet and args.verbose:
                    print(f"cleanwire clean: {outcome.path}: {outcome.error}: {outcome.message}", file=sys.stderr)
            done += 1
            if bar is not None:
                bar.update(1)
            if origin is not None:
                position = origin.popleft()
                if done >= next_docs or time.monotonic() >= next_time:
                    feed.skipped_before(position[0], skipped_done)
                    out.save({"checkpoint": CHECKPOINT_FORMAT, "run": key, "done": done,
                              "position": {"file": position[0], "docs": position[1], "path": position[2]},
                              "records": records, "errors_by_kind": dict(kinds), "skipped": dict(skipped_done)})
                    saved_done, next_docs = done, done + CHECKPOINT_DOCS
                    next_time = time.monotonic() + every
        if bar is not None:
            bar.close()
            bar = None
        out.commit()
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (see main)
        outcomes.close()
        out.stop()
        kept = ("" if args.output == "-" else
                f"; the first {saved_done} documents are kept, run the same command with --resume to go on from there"
                if out.checkpointed else "; nothing was kept")
        print(f"\ncleanwire clean: {_interruption(exc)} after {done} documents{kept}", file=sys.stderr)
        return Exit.INTERRUPTED
    except BaseException:
        outcomes.close()
        out.stop()
        raise
    finally:
        if bar is not None:
            bar.close()

    elapsed = time.monotonic() - started
    total = records + sum(kinds.values())
    errs = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    found = discovery.skipped + skipped_before
    skipped = sum(found.values())
    skips = ", ".join(f"{k} {n}" for k, n in sorted(found.items()))
    rate = (total - resumed) / elapsed if elapsed else 0.0
    if not args.quiet or kinds:
        print(f"cleanwire clean: {f'resumed after {resumed} documents; ' if resumed else ''}"
              f"{total} documents in, {records} records out, {sum(kinds.values())} errors"
              f"{f' ({errs})' if errs else ''}, {skipped} skipped{f' ({skips})' if skips else ''}"
              f" in {elapsed:.{2 if elapsed < 10 else 1}f}s ({rate:.1f} docs/s)"
              f" -> {out.describe()}"
              f"{f'; errors in {errors_path}' if kinds else ''}", file=sys.stderr)
    return Exit.LOST if kinds else Exit.OK


def _record_sources(command: str, specs: list[str]) -> list[str] | None:
    """Every file the record INPUTs name (`records.sources`), or None after saying why one cannot
    be read."""
    from .records import RecordsError, sources

    try:
        return [path for spec in specs for path in sources(spec)]
    except RecordsError as exc:
        print(f"cleanwire {command}: {exc}", file=sys.stderr)
        return None


def _cmd_export(args: argparse.Namespace) -> int:
    """Write each record of IN (a records file of any format cleanwire writes, or a shard folder) as
    a seed-format file DIR/NNN_<id>.txt; NNN counts the non-blank lines from 000."""
    from .records import count_lines, read_records

    if args.input == "-":  # read twice: once to count the lines (the width of NNN), once to write
        print("cleanwire export: IN must be a file or a shard folder, not standard input", file=sys.stderr)
        return Exit.USAGE
    if _record_sources("export", [args.input]) is None:
        return Exit.USAGE
    out = Path(args.txt)
    out.mkdir(parents=True, exist_ok=True)
    width = max(3, len(str(max(0, count_lines([args.input]) - 1))))
    written, bad = 0, 0
    writer = None
    try:
        for number, line in enumerate(read_records([args.input])):
            if line.record is None:
                print(f"cleanwire export: {line.where}: not a cleanwire record ({line.problem})", file=sys.stderr)
                bad += 1
                continue
            writer = AtomicWriter(str(out / f"{number:0{width}d}_{line.record['id']}.txt"))
            writer.write(line.record["text"])
            writer.commit()
            writer = None
            written += 1
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    print(f"cleanwire export: {written} files written to {out}{f', {bad} lines skipped' if bad else ''}",
          file=sys.stderr)
    return Exit.LOST if bad else Exit.OK


def _cmd_dedup(args: argparse.Namespace) -> int:
    """Copy records to OUT, dropping (or with --keep-dups marking) exact and near duplicates of
    records seen earlier in the input or kept in the index."""
    files = _record_sources("dedup", args.inputs)
    if files is None:
        return Exit.USAGE
    if not 0.0 < args.threshold <= 1.0:
        print("cleanwire dedup: --threshold must be above 0 and at most 1", file=sys.stderr)
        return Exit.USAGE
    errors_path = _errors_path(args)
    for what, target in ([("OUT", args.output)] if args.output != "-" else []) + [("the errors file", errors_path)]:
        same = [name for name in files if name != "-" and _same_file(target, name)]
        if same:
            print(f"cleanwire dedup: {what} {target} is the input {same[0]}: the run would replace what it reads",
                  file=sys.stderr)
            return Exit.USAGE
    if args.output != "-" and _same_file(errors_path, args.output):
        print(f"cleanwire dedup: --errors {errors_path} is OUT itself; give error records a file of their own",
              file=sys.stderr)
        return Exit.USAGE
    locks = ([Lock(hidden(args.output, ".lock"), args.output)] if args.output != "-" else []) + \
        ([Lock(hidden(errors_path, ".lock"), errors_path)] if args.output != "-" or args.errors else [])
    held: list[Lock] = []
    try:
        for lock in locks:
            lock.acquire()
            held.append(lock)
        return _dedup(args, errors_path)
    except Busy as exc:
        print(f"cleanwire dedup: {exc}", file=sys.stderr)
        return Exit.OUTPUT
    finally:
        for lock in reversed(held):
            lock.release()


def _dedup(args: argparse.Namespace, errors_path: str) -> int:
    """The work of `cleanwire dedup` once its files are locked."""
    import sqlite3

    from .dedup import DedupIndex, DedupIndexError  # here: numpy and datasketch take a second to import
    from .records import read_records

    try:
        index = DedupIndex(args.index, args.threshold)
    except DedupIndexError as exc:
        print(f"cleanwire dedup: {exc}", file=sys.stderr)
        return Exit.USAGE if exc.reason == "settings" else Exit.OUTPUT
    started = time.monotonic()
    before = index.size
    total = kept = bad = 0
    kinds: Counter[str] = Counter()
    out, errors = None, None
    try:
        out = AtomicWriter(args.output)
        for line in read_records(args.inputs):
            if line.record is None:
                bad += 1
                if errors is None:
                    errors = AtomicWriter(errors_path)
                errors.write_line(json.dumps(error_record(error="not_a_record", message=f"{line.where}: {line.problem}",
                                                          path=line.path), ensure_ascii=False))
                continue
            record = line.record
            total += 1
            try:
                match = index.check(record["id"], record["text"])
            except sqlite3.Error as exc:
                raise OSError(errno.EIO, f"the index failed ({exc})", args.index or "the in-memory index") from None
            if match is None:
                out.write_line(line.text)
                kept += 1
                continue
            kinds[match.kind] += 1
            if args.keep_dups:
                record["dup_of"], record["dup_kind"] = match.of, match.kind
                out.write_line(json.dumps(record, ensure_ascii=False))
        out.commit()
        if errors is not None:
            errors.commit()
        try:
            index.commit()  # after OUT: a run that fails before this leaves the index as it was
        except sqlite3.Error as exc:
            raise OSError(errno.EIO, f"the index could not be written ({exc}); OUT is written, the index is "
                          "as it was", args.index) from None
    except BaseException as exc:  # nothing is written and the index is unchanged
        for writer in (out, errors):
            if writer is not None:
                writer.abort()
        with contextlib.suppress(sqlite3.Error):
            index.close()
        if not isinstance(exc, KeyboardInterrupt):
            raise
        print(f"\ncleanwire dedup: {_interruption(exc)} after {total} records; nothing was written, the index is "
              "unchanged", file=sys.stderr)
        return Exit.INTERRUPTED
    elapsed = time.monotonic() - started
    print(f"cleanwire dedup: {total} records in, {kept} kept, {kinds['exact']} exact duplicates, "
          f"{kinds['near']} near duplicates (against {before} records in the index) -> "
          f"{'stdout' if args.output == '-' else args.output}"
          f"{f'; {bad} lines not records, in {errors_path}' if bad else ''} in {elapsed:.2f}s", file=sys.stderr)
    return Exit.LOST if bad else Exit.OK


def _paint(text: str, code: str, on: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if on else text


def _finder_lines(finder: dict) -> list[str]:
    """The content finder's decision as `explain` prints it: the chosen boxes (CSS paths) and score,
    the runners-up, what was joined, widened or switched, and the page's prose left outside."""
    if not finder:
        return []
    out = []
    chosen = finder.get("chosen") or []
    if not chosen:
        out.append("body: no box scored (no paragraph-like text): the extractor read the whole page")
    for i, path in enumerate(chosen):
        out.append(f"{'body' if i == 0 else '    '}: {path}" + (f"  (score {finder.get('score')})" if i == 0 else ""))
    for path, score in finder.get("runners_up") or []:
        out.append(f"runner-up: {path}  (score {score})")
    if finder.get("joined"):
        out.append(f"joined: {finder['joined']} sibling box(es) of the best one")
    for key in ("story", "widened", "fallback"):
        if finder.get(key):
            out.append(f"{key}: {finder[key]}")
    if "prose_chars" in finder:
        out.append(f"outside the body: {finder['outside_share']:.0%} of the page's paragraph text "
                   f"({finder['outside_chars']} of {finder['prose_chars']} characters)")
    if finder.get("extractor") == "trafilatura":
        out.append("extractor: trafilatura (the body found was too short)")
    return out


def _cmd_explain(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(f"cleanwire explain: no such file: {path}", file=sys.stderr)
        return Exit.USAGE
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    try:
        first = next(iter_documents([str(path)], fmt=args.format, url=args.url), None)
        if first is None:
            raise CleanError("not_article", "the file holds no document (a WARC with no HTML response?)")
        doc = clean_document(first, explain=True)
    except CleanError as exc:
        print(f"cleanwire explain: {path}: {exc.kind}: {exc.message}", file=sys.stderr)
        for line in _finder_lines(getattr(exc, "finder", None) or {}):
            print(f"cleanwire explain: finder: {line}", file=sys.stderr)
        return Exit.LOST
    head = {k: v for k, v in doc.to_record().items() if k not in ("text",) and v not in (None, [], "")}
    for key, value in head.items():
        print(_paint(f"{key}: ", "1", colour) + (json.dumps(value, ensure_ascii=False)
                                                  if isinstance(value, list) else str(value)))
    print(_paint("── clean text ──", "1;32", colour))
    print(doc.text)
    if finder := _finder_lines(doc.finder):
        print(_paint("── content finder ──", "1;36", colour))
        print("\n".join(finder))
    print(_paint(f"── removed: {len(doc.trace)} pieces ──", "1;31", colour))
    width = args.width
    for removal in doc.trace:
        text = removal.text if width <= 0 or len(removal.text) <= width else removal.text[: width - 1] + "…"
        print(_paint(f"[{removal.rule}]", "33", colour), _paint(text, "2", colour))
    return Exit.OK


def _cmd_rules(args: argparse.Namespace) -> int:
    from . import sites
    from .pipeline import all_rules
    for rule in all_rules():
        doc = " ".join(rule.doc.split())
        if not args.long:
            doc = re.split(r"(?<=[a-z)`'])\. (?=[A-Z])", doc)[0].rstrip(".") + "."
        print(f"{rule.name:<25} {doc}")
    print("\nsite profiles (by URL host, or by a text signature when there is no URL):")
    for profile in sites.PROFILES:
        print(f"  {profile.name:<12} {', '.join(profile.hosts)}")
    return Exit.OK


#: the exit-status table, for the --help epilogs (printed as they are written)
_EXITS = textwrap.fill(epilog(), width=100)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleanwire",
        description="Turn news and state-media pages into clean article bodies (JSON Lines records).",
        epilog="Examples:\n"
               "  cleanwire clean dump/ -o output/articles.jsonl        # a folder, every core\n"
               "  cleanwire clean 003_e1e51eff958a3934.txt            # seed-format text, record to stdout\n"
               "  cleanwire explain page.html --url https://kcnawatch.org/newstream/1-2/slug/\n"
               "  cleanwire rules                                    # what each rule removes\n"
               "Run 'cleanwire COMMAND --help' for the options of a command.\n" + _EXITS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"cleanwire {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    clean = sub.add_parser(
        "clean", help="clean local pages, texts, folders, .gz and WARC files into JSON Lines",
        description="Clean local documents into JSON Lines records, on every core.\n\n"
                    "INPUT can be a file, a folder (walked recursively), a glob ('dump/**/*.html', quoted) or '-' "
                    "(standard input). Pages are .html/.htm (also .gz), seed-format texts are .txt (UTF-8, one "
                    "paragraph a line), and .warc/.warc.gz files give one document per HTML response (with its "
                    "URL and date; other records are counted as skipped). The format is checked from the content "
                    "too, so a page saved as .txt is still read as HTML.\n\n"
                    "Every document gives exactly one record, or one error record {path, url, error, message} in "
                    "the errors file. Error kinds: empty, binary, decode, too_large, corrupt, not_article, no_text, "
                    "timeout, crashed, unsupported, unreadable, internal, other_language (--language).\n\n"
                    "Crash safety: output files are written under a hidden name (.OUT.part; .part-00000.jsonl.part "
                    "in a shard folder) and renamed when complete, so however the run ends (even kill -9) OUT is "
                    "absent, the old file, or complete, never a half-written line. About once a second the run "
                    "puts a checkpoint beside it (.OUT.resume.json; DIR/.cleanwire.resume.json). If the run was "
                    "stopped (Ctrl-C, kill, a crash), the same command with --resume goes on where that checkpoint "
                    "left off, and the files it ends with are byte for byte those of a run never stopped. --resume "
                    "refuses (exit 2) when the INPUTs or the options that change the output differ; with no "
                    "checkpoint it says so and cleans from the start. Without --resume a stopped run's leftovers "
                    "are replaced. Two runs writing the same OUT (or the same errors file) at once: the second "
                    "stops before it writes anything (exit 5). SIGTERM stops a run as Ctrl-C does (exit 130; "
                    "--resume goes on). OUT (or --errors) may not be an INPUT file, the errors file may not be "
                    "OUT, and neither may lie inside an INPUT folder under a name the walk would read as a "
                    "document (.html, .txt, no suffix...; .jsonl is fine): exit 2.",
        epilog=_EXITS + "\n"
               "Examples:\n"
               "  cleanwire clean dump/ -o output/dump.jsonl               # a folder, all cores\n"
               "  cleanwire clean dump/ -o output/dump.jsonl --resume      # go on after a crash or Ctrl-C\n"
               "  cleanwire clean crawl-*.warc.gz -o output/shards/ --jobs 2   # shards part-00000.jsonl, ...\n"
               "  cleanwire clean page.html --url https://kcnawatch.org/newstream/1-2/slug/\n"
               "  zcat page.html.gz | cleanwire clean - > record.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    clean.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, globs or '-' for standard input")
    clean.add_argument("-o", "--output", default="-", metavar="OUT",
                       help="a .jsonl file, or a folder ending in '/' for shards; '-' (the default) is standard output")
    clean.add_argument("--errors", metavar="FILE",
                       help="where error records go (default: OUT.errors.jsonl; DIR/errors.jsonl for shards; "
                            "with standard output ./cleanwire.<UTC time>-<pid>.errors.jsonl, a name of the run's "
                            "own); written only when there are errors, named in the summary")
    clean.add_argument("--url", help="the URL of a single input file (picks the site profile and the record id); "
                                     "otherwise a sidecar PAGE.url file, the page's canonical link or og:url")
    clean.add_argument("--format", choices=FORMATS, default="auto",
                       help="read every input as this format instead of detecting it (default: auto)")
    clean.add_argument("--follow-links", action="store_true",
                       help="in a folder, follow symbolic links that lead out of it (by default they are skipped "
                            "and counted: an untrusted dump cannot make cleanwire read files elsewhere)")
    clean.add_argument("--language", metavar="CODES",
                       help="keep only records in these languages (comma-separated codes the language detector "
                            "gives: ISO 639-1 such as en,ru,de,zh, ISO 639-3 for the few without one); the others "
                            "become error records of kind other_language. A record's language is the one detected "
                            "in its text, else the page's <html lang>. A code the detector never gives (eng, deu) "
                            "is refused")
    clean.add_argument("-j", "--jobs", type=int, default=default_jobs(),
                       help="worker processes (default: the number of cores, here %(default)s)")
    clean.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                       help="documents larger than this are errors of kind too_large (default: %(default)s)")
    clean.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                       help="time limit per document; the worker is stopped beyond it (default: %(default)s)")
    clean.add_argument("--shard-size", type=_shard_size, default=(DEFAULT_SHARD_SIZE, None), metavar="N|SIZE",
                       help="with -o DIR/: records per shard (a number), or bytes per shard on disk with a unit "
                            f"(64MB, 500KB, 1GB) (default: {DEFAULT_SHARD_SIZE} records)")
    clean.add_argument("--compress", choices=COMPRESSIONS, default=None,
                       help="compress the records: shards part-NNNNN.jsonl.gz or .jsonl.zst with -o DIR/ (default: "
                            "none; with -o FILE the name decides: OUT.jsonl.gz is gzip, OUT.jsonl.zst zstd)")
    clean.add_argument("--resume", action="store_true",
                       help="go on with a stopped run of the same command (same INPUTs and options) from its last "
                            "checkpoint instead of starting again; needs -o OUT")
    clean.add_argument("--progress", action="store_true",
                       help="show the progress bar even when stderr is not a terminal")
    clean.add_argument("-v", "--verbose", action="store_true", help="print each error as it happens")
    clean.add_argument("-q", "--quiet", action="store_true", help="no progress bar; no summary unless there are errors")
    clean.set_defaults(func=_cmd_clean)

    export = sub.add_parser(
        "export", help="write records as seed-format text files (NNN_<id>.txt)",
        description="Write each record of a cleanwire JSON Lines file as a seed-format text file "
                    "DIR/NNN_<id>.txt (running number from 000, the record's 16-hex id; UTF-8, one paragraph "
                    "a line, no trailing newline). IN is any output cleanwire writes: OUT.jsonl, OUT.jsonl.gz, "
                    "OUT.jsonl.zst, or a shard folder (read in manifest.json's order; errors.jsonl is not "
                    "read). Lines that are not records are reported and skipped.",
        epilog=_EXITS + "\nExample: cleanwire export output/dump.jsonl --txt output/texts/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument("input", metavar="IN", help="a records file (.jsonl, .jsonl.gz, .jsonl.zst) or a shard folder")
    export.add_argument("--txt", required=True, metavar="DIR", help="folder for the text files (created if needed)")
    export.set_defaults(func=_cmd_export)

    dedup = sub.add_parser(
        "dedup", help="drop exact and near-duplicate records, also against records kept by earlier runs",
        description="Copy the records of IN... (in order) to OUT, keeping the first occurrence of each "
                    "article and dropping its duplicates. IN is any output cleanwire writes: OUT.jsonl, "
                    "OUT.jsonl.gz, OUT.jsonl.zst, a shard folder (in manifest.json's order), or '-'.\n\n"
                    "Exact duplicate: the same text after NFKC, casefold and collapsing whitespace (line breaks "
                    "included); punctuation and digits count. Near duplicate: the estimated Jaccard similarity of "
                    "the word 5-gram sets (MinHash, 128 permutations, LSH in bands, every candidate confirmed) is "
                    "at least --threshold. Texts under 50 words get only the exact check.\n\n"
                    "With --index DIR the records kept are added to DIR/index.sqlite, and later runs with the "
                    "same DIR also drop duplicates of them: dedup each new crawl against everything written "
                    "before. (So running the same input twice with one index drops every record the second "
                    "time.) The index is updated only when the run completes, after OUT is written.\n\n"
                    "Lines that are not records (not JSON, no 16-hex id or no text) go to the errors file as "
                    "error records of kind not_a_record. OUT is written under a hidden name and renamed when "
                    "complete.",
        epilog=_EXITS + "\n"
               "Examples:\n"
               "  cleanwire dedup output/dump.jsonl -o output/dump.dedup.jsonl\n"
               "  cleanwire dedup output/crawl-*.jsonl -o output/new.jsonl --index output/.dedup/\n"
               "  cleanwire dedup a.jsonl -o audit.jsonl --keep-dups --threshold 0.7   # mark, do not drop\n"
               "  jq -c 'select(.dup_of)' audit.jsonl                                  # the duplicates found",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    dedup.add_argument("inputs", nargs="+", metavar="IN",
                       help="cleanwire record files (.jsonl, .jsonl.gz, .jsonl.zst), shard folders, or '-' for "
                            "standard input")
    dedup.add_argument("-o", "--output", required=True, metavar="OUT",
                       help="the .jsonl file for the records kept ('-': standard output)")
    dedup.add_argument("--index", metavar="DIR",
                       help="a folder keeping the records seen across runs (e.g. output/.dedup/); created if "
                            "needed. Without it only the inputs of this run are compared")
    dedup.add_argument("--threshold", type=float, default=0.8, metavar="J",  # dedup.DEFAULT_THRESHOLD
                       help="the estimated Jaccard similarity of word 5-grams from which two texts are near "
                            "duplicates (default: %(default)s; 0.7 also catches an article with a fifth of it cut)")
    dedup.add_argument("--keep-dups", action="store_true",
                       help="write duplicates too, with \"dup_of\" (the id of the record kept) and \"dup_kind\" "
                            "(\"exact\" or \"near\") added, for an audit")
    dedup.add_argument("--errors", metavar="FILE",
                       help="where error records go (default: OUT.errors.jsonl; with -o - "
                            "./cleanwire.<UTC time>-<pid>.errors.jsonl); written only when there are errors")
    dedup.set_defaults(func=_cmd_dedup)

    explain = sub.add_parser(
        "explain", help="show a file's clean text and what each rule removed",
        description="Clean one file and print its metadata, the clean text, then every removed piece with the "
                    "name of the rule that removed it (colour on a terminal; NO_COLOR=1 turns it off).",
        epilog=_EXITS + "\n(3 here: the file gave no record; the reason is printed.)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    explain.add_argument("file", metavar="FILE")
    explain.add_argument("--url", help="the page's URL (picks the site profile)")
    explain.add_argument("--format", choices=FORMATS, default="auto", help="read FILE as this format")
    explain.add_argument("--width", type=int, default=160,
                         help="cut removed pieces to this many characters (0: whole; default 160)")
    explain.set_defaults(func=_cmd_explain)

    rules = sub.add_parser("rules", help="list the cleaning rules in the order they run, and the site profiles",
                           description="List every cleaning rule, in the order they run, with what it removes.")
    rules.add_argument("--long", action="store_true", help="print each rule's whole description")
    rules.set_defaults(func=_cmd_rules)
    return parser


class Terminated(KeyboardInterrupt):
    """SIGTERM: a command ends as on Ctrl-C (what is done is kept, the lock released, resumable)."""


def _interruption(exc: BaseException) -> str:
    return "stopped by SIGTERM" if isinstance(exc, Terminated) else "interrupted"


_MAIN_PID = [os.getpid()]


def _on_sigterm(signum, frame) -> None:
    if os.getpid() != _MAIN_PID[0]:  # a forked cleaning worker: end as SIGTERM asks, at once
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
        return
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once: the cleanup that follows is not cut short
    raise Terminated


def _cause(exc: OSError) -> str:
    """What went wrong, in words: the OS's, or clearer ones where its own mislead."""
    if isinstance(exc, FileExistsError) and exc.filename and not os.path.isdir(exc.filename):
        return "not a folder (a file is in the way)"
    return exc.strerror or str(exc)


def _release_stdout() -> None:
    """Standard output failed: what is still buffered for it can never be written; point it at
    /dev/null so the interpreter's last flush does not fail again with a traceback."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def main(argv: list[str] | None = None) -> int:
    """Run a command and return its exit status (`cleaners.exits.Exit`). A failure of the output or
    the environment (an OSError: a folder that is a file, no permission, a full disk, a path under
    /proc) ends in one line naming the path and the cause, status 5; the commands leave their output
    as it was (atomic renames; parts removed, or kept for --resume). SIGTERM ends a command as
    Ctrl-C does, status 130."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return Exit.USAGE
    _MAIN_PID[0] = os.getpid()
    with contextlib.suppress(ValueError):  # not the main thread (a test calling main): no handler
        signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return args.func(args)
    except BrokenPipeError:  # `cleanwire clean ... | head`
        _release_stdout()
        sys.stderr.close()
        return Exit.OK
    except KeyboardInterrupt as exc:  # a command with nothing to keep: say so, no traceback
        print(f"\ncleanwire {args.command}: {_interruption(exc)}", file=sys.stderr)
        return Exit.INTERRUPTED
    except OSError as exc:
        output = getattr(args, "output", None)
        where = exc.filename or (STDOUT if output in (None, "-") else output)
        if where == STDOUT:
            _release_stdout()
        print(f"cleanwire {args.command}: {where}: {_cause(exc)}", file=sys.stderr)
        return Exit.OUTPUT


if __name__ == "__main__":
    sys.exit(main())
