"""Hypothesis strategies that build hostile input for the cleaning pipeline and the input readers.

What they make, roughly from nastiest to most ordinary:

* `tag_soup()`: fragments of markup in any order: known and unknown tags opened and closed out of
  order, comments (closed, open, `--!>`), CDATA, doctype and processing-instruction junk, broken
  entities (`&#0;`, `&#xD800;`, `&#99999999;`), `<meta charset>` with bogus names, canonical
  links and `og:url` with broken URLs, JSON-LD with junk (also nested thousands deep), `<time>`
  with impossible dates, and text with control characters and lone surrogates;
* `huge_attribute_page()`: a page with a 100 KB attribute (class, href, content, lang, alt...);
* `deep_page()`: one to several thousand nested elements with an article at the bottom;
  `wide_page()`: thousands of siblings, or a paragraph that is one 50-200 KB token;
* `link_farm_page()`: a listing page of headline links (the `not_article` path);
* `mutated(...)`: a page with slices cut, doubled or replaced by junk;
* `article_page()`: a realistic article (invented paragraphs, headline, metadata, page chrome,
  sometimes a known site's markup) with junk from the strategies above mixed in, so that the
  cleaning paths, not only the rejection paths, run;
* `html_text()` / `html_bytes()`: one of the above as `str` (lone surrogates included) or as bytes
  (one or several encodings glued together, surrogate escapes, BOMs, NUL bytes, random bytes);
* `seed_text()`: seed-format text (one paragraph a line) with hostile lines and site signatures;
* `urls()`, `charsets()`, `profiles()`: the other arguments, ordinary and broken.

Every word of prose here is invented for these tests (the river port of Ostrava-on-Lenn).
"""

from __future__ import annotations

import codecs

from hypothesis import strategies as st

# ------------------------------------------------------------------------------------------- words

WORDS = ("the river port of Ostrava-on-Lenn reopened its northern quay after a winter of repairs and the "
         "ferry crews said that cargo barges loaded with timber and salt would berth there again by the "
         "middle of spring while the harbour master promised new lamps cranes and a wider slipway for the "
         "small fishing boats that had waited all season at the southern breakwater near the old customs "
         "house where volunteers painted the railings and mended the nets of the cooperative").split()
FOREIGN = ("Порт на реке снова открыт после зимнего ремонта", "港の北側の岸壁が冬の修理の後に再開した",
           "Der Flusshafen öffnete seinen Kai nach dem Winter wieder", "항구는 겨울 수리 후 다시 문을 열었다",
           "ميناء النهر أعاد فتح رصيفه الشمالي", "Ο ποταμός λιμάνι άνοιξε ξανά")

#: characters that text should survive: controls, separators, BOM, zero-width, noncharacters,
#: bidi overrides, combining marks, lone surrogates (also the `surrogateescape` range)
NASTY_CHARS = ("\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x0e", "\x1b", "\x1c", "\x1f", "\x7f", "\x85",
               "\r", "\t", "\u00a0", "\u2028", "\u2029", "\ufeff", "\u200b", "\u200d", "\u2060",
               "\ufffe", "\uffff", "\ufffd", "\u202e", "\u0301", "\ue000", "\U0010ffff", "\U0001f600",
               "\ud800", "\udbff", "\udc00", "\udfff", "\udc80", "\udcff", "\ud83d", "\ude00")


@st.composite
def sentence(draw) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=6, max_size=22))
    return " ".join(words).capitalize() + draw(st.sampled_from((".", ".", ".", "!", "?", ":", "")))


@st.composite
def paragraph(draw) -> str:
    parts = draw(st.lists(st.one_of(sentence(), sentence(), sentence(), st.sampled_from(FOREIGN),
                                    st.text(st.characters(codec=None, exclude_categories=()), min_size=1,
                                            max_size=20)),
                          min_size=2, max_size=6))
    return " ".join(parts)


nasty_text = st.text(alphabet=st.one_of(st.sampled_from(NASTY_CHARS), st.characters(codec=None)), max_size=40)
"""Short text of anything, lone surrogates and control characters included."""


