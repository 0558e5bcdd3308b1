"""The cleaning pipeline: HTML or seed-format text in, a `Document` out.

HTML: parse with selectolax (lexbor) once -> pick the site profile (URL host, else the page's
canonical URL) -> metadata (the profile's, then `metadata`) -> DOM rules (a known site: its rules and
every generic rule on the page; unknown markup: the page-frame rules on the page, the content
finder picks the body, the boilerplate rules in the body) -> the body's lines (`extract`) -> site
text rules -> generic text rules -> the page-type gate.
Text (seed format): pick the profile (URL host, else the text's signature) -> site text rules ->
generic text rules. Every removal is kept in `Document.trace`. Both: the record's `language` is the
one py3langid detects in the clean text, else the page's declared one (`language.record_language`).
"""

from __future__ import annotations

import re
from datetime import date

from selectolax.lexbor import LexborHTMLParser

from . import sites
from .density import EXTRACT_STEPS, content_nodes, own_headline
from .document import Document, canonical_url, make_id
from .dom_rules import BODY_RULES, GENERIC_DOM_RULES, PAGE_RULES
from .encoding import decode_html
from .extract import MIN_BODY, block_lines, continued_chunks, extract_text, lead_before, lead_between, lead_paragraph
from .language import declared_code, record_language
from .metadata import article_url, page_metadata, strip_site
from .rules import Context
from .text_rules import GENERIC_TEXT_RULES, normalize
from .util import collapse, has_ancestor_in, is_attached, node_text, norm_space, parse_date, scrub_surrogates

RULESET_VERSION = "0.2.0"


class CleanError(Exception):
    """A document that cannot give a record; `kind` names why (`empty`, `no_text`, `decode`...)."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message
        #: the content finder's decision on the page (`Context.finder`), when it ran: `explain` shows it
        self.finder: dict = {}


def _page_url(tree) -> str | None:
    """The page's own URL when none was given: its canonical link, else its og:url (absolute ones
    only). A canonical link to a home page (a path of `/`, no query) names no article: an og:url
    with a path of its own is the article's URL then (`metadata.article_url`)."""
    found = []
    for css, attr in (("link[rel=canonical]", "href"), ("meta[property='og:url']", "content")):
        node = tree.css_first(css)
        value = (node.attributes.get(attr) or "").strip() if node is not None else ""
        found.append(value if value.startswith(("http://", "https://")) else None)
    return article_url(*found)


def _meta_content(tree, prop: str) -> str | None:
    node = tree.css_first(f"meta[property='{prop}'], meta[name='{prop}']")
    return norm_space(node.attributes.get("content") or "") or None if node is not None else None


def _page_title(tree) -> str | None:
    """The page's own headline when the extractor found none: og:title, the first h1, <title>, less
    the site's name (og:site_name, the host of the page's URL: `metadata.strip_site`)."""
    value = None
    node = tree.css_first("meta[property='og:title']")
    if node is not None:
        value = norm_space(node.attributes.get("content") or "")
    for css in ("h1", "title"):
        if value:
            break
        node = tree.css_first(css)
        value = node_text(node) if node is not None else None
    return strip_site(value, [_meta_content(tree, "og:site_name")], [_page_url(tree)]) if value else None


def _language(tree) -> str | None:
    """The language the page declares (`<html lang>`, `xml:lang`, Content-Language, og:locale, the
    first of them that names a language the detector knows: `language.declared_code`): the record's
    `language` when the text is too short or unclear to detect one (`language.record_language`). A
    label that names no language (`utf-8` in a Content-Language, `xx`) is passed over."""
    html = tree.css_first("html")
    labels = [html.attributes.get("lang"), html.attributes.get("xml:lang")] if html is not None else []
    for css in ("meta[http-equiv='content-language' i]", "meta[property='og:locale']"):
        node = tree.css_first(css)
        labels.append(node.attributes.get("content") if node is not None else None)
    for label in labels:
        if label and (code := declared_code(label.split(",")[0])):
            return code
    return None


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    value = norm_space(value).strip("[]() ")
    if re.match(r"^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$", value):
        try:
            date.fromisoformat(value[:10])  # a calendar day, not just its digits (9999-99-99)
        except ValueError:
            return None
        return value
    day = parse_date(value)
    return day.isoformat() if day else None


