"""Per-rule tests of the generic text rules (`cleaners.text_rules.GENERIC_TEXT_RULES` and `normalize`).

House rule: every removal rule gets a test that shows the junk goes AND a real paragraph next to
it survives. Each rule is applied alone to a list of lines with a `Context` (the removal must be in
`ctx.trace` under the rule's name), and the same lines go end to end through `clean_text`.
"""

from __future__ import annotations

import pytest

from cleaners import clean_text
from cleaners import text_rules as T
from cleaners.rules import Context, TextRule
from cleaners.sites import SiteProfile

from ._support import MENTION_TEXTS, P1, P2, P3, P4, PARAS, TITLE, apply_text, removed, rules_that_removed


def test_generic_text_rules_are_named_documented_rules():
    for rule in (T.normalize, *T.GENERIC_TEXT_RULES):
        assert isinstance(rule, TextRule)
        assert rule.name.startswith("text.")
        assert rule.doc, f"{rule.name} has no docstring"


def test_every_generic_text_rule_is_covered_here():
    covered = ({c.values[0] for c in LINE_JUNK} | {c.values[0] for c in BLOCK_JUNK}
               | {"text.more_from", "text.sources", "text.title_repeat", "text.doubled", "text.adjacent_duplicates",
                  "text.site_signoff", "text.topic_line", "text.contact_block",
                  "text.print_edition", "text.author_note"})
    names = {rule.name for rule in T.GENERIC_TEXT_RULES}
    assert names <= covered, f"rules without a test: {sorted(names - covered)}"


def _rule(name: str) -> TextRule:
    return next(r for r in T.GENERIC_TEXT_RULES if r.name == name)


# ---------------------------------------------------------------------------- one junk line between paragraphs

