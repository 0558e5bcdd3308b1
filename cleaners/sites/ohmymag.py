"""Ohmymag-style magazines (ohmymag.co.uk, ohmymag.com): article pages `/news/<slug>_art<N>.html`.

The body (`.article-body`) carries injected promos ("Discover our latest podcast" boxes),
"Read more:" link lists with `⋙` entries, and ends in a "Sources used:" attribution list, which
the generic rules remove (promos, link lists) or move to `sources`. The URL slug names a different
headline than the body: the title comes from the page's `<h1>`, never from the slug.
"""

from __future__ import annotations

from . import SiteProfile

PROFILE = SiteProfile(
    name="ohmymag",
    hosts=("ohmymag.co.uk", "ohmymag.com"),
    site="ohmymag.co.uk",
    source="Ohmymag",
    body=".article-body, .article__body",
    drop=".article-body .podcast-player, .article-body .inread",
    meta_css={"title": "h1"},
)
