"""The page-type gate: listings, home pages and link farms give not_article, articles with links stay."""

from __future__ import annotations

import pytest

from cleaners import CleanError, clean_html

from ._support import PARAS


def _cards(n: int, block: str) -> str:
    return "".join(f"<div class='card'><{block}><a href='/story-{i}'>Headline number {i} about the harbour works"
                   f"</a></{block}> <span>Home &amp; Garden · 22/03/2026</span></div>" for i in range(n))


@pytest.mark.parametrize("block", ["span", "h3", "p"])
def test_a_listing_of_headline_links_is_not_an_article(block):
    page = f"<html><body><h1>Tag: home</h1>{_cards(6, block)}</body></html>"
    with pytest.raises(CleanError) as err:
        clean_html(page, url="http://listing.example/tag/home/")
    assert err.value.kind in ("not_article", "no_text")


def test_a_front_page_of_short_headlines_is_not_an_article():
    # five headlines of three words, under the 20 characters a headline link is otherwise taken to have
    heads = ["Ferry fares rise", "Library reopens Monday", "Pier works begin", "Council budget set", "Roof gets mended"]
    cards = "".join(f"<div class='teaser'><h2><a href='/news/{i}.html'>{h}</a></h2><span>3 March 2026</span></div>"
                    for i, h in enumerate(heads))
    with pytest.raises(CleanError) as err:
        clean_html(f"<html><body><h1>Meridian Courier</h1>{cards}</body></html>", url="http://a.example/")
    assert err.value.kind == "not_article"


def test_an_article_with_short_links_in_its_paragraphs_and_a_short_list_is_kept():
    # three-word links inside paragraphs, and a list of three short links below: still an article
    body = "".join(f"<p>{p} The <a href='/s{i}'>harbour survey report</a> has more.</p>" for i, p in enumerate(PARAS))
    links = "".join(f"<li><a href='/t{i}'>Pier works begin {i}</a></li>" for i in range(3))
    page = f"<html><body><article><h1>Pier to be rebuilt</h1>{body}<ul>{links}</ul></article></body></html>"
    doc = clean_html(page, url="http://news.example/2026/pier")
    assert all(p in doc.text for p in PARAS)


def test_an_article_with_inline_links_and_a_related_list_is_kept():
    body = "".join(f"<p>{p} See <a href='/x{i}'>the council's published survey of the pier</a>.</p>"
                   for i, p in enumerate(PARAS))
    page = f"<html><body><article><h1>Pier to be rebuilt</h1>{body}</article>{_cards(3, 'h3')}</body></html>"
    doc = clean_html(page, url="http://news.example/2026/pier")
    assert PARAS[0] in doc.text and PARAS[-1] in doc.text


def test_a_page_with_a_few_words_left_is_no_text():
    with pytest.raises(CleanError) as err:
        clean_html("<html><body><p>Coming soon.</p></body></html>", url="http://x.example/a")
    assert err.value.kind == "no_text"


def _split_page(rail: str = "") -> str:
    from ._support import P1, P2, P3, P4

    chunk = '<div class="story__chunk"><div class="story__text">{}</div></div><div class="ad-slot">Advertisement</div>'
    return ("<html><body><main><h1>Pier to be rebuilt</h1>"
            + chunk.format(f"<p>{P1}</p><p>{P2}</p>")
            + chunk.format(f"<p>{P3}</p><p>{P4}</p>")
            + f"{rail}</main></body></html>")  # a rail inside <main>: a sibling of the chunks


def test_an_article_split_into_chunks_between_ads_keeps_every_chunk():
    from cleaners.extract import continued_chunks
    from cleaners.pipeline import LexborHTMLParser

    from ._support import P1, P2, P3, P4

    tree = LexborHTMLParser(_split_page())
    assert continued_chunks(tree.root, [P1, P2]) == [P1, P2, P3, P4]
    assert continued_chunks(tree.root, [P1, P2, P3, P4]) == [P1, P2, P3, P4]  # nothing missing: unchanged
    doc = clean_html(_split_page(), url="http://news.example/2026/pier")
    assert all(p in doc.text for p in (P1, P2, P3, P4)) and "Advertisement" not in doc.text


def test_teaser_cards_that_share_a_class_are_not_taken_as_chunks():
    from cleaners.extract import continued_chunks
    from cleaners.pipeline import LexborHTMLParser

    from ._support import P1, P2

    teaser = ('<div class="story__chunk"><h3><a href="/other">Another story about the ferry timetable</a></h3>'
              '<div class="story__text"><p>{0}</p><p>{0}</p></div></div>')
    text = "A teaser of another story, long enough to look like a paragraph of some article text here."
    page = _split_page(teaser.format(text))
    tree = LexborHTMLParser(page)
    assert text not in continued_chunks(tree.root, [P1, P2])
