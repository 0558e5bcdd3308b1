"""Standfirsts (the lead paragraph under the headline) are kept whatever their box is called and
a few boxes away from the <h1>; captions, bylines and promos near the <h1> are not taken for one.

The pages put the headline and the standfirst in a page header outside the story's body, as news
sites do, so the content finder leaves them out and `extract.lead_paragraph` has to find the lead.
"""

from __future__ import annotations

import pytest

from cleaners import clean_html
from cleaners.density import content_lines, content_nodes
from cleaners.extract import lead_paragraph
from cleaners.pipeline import LexborHTMLParser

from ._support import P1, P2, P3, P4, PARAS, TITLE, paras_html

LEAD = ("Engineers found the timber piles had rotted faster than anyone expected, and the council has now agreed "
        "to pay for a new concrete deck.")
URL = "https://news.example/2026/03/pier-rebuilt"


def _page(head: str, body: str | None = None) -> str:
    """A news page: navigation, a page header (`head`, holding the <h1>), the story's body, a footer."""
    body = paras_html(*PARAS) if body is None else body
    return (f"<html lang='en'><head><title>{TITLE} | Vellmar Gazette</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/town'>Town</a> <a href='/sport'>Sport</a></nav>"
            f"<div class='page'><div class='story-head'>{head}</div>"
            f"<main><article><div class='story-body'>{body}</div></article></main></div>"
            "<footer><p>Vellmar Gazette, 1 Quay Street.</p></footer></body></html>")


def _text(html: str) -> str:
    return clean_html(html, url=URL).text


#: one standfirst box per naming style or language, right under the <h1>
NAMED = {
    "articleIntro": f"<h1>{TITLE}</h1><div class='articleIntro'>{LEAD}</div>",
    "o-article__intro": f"<h1>{TITLE}</h1><p class='o-article__intro'>{LEAD}</p>",
    "vorspann": f"<h1>{TITLE}</h1><p id='vorspann'>{LEAD}</p>",
    "chapo": f"<h1>{TITLE}</h1><div class='chapo'><p>{LEAD}</p></div>",
    "deck": f"<h1>{TITLE}</h1><h2 class='article-deck'>{LEAD}</h2>",
    "subtitle": f"<h1>{TITLE}</h1><h2 class='story-subtitle'>{LEAD}</h2>",
    "lead": f"<h1>{TITLE}</h1><div class='lead'><p>{LEAD}</p></div>",
    "teaser-alone": f"<h1>{TITLE}</h1><p class='teaser'>{LEAD}</p>",
    "summary": f"<h1>{TITLE}</h1><div class='summary'>{LEAD}</div>",
    "standfirst": f"<h1>{TITLE}</h1><p class='standfirst'>{LEAD}</p>",
    "excerpt": f"<h1>{TITLE}</h1><span class='post-excerpt'>{LEAD}</span>",
    "leadText-camel": f"<h1>{TITLE}</h1><section class='articleLeadText'>{LEAD}</section>",
    "bajada": f"<hgroup class='titulo'><h1>{TITLE}</h1><strong class='bajada'>{LEAD}</strong></hgroup>",
    # a teaser alone under the headline, with white space between the boxes (as a template writes them)
    "teaser-alone-indented": f"<h1>{TITLE}</h1>\n  <div class='story-teaser'>{LEAD}</div>\n  ",
}


def test_the_standfirst_is_not_in_the_body_the_content_finder_takes():
    """The pages really need the repair: the body alone does not hold the lead."""

    tree = LexborHTMLParser(_page(NAMED["standfirst"]))
    assert LEAD not in "\n".join(content_lines(content_nodes(tree.body)))


@pytest.mark.parametrize("name", sorted(NAMED))
def test_a_standfirst_named_in_any_style_is_kept_first(name):
    text = _text(_page(NAMED[name]))
    assert text.split("\n")[0] == LEAD, text
    assert all(p in text for p in PARAS) and text.count(LEAD) == 1


