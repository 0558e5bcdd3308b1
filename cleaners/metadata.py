"""Page metadata read straight from the selectolax tree: title, authors, publication date and the
site's name, from JSON-LD (`NewsArticle` and kin), Open Graph and other `<meta>` tags, schema.org
microdata, `<time>` and byline markup, and dates in the URL. No second parse of the page: this is
what lets the pipeline call the extractor without its own (slower) metadata pass.
`htmldate` (markup only, no free-text search) is asked for the date only when none of these has one.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from .util import DATE_RE, node_text, norm_space, parse_date
from .vocabulary import LOGO_WORDS

_ARTICLE_TYPES = frozenset({"article", "newsarticle", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                            "opinionnewsarticle", "backgroundnewsarticle", "report", "webpage", "socialmediaposting",
                            "liveblogposting", "scholarlyarticle", "techarticle"})
_DATE_META = ("article:published_time", "og:article:published_time", "og:published_time", "datePublished",
              "publishdate", "publish-date", "publish_date", "pubdate", "date", "dc.date", "dc.date.issued",
              "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published", "citation_publication_date")
_AUTHOR_META = ("author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author", "citation_author")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|$)")
_ISO_DATE = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")
#: what a byline prints before the names: "By", "Written by", "Verfasst von", "Publié par", "Автор:"
_BY = re.compile(r"^(?:(?:written|posted|published|reported|words|story|beitrag|geschrieben|verfasst|publié|"
                 r"escrito|publicado|scritto|veröffentlicht|erstellt)\s+)?"
                 r"(?:by|von|vom|par|por|di|door|av|от|автор|author|autor|autorin|auteur|autore)(?:\s*[:\s]\s*|$)",
                 re.I)
#: a byline's leading word alone, with nothing after it ("Veröffentlicht am ..." less its date)
_BY_ALONE = re.compile(r"(?:written|posted|published|beitrag|geschrieben|verfasst|publié|escrito|publicado|scritto|"
                       r"veröffentlicht|erstellt|by|von|vom|par|por|author|autor|autorin|auteur|autore)\W*", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b|\bи\b|\s/|/\s)\s*")


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


def clean_authors(raw: list[str], site: _Site | None = None, text_starts: Iterable[str] = ()) -> list[str]:
    """Author names as a byline prints them, one a name: "By A and B" -> [A, B]; no URLs, no e-mails,
    nothing long enough to be a sentence, no date ("Mara Quill 8 March 2026" -> "Mara Quill");
    duplicates dropped, first one kept.

    A domain name is a publisher, not an author ("Gazette.example", and with it the address that
    follows it: "Gazette.example, Vellmar, Norway"); so is, with `site` (the page's names for itself,
    `_Site`), the site's name or its host. A phrase of link text ("View my complete profile": a
    capitalised word, then two or more lower-case words that are no name particle) is no name. A
    single word that opens one of `text_starts` (the openings of the story) as a dateline ("NAIROBI,
    March 3 -") is a place, not an author. Names in any script are kept as written."""
    out: list[str] = []
    for item in raw:
        item = _BY.sub("", norm_space(item))
        if len(item.split()) > 12:
            continue  # a sentence, not a byline (three names with "and" fit in a dozen words)
        names = _AUTHOR_SPLIT.split(item)
        for i, name in enumerate(names):
            name = _cut_date(_BY.sub("", name.strip(" .|-–—")).strip(" .|-–—"))
            if _DOMAIN.fullmatch(name) or site is not None and site.names_self(name):
                if i == 0 and len(names) >= 3:
                    break  # "Gazette.example, Vellmar, Norway": the publisher and its address
                continue
            if (not name or "://" in name or "@" in name or name.startswith("/") or len(name) > 60
                    or len(name.split()) > 5 or not re.search(r"[^\W\d_]", name) or name[:1].isdigit()
                    or _CLOCK.search(name) or _YEAR.search(name) or _BY_ALONE.fullmatch(name) or _is_phrase(name)
                    or name.casefold() in _WEEKDAYS_EN):
                continue
            if text_starts and _is_dateline(name, text_starts):
                continue
            if name.casefold() not in {n.casefold() for n in out}:
                out.append(name)
    return out


#: words that join a byline's name to the date after it ("Mara Quill am 8. März", "on March 8")
_DATE_JOINERS = frozenset({"am", "um", "on", "at", "le", "el", "de", "del", "du", "il", "den", "op", "в", "|", "-",
                           "–", "—", "»", "·", ","})
#: words of a date or time that may follow a byline's name
_DATE_WORD = re.compile(r"\d{1,4}(?:[-./:]\d{1,4}){0,2}\.?,?|am|pm|uhr|h|de|del|à|a|um|at|,", re.I)


def _cut_date(name: str) -> str:
    """`name` without the date or time a byline printed after it ("Mara Quill 8 March 2026",
    "mq 2026-03-08", "Gazette News March 8", "Mara Quill am 08.03.2026", "Ed Rourke Monday"): the
    words from the first that starts a date to the end are all date, time and joining words, with a
    number or an English weekday among them (other languages' weekdays are surnames too: Domingo,
    Freitag). Anything else is kept whole ("Theresa May", "Plácido Domingo")."""
    words = name.split()
    for i in range(1, len(words)):
        rest = [w.strip(".,").casefold() for w in words[i:]]
        if not any(w[:1].isdigit() or w in _WEEKDAYS_EN for w in rest):
            break
        if all(_DATE_WORD.fullmatch(w) or w in MONTH_NAMES or w in WEEKDAYS for w in rest):
            kept = words[:i]
            while kept and kept[-1].casefold() in _DATE_JOINERS:
                kept.pop()
            alone = kept[0].strip(".,").casefold() if len(kept) == 1 else ""
            if alone in MONTH_NAMES or alone in WEEKDAYS:
                return ""  # "November 18", "Friday 6 March": a date, and nothing else
            return " ".join(kept).strip(" ,.|-–—»")
    return name


#: a time or a short date inside an author string ("lupa am 26/10/13", "03:48 pm"): a comment's stamp
_CLOCK = re.compile(r"\d{1,2}[:/.]\d{2}")
#: a year inside an author string: a date the byline printed ("Mara Quill 8. März 2026 Hafen")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
#: a domain name alone ("ORF.at", "www.gazette.example"): a publisher, never a person
_DOMAIN = re.compile(r"(?:[\w-]+\.)+(?:[a-z]{2,6}|[A-Z]{2,6})")
#: lower-case words that belong to personal names (Ludwig van Beethoven, Juan de la Cruz, Omar bin Said)
_NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "du",
                             "la", "le", "les", "lo", "y", "e", "zu", "ter", "ten", "bin", "ibn", "bint", "al",
                             "el", "ben", "af", "av", "st"})


