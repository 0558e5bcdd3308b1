#!/usr/bin/env python3
"""Crawl throughput: `scrapy crawl kcnawatch` with cleaning against the same crawl with cleaning off.

The offline demo's KCNA Watch-like site (`crawler.demo`), grown to --articles articles (default
2,000: the demo's 30 and older archive articles, every one listed in the `/newstream/` pagination
and the sitemap), is served on 127.0.0.1 by this process. Whole `scrapy crawl kcnawatch -a
base_url=...` processes crawl it, discovering the articles themselves, each with a fresh seen-store:
a bare fetch with `-s CLEANWIRE_CLEAN=0` (the same fetching, parsing and link following; every page
dropped before extraction), then the crawl as cleanwire runs it (every article cleaned in the
process pool beside the reactor). That pair runs --rounds times (default 3) and the fastest run of
each kind counts, since other jobs on the machine slow single runs; the ratio of their pages/s says
how much cleaning slows a crawl (target >= 0.60), and the ratio of every round is shown too.

Reactor blocking: both processes load `ReactorWatch` (below), which times every callback the event
loop runs and logs a WARNING for each that held it 100 ms or more, as asyncio's debug mode does
("Executing ... took 0.123 seconds"; debug mode itself is too slow to time a crawl with). Those
reports are counted, beside all WARNING/ERROR lines of each log, and the longest callback is shown.
The records of the cleaning run are checked against the site's ground truth
(`sitegen.expected_articles`) in every round: every article once, with exactly its expected text.

    python bench/crawl.py [--articles 2000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler import settings  # noqa: E402 - after the path

SPIDER = "kcnawatch"
#: a callback that held the event loop this long is a reactor-blocking report (asyncio's own
#: `slow_callback_duration` in debug mode)
SLOW_CALLBACK = 0.1
#: the report, ReactorWatch's or asyncio's own in debug mode
BLOCKING = re.compile(r"Executing .* took \d+\.\d+ seconds")
LONGEST = re.compile(r"reactor watch: (\d+) callbacks, longest (\d+\.\d+) s")
WARNING = re.compile(r"\] (WARNING|ERROR|CRITICAL):")


class ReactorWatch:
    """A Scrapy extension for the benchmarked crawls (`-s EXTENSIONS=`): it times every callback the
    asyncio event loop under the reactor runs (network reads and parsing, timers, tasks) and logs a
    WARNING for each that took `SLOW_CALLBACK` or more, in the words of asyncio's debug mode; at the
    end, one INFO line with the number of callbacks and the longest. Its cost: a Python call and two
    clock reads a callback."""

    def __init__(self, crawler):
        import asyncio.events

        from scrapy import signals

        self.logger = logging.getLogger("bench.crawl.reactor")
        self.count, self.longest = 0, 0.0
        handle = asyncio.events.Handle
        run = handle._run
        watch = self

        def timed_run(h):
            started = time.perf_counter()
            try:
                run(h)
            finally:
                took = time.perf_counter() - started
                watch.count += 1
                watch.longest = max(watch.longest, took)
                if took >= SLOW_CALLBACK:  # a task's step: name the task (where it waits now)
                    what = getattr(h._callback, "__self__", None) if hasattr(h, "_callback") else None
                    watch.logger.warning("reactor blocked: Executing %r took %.3f seconds", what or h, took)

        handle._run = timed_run
        crawler.signals.connect(self.engine_stopped, signal=signals.engine_stopped)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def engine_stopped(self):
        self.logger.info("reactor watch: %d callbacks, longest %.3f s", self.count, self.longest)


def crawl(base: str, folder: Path, clean: bool) -> dict:
    """One whole `scrapy crawl` process over the site at `base`, output and seen-store in `folder`."""
    out = folder / "records.jsonl"
    extensions = {**settings.EXTENSIONS, "bench.crawl.ReactorWatch": 0}  # this file, imported by the crawl
    cmd = [sys.executable, "-m", "scrapy.cmdline", "crawl", SPIDER, "-a", f"base_url={base}",
           "-O", str(out), "-s", f"CLEANWIRE_STATE={folder / 'seen.sqlite'}",
           "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "CONCURRENT_REQUESTS=16",
           "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "DEPTH_LIMIT=0",  # 200 listing pages deep
           "-s", "LOG_LEVEL=INFO", "-s", f"CLEANWIRE_CLEAN={int(clean)}", "-s", f"EXTENSIONS={json.dumps(extensions)}"]
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    log = done.stderr.splitlines()
    line = next((x for x in reversed(log) if x.startswith("cleanwire crawl ")), "")
    fetched = int(m[1]) if (m := re.search(r"(\d+) pages fetched", line)) else 0
    records = [json.loads(x) for x in out.read_text("utf-8").splitlines()] if out.exists() else []
    longest = max((float(m[2]) for x in log if (m := LONGEST.search(x))), default=None)
    return {"seconds": seconds, "fetched": fetched, "records": records, "summary": line, "longest": longest,
            "warnings": [x for x in log if WARNING.search(x)], "blocking": [x for x in log if BLOCKING.search(x)],
            "returncode": done.returncode, "tail": log[-5:]}


def check(records: list[dict], base: str, expected: list[dict]) -> tuple[int, int, int]:
    """(articles written once, of which text as expected, other records) for the cleaning run."""
    want = {e["url_path"]: e["text"] for e in expected}
    got: dict[str, list[str]] = {}
    for r in records:
        got.setdefault(r["url"][len(base) - 1:] if r["url"].startswith(base) else r["url"], []).append(r["text"])
    once = [p for p in want if len(got.get(p, ())) == 1]
    return len(once), sum(got[p][0] == want[p] for p in once), len(records) - len(once)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000,
                        help="articles on the grown demo site (default: %(default)s; at least 30)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of (bare fetch, crawl + clean); the fastest of each counts (default: %(default)s)")
    args = parser.parse_args(argv)
    from crawler.demo import sitegen
    from crawler.demo.server import serve_demo

    if args.articles < sitegen.WATCH_ARTICLES:
        parser.error(f"--articles: at least {sitegen.WATCH_ARTICLES}")
    if args.rounds < 1:
        parser.error("--rounds: at least 1")
    expected = sitegen.expected_articles("watch", args.articles)
    load = os.getloadavg()[0]
    runs: dict[bool, list[dict]] = {False: [], True: []}
    with serve_demo(watch_articles=args.articles) as urls, \
            tempfile.TemporaryDirectory(prefix="cleanwire-crawl-") as tmp:
        base = urls["watch"]
        for k in range(args.rounds):
            for clean in (False, True):
                folder = Path(tmp) / f"{k}-{'clean' if clean else 'bare'}"
                folder.mkdir()
                r = crawl(base, folder, clean)
                if clean:
                    r["check"] = check(r["records"], base, expected)
                r["records"] = len(r["records"])
                runs[clean].append(r)

    def rate(r: dict) -> float:
        return r["fetched"] / r["seconds"] if r["seconds"] else 0.0

    bare, full = (max(runs[c], key=rate) for c in (False, True))
    print(f"\ncrawl throughput: `scrapy crawl {SPIDER}` over the demo site grown to {args.articles} articles "
          f"on 127.0.0.1, whole processes, fastest of {args.rounds} rounds, {time.strftime('%Y-%m-%d')} "
          f"(load average {load:.2f} at the start)")
    print(f"  {'run':<24}{'pages':>7}{'written':>9}{'seconds':>9}{'pages/s':>9}{'warnings':>10}{'blocking':>10}"
          "  (warnings, blocking: all rounds)")
    for name, clean, r in (("bare fetch (no cleaning)", False, bare), ("crawl + clean", True, full)):
        warnings = sum(len(x["warnings"]) for x in runs[clean])
        blocking = sum(len(x["blocking"]) for x in runs[clean])
        print(f"  {name:<24}{r['fetched']:>7}{r['records']:>9}{r['seconds']:>9.1f}{rate(r):>9.1f}"
              f"{warnings:>10}{blocking:>10}")
    ratio = rate(full) / rate(bare) if rate(bare) else 0.0
    rounds = " ".join(f"{rate(c) / rate(b):.2f}" if rate(b) else "-"
                      for b, c in zip(runs[False], runs[True], strict=True))
    print(f"  crawl + clean / bare fetch: {ratio:.2f} of the pages/s (target >= 0.60: "
          f"{'met' if ratio >= 0.60 else 'NOT met'}); round by round: {rounds}")
    for k, r in enumerate(runs[True], 1):
        once, exact, others = r["check"]
        ok = once == exact == args.articles and not others
        print(f"  articles written by crawl + clean, round {k}: {once} of {args.articles} once, {exact} of them with "
              f"exactly the expected text, {others} other records" + ("" if ok else "  <- NOT as expected"))
    longest = ", ".join(f"{max(x['longest'] for x in runs[c]):.3f} s {name}"
                        if all(x["longest"] is not None for x in runs[c]) else f"not measured {name}"
                        for c, name in ((False, "bare"), (True, "with cleaning")))
    print(f"  reactor-blocking reports (a callback holding the event loop >= {SLOW_CALLBACK * 1000:.0f} ms), "
          f"all rounds: {sum(len(x['blocking']) for x in runs[False])} bare, "
          f"{sum(len(x['blocking']) for x in runs[True])} with cleaning; longest callback {longest}")
    shown = 0
    for clean, name in ((False, "bare"), (True, "clean")):
        for k, r in enumerate(runs[clean], 1):
            if r["returncode"] != 0:
                print(f"  {name} run {k}: exit status {r['returncode']}: {r['summary'] or r['tail']}")
            for line in r["blocking"] + [w for w in r["warnings"] if w not in r["blocking"]]:
                if shown < 6:
                    print(f"    {name} {k}: {line[:160]}")
                shown += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
