"""Page metadata read from the selectolax tree (`cleaners.metadata`): JSON-LD first, then `<meta>`,
microdata, the URL, `<time>` and written-out dates, bylines. Pages invented for the tests."""

from __future__ import annotations

import json

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaners import clean_html
from cleaners.metadata import clean_authors, page_metadata

from ._support import PARAS, paras_html


def _meta(head: str = "", body: str = "", url: str | None = None) -> dict:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return page_metadata(LexborHTMLParser(html), url, html)


def _ld(obj) -> str:
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


def test_json_ld_news_article_in_a_graph():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "name": "Vellmar Gazette - News"},
        {"@type": "NewsArticle", "headline": "Ferry returns to the outer islands",
         "datePublished": "2026-03-04T07:15:00+00:00",
         "author": [{"@type": "Person", "name": "Mara Quill"}, {"@type": "Person", "name": "Ed Rourke"}],
         "publisher": {"@type": "Organization", "name": "Vellmar Gazette"}}]}
    meta = _meta(_ld(graph))
    assert meta == {"title": "Ferry returns to the outer islands", "authors": ["Mara Quill", "Ed Rourke"],
                    "published": "2026-03-04", "sitename": "Vellmar Gazette"}


def test_open_graph_and_meta_tags():
    head = ("<meta property='og:title' content='Harbour  budget   approved'>"
            "<meta property='og:site_name' content='Vellmar Gazette'>"
            "<meta property='article:published_time' content='2026-02-11T09:00:00Z'>"
            "<meta name='author' content='By Mara Quill and Ed Rourke'>")
    assert _meta(head) == {"title": "Harbour budget approved", "authors": ["Mara Quill", "Ed Rourke"],
                           "published": "2026-02-11", "sitename": "Vellmar Gazette"}


def test_microdata_author_name_and_date():
    body = ("<h1>Pier repairs begin</h1><span itemprop='author' itemscope><span itemprop='name'>Ada Lune</span>"
            "<a href='/authors/ada'>More by this author</a></span>"
            "<time itemprop='datePublished' datetime='2026-01-20'>20 January</time>")
    meta = _meta(body=body)
    assert (meta["title"], meta["authors"], meta["published"]) == ("Pier repairs begin", ["Ada Lune"], "2026-01-20")


def test_date_from_the_url_then_from_a_written_out_date():
    assert _meta(url="https://gazette.example/2026/03/09/pier-works/")["published"] == "2026-03-09"
    body = "<div class='post-date'>Posted March 9, 2026</div><p>Story.</p>"
    assert _meta(body=body, url="https://gazette.example/pier-works")["published"] == "2026-03-09"


def test_title_from_the_single_h1_else_the_title_element():
    assert _meta(body="<h1>Only headline</h1>")["title"] == "Only headline"
    assert _meta("<title>Tab title</title>", "<h1>One</h1><h1>Two</h1>")["title"] == "Tab title"


@pytest.mark.parametrize(("raw", "names"), [
    (["By Mara Quill"], ["Mara Quill"]),
    (["Mara Quill, Ed Rourke & Ada Lune"], ["Mara Quill", "Ed Rourke", "Ada Lune"]),
    (["https://gazette.example/authors/mara", "mara@gazette.example"], []),
    (["Mara Quill", "mara quill"], ["Mara Quill"]),
    (["This is a whole sentence about the harbour and not a name at all"], []),
])
def test_clean_authors(raw, names):
    assert clean_authors(raw) == names


def test_a_missing_field_is_none_not_a_guess():
    meta = _meta(body="<p>No headline, no date, no byline here at all.</p>")
    assert meta["authors"] == [] and meta["published"] is None and meta["sitename"] is None


def test_clean_html_record_carries_the_metadata():
    head = ("<meta property='og:title' content='Ferry returns'><meta property='og:site_name' content='Vellmar Gazette'>"
            + _ld({"@type": "NewsArticle", "datePublished": "2026-03-04", "author": {"name": "Mara Quill"}}))
    html = f"<html><head>{head}</head><body><article>{paras_html(*PARAS)}</article></body></html>"
    doc = clean_html(html, url="https://gazette.example/ferry-returns")
    assert (doc.title, doc.authors, doc.published, doc.source) == ("Ferry returns", ["Mara Quill"], "2026-03-04",
                                                                   "Vellmar Gazette")