def _is_phrase(name: str) -> bool:
    """True for a capitalised phrase ("View my complete profile", "Read more posts"): a word with a
    capital, then two or more lower-case words that are no name particle. A name in a script without
    case, or written all in lower case, is not touched."""
    words = name.split()
    if len(words) < 3 or not words[0][:1].isupper():
        return False
    lower = [w for w in words[1:] if w[:1].islower() and w.casefold().strip(".") not in _NAME_PARTICLES]
    return len(lower) >= 2


def _is_dateline(name: str, text_starts) -> bool:
    """True when `name` is one word (capitalised, or in a script without case) that opens one of
    `text_starts` as a dateline: then a
    bracket ("Nairobi (Reuters)"), a dash or colon ("NAIROBI — "), or a comma and a capitalised word
    or a number ("NAIROBI, Kenya", "Nairobi, March 3"; not "Jan, here is...")."""
    if " " in name or not name[:1].isalpha() or name[:1].islower():
        return False
    folded = name.casefold()
    for start in text_starts:
        if start[:len(name)].casefold() != folded:
            continue
        m = _DATELINE_AFTER.match(start, len(name))
        if m and (m[1] is None or m[1].isupper() or m[1].isdigit()):
            return True
    return False


#: what follows a place name that opens a story as its dateline (`_is_dateline`)
_DATELINE_AFTER = re.compile(r"\s*(?:\(|[-–—:]\s|,\s*(\w))")


