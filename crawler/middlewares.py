"""Downloader middlewares for servers that misbehave: retries that back off and honour Retry-After,
a robots.txt that cannot be fetched (see `RobotsPolicyMiddleware`), redirect loops
(`RedirectLoopMiddleware`), and header charsets that name no text encoding (`CharsetGuard`).

Scrapy's own RetryMiddleware retries at once. `BackoffRetryMiddleware` retries the same requests
(RETRY_TIMES, RETRY_HTTP_CODES, RETRY_EXCEPTIONS) but first pauses the whole host (its download
slot: no request to it starts) for

* the `Retry-After` of a 429 or 503 response (seconds or an HTTP date), capped at
  `CLEANWIRE_RETRY_AFTER_MAX` seconds (default 300; a longer demand is treated as the cap);
* otherwise `CLEANWIRE_RETRY_BACKOFF` seconds (default 1) doubled at each retry of the request,
  capped at `CLEANWIRE_RETRY_BACKOFF_MAX` (default 60), with up to 25% random jitter.

A server that says "slow down" is obeyed for every page of that host, not just the one that got
the answer, and a burst of 503s or resets is waited out instead of burning the retries in a
second. Stats: `cleanwire/backoff/pauses`, `cleanwire/backoff/retry_after` (pauses that a
Retry-After set), `cleanwire/backoff/seconds`.
"""

from __future__ import annotations

import logging
import random
import time
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import TextResponse
from scrapy.utils.asyncio import call_later
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from cleaners.encoding import bom_encoding, charset_label, codec_name, declared_charset, utf16_without_bom

from .faults import Lost

logger = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds a `Retry-After` header asks to wait (delta-seconds or an HTTP date), None when
    absent or unreadable. A date in the past means 0."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class BackoffRetryMiddleware(RetryMiddleware):
    """Retries that pause the host first (see the module's docstring)."""

    def __init__(self, settings):
        super().__init__(settings)
        self.backoff = settings.getfloat("CLEANWIRE_RETRY_BACKOFF", 1.0)
        self.backoff_max = settings.getfloat("CLEANWIRE_RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_max = settings.getfloat("CLEANWIRE_RETRY_AFTER_MAX", 300.0)
        self.paused_until: dict[str, float] = {}  # download slot key -> monotonic time it resumes

    def process_response(self, request, response, spider=None):
        result = super().process_response(request, response)
        if result is not response:  # a retry: wait first
            asked = retry_after_seconds(response.headers.get(b"Retry-After")) \
                if response.status in (429, 503) else None
            self._pause(request, asked)
        return result

    def process_exception(self, request, exception, spider=None):
        result = super().process_exception(request, exception)
        if result is not None:
            self._pause(request, None)
        return result

    def _pause(self, request, asked: float | None) -> None:
        """Hold the request's host for `asked` seconds (Retry-After) or the back-off of this retry."""
        if asked is not None:
            seconds = min(asked, self.retry_after_max)
            self.crawler.stats.inc_value("cleanwire/backoff/retry_after")
        else:
            tries = request.meta.get("retry_times", 0)  # already counts the retry being made
            seconds = min(self.backoff * 2 ** max(0, tries - 1), self.backoff_max)
            seconds *= 1 + random.uniform(0, 0.25)
        if seconds <= 0:
            return
        downloader = getattr(self.crawler.engine, "downloader", None)
        if downloader is None:
            return
        key, slot = downloader._get_slot(request)
        until = time.monotonic() + seconds
        if self.paused_until.get(key, 0.0) >= until:
            return  # already held at least that long
        if slot.latercall is not None:
            slot.latercall.cancel()

        def resume(slot=slot, key=key):
            slot.latercall = None
            self.paused_until.pop(key, None)
            downloader._process_queue(slot)

        self.paused_until[key] = until
        slot.latercall = call_later(seconds, resume)
        self.crawler.stats.inc_value("cleanwire/backoff/pauses")
        self.crawler.stats.inc_value("cleanwire/backoff/seconds", round(seconds, 3))
        logger.info("pausing %s for %.1f s before retrying %s%s", key, seconds, request.url,
                    " (Retry-After)" if asked is not None else "")


class RobotsPolicyMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, with RFC 9309's rule for a robots.txt that cannot be had:
    a server error (5xx, after the retries) or a network failure (timeout, reset) means "assume
    complete disallow" — the host is not crawled, and the summary says why. Setting
    `CLEANWIRE_ROBOTS_UNAVAILABLE=allow` crawls such hosts as if they had no robots.txt (Scrapy's
    own behaviour). A 4xx robots.txt means no rules, as the RFC says. Either way the host is
    counted in `cleanwire/robots_unavailable` and logged once; under `disallow` every page of the
    host is refused with `faults.Lost` ("robots.txt unavailable ..."), which the spider counts as
    the fault `robots_unavailable` (pages lost)."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.unavailable: dict[str, str] = {}  # netloc -> why, for hosts not crawled
        policy = crawler.settings.get("CLEANWIRE_ROBOTS_UNAVAILABLE", "disallow")
        if policy not in ("disallow", "allow"):
            raise ValueError(f"CLEANWIRE_ROBOTS_UNAVAILABLE is 'disallow' or 'allow', not {policy!r}")
        self.allow_unavailable = policy == "allow"

    def process_request_2(self, rp, request):
        netloc = urlparse_cached(request).netloc
        if netloc in self.unavailable:
            raise Lost("robots_unavailable",
                       f"robots.txt unavailable ({self.unavailable[netloc]}): not crawled (RFC 9309)")
        super().process_request_2(rp, request)

    async def _parse_robots(self, response, netloc, request):
        if response.status >= 500:
            self._stats.inc_value("robotstxt/response_count")
            self._stats.inc_value(f"robotstxt/response_status_count/{response.status}")
            self._unavailable(netloc, f"HTTP {response.status}")
            return
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc, netloc):
        if isinstance(exc, IgnoreRequest):  # refused before fetching (e.g. the address guard)
            super()._robots_error(exc, netloc)
            return
        self._stats.inc_value(f"robotstxt/exception_count/{type(exc)}")
        self._unavailable(netloc, type(exc).__name__)

    def _unavailable(self, netloc: str, why: str) -> None:
        self._stats.inc_value("cleanwire/robots_unavailable")
        if self.allow_unavailable:
            logger.warning("robots.txt of %s unavailable (%s): crawling it as if it had none "
                           "(CLEANWIRE_ROBOTS_UNAVAILABLE=allow)", netloc, why)
            parser = None
        else:
            logger.warning("robots.txt of %s unavailable (%s): not crawling it (RFC 9309: assume disallow; "
                           "-s CLEANWIRE_ROBOTS_UNAVAILABLE=allow crawls it anyway)", netloc, why)
            self.unavailable[netloc] = why
            parser = None
        waiting = self._parsers[netloc]
        self._parsers[netloc] = parser
        if isinstance(waiting, Deferred):
            waiting.callback(parser)


