"""Generic DOM rules: take non-content subtrees out of the selectolax tree before extraction.

They key on structure (tags, roles, class and id words, hidden flags, link density) and on the
*kinds* of boilerplate phrase in `patterns`, never on one page's sentence. Every rule leaves
alone the subtrees that hold the article: `html`, `body`, `main`, `article`, `[itemprop=articleBody]`,
anything containing them, and any block that reads like article text (several long paragraphs
with few links).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from . import patterns as P
from . import vocabulary as V
from .rules import Context, dom_rule
from .util import collapse, has_ancestor_in, link_density, node_text, same_content

PROTECTED_TAGS = frozenset({"html", "body", "main", "article", "head", "-document"})
_PROTECTED_INSIDE = "article, main, [itemprop=articleBody]"
_PHRASE_TAGS = ("p, div, li, h1, h2, h3, h4, h5, h6, span, a, button, section, aside, strong, b, em, "
                "figcaption, header, footer, label, small, dt, dd, td, ul, ol, form")
_SENTENCE = re.compile(r"\w{2,}[.!?…]")
#: a line that ends as a sentence ends, after any character ("... of 2%…"), closing quotes allowed
_ENDS_SENTENCE = re.compile(r"[.!?…。！？]['\"”’)»]*$")


# ---------------------------------------------------------------- helpers

def _words(node) -> frozenset[str]:
    """Lower-case words of a node's class and id (`post-share_bar` -> post, share, bar) plus the
    whole tokens (`post-share_bar`)."""
    return _attr_words(node.attributes)  # (one dict of the attributes: cheaper than two look-ups in lexbor)


def _attr_words(attrs) -> frozenset[str]:
    """`_words` of an element's attributes (a dict)."""
    raw = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".strip()
    return class_words(raw) if raw else frozenset()


#: the one reader of class/id names (whole words in their context; see `vocabulary.class_words`)
class_words = V.class_words


def _is_protected(node) -> bool:
    if node.tag in PROTECTED_TAGS and not _is_comment(node) or node.attributes.get("itemprop") == "articleBody":
        return True
    inner = node.css_first(_PROTECTED_INSIDE)
    if inner is None:
        return False
    # WordPress marks each reader comment up as an <article>: those do not protect their thread
    return not _is_comment(inner) or any(not _is_comment(n) for n in node.css(_PROTECTED_INSIDE))


def _is_comment(node) -> bool:
    return node.tag == "article" and any("comment" in w for w in _words(node))


def _looks_like_content(node, text: str | None = None) -> bool:
    """Several long paragraphs with few links: article text, whatever its class says."""
    if text is None:
        raw = node.text(deep=True, separator=" ")
        if len(raw) < 400:
            return False  # (collapsing white space only makes a text shorter)
        text = collapse(raw)
    if len(text) < 400 or link_density(node, text) > 0.35:
        return False
    long_paras = sum(1 for p in node.css("p") if len(node_text(p)) >= 150)
    return long_paras >= 2 or (len(text) >= 1500 and link_density(node, text) < 0.15)


def _removable(node) -> bool:
    return not _is_protected(node) and not _looks_like_content(node)


def _junk_rest(rest: str, linked: int) -> bool:
    """True when what a container holds besides a junk block is junk too: nothing, links, or a few
    labels with no sentence in them ("Facebook  X  Email")."""
    if not rest:
        return True
    if linked >= 0.7 * len(rest):
        return True
    return len(rest) <= 60 and not _SENTENCE.search(rest)


def expand_junk(node, text: str | None = None):
    """Climb from a junk block to the largest container that holds nothing but that junk
    (icons, labels, links), so a share bar or promo box goes whole."""
    text = node_text(node) if text is None else text
    cur = node
    while (parent := cur.parent) is not None and not _is_protected(parent):
        ptext = node_text(parent)
        rest = ptext.replace(text, "", 1).strip() if text else ptext
        linked = sum(len(node_text(a)) for a in parent.css("a")) - sum(len(node_text(a)) for a in cur.css("a"))
        if not _junk_rest(rest, max(linked, 0)):
            break
        cur, text = parent, ptext
    return cur


_BLOCK_CAP = 600  # the longest block any phrase rule looks at


def short_text(node, cap: int = _BLOCK_CAP) -> str | None:
    """The text of `node` (white space collapsed, as `node_text` gives it) when it is at most `cap`
    characters long, else None. The text comes from lexbor in one C walk, which is cheaper than
    any walk of the tree in Python; a huge text is given up on before it is collapsed."""
    raw = node.text(deep=True, separator=" ")
    if len(raw) > 4 * cap and len(raw.split(None, cap)) > cap:
        return None  # more words than characters allowed: too long however it is spaced
    text = collapse(raw)
    return text if len(text) <= cap else None


def _per_page(root, ctx: Context, name: str, build) -> list:
    """`build()`'s list of items (`node` or `(node, ...)`), made once per document and root, in
    document order; once DOM rules took nodes out, the items of those nodes are dropped (once per
    change: `ctx.removed` only grows)."""
    key = (name, root.mem_id)
    entry = ctx.cache.get(key)
    removed = ctx.removed
    if entry is None:
        entry = ctx.cache[key] = [len(removed), build()]
    elif entry[0] != len(removed):
        entry[:] = [len(removed), [item for item in entry[1]
                                   if (item[0] if isinstance(item, tuple) else item).mem_id not in removed]]
    return entry[1]


def _short_blocks(root) -> list[tuple[object, str]]:
    """Every block of `_PHRASE_TAGS` with its text, when that is at most `_BLOCK_CAP` characters.
    The blocks are visited innermost first: a block with a long block inside is long itself, so it
    and its ancestors are passed over without asking lexbor for their (long) text."""
    long: set[int] = set()
    items = []
    for node in reversed(root.css(_PHRASE_TAGS)):
        if node.mem_id in long:
            continue
        text = short_text(node)
        if text is None:
            anc = node
            while anc is not None and anc.mem_id not in long:
                long.add(anc.mem_id)
                anc = anc.parent
        elif len(text) > 1:
            items.append((node, text))
    items.reverse()
    return items


def phrase_blocks(root, ctx: Context, max_len: int = 200) -> list[tuple[object, str]]:
    """Short blocks of the tree (at most `max_len` characters) with their text, in document order
    (computed once per document, see `_per_page`)."""
    return _per_page(root, ctx, f"phrase_blocks:{max_len}", lambda: [
        item for item in _per_page(root, ctx, "phrase_blocks", lambda: _short_blocks(root))
        if len(item[1]) <= max_len])


