"""The content finder on layouts that used to cut the body short or take the wrong story: each
paragraph wrapped in its own nested boxes, a body split over sibling boxes of one class, a page
carrying a second, longer story after its own, and a body the scoring alone would truncate. Each
case checks that every paragraph of the article is kept and the boilerplate beside it is not.
The markup is modelled on those layouts; every sentence is our own."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleaners import clean_html
from cleaners.density import content_nodes, css_path

from ._support import P1, P2, PARAS, TITLE

#: a second story appended under the first (invented, longer than the page's own)
S1 = ("The library board in Vellmar voted on Monday to keep the reading room open on Sunday afternoons, after "
      "a petition signed by more than two thousand residents asked for longer hours during the winter months.")
S2 = ("Volunteers from the historical society, who already run the map collection, offered to staff the desk "
      "on the first and third Sunday of each month, while the board will pay for the remaining shifts itself.")
S3 = ("The trial will last until the end of March, when the board will count the visitors, ask them what they "
      "came for, and decide whether the longer hours should become part of the library's budget for next year.")
S4 = ("A survey carried out by the board last spring found that most of those who asked for Sunday hours were "
      "students preparing for exams and parents who work during the week, and that both groups would use it.")
S5 = ("The board also agreed to repair the roof of the children's wing, which leaked during the storms in "
      "November, and to move the newspaper archive to the dry rooms in the basement once the work is finished.")
SECOND = (S1, S2, S3, S4, S5)
SECOND_TITLE = "Vellmar library to open on Sunday afternoons this winter"

#: plain paragraphs with few commas (each scores little on its own, as most real paragraphs do)
PLAIN = (
    "The new ferry timetable starts on the first Monday of May and adds two crossings to the outer islands.",
    "Boats will leave the harbour at seven in the morning and return from the islands before nine at night.",
    "The harbour office says the extra crossings are paid for by the fares and by a grant from the region.",
    "Islanders asked for the early boat so that their children can reach the secondary school on time.",
    "A survey last winter found that most passengers would travel more often if the boats ran later.",
    "The timetable will be reviewed in October once the office has counted the passengers of the summer.",
)

#: a long pull quote full of commas: it outscores any one plain paragraph
QUOTE = ("“We have waited, all of us, for this pier, for years, since the storm, and now, at last, the town, the "
         "board, the region, have listened to the crews.” She added, as the meeting closed, that the crews, the "
         "families, the shop owners and the ferry staff would, she hoped, be asked again, before the work starts, "
         "what they need.")

SIDEBAR = ("<aside class='rail'><h3>Most read</h3><ul><li><a href='/a'>Ferry timetable changes for the spring "
           "season</a></li><li><a href='/b'>Coast road reopens after the landslide repairs</a></li></ul></aside>")
TEASERS = ("<div class='more'><h3>More from the coast</h3>"
           "<div class='card'><a href='/c'>Lighthouse keepers remember the great storm of the winter</a></div>"
           "<div class='card'><a href='/d'>Market traders move to the square while the hall is painted</a></div>"
           "</div>")


def _page(body: str, *, title: str = TITLE, head: str = "", after: str = "") -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title} | Vellmar Gazette</title>"
            f"{head}</head><body><header class='site'><a href='/'>Vellmar Gazette</a> <a href='/news'>News</a> "
            f"<a href='/sport'>Sport</a></header><div class='page'>{body}{SIDEBAR}</div>{after}"
            "<footer><p>© 2026 Vellmar Gazette. All rights reserved.</p></footer></body></html>")


def _clean(html: str) -> list[str]:
    return clean_html(html, url="https://gazette.example/news/pier").text.split("\n")


def _assert_story(lines: list[str], paras=PARAS):
    for para in paras:
        assert para in lines, f"paragraph lost: {para[:50]}…\n" + "\n".join(lines)
    text = "\n".join(lines)
    for junk in ("Most read", "Ferry timetable changes", "More from the coast", "Lighthouse keepers",
                 "All rights reserved"):
        assert junk not in text, f"boilerplate kept: {junk}"


def test_paragraphs_each_nested_three_boxes_deep_are_all_kept():
    """A CMS that sets every paragraph in its own text-block component, three boxes above the `<p>`,
    with a comma-heavy pull quote among them: no box holds two paragraphs, so the box that holds
    the components must win on what they hold, not the pull quote."""
    def block(p: str) -> str:
        return f"<div data-component='text-block'><div><div><p>{p}</p></div></div></div>"
    quote = f"<div data-component='pull-quote'><div><div><p>{QUOTE}</p></div></div></div>"
    body = "".join(block(p) for p in PLAIN[:3]) + quote + "".join(block(p) for p in PLAIN[3:])
    lines = _clean(_page(f"<article><h1>{TITLE}</h1><div class='body-wrap'>{body}</div></article>", after=TEASERS))
    _assert_story(lines, (*PLAIN, QUOTE))


def test_paragraphs_in_styled_component_boxes_four_deep_are_all_kept():
    """Generated class names (`sc-…`, one per component instance) and four wrappers around each
    paragraph: the body is the box that holds them all, however deep each one sits."""
    def wrap(i: int, p: str) -> str:
        return (f"<div class='sc-a{i}x'><div class='sc-b{i}y'><div class='sc-c{i}z'><div class='sc-d{i}w'><p>{p}</p>"
                "</div></div></div></div>")
    body = "".join(wrap(i, p) for i, p in enumerate((*PLAIN[:2], QUOTE, *PLAIN[2:])))
    lines = _clean(_page(f"<div class='sc-root'><h1>{TITLE}</h1><div class='sc-body'>{body}</div></div>",
                         after=TEASERS))
    _assert_story(lines, (*PLAIN, QUOTE))


def test_article_split_over_sibling_boxes_of_one_class_is_read_whole():
    """A guide set as a run of tip boxes, one short section each (a heading and a paragraph): every
    box is part of the article, not only the best-scoring one."""
    sections = [(P1, P2), *((p,) for p in PLAIN)]  # the first tip runs to two paragraphs, the others to one
    tips = "".join(f"<section class='tip-box'><h3>Tip {i}</h3><div class='tip-text'>"
                   f"{''.join(f'<p>{p}</p>' for p in paras)}</div></section>" for i, paras in enumerate(sections, 1))
    lines = _clean(_page(f"<article><h1>{TITLE}</h1>{tips}</article>", after=TEASERS))
    _assert_story(lines, (P1, P2, *PLAIN))
    assert "Tip 3" in lines


def test_second_longer_story_appended_below_is_not_taken():
    """An infinite-scroll page: the story the page is about (its `<h1>` matches og:title and
    `<title>`) and, below it, the next story, longer. The body is the page's own story."""
    head = f"<meta property='og:title' content=\"{TITLE}\">"
    first = f"<article class='story'><h1>{TITLE}</h1><div class='story-body'>{''.join(f'<p>{p}</p>' for p in PARAS)}" \
            "</div></article>"
    second = f"<article class='story'><h1>{SECOND_TITLE}</h1><div class='story-body'>" \
             f"{''.join(f'<p>{p}</p>' for p in SECOND)}</div></article>"
    lines = _clean(_page(f"<div class='feed'>{first}{second}</div>", head=head))
    _assert_story(lines)
    text = "\n".join(lines)
    assert not any(s[:40] in text for s in SECOND), "the appended story leaked into the body"


