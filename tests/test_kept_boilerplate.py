"""Boilerplate that sits inside the story's own box and used to be kept: contact blocks under a press
release, the site's disclaimers, prompts to its app or channel, appeals for support, author boxes,
blog-theme post meta, download labels, related rails built of `<article>` cards.

Each case puts the junk next to the invented story of `_support` and checks both sides end to end
(`clean_html`): the junk is gone and traced to its rule, and the story's paragraphs stay, including a
paragraph of our own that uses the same words inside an ordinary sentence."""

from __future__ import annotations

from cleaners import clean_html, clean_text
from cleaners import text_rules as T

from ._support import P1, P2, P3, P4, PARAS, apply_text, page, paras_html, removed, rules_that_removed


def _clean(body: str):
    return clean_html(page(body=body), explain=True)


def _assert_story(doc, *extra: str):
    for para in (*PARAS, *extra):
        assert para in doc.text, f"lost: {para[:60]!r}"


# ---------------------------------------------------------------- contact blocks

CONTACT_MENTION = ("Wer Kontakt zum Hafenamt aufnehmen möchte, erreicht die Telefonzentrale nach Angaben der "
                   "Stadt künftig auch am Samstagvormittag, sagte eine Sprecherin am Dienstag.")


def test_contact_block_under_a_press_release_goes():
    block = ["Pressekontakt:", "Mara Lindqvist", "Hafenamt Vellmar", "Telefon: +49 (0)40 / 12 34 56",
             "E-Mail: presse@hafenamt-vellmar.example"]
    doc = _clean(paras_html(P1, P2, CONTACT_MENTION, P3, P4) + "".join(f"<p>{t}</p>" for t in block))
    for line in block:
        assert line not in doc.text
        assert rules_that_removed(doc, line) == {"text.contact_block"}
    _assert_story(doc, CONTACT_MENTION)


def test_contact_heading_over_prose_is_a_sub_heading_and_stays():
    lines = [P1, "Contact", P2, P3]
    kept, ctx = apply_text(T.contact_block, lines)
    assert kept == lines
    assert ctx.trace == []


def test_contact_block_ends_at_its_last_number_or_address():
    """A short line after the last phone number or address is not part of the block."""
    lines = [P1, P2, "Kontakt:", "Jan Brandt", "jan.brandt@hafen.example", "Weitere Termine im Frühjahr"]
    kept, ctx = apply_text(T.contact_block, lines)
    assert kept == [P1, P2, "Weitere Termine im Frühjahr"]
    assert removed(ctx, "text.contact_block") == ["Kontakt:", "Jan Brandt", "jan.brandt@hafen.example"]


def test_write_to_us_line_at_the_end_goes_and_the_same_words_mid_story_stay():
    mid = "Residents can write to the harbour office at pier@vellmar.example until the end of March."
    junk = "We want to hear what you think about this story. Write to letters@gazette.example."
    kept, ctx = apply_text(T.contact_block, [P1, mid, P2, P3, junk])
    assert kept == [P1, mid, P2, P3]
    assert removed(ctx, "text.contact_block") == [junk]


def test_more_information_line_with_only_an_address_goes():
    doc = clean_text("\n".join([P1, P2, P3, P4, "Weitere Infos unter www.hafen-vellmar.example."]))
    assert doc.text.split("\n") == list(PARAS)


# ---------------------------------------------------------------- disclaimers

def test_disclaimers_at_the_end_go_and_the_same_words_mid_story_stay():
    mention = ("The ferry company said it is not responsible for the opinions of the contractors it hired, "
               "but promised to publish every survey the engineers send it.")
    junk = ["The Vellmar Gazette is not responsible for the opinions, statements or media content presented by "
            "contributors.", "This article is the copyrighted property of the Vellmar Gazette. Written permission "
            "must be obtained before reprint in online or print media."]
    doc = _clean(paras_html(P1, P2, mention, P3, P4, *junk))
    for line in junk:
        assert line not in doc.text
        assert rules_that_removed(doc, line) == {"text.disclaimers"}
    _assert_story(doc, mention)


def test_a_long_last_paragraph_with_disclaimer_words_stays():
    long_para = (P4 + " The port office added that it is not responsible for the opinions of private surveyors, "
                 "whose reports on the old pier it has never seen, and that it will publish its own survey in full "
                 "as soon as the council has read it, probably before the summer recess begins in July.")
    kept, ctx = apply_text(T.disclaimers, [P1, P2, P3, long_para])
    assert kept == [P1, P2, P3, long_para]
    assert ctx.trace == []


# ---------------------------------------------------------------- app, channel and support prompts

