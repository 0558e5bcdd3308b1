"""Page metadata read straight from the selectolax tree: title, authors, publication date and the
site's name, from JSON-LD (`NewsArticle` and kin), Open Graph and other `<meta>` tags, schema.org
microdata, `<time>` and byline markup, and dates in the URL. No second parse of the page: this is
what lets the pipeline call the extractor without its own (slower) metadata pass.
`htmldate` (markup only, no free-text search) is asked for the date only when none of these has one.
"""

from __future__ import annotations

import json
import re

from .util import DATE_RE, node_text, norm_space, parse_date

_ARTICLE_TYPES = frozenset({"article", "newsarticle", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                            "opinionnewsarticle", "backgroundnewsarticle", "report", "webpage", "socialmediaposting",
                            "liveblogposting", "scholarlyarticle", "techarticle"})
_DATE_META = ("article:published_time", "og:article:published_time", "og:published_time", "datePublished",
              "publishdate", "publish-date", "publish_date", "pubdate", "date", "dc.date", "dc.date.issued",
              "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published", "citation_publication_date")
_AUTHOR_META = ("author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author", "citation_author")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|$)")
_ISO_DATE = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")
_BY = re.compile(r"^(?:by|von|par|por|di|door|av|от|автор)\s*[:\s]\s*", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b|\bи\b)\s*")


_SELECTOR = ("meta[content], script[type='application/ld+json'], h1, title, [itemprop=datePublished], time[datetime], "
             "[itemprop=author], a[rel=author], [rel=author], .byline, .author-name, .author, [class*=byline]")


def _scan(tree) -> dict[str, list]:
    """The elements metadata are read from, found in one pass over the page (a CSS pass costs a walk
    of the whole tree, whatever the selector): by kind, in document order."""
    found: dict[str, list] = {"meta": [], "ld": [], "h1": [], "title": [], "date": [], "time": [], "author": [],
                              "byline": []}
    for node in tree.css(_SELECTOR):
        tag = node.tag
        if tag == "meta":
            found["meta"].append(node)
        elif tag == "script":
            found["ld"].append(node)
        elif tag == "h1":
            found["h1"].append(node)
        elif tag == "title":
            found["title"].append(node)
        else:
            attrs = node.attributes
            prop = attrs.get("itemprop")
            if prop == "datePublished":
                found["date"].append(node)
            if tag == "time" and attrs.get("datetime"):
                found["time"].append(node)
            if prop == "author" or attrs.get("rel") == "author":
                found["author"].append(node)
            classes = (attrs.get("class") or "").split()
            if "byline" in (attrs.get("class") or "") or {"author-name", "author"} & set(classes):
                found["byline"].append(node)
    return found


def _meta_map(nodes) -> dict[str, str]:
    """The page's `<meta property|name|itemprop=... content=...>` by lower-case key (first one wins)."""
    found: dict[str, str] = {}
    for node in nodes:
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
        if key and key not in found and (value := norm_space(attrs.get("content") or "")):
            found[key] = value
    return found


def _meta(found: dict[str, str], names: tuple[str, ...]) -> str | None:
    """The first value in `found` among `names`, in that order."""
    for name in names:
        if value := found.get(name.lower()):
            return value
    return None


def _json_ld(scripts) -> list[dict]:
    """The article-like objects of the page's JSON-LD blocks (top level, `@graph`, lists)."""
    out: list[dict] = []

    def visit(obj, depth=0):
        if depth > 4:
            return
        if isinstance(obj, list):
            for item in obj:
                visit(item, depth + 1)
        elif isinstance(obj, dict):
            kind = obj.get("@type")
            kinds = {str(k).lower() for k in (kind if isinstance(kind, list) else [kind]) if k}
            if kinds & _ARTICLE_TYPES:
                out.append(obj)
            if "@graph" in obj:
                visit(obj["@graph"], depth + 1)
            if isinstance(obj.get("mainEntity"), dict):
                visit(obj["mainEntity"], depth + 1)

    for node in scripts:
        raw = (node.text(deep=True) or "").strip()
        if not raw or len(raw) > 500_000:
            continue
        try:
            visit(json.loads(raw))
        except (ValueError, RecursionError):
            continue
    # a NewsArticle beats a WebPage that wraps it
    out.sort(key=lambda o: str(o.get("@type")).lower() in ("webpage", "['webpage']"))
    return out