def _may_hide(cls: str | None, style: str | None) -> bool:
    """A class with `hid`, `none`, `only`, `visible`, `show-` or `screen-reader` in it, or an inline
    style with `none` or `hidden`, in any case (a chain of substring tests: the cheapest check)."""
    if cls:
        cls = cls.lower()
        if "hid" in cls or "none" in cls or "only" in cls or "visible" in cls or "show-" in cls \
                or "screen-reader" in cls:
            return True
    if style:
        style = style.lower()
        return "none" in style or "hidden" in style
    return False


def _named(root, ctx: Context) -> None:
    """One CSS pass per document over the elements with a class, an id, a `hidden` or `aria-hidden`
    attribute or an inline style, sorted into the lists `_classed`, `_with_words` and `_maybe_hidden`
    read (in document order; see `_per_page`). The elements that may be hidden are a superset of what
    `_is_hidden` and `_hidden_everywhere` accept: a `hidden` or `aria-hidden` attribute, or `_may_hide`."""
    key = root.mem_id
    if ("classed", key) in ctx.cache:
        return
    classed, hidden = [], []
    groups: dict[frozenset[str], list[int]] = {}  # the places of the elements of each set of words
    for node in _unique(root.css("[class], [id], [hidden], [aria-hidden], [style]")):
        attrs = node.attributes
        cls = attrs.get("class")
        if "class" in attrs or "id" in attrs:
            words = _attr_words(attrs)
            if words:
                groups.setdefault(words, []).append(len(classed))
            classed.append((node, words))
        if "hidden" in attrs or "aria-hidden" in attrs or _may_hide(cls, attrs.get("style")):
            hidden.append(node)
    removed = len(ctx.removed)
    ctx.cache[("classed", key)] = [removed, classed]
    ctx.cache[("maybe_hidden", key)] = [removed, hidden]
    ctx.cache[("word_groups", key)] = (classed, groups)


def _classed(root, ctx: Context) -> list[tuple[object, frozenset[str]]]:
    """Every element with a class or id, with its words (see `_words`), in document order (one CSS
    pass per document, see `_named`)."""
    _named(root, ctx)
    return _per_page(root, ctx, "classed", list)


_NAV_TAGS = "nav, [role=navigation], [role=menubar], [role=menu]"
_IN_PAGE_LINKS = "a[href^='#']"
_CHROME_TAGS = "header, footer, aside, [role=banner], [role=contentinfo], [role=complementary]"
_EMAIL_FIELDS = "input[type=email], input[name*=email], input[name=EMAIL]"
_AD_SLOTS = "ins.adsbygoogle"
_COMMENT_BOXES = "#comments, #disqus_thread, #respond, .comments-area, .comment-list, .commentlist"
_FORM_FIELDS = "textarea, select, input, label"
_AUTHOR_PERSON = "[itemprop=author]"
#: every selector the rules look elements up by: one CSS pass finds them all (a pass walks the whole
#: tree whatever the selector, so one pass instead of eight), `_landmarks` sorts them out
_LANDMARKS = ", ".join((_NAV_TAGS, _IN_PAGE_LINKS, _CHROME_TAGS, _EMAIL_FIELDS, _AD_SLOTS, _COMMENT_BOXES,
                        _FORM_FIELDS, _AUTHOR_PERSON, "figcaption", "img"))


def _landmarks(root, ctx: Context, selector: str) -> list:
    """The elements matching `selector` (one of the selectors in `_LANDMARKS`), in document order:
    one pass over the tree per document for all of them (see `_per_page`). Each is sorted out by
    `_matches` on the element itself (lexbor's `css_matches` also says yes to an element with a
    match inside it: a header holding a figcaption is no caption)."""
    test = _compile_selector(selector)
    return [node for node in _per_page(root, ctx, "landmarks", lambda: _unique(root.css(_LANDMARKS))) if test(node)]


def _unique(nodes: list) -> list:
    """`nodes` without repeats (lexbor lists an element once per selector it matches), in order."""
    seen: set[int] = set()
    return [n for n in nodes if not (n.mem_id in seen or seen.add(n.mem_id))]


_SIMPLE = re.compile(r"""([a-z][a-z0-9-]*)|#([\w-]+)|\.([\w-]+)"""
                     r"""|\[([\w-]+)(?:([\^*]?=)['"]?([^'"\]\s]*)['"]?(\s+i)?)?\]""")


@lru_cache(maxsize=64)
def _compile_selector(selector: str):
    """A test of one element against a list of simple selectors (`tag`, `#id`, `.class`, `[attr]`,
    `[attr=v]`, `[attr^=v]`, `[attr*=v]`, ` i` for any case, and compounds of them), the kinds
    `_LANDMARKS` is made of."""
    alternatives = []
    for part in selector.split(","):
        checks = []
        for m in _SIMPLE.finditer(part.strip()):
            tag, ident, cls, attr, op, value, nocase = m.groups()
            if tag:
                checks.append(("tag", tag, None, False))
            elif ident:
                checks.append(("=", "id", ident, False))
            elif cls:
                checks.append(("class", "class", cls, False))
            else:
                checks.append((op or "has", attr, value, bool(nocase)))
        alternatives.append(tuple(checks))

    def test(node) -> bool:
        attrs = node.attributes
        for checks in alternatives:
            for kind, name, value, nocase in checks:
                if kind == "tag":
                    ok = node.tag == name
                elif kind == "has":
                    ok = name in attrs
                else:
                    have = attrs.get(name)
                    if have is None:
                        ok = False
                    elif kind == "class":
                        ok = value in have.split()
                    else:
                        if nocase:
                            have, value = have.lower(), value.lower()
                        ok = have == value if kind == "=" else have.startswith(value) if kind == "^=" \
                            else value in have
                if not ok:
                    break
            else:
                return True
        return False

    return test


def _with_words(root, ctx: Context, words: frozenset[str]) -> list:
    """Elements whose class/id contain one of `words` (as a word or a whole token), in document order
    (each set of words the page's elements carry is read once, not once per element)."""
    _named(root, ctx)
    classed, groups = ctx.cache[("word_groups", root.mem_id)]
    found = [places for have, places in groups.items() if not have.isdisjoint(words)]
    if not found:
        return []
    places = found[0] if len(found) == 1 else sorted(i for group in found for i in group)
    removed = ctx.removed
    return [node for i in places if (node := classed[i][0]).mem_id not in removed]


_TEXT_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "blockquote"})
_SENTENCES = re.compile(r"\w{2,}[.!?…]+(?:\s|$)|[。！？]")


def _reads_as_text(node) -> bool:
    """A heading or paragraph of the text, or a block that reads as prose (two sentences or more,
    120+ characters, under a fifth of it in links): one class word does not make it a box of
    boilerplate (`<h2 id="nav_nur_die_folie__1">`); its box, or its own words, must say so."""
    if node.tag in _TEXT_TAGS:
        return True
    raw = node.text(deep=True, separator=" ")
    if len(raw) < 120 or len(raw) > 3000 or len(_SENTENCES.findall(raw)) < 2:
        return False
    text = collapse(raw)
    return len(text) >= 120 and link_density(node, text) < 0.2