def test_app_channel_and_support_prompts_go():
    junk = ["For the latest stories and breaking news download the Gazette apps for iOS and Android.",
            "¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular.",
            "If you enjoyed reading this post – would you consider supporting our work? Just click here."]
    doc = _clean(paras_html(P1, junk[0], P2, P3, P4, junk[1], junk[2]))
    for line in junk:
        assert line not in doc.text
        assert rules_that_removed(doc, line) == {"text.appeals"}
    _assert_story(doc)


def test_a_sentence_about_an_app_or_a_donation_stays():
    story = ["Passengers can now download the Vellmar Ferries app for iOS and Android to see the timetable.",
             "“Please support our work on the pier,” the chairman of the rowing club told the council.",
             "The company said customers can cancel at any time without paying a fee, a spokesman confirmed."]
    kept, ctx = apply_text(T.appeals, [P1, *story, P2])
    assert kept == [P1, *story, P2]
    assert ctx.trace == []


# ---------------------------------------------------------------- author boxes

BIO_MENTION = ("Mara Lindqvist, the author of two books about the harbour, told the committee that the timber "
               "piles had been replaced only once since the pier was built.")


def test_author_box_under_the_story_goes():
    box = ('<div id="entry-author-info"><div id="author-avatar"><img src="/m.jpg" alt=""></div>'
           '<div id="author-description"><h2>About Ole Brandt</h2>Ole Brandt is a reporter for the Gazette and '
           'the founder of a rowing club for teenagers.</div></div>')
    doc = _clean(paras_html(P1, BIO_MENTION, P2, P3, P4) + box)
    assert "founder of a rowing club" not in doc.text and "About Ole Brandt" not in doc.text
    assert "dom.author_box" in rules_that_removed(doc, "founder of a rowing club")
    _assert_story(doc, BIO_MENTION)


def test_a_box_named_for_the_author_that_holds_the_story_stays():
    doc = clean_html(page(body=f'<div class="author-info">{paras_html(*PARAS)}</div>'), explain=True)
    _assert_story(doc)
    assert not removed(doc, "dom.author_box")


# ---------------------------------------------------------------- post meta and download labels

def test_blog_theme_post_meta_goes_and_a_sentence_about_a_contribution_stays():
    mention = ("Der Beitrag des Rudervereins wurde am Dienstag im Ausschuss erhöht, weil die Stadt den neuen "
               "Steg mitfinanzieren will.")
    junk = ("Dieser Eintrag wurde veröffentlicht in Hafen und verschlagwortet mit Steg, Fähre von Ole Brandt. "
            "Permanentlink.")
    kept, ctx = apply_text(T.post_meta, [P1, mention, P2, junk])
    assert kept == [P1, mention, P2]
    assert removed(ctx, "text.post_meta") == [junk]


def test_download_labels_go_and_a_sentence_with_a_file_size_stays():
    mention = "The full survey, a PDF of 2 MB, is on the council's website."
    junk = "Harbour survey 2026 PDF | 2 MB | not accessible"
    kept, ctx = apply_text(T.file_links, [P1, mention, junk, P2])
    assert kept == [P1, mention, P2]
    assert removed(ctx, "text.file_links") == [junk]


# ---------------------------------------------------------------- related rails of <article> cards

def test_related_rail_of_article_cards_goes_but_a_long_article_in_a_related_box_stays():
    rail = ('<div class="related-stories"><h5>More from the harbour</h5>'
            '<article><a href="/x">Ferry fares frozen for a year</a><div>3 May 2026</div></article>'
            '<article><a href="/y">Fish market moves indoors</a></article></div>')
    doc = _clean(paras_html(*PARAS) + rail)
    assert "Ferry fares frozen" not in doc.text and "More from the harbour" not in doc.text
    _assert_story(doc)
    inside = clean_html(page(body=f'<div class="related"><article>{paras_html(*PARAS)}</article></div>'),
                        explain=True)
    _assert_story(inside)


# ---------------------------------------------------------------- figure captions, ad teasers, embed placeholders

def test_figure_captions_go_and_a_sentence_about_a_figure_stays():
    mention = "Figure 3 shows how far the timber piles had rotted by the time the survey was done."
    caption = "Figure 3: Timber piles of the old grain pier at low tide."
    kept, ctx = apply_text(T.figure_captions, [P1, mention, caption, P2])
    assert kept == [P1, mention, P2]
    assert removed(ctx, "text.figure_captions") == [caption]


