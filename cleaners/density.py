"""cleanwire's own main-content finder on the selectolax tree (no second parse).

A readability-style scorer: every paragraph-like block (`<p>`, `<pre>`, `<td>`, `<blockquote>`, and
a `<div>`, `<section>` or `<article>` that holds text of its own) with 25+ characters gives points
(one, one a comma, one per 100 characters up to three) to the box that holds it, half of that to
the box above, a quarter to the next; boxes that wrap one child alone do not count as a level (a
paragraph nested three wrappers deep scores for the box that holds its siblings). A container's
points are scaled down by the share of its text inside links; boxes in reader comments and boxes
laid over the page (dialogs, consent pop-ups) score nothing; a box in the page's frame (`<aside>`,
`<nav>`, `<footer>`) is the body only when nothing outside it scores half as much. The best
container is the article body; its siblings join when they score close to it or are long,
link-poor paragraphs, and boxes of the same kind elsewhere in the story join as chunks of a split
body. On a page carrying several
stories the body comes from the one under the `<h1>` that matches the page's title (a box after it
that carries no story of its own, no `<article>`, no `<h1>`, no headline over it, is the rest of that
story). A
truncation guard widens a body that holds under a third of the page's prose (long, link-poor
blocks), and a body that holds under two thirds of the prose of the box it shares with the page's
headline is widened to that box when what it adds is link-poor prose, no comments and no other
story (an intro, the other sections, a list set beside the prose). The
decision (CSS paths, scores, runners-up, what was joined or widened, the prose left outside) is
what `explain` shows. Linear in the page's boxes. `content_lines` turns the chosen nodes into lines
the way the text rules expect them (one block a line, `<br>` breaks a line, list items as `- item`).

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
from .util import ancestor_ids, has_ancestor_in, node_text

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


def class_weight(node) -> int:
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
    loose = 0
    inline = []
    has_blocks = False
    child = div.child
    while child is not None:
        tag = child.tag
        if tag == "-text":
            loose += len((child.text_content or "").strip())
        elif tag in _BLOCKS and tag != "br":
            has_blocks = True
        elif tag not in _SKIP and not has_blocks:
            inline.append(child)
        child = child.next
    if has_blocks:
        return loose
    return loose + sum(len(child.text(deep=True).strip()) for child in inline)


def _link_len(node) -> int:
    return sum(len(a.text(deep=True).strip()) for a in node.css("a"))


def _chars(text: str) -> int:
    """Characters of `text` with its white space collapsed (a template's indentation counts for nothing)."""
    words = text.split()
    return sum(map(len, words)) + max(len(words) - 1, 0)


def _link_density(node, anchors: dict[int, int] | None = None) -> tuple[int, int]:
    """A box's text and the part of it inside links, in characters with white space collapsed (an
    indented template's line breaks between links do not make a rail of links read as prose).
    `anchors` keeps each link's characters by `mem_id` across the boxes of one page (nested boxes
    share their links)."""
    if anchors is None:
        return _chars(node.text(deep=True)), sum(_chars(a.text(deep=True)) for a in node.css("a"))
    linked = 0
    for a in node.css("a"):
        key = a.mem_id
        size = anchors.get(key)
        if size is None:
            size = anchors[key] = _chars(a.text(deep=True))
        linked += size
    return _chars(node.text(deep=True)), linked


def _link_densities(nodes: list, anchors: dict[int, int] | None = None) -> tuple[int, int]:
    """`_link_density` summed over `nodes`: their text and the part of it inside links."""
    text = linked = 0
    for node in nodes:
        size, links = _link_density(node, anchors)
        text, linked = text + size, linked + links
    return text, linked


#: the share of a paragraph's points a container gets, by how many boxes of several children lie
#: between them (boxes that wrap one child alone do not count: a paragraph nested in three wrappers
#: scores for the box that holds its siblings as one set straight in it would)
_SHARES = (1.0, 0.5, 0.25)
#: a paragraph-like block this long, with few links, is prose: what the truncation guard counts
_PROSE_MIN = 50
#: tags that are no part of a box's layout (a wrapper with a script or a line break beside its one
#: child is still a wrapper)
_NOT_KIDS = (_SKIP | {"-text", "-comment", "br", "hr", "input", "link", "meta", "source"}) - {"svg", "iframe"}
#: children that count as a part of a box without any text (a picture beside a caption: the box is a
#: figure, not a wrapper of the caption)
_MEDIA = frozenset({"img", "picture", "video", "svg", "iframe", "figure", "audio", "canvas", "object", "embed"})


def _kid_count(node, cache: dict[int, int], texts: dict | None = None) -> int:
    """How many children of `node` hold text (0, 1, or 2 meaning two or more). `texts` holds the
    `mem_id`s of boxes known to hold text (a scored block, a box above one): they are not read."""
    key = node.mem_id
    count = cache.get(key)
    if count is None:
        count = 0
        child = node.child
        while child is not None and count < 2:
            tag = child.tag
            if tag in _MEDIA or tag not in _NOT_KIDS and (
                    texts is not None and child.mem_id in texts or child.text(deep=True).strip()):
                count += 1
            child = child.next
        cache[key] = count
    return count


_SCORED_AND_ITEMS = _SCORED + ", li"
#: how many boxes up a paragraph's points go at most (three levels of boxes of several children,
#: and the wrappers of one child between them)
_REACH = 12


def _sum_up(prose: dict, parent_of: dict, rooted: set, root) -> None:
    """Turn each box's own prose into the prose it holds: every box's total added to its parent's,
    deepest boxes first (linear in the boxes, whatever the page's depth)."""
    depth: dict[int, int] = {root.mem_id: 0}
    for key in rooted:
        path = []
        while key not in depth:
            path.append(key)
            parent = parent_of.get(key)
            if parent is None:
                depth[key] = 0
                path.pop()
                break
            key = parent.mem_id
        base = depth[key]
        for i, k in enumerate(reversed(path), 1):
            depth[k] = base + i
    for key in sorted(rooted, key=lambda k: -depth.get(k, 0)):
        amount = prose.get(key, 0)
        parent = parent_of.get(key)
        if amount and parent is not None and key != root.mem_id and parent.mem_id in rooted:
            prose[parent.mem_id] = prose.get(parent.mem_id, 0) + amount


def css_path(node, stop=None) -> str:
    """A CSS path for `node` (`div#main.story > div.body`), from under `<body>` (or `stop`) down;
    long paths keep their last six steps."""
    steps = []
    while node is not None and node.tag not in ("body", "html", "-document"):
        if stop is not None and node.mem_id == stop.mem_id:
            break
        attrs = node.attributes
        step = node.tag
        if ident := (attrs.get("id") or "").strip():
            step += "#" + ident.split()[0]
        step += "".join("." + name for name in (attrs.get("class") or "").split()[:3])
        steps.append(step)
        node = node.parent
    steps.reverse()
    if len(steps) > 6:
        steps = ["…", *steps[-6:]]
    return " > ".join(steps) or "body"


def _norm_title(text: str) -> str:
    return " ".join(text.lower().split())


def page_headline(root, headlines, tag: str = "h1") -> object | None:
    """The page's own headline: the first `<h1>` (or `tag`) whose text is one of `headlines`
    (og:title, the JSON-LD headline, `<title>`), or makes most of one (a title with the site's name
    after it)."""
    wanted = [t for t in (_norm_title(h) for h in headlines if h) if t]
    if not wanted:
        return None
    for h1 in root.css(tag):
        text = _norm_title(h1.text(deep=True))
        if len(text) < 10:
            continue
        if any(text == t or (text in t and len(text) >= 0.5 * len(t)) or (t in text and len(t) >= 0.6 * len(text))
               for t in wanted):
            return h1
    return None


def own_headline(root, headlines):
    """The page's own headline: the `<h1>` that matches its titles (`page_headline`), else its only
    `<h1>`, else an `<h2>` that matches its titles (a page whose `<h1>`s hold the logo and the
    section's name); None when none does."""
    if root is None:
        return None
    found = page_headline(root, headlines)
    if found is None:
        found = _only_h1(root)
    return found if found is not None else page_headline(root, headlines, "h2")


def _only_h1(root):
    """The page's `<h1>` when it has exactly one (a page's one `<h1>` is its own headline)."""
    h1s = root.css("h1")
    return h1s[0] if len(h1s) == 1 else None


def content_nodes(root, decision: dict | None = None, headlines=()) -> list:
    """The nodes that hold the article body, in document order ([] when nothing scores).

    `headlines` are the page's own titles (og:title, JSON-LD headline, `<title>`): on a page that
    carries several stories the body comes from the one under the `<h1>` that matches them.
    `decision`, when given, is filled with what the finder chose and why (for `explain`): see
    `_decide`."""
    points_of: dict[int, float] = {}  # what a container's paragraphs give it
    direct: dict[int, float] = {}  # what the paragraphs it holds as its own (no box of several between) give it
    nodes: dict[int, object] = {}
    prose: dict[int, int] = {}  # characters of prose (long, link-poor blocks) each node holds
    parent_of: dict[int, object | None] = {}
    kids: dict[int, int] = {}
    seen: dict[int, int] = {}  # document order of the boxes (inner boxes before the wrappers that hold them)
    wrapped: dict[int, list] = {}  # points a box got in full through wrappers: [points, how many paragraphs]
    rooted: set[int] = set()  # boxes whose chain up to `root` is in `parent_of`
    overlay_memo: dict[int, bool] = {}
    weights: dict[int, int] = {}  # class weights of the containers read as blocks
    anchors: dict[int, int] = {}  # characters of each link read for a link density

    def link(node) -> None:
        # record the chain of boxes from `node` up to `root` (each box once over the whole page)
        while node is not None and node.tag not in ("html", "-document"):
            key = node.mem_id
            if key in rooted:
                return
            rooted.add(key)
            if key not in seen:
                seen[key] = len(seen)
            if key == root.mem_id:
                return
            if key not in parent_of:
                parent_of[key] = node.parent
            node = parent_of[key]

    for block in root.css(_SCORED_AND_ITEMS):
        if block.tag == "li":
            text = node_text(block)
            if len(text) >= _PROSE_MIN and _link_len(block) < 0.3 * len(text) \
                    and not in_overlay(block, overlay_memo):
                # a list item of a sentence or more, with few links, is prose for the truncation
                # guard (a guide's steps, a recipe's method), though it scores for no box
                prose[block.mem_id] = prose.get(block.mem_id, 0) + len(text)
                link(block)
            continue
        if block.tag in _CONTAINERS:
            length = _own_text_len(block)
            if length < 25:
                continue
            weight = weights[block.mem_id] = class_weight(block)
            if weight < 0:
                continue  # text set straight into a footer or side box scores for nobody
            text = None
        else:
            text = node_text(block)
            length = len(text)
        if length < 25:
            continue
        commas = (text if text is not None else block.text(deep=True)).count(",")
        points = 1 + commas + min(length // 100, 3)
        own = 0
        if length >= _PROSE_MIN and block.tag not in ("td", "blockquote"):
            own = length if _link_len(block) < 0.3 * length else 0
        if own and not in_overlay(block, overlay_memo):  # a pop-up's text is no prose of the page
            prose[block.mem_id] = prose.get(block.mem_id, 0) + own
        link(block)
        node, level = (block if block.tag in _CONTAINERS else block.parent), 0
        through = False  # above a wrapper of the block's box
        steps = 0
        while node is not None and node.tag not in ("html", "-document") and level < len(_SHARES) \
                and steps < _REACH:
            steps += 1
            key = node.mem_id
            if key not in seen:
                seen[key] = len(seen)
            if key not in points_of:
                nodes[key] = node
                points_of[key] = 0.0
            points_of[key] += points * _SHARES[level]
            if level == 0:
                direct[key] = direct.get(key, 0.0) + points
                if through:
                    entry = wrapped.setdefault(key, [0.0, 0])
                    entry[0] += points
                    entry[1] += 1
            if key == root.mem_id:
                break
            if key in parent_of:
                up = parent_of[key]
            else:
                up = parent_of[key] = node.parent
            if node is block or _kid_count(node, kids, seen) > 1:
                level += 1
            else:
                through = True
            node = up
    _sum_up(prose, parent_of, rooted, root)
    for key, (points, count) in wrapped.items():
        if count == 1:
            # one wrapped paragraph alone (a boxed note beside the body) is no run of paragraphs
            # each in its own wrappers: the box above it gets half, as a grandparent would
            points_of[key] -= 0.5 * points
            direct[key] -= points
    # a container's class counts for it (`article-body` up, `sidebar` down), but a class alone never
    # makes a box win: the bonus is at most what the paragraphs it holds as its own earned (a box
    # around the body, scoring only a share of it, gets none)
    scores = {key: points + (5 if nodes[key].tag in ("div", "article", "main") else 0)
              + min(weights[key] if key in weights else class_weight(nodes[key]), direct.get(key, 0.0))
              for key, points in points_of.items()}
    if not scores:
        return []
    memo: dict[int, bool] = {}
    order = seen
    adjusted: dict[int, float] = {}

    def adjust(key: int) -> float:
        """A box's score scaled down by the share of its text inside links (comments score 0)."""
        if key not in adjusted:
            node = nodes[key]
            if _in_comments(node, memo) or in_overlay(node, overlay_memo):
                adjusted[key] = 0.0
            else:
                text_len, link_len = _link_density(node, anchors)
                adjusted[key] = scores[key] * (1 - min(1.0, link_len / (text_len or 1)))
        return adjusted[key]

    # the best box by its adjusted score; a box's raw score bounds its adjusted one, so boxes are
    # read best raw score first and the reading stops once no box left can matter
    ranked: list[tuple[float, int, int]] = []
    framed_memo: dict[int, bool] = {}
    best_so_far = 0.0
    for key in sorted(scores, key=lambda k: (-scores[k], order[k])):
        if ranked and scores[key] < max(10.0, best_so_far * 0.2) and scores[key] <= best_so_far:
            break
        ranked.append((adjust(key) * (FRAME_FACTOR if _framed(nodes[key], framed_memo) else 1.0), -order[key], key))
        best_so_far = max(best_so_far, ranked[-1][0])
    ranked.sort(reverse=True)
    if not ranked or ranked[0][0] <= 0:
        return []  # only boxes the page marks as not content (a footer, a side bar) hold text
    best = nodes[ranked[0][2]]
    best = _innermost(best, nodes, scores, kids)
    story = None
    headline = page_headline(root, headlines)
    if headline is not None:
        story = _story_of(headline, best, prose, order, root)
        if story is not None:
            inside = [(adjust(key), -order[key], key) for key in nodes
                      if key == story.mem_id or has_ancestor_in(nodes[key], {story.mem_id})]
            inside = [item for item in inside if item[0] > 0]
            if inside:
                switched_from = best
                best = _innermost(nodes[max(inside)[2]], nodes, scores, kids)
                if decision is not None:
                    decision["story"] = (f"the page carries several stories: the body is taken from the one under "
                                         f"its headline ({css_path(story)}), not from {css_path(switched_from)}")
            else:
                story = None
    best_score = adjust(best.mem_id)
    threshold = max(10.0, best_score * 0.2)
    for key, score in scores.items():
        if score >= threshold:
            adjust(key)
    chosen, best, joined = _with_siblings(best, adjusted, threshold, memo)
    layout = _layout_only(best.attributes.get("class") or "")
    home = _story_box(best)

    def chunk_ok(key: int) -> bool:
        # a box of the same kind as the best one joins when it scores high enough, or (a box the
        # page names for what it holds, not a grid row) when it holds a paragraph of prose and few
        # links: one short section of a guide
        if adjusted.get(key, 0) >= threshold:
            return True
        return (not layout and prose.get(key, 0) >= 80 and adjust(key) >= 0.7 * scores[key]
                and _story_box(nodes[key]) == home)  # not a teaser card's excerpt (an `<article>` of its own)

    chunked = _with_chunks(best, chosen, nodes, chunk_ok, story)
    if len(chunked) > len(chosen):
        joined += len(chunked) - len(chosen)
        chosen = _common_box(chunked, memo)
    own = headline if headline is not None else _only_h1(root)
    chosen, widened = _guard(chosen, root, prose, story, own, memo, anchors)
    if widened is None and own is not None:
        chosen, widened = _to_headline(chosen, own, root, prose, memo, anchors)
    if decision is not None:
        runners = _runners_up(chosen, sorted(scores, key=lambda k: (-scores[k], order[k])), nodes, adjust)
        _decide(decision, root, chosen, best_score, runners, prose, joined, widened)
    return chosen


def _runners_up(chosen: list, keys: list, nodes: dict, adjust) -> list[tuple[str, float]]:
    """The three best-scoring boxes (CSS path, adjusted score) that neither hold the body nor sit
    inside it, among the forty best by raw score."""
    ids = {n.mem_id for n in chosen}
    found = []
    for key in keys[:40]:
        node = nodes[key]
        if key in ids or has_ancestor_in(node, ids) or any(has_ancestor_in(n, {key}) for n in chosen):
            continue
        score = adjust(key)
        if score > 0:
            found.append((score, css_path(node)))
    found.sort(key=lambda item: -item[0])
    return [(path, round(score, 1)) for score, path in found[:3]]


def _innermost(best, nodes: dict, scores: dict, kids: dict):
    """`best`, or the box it wraps alone when that box scored as much (the same text, one box in)."""
    for _ in range(_REACH):
        if _kid_count(best, kids) != 1:
            break
        child = best.child
        while child is not None and (child.tag in _NOT_KIDS or child.tag in _MEDIA
                                     or not child.text(deep=True).strip()):
            child = child.next
        if child is None or child.mem_id not in scores or scores[child.mem_id] < scores[best.mem_id] - 5:
            break
        best = nodes[child.mem_id]
    return best


def _story_of(headline, best, prose: dict, order: dict, root):
    """The story box around the page's headline when the body would otherwise come from a box
    after it that is no part of it (a "next story" appended below, an infinite scroll, a pop-up
    set after the article): the first box above the `<h1>` holding 500+ characters of prose, and
    a quarter of the best box's or more when the two share a box below the page (a story, not a
    header with a byline beside the body), when the part of the page holding the best box carries a
    story of its own (`_another_story`; else it is the rest of the page's own story, under a header
    with an intro or a form). None when the best box is in that story, holds it, or comes first, or
    when the story box is the page itself."""
    node = headline.parent
    while node is not None and node.tag not in ("html", "-document") and node.mem_id != root.mem_id:
        if prose.get(node.mem_id, 0) >= 500:
            break
        node = node.parent
    if node is None or node.tag in ("html", "-document") or node.mem_id == root.mem_id:
        return None
    key = node.mem_id
    if key == best.mem_id or has_ancestor_in(best, {key}) or has_ancestor_in(node, {best.mem_id}):
        return None
    if prose.get(key, 0) < 0.25 * prose.get(best.mem_id, 0) and not _apart(node, best, root):
        return None  # a header box with a byline or a standfirst, beside the body in one story
    if order.get(key, 0) > order.get(best.mem_id, 0):
        return None  # the best box comes first: not a story appended after the page's own
    if not _another_story(node, best):
        return None  # the rest of the page the story box is in (a landing page's text under its hero)
    return node


def _another_story(story, best) -> bool:
    """True when the branch of the page that holds `best` (the box beside the one holding `story`)
    carries a story of its own: it is an `<article>`, or holds an `<h1>`, or a heading (`<h2>`,
    `<h3>`) outside `best` (the headline over it; a sub-heading sits inside the body) that is no
    card's title set inside a link (a download or a teaser box)."""
    above = ancestor_ids(story.parent)
    branch = best
    while branch.parent is not None and branch.parent.mem_id not in above:
        branch = branch.parent
    if branch.tag == "article":
        return True
    for mark in branch.css("article, h1, h2, h3"):
        if mark.tag in ("article", "h1"):
            return True
        if mark.mem_id == best.mem_id or has_ancestor_in(mark, {best.mem_id}):
            continue
        up = mark.parent
        while up is not None and up.mem_id != branch.mem_id and up.tag != "a":
            up = up.parent
        if up is None or up.tag != "a":
            return True
    return False


def _apart(one, other, root) -> bool:
    """True when `one` and `other` share no box but the page itself (`root`): different parts of
    the page (the article, and a pop-up or a rail set beside it)."""
    above = ancestor_ids(one.parent)
    node = other.parent
    while node is not None and node.mem_id not in above:
        node = node.parent
    return node is None or node.mem_id == root.mem_id or node.tag in ("html", "-document")


def _with_siblings(best, adjusted: dict, threshold: float, memo: dict) -> tuple[list, object, int]:
    """The best box with its siblings that score close to it or are long, link-poor paragraphs;
    their parent instead when the parts taken make most of its text. Returns the nodes, the box
    that stands for them, and how many siblings joined."""
    parent = best.parent
    if parent is None or best.tag == "body":
        return [best], best, 0
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
    joined = len(chosen) - 1
    if len(chosen) >= 2 and parent.tag not in ("body", "html"):
        # the best box is one part of the body (an intro, a run of paragraphs): when the parts
        # taken make most of their parent's text, the parent is the body, with its sub-headings,
        # quotes and lists
        taken = sum(len(n.text(deep=True).strip()) for n in chosen)
        if taken >= 0.6 * len(parent.text(deep=True).strip()) and not _in_comments(parent, memo):
            return [parent], parent, joined
    return chosen, best, joined


def _other_stories(node, headline, first, ids: set[int]) -> bool:
    """True when `node` holds a story mark (an `<article>`, an `<h1>` other than the page's
    headline) that is neither around the chosen nodes (`first`, `ids`) nor inside them."""
    for mark in node.css("article, h1"):
        key = mark.mem_id
        if headline is not None and key == headline.mem_id or key in ids or has_ancestor_in(mark, ids):
            continue
        if mark.tag == "article" and (key == first.mem_id or has_ancestor_in(first, {key})):
            continue
        return True
    return False


_COMMENT_BOXES = ", ".join(f"[{attr}*={part}]" for part in ("omment", "isqus", "eplies", "espond")
                           for attr in ("class", "id"))


def _holds_comments(node) -> bool:
    """True when `node` holds a reader-comment section (a box whose class or id says so)."""
    for box in node.css(_COMMENT_BOXES):
        if class_words(f"{box.attributes.get('class') or ''} {box.attributes.get('id') or ''}") & _COMMENT_WORDS:
            return True
    return False


#: the truncation guard acts when the body holds less than this share of the page's prose
GUARD_SHARE = 0.3


def _guard(chosen: list, root, prose: dict, story, headline, memo: dict,
           anchors: dict[int, int] | None = None) -> tuple[list, str | None]:
    """The truncation guard: when the chosen nodes hold less than a third of the page's prose and
    the rest sits in long link-poor blocks, the body is widened to the lowest box above it that
    takes most of that prose in, as long as what the wider box adds is mostly prose (link-poor
    paragraphs, not rails of links) and no other story (an `<article>`, a second `<h1>`); never to
    the page itself, never past the story the page is about. When no box above it qualifies, a
    second opinion: the smallest box holding three fifths of the page's prose (few links, no
    reader comments, no other story), widened the same way. Returns the nodes and why they were
    widened (None when they were not)."""
    page = prose.get(root.mem_id, 0)
    held = sum(prose.get(n.mem_id, 0) for n in chosen)
    if not page or held >= GUARD_SHARE * page or page - held < 400:
        return chosen, None
    widened = _widen(chosen, held, page, root, prose, story, headline, memo, anchors)
    if widened is not None:
        return [widened], (f"the body chosen held {held / page:.0%} of the page's prose while long link-poor text "
                           f"lay outside it: widened to {css_path(widened)}, which holds "
                           f"{prose.get(widened.mem_id, 0) / page:.0%}")
    other = _prose_box(root, prose, page, story)
    if other is None or _in_comments(other, memo) or _holds_comments(other) or _framed(other, {}) \
            or in_overlay(other, {}) \
            or _other_stories(other, headline, other, {other.mem_id}) or _teasers(other):
        return chosen, None
    if headline is not None:
        # the body chosen sits with the page's headline and the other box does not: trust the body
        home = headline.parent
        while home is not None and home.tag not in ("body", "html") and prose.get(home.mem_id, 0) < 300:
            home = home.parent
        if home is not None and home.tag not in ("body", "html") and (
                chosen[0].mem_id == home.mem_id or has_ancestor_in(chosen[0], {home.mem_id})) and not (
                other.mem_id == home.mem_id or has_ancestor_in(other, {home.mem_id})):
            return chosen, None
    text, links = _link_density(other, anchors)
    if links > 0.3 * text:
        return chosen, None
    other = _widen([other], prose.get(other.mem_id, 0), page, root, prose, story, headline, memo, anchors) or other
    if prose.get(other.mem_id, 0) <= held:
        return chosen, None
    return [other], (f"the body chosen held {held / page:.0%} of the page's prose and no box above it takes the rest "
                     f"in without rails of links or another story: the body is {css_path(other)}, which holds "
                     f"{prose.get(other.mem_id, 0) / page:.0%}")


#: the share of its headline's box's prose under which a body is widened to that box
HEADLINE_SHARE = 2 / 3


def _to_headline(chosen: list, headline, root, prose: dict, memo: dict,
                 anchors: dict[int, int] | None = None) -> tuple[list, str | None]:
    """The body widened to the story box it shares with the page's headline: when the chosen nodes
    hold under two thirds of the prose of the lowest box holding them and the `<h1>`, and what it adds
    is mostly link-poor prose (no rails of links), no reader comments, no other story and no part
    of the page's frame, the article is that box (its intro, its other sections, the list or table
    set beside the prose). Returns the nodes and why (None when they were not widened)."""
    ids = {n.mem_id for n in chosen}
    above = ancestor_ids(headline)
    if not above.isdisjoint(ids):
        return chosen, None  # the body holds the headline
    box = chosen[0].parent
    while box is not None and box.mem_id not in above:
        box = box.parent
    if box is None or box.mem_id == root.mem_id or box.tag in ("body", "html", "-document"):
        return chosen, None
    if any(not has_ancestor_in(n, {box.mem_id}) for n in chosen[1:]):
        return chosen, None
    held = sum(prose.get(n.mem_id, 0) for n in chosen)
    whole = prose.get(box.mem_id, 0)
    if not held or held >= HEADLINE_SHARE * whole:
        return chosen, None
    if _in_comments(box, memo) or _holds_comments(box) or _framed(box, {}) or in_overlay(box, {}) \
            or _other_stories(box, headline, chosen[0], ids):
        return chosen, None
    base_text, base_links = _link_densities(chosen, anchors)
    text, links = _link_density(box, anchors)
    added, added_links = text - base_text, links - base_links
    if added <= 0 or added_links > 0.3 * added or whole - held < 0.4 * added:
        return chosen, None
    return [box], (f"the body chosen held {held / whole:.0%} of the prose of the box it shares with the page's "
                   f"headline: widened to {css_path(box)}")


def _teasers(node) -> bool:
    """True when `node` reads as a list of teasers: three or more headline-sized links (25+
    characters) and at least one for every three paragraphs."""
    heads = sum(1 for a in node.css("a") if _chars(a.text(deep=True)) >= 25)
    return heads >= 3 and heads >= 0.3 * len(node.css("p"))


def _widen(chosen: list, held: int, page: int, root, prose: dict, story, headline, memo: dict,
           anchors: dict[int, int] | None = None):
    """The lowest box above `chosen` that takes most of the page's prose in while what it adds is
    mostly link-poor prose and no other story (see `_guard`); None when none does."""
    first = chosen[0]
    ids = {n.mem_id for n in chosen}
    base_text, base_links = _link_densities(chosen, anchors)
    widened = None
    node = first.parent
    steps = 0
    while node is not None and node.tag not in ("body", "html", "-document") and node.mem_id != root.mem_id \
            and steps < 2 * _REACH:
        steps += 1
        if story is not None and has_ancestor_in(story, {node.mem_id}):
            break  # past the story the page is about
        if _in_comments(node, memo) or _other_stories(node, headline, first, ids) or _holds_comments(node):
            break
        held_here = prose.get(node.mem_id, 0)
        text, links = _link_density(node, anchors)
        gain, added, added_links = held_here - held, text - base_text, links - base_links
        if gain > 0 and gain >= 0.4 * added and added_links <= 0.3 * added:
            widened = node
            if held_here >= 0.8 * page:
                break
        elif added_links > 0.5 * added:
            break  # what lies around is rails of links: a wider box only adds more
        node = node.parent
    return widened


#: what a box set in the page's frame (a side bar, a footer, the navigation) counts for when the
#: best box is chosen: it wins only when nothing outside the frame scores half as much
FRAME_FACTOR = 0.5
_FRAME_ROLES = frozenset({"complementary", "contentinfo"})


#: class/id words of a box that lists or describes other things than the story, whatever it holds:
#: a menu, a rail of related stories, an author's biography (header and footer words are not read:
#: `above-footer` holds the story)
_FRAME_WORDS = V.NAVIGATION | V.RELATED | V.AUTHOR_BIO


def _frame_named(node) -> bool:
    """True when one of `node`'s class/id tokens names a menu, a related rail or an author box
    (`_FRAME_WORDS`), not as a layout flag on a wrapper (`with-navigation`)."""
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    if not names.strip() or class_words(names).isdisjoint(_FRAME_WORDS):
        return False
    return any(not class_words(token).isdisjoint(_FRAME_WORDS) and not V.layout_flag(token)
               for token in names.split())


def _framed(node, memo: dict[int, bool]) -> bool:
    """True when `node` is, or sits in, a part of the page's frame the markup names: an `<aside>`,
    `<nav>` or `<footer>`, a box whose ARIA role is `complementary` or `contentinfo`, or a box whose
    class or id names a menu, a rail of related stories or an author's biography (`_frame_named`).
    Memoised along the path: linear over a page."""
    return _up_the_page(node, memo, _is_frame_box)


def _is_frame_box(node) -> bool:
    role = (node.attributes.get("role") or "").strip().lower()
    return node.tag in ("aside", "nav", "footer") or role in _FRAME_ROLES or _frame_named(node)


def _up_the_page(node, memo: dict[int, bool], test) -> bool:
    """True when `test` holds for `node` or a box above it, below `<body>`; the answer is kept in
    `memo` for every box walked, so a page's boxes are each tested once."""
    path = []
    found = False
    while node is not None and node.tag not in ("body", "html", "-document"):
        key = node.mem_id
        if key in memo:
            found = memo[key]
            break
        path.append(key)
        if test(node):
            found = True
            break
        node = node.parent
    for key in path:
        memo[key] = found
    return found


def _prose_box(root, prose: dict, page: int, story):
    """The smallest box that holds three fifths of the page's prose (the second opinion when the
    body chosen holds little of it): from the page down, the child holding that much, while there
    is one; inside the page's own story when it carries several. None when it is the page itself."""
    node = story if story is not None else root
    while True:
        child = node.child
        nxt = None
        while child is not None:
            if prose.get(child.mem_id, 0) >= 0.6 * page:
                nxt = child
                break
            child = child.next
        if nxt is None:
            break
        node = nxt
    if node.mem_id == root.mem_id or node.tag in ("body", "html", "-document") \
            or prose.get(node.mem_id, 0) < 0.6 * page:
        return None
    return node


def _decide(decision: dict, root, chosen: list, best_score: float, runners: list, prose: dict, joined: int,
            widened: str | None) -> None:
    """Fill `decision` (for `explain`): the chosen boxes (CSS paths), the best box's score, the
    runners-up, how many sibling boxes joined, why the body was widened, and how much of the
    page's prose (paragraph text) was left outside the body."""
    page = prose.get(root.mem_id, 0)
    held = min(page, sum(prose.get(n.mem_id, 0) for n in chosen))
    decision.update({
        "chosen": [css_path(n) for n in chosen],
        "score": round(best_score, 1),
        "runners_up": runners,
        "joined": joined,
        "widened": widened,
        "prose_chars": page,
        "outside_chars": page - held,
        "outside_share": round((page - held) / page, 3) if page else 0.0,
    })


#: any of the overlay words anywhere in a lower-case class/id string (one scan before its tokens are read)
_OVERLAY_IN = re.compile("|".join(sorted(map(re.escape, V.OVERLAY_WORDS))))


def in_overlay(node, memo: dict[int, bool]) -> bool:
    """True when `node` is, or sits in, a box laid over the page or framing it: a dialog or pop-up
    (`role=dialog`, `aria-modal`, a class or id such as `modal`, `cookie-consent`, `login`), a
    navigation or banner by its ARIA role, or a custom element named as page frame
    (`pp-navigation`). Its prose, however long, is not the article."""
    return _up_the_page(node, memo, _is_overlay_box)


def _is_overlay_box(node) -> bool:
    attrs = node.attributes
    tag = node.tag
    if (attrs.get("role") or "").strip().lower() in V.OVERLAY_ROLES or (attrs.get("aria-modal") or "") == "true" \
            or "-" in tag and set(tag.split("-")) & V.FRAME_TAG_WORDS:
        return True
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    return bool(_OVERLAY_IN.search(names.lower())) and any(_overlay_token(token) for token in names.split())


def _overlay_token(token: str) -> bool:
    """True when one class or id token names an overlay box: the word itself or the token's last
    part (`b-dialog`, `pum-overlay`, `x-dialog-login`), not a token that only starts with it (a
    state such as `modal-enabled`, Drupal's page-wide `dialog-off-canvas-main-canvas`)."""
    low = token.lower()
    last = re.split(r"[-_]", low)[-1] if ("-" in low or "_" in low) else low
    if last not in V.OVERLAY_WORDS and low != token:  # camelCase: `cookieConsent`, `loginDialog`
        parts = [w.lower() for w in re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", token)]
        last = parts[-1] if parts else low
    return last in V.OVERLAY_WORDS


_COMMENT_WORDS = V.COMMENT_SECTION


def _in_comments(node, memo: dict[int, bool]) -> bool:
    """True when `node` sits in a reader-comment section (an ancestor's class or id says so)."""
    return _up_the_page(node, memo, _is_comment_box)


def _is_comment_box(node) -> bool:
    names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
    return ("omment" in names or "isqus" in names or "eplies" in names or "espond" in names) \
        and bool(class_words(names) & _COMMENT_WORDS)


def _signature(node) -> tuple[str, str]:
    """A box's kind: its tag and its classes, less the ones naming its state (`V.STATE_CLASSES`)."""
    classes = node.attributes.get("class") or ""
    return node.tag, " ".join(c for c in classes.split() if c.lower() not in V.STATE_CLASSES)


#: how many levels above the best container the other chunks of a split body may branch off
CHUNK_REACH = 5


_LAYOUT_CLASS = re.compile(r"(?:row|col|column|container|wrapper|grid|flex|span|clearfix)[\w-]*", re.I)


def _story_box(node) -> int | None:
    """The `mem_id` of the nearest `<article>` around `node` (itself included), None when there is none."""
    while node is not None and node.tag not in ("body", "html"):
        if node.tag == "article":
            return node.mem_id
        node = node.parent
    return None


def _layout_only(classes: str) -> bool:
    """True when every class of a box names a layout box (`row`, `col-md-8`, `clearfix`)."""
    names = classes.split()
    return bool(names) and all(_LAYOUT_CLASS.fullmatch(name) for name in names)


def _common_box(chunks: list, memo: dict) -> list:
    """The box that holds all `chunks` (the parts of a split body) when they make four fifths of its
    text or more (the sub-headings and pictures between them belong to the story too); else the
    chunks."""
    path = []
    node = chunks[0].parent
    while node is not None:
        path.append(node)
        node = node.parent
    depth = {n.mem_id: i for i, n in enumerate(path)}
    lowest = 0
    for chunk in chunks[1:]:
        node = chunk.parent
        while node is not None and node.mem_id not in depth:
            node = node.parent
        if node is None:
            return chunks
        lowest = max(lowest, depth[node.mem_id])
    box = path[lowest]
    if box.tag in ("body", "html", "-document") or _in_comments(box, memo):
        return chunks
    taken = sum(len(n.text(deep=True).strip()) for n in chunks)
    return [box] if taken >= 0.8 * len(box.text(deep=True).strip()) else chunks


def _with_chunks(best, chosen: list, nodes: dict, chunk_ok, story=None) -> list:
    """`chosen` plus the other chunks of a body the page splits up (between ads, in a grid, one
    section a box): the scored containers of the same tag and class as the best one that
    `chunk_ok` (they score high enough, or hold prose with few links), with neither inside the
    other, inside the page's own story when it carries several (`story`); in document order (the
    order the scoring met them)."""
    signature = _signature(best)
    if not signature[1]:
        return chosen
    taken = {n.mem_id for n in chosen}
    tag, raw = best.tag, best.attributes.get("class") or ""
    chunks = [n for key, n in nodes.items() if key not in taken and n.tag == tag
              and ((n.attributes.get("class") or "") == raw or _signature(n) == signature) and chunk_ok(key)]
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
              and has_ancestor_in(n, near) and (story is None or has_ancestor_in(n, {story.mem_id}))]
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


#: what a `<figure>` holds when it is text, not a picture: a table, a code listing, the story's headline
_FIGURE_TEXT = "table, pre, h1"


def _figure_of_text(node) -> bool:
    """A `<figure>` that is text: a table or a code listing set as a figure, or the story's header
    (its `<h1>` and standfirst beside the picture), whose caption is still left out; or a slide of a
    gallery told in its captions, a caption written as paragraphs that the caption rule spared
    (`dom_rules.captions`), which is read with it."""
    return node.css_first(_FIGURE_TEXT) is not None or _told_caption(node) is not None


def _told_caption(figure):
    """The caption of `figure` when it is written as paragraphs (`<figcaption><p>`), else None."""
    caption = figure.css_first("figcaption")
    return caption if caption is not None and caption.css_first("p") is not None else None


def _is_meta_box(node) -> bool:
    """A short box of page furniture inside the body: the byline, the date line, post meta."""
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    if not names.strip():
        return False
    return bool(class_words(names) & _FURNITURE_WORDS) and len(node.text(deep=True).strip()) <= 200


#: the text a paragraph must go on with after an inline box for the box to be part of its sentence
_SENTENCE_AFTER = 60


def _opens_sentence(node) -> bool:
    """An inline box inside a paragraph that the paragraph's sentence goes on from: a dateline
    (`<p><span class="dateline">KOBE –</span> A total of ...</p>`) is the story's first words, not
    a box of furniture, however its class names it. A byline in a paragraph of its own is not."""
    parent = node.parent
    if node.tag in _BLOCKS or parent is None or parent.tag != "p":
        return False
    after, sib = 0, node.next
    while sib is not None and after < _SENTENCE_AFTER:
        after += len(((sib.text_content if sib.tag == "-text" else sib.text(deep=True)) or "").strip())
        sib = sib.next
    return after >= _SENTENCE_AFTER


def _link_list(node) -> bool:
    """A list whose items are mostly links (a "More:" or "Trending" rail inside the body); not a
    list of bare addresses (`www.example.org/report`): those are the story's sources, as a bare URL
    on a line of its own is."""
    text = " ".join(node.text(deep=True).split())
    if not text or _link_len(node) < 0.6 * len(text):
        return False
    return not all(_URL.match(node_text(a) or "-") for a in node.css("a"))


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
    box: object = None  # the block element the line comes from (None: the body node itself)


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
    boxes: dict[int, object] = {}  # the block element of each group

    def flush(block: str, group: int, end: bool = False):
        line = " ".join("".join(parts).split())
        if line == "-" and not end:
            return  # a list item's mark waits for the item's first text (`<li><div>text</div>`)
        if line and line != "-":
            lines.append(_Line(line, block, group, state["linked"], state["bold"], state["cells"], boxes.get(group)))
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
                flush(item[1], item[2], end=item[1] == "li")
                continue
            if kind == "space":
                parts.append(" ")
                continue
            _, node, block, group, in_link, in_bold = item
            if kind == "children":
                child = node.last_child  # pushed last to first: the first child is read first
                while child is not None:
                    stack.append(("child", child, block, group, in_link, in_bold))
                    child = child.prev
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
            elif tag in _NOT_TEXT and not (tag == "figure" and _figure_of_text(node)):
                drop(PICTURE if tag == "figure" else FRAME, node_text(node))
            elif tag == "figcaption" and node.parent is not None and node.parent.tag == "figure" \
                    and node.css_first("p") is None:
                drop(PICTURE, node_text(node))  # the caption of a figure read as text
            elif _is_meta_box(node) and not _opens_sentence(node):
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
                boxes[inner_group] = node
                if tag not in _TEXT_BLOCKS and _is_heading_box(node):
                    inner = HEADING_BOX
                stack.append(("flush", inner, inner_group))
                stack.append(("children", node, inner, inner_group, in_link, in_bold))
            else:
                stack.append(("children", node, block, group, in_link or tag == "a", in_bold or tag in _BOLD))

    for node in nodes:
        flush("div", 0, end=True)
        group = new_group()
        if node.tag == "li":
            parts.append("- ")
        walk(node, node.tag, group, node.tag == "a")
        flush(node.tag, group, end=True)
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
    bare = text[2:] if block == "li" and text.startswith("- ") else text  # (an item's text, without its mark)
    if line.linked >= 0.8 * size and size < 300 and block != "tr" and not _URL.match(bare) \
            and not _EMAIL.match(bare):
        # a link on a line of its own: a teaser, "read more", a source list; but a line of a
        # paragraph whose other lines are text, with words of its own around the link, is part of
        # that paragraph (a source named under a quote: "Source: <a>the harbour report</a>")
        if block in _TEXT_BLOCKS and len(group) > 1 and _text_share(group) >= 0.5 and (
                line.linked < size or block == "p" and _named_in_paragraph(line, group)):
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
        if line.box is not None and line.linked == 0 and _in_field_row(line.box):
            return None  # a field's name or value in a data sheet ("Baking time | 15 – 30 min")
        return LABEL
    return None


#: a data sheet: rows of a field's name and its value, each this short, this many rows or more
_FIELD_MAX = 100
_FIELD_ROWS = 3


def _field_row(row) -> bool:
    """`row` holds two element boxes with text, both short: a field's name and its value."""
    if row is None or row.tag in ("body", "html"):
        return False
    found = 0
    child = row.child
    while child is not None:
        if child.tag not in ("-text", "-comment"):
            text = child.text(deep=True).strip()
            if text:
                found += 1
                if found > 2 or len(text) > _FIELD_MAX:
                    return False
        child = child.next
    return found == 2


def _row_kind(node) -> tuple[str, str]:
    attrs = node.attributes
    return node.tag, ((attrs.get("class") or "").split() or [""])[0]


def _in_field_row(box) -> bool:
    """`box` is one of the two boxes of a row of a data sheet (a field's name beside its value:
    "Baking time" over "15 – 30 min", "Package sizes" beside "80 tablets"), set out in boxes, not
    a table: its row holds it and one other short box with text, and the rows around it, of the
    same kind (tag and first class), make `_FIELD_ROWS` such rows or more. A lone label ("Advert",
    "Close") is in no such row, nor is a live blog's time and author over a post."""
    row = box.parent
    if not _field_row(row):
        return False
    kind, rows = _row_kind(row), 1
    for step in ("prev", "next"):
        sib = getattr(row, step)
        while sib is not None and rows < _FIELD_ROWS:
            if sib.tag not in ("-text", "-comment"):
                if _row_kind(sib) != kind or not _field_row(sib):
                    break
                rows += 1
            sib = getattr(sib, step)
    return rows >= _FIELD_ROWS


def _named_in_paragraph(line: _Line, group: list[_Line]) -> bool:
    """True when a linked line opens a paragraph whose other lines are its own words, no link in
    them (`<p><a>the venue</a><br>two minutes from the station</p>`): the name the paragraph is
    about, not a teaser's headline over another link."""
    return group[0] is line and all(g.linked == 0 for g in group[1:])


def _text_share(group: list[_Line]) -> float:
    """The share of a block's characters that lie outside links."""
    total = sum(len(g.text) for g in group) or 1
    return 1 - sum(g.linked for g in group) / total