def _fold(text: str) -> str:
    """`text` as a key to compare names: case and accents folded, only letters and digits kept
    ("LaRepública.pe" -> "larepublicape", "人民网" stays)."""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKD", text.casefold()))


#: what `_fold` drops: all but letters and digits (accents, once decomposed, are marks, not letters)
_NOT_ALNUM = re.compile(r"[\W_]+")


#: host labels that name no site: the web's own prefixes and the generic second levels
_GENERIC_LABELS = frozenset({"www", "com", "net", "org", "gov", "edu", "co", "ac", "or", "ne", "go", "gob", "nic"})


#: a longer og:site_name (or publisher) is a description, not a name
_LONGEST_NAME = 120


class _Site:
    """The names a page gives its own site: og:site_name, application-name, the JSON-LD publisher,
    twitter:site, and the host of its URL (whole, its parent domains, its labels). `names_self`
    tells whether a piece of title or a byline is one of them."""

    def __init__(self, names: list[str], hosts: list[str]):
        self.names: list[str] = []
        keys: set[str] = set()
        for name in names:
            name = norm_space(name).lstrip("@")
            if not name or len(name) > _LONGEST_NAME:
                continue
            self.names.append(name)
            keys.add(_fold(name))
            for part in _split_title(name):  # "Harbour Gazette - News from the islands"
                keys.add(_fold(part))
        self.labels: set[str] = set()
        for host in hosts:
            labels = [label for label in host.lower().split(".") if label]
            for i in range(len(labels) - 1):
                keys.add(_fold(".".join(labels[i:])))  # wien.orf.at, orf.at
            for label in labels[:-1]:
                if len(label) >= 3 and label not in _GENERIC_LABELS and not label.startswith("xn--"):
                    self.labels.add(_fold(label))
        keys.discard("")
        self.keys = keys | self.labels

    def names_self(self, text: str) -> bool:
        """True when `text` is the site's name, its host or a label of its host ("golem", and
        "Xinhua" for a host label "xinhuanet": a word that starts a label and is most of it)."""
        if len(text) > 2 * _LONGEST_NAME:
            return False
        key = _fold(text)
        if not key:
            return False
        if key in self.keys:
            return True
        return " " not in text.strip() and len(key) >= 4 and any(
            label.startswith(key) and len(key) >= 0.6 * len(label) for label in self.labels)


def _hosts(*urls: str | None) -> list[str]:
    out = []
    for url in urls:
        if url and url.startswith(("http://", "https://")):
            try:
                host = urlsplit(url).hostname
            except ValueError:
                continue
            if host and host not in out:
                out.append(host)
    return out


_CJK_CHAR = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
#: where a page title joins its headline, section and site name: `|`, `-`, `–`, `—`, `·`, `»`, `/`,
#: `::`, `~` between spaces; `|`, `--`, `_`, `—` and the full-width bars and dashes with or without
#: spaces; the full-width colon of Japanese and Chinese titles; a hyphen next to a Chinese, Japanese
#: or Korean character ("标题-新华网"). A colon is not one ("Covid-19: what now" is a headline),
#: unless beside the site's name (`_SITE_COLON`).
_TITLE_SEP = re.compile(
    r"\s+(?:[|\-–—·•»›/~]|::|\\)\s+"
    r"|\s*(?:[|｜丨│]|-{2,}|_+|—+|－+|‖)\s*"
    r"|\s*：\s*"
    rf"|(?<=[{_CJK_CHAR}])\s*-\s*|\s*-\s*(?=[{_CJK_CHAR}])")


