"""The `cleanwire` command.

    cleanwire clean FILE... [-o OUT.jsonl]     clean local pages and texts into JSON Lines records
    cleanwire explain FILE [--url URL]         show the clean text and every piece each rule removed
    cleanwire rules [--long]                   list the rules in the order they run
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from . import __version__
from .document import Document, error_record
from .pipeline import CleanError, clean_html, clean_text

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_SUFFIXES = {".txt"}

EXIT_OK, EXIT_SOME_ERRORS, EXIT_USAGE = 0, 1, 2


def clean_file(path: Path, url: str | None = None) -> Document:
    """Clean one local file: `.txt` is seed-format text, `.html`/`.htm` is a page.
    Raises CleanError with the reason when it gives no record."""
    suffix = path.suffix.lower()
    if suffix not in HTML_SUFFIXES | TEXT_SUFFIXES:
        raise CleanError("unsupported", f"unsupported file type {suffix or '(none)'!r}: expected .html, .htm or .txt")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CleanError("unreadable", f"cannot read the file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise CleanError("empty", "the file is empty")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CleanError("binary", "the file holds binary data (NUL bytes), not text or HTML")
    if suffix in TEXT_SUFFIXES:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CleanError("decode", f"seed-format text must be UTF-8: {exc.reason} at byte {exc.start}") from exc
        return clean_text(text, url=url, path=str(path))
    return clean_html(data, url=url, path=str(path))


class AtomicWriter:
    """Write a text file through a temporary file in the same folder, renamed into place on
    `commit()`, so a reader never sees half a file. `-` writes to standard output."""

    def __init__(self, target: str):
        self.target = target
        if target == "-":
            self.handle, self.tmp = sys.stdout, None
        else:
            folder = os.path.dirname(os.path.abspath(target))
            os.makedirs(folder, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(prefix=".cleanwire-", suffix=".part", dir=folder)
            self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def write_line(self, line: str) -> None:
        self.handle.write(line + "\n")

    def commit(self) -> None:
        if self.tmp is None:
            self.handle.flush()
            return
        self.handle.close()
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.tmp, 0o666 & ~umask)  # mkstemp makes it 0600; give it a normal file's mode
        os.replace(self.tmp, self.target)

    def abort(self) -> None:
        if self.tmp is not None:
            self.handle.close()
            os.unlink(self.tmp)


def _cmd_clean(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.files]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"cleanwire clean: no such file: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    if args.url and len(paths) != 1:
        print("cleanwire clean: --url names the URL of one file; give exactly one FILE with it", file=sys.stderr)
        return EXIT_USAGE
    out = args.output
    errors_path = args.errors or ("cleanwire.errors.jsonl" if out == "-" else f"{out}.errors.jsonl")

    started = time.monotonic()
    writer = AtomicWriter(out)
    error_lines: list[str] = []
    kinds: Counter[str] = Counter()
    records = 0
    try:
        for path in paths:
            try:
                doc = clean_file(path, url=args.url)
            except CleanError as exc:
                kinds[exc.kind] += 1
                error_lines.append(json.dumps(error_record(error=exc.kind, message=exc.message, path=str(path),
                                                           url=args.url), ensure_ascii=False))
                continue
            except Exception as exc:  # a bug must not lose the document: it becomes an error record
                kinds["internal"] += 1
                error_lines.append(json.dumps(error_record(error="internal", message=f"{type(exc).__name__}: {exc}",
                                                           path=str(path), url=args.url), ensure_ascii=False))
                continue
            writer.write_line(doc.to_json())
            records += 1
    except BaseException:
        writer.abort()
        raise
    writer.commit()
    if error_lines:
        err_writer = AtomicWriter(errors_path)
        for line in error_lines:
            err_writer.write_line(line)
        err_writer.commit()
    elapsed = time.monotonic() - started
    errs = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    print(f"cleanwire clean: {len(paths)} documents in, {records} records out, {sum(kinds.values())} errors"
          f"{f' ({errs})' if errs else ''} in {elapsed:.1f}s"
          f" -> {'stdout' if out == '-' else out}{f'; errors in {errors_path}' if error_lines else ''}",
          file=sys.stderr)
    return EXIT_SOME_ERRORS if error_lines else EXIT_OK


def _paint(text: str, code: str, on: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if on else text


def _cmd_explain(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(f"cleanwire explain: no such file: {path}", file=sys.stderr)
        return EXIT_USAGE
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    try:
        doc = clean_file(path, url=args.url)
    except CleanError as exc:
        print(f"cleanwire explain: {path}: {exc.kind}: {exc.message}", file=sys.stderr)
        return EXIT_SOME_ERRORS
    head = {k: v for k, v in doc.to_record().items() if k not in ("text",) and v not in (None, [], "")}
    for key, value in head.items():
        print(_paint(f"{key}: ", "1", colour) + (json.dumps(value, ensure_ascii=False)
                                                  if isinstance(value, list) else str(value)))
    print(_paint("── clean text ──", "1;32", colour))
    print(doc.text)
    print(_paint(f"── removed: {len(doc.trace)} pieces ──", "1;31", colour))
    width = args.width
    for removal in doc.trace:
        text = removal.text if width <= 0 or len(removal.text) <= width else removal.text[: width - 1] + "…"
        print(_paint(f"[{removal.rule}]", "33", colour), _paint(text, "2", colour))
    return EXIT_OK


def _cmd_rules(args: argparse.Namespace) -> int:
    from . import sites
    from .pipeline import all_rules
    for rule in all_rules():
        doc = " ".join(rule.doc.split())
        if not args.long:
            doc = re.split(r"(?<=[a-z)`'])\. (?=[A-Z])", doc)[0].rstrip(".") + "."
        print(f"{rule.name:<25} {doc}")
        if rule.name == "dom.copyright":
            print(f"{'(extraction)':<25} trafilatura takes the main content of the pruned tree, with its metadata.")
    print("\nsite profiles (by URL host, or by a text signature when there is no URL):")
    for profile in sites.PROFILES:
        print(f"  {profile.name:<12} {', '.join(profile.hosts)}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleanwire",
        description="Turn news and state-media pages into clean article bodies (JSON Lines records).",
        epilog="Examples:\n"
               "  cleanwire clean dump/*.html -o output/articles.jsonl\n"
               "  cleanwire clean 003_e1e51eff958a3934.txt            # seed-format text, record to stdout\n"
               "  cleanwire explain page.html --url https://kcnawatch.org/newstream/1-2/slug/\n"
               "  cleanwire rules                                    # what each rule removes\n"
               "Run 'cleanwire COMMAND --help' for the options of a command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"cleanwire {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    clean = sub.add_parser(
        "clean", help="clean local .html/.htm pages and .txt seed-format texts into JSON Lines",
        description="Clean local files into JSON Lines: one record per file, or one error record (with the reason) "
                    "in the errors file. .html/.htm files are pages; .txt files are seed-format text (UTF-8, one "
                    "paragraph a line). The output file is written atomically (temporary file, then rename).",
        epilog="Exit status: 0 every file gave a record; 1 some gave error records; 2 usage error "
               "(bad option, missing file).\nExample: cleanwire clean pages/*.html -o output/pages.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    clean.add_argument("files", nargs="+", metavar="FILE", help="input files (.html, .htm, .txt)")
    clean.add_argument("-o", "--output", default="-", metavar="OUT.jsonl",
                       help="where to write the records; '-' (the default) is standard output")
    clean.add_argument("--errors", metavar="FILE",
                       help="where to write error records (default: OUT.jsonl.errors.jsonl, or "
                            "cleanwire.errors.jsonl in this folder when writing to stdout); written only if needed")
    clean.add_argument("--url", help="the page's URL, for a single FILE (picks the site profile and the record id)")
    clean.set_defaults(func=_cmd_clean)

    explain = sub.add_parser(
        "explain", help="show a file's clean text and what each rule removed",
        description="Clean one file and print its metadata, the clean text, then every removed piece with the "
                    "name of the rule that removed it (colour on a terminal; NO_COLOR=1 turns it off).",
    )
    explain.add_argument("file", metavar="FILE")
    explain.add_argument("--url", help="the page's URL (picks the site profile)")
    explain.add_argument("--width", type=int, default=160,
                         help="cut removed pieces to this many characters (0: whole; default 160)")
    explain.set_defaults(func=_cmd_explain)

    rules = sub.add_parser("rules", help="list the cleaning rules in the order they run, and the site profiles",
                           description="List every cleaning rule, in the order they run, with what it removes.")
    rules.add_argument("--long", action="store_true", help="print each rule's whole description")
    rules.set_defaults(func=_cmd_rules)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.func(args)
    except BrokenPipeError:  # `cleanwire clean ... | head`
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
