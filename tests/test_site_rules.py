"""Per-rule tests of the profile-driven site rules in `cleaners.sites`: site.body, site.drop,
site.header, site.end_marker and site.drop_lines.

Each rule is applied alone with a small made-up `SiteProfile` (junk goes, the story next to it
stays, the removal is traced under the rule's name at stage `site`), and end to end with the
real profiles (kcna.kp, KCNA Watch, Ohmymag, Rodong Sinmun) on invented pages and texts.
"""

from __future__ import annotations

import re

import pytest

from cleaners import clean_html, clean_text
from cleaners import sites as S
from cleaners.rules import Context
from cleaners.sites._kcna_common import END_MARKER, JUCHE_TRAILER

from ._support import P1, P2, P3, P4, PARAS, apply_dom, apply_text, body_text, paras_html, removed


def _profile(**kw) -> S.SiteProfile:
    return S.SiteProfile(name="gazette", hosts=("gazette.example",), site="gazette.example", **kw)


def test_site_rules_are_named_documented_and_in_order():
    assert [r.name for r in S.SITE_DOM_RULES] == ["site.body", "site.drop"]
    assert [r.name for r in S.SITE_TEXT_RULES] == ["site.header", "site.end_marker", "site.drop_lines"]
    for rule in S.SITE_DOM_RULES + S.SITE_TEXT_RULES:
        assert rule.doc


# ---------------------------------------------------------------------------- site.body

GAZETTE_PAGE = f"""<!DOCTYPE html><html lang="en"><head><title>Pier | Gazette</title></head><body>
<div class="top"><a href="/">Gazette home</a> <a href="/local">Local desk</a></div>
<div class="wrap">
  <div class="left-rail"><p>Tide table for the week</p></div>
  <div class="main-col">
    <div class="kicker">Harbour</div>
    <div class="story">{paras_html(*PARAS)}</div>
    <div class="after-story"><a href="/x">Other stories from the quay</a></div>
  </div>
</div>
<div class="bottom"><p>Gazette printing works, Quay Street</p></div>
</body></html>"""

OUTSIDE = ("Gazette home", "Local desk", "Tide table for the week", "Harbour", "Other stories from the quay",
           "Gazette printing works")


def test_site_body_removes_everything_outside_the_body():
    tree, ctx = apply_dom(S.site_body, GAZETTE_PAGE, Context(profile=_profile(body=".story")))
    text = body_text(tree)
    for needle in OUTSIDE:
        assert needle not in text
        assert any(needle in t for t in removed(ctx, "site.body")), needle
    assert text == " ".join(PARAS)
    assert {r.stage for r in ctx.trace} == {"site"}
    assert tree.head is not None and tree.css_first("title") is not None  # the head is not touched


def test_site_body_takes_the_first_of_several_selectors():
    profile = _profile(body=".no-such-thing, .story")
    tree, ctx = apply_dom(S.site_body, GAZETTE_PAGE, Context(profile=profile))
    assert body_text(tree) == " ".join(PARAS)


@pytest.mark.parametrize("profile", [None, _profile(), _profile(body=".missing-body")],
                         ids=["no-profile", "no-body-css", "no-match"])
def test_site_body_without_a_match_removes_nothing(profile):
    tree, ctx = apply_dom(S.site_body, GAZETTE_PAGE, Context(profile=profile))
    text = body_text(tree)
    assert all(needle in text for needle in OUTSIDE)
    assert ctx.trace == []


# ---------------------------------------------------------------------------- site.drop

DROP_PAGE = f"""<!DOCTYPE html><html lang="en"><body><div class="story">
<span class="badge">Gazette Exclusive</span>
<p>{P1}</p>
<div class="photo-strip"><a href="/p/1">Photo 1 of 6</a> <a href="/p/2">Photo 2 of 6</a></div>
<p>{P2}</p><p>{P3}</p>
<p class="meta-line">Filed 09:14 | Updated 11:02</p>
<p>{P4}</p></div></body></html>"""


def test_site_drop_removes_the_profiles_chrome_and_keeps_the_story():
    profile = _profile(drop=".story .badge, .story .photo-strip, .story .meta-line")
    tree, ctx = apply_dom(S.site_drop, DROP_PAGE, Context(profile=profile))
    text = body_text(tree)
    for needle in ("Gazette Exclusive", "Photo 1 of 6", "Filed 09:14"):
        assert needle not in text
        assert any(needle in t for t in removed(ctx, "site.drop"))
    assert text == " ".join(PARAS)
    assert {r.stage for r in ctx.trace} == {"site"}


