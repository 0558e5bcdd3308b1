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
from .rules import Context, dom_rule
from .util import collapse, has_ancestor_in, link_density, node_text, same_content

PROTECTED_TAGS = frozenset({"html", "body", "main", "article", "head", "-document"})
_PROTECTED_INSIDE = "article, main, [itemprop=articleBody]"
_SPLIT = re.compile(r"[-_\s]+|(?<=[a-z])(?=[A-Z])")
_PHRASE_TAGS = ("p, div, li, h1, h2, h3, h4, h5, h6, span, a, button, section, aside, strong, b, em, "
                "figcaption, header, footer, label, small, dt, dd, td, ul, ol, form")
_SENTENCE = re.compile(r"\w{2,}[.!?…]")


# ---------------------------------------------------------------- helpers

def _words(node) -> frozenset[str]:
    """Lower-case words of a node's class and id (`post-share_bar` -> post, share, bar) plus the
    whole tokens (`post-share_bar`)."""
    attrs = node.attrs
    raw = f"{attrs.sget('class', '')} {attrs.sget('id', '')}".strip()
    return class_words(raw) if raw else frozenset()


@lru_cache(maxsize=32768)
def class_words(raw: str) -> frozenset[str]:
    """The words of a class/id string, lower-case: each whole token and its parts split at `-`, `_`
    and camelCase (`post-share_bar shareBar` -> post-share_bar, post, share, bar, sharebar)."""
    out: set[str] = set()
    for token in raw.split():
        low = token.lower()
        out.add(low)
        if low != token:  # camelCase: the regex finds the inner word boundaries
            out.update(w.lower() for w in _SPLIT.split(token) if w)
        elif "-" in low or "_" in low:
            out.update(w for w in low.replace("_", "-").split("-") if w)
    return frozenset(out)


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
    text = node_text(node) if text is None else text
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


def _classed(root, ctx: Context) -> list[tuple[object, frozenset[str]]]:
    """Every element with a class or id, with its words (see `_words`), in document order (one CSS
    pass per document, see `_per_page`)."""
    return _per_page(root, ctx, "classed", lambda: [(node, _words(node)) for node in root.css("[class], [id]")])


_NAV_TAGS = "nav, [role=navigation], [role=menubar], [role=menu]"
_IN_PAGE_LINKS = "a[href^='#']"
_CHROME_TAGS = "header, footer, aside, [role=banner], [role=contentinfo], [role=complementary]"
_EMAIL_FIELDS = "input[type=email], input[name*=email], input[name=EMAIL]"
_AD_SLOTS = "ins.adsbygoogle"
_COMMENT_BOXES = "#comments, #disqus_thread, #respond, .comments-area, .comment-list, .commentlist"
#: every selector the rules look elements up by: one CSS pass finds them all (a pass walks the whole
#: tree whatever the selector, so one pass instead of eight), `_landmarks` sorts them out
_LANDMARKS = ", ".join((_NAV_TAGS, _IN_PAGE_LINKS, _CHROME_TAGS, _EMAIL_FIELDS, _AD_SLOTS, _COMMENT_BOXES,
                        "figcaption"))


def _landmarks(root, ctx: Context, selector: str) -> list:
    """The elements matching `selector` (one of the selectors in `_LANDMARKS`), in document order:
    one pass over the tree per document for all of them (see `_per_page`)."""
    return [node for node in _per_page(root, ctx, "landmarks", lambda: root.css(_LANDMARKS))
            if node.css_matches(selector)]


def _with_words(root, ctx: Context, words: frozenset[str]) -> list:
    """Elements whose class/id contain one of `words` (as a word or a whole token), in document order."""
    return [node for node, w in _classed(root, ctx) if not w.isdisjoint(words)]


def _by_words(root, ctx: Context, words: frozenset[str]) -> Iterator:
    """Elements whose class/id contain one of `words` (as a word or a whole token), if removable.
    Inside an element already taken nothing more is looked at (a menu's items go with the menu)."""
    taken: set[int] = set()
    for node in _with_words(root, ctx, words):
        if taken and has_ancestor_in(node, taken):
            continue
        if _removable(node):
            taken.add(node.mem_id)
            yield node


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
    text; dropping them first also makes the tree smaller for the extractor. A `<noscript>` that
    holds paragraphs of prose (200+ characters in `<p>`s: a page, or a blog post, written out for
    readers without scripts) is the page's text and stays."""
    for node in root.css("script, style, noscript, template, svg, canvas, iframe, object, embed, dialog"):
        if node.tag == "noscript" and sum(len(p.text(deep=True).strip()) for p in node.css("p")) >= 200:
            continue
        yield node


