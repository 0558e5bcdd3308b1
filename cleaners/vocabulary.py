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
COOKIE = frozenset({"cookie", "cookies", "consent", "gdpr", "cmp", "cmpbox", "onetrust", "cookiebar", "cookiebot",
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
                      "respond", "trackbacks", "trackback", "pingbacks", "pingback", "pinglist", "trackback-list",
                      "pingback-list"})
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
                     "credit", "credits", "photo-credits", "image-credits"})
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
#: Prefixes of CSS naming schemes (`c-`, `o-`, `js-`, theme prefixes): not words of the name. `cmp-` is the
#: prefix of content-management components (`cmp-text`, `cmp-container`, `cmp_notification`): a consent
#: manager is named by `cmp` standing alone or after another word (`qc-cmp2-container`), or by `cmpbox`.
NAMESPACES = frozenset({"c", "o", "l", "u", "m", "t", "s", "g", "js", "td", "wp", "tw", "ui", "jeg", "is", "has",
                        "elementor", "et", "fl", "vc", "av", "x", "cmp"})

#: Every class-word concept by name.
#: Class/id words that name the box of a standfirst (the lead paragraph printed under the headline),
#: in the styles and languages of news sites: English, French (chapo, chapeau), German (vorspann,
#: anriss), Spanish and Portuguese (entradilla, bajada, copete, sumario, linha-fina), Italian
#: (sommario, catenaccio), and the forms a class tokenizer gives (`articleIntro` -> intro,
#: `o-article__intro` -> intro). Matched as whole words (`dom_rules.class_words`).
LEAD_WORDS = frozenset({"standfirst", "lede", "lead", "leadtext", "dek", "deck", "intro", "introduction", "subtitle",
                        "subheadline", "sub-headline", "subhead", "sapo", "chapo", "chapeau", "vorspann", "anriss",
                        "excerpt", "summary", "abstract", "strapline", "entradilla", "bajada", "copete", "sumario",
                        "linha-fina", "sommario", "catenaccio"})
#: A word that names a standfirst's box only when that box is the one right under the headline: the
#: same word names the cards of a listing or a promo box anywhere else.
LEAD_IF_ALONE = frozenset({"teaser"})
#: Class/id words of a box that is never a standfirst, whatever else it is called (`lead-image`,
#: `intro-caption`, `summary-promo`): pictures and their captions, credits, promos, sign-ups.
NOT_LEAD_WORDS = frozenset({"caption", "figcaption", "credit", "credits", "copyright", "photo", "image", "img",
                            "picture", "media", "video", "gallery", "promo", "related", "newsletter", "subscribe",
                            "signup", "ad", "ads", "advert", "sponsored", "share", "social", "breadcrumb",
                            "breadcrumbs", "nav", "menu", "tags", "toc"})
#: Class/id words of a byline or dateline box: never a standfirst itself, though a header's
#: `article-meta` or `byline` box may hold one (`<div class="meta"><p class="dek">`).
BYLINE_WORDS = frozenset({"byline", "author", "authors", "date", "time", "dateline", "meta"})
#: class/id words of a box set as a heading (a sub-heading made of a styled `<div>`)
HEADING_WORDS = frozenset({"heading", "subheading", "sub-heading", "subhead", "subheadline", "sub-headline",
                           "subtitle", "sub-title", "zwischentitel", "zwischenueberschrift", "intertitre",
                           "intertitulo", "h2", "h3", "h4", "h5", "h6"})
#: classes that hide a box on every screen (not one that hides it on phones only: that box shows elsewhere)
ALWAYS_HIDDEN = frozenset({"hidden", "d-none", "is-hidden", "u-hidden", "invisible", "hide", "visually-hidden",
                            "visuallyhidden", "sr-only", "screen-reader-text", "screen-reader-only"})
#: class or id words of a masthead `<h1>`: the site's name, not the story's headline
LOGO_WORDS = frozenset({"logo", "brand", "branding", "masthead", "site-title", "site-name", "sitename", "sitetitle",
                        "site-logo", "navbar-brand"})

#: Class/id words of an author box: a box about the writer (photo, name and a few lines of biography)
#: printed under the story. Named by an author word together with a word of a biography box
#: (`author-bio`, `entry-author-info`, `about-author`, `authorDescription`), or by a biography word alone.
AUTHOR_WORDS = frozenset({"author", "authors", "autor", "autorin", "auteur", "writer", "contributor"})
AUTHOR_BOX_WORDS = frozenset({"bio", "bios", "biography", "about", "info", "description", "desc", "profile", "box",
                              "details", "card"})
AUTHOR_BIO = frozenset({"author-bio", "authorbio", "author-box", "authorbox", "about-author", "about-the-author",
                        "author-info", "author-description", "author-profile", "bio-box", "biobox"})

#: Class/id words of a teaser card: a linked headline (with a picture or a line of summary) that points
#: to another page, set between the story's paragraphs or under them.
TEASER = frozenset({"teaser", "teasers", "teaserbox", "teaser-box", "inlineteaser", "inline-teaser"})

#: first words of a class token that make it a layout flag (`with-navigation`, `has-related`)
FLAG_PREFIXES = frozenset({"with", "has", "no", "without"})
#: class/id words of the boxes laid over the page or around it, never its body: dialogs, pop-ups,
#: consent and login boxes
OVERLAY_WORDS = frozenset({"dialog", "modal", "popup", "overlay", "consent", "cookie", "cookies", "gdpr",
                            "dsgvo", "login", "signin"})
#: the ARIA roles of such boxes and of the page's frame
OVERLAY_ROLES = frozenset({"dialog", "alertdialog", "navigation", "banner", "contentinfo", "menu", "menubar"})
#: parts of a custom element's name (`site-navigation`, `pp-header`) that make it page frame
FRAME_TAG_WORDS = frozenset({"nav", "navigation", "header", "footer", "menu"})
#: class tokens that say which state a box is in (the open tab, the shown pane), not what kind of box
#: it is: a body split over tab panes or accordion panels is one kind of box whichever pane is open
STATE_CLASSES = frozenset({"active", "show", "in", "open", "current", "selected", "expanded", "collapsed",
                            "is-active", "is-open", "is-selected", "is-current", "is-expanded", "is-visible",
                            "visible", "first", "last", "odd", "even"})
#: class/id words of a box between the headline and the body that holds no lead, though its text
#: reads as one: a publisher's disclosure or disclaimer, a medical reviewer's box
NOT_LEAD_BOXES = frozenset({"disclosure", "disclosures", "disclaimer", "disclaimers", "reviewed", "reviewer"})

