"""The words cleanwire reads pages with, as data in one place.

Two kinds of vocabulary, each grouped by concept (what a box or a line *is*):

- class/id words (`CLASS_WORDS`): the words of an element's `class` and `id` that name what the
  element is (`navigation`, `share`, `related`, `comments`, `caption`, ...). They are matched as
  whole words (`class_words`), never as substrings.
- phrase kinds (`PHRASES`): per concept and per language, the phrases that name a kind of
  boilerplate line ("Read more", "Lesen Sie auch", "相关新闻"). Each phrase is a regular-expression
  fragment, matched case-insensitively; `cleaners.patterns` puts them into line shapes (a phrase
  alone on a short line, a phrase and a name, ...), and the rules apply the shapes.

Adding a word or a language is a change to this module only. Languages are ISO 639-1 codes.
"""

from __future__ import annotations

import re
from functools import lru_cache

# ============================================================== class and id words, per concept

#: Navigation: menus, breadcrumbs, pagination, skip links.
NAVIGATION = frozenset({"nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "skiplink",
                        "skiplinks", "skip-link", "pagination", "pager", "sitenav", "topnav", "subnav", "navi",
                        "megamenu"})
#: The page's frame: site header and footer, side bars (whole tokens only).
CHROME = frozenset({"header", "footer", "site-header", "site-footer", "page-footer", "global-header",
                    "global-footer", "masthead", "topbar", "top-bar", "sidebar", "site-sidebar", "widget-area",
                    "footer-widgets", "mastfoot"})
#: Hidden elements (whole class tokens: CSS utility classes).
HIDDEN = frozenset({"d-none", "hidden", "visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text",
                    "screen-reader-only", "hidden-xs", "hidden-sm", "hidden-md", "hidden-lg", "hide-mobile",
                    "hide-desktop", "show-mobile", "show-desktop", "mobile-only", "desktop-only", "is-hidden",
                    "u-hidden", "invisible"})
#: Cookie and consent banners.
COOKIE = frozenset({"cookie", "cookies", "consent", "gdpr", "cmp", "onetrust", "cookiebar", "cookiebot",
                    "cookie-banner", "cookie-notice", "cookie-consent", "cc-window", "cc-banner"})
#: Share and follow bars.
SHARE = frozenset({"share", "shares", "sharing", "sharebar", "sharetools", "social", "socials", "addthis",
                   "sharethis", "share-buttons", "social-share", "follow-us", "followus"})
#: Embedded posts the story quotes (a tweet): content, even in a box classed like a share bar.
EMBED = frozenset({"embed", "embedded", "tweet", "twitter-tweet", "instagram-media", "tiktok-embed"})
#: Newsletter and sign-up boxes.
NEWSLETTER = frozenset({"newsletter", "newsletters", "subscribe", "signup", "sign-up", "optin", "opt-in",
                        "mailchimp", "mc4wp", "mailing-list"})
#: Ads and promos.
ADS = frozenset({"ad", "ads", "advert", "adverts", "advertisement", "advertising", "adslot", "ad-slot",
                 "adsbygoogle", "promo", "promos", "promotion", "sponsored", "sponsor", "dfp", "outbrain", "taboola",
                 "podcast-promo", "app-promo", "teaser-ad"})
#: Tag and category lists.
TAGS = frozenset({"tags", "tag-list", "taglist", "tagcloud", "tag-cloud", "post-tags", "entry-tags", "article-tags",
                  "cat-links", "tag-links", "post-categories", "entry-categories", "keywords"})
#: Reader comment threads and forms (the boxes the comment rule takes).
COMMENTS = frozenset({"comments", "disqus", "disqus_thread", "commentlist", "comment-list", "comments-area",
                      "respond"})
#: Reader comment sections, as the content finder recognises an ancestor of a scored box.
COMMENT_SECTION = frozenset({"comment", "comments", "commentlist", "comment-list", "disqus", "disqus_thread",
                             "replies", "respond", "commentscontainer", "comments-area"})
#: Related-link lists and teaser rails.
RELATED = frozenset({"related", "recommended", "recommendations", "readmore", "read-more", "more-stories",
                     "trending", "popular", "most-read", "mostread", "also-read", "see-also", "you-may-like",
                     "more-articles", "related-posts", "related-articles", "jp-relatedposts", "yarpp",
                     "crp_related"})
