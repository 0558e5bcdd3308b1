"""Crawls against hostile or careless sites, each a real `scrapy crawl` subprocess against a small web
server this test starts on 127.0.0.1 (which logs every path asked for):

* breadth is bounded: sitemaps followed per sitemap index, requests made from one page's links,
  requests made by one crawl (CLEANWIRE_MAX_SITEMAPS_PER_INDEX, CLEANWIRE_MAX_LINKS_PER_PAGE,
  CLEANWIRE_MAX_REQUESTS), each named in the summary when hit;
* a header charset naming a codec that is no text encoding (rot13, base64...) loses no page;
* `since=` keeps old entries of a Google News sitemap (and old sitemaps of an index) from being
  fetched at all;
* spider arguments are checked before the crawl starts: one line, exit status 2.
"""

from __future__ import annotations

import re
import subprocess
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ._support import PARAS
from .conftest import ROOT
from .test_crawl import SCRAPY, crawl, summary_line

HTML = "text/html; charset=utf-8"
XML = "application/xml"


@contextmanager
def serve(pages: dict[str, tuple[str, bytes]]):
    """Serve `pages` (path -> (Content-Type, body)) on 127.0.0.1; yield (base URL, paths asked for,
    in order). Any other path is a 404 (robots.txt included)."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            found = pages.get(self.path)
            if found is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            content_type, body = found
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", hits
    finally:
        server.shutdown()
        server.server_close()


def article(title: str, links: tuple[str, ...] = ()) -> bytes:
    """An article page (invented prose) in UTF-8, with a non-ASCII word to show how it was decoded."""
    body = "".join(f"<p>{p}</p>" for p in (f"{title}: the café on the quay reopened this week.", *PARAS))
    more = "".join(f'<p><a href="{link}">More from the quay</a></p>' for link in links)
    return (f"<html><head><title>{title}</title></head><body><div class='post'><h1>{title}</h1>"
            f"<div class='body'>{body}</div></div>{more}</body></html>").encode()


def listing(links, title: str = "Vellmar Courier") -> bytes:
    anchors = "".join(f'<li><a href="{link}">Story {i}</a></li>' for i, link in enumerate(links))
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1><ul>{anchors}</ul></body></html>".encode()


def stub(n: int) -> bytes:
    return f"<html><body><p>Short note {n}.</p></body></html>".encode()


def bound_hit(line: str, setting: str) -> int:
    """How many the summary says the bound `setting` left out (0 when it was not hit)."""
    m = re.search(rf"(\d+) \w+ \({setting}\)", line)
    return int(m[1]) if m else 0


# ------------------------------------------------------------------------------------- bounds


def test_a_sitemap_index_of_5000_sitemaps_follows_the_100_most_recent(tmp_path):
    empty = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'
    pages = {f"/sm/{n}.xml": (XML, empty) for n in range(5000)}
    with serve(pages) as (base, hits):
        entries = "".join(f"<sitemap><loc>{base}sm/{n}.xml</loc><lastmod>{2000 + n // 365}-01-01</lastmod></sitemap>"
                          for n in range(5000))
        pages["/sitemap-index.xml"] = (XML, f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
                                            f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}'
                                            "</sitemapindex>".encode())
        done, _ = crawl("news", tmp_path, "-a", f"start_urls={base}sitemap-index.xml",
                        extra=["-s", "CLEANWIRE_MAX_SITEMAPS_PER_INDEX=100"], timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    followed = {int(p[4:-4]) for p in hits if p.startswith("/sm/")}
    assert len(followed) == 100
    # the most recently modified: the last 100 entries have the latest lastmod (n // 365 == 13)
    assert min(followed) >= 5000 - 365
    line = summary_line(done.stderr)
    assert bound_hit(line, "CLEANWIRE_MAX_SITEMAPS_PER_INDEX") == 4900, line


def test_a_page_with_many_links_gives_at_most_the_per_page_bound_of_requests(tmp_path):
    links = [f"/note/{n}.html" for n in range(300)]
    pages = {"/": (HTML, listing(links)), **{link: (HTML, stub(n)) for n, link in enumerate(links)}}
    with serve(pages) as (base, hits):
        done, _ = crawl("news", tmp_path, "-a", f"start_urls={base}", extra=["-s", "CLEANWIRE_MAX_LINKS_PER_PAGE=20"])
    assert done.returncode == 0, done.stderr[-3000:]
    asked = [p for p in hits if p.startswith("/note/")]
    assert sorted(asked) == sorted(links[:20])  # the first 20 links of the page
    line = summary_line(done.stderr)
    assert bound_hit(line, "CLEANWIRE_MAX_LINKS_PER_PAGE") == 280, line


def test_a_crawl_makes_at_most_max_requests_requests(tmp_path):
    # a home page, 10 sections, 10 distinct notes in each: 110 links to follow
    sections = [f"/s{i}/" for i in range(10)]
    pages = {"/": (HTML, listing(sections))}
    for i, section in enumerate(sections):
        notes = [f"{section}note-{j}.html" for j in range(10)]
        pages[section] = (HTML, listing([*notes, "/", *sections], title=f"Section {i}"))
        pages.update({note: (HTML, stub(10 * i + j)) for j, note in enumerate(notes)})
    with serve(pages) as (base, hits):
        done, _ = crawl("news", tmp_path, "-a", f"start_urls={base}", extra=["-s", "CLEANWIRE_MAX_REQUESTS=30"])
    assert done.returncode == 0, done.stderr[-3000:]
    asked = {p for p in hits if p != "/robots.txt"}  # the start page counts
    assert len(asked) == 30, sorted(asked)
    line = summary_line(done.stderr)
    assert bound_hit(line, "CLEANWIRE_MAX_REQUESTS") >= 110 - 30, line
    # bounds not hit are not named
    assert "CLEANWIRE_MAX_LINKS_PER_PAGE" not in line and "CLEANWIRE_MAX_SITEMAPS_PER_INDEX" not in line


def test_the_default_bounds_are_settings():
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    assert settings.getint("CLEANWIRE_MAX_SITEMAPS_PER_INDEX") == 10_000
    assert settings.getint("CLEANWIRE_MAX_LINKS_PER_PAGE") == 10_000
    assert settings.getint("CLEANWIRE_MAX_REQUESTS") == 200_000


# ------------------------------------------------------------------------------------- charsets

NOT_TEXT = ("rot13", "base64", "hex", "zlib", "idna", "undefined")


def test_a_header_charset_that_is_no_text_encoding_loses_no_page(tmp_path):
    paths = [f"/2026/03/{label}.html" for label in NOT_TEXT]
    pages = {"/": (HTML, listing([*paths, "/2026/03/octet.html"]))}
    for label, path in zip(NOT_TEXT, paths, strict=True):
        # each links on to one more article: the links of such a page are read too
        onward = (f"/2026/03/after-{label}.html",)
        pages[path] = (f"text/html; charset={label}", article(f"Quay report {label}", onward))
        pages[f"/2026/03/after-{label}.html"] = (HTML, article(f"Follow-up {label}"))
    pages["/2026/03/octet.html"] = ("application/octet-stream; charset=rot13", article("Quay report octet"))
    with serve(pages) as (base, hits):
        done, records = crawl("news", tmp_path, "-a", f"start_urls={base}")
    assert done.returncode == 0, done.stderr[-3000:]
    written = {r["url"][len(base) - 1:]: r for r in records}
    assert sorted(written) == sorted([*paths, *(f"/2026/03/after-{label}.html" for label in NOT_TEXT),
                                      "/2026/03/octet.html"])
    for path in paths:
        assert "the café on the quay" in written[path]["text"]  # decoded from its bytes (UTF-8)
    line = summary_line(done.stderr)
    assert "unknown charset, decoded from the bytes: 7" in line, line
    assert "errors: " not in line, line


# ------------------------------------------------------------------------------------- since=

NEWS_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


def news_entry(url: str, day: str) -> str:
    return (f"<url><loc>{url}</loc><news:news><news:publication><news:name>Vellmar Courier</news:name>"
            f"<news:language>en</news:language></news:publication><news:publication_date>{day}T08:00:00+00:00"
            f"</news:publication_date><news:title>Quay</news:title></news:news></url>")


def test_since_filters_a_google_news_sitemap_and_old_sitemaps_before_fetching(tmp_path):
    old = [f"/old/{n}.html" for n in range(3)]
    new = [f"/new/{n}.html" for n in range(3)]
    pages = {p: (HTML, article(f"Quay story {p}")) for p in [*old, *new, "/old/x.html"]}
    with serve(pages) as (base, hits):
        root = base.rstrip("/")
        entries = "".join(news_entry(root + p, "2026-03-01") for p in old) + \
            "".join(news_entry(root + p, "2026-03-25") for p in new)
        pages["/sitemap-index.xml"] = (XML, (
            '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{base}news-sitemap.xml</loc><lastmod>2026-03-25</lastmod></sitemap>"
            f"<sitemap><loc>{base}archive-2025.xml</loc><lastmod>2025-12-31</lastmod></sitemap>"
            "</sitemapindex>").encode())
        pages["/news-sitemap.xml"] = (XML, f'<?xml version="1.0"?><urlset {NEWS_NS}>{entries}</urlset>'.encode())
        pages["/archive-2025.xml"] = (XML, f'<?xml version="1.0"?><urlset {NEWS_NS}>'
                                           f'{news_entry(root + "/old/x.html", "2025-06-01")}</urlset>'.encode())
        done, records = crawl("news", tmp_path, "-a", f"start_urls={base}sitemap-index.xml",
                              "-a", "since=2026-03-20")
    assert done.returncode == 0, done.stderr[-3000:]
    assert not [p for p in hits if p.startswith("/old/")], hits  # never fetched
    assert "/archive-2025.xml" not in hits  # a sitemap not modified since: not fetched either
    assert sorted(p for p in hits if p.startswith("/new/")) == new
    assert sorted(r["url"][len(base) - 1:] for r in records) == new
    assert "cleanwire/skipped_older_than_since" in done.stderr


# ------------------------------------------------------------------------------------- arguments


def scrapy_crawl(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([*SCRAPY, "crawl", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                          check=False)


START = ["-a", "start_urls=http://127.0.0.1:9/"]


@pytest.mark.parametrize(("spider", "args", "named"), [
    ("news", [*START, "-a", "max_articles=abc"], "-a max_articles=abc: max_articles takes"),
    ("news", [*START, "-a", "max_articles=-5"], "-a max_articles=-5: max_articles takes"),
    ("news", [*START, "-a", "since=yesterday"], "-a since=yesterday: since takes a date"),
    ("news", [*START, "-a", "source=bogus"], "-a source=bogus: unknown source"),
    ("news", ["-a", "start_urls=ftp://127.0.0.1/"], "-a start_urls=ftp://127.0.0.1/: start_urls takes http"),
    ("news", [*START, "-a", "recrawl=always"], "-a recrawl=always: recrawl takes"),
    ("news", [*START, "-a", "language=english"], "-a language=english: language"),
    ("news", [*START, "-a", "language=eng"], "unknown language code eng (did you mean en?)"),
    ("news", [], "the news spider needs -a start_urls="),
    ("kcnawatch", ["-a", "source=nosuch"], "-a source=nosuch: unknown source; source takes one of kcna,"),
])
def test_bad_spider_arguments_are_one_line_and_exit_status_2(tmp_path, spider, args, named):
    done = scrapy_crawl(spider, *args, "-O", str(tmp_path / "out.jsonl"))
    assert done.returncode == 2, done.stderr[-3000:]
    assert done.stderr.strip() == done.stderr.strip().splitlines()[0], done.stderr[-3000:]  # one line
    assert named in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out.jsonl").exists()  # nothing started


def test_an_unknown_spider_argument_is_refused_with_the_accepted_names(tmp_path):
    done = scrapy_crawl("news", *START, "-a", "sinse=2026-01-01",
                        "-O", str(tmp_path / "out.jsonl"))
    assert done.returncode == 2, done.stderr[-3000:]
    (line,) = done.stderr.strip().splitlines()
    assert "-a sinse" in line
    from crawler.spiders.base import ARGUMENTS

    assert all(a.name in line for a in ARGUMENTS)


def test_scrapyd_job_argument_and_every_good_argument_still_work(tmp_path):
    pages = {"/": (HTML, listing(["/2026/03/one.html"])), "/2026/03/one.html": (HTML, article("Quay report one"))}
    with serve(pages) as (base, _hits):
        host = base.split("/")[2].split(":")[0]
        done, records = crawl("news", tmp_path, "-a", f"start_urls={base}", "-a", "_job=6487ec8",
                              "-a", "max_articles=5", "-a", "since=2026-01-01", "-a", "language=en",
                              "-a", f"allowed_domains={host}", "-a", "recrawl=changed")
    assert done.returncode == 0, done.stderr[-3000:]
    assert [r["url"] for r in records] == [f"{base}2026/03/one.html"]


def test_allowed_domains_takes_ip_addresses_and_international_names_but_no_urls():
    """IPv6 literals (the address guard's tests crawl `::ffff:127.0.0.1`), integer IPv4 spellings and
    internationalised names are hosts; a URL, a path or a user part is not."""
    from crawler.spiders.base import _domains

    hosts = "127.0.0.1,::ffff:127.0.0.1,[::1],2130706433,пример.рф,example.org:8080"
    assert _domains(hosts) == hosts.split(",")
    for bad in ("http://example.org", "example.org/news", "user@example.org", "two words"):
        with pytest.raises(ValueError):
            _domains(bad)