#: the standfirst a few boxes away from the <h1>
DISTANT = {
    # the <h1> in a title row, a picture between, the lead in the next row
    "grandparent-sibling": (f"<div class='row title'><div class='col'><p>Harbour</p><h1>{TITLE}</h1></div></div>"
                            "<img src='/pier.jpg' alt=''>"
                            "<div class='row'><div class='col'>"
                            f"<div class='lead-text'><p>{LEAD}</p></div></div></div>"),
    # a byline and a share bar between the <h1> and the lead
    "past-byline-and-share": (f"<h1>{TITLE}</h1><div class='byline'>By Ann Example, harbour reporter</div>"
                              "<div class='share'><a href='/s'>Share</a></div>"
                              f"<div class='article__intro'><div class='summary'>{LEAD}</div></div>"),
    # the dek inside the header's meta box, next to the author
    "inside-meta": (f"<div class='head'><h1>{TITLE}</h1></div><div class='article-meta'>"
                    f"<span class='author'>Ann Example</span><p class='dek'>{LEAD}</p></div>"),
    # the <h1> and the lead's paragraph in a box named as the intro
    "intro-box": f"<header class='intro'><h1>{TITLE}</h1><p>{LEAD}</p></header>",
    # ... two levels up, past a layout box
    "intro-grandparent": f"<div class='page-intro'><div class='text-center'><h1>{TITLE}</h1><p>{LEAD}</p></div></div>",
}


@pytest.mark.parametrize("layout", sorted(DISTANT))
def test_a_standfirst_a_few_boxes_from_the_h1_is_kept(layout):
    text = _text(_page(DISTANT[layout]))
    assert text.split("\n")[0] == LEAD, text
    assert all(p in text for p in PARAS)


def test_a_standfirst_box_of_two_paragraphs_gives_both_in_order():
    second = "The first phase of the work begins in April, when the north berth closes to the fishing fleet."
    text = _text(_page(f"<h1>{TITLE}</h1><div class='vorspann'><p>{LEAD}</p><p>{second}</p></div>"))
    assert text.split("\n")[:2] == [LEAD, second]


def test_a_chinese_standfirst_is_kept():
    lead = "工程师发现旧码头的木桩腐烂速度远超预期，市议会已同意出资建造新的混凝土码头面，工程将于四月开始。"
    text = _text(_page(f"<h1>{TITLE}</h1><div class='summary'>{lead}</div>"))
    assert text.split("\n")[0] == lead


def test_a_lead_already_in_the_body_is_not_repeated():
    """The body holds the lead with other spacing around a link: it is the same paragraph."""
    linked = LEAD.replace("the council", "<a href='/council'>the council</a> ")
    text = _text(_page(f"<h1>{TITLE}</h1><p class='standfirst'>{LEAD}</p>",
                       body=f"<p>{linked}</p>" + paras_html(P1, P2, P3, P4)))
    assert text.count("Engineers found the timber piles") == 1


#: boxes near the <h1> that are not a standfirst, each with a sentence that reads like one
NOT_LEADS = {
    # the lead picture's caption, in a box named "lead"
    "lead-image-caption": (f"<h1>{TITLE}</h1><div class='lead-image'><img src='/pier.jpg' alt=''>"
                           f"<p class='lead-caption'>{LEAD}</p></div>"),
    "figcaption": (f"<h1>{TITLE}</h1><figure class='intro'><img src='/pier.jpg' alt=''>"
                   f"<figcaption>{LEAD}</figcaption></figure>"),
    # a promo box for the newsletter, named as a summary
    "newsletter-summary": f"<h1>{TITLE}</h1><div class='newsletter-summary'><p>{LEAD}</p></div>",
    # teaser cards of other stories: one of several, not alone under the headline
    "teaser-cards": (f"<h1>{TITLE}</h1><div class='teaser'><p>{LEAD}</p></div>"
                     "<div class='teaser'><p>Another story about the ferry timetable and its new winter times.</p>"
                     "</div>"),
    # excerpts of related posts in a list near the headline
    "related-excerpts": (f"<h1>{TITLE}</h1><ul class='posts'><li><a href='/other'>Ferry times change</a>"
                         f"<span class='excerpt'>{LEAD}</span></li></ul>"),
    # a byline with its dates in a box named as the subtitle
    "byline-subtitle": (f"<h1>{TITLE}</h1>"
                        "<div class='subtitle'>ANN EXAMPLE Mar. 3, 2026 Updated: Mar. 3, 2026 9:05 a.m.</div>"),
    # a teaser named box far from the headline, after the first box
    "teaser-later": (f"<h1>{TITLE}</h1><div class='kicker'>Harbour works</div>"
                     f"<div class='teaser'><p>{LEAD}</p></div>"),
}


