"""Generic text rules: run over the extracted lines (one paragraph a line) after extraction.

They catch what survives extraction, and they are all there is for seed-format text input:
promos, share and newsletter lines, "Read more:" link lists, "More From ..." rails, attribution
lists (moved to the record's `sources`), tag and copyright lines, credit, editor and source lines,
topic and media labels, paywall and rating prompts, repeated titles and doubled lines. The phrases
come from `vocabulary` (per concept, per language) through the line shapes of `patterns`.
A line-pattern rule only takes short lines, so a paragraph that merely starts with the same words stays.
"""

from __future__ import annotations

import re
import unicodedata

from . import patterns as P
from . import vocabulary as V
from .rules import Context, TextRule, text_rule
from .util import DATE_RE, norm_space, parse_date, same_content


@text_rule("text.normalize")
def normalize(lines: list[str], ctx: Context) -> list[str]:
    """Seed format: one paragraph a line. Splits on line breaks, collapses runs of spaces and
    no-break spaces, strips each line and drops blank lines; puts each line in Unicode's composed
    form (NFC, the form the web's character model asks for), so that a letter a page wrote as one
    code point or as a base and a mark (Bengali "ড়", a Vietnamese vowel) reads the same in every
    record. Removes no words."""
    out = []
    for line in lines:
        for part in line.splitlines():
            part = norm_space(part)
            if part:
                out.append(part if part.isascii() or unicodedata.is_normalized("NFC", part)
                           else unicodedata.normalize("NFC", part))
    return out


def line_rule(name: str, pattern: re.Pattern, max_len: int, doc: str, *, anywhere: bool = False,
              prose_guard: bool = False) -> TextRule:
    """A rule that drops every line of at most `max_len` characters that `pattern` matches at its
    start (or, with `anywhere`, anywhere: "... All rights reserved."). With `prose_guard`, a long
    sentence that merely opens with the same words stays (see `patterns.continues_as_prose`)."""
    find = P.screened(pattern) if anywhere else pattern.match

    def apply(lines: list[str], ctx: Context) -> list[str]:
        keep = []
        for line in lines:
            m = find(line) if len(line) <= max_len else None
            if m and not (prose_guard and m.start() == 0 and P.continues_as_prose(line, m.end())):
                ctx.drop(line)
            else:
                keep.append(line)
        return keep

    return TextRule(name, apply, doc)


promo = line_rule("text.promo", P.PROMO, 200, """Podcast, video and app promos on a line of their own
    ("Discover our latest podcast", "Listen to our latest podcast", "Download our app") and
    "Advertisement" labels: the site's own advertising, injected between paragraphs.""", prose_guard=True)
share = line_rule("text.share", P.SHARE, 200, """Share and follow lines: "Share this article",
    "You can share this story on social media:", "Follow <outlet> on Telegram", "Join us on Telegram".""",
                  prose_guard=True)
newsletter = line_rule("text.newsletter", P.NEWSLETTER, 200, """Newsletter and sign-up lines
    ("Sign up to our daily newsletter", "Enter your email address").""", prose_guard=True)
cookie = line_rule("text.cookie", P.COOKIE, 400, """Cookie and consent notices that reached the text, and the
    consent placeholders of embedded posts ("Empfohlener redaktioneller Inhalt", "Click to load the external
    content").""")
@text_rule("text.tags")
def tags(lines: list[str], ctx: Context) -> list[str]:
    """Tag and category lines ("Tags: ...", "Topics: ..."), and a bare "Tags" heading with the
    comma-separated list on the line after it."""
    keep: list[str] = []
    skip_list = False
    for line in lines:
        if skip_list and len(line) <= 400 and line.count(",") >= 1 and not re.search(r"[.!?]$", line):
            ctx.drop(line)
        elif len(line) <= 300 and (P.TAGS.match(line) or P.TAGS_HEADING.match(line)):
            ctx.drop(line)
            skip_list = bool(P.TAGS_HEADING.match(line))
            continue
        else:
            keep.append(line)
        skip_list = False
    return keep


