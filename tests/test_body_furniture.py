"""What is taken out inside the body, and what only looks like furniture but is text.

Every case sets the junk (or the look-alike) next to real paragraphs of an invented story and
checks both sides: the furniture is gone (traced to the step or rule that took it) and the story's
paragraphs, sub-headings, verse and sources are all there."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleaners import clean_html
from cleaners import dom_rules as D
from cleaners.density import LABEL, LINK_LINE, LINK_LIST, content_lines, content_nodes

from ._support import P1, P2, P3, P4, PARAS, apply_dom, body_text, page, paras_html, removed


def _lines(html: str, drops: list | None = None) -> list[str]:
    tree = LexborHTMLParser(html)
    nodes = content_nodes(tree.body)
    return content_lines(nodes, (lambda step, text: drops.append((step, text))) if drops is not None else None)


def _page(inner: str) -> str:
    return f"<html><body><div id='top'><a href='/'>Home</a> <a href='/news'>News</a></div>{inner}</body></html>"


def _body(inner: str) -> str:
    return _page(f"<div class='article-body'>{inner}</div>")


# ---------------------------------------------------------------- real text that looks like furniture

def test_a_bold_sub_heading_between_paragraphs_stays():
    """A short line set in `<strong>` in its own `<div>` over a paragraph is a sub-heading."""
    html = _body(paras_html(P1, P2) + "<div><strong>Eating on the quay</strong></div>" + paras_html(P3, P4))
    lines = _lines(html)
    assert lines == [P1, P2, "Eating on the quay", P3, P4]


def test_a_sub_heading_made_of_a_styled_box_stays():
    """A `<div class="article-subheading">` or a box with `role=heading`: a sub-heading, not a label."""
    html = _body(paras_html(P1) + "<div class='article-subheading'>Wellness</div>" + paras_html(P2)
                 + "<div role='heading' aria-level='3'>Dining and Drinking</div>" + paras_html(P3, P4))
    lines = _lines(html)
    assert lines == [P1, "Wellness", P2, "Dining and Drinking", P3, P4]


def test_a_plain_label_between_paragraphs_still_goes():
    drops: list = []
    lines = _lines(_body(paras_html(P1, P2) + "<div>Advertisement</div>" + paras_html(P3, P4)), drops)
    assert lines == list(PARAS)
    assert (LABEL, "Advertisement") in drops


def test_verse_set_between_line_breaks_in_a_div_stays():
    """A poem typed straight into the body box, one short line per `<br>`: its lines are text."""
    verse = ("the tide goes out<br>the pier stands still<br>the gulls keep count<br>of what is lost<br>"
             "and what we will")
    lines = _lines(_body(paras_html(P1, P2) + f"<div class='poem'>{verse}</div>" + paras_html(P3, P4)))
    for line in ("the tide goes out", "the pier stands still", "of what is lost", "and what we will"):
        assert line in lines
    for para in PARAS:
        assert para in lines


def test_a_linked_source_inside_a_paragraph_stays():
    """A line of a paragraph that names its source as a link, with words of its own around it."""
    quote = (f"<p>{P2}<br>Source: <a href='/report'>Survey of the grain pier timber, second edition</a></p>")
    lines = _lines(_body(paras_html(P1) + quote + paras_html(P3, P4)))
    assert "Source: Survey of the grain pier timber, second edition" in lines
    for para in PARAS:
        assert para in lines


def test_an_email_address_on_its_own_line_stays():
    contact = f"<p>{P3}<br><a href='mailto:pier@harbour.example'>pier@harbour.example</a></p>"
    lines = _lines(_body(paras_html(P1, P2) + contact + paras_html(P4)))
    assert "pier@harbour.example" in lines


def test_a_teaser_link_on_a_line_of_its_own_still_goes():
    drops: list = []
    teaser = "<p><a href='/other'>Island ferry timetable changes again for the winter</a></p>"
    lines = _lines(_body(paras_html(P1, P2) + teaser + paras_html(P3, P4)), drops)
    assert lines == list(PARAS)
    assert any(step is LINK_LINE and "Island ferry" in text for step, text in drops)


def test_a_short_row_of_a_table_stays():
    table = ("<table><tr><td>1.</td><td>Mara Quill</td><td>12.4 s</td></tr>"
             "<tr><td>2.</td><td>Ines Rowe</td><td>12.9 s</td></tr></table>")
    lines = _lines(_body(paras_html(P1, P2) + table + paras_html(P3, P4)))
    assert "1. Mara Quill 12.4 s" in lines and "2. Ines Rowe 12.9 s" in lines
    for para in PARAS:
        assert para in lines


def test_a_linked_item_of_a_list_of_text_stays():
    steps = ("<ol><li>Measure the length of the deck.</li><li><a href='/sol'>Worked solution for the deck</a></li>"
             "<li>Compare it with the survey figures.</li></ol>")
    lines = _lines(_body(paras_html(P1, P2) + steps + paras_html(P3, P4)))
    assert "- Worked solution for the deck" in lines


def test_a_numbered_reference_to_a_url_stays():
    refs = f"<div class='post'>{P2}<br>[1] <a href='https://harbour.example/plan'>https://harbour.example/plan</a></div>"
    lines = _lines(_body(paras_html(P1) + refs + paras_html(P3, P4)))
    assert "[1] https://harbour.example/plan" in lines


def test_clean_html_keeps_verse_a_linked_source_and_an_email_address():
    """End to end: none of the body's text that looks like furniture is lost on the way to the record."""
    verse = ("the tide goes out<br>the pier stands still<br>the gulls keep count<br>of what is lost<br>"
             "and what we will")
    body = (paras_html(P1) + f"<div class='poem'>{verse}</div>"
            + f"<p>{P2}<br>Source: <a href='/r'>Survey of the grain pier timber, second edition</a></p>"
            + f"<p>{P3}<br><a href='mailto:pier@harbour.example'>pier@harbour.example</a></p>" + paras_html(P4))
    doc = clean_html(page(body=f"<div class='story'>{body}</div>"), url="https://gazette.example/pier")
    lines = doc.text.split("\n")
    for line in ("the tide goes out", "and what we will", "Source: Survey of the grain pier timber, second edition",
                 "pier@harbour.example", *PARAS):
        assert line in lines


