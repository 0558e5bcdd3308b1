"""The address guard: the one place every request passes before anything is sent (SSRF).

`AddressGuard` is the first downloader middleware (priority 50), so it sees every request the
crawl would send: start URLs, links, sitemap and feed entries, robots.txt `Sitemap:` lines,
redirects (Scrapy's redirect middlewares hand back a new Request, which goes through the
downloader middlewares again) and the robots.txt fetches themselves. It refuses

* any scheme other than http and https (`file:`, `ftp:`, `data:`, `javascript:`, ...), whatever
  the download handlers would do with it: stats `cleanwire/refused/scheme`;
* a host that is, or resolves to, a private address: loopback, RFC 1918, link-local (the cloud
  metadata address 169.254.169.254 too), unique-local and site-local IPv6, unspecified,
  multicast, reserved or otherwise not globally routable, with IPv4 inside IPv6 (`::ffff:a.b.c.d`,
  6to4) judged by the IPv4 it carries: stats `cleanwire/refused/private_address`.

Hosts are never parsed by hand: an IP literal is read by `ipaddress`; anything else (a name,
`localhost`, `2130706433`, `0x7f.1`, `127.1`) is resolved with the reactor's resolver, the one the
download itself uses (Scrapy's DNS cache), and every address it gives is judged. A response whose
peer address turns out private anyway (DNS changed between the check and the connection) is
refused too, though its request was sent. A refused request raises `Refused` (an IgnoreRequest);
it is logged once per host, as one warning line.

The setting `CLEANWIRE_PRIVATE_ADDRESSES` chooses:

* `auto` (default): when every start URL's host is private (a crawl of 127.0.0.1 or an intranet),
  private targets are allowed; otherwise as `deny`;
* `deny`: private targets are refused, except the start URLs' own host:port (as written);
* `allow`: no address check (the scheme check stays).
"""

from __future__ import annotations

import ipaddress
import logging
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred
from twisted.internet.error import DNSLookupError
from twisted.internet.interfaces import IResolutionReceiver
from zope.interface import implementer

logger = logging.getLogger(__name__)

MODES = ("auto", "deny", "allow")
SCHEMES = ("http", "https")
_DEFAULT_PORTS = {"http": 80, "https": 443}

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class Refused(IgnoreRequest):
    """A request the address guard would not send (counted and logged by the guard)."""


def is_private(address: IPAddress) -> bool:
    """True when `address` is not a public unicast address a crawler may connect to."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is not None:
            return is_private(embedded)
        if address.is_site_local:
            return True
    return (not address.is_global or address.is_private or address.is_loopback or address.is_link_local
            or address.is_multicast or address.is_reserved or address.is_unspecified)


def refuses_private(mode: str, starts_private: list[bool]) -> bool:
    """Whether private targets are refused, given the mode and, for each start URL's host, whether
    it is private: `deny` yes, `allow` no, `auto` unless every start host is private."""
    if mode == "allow":
        return False
    if mode == "auto":
        return not (starts_private and all(starts_private))
    return True


def ip_literal(host: str) -> IPAddress | None:
    """`host` read as an IP address when it is one in standard notation (urlsplit's hostname of
    `[::1]` is `::1`), else None: other spellings are left to the resolver."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


async def resolve(host: str) -> list[IPAddress]:
    """Every address the reactor's resolver gives for `host` (the resolver downloads use, with
    Scrapy's DNS cache); empty when the name does not resolve."""
    from twisted.internet import reactor

    found: list[IPAddress] = []
    done: Deferred[list[IPAddress]] = Deferred()

    @implementer(IResolutionReceiver)
    class Receiver:
        def resolutionBegan(self, resolution) -> None:
            pass

        def addressResolved(self, address) -> None:
            literal = ip_literal(getattr(address, "host", "").split("%", 1)[0])
            if literal is not None:
                found.append(literal)

        def resolutionComplete(self) -> None:
            done.callback(found)

    reactor.nameResolver.resolveHostName(Receiver(), host)
    return await maybe_deferred_to_future(done)