@pytest.mark.parametrize("layout", sorted(NOT_LEADS))
def test_a_caption_byline_or_promo_near_the_h1_is_not_taken_for_a_standfirst(layout):
    tree = LexborHTMLParser(_page(NOT_LEADS[layout]))
    found = lead_paragraph(tree.root, "\n".join(PARAS))
    assert found is None or ("Engineers found" not in found and "ANN EXAMPLE" not in found), found
    text = _text(_page(NOT_LEADS[layout]))
    assert text.split("\n")[0] == P1 and all(p in text for p in PARAS), text


def test_a_lead_named_box_far_down_the_page_is_not_a_standfirst():
    """Only the few boxes after the <h1> are read: a summary box at the end of the page is not a lead."""
    head = f"<h1>{TITLE}</h1>" + "".join(f"<div class='row'><p>Box {i}</p></div>" for i in range(6))
    html = _page(head + f"<div class='summary'>{LEAD}</div>")
    tree = LexborHTMLParser(html)
    assert lead_paragraph(tree.root, "\n".join(PARAS)) is None


def test_the_paragraphs_after_the_h1_in_an_intro_box_are_kept_in_order():
    second = "The first phase of the work begins in April, when the north berth closes to the fishing fleet."
    text = _text(_page(f"<header class='article-intro'><h1>{TITLE}</h1><p>{LEAD}</p><p>{second}</p></header>"))
    assert text.split("\n")[:3] == [LEAD, second, P1]


#: a lead set between the headline and the body in a box of no telling name (a hero's text, a stage,
#: an unnamed column), the body's box starting further down the page
UNNAMED = {
    "hero-text": f"<div class='hero'><h1>{TITLE}</h1><div class='hero__text'><p>{LEAD}</p></div></div>",
    "stage-body": (f"<div class='stage'><div class='stage_head'><h1>{TITLE}</h1></div>"
                   f"<div class='stage_body'><p>{LEAD}</p></div></div>"),
    "past-picture-and-byline": (f"<h1>{TITLE}</h1><figure><img src='/pier.jpg' alt=''><figcaption>The pier at low "
                                "tide, seen from the ferry slip last winter.</figcaption></figure>"
                                "<div class='byline'>By Ann Example, harbour reporter, on the third of March</div>"
                                f"<div class='col'><p>{LEAD}</p></div>"),
}


@pytest.mark.parametrize("layout", sorted(UNNAMED))
def test_a_lead_between_the_headline_and_the_body_is_kept_first(layout):
    """The lead's box has no standfirst name: it is the prose between the page's headline and the
    body the content finder chose, so it is taken, before the body, once."""
    html = _page(UNNAMED[layout])
    tree = LexborHTMLParser(html)
    assert lead_paragraph(tree.root, "\n".join(PARAS)) is None  # no box named as a standfirst
    text = _text(html)
    assert text.split("\n")[0] == LEAD, text
    assert all(p in text for p in PARAS) and text.count(LEAD) == 1


#: boxes between the headline and the body whose sentences read as a lead but are not one
NOT_BETWEEN = {
    "disclosure": ("<div class='editorial-disclosure'><p>This page holds links to our partners, and we may be paid "
                   "when a reader follows them to buy a ticket.</p></div>"),
    "consent-placeholder": ("<div class='video-embed gdpr-consent'><p>To watch this video you have to accept the "
                            "cookies of the video platform first.</p></div>"),
    "side-widget": ("<div class='widget about-me'><p>I am the harbour's amateur historian, and on this site I write "
                    "about boats and the people who sail them.</p></div>"),
    "teaser-list": ("<ul class='more'><li><p>Another story about the ferry timetable, and how its winter times are "
                    "changing this year.</p></li></ul>"),
}


