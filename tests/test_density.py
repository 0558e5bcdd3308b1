"""cleanwire's own content finder (`cleaners.density`): which box it takes for the body, and what it
leaves out of it. Every case puts junk next to real paragraphs and checks both: the junk is gone (and
traced to the step that left it out) and every paragraph of the story is still there."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaners import CleanError, clean_html
from cleaners.density import (
    EXTRACT_STEPS,
    FRAME,
    LABEL,
    LINK_LINE,
    LINK_LIST,
    META_BOX,
    PICTURE,
    content_lines,
    content_nodes,
)
from cleaners.extract import MIN_BODY, extract_text

from ._support import P1, P2, P3, P4, PARAS, paras_html

# Invented for these tests: a comment thread under the story, in the words of its readers.
COMMENT_A = ("I have fished off that pier for thirty years and I can tell you the piles were soft long before "
             "anyone from the council came to look at them, so none of this is news to the crews down here.")
COMMENT_B = ("Rebuilding is fine, but who is going to pay for the floating platform, and will the ferry really "
             "be able to use it when the winter storms arrive, which is what everyone on the island keeps asking.")


def _lines(html: str, drops: list | None = None) -> list[str]:
    tree = LexborHTMLParser(html)
    nodes = content_nodes(tree.body)
    return content_lines(nodes, (lambda step, text: drops.append((step, text))) if drops is not None else None)


def _page(inner: str) -> str:
    return f"<html><body><div id='top'><a href='/'>Home</a> <a href='/news'>News</a></div>{inner}</body></html>"


def test_body_in_divs_and_line_breaks_is_found():
    """Text set straight into a <div> between <br>s (old CMS templates) is a body like any other."""
    story = "<br><br>".join(PARAS)
    lines = _lines(_page(f"<div class='wrap'><table><tr><td><img src='a.jpg'></td></tr></table><br>{story}</div>"))
    assert lines == list(PARAS)


def test_a_short_box_with_a_content_class_does_not_win_over_the_story():
    """A date line classed `article-date` scores for its class only up to what its text earns."""
    html = _page("<div class='article-date'>Posted on the fourth of March, 2026</div>"
                 f"<div class='text'>{paras_html(*PARAS)}</div>")
    assert _lines(html) == list(PARAS)


def test_body_split_into_chunks_between_ads_is_read_whole():
    chunks = "".join(f"<div class='grid'><div class='story-body'><p>{p}</p></div>"
                     f"<div class='ad-slot'>Advertisement</div></div>" for p in PARAS)
    assert _lines(_page(f"<main>{chunks}</main>")) == list(PARAS)


def test_reader_comments_never_win_even_when_longer_than_the_story():
    comments = "".join(f"<div class='comment'><div class='content'>{c}</div></div>" for c in (COMMENT_A, COMMENT_B) * 3)
    html = _page(f"<div class='story'>{paras_html(P1, P2)}</div><div id='comments'>{comments}</div>")
    lines = _lines(html)
    assert lines == [P1, P2]


def test_parent_of_the_best_box_is_taken_with_its_headings_quotes_and_lists():
    intro = "<div class='article-intro'><p>A rotten pier, a worried fleet and a floating stopgap for Vellmar.</p></div>"
    body = (intro + paras_html(P1, P2) + "<h2>What happens to the ferry</h2>" + paras_html(P3)
            + "<blockquote><p>We have patched that pier every winter for fifteen years.</p></blockquote>"
            + "<ul><li>The north berth closes in April.</li><li>The fish market moves to the quay.</li></ul>"
            + paras_html(P4))
    lines = _lines(_page(f"<article>{body}</article>"))
    for piece in (P1, P2, P3, P4, "What happens to the ferry", "We have patched that pier every winter for fifteen "
                  "years.", "- The north berth closes in April.", "- The fish market moves to the quay."):
        assert piece in lines


def test_table_rows_are_one_line_each():
    rows = "".join(f"<tr><td>{n}</td><td><a href='/d/{n}'>Driver number {n}</a></td><td>{100 - n}</td></tr>"
                   for n in range(1, 4))
    html = _page(f"<div class='entry'>{paras_html(P1, P2)}<table>{rows}</table>{paras_html(P3)}</div>")
    lines = _lines(html)
    assert "1 Driver number 1 99" in lines and "3 Driver number 3 97" in lines
    assert P1 in lines and P3 in lines


@pytest.mark.parametrize(("junk", "step", "needle"), [
    ("<figure><img src='p.jpg'><figcaption>The pier at low tide. Photo: Harbour Office</figcaption></figure>",
     PICTURE, "The pier at low tide"),
    ("<aside><h3>In this series</h3><p>Part two: the ferry timetable explained for island families.</p></aside>",
     FRAME, "Part two: the ferry timetable"),
    ("<footer><p>Filed under harbour works and island transport news.</p></footer>", FRAME, "Filed under harbour"),
    ("<div class='entry-meta'><span class='byline'>By Mara Quill</span> 4 March 2026</div>", META_BOX,
     "By Mara Quill"),
    ("<p>More:</p><ul><li><a href='/a'>Ferry fares to rise in spring</a></li>"
     "<li><a href='/b'>Island school gets a new roof</a></li></ul>", LINK_LIST, "Ferry fares to rise"),
    ("<p><a href='/c'>Council approves the harbour budget for next year</a></p>", LINK_LINE,
     "Council approves the harbour budget"),
    ("<div>Advertisement</div>", LABEL, "Advertisement"),
    ("<div class='gallery-nav'><span>Back to Gallery</span></div>", LABEL, "Back to Gallery"),
])
def test_what_the_content_finder_leaves_out(junk, step, needle):
    drops: list = []
    html = _page(f"<div class='article-body'>{paras_html(P1, P2)}{junk}{paras_html(P3, P4)}</div>")
    lines = _lines(html, drops)
    assert not any(needle in line for line in lines)
    assert any(s is step and needle in text for s, text in drops), drops
    for para in PARAS:
        assert para in lines


def test_bare_urls_and_real_paragraphs_with_links_stay():
    linked = (f"<p>{P1[:80]} <a href='/report'>the engineers' report</a> {P1[80:]}</p>"
              "<p><a href='https://harbour.example/plan'>https://harbour.example/plan</a></p>")
    lines = _lines(_page(f"<div class='post'>{linked}{paras_html(P2, P3)}</div>"))
    assert "https://harbour.example/plan" in lines
    assert any("the engineers' report" in line for line in lines)


def test_a_footer_box_is_no_body():
    """The box that scores best is classed as a footer: the finder declines to call it a body."""
    html = ("<html><body><div class='wrap'><h1>About</h1><p>A small paper.</p></div><div class='wrap'>"
            "<div id='foot'>Vellmar Courier, 1 Quay Street. Copyright 2026 Vellmar Courier.</div></div></body></html>")
    nodes = content_nodes(LexborHTMLParser(html).body)
    assert not any("Quay Street" in line for line in content_lines(nodes))


def test_a_page_with_a_line_and_a_footer_is_not_an_article():
    html = ("<html><body><h1>About</h1><p>A small paper.</p>"
            "<div id='foot'>Vellmar Courier, 1 Quay Street. Copyright 2026 Vellmar Courier.</div></body></html>")
    with pytest.raises(CleanError):
        clean_html(html, url="https://courier.example/about.html")


def test_trafilatura_is_asked_only_for_short_bodies():
    long_page = _page(f"<div class='text'>{paras_html(*PARAS)}</div>")
    text, used = extract_text(LexborHTMLParser(long_page), None)
    assert used == "density" and len(text) >= MIN_BODY
    short_page = "<html><body><nav><a href='/'>Home</a></nav><p>A small paper with a short note.</p></body></html>"
    _text, used = extract_text(LexborHTMLParser(short_page), None)
    assert used == "trafilatura"


def test_a_list_of_bare_addresses_is_the_storys_sources_a_list_of_headlines_is_not():
    """Under "Further reading" a list whose links read as bare addresses (the sources of the story)
    stays with its heading; a list of linked headlines under "More:" still goes."""
    sources = ("<h4>Further reading</h4><ul><li><a href='https://harbour.example/plan'>www.harbour.example/plan"
               "</a></li><li><a href='https://port.example/survey'>https://port.example/survey</a></li></ul>")
    rail = ("<p>More:</p><ul><li><a href='/a'>Ferry fares to rise in spring</a></li>"
            "<li><a href='/b'>Island school gets a new roof</a></li></ul>")
    drops: list = []
    lines = _lines(_page(f"<div class='post'>{paras_html(P1, P2)}{rail}{paras_html(P3, P4)}{sources}</div>"), drops)
    assert "Further reading" in lines
    assert "- www.harbour.example/plan" in lines and "- https://port.example/survey" in lines
    assert not any("Ferry fares" in line or line == "More:" for line in lines)
    assert any(s is LINK_LIST and "Ferry fares" in text for s, text in drops)
    for para in PARAS:
        assert para in lines


def test_a_dateline_that_opens_the_first_sentence_stays_a_byline_line_goes():
    """A dateline set in a box of its own inside the first paragraph (`<span class="dateline">`) is the
    story's first words; a byline in a paragraph of its own, named the same way, is furniture."""
    first = f"<p><span class='dateline'>VELLMAR –</span> {P1}</p>"
    byline = "<p><span class='byline'>By Mara Quill, harbour reporter</span></p>"
    drops: list = []
    lines = _lines(_page(f"<div class='story'>{byline}{first}{paras_html(P2, P3, P4)}</div>"), drops)
    assert f"VELLMAR – {P1}" in lines
    assert not any("Mara Quill" in line for line in lines)
    assert (META_BOX, "By Mara Quill, harbour reporter") in drops