def _profile_meta(tree, ctx: Context) -> None:
    """Metadata the site profile knows where to find: CSS fields, the URL, the header lines."""
    profile = ctx.profile
    if profile is None:
        return
    for field_name, css in profile.meta_css.items():
        node = tree.css_first(css)
        if node is None:
            continue
        value = (node.attributes.get("href") or "") if field_name.endswith("_url") else node_text(node)
        if field_name == "published":
            value = _iso_date(value)
        ctx.set_meta(field_name, value or None)
    if profile.url_meta and ctx.url:
        for key, value in profile.url_meta(ctx.url).items():
            ctx.set_meta(key, value)
    if profile.header and tree.body is not None:
        page_lines = [t for t in (norm_space(x) for x in tree.body.text(separator="\n").split("\n")) if t]
        profile.header(page_lines, ctx)


def _finish(ctx: Context, lines: list[str], *, path: str | None, fetched_at: str | None,
            language: str | None, extracted: dict | None = None) -> Document:
    text = "\n".join(lines)
    if not text.strip():
        raise CleanError("no_text", "no article text left after cleaning")
    meta = ctx.meta
    extracted = extracted or {}
    profile = ctx.profile
    url = canonical_url(ctx.url)
    language, language_score = record_language(text, language)
    return Document(
        id=make_id(url, text),
        url=url,
        path=path,
        site=sites.host_of(url) or (profile.site if profile else None),
        source=meta.get("source") or (profile.source if profile else None) or extracted.get("sitename"),
        title=meta.get("title") or extracted.get("title"),
        authors=list(meta.get("authors") or extracted.get("authors") or []),
        published=_iso_date(meta.get("published")) or _iso_date(extracted.get("published")),
        language=language,
        language_score=language_score,
        text=text,
        sources=list(meta.get("sources") or []),
        original_url=meta.get("original_url") or None,
        fetched_at=fetched_at,
        cleaner=RULESET_VERSION,
        trace=ctx.trace,
        finder=ctx.finder,
    )


def _link_texts(tree) -> set[str]:
    """The texts of the page's links that could be headlines (before any rule ran): 20 characters
    or more, or three words or more (a front page of short headlines, "Ferry fares rise", is a
    listing all the same when its lines are nothing but those links); and the headlines of teaser
    cards whose link is the picture or a "more" button (`_teaser_headings`)."""
    body = tree.body
    if body is None:
        return set()
    return {*_headline_links(body, words=3), *_teaser_headings(body)}


#: a teaser card holds its heading and little else: a date, a kicker, a "more" link
_CARD_EXTRA = 60
_CARD_CHILDREN = 6


def _teaser_headings(body) -> list[str]:
    """Headings (h2-h6, three words or more) that sit in a small box of their own with a link to
    another page beside them and little other text: a card of a listing whose link wraps the
    picture (or reads "more"), not the headline. A sub-heading of an article sits in the body
    with its paragraphs, a box with far more text, and is never taken. Each box's children are
    read once, and only a box of few children is read at all."""
    out: list[str] = []
    seen: set[int] = set()
    for heading in body.css("h2, h3, h4, h5, h6"):
        box = heading.parent
        if box is None or box.tag in ("body", "html", "main") or box.mem_id in seen:
            continue
        seen.add(box.mem_id)
        if _is_card(box, heading) and _word_count(text := node_text(heading)) >= 3:
            out.append(text)
    return out