#: Photo captions and credits.
CAPTION = frozenset({"caption", "captions", "pictext", "pic-text", "photo-caption", "image-caption", "img-caption",
                     "wp-caption-text", "figure-caption", "media-caption", "picture", "photo-credit", "image-credit",
                     "credit"})
#: Bylines, date lines and post meta inside the body.
BYLINE_META = frozenset({"byline", "bylines", "author", "authors", "entry-meta", "post-meta", "article-meta", "meta",
                         "dateline", "posted-on", "timestamp", "post-date", "entry-date", "publish-date", "date",
                         "sharedaddy", "jp-relatedposts"})
#: Words that say a box holds the content (the content finder's bonus).
CONTENT_POSITIVE = frozenset({"article", "articles", "body", "content", "contents", "entry", "main", "page", "post",
                              "story", "text", "blog"})
#: Words that say a box holds no content (the content finder's penalty).
CONTENT_NEGATIVE = frozenset({"comment", "comments", "foot", "footer", "sidebar", "widget", "widgets", "share",
                              "shares", "sharing", "related", "promo", "promos", "menu", "menus", "nav", "navbar",
                              "navigation", "meta", "masthead", "teaser", "teasers", "byline", "bylines", "caption",
                              "captions", "credit", "credits", "subnav", "topnav", "sitenav", "mainnav", "menubar",
                              "commentlist", "sharebar", "sharetools", "sidebars", "bottomnav", "footnav", "navi",
                              "megamenu"})

#: Nouns that name the text of a page ("eventDetailsContent"): in a long compound, a concept word after
#: one of them qualifies the content ("...ContentTags") rather than naming a box of its own.
CONTENT_NOUNS = frozenset({"article", "articles", "body", "content", "contents", "entry", "story", "text", "texts",
                           "description", "details", "detail", "copy", "prose"})
#: Words of a class name that say how a box is built, not what it is ("share-buttons-wrapper" is a share
#: box): the head of a compound is its last word that is not one of these.
STRUCTURAL = frozenset({"wrapper", "wrap", "container", "inner", "outer", "box", "area", "holder", "block", "section",
                        "module", "component", "list", "items", "item", "links", "link", "buttons", "button", "btn",
                        "icons", "icon", "tools", "bar", "top", "bottom", "left", "right", "panel", "group", "row",
                        "col", "grid", "el", "fixed", "sticky", "mobile", "desktop", "full", "large", "small",
                        "articles", "posts", "stories", "news", "widget", "widgets", "primary", "secondary",
                        "default", "new", "old", "title", "header", "heading", "label", "placeholder", "slot", "tab",
                        "tabs", "form", "recent", "latest", "more", "all", "site", "single", "global", "page"})
#: Other common words of class names: a glued lower-case name splits into known words only
#: ("infotext" -> info, text; "football" stays whole).
GLUE_WORDS = frozenset({"info", "sub", "intro", "lead", "user", "social", "media", "image", "img", "photo", "video",
                        "read", "short", "rich", "event", "product", "data", "print", "search", "mobile",
                        "inline", "float", "side", "home", "start", "end", "next", "prev", "card", "pic", "rss", "mega",
                        "parent", "fig", "table", "roll", "shop"})
#: Prefixes of CSS naming schemes (`c-`, `o-`, `js-`, theme prefixes): not words of the name.
NAMESPACES = frozenset({"c", "o", "l", "u", "m", "t", "s", "g", "js", "td", "wp", "tw", "ui", "jeg", "is", "has",
                        "elementor", "et", "fl", "vc", "av", "x"})

#: Every class-word concept by name.
CLASS_WORDS: dict[str, frozenset[str]] = {
    "navigation": NAVIGATION, "chrome": CHROME, "hidden": HIDDEN, "cookie": COOKIE, "share": SHARE, "embed": EMBED,
    "newsletter": NEWSLETTER, "ads": ADS, "tags": TAGS, "comments": COMMENTS, "comment_section": COMMENT_SECTION,
    "related": RELATED, "caption": CAPTION, "byline_meta": BYLINE_META,
    "content_positive": CONTENT_POSITIVE, "content_negative": CONTENT_NEGATIVE,
}


# ============================================================== names phrases refer to