# ---------------------------------------------------------------- furniture that looked like text

def test_the_heading_of_a_dropped_link_list_goes_with_it():
    """"Recommended by the harbour desk:" in a `<p>` over a list of links is the list's label."""
    drops: list = []
    rail = ("<p><strong>Recommended by the harbour desk:</strong></p><ul>"
            "<li><a href='/a'>Ferry fares to rise in spring</a></li>"
            "<li><a href='/b'>Island school gets a new roof</a></li></ul>")
    lines = _lines(_body(paras_html(P1, P2) + rail + paras_html(P3, P4)), drops)
    assert lines == list(PARAS)
    assert (LINK_LIST, "Recommended by the harbour desk:") in drops


def test_a_heading_over_links_written_as_paragraphs_goes_with_them():
    drops: list = []
    rail = ("<h3>More on the harbour</h3><p><a href='/a'>Ferry fares to rise in spring</a></p>"
            "<p><a href='/b'>Island school gets a new roof</a></p>")
    lines = _lines(_body(paras_html(P1, P2, P3, P4) + rail), drops)
    assert lines == list(PARAS)
    assert (LINK_LIST, "More on the harbour") in drops


def test_a_heading_over_a_paragraph_stays_even_before_a_link_line():
    rail = "<h3>What the crews say</h3>" + paras_html(P3) + "<p><a href='/a'>Ferry fares to rise in spring</a></p>"
    lines = _lines(_body(paras_html(P1, P2) + rail + paras_html(P4)))
    assert lines == [P1, P2, "What the crews say", P3, P4]