_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def _is_card(box, heading) -> bool:
    """`box` holds `heading` (with no link in it), a link to another page beside it, no other
    heading, at most `_CARD_CHILDREN` children and `_CARD_EXTRA` characters of other text."""
    children = extra = 0
    others = []
    child = box.child
    while child is not None:
        tag = child.tag
        if tag == "-text":
            extra += len((child.text_content or "").strip())
        elif tag != "-comment" and child.mem_id != heading.mem_id:
            children += 1
            if children >= _CARD_CHILDREN or tag in _HEADING_TAGS:
                return False
            others.append(child)
            extra += len(child.text(deep=True).strip())
        if extra > _CARD_EXTRA:
            return False
        child = child.next
    if heading.css_first("a") is not None:
        return False  # a linked headline: `_headline_links` has it
    return any(child.tag == "a" and bool(child.attributes.get("href")) or child.css_first("a[href]") is not None
               for child in others)


def _headline_links(body, words: int = 0) -> list[str]:
    """Texts of the links under `body` with 20 or more characters, or (`words`) that many words or
    more (a link whose raw text is shorter than 20, or than `words` * 3, characters cannot pass
    once its white space is collapsed: it is passed over unread)."""
    least = min(20, words * 3) if words else 20
    out = []
    for a in body.css("a"):
        raw = a.text(deep=True)
        if len(raw) < least:
            continue
        child = a.child
        # a link of one text node reads the same with or without a separator between its texts
        text = collapse(raw) if child is not None and child.next is None and child.tag == "-text" else node_text(a)
        if len(text) >= 20 or words and len(text.split()) >= words:
            out.append(text)
    return out


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _word_count(line: str) -> int:
    """Words of a line; Chinese, Japanese and Korean count one word per two characters (no spaces)."""
    if line.isascii() or not _CJK.search(line):
        return len(line.split())
    cjk = len(_CJK.findall(line))
    return len(_CJK.sub(" ", line).split()) + (cjk + 1) // 2


def _headline_share(tree, region: list | None = None) -> float:
    """The share of the pruned page's text that sits in headline-sized links (20+ characters); with
    `region`, of the text of the body the content finder chose and cleaned (on such a page the
    rest was never cleaned: its link rails say nothing about the body)."""
    boxes = region if region else ([tree.body] if tree.body is not None else [])
    total = sum(len(node_text(box)) for box in boxes)
    linked = sum(len(t) for box in boxes for t in _headline_links(box))
    if region:
        # the side boxes, menus and footers inside the body never reach its text (the content
        # finder leaves them out): their teaser links say nothing about it
        for box in boxes:
            inner = [frame for frame in box.css(_FRAME_TAGS) if frame.mem_id != box.mem_id]
            frames = {frame.mem_id for frame in inner}
            for frame in inner:
                if not has_ancestor_in(frame, frames):
                    total -= len(node_text(frame))
                    linked -= sum(len(t) for t in _headline_links(frame))
    return linked / total if total > 0 else 0.0


_FRAME_TAGS = "aside, nav, footer"


#: a line that closes a sentence the way prose does (a headline may end in "?" or "!", not in ".")
_PROSE_END = re.compile(r"[.。．;；:：…۔।॥။።][\"'”’»)\]]*\s*$")
#: a list item or linked line this short, not closing a sentence, reads as a headline (or a label)
_HEADLINE_WORDS = 16
#: a line this long, or ending a sentence with this many words, is prose
_PROSE_WORDS = 8
#: a text with this many words of prose is an article, however long its lists: a paragraph that
#: introduces a list of appointments or results; a section's blurb on a category page is shorter
_LISTING_PROSE = 40


def _listing_lines(lines: list[str], links: set[str]) -> tuple[int, int]:
    """(headline-like lines, words of prose) of a text. A headline-like line is a list item
    ("- ...") or the text of a link, of at most `_HEADLINE_WORDS` words, that does not close a
    sentence; prose is every other line of `_PROSE_WORDS` words or more that ends a sentence (or
    is `_PARAGRAPH_CHARS` long): paragraphs, and list items that are whole sentences."""
    heads = prose = 0
    for line in lines:
        words = _word_count(line)
        item = line[2:] if line.startswith("- ") else None
        if (item is not None or line in links) and words <= _HEADLINE_WORDS and not _PROSE_END.search(line):
            heads += 1
        elif len(line) >= _PARAGRAPH_CHARS or words >= _PROSE_WORDS and _SENTENCE_END.search(line):
            prose += words
    return heads, prose


