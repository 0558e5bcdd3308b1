"""Security: the address guard (SSRF), http and https only, no scripts or sub-resources fetched, and
output file names that come from ids alone.

Real Scrapy (`scrapy crawl news`, one subprocess per crawl, from the project root) against small HTTP
servers this test starts on loopback; each server records every TCP connection it accepts and every
path it is asked for. Every page here is invented for these tests. Nothing leaves loopback: the
10.0.0.1 and 169.254.169.254 links exist only to be refused before any connection is made.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from crawler.guard import ip_literal, is_private, refuses_private

from ..conftest import ROOT

SCRAPY = [sys.executable, "-m", "scrapy.cmdline"]
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "CLEANWIRE_CLEAN_WORKERS=1",
        "-s", "LOG_LEVEL=INFO", "-s", "DOWNLOAD_TIMEOUT=5", "-s", "RETRY_TIMES=0"]

# ------------------------------------------------------------------ invented pages

_PARAS = (
    "The {t} committee in the hill town of Orrendale met on Thursday evening in the old school hall, where "
    "more than sixty residents came to hear how the money raised over the winter would be spent this year.",
    "Volunteers said the first part of the {t} work would begin after the spring thaw, once the lane to the "
    "upper fields could take a loaded cart again, and that the costs had been checked twice by the treasurer.",
    "Several farmers asked whether the plan left enough time for the hay harvest, and the chair promised that "
    "no work on the {t} would be scheduled during the three busiest weeks of the summer.",
    "A short report on the {t} will be pinned to the board outside the post office next month, and anyone who "
    "wants to help is asked to leave their name with the baker on the square before the end of April.",
)


def article(title: str, topic: str, *, head: str = "", inside: str = "", outside: str = "") -> str:
    paras = "".join(f"<p>{p.format(t=topic)}</p>\n" for p in _PARAS)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Orrendale Post</title>'
            f"{head}</head><body>{outside}<main><article><h1>{title}</h1>\n{inside}{paras}</article></main>"
            f"<footer><p>Orrendale Post, Mill Lane.</p></footer></body></html>")


def listing(links: list[str], *, head: str = "", extra: str = "") -> str:
    items = "".join(f'<li><a href="{href}">Item number {i} from the valley</a></li>' for i, href in enumerate(links))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Orrendale Post</title>{head}'
            f"</head><body><h1>Orrendale Post</h1>{extra}<ul>{items}</ul></body></html>")


def redirect(target: str, status: int = 302) -> tuple[int, dict, str]:
    return status, {"Location": target}, ""


# ------------------------------------------------------------------ servers and crawls


class Site:
    """An HTTP server on a loopback address. `pages` maps a path to a body (HTML, or XML/text by the
    extension) or to (status, headers, body); other paths get `default` (a body) or a 404.
    `.paths` lists every path asked for, `.connections` counts the TCP connections accepted."""

    def __init__(self, pages: dict | None = None, *, host: str = "127.0.0.1", default: str | None = None):
        self.pages = dict(pages or {})
        self.default = default
        self.paths: list[str] = []
        self.connections = 0
        self.host = host
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site._answer(self)

            do_HEAD = do_POST = do_GET

            def log_message(self, *args):
                pass

        class Server(ThreadingHTTPServer):
            address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
            daemon_threads = True

            def get_request(self):
                accepted = super().get_request()
                site.connections += 1
                return accepted

        self.server = Server((host, 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str = "/") -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}{path}"

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        self.paths.append(path)
        entry = self.pages.get(path, self.default)
        if entry is None:
            status, headers, body = 404, {"Content-Type": "text/plain"}, "not here"
        elif isinstance(entry, tuple):
            status, headers, body = entry
        else:
            kind = ("application/xml" if path.endswith(".xml") else
                    "text/plain" if path.endswith(".txt") else "text/html; charset=utf-8")
            status, headers, body = 200, {"Content-Type": kind}, entry
        data = body.encode("utf-8")
        handler.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(data))}.items():
            handler.send_header(name, value)
        handler.end_headers()
        if handler.command != "HEAD":
            handler.wfile.write(data)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def sites():
    """Make Sites that are shut down after the test."""
    made: list[Site] = []

    def make(pages: dict | None = None, **kwargs) -> Site:
        made.append(Site(pages, **kwargs))
        return made[-1]

    yield make
    for site in made:
        site.close()


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as sock:
            sock.bind(("::1", 0))
        return True
    except OSError:
        return False


@dataclass
class Crawl:
    done: subprocess.CompletedProcess
    records: list[dict]
    stats: dict[str, int]
    seconds: float

    @property
    def log(self) -> str:
        return self.done.stderr


def crawl(tmp: Path, start: str, *args: str, mode: str | None = None, extra: tuple[str, ...] = (),
          env: dict | None = None) -> Crawl:
    """`scrapy crawl news -a start_urls=START` from the project root; the records, the final stats."""
    out = tmp / "out.jsonl"
    cmd = [*SCRAPY, "crawl", "news", "-a", f"start_urls={start}", *args, "-O", str(out),
           "-s", f"CLEANWIRE_STATE={tmp / 'state.sqlite'}", *FAST,
           *(["-s", f"CLEANWIRE_PRIVATE_ADDRESSES={mode}"] if mode else []), *extra]
    began = time.monotonic()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, **env} if env else None)
    seconds = time.monotonic() - began
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()] if out.exists() else []
    assert "Dumping Scrapy stats" in done.stderr, done.stderr[-3000:]
    tail = done.stderr.rsplit("Dumping Scrapy stats", 1)[1]
    stats = {k: int(v) for k, v in re.findall(r"'([^']+)': (\d+)[,}\n]", tail.split("}", 1)[0] + "}")}
    return Crawl(done, records, stats, seconds)


def assert_ran_clean(c: Crawl) -> None:
    assert c.done.returncode == 0, c.log[-3000:]
    assert "Traceback" not in c.log, c.log[-3000:]


# ------------------------------------------------------------------ the private-address guard

B_PATHS = ("/b-ipv4.html", "/b-localhost.html", "/b-decimal.html", "/b-hex.html", "/b-mapped.html")
B_REDIRECTED = ("/b-redirected.html", "/b-redirected-by-name.html")
B_HOSTS = ("127.0.0.1", "localhost", "2130706433", "0x7f.1", "::ffff:127.0.0.1")
UNROUTABLE = ("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/intranet.html")


def ssrf_site(sites, b: Site, *, unroutable: bool) -> Site:
    """Server A: two articles, and links and redirects to server B under five spellings of loopback
    (and, with `unroutable`, to the cloud metadata address and a 10.x intranet host)."""
    port = b.port
    to_b = [f"http://127.0.0.1:{port}/b-ipv4.html", f"http://localhost:{port}/b-localhost.html",
            f"http://2130706433:{port}/b-decimal.html", f"http://0x7f.1:{port}/b-hex.html",
            f"http://[::ffff:127.0.0.1]:{port}/b-mapped.html"]
    pages = {
        "/harvest-notes.html": article("Orrendale plans its harvest festival", "harvest festival"),
        "/mill-reopens.html": article("The old Orrendale mill reopens its doors", "mill restoration"),
        "/moved.html": redirect(f"http://127.0.0.1:{port}/b-redirected.html"),
        "/moved-by-name.html": redirect(f"http://localhost:{port}/b-redirected-by-name.html", 301),
    }
    links = ["/harvest-notes.html", "/mill-reopens.html", *to_b, "/moved.html", "/moved-by-name.html"]
    if unroutable:
        pages["/to-metadata.html"] = redirect("http://169.254.169.254/latest/meta-data/iam/", 307)
        links += [*UNROUTABLE, "/to-metadata.html"]
    pages["/"] = listing(links)
    return sites(pages)


def allowed(*hosts: str) -> str:
    return "allowed_domains=" + ",".join(hosts)


@pytest.mark.parametrize("resolver", ["scrapy.resolver.CachingThreadedResolver",
                                      "scrapy.resolver.CachingHostnameResolver"])
def test_deny_refuses_every_private_target_before_connecting(sites, tmp_path, resolver):
    """(a) deny: links and redirects to a second loopback server under five spellings, to the metadata
    address and to 10.0.0.1 are refused in the guard (allowed_domains lets them all pass the offsite
    filter): server B sees no connection, nothing else is attempted, server A's articles are written."""
    b = sites(default=article("Server B should never be read", "server b"))
    a = ssrf_site(sites, b, unroutable=True)
    # Should the guard fail, nothing may leave loopback: every host but the loopback spellings goes
    # through an HTTP proxy that is a trap on loopback (Scrapy's HttpProxyMiddleware reads the
    # environment), so a request for 10.0.0.1 or 169.254.169.254 would land there and be seen.
    trap = sites(default="trap")
    env = {"http_proxy": trap.url(), "https_proxy": trap.url(), "no_proxy": ",".join(B_HOSTS)}
    c = crawl(tmp_path, a.url(), "-a", allowed(*B_HOSTS, "169.254.169.254", "10.0.0.1"), mode="deny",
              extra=("-s", f"DNS_RESOLVER={resolver}"), env=env)
    assert_ran_clean(c)
    assert b.connections == 0 and b.paths == []
    assert trap.connections == 0 and trap.paths == []
    assert sorted(r["url"] for r in c.records) == [a.url("/harvest-notes.html"), a.url("/mill-reopens.html")]
    # every request that reached the network part of Scrapy was one server A answered: nothing was
    # attempted to B, 10.0.0.1 or 169.254.169.254 (a connection there would fail or hang, not pass)
    assert c.stats["downloader/request_count"] == len(a.paths), (c.stats, a.paths)
    assert not any(k.startswith("cleanwire/fetch_errors/") for k in c.stats), c.stats
    # 5 links to B + 2 redirects to B + 2 unroutable links + 1 redirect to the metadata address
    assert c.stats["cleanwire/refused/private_address"] == 10, c.stats
    # one warning per refused host (seven hosts), no traceback
    warnings = [line for line in c.log.splitlines() if "[crawler.guard] WARNING" in line]
    assert len(warnings) == 7, "\n".join(warnings)
    assert all("private address" in line for line in warnings)
    assert "2 articles written" in c.log