def _by_words(root, ctx: Context, words: frozenset[str], text_guard: bool = True, spare=None) -> Iterator:
    """Elements whose class/id contain one of `words` (as a word or a whole token), if removable
    and, with `text_guard`, not text (`_reads_as_text`), with the heading left hanging over them
    (see `_hanging_heading`); `spare(node)` names more boxes to leave. Inside an element already
    taken nothing more is looked at (a menu's items go with the menu)."""
    taken: set[int] = set()
    for node in _with_words(root, ctx, words):
        if taken and has_ancestor_in(node, taken):
            continue
        if _flags_only(node, words) or spare is not None and spare(node):
            continue
        if _removable(node) and not (text_guard and _reads_as_text(node)):
            taken.add(node.mem_id)
            yield node
            yield from _heading_of(node, root)


def _flags_only(node, words: frozenset[str]) -> bool:
    """True when every class/id token of `node` that carries one of `words` is a layout flag
    (`pane-taxomenu with-navigation`): such a wrapper may hold the article itself."""
    attrs = node.attrs
    named = [token for token in f"{attrs.sget('class', '')} {attrs.sget('id', '')}".split()
             if not class_words(token).isdisjoint(words)]
    return bool(named) and all(V.layout_flag(token) for token in named)


def _heading_of(node, root) -> Iterator:
    """The heading left hanging over `node` once it goes (see `_hanging_heading`), if any."""
    if node.mem_id != root.mem_id:
        heading = _hanging_heading(node)
        if heading is not None:
            yield heading


def _element_sibling(node, step: str):
    """The element next to `node` (`step` is "prev" or "next"), over white space and comments;
    None when there is none or text lies between."""
    sib = getattr(node, step)
    while sib is not None and sib.tag in ("-text", "-comment"):
        if sib.tag == "-text" and (sib.text_content or "").strip():
            return None
        sib = getattr(sib, step)
    return sib


def _hanging_heading(node):
    """The heading over a box that goes, when the box is all its section holds: a short heading
    (or a short bold or colon-ended label) right before it, and nothing but another heading or the
    end of the parent after it ("Related stories" over a related rail, "Tags:" over a tag list).
    A heading over anything else is a sub-heading of the story and stays."""
    heading = _element_sibling(node, "prev")
    if heading is None or heading.tag == "h1" or _is_protected(heading):
        return None  # (the page's headline is never a box's heading)
    after = _element_sibling(node, "next")
    if after is not None and after.tag not in _HEADINGS and after.tag != "hr":
        return None
    if node.next is not None and after is None and (node.next.text_content or "").strip():
        return None
    text = short_text(heading, 80)
    if not text or _SENTENCE.search(text) or _ENDS_SENTENCE.search(text) and len(text.split()) >= 4:
        return None  # (a line of the story that ends a sentence, however it ends it: "... of 2%…")
    if heading.tag in _HEADINGS:
        return heading
    if heading.tag in ("p", "div", "span", "strong", "b") and len(text) <= 60 and (
            text.endswith((":", "：")) or heading.css_first("strong, b") is not None
            and len(node_text(heading.css_first("strong, b"))) >= 0.9 * len(text)):
        return heading
    return None


def _by_phrase(root, ctx: Context, pattern: re.Pattern, max_len: int = 200, prose_guard: bool = False) -> Iterator:
    """Blocks that start with one of `pattern`'s phrases, grown to their junk-only container, with
    the link or icon rows right after them. With `prose_guard`, a long sentence that only opens
    with such words ("Follow the harbour master on Twitter for a week and ...") stays."""
    for node, text in phrase_blocks(root, ctx, max_len):
        m = pattern.match(text)
        if not m or (prose_guard and P.continues_as_prose(text, m.end())):
            continue
        block = expand_junk(node, text)
        yield block
        yield from _junk_rows_after(block)


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _junk_rows_after(node, limit: int = 3) -> Iterator:
    """Up to `limit` sibling elements right after `node` that hold no reader text: icon rows (no
    text) and rows of links (a share heading's "Facebook VKontakte Telegram")."""
    sib, taken = node.next, 0
    while sib is not None and taken < limit:
        if sib.tag in ("-text", "-comment"):
            if (sib.text_content or "").strip():
                return
            sib = sib.next
            continue
        if sib.tag in _HEADINGS or sib.tag in ("figure", "img", "picture", "table", "blockquote") or _is_protected(sib):
            return
        text = node_text(sib)
        if text and sum(len(node_text(a)) for a in sib.css("a")) < 0.7 * len(text):
            return
        yield sib
        taken += 1
        sib = sib.next


# ---------------------------------------------------------------- rules

@dom_rule("dom.non_text", silent=True)
def non_text(root, ctx: Context) -> Iterable:
    """Scripts, styles, templates, inline SVG, iframes and other elements that hold no reader
    text; dropping them first also makes the tree smaller for the extractor. The readings set over
    words in ruby (`<ruby>漢字<rt>かんじ</rt></ruby>`: Japanese furigana, Chinese zhuyin) go too: a
    browser prints them above the line, a text would run them into it ("漢字かんじ"). A `<noscript>`
    that holds paragraphs of prose (200+ characters in `<p>`s: a page, or a blog post, written out for
    readers without scripts) is the page's text and stays."""
    for node in root.css("script, style, noscript, template, svg, canvas, iframe, object, embed, dialog, rt, rp"):
        if node.tag == "noscript" and sum(len(p.text(deep=True).strip()) for p in node.css("p")) >= 200:
            continue
        yield node


_HIDDEN_WORDS = V.HIDDEN
_RESPONSIVE_HIDE = re.compile(r"^(?:d|hidden|visible|show|hide)-(?:xs|sm|md|lg|xl|xxl)(?:-(?:none|down|up|only))?$"
                              r"|^(?:d-(?:xs|sm|md|lg|xl|xxl)-none)$")


def _maybe_hidden(root, ctx: Context) -> list:
    """The elements that may be hidden (see `_named`), in document order."""
    _named(root, ctx)
    return _per_page(root, ctx, "maybe_hidden", list)


def _hidden_by_markup(attrs) -> bool:
    """Hidden by the `hidden` or `aria-hidden` attribute or by an inline style."""
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _is_hidden(node) -> bool:
    attrs = node.attributes
    if _hidden_by_markup(attrs):
        return True
    tokens = {t.lower() for t in (attrs.get("class") or "").split()}
    return bool(tokens & _HIDDEN_WORDS) or any(_RESPONSIVE_HIDE.match(t) for t in tokens)