#: Social networks and messengers ("Follow us on ...", "Share on ...").
SOCIAL_NETWORKS = ("telegram", "twitter", "x", "facebook", "instagram", "youtube", "whatsapp", "vk", "vkontakte",
                   "tiktok", "linkedin", "threads", "google news", "flipboard", "bluesky", "mastodon", "weibo",
                   "wechat", "odnoklassniki", "rutube", "rumble", "gab", "truth social")
#: Photo agencies and the words before a photographer's name in a credit ("(Xinhua/Chen Yehua)").
CREDIT_AGENCIES = ("xinhua", "reuters", "afp", "ap", "epa", "tass", "sputnik", "ria novosti", "photo", "file photo")
#: Agencies that close a caption after a slash ("... /Xinhua").
CREDIT_TAIL_AGENCIES = ("xinhua", "reuters", "afp", "vcg", "cfp", "getty images", "ap")


# ============================================================== phrase kinds, per concept and language

#: Headings over a list of links to other articles ("Read more", "Lesen Sie auch", "相关新闻").
READ_MORE = {
    "en": ("read more", "read also", "also read", "read next", "see also",
           "more on this(?: story| topic| subject)?", "further reading",
           "related(?: articles?| stories| news| posts| content| coverage| reading)?",
           "recommended(?: for you| articles| stories| reading)?",
           "you (?:might|may) (?:also )?(?:like|enjoy|be interested in)",
           "editor'?s? picks?", "most (?:read|popular|viewed|shared)", "trending(?: now| stories)?",
           "popular(?: now| stories| posts)?", "more (?:stories|news|to read)", "don'?t miss",
           "latest (?:news|stories|articles)"),
    "pt": ("(?:você )?(?:também )?pode gostar", "veja também", "leia também", "leia mais", "saiba mais", "mais lidas",
           "not[íi]cias relacionadas"),
    "es": ("(?:tamb[ée]n )?te puede interesar", "lee tambi[ée]n", "leer m[áa]s", "lo m[áa]s le[íi]do"),
    "fr": ("(?:[àa] )?lire aussi", "voir aussi", "sur le m[êe]me sujet", "articles similaires", "les plus lus"),
    "de": ("lesen sie auch", "mehr zum thema", "das k[öo]nnte sie auch interessieren", "weitere artikel",
           "meistgelesen"),
    "it": ("leggi anche", "potrebbe interessarti", "articoli correlati", "i più letti"),
    "ru": ("читайте также", "смотрите также", "читать также", "по теме", "похожие (?:новости|статьи)",
           "самое читаемое"),
    "zh": ("相关(?:新闻|阅读|文章)", "延伸阅读"),
    "ja": ("関連記事", "あわせて読みたい"),
    "ko": (r"관련\s?기사",),
}

#: Headings over a list of tags ("Tags", "Schlagwörter").
TAGS_HEADING = {
    "en": ("tags?", "tagged", "topics?", "keywords"),
    "pt": ("palavras-chave",),
    "es": ("etiquetas",),
    "de": ("schlagw[öo]rter",),
    "ru": ("теги",),
    "fr": ("mots-clés",),
    "it": ("parole chiave",),
}

#: Labels of a reading-time note ("Reading time: 3 minutes").
READING_TIME = {
    "en": ("(?:estimated )?reading time",),
    "pt": ("tempo de leitura",),
    "fr": ("temps de lecture",),
    "es": ("tiempo de lectura",),
    "de": ("lesezeit",),
    "ru": ("время чтения",),
}

#: Words a line that is only a date is made of, besides numbers: month and day names, the small
#: words between them, time-zone and "updated" words. Kept in one order (the pattern tries them in turn).
DATE_WORDS = (
    "jan(?:uary|eiro)?", "feb(?:ruary)?", "fev(?:ereiro)?", "mar(?:ch|ço|zo)?", "apr(?:il)?", "abr(?:il)?", "may",
    "mai(?:o)?", "june?", "junho", "junio", "july?", "julho", "julio", "aug(?:ust)?", "ago(?:sto)?",
    "sep(?:t(?:ember)?)?", "set(?:embro)?", "septiembre", "oct(?:ober)?", "out(?:ubro)?", "octubre",
    "nov(?:ember|embro|iembre)?", "dec(?:ember)?", "dez(?:embro)?", "diciembre", "enero", "febrero",
    "mon(?:day)?", "tue(?:s(?:day)?)?", "wed(?:nesday)?", "thu(?:rs(?:day)?)?", "fri(?:day)?", "sat(?:urday)?",
    "sun(?:day)?", "(?:segunda|terça|quarta|quinta|sexta)(?:-feira)?", "sábado", "domingo", "lunes", "martes",
    "miércoles", "jueves", "viernes",
    "de", "às", "as", "at", "on", "um", "à", "le", "el", "del", "updated", "published", "posted", "am", "pm",
    r"a\.m", r"p\.m", "gmt", "utc", "[a-z]{2,3}t",
)