def _names(value) -> list[str]:
    """Author names out of a JSON-LD `author` value (a string, a Person, a list of them)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    return []


def clean_authors(raw: list[str]) -> list[str]:
    """Author names as a byline prints them, one a name: "By A and B" -> [A, B]; no URLs, no e-mails,
    nothing long enough to be a sentence; duplicates dropped."""
    out: list[str] = []
    for item in raw:
        item = _BY.sub("", norm_space(item))
        if len(item.split()) > 12:
            continue  # a sentence, not a byline (three names with "and" fit in a dozen words)
        for name in _AUTHOR_SPLIT.split(item):
            name = name.strip(" .|-–—")
            if (not name or "://" in name or "@" in name or name.startswith("/") or len(name) > 60
                    or len(name.split()) > 5 or not re.search(r"[^\W\d_]", name)):
                continue
            if name.casefold() not in {n.casefold() for n in out}:
                out.append(name)
    return out


def _iso(value: str | None) -> str | None:
    """A date-time string cut to `YYYY-MM-DD` when it starts with (or holds) an ISO date."""
    if not value:
        return None
    m = _ISO_DATE.search(value)
    if m and 1 <= int(m[2]) <= 12 and 1 <= int(m[3]) <= 31:
        return f"{m[1]}-{m[2]}-{m[3]}"
    return None


def page_metadata(tree, url: str | None = None, html: str | None = None) -> dict:
    """`title`, `authors`, `published` (YYYY-MM-DD) and `sitename` of a page; missing ones are None/[]."""
    found = _scan(tree)
    ld = _json_ld(found["ld"])
    metas = _meta_map(found["meta"])
    first = ld[0] if ld else {}

    title = None
    for candidate in (_meta(metas, ("og:title", "twitter:title", "dc.title")), first.get("headline"),
                      first.get("name")):
        if isinstance(candidate, str) and norm_space(candidate):
            title = norm_space(candidate)
            break
    if title is None:
        h1s = found["h1"]
        if len(h1s) == 1 and (text := node_text(h1s[0])):
            title = text
        elif found["title"] and (text := node_text(found["title"][0])):
            title = text

    published = None
    for obj in ld:
        if published := _iso(obj.get("datePublished") if isinstance(obj.get("datePublished"), str) else None):
            break
    if published is None:
        published = _iso(_meta(metas, _DATE_META))
    if published is None:
        node = found["date"][0] if found["date"] else None
        if node is not None:
            published = _iso(node.attributes.get("datetime") or node.attributes.get("content") or node_text(node))
    if published is None and url and (m := _URL_DATE.search(url)):
        published = f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
    if published is None:
        node = found["time"][0] if found["time"] else None
        if node is not None:
            published = _iso(node.attributes.get("datetime"))
    if published is None:
        published = _date_in_text(tree)
    if published is None and html is not None:
        published = _htmldate(html, url)

    authors: list[str] = []
    for obj in ld:
        if authors := clean_authors(_names(obj.get("author"))):
            break
    if not authors and (value := _meta(metas, _AUTHOR_META)):
        authors = clean_authors([value])
    if not authors:
        nodes = [(n.css_first("[itemprop=name]") or n) if n.attributes.get("itemprop") == "author" else n
                 for n in found["author"][:4]]
        authors = clean_authors([t for n in nodes if (t := node_text(n))])
    if not authors:
        authors = clean_authors([t for n in found["byline"][:2] if len(t := node_text(n)) <= 80])

    sitename = _meta(metas, ("og:site_name", "application-name"))
    if sitename is None:
        for obj in ld:
            publisher = obj.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                sitename = norm_space(publisher["name"]) or None
                break
    return {"title": title, "authors": authors, "published": published, "sitename": sitename}


_DATED = ("[class*=date i], [class*=time i], [class*=publish i], [class*=posted i], [id*=date i], "
          "[itemprop*=date i], time")
_DATE_IN_TEXT = re.compile(DATE_RE, re.I)


def _date_in_text(tree) -> str | None:
    """A date written out in a short element the page marks as a date ("Posted November 18, 2019"
    in `<span class="post-date">`, a `<time>` without `datetime`): the first one that parses."""
    for node in tree.css(_DATED):
        text = node_text(node)
        if len(text) <= 80 and (m := _DATE_IN_TEXT.search(text)) and (day := parse_date(m[0])):
            return day.isoformat()
    return None


def _htmldate(html: str, url: str | None) -> str | None:
    """htmldate's look at the markup (no free-text search), for pages none of our fields dates."""
    try:
        from htmldate import find_date

        return find_date(html, url=url, extensive_search=False, original_date=True) or None
    except Exception:  # htmldate is a best effort; a page it cannot read just has no date
        return None