def test_second_story_without_article_tags_is_not_taken():
    """The same with plain boxes: the next story sits in a box of its own after the page's story."""
    head = f"<meta property='og:title' content=\"{TITLE}\">"
    first = f"<div class='item'><div class='head'><h1>{TITLE}</h1></div><div class='text'>" \
            f"{''.join(f'<p>{p}</p>' for p in PARAS)}</div></div>"
    second = f"<div class='item'><div class='head'><h2>{SECOND_TITLE}</h2></div><div class='text'>" \
             f"{''.join(f'<p>{p}</p>' for p in SECOND)}</div></div>"
    lines = _clean(_page(f"<div class='stream'>{first}{second}</div>", head=head))
    _assert_story(lines)
    assert not any(s[:40] in "\n".join(lines) for s in SECOND)


def test_truncated_body_is_widened_and_the_decision_traced():
    """A body that the scoring alone cuts short: a comma-heavy introduction in the headline's box
    outscores each of the boxes the rest of the story is set in (each paragraph beside an
    advertisement slot), and nothing joins it there. The guard sees most of the page's prose left
    outside and widens the body to the box that holds it all; the decision says so."""
    intro = f"<div class='intro'><p>{QUOTE}</p></div>"
    parts = "".join(f"<div class='part'><div class='slot'>Advertisement</div><div class='copy'><p>{p}</p></div></div>"
                    for p in (*PARAS, *PLAIN))
    html = _page(f"<div class='story'><div class='head'><h1>{TITLE}</h1>{intro}</div>"
                 f"<div class='rest'>{parts}</div></div>", after=TEASERS)
    decision: dict = {}
    content_nodes(LexborHTMLParser(html).body, decision)
    assert decision["widened"] and "widened to div.page > div.story" in decision["widened"], decision
    assert decision["chosen"] == ["div.page > div.story"]
    assert decision["outside_chars"] == 0
    lines = _clean(html)
    _assert_story(lines, (QUOTE, *PARAS, *PLAIN))
    assert "Advertisement" not in lines