def alternation(phrases: dict[str, tuple[str, ...]] | tuple[str, ...], languages: tuple[str, ...] | None = None) -> str:
    """One regular-expression group `(?:a|b|...)` of the phrases of a concept (all its languages in
    the order the concept lists them, or only `languages`)."""
    if isinstance(phrases, dict):
        items = [p for lang, ps in phrases.items() if languages is None or lang in languages for p in ps]
    else:
        items = list(phrases)
    return "(?:" + "|".join(items) + ")"


#: Every phrase kind by concept name: {concept: {language: phrases}}.
PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "read_more": READ_MORE, "tags_heading": TAGS_HEADING, "reading_time": READING_TIME,
}


# ============================================================== reading class and id names

_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])"
                    r"|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
#: the single words glued lower-case names are read into ("sharebar" -> share, bar)
_KNOWN = frozenset(w for words in (*CLASS_WORDS.values(), CONTENT_NOUNS, STRUCTURAL, GLUE_WORDS) for w in words
                   if w.isalpha() and len(w) >= 2)


@lru_cache(maxsize=65536)
def _glued(word: str) -> tuple[str, ...]:
    """A lower-case word read as known words glued together ("articlebody" -> article, body), or the
    word alone when it is known itself or does not split wholly into known words ("canvas", "football")."""
    if word in _KNOWN or len(word) < 5 or len(word) > 30:
        return (word,)
    best: list[tuple[str, ...] | None] = [None] * (len(word) + 1)
    best[0] = ()
    for end in range(2, len(word) + 1):
        for start in range(max(0, end - 14), end - 1):
            if best[start] is not None and word[start:end] in _KNOWN:
                cand = (*best[start], word[start:end])
                if best[end] is None or len(cand) < len(best[end]):
                    best[end] = cand
    found = best[len(word)]
    return found if found is not None and len(found) >= 2 else (word,)


def name_parts(token: str) -> tuple[str, ...]:
    """The words of one class or id token, lower-case, in order: split at `-`, `_` and other
    punctuation, at camelCase and at digits (which are dropped), glued known words read apart,
    a naming-scheme prefix (`c-`, `js-`, `td-`) left out. `nav_nur_die_folie__1` -> nav, nur, die,
    folie; `eventDetailsContentTags` -> event, details, content, tags."""
    parts = [p.lower() for p in _SPLIT.split(token) if p and not p.isdigit()]
    parts = [w for p in parts for w in _glued(p)]
    if len(parts) > 1 and parts[0] in NAMESPACES:
        parts = parts[1:]
    return tuple(parts)


def _naming_words(token: str) -> tuple[str, ...]:
    """The words of one token that say what its element is. A compound of up to three words
    (`post-share-bar`, `articleTags`, `c-article__tags`) is named by each of its words: its last
    says what the box is, the others whose box it is. In a longer compound a content noun (`content`,
    `body`, `details`) names the text itself, and the words after it qualify that text instead of
    naming a box of their own: `eventDetailsContentTags` is an event's text, not a tag list, and
    `moove-gdpr-tab-main-content` is named by all its words up to `content`."""
    parts = name_parts(token)
    if len(parts) <= 3:
        return parts
    for i, part in enumerate(parts):
        if part in CONTENT_NOUNS:
            return parts[:i + 1]
    return parts


@lru_cache(maxsize=32768)
def class_words(raw: str) -> frozenset[str]:
    """The words of a class/id string that name what its element is, lower-case: each whole token
    (`post-share_bar`, matched against the lists as it stands) and the naming words of its
    compound (see `_naming_words`): `post-share_bar shareBar` -> post-share_bar, post, share, bar,
    sharebar. Matching is by whole word only: `nav` is not in `canvas` nor in `unavailable`."""
    out: set[str] = set()
    for token in raw.split():
        out.add(token.lower())
        out.update(_naming_words(token))
    return frozenset(out)