@pytest.mark.parametrize("profile", [None, _profile(), _profile(drop=".no-such-class")],
                         ids=["no-profile", "no-drop-css", "no-match"])
def test_site_drop_without_a_match_removes_nothing(profile):
    tree, ctx = apply_dom(S.site_drop, DROP_PAGE, Context(profile=profile))
    assert "Gazette Exclusive" in body_text(tree)
    assert ctx.trace == []


# ---------------------------------------------------------------------------- site.header


def _gazette_header(lines, ctx):
    """Made-up header: `Harbour desk` badge, then `Published dd.mm.yyyy`, then the story."""
    for i, line in enumerate(lines):
        m = re.match(r"^Published (\d{2})\.(\d{2})\.(\d{4})$", line)
        if m:
            ctx.set_meta("published", f"{m[3]}-{m[2]}-{m[1]}")
            return i + 1
    return None


def test_site_header_drops_the_header_lines_and_reads_their_metadata():
    ctx = Context(profile=_profile(header=_gazette_header))
    kept, ctx = apply_text(S.site_header, ["Harbour desk", "Published 25.02.2026", P1, P2], ctx)
    assert kept == [P1, P2]
    assert removed(ctx, "site.header") == ["Harbour desk", "Published 25.02.2026"]
    assert ctx.meta["published"] == "2026-02-25"
    assert {r.stage for r in ctx.trace} == {"site"}


def test_site_header_only_looks_at_the_leading_lines():
    """A header-like line deep in the story is not a header."""
    ctx = Context(profile=_profile(header=_gazette_header))
    lines = [P1, P2, P3, P4] * 3 + ["Published 25.02.2026", P1]
    kept, ctx = apply_text(S.site_header, lines, ctx)
    assert kept == lines
    assert ctx.trace == []


@pytest.mark.parametrize("profile", [None, _profile()], ids=["no-profile", "no-header-parser"])
def test_site_header_without_a_parser_does_nothing(profile):
    lines = ["Harbour desk", "Published 25.02.2026", P1]
    kept, ctx = apply_text(S.site_header, lines, Context(profile=profile))
    assert kept == lines
    assert ctx.trace == []


def test_kcnawatch_header_parser_reads_date_source_and_title():
    lines = ["February 3, 2026Feb 3, 2026", "KCNA KCNA.kp (En)", "Fruit-Drying Workshop Opens at Orchard Farm",
             "Date: 03/02/2026 | Source: KCNA.kp (En) | Read original version at source", K1, K2]
    kept, ctx = apply_text(S.site_header, lines, Context(profile=S.for_url("https://kcnawatch.org/newstream/1/x/")))
    assert kept == [K1, K2]
    assert removed(ctx, "site.header") == lines[:4]
    assert ctx.meta == {"published": "2026-02-03", "source": "KCNA.kp (En)",
                        "title": "Fruit-Drying Workshop Opens at Orchard Farm"}


# ---------------------------------------------------------------------------- site.end_marker

K1 = ("Pyongyang, February 3 (KCNA) -- A new fruit-drying workshop has started operation at an orchard farm in "
      "the northern hills, where workers will process apples and pears harvested from more than four hundred "
      "hectares.")
K2 = ("The workshop was built in eight months by the farm's own builders, who installed drying racks, a packing "
      "hall and a small laboratory for checking the quality of the dried fruit before it leaves the farm.")
K3 = ("Officials of the county said the workshop would supply dried fruit to schools and kindergartens across "
      "the province throughout the winter.")


@pytest.mark.parametrize("last", [f"{K3} -0-", f"{K3}-0-", f"{K3} -0- ", f"{K3}\u00a0-0-"],
                         ids=["space", "no-space", "trailing-space", "nbsp"])
def test_end_marker_is_stripped_and_everything_after_goes(last):
    ctx = Context(profile=_profile(end_marker=END_MARKER))
    after = ["www.kcna.kp (Juche115.2.3.)", "More From KCNA", "Coastal fish farm expands"]
    kept, ctx = apply_text(S.site_end_marker, [K1, K2, last, *after], ctx)
    assert kept == [K1, K2, K3]
    assert removed(ctx, "site.end_marker") == ["-0-", *after]


def test_end_marker_alone_on_its_line_goes_with_its_line():
    ctx = Context(profile=_profile(end_marker=END_MARKER))
    kept, ctx = apply_text(S.site_end_marker, [K1, K2, K3, "-0-", "www.kcna.kp (Juche115.2.3.)"], ctx)
    assert kept == [K1, K2, K3]
    assert removed(ctx, "site.end_marker") == ["-0-", "www.kcna.kp (Juche115.2.3.)"]