def _check_article(lines: list[str], links: set[str], url: str | None, headline_share: float = 0.0) -> None:
    """Raise CleanError when what is left is not an article: nothing or next to nothing
    (`no_text`), or a listing, home page or link farm (`not_article`): its "paragraphs" are
    mostly headlines of links to other pages, or the page (after the DOM rules) is mostly such
    links and little text is left, or it is a heading over a column of short list items or
    headlines with next to no prose (a category page whose headlines are not links, or whose
    links are not the headline: an image, a short kicker). An article with a list (a recipe's
    ingredients, a how-to's steps, a story's bullet points of facts) keeps its paragraphs: a
    fifth of its words or more, or `_LISTING_PROSE` words, are prose."""
    words = sum(_word_count(line) for line in lines)
    if words == 0:
        raise CleanError("no_text", "no article text left after cleaning")
    if words < 12:
        raise CleanError("no_text", f"only {words} words left after cleaning: not an article")
    linked = sum(1 for line in lines if line in links)
    if len(lines) >= 3 and linked >= 0.5 * len(lines):
        raise CleanError("not_article", f"{linked} of its {len(lines)} lines are headlines of links to other "
                                        "pages: a listing, home page or link farm, not an article")
    if headline_share >= 0.5 and words < 150:
        raise CleanError("not_article", f"{headline_share:.0%} of the page's text is headlines of links, and only "
                                        f"{words} words are left: a listing, home page or link farm, not an article")
    text = "\n".join(lines)
    headlines = [link for link in links if link in text]
    if len(headlines) >= 3 and sum(map(len, headlines)) >= 0.5 * len(text):
        raise CleanError("not_article", f"{len(headlines)} headlines of links to other pages make up most of its "
                                        "text: a listing, home page or link farm, not an article")
    heads, prose = _listing_lines(lines, links)
    if heads >= 8 and heads >= 0.4 * len(lines) and prose < min(_LISTING_PROSE, 0.2 * words):
        raise CleanError("not_article", f"{heads} of its {len(lines)} lines are short list items or headlines and "
                                        f"only {prose} of its {words} words are prose: a listing or category "
                                        "page, not an article")


#: a line that ends a sentence: final punctuation (Latin, CJK, Arabic, Indic, Ethiopic...), then any
#: closing quotation marks or brackets
_SENTENCE_END = re.compile(r"[.!?…。！？؟।॥۔။።։།:;][\"'”’»)\]]*\s*$")
#: a line this long is a paragraph however it ends (hard-wrapped text breaks its lines at 80 or less)
_PARAGRAPH_CHARS = 120


def _check_text(lines: list[str], url: str | None) -> None:
    """Raise CleanError when a seed-format text is not an article: next to nothing (`no_text`, as
    for pages), or not prose in the seed format, one paragraph a line (`not_article`): fewer than
    half of its words sit in paragraph lines (lines that end a sentence, or too long to be
    hard-wrapped). A robots.txt or a configuration file has no such line; a hard-wrapped text (a
    LICENSE, a README, a mail) breaks its sentences over lines and has few; so has a list."""
    _check_article(lines, set(), url)
    total = prose = 0
    for line in lines:
        words = _word_count(line)
        total += words
        if len(line) >= _PARAGRAPH_CHARS or words >= 4 and _SENTENCE_END.search(line):
            prose += words
    if prose < 0.5 * total:
        raise CleanError("not_article", f"only {prose} of its {total} words are in lines that end a sentence: "
                                        "a list, a configuration file or hard-wrapped text, not prose one "
                                        "paragraph a line (the seed format)")


