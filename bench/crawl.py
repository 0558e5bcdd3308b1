#!/usr/bin/env python3
"""Crawl throughput: `scrapy crawl news` with cleaning against the same crawl with cleaning off.

A synthetic site of --articles article pages (default 2,000; the pages of bench/labelled, served in
turn) behind paginated listings is served on 127.0.0.1 by this process. Two whole `scrapy crawl`
processes fetch it, one as cleanwire runs (every page cleaned in the process pool beside the
reactor) and one with `-s CLEANWIRE_CLEAN=0` (the same fetching and parsing, no extraction). The
ratio of their pages/s says how much cleaning slows a crawl; the log is searched for warnings
(reactor-blocking reports among them).

    python bench/crawl.py [--articles 2000]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_site(articles: int) -> dict[str, bytes]:
    from bench.labelled import pages

    bodies = [p.html.encode("utf-8") for p in pages()]
    site: dict[str, bytes] = {}
    per_page = 100
    listings = (articles + per_page - 1) // per_page
    for k in range(listings):
        links = "".join(f'<li><a href="/a/{n}.html">Story number {n} from the synthetic wire</a></li>'
                        for n in range(k * per_page, min(articles, (k + 1) * per_page)))
        nxt = f'<a href="/list/{k + 1}.html">Next</a>' if k + 1 < listings else ""
        page = (f"<html><head><title>Wire, page {k}</title></head><body><h1>Latest</h1><ul>{links}</ul>{nxt}"
                "</body></html>")
        site[f"/list/{k}.html"] = page.encode()
    site["/"] = site["/list/0.html"]
    for n in range(articles):
        site[f"/a/{n}.html"] = bodies[n % len(bodies)]
    return site


def serve(site: dict[str, bytes]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            body = site.get(self.path.split("?", 1)[0])
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            body = body if body is not None else b"<html><body>Not found</body></html>"
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def crawl(base: str, tmp: Path, clean: bool) -> dict:
    name = "clean" if clean else "bare"
    cmd = [sys.executable, "-m", "scrapy.cmdline", "crawl", "news", "-a", f"start_urls={base}",
           "-O", str(tmp / f"{name}.jsonl"), "-s", f"CLEANWIRE_STATE={tmp / name}.sqlite",
           "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "CONCURRENT_REQUESTS=16",
           "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "DEPTH_LIMIT=0", "-s", "ROBOTSTXT_OBEY=0",
           "-s", "LOG_LEVEL=INFO", "-s", f"CLEANWIRE_CLEAN={int(clean)}"]
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    line = next((x for x in reversed(done.stderr.splitlines()) if x.startswith("cleanwire crawl ")), "")
    fetched = int(m[1]) if (m := re.search(r"(\d+) pages fetched", line)) else 0
    written = int(m[1]) if (m := re.search(r"(\d+) articles written", line)) else 0
    warnings = [x for x in done.stderr.splitlines() if re.search(r"\] (WARNING|ERROR|CRITICAL):", x)]
    blocking = [x for x in done.stderr.splitlines() if re.search(r"block|took too long|slow callback", x, re.I)]
    return {"seconds": seconds, "fetched": fetched, "written": written, "warnings": warnings,
            "blocking": blocking, "returncode": done.returncode}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="article pages on the site (default: %(default)s)")
    args = parser.parse_args(argv)
    if not (ROOT / "bench" / "labelled" / "__init__.py").is_file():
        print("bench/crawl.py: skipped: bench/labelled is missing", file=sys.stderr)
        return 0
    server = serve(make_site(args.articles))
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with tempfile.TemporaryDirectory(prefix="cleanwire-crawl-") as tmp:
            bare = crawl(base, Path(tmp), clean=False)
            full = crawl(base, Path(tmp), clean=True)
    finally:
        server.shutdown()
        server.server_close()
    print(f"\ncrawl throughput: `scrapy crawl news` over {args.articles} articles on 127.0.0.1, whole processes, "
          f"{time.strftime('%Y-%m-%d')}")
    print(f"  {'run':<24}{'pages':>7}{'written':>9}{'seconds':>9}{'pages/s':>9}{'warnings':>10}")
    for name, r in (("bare fetch (no cleaning)", bare), ("crawl + clean", full)):
        rate = r["fetched"] / r["seconds"] if r["seconds"] else 0.0
        print(f"  {name:<24}{r['fetched']:>7}{r['written']:>9}{r['seconds']:>9.1f}{rate:>9.1f}{len(r['warnings']):>10}")
    ratio = (full["fetched"] / full["seconds"]) / (bare["fetched"] / bare["seconds"]) if bare["fetched"] else 0.0
    print(f"  crawl + clean / bare fetch: {ratio:.2f} of the pages/s (target >= 0.60)")
    print(f"  reactor-blocking reports in the log: {len(full['blocking'])}")
    for line in (full["warnings"] + full["blocking"])[:5]:
        print(f"    {line[:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