also_on = line_rule("text.also_on", P.ALSO_ON, 250, """"Also on <site> <headline>" lines: a link to another
    story of the site, written into the text.""")
tip_promo = line_rule("text.tip_promo", P.TIP_PROMO, 300, """Reporter contact promos ("Have a tip? ... may be
    reached at ..."): an invitation to readers, not the story.""")
copyright_ = line_rule("text.copyright", P.COPYRIGHT, 200, """Copyright lines ("© 2026 ...",
    "Copyright 2026 ...", "... All rights reserved.").""", anywhere=True)
comment_prompts = line_rule("text.comment_prompts", P.COMMENT_LINE, 80, """Comment-thread labels and prompts
    that reached the text ("12 comments", "Leave a reply", "Tell us what you think...") and a comment
    box's notices about logging in, in the languages of `vocabulary.COMMENT_LOGIN` ("You must be logged
    in to post a comment", "Sie sind aktuell nicht eingeloggt."): the thread itself is gone with
    `dom.comments`; its label and invitation are not the story.""")
bare_links = line_rule("text.bare_links", P.BARE_LINK, 160, """Lines that are only a labelled link ("Listen:
    https://...", "iTunes: https://..."): what is left of a list of service links once anchors are
    gone. A bare URL on its own line stays (articles cite addresses that way).""")
shortcodes = line_rule("text.shortcodes", P.SHORTCODE, 300, """Unrendered WordPress shortcodes on a line of their
    own ("[button link=...]Send us your review[/button]"): markup the site failed to render, never prose.""")
timestamps = line_rule("text.timestamps", P.TIMESTAMP, 70, """Stand-alone time stamps of the page ("Updated at
    1:23 p.m.", "Last updated: 3 March 2026"): page chrome; the date goes to `published` from the markup.""")
_DATE_WORDS = re.compile(r"\b" + V.alternation(V.DATE_WORDS) + r"\b\.?", re.I)
_BYLINE_TAIL = re.compile(r"\s+by\s+[\w.'’ -]{2,40}$", re.I)


#: digits no date or time is written with: a leading "+" (a phone number), a run of three, or of five or more
_NOT_DATE_DIGITS = re.compile(r"\+\s?\d|(?<!\d)\d{3}(?!\d)|\d{5}")


def _is_date_only(line: str) -> bool:
    """True for a line that is nothing but a date and/or time, maybe with a byline:
    "sexta-feira, 22 de outubro de 2010 às 20:13", "5:45 AM PST 11/19/2019 by A. Writer"."""
    if len(line) > 80 or not re.search(r"(?<!\d)(?:19|20)\d{2}\b", line):
        return False  # a time alone ("10:45 a.m.") heads an entry of a live blog: it stays
    if _NOT_DATE_DIGITS.search(line):
        return False  # a phone number ("+49 158-23-2012"), a number of three or five digits: no date's
    rest = _DATE_WORDS.sub(" ", _BYLINE_TAIL.sub("", line))
    return not re.search(r"[^\W\d_]", rest)


@text_rule("text.page_meta")
def page_meta(lines: list[str], ctx: Context) -> list[str]:
    """Lines of page furniture that carry no prose: a date and/or time on its own ("sexta-feira,
    22 de outubro de 2010 às 20:13", "November 20, 2019 - 11:28 AMT"), and reading-time notes in the
    languages of `vocabulary.READING_TIME` ("Reading time: 3 minutes", "4 min read", "3 Min. Lesezeit"),
    also closing a byline ("By A. Writer Feb 8, 2026 5 min read"), and a date label left alone on
    its line ("Release Date:", "Datum:"). The date belongs in `published`, read from the markup."""
    keep = []
    for line in lines:
        if (_is_date_only(line) or P.READING_TIME.match(line) or _reading_time_byline(line)
                or len(line) <= 40 and P.DATE_LABEL_ALONE.match(line)):
            ctx.drop(line)
        else:
            keep.append(line)
    return keep