def all_rules() -> list:
    """Every rule in the order it runs: site DOM rules, generic DOM rules, what the content finder
    leaves out of the body (extraction), line normalisation, site text rules, generic text rules."""
    return [*sites.SITE_DOM_RULES, *GENERIC_DOM_RULES, *EXTRACT_STEPS, normalize, *sites.SITE_TEXT_RULES,
            *GENERIC_TEXT_RULES]


def _headlines(tree, extracted: dict) -> list[str]:
    """The page's own titles (the metadata's title, og:title, `<title>`): the content finder takes
    the body from the story under the `<h1>` that matches one of them."""
    titles = [extracted.get("title") or "", _meta_content(tree, "og:title") or ""]
    node = tree.css_first("title")
    if node is not None:
        titles.append(node_text(node))
    return [t for t in titles if t]


def _scopes(region: list) -> list:
    """Where the body rules run: the body's nodes, or their parent when they are siblings (one
    pass instead of one per paragraph); never the whole page."""
    if len(region) > 1:
        parent = region[0].parent
        if parent is not None and parent.tag not in ("body", "html") and all(
                node.parent is not None and node.parent.mem_id == parent.mem_id for node in region):
            return [parent]
    return region


def _headline_scope(h1, region: list) -> list:
    """The box around the page's headline (`density.own_headline`) when it lies outside the body:
    `lead_paragraph` looks for the standfirst there, so the body rules clean it too (a caption or
    a promo is no standfirst)."""
    if h1 is None:
        return []
    ids = {node.mem_id for node in region}
    for box in (h1.parent.parent if h1.parent is not None else None, h1.parent):
        if box is None or box.tag in ("html", "body", "-document"):
            continue
        inside = has_ancestor_in(box, ids)
        holds = any(has_ancestor_in(node, {box.mem_id}) for node in region)
        if not inside and not holds and box.mem_id not in ids:
            return [box]
    return []


def _trace_the_rest(root, region: list, ctx: Context) -> None:
    """For `explain`: run the body rules over the rest of the page too, after the text was taken,
    so that every box of boilerplate outside the body is named with the rule that knows it. The
    body's nodes and their ancestors are fenced off: the text cannot change."""
    for node in region:
        ctx.fence.add(node.mem_id)
        anc = node.parent
        while anc is not None:
            ctx.fence_ancestors.add(anc.mem_id)
            anc = anc.parent
    for rule in BODY_RULES:
        rule.apply(root, ctx)


def _run_text_rules(lines: list[str], ctx: Context) -> list[str]:
    lines = normalize.apply(lines, ctx)
    for rule in sites.SITE_TEXT_RULES + GENERIC_TEXT_RULES:
        lines = rule.apply(lines, ctx)
    return lines