LINE_JUNK = [
    # promo
    pytest.param("text.promo", "Discover our latest podcast", id="promo:discover-podcast"),
    pytest.param("text.promo", "Listen to our latest podcast", id="promo:listen-podcast"),
    pytest.param("text.promo", "Check out our new videos", id="promo:check-out-videos"),
    pytest.param("text.promo", "Download our free app", id="promo:download-app"),
    pytest.param("text.promo", "Listen on Spotify", id="promo:listen-on-spotify"),
    pytest.param("text.promo", "Advertisement", id="promo:advertisement"),
    pytest.param("text.promo", "ADVERTISEMENT", id="promo:advertisement-caps"),
    # share
    pytest.param("text.share", "Share this article", id="share:share-this-article"),
    pytest.param("text.share", "You can share this story on social media:", id="share:you-can-share"),
    pytest.param("text.share", "Follow us on Telegram", id="share:follow-us-telegram"),
    pytest.param("text.share", "Follow the Vellmar Gazette on X", id="share:follow-outlet"),
    pytest.param("text.share", "Join us on Telegram", id="share:join-us"),
    pytest.param("text.share", "Subscribe to our Telegram channel", id="share:subscribe-channel"),
    pytest.param("text.share", "Share:", id="share:bare"),
    pytest.param("text.share", "Share on Facebook", id="share:share-on-facebook"),
    # newsletter
    pytest.param("text.newsletter", "Sign up to our daily newsletter", id="newsletter:sign-up"),
    pytest.param("text.newsletter", "Subscribe to the Harbour Letter newsletter", id="newsletter:subscribe"),
    pytest.param("text.newsletter", "Enter your email address", id="newsletter:enter-email"),
    pytest.param("text.newsletter", "Get the latest news delivered to your inbox", id="newsletter:inbox"),
    pytest.param("text.newsletter", "Newsletter", id="newsletter:bare"),
    # cookie
    pytest.param("text.cookie", "We use cookies to improve your experience on our site.", id="cookie:we-use"),
    pytest.param("text.cookie", "This website uses cookies to measure readership.", id="cookie:this-website"),
    pytest.param("text.cookie", "Accept all cookies", id="cookie:accept"),
    pytest.param("text.cookie", "Cookie settings", id="cookie:settings"),
    pytest.param("text.cookie", "By continuing to use this site you agree to our use of cookies.",
                 id="cookie:by-using"),
    # tags
    pytest.param("text.tags", "Tags: harbour, ferries, Vellmar council", id="tags:tags"),
    pytest.param("text.tags", "Topics: Transport, Fishing", id="tags:topics"),
    pytest.param("text.tags", "Filed under: Local news", id="tags:filed-under"),
    pytest.param("text.tags", "Categories: Harbour, Politics", id="tags:categories"),
    # copyright
    pytest.param("text.copyright", "© 2026 Vellmar Gazette", id="copyright:sign"),
    pytest.param("text.copyright", "Copyright 2026 Coast Media Group", id="copyright:word"),
    pytest.param("text.copyright", "(c) 2026 Coast Media Group", id="copyright:c"),
    pytest.param("text.copyright", "Vellmar Gazette. All rights reserved.", id="copyright:all-rights"),
    pytest.param("text.copyright", "copyright Vellmar Gazette 2026 - ISSN: 1234-5678", id="copyright:name-year"),
    # captions, editors' notes, mirror notices
    pytest.param("text.photo_credits", "Workers check the new pier in Vellmar, March 4, 2026. (Xinhua/Li Wen)",
                 id="credit:xinhua-slash"),
    pytest.param("text.photo_credits", "An aerial view of the harbour on March 2, 2026. Photo: VCG", id="credit:photo"),
    pytest.param("text.editors_note", "Editor's note: This story is part of a series on the harbour towns.",
                 id="editors_note"),
    pytest.param("text.mirror_notice", "Vellmar TV can also be reached at these alternate addresses: vellmar.tv",
                 id="mirror_notice"),
    # page furniture: dates alone, reading time
    pytest.param("text.page_meta", "sexta-feira, 22 de outubro de 2025 às 20:13", id="page_meta:date-pt"),
    pytest.param("text.page_meta", "March 3, 2026 - 11:28 GMT", id="page_meta:date-time"),
    pytest.param("text.page_meta", "5:45 AM PST 3/3/2026 by Mara Olsen", id="page_meta:date-byline"),
    pytest.param("text.page_meta", "Reading time: 3 minutes", id="page_meta:reading-time"),
    pytest.param("text.page_meta", "4 min read", id="page_meta:min-read"),
    # links written into the text, reporter promos, credits
    pytest.param("text.also_on", "Also on vellmar.example Council approves the new sea wall budget",
                 id="also_on:site"),
    pytest.param("text.tip_promo", "Have a tip? Mara Olsen may be reached at mara@vellmar.example.", id="tip:have"),
    pytest.param("text.copyright", "Harbour at dusk, photos © Vellmar Gazette, 2026", id="copyright:photo-credit"),
    pytest.param("text.share", "Like this story? Share it with a friend!", id="share:like-this-story"),
    pytest.param("text.newsletter", "Get the latest updates right in your inbox.", id="newsletter:updates-inbox"),
    # subscription offers and podcast how-tos
    pytest.param("text.promo", "Get The Harbour Weekly delivered to your door every Friday: 12 issues for £9.99.",
                 id="promo:subscription-offer"),
    pytest.param("text.promo", "Subscribe to Vellmar Pro for as little as $5 per month. Use the code PIER26.",
                 id="promo:subscribe-price"),
    pytest.param("text.promo", "How to listen to The Harbour Podcast", id="promo:how-to-listen"),
    # labelled links
    pytest.param("text.bare_links", "Listen: https://podcasts.example/harbour-12", id="bare_links:listen"),
    pytest.param("text.bare_links", "iTunes: https://apple.example/harbour", id="bare_links:itunes"),
    # comment prompts
    pytest.param("text.comment_prompts", "12 Comments", id="comments:count"),
    pytest.param("text.comment_prompts", "comments", id="comments:label"),
    pytest.param("text.comment_prompts", "Leave a Reply", id="comments:leave-reply"),
    pytest.param("text.comment_prompts", "Tell us what YOU think...", id="comments:tell-us"),
    pytest.param("text.comment_prompts", "Join the discussion", id="comments:join"),
    # shortcodes
    pytest.param("text.shortcodes", "[button link=\"/send-review/\" type=\"big\"] Send us your review[/button]",
                 id="shortcode:button"),
    pytest.param("text.shortcodes", "[caption id=\"attachment_12\" align=\"alignnone\"]", id="shortcode:caption"),
    # time stamps
    pytest.param("text.timestamps", "Updated at 1:23 p.m.", id="timestamp:updated-at"),
    pytest.param("text.timestamps", "Last updated: 3 March 2026", id="timestamp:last-updated"),
    pytest.param("text.timestamps", "Published 14:05 GMT", id="timestamp:published"),
    # load more
    pytest.param("text.load_more", "More Articles", id="load_more:more-articles"),
    pytest.param("text.load_more", "Load more", id="load_more:load-more"),
    pytest.param("text.load_more", "Load more stories", id="load_more:load-more-stories"),
    pytest.param("text.load_more", "Show more ›", id="load_more:show-more"),
    pytest.param("text.load_more", "Older posts", id="load_more:older-posts"),
    pytest.param("text.load_more", "Next page →", id="load_more:next-page"),
    # read more, inline
    pytest.param("text.read_more", "Read more: Council approves the sea wall budget", id="read_more:inline"),
    pytest.param("text.read_more", "READ ALSO: Storm damage bill reaches new high", id="read_more:read-also-inline"),
    pytest.param("text.read_more", "Read more:", id="read_more:bare-colon"),
    pytest.param("text.read_more", "See also:", id="read_more:see-also-colon"),
    # invitations to read another piece, in other languages: junk alone on a line, whatever follows
    pytest.param("text.read_more", "Auch interessant", id="read_more:de-auch-interessant"),
    pytest.param("text.read_more", "Schon gelesen?", id="read_more:de-schon-gelesen"),
    pytest.param("text.read_more", "Mehr Artikel aus dieser Rubrik", id="read_more:de-rubrik"),
    pytest.param("text.read_more", "Czytaj też:", id="read_more:pl"),
    pytest.param("text.read_more", "相关阅读", id="read_more:zh"),
    pytest.param("text.read_more", "اقرأ أيضاً", id="read_more:ar"),
    pytest.param("text.read_more", "Le puede interesar: El puerto de Vellmar cierra por obras",
                 id="read_more:es-inline"),
    pytest.param("text.read_more", "Читайте также: Паром на острова пойдёт по новому расписанию",
                 id="read_more:ru-inline"),
    # credit, editor and source lines
    pytest.param("text.credit_lines", "(责编：王文、李青)", id="credit_lines:zh-editor"),
    pytest.param("text.credit_lines", "（编辑：张海）", id="credit_lines:zh-editor-fullwidth"),
    pytest.param("text.credit_lines", "执笔/李青", id="credit_lines:zh-writer"),
    pytest.param("text.credit_lines", "Редактор: Анна Петрова", id="credit_lines:ru-editor"),
    pytest.param("text.credit_lines", "출처: 벨마르 항만청", id="credit_lines:ko-source"),
    pytest.param("text.credit_lines", "Source: Vellmar Harbour Office", id="credit_lines:en-source"),
    pytest.param("text.credit_lines", "Quelle: Hafenamt Vellmar", id="credit_lines:de-source"),
    pytest.param("text.credit_lines", "Fuente: Oficina del Puerto de Vellmar", id="credit_lines:es-source"),
    pytest.param("text.credit_lines", "المصدر: وكالات", id="credit_lines:ar-source"),
    pytest.param("text.credit_lines", "Kaynak: Vellmar Liman İdaresi", id="credit_lines:tr-source"),
    pytest.param("text.credit_lines", "(Agencies)", id="credit_lines:agencies"),
    pytest.param("text.credit_lines", "(With inputs from agencies)", id="credit_lines:inputs"),
    pytest.param("text.credit_lines", "ola/PAP", id="credit_lines:initials-agency"),
    pytest.param("text.credit_lines", "(Reporting by Mara Olsen; Editing by Tom Hale)", id="credit_lines:reporting-by"),
    pytest.param("text.credit_lines", "Con información de EFE", id="credit_lines:es-con-informacion"),
    # media teasers, page labels, rating requests, paywall notices
    pytest.param("text.media_label", "WATCH | Divers inspect the rotten piles", id="media_label:watch"),
    pytest.param("text.media_label", "VIDEO | A night with the lifeboat crew", id="media_label:video"),
    pytest.param("text.page_labels", "Article content", id="page_labels:article-content"),
    pytest.param("text.page_labels", "Story continues below", id="page_labels:continues-below"),
    pytest.param("text.page_labels", "Anzeige", id="page_labels:de"),
    pytest.param("text.page_labels", "- Publicité -", id="page_labels:fr"),
    pytest.param("text.page_labels", "Реклама", id="page_labels:ru"),
    pytest.param("text.page_labels", "광고", id="page_labels:ko"),
    pytest.param("text.page_labels", "（完）", id="page_labels:zh-end"),
    pytest.param("text.feedback", "Was this article helpful?", id="feedback:en"),
    pytest.param("text.feedback", "War der Artikel nützlich?", id="feedback:de"),
    pytest.param("text.feedback", "Cet article vous a-t-il été utile ?", id="feedback:fr"),
    pytest.param("text.feedback", "(No ratings yet)", id="feedback:no-ratings"),
    pytest.param("text.paywall", "To read the full story, subscribe to the Vellmar Gazette.", id="paywall:en"),
    pytest.param("text.paywall", "Dieser Artikel ist nur für Abonnenten verfügbar.", id="paywall:de"),
    pytest.param("text.paywall", "Este contenido es exclusivo para suscriptores.", id="paywall:es"),
    # sign-ups, follow lines, rights lines, reading time and photo credits in other languages
    pytest.param("text.newsletter", "Newsletter abonnieren", id="newsletter:de"),
    pytest.param("text.newsletter", "Inscrivez-vous à notre newsletter", id="newsletter:fr"),
    pytest.param("text.newsletter", "Suscríbete a nuestro boletín", id="newsletter:es"),
    pytest.param("text.newsletter", "Подпишитесь на нашу рассылку", id="newsletter:ru"),
    pytest.param("text.newsletter", "뉴스레터 구독하기", id="newsletter:ko"),
    pytest.param("text.share", "Síguenos en Telegram", id="share:es-follow"),
    pytest.param("text.share", "Folgen Sie uns auf Instagram", id="share:de-follow"),
    pytest.param("text.share", "Suivez-nous sur Facebook", id="share:fr-follow"),
    pytest.param("text.copyright", "Alle Rechte vorbehalten.", id="copyright:de"),
    pytest.param("text.copyright", "<저작권자 ⓒ 벨마르신문, 무단 전재-재배포 금지>", id="copyright:ko"),
    pytest.param("text.copyright", "维尔马港报 版权所有", id="copyright:zh"),
    pytest.param("text.page_meta", "Lesezeit: 4 Min.", id="page_meta:reading-time-de"),
    pytest.param("text.page_meta", "3 min de lecture", id="page_meta:reading-time-fr"),
    pytest.param("text.page_meta", "By Mara Olsen March 3, 2026 5 min read", id="page_meta:byline-min-read"),
    pytest.param("text.photo_credits", "Divers at the old pier on Monday. © AFP / Jan Berg", id="credit:sign-agency"),
    pytest.param("text.photo_credits", "工人在码头检查木桩。新华社记者 李文 摄", id="credit:zh-photographer"),
    pytest.param("text.photo_credits", "Das Hafenbecken am Abend. Foto: Hafenamt Vellmar", id="credit:de-foto"),
    pytest.param("text.timestamps", "Aktualisiert am 17.01.2026.", id="timestamp:de"),
    pytest.param("text.timestamps", "Mis à jour le 3 mars 2026 à 14h", id="timestamp:fr"),
    pytest.param("text.timestamps", "입력 2026.03.03 14:05", id="timestamp:ko"),
    pytest.param("text.timestamps", "更新时间：2026-03-03 14:05", id="timestamp:zh"),
    pytest.param("text.page_labels", "Inhaltsverzeichnis", id="page_labels:de-toc"),
    pytest.param("text.page_actions", "E-mail this Story | Print this Story", id="page_actions:en"),
    pytest.param("text.page_actions", "Drucken | Versenden", id="page_actions:de"),
    pytest.param("text.page_actions", "打印本页 关闭窗口", id="page_actions:zh"),
    pytest.param("text.view_counts", "Views: 1,234", id="view_counts:en"),
    pytest.param("text.view_counts", "阅读量：1234", id="view_counts:zh"),
    pytest.param("text.view_counts", "조회수 1,234", id="view_counts:ko"),
    pytest.param("text.view_counts", "Просмотров: 123", id="view_counts:ru"),
    pytest.param("text.photo_credits", "Divers inspect the old pier on Monday. (File Photo)", id="credit:file-photo"),
    pytest.param("text.photo_credits", "工人在码头检查木桩。（资料图）", id="credit:zh-file-photo"),
    pytest.param("text.read_more", "Dowiedz się więcej: Prom na wyspy pływa według nowego rozkładu",
                 id="read_more:pl-inline"),
    pytest.param("text.page_actions", "Rezept drucken Bei Pinterest speichern", id="page_actions:de-recipe"),
    pytest.param("text.page_actions", "Print Recipe | Pin Recipe", id="page_actions:en-recipe"),
    pytest.param("text.comment_prompts", "Sie müssen sich anmelden, um Kommentare zu schreiben.",
                 id="comment_prompts:de-login"),
    pytest.param("text.comment_prompts", "You must be logged in to post a comment.", id="comment_prompts:en-login"),
    pytest.param("text.paywall", "If you're already a subscriber, you can log in for immediate access to this story.",
                 id="paywall:already-subscriber"),
    pytest.param("text.page_meta", "Release Date:", id="page_meta:date-label-alone"),
    pytest.param("text.timestamps", "News date : 04/21/2026 Category : Harbour news", id="timestamp:date-category"),
    pytest.param("text.timestamps", "Veröffentlichung: 2. Februar 2026", id="timestamp:de-veroeffentlichung"),
    pytest.param("text.disclaimers", "(Alle Angaben ohne Gewähr)", id="disclaimers:de-ohne-gewaehr"),
    pytest.param("text.disclaimers", "The Vellmar Gazette is not responsible for the opinions or statements "
                 "presented by contributors.", id="disclaimers:en-not-responsible"),
    pytest.param("text.disclaimers", "Dieser Beitrag enthält Werbung für eine Segelschule.",
                 id="disclaimers:de-werbung"),
    pytest.param("text.appeals", "For the latest stories and breaking news download the Gazette apps for iOS and "
                 "Android.", id="appeals:en-app"),
    pytest.param("text.appeals", "¡Mira lo que tiene nuestro canal de YouTube!", id="appeals:es-channel"),
    pytest.param("text.appeals", "Would you consider supporting our work? Just click here.", id="appeals:en-support"),
    pytest.param("text.appeals", "Wesprzyj nas darowizną.", id="appeals:pl-support"),
    pytest.param("text.appeals", "Tú también puedes apoyar el periodismo local. Cancela cuando quieras.",
                 id="appeals:es-cancel"),
    pytest.param("text.post_meta", "This entry was posted on Tuesday, March 3rd, 2026 at 10:15 and is filed under "
                 "Harbour.", id="post_meta:en"),
    pytest.param("text.post_meta", "Der Beitrag wurde am Dienstag, den 3. März 2026 um 10:15 Uhr veröffentlicht und "
                 "wurde unter Hafen abgelegt.", id="post_meta:de"),
    pytest.param("text.file_links", "Harbour plan 2026 PDF | 380 KB", id="file_links:pdf-size"),
    pytest.param("text.file_links", "Application form (DOCX, 1.2 MB)", id="file_links:docx-size"),
    pytest.param("text.figure_captions", "Abbildung 4: Der alte Pier bei Niedrigwasser.", id="figure_captions:de"),
    pytest.param("text.figure_captions", "Fig. 2. Timber piles after forty years in salt water",
                 id="figure_captions:en"),
    pytest.param("text.ad_teasers", "ANZEIGE - Heute mal ausgehen? Wie wäre es mit:", id="ad_teasers:de"),
    pytest.param("text.cookie", "Empfohlener redaktioneller Inhalt", id="cookie:de-embed-heading"),
    pytest.param("text.cookie", "An dieser Stelle findest du einen externen Inhalt von Instagram, der den Artikel "
                 "ergänzt.", id="cookie:de-embed-note"),
    pytest.param("text.page_actions", "Bild anzeigen", id="page_actions:de-show-image"),
    pytest.param("text.disclaimers", "Suggested citation: Brandt, Ole: The old pier, Vellmar Gazette, 2026/3/3.",
                 id="disclaimers:citation"),
    pytest.param("text.bare_links", "Permalink https://gazette.example/p/3x9", id="bare_links:permalink"),
    pytest.param("text.disclaimers", "本文仅代表作者个人观点。", id="disclaimers:zh-views"),
    pytest.param("text.disclaimers", "본 칼럼의 내용은 본지의 편집 방향과 다를 수 있습니다.",
                 id="disclaimers:ko-views"),
    pytest.param("text.disclaimers", "المقالات المنشورة لا تعبر بالضرورة عن رأي الموقع", id="disclaimers:ar-views"),
    pytest.param("text.result_counts", "Showing 1–10 of 19 results", id="result_counts:en"),
    pytest.param("text.result_counts", "Es werden die Boote 1 bis 10 von insgesamt 19 angezeigt!",
                 id="result_counts:de"),
    pytest.param("text.appeals", "Zapraszamy też do subskrypcji naszego tygodnika portowego i do oglądania "
                 "audycji naszej telewizji internetowej o życiu w porcie.", id="appeals:pl-subscribe"),
    pytest.param("text.appeals", "Gazette jetzt digital! Einfach hier klicken und kostenlos registrieren!",
                 id="appeals:de-click-register"),
]


