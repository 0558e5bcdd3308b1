"""Main-content extraction: cleanwire's own content finder (`density`) on the tree already parsed,
with trafilatura (fast mode, on the pruned tree) as the second opinion for pages where that finds
next to nothing; plus a plain block-text reader used when the extraction keeps too little of a
site's known article body, and the standfirst and split-body repairs. Metadata come from `metadata`."""

from __future__ import annotations

import logging
import re

from . import vocabulary as V
from .density import class_weight, content_lines, content_nodes, in_overlay
from .dom_rules import class_words
from .rules import Context
from .util import ancestor_ids, node_text
from .vocabulary import BYLINE_WORDS, LEAD_IF_ALONE, LEAD_WORDS, NOT_LEAD_WORDS

# trafilatura logs every page it finds too short at WARNING; cleanwire reports outcomes itself
logging.getLogger("trafilatura").setLevel(logging.ERROR)

#: Options passed to trafilatura when it is asked (chosen by `make bench`: see README). `fast` skips
#: its readability and jusText comparison, which re-parse the page.
TRAFILATURA_OPTIONS = {
    "fast": True,
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "deduplicate": False,
}

BLOCK_TAGS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dt, dd, td, th"


def trafilatura_extract(html: str, url: str | None, *, with_metadata: bool = False) -> dict:
    """Run trafilatura on (pruned) HTML: the body text (lines) and, with `with_metadata`, the
    metadata it found (title, authors, published, sitename)."""
    import trafilatura  # imported when first needed: most pages never get here, and it is slow to load
    from trafilatura.settings import set_date_params

    # htmldate's "extensive" search (dateparser over free text) triples the time of a page and
    # guesses from any date in the text; the markup (meta, JSON-LD, time, URL) is what we trust
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=with_metadata,
                                      date_extraction_params=set_date_params(False), **TRAFILATURA_OPTIONS)
    if doc is None:
        return {"text": "", "title": None, "authors": [], "published": None, "sitename": None}
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return {
        "text": doc.text or "",
        "title": doc.title or None,
        "authors": authors,
        "published": doc.date or None,
        "sitename": doc.sitename or None,
    }


#: the shortest body the content finder may give before trafilatura is asked for a second opinion
MIN_BODY = 250
#: the second opinion is taken when it holds at least this share of the content finder's text: one
#: that keeps far less (a date and a name where the finder read two paragraphs) is no better
_SECOND_SHARE = 0.5


def extract_text(tree, url: str | None, ctx: Context | None = None, nodes: list | None = None) -> tuple[str, str]:
    """The body text of the pruned tree, one block a line, and which extractor gave it
    (`density` or `trafilatura`). cleanwire's own content finder (`density`, on the tree already
    parsed) goes first; trafilatura (its own extractor, fast mode) is asked only when that gives
    less than `MIN_BODY` characters, and its text is taken when it has any and at least half as much
    as the finder's: on a page with that little text (an about page, a stub) it is the more careful
    of the two, but a second opinion that keeps next to nothing of a short page (its date line
    where the finder read its two paragraphs) is not taken. The article gate decides what is left.
    With `ctx`, what the content finder leaves out of the body is traced. `nodes` are the body's
    nodes when the caller found them already."""
    root = tree.body if tree.body is not None else tree.root
    if nodes is None:
        nodes = content_nodes(root) if root is not None else []
    dropped: list[tuple[str, str]] = []
    text = "\n".join(content_lines(nodes, lambda step, piece: dropped.append((step.name, piece))))
    if len(text) >= MIN_BODY:
        if ctx is not None:
            for name, piece in dropped:
                ctx.rule, ctx.stage = name, "extract"
                ctx.drop(piece)
        return text, "density"
    other = trafilatura_extract(tree.html or "", url)["text"]
    if other.strip() and len(other.strip()) >= _SECOND_SHARE * len(text):
        return other, "trafilatura"
    return text, "density"