@st.composite
def mixed_text(draw) -> str:
    """Prose with hostile characters sprinkled in."""
    pieces = draw(st.lists(st.one_of(sentence(), nasty_text, st.sampled_from(NASTY_CHARS)), min_size=1, max_size=6))
    return " ".join(pieces)


# ------------------------------------------------------------------------------------------ arguments

PROFILE_URLS = (
    "https://kcna.kp/en/article/q/0123456789abcdef0123456789abcdef.kcmsf",
    "http://www.kcna.kp/kp/article/q/ffffffffffffffffffffffffffffffff.kcmsf",
    "http://www.rodong.rep.kp/en/index.php?MTJAMjAyMy0wMS0zMC1IMDAxQA==",
    "http://rodong.rep.kp/en/index.php?MTJAOTk5OS05OS05OS1IMDAxQA==",  # 9999-99-99 in the base64
    "http://rodong.rep.kp/en/index.php?%%%not-base64%%%",
    "https://www.ohmymag.co.uk/news/a-slug-about-the-quay_art123.html",
    "https://ohmymag.com/news/x_art1.html",
    "https://kcnawatch.org/newstream/1675036800-123456789/some-slug/",
)
PLAIN_URLS = (
    "https://gazette.example/2024/03/05/the-quay-reopens",
    "http://news.example:8080/a?utm_source=x&id=7#frag",
    "https://www.example.org/",
)
BROKEN_URLS = (
    "", "   ", "http://", "https://", "http://[::1", "http://[zz]/x", "http://host:99999/", "http://host:-1/",
    "https://kcna.kp:99999/x", "http://host:port/", "http://user:pw@host:0/", "//no-scheme.example/x",
    "javascript:alert(1)", "data:text/html,<p>x</p>", "http://exa mple.com/a b", "http://ümlaut.example/ä",
    "http://\x00host/", "http://host/\udc80", "http://%zz/", "https://" + "a" * 300 + ".example/",
    "http://xn--/", "http://" + "ab." * 90 + "kp/", "https://kcnawatch.org:0/newstream/",
    "http://[::1]:80/", "http://[v1.fe]/", "HTTP://KCNA.KP/EN/", "http://.kcna.kp/", "http://kcna.kp./x",
)


def urls() -> st.SearchStrategy[str | None]:
    """None, a known site's URL, a plain URL, or a broken one (bad IPv6, bad port, junk)."""
    return st.one_of(st.none(), st.sampled_from(PROFILE_URLS), st.sampled_from(PLAIN_URLS),
                     st.sampled_from(BROKEN_URLS), st.text(max_size=30).map(lambda s: "http://" + s))


PROFILE_NAMES = ("kcna", "kcnawatch", "rodong", "ohmymag")


def profiles() -> st.SearchStrategy[str | None]:
    return st.one_of(st.none(), st.none(), st.sampled_from(PROFILE_NAMES))


REAL_CHARSETS = ("utf-8", "UTF-8", "cp1251", "windows-1251", "shift_jis", "latin-1", "iso-8859-1", "utf-16",
                 "utf-16-le", "utf-32", "koi8-r", "gb2312", "euc-kr", "big5", "ascii", "cp1252")
BOGUS_CHARSETS = ("undefined", "idna", "punycode", "rot13", "rot_13", "base64", "hex", "zlib", "bz2", "uu",
                  "quopri", "utf-7", "unicode_escape", "raw_unicode_escape", "unicode-escape", "utf_16_be",
                  "x-user-defined", "mbcs", "oem", "palmos", "utf-8-sig", "no-such-charset", "", " ", "\x00",
                  "\"utf-8\"", "'cp1251'", "utf-8; q=1", "utf-8\udc80", "a" * 1000, "1", "-", "..")


def charsets() -> st.SearchStrategy[str | None]:
    return st.one_of(st.none(), st.sampled_from(REAL_CHARSETS), st.sampled_from(BOGUS_CHARSETS),
                     st.text(max_size=12))


# ------------------------------------------------------------------------------------------ markup