@pytest.mark.parametrize(("rule_name", "junk"), LINE_JUNK)
def test_line_rule_drops_junk_line_and_keeps_neighbours(rule_name, junk):
    kept, ctx = apply_text(_rule(rule_name), [P1, junk, P2, P3])
    assert kept == [P1, P2, P3]
    assert removed(ctx, rule_name) == [junk]
    assert removed(ctx) == [junk]


@pytest.mark.parametrize(("rule_name", "junk"), LINE_JUNK)
def test_clean_text_drops_junk_line_and_keeps_neighbours(rule_name, junk):
    doc = clean_text("\n".join([P1, junk, P2, P3, P4]))
    assert doc.text.split("\n") == list(PARAS)
    assert rules_that_removed(doc, junk) == {rule_name}


# ---------------------------------------------------------------------------- junk blocks (several lines)

BLOCK_JUNK = [
    pytest.param("text.read_more", ["Read more:", "⋙ Council approves the sea wall budget",
                                    "⋙ Fish market moves indoors for the winter"], id="read_more:read-more-arrows"),
    pytest.param("text.read_more", ["READ ALSO", "» Storm damage bill reaches new high",
                                    "» Lifeboat crew called out twice in one night"],
                 id="read_more:read-also-guillemets"),
    pytest.param("text.read_more", ["See also", "► A history of the grain pier in twelve photographs"],
                 id="read_more:see-also-triangle"),
    pytest.param("text.read_more", ["Related articles", "- Engineers split over timber or concrete",
                                    "- Ferry fares frozen for a year"], id="read_more:related-bullets"),
    pytest.param("text.read_more", ["You might also like:", "• Ten walks along the Vellmar coast",
                                    "• The last rope maker on Quay Street"], id="read_more:you-might-also-like"),
    pytest.param("text.read_more", ["Audios et vidéos sur le sujet", "- Le port de Vellmar en images",
                                    "- Entretien avec la capitaine du port"], id="read_more:fr-audio-video"),
    pytest.param("text.read_more", ["Recommended", "→ Why the tides are rising faster here",
                                    "→ Inside the new lifeboat station"], id="read_more:recommended-arrows"),
    pytest.param("text.link_markers", ["⋙ Old photographs of the fishing fleet"], id="link_markers:one-chevron"),
    pytest.param("text.link_markers", ["» Old photographs of the fishing fleet",
                                       "» A night with the lifeboat crew"], id="link_markers:guillemets"),
    pytest.param("text.link_markers", ["► Old photographs of the fishing fleet",
                                       "► A night with the lifeboat crew",
                                       "► The lighthouse keepers' last winter"], id="link_markers:triangles"),
    pytest.param("text.link_markers", ["→ Old photographs of the fishing fleet",
                                       "→ A night with the lifeboat crew"], id="link_markers:arrows"),
]


