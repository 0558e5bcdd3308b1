"""Main-content extraction: trafilatura on the pruned tree, with its metadata, plus a plain
block-text reader used when trafilatura keeps too little of a site's known article body."""

from __future__ import annotations

import logging
import re

import trafilatura
from trafilatura.settings import set_date_params

from .util import node_text

# trafilatura logs every page it finds too short at WARNING; cleanwire reports outcomes itself
logging.getLogger("trafilatura").setLevel(logging.ERROR)

#: Options passed to trafilatura (chosen by `make bench`: see README).
TRAFILATURA_OPTIONS = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "deduplicate": False,
}

BLOCK_TAGS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dt, dd, td, th"


def trafilatura_extract(html: str, url: str | None) -> dict:
    """Run trafilatura on (pruned) HTML: the body text (lines) and the metadata it found."""
    # htmldate's "extensive" search (dateparser over free text) triples the time of a page and
    # guesses from any date in the text; the markup (meta, JSON-LD, time, URL) is what we trust
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True,
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
