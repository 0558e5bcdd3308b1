"""Small helpers shared by the rules: whitespace, loose dates, DOM text and link density."""

from __future__ import annotations

import re
from datetime import date

_WS = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
#: Invisible format characters that carry no text: the soft hyphen (a hyphenation hint that
#: splits a word for search and dedup), zero-width space, word joiner, byte-order mark, and the
#: bidirectional marks, embeddings and isolates (they order what is shown, not what is said).
#: Zero-width non-joiner and joiner are spelling in Persian, Kurdish, Indic scripts and emoji
#: (`می‌خواهم`): they stay between two such characters and go beside ASCII, spaces or edges.
_INVISIBLE = re.compile(
    "[\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
    "|(?<![^\\s\\x00-\\x7f])[\u200c\u200d]|[\u200c\u200d](?![^\\s\\x00-\\x7f])")
#: any of those characters: one C-speed scan tells whether a text needs `_INVISIBLE` at all
_ANY_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
#: A date written out in one of the usual ways (no anchors): `February 25, 2026`, `25 Feb 2026`,
#: `2026-02-25`, `25/02/2026`, `2026.02.25.`
DATE_RE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4}|\d{4}\.\d{1,2}\.\d{1,2}\.?)"
)
_DATE_FULL = re.compile(rf"^{DATE_RE}$", re.I)


def norm_space(text: str) -> str:
    """Collapse runs of horizontal white space (incl. no-break spaces) to one space; strip; drop
    invisible format characters (`_INVISIBLE`). Never touches letters, quotes or punctuation."""
    return _WS.sub(" ", _drop_invisible(text)).strip()


def _drop_invisible(text: str) -> str:
    """`text` without the characters `_INVISIBLE` matches (most texts have none: a quick check first)."""
    if not text.isascii() and _ANY_INVISIBLE.search(text):
        return _INVISIBLE.sub("", text)
    return text


def parse_date(text: str, dayfirst: bool = True) -> date | None:
    """Parse a date written alone on a line in one of the forms of `DATE_RE`; None otherwise."""
    s = norm_space(text).rstrip(".").lower()
    if not _DATE_FULL.match(s):
        return None
    try:
        if m := re.match(r"^(\d{4})[-.](\d{1,2})[-.](\d{1,2})$", s):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", s):
            d, mo = (int(m[1]), int(m[2])) if dayfirst else (int(m[2]), int(m[1]))
            return date(int(m[3]), mo, d)
        words = re.findall(r"[a-z]+|\d+", s)
        nums = [int(w) for w in words if w.isdigit()]
        month = next(MONTHS[w] for w in words if w in MONTHS)
        day, year = (nums[0], nums[1]) if nums[1] > 31 else (nums[1], nums[0])
        return date(year, month, day)
    except (ValueError, StopIteration, IndexError):
        return None


def same_content(a: str, b: str) -> bool:
    """True when two short texts say the same thing: equal up to case and spacing, or the same
    date written two ways (`February 25, 2026` and `Feb 25, 2026`)."""
    a, b = norm_space(a).casefold(), norm_space(b).casefold()
    if not a or not b:
        return False
    if a == b:
        return True
    da = parse_date(a)
    return da is not None and da == parse_date(b)




def scrub_surrogates(text: str | None) -> str | None:
    """`text` made writable as UTF-8: a surrogate pair split in two code points is joined, and a lone
    surrogate (a `surrogateescape`d file name, a string from a UTF-7 or `unicode_escape` page, a
    caller's broken string) becomes U+FFFD. Text without surrogates is returned as it is."""
    if not text or text.isascii():
        return text
    try:
        text.encode("utf-8")  # C speed: a page's whole text in microseconds, where a regex scan took 0.4 ms
    except UnicodeEncodeError:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def node_text(node) -> str:
    """The visible text of a selectolax node, all white space (newlines too) collapsed to one space."""
    return collapse(node.text(deep=True, separator=" "))


def collapse(raw: str) -> str:
    """Text as `node_text` gives it: invisible format characters dropped (`_INVISIBLE`), all white
    space collapsed."""
    return " ".join(_drop_invisible(raw).split())


def link_density(node, text: str | None = None) -> float:
    """Share of a node's text that sits inside links (0 when it has no text)."""
    text = node_text(node) if text is None else text
    if not text:
        return 0.0
    linked = sum(len(node_text(a)) for a in node.css("a"))
    return min(1.0, linked / len(text))


def is_attached(node) -> bool:
    """False once the node (or an ancestor) was taken out of the tree."""
    while node.parent is not None:
        node = node.parent
    return node.tag in ("html", "-document")


def ancestor_ids(node) -> set[int]:
    """The `mem_id`s of `node` and of every box above it (empty for None)."""
    ids = set()
    while node is not None:
        ids.add(node.mem_id)
        node = node.parent
    return ids


def has_ancestor_in(node, ids: set[int]) -> bool:
    """True when an ancestor of `node` (not the node itself) has its `mem_id` in `ids`."""
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False