@pytest.mark.parametrize(("rule_name", "block"), BLOCK_JUNK)
def test_block_rule_drops_heading_and_list_and_keeps_neighbours(rule_name, block):
    kept, ctx = apply_text(_rule(rule_name), [P1, P2, *block, P3])
    assert kept == [P1, P2, P3]
    assert removed(ctx, rule_name) == block


@pytest.mark.parametrize(("rule_name", "block"), BLOCK_JUNK)
def test_clean_text_drops_link_lists(rule_name, block):
    doc = clean_text("\n".join([P1, P2, *block, P3, P4]))
    assert doc.text.split("\n") == list(PARAS)
    for line in block:
        assert rules_that_removed(doc, line) == {rule_name}


def test_a_single_guillemet_line_is_not_a_link_list():
    """`⋙` always marks a link; the other arrows only when two or more come in a row."""
    line = "» The harbour master: we will not close the pier before the platform is ready"
    kept, ctx = apply_text(T.link_markers, [P1, line, P2])
    assert kept == [P1, line, P2]
    assert ctx.trace == []


def test_read_more_heading_followed_by_prose_is_a_subheading_and_stays():
    kept, ctx = apply_text(T.read_more, [P1, "Recommended", P2, P3])
    assert kept == [P1, "Recommended", P2, P3]
    assert ctx.trace == []


