#!/usr/bin/env python3
"""Speed and memory of `cleanwire clean`, against trafilatura's own command, in one run.

Everything is timed as whole processes over the same files, as a user would run them:

* documents/s of `cleanwire clean DIR --jobs 1` and of `trafilatura --input-dir DIR --parallel 1`
  over the scrapinghub pages repeated to at least --docs documents (default 905: 5 x 181);
* documents/s of `cleanwire clean --jobs 2` (scaling over --jobs 1);
* peak memory (RSS of the whole process tree, sampled from /proc) of `cleanwire clean --jobs 2`
  over --memory-docs documents and over a fifth of that, to show whether it grows with the input.

    python bench/speed.py                   # all of it (the memory run over 10,000 documents takes minutes)
    python bench/speed.py --memory-docs 0   # speed only

The pages are read at run time from ../shared (or --pages) and linked into a temporary folder;
without them the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = ROOT.parent / "shared" / "bench" / "scrapinghub" / "pages"
BIN = Path(sys.executable).parent


def build_corpus(pages: list[Path], n: int, folder: Path) -> Path:
    """`n` documents in `folder`: the pages repeated (hard links, or copies across file systems)."""
    folder.mkdir(parents=True)
    for i in range(n):
        src = pages[i % len(pages)]
        dst = folder / f"{i:06d}_{src.name}"
        try:
            os.link(src, dst)
        except OSError:
            shutil.copyfile(src, dst)
    return folder


def _tree_rss_kb(pid: int) -> int:
    """RSS (KB) of a process and all its descendants, from /proc."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError, ValueError):
            continue
    return total


def timed(cmd: list[str], sample_memory: bool = False) -> tuple[float, int]:
    """Run `cmd`; return (seconds, peak RSS of its process tree in KB, 0 when not sampled)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        if sample_memory:
            peak = max(peak, _tree_rss_kb(proc.pid))
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    err = proc.stderr.read()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench/speed.py: {' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    return seconds, peak


def cleanwire(folder: Path, out: Path, jobs: int) -> list[str]:
    return [str(BIN / "cleanwire"), "clean", str(folder), "-o", str(out), "--jobs", str(jobs), "-q"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="folder of pages (default: %(default)s)")
    parser.add_argument("--docs", type=int, default=905, help="documents for the speed runs (default: %(default)s)")
    parser.add_argument("--memory-docs", type=int, default=10_000,
                        help="documents for the memory run; 0 skips it (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds of the three speed runs, taken in turn; each keeps its fastest (default: 1)")
    args = parser.parse_args(argv)
    pages = sorted(p for p in args.pages.glob("*.html")) if args.pages.is_dir() else []
    if not pages:
        print(f"bench/speed.py: skipped: no pages at {args.pages}", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory(prefix="cleanwire-speed-") as tmp:
        tmp = Path(tmp)
        corpus = build_corpus(pages, args.docs, tmp / "corpus")

        commands = {
            "trafilatura --parallel 1": lambda i: [str(BIN / "trafilatura"), "--input-dir", str(corpus),
                                                   "--output-dir", str(tmp / f"traf{i}"), "--parallel", "1"],
            "cleanwire clean --jobs 1": lambda i: cleanwire(corpus, tmp / f"c1_{i}.jsonl", 1),
            "cleanwire clean --jobs 2": lambda i: cleanwire(corpus, tmp / f"c2_{i}.jsonl", 2),
        }
        # the commands take turns (a round of each, --repeat rounds), and each keeps its fastest run:
        # a slow spell of the machine then falls on all of them alike instead of on one
        runs = {name: float("inf") for name in commands}
        for i in range(args.repeat):
            for name, cmd_for in commands.items():
                runs[name] = min(runs[name], timed(cmd_for(i))[0])
        print(f"\nspeed: {args.docs} documents (the {len(pages)} scrapinghub pages repeated), whole processes, "
              f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores")
        print(f"  {'command':<28}{'seconds':>9}{'docs/s':>9}")
        for name, seconds in runs.items():
            print(f"  {name:<28}{seconds:>9.1f}{args.docs / seconds:>9.1f}")
        anchor = runs["trafilatura --parallel 1"]
        one, two = runs["cleanwire clean --jobs 1"], runs["cleanwire clean --jobs 2"]
        print(f"  cleanwire --jobs 1 / trafilatura --parallel 1: x{anchor / one:.2f} (target >= 2.0)")
        print(f"  cleanwire --jobs 2 / cleanwire --jobs 1:       x{one / two:.2f} (target >= 1.7)")

        if args.memory_docs:
            results = []
            for n in (max(1, args.memory_docs // 5), args.memory_docs):
                folder = build_corpus(pages, n, tmp / f"mem{n}")
                seconds, peak = timed(cleanwire(folder, tmp / f"mem{n}.jsonl", 2), sample_memory=True)
                results.append((n, seconds, peak))
                shutil.rmtree(folder)
            print(f"\nmemory: peak RSS of `cleanwire clean --jobs 2` (parent and workers), {time.strftime('%Y-%m-%d')}")
            print(f"  {'documents':>10}{'seconds':>9}{'peak MB':>9}")
            for n, seconds, peak in results:
                print(f"  {n:>10}{seconds:>9.1f}{peak / 1024:>9.0f}")
            print(f"  growth from {results[0][0]} to {results[1][0]} documents: "
                  f"{(results[1][2] - results[0][2]) / 1024:+.0f} MB (target: peak < 400 MB, flat)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
