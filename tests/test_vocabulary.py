"""The vocabulary module: class words and phrase kinds as data, well-formed for the rules that use them, and
the one reader of class and id names (whole words in their context)."""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaners import clean_html
from cleaners import vocabulary as V
from cleaners.density import _class_weight
from cleaners.vocabulary import class_words, name_parts

from ._support import P1, P2, P3, P4, page


def test_class_words_are_lower_case_and_non_empty():
    for concept, words in V.CLASS_WORDS.items():
        assert words, concept
        assert all(w == w.lower() and w.strip() == w and " " not in w for w in words), concept


def test_every_phrase_compiles_and_the_languages_are_codes():
    for concept, by_lang in V.PHRASES.items():
        for lang, phrases in by_lang.items():
            assert re.fullmatch(r"[a-z]{2}", lang), (concept, lang)
            assert phrases, (concept, lang)
            for phrase in phrases:
                re.compile(phrase)


def test_alternation_keeps_the_order_and_can_pick_languages():
    assert V.alternation(("a", "b")) == "(?:a|b)"
    group = V.alternation(V.READ_MORE, ("de",))
    assert re.fullmatch(group, "lesen sie auch") and not re.fullmatch(group, "read more")


# ------------------------------------------------------------------ one reader of class and id names

#: Two sentences of our own, the length of a short paragraph.
PROSE = ("The ferry timetable for the outer islands will not change while the pier is closed. Crews will use the "
         "floating platform at the southern end of the harbour instead, the port office said.")
MENU = "<div class='{cls}'><a href='/'>Home</a> <a href='/harbour'>Harbour</a> <a href='/islands'>Islands</a></div>"
TAGS = ("<div class='{cls}'><a href='/t/pier'>pier</a>, <a href='/t/ferry'>ferry</a>, "
        "<a href='/t/council'>council</a></div>")


@pytest.mark.parametrize("name, parts", [
    ("nav_nur_die_folie__1", ("nav", "nur", "die", "folie")),
    ("eventDetailsContentTags", ("event", "details", "content", "tags")),
    ("c-article__share-bar", ("article", "share", "bar")),
    ("articlebody", ("article", "body")),
    ("td-post-sharing2", ("post", "sharing")),
    ("XMLHttpNav", ("xml", "http", "nav")),
])
def test_names_split_at_punctuation_camel_case_digits_and_glued_words(name, parts):
    assert name_parts(name) == parts


@pytest.mark.parametrize("name, word", [("canvas-wrap", "nav"), ("football-report", "foot"), ("unavailable", "nav"),
                                        ("domain-card", "main"), ("context-box", "text"), ("shadow", "ad")])
def test_words_are_whole_never_substrings(name, word):
    assert word not in class_words(name)


def test_words_after_a_content_noun_in_a_long_compound_qualify_the_content():
    assert "tags" not in class_words("eventDetailsContentTags")
    assert "gdpr" in class_words("moove-gdpr-tab-main-content")  # before the content noun: the box's own name
    assert {"article", "tags"} <= class_words("article-tags")  # a short compound: a tag list of the article


def _weight(html: str) -> int:
    return _class_weight(LexborHTMLParser(html).css_first("div"))


def test_the_content_finder_reads_class_words_whole():
    assert _weight("<div class='canvas-holder'></div>") == 0
    assert _weight("<div class='football-story'></div>") == 25
    assert _weight("<div class='site-sidebar'></div>") == -25
    assert _weight("<div class='post-sharing'></div>") == 0  # both: a post's share bar
    assert _weight("<div class='subNavi'></div>") == -25


def test_a_sub_heading_with_a_slug_id_that_starts_like_nav_stays():
    body = (f"<p>{P1}</p><h2 id='nav_nur_die_folie__1'>Nur die Folie bleibt am Steg</h2><p>{P2}</p>"
            f"{MENU.format(cls='site-nav')}<p>{P3}</p>")
    text = clean_html(page(body)).text
    assert "Nur die Folie bleibt am Steg" in text and P2 in text and P3 in text
    assert "Islands" not in text


def test_an_event_text_whose_class_ends_in_tags_stays_and_a_tag_list_goes():
    body = (f"<p>{P2}</p><div class='eventDetailsContentTags'><p>{P1}</p></div>"
            f"<p>{P3}</p>{TAGS.format(cls='article-tags')}<p>{P4}</p>")
    text = clean_html(page(body)).text
    assert all(p in text for p in (P1, P2, P3, P4))
    assert "council" not in text.split(P4)[-1] and ", ferry," not in text


@pytest.mark.parametrize("cls", ["related-note", "share-info", "promo-text", "tags-intro"])
def test_a_block_that_reads_as_prose_is_not_taken_for_one_class_word(cls):
    body = f"<p>{P1}</p><div class='{cls}'>{PROSE}</div><p>{P2}</p>{MENU.format(cls='related')}<p>{P3}</p>"
    text = clean_html(page(body)).text
    assert PROSE in text and P1 in text and P3 in text
    assert "Islands" not in text