def test_bare_read_more_colon_goes_but_the_prose_after_it_stays():
    kept, ctx = apply_text(T.read_more, [P1, "Read more:", P2, P3])
    assert kept == [P1, P2, P3]
    assert removed(ctx, "text.read_more") == ["Read more:"]


def test_in_article_bullet_list_without_a_read_more_heading_stays():
    lines = [P1, "The harbour office listed the changes:", "- The north berth closes on the first of April.",
             "- The fish market moves to the car park on Dock Road.", P2, P3, P4]
    doc = clean_text("\n".join(lines))
    assert doc.text.split("\n") == lines
    assert doc.trace == []


# ---------------------------------------------------------------------------- more from

RAILS = [
    pytest.param(["More From Vellmar Gazette", "Library roof repairs finished early", "February 20, 2026",
                  "Coast road reopens after landslip", "February 18, 2026", "More Articles"], id="source-dates-button"),
    pytest.param(["More from Harbour news", "Dredging starts at the east basin", "Dredging starts at the east basin",
                  "Ferry fares frozen for a year"], id="section-repeated-titles"),
    pytest.param(["More from Vellmar Gazette"], id="heading-at-the-end"),
    pytest.param(["MORE FROM THE GAZETTE", "Lighthouse open day returns", "Load more"], id="caps-load-more"),
]


@pytest.mark.parametrize("rail", RAILS)
def test_more_from_cuts_the_rail_and_everything_after(rail):
    kept, ctx = apply_text(T.more_from, [P1, P2, P3, *rail])
    assert kept == [P1, P2, P3]
    assert removed(ctx, "text.more_from") == rail


@pytest.mark.parametrize("rail", RAILS)
def test_clean_text_cuts_more_from_rail(rail):
    doc = clean_text("\n".join([*PARAS, *rail]))
    assert doc.text.split("\n") == list(PARAS)
    assert removed(doc, "text.more_from") == rail


def test_more_from_heading_followed_by_prose_stays():
    lines = [P1, P2, "More from the council", P3, P4]
    kept, ctx = apply_text(T.more_from, lines)
    assert kept == lines
    assert ctx.trace == []


def test_more_from_sentence_stays():
    lines = [P1, "More from the mayor later today.", P2]
    kept, ctx = apply_text(T.more_from, lines)
    assert kept == lines
    assert ctx.trace == []


def test_more_from_with_a_site_profile_that_ends_in_a_rail_cuts_even_prose_like_teasers():
    profile = SiteProfile(name="gazette", hosts=("gazette.example",), site="gazette.example", more_from_footer=True)
    ctx = Context(profile=profile)
    rail = ["More From Vellmar Gazette", "The library roof was repaired two weeks ahead of plan, the council said."]
    kept, ctx = apply_text(T.more_from, [P1, P2, *rail], ctx)
    assert kept == [P1, P2]
    assert removed(ctx, "text.more_from") == rail


# ---------------------------------------------------------------------------- sources


def test_sources_list_moves_to_the_record():
    lines = [P1, P2, "Sources used:", "- Harbour Weekly: 'Pier survey published'",
             "- Coast Radio: 'Fishing crews react to rebuilding plan'", P3]
    kept, ctx = apply_text(T.sources, lines)
    assert kept == [P1, P2, P3]
    assert ctx.meta["sources"] == ["Harbour Weekly: 'Pier survey published'",
                                   "Coast Radio: 'Fishing crews react to rebuilding plan'"]
    assert removed(ctx, "text.sources") == lines[2:5]


def test_clean_text_moves_sources_to_the_record():
    doc = clean_text("\n".join([*PARAS, "Sources:", "Harbour Weekly: Pier survey published"]))
    assert doc.text.split("\n") == list(PARAS)
    assert doc.sources == ["Harbour Weekly: Pier survey published"]
    assert removed(doc, "text.sources") == ["Sources:", "Harbour Weekly: Pier survey published"]


def test_sources_heading_without_a_list_stays():
    lines = [P1, "Sources:", P2]
    kept, ctx = apply_text(T.sources, lines)
    assert kept == lines
    assert ctx.trace == [] and "sources" not in ctx.meta


# ---------------------------------------------------------------------------- title repeat