def clean_html(html: bytes | str, url: str | None = None, *, path: str | None = None,
               fetched_at: str | None = None, charset: str | None = None, profile: str | None = None,
               explain: bool = False) -> Document:
    """Clean one HTML page into a Document. `url` picks the site profile and the record id;
    without it the page's canonical URL (or og:url) is used. Raises CleanError when the page
    holds no article text. `charset` is the transport's declared charset (HTTP or WARC header);
    `profile` names a site profile to use whatever the URL's host (a mirror of a known site).

    On a page of unknown markup the body rules run only in the body the content finder chose, so
    `Document.trace` names what was taken out of the body (and the page's frame); with `explain`,
    the boilerplate in the rest of the page is named too, once the text is taken (it cannot
    change the text). Lone surrogates in the page or the arguments become U+FFFD: a record is UTF-8."""
    text = scrub_surrogates(decode_html(html, charset))
    url, path, fetched_at = scrub_surrogates(url), scrub_surrogates(path), scrub_surrogates(fetched_at)
    if not text.strip():
        raise CleanError("empty", "the document is empty")
    tree = LexborHTMLParser(text)
    url = url or _page_url(tree)
    ctx = Context(url=url, profile=sites.by_name(profile) or sites.for_url(url))
    language = _language(tree)
    _profile_meta(tree, ctx)
    extracted = page_metadata(tree, url, text)  # before the DOM rules take out JSON-LD and meta

    root = tree.root
    if root is None:
        raise CleanError("no_text", "the page has no HTML tree")
    links = _link_texts(tree)
    region = None
    own = None  # the page's own headline (`density.own_headline`)
    headlines: list[str] = []
    if ctx.profile is None and tree.body is not None:
        # unknown markup: take the page's frame out, find the body, then clean the boxes inside it
        for rule in sites.SITE_DOM_RULES + PAGE_RULES:
            rule.apply(root, ctx)
        headlines = _headlines(tree, extracted)
        region = content_nodes(tree.body, ctx.finder if explain else None, headlines)
        own = own_headline(tree.body, headlines)
        for scope in _scopes(region) + _headline_scope(own if own is not None else root.css_first("h1"), region):
            for rule in BODY_RULES:
                rule.apply(scope, ctx)
        region = [node for node in region if is_attached(node)]
        if len(" ".join(node_text(node) for node in region)) < MIN_BODY:
            # next to no body: the extractor (or the page's blocks) will read the whole page, so the
            # whole page is cleaned, as for a page whose body was never looked for
            ctx.finder["fallback"] = (f"the body chosen held under {MIN_BODY} characters once cleaned: the whole "
                                      "page was cleaned and read again")
            for rule in BODY_RULES:
                rule.apply(root, ctx)
            region = None
    else:
        for rule in sites.SITE_DOM_RULES + GENERIC_DOM_RULES:
            rule.apply(root, ctx)

    headline_share = _headline_share(tree, region)
    body_text, extractor = extract_text(tree, ctx.url, ctx, region)
    if ctx.finder:
        ctx.finder["extractor"] = extractor
    lines = body_text.split("\n")
    if ctx.profile is not None and ctx.profile.body and tree.body is not None:
        # a known site's body: trust its blocks when the extractor kept too little of them
        blocks = block_lines(tree.body)
        if sum(map(len, blocks)) * 0.6 > len(body_text):
            lines = blocks
    elif not body_text.strip() and tree.body is not None:
        lines = block_lines(tree.body)
    if ctx.profile is None and region is None:
        lines = continued_chunks(root, lines)
    if own is None or not is_attached(own):
        own = own_headline(tree.body, headlines or _headlines(tree, extracted))
    if first := lead_paragraph(root, "\n".join(lines), own):
        lines = [first, *lines]
    if region and extractor == "density":
        if lead := lead_between(own, region, "\n".join(lines)):
            lines = [lead, *lines]
        elif not first and (lead := lead_before(region, "\n".join(lines))):
            lines = [lead, *lines]
    ctx.set_meta("title", extracted["title"] or _page_title(tree))
    ctx.set_meta("sitename", extracted["sitename"] or _meta_content(tree, "og:site_name"))
    lines = _run_text_rules(lines, ctx)
    if explain and region:
        _trace_the_rest(root, region, ctx)
    try:
        _check_article(lines, links, ctx.url, headline_share)
        return _finish(ctx, lines, path=path, fetched_at=fetched_at, language=language, extracted=extracted)
    except CleanError as exc:
        exc.finder = ctx.finder
        raise


def clean_text(text: str, url: str | None = None, *, path: str | None = None,
               fetched_at: str | None = None) -> Document:
    """Clean one seed-format text (one paragraph a line) into a Document. The site profile comes
    from `url`'s host or, without a URL, from a signature in the text. Raises CleanError when what
    is left is not an article (`_check_text`). Lone surrogates in the text or the arguments become
    U+FFFD: a record is UTF-8."""
    text = scrub_surrogates(text)
    url, path, fetched_at = scrub_surrogates(url), scrub_surrogates(path), scrub_surrogates(fetched_at)
    if not text.strip():
        raise CleanError("empty", "the document is empty")
    ctx = Context(url=url, profile=sites.for_url(url) or sites.for_text(text))
    lines = _run_text_rules(text.split("\n"), ctx)
    _check_text(lines, ctx.url)
    return _finish(ctx, lines, path=path, fetched_at=fetched_at, language=None)