def test_decision_names_the_chosen_box_and_the_prose_left_outside():
    """The finder's decision: the chosen box as a CSS path, its score, runners-up, and the share of
    the page's paragraph text left outside the body (here the comment-like box beside it)."""
    other = ("<div class='letters'><p>" + S1 + "</p><p>" + S2 + "</p></div>")
    html = _page(f"<article id='main' class='story'><h1>{TITLE}</h1><div class='story-body'>"
                 f"{''.join(f'<p>{p}</p>' for p in PARAS)}</div></article>{other}")
    decision: dict = {}
    nodes = content_nodes(LexborHTMLParser(html).body, decision)
    assert [css_path(n) for n in nodes] == decision["chosen"]
    assert decision["chosen"] == ["div.page > article#main.story > div.story-body"]
    assert decision["score"] > 0
    assert decision["runners_up"] and decision["runners_up"][0][0] == "div.page > div.letters"
    assert decision["outside_chars"] == len(S1) + len(S2)
    assert 0.3 < decision["outside_share"] < 0.5


#: an invented privacy notice, long and link-poor, of the kind a consent pop-up holds
NOTICE = tuple(
    f"Section {n} of our notice explains how the gazette stores the settings you choose for this site and for "
    f"how long, which partners may read them, and how you can change or withdraw your choice at any time later."
    for n in range(1, 9))


def test_long_pop_up_after_the_article_does_not_take_the_body():
    """A consent pop-up set at the end of the page holds far more prose than the article: the body
    is still the story under the page's headline, and the pop-up's text stays out."""
    head = f"<meta property='og:title' content=\"{TITLE}\">"
    story = f"<article class='post'><h1>{TITLE}</h1><div class='post-text'>{''.join(f'<p>{p}</p>' for p in PARAS)}" \
            "</div></article>"
    popup = f"<div class='overlay'><div class='overlay-box'>{''.join(f'<p>{n}</p>' for n in NOTICE)}</div></div>"
    lines = _clean(_page(story, head=head, after=popup))
    _assert_story(lines)
    assert not any(n[:30] in "\n".join(lines) for n in NOTICE)