def _reading_time_byline(line: str) -> bool:
    """A byline or date line closed by a reading-time note: "By A. Writer Feb 8, 2026 5 min read"."""
    if len(line) > 120:
        return False
    m = P.READING_TIME_TAIL.search(line)
    if m is None:
        return False
    rest = line[:m.start()].strip(" ·•|–—-")
    return not rest or _is_date_only(rest) or (re.match(r"by\s", rest, re.I) is not None and len(rest) <= 90)


photo_credits = line_rule("text.photo_credits", P.PHOTO_CREDIT, 300, """Photo captions that reached the text,
    known by the credit that closes them ("... March 4, 2026. (Xinhua/Chen Yehua)", "... Photo: VCG").""",
                          anywhere=True)
editors_note = line_rule("text.editors_note", P.EDITORS_NOTE, 500, """Editors' notes about the article ("Editor's
    note: This story is part of a series ..."): notes on the piece, not the piece.""")
mirror_notice = line_rule("text.mirror_notice", P.MIRROR_NOTICE, 300, """Notices of the site's other addresses
    ("... can also be reached at these alternate addresses: ..."), printed by sites blocked in places.""",
                          anywhere=True)


_WORDS = re.compile(r"[^\W\d_]+")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_NAME_SEPARATORS = re.compile(r"[、，,/／·;；\s]+")
_SENTENCE_INSIDE = re.compile(r"[^\W\d_]{3,}[.!?]\s+\S|[。！？]\S")


def _is_credit(line: str) -> bool:
    """A credit, editor or source line: a label and a short name ("Source: Reuters", "(责编：王某)",
    "Редактор: Анна Иванова"), an agency credit ("(Agencies)", "aja/PAP") or a "by" credit
    ("(Reporting by ...; Editing by ...)"); never a sentence ("Source: I think they said so.")."""
    if len(line) > 200:
        return False
    if len(line) <= 40 and P.AGENCY_LINE.match(line):
        return True
    m = P.CREDIT_LINE.match(line) if len(line) <= 90 else None
    if m is None and (line[:1] in "(（" or len(line) <= 80):
        m = P.CREDIT_BY_LINE.match(line)
    if m is None:
        return False
    name = m["name"]
    words = _WORDS.findall(name)
    if _SENTENCE_INSIDE.search(name) or (len(words) >= 4 and _ENDS_SENTENCE.search(name)):
        return False  # "Source: I think the minister said so."
    lower = sum(1 for w in words if w[0].islower() and w.casefold() not in V.NAME_PARTICLES)
    if len(words) >= 3 and 2 * lower > len(words):
        return False  # a clause, not a name: "Source: the council will pay for it"
    if _CJK.search(name) and any(len(part) > 8 for part in _NAME_SEPARATORS.split(name)):
        return False  # a reporter's question in an interview ("记者：请问这个项目进展如何"), not names
    return len(words) <= (12 if line[:1] in "(（" else 8)


@text_rule("text.credit_lines")
def credit_lines(lines: list[str], ctx: Context) -> list[str]:
    """Credit, editor and source lines in the languages of `vocabulary.CREDIT_LABEL` ("Source:
    Reuters", "Quelle: dpa", "(责编：王某)", "（编辑：张三）", "执笔/李四", "Редактор: ...", "출처: ..."),
    agency credits ("(Agencies)", "(dpa)", "aja/PAP") and "by" credits ("(Reporting by ...; Editing
    by ...)"): a short line that is only a label and a name. The same credit in brackets at the very
    end of one of the last two lines, after its closing sentence ("... he said. (Agencies)",
    "……。（责编：王某）"), is cut off that line. A sentence that mentions a source stays."""
    keep = []
    for line in lines:
        if _is_credit(line):
            ctx.drop(line)
        else:
            keep.append(line)
    for i in range(max(0, len(keep) - 2), len(keep)):
        m = P.TRAILING_CREDIT.search(keep[i])
        if m and m.start() > 0:
            ctx.drop(keep[i][m.start():].strip())
            keep[i] = keep[i][:m.start()].rstrip()
    return keep