def test_the_fields_of_a_data_sheet_stay_a_lone_label_goes():
    """Rows of a field's name beside its value, set out in boxes (a ferry's data sheet), are text;
    a lone label ("Advertisement") and a live post's time and author over a paragraph still go."""
    fields = (("Built", "1978"), ("Length", "42 metres"), ("Passengers", "180 in summer"))
    sheet = "".join(f"<div class='row'><div class='col-4 bold'>{name}</div><div class='col-8'>{value}</div></div>"
                    for name, value in fields)
    posts = "".join(f"<div class='post'><div class='when'>{time} Mara Quill</div><div class='body'><p>{para}</p>"
                    "</div></div>" for time, para in (("10:02", P3), ("10:40", P4)))
    drops: list = []
    lines = _lines(_page(f"<div class='story'>{paras_html(P1)}{sheet}<div>Advertisement</div>{paras_html(P2)}"
                         f"{posts}</div>"), drops)
    for name, value in fields:
        assert name in lines and value in lines
    for para in PARAS:
        assert para in lines
    assert "Advertisement" not in lines and (LABEL, "Advertisement") in drops
    assert not any("Mara Quill" in line for line in lines)


def test_a_second_opinion_that_keeps_next_to_nothing_is_not_taken():
    """A short post (two short paragraphs under a headline set in a column of its own): the finder
    reads the paragraphs, trafilatura keeps only the date line; the finder's text stands, and the
    page is not refused for want of words."""
    html = ("<html><body><nav><a href='/'>Home</a> <a href='/blog/'>Blog</a></nav>"
            "<div class='container'><div class='row'><div class='col'><h1>Counting boats in the harbour</h1>"
            "<p class='text-muted'>12.03.2026 - Jane Roe</p></div></div>"
            "<div><div class='row'><div class='col'><p>How do you count the boats in a harbour? Here is a page "
            "from our lessons for the young sailors of Vellmar!</p></div></div>"
            "<div class='row'><div class='col'><img src='a.png'></div><div class='col'><img src='b.png'></div></div>"
            "<div class='row'><div class='col'><p>Counting is easy for you? Then try the <a href='/quiz'>quiz</a> "
            "about the ferries of the outer islands!</p></div></div></div></div>"
            "<footer><p>Copyright 2026 Vellmar Sailing Club</p></footer></body></html>")
    text, used = extract_text(LexborHTMLParser(html), None)
    assert used == "density" and "young sailors of Vellmar" in text
    doc = clean_html(html, url="https://club.example/blog/counting/")
    assert "How do you count the boats" in doc.text and "ferries of the outer islands" in doc.text
    assert "Copyright" not in doc.text


