"""The offline demo website (`crawler/demo`): both sites served by `serve_demo()`, fetched with urllib.

Checks the URL layout (home, paginated listings, per-source, tag and section pages), robots.txt,
sitemaps (plain and gzipped news sitemap), the RSS feed, the traps, and that `cleaners.clean_html`
turns every article into exactly the record `sitegen.expected_articles()` describes while refusing
every page that is not an article.

At the local address a page is cleaned with its site's profile named (`profile=`), as the
crawler does for a mirror (`-a base_url=`); under the real host the profile is found from the URL.
"""

from __future__ import annotations

import difflib
import email.utils
import gzip
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
import urllib.robotparser
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cleaners import CleanError, clean_html
from crawler.demo import sitegen
from crawler.demo.server import serve_demo

from .conftest import assert_borrows_nothing_from_the_seeds

ROOT = Path(__file__).resolve().parent.parent
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
EXPECTED = {site: sitegen.expected_articles(site) for site in sitegen.SITES}


@pytest.fixture(scope="module")
def urls():
    with serve_demo() as u:
        yield u


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, *, follow: bool = True, method: str = "GET", timeout: float = 10):
    """(status, headers, body) for any status: HTTP errors are answers too."""
    opener = urllib.request.build_opener() if follow else urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, method=method), timeout=timeout) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        with err:
            return err.code, err.headers, err.read()


def page(urls, site: str, path: str) -> bytes:
    status, headers, body = fetch(urls[site] + path.lstrip("/"))
    assert status == 200, f"{site} {path}: HTTP {status}"
    return body


def links(body: bytes, base: str) -> set[str]:
    """Paths of the page's links that stay on `base`."""
    hrefs = re.findall(r'href="([^"]+)"', body.decode("utf-8"))
    return {h.replace("&amp;", "&")[len(base) - 1:] for h in hrefs if h.startswith(base)}


def assert_same_text(actual: str, expected: str, where: str) -> None:
    if actual != expected:
        diff = "\n".join(difflib.unified_diff(expected.split("\n"), actual.split("\n"), "expected", "actual",
                                              lineterm="", n=1))
        pytest.fail(f"{where}: clean text differs\n{diff}")


# ------------------------------------------------------------------------- ground truth

def _prose(site: str) -> list[list[str]]:
    """Each article's prose paragraphs (the magazine's standfirst and body paragraphs)."""
    if site == "watch":
        return [a.paragraphs for a in sitegen.watch_articles()]
    return [[a.standfirst, *(d for kind, d in a.blocks if kind == "p")] for a in sitegen.mag_articles()]


def test_ground_truth_is_well_formed():
    assert len(EXPECTED["watch"]) == 30 and len(EXPECTED["mag"]) == 20
    seen: set[str] = set()
    for site in sitegen.SITES:
        for prose in _prose(site):
            assert 4 <= len(prose) <= 7
            for p in prose:
                assert 30 <= len(p.split()) <= 60, p
                assert p not in seen, f"paragraph used twice: {p}"
                seen.add(p)
        for e in EXPECTED[site]:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["published"])
            assert e["text"] == "\n".join(e["paragraphs"])
            assert " -0-" not in e["text"] and "Juche" not in e["text"]
    assert all(re.fullmatch(r"/newstream/\d{10}-\d+/[a-z0-9-]+/", e["url_path"]) for e in EXPECTED["watch"])
    assert all(re.fullmatch(r"/news/[a-z0-9-]+_art\d{5}\.html", e["url_path"]) for e in EXPECTED["mag"])
    assert {e["source"] for e in EXPECTED["watch"]} == {"KCNA.kp (En)", "Rodong Sinmun", "Voice of Korea", "Naenara"}


def test_demo_text_borrows_nothing_from_the_seed_documents():
    assert_borrows_nothing_from_the_seeds(" ".join(e["text"] for site in sitegen.SITES for e in EXPECTED[site]))


def test_pages_are_deterministic():
    base = "http://127.0.0.1:1/"
    for site in sitegen.SITES:
        a, b = sitegen.pages(site, base), sitegen.pages(site, base)
        assert a.keys() == b.keys()
        assert all(a[k].body == b[k].body for k in a)


# ------------------------------------------------------------------------- watch site layout

def test_watch_home_robots_and_private_page(urls):
    base = urls["watch"]
    home = page(urls, "watch", "/")
    assert "/private/secret-article/" in links(home, base)
    assert f'<link rel="canonical" href="{base}">' in home.decode()
    status, headers, robots = fetch(base + "robots.txt")
    assert status == 200 and headers.get_content_type() == "text/plain"
    assert "Disallow: /private/" in robots.decode() and f"Sitemap: {base}sitemap.xml" in robots.decode()
    rp = urllib.robotparser.RobotFileParser()
    rp.parse(robots.decode().splitlines())
    assert not rp.can_fetch("cleanwire", base + "private/secret-article/")
    assert rp.can_fetch("cleanwire", base + EXPECTED["watch"][0]["url_path"].lstrip("/"))
    # the page exists (a crawler that ignores robots.txt would get it)
    assert fetch(base + "private/secret-article/")[0] == 200


