"""Main-content extraction: trafilatura on the pruned tree, with its metadata, plus a plain
block-text reader used when trafilatura keeps too little of a site's known article body."""

from __future__ import annotations

import logging

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
    Text outside any block (bare text in a `div`) becomes a line of its own as well."""
    lines: list[str] = []
    blocks = node.css(BLOCK_TAGS)
    inner = [b for b in blocks if b.css_first(BLOCK_TAGS) is None]
    if not inner:
        text = node_text(node)
        return [text] if text else []
    for block in inner:
        text = node_text(block)
        if text:
            lines.append(text)
    return lines