def test_clean_html_traces_the_content_finders_leavings():
    html = _page("<article><h1>Pier to be rebuilt</h1>" + paras_html(P1, P2)
                 + "<figure><img src='p.jpg'><span>The pier at low tide in February</span></figure>"
                 + paras_html(P3, P4) + "</article>")
    doc = clean_html(html)
    assert "The pier at low tide" not in doc.text
    assert any(r.rule == "extract.picture" and "The pier at low tide" in r.text for r in doc.trace)
    for para in PARAS:
        assert para in doc.text


def test_a_figure_of_text_is_read_a_picture_is_not():
    """A table set as a `<figure>` (fares by season) and the story's header set as one (the picture,
    the `<h1>` and the standfirst) are text; a picture with its caption still goes, and so do the
    captions of the other two."""
    table = ("<figure class='fares'><table><tr><th>Season</th><th>Single fare</th></tr>"
             "<tr><td>Winter</td><td>4 crowns</td></tr><tr><td>Summer</td><td>6 crowns</td></tr></table>"
             "<figcaption>Ferry fares to the outer islands</figcaption></figure>")
    header = ("<figure class='teaser'><img src='pier.jpg'><figcaption>Picture: Jane Roe</figcaption>"
              "<h1>Pier to be rebuilt</h1><p>Two summers of work for the harbour's oldest pier</p></figure>")
    photo = "<figure><img src='p.jpg'><figcaption>The pier at low tide in February</figcaption></figure>"
    drops: list = []
    lines = _lines(_page("<div class='story'>" + header + paras_html(P1, P2) + table + photo
                         + paras_html(P3, P4) + "</div>"), drops)
    assert "Two summers of work for the harbour's oldest pier" in lines
    assert "Winter 4 crowns" in lines and "Summer 6 crowns" in lines
    for para in PARAS:
        assert para in lines
    assert not any("low tide" in line or "Picture: Jane Roe" in line or "Ferry fares" in line for line in lines)
    assert (PICTURE, "The pier at low tide in February") in drops
    assert (PICTURE, "Picture: Jane Roe") in drops