def test_watch_newstream_pagination_reaches_every_article(urls):
    base = urls["watch"]
    path, visited, found = "/newstream/", [], set()
    while path:
        body = page(urls, "watch", path).decode()
        visited.append(path)
        found |= {p for p in links(body.encode(), base) if p.startswith("/newstream/1")}
        m = re.search(r'<a class="page-link next" rel="next" href="([^"]+)">Next</a>', body)
        path = m[1][len(base) - 1:] if m else None
    assert visited == ["/newstream/", "/newstream/page/2/", "/newstream/page/3/"]
    assert found == {e["url_path"] for e in EXPECTED["watch"]}
    assert fetch(base + "newstream/page/4/")[0] == 404


def test_watch_source_and_tag_listings(urls):
    base = urls["watch"]
    for slug, label in (("kcna-kp-en", "KCNA.kp (En)"), ("naenara", "Naenara")):
        body = page(urls, "watch", f"/newstream/?source={slug}")
        want = {e["url_path"] for e in EXPECTED["watch"] if e["source"] == label}
        assert {p for p in links(body, base) if p.startswith("/newstream/1")} == want
    for tag in sitegen.watch_tags():
        body = page(urls, "watch", f"/tag/{tag}/")
        want = {e["url_path"] for e in EXPECTED["watch"] if tag in e["tags"]}
        assert {p for p in links(body, base) if p.startswith("/newstream/1")} == want


# ------------------------------------------------------------------------- magazine layout

def test_mag_home_sections_and_robots(urls):
    base = urls["mag"]
    home_links = links(page(urls, "mag", "/"), base)
    for trap in sitegen.TRAPS:
        assert trap in home_links, trap
    assert any(p.startswith("/video/") for p in home_links) and any(p.startswith("/podcast/") for p in home_links)
    news = {p for p in links(page(urls, "mag", "/news/"), base) if "_art" in p}
    assert news == {e["url_path"] for e in EXPECTED["mag"]}
    health = {p for p in links(page(urls, "mag", "/health/"), base) if "_art" in p}
    assert health == {e["url_path"] for e in EXPECTED["mag"] if e["section"] == "health"}
    robots = page(urls, "mag", "/robots.txt").decode()
    assert f"Sitemap: {base}sitemap.xml" in robots and f"Sitemap: {base}sitemap-news.xml.gz" in robots


# ------------------------------------------------------------------------- sitemaps and feeds

@pytest.mark.parametrize("site", sitegen.SITES)
def test_sitemap_lists_every_article(urls, site):
    base = urls[site]
    status, headers, body = fetch(base + "sitemap.xml")
    assert status == 200 and headers.get_content_type() == "application/xml"
    entries = ET.fromstring(body).findall(f"{SM}url")
    locs = [u.findtext(f"{SM}loc") for u in entries]
    assert sorted(locs) == sorted(base + e["url_path"].lstrip("/") for e in EXPECTED[site])
    by_loc = {base + e["url_path"].lstrip("/"): e for e in EXPECTED[site]}
    for u in entries:
        assert u.findtext(f"{SM}lastmod").startswith(by_loc[u.findtext(f"{SM}loc")]["published"])


def test_mag_news_sitemap_is_gzipped(urls):
    base = urls["mag"]
    status, headers, body = fetch(base + "sitemap-news.xml.gz")
    assert status == 200 and body[:2] == b"\x1f\x8b"
    root = ET.fromstring(gzip.decompress(body))
    got = {u.findtext(f"{SM}loc"): u.find(f"{NEWS}news").findtext(f"{NEWS}publication_date")
           for u in root.findall(f"{SM}url")}
    assert got.keys() == {base + e["url_path"].lstrip("/") for e in EXPECTED["mag"]}
    for e in EXPECTED["mag"]:
        assert got[base + e["url_path"].lstrip("/")].startswith(e["published"])


def test_mag_rss_feed(urls):
    base = urls["mag"]
    status, headers, body = fetch(base + "rss.xml")
    assert status == 200 and headers.get_content_type() == "application/rss+xml"
    items = ET.fromstring(body).findall("./channel/item")
    by_link = {i.findtext("link"): i for i in items}
    assert by_link.keys() == {base + e["url_path"].lstrip("/") for e in EXPECTED["mag"]}
    for e in EXPECTED["mag"]:
        item = by_link[base + e["url_path"].lstrip("/")]
        assert item.findtext("title") == e["title"]
        assert email.utils.parsedate_to_datetime(item.findtext("pubDate")).date().isoformat() == e["published"]


# ------------------------------------------------------------------------- traps and HTTP behaviour