@pytest.mark.parametrize("copy", [TITLE, TITLE.upper(), f"  {TITLE} "])
def test_title_repeated_at_the_top_goes(copy):
    ctx = Context(meta={"title": TITLE})
    kept, ctx = apply_text(T.title_repeat, [copy, P1, P2], ctx)
    assert kept == [P1, P2]
    assert removed(ctx, "text.title_repeat") == [copy]


def test_title_quoted_further_down_stays():
    ctx = Context(meta={"title": TITLE})
    lines = [P1, P2, P3, TITLE, P4]
    kept, ctx = apply_text(T.title_repeat, lines, ctx)
    assert kept == lines
    assert ctx.trace == []


def test_title_repeat_without_a_title_does_nothing():
    kept, ctx = apply_text(T.title_repeat, [TITLE, P1])
    assert kept == [TITLE, P1]


# ---------------------------------------------------------------------------- doubled lines

DOUBLED = [
    pytest.param("February 25, 2026Feb 25, 2026", "February 25, 2026", "Feb 25, 2026", id="long-short-date"),
    pytest.param("February 25, 2026 Feb 25, 2026", "February 25, 2026", "Feb 25, 2026", id="with-space"),
    pytest.param("25 February 2026 25/02/2026", "25 February 2026", "25/02/2026", id="day-first"),
    pytest.param("2026-02-25February 25, 2026", "2026-02-25", "February 25, 2026", id="iso-long"),
    pytest.param("Breaking newsBreaking news", "Breaking news", "Breaking news", id="doubled-label"),
    pytest.param("By Mara OlsenBy Mara Olsen", "By Mara Olsen", "By Mara Olsen", id="doubled-byline"),
]


@pytest.mark.parametrize(("line", "kept_copy", "dropped"), DOUBLED)
def test_self_doubled_line_keeps_one_copy(line, kept_copy, dropped):
    kept, ctx = apply_text(T.doubled, [line, P1, P2])
    assert kept == [kept_copy, P1, P2]
    assert removed(ctx, "text.doubled") == [dropped]


@pytest.mark.parametrize(("line", "kept_copy", "dropped"), DOUBLED)
def test_clean_text_undoubles_lines(line, kept_copy, dropped):
    doc = clean_text("\n".join([line, *PARAS]))
    assert removed(doc, "text.doubled") == [dropped]
    if T._is_date_only(kept_copy):  # a date alone is page furniture: once undoubled, it goes too
        assert doc.text.split("\n") == list(PARAS)
        assert removed(doc, "text.page_meta") == [kept_copy]
    else:
        assert doc.text.split("\n") == [kept_copy, *PARAS]


@pytest.mark.parametrize("line", [
    pytest.param("February 25, 2026February 26, 2026", id="two-different-dates"),
    pytest.param("Vellmar and Vellmar", id="not-two-halves"),
    pytest.param("Tom-tom drums at the harbour festival", id="prose"),
    pytest.param("aa", id="too-short"),
])
def test_lines_that_are_not_doubled_stay(line):
    kept, ctx = apply_text(T.doubled, [line, P1])
    assert kept == [line, P1]
    assert ctx.trace == []


def test_doubled_paragraph_is_not_undoubled_past_200_characters():
    """The rule only looks at short lines; a long repeated paragraph is left to other rules."""
    line = P1 + P1
    kept, ctx = apply_text(T.doubled, [line])
    assert kept == [line]


# ---------------------------------------------------------------------------- adjacent duplicates


def test_adjacent_duplicate_line_goes():
    teaser = "Library roof repairs finished early"
    kept, ctx = apply_text(T.adjacent_duplicates, [P1, teaser, teaser, P2])
    assert kept == [P1, teaser, P2]
    assert removed(ctx, "text.adjacent_duplicates") == [teaser]


def test_adjacent_duplicate_paragraph_goes_once():
    kept, ctx = apply_text(T.adjacent_duplicates, [P1, P2, P2, P2, P3])
    assert kept == [P1, P2, P3]
    assert removed(ctx, "text.adjacent_duplicates") == [P2, P2]


def test_non_adjacent_repeats_stay():
    chorus = "“Save the pier!”"
    lines = [P1, chorus, P2, chorus, P3]
    kept, ctx = apply_text(T.adjacent_duplicates, lines)
    assert kept == lines
    assert ctx.trace == []


def test_clean_text_drops_adjacent_duplicate():
    caption = "The grain pier at low tide, photographed on Monday."
    doc = clean_text("\n".join([P1, caption, caption, P2, P3]))
    assert doc.text.split("\n") == [P1, caption, P2, P3]
    assert removed(doc, "text.adjacent_duplicates") == [caption]


# ---------------------------------------------------------------------------- normalize


def test_normalize_splits_lines_collapses_spaces_and_removes_no_words():
    raw = [f"  {P1}\u00a0 ", "", f"{P2}\n\n{P3}", "The   pier\u200b closes\tin April."]
    kept, ctx = apply_text(T.normalize, raw)
    assert kept == [P1, P2, P3, "The pier closes in April."]
    assert ctx.trace == []


# ---------------------------------------------------------------------------- never remove real content

