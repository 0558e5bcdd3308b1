"""A record's title, authors, URL and date on pages that dress them up: the site's name glued to the
headline, publishers and datelines in the byline, a canonical link to the home page, dates written
in other languages. Every page, name and sentence here is invented for the tests."""

from __future__ import annotations

import json

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaners import clean_html
from cleaners.metadata import clean_authors, page_metadata
from cleaners.pipeline import _page_url

from ._support import P1, P2, P3, P4


def _meta(head: str = "", body: str = "", url: str | None = None) -> dict:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return page_metadata(LexborHTMLParser(html), url, html)


def _ld(obj) -> str:
    return f"<script type='application/ld+json'>{json.dumps(obj, ensure_ascii=False)}</script>"


def _og(title: str, site: str | None = None) -> str:
    head = f"<meta property='og:title' content='{title}'>"
    return head + (f"<meta property='og:site_name' content='{site}'>" if site else "")


def _article(head: str = "", h1: str = "", first: str = P1) -> str:
    heading = f"<h1>{h1}</h1>" if h1 else ""
    return (f"<html><head><meta charset='utf-8'>{head}</head><body><article>{heading}<p>{first}</p><p>{P2}</p>"
            f"<p>{P3}</p><p>{P4}</p></article></body></html>")


# ------------------------------------------------------------------ titles


@pytest.mark.parametrize(("head", "url", "title"), [
    # the site's name after the headline, in the usual separators
    (_og("Ferry timetable changes for winter | Harbour Gazette", "Harbour Gazette"), None,
     "Ferry timetable changes for winter"),
    (_og("Ferry timetable changes for winter – Harbour Gazette", "Harbour Gazette"), None,
     "Ferry timetable changes for winter"),
    (_og("Harbour Gazette :: Ferry timetable changes for winter", "Harbour Gazette"), None,
     "Ferry timetable changes for winter"),
    # no og:site_name: the host names the site ("Gazette.example", a label of the host)
    (_og("Pier works begin in April - HarbourGazette.example"), "https://www.harbourgazette.example/pier",
     "Pier works begin in April"),
    (_og("Pier works begin in April_English_Harbourwire"), "https://english.harbourwire.example/2026/pier",
     "Pier works begin in April"),
    # the site's name has its own separators: it goes whole
    (_og("Pier works begin in April - Harbour Gazette | Island news, weather", "Harbour Gazette | Island news, "
         "weather"), None, "Pier works begin in April"),
    # the site's name inside the title, its tagline after it
    (_og("Pier works begin in April and last two summers | Harbour Gazette | Island news", "Harbour Gazette"),
     None, "Pier works begin in April and last two summers"),
    (_og("Pier works begin | HarbourGazette.example | All the news from the outer islands"),
     "https://harbourgazette.example/pier", "Pier works begin"),  # short, but the page's <h1>: see below
    # a section before the site's name, the headline after it: nothing is cut from the middle
    (_og("News | Harbour Gazette | Pier works begin in April", "Harbour Gazette"), None,
     "News | Harbour Gazette | Pier works begin in April"),
    # other scripts, full-width and unspaced separators
    (_og("港口新渡轮下月启航-海港日报", "海港日报"), None, "港口新渡轮下月启航"),
    (_og("여객선 운항 재개｜항구일보", "항구일보"), None, "여객선 운항 재개"),
    (_og("新しいフェリーが来月就航：港湾新聞", "港湾新聞"), None, "新しいフェリーが来月就航"),
    # a colon only beside the site's name
    (_og("Harbour Gazette: Pier works begin in April", "Harbour Gazette"), None, "Pier works begin in April"),
    (_og("Pier works begin in April : Harbour Gazette", "Harbour Gazette"), None, "Pier works begin in April"),
    (_og("Паром вернулся на острова — Морской вестник", "Морской вестник"), None, "Паром вернулся на острова"),
    (_og("عودة العبارة إلى الجزر | جريدة الميناء", "جريدة الميناء"), None, "عودة العبارة إلى الجزر"),
])
def test_the_site_name_is_cut_from_the_title(head, url, title):
    body = "<h1>Pier works begin</h1>" if title == "Pier works begin" else ""
    assert _meta(head, body, url=url)["title"] == title


def test_the_headline_the_page_prints_beats_an_og_title_with_a_suffix():
    """The JSON-LD headline or the `<h1>` tells which piece of the title is the headline, even when
    the rest names no site we know ("--Politics--" is a section, "Island Wire Daily" unknown)."""
    head = _og("港口新渡轮下月启航--时政--海港网") + _ld({"@type": "NewsArticle", "headline": "港口新渡轮下月启航"})
    assert _meta(head)["title"] == "港口新渡轮下月启航"
    assert _meta(_og("Ferry back on the winter route - Island Wire Daily"),
                 "<h1>Ferry back on the winter route</h1>")["title"] == "Ferry back on the winter route"