_HIDDEN_WORDS = frozenset({"d-none", "hidden", "visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text",
                           "screen-reader-only", "hidden-xs", "hidden-sm", "hidden-md", "hidden-lg", "hide-mobile",
                           "hide-desktop", "show-mobile", "show-desktop", "mobile-only", "desktop-only", "is-hidden",
                           "u-hidden", "invisible"})
_RESPONSIVE_HIDE = re.compile(r"^(?:d|hidden|visible|show|hide)-(?:xs|sm|md|lg|xl|xxl)(?:-(?:none|down|up|only))?$"
                              r"|^(?:d-(?:xs|sm|md|lg|xl|xxl)-none)$")


# a superset of what `_is_hidden` accepts, for lexbor to narrow the tree down to in C
_MAYBE_HIDDEN = ", ".join(["[hidden]", "[aria-hidden]", '[style*="none" i]', '[style*="hidden" i]'] + [
    f'[class*="{part}" i]' for part in ("hid", "none", "only", "visible", "show-", "screen-reader")])


def _is_hidden(node) -> bool:
    attrs = node.attributes
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
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
    for node in root.css(_MAYBE_HIDDEN):
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


_NAV_WORDS = frozenset({"nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs",
                        "skiplink", "skiplinks", "skip-link", "pagination", "pager", "sitenav", "topnav", "subnav"})
_SKIP = re.compile(r"^(?:skip to|jump to) (?:main )?(?:content|navigation|main|search|footer)", re.I)


@dom_rule("dom.navigation")
def navigation(root, ctx: Context) -> Iterable:
    """Navigation: `<nav>`, ARIA navigation and menus, menus and breadcrumbs by class, pagination
    and "Skip to content" links. They list other pages; none of it is article text."""
    for node in _landmarks(root, ctx, _NAV_TAGS):
        if not _is_protected(node):
            yield node
    yield from _by_words(root, ctx, _NAV_WORDS)
    for node in _landmarks(root, ctx, _IN_PAGE_LINKS):  # skip links point into the page
        if _SKIP.match(node_text(node)):
            yield node


_CHROME_TOKENS = frozenset({"header", "footer", "site-header", "site-footer", "page-footer", "global-header",
                            "global-footer", "masthead", "topbar", "top-bar", "sidebar", "site-sidebar", "widget-area",
                            "footer-widgets", "mastfoot"})


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
                   selectors: str = "", max_len: int = 200, prose_guard: bool = False, extra=None, spare=None):
    """Build a rule that removes one kind of box by class/id words, CSS selectors and phrase.
    `spare(node)` names boxes the class words must not take although they match."""
    wordset = frozenset(words)

    def find(root, ctx: Context) -> Iterable:
        if selectors:
            yield from (n for n in _landmarks(root, ctx, selectors) if _removable(n))
        yield from (n for n in _by_words(root, ctx, wordset) if spare is None or not spare(n))
        if phrase is not None:
            yield from _by_phrase(root, ctx, phrase, max_len, prose_guard)
        if extra is not None:
            yield from extra(root, ctx)

    find.__doc__ = doc
    return dom_rule(name)(find)


cookie = _category_rule(
    "dom.cookie",
    """Cookie and consent banners (class/id `cookie`, `consent`, `gdpr`, `cmp`, OneTrust; text such as
    "We use cookies" or "Accept all cookies"). They are about the site, not the story.""",
    {"cookie", "cookies", "consent", "gdpr", "cmp", "onetrust", "cookiebar", "cookiebot", "cookie-banner",
     "cookie-notice", "cookie-consent", "cc-window", "cc-banner"},
    P.COOKIE, max_len=600,
)

share = _category_rule(
    "dom.share",
    """Share and follow bars (class/id `share`, `sharing`, `social`, AddThis, ShareThis; text such as
    "Share this article", "You can share this story on social media:", "Follow <outlet> on Telegram").""",
    {"share", "shares", "sharing", "sharebar", "sharetools", "social", "socials", "addthis", "sharethis",
     "share-buttons", "social-share", "follow-us", "followus"},
    P.SHARE, max_len=300, prose_guard=True, spare=lambda node: _is_embed(node),
)


_EMBED_WORDS = frozenset({"embed", "embedded", "tweet", "twitter-tweet", "instagram-media", "tiktok-embed"})


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
    {"newsletter", "newsletters", "subscribe", "signup", "sign-up", "optin", "opt-in", "mailchimp", "mc4wp",
     "mailing-list"},
    P.NEWSLETTER, max_len=400, prose_guard=True, extra=_email_boxes,
)

