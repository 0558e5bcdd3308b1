#!/usr/bin/env python3
"""How `cleanwire clean` scales with --jobs: whole processes timed over the same pages, same run.

    python bench/parallel.py                    # --jobs 1 and --jobs 2 over the scrapinghub pages
    python bench/parallel.py --jobs 1 2 4 --repeat 3 --input DIR

Each setting runs `--repeat` times (default 2) and keeps the fastest, so a busy moment of the
machine does not decide the figure. The pages are read at run time from ../shared (or --input);
without them the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = ROOT.parent / "shared" / "bench" / "scrapinghub" / "pages"


def timed_run(inputs: Path, jobs: int, out: Path) -> float:
    cmd = [sys.executable, "-m", "cleaners.cli", "clean", str(inputs), "-o", str(out), "--jobs", str(jobs), "-q"]
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"bench/parallel.py: {' '.join(cmd)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Documents/s of `cleanwire clean` at several --jobs settings, "
                                                 "timed as whole processes in one run.")
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="folder of pages (default: %(default)s)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="settings to time (default: 1 2)")
    parser.add_argument("--repeat", type=int, default=2, help="runs per setting; the fastest counts (default: 2)")
    args = parser.parse_args(argv)
    if not args.input.is_dir():
        print(f"bench/parallel.py: skipped: no pages at {args.input}", file=sys.stderr)
        return 0
    docs = sum(1 for p in args.input.rglob("*") if p.is_file())
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for jobs in args.jobs:
            best = min(timed_run(args.input, jobs, Path(tmp) / f"j{jobs}.jsonl") for _ in range(args.repeat))
            results[jobs] = best
    base = results[args.jobs[0]]
    print(f"\ncleanwire clean, {docs} documents from {args.input}, whole process, best of {args.repeat}, "
          f"{time.strftime('%Y-%m-%d')}")
    print(f"{'jobs':>6}{'seconds':>10}{'docs/s':>10}{'speed-up':>10}")
    for jobs, seconds in results.items():
        print(f"{jobs:>6}{seconds:>10.2f}{docs / seconds:>10.1f}{base / seconds:>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