def test_marker_inside_a_sentence_is_not_an_end_marker():
    ctx = Context(profile=_profile(end_marker=END_MARKER))
    lines = [K1, "The score was -0- at half time, the county's football club reported.", K2]
    kept, ctx = apply_text(S.site_end_marker, lines, ctx)
    assert kept == lines
    assert ctx.trace == []


@pytest.mark.parametrize("profile", [None, _profile()], ids=["no-profile", "no-marker"])
def test_end_marker_without_a_profile_marker_does_nothing(profile):
    lines = [K1, f"{K3} -0-", "www.kcna.kp (Juche115.2.3.)"]
    kept, ctx = apply_text(S.site_end_marker, lines, Context(profile=profile))
    assert kept == lines
    assert ctx.trace == []


# ---------------------------------------------------------------------------- site.drop_lines


@pytest.mark.parametrize("trailer", ["www.kcna.kp (Juche115.2.3.)", "kcna.kp (Juche115.2.3)",
                                     "www.rodong.rep.kp (Juche115.12.31.)"])
def test_drop_lines_removes_the_trailer_and_keeps_the_story(trailer):
    ctx = Context(profile=_profile(drop_lines=(JUCHE_TRAILER,)))
    kept, ctx = apply_text(S.site_drop_lines, [K1, K2, trailer, K3], ctx)
    assert kept == [K1, K2, K3]
    assert removed(ctx, "site.drop_lines") == [trailer]
    assert {r.stage for r in ctx.trace} == {"site"}


def test_drop_lines_keeps_prose_that_mentions_the_trailer():
    ctx = Context(profile=_profile(drop_lines=(JUCHE_TRAILER,)))
    line = "The full report was published at www.kcna.kp (Juche115.2.3.) on the same day."
    kept, ctx = apply_text(S.site_drop_lines, [K1, line, K2], ctx)
    assert kept == [K1, line, K2]
    assert ctx.trace == []


@pytest.mark.parametrize("profile", [None, _profile()], ids=["no-profile", "no-patterns"])
def test_drop_lines_without_patterns_does_nothing(profile):
    lines = [K1, "www.kcna.kp (Juche115.2.3.)"]
    kept, ctx = apply_text(S.site_drop_lines, lines, Context(profile=profile))
    assert kept == lines
    assert ctx.trace == []


# ---------------------------------------------------------------------------- end to end, real profiles

KCNAWATCH_TEXT = "\n".join([
    "February 3, 2026Feb 3, 2026", "KCNA KCNA.kp (En)", "Fruit-Drying Workshop Opens at Orchard Farm",
    "Date: 03/02/2026 | Source: KCNA.kp (En) | Read original version at source",
    K1, K2, f"{K3} -0-", "www.kcna.kp (Juche115.2.3.)",
    "More From KCNA.kp (En)", "Coastal fish farm expands", "February 2, 2026", "More Articles",
])


@pytest.mark.parametrize("url", [None, "https://kcnawatch.org/newstream/1770076800-123456/fruit-drying-workshop/"],
                         ids=["signature", "url"])
def test_kcnawatch_text_end_to_end(url):
    doc = clean_text(KCNAWATCH_TEXT, url=url)
    assert doc.text.split("\n") == [K1, K2, K3]
    assert doc.title == "Fruit-Drying Workshop Opens at Orchard Farm"
    assert doc.published == "2026-02-03"
    assert doc.source == "KCNA.kp (En)"
    assert doc.site == "kcnawatch.org"
    assert removed(doc, "site.header")[:2] == ["February 3, 2026Feb 3, 2026", "KCNA KCNA.kp (En)"]
    assert removed(doc, "site.end_marker") == ["-0-", "www.kcna.kp (Juche115.2.3.)", "More From KCNA.kp (En)",
                                               "Coastal fish farm expands", "February 2, 2026", "More Articles"]


def test_kcna_trailer_without_end_marker_goes_by_drop_lines():
    text = "\n".join([K1, K2, K3, "www.kcna.kp (Juche115.2.3.)"])
    doc = clean_text(text, url="https://kcna.kp/en/article/q/0123456789abcdef0123456789abcdef.kcmsf")
    assert doc.text.split("\n") == [K1, K2, K3]
    assert removed(doc, "site.drop_lines") == ["www.kcna.kp (Juche115.2.3.)"]