KNOWN_TAGS = ("div", "p", "span", "a", "b", "i", "em", "article", "main", "section", "header", "footer", "nav",
              "aside", "h1", "h2", "h3", "ul", "ol", "li", "table", "tr", "td", "th", "tbody", "figure",
              "figcaption", "blockquote", "pre", "code", "form", "select", "option", "textarea", "button",
              "iframe", "noscript", "template", "svg", "math", "time", "img", "br", "hr", "html", "head",
              "body", "title", "script", "style", "frameset", "frame", "plaintext", "xmp", "object", "embed",
              "video", "source", "dl", "dt", "dd", "label", "input", "caption", "colgroup")
ODD_TAGS = ("x-junk", "foo:bar", "ÿ", "custom-element", "FONT", "CENTER", "marquee", "blink", "w:p", "o:p", "svg:g",
            "a1", "_", "--")
ATTR_NAMES = ("class", "id", "href", "src", "style", "lang", "content", "property", "name", "rel", "itemprop",
              "datetime", "type", "charset", "http-equiv", "alt", "title", "data-x", "hidden", "aria-hidden",
              "role", "xml:lang", "onclick", "\"", "'", "=", "<", "a b")
CLASS_WORDS = ("article-body", "content", "post", "story", "main", "share", "social", "related", "promo", "nav",
               "footer", "comments", "byline", "author", "date", "publish-time", "content-wrapper", "ArticleContent",
               "article-content", "news_Title", "sidebar", "hidden", "ad", "advert", "newsletter", "cookie",
               "menu", "breadcrumb", "tags", "caption", "photo-strip", "media-wrapper", "inread")


@st.composite
def attr_value(draw) -> str:
    return draw(st.one_of(
        st.sampled_from(CLASS_WORDS), st.lists(st.sampled_from(CLASS_WORDS), max_size=5).map(" ".join),
        st.sampled_from(BROKEN_URLS + PROFILE_URLS), nasty_text, st.sampled_from(("", "\"", "'", ">", "&amp", "&#0;")),
    ))


@st.composite
def attributes(draw) -> str:
    out = []
    for _ in range(draw(st.integers(0, 4))):
        name = draw(st.sampled_from(ATTR_NAMES))
        value = draw(attr_value())
        quote = draw(st.sampled_from(('"', "'", "")))
        out.append(f" {name}" if draw(st.booleans()) and not value else f" {name}={quote}{value}{quote}")
    return "".join(out)


ENTITIES = ("&#0;", "&#x0;", "&#xD800;", "&#xdc80;", "&#x110000;", "&#99999999999;", "&#x;", "&#;", "&amp",
            "&nbsp;", "&notanentity;", "&#x1F600;", "&#128;", "&#x85;", "&#13;", "&#x2028;", "&lt;p&gt;", "&",
            "&#xFEFF;", "&#65279;")