@text_rule("text.topic_line")
def topic_line(lines: list[str], ctx: Context) -> list[str]:
    """A topic link line over the story, in the languages of `vocabulary.TOPIC_LABEL` ("Special
    report: <topic>", "Schwerpunkt: <topic>", "专题：<topic>"): the first or second line only, short
    and not a sentence. It names a section of the site, not a line of the story."""
    for i, line in enumerate(lines[:2]):
        if len(line) <= 140 and P.TOPIC_LINE.match(line) and not _ENDS_SENTENCE.search(line):
            ctx.drop(line)
            return lines[:i] + lines[i + 1:]
    return lines


media_label = line_rule("text.media_label", P.MEDIA_LINE, 200, """Media teasers written as "LABEL | headline"
    in the languages of `vocabulary.MEDIA_LABEL` ("WATCH | ...", "VIDEO | ...", "视频｜..."): a link to a
    video or a gallery, not a line of the story.""")
page_labels = line_rule("text.page_labels", P.PAGE_LABEL_LINE, 80, """Labels a page prints alone on a line,
    in the languages of `vocabulary.PAGE_LABEL` ("Article content", "Story continues below", "Anzeige",
    "Publicité", "Реклама", "광고"): markers of ads and of the page's layout.""")
feedback = line_rule("text.feedback", P.FEEDBACK_LINE, 120, """Requests for the reader's rating alone on a
    line, in the languages of `vocabulary.FEEDBACK` ("Was this article helpful?", "War der Artikel
    nützlich?", "(No ratings yet)"): a form of the page, not the story.""")
page_actions = line_rule("text.page_actions", P.ACTION_BAR, 120, """Bars of page actions, a line made only of
    them, in the languages of `vocabulary.PAGE_ACTION` ("E-mail this Story | Print this Story", "Drucken |
    Versenden", "打印本页 关闭窗口"): buttons of the page, not the story.""")
view_counts = line_rule("text.view_counts", P.VIEW_COUNT, 40, """View counters, in the languages of
    `vocabulary.VIEW_COUNT` ("Views: 1,234", "1,234 views", "阅读量：1234", "조회수 1,234"): a number the page
    keeps about itself.""")
paywall = line_rule("text.paywall", P.PAYWALL, 250, """Paywall notices, in the languages of `vocabulary.PAYWALL`
    ("To view the full story, please subscribe ...", "Dieser Artikel ist nur für Abonnenten"): what the
    page says instead of the text it holds back.""", prose_guard=True)


figure_captions = line_rule("text.figure_captions", P.FIGURE_CAPTION, 300, """Figure captions that reached the
    text as lines of their own, opened by a figure label and its number in the languages of
    `vocabulary.FIGURE_LABEL` ("Abbildung 4: ...", "Fig. 2. ...", "Рис. 3. ...", "图2 ..."): they describe a
    picture, as captions do. A sentence that refers to a figure ("Figure 3 shows ...") stays: no colon
    or full stop follows its number.""")
ad_teasers = line_rule("text.ad_teasers", P.AD_TEASER, 200, """Teaser lines marked as ads, in the languages of
    `vocabulary.AD_LABEL`: an ad label, then a dash or a bar ("ANZEIGE - Heute mal ausgehen?", "Advertisement |
    ..."): the site's advertising between paragraphs.""")


result_counts = line_rule("text.result_counts", P.RESULT_COUNT, 100, """Counters of a listing alone on a line, in
    the languages of `vocabulary.RESULT_COUNT` ("Showing 1-10 of 19 results", "Es werden die Weine 1 bis 10 von
    insgesamt 19 angezeigt!"): the state of a list of links, not text.""")


@text_rule("text.author_note")
def author_note(lines: list[str], ctx: Context) -> list[str]:
    """A note on who wrote the piece, among the last three lines, in the languages of
    `vocabulary.AUTHOR_NOTE` ("The author is a professor of economics at ...", "The writer is a senior
    fellow ...", "（作者系...研究员）", "Der Autor ist ..."): it describes the writer, not the story, and
    the writer is in the record's `authors`. A line of the story that speaks of an author in other
    words, or earlier in the text, stays."""
    return _drop_last(lines, ctx, P.AUTHOR_NOTE, 3, 400)


