"""`make demo`: start the offline demo sites on 127.0.0.1, crawl them with the real spiders, check
what came out, stop the server and print a summary.

    python -m crawler.demo.run [--out output/demo]

Each spider runs as `scrapy crawl` (a subprocess, as cron would run it) with a fresh seen-store in
`OUT/.state/`, writing `OUT/<spider>.jsonl`. The check: every demo article written exactly once,
nothing else written, no boilerplate marker in any text. Exit status 0 when all holds, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from cleaners.exits import Exit

from . import sitegen
from .server import serve_demo

ROOT = Path(__file__).resolve().parents[2]
#: (spider, demo site, what the crawl shows, the exit status it must end with: the magazine's traps
#: — a 500, a redirect loop, a 12 MB page — are pages lost to faults, so a crawl that meets them
#: exits 3 and names them)
CRAWLS = (("kcnawatch", "watch", "KCNA Watch-like aggregator, site spider on a mirror (-a base_url=)", Exit.OK),
          ("ohmymag", "mag", "magazine with traps, site spider on a mirror (-a base_url=)", Exit.OK),
          ("news", "mag", "the same magazine, generic spider that knows nothing of it (-a start_urls=)", Exit.LOST))
MARKERS = ("More From", "More Articles", " -0-", "www.kcna.kp (Juche", "Read original version", "Share this",
           "We use cookies", "Discover our latest podcast", "Listen to our latest podcast", "Read more:", "⋙",
           "Sources used", "All rights reserved", "©", "Sign up")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "output" / "demo",
                        help="output folder (default: %(default)s)")
    args = parser.parse_args(argv)
    args.out = args.out.resolve()
    state = args.out / ".state"
    shutil.rmtree(state, ignore_errors=True)  # a demo starts from nothing every time
    args.out.mkdir(parents=True, exist_ok=True)
    ok = True
    rows = []
    with serve_demo() as urls:
        print(f"demo sites: watch {urls['watch']}  mag {urls['mag']}", flush=True)
        for spider, site, what, status in CRAWLS:
            out = args.out / f"{spider}.jsonl"
            arg = f"base_url={urls[site]}" if spider != "news" else f"start_urls={urls[site]}"
            cmd = [sys.executable, "-m", "scrapy.cmdline", "crawl", spider, "-a", arg, "-O", str(out),
                   "-s", f"CLEANWIRE_STATE={state / spider}.sqlite", "-s", "LOG_LEVEL=WARNING",
                   "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0"]
            print(f"\n$ scrapy crawl {spider} -a {arg} -O {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}"
                  f"\n  ({what})", flush=True)
            started = time.monotonic()
            done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
            seconds = time.monotonic() - started
            summary = [line for line in done.stderr.splitlines() if line.startswith("cleanwire crawl ")]
            print("  " + (summary[-1] if summary else done.stderr[-2000:]), flush=True)
            records = [json.loads(line) for line in out.read_bytes().split(b"\n") if line.strip()] \
                if out.exists() else []  # JSON Lines: split on \n only, never on U+2028 inside a text
            base = urls[site].rstrip("/")
            got = [r["url"][len(base):] for r in records]
            expected = {e["url_path"] for e in sitegen.expected_articles(site)}
            dirty = [(r["url"], m) for r in records for m in MARKERS if m in r["text"]]
            problems = []
            if done.returncode != status:
                problems.append(f"exit status {done.returncode}, not {int(status)}")
            if sorted(got) != sorted(expected):
                problems.append(f"{len(set(expected) - set(got))} articles missing, "
                                f"{len(got) - len(set(got))} written twice, {len(set(got) - expected)} non-articles")
            if dirty:
                problems.append(f"boilerplate in {len(dirty)} texts, e.g. {dirty[0][1]!r} in {dirty[0][0]}")
            ok = ok and not problems
            rows.append((spider, site, len(expected), len(records), seconds, "ok" if not problems else
                         "; ".join(problems)))
    print("\nsummary")
    print(f"  {'spider':<10}{'site':<7}{'articles':>9}{'written':>9}{'seconds':>9}  check")
    for spider, site, want, wrote, seconds, verdict in rows:
        print(f"  {spider:<10}{site:<7}{want:>9}{wrote:>9}{seconds:>9.1f}  {verdict}")
    print("  every demo article written once, no boilerplate marker in any record" if ok else "  DEMO CHECK FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
