"""Boilerplate phrases, shared by the DOM rules and the text rules so both stages agree.

Each pattern is anchored at the start of a block or line and matches the *kind* of junk
(any outlet name, any channel, any section), not one page's sentence. They are compiled
case-insensitive.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import vocabulary as V

try:
    from re import _parser as _sre
except ImportError:  # Python before 3.11
    import sre_parse as _sre  # type: ignore[no-redef]

_I = re.I

_NETWORKS = V.alternation(V.SOCIAL_NETWORKS)

#: Share / follow bars: "Share this article", "You can share this story on social media:",
#: "Follow RT on Telegram", "Join us on Telegram".
SHARE = re.compile(
    r"^(?:share(?: this| the)? (?:article|story|post|page|video|news)\b"
    r"|share on " + _NETWORKS + r"\b"
    r"|share\s*(?::|$)|sharing is caring"
    r"|you can share this (?:story|article|post|news|page) on social (?:media|networks)"
    r"|follow (?:us|[\w.@'&’ -]{1,40}?) on " + _NETWORKS + r"\b"
    r"|(?:join|subscribe to) (?:us|our [\w -]{0,20}channel) on " + _NETWORKS + r"\b"
    r"|subscribe to (?:our|the) " + _NETWORKS + r" channel"
    r"|(?:like|find) us on facebook\b"
    r"|(?:like|enjoyed|love) (?:this|the) (?:story|article|post)\?\s*share\b"
    # the same invitations in the other languages of `vocabulary.FOLLOW_US`
    r"|" + V.alternation(V.FOLLOW_US) + r"\s)",
    _I,
)

#: Newsletter and sign-up boxes.
NEWSLETTER = re.compile(
    r"^(?:(?:sign up|subscribe|register)(?: now)? (?:to|for) (?:our|the|my) [\w'’ -]{0,40}?newsletters?\b"
    r"|(?:get|join) (?:our|the) [\w'’ -]{0,40}?newsletters?\b"
    r"|newsletters?\s*(?:sign[- ]?up|subscription)?\s*:?$"
    r"|(?:enter|type) your e-?mail(?: address)?\b"
    r"|sign up (?:for free|now|today)\b"
    r"|(?:get|receive) (?:the|our) (?:latest )?(?:news|headlines|stories|updates) (?:delivered |right )?"
    r"(?:in|into|to|straight to) your inbox"
    # sign-ups in the other languages of `vocabulary.NEWSLETTER_SIGNUP`
    r"|" + V.alternation(V.NEWSLETTER_SIGNUP) + r")",
    _I,
)

#: Podcast, video and app promos the sites inject between paragraphs.
PROMO = re.compile(
    r"^(?:(?:discover|listen to|check out|watch|hear|try|don'?t miss|catch up (?:on|with))"
    r" (?:our|the) (?:latest |new |newest |daily |weekly |free )*(?:podcasts?|videos?|episodes?|shows?|apps?)\b"
    r"|(?:download|get|install) (?:our|the) (?:free )?(?:[\w]+ )?app\b"
    r"|listen (?:on|via) (?:spotify|apple podcasts|deezer|google podcasts|soundcloud)\b"
    r"|how to (?:listen to|subscribe to|download) (?:the |our )?[\w' -]{0,40}podcast\b"
    # a subscription offer with its price: "Get Example Monthly delivered ... 12 issues for £11.99"
    r"|(?:get|subscribe|join|try|start|become)\b(?=.{0,250}?(?:[£$€₹]\s?\d|\brs\.?\s?\d))"
    r"(?=.{0,250}?\b(?:subscri\w*|issues?|delivered|per (?:month|year)|a (?:month|year)|use the code|first year)\b)"
    r"|(?:advertisement|sponsored(?: content)?|ad)\s*$)",
    _I,
)

#: Headings that introduce a list of links to other articles, in the languages of `vocabulary.READ_MORE`.
READ_MORE = re.compile(r"^" + V.alternation(V.READ_MORE) + r"\s*(?::|[.…!?]*$)", _I)
#: An invitation to read another piece alone on its line ("Auch interessant", "Schon gelesen?", "Czytaj też:"):
#: never a sub-heading of the story, whatever follows it.
READ_ALSO_ALONE = re.compile(r"^" + V.alternation(V.READ_ALSO) + r"\s*[:：.…!?]*$", _I)

#: "More From <source>" / "More from <section>": a teaser rail follows, to the end of the page.
MORE_FROM = re.compile(r"^more from\s+\S.{0,60}$", _I)

#: Pagination and "load more" buttons or links.
LOAD_MORE = re.compile(
    r"^(?:more articles|load more(?: articles| stories| news)?|show more|view more"
    r"|see more(?: articles| stories| news)?"
    r"|older posts|newer posts|next page|previous page|all news|more news)\s*[›»>→]?$",
    _I,
)

#: Cookie and consent notices, and the consent placeholders of embedded posts.
COOKIE = re.compile(
    r"^(?:we use cookies|we and our partners use cookies|this (?:web)?site uses cookies"
    r"|(?:this|our) site uses cookies"
    r"|by (?:continuing|using)[\w ]{0,40}(?:site|website)[^.]{0,80}cookies|(?:accept|allow|reject) (?:all )?cookies"
    r"|cookie (?:settings|preferences|policy|consent)|manage (?:cookies|consent|preferences)"
    r"|we value your privacy"
    # the placeholder of an embedded post the reader must consent to load (`vocabulary.EMBED_CONSENT`)
    r"|" + V.alternation(V.EMBED_CONSENT) + ")",
    _I,
)

#: Copyright lines.
COPYRIGHT = re.compile(r"^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})|all rights reserved)"
                       # "copyright Example Mag 2019 - ISSN ...": a name and a year, then nothing or a separator
                       r"|^copyright\s+(?:by\s+)?\S+(?:\s+\S+){0,3}\s+(?:19|20)\d{2}\s*(?:[-–|]|$)"
                       # "All rights reserved" in the languages of `vocabulary.RIGHTS_RESERVED`, ending the line
                       r"|(?<![^\W\d_])" + V.alternation(V.RIGHTS_RESERVED) + r"\s*[.。>)\]]?\s*$"
                       r"|^.{0,100}©\s*[\w&.' -]{1,40},?\s*(?:19|20)\d{2}\.?$", _I)  # "photos © Example, 2018"

#: Comment-thread labels and prompts that reach the text: "12 comments", "Leave a reply", "Tell us what you think".
COMMENT_PROMPTS = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies)\s*(?:\(\d+\))?:?$"
    r"|^(?:leave|post|add|write|submit) (?:a|your) (?:comment|reply|response)\b"
    r"|^(?:tell|let) us (?:what|know what) you think\b|^(?:join|start) the (?:discussion|conversation)\b"
    r"|^(?:show|view|load|read) (?:all )?(?:\d+ )?comments\b", _I)

#: A line that is only a labelled link: a short label and a URL ("Listen: https://..."). A bare URL
#: alone stays: articles cite addresses on lines of their own.
BARE_LINK = re.compile(r"^[\w'’ -]{1,25}:\s*(?:https?://|www\.)\S+$"
                       # a permanent link's label and its address, the colon left out ("Permalink https://...")
                       r"|^(?:- )?" + V.alternation(V.PERMALINK) + r"\s*:?\s*(?:https?://|www\.)\S+$", _I)

#: Reading-time notes: "Reading time: 3 minutes", "Tempo de leitura: 1 minuto", "4 min read".
READING_TIME = re.compile(r"^" + V.alternation(V.READING_TIME) + r"\s*[:：]?\s*(?:about |approx\.? |ca\.? |约 ?|약 ?)?"
                          r"\d+\s*\w*\.?$"
                          r"|^\d+\s*(?:-|\s)?" + V.alternation(V.READING_TIME_AFTER) + r"$", _I)
#: A reading-time note closing a byline or date line: "By A. Writer Feb 8, 2026 5 min read".
READING_TIME_TAIL = re.compile(r"(?:^|[\s·•|–—-])\d+\s*(?:-|\s)?" + V.alternation(V.READING_TIME_AFTER) + r"$", _I)

#: A photo credit closing a caption: "(Xinhua/Chen Yehua)", "Photo: VCG", "/Xinhua".
PHOTO_CREDIT = re.compile(r"(?:\(" + V.alternation(V.CREDIT_AGENCIES) + r"\s*/\s*[^)]{2,40}\)"
                          r"|\b(?:photo|photograph|picture|image)s?\s*(?:credit)?:\s*[\w .,&/'-]{2,40}"
                          r"|(?<![^\W\d_])" + V.alternation(V.PHOTO_LABEL) + r"\s*[:：=]\s*[\w .,&/'-]{2,40}"
                          r"|/\s*" + V.alternation(V.CREDIT_TAIL_AGENCIES)
                          # "... © AFP / A. Photographer": an agency and a name after the sign
                          + r"|©\s*[\w&.' -]{2,30}\s*/\s*[\w&.' -]{2,40}"
                          # "新华社记者 李某 摄": a reporter's name and "photographed"
                          r"|记者\s*[\u4e00-\u9fff·]{2,10}(?:[、，\s]+[\u4e00-\u9fff·]{2,10})*\s*摄[)）]?"
                          # "(File Photo)", "(Photo: A. Writer)", "（资料图）", "(新华社发 李某摄)"
                          r"|\((?:file )?(?:photo|picture|image)s?(?:\s*[:/]\s*[^)]{2,40})?\)"
                          r"|[（(](?:资料图片?|图片来源[:：][^)）]{1,30}|新华社发(?:\s*[\u4e00-\u9fff·]{2,10}\s*摄)?)[)）]"
                          r")\.?$", _I)

#: Editors' notes about the article: "Editor's note: This story is part of a series ...".
EDITORS_NOTE = re.compile(r"^\(?(?:editor'?s'?|editors’|editor’s) note\s*:", _I)

#: Notices of the site's other addresses (sites blocked in places): "... can also be reached at these
#: alternate addresses: ...".
MIRROR_NOTICE = re.compile(r"\bcan (?:also )?be (?:reached|accessed|found) (?:at|via) (?:these|the following|our)"
                           r" (?:alternate |alternative |mirror )?(?:addresses|urls|domains|sites|mirrors|links)\b", _I)

#: Unrendered WordPress shortcodes: "[button link=...]Send us your review[/button]", "[caption id=...]".
SHORTCODE = re.compile(r"^\[/?[a-z_-]+(?:\s[^\]]*)?\](?:.*\[/[a-z_-]+\])?\s*$", _I)

#: Stand-alone time stamps of the page: "Updated at 1:23 p.m.", "Last updated: 3 March 2026".
TIMESTAMP = re.compile(r"^(?:updated|published|posted|last (?:updated|modified|reviewed))(?: at| on)?:?\s"
                       r"[^.]{0,40}?\d[^.]{0,25}(?:[ap]\.?m\.?)?\s*$"
                       # the labels of `vocabulary.TIMESTAMP_LABEL` before a date or time that ends the line
                       r"|^" + V.alternation(V.TIMESTAMP_LABEL) + r"\s*[:：]?\s*\d[\w.:/,\- ]{2,40}?"
                       r"(?:\d|uhr|h|[ap]\.?m\.?|utc|gmt|mez|msk)\.?"
                       # closed by the section the page is filed in: "News date : 04/21/2022 Category : Press"
                       r"(?:\s+" + V.alternation(V.CATEGORY_LABEL) + r"\s*[:：]\s*[^.:]{1,40})?$", _I)
#: A date label left alone on its line (its date was markup of its own): "Release Date:", "Datum:".
DATE_LABEL_ALONE = re.compile(r"^" + V.alternation(V.TIMESTAMP_LABEL) + r"\s*[:：]$", _I)
#: A blog theme's sentence about the post itself (`vocabulary.POST_META`), at the start of a line.
POST_META = re.compile(r"^" + V.alternation(V.POST_META), _I)

#: Tag and category lists.
TAGS = re.compile(r"^(?:tags?|topics?|categories|category|filed under|keywords|related topics)\s*:", _I)
#: A tag-list heading on a line of its own (the list follows on the next line).
TAGS_HEADING = re.compile(r"^" + V.alternation(V.TAGS_HEADING) + r"\s*:?$", _I)

#: Links to the site's other stories written into the text: "Also on example.com <headline>".
ALSO_ON = re.compile(r"^also on [\w.-]+\.[a-z]{2,}\b", _I)

#: Reporter contact promos: "Have a tip? ... may be reached at ...".
TIP_PROMO = re.compile(r"^(?:have|got) a (?:news )?tip\?", _I)

#: Attribution list heading: "Sources used:", "Sources:", "Source list:".
SOURCES = re.compile(r"^(?:sources?(?: used)?|source list|references)\s*:$", _I)

#: Lines that start with the arrows sites put before related links.
LINK_MARKER = re.compile(r"^\s*[⋙»►→➤▶▸➔➜⇒]")

#: Words of a sign-up box, looked for anywhere in a short box around an e-mail form.
NEWSLETTER_WORDS = re.compile(r"\b(?:newsletters?|subscribe|sign[- ]?up|inbox|mailing list)\b", _I)

_AGENCY = V.alternation(V.AGENCIES)
_OPEN, _CLOSE = r"[(（\[【<〈]", r"[)）\]】>〉]"
_NAME = r"(?:[^:：()（）\[\]【】<>〈〉!?！？。]|\([^()]{1,20}\))"

#: A credit, editor or source line: a label of `vocabulary.CREDIT_LABEL` and a short name, maybe in
#: brackets ("Source: Reuters", "Quelle: dpa", "(责编：王某、李某)", "执笔/李某", "Редактор: Иванова",
#: "사진=연합뉴스"). `name` is checked by the rule: a few words, no sentence.
CREDIT_LINE = re.compile(r"^" + _OPEN + r"?\s*" + V.alternation(V.CREDIT_LABEL) + r"\s*[:：/=｜|]\s*(?P<name>"
                         + _NAME + r"{1,60}?)\s*" + _CLOSE + r"?\.?$", _I)
#: A credit that names the people after "by" or "from" ("(Reporting by ...; Editing by ...)",
#: "Con información de EFE", "Edited by A. Writer").
CREDIT_BY_LINE = re.compile(r"^" + _OPEN + r"?\s*" + V.alternation(V.CREDIT_BY) + r"\s+(?P<name>[^()（）]{2,150}?)"
                            + _CLOSE + r"?\.?$", _I)
#: An agency credit on a line of its own: "(Agencies)", "(With inputs from agencies)", "(dpa)",
#: "aja/PAP", "AFP/dpa".
AGENCY_LINE = re.compile(r"^(?:" + _OPEN + r"\s*(?:(?:with (?:inputs? )?(?:from )?|avec |con |com |mit |via "
                         r"|source:? )?(?:the )?" + _AGENCY + r"(?:\s*[,/&+]\s*(?:" + _AGENCY + r"|[\w.]{1,8}))*)\s*"
                         + _CLOSE + r"|(?:[\w.]{1,8}\s*/\s*)?" + _AGENCY + r"(?:\s*/\s*(?:" + _AGENCY
                         + r"|[\w.]{1,8}))*)\.?$", _I)
#: The same credits in brackets at the very end of a closing paragraph: "... he said. (Agencies)",
#: "……。（责编：王某）".
TRAILING_CREDIT = re.compile(r"(?<=[.!?。！？”\"’'」])\s*(?:" + _OPEN + r"\s*(?:" + V.alternation(V.CREDIT_LABEL)
                             + r")\s*[:：/=]\s*" + _NAME + r"{1,40}?" + _CLOSE + r"|" + _OPEN + r"\s*" + _AGENCY
                             + r"(?:\s*[,/&]\s*" + _AGENCY + r")*\s*" + _CLOSE + r")\s*$", _I)

#: A topic link line over the story: "Special report: <topic>", "Schwerpunkt: <topic>", "专题：<topic>".
TOPIC_LINE = re.compile(r"^" + V.alternation(V.TOPIC_LABEL) + r"\s*[:：|｜]\s*\S.{0,120}$", _I)
#: A media teaser: "WATCH | <headline>", "VIDEO | <headline>".
MEDIA_LINE = re.compile(r"^" + V.alternation(V.MEDIA_LABEL) + r"\s*[|｜]\s*\S", _I)
#: A label alone on its line: "Article content", "Anzeige", "Publicité", "광고".
PAGE_LABEL_LINE = re.compile(r"^[\W_]*" + V.alternation(V.PAGE_LABEL) + r"[\W_]*$", _I)
#: A request for the reader's rating: "Was this article helpful?", "War der Artikel nützlich?".
FEEDBACK_LINE = re.compile(r"^¿?" + V.alternation(V.FEEDBACK) + r"\s*[?？]?\s*$", _I)
#: A bar of page actions: "E-mail this Story | Print this Story", "Drucken | Versenden".
_ACTION = V.alternation(V.PAGE_ACTION)
ACTION_BAR = re.compile(r"^(?:" + _ACTION + r")(?:(?:\s*[|·•/]\s*|\s+)(?:" + _ACTION + r"))*\s*[|·•]?$", _I)
#: A view counter: "Views: 1,234", "1,234 views", "阅读量：1234", "조회수 1,234", "Просмотров: 123".
VIEW_COUNT = re.compile(r"^(?:" + V.alternation(V.VIEW_COUNT) + r")\s*[:：]?\s*\d[\d,.\s]*(?:k|m|万|千)?$"
                        r"|^\d[\d,.\s]*(?:k|m|万|千)?\s*(?:" + V.alternation(V.VIEW_COUNT) + r")$", _I)
#: A paywall notice: "To read the full story, subscribe ...", "Dieser Artikel ist nur für Abonnenten".
PAYWALL = re.compile(r"^" + V.alternation(V.PAYWALL), _I)

_SENTENCE_END = re.compile(r"[.!?…]['\"”’)]*$")


def continues_as_prose(text: str, end: int) -> bool:
    """True when a block that opens with a junk phrase (ending at `end`) goes on as an ordinary
    sentence: long, ending like a sentence, and the phrase runs straight on in lower case
    ("Follow the harbour master on Twitter for a week and ..."), where junk stops at a colon,
    a name or the end ("Follow us on Telegram", "Listen to our latest podcast: ...")."""
    return (len(text) > 120 and bool(_SENTENCE_END.search(text))
            and re.match(r"\s+[a-z]", text[end:]) is not None)


#: A heading of a contact block alone on a line: "Kontakt:", "Press contact", "Ansprechpartnerin zum Thema:".
CONTACT_HEADING = re.compile(r"^[\W_]*" + V.alternation(V.CONTACT_LABEL) + r"\s*[:：]?\s*$", _I)
#: A phone number, an e-mail address or a web address: what a contact block's lines carry.
CONTACT_VALUE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:^|[\s:：])\+?\(?\d[\d ()/.-]{5,}\d\b"
                           r"|(?:https?://|www\.)\S+", _I)
#: A line that is only a contact field: a label and a number or an address ("Telefon: +49 40 1234",
#: "E-Mail: press@example.org", "Tel. 030 / 12 34 56").
CONTACT_FIELD_LINE = re.compile(r"^" + V.alternation(V.CONTACT_FIELD) + r"\s*[:：.]?\s*"
                                r"(?:\+?\(?\d[\d ()/.-]{4,}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*$", _I)
#: A line that opens with a contact field's label ("E-Mail: ...", "Tel.: ...").
CONTACT_FIELD_START = re.compile(r"^" + V.alternation(V.CONTACT_FIELD) + r"\s*[:：]", _I)
# The three shapes below are looked for anywhere in a line: they are matched against the lower-cased
# line, without re.IGNORECASE, which lets the engine compare plain characters (several times faster).
#: A disclaimer, a reprint term or an affiliate notice of the site (`vocabulary.DISCLAIMER`), anywhere in a
#: lower-cased line.
DISCLAIMER = re.compile(V.alternation(V.DISCLAIMER))
#: A prompt to the site's app or channel (`vocabulary.APP_PROMPT`), anywhere in a lower-cased line.
APP_PROMPT = re.compile(V.alternation(V.APP_PROMPT))
#: An appeal for the reader's support (`vocabulary.SUPPORT_US`), anywhere in a lower-cased line.
SUPPORT_US = re.compile(V.alternation(V.SUPPORT_US))
#: A comment box's notice about logging in (`vocabulary.COMMENT_LOGIN`), at the start of a line.
COMMENT_LOGIN = re.compile(r"^" + V.alternation(V.COMMENT_LOGIN), _I)
#: A comment-thread label or prompt, or a comment box's notice about logging in.
COMMENT_LINE = re.compile(COMMENT_PROMPTS.pattern + "|" + COMMENT_LOGIN.pattern, _I)
#: An invitation to write to the site or call it (`vocabulary.CONTACT_US`), anywhere in a line.
CONTACT_US = re.compile(V.alternation(V.CONTACT_US), _I)
#: "More information at <address>" and nothing else (`vocabulary.MORE_INFO`).
MORE_INFO_LINE = re.compile(r"^" + V.alternation(V.MORE_INFO) + r"\s*[:：]?\s*(?:https?://|www\.)\S+?[.!]?$", _I)
#: A file offered for download with its type and size ("Report 2021 PDF | 38 KB", "(PDF, 1.2 MB)").
FILE_LINK = re.compile(r"(?<![^\W\d_])(?:pdf|docx?|xlsx?|pptx?|odt|zip|rtf|epub|mp3)\s*[|,(:/-]?\s*\(?"
                       r"\d+(?:[.,]\d+)?\s*(?:[kmg]i?b|kbytes?|mbytes?|bytes?)\b", _I)
#: A figure's caption: a figure label and its number opening the line ("Abbildung 4: ...", "Fig. 2. ...").
FIGURE_CAPTION = re.compile(r"^" + V.alternation(V.FIGURE_LABEL) + r"\s*\d{1,3}[a-z]?\s*(?:[:.：–—|]|-\s)\s*\S", _I)
#: A teaser line marked as an ad: an ad label, then a dash or a bar ("ANZEIGE - ...", "Advertisement | ...").
AD_TEASER = re.compile(r"^[\W_]*" + V.alternation(V.AD_LABEL) + r"\s*[-–—|]\s*\S", _I)
#: A listing's counter ("Showing 1-10 of 19 results") alone on a line (`vocabulary.RESULT_COUNT`).
RESULT_COUNT = re.compile(r"^" + V.alternation(V.RESULT_COUNT) + r"(?:\s+\w+){0,3}[.!]?$", _I)
#: A note that the story appeared in print or elsewhere (`vocabulary.PRINT_EDITION`), opening a short line.
PRINT_EDITION = re.compile(r"^[\W_]*" + V.alternation(V.PRINT_EDITION), _I)
#: A note on who wrote an opinion piece (`vocabulary.AUTHOR_NOTE`), opening a line, maybe in brackets or
#: after a star or a dash ("*The author is ...", "（作者系...）").
AUTHOR_NOTE = re.compile(r"^[(（\[*—–-]?\s*" + V.alternation(V.AUTHOR_NOTE), _I)


# ---------------------------------------------------------------- screens

_REPEATS = tuple(getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(_sre, name))


def _plain(text: str, nocase: bool) -> str | None:
    """The part of a literal that a screen looks for: any part of it is in every text the literal
    is in. Without white space at its ends; under re.IGNORECASE the longest run of characters that
    have no case, which lets the engine find it by a plain character scan. None when nothing is left."""
    if not nocase:
        return text.strip() or None
    runs = re.findall(r"[^\s]+", "".join(c if c.lower() == c.upper() == c else " " for c in text))
    return max(runs, key=len) if runs else None


def _needed(items, nocase: bool) -> frozenset[str] | None:
    """Strings one of which is in every text that the parsed pattern `items` matches: a run of
    literal characters, a small character set, or the union over the alternatives of a branch;
    of those the one whose strings are longest. None when the pattern has no such strings."""
    choices: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            part = _plain("".join(run), nocase)
            if part:
                choices.append(frozenset((part,)))
            run.clear()

    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        close_run()
        found = None
        if op is _sre.SUBPATTERN:
            if not av[1] and not av[2]:  # no flags of its own
                found = _needed(av[3], nocase)
        elif op is _sre.BRANCH:
            alternatives = [_needed(alt, nocase) for alt in av[1]]
            if all(alternatives):
                found = frozenset().union(*alternatives)
        elif op in _REPEATS:
            if av[0] >= 1:
                found = _needed(av[2], nocase)
        elif op is _sre.IN and all(kind is _sre.LITERAL for kind, _ in av):
            chars = [_plain(chr(c), nocase) for _, c in av]
            if all(chars):
                found = frozenset(chars)
        if found:
            choices.append(found)
    close_run()
    return max(choices, key=lambda strings: (min(map(len, strings)), -len(strings)), default=None)


def screened(pattern: re.Pattern) -> Callable[[str], re.Match | None]:
    """`pattern.search`, with a quick look first for the strings one of which every match holds (see
    `_needed`): a text without any of them is passed over without running the pattern. The strings are
    looked for with `in` (a plain substring search each), or, under re.IGNORECASE, with one search of
    them all (they have no case, so the engine scans for their first characters)."""
    nocase = bool(pattern.flags & re.I)
    try:
        found = _needed(_sre.parse(pattern.pattern, pattern.flags), nocase)
    except Exception:  # a construct the reader does not know: no screen
        found = None
    if not found:
        return pattern.search
    full = pattern.search
    if nocase:
        quick = re.compile("|".join(re.escape(s) for s in sorted(found, key=lambda s: (-len(s), s))),
                           pattern.flags).search

        def search(text: str) -> re.Match | None:
            return full(text) if quick(text) else None
    else:
        strings = tuple(sorted(found, key=lambda s: (len(s), s)))

        def search(text: str) -> re.Match | None:
            return full(text) if any(s in text for s in strings) else None

    return search