@text_rule("text.print_edition")
def print_edition(lines: list[str], ctx: Context) -> list[str]:
    """A note that the story appeared in print or in another publication, in the languages of
    `vocabulary.PRINT_EDITION` ("Erschienen in Spezial 2021", "This article appeared in the May 2026
    issue"), on a short line among the last three: a credit of the page, not a line of the story.
    A sentence in the story about where something was published stays (it is not among the last
    lines, or runs long)."""
    return _drop_last(lines, ctx, P.PRINT_EDITION, 3, 120)


def _drop_last(lines: list[str], ctx: Context, pattern: re.Pattern, last: int, max_len: int) -> list[str]:
    """`lines` without those among the `last` ones, of at most `max_len` characters, that `pattern`
    matches at their start."""
    n = len(lines)
    return _drop_where(lines, ctx, lambda i, line: i >= n - last and len(line) <= max_len and pattern.match(line))


def _drop_where(lines: list[str], ctx: Context, doomed) -> list[str]:
    """`lines` without those for which `doomed(index, line)` holds; each dropped line goes to the trace."""
    keep = []
    for i, line in enumerate(lines):
        if doomed(i, line):
            ctx.drop(line)
        else:
            keep.append(line)
    return keep


@text_rule("text.site_signoff")
def site_signoff(lines: list[str], ctx: Context) -> list[str]:
    """The site's own name alone on the first or last line (a closing "Global Times" slug): a
    signature of the page, not a line of the story."""
    names = {n.casefold() for n in (ctx.meta.get("sitename"), ctx.meta.get("source")) if n}
    if not names or not lines:
        return lines
    if lines[-1].casefold().strip(" .") in names:
        ctx.drop(lines[-1])
        lines = lines[:-1]
    if lines and lines[0].casefold().strip(" .") in names:
        ctx.drop(lines[0])
        lines = lines[1:]
    return lines


load_more = line_rule("text.load_more", P.LOAD_MORE, 40, """"More Articles", "Load more", "Older posts":
    the labels of buttons and pagination links.""")


def _is_list_item(line: str) -> bool:
    """A line that reads like one entry of a link list: arrow- or bullet-marked and short."""
    return bool(P.LINK_MARKER.match(line)) or (len(line) <= 200 and bool(re.match(r"^[-•*·▪◦]\s+\S", line)))


def _teaser_rest(rest: list[str]) -> bool:
    """True when the lines after a related-links heading at the end of the text are what is left of
    its list: none, or a few short lines with no sentence in them (titles, dates, "Links")."""
    return len(rest) <= 6 and all(len(t) <= 100 and not _ENDS_SENTENCE.search(t) for t in rest)


_ENDS_SENTENCE = re.compile(r"[.!?…。！？]['\"”’)»]*$")


@text_rule("text.read_more")
def read_more(lines: list[str], ctx: Context) -> list[str]:
    """Inline related-link lists: a "Read more:" / "READ ALSO" / "See also" / "Related articles"
    heading (in the languages of `vocabulary.READ_MORE`: "Lesen Sie auch", "Le puede interesar",
    "Czytaj też", "相关阅读", ...) with the arrow- or bullet-marked lines after it, and "Read more:
    <headline>" lines. A heading of that kind with prose after it is a sub-heading and stays, unless
    it is an invitation to read another piece (`vocabulary.READ_ALSO`: "Auch interessant", "Schon
    gelesen?"), which no story uses as a sub-heading, or it ends in a colon and is one of the
    read-more family (then the linked headline was not kept anyway). A heading near the end with
    only short lines after it (what is left of its list) goes with them."""
    keep: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = P.READ_MORE.match(line) if len(line) <= 200 else None
        if m:
            rest = line[m.end():].strip()
            j = i + 1
            while j < len(lines) and _is_list_item(lines[j]):
                j += 1
            bare_colon = line.rstrip().endswith(":") and re.match(r"^(?:read|see|also)\b", line, re.I)
            if j == i + 1 and not rest and _teaser_rest(lines[i + 1:]):
                j = len(lines)
            if (j > i + 1 or (rest and (len(line) <= 160 or P.LINK_MARKER.match(rest))) or bare_colon
                    or P.READ_ALSO_ALONE.match(line)):
                for dropped in lines[i:j]:
                    ctx.drop(dropped)
                i = j
                continue
        keep.append(line)
        i += 1
    return keep