@pytest.mark.parametrize(("head", "body"), [
    # no piece names the site: the separator is the headline's own
    (_og("Covid-19 - what now for the island ferries", "Harbour Gazette"),
     "<h1>Covid-19 - what now for the island ferries</h1>"),
    (_og("Harbour dues - a short history"), ""),
    (_og("Harbour dues: what the council decided", "Harbour Gazette"), ""),  # a colon is no separator
    # the h1 is a section label longer pieces would be cut for: not the headline
    (_og("Storm warnings for the whole coast this weekend - Weather"), "<h1>Weather</h1>"),
])
def test_a_title_without_a_site_name_is_kept_whole(head, body):
    title = LexborHTMLParser(head).css_first("meta[property='og:title']").attributes["content"]
    assert _meta(head, body, url="https://gazette.example/news/1")["title"] == title


def test_a_logo_h1_linking_home_is_the_site_name_not_the_headline():
    body = ("<header><h1><a href='/' rel='home'>Harbour Gazette – Island news</a></h1></header>"
            "<article><h1>Pier works begin in April</h1></article>")
    head = "<title>Pier works begin in April | Harbour Gazette – Island news</title>"
    assert _meta(head, body)["title"] == "Pier works begin in April"
    head = "<title>Pier works begin in April | Harbour Gazette</title>"
    assert _meta(head, "<h1><a href='https://gazette.example/'>Harbour Gazette</a></h1>")["title"] == (
        "Pier works begin in April")


@pytest.mark.parametrize("logo", [
    "<h1 class='logo'>Harbour Gazette</h1>",
    "<h1 id='branding'><span>Harbour Gazette</span></h1>",
    "<h1><img src='/logo.png' alt=''>Harbour Gazette</h1>",
])
def test_a_masthead_h1_is_the_site_name(logo):
    head = "<title>Pier works | Harbour Gazette</title>"  # a headline shorter than the site's name
    assert _meta(head, logo + "<h2>Pier works</h2><p>Text.</p>")["title"] == "Pier works"
    # an <h1> that stands where the site's name stands in the title, with a headline much shorter
    # than it before, is not taken for the headline of a longer title either
    head = "<title>Pier works begin | Harbour Gazette News</title>"
    body = "<h1>Harbour Gazette News</h1><h1>Pier</h1>"
    assert _meta(head, body)["title"] == "Pier works begin | Harbour Gazette News"


def test_a_title_that_is_only_the_site_name_gives_way_to_the_h1():
    meta = _meta(_og("Harbour Gazette", "Harbour Gazette"), "<h1>Pier works begin in April</h1>")
    assert meta["title"] == "Pier works begin in April"


def test_the_record_title_has_no_site_name():
    html = _article(_og("Pier works begin in April | Harbour Gazette", "Harbour Gazette"), "Pier works begin in April")
    doc = clean_html(html, url="https://gazette.example/2026/03/pier")
    assert (doc.title, doc.source) == ("Pier works begin in April", "Harbour Gazette")
    assert P1 in doc.text


# ------------------------------------------------------------------ authors


def test_publishers_are_no_authors():
    ld = _ld({"@type": "NewsArticle", "author": [{"@type": "Organization", "name": "Harbourwire.at"}],
              "publisher": {"@type": "Organization", "name": "Harbourwire.at"}})
    assert _meta(ld, url="https://vellmar.harbourwire.at/stories/1")["authors"] == []
    head = _og("Pier works", "Harbour Gazette") + "<meta name='author' content='Harbour Gazette'>"
    assert _meta(head)["authors"] == []
    # the site's name written without spaces, as its host spells it
    assert _meta("<meta name='author' content='HarbourGazette'>", url="https://harbourgazette.example/a")[
        "authors"] == []
    # a domain name, and the address that follows it
    assert _meta("<meta name='author' content='HarbourWire.com, Vellmar, Norway'>")["authors"] == []
    # a reporter beside the publisher stays
    head = _og("Pier works", "Harbour Gazette") + "<meta name='author' content='Mara Quill, Harbour Gazette'>"
    assert _meta(head)["authors"] == ["Mara Quill"]


def test_a_dateline_is_no_author_but_a_one_word_name_is():
    first = ("VELLMAR, March 3 (Harbourwire) - " + P1)
    ld = _ld({"@type": "NewsArticle", "author": [{"name": "Mara Quill"}, {"name": "Vellmar"}]})
    doc = clean_html(_article(ld, "Pier works begin", first=first), url="https://harbourwire.example/pier")
    assert doc.authors == ["Mara Quill"]
    first = ("الميناء - أعلنت سلطة الميناء يوم الثلاثاء أن الرصيف القديم سيعاد بناؤه "
             "خلال الصيفين المقبلين بعد فحص الأعمدة.")
    ld = _ld({"@type": "NewsArticle", "author": [{"name": "الميناء"}, {"name": "سارة الحسن"}]})
    assert clean_html(_article(ld, "الرصيف", first=first)).authors == ["سارة الحسن"]  # no case: a dateline all the same
    ld = _ld({"@type": "NewsArticle", "author": {"name": "Amira"}})
    doc = clean_html(_article(ld, "Pier works begin", first="Amira, who has fished here for thirty years, "
                                                               "says the pier matters. " + P1))
    assert doc.authors == ["Amira"]  # "Amira, who": a name opening a sentence, not a dateline


