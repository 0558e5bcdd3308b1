"""cleanwire's own main-content finder on the selectolax tree (no second parse).

A readability-style scorer: every paragraph-like block (`<p>`, `<pre>`, `<td>`, `<blockquote>`, and
a `<div>` that holds text of its own rather than other blocks) with 25+ characters gives points
(one, one a comma, one per 100 characters up to three) to its parent and half of that to its
grandparent; a container's points are scaled down by the share of its text inside links. The best
container is the article body; its siblings join when they score close to it or are long, link-poor
paragraphs. `content_lines` turns the chosen nodes into lines the way the text rules expect them
(one block a line, `<br>` breaks a line, list items as `- item`).

The pipeline runs it after the DOM rules and uses it when the extractor's own text is empty or much
shorter than what this finder sees as the body (the fallback trafilatura itself makes with
readability, here without a second parse of the page).
"""

from __future__ import annotations

from .util import node_text

_SCORED = "p, pre, td, blockquote, div"
#: elements that end a line of text (a block) in `content_lines`
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre", "ul", "ol", "li",
    "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
    "figure", "figcaption", "hr", "address", "details", "summary", "form", "fieldset", "center", "nav", "br",
})
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "select", "button", "-comment"})
_POSITIVE = ("article", "body", "content", "entry", "main", "page", "post", "story", "text", "blog")
_NEGATIVE = ("comment", "footer", "sidebar", "widget", "share", "related", "promo", "menu", "nav", "meta",
             "masthead", "teaser", "byline", "caption", "credit")


def _class_weight(node) -> int:
    names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower()
    if not names.strip():
        return 0
    weight = 0
    if any(w in names for w in _NEGATIVE):
        weight -= 25
    if any(w in names for w in _POSITIVE):
        weight += 25
    return weight


def _own_text_len(div) -> int:
    """Characters of text a `<div>` holds as a paragraph would: its text nodes and inline children;
    a div that also holds blocks counts only its bare text nodes (text between `<br>`s beside a
    picture's table), not the inline labels of a card (a `<small>` date under a linked headline)."""
    loose = inline = 0
    has_blocks = False
    child = div.child
    while child is not None:
        tag = child.tag
        if tag == "-text":
            loose += len((child.text_content or "").strip())
        elif tag in _BLOCKS and tag != "br":
            has_blocks = True
        elif tag not in _SKIP:
            inline += len(child.text(deep=True).strip())
        child = child.next
    return loose if has_blocks else loose + inline


def _link_len(node) -> int:
    return sum(len(a.text(deep=True).strip()) for a in node.css("a"))


def content_nodes(root) -> list:
    """The nodes that hold the article body, in document order ([] when nothing scores)."""
    scores: dict[int, float] = {}
    nodes: dict[int, object] = {}
    for block in root.css(_SCORED):
        if block.tag == "div":
            length = _own_text_len(block)
            text = None
        else:
            text = node_text(block)
            length = len(text)
        if length < 25:
            continue
        commas = (text if text is not None else block.text(deep=True)).count(",")
        points = 1 + commas + min(length // 100, 3)
        parent = block.parent if block.tag != "div" else block
        for share, node in ((1.0, parent), (0.5, parent.parent if parent is not None else None)):
            if node is None or node.tag in ("html", "-document"):
                continue
            key = node.mem_id
            if key not in scores:
                nodes[key] = node
                scores[key] = _class_weight(node) + (5 if node.tag in ("div", "article", "main") else 0)
            scores[key] += points * share
    if not scores:
        return []
    ranked = []
    for key, score in scores.items():
        node = nodes[key]
        text_len = len(node.text(deep=True).strip()) or 1
        ranked.append((score * (1 - min(1.0, _link_len(node) / text_len)), key))
    best_score, best_key = max(ranked)
    best = nodes[best_key]
    parent = best.parent
    if parent is None or best.tag == "body":
        return [best]
    threshold = max(10.0, best_score * 0.2)
    adjusted = dict((key, score) for score, key in ranked)
    chosen = []
    sibling = parent.child
    while sibling is not None:
        if sibling.tag in ("-text", "-comment"):
            sibling = sibling.next
            continue
        if sibling.mem_id == best.mem_id or adjusted.get(sibling.mem_id, 0) >= threshold:
            chosen.append(sibling)
        elif sibling.tag == "p":
            text = node_text(sibling)
            density = _link_len(sibling) / len(text) if text else 1
            if (len(text) > 80 and density < 0.25) or (0 < len(text) <= 80 and density == 0 and text[-1:] in ".!?"):
                chosen.append(sibling)
        sibling = sibling.next
    return chosen


def content_lines(nodes) -> list[str]:
    """The text of `nodes`, one line per block: block elements and `<br>` end a line, list items
    start with `- ` (the form the extractor gives them), white space collapsed."""
    lines: list[str] = []
    parts: list[str] = []

    def flush():
        line = " ".join(" ".join(parts).split())
        if line:
            lines.append(line)
        parts.clear()

    def walk(node):
        child = node.child
        while child is not None:
            tag = child.tag
            if tag == "-text":
                parts.append(child.text_content or "")
            elif tag in _SKIP:
                pass
            elif tag in _BLOCKS:
                flush()
                if tag == "li":
                    parts.append("- ")
                walk(child)
                flush()
            else:
                walk(child)
            child = child.next

    for node in nodes:
        flush()
        if node.tag == "li":
            parts.append("- ")
        walk(node)
        flush()
    return [line for line in lines if line != "-"]