@text_rule("text.link_markers")
def link_markers(lines: list[str], ctx: Context) -> list[str]:
    """Lines that start with the arrows sites put before related links (⋙ » ► → ...), even
    without a "Read more" heading: `⋙` always, the others when two or more come in a row."""
    keep: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and P.LINK_MARKER.match(lines[j]) and len(lines[j]) <= 250:
            j += 1
        if j - i >= 2 or (j > i and lines[i].lstrip().startswith("⋙")):
            for dropped in lines[i:j]:
                ctx.drop(dropped)
            i = j
            continue
        keep.append(lines[i])
        i += 1
    return keep


_DATE_LINE = re.compile(rf"^{DATE_RE}$", re.I)


def _teaser_tail(tail: list[str]) -> bool:
    """True when lines after a "More from" heading read like a teaser rail: empty, repeated lines,
    date-only lines, or a "More Articles"-style button at the end."""
    if not tail:
        return True
    if len(set(tail)) < len(tail):
        return True
    if any(_DATE_LINE.match(t) for t in tail):
        return True
    return bool(P.LOAD_MORE.match(tail[-1]))


@text_rule("text.more_from")
def more_from(lines: list[str], ctx: Context) -> list[str]:
    """"More From <source>" / "More from <section>" and everything after it: the teaser rail
    that follows the story (titles, teasers, dates, "More Articles"). The cut is made when the
    tail reads like teasers, or when the site profile says its pages end that way."""
    sure = ctx.profile is not None and ctx.profile.more_from_footer
    for i, line in enumerate(lines):
        if P.MORE_FROM.match(line) and not line.endswith((".", "?", "!")) and (sure or _teaser_tail(lines[i + 1:])):
            for dropped in lines[i:]:
                ctx.drop(dropped)
            return lines[:i]
    return lines


_OUTLET_LINE = re.compile(r"^[\w .&'’()-]{2,40}:\s+\S.{0,200}$")


@text_rule("text.sources")
def sources(lines: list[str], ctx: Context) -> list[str]:
    """Attribution lists: a "Sources used:" / "Sources:" heading and the list lines after it
    (`- Outlet: 'Headline'`). They name where the story came from; they move to the record's
    `sources` field instead of staying in the body."""
    for i, line in enumerate(lines):
        if not P.SOURCES.match(line):
            continue
        j = i + 1
        while j < len(lines) and (_is_list_item(lines[j]) or _OUTLET_LINE.match(lines[j])):
            j += 1
        if j == i + 1:
            continue
        items = [re.sub(r"^[-•*·▪◦]\s+", "", t).strip() for t in lines[i + 1:j]]
        ctx.meta.setdefault("sources", []).extend(items)
        for dropped in lines[i:j]:
            ctx.drop(dropped)
        return lines[:i] + lines[j:]
    return lines


_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_TITLE_SEPARATORS = re.compile(r"\s+[|—–-]\s+")


def _title_key(text: str) -> str:
    text = norm_space(text).translate(_QUOTES).replace("…", "...").casefold()
    return text.rstrip(" .!?:")


def _title_forms(title: str) -> set[str]:
    """The title, and the title without a site name before or after a separator
    ("Headline | Site", "Site — Headline")."""
    forms = {_title_key(title)}
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1:
        forms.add(_title_key(" - ".join(parts[:-1])))
        forms.add(_title_key(" - ".join(parts[1:])))
    return {f for f in forms if len(f) >= 8}


