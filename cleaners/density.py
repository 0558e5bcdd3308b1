"""cleanwire's own main-content finder on the selectolax tree (no second parse).

A readability-style scorer: every paragraph-like block (`<p>`, `<pre>`, `<td>`, `<blockquote>`, and
a `<div>`, `<section>` or `<article>` that holds text of its own) with 25+ characters gives points
(one, one a comma, one per 100 characters up to three) to its parent and half of that to its
grandparent; a container's points are scaled down by the share of its text inside links. The best
container is the article body; its siblings join when they score close to it or are long, link-poor
paragraphs. `content_lines` turns the chosen nodes into lines the way the text rules expect them
(one block a line, `<br>` breaks a line, list items as `- item`).

It is the pipeline's extractor (`extract.extract_text`); trafilatura is asked only when it finds
next to no body. On a page of unknown markup the pipeline runs it before the boilerplate rules, and
those rules then run only in the nodes it chose.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import vocabulary as V
from .dom_rules import class_words
from .util import has_ancestor_in, node_text

_SCORED = "p, pre, td, blockquote, div, section, article"
_CONTAINERS = frozenset({"div", "section", "article"})
#: elements that end a line of text (a block) in `content_lines`
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre", "ul", "ol", "li",
    "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
    "figure", "figcaption", "hr", "address", "details", "summary", "form", "fieldset", "center", "nav", "br",
})
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "select", "button", "-comment"})
_POSITIVE = V.CONTENT_POSITIVE
_NEGATIVE = V.CONTENT_NEGATIVE


def _class_weight(node) -> int:
    """-25 when the class/id names a box of no content (`sidebar`, `share`, `comments`), +25 when it
    names the content (`article-body`), both when it says both; words are read whole, in their
    context (`vocabulary.class_words`), so `canvas` is no `nav` and `football` no `foot`."""
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".strip()
    if not names:
        return 0
    words = class_words(names)
    weight = 0
    if not words.isdisjoint(_NEGATIVE):
        weight -= 25
    if not words.isdisjoint(_POSITIVE):
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
    points_of: dict[int, float] = {}  # what a container's paragraphs give it
    nodes: dict[int, object] = {}
    for block in root.css(_SCORED):
        if block.tag in _CONTAINERS:
            if _class_weight(block) < 0:
                continue  # text set straight into a footer or side box scores for nobody
            length = _own_text_len(block)
            text = None
        else:
            text = node_text(block)
            length = len(text)
        if length < 25:
            continue
        commas = (text if text is not None else block.text(deep=True)).count(",")
        points = 1 + commas + min(length // 100, 3)
        parent = block.parent if block.tag not in _CONTAINERS else block
        for share, node in ((1.0, parent), (0.5, parent.parent if parent is not None else None)):
            if node is None or node.tag in ("html", "-document"):
                continue
            key = node.mem_id
            if key not in points_of:
                nodes[key] = node
                points_of[key] = 0.0
            points_of[key] += points * share
    # a container's class counts for it (`article-body` up, `sidebar` down), but a class alone never
    # makes a box win: the bonus is at most what its paragraphs earned
    scores = {key: points + (5 if nodes[key].tag in ("div", "article", "main") else 0)
              + min(_class_weight(nodes[key]), points) for key, points in points_of.items()}
    if not scores:
        return []
    ranked = []
    memo: dict[int, bool] = {}
    for key, score in scores.items():
        node = nodes[key]
        if _in_comments(node, memo):
            continue
        text_len = len(node.text(deep=True).strip()) or 1
        ranked.append((score * (1 - min(1.0, _link_len(node) / text_len)), key))
    if not ranked:
        return []
    best_score, best_key = max(ranked)
    if best_score <= 0:
        return []  # only boxes the page marks as not content (a footer, a side bar) hold text
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
    if len(chosen) >= 2 and parent.tag not in ("body", "html"):
        # the best box is one part of the body (an intro, a run of paragraphs): when the parts
        # taken make most of their parent's text, the parent is the body, with its sub-headings,
        # quotes and lists
        taken = sum(len(n.text(deep=True).strip()) for n in chosen)
        if taken >= 0.6 * len(parent.text(deep=True).strip()) and not _in_comments(parent, memo):
            chosen = [parent]
            best = parent
    return _with_chunks(best, chosen, nodes, adjusted, threshold)


_COMMENT_WORDS = V.COMMENT_SECTION


def _in_comments(node, memo: dict[int, bool]) -> bool:
    """True when `node` sits in a reader-comment section (an ancestor's class or id says so)."""
    path = []
    found = False
    while node is not None and node.tag not in ("body", "html"):
        key = node.mem_id
        if key in memo:
            found = memo[key]
            break
        path.append(key)
        names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if "omment" in names or "isqus" in names or "eplies" in names or "espond" in names:
            if class_words(names) & _COMMENT_WORDS:
                found = True
                break
        node = node.parent
    for key in path:
        memo[key] = found
    return found


def _signature(node) -> tuple[str, str]:
    return node.tag, node.attributes.get("class") or ""


#: how many levels above the best container the other chunks of a split body may branch off
CHUNK_REACH = 5


def _with_chunks(best, chosen: list, nodes: dict, adjusted: dict, threshold: float) -> list:
    """`chosen` plus the other chunks of a body the page splits up (between ads, in a grid): the
    scored containers of the same tag and class as the best one that score high enough, with
    neither inside the other; in document order (the order the scoring met them)."""
    signature = _signature(best)
    if not signature[1]:
        return chosen
    taken = {n.mem_id for n in chosen}
    chunks = [n for key, n in nodes.items() if key not in taken and adjusted.get(key, 0) >= threshold
              and _signature(n) == signature]
    if not chunks:
        return chosen
    inside = set()
    for node in (*chosen, *chunks):
        anc = node.parent
        while anc is not None:
            inside.add(anc.mem_id)
            anc = anc.parent
    near = set()  # the best node's ancestors up to CHUNK_REACH levels: chunks sit in the same part of the page
    anc = best.parent
    for _ in range(CHUNK_REACH):
        if anc is None:
            break
        near.add(anc.mem_id)
        anc = anc.parent
    chunks = [n for n in chunks if n.mem_id not in inside and not has_ancestor_in(n, taken)
              and has_ancestor_in(n, near)]
    if not chunks:
        return chosen
    order = {key: i for i, key in enumerate(nodes)}
    first = min(order.get(n.mem_id, 0) for n in chosen)
    before = [n for n in chunks if order[n.mem_id] < first]
    after = [n for n in chunks if order[n.mem_id] > first]
    return [*before, *chosen, *after]


#: blocks whose lines are typeset text (a paragraph, a heading, a list item, a quote, a cell)
_TEXT_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SENTENCE_END = tuple(".!?…:;\"'”’»)")


_URL = re.compile(r"^(?:https?://|www\.)\S+$")
_REF_URL = re.compile(r"^(?:\[\d{1,3}\]|\d{1,3}[.)])\s*(?:https?://|www\.)\S+$")


#: parts of a page that hold no article text even inside the body: pictures with their captions,
#: navigation, side boxes and the article's own footer (tags, author box)
_NOT_TEXT = frozenset({"figure", "nav", "aside", "footer"})
_FURNITURE_WORDS = V.BYLINE_META


def _is_meta_box(node) -> bool:
    """A short box of page furniture inside the body: the byline, the date line, post meta."""
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    if not names.strip():
        return False
    return bool(class_words(names) & _FURNITURE_WORDS) and len(node.text(deep=True).strip()) <= 200


def _link_list(node) -> bool:
    """A list whose items are mostly links (a "More:" or "Trending" rail inside the body)."""
    text = " ".join(node.text(deep=True).split())
    return bool(text) and _link_len(node) >= 0.6 * len(text)


@dataclass(frozen=True)
class ExtractStep:
    """One kind of thing `content_lines` leaves out of the body it reads (listed by `cleanwire
    rules`, named in the trace)."""

    name: str
    doc: str


PICTURE = ExtractStep("extract.picture", "Pictures with their captions and credits (`<figure>`): the text record "
                      "carries no picture.")
FRAME = ExtractStep("extract.frame", "Navigation, side boxes and the article's own footer (`<nav>`, `<aside>`, "
                    "`<footer>`) inside the body: tags, author boxes, menus.")
META_BOX = ExtractStep("extract.meta_box", "Short boxes of page furniture inside the body whose class says what "
                       "they are: byline, date line, post meta, like and share widgets.")
LINK_LIST = ExtractStep("extract.link_list", "Lists whose items are mostly links (a \"More:\" or \"Trending\" rail "
                        "inside the body), with the short heading or label over them; the heading over a run of "
                        "link lines left out goes too.")
LINK_LINE = ExtractStep("extract.link_line", "Lines that are nearly all link text (a teaser, \"read more\", a link "
                        "list written as paragraphs); bare URLs, e-mail addresses, table rows and a linked source "
                        "inside a paragraph (\"Source: <a>...</a>\" one `<br>` below its text) stay.")
LABEL = ExtractStep("extract.label", "Short labels outside any paragraph, heading, list item or cell (\"Advert\", "
                    "\"Close\", \"Back to Gallery\"): a few words with no sentence in them; rows of labels set "
                    "apart by bars (\"E-mail this Story | Print this Story\"); a label ending in \":\" left "
                    "hanging at the body's end. A bold sub-heading over a paragraph and the lines of a poem "
                    "or of a paragraph set between `<br>`s stay.")
#: what the content finder leaves out, in `cleanwire rules` order
EXTRACT_STEPS = (PICTURE, FRAME, META_BOX, LINK_LIST, LINK_LINE, LABEL)


#: inline elements whose text is set in bold: a line that is all bold between paragraphs is a sub-heading
_BOLD = frozenset({"strong", "b"})
_EMAIL = re.compile(r"^(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
#: a line of short labels set apart by bars ("E-mail this Story | Print this Story", "Views: 12 | Share")
_BAR = re.compile(r"\s[|¦]\s|^[|¦]\s|\s[|¦]$")


@dataclass
class _Line:
    text: str
    block: str  # the text block it came from (`p`, `h2`, `div`...)
    group: int  # the element of that block: lines one `<br>` apart share it
    linked: int  # characters inside links
    bold: int  # characters inside `<strong>`/`<b>`
    cells: int = 0  # the cells of a table row


def _is_prose(line: _Line) -> bool:
    """A line of running text: long enough for a sentence, few of its characters in links."""
    return len(line.text) >= 80 and line.linked < 0.3 * len(line.text)


def _is_bar_line(text: str) -> bool:
    """A row of short labels or links set apart by bars, none of them a sentence."""
    if not _BAR.search(text):
        return False
    parts = [p.strip() for p in re.split(r"[|¦]", text) if p.strip()]
    return bool(parts) and all(len(p) <= 30 and len(p.split()) <= 4 and not p.endswith((".", "!", "?")) for p in parts)


def content_lines(nodes, drop: Callable[[ExtractStep, str], None] | None = None) -> list[str]:
    """The text of `nodes`, one line per block: block elements and `<br>` end a line, list items
    start with `- ` (the form the extractor gives them), white space collapsed. Left out, as an
    extractor leaves them out: pictures with their captions (`<figure>`), lists of links with the
    short heading or label over them, lines that are nearly all link text, and short labels outside
    any text block ("Advert", "Close", "Back to Gallery": a `<div>`'s or `<span>`'s few words with
    no sentence in them). What looks like furniture but is text stays: a line one `<br>` away from
    other lines of a paragraph or a poem (its block holds real text), a bold line over a paragraph (a
    sub-heading), an e-mail address or a bare URL, a link inside a paragraph whose other lines are
    text. `drop(step, text)` hears of each piece left out (for the trace)."""
    if drop is None:
        def drop(step: ExtractStep, text: str) -> None:
            return None

    lines: list[_Line] = []
    parts: list[str] = []
    state = {"linked": 0, "bold": 0, "group": 0, "cells": 0}
    headed: set[int] = set()  # indexes in `lines` of the headings or labels dropped with a link list

    def flush(block: str, group: int):
        line = " ".join("".join(parts).split())
        if line:
            lines.append(_Line(line, block, group, state["linked"], state["bold"], state["cells"]))
        parts.clear()
        state["linked"] = state["bold"] = state["cells"] = 0

    def new_group() -> int:
        state["group"] += 1
        return state["group"]

    def walk(top, top_block: str, top_group: int, top_in_link: bool):
        # depth-first over the subtree with a stack of its own (a page may nest thousands deep)
        stack: list[tuple] = [("children", top, top_block, top_group, top_in_link, False)]
        while stack:
            item = stack.pop()
            kind = item[0]
            if kind == "flush":
                flush(item[1], item[2])
                continue
            if kind == "space":
                parts.append(" ")
                continue
            _, node, block, group, in_link, in_bold = item
            if kind == "children":
                children = []
                child = node.child
                while child is not None:
                    children.append(child)
                    child = child.next
                stack.extend(("child", c, block, group, in_link, in_bold) for c in reversed(children))
                continue
            tag = node.tag
            if tag == "-text":
                text = node.text_content or ""
                parts.append(text)
                if in_link:
                    state["linked"] += len(text.strip())
                if in_bold:
                    state["bold"] += len(text.strip())
            elif tag in _SKIP:
                pass
            elif tag in _NOT_TEXT:
                drop(PICTURE if tag == "figure" else FRAME, node_text(node))
            elif _is_meta_box(node):
                drop(META_BOX, node_text(node))
            elif tag in ("ul", "ol") and _link_list(node):
                flush(block, group)
                last = lines[-1] if lines else None
                if last and _heads_list(last):
                    headed.add(len(lines) - 1)  # the list's heading or label ("More:", "Trending News")
                drop(LINK_LIST, node_text(node))
            elif tag in ("td", "th"):
                parts.append(" ")  # the cells of a row make one line
                state["cells"] += 1
                stack.append(("space", None, None, None, None, None))
                stack.append(("children", node, block, group, in_link, in_bold or tag == "th"))
            elif tag == "br":
                flush(block, group)  # the next line belongs to the same block
            elif tag in _BLOCKS:
                flush(block, group)
                if tag == "li":
                    parts.append("- ")
                inner, inner_group = tag, new_group()
                if tag not in _TEXT_BLOCKS and _is_heading_box(node):
                    inner = HEADING_BOX
                stack.append(("flush", inner, inner_group))
                stack.append(("children", node, inner, inner_group, in_link, in_bold))
            else:
                stack.append(("children", node, block, group, in_link or tag == "a", in_bold or tag in _BOLD))

    for node in nodes:
        flush("div", 0)
        group = new_group()
        if node.tag == "li":
            parts.append("- ")
        walk(node, node.tag, group, node.tag == "a")
        flush(node.tag, group)
    return _keep_lines(lines, headed, drop)


#: the block name `content_lines` gives the lines of a box that the page marks as a heading
HEADING_BOX = "h6"


def _is_heading_box(node) -> bool:
    """A box the page marks as a heading: `role=heading`, or a heading word in its class or id."""
    attrs = node.attributes
    if attrs.get("role") == "heading":
        return True
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    return bool(names.strip()) and not class_words(names).isdisjoint(V.HEADING_WORDS)


def _heads_list(line: _Line) -> bool:
    """A short heading or label over a list ("More:", "Trending News", "Recommended for you:")."""
    size = len(line.text)
    if line.text.endswith((".", "…", "。")):
        return False  # a sentence, not a heading
    return size <= 40 and (line.block in _HEADINGS or line.block not in _TEXT_BLOCKS) \
        or size <= 80 and line.text.endswith(":") and not _SENTENCE_IN.search(line.text[:-1])


#: the words of a view counter, per language: data for the vocabulary module
VIEW_COUNT_WORDS = ("views?", "hits", "reads", "visits", "aufrufe", "zugriffe", "gelesen", "visitas", "lecturas",
                    "vues", "lectures", "visualizzazioni", "letture", "visualizações", "просмотр\\w*",
                    "переглядів", "阅读(?:量|数|次数)?", "浏览(?:量|次数)?", "点击(?:量|数)?", "閱讀", "瀏覽",
                    "點閱", "조회(?:수)?", "閲覧(?:数)?", "مشاهدات", "مشاهدة", "بازدید", "görüntülenme",
                    "wyświetle\\w*")
_COUNT_WORD = "|".join(VIEW_COUNT_WORDS)
_VIEW_COUNT = re.compile(rf"^(?:(?:{_COUNT_WORD})\s*[:：]?\s*[\d.,  ]+\s*(?:次|回)?|[\d.,  ]+\s*(?:{_COUNT_WORD}))$",
                         re.I)
#: a short label and what follows it: "Read also: <headline>" (the label at most four words)
_LABELLED = re.compile(r"^((?:\S+\s+){0,3}\S+?)\s*[:：]\s+(.+)$")
_SENTENCE_IN = re.compile(r"\w{2,}[.!?](?:\s|$)")


def _keep_lines(lines: list[_Line], headed: set[int], drop: Callable[[ExtractStep, str], None]) -> list[str]:
    """Which of the body's lines are text: see `content_lines`."""
    groups: dict[int, list[_Line]] = {}
    for line in lines:
        groups.setdefault(line.group, []).append(line)
    verdict: list[ExtractStep | None] = []
    for i, line in enumerate(lines):
        verdict.append(LINK_LIST if i in headed else _verdict(line, groups[line.group], lines, i))
    # a heading or label whose lines were all links left out ("Mehr zum Thema", "Ähnliche Artikel:") goes
    # with them, as the heading of a link list does; so does a label left hanging at the body's end
    # ("Related:" over a list that a box rule took out)
    n = len(lines)
    for i, line in enumerate(lines):
        if verdict[i] is not None or line.text == "-" or not _heads_list(line) or _is_prose(line):
            continue
        j = i + 1
        while j < n and (lines[j].text == "-" or verdict[j] is LINK_LINE):
            j += 1
        if j > i + 1 and (j == n or lines[j].block in _HEADINGS or verdict[j] is not None) \
                and any(verdict[k] is LINK_LINE for k in range(i + 1, j)):
            verdict[i] = LINK_LIST
        elif j == n and i == n - 1 and line.text.endswith(":"):
            verdict[i] = LABEL
    out = []
    for line, step in zip(lines, verdict, strict=True):
        if line.text == "-":
            continue
        if step is not None:
            drop(step, line.text)
        else:
            out.append(line.text)
    return out


def _verdict(line: _Line, group: list[_Line], lines: list[_Line], i: int) -> ExtractStep | None:
    """The step that leaves `line` out (None: it stays). `group` holds the lines of its block."""
    text, block, size = line.text, line.block, len(line.text)
    if text == "-":
        return None
    if line.linked >= 0.8 * size and size < 300 and block != "tr" and not _URL.match(text) \
            and not _EMAIL.match(text):
        # a link on a line of its own: a teaser, "read more", a source list; but a line of a
        # paragraph whose other lines are text, with words of its own around the link, is part of
        # that paragraph (a source named under a quote: "Source: <a>the harbour report</a>")
        if block in _TEXT_BLOCKS and line.linked < size and len(group) > 1 and _text_share(group) >= 0.5:
            return None
        if block == "li" and any(0 <= j < len(lines) and lines[j].block == "li" and lines[j].linked < 0.5 * len(
                lines[j].text) for j in (i - 1, i + 1)):
            return None  # an item of a list of text (a step, a source) that is a link
        if _REF_URL.match(text):
            return None  # a numbered reference to a URL ("[1] https://...")
        return LINK_LINE
    if len(group) == 1 and line.linked >= 0.4 * size and size < 250:
        m = _LABELLED.match(text)
        if m and line.linked >= 0.8 * len(m.group(2)) and len(m.group(2).split()) >= 3:
            return LINK_LINE  # "See also: <a>another story's headline</a>", a paragraph of its own
    if size <= 40 and _VIEW_COUNT.match(text):
        return LABEL  # a view counter ("Views: 1,204", "阅读 1204", "1204 Aufrufe")
    if _is_bar_line(text) and size <= 120:
        return LABEL  # a row of labels set apart by bars ("E-mail this Story | Print this Story")
    if block not in _TEXT_BLOCKS and size <= 30 and not text.endswith(_SENTENCE_END) and len(text.split()) <= 4 \
            and line.cells < 2:  # (a row of a table's cells is data, however short)
        # a label outside the text ("Advert", "Close", "Image copyright"); but not a line of a
        # block that holds text (a poem, a paragraph set between `<br>`s) nor a bold sub-heading
        if len(group) >= 3 and _text_share(group) >= 0.5 and sum(len(g.text.split()) for g in group) >= 12:
            return None
        if line.bold >= 0.9 * size and line.linked == 0 and i + 1 < len(lines) and _is_prose(lines[i + 1]):
            return None
        return LABEL
    return None


def _text_share(group: list[_Line]) -> float:
    """The share of a block's characters that lie outside links."""
    total = sum(len(g.text) for g in group) or 1
    return 1 - sum(g.linked for g in group) / total
