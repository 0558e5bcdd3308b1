"""KCNA Watch (kcnawatch.org): an aggregator of North Korean state media (WordPress).

Article pages `/newstream/<unix time>-<id>/<slug>/`. Above the story: the page's date printed twice
(long and short form; NOT the publication date), the source badge (`KCNA KCNA.kp (En)`), the title
and a meta line `Date: dd/mm/yyyy | Source: <label> | Read original version at source` (the link goes
to the original). The story sits in `.article-content`; KCNA copy ends in `-0-` and KCNA's dateline
`www.kcna.kp (JucheNNN.M.D.)`. Every page ends in `More From <label>` teasers and a `More Articles`
link, whatever the source (KCNA, Rodong Sinmun, Voice of Korea, Minju Choson, Naenara, ...).
"""

from __future__ import annotations

import re

from ..rules import Context
from ..util import parse_date
from . import SiteProfile
from ._kcna_common import END_MARKER, JUCHE_TRAILER

META_LINE = re.compile(
    r"^Date:\s*(\d{1,2}/\d{1,2}/\d{4})\s*(?:\|\s*Source:\s*([^|]+?))?\s*(?:\|\s*Read original version at source)?\s*$")


def header(lines: list[str], ctx: Context) -> int | None:
    """Read the page header: the meta line gives `published` (dd/mm/yyyy) and `source`; the line
    above it (skipping the badge and the doubled page date) is the title. Returns how many leading
    lines form the header, or None when there is no meta line. In a page the link text of the meta
    line is a text node of its own, so a line ending in `|` is read together with the next one."""
    for i, line in enumerate(lines):
        used = 1
        if line.endswith("|") and i + 1 < len(lines):
            line, used = f"{line} {lines[i + 1]}", 2
        m = META_LINE.match(line)
        if not m:
            continue
        day = parse_date(m[1], dayfirst=True)
        ctx.set_meta("published", day.isoformat() if day else None)
        ctx.set_meta("source", m[2])
        for prev in reversed(lines[:i]):
            is_badge = bool(m[2]) and prev.endswith(m[2]) and len(prev) <= len(m[2]) + 30
            if not is_badge and not re.match(r"^[\w ,./-]*\d{4}$", prev):
                ctx.set_meta("title", prev)
                break
        return i + used
    return None


PROFILE = SiteProfile(
    name="kcnawatch",
    hosts=("kcnawatch.org",),
    site="kcnawatch.org",
    signature=re.compile(r"^Date: \d{1,2}/\d{1,2}/\d{4} \| Source: .+\| Read original version at source\s*$", re.M),
    body=".article-content",
    drop=".article-content .share-links, .article-content .source-badge",
    meta_css={"title": "h1.article-title, h1.entry-title, h1",
              "original_url": ".article-meta a[href], .meta-source a[href]"},
    header=header,
    end_marker=END_MARKER,
    drop_lines=(JUCHE_TRAILER,),
    more_from_footer=True,
)