CLASS_WORDS: dict[str, frozenset[str]] = {
    "navigation": NAVIGATION, "chrome": CHROME, "hidden": HIDDEN, "cookie": COOKIE, "share": SHARE, "embed": EMBED,
    "newsletter": NEWSLETTER, "ads": ADS, "tags": TAGS, "comments": COMMENTS, "comment_section": COMMENT_SECTION,
    "related": RELATED, "caption": CAPTION, "byline_meta": BYLINE_META,
    "content_positive": CONTENT_POSITIVE, "content_negative": CONTENT_NEGATIVE,
    "standfirst": LEAD_WORDS, "standfirst_if_alone": LEAD_IF_ALONE, "not_standfirst": NOT_LEAD_WORDS,
    "byline": BYLINE_WORDS, "heading": HEADING_WORDS, "always_hidden": ALWAYS_HIDDEN, "logo": LOGO_WORDS,
    "author": AUTHOR_WORDS, "author_box": AUTHOR_BOX_WORDS, "author_bio": AUTHOR_BIO, "teaser": TEASER,
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
#: Picture labels before a credit that closes a caption ("... Foto: dpa", "... 사진=연합뉴스").
PHOTO_LABEL = {
    "de": ("fotos?", "bilder?", "titelbild", "titelfoto", "bildquelle"),
    "fr": ("crédits? photos?", "photo"),
    "es": ("fotos?", "imagen"),
    "pt": ("fotos?", "imagem"),
    "it": ("foto",),
    "pl": ("zdjęcie",),
    "ru": ("фото",),
    "zh": ("图片来源", "照片"),
    "ja": ("写真",),
    "ko": ("사진",),
    "ar": ("ال?صورة",),
    "fa": ("عکس",),
    "tr": ("fotoğraf",),
}


# ============================================================== phrase kinds, per concept and language

#: Invitations to read another piece ("Read also", "Lesen Sie auch", "Czytaj też", "相关阅读"): on a
#: line of their own (with a colon, or with the linked headline after them) they are never the story's.
READ_ALSO = {
    "en": ("read more", "read also", "also read", "read next", "see also",
           "more on this(?: story| topic| subject)?", "further reading",
           "you (?:might|may) (?:also )?(?:like|enjoy|be interested in)", "don'?t miss"),
    "pt": ("(?:você )?(?:também )?pode gostar", "veja também", "leia também", "leia mais", "saiba mais",
           "veja mais", "not[íi]cias relacionadas", "mat[ée]rias relacionadas"),
    "es": ("(?:tamb[ée]n )?(?:te|le) puede interesar", "(?:tamb[ée]n )?(?:te|le) podr[íi]a interesar",
           "lee tambi[ée]n", "lea tambi[ée]n", "leer m[áa]s", "lea m[áa]s", "ver tambi[ée]n", "mira tambi[ée]n",
           "te recomendamos", "(?:temas|art[íi]culos|noticias|notas) relacionad[oa]s", "contenido relacionado"),
    "fr": ("(?:[àa] )?lire aussi", "(?:[àa] )?lire [ée]galement", "(?:[àa] )?voir aussi", "[àa] voir [ée]galement",
           "sur le m[êe]me sujet", "articles similaires", "articles li[ée]s", "vous aimerez aussi",
           "[àa] d[ée]couvrir (?:aussi|[ée]galement)", "dans la m[êe]me rubrique"),
    "de": ("lesen sie (?:auch|mehr|weiter)(?: die(?:sen| folgenden) (?:beitr[äa]ge?|artikel))?", "auch interessant",
           "ebenfalls interessant", "schon gelesen", "zum weiterlesen", "das k[öo]nnte (?:sie|dich) auch interessieren",
           "mehr zum thema", "mehr (?:artikel|beitr[äa]ge|nachrichten|kolumnen|themen)"
           r"(?: (?:aus|zu|zum|zur|von|auf) (?:der |dem |den |diesem |dieser )?[\w.-]+(?: [\w.-]+)?)?",
           "mehr aus dieser rubrik",
           r"weitere (?:artikel|beitr[äa]ge|themen|nachrichten|meldungen)(?: (?:aus|zu|zum|zur|von) "
           r"(?:der |dem |den |diesem |dieser )?[\w-]+)?",
           "empfohlene (?:beitr[äa]ge|artikel)", "[äa]hnliche (?:nachrichten|artikel|beitr[äa]ge|themen)",
           "verwandte (?:artikel|themen|beitr[äa]ge)", "passend zum thema"),
    "it": ("leggi anche", "leggi pure", "(?:ti )?potrebbe(?:ro)? interessar(?:ti|e)", "articoli correlati",
           "notizie correlate", "vedi anche"),
    "pl": ("czytaj (?:też|także|również|więcej)", "przeczytaj (?:też|także|również)", "zobacz (?:też|także|również)",
           "podobne artykuły", "dowiedz się więcej"),
    "ru": ("читайте (?:также|тоже|ещё|еще)", "смотрите также", "читать также", "по теме", "(?:ещё|еще) по теме",
           "похожие (?:новости|статьи|материалы)", "материалы по теме", "новости по теме",
           "вам может быть интересно"),
    "zh": ("相关(?:新闻|阅读|文章|报道|链接|推荐)", "延伸阅读", "推荐阅读", "更多(?:精彩|新闻|阅读)", "猜你喜欢",
           "往期回顾"),
    "ja": ("関連記事", "あわせて読みたい", "こちらもおすすめ", "おすすめ記事", "関連ニュース"),
    "ko": (r"관련\s?기사", r"관련\s?뉴스", r"추천\s?기사", r"함께\s?볼만한\s?(?:기사|뉴스)"),
    "ar": ("[اإ]قرأ (?:أيضا|أيضاً|أيضًا)", "[اإ]قرأ المزيد", "مواضيع ذات صلة", "(?:أخبار|مقالات) ذات صلة",
           "قد يهمك(?: أيضا| أيضاً)?"),
    "fa": ("بیشتر بخوانید", "(?:اخبار|مطالب) (?:مرتبط|مشابه)", "بخوانید", "مطالب پیشنهادی"),
    "tr": ("ilgili (?:haberler|haber|içerikler|yazılar)", "bunlar(?:ı)? da (?:ilginizi çekebilir|okuyun)",
           "bunu da okuyun", "benzer haberler", "(?:daha fazla|devamını) oku"),
}

#: Headings over a list of links to other articles: the invitations above, and rail headings that
#: may also head a section of an article ("Related", "Trending"): those go when links follow them.
READ_MORE = {
    "en": (*READ_ALSO["en"],
           "related(?: articles?| stories| news| posts| content| coverage| reading)?",
           "recommended(?: for you| articles| stories| reading)?",
           "editor'?s? picks?", "most (?:read|popular|viewed|shared)", "trending(?: now| stories)?",
           "popular(?: now| stories| posts)?", "more (?:stories|news|to read)",
           "latest (?:news|stories|articles)", "(?:audios? and )?videos? on (?:the|this) (?:topic|subject)"),
    "pt": (*READ_ALSO["pt"], "mais lidas", "(?:áudios e )?vídeos sobre o (?:assunto|tema)"),
    "es": (*READ_ALSO["es"], "lo m[áa]s le[íi]do", "m[áa]s noticias", "(?:audios y )?v[íi]deos sobre el tema"),
    "fr": (*READ_ALSO["fr"], "les plus lus", "(?:audios et )?vidéos sur le (?:sujet|thème)"),
    "de": (*READ_ALSO["de"], "weitere artikel", "meistgelesen", "(?:audios und )?videos zum thema"),
    "it": (*READ_ALSO["it"], "i più letti", "approfondimenti"),
    "pl": (*READ_ALSO["pl"], "najczęściej czytane", "polecamy"),
    "ru": (*READ_ALSO["ru"], "самое читаемое", "(?:аудио и )?видео по теме"),
    "zh": (*READ_ALSO["zh"], "热点推荐", "热门(?:文章|新闻|推荐)", "相关(?:音视频|视频)"),
    "ja": READ_ALSO["ja"],
    "ko": (*READ_ALSO["ko"], r"많이\s?본\s?(?:뉴스|기사)"),
    "ar": (*READ_ALSO["ar"], "الأكثر قراءة"),
    "fa": (*READ_ALSO["fa"], "پربازدیدترین(?: ?ها)?"),
    "tr": (*READ_ALSO["tr"], "en çok okunan(?:lar)?"),
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

#: Labels of a reading-time note ("Reading time: 3 minutes", "Lesezeit: 4 Min.").
READING_TIME = {
    "en": ("(?:estimated )?reading time", "read time"),
    "pt": ("tempo de leitura",),
    "fr": ("temps de lecture", "durée de lecture"),
    "es": ("tiempo de lectura", "lectura"),
    "de": ("lesezeit", "lesedauer"),
    "it": ("tempo di lettura",),
    "pl": ("czas czytania",),
    "ru": ("время чтения", "время прочтения"),
    "zh": ("阅读时间", "阅读时长", "预计阅读时间"),
    "ko": (r"읽는\s?시간", r"읽기\s?시간"),
    "ja": ("読了時間", "この記事は約"),
    "ar": ("(?:مدة|وقت) القراءة",),
    "fa": ("زمان (?:مطالعه|خواندن)",),
    "tr": ("okuma süresi",),
}
#: The other form: a number, a unit and a reading word ("4 min read", "3 Min. Lesezeit", "5 dk okuma").
READING_TIME_AFTER = {
    "en": (r"min(?:ute)?s?\.?(?: read)",),
    "de": (r"min(?:uten|\.)? lesezeit", r"min(?:uten|\.)? lesedauer"),
    "fr": (r"min(?:utes?|\.)? de lecture",),
    "es": (r"min(?:utos?|\.)? de lectura",),
    "pt": (r"min(?:utos?|\.)? de leitura",),
    "it": (r"min(?:uti|\.)? di lettura",),
    "pl": (r"min(?:ut|\.)? czytania",),
    "ru": (r"мин(?:ут[аы]?|\.)? (?:чтения|на чтение)",),
    "zh": ("分钟(?:阅读|读完)",),
    "ko": (r"분\s?(?:읽기|소요)",),
    "tr": (r"(?:dk|dakika)\.? (?:okuma|okuma süresi)",),
    "fa": ("دقیقه مطالعه",),
    "ar": ("دقائق? (?:للقراءة|قراءة)",),
}

#: Labels of a time stamp line ("Aktualisiert am 17.01.2026", "Mis à jour le 3/3/2026"); English has its
#: own shape in `patterns.TIMESTAMP`.
TIMESTAMP_LABEL = {
    "en": ("(?:news |release |publication |posted |post |issue )?date", "date (?:published|posted|of publication)"),
    "de": ("aktualisiert(?: am)?", "zuletzt aktualisiert(?: am)?", "veröffentlicht(?: am)?", "erstellt(?: am)?",
           "stand", "veröffentlichung(?:sdatum)?", "erscheinungsdatum", "datum"),
    "fr": ("mis à jour(?: le)?", "publié(?: le)?", "modifié(?: le)?"),
    "es": ("actualizad[oa](?: el)?", "publicad[oa](?: el)?", "[úu]ltima actualizaci[óo]n"),
    "pt": ("atualizad[oa](?: em)?", "publicad[oa](?: em)?", "[úu]ltima atualiza[çc][ãa]o"),
    "it": ("aggiornato(?: il| alle)?", "pubblicato(?: il)?", "ultimo aggiornamento"),
    "pl": ("aktualizacja", "opublikowano", "data publikacji"),
    "ru": ("обновлено", "опубликовано", "дата публикации"),
    "zh": ("更新时间", "发布时间", "发布日期", "时间"),
    "ja": ("更新日?", "公開日?", "配信日?"),
    "ko": ("입력", "수정", "업데이트", "기사입력", "최종수정"),
    "ar": ("آخر تحديث", "تاريخ النشر", "نشر في"),
    "fa": ("تاریخ انتشار", "به[‌ ]?روزرسانی", "آخرین بروزرسانی"),
    "tr": ("güncelleme(?: tarihi)?", "yayınlanma(?: tarihi)?", "son güncelleme"),
}

#: Labels of the section a page is filed in, after its date on a line of page meta ("News date:
#: 04/21/2022 Category: Press releases").
CATEGORY_LABEL = {
    "en": ("category", "categories", "section", "filed under", "posted in"),
    "de": ("kategorie(?:n)?", "rubrik"),
    "fr": ("catégorie", "rubrique"),
    "es": ("categor[íi]as?", "secci[óo]n"),
    "pt": ("categorias?", "seç[ãa]o", "editoria"),
    "it": ("categoria", "sezione", "rubrica"),
    "pl": ("kategoria", "dział"),
    "ru": ("рубрика", "категория", "раздел"),
}

#: Sentences a blog theme prints under each post about the post itself: when and where it was filed,
#: how to follow its comments ("This entry was posted on ... and is filed under ...", "Der Beitrag wurde
#: am ... veröffentlicht und wurde unter ... abgelegt", "Cette entrée a été publiée le ...").
POST_META = {
    "en": (r"this (?:entry|post) was (?:posted|published|written|filed)\b", r"you can follow any responses to this"),
    "de": (r"(?:dieser|der) (?:beitrag|eintrag|artikel) wurde (?:am |unter |in |von ).{0,120}?"
           r"(?:veröffentlicht|abgelegt|erstellt|geschrieben)",
           r"(?:dieser|der) (?:beitrag|eintrag) wurde veröffentlicht"),
    "fr": (r"cette entrée a été publiée", r"cet article a été publié (?:le|dans)\b[^.]{0,80}(?:classé|catégorie)"),
    "es": (r"esta entrada (?:fue publicada|se public[óo])", r"entrada publicada (?:en|por)\b"),
    "pt": (r"esta entrada foi publicada", r"este (?:post|artigo) foi publicado em\b[^.]{0,80}(?:categoria|arquivado)"),
    "it": (r"questa voce è stata pubblicata", r"questo articolo è stato pubblicato in\b"),
    "pl": (r"ten wpis został opublikowany",),
    "ru": (r"эта запись (?:была )?опубликована",),
}

#: Labels that name a sub-site the story belongs to, written as a linked line above it
#: ("Special report: <topic>", "Schwerpunkt: <topic>", "专题：<topic>").
TOPIC_LABEL = {
    "en": ("special (?:report|coverage|section)", "in focus", "spotlight", "full coverage", "in depth"),
    "de": ("schwerpunkt", "dossier", "themenspecial", "spezial"),
    "fr": ("dossier", "dossier spécial", "à la une"),
    "es": ("especial", "cobertura especial"),
    "pt": ("especial", "cobertura especial"),
    "it": ("speciale", "dossier"),
    "ru": ("спецпроект", "спецрепортаж", "тема дня", "сюжет"),
    "zh": ("专题", "特别报道", "专题报道"),
    "ja": ("特集",),
    "ko": ("특집", "기획"),
    "ar": ("ملف خاص", "تغطية خاصة"),
    "fa": ("پرونده", "ویژه‌نامه", "ویژه نامه"),
    "tr": ("özel dosya", "özel haber"),
}

#: Labels of a media teaser written as "LABEL | headline" ("WATCH | ...", "VIDEO | ...").
MEDIA_LABEL = {
    "en": ("watch", "listen", "video", "videos", "photos", "gallery", "live", "audio", "podcast", "in pictures"),
    "de": ("video", "bildergalerie", "fotostrecke", "anschauen", "hören", "live"),
    "fr": ("vidéo", "regarder", "écouter", "en images", "direct"),
    "es": ("video", "vídeo", "mira", "escucha", "galería", "en vivo", "en directo"),
    "pt": ("vídeo", "assista", "ouça", "galeria", "ao vivo"),
    "it": ("video", "guarda", "ascolta", "fotogallery", "diretta"),
    "ru": ("видео", "смотрите", "слушайте", "фото", "фоторепортаж"),
    "zh": ("视频", "图集", "直播"),
    "ja": ("動画",),
    "ko": ("영상", "동영상", "포토"),
    "ar": ("فيديو", "شاهد", "بالصور"),
    "fa": ("ویدیو", "ببینید", "فیلم"),
    "tr": ("video", "izle", "foto galeri"),
}

#: Labels a page prints alone on a line between paragraphs ("Article content", "Anzeige", "광고").
PAGE_LABEL = {
    "en": ("article content", "advertisement", "table of contents", "story continues below(?: advertisement)?",
           "(?:the )?article continues below(?: this ad(?:vertisement)?)?", "continue reading below",
           "scroll to continue(?: with content)?", "skip advertisement", "sponsored content", "ad feature"),
    "de": ("anzeige", "werbung", "inhaltsverzeichnis",
           "artikel (?:wird )?(?:unter|nach) der (?:anzeige|werbung) fortgesetzt",
           "weiterlesen nach der anzeige", "fortsetzung nach der anzeige", "artikel geht unter der werbung weiter"),
    "fr": ("publicité", "sommaire", "la suite (?:après|sous) (?:cette |la )?(?:publicité|annonce)",
           "contenu sponsorisé"),
    "es": ("publicidad", "anuncio", "contenido patrocinado", "[íi]ndice de contenidos?", "tabla de contenidos?",
           "contin[úu]a (?:leyendo )?(?:despu[ée]s|debajo) "
           "(?:de|del) (?:la publicidad|anuncio)"),
    "pt": ("publicidade", "anúncio", "continua (?:depois|após) (?:da|a) publicidade", "conteúdo patrocinado"),
    "it": ("pubblicità", "continua (?:a leggere )?dopo la pubblicità", "contenuto sponsorizzato"),
    "pl": ("reklama", "artykuł sponsorowany", "spis treści"),
    "ru": ("реклама", "продолжение (?:ниже|после рекламы)", "содержание статьи"),
    "zh": ("广告", "推广", "本文目录", "完", "纠错"),
    "ja": ("広告", "スポンサーリンク", "目次"),
    "ko": ("광고", "목차"),
    "ar": ("إعلان", "اعلان"),
    "fa": ("تبلیغات", "آگهی"),
    "tr": ("reklam", "içindekiler"),
}

#: Page actions printed as a bar ("E-mail this Story | Print this Story"): a line made only of them.
PAGE_ACTION = {
    "en": (r"e-?mail (?:this )?(?:story|article|page|to a friend)", r"print (?:this )?(?:story|article|page)", "print",
           r"send (?:this )?(?:story |article )?to a friend", "share", r"save (?:this )?(?:story|article)",
           r"(?:text|font) size", r"a\+", r"a-", "bookmark", "comments?", "e-?mail", "permalink",
           r"print recipe", r"pin (?:it|recipe|this)", r"jump to recipe", r"save (?:to|on) pinterest",
           r"enlarge(?: image| photo| picture)?", r"show (?:image|photo|picture)s?"),
    "de": (r"(?:artikel |seite |rezept )?drucken", r"(?:artikel )?versenden", "teilen", "zum rezept springen",
           r"(?:bei|auf) pinterest (?:speichern|merken|teilen)", "rezept (?:merken|speichern|pinnen)",
           r"(?:bild|bilder|foto) (?:anzeigen|vergrößern)", "vergrößern",
           r"per e-?mail (?:senden|versenden|teilen)",
           r"artikel (?:merken|speichern)", "schriftgröße", "kommentieren", "merken"),
    "fr": ("imprimer(?: cet article| la page| la recette)?", "épingler",
           r"envoyer (?:par e-?mail|à un ami|cet article)", "partager", "commenter", "permalien"),
    "es": ("imprimir(?: art[íi]culo| noticia| receta)?", "guardar en pinterest",
           r"enviar (?:por e-?mail|a un amigo|noticia)", "compartir", "comentar"),
    "pt": ("imprimir", r"enviar (?:por e-?mail|para um amigo)", "compartilhar", "partilhar", "comentar"),
    "it": ("stampa(?: articolo)?", r"invia (?:per e-?mail|ad un amico)", "condividi", "commenta"),
    "ru": ("распечатать", "печать", "версия для печати", "поделиться", "отправить другу", "комментировать"),
    "zh": ("打印(?:本页|本文)?", "分享(?:到)?", "收藏", "关闭窗口", "字号", "纠错", "推荐给朋友"),
    "ko": ("인쇄", "공유", "스크랩", r"글자\s?크기", r"메일\s?보내기"),
    "ja": ("印刷", "シェア", "保存"),
    "ar": ("طباعة", "مشاركة", "أرسل لصديق"),
    "fa": ("چاپ", "اشتراک گذاری", "ارسال به دوستان"),
    "tr": ("yazdır", "paylaş", "arkadaşına gönder"),
}

#: Words of a view counter ("Views: 1,234", "阅读量：1234", "조회수 1,234").
VIEW_COUNT = {
    "en": ("views?", "reads?", "hits", "page views"),
    "de": ("aufrufe", "mal gelesen", "gelesen", "zugriffe"),
    "fr": ("vues", "lectures"),
    "es": ("visitas", "vistas", "lecturas"),
    "pt": ("visualizaç(?:ões|ão)", "leituras", "acessos"),
    "it": ("visualizzazioni", "letture"),
    "pl": ("wyświetle(?:ń|nia)", "odsłon(?:y)?"),
    "ru": ("просмотр(?:ов|а|ы)?",),
    "zh": ("阅读(?:量|数|次数)?", "浏览(?:量|数|次数)?", "点击(?:量|数|率)?"),
    "ja": ("閲覧数",),
    "ko": (r"조회\s?수?",),
    "ar": ("مشاهدات?", "قراءات?"),
    "fa": ("بازدید(?:ها)?",),
    "tr": ("okunma", "görüntülenme"),
}

#: Requests for the reader's rating of the page ("Was this article helpful?", "War der Artikel nützlich?").
FEEDBACK = {
    "en": (r"(?:was|is) this (?:article|story|post|page|information) (?:helpful|useful)",
           r"did you (?:find|like) this (?:article|story|post)(?: (?:helpful|useful))?",
           r"how (?:useful|helpful) (?:was|is) this (?:article|story|post|page)", r"rate this (?:article|story|post)",
           r"\(?no (?:ratings|votes) yet\)?"),
    "de": (r"(?:war|ist) (?:der|dieser) (?:artikel|beitrag|text) (?:hilfreich|nützlich|lesenswert)",
           r"wie (?:bewerten|fanden|finden) sie (?:diesen|den) (?:artikel|beitrag)",
           r"(?:möchten|wollen) sie (?:den|diesen) (?:artikel|beitrag) teilen",
           r"hat ihnen (?:der|dieser) (?:artikel|beitrag) gefallen", r"\(?noch keine bewertungen?\)?",
           r"artikel bewerten"),
    "fr": (r"cet article vous a-t-il (?:été utile|plu)", r"avez-vous trouvé cet article utile",
           r"notez cet article"),
    "es": (r"¿?(?:te|le) (?:ha )?(?:resultado|parecido|pareció|sido) útil (?:este|esta|la) "
           r"(?:artículo|nota|información)",
           r"¿?(?:fue|es) útil (?:este|esta) (?:artículo|nota|información)",
           r"califica (?:este|esta) (?:artículo|nota)"),
    "pt": (r"(?:este|esse) (?:artigo|conteúdo|texto) (?:foi|é) útil", r"avalie (?:este|esse) (?:artigo|conteúdo)"),
    "it": (r"questo articolo (?:ti )?è stato utile", r"valuta questo articolo"),
    "ru": (r"(?:была ли )?(?:эта )?статья (?:была )?полезн(?:а|ой)", r"оцените (?:эту )?статью"),
}

#: Paywall notices ("To read the full story, subscribe", "Dieser Artikel ist nur für Abonnenten").
PAYWALL = {
    "en": (r"to (?:view|read|continue reading|access) (?:the|this) (?:full |whole |rest of the )?(?:story|article)",
           r"subscribe (?:now )?(?:to|for) (?:continue reading|read the full|the full story|unlimited access)",
           r"subscribe now to (?:our|the) [\w' -]{1,30}(?:edition|e-?paper|newspaper) for the full story",
           r"this (?:article|story|content) is (?:only )?(?:available|reserved|exclusive) (?:only )?(?:to|for) "
           r"(?:subscribers|members|premium)",
           r"already (?:a )?(?:subscriber|member)\?", r"(?:you have|you've) reached your (?:free )?(?:article )?limit",
           r"if you(?:'|’)re (?:seeing this message but you(?:'|’)re )?already a (?:subscriber|member)"),
    "de": (r"(?:dieser|der) (?:artikel|beitrag|inhalt) ist (?:nur |exklusiv )?(?:für|exklusiv für) "
           r"(?:abonnent(?:inn)?en|abonnenten|plus-leser|digital-abonnenten)",
           r"(?:jetzt )?(?:weiterlesen|lesen sie weiter) mit (?:\w+ )?(?:plus|abo|premium)",
           r"sie sind bereits abonnent(?:in)?\?", r"sie haben bereits ein abo\?"),
    "fr": (r"(?:cet article|ce contenu|la suite de cet article) est réservée? aux abonnés",
           r"abonnez-vous pour (?:lire|continuer|accéder)", r"déjà abonné\s?\?"),
    "es": (r"(?:este|esta) (?:contenido|artículo|nota) es (?:exclusiv[oa] )?(?:para|de) "
           r"(?:suscriptores|socios|miembros)",
           r"suscr[íi]bete para (?:seguir leyendo|leer|continuar)", r"hazte (?:miembro|socio|suscriptor)",
           r"¿?ya eres (?:suscriptor|socio|miembro)\??"),
    "pt": (r"(?:este|esse) (?:conteúdo|artigo) é exclusivo para assinantes", r"assine para (?:continuar lendo|ler)",
           r"já é assinante\?"),
    "it": (r"(?:questo )?(?:articolo|contenuto) (?:è )?riservato agli abbonati", r"abbonati per (?:continuare|leggere)",
           r"sei già abbonato\?"),
    "ru": (r"(?:этот )?материал доступен только (?:по подписке|подписчикам)", r"оформите подписку,? чтобы"),
    "pl": (r"(?:ten )?artykuł (?:jest )?dostępny (?:tylko )?dla (?:subskrybentów|prenumeratorów)",
           r"zapraszamy (?:też )?do subskrypcji"),
}

#: Newsletter sign-ups in the other languages (the English ones are `patterns.NEWSLETTER`'s shapes).
NEWSLETTER_SIGNUP = {
    "de": (r"(?:jetzt )?(?:(?:zum|für den|unseren?) )?newsletter (?:abonnieren|bestellen|anmelden)",
           r"(?:melden sie sich|melde dich) (?:jetzt )?(?:für|zu) (?:unseren?|dem) [\w-]{0,30}\s?newsletter an",
           r"abonnieren sie (?:jetzt )?(?:unseren?|den) [\w-]{0,30}\s?newsletter",
           r"(?:gib|geben sie) (?:deine|ihre) e-?mail(?:-adresse)? ein", r"blog per e-?mail abonnieren"),
    "fr": (r"(?:inscrivez-vous|abonnez-vous) (?:gratuitement )?(?:à|a) (?:notre|la|nos) [\w -]{0,30}newsletters?",
           r"recevez (?:notre|la|nos) [\w -]{0,30}newsletters?", r"saisissez votre (?:adresse )?e-?mail"),
    "es": (r"suscr[íi]b(?:e|ete|ase) (?:gratis )?(?:a|al) (?:nuestr[oa]s? |la |el )?(?:newsletter|bolet[íi]n)",
           r"recib(?:e|a) (?:nuestr[oa]s? |la |el )?(?:newsletter|bolet[íi]n)",
           r"(?:introduce|ingresa|escribe) tu (?:correo|e-?mail)"),
    "pt": (r"(?:assine|inscreva-se (?:n[ao]|em)) (?:nossa |a |o )?(?:newsletter|boletim)",
           r"receba (?:nossa |a |o )?(?:newsletter|boletim)", r"(?:digite|insira) (?:o )?seu e-?mail"),
    "it": (r"iscriviti (?:gratis )?alla (?:nostra )?newsletter", r"ricevi (?:la )?(?:nostra )?newsletter",
           r"inserisci (?:la )?(?:tua )?(?:e-?mail|indirizzo e-?mail)"),
    "pl": (r"zapisz się (?:do|na) (?:naszego )?newslett?era?",),
    "ru": (r"подпи(?:шитесь|сывайтесь|саться) на (?:нашу |еженедельную |ежедневную )?рассылку",
           r"введите (?:ваш )?(?:e-?mail|адрес электронной почты)"),
    "zh": (r"订阅(?:我们的)?(?:新闻|电子报|邮件|简报|newsletter)",),
    "ja": (r"ニュースレター(?:の)?(?:登録|購読)",),
    "ko": (r"뉴스레터\s?(?:구독|신청)",),
    "ar": (r"اشترك (?:في|ب)(?: ال)?(?:نشرة|نشرتنا)",),
    "fa": (r"عضویت در خبرنامه",),
    "tr": (r"(?:e-?)?bültenimize (?:abone ol|kaydol)", r"e-?bültene (?:abone ol|kaydol)"),
}

#: "Follow us" invitations in the other languages ("Síguenos en Telegram", "Folgen Sie uns auf").
FOLLOW_US = {
    "de": (r"folg(?:en sie|e) uns (?:auf|bei|in)", r"(?:liken|like) (?:sie )?uns auf facebook"),
    "fr": (r"suivez-nous (?:sur|dans)", r"rejoignez-nous sur"),
    "es": (r"s[íi]guenos (?:en|a través de)", r"[úu]nete a nuestro canal", r"suscr[íi]bete a nuestro canal"),
    "pt": (r"siga-nos (?:n[oa]s?|em)", r"segue-nos (?:n[oa]s?|em)", r"inscreva-se (?:n[oa] )?nosso canal"),
    "it": (r"seguici su",),
    "pl": (r"obserwuj nas (?:na|w)",),
    "ru": (r"подписывайтесь на (?:нас|наш (?:канал|telegram))", r"следите за (?:нами|новостями) (?:в|на)",
           r"читайте нас (?:также )?(?:в|на)"),
    "zh": (r"关注我们",),
    "ar": (r"تابعونا (?:على|عبر)",),
    "fa": (r"ما را در [\w ]{2,30} دنبال کنید",),
    "tr": (r"bizi (?:takip edin|izleyin)",),
}

#: Labels of a credit, editor or source line: the label and a name, a line of its own
#: ("Source: Reuters", "Quelle: dpa", "(责编：王某)", "执笔/李某", "Редактор: Иванова", "출처: 연합뉴스").
CREDIT_LABEL = {
    "en": ("editor", "editors", "edited by", "sub-?editor", "web editor", "copy editor", "source", "credit", "credits",
           "photo credit", "image credit", "photo", "photos", "picture", "image", "text", "reporter", "reporting",
           "translation", "translated by", "compiled by", "production", "graphics?", "video"),
    "de": ("quelle", "quellen", "redaktion", "redakteur(?:in)?", "text", "foto", "fotos", "bild", "bilder",
           "titelbild", "titelfoto", "bildquelle", "bildnachweis", "mitarbeit", "autor(?:in)?", "übersetzung",
           "grafik"),
    "fr": ("source", "sources", "rédaction", "rédacteur(?:rice)?", "édité par", "édition", "crédits? photos?",
           "photo", "photos", "texte", "traduction", "auteur"),
    "es": ("fuente", "fuentes", "redacción", "editor(?:a)?", "edición", "foto", "fotos", "imagen", "texto",
           "traducción", "autor(?:a)?"),
    "pt": ("fonte", "fontes", "redação", "edição", "editor(?:a)?", "foto", "fotos", "imagem", "texto", "tradução",
           "autor(?:a)?"),
    "it": ("fonte", "redazione", "foto", "testo", "traduzione", "autore"),
    "pl": ("źródło", "redakcja", r"oprac(?:owanie|\.)?", r"fot(?:o|\.)?", "zdjęcie", "tekst", "autor"),
    "ru": ("источник", "редактор", "автор", "фото", "текст", "перевод", "корреспондент", "выпускающий редактор"),
    "zh": ("责编", "责任编辑", "编辑", "编审", "审核", "审校", "校对", "执笔", "来源", "稿源", "作者", "记者",
           "通讯员", "摄影", "图片来源", "本文来源", "文字", "监制", "统筹", "策划", "制作", "翻译", "实习生", "主编",
           "编译", "文", "图", "视频"),
    "ja": ("編集", "出典", "写真", "文", "取材", "記者", "撮影"),
    "ko": ("출처", "편집", "기자", "사진", "글", "자료", "제공", "취재", "영상", "그래픽"),
    "ar": ("المصدر", "مصدر", "تحرير", "محرر", "إعداد", "ترجمة", "تصوير", "الصورة", "صورة"),
    "fa": ("منبع", "ویراستار", "ویرایش", "دبیر", "خبرنگار", "عکس", "ترجمه", "نویسنده", "گزارش"),
    "tr": ("kaynak", "editör", "muhabir", "fotoğraf", "foto", "çeviri", "haber"),
}
#: Credit lines that put the name after "by" ("Edited by ...", "(Reporting by ...; Editing by ...)").
CREDIT_BY = {
    "en": ("(?:additional )?reporting by", "writing by", "editing by", "edited by", "compiled by", "translated by",
           "produced by", "photos? by"),
    "es": ("(?:con )?información de", "editado por"),
    "pt": ("com informações d[aeo]s?", "editado por"),
    "fr": ("avec", "édité par"),
    "de": ("mit material (?:von|der|des)",),
    "it": ("a cura di",),
    "ru": ("по материалам", "подготовил[аи]?"),
}
#: News agencies and the words for "the agencies", as credited at the end of a story
#: ("(Agencies)", "(dpa)", "aja/PAP", "/Xinhua").
AGENCIES = ("agencies", "agency", "wires", "wire services", "agences?", "agencias?", "agenturen", "ag[êe]ncias?",
            "xinhua", "reuters", "afp", "ap", "dpa", "epa", "efe", "ansa", "pap", "tass", "ria novosti", "sputnik",
            "interfax", "anadolu", "aa", "irna", "isna", "yonhap", "kyodo", "jiji", "cna", "apa", "sda",
            "ats", "kna", "epd", "ddp", "upi", "ians", "pti", "bernama", "antara", "wam", "qna", "kuna", "spa",
            "mena", "sana", "ani", "ukrinform", "unian", "belta", "kazinform", "新华社", "中新社", "新华网",
            "연합뉴스", "뉴시스", "뉴스1", "共同通信", "時事通信")
#: Small words inside names, lower-case though the name is not a clause ("Oficina del Puerto",
#: "Bank of England", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset({"de", "del", "da", "do", "dos", "das", "di", "von", "van", "der", "den", "of", "and",
                            "und", "et", "y", "e", "la", "le", "el", "al", "bin", "ibn", "by"})