class RedirectLoopMiddleware:
    """Names a redirect loop instead of losing the page silently: a redirect back to a URL already
    on the request's redirect chain (A -> B -> A) would otherwise be dropped by the duplicate
    filter without a word. Runs just before Scrapy's RedirectMiddleware sees the response; the
    request fails with `faults.Lost` ("redirect loop: ..."), counted as the fault `redirect_loop`.
    (A chain that never repeats is cut at REDIRECT_MAX_TIMES by Scrapy, the same fault.)"""

    def process_response(self, request, response, spider=None):
        if response.status not in (301, 302, 303, 307, 308) or b"Location" not in response.headers:
            return response
        target = urljoin(request.url, response.headers[b"Location"].decode("latin-1")).split("#", 1)[0]
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            hops = " -> ".join([*chain[chain.index(target):], target])
            raise Lost("redirect_loop", f"redirect loop: {hops}")
        return response


def header_charset(headers) -> str | None:
    """The charset label of a response's Content-Type header (`text/html; charset=LABEL`), or None."""
    return charset_label((headers.get(b"Content-Type") or b"").decode("latin-1"))


def readable_encoding(body: bytes) -> str:
    """The encoding to read a page's markup with when its header names none: a byte-order mark, the
    page's own `<meta charset>` when the bytes decode under it, strict UTF-8, else windows-1252 (as
    `cleaners.encoding` reads a page; the cleaner decodes the original bytes again its own way)."""
    found = bom_encoding(body) or utf16_without_bom(body)
    if found:
        return found
    for candidate in (declared_charset(body), "utf-8"):
        if candidate:
            try:
                body.decode(candidate)
            except (UnicodeError, LookupError):
                continue
            return candidate
    return "cp1252"


def readable(response):
    """`response`, or, when its header charset names no text encoding a page can be read with
    (`rot13`, `base64`, `hex`, `zlib`, `idna`, `undefined`, an unknown label: see
    `cleaners.encoding.codec_name`), the same response read with `readable_encoding` instead. The
    headers and bytes stay as they came, so the spider still counts the unknown charset."""
    if not isinstance(response, TextResponse):
        return response
    label = header_charset(response.headers)
    if label is None or codec_name(label) is not None:
        return response
    return response.replace(encoding=readable_encoding(response.body))


class CharsetGuard:
    """A header charset naming a codec that is no text encoding makes Scrapy's `TextResponse.text`
    raise (and the meta-refresh middleware reads it before the spider does): the page would be lost.
    Such a response is read as a page with an unknown charset is (`readable`). Sits between
    HttpCompressionMiddleware (590), whose decoded body it reads, and MetaRefreshMiddleware (580)."""

    def process_response(self, request, response, spider=None):
        return readable(response)