@pytest.mark.parametrize("box", sorted(NOT_BETWEEN))
def test_a_disclosure_consent_box_or_widget_before_the_body_is_no_lead(box):
    """A real lead right after the headline is kept; the furniture between it and the body is not,
    nor a second paragraph in another box after the lead (a lead is one run of paragraphs)."""
    junk = NOT_BETWEEN[box]
    html = _page(f"<div class='hero'><h1>{TITLE}</h1></div>{junk}")
    text = _text(html)
    assert all(p in text for p in PARAS), text
    assert "harbour's amateur historian" not in text and "may be paid" not in text
    assert "accept the cookies" not in text and "winter times" not in text
    text = _text(_page(f"<div class='hero'><h1>{TITLE}</h1><div class='hero__text'><p>{LEAD}</p></div></div>"
                       f"<div class='photo-note'><p>The pier was photographed by the harbour office on a calm "
                       f"morning in March.</p></div>"))
    assert text.split("\n")[0] == LEAD and "photographed by the harbour office" not in text, text


def test_a_lead_far_from_the_body_is_not_taken():
    """Hundreds of boxes between the headline and the body: not one story's parts."""
    filler = "".join(f"<div class='tile'><span>Tile {i}</span></div>" for i in range(450))
    text = _text(_page(f"<h1>{TITLE}</h1><div class='col'><p>{LEAD}</p></div>{filler}"))
    assert LEAD not in text and all(p in text for p in PARAS)


def test_prose_after_the_headline_is_no_lead_when_the_body_comes_first():
    """A featured box with its own `<h1>` and blurb set after the story's body: not the story's lead."""
    html = (f"<html><head><title>{TITLE}</title></head><body><main><article><div class='story-body'>"
            f"{paras_html(*PARAS)}</div></article>"
            f"<div class='featured'><h1>{TITLE}</h1><div class='blurb'><p>{LEAD}</p></div></div></main></body></html>")
    text = _text(html)
    assert all(p in text for p in PARAS) and LEAD not in text, text


def test_a_lead_under_a_headline_set_as_h2_is_kept():
    """The page's `<h1>`s hold the logo and the section's name; its headline is the `<h2>` that
    matches its title, and the lead under it, in a box of no telling name, is kept."""
    html = (f"<html><head><title>{TITLE} - Vellmar Gazette</title></head><body>"
            "<header><h1><a href='/'>Vellmar Gazette</a></h1><h1>Harbour news</h1></header>"
            f"<main><article><div class='top'><h2 class='title'>{TITLE}</h2><div class='txt'><p>{LEAD}</p></div>"
            f"</div><div class='story-body'>{paras_html(*PARAS)}</div></article></main></body></html>")
    text = _text(html)
    assert text.split("\n")[0] == LEAD, text
    assert all(p in text for p in PARAS)


def test_teaser_cards_after_a_body_that_holds_the_headline_are_no_lead():
    """The body the finder chose holds the `<h1>`; the cards of related stories after it have
    sentences that read as a lead, but nothing lies between the headline and the body."""
    cards = ("<section><h3>Related</h3><div class='card'><a href='/1'>Ferry fares</a><p>The operator says the fares "
             "will stay as they are until the spring, at the earliest.</p></div><div class='card'><a href='/2'>"
             "Dredging</a><p>Work on the east basin is expected to last six weeks in all.</p></div></section>")
    html = (f"<html><head><title>{TITLE}</title></head><body><main><article><h1>{TITLE}</h1>{paras_html(*PARAS)}"
            f"</article></main>{cards}</body></html>")
    text = _text(html)
    assert text.split("\n")[0] == P1 and "fares will stay" not in text, text