def test_author_box_in_the_header_does_not_take_the_body():
    """The headline's own box holds a long author biography (a tooltip beside the byline): it is no
    story of its own, so the body under it is still the article."""
    bio = ("Mara Lindqvist has reported on the coast for twelve years, first for the island weekly and then for "
           "the gazette, where she covers the harbour, the ferries and the fishing fleet. She grew up in Vellmar "
           "and studied history before she took up journalism, and she still sails with the lifeboat crew on "
           "summer weekends when the harbour is busy and the crews are short of hands on the water.")
    head = f"<meta property='og:title' content=\"{TITLE}\">"
    header = (f"<div class='article-header'><h1>{TITLE}</h1><div class='byline'><a href='/mara'>Mara Lindqvist</a>"
              f"<div class='tooltip'><div class='tooltip-bio'>{bio}</div></div></div></div>")
    body = f"<div class='article-body'>{''.join(f'<p>{p}</p>' for p in (*PARAS, *PLAIN))}</div>"
    lines = _clean(_page(f"<article class='story'>{header}{body}</article>", head=head))
    _assert_story(lines, (*PARAS, *PLAIN))


def test_article_written_out_in_noscript_is_read():
    """A page (or a blog post) written out inside `<noscript>` for readers without scripts: its
    paragraphs are the page's text; a `<noscript>` with a tracking pixel or a one-line notice
    still goes."""
    post = f"<div class='post-body'><noscript>{''.join(f'<p>{p}</p>' for p in PARAS)}</noscript></div>"
    notice = "<noscript><p>Please turn on JavaScript to see the comments.</p><img src='/px.gif'></noscript>"
    lines = _clean(_page(f"<article><h1>{TITLE}</h1>{post}{notice}</article>"))
    _assert_story(lines)
    assert "Please turn on JavaScript" not in "\n".join(lines)


def test_short_paywalled_story_with_related_links_inside_is_not_refused():
    """A story cut short by a paywall: one paragraph, and inside the body a side box of related
    headlines. The side box never reaches the text, so its links do not make the page a listing."""
    related = ("<aside class='body-drop'><h3>Also on the coast</h3>" + "".join(
        f"<article><h3><a href='/r{i}'>{t}</a></h3></article>" for i, t in enumerate((
            "Harbour board publishes the timetable for the pier works this spring",
            "Fishing crews ask the council where they will land their catch this summer",
            "Ferry to the outer islands will berth at the southern quay during the works",
            "Engineers explain why the timber piles of the old pier rotted so quickly")))
        + "</aside>")
    body = f"<div class='article-body'><p>{P1}</p>{related}<div class='paywall'></div></div>"
    lines = _clean(_page(f"<article><h1>{TITLE}</h1>{body}</article>"))
    assert lines == [P1]


def test_finder_stays_fast_on_very_deep_and_very_large_pages():
    """Linear in the page's boxes: a chain of 4,000 wrappers and a page of 6,000 nested paragraphs
    are read in well under a second each (a quadratic walk takes tens of seconds)."""
    import time

    deep = "<html><body>" + "<div>" * 4000 + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>" * 4000 + "</body></html>"
    wide = "<html><body><div class='body'>" + "".join(
        f"<div><div><div class='c{i % 5}'><p>{PLAIN[i % 6]}</p></div></div></div>" for i in range(6000)) \
        + "</div></body></html>"
    for html in (deep, wide):
        tree = LexborHTMLParser(html)
        started = time.process_time()
        nodes = content_nodes(tree.body, {})
        assert time.process_time() - started < 2.0
        assert nodes


def test_dialogs_and_consent_boxes_never_give_the_body():
    """A login dialog (`role=dialog`) and a consent pop-up (`…-popup-overlay`) each hold more prose
    than the article: neither is the body. A page-wide wrapper whose class only starts with such a
    word (`dialog-off-canvas-main-canvas`) is no dialog: the article inside it is read."""
    dialog = f"<div role='dialog' class='panel'>{''.join(f'<p>{n}</p>' for n in NOTICE[:5])}</div>"
    consent = f"<div class='sp-consent-popup-overlay'>{''.join(f'<p>{n}</p>' for n in NOTICE[3:])}</div>"
    story = f"<article><h1>{TITLE}</h1><div class='text'>{''.join(f'<p>{p}</p>' for p in PARAS)}</div></article>"
    html = _page(f"<div class='dialog-off-canvas-main-canvas'>{dialog}{story}</div>", after=consent)
    lines = _clean(html)
    _assert_story(lines)
    assert not any(n[:30] in "\n".join(lines) for n in NOTICE)