def test_a_short_closing_sentence_over_teaser_links_stays():
    """A short last line of the story in a `<div>` is no heading of the teasers after it."""
    tail = ("<div>That is all from the quay today.</div><p><a href='/a'>Ferry fares to rise in spring</a></p>"
            "<p><a href='/b'>Island school gets a new roof</a></p>")
    lines = _lines(_body(paras_html(*PARAS) + tail))
    assert lines == [*PARAS, "That is all from the quay today."]


def test_a_label_left_hanging_at_the_end_of_the_body_goes():
    drops: list = []
    lines = _lines(_body(paras_html(*PARAS) + "<p>Further reading:</p>"), drops)
    assert lines == list(PARAS)
    assert (LABEL, "Further reading:") in drops


def test_a_row_of_labels_set_apart_by_bars_goes():
    drops: list = []
    bar = "<p><a href='/mail'>E-mail this story</a> | <a href='/print'>Print this story</a> | Views: 212</p>"
    lines = _lines(_body(paras_html(P1, P2) + bar + paras_html(P3, P4)), drops)
    assert lines == list(PARAS)
    assert any(step is LABEL and "Print this story" in text for step, text in drops)


def test_a_labelled_link_to_another_story_goes_but_a_sentence_with_a_link_stays():
    """"Read also: <a>headline</a>" as a paragraph of its own is a teaser, in any language: a short
    label, a colon, and a link for the rest. A sentence with a colon and a link in it stays."""
    drops: list = []
    teasers = ("<p>Czytaj też: <a href='/a'>Nowy prom dla wysp od wiosny</a></p>"
               "<p>Lesen Sie auch: <a href='/b'>Die Werft am Nordkai schließt im Mai</a></p>")
    sentence = ("<p>The harbour master said one thing: <a href='/c'>the survey</a> came too late for the "
                "crews who had warned about the piles for years.</p>")
    lines = _lines(_body(paras_html(P1, P2) + teasers + sentence + paras_html(P3, P4)), drops)
    assert not any("Nowy prom" in line or "Die Werft" in line for line in lines)
    assert any(step is LINK_LINE and "Nowy prom" in text for step, text in drops)
    assert any("the survey came too late" in line for line in lines)
    for para in PARAS:
        assert para in lines


def test_the_heading_over_a_related_box_goes_with_it():
    """A related rail taken by its class leaves no heading hanging over nothing."""
    rail = ("<h3>Across the harbour</h3><div class='related-posts'><a href='/a'>Ferry fares to rise in spring</a>"
            "<a href='/b'>Island school gets a new roof</a></div>")
    doc = clean_html(page(body=paras_html(*PARAS) + rail))
    assert "Across the harbour" not in doc.text
    assert "Ferry fares" not in doc.text
    for para in PARAS:
        assert para in doc.text


def test_a_sub_heading_over_a_promo_and_a_paragraph_stays():
    body = (paras_html(P1, P2) + "<h3>What the crews say</h3><div class='promo'><a href='/app'>Get our app</a></div>"
            + paras_html(P3, P4))
    doc = clean_html(page(body=body))
    assert "What the crews say" in doc.text
    assert "Get our app" not in doc.text


def test_view_counters_go_in_several_languages_and_a_sentence_with_a_number_stays():
    drops: list = []
    counters = "<p>Views: 1,204</p><div>阅读 1204</div><span>Просмотров: 87</span><p>312 Aufrufe</p>"
    kept = "<p>Over 1,204 views of the harbour were painted.</p>"
    lines = _lines(_body(paras_html(P1, P2) + counters + kept + paras_html(P3, P4)), drops)
    for counter in ("Views: 1,204", "阅读 1204", "Просмотров: 87", "312 Aufrufe"):
        assert counter not in lines
        assert (LABEL, counter) in drops
    assert "Over 1,204 views of the harbour were painted." in lines
    for para in PARAS:
        assert para in lines


