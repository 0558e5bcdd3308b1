"""Names for what goes wrong in a crawl, so stats, logs and the summary say it the same way.

A request that failed for good (after its retries) is counted as `cleanwire/faults/<kind>`;
`kind_of()` names it from the exception:

    timeout             the server did not answer, or stopped sending, within DOWNLOAD_TIMEOUT
    connection_reset    the connection was reset (RST) in the middle of the body
    connection_lost     the connection broke before a response came
    truncated           the connection was closed before the body's announced length or last chunk
    refused             nothing listens on the port
    dns                 the host name does not resolve
    too_large           the body is larger than DOWNLOAD_MAXSIZE
    decompression_bomb  the body grows past DOWNLOAD_MAXSIZE while it is decompressed
    redirect_loop       a redirect back to a URL of the chain, or more than REDIRECT_MAX_TIMES
    http_<status>       an HTTP error status (after retries for 429 and 5xx)
    robots_unavailable  a page not fetched because its host's robots.txt answered 5xx or could not
                        be fetched (RFC 9309: assume disallow; see crawler.middlewares)

`is_lost(kind)`: whether the page is lost to a fault — a crawl with such pages exits 3 — or is a
dead link (404, 410: the site removed the page; counted, named, but not a failure of the crawl).
"""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError

#: HTTP statuses that mean "the page is not there" rather than "we could not get it".
DEAD_LINK_STATUSES = frozenset({404, 410})

_NAMES = {
    "TimeoutError": "timeout", "DownloadTimeoutError": "timeout", "TCPTimedOutError": "timeout",
    "ResponseDataLossError": "truncated", "_DataLoss": "truncated", "PotentialDataLoss": "truncated",
    "ConnectionRefusedError": "refused", "DNSLookupError": "dns", "DownloadCancelledError": "too_large",
    "ConnectionLost": "connection_lost", "ConnectionDone": "connection_lost", "ResponseFailed": "connection_lost",
    "ResponseNeverReceived": "connection_lost", "ConnectionAborted": "connection_lost",
    "ConnectionResetError": "connection_lost", "DownloadFailedError": "connection_lost",
    "DownloadConnectionRefusedError": "refused",
}


class Lost(IgnoreRequest):
    """A request our middlewares give up on because of a fault (`kind`: a name above), not by
    choice: the page counts as lost."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def kind_of(exc: BaseException) -> str | None:
    """The fault an exception stands for (an HttpError: `http_<status>`); None for a request that
    was not fetched on purpose (robots.txt, the address guard, a filter)."""
    if isinstance(exc, HttpError) and exc.response is not None:
        return f"http_{exc.response.status}"
    message = str(exc)
    if isinstance(exc, Lost):  # our own middlewares say which fault
        return exc.kind
    if isinstance(exc, IgnoreRequest):
        # Scrapy's own carry no type of their own (nor their cause, by the errback): their words
        if "during decompression" in message:
            return "decompression_bomb"
        if "max redirections" in message:
            return "redirect_loop"
        if "download max size" in message or "DOWNLOAD_MAXSIZE" in message:
            return "too_large"
        return None
    name = type(exc).__name__
    if name == "ResponseDataLossError":
        # a body cut short: by a reset (RST: ConnectionLost) or by a clean close (ConnectionDone)
        reasons = getattr(exc.__cause__, "reasons", None) or []
        if any(type(getattr(r, "value", r)).__name__ == "ConnectionLost" for r in reasons):
            return "connection_reset"
        return "truncated"
    if name in _NAMES:
        if name == "DownloadCancelledError" and "max size" not in message and message:
            return "cancelled"
        return _NAMES[name]
    if "data loss" in message.lower():
        return "truncated"
    return name.lower()


def is_lost(kind: str) -> bool:
    """True when a page failed for a fault (the crawl is partial), False for a dead link."""
    if kind.startswith("http_"):
        try:
            return int(kind[5:]) not in DEAD_LINK_STATUSES
        except ValueError:
            return True
    return True