#: "All rights reserved" in the languages of the news we read.
RIGHTS_RESERVED = {
    "en": ("all rights reserved",),
    "de": ("alle rechte vorbehalten",),
    "fr": ("tous droits réservés",),
    "es": ("todos los derechos reservados",),
    "pt": ("todos os direitos reservados",),
    "it": ("tutti i diritti riservati",),
    "pl": ("wszelkie prawa zastrzeżone",),
    "ru": ("все права защищены",),
    "zh": ("版权所有", "保留所有权利"),
    "ja": ("無断転載(?:を)?禁(?:じます|止)",),
    "ko": (r"무단\s?전재(?:\s?및|\s?-|·)?\s?재배포\s?금지",),
    "ar": ("جميع الحقوق محفوظة",),
    "fa": ("(?:کلیه|تمامی) حقوق (?:این )?(?:سایت|وب‌سایت|مطالب) (?:محفوظ|متعلق)",),
    "tr": ("tüm hakları saklıdır",),
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


#: Headings of a contact block printed under a press release or a notice ("Kontakt:", "Press contact:",
#: "Ansprechpartnerin zum Thema:", "Contacto de prensa:"): alone on a line, before names, phones and addresses.
CONTACT_LABEL = {
    "en": ("contacts?", "(?:press|media|further) (?:contacts?|enquiries|inquiries)", "contact (?:person|details|info)",
           "for (?:further|more) information,? (?:please )?contact"),
    "de": ("kontakte?", "(?:presse|medien)kontakte?", "kontakt für (?:die )?(?:presse|medien|rückfragen)",
           "ansprechpartner(?:in|innen)?(?: (?:zum|für das) thema| für (?:die )?(?:presse|medien|rückfragen))?",
           "für rückfragen", "rückfragen(?: an)?", "pressestelle"),
    "fr": ("contacts?(?: presse| médias?)?", "relations presse"),
    "es": ("contactos?(?: de prensa| para medios)?", "más información"),
    "pt": ("contatos?(?: para imprensa| de imprensa)?", "contactos?(?: para imprensa)?", "assessoria de imprensa"),
    "it": ("contatti(?: stampa)?", "ufficio stampa"),
    "pl": ("kontakt(?: dla mediów)?",),
    "ru": ("контакты", "контакт для (?:сми|прессы)", "пресс-служба"),
    "zh": ("联系人", "联系方式", "媒体联系"),
    "ko": ("문의", "연락처"),
    "tr": ("iletişim", "basın iletişim"),
}
#: Notes under an opinion piece that say who its writer is ("The author is a professor at ...", "The writer
#: is a senior fellow ...", "（作者系...）", "Der Autor ist ...", "El autor es ..."): the opening words,
#: before the writer's role.
AUTHOR_NOTE = {
    "en": (r"(?:the )?(?:author|writer|columnist|contributor)s? (?:is|are|was|were) (?:an?|the|also|currently|"
           r"formerly|based)\b",),
    "de": (r"(?:der|die) (?:autor|autorin|verfasser|verfasserin)(?:innen)? (?:ist|sind|war|lebt|arbeitet)\b",),
    "fr": (r"l['’](?:auteur|autrice)e? (?:est|était|vit|travaille)\b",),
    "es": (r"(?:el|la) (?:autor|autora|escritor|escritora|columnista) (?:es|fue|vive|trabaja)\b",),
    "pt": (r"(?:o|a) (?:autor|autora|escritor|escritora|colunista) (?:é|foi|vive|trabalha)\b",),
    "it": (r"l['’](?:autore|autrice) (?:è|era|vive|lavora)\b",),
    "ru": (r"автор\s*[—–-]\s", r"автор (?:является|работает)\b"),
    "zh": (r"作者(?:系|为|是|單位|单位)",),
    "ko": (r"필자는\s", r"글쓴이는\s"),
}

#: Counters of a listing ("Showing 1-10 of 19 results", "Es werden die Weine 1 bis 10 von insgesamt 19
#: angezeigt"): a number range, "of", a total, and a word of showing.
RESULT_COUNT = {
    "en": (r"showing (?:results? )?\d+\s*(?:-|–|to)\s*\d+ of \d+",
           r"(?:results?|items?|entries) \d+\s*(?:-|–|to)\s*\d+ of \d+"),
    "de": (r"(?:es werden )?(?:die )?(?:\w+ )?\d+ bis \d+ (?:von|aus) (?:insgesamt )?\d+(?: \w+)? angezeigt",
           r"(?:zeige|anzeige) \d+\s*(?:-|–|bis)\s*\d+ von \d+"),
    "fr": (r"affichage (?:de |des )?(?:\w+ )?\d+\s*(?:-|–|à)\s*\d+ sur \d+",),
    "es": (r"mostrando (?:\w+ )?\d+\s*(?:-|–|a)\s*\d+ de \d+",),
    "pt": (r"(?:mostrando|exibindo) (?:\w+ )?\d+\s*(?:-|–|a)\s*\d+ de \d+",),
    "it": (r"visualizzazione (?:di |dei )?(?:\w+ )?\d+\s*(?:-|–|a)\s*\d+ (?:di|su) \d+",),
}
#: Notes that the story appeared in print or in another publication, closing it ("Erschienen in
#: Spezial 2021", "This article appeared in the May issue", "Cet article est paru dans ...").
PRINT_EDITION = {
    "en": (r"(?:this (?:article|story|piece) )?(?:first |originally )?(?:appeared|was (?:first |originally )?"
           r"published|ran) in (?:the |our )?(?:print|\w+ \d{4}|\w+ issue|issue)",),
    "de": (r"(?:dieser (?:artikel|beitrag|text) )?(?:ist )?(?:zuerst |erstmals )?erschienen in\b",
           r"(?:dieser (?:artikel|beitrag|text) )?erschien (?:zuerst |erstmals )?in\b"),
    "fr": (r"(?:cet article )?(?:est )?paru (?:dans|en)\b", r"publié dans (?:le|notre) (?:numéro|magazine|édition)"),
    "es": (r"(?:este art[íi]culo )?(?:fue )?publicado (?:originalmente )?en "
           r"(?:la edici[óo]n|el n[úu]mero|la revista)",),
    "it": (r"(?:questo articolo )?[èe] (?:stato )?pubblicato (?:sul|nel) (?:numero|mensile|settimanale)",),
}

#: Labels of a page's permanent link, printed with its address ("Permalink https://...").
PERMALINK = ("permalink", "permalien", "permanentlink", "permanenter link", "enlace permanente", "link permanente",
             "постоянная ссылка", "永久链接")

#: Labels that number a figure under its picture ("Abbildung 4:", "Fig. 2.", "Рис. 3.", "图2"): a line that
#: opens with one of them and a number is the picture's caption.
FIGURE_LABEL = {
    "en": (r"fig(?:ure)?\.?",),
    "de": (r"abb(?:ildung)?\.?", "bild", "grafik"),
    "fr": ("figure", r"fig\.", "illustration"),
    "es": ("figura", r"fig\.", "gr[áa]fico"),
    "pt": ("figura", r"fig\.", "gr[áa]fico"),
    "it": ("figura", r"fig\.", "immagine"),
    "pl": (r"rys(?:unek|\.)",),
    "ru": (r"рис(?:унок|\.)",),
    "zh": ("图", "圖"),
    "ja": ("図",),
    "ko": ("그림",),
}
#: Labels of an ad-marked teaser line ("ANZEIGE - ...", "Advertisement | ..."), before a dash or a bar.
AD_LABEL = {
    "en": ("advertisement", "sponsored", "advertorial", "promoted"),
    "de": ("anzeige", "werbung", "advertorial"),
    "fr": ("publicité", "sponsorisé"),
    "es": ("publicidad", "patrocinado"),
    "pt": ("publicidade", "patrocinado"),
    "it": ("pubblicità", "sponsorizzato"),
    "pl": ("reklama",),
    "ru": ("реклама",),
}

#: Placeholders of an embedded post the reader must consent to load (a tweet, a video, an Instagram post):
#: their heading, their note about the third party and the consent line ("Empfohlener redaktioneller
#: Inhalt", "An dieser Stelle findest du einen externen Inhalt von ...", "Click to load the external content").
EMBED_CONSENT = {
    "en": (r"(?:click|tap) (?:here )?to (?:load|show|display|view) (?:the )?(?:external|third[- ]party|embedded) "
           r"(?:content|media|post)", r"this (?:content|embed|post|video) is (?:provided|hosted) by (?:a )?"
           r"third[- ]party", r"(?:i )?(?:agree|consent) to (?:the )?(?:display|loading) of (?:external|third[- ]party)"
           r" content"),
    "de": (r"empfohlener (?:redaktioneller|externer) inhalt", r"an dieser stelle (?:findest du|finden sie|findet "
           r"ihr) (?:einen |einem )?externen? inhalte?", r"(?:ich bin damit einverstanden|ich willige ein),? dass "
           r"mir externe inhalte angezeigt werden", r"externe(?:n)? inhalte? (?:laden|anzeigen|aktivieren|zulassen)"),
    "fr": (r"(?:ce|un) contenu (?:externe|tiers) (?:est|a été) (?:bloqué|masqué)", r"afficher le contenu externe"),
    "es": (r"(?:haz clic|pulsa) (?:aquí )?para (?:cargar|ver|mostrar) (?:el )?contenido externo",),
    "it": (r"(?:clicca|fai clic) (?:qui )?per (?:caricare|visualizzare) (?:il )?contenuto esterno",),
}

#: Invitations to write to the site or to call it, on a line with an address or a number ("Contact us at
#: ... or call us at ...", "Puede escribirnos a ...", "Submit a letter to the editor or write to ...").
CONTACT_US = {
    "en": (r"(?:contact|e-?mail|call|write to|reach) us\b", r"write to\b", r"letters? to the editor"),
    "de": (r"(?:schreiben sie|schreib|kontaktieren sie|erreichen sie) uns\b", r"leserbriefe?\b"),
    "fr": (r"écrivez-nous", r"contactez-nous"),
    "es": (r"(?:puede|puedes) escribirnos", r"escr[íi]b(?:enos|anos)", r"cont[áa]ct(?:anos|enos)"),
    "pt": (r"escreva(?:-nos)? para", r"fale conosco", r"contacte-nos"),
    "it": (r"scriveteci", r"scrivici", r"contattaci"),
}
#: "More information at <address>" closing a notice ("Weitere Infos unter www.example.de").
MORE_INFO = {
    "en": (r"(?:for )?(?:more|further) (?:info(?:rmation)?|details)(?: (?:is )?(?:available )?(?:at|on|visit|see))?",),
    "de": (r"(?:weitere|mehr) (?:infos?|informationen)(?: (?:gibt es |finden sie |findest du )?(?:unter|auf|bei))?",),
    "fr": (r"plus d'infos?(?:rmations?)?(?: (?:sur|à))?",),
    "es": (r"m[áa]s informaci[óo]n(?: (?:en|aqu[íi]))?",),
    "pt": (r"mais informaç(?:ões|ão)(?: (?:em|no site))?",),
    "it": (r"(?:maggiori|ulteriori) informazioni(?: (?:su|al sito))?",),
}
#: Labels of the fields of a contact block ("Telefon:", "E-Mail:", "Fax:", "Tel.:"), before a
#: number or an address.
CONTACT_FIELD = {
    "en": ("phone", "telephone", r"tel\.?", "fax", "mobile", "cell", "e-?mail", "email address"),
    "de": ("telefon", r"tel\.?", "telefax", "fax", "mobil", "handy", "e-?mail", "mail"),
    "fr": ("téléphone", r"tél\.?", "fax", "portable", "courriel", "e-?mail"),
    "es": ("teléfono", r"tel[ée]f\.?", "fax", "móvil", "celular", "correo(?: electrónico)?", "e-?mail"),
    "pt": ("telefone", r"tel\.?", "fax", "celular", "telemóvel", "e-?mail"),
    "it": ("telefono", r"tel\.?", "fax", "cellulare", "e-?mail"),
    "pl": ("telefon", r"tel\.?", "faks", "e-?mail"),
    "ru": ("телефон", r"тел\.?", "факс", "e-?mail", "эл\\. почта"),
    "zh": ("电话", "手机", "传真", "邮箱", "电子邮件", "电邮"),
    "ko": ("전화", "팩스", "이메일"),
    "tr": ("telefon", r"tel\.?", "faks", "e-?posta"),
}

#: A site's own notices about the page printed under (or over) the story: disclaimers of
#: responsibility, reprint terms, "all data without guarantee", affiliate and advertising notices.
#: Matched anywhere in a short line at the start or the end of the text.
DISCLAIMER = {
    "en": (r"(?:is|are) not responsible for (?:the )?(?:opinions|views|content|statements|comments)",
           r"views (?:and opinions )?expressed (?:here(?:in)?|in this (?:article|column|piece|post) )?"
           r"(?:are|is) (?:solely )?(?:those|that) of the (?:author|writer|contributor)s?",
           r"(?:this|the) (?:article|content|material|story) is the (?:copyrighted |exclusive |intellectual )?"
           r"property of",
           r"permission (?:must be obtained|is required) (?:before|to|for) (?:any )?"
           r"(?:reprint|reproduc|republish|copy)",
           r"contains? affiliate links",
           r"we (?:may )?(?:earn|receive) (?:a )?(?:small )?commission",
           r"^(?:suggested citation|cite (?:this (?:article|post|page) )?as|how to cite this (?:article|post|page))\b",
           r"(?:views|opinions) (?:expressed )?(?:here |in this (?:article|column|piece) )?(?:do not|don't|does not) "
           r"necessarily (?:reflect|represent)"),
    "de": (r"angaben ohne gew[äa]hr", r"(?:dieser|der) (?:beitrag|artikel|text) enth[äa]lt (?:werbung|"
           r"affiliate[- ]links|provisionslinks)",
           r"bei (?:den|diesen) (?:verlinkungen|links) handelt es sich um (?:affiliate|provisions|werbe)",
           r"(?:die|der) (?:beitr[äa]ge|kommentare|meinungen) (?:der|von) (?:gastautoren|lesern|nutzern) "
           r"(?:geben|spiegeln) nicht", r"(?:werbung|anzeige) ?[.:|/] ?(?:dieser|der) (?:beitrag|artikel)",
           r"^(?:zitiervorschlag|zitierweise|zitiervorlage)\b"),
    "fr": (r"les (?:propos|opinions) .{0,60}n'engagent que", r"(?:cet article|ce contenu) contient des liens "
           r"(?:affiliés|d'affiliation)", r"^pour citer cet article\b"),
    "es": (r"(?:las|los) (?:opiniones|comentarios|art[íi]culos) .{0,60}(?:son|es) (?:de )?(?:exclusiva |entera )?"
           r"responsabilidad de (?:sus|los|el|la) autor", r"no se hace responsable de (?:las|los) (?:opiniones|"
           r"comentarios|contenidos)", r"prohibida (?:su|la) reproducci[óo]n (?:total o parcial)?",
           r"^c[óo]mo citar (?:este|esta) (?:art[íi]culo|entrada|p[áa]gina)\b"),
    "pt": (r"(?:as|os) (?:opiniões|artigos|textos) .{0,60}(?:são|é) de (?:inteira |exclusiva )?responsabilidade",
           r"proibida a reprodução"),
    "it": (r"vietata la riproduzione", r"le opinioni .{0,60}sono (?:esclusivamente )?(?:quelle )?"
           r"(?:dell'autore|degli autori)"),
    "pl": (r"redakcja nie (?:ponosi odpowiedzialności|odpowiada) za",),
    "ru": (r"мнение (?:автора|редакции) (?:может )?не (?:всегда )?совпада",
           r"(?:использовании|копировании) (?:материалов )?.{0,40}ссылка .{0,20}"
           r"обязательна"),
    "zh": (r"(?:本文|文章|此文|仅)(?:仅)?代表作者(?:本人|个人)?(?:的)?观点",
           r"未经(?:本网)?(?:书面)?(?:授权|许可).{0,10}(?:不得|禁止)(?:转载|使用)"),
    "ko": (r"(?:편집\s?방향|편집\s?방침)(?:과|와) (?:다를 수 있|무관|일치하지 않)",),
    "ar": (r"لا (?:تعبر|يعبر|تعكس|يعكس) (?:بالضرورة )?عن (?:رأي|وجهة نظر|موقف)",),
    "tr": (r"yazar(?:ın|a) ait olup .{0,40}(?:yansıtmayabilir|bağlamaz)",),
}

#: Prompts to get the site's news elsewhere: its app or its channel on a messenger or a video site
#: ("For the latest news download our apps for iOS and Android", "¡Mira nuestro canal de YouTube!").
#: Matched anywhere in a short line; the network names are `SOCIAL_NETWORKS`.
APP_PROMPT = {
    "en": (r"(?:for|get) (?:all )?the latest (?:news|stories|updates|headlines)\b.{0,80}\bapps?\b",
           r"(?:^|[.!?:]\s+)(?:download|get|install) (?:the|our) (?:free )?[\w.-]+(?: [\w.-]+)? apps? (?:for|on) "
           r"(?:ios|android|iphone|ipad)", r"our (?:{net}) channel", r"(?:join|subscribe to) (?:us|our channel) on "
           r"(?:{net})"),
    "de": (r"(?:lade|laden sie) (?:dir |sich )?(?:jetzt )?(?:die|unsere) [\w-]{0,30}[- ]?app",
           r"unser(?:en?)? (?:{net})[- ]kanal", r"die neuesten nachrichten\b.{0,60}\bapp\b"),
    "fr": (r"téléchargez (?:notre|l')application", r"notre chaîne (?:{net})"),
    "es": (r"descarga (?:nuestra|la) app", r"(?:nuestro|tenemos(?: un)?) canal (?:de|en) (?:{net})",
           r"las últimas noticias\b.{0,60}\b(?:app|aplicaci[óo]n|canal)\b"),
    "pt": (r"baixe (?:o nosso |nosso |o )?app(?:licativo)?", r"nosso canal (?:no|do|de) (?:{net})"),
    "it": (r"scarica (?:la nostra|l')app", r"il nostro canale (?:{net})"),
    "pl": (r"pobierz (?:naszą )?aplikację", r"nasz kanał (?:na|w) (?:{net})"),
    "ru": (r"скачайте (?:наше )?приложение", r"наш (?:{net})[- ]канал", r"наш канал в (?:{net})"),
}

APP_PROMPT = {lang: tuple(p.replace("{net}", "|".join(SOCIAL_NETWORKS)) for p in ps) for lang, ps in APP_PROMPT.items()}

#: Appeals for the reader's money or sign-up printed in the story's box ("Would you consider supporting
#: our work?", "Unterstützen Sie unabhängigen Journalismus", "Wesprzyj nas darowizną"). Matched anywhere
#: in a short line.
SUPPORT_US = {
    "en": (r"support(?:ing)? (?:our|independent|local) (?:work|journalism|reporting|newsroom)",
           r"donat(?:e|ion) (?:now|today|to (?:us|our))",
           r"become a (?:member|supporter|patron|subscriber) (?:today|now)",
           r"help us (?:continue|keep) (?:to )?(?:\w+ )?(?:our|this|independent) (?:work|journalism|reporting)",
           r"(?:^|[.!?]\s+)cancel (?:at )?any ?time", r"(?:sign up|subscribe|register) here[.!]?$",
           r"click here to (?:register|subscribe|sign up)"),
    "de": (r"unterstütze(?:n sie)? (?:uns|unsere arbeit|(?:unseren |unabhängigen |freien )journalismus)",
           r"spenden und", r"werde(?:n sie)? (?:jetzt )?(?:mitglied|unterstützer(?:in)?|abonnent(?:in)?)",
           r"jederzeit kündbar", r"hier klicken und .{0,40}(?:registrieren|anmelden|abonnieren)"),
    "fr": (r"soutenez(?:-nous| notre (?:travail|journalisme)| le journalisme)", r"faites un don",
           r"résiliable à tout moment"),
    "es": (r"(?:apoya|ap[óo]yanos|sost[ée]n|respalda) (?:a )?(?:el|nuestro) (?:periodismo|trabajo)",
           r"haz (?:una donaci[óo]n|un aporte)", r"cancela(?:s)? cuando quieras"),
    "pt": (r"apoie (?:o|nosso) (?:jornalismo|trabalho)", r"faça uma doação", r"cancele quando quiser"),
    "it": (r"sostieni(?: il| il nostro)? (?:giornalismo|lavoro)",),
    "pl": (r"wesprzyj nas", r"wesprzyj (?:naszą )?(?:pracę|redakcję|dziennikarstwo)",
           r"zapraszamy (?:też |także |również )?do (?:subskrypcji|prenumeraty)"),
    "ru": (r"поддержите (?:нас|нашу работу|редакцию|независимую журналистику)",),
}

#: Notices of a comment box about logging in ("You must be logged in to post a comment", "Sie müssen sich
#: anmelden, um Kommentare zu schreiben", "Sie sind aktuell nicht eingeloggt.").
COMMENT_LOGIN = {
    "en": (r"you must be (?:logged|signed) in to (?:post a )?comment", r"(?:log|sign) in to (?:post a )?comment",
           r"you are not (?:currently )?logged in"),
    "de": (r"(?:sie müssen|du musst) (?:sich |dich )?(?:anmelden|einloggen|angemeldet sein|eingeloggt sein),? um "
           r"(?:einen |zu )?kommentar(?:e|en)?", r"(?:sie sind|du bist) (?:aktuell |derzeit |momentan )?nicht "
           r"(?:eingeloggt|angemeldet)", r"zum kommentieren (?:bitte )?(?:anmelden|einloggen)"),
    "fr": (r"vous devez (?:être connecté|vous connecter) pour (?:publier un commentaire|commenter)",),
    "es": (r"(?:debes|tienes que|necesitas) (?:iniciar sesi[óo]n|estar registrado|registrarte) para "
           r"(?:comentar|publicar un comentario)",),
    "pt": (r"(?:você )?(?:precisa|deve) (?:estar logado|fazer login) para comentar",),
    "it": (r"devi (?:essere connesso|effettuare il login) per (?:commentare|pubblicare un commento)",),
    "pl": (r"(?:musisz|należy) (?:się )?zalogować,? aby (?:dodać )?komentarz",),
    "ru": (r"(?:чтобы|для того чтобы) (?:оставить )?комментар\w+,? (?:необходимо|нужно) (?:войти|авторизоваться)",),
}


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
    "read_also": READ_ALSO, "read_more": READ_MORE, "tags_heading": TAGS_HEADING, "reading_time": READING_TIME,
    "reading_time_after": READING_TIME_AFTER, "timestamp_label": TIMESTAMP_LABEL, "topic_label": TOPIC_LABEL,
    "media_label": MEDIA_LABEL,
    "page_label": PAGE_LABEL, "page_action": PAGE_ACTION, "view_count": VIEW_COUNT, "feedback": FEEDBACK,
    "paywall": PAYWALL, "newsletter_signup": NEWSLETTER_SIGNUP,
    "follow_us": FOLLOW_US, "photo_label": PHOTO_LABEL, "credit_label": CREDIT_LABEL, "credit_by": CREDIT_BY,
    "rights_reserved": RIGHTS_RESERVED, "contact_label": CONTACT_LABEL, "contact_us": CONTACT_US,
    "more_info": MORE_INFO, "contact_field": CONTACT_FIELD, "disclaimer": DISCLAIMER, "category_label": CATEGORY_LABEL,
    "post_meta": POST_META, "app_prompt": APP_PROMPT, "support_us": SUPPORT_US, "comment_login": COMMENT_LOGIN,
    "embed_consent": EMBED_CONSENT, "figure_label": FIGURE_LABEL, "ad_label": AD_LABEL,
    "result_count": RESULT_COUNT, "print_edition": PRINT_EDITION, "author_note": AUTHOR_NOTE,
}