def test_auto_with_loopback_start_crawls_loopback(sites, tmp_path):
    """(b) the default (auto): a crawl that starts on 127.0.0.1 may fetch other loopback servers."""
    b = sites(default=listing([]))
    a = ssrf_site(sites, b, unroutable=False)
    c = crawl(tmp_path, a.url(), "-a", allowed(*B_HOSTS))
    assert_ran_clean(c)
    assert set(B_PATHS + B_REDIRECTED) <= set(b.paths), b.paths
    assert "cleanwire/refused/private_address" not in c.stats
    assert "private targets are allowed (CLEANWIRE_PRIVATE_ADDRESSES=auto)" in c.log


def test_allow_fetches_what_deny_refuses(sites, tmp_path):
    """(c) allow: the same links and redirects reach server B (so (a) refuses real requests)."""
    b = sites(default=listing([]))
    a = ssrf_site(sites, b, unroutable=False)
    c = crawl(tmp_path, a.url(), "-a", allowed(*B_HOSTS), mode="allow")
    assert_ran_clean(c)
    assert set(B_PATHS + B_REDIRECTED) <= set(b.paths), b.paths
    assert "cleanwire/refused/private_address" not in c.stats
    assert len(c.records) == 2


@pytest.mark.skipif(not _ipv6_loopback(), reason="no IPv6 loopback (::1) on this machine")
def test_ipv6_loopback_refused_under_deny_fetched_under_allow(sites, tmp_path):
    b6 = sites(default=listing([]), host="::1")
    a = sites({"/": listing([b6.url("/b-ipv6.html"), "/mill-reopens.html"]),
               "/mill-reopens.html": article("The old Orrendale mill reopens its doors", "mill restoration")})
    # Scrapy's default resolver is IPv4 only (it cannot fetch [::1] at all); this one can
    ipv6 = ("-s", "DNS_RESOLVER=scrapy.resolver.CachingHostnameResolver")
    c = crawl(tmp_path, a.url(), "-a", allowed("127.0.0.1", "::1"), mode="deny", extra=ipv6)
    assert_ran_clean(c)
    assert b6.connections == 0
    assert c.stats["cleanwire/refused/private_address"] == 1 and len(c.records) == 1
    (tmp_path / "allow").mkdir()
    c = crawl(tmp_path / "allow", a.url(), "-a", allowed("127.0.0.1", "::1"), mode="allow", extra=ipv6)
    assert_ran_clean(c)
    assert "/b-ipv6.html" in b6.paths