def test_traps(urls):
    base = urls["mag"]
    assert fetch(base + "trap/500")[0] == 500
    assert fetch(base + "trap/404")[0] == 404
    status, headers, body = fetch(base + "trap/file.pdf")
    assert status == 200 and headers.get_content_type() == "application/pdf" and body.startswith(b"%PDF")
    # the redirect loop: one hop at a time, then a client that follows redirects gives up
    status, headers, _ = fetch(base + "trap/loop-a", follow=False)
    assert status == 302 and headers["Location"] == base + "trap/loop-b"
    status, headers, _ = fetch(base + "trap/loop-b", follow=False)
    assert status == 302 and headers["Location"] == base + "trap/loop-a"
    with pytest.raises(urllib.error.HTTPError, match="infinite loop"):
        urllib.request.urlopen(base + "trap/loop-a", timeout=10)
    # the huge page: over the crawler's 10 MB DOWNLOAD_MAXSIZE
    status, headers, _ = fetch(base + "trap/huge.html", method="HEAD")
    assert status == 200 and int(headers["Content-Length"]) > 10 * 1024 * 1024
    status, _, body = fetch(base + "trap/huge.html")
    assert status == 200 and len(body) > 10 * 1024 * 1024 and body.rstrip().endswith(b"</html>")


def test_slow_trap_answers_late(urls):
    base = urls["mag"]
    with pytest.raises((TimeoutError, urllib.error.URLError)):
        urllib.request.urlopen(base + "trap/slow", timeout=0.5)
    start = time.monotonic()
    status, _, body = fetch(base + "trap/slow")
    assert status == 200 and time.monotonic() - start >= sitegen.SLOW_SECONDS - 0.1
    with pytest.raises(CleanError):
        clean_html(body, url=base + "trap/slow")


def test_unknown_paths_and_missing_slash(urls):
    base = urls["watch"]
    assert fetch(base + "no/such/page/")[0] == 404
    status, headers, _ = fetch(base + "newstream", follow=False)
    assert status == 301 and headers["Location"] == base + "newstream/"


# ------------------------------------------------------------------------- cleaning: articles

def _cases(site: str):
    for i in range(len(EXPECTED[site])):
        yield pytest.param(site, i, id=f"{site}-{i:02d}")


@pytest.mark.parametrize(("site", "i"), [*_cases("watch"), *_cases("mag")])
def test_article_served_with_canonical(urls, site, i):
    e = EXPECTED[site][i]
    url = urls[site] + e["url_path"].lstrip("/")
    status, headers, body = fetch(url)
    assert status == 200 and headers.get_content_type() == "text/html"
    assert f'<link rel="canonical" href="{url}">' in body.decode()


#: the cleaner profile a mirror crawl of each demo site names (seeds/kcnawatch.toml, seeds/ohmymag.toml)
PROFILE = {"watch": "kcnawatch", "mag": "ohmymag"}


@pytest.mark.parametrize(("site", "i"), [pytest.param(s, i, id=f"{s}-{i:02d}")
                                         for s in sitegen.SITES for i in range(len(EXPECTED[s]))])
def test_article_text_at_local_url(urls, site, i):
    e = EXPECTED[site][i]
    url = urls[site] + e["url_path"].lstrip("/")
    doc = clean_html(page(urls, site, e["url_path"]), url=url, profile=PROFILE[site])
    assert_same_text(doc.text, e["text"], url)
    assert (doc.title, doc.published) == (e["title"], e["published"])
    if site == "mag":
        assert doc.sources == e["sources"] and doc.authors == e["authors"]


@pytest.mark.parametrize("site", sitegen.SITES)
def test_article_source_at_local_url(urls, site):
    for e in EXPECTED[site]:
        url = urls[site] + e["url_path"].lstrip("/")
        doc = clean_html(page(urls, site, e["url_path"]), url=url, profile=PROFILE[site])
        assert doc.source == e["source"], url
        if site == "watch":
            assert doc.original_url == e["original_url"], url


@pytest.mark.parametrize("site", sitegen.SITES)
def test_article_under_site_host(urls, site):
    """The same bytes cleaned under the real site's host (its cleaner profile applies)."""
    for e in EXPECTED[site]:
        url = "https://" + sitegen.SITE_HOSTS[site] + e["url_path"]
        doc = clean_html(page(urls, site, e["url_path"]), url=url)
        assert_same_text(doc.text, e["text"], url)
        assert (doc.title, doc.published, doc.source) == (e["title"], e["published"], e["source"]), url
        if site == "watch":
            assert doc.original_url == e["original_url"]


# ------------------------------------------------------------------------- cleaning: not articles

@pytest.mark.parametrize("site", sitegen.SITES)
def test_non_article_pages_are_refused(urls, site):
    for path in sitegen.listing_paths(site):
        body = page(urls, site, path)
        for url in (urls[site] + path.lstrip("/"), "https://" + sitegen.SITE_HOSTS[site] + path):
            with pytest.raises(CleanError) as info:
                clean_html(body, url=url)
            assert info.value.kind in ("not_article", "no_text"), (url, info.value.kind)


# ------------------------------------------------------------------------- the command line

def test_server_command_line():
    proc = subprocess.Popen([sys.executable, "-m", "crawler.demo.server"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        lines = dict(proc.stdout.readline().split() for _ in range(2))
        assert lines.keys() == {"watch", "mag"}
        for url in lines.values():
            assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", url)
            assert fetch(url + "robots.txt")[0] == 200
        proc.terminate()
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