def test_clean_html_keeps_the_sub_heading_and_drops_the_rail():
    body = (paras_html(P1, P2) + "<div><b>Eating on the quay</b></div>" + paras_html(P3, P4)
            + "<p>Recommended by the harbour desk:</p><ul><li><a href='/a'>Ferry fares to rise in spring</a></li>"
            "<li><a href='/b'>Island school gets a new roof</a></li></ul>")
    doc = clean_html(page(f"<div class='story'>{body}</div>"), url="https://gazette.example/pier")
    assert "Eating on the quay" in doc.text
    assert "Recommended by the harbour desk" not in doc.text
    for para in PARAS:
        assert para in doc.text


# ---------------------------------------------------------------- DOM rules: what looks like their junk but is text

def test_hidden_article_text_revealed_by_a_script_stays():
    """A site that hides the story and shows it with a script: hidden prose is no widget."""
    hidden = f"<div class='hidden' id='rest'><p>{P3}</p><p>{P4}</p><button>Read on</button></div>"
    tree, ctx = apply_dom(D.hidden_furniture, page(body=paras_html(P1, P2) + hidden))
    text = body_text(tree)
    assert P3 in text and P4 in text
    assert removed(ctx, "dom.hidden_furniture") == []


def test_a_hidden_tab_of_plain_list_items_stays():
    """A recipe's ingredients in a tab shown on a click: a list with no links is content."""
    tab = ("<div style='display:none' class='tab'><ul><li>two kilos of harbour mussels</li>"
           "<li>a glass of dry cider</li><li>one bunch of parsley</li></ul></div>")
    tree, ctx = apply_dom(D.hidden_furniture, page(before=tab))
    assert "a glass of dry cider" in body_text(tree)
    assert removed(ctx, "dom.hidden_furniture") == []


def test_a_menu_hidden_on_phones_only_is_not_hidden_furniture():
    menu = "<div class='hidden-xs'><a href='/a'>Harbour works</a> <a href='/b'>Island ferries</a></div>"
    tree, ctx = apply_dom(D.hidden_furniture, page(before=menu))
    assert "Island ferries" in body_text(tree)


def test_checkbox_labels_are_what_they_tick_not_form_labels():
    items = ("<ul class='ingredients'>" + "".join(
        f"<li><label><input type='checkbox'><span>{w}</span></label></li>"
        for w in ("harbour mussels", "dry cider", "parsley")) + "</ul>")
    tree, ctx = apply_dom(D.forms, page(before=items))
    assert "dry cider" in body_text(tree)
    assert removed(ctx, "dom.forms") == []


def test_a_form_around_the_whole_page_keeps_the_article_and_drops_the_field_labels():
    """Old pages wrap everything in one `<form>`: the story stays, the comment field's label goes."""
    html = ("<html><body><form action='/page' method='post'><article><h1>Pier</h1>" + paras_html(*PARAS)
            + "</article><table><tr><td>Your name:</td><td><input name='n'></td></tr><tr><td>Comment:</td><td>"
            "<textarea name='c'></textarea></td></tr></table></form></body></html>")
    doc = clean_html(html)
    assert "Your name:" not in doc.text
    for para in PARAS:
        assert para in doc.text


def test_a_paragraph_right_after_a_picture_stays():
    body = "<p><img src='/p.jpg' alt=''></p>" + paras_html(*PARAS)
    tree, ctx = apply_dom(D.captions, page(body=body))
    assert removed(ctx, "dom.captions") == []
    assert all(p in body_text(tree) for p in PARAS)


def test_an_emphasised_line_after_a_picture_inside_a_paragraph_stays():
    body = "<p><img src='/p.jpg' alt=''><em>And now for the harbour itself:</em></p>" + paras_html(*PARAS)
    tree, ctx = apply_dom(D.captions, page(body=body))
    assert "And now for the harbour itself:" in body_text(tree)


def test_an_icon_is_no_picture_with_a_caption():
    row = ("<div class='tip'><img src='/i/info.svg' alt='i'><span>Tickets are sold on board.</span></div>")
    tree, ctx = apply_dom(D.captions, page(before=row))
    assert "Tickets are sold on board." in body_text(tree)