@pytest.mark.parametrize(("address", "private"), [
    ("127.0.0.1", True), ("127.8.9.10", True), ("10.0.0.1", True), ("172.16.5.4", True), ("192.168.1.1", True),
    ("169.254.169.254", True), ("100.64.0.1", True), ("0.0.0.0", True), ("224.0.0.251", True),
    ("240.0.0.1", True), ("255.255.255.255", True), ("::1", True), ("::", True), ("fe80::1", True),
    ("fd12:3456::1", True), ("fec0::1", True), ("ff02::1", True), ("::ffff:127.0.0.1", True),
    ("::ffff:169.254.169.254", True), ("2002:7f00:1::1", True), ("64:ff9b::a00:1", True),
    ("93.184.216.34", False), ("2606:4700:4700::1111", False), ("::ffff:93.184.216.34", False),
])
def test_which_addresses_are_private(address, private):
    assert is_private(ip_literal(address)) is private


def test_other_spellings_are_left_to_the_resolver():
    """Integer, hex and short forms are not read by hand: the crawl tests show the resolver maps them."""
    for host in ("2130706433", "0x7f.1", "017700000001", "127.1", "localhost"):
        assert ip_literal(host) is None


def test_modes():
    assert refuses_private("deny", [True]) and refuses_private("deny", [])
    assert not refuses_private("allow", [False])
    assert not refuses_private("auto", [True, True])  # a local crawl
    assert refuses_private("auto", [True, False])  # one public start: private targets refused
    assert refuses_private("auto", [False]) and refuses_private("auto", [])


