"""The record type: one clean article, defined once and used by the crawler, the CLI and the tests.

`Document` holds the fields of a cleanwire record in their fixed order (see `RECORD_FIELDS` and
`record.schema.json`); `Document.to_record()` gives the JSON-ready dict, `to_json()` one JSON line.
`error_record()` is the one shape of an error record: every input gives a Document or an error.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from urllib.parse import urlsplit, urlunsplit

from .util import scrub_surrogates

__all__ = [
    "RECORD_FIELDS",
    "Document",
    "Removal",
    "canonical_url",
    "error_record",
    "make_id",
    "record_schema",
]

#: The record's keys, in the order they are written.
RECORD_FIELDS = (
    "id", "url", "path", "site", "source", "title", "authors", "published", "language",
    "language_score", "text", "sources", "original_url", "fetched_at", "cleaner",
)

# Query parameters that only track the visitor; they never change which article a URL names.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|yclid|mc_cid|mc_eid|_ga|igshid|ref_src|cmpid)$", re.I)


def canonical_url(url: str | None) -> str | None:
    """Normalise a URL so one article has one URL: lower-case scheme and host, no default port,
    no fragment, no tracking parameters, and `/` for an empty path. Returns None for None/blank.
    A URL that does not parse (a broken IPv6 literal, a port out of range) is kept as written."""
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = port if port and (scheme, port) not in (("http", 80), ("https", 443)) else None
    netloc = host + (f":{port}" if port else "")
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    # drop tracking parameters but keep the rest of the query exactly as written (kcna.kp and
    # rodong.rep.kp ids are base64 with `=` padding that re-encoding would mangle)
    kept = [piece for piece in parts.query.split("&") if piece and not _TRACKING.match(piece.split("=", 1)[0])]
    query = "&".join(kept)
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def make_id(url: str | None, text: str) -> str:
    """16 lower-case hex digits: sha256 of the canonical URL, or of the text when there is no URL."""
    basis = canonical_url(url) or text
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Removal:
    """One piece a rule took out: which rule, at which stage (`dom`, `extract`, `text` or `site`), and the text."""

    rule: str
    stage: str
    text: str


@dataclass
class Document:
    """A clean article. The first fields are the record; `trace` (what each rule removed) is not."""

    id: str
    url: str | None
    path: str | None
    site: str | None
    source: str | None
    title: str | None
    authors: list[str]
    published: str | None
    language: str | None
    language_score: float | None
    text: str
    sources: list[str]
    original_url: str | None
    fetched_at: str | None
    cleaner: str
    trace: list[Removal] = field(default_factory=list, repr=False, compare=False)
    #: what the content finder chose and why (`Context.finder`), for `explain`; not in the record
    finder: dict = field(default_factory=dict, repr=False, compare=False)

    def to_record(self) -> dict:
        """The record as a dict with the keys in `RECORD_FIELDS` order."""
        return {name: getattr(self, name) for name in RECORD_FIELDS}

    def to_json(self) -> str:
        """The record as one JSON line (UTF-8 text, no newline at the end)."""
        return json.dumps(self.to_record(), ensure_ascii=False)


def error_record(*, error: str, message: str, path: str | None = None, url: str | None = None) -> dict:
    """The one shape of an error record: where the input came from, the kind of error and why. Lone
    surrogates (a file name that is not UTF-8, read with `surrogateescape`) become U+FFFD: the
    error file is UTF-8 JSON Lines, like the records."""
    return {"path": scrub_surrogates(path), "url": scrub_surrogates(url), "error": error,
            "message": scrub_surrogates(message)}


def record_schema() -> dict:
    """The JSON Schema of a record (shipped as `cleaners/record.schema.json`)."""
    return json.loads(resources.files("cleaners").joinpath("record.schema.json").read_text("utf-8"))
