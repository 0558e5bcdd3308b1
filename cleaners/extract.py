"""Main-content extraction: cleanwire's own content finder (`density`) on the tree already parsed,
with trafilatura (fast mode, on the pruned tree) as the second opinion for pages where that finds
next to nothing; plus a plain block-text reader used when the extraction keeps too little of a
site's known article body, and the standfirst and split-body repairs. Metadata come from `metadata`."""

from __future__ import annotations

import logging
import re

from .density import content_lines, content_nodes
from .rules import Context
from .util import node_text

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


def extract_text(tree, url: str | None, ctx: Context | None = None, nodes: list | None = None) -> tuple[str, str]:
    """The body text of the pruned tree, one block a line, and which extractor gave it
    (`density` or `trafilatura`). cleanwire's own content finder (`density`, on the tree already
    parsed) goes first; trafilatura (its own extractor, fast mode) is asked only when that gives
    less than `MIN_BODY` characters, and its text is taken when it has any: on a page with that
    little text (an about page, a stub) it is the more careful of the two, and the article gate
    decides what is left. With `ctx`, what the content finder leaves out of the body is traced.
    `nodes` are the body's nodes when the caller found them already."""
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
    if other.strip():
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


# class/id words that mark a lead paragraph printed under the headline
LEAD_WORDS = frozenset({"standfirst", "lede", "lead", "dek", "deck", "intro", "subtitle", "subheadline", "sub-headline",
                        "sapo", "chapo", "excerpt", "summary", "abstract", "strapline"})
_LEAD_SPLIT = re.compile(r"[-_\s]+")


def _lead_text(node) -> str | None:
    """The text of `node` when it is a lead paragraph: lead-like class, one or more sentences, few links."""
    names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower()
    words = {w for token in names.split() for w in (token, *_LEAD_SPLIT.split(token)) if w}
    if not words & LEAD_WORDS or node.tag not in ("p", "div", "h2", "h3", "span"):
        return None
    if node.css_first("figure, img, picture, video") is not None:
        return None  # a "lead" box with a picture in it is the lead image and its caption, not a standfirst
    text = node_text(node)
    linked = sum(len(node_text(a)) for a in node.css("a"))
    if (40 <= len(text) <= 600 and len(text.split()) >= 6 and re.search(r"[.!?…\"”’)]$", text)
            and linked <= 0.2 * len(text)):
        return text
    return None


_WRAPPERS = ("header", "hgroup", "div", "section")


def lead_paragraph(root, body_text: str) -> str | None:
    """The standfirst printed under the headline (`<p class="standfirst">`, `.article-lede`, ...)
    when the extractor left it out: extractors often take only the body container and lose it,
    yet it is the article's first paragraph. Looked for only right after the page's first `<h1>`
    (its next siblings, then those of its parent, and inside a wrapper such as `<header>` there),
    so teasers elsewhere never qualify."""
    h1 = root.css_first("h1")
    if h1 is None:
        return None
    flat = " ".join(body_text.split())
    for start in (h1, h1.parent):
        node, seen = (start.next if start is not None else None), 0
        while node is not None and seen < 4:
            if node.tag not in ("-text", "-comment"):
                seen += 1
                inner = node.css("p, div, h2, h3, span")[:6] if node.tag in _WRAPPERS else []
                for candidate in (node, *inner):
                    if (text := _lead_text(candidate)) and text not in flat:
                        return text
            node = node.next
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