def block_lines(node) -> list[str]:
    """The text of a subtree, one line per innermost block (paragraph, heading, list item, quote).
    With no block inside, the subtree's whole text is one line."""
    blocks = [b for b in node.css(BLOCK_TAGS) if b.mem_id != node.mem_id]  # lexbor's css() includes node
    ids = {b.mem_id for b in blocks}
    outer: set[int] = set()  # blocks that hold another block: their own lines come from the inner ones
    for block in blocks:
        parent = block.parent
        while parent is not None and parent.mem_id != node.mem_id:
            if parent.mem_id in ids:
                outer.add(parent.mem_id)
                break
            parent = parent.parent
    lines = [text for b in blocks if b.mem_id not in outer and (text := node_text(b))]
    if not lines:
        text = node_text(node)
        return [text] if text else []
    return lines


_LEAD_TAGS = frozenset({"p", "div", "h2", "h3", "h4", "span", "section", "header", "strong"})
_LEAD_END = re.compile(r"[.!?…。！？؟۔।\"”’»)」』]$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
#: boxes a standfirst is never inside: list items (the cards of a listing), pictures, rails, forms
_NOT_LEAD_TAGS = frozenset({"li", "ul", "ol", "figure", "figcaption", "aside", "nav", "footer", "form", "table",
                            "blockquote", "a", "button", "time", "address"})
#: how far from the <h1> a standfirst may sit: element boxes after it, at each of its levels
_LEAD_SIBLINGS = 4
_LEAD_LEVELS = 3
#: element boxes read inside one box after the <h1>, in document order
_LEAD_INNER = 30
_LEAD_STOP = frozenset({"body", "html", "main", "article", "-document"})
#: named boxes whose text is read at most (each read is linear in the box): a bound per page
_LEAD_TRIES = 12


def _lead_words(node) -> frozenset[str]:
    raw = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".strip()
    return class_words(raw) if raw else frozenset()


def _lead_named(node, *, alone: bool) -> bool:
    """True when the node's class/id names a standfirst (`teaser` only when `alone`: the first box
    under the headline, with no sibling named the same) and nothing in it names a picture, caption,
    promo or other furniture."""
    words = _lead_words(node)
    if not words or words & NOT_LEAD_WORDS or words & BYLINE_WORDS:
        return False
    if words & LEAD_WORDS:
        return True
    if alone and words & LEAD_IF_ALONE:
        for sibling, back in ((node.prev, True), (node.next, False)):
            while sibling is not None and sibling.tag in ("-text", "-comment"):
                sibling = sibling.prev if back else sibling.next
            if sibling is not None and _lead_words(sibling) & LEAD_IF_ALONE:
                return False  # one card of several: a listing or a promo rail
        return True
    return False


#: a standfirst in a box named as one may end without a stop (many are set that way) when it is
#: this long: a sentence, not a kicker or a label
_NAMED_LEAD_MIN = 80
#: the longest lead: a few sentences (in a box named as a standfirst, a long intro paragraph)
_LEAD_MAX = 800
_NAMED_LEAD_MAX = 1500


def _reads_as_lead(text: str, linked: int, named: bool = False) -> bool:
    """One to a few sentences of prose with few links: 40-800 characters (in a box `named` as a
    standfirst, up to `_NAMED_LEAD_MAX`: an intro paragraph), six words or more (in Chinese,
    Japanese or Korean: 20 characters), ending as a sentence does (in a named box,
    `_NAMED_LEAD_MIN` characters may end without a stop); in a cased script, three words or more
    in lower case (a byline and its dates, "JANE ROE Nov. 20, 2019 Updated: 1:35 a.m.", has next
    to none)."""
    if not 40 <= len(text) <= (_NAMED_LEAD_MAX if named else _LEAD_MAX) or linked > 0.2 * len(text):
        return False
    if not _LEAD_END.search(text) and not (named and len(text) >= _NAMED_LEAD_MIN):
        return False
    words = text.split()
    if len(words) < 6:
        return len(_CJK.findall(text)) >= 20
    cased = [w for w in words if w[0].isalpha() and w[0].lower() != w[0].upper()]
    return not cased or sum(1 for w in cased if w[0].islower()) >= 3


def _lead_text(node, named: bool = False) -> str | None:
    """The text of `node` when it is a lead paragraph: a standfirst's tag, no picture in it, and it
    reads as a lead (`_reads_as_lead`; `named`: its box is named as a standfirst). The caller has
    checked the naming."""
    if node.tag not in _LEAD_TAGS:
        return None
    if node.css_first("figure, img, picture, video, figcaption") is not None:
        return None  # a "lead" box with a picture in it is the lead image and its caption, not a standfirst
    text = node_text(node)
    if not text:
        return None
    paras = [p for p in node.css("p") if not _lead_words(p) & NOT_LEAD_WORDS]
    if len(paras) >= 2:  # a standfirst box of two or three short paragraphs: one line each
        out = [t for p in paras[:3]
               if _reads_as_lead(t := node_text(p), sum(len(node_text(a)) for a in p.css("a")), named)]
        return "\n".join(out) if out else None
    linked = sum(len(node_text(a)) for a in node.css("a"))
    return text if _reads_as_lead(text, linked, named) else None


def _fenced(node) -> bool:
    """A box no standfirst sits in: a list item, a picture, a rail, a form (`_NOT_LEAD_TAGS`), or a
    box named as a picture, caption, promo or other furniture (`NOT_LEAD_WORDS`)."""
    return node.tag in _NOT_LEAD_TAGS or bool(_lead_words(node) & NOT_LEAD_WORDS)


#: boxes that leave a standfirst right under the headline all the same: a byline or date line,
#: a box hidden from the screen (a byline for screen readers)
_NOT_IN_THE_WAY = BYLINE_WORDS | V.ALWAYS_HIDDEN


def _boxes_after(start) -> list:
    """The element boxes that follow `start` within `_LEAD_SIBLINGS` siblings, each with the first
    `_LEAD_INNER` element boxes inside it, in document order, fenced boxes (`_fenced`) and what is
    inside them left out: where a standfirst a few boxes from the headline can sit. Each comes with
    whether it is the first box after `start` but for fenced ones, bylines and boxes hidden from
    the screen (`_NOT_IN_THE_WAY`): a teaser right under the headline, past its picture and its
    byline. Bounded: never a walk over the rest of the page."""
    out, node, seen, first = [], start.next, 0, True
    while node is not None and seen < _LEAD_SIBLINGS:
        if node.tag not in ("-text", "-comment"):
            seen += 1
            if _fenced(node):
                node = node.next
                continue
            out.append((node, first))
            if not _lead_words(node) & _NOT_IN_THE_WAY:
                first = False
            out.extend((box, False) for box in _boxes_inside(node))
        node = node.next
    return out


def _paras_after(node, most: int = 2) -> list[str]:
    """The texts of the `<p>` right after `node` (at most `most`) that read as a lead: the rest of a
    standfirst of two or three paragraphs in an intro box."""
    out, sibling = [], node.next
    while sibling is not None and len(out) < most:
        if sibling.tag not in ("-text", "-comment"):
            if sibling.tag != "p" or not (text := _lead_text(sibling)):
                break
            out.append(text)
        sibling = sibling.next
    return out


def lead_paragraph(root, body_text: str, headline=None) -> str | None:
    """The standfirst printed under the headline (`<p class="standfirst">`, `.article__intro`,
    `#vorspann`, `.chapo`, ...) when the extractor left it out: extractors often take only the body
    container and lose it, yet it is the article's first paragraph. Looked for only near the page's
    headline (`headline`: the `<h1>` that matches its titles, else its first `<h1>`; a logo or a
    hidden label set as the first `<h1>` is not the story's): in the few boxes after it, after its
    parent and after its grandparent (a standfirst
    a few boxes away, past a picture or a byline), never past the `<article>` or `<main>` around it,
    so teasers elsewhere never qualify. A box counts when its class/id names a standfirst
    (`LEAD_WORDS`, `teaser` only right under the headline), or when it follows the `<h1>` inside a
    box so named (`<div class="intro"><h1>..</h1><p>..</p></div>`); it must read as a lead (a sentence
    or a few, few links) and hold no picture; a caption, credit or promo (`NOT_LEAD_WORDS`) never
    counts. Returns the lead's lines (one paragraph a line) that the body lacks, or None."""
    h1 = headline if headline is not None else root.css_first("h1")
    if h1 is None:
        return None
    flat = "".join(body_text.split())  # compared without white space: "Reuters , the" is "Reuters, the"
    ancestors, box = [], h1.parent
    while box is not None and box.tag not in _LEAD_STOP and len(ancestors) < _LEAD_LEVELS:
        ancestors.append(box)
        box = box.parent
    # the levels that sit inside a box named as the intro: their paragraphs after the <h1> are the lead
    named_from = next((k for k in range(len(ancestors) - 1, -1, -1) if _lead_named(ancestors[k], alone=False)), -1)
    start, tried = h1, 0
    for level in range(_LEAD_LEVELS):
        if start is None or start.tag in _LEAD_STOP:
            break
        box = start.parent
        inherited = level <= named_from
        for node, first in _boxes_after(start):
            named = _lead_named(node, alone=first and level < 2)
            if not (named or inherited and node.tag == "p"):
                continue
            tried += 1
            if tried > _LEAD_TRIES:
                return None
            if text := _lead_text(node, named):
                if inherited and node.tag == "p":
                    text = "\n".join([text, *_paras_after(node)])
                if lacking := _lacking(text, flat):
                    return lacking
        start = box
    return None


_LAYOUT_CLASS = re.compile(r"(?:row|col|column|container|wrapper|grid|flex)[\w-]*", re.I)


def _layout_only(classes: str) -> bool:
    """True when every class of an element names a layout box (`row`, `col-md-8`, `container-fluid`).
    Class by class: one expression repeating a group that ends in `[\\w-]*` over the whole attribute
    backtracks exponentially on a long class such as `rowrowrow...row!`."""
    names = classes.split()
    return bool(names) and all(_LAYOUT_CLASS.fullmatch(name) for name in names)


def _parent_signature(node) -> tuple[str, str | None]:
    parent = node.parent
    return (parent.tag, parent.attributes.get("class")) if parent is not None else ("", None)


def continued_chunks(root, lines: list[str]) -> list[str]:
    """Paragraphs of an article body that the page splits into sibling chunks (between ads or
    widgets: `<div class="article__chunks">` repeated) when the extractor kept only the first
    chunk. The chunk holding the first extracted paragraph is found; its siblings with the same
    tag and class give their paragraphs (long, few links), in order, when they are not in `lines`.
    Returns the lines to use (unchanged when the page is not split)."""
    long = [line for line in lines if len(line) >= 80]
    if not long:
        return lines
    first = long[0]
    anchor = next((p for p in root.css("p") if node_text(p) == first), None)
    if anchor is None:
        return lines
    flat = " ".join(" ".join(lines).split())
    chunk = anchor.parent
    for _ in range(5):
        if chunk is None or chunk.parent is None or chunk.tag in ("body", "html"):
            return lines
        signature = (chunk.tag, chunk.attributes.get("class"))
        if signature[1] and _layout_only(signature[1]):
            return lines  # grid rows and columns hold whole page sections, not chunks of one story
        siblings = [s for s in chunk.parent.iter() if (s.tag, s.attributes.get("class")) == signature]
        if signature[1] and len(siblings) >= 2:
            break
        chunk = chunk.parent
    else:
        return lines
    kept = set(lines)
    if sum(1 for p in chunk.css("p") if node_text(p) in kept) < 2:
        return lines  # the first paragraph sits in a teaser or a box, not in a chunk of the body
    body_parent = _parent_signature(anchor)
    before: list[str] = []
    after: list[str] = []
    side = before
    for sibling in siblings:
        if sibling.mem_id == chunk.mem_id:
            side = after
            continue
        if any(len(node_text(a)) >= 20 for h in sibling.css("h2, h3, h4") for a in h.css("a")):
            continue  # a teaser card: a linked headline
        found = []
        for p in sibling.css("p"):
            if _parent_signature(p) != body_parent:
                continue  # not laid out like the story's own paragraphs
            text = node_text(p)
            linked = sum(len(node_text(a)) for a in p.css("a"))
            if len(text) >= 40 and linked <= 0.3 * len(text) and text not in flat:
                found.append(text)
        if sum(1 for text in found if len(text) >= 80) >= 2:  # body text, not a caption or a note
            side.extend(found)
    return [*before, *lines, *after] if before or after else lines


#: element boxes read at most on the way from the headline to the body (a bound per page)
_BETWEEN_STEPS = 400
#: paragraphs taken at most from between the headline and the body
_BETWEEN_MOST = 3
#: boxes whose text between the headline and the body is never the lead: pictures and their
#: captions, lists (a listing's cards, a rail), forms, tables, quotes set apart
_BETWEEN_SKIP = _NOT_LEAD_TAGS | {"script", "style", "noscript", "template", "svg", "iframe", "select", "button",
                                  "dl", "article"}


def _between(headline, first):
    """The element boxes from the end of `headline` to the start of `first` in document order,
    what lies inside a box the caller skips (it sends True back) left out; ends at `first`. Sends
    None when the page ends before `first` or after `_BETWEEN_STEPS` boxes (too far apart for the
    one to be the other's lead)."""
    node, steps = headline, 0
    descend = False
    while True:
        if descend and node.child is not None:
            node = node.child
        else:
            while node is not None and node.next is None:
                node = node.parent
                if node is None or node.tag in ("body", "html", "-document"):
                    yield None  # the page ended first: the body does not come after the headline
                    return
            if node is None:
                yield None
                return
            node = node.next
        if node.mem_id == first.mem_id:
            return
        if node.tag in ("-text", "-comment"):
            descend = False
            continue
        steps += 1
        if steps > _BETWEEN_STEPS:
            yield None
            return
        descend = not (yield node)


def _not_lead_box(node, overlays: dict) -> bool:
    """True when `node` is a box no lead sits in: a byline or date box (`BYLINE_WORDS`), a box the
    content finder scores down (a side box, a share bar: `density.class_weight` below zero) unless
    it is named as a standfirst, a consent or pop-up box (`density.in_overlay`), a disclosure."""
    words = _lead_words(node)
    if not words:
        return False
    if words & BYLINE_WORDS or words & V.NOT_LEAD_BOXES:
        return True
    if class_weight(node) < 0 and not _lead_named(node, alone=False):
        return True
    return in_overlay(node, overlays)


#: headings a deck may be set in between the headline and the body
_DECK_HEADINGS = frozenset({"h2", "h3", "h4"})
#: the shortest deck set as a heading: a sub-heading is a few words, a deck a sentence or two
_DECK_MIN = 60


def _sentence_heading(node, headline) -> bool:
    """True when a heading reads as a deck set in a heading's type: a sentence or two (60+
    characters, ending as a sentence does), not a sub-heading's few words, set in a box of its own
    or the body's, not in the headline's group (`<hgroup>`, a headline box holding the `<h1>` and
    its deck): such a deck is left to its name (`lead_paragraph`)."""
    if node.parent is None or headline.parent is None or node.parent.mem_id == headline.parent.mem_id:
        return False
    text = node_text(node)
    return len(text) >= _DECK_MIN and bool(_LEAD_END.search(text))


def lead_between(headline, body: list, body_text: str) -> str | None:
    """The lead paragraphs set between the page's headline and the body the content finder chose
    (a standfirst in a box of no telling name, an intro run of paragraphs above the body's box):
    the `<p>` boxes after the `<h1>` and before the body's first node, in document order, that read
    as a lead (a sentence or a few, few links) and sit in no list, picture, caption, form, table,
    other `<article>`, byline, promo, side box, consent box or disclosure (`_fenced`,
    `_not_lead_box`): one run of paragraphs in one box, three at most. None when the two are far
    apart (more than `_BETWEEN_STEPS` boxes: not one story) or the body comes first. A sub-heading
    (`<h2>`) is not read: a deck set as one is left to its name (`lead_paragraph`). Returns the
    lines the body lacks, or None."""
    if headline is None or not body:
        return None
    first = body[0]
    if not ancestor_ids(headline.parent).isdisjoint(node.mem_id for node in body):
        return None  # the body holds the headline: its lead is in the body already
    around = ancestor_ids(first.parent)  # the boxes that hold the body: read through whatever they are
    if headline.mem_id in around:
        return None  # the headline holds the body: nothing between them
    flat = "".join(body_text.split())
    out: list[str] = []
    walk = _between(headline, first)
    skip = False
    done = False  # the lead is read: the rest of the walk only checks that the body follows
    parent = None  # the box of the lead's first paragraph
    overlays: dict[int, bool] = {}
    try:
        node = next(walk)
        while True:
            if node is None:
                return None  # the body is far from the headline, or before it: not one story's parts
            skip = False
            if node.mem_id in around:
                pass
            elif done or node.tag in _BETWEEN_SKIP or _fenced(node) or _not_lead_box(node, overlays):
                skip = True
            elif node.tag == "p" or node.tag in _DECK_HEADINGS and _sentence_heading(node, headline):
                skip = True
                if parent is not None and (node.parent is None or node.parent.mem_id != parent.mem_id):
                    done = True  # a lead is one run of paragraphs in one box: what follows elsewhere is not
                    node = walk.send(skip)
                    continue
                text = node_text(node)
                linked = sum(len(node_text(a)) for a in node.css("a"))
                if text and _reads_as_lead(text, linked) and "".join(text.split()) not in flat:
                    out.append(text)
                    parent = node.parent
                    done = len(out) >= _BETWEEN_MOST
            node = walk.send(skip)
    except StopIteration:
        pass
    return "\n".join(out) if out else None


def lead_before(body: list, body_text: str) -> str | None:
    """The standfirst set just before the body the content finder chose, on a page where none was
    found from the headline (no `<h1>`, or one in a breadcrumb or a slider): a box named as a
    standfirst (`LEAD_WORDS`; `teaser` with no sibling named the same) among the few boxes before
    the body's first node, before its parent and before its grandparent (not past the `<article>`
    or `<main>` around it), read as `lead_paragraph` reads one (`_lead_text`: a sentence or a
    few, few links, no picture). A caption, credit or promo is never one (`_fenced`). Returns the
    lead's lines that the body lacks, or None."""
    if not body:
        return None
    flat = "".join(body_text.split())
    node, tried = body[0], 0
    for _ in range(_LEAD_LEVELS):
        if node is None or node.tag in _LEAD_STOP:
            break
        sibling, seen = node.prev, 0
        while sibling is not None and seen < _LEAD_SIBLINGS:
            if sibling.tag not in ("-text", "-comment"):
                seen += 1
                if not _fenced(sibling):
                    for box in [sibling, *_boxes_inside(sibling)]:
                        if not _lead_named(box, alone=True):
                            continue
                        tried += 1
                        if tried > _LEAD_TRIES:
                            return None
                        if text := _lead_text(box, True):
                            return _lacking(text, flat)
            sibling = sibling.prev
        node = node.parent
    return None


def _lacking(text: str, flat: str) -> str | None:
    """The lines of `text` that the body (`flat`: its text without white space) lacks, or None."""
    lines = [line for line in text.split("\n") if "".join(line.split()) not in flat]
    return "\n".join(lines) if lines else None


def _boxes_inside(box) -> list:
    """The first `_LEAD_INNER` element boxes inside `box`, in document order, fenced boxes (`_fenced`)
    and what is inside them left out."""
    out, stack, inner = [], [box.child], 0
    while stack and inner < _LEAD_INNER:
        child = stack.pop()
        while child is not None and child.tag in ("-text", "-comment"):
            child = child.next
        if child is None:
            continue
        inner += 1
        stack.append(child.next)
        if not _fenced(child):
            out.append(child)
            stack.append(child.child)
    return out