def test_a_lead_set_as_a_heading_in_its_own_box_is_kept_but_not_a_sub_heading():
    """A deck set in a heading's type (`<h2>`, a sentence or two) in a box of its own between the
    headline and the body is the lead and is kept, first; a sub-heading's few words there are not
    taken for one, nor a deck in the headline's own box (left to its name)."""
    html = _page(f"<div class='row'><div class='col'><h1>{TITLE}</h1></div></div>"
                 f"<div class='row'><div class='col'><h2>{LEAD}</h2></div></div>")
    text = _text(html)
    assert text.split("\n")[0] == LEAD, text
    assert all(p in text for p in PARAS) and text.count(LEAD) == 1
    text = _text(_page(f"<div class='row'><h1>{TITLE}</h1></div><div class='row'><h2>Harbour works</h2></div>"))
    assert "Harbour works" not in text and all(p in text for p in PARAS)
    text = _text(_page(f"<div class='title-wrap'><h1>{TITLE}</h1><h2>{LEAD}</h2></div>"))
    assert text.count(LEAD) <= 1 and all(p in text for p in PARAS)


def test_the_standfirst_is_looked_for_under_the_story_headline_not_the_logo():
    """The page's first `<h1>` is its logo (or a hidden label); the story's own `<h1>`, the one
    that matches its title, comes later with its standfirst under it: that one is kept."""
    html = (f"<html><head><title>{TITLE} | Vellmar Gazette</title></head><body>"
            "<header class='site'><div class='masthead'><a href='/'><h1>Vellmar Gazette</h1></a></div>"
            "<div class='tools'><a href='/search'>Search</a> <a href='/login'>Log in</a></div></header>"
            "<nav><a href='/'>Home</a> <a href='/town'>Town</a></nav>"
            f"<main><header class='story-top'><h1>{TITLE}</h1><div class='when'>3 March 2026</div>"
            f"<p class='standfirst'>{LEAD}</p></header>"
            f"<article><div class='story-body'>{paras_html(*PARAS)}</div></article></main></body></html>")
    tree = LexborHTMLParser(html)
    assert lead_paragraph(tree.root, "\n".join(PARAS)) is None  # from the logo, nothing is near enough
    assert lead_paragraph(tree.root, "\n".join(PARAS), tree.css("h1")[1]) == LEAD
    text = _text(html)
    assert text.split("\n")[0] == LEAD, text
    assert all(p in text for p in PARAS) and "Vellmar Gazette" not in text


def test_a_teaser_under_the_headline_past_its_picture_and_byline_is_kept():
    """A box named `teaser` is the standfirst when it is the first under the headline; a picture,
    a byline or a byline hidden for screen readers before it do not make it one of a listing's
    cards (a kicker before it still does: see `teaser-later`)."""
    head = (f"<h1>{TITLE}</h1><div class='sr-only'>An article by Ann Example, on the third of March</div>"
            "<figure><img src='/pier.jpg' alt=''></figure>"
            f"<div class='story-teaser'><p>{LEAD}</p></div>"
            "<div class='story-byline'>By Ann Example</div>")
    tree = LexborHTMLParser(_page(head))
    assert lead_paragraph(tree.root, "\n".join(PARAS)) == LEAD
    text = _text(_page(head))
    assert text.split("\n")[0] == LEAD, text
    assert all(p in text for p in PARAS) and text.count(LEAD) == 1


def test_a_named_standfirst_without_a_full_stop_is_kept_but_not_a_short_kicker():
    """Many standfirsts end without a stop. In a box named as one, a sentence of 80 characters or
    more is the lead however it ends; a few words there (a kicker, a label) are not, nor an
    unnamed sentence without a stop between the headline and the body."""
    lead = LEAD.rstrip(".")
    text = _text(_page(f"<h1>{TITLE}</h1><p class='entry-subtitle'>{lead}</p>"))
    assert text.split("\n")[0] == lead, text
    assert all(p in text for p in PARAS)
    text = _text(_page(f"<h1>{TITLE}</h1><p class='entry-subtitle'>Harbour works in the spring</p>"))
    assert "Harbour works" not in text and text.split("\n")[0] == P1, text
    text = _text(_page(f"<div class='hero'><h1>{TITLE}</h1><div class='hero__text'><p>{lead}</p></div></div>"))
    assert lead not in text and text.split("\n")[0] == P1, text