def test_indented_rail_of_teaser_links_is_not_the_body():
    """A stream of teasers under the story, each a linked picture and title set on indented
    lines: the template's white space is no text, so the stream reads as the rail of links it is
    and the story stays the body."""
    pad = "\n" + " " * 40
    titles = [f"{word} number {n} in the harbour town draws visitors, the council says, again"
              for n in range(1, 4) for word in ("Spring market", "Boat show", "Lantern walk", "Choir festival",
                                                "Fish auction", "Kite day", "Book fair", "Regatta", "Night market",
                                                "Sea swim", "Tall ship visit", "Food fair")]
    stream = "<div class='flow'><div class='inner'><h2>Across the coast</h2>" + "".join(
        f"<div class='line'>{pad}<a href='/s{i}'>{pad}<div class='pic'>{pad}<img src='/p{i}.jpg'>{pad}</div>"
        f"{pad}<p class='title'>{t}</p>{pad}<div class='meta'>{pad}<span>{pad}</span>{pad}</div>{pad}</a>{pad}</div>"
        for i, t in enumerate(titles)) + "</div></div>"
    story = f"<article><h1>{TITLE}</h1><div class='article-text'><p>{P1}</p><p>{P2}</p></div>"
    lines = _clean(_page(f"{story}{stream}</article>"))
    _assert_story(lines, (P1, P2))
    assert not any(t[:20] in "\n".join(lines) for t in titles)


def test_author_box_in_the_articles_footer_does_not_take_the_body():
    """A short post, and in the article's `<footer>` an author biography full of commas that outscores
    it: a box set in the page's frame (`<footer>`, `<aside>`, `<nav>`) wins only when nothing outside
    it scores half as much, so the post is the body."""
    post = ("We recorded this episode live at the harbour festival on Saturday afternoon in the old net loft.",
            "Three skippers told us how the new pier will change their working day once the first phase is done.",
            "The full conversation runs just under an hour and ends with the crews' own questions to the council.")
    bio = ("Jon Example, who grew up in Vellmar, trained as a boat builder, worked on the ferries, sailed with the "
           "lifeboat crew, taught at the school, ran the chandlery, wrote for the weekly, and now, at last, with "
           "his daughter, his neighbour, and his old dog, records a podcast, every week, about the harbour, the "
           "boats, the weather, the fish, and, of course, the people.")
    article = (f"<article class='post'><h1>{TITLE}</h1><div class='entry-content'>"
               f"{''.join(f'<p>{p}</p>' for p in post)}</div>"
               f"<footer class='entry-meta'><div id='author-info'><div id='author-description'><p>{bio}</p>"
               "</div></div></footer></article>")
    lines = _clean(_page(article))
    _assert_story(lines, post)
    assert not any("boat builder" in line for line in lines)


def _rail(cls: str) -> str:
    """A box of other stories' excerpts (no links, no `<aside>`), named only by its class."""
    return f"<div class='{cls}'><div class='inner'>{''.join(f'<p>{s}</p>' for s in (*SECOND, QUOTE))}</div></div>"


def test_a_related_rail_or_menu_named_by_class_is_page_frame():
    """A rail of related stories, a menu column or an author box named only by its class (no
    `<aside>`, no `<nav>`) holds more scoring text than the story: it counts as page frame (half
    its score), so the body is the story under the headline; a wrapper flagged `with-navigation`
    is no menu."""
    story = f"<article class='story'><h1>{TITLE}</h1><div class='story-body'>" \
            f"{''.join(f'<p>{p}</p>' for p in (*PARAS, PLAIN[0]))}</div></article>"
    for cls in ("related-posts", "navigation", "author-bio"):
        decision: dict = {}
        content_nodes(LexborHTMLParser(_page(story + _rail(cls))).body, decision)
        assert decision["chosen"] == ["div.page > article.story > div.story-body"], (cls, decision)
    decision = {}
    content_nodes(LexborHTMLParser(_page(f"<div class='with-navigation'>{story}</div>" + _rail("related-posts"))).body,
                  decision)
    assert decision["chosen"] == ["div.page > div.with-navigation > article.story > div.story-body"], decision