MENTIONS = [
    *(pytest.param(text, id=name) for text, name in MENTION_TEXTS),
    # sentences that open with or hold the words of the multilingual phrase kinds
    pytest.param("Source: I think the council will pay for it.", id="source-clause"),
    pytest.param("Editor Mara Olsen, who ran the Gazette for twenty years, said the pier was the heart of the town.",
                 id="editor-prose"),
    pytest.param("Quelle der Sorge ist der Zustand der Holzpfähle, die seit Jahren faulen.", id="quelle-prose"),
    pytest.param("Auch interessant ist, dass die Fähre im Winter weiterfährt.", id="auch-interessant-prose"),
    pytest.param("Czytaj też o tym, jak rybacy przygotowują się do zimy w porcie.", id="czytaj-prose"),
    pytest.param("Watch the tide tables carefully if you plan to sail near the old pier this summer.",
                 id="watch-prose"),
    pytest.param("Special reports from the harbour office are published every spring, the council said.",
                 id="special-report-prose"),
    pytest.param("Anzeigen für die neue Plattform erscheinen nächste Woche in der Zeitung.", id="anzeige-prose"),
    pytest.param("Stand der Arbeiten am 17. März: die Hälfte der Pfähle ist gezogen.", id="stand-prose"),
    pytest.param("Print editions of the Gazette will carry the full survey on Friday.", id="print-prose"),
    pytest.param("1,234 views of the harbour were sent in for the photography prize.", id="views-prose"),
    pytest.param("编辑部表示，新码头将于明年春天开放。", id="zh-editors-prose"),
    pytest.param("记者：新码头的工程进展如何", id="zh-interview-question"),
    pytest.param("Редактор газеты сказал, что ремонт пристани начнётся весной.", id="ru-editor-prose"),
    pytest.param("Was this pier ever safe? The engineers now say it was not, at least since the storm of 1953.",
                 id="was-this-prose"),
    pytest.param("Comments from the harbour master were not available before the council met on Tuesday.",
                 id="comments-from"),
    pytest.param("Updated figures released on Monday show that 12 ships docked at the new pier last week.",
                 id="updated-figures"),
    pytest.param("Copyright law changed in 2019 after a long campaign by the island's authors and printers.",
                 id="copyright-law"),
    pytest.param("[Editor's note: an earlier version of this story gave the wrong date for the vote.]",
                 id="editors-note-in-brackets"),
    pytest.param("The ferry company says a season ticket will cost £11.99 a month from April, up from £9.50.",
                 id="price-in-news"),
    pytest.param("Join the 300 volunteers who paid £5 each to clean the beach on Saturday, the organisers said.",
                 id="join-with-price"),
    pytest.param("https://council.example/reports/pier-survey-2026.pdf", id="bare-url-cited"),
    pytest.param("10:45 a.m.", id="live-blog-time"),
    pytest.param("The photo credit went to a student from the harbour school, who took it from the ferry.",
                 id="photo-credit-prose"),
    pytest.param("Editors of the island paper said the council had not answered their questions by Friday.",
                 id="editors-prose"),
    pytest.param("On 3 March 2026 the council voted to rebuild the pier.", id="date-in-prose"),
    pytest.param("Tagged boats must leave the inner harbour by Friday, the harbour master said.", id="tagged-prose"),
    pytest.param("Also on Tuesday, the ferry company announced a new timetable for the islands.",
                 id="also-on-tuesday"),
    pytest.param("Read more about the plan on the council's website, where the full survey has been published "
                 "alongside the engineers' photographs of the rotten piles.", id="read-more-about"),
    pytest.param("Related work on the sea wall will start in the autumn.", id="related-short"),
    pytest.param("Tags on the old mooring rings show they were cast in 1911.", id="tags-short"),
    pytest.param("Copyright in the pier's original drawings still belongs to the engineering firm.",
                 id="copyright-word"),
    pytest.param("Share prices of the ferry company rose after the announcement.", id="share-prices"),
    pytest.param("Sources close to the committee said the vote was unanimous.", id="sources-prose"),
    pytest.param("Advertisements for the temporary platform will appear in the Gazette next week.", id="ads-prose"),
]


@pytest.mark.parametrize("mention", MENTIONS)
def test_prose_that_mentions_junk_words_survives_every_text_rule(mention):
    lines = [P1, P2, mention, P3, P4]
    doc = clean_text("\n".join(lines))
    assert doc.text.split("\n") == lines
    assert doc.trace == []


PROSE_STARTING_LIKE_JUNK = [
    pytest.param("Don't miss the new show at the Vellmar playhouse, a comedy about a ferry that never arrives, "
                 "which opens on Friday with a cast drawn almost entirely from the harbour's own families.",
                 id="promo"),
    pytest.param("Follow the harbour master on Twitter for a week and you soon learn how often the old pier floods: "
                 "she posts a photograph of the water over the deck almost every morning.", id="share"),
    pytest.param("Sign up for free swimming lessons at the new harbour pool opened on Monday, and the council says "
                 "two hundred children did so before lunchtime on the first day, far more than the staff expected.",
                 id="newsletter"),
    pytest.param("Read more: that was the advice the librarians gave the crews, who borrowed every book on timber "
                 "piles the Vellmar library owned and then asked the county library for more of them.",
                 id="read-more"),
]


@pytest.mark.parametrize("prose", PROSE_STARTING_LIKE_JUNK)
def test_long_prose_that_starts_like_junk_survives_the_text_rules(prose):
    """The text rules take only short lines: a real paragraph that opens with the same words stays."""
    lines = [P1, P2, prose, P3, P4]
    doc = clean_text("\n".join(lines))
    assert doc.text.split("\n") == lines
    assert doc.trace == []


def test_subheadings_quotes_and_lists_survive_clean_text():
    lines = [
        "A rotten pier, a worried fishing fleet and a floating stopgap: what the rebuilding plan means.",
        P1, P2,
        "What happens to the island ferry",
        P3,
        "“We have patched that pier every winter for fifteen years,” said one skipper.",
        "The harbour office listed the changes:",
        "1. The north berth closes on the first of April.",
        "2. The fish market moves to the car park on Dock Road.",
        P4,
    ]
    doc = clean_text("\n".join(lines))
    assert doc.text.split("\n") == lines
    assert doc.trace == []


def test_a_text_full_of_junk_keeps_only_the_story():
    text = "\n".join([
        TITLE, "February 25, 2026Feb 25, 2026", "Share this article", P1, "Discover our latest podcast", P2,
        "Read more:", "⋙ Council approves the sea wall budget", P3, "Advertisement", P4,
        "Sign up to our daily newsletter", "Tags: harbour, ferries", "Sources used:",
        "- Harbour Weekly: 'Pier survey published'", "© 2026 Vellmar Gazette",
        "More From Vellmar Gazette", "Library roof repairs finished early", "February 20, 2026", "More Articles",
    ])
    doc = clean_text(text)
    assert doc.text.split("\n") == [TITLE, *PARAS]  # the undoubled date alone goes too (text.page_meta)
    assert doc.sources == ["Harbour Weekly: 'Pier survey published'"]
    names = {r.rule for r in doc.trace}
    assert {"text.doubled", "text.share", "text.promo", "text.read_more", "text.newsletter", "text.tags",
            "text.sources", "text.copyright", "text.more_from"} <= names


