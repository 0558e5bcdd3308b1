"""Serve the two offline demo sites (`sitegen`) from memory on 127.0.0.1, each on its own port.

    from crawler.demo.server import serve_demo
    with serve_demo() as urls:
        urls["watch"], urls["mag"]          # "http://127.0.0.1:PORT/"
    with serve_demo(watch_articles=2000) as urls:   # the watch site grown to 2,000 articles
        ...

    python -m crawler.demo.server [--host 127.0.0.1] [--watch-port N] [--mag-port N] [--watch-articles N]

Ports default to 0 (a free port). The pages are built once the port is known, so canonical links,
sitemaps, feeds and redirects point at the server itself. Threaded, quiet (no access log).
A path without its trailing slash is redirected (301) to the page that has it; anything else
unknown is a 404 page. `watch_articles` (`--watch-articles N`) grows the watch site from its 30
articles to N (`sitegen.watch_articles`; bench/crawl.py uses it); the magazine stays as it is.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from . import sitegen

_NOT_FOUND = (b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Page not found</title></head>"
              b"<body><h1>Page not found</h1><p>Sorry, this page does not exist.</p></body></html>")


class DemoHTTPServer(ThreadingHTTPServer):
    """One demo site: its pages (path -> `sitegen.Page`) and its base URL; `articles` as for
    `sitegen.pages` (None: the site's own size)."""

    daemon_threads = True
    block_on_close = False  # never wait for a slow or stalled client when closing
    request_queue_size = 128  # socketserver's default 5 drops SYNs when a crawler opens many connections

    def __init__(self, site: str, host: str = "127.0.0.1", port: int = 0, articles: int | None = None):
        super().__init__((host, port), DemoHandler)
        self.site = site
        self.base_url = f"http://{host}:{self.server_address[1]}/"
        try:
            self.pages = sitegen.pages(site, self.base_url, articles)
        except BaseException:
            self.server_close()
            raise

    def handle_error(self, request, client_address):
        # clients that hang up early (a crawler dropping an oversized page) are normal here
        exc = sys.exc_info()[1]
        if isinstance(exc, ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


class DemoHandler(BaseHTTPRequestHandler):
    server: DemoHTTPServer
    server_version = "cleanwire-demo/1.0"
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def _lookup(self):
        parts = urlsplit(self.path)
        path = parts.path or "/"
        pages = self.server.pages
        if parts.query and (page := pages.get(f"{path}?{parts.query}")) is not None:
            return page, None
        if (page := pages.get(path)) is not None:
            return page, None
        if not path.endswith("/") and path + "/" in pages:
            return None, self.server.base_url + path.lstrip("/") + "/" + (f"?{parts.query}" if parts.query else "")
        return None, None

    def _respond(self, head_only: bool) -> None:
        page, moved = self._lookup()
        if page is not None:
            if page.delay:
                time.sleep(page.delay)
            body = page.content()
            status, ctype, headers = page.status, page.content_type, page.headers
        elif moved:
            body, status, ctype, headers = b"", 301, "text/html; charset=utf-8", (("Location", moved),)
        else:
            body, status, ctype, headers = _NOT_FOUND, 404, "text/html; charset=utf-8", ()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if not head_only and body:
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._respond(head_only=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(head_only=True)


class DemoSites:
    """Both demo sites running, each in a thread of its own; `urls` maps site name -> base URL.
    `watch_articles`: grow the watch site to that many articles (None: its 30)."""

    def __init__(self, host: str = "127.0.0.1", watch_port: int = 0, mag_port: int = 0,
                 watch_articles: int | None = None):
        self.servers: dict[str, DemoHTTPServer] = {}
        self.threads: list[threading.Thread] = []
        try:
            for site, port, articles in (("watch", watch_port, watch_articles), ("mag", mag_port, None)):
                self.servers[site] = DemoHTTPServer(site, host, port, articles)
        except BaseException:
            for server in self.servers.values():
                server.server_close()
            raise
        for site, server in self.servers.items():
            t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                                 name=f"demo-{site}", daemon=True)
            t.start()
            self.threads.append(t)

    @property
    def urls(self) -> dict[str, str]:
        return {site: server.base_url for site, server in self.servers.items()}

    def close(self) -> None:
        for server in self.servers.values():
            server.shutdown()
            server.server_close()
        for t in self.threads:
            t.join(timeout=5)


@contextmanager
def serve_demo(host: str = "127.0.0.1", watch_port: int = 0, mag_port: int = 0,
               watch_articles: int | None = None) -> Iterator[dict[str, str]]:
    """Run both demo sites for the duration of the block; yields {"watch": url, "mag": url}.
    `watch_articles`: grow the watch site to that many articles (None: its 30)."""
    sites = DemoSites(host, watch_port, mag_port, watch_articles)
    try:
        yield sites.urls
    finally:
        sites.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.demo.server",
                                     description="Serve the offline demo sites until Ctrl-C or SIGTERM.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--watch-port", type=int, default=0, help="port of the KCNA Watch-like site (0: free)")
    parser.add_argument("--mag-port", type=int, default=0, help="port of the magazine (0: free)")
    parser.add_argument("--watch-articles", type=int, default=None, metavar="N",
                        help=f"grow the watch site to N articles (default: its {sitegen.WATCH_ARTICLES})")
    args = parser.parse_args(argv)
    if args.watch_articles is not None and args.watch_articles < sitegen.WATCH_ARTICLES:
        parser.error(f"--watch-articles: at least {sitegen.WATCH_ARTICLES}")

    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):  # Ctrl-C too, even where a shell started us ignoring it
        signal.signal(signum, lambda *_: stop.set())
    sites = DemoSites(args.host, args.watch_port, args.mag_port, args.watch_articles)
    try:
        for site, url in sites.urls.items():
            print(f"{site} {url}", flush=True)
        while not stop.wait(0.5):
            pass
    finally:
        sites.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
