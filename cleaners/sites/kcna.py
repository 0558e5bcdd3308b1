"""KCNA (kcna.kp), the Korean Central News Agency's own site.

Article pages `/<lang>/article/q/<32 hex>.kcmsf`. The title sits in `.article-main-title`, the date
in `.publish-time` (`[2023.01.30.]`), the story in `.content-wrapper` (paragraphs), followed by a photo
strip, "previous / next" links and the agency's menus. Stories end in KCNA's `-0-`.
"""

from __future__ import annotations

from . import SiteProfile
from ._kcna_common import DATELINE, END_MARKER, JUCHE_TRAILER

PROFILE = SiteProfile(
    name="kcna",
    hosts=("kcna.kp",),
    site="kcna.kp",
    source="KCNA",
    signature=DATELINE,
    body=".article-main .content-wrapper, .content-wrapper",
    drop=".content-wrapper .media-wrapper, .content-wrapper .photo-strip",
    meta_css={"title": ".article-main-title", "published": ".publish-time"},
    end_marker=END_MARKER,
    drop_lines=(JUCHE_TRAILER,),
)