def test_ad_teaser_goes_and_a_sentence_about_a_police_report_stays():
    mention = "Anzeige erstattete der Hafenmeister erst am Mittwoch, nachdem die Taue ein zweites Mal fehlten."
    junk = "ANZEIGE - Heute mal ausgehen? Wie wäre es mit:"
    kept, ctx = apply_text(T.ad_teasers, [P1, mention, junk, P2])
    assert kept == [P1, mention, P2]
    assert removed(ctx, "text.ad_teasers") == [junk]


def test_embed_consent_placeholder_goes_in_the_body():
    box = ('<div class="embed-placeholder"><h3>Empfohlener redaktioneller Inhalt</h3>'
           '<p>An dieser Stelle findest du einen externen Inhalt von Instagram, der den Artikel ergänzt.</p>'
           '<button>Externe Inhalte laden</button></div>')
    doc = _clean(paras_html(P1, P2) + box + paras_html(P3, P4))
    assert "Empfohlener redaktioneller Inhalt" not in doc.text and "externen Inhalt" not in doc.text
    _assert_story(doc)


# ---------------------------------------------------------------- teaser cards, print-edition notes

def test_teaser_card_goes_but_a_standfirst_named_teaser_stays():
    standfirst = "The council has agreed to rebuild the old grain pier, and the fishing crews have welcomed it."
    card = ('<div class="inline-teaser"><a href="/faq"><h3>Questions and answers about the pier</h3></a>'
            '<p>All you need to know.</p></div>')
    doc = _clean(f'<div class="teaser">{standfirst}</div>' + paras_html(P1, P2) + card + paras_html(P3, P4))
    assert "Questions and answers about the pier" not in doc.text
    assert "dom.teasers" in rules_that_removed(doc, "Questions and answers about the pier")
    _assert_story(doc, standfirst)


def test_print_edition_note_at_the_end_goes_and_a_sentence_about_a_publication_stays():
    mention = "The survey first appeared in the Journal of Coastal Engineering, the harbour master said."
    junk = "This article appeared in the May 2026 issue of the Gazette's magazine."
    kept, ctx = apply_text(T.print_edition, [P1, mention, P2, P3, P4, junk])
    assert kept == [P1, mention, P2, P3, P4]
    assert removed(ctx, "text.print_edition") == [junk]


# ---------------------------------------------------------------- notes on the writer

def test_author_note_at_the_end_goes_and_the_same_words_earlier_stay():
    mention = "The author is a retired engineer, the committee was told, and had surveyed the pier in 1998."
    junk = "The author is a senior fellow at the Vellmar Institute for Coastal Studies."
    zh = "（作者系维尔马港口研究所研究员）"
    kept, ctx = apply_text(T.author_note, [P1, mention, P2, P3, junk, zh])
    assert kept == [P1, mention, P2, P3]
    assert removed(ctx, "text.author_note") == [junk, zh]


def test_italic_bio_as_last_paragraph_goes_but_a_roman_one_and_an_italic_quote_stay():
    bio = "Ole Brandt is the harbour reporter of the Gazette and a member of the lifeboat crew."
    doc = _clean(paras_html(*PARAS) + f"<p><i>{bio}</i></p>")
    assert bio not in doc.text
    assert "dom.closing_bio" in rules_that_removed(doc, "harbour reporter of the Gazette")
    _assert_story(doc)
    roman = _clean(paras_html(*PARAS) + f"<p>{bio}</p>")
    _assert_story(roman, bio)
    quote = "“The sea takes what it wants,” as the old skippers on Quay Street still say."
    italic_quote = _clean(paras_html(*PARAS) + f"<p><em>{quote}</em></p>")
    _assert_story(italic_quote, quote)


# ---------------------------------------------------------------- inline related headlines

def test_inline_related_headline_goes_but_linked_sub_headings_and_lead_ins_stay():
    """The rule takes the linked headline only: a bold link to a wiki's page (left to the extractor's
    own look at fully linked lines) and a bold lead-in with a sentence are not its to take."""
    headline = ('<p><strong>MORE: <a href="/news/2026/ferry-fares-frozen-for-another-year">Ferry fares frozen for '
                'another year</a></strong></p>')
    wiki_heading = '<p><b><a href="/wiki/Winter_Fair">The Winter Fair on the quay</a></b></p>'
    lead_in = ('<p><strong>The pier closes in April. <a href="/news/2026/pier-closing-dates">See the dates</a>.'
               '</strong></p>')
    doc = _clean(paras_html(P1) + headline + paras_html(P2) + wiki_heading + paras_html(P3) + lead_in
                 + paras_html(P4))
    assert "Ferry fares frozen" not in doc.text
    assert removed(doc, "dom.inline_related") == ["MORE: Ferry fares frozen for another year"]
    _assert_story(doc, "The pier closes in April.")