def test_an_unknown_mode_stops_the_crawl_instead_of_switching_the_guard_off(sites, tmp_path):
    a = sites({"/": listing([])})
    out = tmp_path / "out.jsonl"
    done = subprocess.run([*SCRAPY, "crawl", "news", "-a", f"start_urls={a.url()}", "-O", str(out),
                           "-s", f"CLEANWIRE_STATE={tmp_path / 's.sqlite'}", *FAST,
                           "-s", "CLEANWIRE_PRIVATE_ADDRESSES=deny-ish"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode != 0
    assert "CLEANWIRE_PRIVATE_ADDRESSES must be one of auto, deny, allow" in done.stderr
    assert a.paths == []


# ------------------------------------------------------------------ http and https only


def test_no_other_scheme_is_fetched_from_links_sitemaps_feeds_robots_or_redirects(sites, tmp_path):
    """(d) file:, ftp:, data: and javascript: URLs in links, sitemap <loc>s, feed items, robots.txt
    Sitemap: lines and redirects: none is fetched, the crawl goes on and writes the real articles."""
    b = sites(default="should never be asked")  # the ftp:// URLs point here
    ftp = f"ftp://127.0.0.1:{b.port}"
    a = sites()
    a.pages.update({
        "/robots.txt": ("User-agent: *\nAllow: /\nSitemap: file:///etc/passwd\n"
                        f"Sitemap: file://127.0.0.1/etc/shadow\nSitemap: {ftp}/sitemap.xml\n"
                        "Sitemap: data:text/xml,<urlset/>\nSitemap: /sitemap.xml\n"),
        "/": listing(["file:///etc/passwd", "file://127.0.0.1/etc/passwd", f"{ftp}/pub/", "data:text/html,<p>hi</p>",
                      "javascript:alert(1)", "JAVASCRIPT:void(0)", "/to-file.html", "/to-ftp.html", "/to-data.html",
                      "/to-js.html", "/news.xml", "/first-frost.html"]),
        "/to-file.html": redirect("file:///etc/passwd"),
        "/to-ftp.html": redirect(f"{ftp}/pub/file.html", 301),
        "/to-data.html": redirect("data:text/html,<p>moved</p>"),
        "/to-js.html": redirect("javascript:alert(3)"),
        "/sitemap.xml": ('<?xml version="1.0" encoding="UTF-8"?>\n'
                         '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                         + "".join(f"<url><loc>{u}</loc></url>" for u in (
                             "file:///etc/hostname", "file://127.0.0.1/etc/hosts", f"{ftp}/a.html",
                             "data:text/html,x", "javascript:void(0)", a.url("/bridge-repair.html")))
                         + "</urlset>"),
        "/news.xml": ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Orrendale</title>'
                      + "".join(f"<item><title>Item {i}</title><link>{u}</link></item>" for i, u in enumerate((
                          "file:///etc/group", "file://127.0.0.1/etc/group", f"{ftp}/b.html", "javascript:alert(2)",
                          "data:text/html,y", a.url("/choir-tour.html"))))
                      + "</channel></rss>"),
        "/first-frost.html": article("First frost arrives early in Orrendale", "frost warning"),
        "/bridge-repair.html": article("Orrendale footbridge to be repaired", "footbridge repair"),
        "/choir-tour.html": article("Orrendale choir plans a spring tour", "choir tour"),
    })
    c = crawl(tmp_path, a.url())
    # the four redirects to other schemes are lost pages (Scrapy keeps a 3xx to file:/ftp:/data: as
    # the response, an HTTP error here; a Location of javascript: fails to make a Request): each is one
    # "fetch failed" line, the crawl goes on, and its exit status says pages were lost
    assert c.done.returncode in (0, 3), c.log[-3000:]
    assert "Traceback" not in c.log, c.log[-3000:]
    failed = sorted(re.findall(r"fetch failed: (\S+):", c.log))
    assert failed == [a.url(f"/to-{s}.html") for s in ("data", "file", "ftp", "js")], failed
    assert b.connections == 0
    assert sorted(r["url"].rsplit("/", 1)[1] for r in c.records) == [
        "bridge-repair.html", "choir-tour.html", "first-frost.html"]
    # no request but server A's reached a download handler (file, ftp, data are not even installed)
    assert c.stats["downloader/request_count"] == len(a.paths), (c.stats, a.paths)
    assert not any("NotSupported" in k for k in c.stats), c.stats
    # the ones with a host in the allowed domain became requests and the guard refused them:
    # robots (file://127.0.0.1, ftp), sitemap (file://127.0.0.1, ftp), feed (file://127.0.0.1, ftp)
    assert c.stats["cleanwire/refused/scheme"] == 6, c.stats
    assert all(p.startswith("/") and not p.startswith("//") for p in a.paths)
    for record in c.records:
        assert "root:" not in record["text"]