JUNK = (
    "<!---->", "<!-->", "<!--->", "<!-- unclosed comment", "<!-- a -- b --!>", "--!>", "-->",
    "<![CDATA[ <p>not a paragraph</p> ]]>", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<!doctype>",
    "<!DOCTYPE html PUBLIC \"-//junk//EN\" \"http://[::1\">", "<!DOCTYPE svg [<!ENTITY x \"&#0;\">]>",
    "<?xml version=\"1.0\" encoding=\"no-such\"?>", "<?php echo 1; ?>", "<?", "<!", "</", "<>", "</>", "< p>",
    "<p/>", "<br/>", "</br>", "</p>", "</div></div></div>", "</html>", "</body><body>", "<html><html>",
    "<head>", "</head>", "<body onload=x>", "<frameset>", "<plaintext>", "<xmp>", "<textarea>", "<title>",
    "<script>", "</script>", "<style>", "<noscript>", "<template>", "<svg><foreignObject><p>", "<math><mi>",
    "<table><p>stray</p><td>cell", "<select><option>", "<a href=x><a href=y>", "<form><form>",
    "<meta charset=\"undefined\">", "<meta charset=idna>", "<meta charset=utf-7>", "<meta charset=unicode_escape>",
    "<meta charset=\"x-no-such-charset\">", "<meta charset=\"\">", "<meta charset=utf-16>", "<meta charset=cp1251>",
    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\">",
    "<meta http-equiv=content-type content=\"text/html; charset=rot13\">",
    "<link rel=canonical href=\"http://[::1\">", "<link rel=canonical href=\"https://kcna.kp:99999/a\">",
    "<link rel=canonical href=\"http://host:port/\">", "<meta property=\"og:url\" content=\"http://[zz]/\">",
    "<link rel=canonical href=\"https://kcnawatch.org/newstream/1-2/x/\">",
    "<link rel=canonical href=\"http://rodong.rep.kp/en/index.php?MTJAOTk5OS05OS05OS1IMDAxQA==\">",
    "<meta property=\"article:published_time\" content=\"2024-13-45T99:99\">",
    "<meta property=\"article:published_time\" content=\"0000-00-00\">",
    "<meta name=date content=\"31/02/2024\">", "<meta name=author content=\"By \">",
    "<meta property=og:title content=\"\x00\">", "<meta property=og:site_name content=\"\udc80\">",
    "<time datetime=\"2024-02-30\">February 30, 2024</time>", "<time datetime=\"9999-99-99\"></time>",
    "<span class=date>Posted 31 February 2024</span>", "<span class=publish-time>[2023.13.45.]</span>",
    "<div class=publish-time>[0000.00.00.]</div>", "<span class=news_date>2024.99.99.</span>",
    "<html lang=\"\">", "<html lang=\"\udc80\">", "<html lang=\"x-\">", "<html xml:lang=\"EN-GB\">",
    "<meta http-equiv=content-language content=\"??\">",
    "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": 7, \"author\": [null, 1, "
    "{\"name\": []}], \"datePublished\": \"2024-99-99\", \"publisher\": {\"name\": null}}</script>",
    "<script type=\"application/ld+json\">{\"@type\": [\"NewsArticle\", null], \"@graph\": {\"@graph\": 1}, "
    "\"mainEntity\": {\"@type\": \"Article\", \"author\": {\"name\": \"\\udc80\"}}}</script>",
    "<script type=\"application/ld+json\">{not json</script>", "<script type=\"application/ld+json\"></script>",
    "<script type=\"application/ld+json\">[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]</script>",
    "<div class=\"article-meta\"><a href=\"http://[::1\">original</a></div>",
    "<div class=\"meta-source\"><a href=\"\">src</a></div>",
)

#: the junk that belongs in a page's head: declarations, links, metadata
HEAD_JUNK = tuple(j for j in JUNK if j.startswith(("<meta", "<link", "<script", "<html", "<!DOCTYPE", "<?xml")))


@st.composite
def tag(draw) -> str:
    name = draw(st.one_of(st.sampled_from(KNOWN_TAGS), st.sampled_from(ODD_TAGS)))
    kind = draw(st.sampled_from(("open", "open", "close", "self")))
    if kind == "close":
        return f"</{name}>"
    return f"<{name}{draw(attributes())}{'/' if kind == 'self' else ''}>"


@st.composite
def deep_json_ld(draw) -> str:
    depth = draw(st.integers(500, 5000))
    opener = draw(st.sampled_from(("[", "{\"@graph\": ", "{\"mainEntity\": ")))
    closer = {"[": "]", "{\"@graph\": ": "}", "{\"mainEntity\": ": "}"}[opener]
    return f"<script type=\"application/ld+json\">{opener * depth}1{closer * depth}</script>"


@st.composite
def soup_piece(draw) -> str:
    return draw(st.one_of(tag(), tag(), st.sampled_from(JUNK), st.sampled_from(ENTITIES), mixed_text(),
                          sentence(), deep_json_ld() if draw(st.integers(0, 30)) == 0 else st.just("")))


@st.composite
def tag_soup(draw, max_pieces: int = 40) -> str:
    """Markup fragments in any order: mismatched tags, junk, entities, hostile text."""
    return "".join(draw(st.lists(soup_piece(), max_size=max_pieces)))


# ------------------------------------------------------------------------------------------ pages