def test_every_step_is_documented():
    assert len({s.name for s in EXTRACT_STEPS}) == len(EXTRACT_STEPS)
    assert all(s.name.startswith("extract.") and len(s.doc) > 40 for s in EXTRACT_STEPS)


def test_thousands_of_nested_inline_elements_are_read_without_recursion():
    """The body is read with a stack of its own: a page nesting 20,000 <span>s deep keeps its story."""
    deep = "<span>" * 20_000 + "A note set twenty thousand elements deep, still part of the story." + "</span>" * 20_000
    html = _page(f"<div class='text'>{paras_html(*PARAS)}<p>{deep}</p></div>")
    lines = _lines(html)
    assert lines == [*PARAS, "A note set twenty thousand elements deep, still part of the story."]
    doc = clean_html(html)
    assert all(p in doc.text for p in PARAS)


def test_a_list_item_whose_text_sits_in_a_box_keeps_its_mark_and_nothing_else_takes_it():
    """`<li><div>text</div></li>` is a list item all the same (the listing gate counts `- ` lines);
    an item with no text (a picture) lends its mark to nothing after it."""
    from selectolax.lexbor import LexborHTMLParser

    from cleaners.density import content_lines

    tree = LexborHTMLParser(
        "<div id=x><ul><li><img src=a.jpg></li><li><div>The ferry timetable changes on the first of May for "
        "the summer.</div><div>Evening crossings will run every hour until ten o'clock.</div></li></ul>"
        "<p>The harbour office said the winter timetable returns in October, as it does every year.</p></div>")
    assert content_lines([tree.css_first("#x")]) == [
        "- The ferry timetable changes on the first of May for the summer.",
        "Evening crossings will run every hour until ten o'clock.",
        "The harbour office said the winter timetable returns in October, as it does every year.",
    ]


def test_a_linked_name_opening_a_paragraph_of_its_own_words_stays():
    """`<p><a>the venue</a><br>how to get there</p>`: the link names what the paragraph is about
    and stays with it; a teaser (a linked headline over another link) and a link alone still go."""
    venues = ("<p><a href='https://ropes.example/'>Harbour Rope Park</a><br>Three minutes on foot from the "
              "ferry slip, open on weekends from April.</p>"
              "<p><a href='https://climb.example/'>Quay Climbing Hall</a><br>Next to the old grain store, with a "
              "café on the first floor.</p>")
    teaser = "<p><a href='/more'>Lighthouse keepers remember the storm</a><br><a href='/more'>Read more</a></p>"
    lone = "<p><a href='/lib'>Library opening hours for the winter season</a></p>"
    drops: list = []
    text = "\n".join(_lines(_page(f"<div class='story'>{paras_html(P1, P2)}{venues}{teaser}{lone}"
                                  f"{paras_html(P3, P4)}</div>"), drops))
    assert "Harbour Rope Park" in text and "Quay Climbing Hall" in text and "Three minutes on foot" in text
    assert "Lighthouse keepers" not in text and "Library opening hours" not in text
    assert all(p in text for p in PARAS)


def test_a_dateline_opening_the_first_sentence_stays_but_a_date_line_goes():
    """A dateline set as a `<span class='dateline'>` at the start of the first paragraph is the
    sentence's first words ("VELLMAR – The harbour authority..."): it stays. A byline or date set
    as a paragraph of its own, or a box beside the text, still goes."""
    drops: list = []
    html = _page("<div class='article-body'>"
                 "<p><span class='byline'>By Mara Quill</span></p>"
                 f"<p><span class='dateline'>VELLMAR – </span>{P1}</p>{paras_html(P2, P3, P4)}</div>")
    lines = _lines(html, drops)
    assert lines[0] == f"VELLMAR – {P1}", lines
    assert all(p in "\n".join(lines) for p in PARAS)
    assert not any("Mara Quill" in line for line in lines)
    assert any(s is META_BOX and "Mara Quill" in text for s, text in drops), drops
