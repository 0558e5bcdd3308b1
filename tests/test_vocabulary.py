"""The vocabulary module: class words and phrase kinds as data, well-formed for the rules that use them, and
the one reader of class and id names (whole words in their context)."""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaners import clean_html
from cleaners import vocabulary as V
from cleaners.density import class_weight
from cleaners.dom_rules import cookie
from cleaners.vocabulary import class_words, name_parts

from ._support import P1, P2, P3, P4, apply_dom, body_text, page, removed


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
    return class_weight(LexborHTMLParser(html).css_first("div"))


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


def test_cmp_as_a_components_prefix_is_no_consent_banner_a_consent_manager_still_goes():
    """`cmp-` opens the names of a content system's components (`cmp-text`, `cmp_notification`): the
    text in them stays. A consent manager's box (`cmpbox`, `qc-cmp2-container`) still goes."""
    assert "cmp" not in class_words("cmp-text") and "cmp" not in class_words("cmp_notification")
    assert "cmp" in class_words("qc-cmp2-container") and "cmp" in class_words("cmp")
    banner = ("<div class='qc-cmp2-container'><p>We and our partners store data on your device. "
              "<button>Agree</button></p></div>")
    body = (f"<div class='cmp-text'><h3>Boats at the pier</h3><p>{PROSE}</p></div>"
            f"<div class='cmp_notification'>To book a berth you must be registered and logged in.</div>"
            f"<p>{P1}</p><p>{P2}</p>")
    html = page(body, outside_after=banner.replace("qc-cmp2-container", "cmpbox") + banner)
    tree, ctx = apply_dom(cookie, html)
    assert PROSE in body_text(tree) and "must be registered" in body_text(tree)
    assert len(removed(ctx, "dom.cookie")) == 2 and "partners store data" not in body_text(tree)
    doc = clean_html(html)
    assert PROSE in doc.text and "must be registered and logged in" in doc.text and P2 in doc.text
    assert "partners store data" not in doc.text


@pytest.mark.parametrize("cls", ["related-note", "share-info", "promo-text", "tags-intro"])
def test_a_block_that_reads_as_prose_is_not_taken_for_one_class_word(cls):
    body = f"<p>{P1}</p><div class='{cls}'>{PROSE}</div><p>{P2}</p>{MENU.format(cls='related')}<p>{P3}</p>"
    text = clean_html(page(body)).text
    assert PROSE in text and P1 in text and P3 in text
    assert "Islands" not in text


# ------------------------------------------------------------------ phrase kinds end to end, in other languages

ZH = ("维尔马港务局周二证实，旧粮食码头将在未来两个夏天内重建。工程师发现，木桩腐烂的速度远远超过了最初勘测的预计，"
      "部分桩基已经无法承受渡轮靠泊时的冲击。",
      "当地渔民自上世纪六十年代起就一直使用这座码头。他们表示，多年来一直有人提醒码头受损，如今终于等到了重建的决定，"
      "但也有人担心施工期间渔获将无处卸货。",
      "市议会交通委员会将于下月公布详细时间表，港口南端的临时浮动平台预计将在明年四月第一阶段拆除工程开始之前投入使用。")
DE = ("Die Hafenbehörde von Vellmar hat am Dienstag bestätigt, dass der alte Getreidesteg in den nächsten zwei Sommern "
      "neu gebaut wird, nachdem Ingenieure festgestellt hatten, dass die Holzpfähle viel schneller verrottet sind.",
      "Die Fischer, die den Steg seit den sechziger Jahren nutzen, sagten, sie seien seit Jahren vor den Schäden "
      "gewarnt worden, und begrüßten die Entscheidung, auch wenn einige fragten, wo sie ihren Fang anlanden sollen.",
      "Der Verkehrsausschuss des Rates wird im nächsten Monat einen genauen Zeitplan veröffentlichen, und eine "
      "schwimmende Plattform soll am südlichen Ende des Hafens öffnen, bevor der Abriss im April beginnt.")
RU = ("Портовое управление Вельмара во вторник подтвердило, что старый зерновой причал будет перестроен в течение "
      "двух следующих лет: инженеры обнаружили, что деревянные сваи сгнили гораздо быстрее, чем ожидалось.",
      "Местные рыбаки, которые пользуются причалом с шестидесятых годов, говорят, что о повреждениях предупреждали "
      "много лет, и приветствуют решение, хотя некоторые спрашивают, где они будут выгружать улов во время работ.",
      "Транспортный комитет совета опубликует подробный график в следующем месяце, а временная плавучая платформа "
      "откроется в южной части гавани до начала первого этапа сноса в апреле.")


def _article(lang: str, body: str) -> str:
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>Vellmar</title></head><body>"
            f"<main><article><h1>Vellmar</h1>{body}</article></main></body></html>")


@pytest.mark.parametrize(("lang", "paras", "junk"), [
    ("zh", ZH, ["相关阅读", "（责编：王文、李青）", "（完）"]),
    ("de", DE, ["Auch interessant", "Quelle: dpa", "Anzeige"]),
    ("ru", RU, ["Читайте также:", "Редактор: Анна Петрова", "Реклама"]),
])
def test_multilingual_junk_lines_go_and_the_paragraphs_stay(lang, paras, junk):
    body = (f"<p>{paras[0]}</p><p>{junk[0]}</p><p>{paras[1]}</p><p>{junk[2]}</p><p>{paras[2]}</p>"
            f"<p>{junk[1]}</p>")
    doc = clean_html(_article(lang, body))
    assert doc.text.split("\n") == list(paras)
    traced = " ".join(r.text for r in doc.trace)
    assert all(j in traced for j in junk)