# ------------------------------------------------------------------ no scripts, no sub-resources

SCRIPT_MARK = "Xq7ScriptMarker"


def test_scripts_never_run_and_sub_resources_are_never_fetched(sites, tmp_path):
    """(e) only pages reached by <a href> (and robots.txt) are asked for: no script, image, frame,
    style sheet, media, font or icon; a script that would write a link or send a beacon never runs;
    and no script text reaches a record."""
    from scrapy.utils.project import get_project_settings

    resources = ('<link rel="stylesheet" href="/css/site.css"><link rel="preload" href="/fonts/body.woff2" as="font">'
                 '<link rel="icon" href="/favicon.ico"><link rel="alternate" type="application/rss+xml" '
                 'href="/never-linked-feed.xml"><script src="/js/app.js"></script>'
                 '<style>@import url("/css/imported.css"); body { background: url(/img/bg.png) }</style>')
    script = (f'<script>var {SCRIPT_MARK} = "tracker";'
              'fetch("/beacon/inline"); document.write(\'<a href="/written-by-script.html">more</a>\');'
              'window.location = "/moved-by-script.html";</script>')
    media = ('<img src="/img/photo.jpg" srcset="/img/photo-2x.jpg 2x"><iframe src="/embed/map.html"></iframe>'
             '<video src="/media/clip.mp4" poster="/img/poster.jpg"><source src="/media/clip.webm"></video>'
             '<audio src="/media/sound.mp3"></audio><object data="/media/thing.bin"></object>'
             '<embed src="/media/embed.bin"><noscript><img src="/img/pixel.gif"></noscript>'
             '<picture><source srcset="/img/wide.webp"><img src="/img/narrow.jpg"></picture>')
    a = sites({
        "/": listing(["/well-restored.html", "/refresh.html"], head=resources, extra=script + media),
        "/well-restored.html": article("Orrendale's village well restored", "village well", head=resources,
                                       inside=script + media + f"<script>var {SCRIPT_MARK}2 = 1;</script>",
                                       outside=script),
        "/refresh.html": ('<html><head><meta http-equiv="refresh" content="0; url=/refresh-target.html">'
                          "</head><body><p>This page has moved.</p></body></html>"),
        "/refresh-target.html": listing([]),
    })
    c = crawl(tmp_path, a.url())
    assert_ran_clean(c)
    expected = {"/robots.txt", "/", "/well-restored.html", "/refresh.html"}
    # <meta http-equiv=refresh> is a redirect to Scrapy (MetaRefreshMiddleware): followed, through the
    # guard, when METAREFRESH_ENABLED (Scrapy's default), never otherwise
    if get_project_settings().getbool("METAREFRESH_ENABLED"):
        expected.add("/refresh-target.html")
    assert set(a.paths) == expected, sorted(set(a.paths) - expected)
    [record] = c.records
    assert record["url"] == a.url("/well-restored.html")
    for leak in (SCRIPT_MARK, "fetch(", "document.write", "window.location", "@import", "background:"):
        assert leak not in record["text"] and leak not in (record.get("title") or "")