@st.composite
def huge_attribute(draw) -> str:
    """An element carrying one attribute of about 100 KB."""
    size = draw(st.sampled_from((50_000, 100_000, 120_000)))
    unit = draw(st.sampled_from(("a", "x ", "share ", "content ", "é", "\u00a0", "&amp;", "%", "/", "-0- ")))
    value = (unit * (size // len(unit) + 1))[:size]
    where = draw(st.sampled_from((
        "<div class=\"{v}\"><p>{p}</p></div>", "<a href=\"https://gazette.example/{v}\">{p}</a>",
        "<meta property=\"og:title\" content=\"{v}\">", "<link rel=canonical href=\"https://kcna.kp/{v}\">",
        "<img alt=\"{v}\" src=\"x.png\">", "<p style=\"{v}\">{p}</p>", "<time datetime=\"{v}\">{p}</time>",
        "<span data-x='{v}'>{p}</span>", "<div id=\"{v}\" class=\"content\"><p>{p}</p></div>",
        "<meta name=author content=\"{v}\">", "<html lang=\"{v}\">", "<meta charset=\"{v}\">",
    )))
    return where.format(v=value, p=draw(paragraph()))


@st.composite
def deep_nesting(draw) -> str:
    """A few thousand nested elements (closed or not) with a paragraph at the bottom."""
    depth = draw(st.integers(1000, 6000))
    names = draw(st.lists(st.sampled_from(("div", "span", "b", "i", "section", "blockquote", "li", "ul", "table",
                                           "td", "a", "font", "x-box", "article", "p", "em")), min_size=1, max_size=3))
    opens = "".join(f"<{names[i % len(names)]}>" for i in range(depth))
    closes = "".join(f"</{names[i % len(names)]}>" for i in reversed(range(depth))) if draw(st.booleans()) else ""
    return opens + "".join(f"<p>{draw(paragraph())}</p>" for _ in range(draw(st.integers(1, 4)))) + closes


@st.composite
def site_markup(draw, paras: list[str]) -> str:
    """The article body as one of the known sites prints it (or as an unknown site does)."""
    body = "".join(f"<p>{p}</p>\n" for p in paras)
    kind = draw(st.sampled_from(("plain", "plain", "kcna", "rodong", "ohmymag", "kcnawatch")))
    if kind == "kcna":
        return ("<div class=article-main><h1 class=article-main-title>" + draw(sentence()) + "</h1>"
                "<p class=publish-time>" + draw(st.sampled_from(("[2023.01.30.]", "[2023.13.45.]", "", "[x]"))) +
                "</p><div class=content-wrapper>" + draw(st.sampled_from(("Pyongyang, January 30 (KCNA) -- ", ""))) +
                body + draw(st.sampled_from((" -0-", "-0-", ""))) +
                "<div class=photo-strip>photos</div></div>" +
                draw(st.sampled_from(("<p>www.kcna.kp (Juche112.1.30.)</p>", "<p>www.kcna.kp (Juche999.99.99.)</p>",
                                      ""))) + "</div>")
    if kind == "rodong":
        return ("<div class=news_Title>" + draw(sentence()) + "</div><div class=news_date>" +
                draw(st.sampled_from(("2023.01.30.", "2023.02.30.", "Juche 112"))) +
                "</div><div class=ArticleContent>" + body + "</div><div id=NewsListDIV><a href=x>" +
                draw(sentence()) + "</a></div>")
    if kind == "ohmymag":
        return ("<h1>" + draw(sentence()) + "</h1><div class=article-body>" + body +
                "<div class=podcast-player>Discover our latest podcast</div><p>Read more:</p><ul><li>⋙ <a href=x>" +
                draw(sentence()) + "</a></li></ul><p>Sources used:</p><ul><li>" + draw(sentence()) + "</li></ul></div>")
    if kind == "kcnawatch":
        return ("<h1 class=article-title>" + draw(sentence()) + "</h1><div class=article-meta>Date: " +
                draw(st.sampled_from(("30/01/2023", "31/02/2023", "99/99/9999", "1/1/0001"))) +
                " | Source: KCNA.kp (En) | <a href=\"" + draw(st.sampled_from(BROKEN_URLS + PROFILE_URLS)) +
                "\">Read original version at source</a></div><div class=article-content>" + body +
                draw(st.sampled_from(("<p>-0-</p>", ""))) + "<p>www.kcna.kp (Juche112.1.30.)</p></div>"
                "<div>More From KCNA.kp (En)</div><a href=y>More Articles</a>")
    return "<article><h1>" + draw(sentence()) + "</h1>" + body + "</article>"


@st.composite
def article_page(draw) -> str:
    """A page with a real article body (invented prose), page chrome, metadata and junk mixed in."""
    paras = draw(st.lists(paragraph(), min_size=1, max_size=7))
    junk = draw(st.lists(st.one_of(tag_soup(max_pieces=6), st.sampled_from(JUNK)), max_size=4))
    for piece in junk:
        paras.insert(draw(st.integers(0, len(paras))), piece)
    head = draw(st.lists(st.sampled_from(HEAD_JUNK), max_size=4))
    lang = draw(st.sampled_from(("en", "ru", "ko", "", "EN-us", "x")))
    nav = "<nav><ul>" + "".join(f"<li><a href=/s{i}>{draw(sentence())}</a></li>"
                                for i in range(draw(st.integers(0, 12)))) + "</ul></nav>"
    chrome = draw(st.sampled_from((
        "", "<div class=share>Share this article</div>", "<div class=newsletter>Sign up to our newsletter</div>",
        "<p>Tags: quay, ferry, salt</p>", "<div class=cookie>We use cookies to improve your visit.</div>",
        "<p>Advertisement</p>", "<div class=comments><p>" + draw(sentence()) + "</p></div>")))
    return (f"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{draw(sentence())}</title>"
            + "".join(head) + f"</head><body>{nav}<main>" + draw(site_markup(paras)) + chrome +
            "</main><footer>© Ostrava-on-Lenn Courier</footer></body></html>")


@st.composite
def huge_attribute_page(draw) -> str:
    return draw(article_page()).replace("<main>", "<main>" + draw(huge_attribute()), 1)


@st.composite
def deep_page(draw) -> str:
    return f"<html><head><title>{draw(sentence())}</title></head><body>{draw(deep_nesting())}</body></html>"


@st.composite
def link_farm_page(draw) -> str:
    """A listing or home page: rows of headline links with a line or two of teaser, maybe one paragraph."""
    rows = "".join(f"<li><a href=\"/story/{i}\">{draw(sentence())}</a> <span>{draw(st.sampled_from(WORDS))}</span></li>"
                   for i in range(draw(st.integers(3, 40))))
    extra = f"<p>{draw(paragraph())}</p>" if draw(st.booleans()) else ""
    title = draw(sentence())
    return f"<html><head><title>{title}</title></head><body><main><ul>{rows}</ul>{extra}</main></body></html>"


@st.composite
def wide_page(draw) -> str:
    """Thousands of sibling elements, or one paragraph that is a single token of 50-200 KB (no spaces)."""
    if draw(st.booleans()):
        n = draw(st.integers(2000, 8000))
        cell = draw(st.sampled_from(("<p>{}</p>", "<div><a href=x>{}</a></div>", "<span>{}</span>", "<br>{}",
                                     "<li>{}</li>", "<td>{}</td>")))
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
        body = "".join(cell.format(words[i % len(words)]) for i in range(n))
    else:
        unit = draw(st.sampled_from(("a", "ab-", "x.", "Share", "http://", "-0-", "­", "́", "﻿", "1/")))
        body = f"<p>{draw(paragraph())}</p><p>{unit * (draw(st.integers(50_000, 200_000)) // len(unit))}</p>"
    return f"<html><body><article>{body}</article></body></html>"


@st.composite
def mutated(draw, page: st.SearchStrategy[str]) -> str:
    """A page with a few slices cut out, doubled, or replaced by junk (mid-tag, mid-entity, mid-word)."""
    text = draw(page)
    for _ in range(draw(st.integers(1, 8))):
        if not text:
            break
        start = draw(st.integers(0, len(text)))
        end = min(len(text), start + draw(st.integers(0, 200)))
        kind = draw(st.sampled_from(("cut", "double", "junk", "char")))
        if kind == "cut":
            text = text[:start] + text[end:]
        elif kind == "double":
            text = text[:end] + text[start:end] + text[end:]
        elif kind == "junk":
            text = text[:start] + draw(soup_piece()) + text[end:]
        else:
            char = draw(st.sampled_from(NASTY_CHARS + ("<", ">", "&", "\"", "'", "/", "=")))
            text = text[:start] + char + text[start:]
    return text


def html_text() -> st.SearchStrategy[str]:
    """A page as `str`: tag soup, an article with junk (maybe cut about), a huge attribute, deep or wide
    nesting, a link farm, or nothing much."""
    return st.one_of(tag_soup(), article_page(), article_page(), mutated(article_page()), mutated(article_page()),
                     huge_attribute_page(), deep_page(), wide_page(), link_farm_page(), nasty_text, mixed_text())


# ------------------------------------------------------------------------------------------ bytes

ENCODINGS = ("utf-8", "cp1251", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "shift_jis", "cp1252", "koi8-r",
             "utf-32", "euc-kr", "gb18030", "utf-7")
BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def encode(text: str, encoding: str) -> bytes:
    """`text` in `encoding`, keeping what it can: surrogate escapes (`\\udc80`) become their raw
    bytes, other lone surrogates pass through where the codec allows it, the rest is replaced."""
    for errors in ("strict", "surrogateescape", "surrogatepass"):
        try:
            return text.encode(encoding, errors)
        except (UnicodeEncodeError, UnicodeError):
            continue
    return text.encode(encoding, "replace")


def encode_utf8(text: str) -> bytes:
    return encode(text, "utf-8")


@st.composite
def encoded(draw, text: st.SearchStrategy[str]) -> bytes:
    return encode(draw(text), draw(st.sampled_from(ENCODINGS)))


@st.composite
def mixed_bytes(draw) -> bytes:
    """Pieces in different encodings glued together, with BOMs, NULs and random bytes among them."""
    pieces = draw(st.lists(st.one_of(
        encoded(st.one_of(paragraph(), tag_soup(max_pieces=8), st.sampled_from(JUNK))),
        st.sampled_from(BOMS), st.just(b"\x00"), st.binary(max_size=64),
        st.sampled_from((b"<meta charset=\"utf-8\">", b"<meta charset=cp1251>", b"<meta charset=undefined>",
                         b"<meta charset=\"shift_jis\">", b"\xff\xfe", b"\xef\xbb", b"\x1f\x8b\x08\x00"))),
        min_size=1, max_size=12))
    return b"".join(pieces)


def html_bytes() -> st.SearchStrategy[bytes]:
    """A page as bytes: one encoding (maybe a bogus `<meta charset>`), several, a BOM, or random bytes."""
    return st.one_of(
        encoded(html_text()),
        st.builds(lambda bom, data: bom + data, st.sampled_from(BOMS), encoded(article_page())),
        mixed_bytes(),
        st.builds(lambda page, charset: page.replace("<meta charset=\"utf-8\">", f"<meta charset=\"{charset}\">")
                  , article_page(), charsets().map(lambda c: c or "")).map(lambda page: encode(page, "utf-8")),
        st.binary(max_size=2000),
    )


def html_input() -> st.SearchStrategy[str | bytes]:
    return st.one_of(html_text(), html_bytes())


# ------------------------------------------------------------------------------------------ seed text

SEED_LINES = (
    "Pyongyang, January 30 (KCNA) -- ", "-0-", " -0-", "www.kcna.kp (Juche112.1.30.)", "www.kcna.kp (Juche999.99.99.)",
    "Date: 30/01/2023 | Source: KCNA.kp (En) | Read original version at source",
    "Date: 99/99/9999 | Source: | Read original version at source", "Date: 31/02/2023 |",
    "More From KCNA.kp (En)", "More Articles", "Sources used:", "Read more:", "⋙ A link to some other story",
    "Tags", "quay, ferry, salt", "Tags: quay, ferry", "Share this article", "Sign up to our daily newsletter",
    "Advertisement", "© 2024 Ostrava-on-Lenn Courier. All rights reserved.", "February 30, 2024", "2024-13-45",
    "", " ", "\t", "\u00a0", "\ufeff",
)


@st.composite
def seed_text(draw) -> str:
    """Seed-format text: invented paragraphs, hostile lines, site signatures and trailers, any line breaks."""
    lines = draw(st.lists(st.one_of(paragraph(), paragraph(), sentence(), st.sampled_from(SEED_LINES), mixed_text(),
                                    nasty_text), min_size=0, max_size=12))
    sep = draw(st.sampled_from(("\n", "\n", "\r\n", "\r", "\n\n", "\u2028", "\x0b", "\x1c", "\x85")))
    return sep.join(lines)
