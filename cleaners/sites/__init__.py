"""Site knowledge, as data: one small module per site, each defining a `PROFILE`.

A `SiteProfile` says how a site's pages are built: which hosts it serves, how to recognise its
text when no URL is known (`signature`), the CSS of its article body and of its own chrome, where
its metadata sits (CSS, a header parser over the leading lines, the URL), its end-of-story marker
and trailer lines, and whether its pages end in a "More From ..." rail. The site rules below
(`site.*`) turn a profile into removals; everything else is left to the generic rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..rules import Context, DomRule, TextRule, dom_rule, text_rule


@dataclass(frozen=True)
class SiteProfile:
    """Declarative description of one site (see the module docstring)."""

    name: str
    hosts: tuple[str, ...]
    site: str                                   # host reported when no URL is known
    source: str | None = None                   # default publisher / source label
    signature: re.Pattern | None = None         # recognises the site's text when no URL is known
    body: str | None = None                     # CSS of the article body (first match)
    drop: str | None = None                     # CSS of the site's own chrome inside or around the body
    meta_css: dict[str, str] = field(default_factory=dict)  # field -> CSS (text, or href for *_url)
    header: Callable[[list[str], Context], int | None] | None = None  # parses header lines
    url_meta: Callable[[str], dict] | None = None  # metadata found in the URL itself
    end_marker: re.Pattern | None = None        # the story's last line ends with it (marker stripped)
    drop_lines: tuple[re.Pattern, ...] = ()     # whole lines that are the site's trailer
    more_from_footer: bool = False              # its pages end in a "More From ..." teaser rail

    def serves(self, host: str) -> bool:
        host = host.lower()
        return any(host == h or host.endswith("." + h) for h in self.hosts)


def _load() -> tuple[SiteProfile, ...]:
    from . import kcna, kcnawatch, ohmymag, rodong

    return (kcnawatch.PROFILE, kcna.PROFILE, rodong.PROFILE, ohmymag.PROFILE)


PROFILES: tuple[SiteProfile, ...] = _load()


def host_of(url: str | None) -> str | None:
    """The URL's host, lower-case, without a leading `www.`; None for a URL that does not parse
    (a broken IPv6 literal such as `http://[::1`)."""
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def for_url(url: str | None) -> SiteProfile | None:
    """The profile that serves the URL's host, if any."""
    host = host_of(url)
    if not host:
        return None
    return next((p for p in PROFILES if p.serves(host)), None)


def by_name(name: str | None) -> SiteProfile | None:
    """The profile called `name` (`kcnawatch`, `ohmymag`...); raises KeyError for an unknown name."""
    if not name:
        return None
    for profile in PROFILES:
        if profile.name == name:
            return profile
    raise KeyError(f"no site profile {name!r}; known: {', '.join(p.name for p in PROFILES)}")


def for_text(text: str) -> SiteProfile | None:
    """The first profile whose signature occurs in the text (for input with no URL)."""
    head = text[:20000]
    return next((p for p in PROFILES if p.signature is not None and p.signature.search(head)), None)


# ---------------------------------------------------------------- site rules (profile-driven)

@dom_rule("site.body")
def site_body(root, ctx: Context) -> Iterable:
    """Everything outside the site's article body (its profile's `body` CSS): page chrome,
    header, rails and footers all sit outside it. No match: nothing is removed."""
    profile = ctx.profile
    if profile is None or not profile.body:
        return
    body = root.css_first(profile.body)
    if body is None:
        return
    node = body
    while node.parent is not None and node.tag != "body":
        sib = node.parent.child
        while sib is not None:
            if sib.mem_id != node.mem_id and sib.tag not in ("-text", "head"):
                yield sib
            sib = sib.next
        node = node.parent


@dom_rule("site.drop")
def site_drop(root, ctx: Context) -> Iterable:
    """The site's own chrome named in its profile (`drop` CSS): badges, meta lines, photo strips."""
    if ctx.profile is not None and ctx.profile.drop:
        yield from root.css(ctx.profile.drop)


@text_rule("site.header")
def site_header(lines: list[str], ctx: Context) -> list[str]:
    """The site's page header printed above the story (dates, source badge, title, meta line):
    its profile's header parser reads the metadata out of it; the lines leave the body."""
    if ctx.profile is None or ctx.profile.header is None:
        return lines
    end = ctx.profile.header(lines[:12], ctx)
    if not end:
        return lines
    for dropped in lines[:end]:
        ctx.drop(dropped)
    return lines[end:]


@text_rule("site.end_marker")
def site_end_marker(lines: list[str], ctx: Context) -> list[str]:
    """The site's end-of-story marker (KCNA's `-0-`): the marker is stripped, the sentence before it
    stays, and everything after that line goes (datelines, rails, footers)."""
    marker = ctx.profile.end_marker if ctx.profile is not None else None
    if marker is None:
        return lines
    for i, line in enumerate(lines):
        m = marker.search(line)
        if m:
            ctx.drop(m.group(0).strip())
            for dropped in lines[i + 1:]:
                ctx.drop(dropped)
            kept = line[:m.start()].rstrip()
            return lines[:i] + ([kept] if kept else [])
    return lines


@text_rule("site.drop_lines")
def site_drop_lines(lines: list[str], ctx: Context) -> list[str]:
    """Whole lines that are the site's trailer (KCNA's `www.kcna.kp (Juche112.1.30.)` dateline)."""
    if ctx.profile is None or not ctx.profile.drop_lines:
        return lines
    keep = []
    for line in lines:
        if any(p.match(line) for p in ctx.profile.drop_lines):
            ctx.drop(line)
        else:
            keep.append(line)
    return keep


SITE_DOM_RULES: tuple[DomRule, ...] = (site_body, site_drop)
SITE_TEXT_RULES: tuple[TextRule, ...] = (site_header, site_end_marker, site_drop_lines)