@dom_rule("dom.hidden_duplicate")
def hidden_duplicate(root, ctx: Context) -> Iterable:
    """Elements hidden by `hidden`, `aria-hidden`, inline `display:none` or responsive-hide classes
    (`d-none`, `d-md-none`, `visually-hidden`, `sr-only`, ...) that repeat text shown next to them
    (a date printed long and short, a title for screen readers). Without this rule the two copies
    run together as `February 25, 2026Feb 25, 2026`. Hidden text that repeats nothing stays."""
    chosen: set[int] = set()  # of two hidden copies, one stays
    for node in _maybe_hidden(root, ctx):
        if not _is_hidden(node) or _is_protected(node):
            continue
        text = node_text(node)
        if not text:
            chosen.add(node.mem_id)
            yield node
            continue
        # look for the same content among the text around it (up to three levels up)
        anc = node.parent
        for _ in range(3):
            if anc is None or anc.tag in ("html", "body", "-document"):
                break
            pieces = _pieces(anc, chosen | {node.mem_id})
            if pieces:
                # inside the article itself only a whole sibling counts as the visible copy
                whole = anc.tag in PROTECTED_TAGS
                if (not whole and text in " ".join(pieces)) or any(same_content(text, part) for part in pieces):
                    chosen.add(node.mem_id)
                    yield node
                break
            anc = anc.parent


_HIDDEN_WIDGETS = "nav, menu, form, select, button, input, textarea, [role=menu], [role=menubar], [role=dialog]"


def _hidden_everywhere(node) -> bool:
    """Hidden on every screen: by attribute, inline style or an always-hiding class."""
    attrs = node.attributes
    return _hidden_by_markup(attrs) or not {t.lower() for t in (attrs.get("class") or "").split()}.isdisjoint(
        V.ALWAYS_HIDDEN)


@dom_rule("dom.hidden_furniture")
def hidden_furniture(root, ctx: Context) -> Iterable:
    """Hidden widgets (`hidden`, `aria-hidden=true`, `display:none`, class `hidden`...): a menu, a
    list of links, a feedback form or a pop-up that the page shows on a click. Extractors read them
    as text ("Was this article helpful? Yes No Report an error" as a list). Hidden text stays: some
    sites hide the article (or a tab of it: a recipe's ingredients) and reveal it with a script;
    only a hidden box that holds a menu, a form or buttons, or that is mostly links, and that reads
    as no paragraph, goes. A box hidden on phones only (`hidden-xs`) is shown elsewhere: it stays."""
    for node in _maybe_hidden(root, ctx):
        if node.tag in ("html", "body") or not _hidden_everywhere(node) or _is_protected(node):
            continue
        text = short_text(node, 1500)
        if not text:
            continue  # empty (the duplicate rule takes it) or long: prose, never a widget
        if any(len(node_text(p)) >= 100 for p in node.css("p")) or _looks_like_content(node, text):
            continue
        widget = node.css_first(_HIDDEN_WIDGETS) is not None or node.css_matches(_HIDDEN_WIDGETS)
        links = node.css("a")
        if widget or (len(links) >= 2 and link_density(node, text) >= 0.5):
            yield node


def _pieces(anc, skip: set[int]) -> list[str]:
    """Texts of the children of `anc` (elements and text), leaving out the nodes in `skip`."""
    out = []
    child = anc.child
    while child is not None:
        if child.mem_id not in skip:
            t = node_text(child) if child.tag != "-text" else (child.text_content or "").strip()
            if t:
                out.append(t)
        child = child.next
    return out


_NAV_WORDS = V.NAVIGATION
_SKIP = re.compile(r"^(?:skip to|jump to) (?:main )?(?:content|navigation|main|search|footer)", re.I)


@dom_rule("dom.navigation")
def navigation(root, ctx: Context) -> Iterable:
    """Navigation: `<nav>`, ARIA navigation and menus, menus and breadcrumbs by class, pagination
    and "Skip to content" links. They list other pages; none of it is article text."""
    for node in _landmarks(root, ctx, _NAV_TAGS):
        if not _is_protected(node):
            yield node
            yield from _heading_of(node, root)
    yield from _by_words(root, ctx, _NAV_WORDS, spare=_heading_alone)
    for node in _landmarks(root, ctx, _IN_PAGE_LINKS):  # skip links point into the page
        if _SKIP.match(node_text(node)):
            yield node


_LINKS_OR_CONTROLS = "a, button, select, input, [role=button], [role=tab], [onclick]"


def _heading_alone(node) -> bool:
    """A box named for navigation that holds a heading and nothing to follow: no link, button or
    control (a recipe's "Preparation step by step" in the bar of its steps' tabs). A menu lists
    links; a heading with nothing to click is the text's."""
    if node.tag in _HEADINGS:
        return False
    heading = node.css_first("h1, h2, h3, h4, h5, h6")
    return heading is not None and node.css_first(_LINKS_OR_CONTROLS) is None


_CHROME_TOKENS = V.CHROME


@dom_rule("dom.chrome")
def chrome(root, ctx: Context) -> Iterable:
    """Page chrome: site header and footer (`<header>`/`<footer>` outside the article, ARIA banner and
    contentinfo, `site-header`, `masthead`...), side bars and `<aside>` outside the article.
    A header that holds the page's `<h1>` is left for the extractor: it may carry the standfirst."""
    for node in _landmarks(root, ctx, _CHROME_TAGS):
        if _inside_article(node) or _is_protected(node) or node.css_first("h1") is not None:
            continue
        if not _looks_like_content(node):
            yield node
    for node in _with_words(root, ctx, _CHROME_TOKENS):
        attrs = node.attrs
        words = {t.lower() for t in attrs.sget("class", "").split()}
        words.add(attrs.sget("id", "").lower())
        if words & _CHROME_TOKENS and not _inside_article(node) and node.css_first("h1") is None and _removable(node):
            yield node