#: a longer title is left as it is: no page's headline and site name run that long
_LONGEST_TITLE = 500
#: a title with a colon after the site's name ("Harbour Gazette: Pier works begin"), or before it
_SITE_COLON = re.compile(r"(?P<site>[^:：]{2,60}?)\s*[:：]\s+(?P<rest>.+)", re.S)
_COLON_SITE = re.compile(r"(?P<rest>.+?)\s+[:：]\s*(?P<site>[^:：]{2,60})", re.S)


def _split_title(title: str) -> list[str]:
    """The pieces of a title between separators (`_TITLE_SEP`), empty ones dropped."""
    return [part.strip() for part in _TITLE_SEP.split(title) if part.strip()]


def clean_title(title: str | None, site: _Site | None = None, headlines: tuple[str, ...] = ()) -> str | None:
    """`title` without the site's name (and the section names around it).

    When one of `headlines` (the JSON-LD headline, the `<h1>`) is a piece of the title between
    separators and no shorter than each piece cut (twice as long when it ends the title, where site
    names stand), that headline. Else the title less its first and last pieces while they name the
    site (`_Site.names_self`: " | Harbour Gazette", " - Gazette.example", "_English_Xinhua"), and
    less a piece naming the site inside the title with all after it when what comes before is the
    longer part or a headline (" | Harbour Gazette | News from the islands"). A colon separates
    only beside the site's name. A title none of whose pieces is a headline or a site name is kept
    whole: its separators are the headline's own ("Covid-19 - what now")."""
    if not title or len(title) > _LONGEST_TITLE:
        return title
    if site is not None:
        # "Harbour Gazette: Pier works begin", "Pier works begin : Harbour Gazette": a colon is a
        # separator only beside the site's name
        for pattern in (_SITE_COLON, _COLON_SITE):
            if (m := pattern.fullmatch(title)) and site.names_self(m["site"]):
                return clean_title(m["rest"], site, headlines)
    spans = [(m.start(), m.end()) for m in _TITLE_SEP.finditer(title)]
    if not spans:
        return title
    for headline in headlines:
        if (not headline or len(headline) > _LONGEST_TITLE or len(_fold(headline)) < 4
                or site is not None and site.names_self(headline)):
            continue
        found = re.search(re.escape(headline), title, re.I)
        if found is None:
            continue
        start, end = found.span()
        before, after = title[:start], title[end:]
        if (before and not any(e == start for _, e in spans)) or (after and not any(b == end for b, _ in spans)):
            continue  # the headline is part of a piece, not a piece itself
        cut = [*_split_title(before), *_split_title(after)]
        # at the end of the title the headline stands where site names stand: what it cuts must be
        # much shorter ("Opinion | Headline"), not a headline shorter than a site's name
        room = len(headline) if after else len(headline) / 2
        if cut and max(len(piece) for piece in cut) <= room:
            return found[0]
    if site is None:
        return title
    bounds = [0, *(x for span in spans for x in span), len(title)]
    pieces = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    pieces = [(b, e) for b, e in pieces if title[b:e].strip()]
    first, last = 0, len(pieces)
    for k in range(1, len(pieces) - 1):
        if site.names_self(title[pieces[k][0]:pieces[k][1]]):
            before = title[:pieces[k - 1][1]]
            if pieces[k][0] >= len(title) - pieces[k][1] or any(h.casefold() == before.casefold() for h in headlines):
                last = k  # "Headline | Site | Its tagline": the site's name and what follows it go
            break
    while last - first > 1 and site.names_self(title[pieces[last - 1][0]:pieces[last - 1][1]]):
        last -= 1
    while last - first > 1 and site.names_self(title[pieces[first][0]:pieces[first][1]]):
        first += 1
    if (first, last) == (0, len(pieces)):
        return title
    return title[pieces[first][0]:pieces[last - 1][1]].strip()