def test_a_short_story_in_a_page_wide_form_with_a_comment_box_stays():
    """A page wrapped in one `<form>` (no `<article>`), a short story and a comment box: the form is
    the page, not a comment form; only the field's label goes."""
    html = ("<html><body><form action='/page' method='post'><div id='top'><a href='/'>Home</a></div>"
            f"<div class='story'><h1>Pier</h1><p>{P1}</p></div>"
            "<table><tr><td>Comment:</td><td><textarea name='c'></textarea></td></tr></table></form></body></html>")
    doc = clean_html(html)
    assert P1 in doc.text
    assert "Comment:" not in doc.text


def test_a_long_comment_thread_named_by_its_id_goes_even_when_it_reads_like_prose():
    """`#comments` with several long comments inside the body box: the id says what it is."""
    comment = ("<div class='c'><p>I have fished off that pier for thirty years and I can tell you the piles were "
               "soft long before anyone from the council came to look at them, so none of this is news to the "
               "crews who land their catch down there every single morning of the year.</p></div>")
    html = page(body=paras_html(*PARAS) + f"<div id='comments'><h3>4 comments</h3>{comment * 4}</div>")
    doc = clean_html(html)
    assert "fished off that pier" not in doc.text
    assert any(r.rule == "dom.comments" and "fished off that pier" in r.text for r in doc.trace)
    for para in PARAS:
        assert para in doc.text


def test_a_box_holding_a_figcaption_is_no_caption_itself():
    """The article's header holds the headline, the standfirst and a picture with its caption: the
    caption goes, the header's text stays."""
    header = ("<header class='intro'><h2>Pier to be rebuilt</h2><p class='standfirst'>The harbour board has "
              "found the money at last, and the work starts in April.</p><figure><img src='/p.jpg' alt=''>"
              "<figcaption>The pier at low tide.</figcaption></figure></header>")
    tree, ctx = apply_dom(D.captions, page(body=header + paras_html(*PARAS)))
    text = body_text(tree)
    assert "The pier at low tide." not in text
    assert "found the money at last" in text
    assert removed(ctx, "dom.captions") == ["The pier at low tide."]


def test_landmark_selectors_test_the_element_itself():
    tree = LexborHTMLParser("<div><header><nav><a href='#top'>Top</a></nav><input type='email'></header></div>")
    header = tree.css_first("header")
    assert not D._compile_selector("nav, [role=navigation]")(header)
    assert not D._compile_selector("input[type=email], input[name*=email]")(header)
    assert D._compile_selector("a[href^='#']")(tree.css_first("a"))
    assert D._compile_selector("input[type=email], input[name*=email]")(tree.css_first("input"))


def test_a_box_around_a_short_chinese_paragraph_and_its_credit_keeps_the_paragraph():
    body = paras_html(P1, P2) + "<div><p>渔船在旧码头旁卸货。</p><p>港务局记者 林海 摄</p></div>" + paras_html(P3, P4)
    tree, ctx = apply_dom(D.captions, page(body=body))
    text = body_text(tree)
    assert "渔船在旧码头旁卸货。" in text
    assert "林海 摄" not in text


def test_the_heading_over_a_nav_box_goes_but_the_headline_never_does():
    body = (f"{paras_html(*PARAS)}<h2>In this series</h2><nav><a href='/1'>Part one: the survey</a> "
            "<a href='/2'>Part two: the money</a></nav>")
    tree, ctx = apply_dom(D.navigation, page(body=f"<div class='story'>{body}</div>"))
    assert "In this series" not in body_text(tree)
    html = ("<html><body><div class='top'><h1>Pier to be rebuilt</h1><nav><a href='/1'>Harbour</a> "
            "<a href='/2'>Islands</a></nav></div>" + paras_html(*PARAS) + "</body></html>")
    tree, ctx = apply_dom(D.navigation, html)
    assert "Pier to be rebuilt" in body_text(tree)