@text_rule("text.title_repeat")
def title_repeat(lines: list[str], ctx: Context) -> list[str]:
    """The headline printed again at the top of the body (it is the record's `title`), also when
    the title carries the site's name ("Headline | Site") or other quote marks."""
    title = ctx.meta.get("title")
    if not title:
        return lines
    forms = _title_forms(title)
    for i, line in enumerate(lines[:3]):
        if same_content(line, title) or _title_key(line) in forms:
            ctx.drop(line)
            return lines[:i] + lines[i + 1:]
    return lines


_DOUBLED_DATE = re.compile(rf"^({DATE_RE})\s*({DATE_RE})$", re.I)


@text_rule("text.doubled")
def doubled(lines: list[str], ctx: Context) -> list[str]:
    """Self-doubled lines, where a hidden copy ran into the visible one: `February 25, 2026Feb 25, 2026`
    (one date in two forms) or `Breaking newsBreaking news`. The line keeps one copy."""
    out = []
    for line in lines:
        if len(line) <= 200:
            m = _DOUBLED_DATE.match(line)
            half = len(line) // 2
            if m and parse_date(m[1]) is not None and parse_date(m[1]) == parse_date(m[2]):
                ctx.drop(m[2])
                line = m[1]
            elif len(line) % 2 == 0 and half >= 3 and line[:half] == line[half:]:
                ctx.drop(line[half:])
                line = line[:half]
        out.append(line)
    return out


@text_rule("text.adjacent_duplicates")
def adjacent_duplicates(lines: list[str], ctx: Context) -> list[str]:
    """A line repeated right after itself (a teaser title printed twice, a caption doubled by a
    hidden copy): the second copy goes."""
    out: list[str] = []
    for line in lines:
        if out and line == out[-1]:
            ctx.drop(line)
            continue
        out.append(line)
    return out

_CONTACT_LINE_MAX = 120  # the longest line of a contact block (a name, an address, a number)


def _contact_detail(line: str) -> bool:
    """A line of a contact block: short, no sentence inside (a name, a department, an address, a
    phone number or an e-mail address)."""
    return len(line) <= _CONTACT_LINE_MAX and not _SENTENCE_INSIDE.search(line) and (
        not _ENDS_SENTENCE.search(line) or bool(P.CONTACT_VALUE.search(line)) or len(line) <= 40)


@text_rule("text.contact_block")
def contact_block(lines: list[str], ctx: Context) -> list[str]:
    """Contact blocks printed under a press release or a notice, in the languages of
    `vocabulary.CONTACT_LABEL`: a heading alone on a line ("Kontakt:", "Press contact:",
    "Ansprechpartnerin zum Thema:") with the short lines of names, phone numbers and addresses after
    it, up to the last of them that holds a phone number, an e-mail or a web address or opens with
    a field's label ("E-Mail: ..."). A contact heading with
    prose after it stays (a sub-heading), and so does a sentence that names a contact. Lines that
    are only a contact field in the last lines of the text ("Telefon: +49 40 1234", "E-Mail:
    press@example.org") go too, and so do, among the last three lines, an invitation to write or
    call with its address or number (`vocabulary.CONTACT_US`: "Contact us at ... or call us at ...",
    "Puede escribirnos a ...") and a "more information at <address>" line (`vocabulary.MORE_INFO`:
    "Weitere Infos unter www.example.de")."""
    keep: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if len(line) <= 60 and P.CONTACT_HEADING.match(line):
            j = i + 1
            end = i + 1  # past the last line that holds a number, an address or a field's label
            while j < n and j - i <= 12 and _contact_detail(lines[j]):
                if P.CONTACT_VALUE.search(lines[j]) or P.CONTACT_FIELD_START.match(lines[j]):
                    end = j + 1
                j += 1
            j = end
            if j > i + 1:
                for dropped in lines[i:j]:
                    ctx.drop(dropped)
                i = j
                continue
        if i >= n - 6 and len(line) <= 80 and P.CONTACT_FIELD_LINE.match(line) or i >= n - 3 and (
                len(line) <= 250 and P.CONTACT_VALUE.search(line) and P.CONTACT_US.search(line)
                or len(line) <= 120 and P.MORE_INFO_LINE.match(line)):
            ctx.drop(line)
            i += 1
            continue
        keep.append(line)
        i += 1
    return keep