def _iso(value: str | None) -> str | None:
    """A date-time string cut to `YYYY-MM-DD` when it starts with (or holds) an ISO date, else when it
    is a date written another common way (`written_date`)."""
    if not value:
        return None
    m = _ISO_DATE.search(value)
    if m and 1 <= int(m[2]) <= 12 and 1 <= int(m[3]) <= 31:
        return f"{m[1]}-{m[2]}-{m[3]}"
    day = written_date(value)
    return day.isoformat() if day else None


#: Month names (and their usual short forms) in the languages news pages often write dates in, one
#: line a month: English, German, Dutch, French, Spanish, Portuguese, Italian, Russian, Ukrainian,
#: Polish. What `written_date` reads in `<meta>`, JSON-LD and `<time>` values that are not ISO dates.
_MONTH_WORDS = (
    "january jan januar jänner januari janvier janv enero ene janeiro gennaio январь января січня stycznia styczeń",
    "february feb februar feber februari février fevrier févr febrero fevereiro febbraio февраль февраля лютого "
    "lutego luty",
    "march mar märz maerz maart mars marzo março marco март марта березня marca marzec",
    "april apr avril avr abril abr aprile апрель апреля квітня kwietnia kwiecień",
    "may mai mei mayo maio maggio май мая травня maja maj",
    "june jun juni juin junio junho giugno июнь июня червня czerwca czerwiec",
    "july jul juli juillet juil julio julho luglio июль июля липня lipca lipiec",
    "august aug augustus août aout agosto август августа серпня sierpnia sierpień",
    "september sep sept septembre septiembre setiembre setembro settembre сентябрь сентября вересня września "
    "wrzesień",
    "october oct oktober okt octobre octubre outubro ottobre октябрь октября жовтня października październik",
    "november nov novembre noviembre novembro ноябрь ноября листопада listopada listopad",
    "december dec dezember dez décembre decembre déc diciembre dic dezembro dicembre декабрь декабря грудня "
    "grudnia grudzień",
)
MONTH_NAMES = {word: month for month, words in enumerate(_MONTH_WORDS, 1) for word in words.split()}
#: Weekday names in the same languages (English, German, Dutch, French, Spanish, Portuguese, Italian,
#: Russian, Polish), and their usual short forms: a byline's date may start with one.
WEEKDAYS = frozenset("""monday mon tuesday tue tues wednesday wed thursday thu thurs friday fri saturday sat sunday
    sun montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag maandag dinsdag woensdag donderdag
    vrijdag zaterdag zondag lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves
    viernes sábado domingo segunda terça quarta quinta sexta lunedì martedì mercoledì giovedì venerdì sabato
    понедельник вторник среда четверг пятница суббота воскресенье poniedziałek wtorek środa czwartek piątek
    sobota niedziela""".split())
#: the weekdays that end a byline's name as a date even with no number after them ("Ed Rourke Monday")
_WEEKDAYS_EN = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
#: year, month, day in Chinese, Japanese or Korean: 2026年3月4日, 2026년 3월 4일
_CJK_DATE = re.compile(r"((?:19|20)\d{2})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")
#: all digits: 2026/3/4, 2026.03.04, 2026-3-4 (year first); 04.03.2026, 4/3/2026 (day first unless
#: the second number cannot be a month)
#: a time of day in a date string ("6:45 PM", "03:05:46"): its numbers are no day
_CLOCK_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_NUMERIC_DATE = re.compile(r"\b((?:19|20)\d{2})[./-](\d{1,2})[./-](\d{1,2})\b"
                           r"|\b(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d{2})\b")