def test_tags_heading_takes_the_list_on_the_next_line_only():
    lines = [P1, "Tags", "harbour, pier, ferries, council", P2, "Topics", P3]
    kept, ctx = apply_text(_rule("text.tags"), lines)
    assert kept == [P1, P2, P3]
    assert removed(ctx) == ["Tags", "harbour, pier, ferries, council", "Topics"]


def test_title_repeat_sees_through_a_site_name_and_quote_marks():
    from cleaners.rules import Context

    ctx = Context()
    ctx.meta["title"] = "'The pier': what happens next | Vellmar Gazette"
    kept, ctx = apply_text(_rule("text.title_repeat"), ["‘The pier’: what happens next", P1, P2], ctx)
    assert kept == [P1, P2]
    ctx = Context()
    ctx.meta["title"] = "Vellmar Gazette - The pier"
    kept, _ = apply_text(_rule("text.title_repeat"), ["The pier was busy on Monday.", P1], ctx)
    assert kept == ["The pier was busy on Monday.", P1]


def test_site_signoff_drops_the_sites_name_alone_at_either_end():
    from cleaners.rules import Context

    ctx = Context()
    ctx.meta["sitename"] = "Vellmar Gazette"
    kept, ctx = apply_text(_rule("text.site_signoff"), [P1, P2, "Vellmar Gazette"], ctx)
    assert kept == [P1, P2]
    assert removed(ctx) == ["Vellmar Gazette"]
    kept, _ = apply_text(_rule("text.site_signoff"), [P1, "Vellmar Gazette", P2], ctx)
    assert kept == [P1, "Vellmar Gazette", P2]  # in the middle it may be a sub-heading: it stays


# ---------------------------------------------------------------------------- lines whose place says what they are


@pytest.mark.parametrize("line", ["Special report: The future of Vellmar harbour", "Schwerpunkt: Hafen Vellmar",
                                  "专题：维尔马港改造"])
def test_a_topic_link_line_over_the_story_goes_and_the_story_stays(line):
    kept, ctx = apply_text(_rule("text.topic_line"), [line, P1, P2, P3])
    assert kept == [P1, P2, P3]
    assert removed(ctx, "text.topic_line") == [line]
    doc = clean_text("\n".join([line, *PARAS]))
    assert doc.text.split("\n") == list(PARAS)


def test_a_topic_label_in_the_middle_of_the_text_stays():
    lines = [P1, P2, "Special report: The future of Vellmar harbour", P3]
    kept, ctx = apply_text(_rule("text.topic_line"), lines)
    assert kept == lines and removed(ctx) == []


@pytest.mark.parametrize(("last", "tail"), [
    (P4 + " (Agencies)", "(Agencies)"),
    ("工程师估计，新的混凝土码头能承受旧码头三倍的重量。（责编：王文）", "（责编：王文）"),
    ("Инженеры считают, что новый причал выдержит втрое больший вес. (Источник: портовое управление)",
     "(Источник: портовое управление)"),
])
def test_a_credit_closing_the_last_paragraph_is_cut_and_the_paragraph_stays(last, tail):
    kept, ctx = apply_text(_rule("text.credit_lines"), [P1, P2, last])
    assert kept == [P1, P2, last[:-len(tail)].rstrip()]
    assert removed(ctx, "text.credit_lines") == [tail]


def test_a_bracketed_source_inside_a_sentence_stays():
    line = "The survey found the piles had rotted (source: the harbour office) and must go"
    kept, ctx = apply_text(_rule("text.credit_lines"), [P1, P2, line])
    assert kept == [P1, P2, line] and removed(ctx) == []


def test_a_related_heading_at_the_end_goes_with_what_is_left_of_its_list():
    tail = ["Related", "Ferry fares frozen for a year", "March 2, 2026"]
    kept, ctx = apply_text(_rule("text.read_more"), [P1, P2, P3, *tail])
    assert kept == [P1, P2, P3]
    assert removed(ctx, "text.read_more") == tail


def test_a_related_heading_with_paragraphs_after_it_stays():
    lines = [P1, "Related", P2, P3]
    kept, ctx = apply_text(_rule("text.read_more"), lines)
    assert kept == lines and removed(ctx) == []


def test_a_screened_pattern_finds_exactly_what_the_pattern_finds():
    """`patterns.screened` skips the full search when a line holds none of the strings every match
    must hold: it may never change a verdict. Lines that match each screened pattern, and prose
    beside them, give the same answer both ways."""
    import re as _re

    from cleaners import patterns as P

    lines = ["© Harbour Press / Jane Roe", "Photo: Jane Roe", "(File Photo)", "新华社记者 林海 摄",
             "All rights reserved.", "This story is not responsible for the opinions of contributors.",
             "Download our app for iOS and Android", "Support our journalism today",
             "The ferry timetable changes on the first of May for the summer season.",
             "Passengers can download the timetable from the harbour office website.",
             "Copyright law was the subject of the council's second debate.", ""]
    patterns = [getattr(P, name) for name in dir(P) if isinstance(getattr(P, name), _re.Pattern)]
    screened = 0
    for pattern in patterns:
        search = P.screened(pattern)
        screened += search is not pattern.search
        for line in lines + [line.lower() for line in lines] + [line.upper() for line in lines]:
            assert bool(search(line)) == bool(pattern.search(line)), (pattern.pattern[:60], line)
    assert screened >= 10  # most patterns do get a screen (else this test proves nothing)


@pytest.mark.parametrize("line", ["+49 512-34-2019", "0512 344 2019", "2019 – 2026: 12500", "06 2019 344 12"])
def test_a_phone_number_or_a_count_with_a_year_in_it_is_no_date_line(line):
    """A line of digits with a year-like group in it is a date line only when every group could be
    part of a date: a phone number ("+49 ...", groups of three digits) and a count stay; a date
    beside them goes."""
    date = "March 3, 2026 - 11:28 GMT"
    kept, ctx = apply_text(T.page_meta, [P1, line, date, P2])
    assert kept == [P1, line, P2]
    assert removed(ctx, "text.page_meta") == [date]