@pytest.mark.parametrize(("raw", "names"), [
    (["View my complete profile"], []),
    (["Read more posts"], []),
    (["Ludwig van der Berg"], ["Ludwig van der Berg"]),
    (["Juan de la Cruz y Ana Ortega"], ["Juan de la Cruz", "Ana Ortega"]),
    (["Written by: Mara Quill"], ["Mara Quill"]),
    (["Verfasst von Ed Rourke"], ["Ed Rourke"]),
    (["von"], []),
    (["Mara Quill 8 March 2026"], ["Mara Quill"]),
    (["Mara Quill am 08.03.2026, 10:15 Uhr"], ["Mara Quill"]),
    (["mq 2026-03-08"], ["mq"]),
    (["Ed Rourke Monday, March 9"], ["Ed Rourke"]),
    (["Lia May", "Ana Domingo", "Jan"], ["Lia May", "Ana Domingo", "Jan"]),  # names that are also dates
    (["李明, 王芳"], ["李明", "王芳"]),
    (["Анна Петрова и Иван Смирнов"], ["Анна Петрова", "Иван Смирнов"]),
    (["سارة الحسن"], ["سارة الحسن"]),
    (["Mara Quill", "Ed Rourke", "MARA QUILL"], ["Mara Quill", "Ed Rourke"]),
])
def test_clean_authors_keeps_names_in_any_script_and_nothing_else(raw, names):
    assert clean_authors(raw) == names


# ------------------------------------------------------------------ URLs


def _url_page(canonical: str, og_url: str) -> str:
    return (f"<html><head><link rel='canonical' href='{canonical}'><meta property='og:url' content='{og_url}'>"
            f"</head><body><article><h1>Pier works begin</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body>"
            "</html>")


@pytest.mark.parametrize(("canonical", "og_url", "url"), [
    ("https://gazette.example/", "https://gazette.example/2026/03/pier-works", "https://gazette.example/2026/03/pier-works"),
    ("https://network.example", "https://gazette.example/2026/03/pier-works", "https://gazette.example/2026/03/pier-works"),
    ("https://gazette.example/2026/03/pier-works", "https://gazette.example/", "https://gazette.example/2026/03/pier-works"),
    ("https://gazette.example/?p=2895", "https://gazette.example/", "https://gazette.example/?p=2895"),
    ("https://gazette.example/", "https://gazette.example/", "https://gazette.example/"),
])
def test_a_canonical_link_to_the_home_page_gives_way_to_the_articles_og_url(canonical, og_url, url):
    html = _url_page(canonical, og_url)
    assert _page_url(LexborHTMLParser(html)) == url
    assert clean_html(html).url == url
    # the URL a caller gives (the crawler's) is the record's, whatever the page says
    assert clean_html(html, url="https://mirror.example/pier").url == "https://mirror.example/pier"


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(("markup", "day"), [
    (_ld({"@type": "NewsArticle", "datePublished": "Thu, 05 Mar 2026 09:00:00 +0100"}), "2026-03-05"),
    ("<meta name='publish-date' content='05.03.2026'>", "2026-03-05"),
    ("<meta name='publish-date' content='03/25/2026'>", "2026-03-25"),  # the month first: 25 is no month
    ("<meta property='article:published_time' content='2026/3/5 09:00'>", "2026-03-05"),
    ("<span itemprop='datePublished'>2026年3月5日 09:00</span>", "2026-03-05"),
    ("<span itemprop='datePublished'>2026년 3월 5일</span>", "2026-03-05"),
    ("<span itemprop='datePublished'>5 марта 2026</span>", "2026-03-05"),
    ("<span itemprop='datePublished'>Thu 9:30 AM, Mar 5, 2026</span>", "2026-03-05"),  # 9 is the hour
    ("<span itemprop='datePublished'>5 de marzo de 2026</span>", "2026-03-05"),
    ("<span itemprop='datePublished'>5. März 2026</span>", "2026-03-05"),
    ("<span itemprop='datePublished'>jeudi 5 mars 2026</span>", "2026-03-05"),
    ("<span itemprop='datePublished'>5 marca 2026</span>", "2026-03-05"),
])
def test_published_reads_dates_written_in_other_languages(markup, day):
    assert _meta(body=markup)["published"] == day