def test_the_second_opinion_is_never_a_related_rail():
    """The story's text is set in headings and a quote (no paragraph of prose), the related rail
    under it holds most of the page's prose: the truncation guard's second opinion does not take
    the rail for the body."""
    story = (f"<article class='story'><h1>{TITLE}</h1><blockquote><h2>{P1}</h2><h4>{P2}</h4></blockquote>"
             "</article>")
    html = _page(story + f"<div class='related-posts'><div class='row'>{''.join(f'<p>{s}</p>' for s in SECOND)}"
                 "</div></div>")
    decision: dict = {}
    content_nodes(LexborHTMLParser(html).body, decision)
    assert not any("related-posts" in path for path in decision["chosen"]), decision


def test_a_body_split_over_tab_panes_is_joined_whichever_pane_is_open():
    """A product or guide page sets its text in tab panes of one kind, the open one marked by a
    state class (`tab-pane fade show active`): the panes are one body, all of them kept."""
    panes = (f"<div id='dose' class='tab-pane fade show active'><p>{S1}</p><p>{S2}</p><p>{QUOTE}</p></div>"
             f"<div id='use' class='tab-pane fade'><p>{PLAIN[0]} {PLAIN[1]}</p></div>"
             f"<div id='notes' class='tab-pane fade'><p>{PLAIN[2]} {PLAIN[3]}</p></div>")
    html = _page(f"<h1>{TITLE}</h1><ul class='tabs'><li><a href='#use'>Use</a></li><li><a href='#dose'>Dose</a>"
                 f"</li></ul><div class='tab-content'>{panes}</div>")
    decision: dict = {}
    content_nodes(LexborHTMLParser(html).body, decision)
    assert decision["chosen"] == ["div.page > div.tab-content"], decision
    text = "\n".join(_clean(html))
    assert all(s[:40] in text for s in (PLAIN[0], S1, QUOTE, PLAIN[2])), text


def test_body_chosen_deep_in_one_section_is_widened_to_the_headlines_box():
    """A report set in section boxes under its headline, with a long interview tucked three boxes
    deep in a collapsed panel at its end: the interview outscores each short section, but the
    article is the box that holds the headline and all the sections; the rail beside it stays out."""
    sections = "".join(f"<div class='media'><h3>Part {i}</h3><p>{p}</p></div>" for i, p in enumerate(PARAS, 1))
    interview = ("<div class='panel'><a class='collapsed' href='#c9'><div class='panel-heading'>Interview with the "
                 "harbour master</div></a><div id='c9' class='panel-collapse collapse'><div class='panel-body'>"
                 f"<div class='row'><div class='col'><div class='media'>{''.join(f'<p>{s}</p>' for s in SECOND)}"
                 "</div></div></div></div></div></div>")
    head = f"<meta property='og:title' content=\"{TITLE}\">"
    html = _page(f"<div class='news-detail'><h1>{TITLE}</h1><div class='teaser'><blockquote><p>{PLAIN[0]}</p>"
                 f"</blockquote></div>{sections}<div class='accordion'>{interview}</div></div>", head=head)
    decision: dict = {}
    content_nodes(LexborHTMLParser(html).body, decision, (TITLE,))
    assert decision["chosen"] == ["div.page > div.news-detail"], decision
    assert "headline" in decision["widened"], decision
    lines = _clean(html)
    _assert_story(lines, (*PARAS, *SECOND))


def test_body_is_not_widened_to_the_headlines_box_over_a_rail_of_links():
    """The headline's box also holds a long list of linked teasers beside the story body: the
    body is not widened over them."""
    teasers = "".join(f"<li><a href='/t{i}'>{s[:90]}</a></li>" for i, s in enumerate(SECOND * 2))
    html = _page(f"<div class='main'><h1>{TITLE}</h1><div class='story-body'>"
                 f"{''.join(f'<p>{p}</p>' for p in PARAS)}</div><ul class='teasers'>{teasers}</ul></div>")
    decision: dict = {}
    content_nodes(LexborHTMLParser(html).body, decision, (TITLE,))
    assert decision["chosen"] == ["div.page > div.main > div.story-body"], decision


