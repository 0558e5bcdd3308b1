"""A web server of our own that misbehaves on purpose, on 127.0.0.1, for the reliability tests.

It serves a dict of pages (path or `path?query` -> `sitegen.Page`-like object with `content()`, `status`,
`content_type`, `headers`) and, for chosen paths, answers with a *fault* instead: each path has a
list of faults, one per request in turn (`None` in the list, or the list running out, means a
normal answer). So `{"/a/": ["reset", "reset"]}` resets the first two requests for `/a/` and
serves the third; a list longer than the crawler's retries is a permanent fault.

Faults (all with real sockets; nothing is simulated above the TCP layer):

    reset          headers and half the body, then a TCP reset (RST)
    drip           the whole page, a few bytes at a time (`drip_seconds` in all)
    stall          headers and a few bytes, then nothing (the client must time out)
    hang           no answer at all (not even headers)
    429            "429 Too Many Requests" with `Retry-After: <retry_after>`
    503            "503 Service Unavailable", no Retry-After
    500            "500 Internal Server Error"
    redirect_loop  302 to the same path with a new query each time, forever
    gzip_bomb      Content-Encoding: gzip, a small body that inflates to `bomb_bytes`
    deflate_bomb   Content-Encoding: deflate, likewise
    br_bomb        Content-Encoding: br, likewise
    wrong_type     the page, labelled application/octet-stream
    text_plain     the page, labelled text/plain
    bad_charset    the page, labelled `text/html; charset=x-no-such-charset`
    truncated      Transfer-Encoding: chunked, some chunks, then the connection closes without
                   the last chunk
    huge           a page of `huge_bytes` (20 MB by default), with Content-Length
    huge_chunked   the same size, chunked (no length announced)
    gz_file_bomb   a .gz file (application/gzip, no Content-Encoding) that inflates to `bomb_bytes`,
                   as a gzipped sitemap would come

`FaultPlan.burst_503` answers 503 to a run of consecutive requests whatever their path.
Every request is logged in `hits` as (monotonic time, path, fault or None).
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
import zlib
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

FAULTS = ("reset", "drip", "stall", "hang", "429", "503", "500", "redirect_loop", "gzip_bomb", "deflate_bomb",
          "br_bomb", "wrong_type", "text_plain", "bad_charset", "truncated", "huge", "huge_chunked", "gz_file_bomb")


@dataclass
class StaticPage:
    """A page for the fault server (the same shape as `sitegen.Page`)."""

    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: tuple = ()
    delay: float = 0.0

    def content(self) -> bytes:
        return self.body


@dataclass
class FaultPlan:
    """Which faults to serve, and their sizes and timings."""

    faults: dict[str, list[str | None]] = field(default_factory=dict)
    retry_after: int = 2
    drip_seconds: float = 1.5
    bomb_bytes: int = 64 * 1024 * 1024
    huge_bytes: int = 20 * 1024 * 1024
    #: a burst of 503s: the requests numbered `start` to `start + length - 1` (counting every
    #: request to the server from 0), whatever their path, answer 503
    burst_503: tuple[int, int] | None = None


def _bomb(kind: str, size: int) -> bytes:
    """A small compressed body that expands to `size` zero bytes."""
    if kind == "gzip":
        return gzip.compress(b"\0" * size, compresslevel=9)
    if kind == "deflate":
        return zlib.compress(b"\0" * size, 9)
    import brotli

    return brotli.compress(b"\0" * size, quality=5)


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 128  # socketserver's 5 drops SYNs under a crawler's burst (1 s retransmits)

    def __init__(self, pages, plan: FaultPlan, host: str = "127.0.0.1"):
        super().__init__((host, 0), FaultHandler)
        self.base_url = f"http://{host}:{self.server_address[1]}/"
        self.pages = pages(self.base_url) if callable(pages) else pages
        self.plan = plan
        self.lock = threading.Lock()
        self.served: dict[str, int] = defaultdict(int)  # path -> requests so far
        self.hits: list[tuple[float, str, str | None]] = []
        self.closing = threading.Event()
        self._bombs: dict[str, bytes] = {}

    def next_fault(self, path: str) -> str | None:
        with self.lock:
            n = self.served[path]
            self.served[path] += 1
            plan = self.plan.faults.get(path, [])
            fault = plan[n] if n < len(plan) else None
            burst = self.plan.burst_503
            if burst and burst[0] <= len(self.hits) < burst[0] + burst[1]:
                fault = "503"
            self.hits.append((time.monotonic(), path, fault))
            return fault

    def bomb(self, kind: str) -> bytes:
        with self.lock:
            if kind not in self._bombs:
                self._bombs[kind] = _bomb(kind, self.plan.bomb_bytes)
            return self._bombs[kind]

    def handle_error(self, request, client_address):
        pass  # clients hanging up on faults are the point

    def paths_hit(self) -> list[str]:
        with self.lock:
            return [p for _t, p, _f in self.hits]


class FaultHandler(BaseHTTPRequestHandler):
    server: FaultServer
    protocol_version = "HTTP/1.1"
    server_version = "cleanwire-faults/1.0"

    def log_message(self, format, *args):  # noqa: A002
        pass

    # ------------------------------------------------------------------ plumbing

    def _head(self, status: int, ctype: str, length: int | None, extra: tuple = ()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length is not None:
            self.send_header("Content-Length", str(length))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()

    def _reset(self) -> None:
        """Close with a TCP reset, not a FIN."""
        self.wfile.flush()
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def _wait_for_close(self, seconds: float = 120.0) -> None:
        self.server.closing.wait(seconds)
        self.close_connection = True

    # ------------------------------------------------------------------ answers

    def do_GET(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        path = parts.path or "/"
        fault = self.server.next_fault(path)
        pages = self.server.pages
        page = (pages.get(f"{path}?{parts.query}") if parts.query else None) or pages.get(path)
        plan = self.server.plan
        if fault is None:
            if page is None:
                body = b"<html><body><h1>Not found</h1></body></html>"
                self._head(404, "text/html; charset=utf-8", len(body))
                self.wfile.write(body)
                return
            body = page.content()
            self._head(page.status, page.content_type, len(body), tuple(page.headers))
            self.wfile.write(body)
            return
        body = page.content() if page is not None else b"<html><body><p>page</p></body></html>"
        if fault == "reset":
            self._head(200, "text/html; charset=utf-8", len(body))
            self.wfile.write(body[: len(body) // 2])
            self._reset()
        elif fault == "drip":
            self._head(200, "text/html; charset=utf-8", len(body))
            pieces = 20
            step = max(1, len(body) // pieces + 1)
            for i in range(0, len(body), step):
                self.wfile.write(body[i:i + step])
                self.wfile.flush()
                time.sleep(plan.drip_seconds / pieces)
        elif fault == "stall":
            self._head(200, "text/html; charset=utf-8", len(body))
            self.wfile.write(body[:64])
            self.wfile.flush()
            self._wait_for_close()
        elif fault == "hang":
            self._wait_for_close()
        elif fault in ("429", "503", "500"):
            status = int(fault)
            note = f"<html><body><p>error {status}</p></body></html>".encode()
            extra = (("Retry-After", str(plan.retry_after)),) if status == 429 else ()
            self._head(status, "text/html; charset=utf-8", len(note), extra)
            self.wfile.write(note)
        elif fault == "redirect_loop":
            n = self.server.served[path]
            self._head(302, "text/html; charset=utf-8", 0, (("Location", f"{path}?loop={n}"),))
        elif fault in ("gzip_bomb", "deflate_bomb", "br_bomb"):
            kind = fault.split("_")[0]
            data = self.server.bomb(kind)
            self._head(200, "text/html; charset=utf-8", len(data), (("Content-Encoding", kind),))
            self.wfile.write(data)
        elif fault in ("wrong_type", "text_plain", "bad_charset"):
            ctype = {"wrong_type": "application/octet-stream", "text_plain": "text/plain",
                     "bad_charset": "text/html; charset=x-no-such-charset"}[fault]
            self._head(200, ctype, len(body))
            self.wfile.write(body)
        elif fault == "truncated":
            self._head(200, "text/html; charset=utf-8", None, (("Transfer-Encoding", "chunked"),))
            half = body[: len(body) // 2]
            for i in range(0, len(half), 1024):
                chunk = half[i:i + 1024]
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_WR)
            self.close_connection = True
        elif fault == "gz_file_bomb":
            data = self.server.bomb("gzip")
            self._head(200, "application/gzip", len(data))
            self.wfile.write(data)
        elif fault in ("huge", "huge_chunked"):
            filler = b"<p>" + b"filler text for a page far too large to keep. " * 40 + b"</p>\n"
            count = plan.huge_bytes // len(filler) + 1
            if fault == "huge":
                self._head(200, "text/html; charset=utf-8", len(filler) * count)
                try:
                    for _ in range(count):
                        self.wfile.write(filler)
                except OSError:
                    pass
            else:
                self._head(200, "text/html; charset=utf-8", None, (("Transfer-Encoding", "chunked"),))
                try:
                    for _ in range(count):
                        self.wfile.write(f"{len(filler):x}\r\n".encode() + filler + b"\r\n")
                    self.wfile.write(b"0\r\n\r\n")
                except OSError:
                    pass
        else:
            raise ValueError(f"unknown fault {fault!r}")

    def do_HEAD(self) -> None:  # noqa: N802
        self._head(405, "text/plain", 0)


@contextmanager
def serve_faults(pages, plan: FaultPlan):
    """Run a FaultServer for the block; yields the server (`.base_url`, `.hits`). `pages` is a dict
    or a function of the base URL that makes one (`lambda base: sitegen.pages("watch", base)`)."""
    server = FaultServer(pages, plan)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.closing.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