def written_date(value: str) -> date | None:
    """A date written in one of the common ways other than ISO: an e-mail/RSS date ("Thu, 08 May 2014
    14:04:53 -0400"), year-month-day in Chinese, Japanese or Korean, all digits (day first when the
    year is last, as most of the world writes it), or a day, a month's name (`MONTH_NAMES`) and a
    year ("4. März 2026", "4 de marzo de 2026", "4 марта 2026", "March 4, 2026"). None otherwise."""
    value = norm_space(value)
    if not value or len(value) > 80:
        return None
    try:
        if m := _CJK_DATE.search(value):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _NUMERIC_DATE.search(value):
            if m[1]:
                return date(int(m[1]), int(m[2]), int(m[3]))
            day, month = int(m[4]), int(m[5])
            if month > 12 >= day:  # 03/25/2026: the month first, as in the United States
                day, month = month, day
            return date(int(m[6]), month, day)
        if re.match(r"^[A-Za-z]{3},\s", value):
            try:
                return parsedate_to_datetime(value).date()
            except (TypeError, ValueError, IndexError):
                pass
        value = _CLOCK_TIME.sub(" ", unicodedata.normalize("NFC", value).casefold())
        words = [w for w in re.findall(r"[^\W\d_]+|\d+", value) if w.isdigit() or w in MONTH_NAMES]
        at = next((i for i, w in enumerate(words) if w in MONTH_NAMES), None)
        years = [int(w) for w in words if w.isdigit() and len(w) == 4 and 1900 <= int(w) <= 2099]
        if at is None or not years:
            return None
        # the day is the number next to the month's name, other words aside: "16 Feb", "Feb 16",
        # "5 de marzo" (before it, then after)
        near = [words[i] for i in (at - 1, at + 1) if 0 <= i < len(words)]
        days = [int(w) for w in near if w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 31]
        if days:
            return date(years[0], MONTH_NAMES[words[at]], days[0])
    except ValueError:
        return None
    return None


def page_metadata(tree, url: str | None = None, html: str | None = None) -> dict:
    """`title`, `authors`, `published` (YYYY-MM-DD) and `sitename` of a page; missing ones are None/[].

    The title is the first of og:title, twitter:title, dc.title, the JSON-LD headline or name, the
    single `<h1>`, `<title>`, less the site's name (`clean_title`: the page's names for itself and
    its host, the JSON-LD headline and the `<h1>` as evidence of what the headline is); a title that
    is nothing but the site's name is passed over. Authors are `clean_authors`' of the first source
    that gives one, judged against the same names and the opening of the page's paragraphs."""
    found = _scan(tree)
    ld = _json_ld(found["ld"])
    metas = _meta_map(found["meta"])
    first = ld[0] if ld else {}

    sitename = _meta(metas, ("og:site_name", "application-name"))
    publisher = None
    for obj in ld:
        value = obj.get("publisher")
        if isinstance(value, dict) and isinstance(value.get("name"), str) and norm_space(value["name"]):
            publisher = norm_space(value["name"])
            break
    if sitename is None:
        sitename = publisher

    h1s = found["h1"]
    logos = [node for node in h1s[:2] if _is_logo(node)]
    h1_texts = [text for node in h1s[:2] if node not in logos and (text := node_text(node))]
    site = _Site([n for n in (sitename, publisher, metas.get("application-name"), metas.get("twitter:site"),
                              *map(node_text, logos)) if n],
                 _hosts(url, metas.get("og:url")))
    ld_headline = norm_space(first["headline"]) if isinstance(first.get("headline"), str) else ""
    headlines = tuple(h for h in (ld_headline, *h1_texts) if h)
    ld_name = norm_space(first["name"]) if isinstance(first.get("name"), str) else ""
    # every candidate is white-space normalised already (`_meta_map`, `node_text`)
    candidates = [_meta(metas, ("og:title",)), _meta(metas, ("twitter:title",)), _meta(metas, ("dc.title",)),
                  ld_headline, ld_name]
    if len(h1s) == 1:
        candidates.append(h1_texts[0] if h1_texts else None)
    if found["title"]:
        candidates.append(lambda: node_text(found["title"][0]))  # read only when nothing before does
    title = None
    for candidate in candidates:
        if callable(candidate):
            candidate = candidate()
        if not candidate:
            continue
        if title is None:
            title = candidate  # when every candidate is the site's name: the first, as it is
        cleaned = clean_title(candidate, site, headlines)
        if cleaned and not site.names_self(cleaned):
            title = cleaned
            break

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

    starts = _Openings(tree, metas, first)
    authors: list[str] = []
    for obj in ld:
        if authors := clean_authors(_names(obj.get("author")), site, starts):
            break
    if not authors and (value := _meta(metas, _AUTHOR_META)):
        authors = clean_authors([value], site, starts)
    if not authors:
        nodes = [(n.css_first("[itemprop=name]") or n) if n.attributes.get("itemprop") == "author" else n
                 for n in found["author"][:4]]
        authors = clean_authors([t for n in nodes if (t := node_text(n))], site, starts)
    if not authors:
        authors = clean_authors([t for n in found["byline"][:2] if len(t := node_text(n)) <= 80], site, starts)
    return {"title": title, "authors": authors, "published": published, "sitename": sitename}