# ============================================================== reading class and id names

#: the words of a lower-case ASCII token: its runs of a-z (separators and digits are all there is to split at)
_LOWER_WORD = re.compile(r"[a-z]+")
#: the words of any other token: runs of ASCII letters (anything else separates words, digits are
#: dropped), split at camelCase: an acronym before a capitalised word (`HTMLParser` -> HTML, Parser),
#: a (capitalised) lower-case word, an acronym
_CAMEL_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+")
#: the single words glued lower-case names are read into ("sharebar" -> share, bar)
_KNOWN = frozenset(w for words in (*CLASS_WORDS.values(), CONTENT_NOUNS, STRUCTURAL, GLUE_WORDS) for w in words
                   if w.isalpha() and len(w) >= 2)


@lru_cache(maxsize=65536)
def _glued(word: str) -> tuple[str, ...]:
    """A lower-case word read as known words glued together ("articlebody" -> article, body), or the
    word alone when it is known itself or does not split wholly into known words ("canvas", "football")."""
    if word in _KNOWN or len(word) < 5 or len(word) > 30:
        return (word,)
    top = min(14, len(word) - 2)
    if not any(word[:k] in _KNOWN for k in range(2, top + 1)) \
            or not any(word[-k:] in _KNOWN for k in range(2, top + 1)):
        return (word,)  # no known word opens it, or none closes it: it cannot split wholly
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