def _inside_article(node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in ("article", "main") or parent.attributes.get("itemprop") == "articleBody":
            return True
        parent = parent.parent
    return False


def _category_rule(name: str, doc: str, words: Iterable[str], phrase: re.Pattern | None,
                   selectors: str = "", max_len: int = 200, prose_guard: bool = False, extra=None, spare=None,
                   text_guard: bool = True):
    """Build a rule that removes one kind of box by class/id words, CSS selectors and phrase.
    `spare(node)` names boxes the class words must not take although they match; without
    `text_guard` the class words take text blocks too (a reader comment is prose)."""
    wordset = frozenset(words)

    def find(root, ctx: Context) -> Iterable:
        if selectors:
            yield from (n for n in _landmarks(root, ctx, selectors) if _removable(n))
        yield from (n for n in _by_words(root, ctx, wordset, text_guard) if spare is None or not spare(n))
        if phrase is not None:
            yield from _by_phrase(root, ctx, phrase, max_len, prose_guard)
        if extra is not None:
            yield from extra(root, ctx)

    find.__doc__ = doc
    return dom_rule(name)(find)


cookie = _category_rule(
    "dom.cookie",
    """Cookie and consent banners (class/id `cookie`, `consent`, `gdpr`, `cmp`, OneTrust; text such as
    "We use cookies" or "Accept all cookies"), and the consent placeholders of embedded posts in the
    languages of `vocabulary.EMBED_CONSENT` ("Empfohlener redaktioneller Inhalt", "An dieser Stelle
    findest du einen externen Inhalt von ..."). They are about the site, not the story.""",
    V.COOKIE,
    P.COOKIE, max_len=600, text_guard=False,
)

share = _category_rule(
    "dom.share",
    """Share and follow bars (class/id `share`, `sharing`, `social`, AddThis, ShareThis; text such as
    "Share this article", "You can share this story on social media:", "Follow <outlet> on Telegram").""",
    V.SHARE,
    P.SHARE, max_len=300, prose_guard=True, spare=lambda node: _is_embed(node),
)


_EMBED_WORDS = V.EMBED


def _is_embed(node) -> bool:
    """An embedded post quoted by the story (a tweet in a `blockquote`): the story's content, even
    when its box is classed `social` like a share bar."""
    return not _words(node).isdisjoint(_EMBED_WORDS) or node.css_first("blockquote") is not None

def _email_boxes(root, ctx: Context) -> Iterator:
    """The box around an e-mail sign-up form: its heading, blurb and button (the largest of the
    three closest ancestors that stays short and speaks of a newsletter or subscribing)."""
    for field in _landmarks(root, ctx, _EMAIL_FIELDS):
        best, anc = None, field.parent
        for _ in range(4):
            if anc is None or _is_protected(anc):
                break
            text = node_text(anc)
            if len(text) > 500:
                break
            if P.NEWSLETTER_WORDS.search(text):
                best = anc
            anc = anc.parent
        if best is not None:
            yield best


newsletter = _category_rule(
    "dom.newsletter",
    """Newsletter and sign-up boxes (class/id `newsletter`, `subscribe`, `signup`, opt-in forms; text such
    as "Sign up to our newsletter" or "Enter your email"; the short box around an e-mail form).""",
    V.NEWSLETTER,
    P.NEWSLETTER, max_len=400, prose_guard=True, extra=_email_boxes, text_guard=False,
)

promo = _category_rule(
    "dom.promo",
    """Promos and ads the page injects between paragraphs: podcast, video and app promos
    ("Discover our latest podcast", "Download our app"), ad slots (class/id `ad`, `ads`, `advert`,
    `promo`, `sponsored`, Outbrain, Taboola), "Advertisement" labels.""",
    V.ADS,
    P.PROMO, selectors=_AD_SLOTS, max_len=300, prose_guard=True,
)

tags = _category_rule(
    "dom.tags",
    """Tag and category lists ("Tags:", "Topics:", class `tags`, `post-tags`, `cat-links`): links to
    listing pages, not part of the story.""",
    V.TAGS,
    P.TAGS, max_len=400,
)

def _comment_threads(root, ctx: Context) -> Iterator:
    """The thread boxes the page names exactly (`#comments`, `.comment-list`, Disqus...) even when
    their many long comments read like an article: such an id or class is no guess. A box that
    holds the page's headline or the article stays."""
    for node in _landmarks(root, ctx, _COMMENT_BOXES):
        if node.mem_id != root.mem_id and not _is_protected(node) and node.css_first("h1") is None:
            yield node
            yield from _heading_of(node, root)


comments = _category_rule(
    "dom.comments",
    """Reader comment threads and comment forms (`#comments`, `#respond`, Disqus, `.comment-list`), and
    the trackbacks and pingbacks listed with them.""",
    V.COMMENTS,
    None, text_guard=False, extra=_comment_threads,
)


#: inputs that are no field to type in: a checkbox or radio button's label is the thing it ticks (an
#: ingredient, a quiz's answer)
_NO_FIELD = frozenset({"hidden", "submit", "button", "image", "reset", "checkbox", "radio", "range", "color"})
#: the boxes that hold one field and its label ("Name:" and its input, in a row of a form's table)
_FIELD_ROWS = frozenset({"tr", "td", "th", "label", "p", "li", "dt", "dd", "div", "span"})


def _ticks(label) -> bool:
    """A label of a checkbox or radio button (wrapping it, or right next to it)."""
    if label.css_first("input[type=checkbox], input[type=radio]") is not None:
        return True
    for step in ("prev", "next"):
        sib = getattr(label, step)
        while sib is not None and sib.tag == "-text" and not (sib.text_content or "").strip():
            sib = getattr(sib, step)
        if sib is not None and sib.tag == "input" and (sib.attributes.get("type") or "").lower() in _TICKS:
            return True
    return False


_TICKS = ("checkbox", "radio")


@dom_rule("dom.forms")
def forms(root, ctx: Context) -> Iterable:
    """Forms inside the page: a reader's comment form (a `<form>` with a text area: "Leave a reply",
    "Name:", "Email *:", "Security Code:", "Submit") and the labels of form fields laid out in a
    table or in boxes of their own. A form's labels are words for a reader to type next to, not
    text to read. A form that holds the article (old pages wrap the whole page in one) stays; only
    its fields' label rows go."""
    seen: set[int] = set()
    for field in _landmarks(root, ctx, _FORM_FIELDS):
        if field.tag == "input" and (field.attributes.get("type") or "text").lower() in _NO_FIELD:
            continue
        if field.tag == "label" and _ticks(field):
            continue
        form = field.parent
        while form is not None and form.tag != "form" and form.mem_id != root.mem_id:
            form = form.parent  # (never above the part of the page the rule cleans)
        if form is not None and form.tag == "form" and form.mem_id not in seen:
            seen.add(form.mem_id)
            if form.css_first("textarea") is not None and form.css_first("h1") is None and _removable(form):
                yield form
                continue
        row = field if field.tag == "label" else field.parent
        for _ in range(3):
            if row is None or row.tag not in _FIELD_ROWS or _is_protected(row) or row.mem_id == root.mem_id:
                break
            text = short_text(row, 80)
            if text is None or _SENTENCE.search(text):
                break
            if text:
                yield row
                break
            row = row.parent


_TEASER_MAX = 400  # the longest teaser card: a headline, a picture's caption and a line of summary


def _linked_len(node) -> int:
    """Characters of `node`'s text inside links (`<a>`, or any element with an `href`)."""
    return sum(len(node_text(a)) for a in node.css("a[href], [href]:not(link):not(a)"))


@dom_rule("dom.teasers")
def teasers(root, ctx: Context) -> Iterable:
    """Teaser cards inside the body (class/id `teaser`, `inline-teaser`): a linked headline with a
    picture or a line of summary, pointing to another page (a brochure, an FAQ, the magazine the story
    appeared in). A card goes when it is short and its link carries a headline (a quarter of its
    text or more, or a picture with the link). A standfirst named `teaser` has no such link and
    stays, and so does a box that reads as the article. When the cards are all the part of the
    page holds, they stay: that is a listing page, for the article gate to refuse as such."""
    taken: set[int] = set()
    cards: list = []
    card_text = 0
    for node in _with_words(root, ctx, V.TEASER):
        if taken and has_ancestor_in(node, taken):
            continue
        if node.mem_id == root.mem_id or not _removable(node) or node.css_first("h1") is not None:
            continue
        text = short_text(node, _TEASER_MAX)
        if not text:
            continue
        linked = _linked_len(node)
        if linked >= 15 and (linked >= 0.25 * len(text) or node.css_first("img") is not None):
            taken.add(node.mem_id)
            cards.append(node)
            card_text += len(text)
    whole = short_text(root, 4 * _TEASER_MAX) if cards else None
    if whole is not None and len(whole) - card_text < _TEASER_MAX // 2:
        return  # the cards are all there is: a listing page, which the article gate refuses as such
    yield from cards


def _paragraphs(root, ctx: Context) -> list:
    """The `<p>` elements under `root`, in document order (one CSS pass per document, see `_per_page`)."""
    return _per_page(root, ctx, "paragraphs", lambda: root.css("p"))


_EMPHASIS = "em, i, strong, b"
#: the address of an article: a slug of three or more words joined by hyphens, a number of four digits
#: or more in the path, or a page ending in `.html` (not a wiki's `Page_name`, not `#anchor`)
_ARTICLE_URL = re.compile(r"^(?!#)\S*?(?:/[^/?#]*\w+-\w+-\w+[^/?#]*|/[^?#]*\d{4,}|\.s?html?(?:[?#]|$))")


@dom_rule("dom.inline_related")
def inline_related(root, ctx: Context) -> Iterable:
    """A headline of another article set between the story's paragraphs as a paragraph of its own: short,
    all of it in italics or bold, no sentence in it, a third of it or more a link to another page
    ("<p><em>Former commander: <a href=...>the threat is real</a></em></p>"), the link's address that of
    an article (a slug of words, a number in the path, a `.html` page). A sub-heading is not a link, a
    bold lead-in has sentences, a link into the page (`#...`) or to a wiki's page is no other article:
    those stay."""
    for node in _paragraphs(root, ctx):
        text = short_text(node, 160)
        if not text or len(text) < 15 or _ENDS_SENTENCE.search(text) or _SENTENCE.search(text):
            continue
        links = [a for a in node.css("a[href]") if _ARTICLE_URL.search(a.attributes.get("href") or "")]
        if not links or len(text.split()) < 4:
            continue
        linked = sum(len(node_text(a)) for a in links)
        if linked < 0.3 * len(text) or _is_protected(node):
            continue
        emphasis = sum(len(node_text(e)) for e in node.css(_EMPHASIS) if e.parent is None or e.parent.tag not in
                       ("em", "i", "strong", "b"))
        if emphasis >= 0.9 * len(text):
            yield node


#: A sentence that opens with a name and says what that person is ("Jane Doe is the founder of ...",
#: "Ole Brandt ist Reporter ...", "Ana Ruiz es periodista ..."): the shape of a writer's bio.
_BIO_START = re.compile(r"^[*—–-]?\s*(?:[A-Z][\w.'’-]*\s+){1,4}(?:is|was|has been|serves as|works as|ist|war|"
                        r"arbeitet als|es|fue|est|était|é|foi)\s+(?:an?|the|also|currently|formerly|now|ein|eine|"
                        r"der|die|seit|un|una|el|la|le|une|um|uma|o|[A-Z]\w+ (?:at|of|for|an|am|bei|für|der|des|in|"
                        r"de|en|à|em|no|na))\s")
_ITALIC = "em, i, cite"


@dom_rule("dom.closing_bio")
def closing_bio(root, ctx: Context) -> Iterable:
    """A writer's bio set in italics as the last paragraph of the story ("*Jane Doe is the founder of a
    marketing consultancy ...*"): a name, what that person is, all of it in `<em>` or `<i>`; a note on
    the piece in the same shape goes with it ("*Dieser Beitrag ist zuerst in ... erschienen."). It
    describes the writer or the page, not the story. An italic last paragraph of any other shape (a
    quotation, a closing line of verse) stays, and so does a bio in roman type (a paragraph of the
    story may well open with a name)."""
    paragraphs = _paragraphs(root, ctx)
    if len(paragraphs) < 3:
        return
    for node in paragraphs[-2:]:
        text = short_text(node, 500)
        if not text or not _BIO_START.match(text) or _is_protected(node):
            continue
        italic = sum(len(node_text(e)) for e in node.css(_ITALIC) if e.parent is None or e.parent.tag not in
                     ("em", "i", "cite"))
        parent = node.parent
        if italic >= 0.8 * len(text) or parent is not None and parent.tag in ("em", "i"):
            yield node


_AUTHOR_BIO_MAX = 1500  # the longest author box taken: a photo, a name and a few lines about the writer


def _names_author_box(node, words: frozenset[str]) -> bool:
    """Class/id words of an author box (`author-bio`, `entry-author-info`, `about-author`, an author
    word with a box word: `vcard author abh_about_tab`), or a schema.org `Person` marked as the
    page's author (`itemprop=author itemtype=.../Person`)."""
    if not words.isdisjoint(V.AUTHOR_BIO):
        return True
    if not words.isdisjoint(V.AUTHOR_WORDS) and not words.isdisjoint(V.AUTHOR_BOX_WORDS):
        return True
    attrs = node.attributes
    return attrs.get("itemprop") == "author" and (attrs.get("itemtype") or "").endswith("/Person")


def _depth(node) -> int:
    depth, parent = 0, node.parent
    while parent is not None:
        depth, parent = depth + 1, parent.parent
    return depth


@dom_rule("dom.author_box")
def author_box(root, ctx: Context) -> Iterable:
    """Author boxes under the story: the writer's photo, name and a few sentences about them ("Jane
    Doe is a photographer from Hamburg and the founder of ...", "About Jane Doe"), in a box named so
    (`author-bio`, `about-author`, `entry-author-info`) or marked as the page's author (`itemprop=author`
    on a schema.org `Person`). They are about the writer, not the story. Only a box with a sentence
    in it goes (a byline's bare name is left to the byline steps), and never one that holds the
    headline or reads as the article (several long paragraphs)."""
    taken: set[int] = set()
    named = [node for node, words in _classed(root, ctx) if _names_author_box(node, words)]
    persons = [node for node in _landmarks(root, ctx, _AUTHOR_PERSON) if _names_author_box(node, frozenset())]
    if persons:  # outer boxes first, so a box inside one already taken is skipped
        named = sorted({n.mem_id: n for n in named + persons}.values(), key=_depth)
    for node in named:
        if taken and has_ancestor_in(node, taken):
            continue
        if node.mem_id == root.mem_id or not _removable(node):
            continue
        text = short_text(node, _AUTHOR_BIO_MAX)
        if not text or not _SENTENCE.search(text) or node.css_first("h1") is not None:
            continue
        box = expand_junk(node, text)
        taken.add(box.mem_id)
        yield box
        yield from _heading_of(box, root)


# every line COPYRIGHT can match holds one of these: a cheap look before the full pattern
_COPYRIGHT_HINT = re.compile(r"©|\(c\)|copyright|rights reserved", re.I)


@dom_rule("dom.copyright")
def copyright_lines(root, ctx: Context) -> Iterable:
    """Copyright and "All rights reserved" lines: legal chrome at the foot of the page."""
    for node, text in phrase_blocks(root, ctx, 250):
        if _COPYRIGHT_HINT.search(text) and P.COPYRIGHT.search(text) and not _is_protected(node):
            yield node


_RELATED_WORDS = V.RELATED


_CARD_MAX = 400  # the longest teaser card: a section's name, a headline, a date and a line of summary


def _card_rail(node) -> bool:
    """A box of teaser cards marked up as `<article>`s (a related rail): protected only by those
    inner articles, each of them short and linked, the box mostly link text, no headline inside."""
    if node.css_first("main, [itemprop=articleBody], h1") is not None:
        return False
    cards = node.css("article")
    if not cards or any(_is_comment(c) for c in cards):
        return False
    for card in cards:
        text = short_text(card, _CARD_MAX)
        if text is None or card.css_first("a[href]") is None:
            return False
    text = short_text(node, 3000)
    return bool(text) and link_density(node, text) >= 0.5


@dom_rule("dom.related")
def related(root, ctx: Context) -> Iterable:
    """Related-link lists: "Read more:", "READ ALSO", "See also", "You might also like",
    "Recommended", "Related articles" with the list of links that follows, and blocks whose
    class says `related`, `recommended`, `read-more`, `trending`... A heading of that kind
    goes only when links follow it; a heading followed by prose is a sub-heading and stays. A rail
    made of `<article>` teaser cards goes too: each card a link and a few words, which protect no
    story."""
    yield from _by_words(root, ctx, _RELATED_WORDS)
    taken: set[int] = set()
    for node in _with_words(root, ctx, _RELATED_WORDS):
        if node.tag not in PROTECTED_TAGS and not (taken and has_ancestor_in(node, taken)) and _card_rail(node):
            taken.add(node.mem_id)
            yield node
            yield from _heading_of(node, root)
    for node, text in phrase_blocks(root, ctx, 300):
        m = P.READ_MORE.match(text)
        if not m:
            continue
        rest = text[m.end():].strip()
        if rest:  # "Read more: <a>Headline</a>" in one block
            if link_density(node, text) >= 0.5 or P.LINK_MARKER.match(rest):
                yield expand_junk(node, text)
            continue
        block = expand_junk(node, text)
        following = list(_link_list_after(block))
        if following or block is not node:
            yield block
            yield from following


def _link_list_after(node) -> Iterator:
    """The siblings right after `node` that are link lists (mostly links, or arrow-marked lines)."""
    sib = node.next
    while sib is not None:
        if sib.tag == "-text" and not (sib.text_content or "").strip():
            sib = sib.next
            continue
        if sib.tag in ("-text", "-comment"):
            break
        text = node_text(sib)
        if text and (link_density(sib, text) >= 0.6 or P.LINK_MARKER.match(text) or _is_teaser_card(sib, text)):
            yield sib
            sib = sib.next
            continue
        break


def _is_teaser_card(node, text: str) -> bool:
    """A teaser card: a box (not a paragraph) with a headline link and at most a line of teaser;
    or another post (`<article>` with a link) listed after a related heading, however long its excerpt."""
    if node.tag == "article" and node.css_first("a[href]") is not None:
        return not _looks_like_content(node, text)  # never the story itself
    if node.tag in ("p", "blockquote") or node.tag in _HEADINGS or len(text) > 400:
        return False
    return any(len(node_text(a)) >= 15 for a in node.css("a")) and not any(
        len(node_text(p)) >= 200 for p in node.css("p"))


@dom_rule("dom.more_from")
def more_from(root, ctx: Context) -> Iterable:
    """"More From <source>" / "More from <section>" teaser rails and everything after them: once a
    page starts listing other articles it does not go back to the story. The heading's block is
    taken with all the blocks after it when they read like teasers (links, or the site profile
    says the rail ends its pages)."""
    for node, text in phrase_blocks(root, ctx, 70):
        if not P.MORE_FROM.match(text):
            continue
        block = node
        while (parent := block.parent) is not None and not _is_protected(parent) \
                and node_text(parent).startswith(text) and not _looks_like_content(parent):
            block = parent
        after = []
        sib = block.next
        while sib is not None:
            after.append(sib)
            sib = sib.next
        tail_text = " ".join(node_text(s) for s in after if s.tag != "-text")
        linked = sum(len(node_text(a)) for s in after if s.tag != "-text" for a in s.css("a"))
        sure = ctx.profile is not None and ctx.profile.more_from_footer
        if sure or not tail_text or linked >= 0.2 * len(tail_text):
            yield block
            yield from (s for s in after if s.tag != "-text")


@dom_rule("dom.load_more")
def load_more(root, ctx: Context) -> Iterable:
    """"More Articles", "Load more", "Show more", "Older posts" buttons and links."""
    for node, text in phrase_blocks(root, ctx, 40):
        if P.LOAD_MORE.match(text) and not _is_protected(node):
            yield expand_junk(node, text)


#: The generic DOM rules, in the order they run.
_CAPTION_WORDS = V.CAPTION


#: a picture's credit line: "© Agency / Name", "Photo: ...", "(File Photo)", "新华社记者 ... 摄"
_CREDIT = re.compile(r"^\s*(?:©|\(c\)\s|copyright\b)"
                     r"|^\(?\s*(?:file\s+)?(?:photos?|fotos?|picture|image|bild|фото|사진|写真|图片?)\s*(?:credits?)?\s*[:：/=|]"
                     r"|^\((?:file\s+)?photo\b|[摄攝]\s*[）)]?\s*$", re.I)
#: a line that ends as a photo credit in Chinese or Japanese ("新华社记者 林海 摄", "（林海 摄）", "撮影・林海")
_CREDIT_END = re.compile(r"(?:(?<!拍)[摄攝]|撮影)\s*[）)]?\s*$|^[（(]?\s*撮影\s*[・:：]")
_credit_end = P.screened(_CREDIT_END)
#: "AFP / Jane Roe", "DCV / Oppitz": an agency and a photographer, and nothing else
_AGENCY_CREDIT = re.compile(r"^[\w.&'-]+(?: [\w.&'-]+){0,3} ?/ ?[\w.&'-]+(?: [\w.&'-]+){0,3}$")
#: parts of a class that name a picture's caption box ("imagedescription", "bildunterschrift", "img-legend")
_CAPTION_PARTS = ("caption", "credit", "legend", "copyright", "unterschrift", "bildtext", "imagedesc", "image-desc",
                  "image_desc", "imgdesc", "img-desc", "photodesc", "photo-desc", "picdesc", "pic-desc")
#: blocks of running text: an inline element set after a picture inside one is text, not a caption
_TEXT_PARENTS = frozenset({"p", "li", "td", "th", "dd", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "label",
                           "button", "a"})
_CAPTION_TAGS = frozenset({"p", "div", "span", "small", "em", "i", "font", "center", "figcaption"})


@dom_rule("dom.captions")
def captions(root, ctx: Context) -> Iterable:
    """Photo captions and credits (`<figcaption>`, class `caption`, `pictext`, `wp-caption-text`,
    `picture`...): they describe a picture the text record does not carry, and extractors let
    them into the body as if they were paragraphs. Without a class that says so, a caption is
    known by where it sits: the short block right after a picture (or its text-less box) that
    is a credit line ("© Agency / Name", "Photo: ...", "AFP / Jane Roe", "... 摄"), has a class
    naming a picture's text, or is a `<span>`/`<small>`/`<em>` set under it. A paragraph after a
    picture stays unless it is a credit. A short line that ends as a Chinese or Japanese photo
    credit ("... 摄", "撮影") goes wherever it sits."""
    told = _told_in_captions(root, ctx)
    yield from (n for n in _landmarks(root, ctx, "figcaption") if not _is_protected(n) and n.mem_id not in told)
    for node in _with_words(root, ctx, _CAPTION_WORDS):
        if node.tag in ("p", "div", "span", "small", "figcaption") and node.mem_id not in told \
                and len(node_text(node)) <= 400 and _removable(node):
            yield node
    for node, text in phrase_blocks(root, ctx, 120):
        if _credit_end(text) and node.tag in _CAPTION_TAGS and not _is_protected(node) \
                and not any(n.tag in ("p", "div", "li") and n.mem_id != node.mem_id for n in node.traverse()):
            # (the credit's own block, not a box around more)
            yield node  # a picture's credit line wherever it sits: "（新华社记者 林海 摄）"
    for img in _landmarks(root, ctx, "img"):
        if _is_icon(img):
            continue
        box = img
        for _ in range(3):  # the picture's box: the ancestors that hold nothing but the picture
            parent = box.parent
            if parent is None or not _holds_only(parent, box) or _is_protected(parent):
                break
            box = parent
        for step in ("next", "prev"):
            sib = getattr(box, step)
            while sib is not None and sib.tag in ("-text", "-comment", "br") and not (sib.text_content or "").strip():
                sib = getattr(sib, step)
            if sib is None or sib.tag not in _CAPTION_TAGS or sib.parent.tag == "figure":
                continue  # (a `<figure>` goes whole with its caption when the text is read)
            text = short_text(sib, 400)
            if text and _is_caption(sib, text, above=step == "prev") and not _is_protected(sib):
                yield sib


#: a gallery: this many captions written as paragraphs, holding this share of the text or more
_GALLERY_SLIDES = 3
_GALLERY_SHARE = 0.5


def _told_in_captions(root, ctx: Context) -> set[int]:
    """The captions of a gallery or a list told in pictures ("20 costumes you can make tonight"):
    three or more captions written as paragraphs (`<figcaption><p>...</p></figcaption>`) that hold
    half the text of `root` or more. They are the story itself, not notes on its pictures: their
    ids, spared by `captions` (and read by the content finder); empty on any other page."""
    slides = [n for n in _landmarks(root, ctx, "figcaption") if n.css_first("p") is not None]
    if len(slides) < _GALLERY_SLIDES:
        return set()
    held = sum(len(node_text(n)) for n in slides)
    return {n.mem_id for n in slides} if held >= _GALLERY_SHARE * len(node_text(root)) else set()


_NO_TEXT_TAGS = frozenset({"-comment", "source", "noscript", "script", "style", "br", "img", "picture", "svg"})


def _holds_only(parent, box) -> bool:
    """`parent` holds `box` and nothing else that reads (white space, sources, scripts); a look at
    its children only, never at their text."""
    child = parent.child
    while child is not None:
        if child.mem_id != box.mem_id:
            if child.tag == "-text":
                if (child.text_content or "").strip():
                    return False
            elif child.tag not in _NO_TEXT_TAGS and not _empty(child):
                return False
        child = child.next
    return True


def _empty(node) -> bool:
    """An element with nothing in it but white space (a button's icon box), by a look at its children."""
    child = node.child
    while child is not None:
        if child.tag != "-text" or (child.text_content or "").strip():
            return False
        child = child.next
    return True


def _is_icon(img) -> bool:
    """An icon, not a picture: an SVG file, or 64 pixels or less on a side."""
    attrs = img.attributes
    if (attrs.get("src") or "").lower().split("?")[0].endswith(".svg"):
        return True
    for side in ("width", "height"):
        value = (attrs.get(side) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) <= 64:
            return True
    return False


def _is_caption(node, text: str, above: bool) -> bool:
    """`node` (next to a picture) reads as its caption or credit line; one above the picture only by
    its credit or its class."""
    if _CREDIT.search(text) or _AGENCY_CREDIT.match(text):
        return True
    names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower()
    if any(part in names for part in _CAPTION_PARTS):
        return True
    parent = node.parent
    return not above and node.tag in ("span", "small", "em", "i") and parent is not None \
        and parent.tag not in _TEXT_PARENTS


GENERIC_DOM_RULES = (
    non_text, hidden_duplicate, hidden_furniture, navigation, chrome, cookie, share, newsletter, promo, more_from,
    related, inline_related, teasers, load_more, tags, comments, author_box, closing_bio, forms, copyright_lines,
    captions,
)
#: the rules that take out the page's frame (scripts, hidden copies, navigation, header, footer,
#: side bars); on a page of unknown markup they run on the whole page before the body is looked for
PAGE_RULES = GENERIC_DOM_RULES[:5]
#: the rules that take out boxes and lines of boilerplate; on a page of unknown markup they run in
#: the body the content finder chose: what lies outside it never reaches the text
BODY_RULES = GENERIC_DOM_RULES[5:]