def _is_home(url: str) -> bool:
    """True for the URL of a site's home page: a path of `/` or none, no query."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.path in ("", "/", "./") and not parts.query


def article_url(canonical: str | None, og_url: str | None) -> str | None:
    """The page's URL out of its canonical link and its og:url: the canonical one, unless it points
    to a home page (its own site's or another's) while og:url names a page of its own: a template
    that writes the home page in every canonical link says nothing about the article."""
    if canonical and og_url and _is_home(canonical) and not _is_home(og_url):
        return og_url
    return canonical or og_url


def strip_site(title: str | None, names: list[str | None], urls: list[str | None]) -> str | None:
    """`title` less the site's name (`clean_title`), the site known by `names` (og:site_name...) and
    the hosts of `urls`; a title that is nothing but the site's name is kept as it is."""
    if not title:
        return title
    site = _Site([n for n in names if n], _hosts(*urls))
    cleaned = clean_title(title, site)
    return cleaned if cleaned and not site.names_self(cleaned) else title




def _is_logo(node) -> bool:
    """True for an `<h1>` that is the site's name in a masthead: a link to the home page (`rel=home`,
    a path of `/`), an image inside, or a class or id from `LOGO_WORDS` on it or its link."""
    if node.css_first("img") is not None:
        return True
    link = node.css_first("a[href]")
    for box in (node, link):
        if box is not None:
            attrs = box.attributes
            words = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().split()
            if LOGO_WORDS.intersection(words):
                return True
    if link is None:
        return False
    if "home" in (link.attributes.get("rel") or "").split():
        return True
    href = (link.attributes.get("href") or "").strip()
    return bool(href) and not href.startswith("#") and _is_home(href)


class _Openings:
    """The openings of the page's story (its descriptions, the JSON-LD article body, the first long
    paragraphs), where a dateline sits: read only when a one-word author has to be checked."""

    def __init__(self, tree, metas: dict[str, str], ld: dict):
        self._tree, self._metas, self._ld = tree, metas, ld
        self._starts: tuple[str, ...] | None = None

    def __iter__(self):
        if self._starts is None:
            starts = [self._metas.get(key) for key in ("description", "og:description", "twitter:description")]
            starts += [self._ld.get(key) for key in ("articleBody", "description")]
            out = [norm_space(s[:200]) for s in starts if isinstance(s, str) and s]
            long_paras = 0
            for node in self._tree.css("p"):
                text = node.text(deep=True)
                if len(text) >= 80:
                    out.append(norm_space(text[:200]))
                    long_paras += 1
                    if long_paras >= 3:
                        break
            self._starts = tuple(out)
        return iter(self._starts)

    def __bool__(self) -> bool:
        return True


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