def layout_flag(token: str) -> bool:
    """True when one class token is a layout flag on a wrapper (`with-navigation`, `has-related`:
    `FLAG_PREFIXES` and one word), not the name of the box: such a wrapper may hold the article."""
    parts = name_parts(token)
    return len(parts) == 2 and parts[0] in FLAG_PREFIXES


def name_parts(token: str) -> tuple[str, ...]:
    """The words of one class or id token, lower-case, in order: split at `-`, `_` and other
    punctuation, at camelCase and at digits (which are dropped), glued known words read apart,
    a naming-scheme prefix (`c-`, `js-`, `td-`) left out. `nav_nur_die_folie__1` -> nav, nur, die,
    folie; `eventDetailsContentTags` -> event, details, content, tags."""
    if token.islower() and token.isascii():
        if token.isalpha():
            parts = _glued(token)  # one word: nothing to split at
        else:
            parts = [w for p in _LOWER_WORD.findall(token) for w in _glued(p)]
    else:
        parts = [w for p in _CAMEL_WORD.findall(token) for w in _glued(p.lower())]
    if len(parts) > 1 and parts[0] in NAMESPACES:
        parts = parts[1:]
    return tuple(parts)


@lru_cache(maxsize=65536)
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
    tokens = raw.split()
    if len(tokens) == 1:
        token = tokens[0]
        return frozenset((token.lower(), *_naming_words(token)))
    out: set[str] = set()
    for token in tokens:
        out.add(token.lower())
        out.update(_naming_words(token))
    return frozenset(out)