def test_body_below_a_header_box_with_a_long_intro_is_no_second_story():
    """A guide page: the headline sits in a header box with an intro of its own (a few short
    paragraphs beside a form), the guide itself follows in a box with sub-headings but no headline,
    no `<article>` and no kinship with the header box. It is the page's body, not a second story
    to be skipped for the header."""
    head = f"<meta property='og:title' content=\"{TITLE}\">"
    hero = (f"<div class='hero'><section class='hero-inner'><h1>{TITLE}</h1><form class='calc'>"
            f"{''.join(f'<p>{p}</p>' for p in PLAIN)}</form></section></div>")
    guide = (f"<div class='guide-text'><h2>How the work is planned</h2>{''.join(f'<p>{p}</p>' for p in PARAS)}"
             f"<h2>What the library board decided</h2>{''.join(f'<p>{s}</p>' for s in SECOND)}</div>")
    html = _page(f"<main class='content'>{hero}{guide}</main>", head=head)
    decision: dict = {}
    content_nodes(LexborHTMLParser(html).body, decision, (TITLE,))
    assert decision["chosen"] == ["div.page > main.content > div.guide-text"], decision
    lines = _clean(html)
    _assert_story(lines, (*PARAS, *SECOND))


def test_a_landing_page_text_under_its_hero_is_the_body_not_another_story():
    """A guide's landing page: a hero box with the page's `<h1>`, its intro and a form, and under it
    the guide's long text, set with its own sub-headings inside its box. The text under the hero is
    no second story (no headline of its own over it, no `<article>`): it is the body, with the
    intro's box left to the standfirst rules."""
    head = f"<meta property='og:title' content=\"{TITLE}\">"
    hero = (f"<div class='hero'><section class='hero-box'><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p><p>{S5}</p>"
            "<form><label>Amount</label><input name='amount'><button>Compare offers</button></form></section></div>")
    guide = (f"<div class='guide-text'><p>{PARAS[2]}</p><h2>The new timetable</h2>"
             + "".join(f"<p>{p}</p>" for p in PLAIN[:3]) + "<h2>After the summer</h2>"
             + "".join(f"<p>{p}</p>" for p in (*PLAIN[3:], PARAS[3])) + "</div>")
    html = _page(f"<main class='page-content'>{hero}{guide}</main>", head=head)
    decision: dict = {}
    content_nodes(LexborHTMLParser(html).body, decision, [TITLE])
    assert "story" not in decision, decision
    lines = _clean(html)
    _assert_story(lines, (PARAS[2], *PLAIN, PARAS[3]))
    assert "The new timetable" in lines and "After the summer" in lines


def test_a_download_card_beside_the_text_under_the_hero_is_no_other_story():
    """The same landing page with the text in a field box and, beside it, a download card whose
    title is a heading set inside its link: a card, not the headline of another story."""
    head = f"<meta property='og:title' content=\"{TITLE}\">"
    hero = (f"<div class='hero'><section class='hero-box'><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p><p>{S5}</p>"
            "</section></div>")
    fields = ("<div class='fields'><div class='field-text'>"
              + "".join(f"<p>{p}</p>" for p in (PARAS[2], *PLAIN, PARAS[3]))
              + "</div><ul class='files'><li class='file'><a href='/plan.pdf'><h3>The harbour plan as a file</h3>"
              "</a></li></ul></div>")
    html = _page(f"<main class='page-content'>{hero}{fields}</main>", head=head)
    decision: dict = {}
    content_nodes(LexborHTMLParser(html).body, decision, [TITLE])
    assert "story" not in decision, decision
    _assert_story(_clean(html), (PARAS[2], *PLAIN, PARAS[3]))