# ------------------------------------------------------------------ file names from ids only


def test_export_names_files_from_the_id_only_and_skips_bad_ids(tmp_path):
    """(f) `cleanwire export`: a record whose id is a path ("../../evil", "a/b", "/abs") or anything but
    16 hex digits is reported and skipped; titles and URLs with "../" do not reach a file name."""
    work = tmp_path / "work"
    out = work / "txt"
    work.mkdir()
    good = "0123456789abcdef"
    lines = [
        {"id": good, "text": "Good text.", "title": "../../../../escaped", "url": "http://127.0.0.1/../../etc/x"},
        {"id": "../../evil", "text": "Evil text."},
        {"id": "a/b", "text": "Nested text."},
        {"id": "/tmp/abs", "text": "Absolute text."},
        {"id": "0123456789abcdef/../../x", "text": "Traversal text."},
        {"id": "0123456789ABCDEF", "text": "Upper text."},
        {"id": "0123456789abcdef\n", "text": "Newline text."},
    ]
    source = work / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in lines), "utf-8")
    before = {p for p in tmp_path.rglob("*")}
    done = subprocess.run([sys.executable, "-m", "cleaners.cli", "export", str(source), "--txt", str(out)],
                          cwd=out.parent, capture_output=True, text=True, check=False)
    assert done.returncode == 3, done.stderr  # some lines skipped
    created = {p for p in tmp_path.rglob("*")} - before
    assert created == {out, out / f"000_{good}.txt"}, sorted(map(str, created))
    assert (out / f"000_{good}.txt").read_text("utf-8") == "Good text."
    for number in range(2, len(lines) + 1):
        assert f"in.jsonl:{number}: not a cleanwire record" in done.stderr
    assert "1 files written" in done.stderr and f"{len(lines) - 1} lines skipped" in done.stderr


def test_default_feed_path_uses_only_the_spider_name_and_date(sites, tmp_path):
    """(f) without -o the records go to output/<spider>/<date>.jsonl: the template names nothing but
    the spider and the date, every spider's name is a plain word, and a page whose URL and title carry
    "../" changes nothing."""
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.project import get_project_settings

    from crawler.feeds import uri_params

    settings = get_project_settings()
    template = settings.get("CLEANWIRE_DEFAULT_FEED")
    assert set(re.findall(r"%\((\w+)\)", template)) == {"name", "date"}
    assert all(re.fullmatch(r"[a-z0-9_]+", n) for n in SpiderLoader.from_settings(settings).list())
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", uri_params({}, None)["date"])

    a = sites({"/": listing(["/..%2F..%2F..%2Fescape.html"]),
               "/..%2F..%2F..%2Fescape.html": article("../../../../tmp/escaped", "escape path")})
    run_in = tmp_path / "run"
    run_in.mkdir()
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([*SCRAPY, "crawl", "news", "-a", f"start_urls={a.url()}", *FAST], cwd=run_in, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    today = time.strftime("%Y-%m-%d", time.gmtime())
    files = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert files == ["run/output/.state/news.sqlite", f"run/output/news/{today}.jsonl"], files
    [record] = [json.loads(x) for x in (run_in / "output" / "news" / f"{today}.jsonl").read_text("utf-8").splitlines()]
    assert "escape" in record["url"]