#: a standfirst named as one set right before the body, on a page whose headline gives no way to it
#: (no `<h1>`: an `<h3>` in a news module; or an `<h1>` in the breadcrumb)
BEFORE_BODY = {
    "news-module": (f"<html><head><title>{TITLE}</title></head><body><main><div class='news news-single'>"
                    f"<div class='article'><div class='header'><h3>{TITLE}</h3></div>"
                    "<div class='footer'><span class='news-list-date'>03.03.2026</span></div>"
                    f"<div class='teaser-text'><p>{LEAD}</p></div>"
                    f"<div class='news-text-wrap'>{paras_html(*PARAS)}</div></div></div></main></body></html>"),
    "breadcrumb-h1": (f"<html><head><title>{TITLE}</title></head><body><div class='crumbs'><ul><li>"
                      f"<a href='/'>Home</a></li><li><h1>{TITLE}</h1></li></ul></div>"
                      + "".join(f"<div class='tile'><span>Topic {i}</span></div>" for i in range(450))
                      + "<div class='page'>"
                      f"<div class='article-header'><h2>{TITLE}</h2><p class='article-excerpt'>{LEAD}</p></div>"
                      f"<div class='row'><div class='article-content'>{paras_html(*PARAS)}</div></div>"
                      "</div></body></html>"),
}


@pytest.mark.parametrize("layout", sorted(BEFORE_BODY))
def test_a_standfirst_named_as_one_right_before_the_body_is_kept(layout):
    text = _text(BEFORE_BODY[layout])
    assert text.split("\n")[0] == LEAD, text
    assert all(p in text for p in PARAS) and text.count(LEAD) == 1


def test_teaser_cards_or_a_caption_before_the_body_are_no_standfirst():
    """Before the body: a row of teaser cards (several boxes named the same), a lead picture's
    caption. Neither is taken for the standfirst; the body is kept whole."""
    cards = "".join(f"<div class='teaser'><p>{s}</p></div>" for s in (
        "The ferry timetable changes for the winter, and the first boat now leaves at seven.",
        "The library opens on Sundays from next month, the council said on Friday evening."))
    caption = f"<div class='lead-media'><img src='/pier.jpg' alt=''><p class='lead-caption'>{LEAD}</p></div>"
    for junk in (cards, caption):
        html = (f"<html><head><title>{TITLE}</title></head><body><main><div class='story'>{junk}"
                f"<div class='story-text'>{paras_html(*PARAS)}</div></div></main></body></html>")
        text = _text(html)
        assert text.split("\n")[0] == P1 and all(p in text for p in PARAS), text
        assert "ferry timetable" not in text and LEAD not in text, text


def test_a_long_intro_paragraph_in_a_box_named_as_one_is_kept():
    """A standfirst box may hold one long intro paragraph (a press office's summary, 800-1500
    characters): it is the lead when its box is named as one (here a news module's teaser box
    before the body, under an `<h3>` headline)."""
    long_lead = " ".join(["The council has agreed to pay for a new concrete deck on the old grain pier."] + [
        f"In the {n} week of the works the {part} of the pier will be closed to walkers and the harbour "
        "office will post the new opening times on its board by the ticket hall every Monday morning."
        for n, part in (("first", "north end"), ("second", "middle"), ("third", "south end"), ("fourth", "slipway"),
                        ("fifth", "crane berth"))])
    assert 800 < len(long_lead) < 1500
    html = BEFORE_BODY["news-module"].replace(LEAD, long_lead)
    tree = LexborHTMLParser(html)
    assert long_lead not in "\n".join(content_lines(content_nodes(tree.body)))  # the body leaves it out
    text = _text(html)
    assert text.split("\n")[0] == long_lead, text
    assert all(p in text for p in PARAS)