KCNA_PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>KCNA</title></head><body>
<div class="top-menu"><a href="/en">Home</a> <a href="/en/category">Articles</a> <a href="/en/photo">Photos</a></div>
<div class="article-main">
  <h1 class="article-main-title">Fruit-Drying Workshop Opens at Orchard Farm</h1>
  <p class="publish-time">[2026.02.03.]</p>
  <div class="content-wrapper">
    <p>{K1}</p><p>{K2}</p>
    <div class="media-wrapper"><a href="/photo/1">Photo of the drying hall</a></div>
    <p>{K3} -0-</p>
    <p>www.kcna.kp (Juche115.2.3.)</p>
  </div>
  <div class="prev-next"><a href="/prev">Previous article: Coastal fish farm expands</a></div>
</div>
<div class="footer-menu"><a href="/en/about">About the agency</a></div>
</body></html>"""


def test_kcna_page_end_to_end():
    doc = clean_html(KCNA_PAGE, url="https://kcna.kp/en/article/q/0123456789abcdef0123456789abcdef.kcmsf")
    assert doc.text.split("\n") == [K1, K2, K3]
    assert doc.title == "Fruit-Drying Workshop Opens at Orchard Farm"
    assert doc.published == "2026-02-03"
    assert doc.source == "KCNA"
    assert any("Previous article" in t for t in removed(doc, "site.body"))
    assert any("About the agency" in t for t in removed(doc, "site.body"))
    assert removed(doc, "site.drop") == ["Photo of the drying hall"]
    assert removed(doc, "site.end_marker") == ["-0-", "www.kcna.kp (Juche115.2.3.)"]


OHMYMAG_PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>The harbour town that rebuilt its pier by hand</title></head><body>
<header class="site-header"><a href="/">Ohmymag</a></header>
<h1>The harbour town that rebuilt its pier by hand</h1>
<div class="article-body">
<p>{P1}</p>
<div class="podcast-player"><p>Now playing: the weekly mag show</p></div>
<p>{P2}</p>
<div><p>Discover our latest podcast</p><a href="/podcast">Listen</a></div>
<p>{P3}</p>
<p>Read more:</p>
<p>⋙ <a href="/news/a_art1.html">Ten seaside towns to visit this spring</a></p>
<p>⋙ <a href="/news/b_art2.html">The secret life of lighthouse keepers</a></p>
<div class="inread"><span>Sponsored slot</span></div>
<p>{P4}</p>
<p>Sources used:</p>
<p>- Harbour Weekly: 'Pier survey published'</p>
</div>
<footer><p>© 2026 Ohmymag</p></footer>
</body></html>"""


def test_ohmymag_page_end_to_end():
    doc = clean_html(OHMYMAG_PAGE, url="https://www.ohmymag.co.uk/news/some-other-slug_art123.html")
    assert doc.text.split("\n") == list(PARAS)
    assert doc.title == "The harbour town that rebuilt its pier by hand"
    assert doc.sources == ["Harbour Weekly: 'Pier survey published'"]
    assert removed(doc, "site.drop") == ["Now playing: the weekly mag show", "Sponsored slot"]
    for needle in ("Discover our latest podcast", "Ten seaside towns", "Ohmymag"):
        assert needle not in doc.text
    assert "site.body" in {r.rule for r in doc.trace}


RODONG_PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Rodong Sinmun</title></head>
<body><div id="menu"><a href="/en/">Home</a> <a href="/en/index.php?strPageID=SF01">Politics</a></div>
<div class="news_Title">Fruit-Drying Workshop Opens at Orchard Farm</div>
<div class="news_date">2026-02-03</div>
<div class="ArticleContent"><p>{K1}</p><p>{K2}</p><p>{K3}</p></div>
<div id="NewsListDIV"><a href="/en/x">Coastal fish farm expands</a> <a href="/en/y">New school opens</a></div>
<div class="copyright">Rodong Sinmun</div></body></html>"""


def test_rodong_page_end_to_end():
    # the base64 query decodes to `12@2026-02-03-H001@`
    url = "http://rodong.rep.kp/en/index.php?MTJAMjAyNi0wMi0wMy1IMDAxQA=="
    doc = clean_html(RODONG_PAGE, url=url)
    assert doc.text.split("\n") == [K1, K2, K3]
    assert doc.title == "Fruit-Drying Workshop Opens at Orchard Farm"
    assert doc.published == "2026-02-03"
    assert any("Coastal fish farm expands" in t for t in removed(doc, "site.body"))
    assert any("Politics" in t for t in removed(doc, "site.body"))


def test_site_rules_leave_pages_of_unknown_sites_alone():
    html = f"<html><body><div class='content-wrapper'>{paras_html(*PARAS)}</div>" \
           "<div class='article-body'><p>-0-</p></div></body></html>"
    doc = clean_html(html, url="https://gazette.example/news/1")
    assert not [r for r in doc.trace if r.stage == "site"]
    assert all(p in doc.text for p in PARAS)