def _host_port(url: str) -> tuple[str, int | None]:
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    return (parts.hostname or "").lower(), port or _DEFAULT_PORTS.get(parts.scheme)


class AddressGuard:
    """Downloader middleware: refuses non-http(s) requests and private targets (see the module)."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.mode = str(crawler.settings.get("CLEANWIRE_PRIVATE_ADDRESSES", "auto") or "auto").strip().lower()
        if self.mode not in MODES:
            # fail loudly: a typo must not switch the guard off
            raise ValueError(f"CLEANWIRE_PRIVATE_ADDRESSES must be one of {', '.join(MODES)}, not {self.mode!r}")
        self._decided = False
        self._check = self.mode != "allow"  # whether private targets are refused at all
        self._exempt: set[tuple[str, int | None]] = set()  # the start URLs' own host:port
        self._logged: set[tuple[str, str]] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def _decide(self) -> None:
        """Once, at the first request: the start URLs' host:port, and in auto mode whether the
        crawl starts on private hosts only."""
        if self._decided:
            return
        spider = self.crawler.spider
        starts = [u for u in getattr(spider, "start_urls", None) or [] if isinstance(u, str)]
        exempt = {_host_port(u) for u in starts if urlsplit(u).scheme in SCHEMES and urlsplit(u).hostname}
        starts_private = []
        if self.mode == "auto":
            for host, _ in sorted(exempt):
                addresses = [a] if (a := ip_literal(host)) is not None else await resolve(host)
                starts_private.append(bool(addresses) and any(is_private(a) for a in addresses))
        if self._decided:  # another request decided while this one resolved
            return
        self._exempt = exempt
        self._check = refuses_private(self.mode, starts_private)
        if self.mode == "auto" and not self._check:
            logger.info("address guard: the start URLs are on private addresses (%s), so private targets are "
                        "allowed (CLEANWIRE_PRIVATE_ADDRESSES=auto)", ", ".join(sorted(h for h, _ in exempt)))
        elif self._check:
            logger.info("address guard: requests to private addresses are refused, except the start URLs' own "
                        "hosts (CLEANWIRE_PRIVATE_ADDRESSES=%s)", self.mode)
        self._decided = True

    def _refuse(self, kind: str, host: str, message: str) -> Refused:
        self.stats.inc_value(f"cleanwire/refused/{kind}")
        key = (kind, host)
        if key not in self._logged:
            self._logged.add(key)
            logger.warning("%s (further requests refused for the same reason are not logged)", message)
        return Refused(message)

    async def process_request(self, request):
        parts = urlparse_cached(request)
        scheme = (parts.scheme or "").lower()
        if scheme not in SCHEMES:
            raise self._refuse("scheme", scheme, f"refused {request.url[:200]}: only http and https are fetched, "
                                                 f"not {scheme or 'a URL without a scheme'}")
        await self._decide()
        if not self._check:
            return None
        host, port = _host_port(request.url)
        if (host, port) in self._exempt:
            return None
        literal = ip_literal(host)
        if literal is not None:
            addresses = [literal]
        else:
            addresses = await resolve(host)
            if not addresses:  # the download would fail the same way; never connect on a failed lookup
                raise DNSLookupError(host)
        bad = [str(a) for a in addresses if is_private(a)]
        if bad:
            shown = host if literal is not None else f"{host} ({', '.join(bad)})"
            raise self._refuse("private_address", host,
                               f"refused {request.url[:200]}: {shown} is a private address "
                               f"(CLEANWIRE_PRIVATE_ADDRESSES={self.mode})")
        return None

    def process_response(self, request, response):
        """The address actually connected to: refuse a private peer that the check did not expect
        (the name now resolves elsewhere). Not applied through a proxy (the peer is the proxy)."""
        peer = getattr(response, "ip_address", None)
        if peer is None or not self._decided or not self._check or request.meta.get("proxy") or not is_private(peer):
            return response
        host, port = _host_port(request.url)
        if (host, port) in self._exempt:
            return response
        raise self._refuse("private_address", host, f"refused {request.url[:200]}: the server answered from the "
                                                    f"private address {peer} (CLEANWIRE_PRIVATE_ADDRESSES={self.mode})")
