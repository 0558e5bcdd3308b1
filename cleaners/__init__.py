"""cleanwire's cleaning library: HTML or seed-format text in, a clean `Document` out.

    >>> from cleaners import clean_html, clean_text
    >>> doc = clean_html(page_bytes, url="https://example.org/news/1")
    >>> doc.text, doc.title, doc.published, doc.trace

Pure library: no Scrapy here, ever. See `pipeline` for the order the rules run in.
"""

from .document import RECORD_FIELDS, Document, Removal, canonical_url, error_record, make_id, record_schema
from .pipeline import RULESET_VERSION, CleanError, clean_html, clean_text

__version__ = "0.1.0"

__all__ = [
    "RECORD_FIELDS",
    "RULESET_VERSION",
    "CleanError",
    "Document",
    "Removal",
    "canonical_url",
    "clean_html",
    "clean_text",
    "error_record",
    "make_id",
    "record_schema",
]