_DISCLAIMER = P.screened(P.DISCLAIMER)


@text_rule("text.disclaimers")
def disclaimers(lines: list[str], ctx: Context) -> list[str]:
    """The site's notices about the page, in the languages of `vocabulary.DISCLAIMER`, on a short line
    among the first two or the last four lines of the text: disclaimers of responsibility ("... is
    not responsible for the opinions ... presented by contributors"), reprint terms ("This article
    is the copyrighted property of ..."), "Alle Angaben ohne Gewähr", affiliate and advertising
    notices. The same words in a long paragraph, or in the middle of the story, stay."""
    n = len(lines)
    return _drop_where(lines, ctx, lambda i, line: (i < 2 or i >= n - 4) and len(line) <= 350
                       and _DISCLAIMER(line.lower()))


_APP_PROMPT = P.screened(P.APP_PROMPT)
_SUPPORT_US = P.screened(P.SUPPORT_US)
_QUOTE_MARKS = re.compile(r"[\"“”„«»「」『』]")


@text_rule("text.appeals")
def appeals(lines: list[str], ctx: Context) -> list[str]:
    """Prompts to the site's app or channel and appeals for the reader's support, in the languages
    of `vocabulary.APP_PROMPT` and `vocabulary.SUPPORT_US`, on a short line of their own ("For the
    latest news download our apps for iOS and Android", "¡Mira lo que tiene nuestro canal de
    YouTube!", "Would you consider supporting our work?", "Wesprzyj nas darowizną"): a line of up to
    100 characters anywhere, up to 220 among the first two and the last six lines, where sites put
    them. They speak to the reader about the site; a long paragraph that mentions an app or a
    donation stays, and so does a
    line with quotation marks (someone quoted in the story: "“Support our work,” the club asked.")."""
    n = len(lines)
    return _drop_where(lines, ctx, lambda i, line: (len(line) <= 100 or len(line) <= 220 and (i < 2 or i >= n - 6))
                       and not _QUOTE_MARKS.search(line) and (_APP_PROMPT(low := line.lower()) or _SUPPORT_US(low)))


@text_rule("text.post_meta")
def post_meta(lines: list[str], ctx: Context) -> list[str]:
    """The sentences a blog theme prints under each post about the post itself, in the languages of
    `vocabulary.POST_META` ("This entry was posted on ... and is filed under ... You can follow any
    responses to this entry ...", "Der Beitrag wurde am ... veröffentlicht und wurde unter ...
    abgelegt"): the post's date and categories, already in the record's fields."""
    keep = []
    for line in lines:
        if len(line) <= 500 and P.POST_META.match(line):
            ctx.drop(line)
        else:
            keep.append(line)
    return keep


@text_rule("text.file_links")
def file_links(lines: list[str], ctx: Context) -> list[str]:
    """Files offered for download, a line each with the file's type and size ("Annual report 2021 PDF
    | 38 KB", "Application form (DOCX, 120 KB)"): the labels of links to documents, not the story's
    text. A sentence that mentions a file's size stays (it ends like a sentence or runs long)."""
    keep = []
    for line in lines:
        if (len(line) <= 160 and P.FILE_LINK.search(line) and not _SENTENCE_INSIDE.search(line)
                and not _ENDS_SENTENCE.search(line)):
            ctx.drop(line)
        else:
            keep.append(line)
    return keep


#: The generic text rules, in the order they run (site text rules run between normalize and these).
GENERIC_TEXT_RULES = (
    more_from, load_more, read_more, also_on, link_markers, promo, tip_promo, share, newsletter, cookie, sources, tags,
    copyright_, comment_prompts, bare_links, shortcodes, timestamps, photo_credits, editors_note, mirror_notice,
    credit_lines, media_label, page_labels, page_actions, view_counts, feedback, paywall, title_repeat, topic_line,
    doubled, page_meta, site_signoff, adjacent_duplicates, contact_block, disclaimers, appeals,
    post_meta, file_links, figure_captions, ad_teasers, result_counts, print_edition, author_note,
)