promo = _category_rule(
    "dom.promo",
    """Promos and ads the page injects between paragraphs: podcast, video and app promos
    ("Discover our latest podcast", "Download our app"), ad slots (class/id `ad`, `ads`, `advert`,
    `promo`, `sponsored`, Outbrain, Taboola), "Advertisement" labels.""",
    {"ad", "ads", "advert", "adverts", "advertisement", "advertising", "adslot", "ad-slot", "adsbygoogle",
     "promo", "promos", "promotion", "sponsored", "sponsor", "dfp", "outbrain", "taboola", "podcast-promo",
     "app-promo", "teaser-ad"},
    P.PROMO, selectors=_AD_SLOTS, max_len=300, prose_guard=True,
)

tags = _category_rule(
    "dom.tags",
    """Tag and category lists ("Tags:", "Topics:", class `tags`, `post-tags`, `cat-links`): links to
    listing pages, not part of the story.""",
    {"tags", "tag-list", "taglist", "tagcloud", "tag-cloud", "post-tags", "entry-tags", "article-tags",
     "cat-links", "tag-links", "post-categories", "entry-categories", "keywords"},
    P.TAGS, max_len=400,
)

comments = _category_rule(
    "dom.comments",
    """Reader comment threads and comment forms (`#comments`, `#respond`, Disqus, `.comment-list`).""",
    {"comments", "disqus", "disqus_thread", "commentlist", "comment-list", "comments-area", "respond"},
    None, selectors=_COMMENT_BOXES,
)


# every line COPYRIGHT can match holds one of these: a cheap look before the full pattern
_COPYRIGHT_HINT = re.compile(r"©|\(c\)|copyright|rights reserved", re.I)


@dom_rule("dom.copyright")
def copyright_lines(root, ctx: Context) -> Iterable:
    """Copyright and "All rights reserved" lines: legal chrome at the foot of the page."""
    for node, text in phrase_blocks(root, ctx, 250):
        if _COPYRIGHT_HINT.search(text) and P.COPYRIGHT.search(text) and not _is_protected(node):
            yield node


_RELATED_WORDS = frozenset({"related", "recommended", "recommendations", "readmore", "read-more", "more-stories",
                            "trending", "popular", "most-read", "mostread", "also-read", "see-also",
                            "you-may-like", "more-articles", "related-posts", "related-articles", "jp-relatedposts",
                            "yarpp", "crp_related"})


@dom_rule("dom.related")
def related(root, ctx: Context) -> Iterable:
    """Related-link lists: "Read more:", "READ ALSO", "See also", "You might also like",
    "Recommended", "Related articles" with the list of links that follows, and blocks whose
    class says `related`, `recommended`, `read-more`, `trending`... A heading of that kind
    goes only when links follow it; a heading followed by prose is a sub-heading and stays."""
    yield from _by_words(root, ctx, _RELATED_WORDS)
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
_CAPTION_WORDS = frozenset({"caption", "captions", "pictext", "pic-text", "photo-caption", "image-caption",
                            "img-caption", "wp-caption-text", "figure-caption", "media-caption", "picture",
                            "photo-credit", "image-credit", "credit"})


@dom_rule("dom.captions")
def captions(root, ctx: Context) -> Iterable:
    """Photo captions and credits (`<figcaption>`, class `caption`, `pictext`, `wp-caption-text`,
    `picture`...): they describe a picture the text record does not carry, and extractors let
    them into the body as if they were paragraphs."""
    yield from (n for n in _landmarks(root, ctx, "figcaption") if not _is_protected(n))
    for node in _with_words(root, ctx, _CAPTION_WORDS):
        if node.tag in ("p", "div", "span", "figcaption", "small") \
                and len(node_text(node)) <= 400 and _removable(node):
            yield node


GENERIC_DOM_RULES = (
    non_text, hidden_duplicate, navigation, chrome, cookie, share, newsletter, promo, more_from, related,
    load_more, tags, comments, copyright_lines, captions,
)
#: the rules that take out the page's frame (scripts, hidden copies, navigation, header, footer,
#: side bars); on a page of unknown markup they run on the whole page before the body is looked for
PAGE_RULES = GENERIC_DOM_RULES[:4]
#: the rules that take out boxes and lines of boilerplate; on a page of unknown markup they run in
#: the body the content finder chose: what lies outside it never reaches the text
BODY_RULES = GENERIC_DOM_RULES[4:]
