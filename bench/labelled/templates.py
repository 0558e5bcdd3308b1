"""The page templates of the labelled set: one builder per site, each modelled on the structure of that
site's public article pages (class names, layout, the chrome around and inside the story), filled with
invented stories (`compose`, `prose`). A builder makes page `i` of its template from a seeded
`random.Random` and returns a `LabelledPage` with its hand-defined expected body.

KCNA Watch, kcna.kp, Rodong Sinmun and Ohmymag use the markup cleanwire's site profiles expect
(`cleaners/sites/*.py`, `crawler/demo/site/*.html`); the other sites have no profile, so their pages
are left to the generic rules.

What the expected body holds, for every template: the story's paragraphs, sub-headings, quotations
and in-article list items (`- <item>`), in page order; the standfirst first where the site prints one
(TASS's lead, RT's summary, Ohmymag's and the WordPress site's standfirst); datelines that the site
prints at the start of the first paragraph stay (`Pyongyang, March 5 (KCNA) --`, `YIBIN, March 5
(Xinhua) --`, `MOSCOW, March 5. /TASS/.`); KCNA's closing ` -0-` is stripped. Everything else is
boilerplate: headline, date and byline blocks, breadcrumbs, photos and their captions, share and
follow bars, "Read more"/"Related" boxes inside the body, tags, rails, footers, cookie banners,
subscribe boxes, editor's notes and credit lines.
"""

# ruff: noqa: E501  (the page templates are HTML, line for line as the sites print it)

from __future__ import annotations

import base64
import hashlib
import html
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import quote as urlquote

from crawler.demo import prose as demo_prose

from . import prose as P
from .compose import MONTHS, Story, compose, expected_lines, make_slots, watch_topic


@dataclass(frozen=True)
class LabelledPage:
    """One page of the set and its ground truth."""

    id: str            # "<template>-<nn>"
    template: str
    url: str
    html: str
    expected: str      # the clean body in seed format (one block a line)
    title: str
    published: str     # YYYY-MM-DD


@dataclass(frozen=True)
class Template:
    name: str
    label: str
    count: int
    build: Callable[[int, random.Random], LabelledPage]
    markers: tuple[str, ...]


# =========================================================================== helpers

def esc(text: str) -> str:
    return html.escape(text, quote=True)


def slugify(text: str, limit: int = 80) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


def hexid(*parts, n: int = 32) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:n]


def pick_story(rng: random.Random, topics, i: int) -> tuple[dict, dict]:
    """Story `i` of a shuffled list of every (topic, story) of `topics`."""
    stories = [(t, s) for t in topics for s in t["stories"]]
    random.Random(len(stories) * 7919 + len(topics)).shuffle(stories)
    return stories[i % len(stories)]


def when(rng: random.Random, i: int) -> datetime:
    """Publication time of page `i`: spread over March 2026."""
    return datetime(2026, 3, 2, 6, 0, tzinfo=UTC) + timedelta(days=i * 3 + rng.randint(0, 2), hours=rng.randint(0, 12),
                                                              minutes=rng.randint(0, 59))


def other_titles(rng: random.Random, topics, places, people, exclude: str, k: int, extra=()) -> list[str]:
    """`k` headlines of other stories of the same pools (for rails, teasers and read-more boxes)."""
    out: list[str] = []
    titles = [s["title"] for t in topics for s in t["stories"]] + list(extra)
    for title in rng.sample(titles, len(titles)):
        title = title.format(**make_slots(rng, places, people, datetime(2026, 3, 1, tzinfo=UTC)))
        if title != exclude and title not in out:
            out.append(title)
        if len(out) == k:
            break
    if len(out) < k:
        raise ValueError(f"only {len(out)} other headlines, {k} wanted")
    return out


def linked(text: str, rng: random.Random, href: str) -> str:
    """`text` escaped, with a run of two to four words in its middle made a link (an inline link to
    another story, as news sites put in their paragraphs); the text itself is unchanged."""
    tokens = esc(text).split(" ")
    if len(tokens) < 12:
        return esc(text)
    start = rng.randint(3, len(tokens) - 6)
    end = start + rng.randint(2, 4)
    return " ".join([*tokens[:start], f'<a href="{esc(href)}">{" ".join(tokens[start:end])}</a>', *tokens[end:]])


def inline_links(blocks, rng: random.Random, hrefs: list[str]) -> dict[int, str]:
    """Paragraph positions -> link targets: one inline link in up to len(hrefs) paragraphs."""
    cands = [i for i, (kind, _) in enumerate(blocks) if kind == "p"]
    return dict(zip(sorted(rng.sample(cands, min(len(hrefs), len(cands)))), hrefs, strict=False))


def render_blocks(blocks, *, indent: str = "      ", h: str = "h2", h_attr: str = "", p_attr: str = "",
                  quote_attr: str = "", ul_attr: str = "", after: dict[int, str] | None = None,
                  links: dict[int, str] | None = None, rng: random.Random | None = None) -> str:
    """The body's blocks as HTML, with `after[k]` (junk: boxes, ads, photos) inserted after block k
    (-1: before the first) and an inline link in paragraph k for each `links[k]`."""
    after = after or {}
    links = links or {}
    out = [after[-1]] if -1 in after else []
    for k, (kind, data) in enumerate(blocks):
        if kind == "p":
            text = linked(data, rng, links[k]) if k in links and rng is not None else esc(data)
            out.append(f"{indent}<p{p_attr}>{text}</p>")
        elif kind == "h":
            out.append(f"{indent}<{h}{h_attr}>{esc(data)}</{h}>")
        elif kind == "quote":
            out.append(f"{indent}<blockquote{quote_attr}>\n{indent}  <p>{esc(data)}</p>\n{indent}</blockquote>")
        elif kind == "ul":
            items = "\n".join(f"{indent}  <li>{esc(x)}</li>" for x in data)
            out.append(f"{indent}<ul{ul_attr}>\n{items}\n{indent}</ul>")
        if k in after:
            out.append(after[k])
    return "\n".join(out)


def para_slots(blocks, rng: random.Random, k: int, *, lo: int = 0) -> list[int]:
    """`k` distinct block positions to put junk after: paragraphs from `lo` on, never the last block,
    never one that introduces the quotation or list after it."""
    cands = [i for i, (kind, _) in enumerate(blocks)
             if kind == "p" and lo <= i < len(blocks) - 1 and blocks[i + 1][0] not in ("quote", "ul")]
    return sorted(rng.sample(cands, min(k, len(cands))))


def spread(blocks, rng: random.Random, junks: list[str], *, lo: int = 0) -> dict[int, str]:
    """Every junk box placed after a paragraph (`para_slots`), in order; when there are fewer places
    than boxes, the last place takes the rest."""
    spots = para_slots(blocks, rng, len(junks), lo=lo) or [len(blocks) - 1]
    after: dict[int, str] = {}
    for k, junk in enumerate(junks):
        pos = spots[min(k, len(spots) - 1)]
        after[pos] = f"{after[pos]}\n{junk}" if pos in after else junk
    return after


def page(template: str, i: int, url: str, doc: str, story: Story, *, standfirst: bool) -> LabelledPage:
    return LabelledPage(id=f"{template}-{i + 1:02d}", template=template, url=url, html=doc,
                        expected="\n".join(expected_lines(story, standfirst=standfirst)), title=story.title,
                        published=f"{story.published:%Y-%m-%d}")


CAPTIONS_CN = ("Passengers walk along a platform at a railway station in {city}, {region}, {date}.",
               "Workers check equipment at a construction site in {city}, {region}, {date}.",
               "Visitors look at exhibits at a museum in {city}, {region}, {date}.",
               "An aerial drone photo taken on {date} shows a view of {city} in {region}.",
               "Farmers work in a field in {city}, {region}, {date}.")
CAPTIONS_RU = ("A view of the port of {city}", "Passengers at a station in {city}", "The city centre of {city}",
               "Workers at a site near {city}")
CAPTIONS_IR = ("A general view of {city} in {region}", "Workers at a site near {city}",
               "A file photo shows farmland near {city}", "Staff at a facility in {city}")
CAPTIONS_KP = ("A view of the site", "Workers at the site", "A scene of the event", "Products on display",
               "Visitors look round the exhibits")
#: Reporters' bylines (never the names quoted in the story).
CN_REPORTERS = ("Yang Ruoxi", "Gao Pengfei", "Lin Xiaotong", "Hu Jiayi")
PHOTOGRAPHERS = ("Li Ming", "Wang Shuo", "Zhao Ge", "Chen Yehua", "Liu Jian", "Sun Fei")


# =========================================================================== KCNA Watch (profile: kcnawatch)

KCNA_LABEL = "KCNA.kp (En)"
WATCH_SOURCES = (  # (slug, label, badge, badge class), several sources: KCNA Watch aggregates them
    ("kcna-kp-en", KCNA_LABEL, "KCNA", "badge-kcna"),
    ("rodong-sinmun-en", "Rodong Sinmun", "RS", "badge-rodong"),
    ("kcna-kp-en", KCNA_LABEL, "KCNA", "badge-kcna"),
    ("voice-of-korea", "Voice of Korea", "VOK", "badge-vok"),
    ("naenara", "Naenara", "NAENARA", "badge-naenara"),
    ("kcna-kp-en", KCNA_LABEL, "KCNA", "badge-kcna"),
    ("minju-choson", "Minju Choson", "MJ", "badge-minju"),
    ("rodong-sinmun-en", "Rodong Sinmun", "RS", "badge-rodong"),
    ("pyongyang-times", "The Pyongyang Times", "PT", "badge-pt"),
    ("kcna-kp-en", KCNA_LABEL, "KCNA", "badge-kcna"),
)
DPRK_TOPICS = tuple(watch_topic(t) for t in (*demo_prose.WATCH_TOPICS, *P.DPRK_TOPICS))
DPRK_PEOPLE = ("Ri Chol Jun", "Kim Song Hui", "Pak Yong Nam", "Jang Un Gyong")


def _dprk_story(rng: random.Random, i: int, *, kcna: bool, offset: int) -> Story:
    published = when(rng, i)
    topic, story = pick_story(rng, DPRK_TOPICS, i + offset)
    slots = make_slots(rng, demo_prose.WATCH_PLACES, DPRK_PEOPLE, published)
    dateline = f"Pyongyang, {MONTHS[published.month - 1]} {published.day} (KCNA) -- " if kcna else ""
    return compose(rng, topic, story, slots, published, paras=rng.randint(4, 6), dateline=dateline, lo=30, hi=70)


def _watch_rail(rng: random.Random, label: str, slug: str, titles: list[str], day: datetime, inside: bool) -> str:
    col = "col-md-6" if inside else "col-md-4"
    cards = []
    for k, t in enumerate(titles):
        d = day - timedelta(days=k + 1)
        teaser = " ".join(rng.choice(DPRK_TOPICS)["body"][k].format(
            **make_slots(rng, demo_prose.WATCH_PLACES, DPRK_PEOPLE, d)).split()[:16])
        cards.append(f"""              <div class="{col}">
                <div class="card teaser-card">
                  <a class="stretched-link" href="https://kcnawatch.org/newstream/{int(d.timestamp())}-{7731000 + k}/{slugify(t)}/"
                    ><h5 class="card-title">{esc(t)}</h5></a>
                  <p class="card-text">{esc(teaser)}</p>
                  <small class="text-muted">{MONTHS[d.month - 1]} {d.day}, {d.year}</small>
                </div>
              </div>""")
    tag, cls = ("div", "source-stream border-top pt-4") if inside else ("section", "more-from-source mt-5")
    return f"""          <{tag} class="{cls}">
            <h3 class="section-heading">More From {esc(label)}</h3>
            <div class="row">
{chr(10).join(cards)}
            </div>
            <div class="text-center mt-3">
              <a class="btn btn-outline-dark" href="https://kcnawatch.org/newstream/?source={slug}">More Articles</a>
            </div>
          </{tag}>"""


def build_kcnawatch(i: int, rng: random.Random) -> LabelledPage:
    slug, label, badge, badge_class = WATCH_SOURCES[i % len(WATCH_SOURCES)]
    kcna = label == KCNA_LABEL
    story = _dprk_story(rng, i, kcna=kcna, offset=0)
    d = story.published
    post_id = 77400000 + i * 137 + rng.randint(0, 99)
    url = f"https://kcnawatch.org/newstream/{int(d.timestamp())}-{post_id}/{slugify(story.title)}/"
    printed = story.paragraphs()
    if kcna:
        printed = [*printed[:-1], printed[-1] + " -0-", f"www.kcna.kp (Juche{d.year - 1911}.{d.month}.{d.day}.)"]
    if slug == "kcna-kp-en":
        original = f"http://www.kcna.kp/en/article/q/{hexid('kcna', i)}.kcmsf"
    elif slug == "rodong-sinmun-en":
        key = base64.b64encode(f"12@{d:%Y-%m-%d}-H{i % 9 + 1:03d}@".encode()).decode()
        original = f"http://www.rodong.rep.kp/en/index.php?{key}"
    else:
        original = f"http://www.{slug.replace('-', '')}.kp/en/view/{int(hexid(slug, i, n=6), 16)}"
    inside = slug in ("rodong-sinmun-en", "naenara", "minju-choson")
    share = f"""          <div class="share-links d-flex align-items-center my-4">
            <span class="share-label mr-2">Share this article</span>
            <a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u={urlquote(url, safe='')}" target="_blank" rel="noopener">Facebook</a>
            <a class="share-x" href="https://x.com/intent/tweet?url={urlquote(url, safe='')}" target="_blank" rel="noopener">X</a>
            <a class="share-telegram" href="https://t.me/share/url?url={urlquote(url, safe='')}" target="_blank" rel="noopener">Telegram</a>
            <a class="share-email" href="mailto:?subject={urlquote(story.title)}">Email</a>
          </div>"""
    titles = other_titles(rng, DPRK_TOPICS, demo_prose.WATCH_PLACES, DPRK_PEOPLE, story.title, 7)
    rail = _watch_rail(rng, label, slug, titles[:3], d, inside)
    paras = "\n".join(f"            <p>{esc(p)}</p>" for p in printed)
    content_end = f"\n{share}\n\n{rail}" if inside else ""
    after_content = "" if inside else f"\n{share}"
    after_article = "" if inside else f"\n{rail}"
    latest = "\n".join(f'            <li><a href="https://kcnawatch.org/newstream/{int(d.timestamp()) - 3600 * k}-'
                       f'{post_id - k}/{slugify(t)}/">{esc(t)}</a></li>' for k, t in enumerate(titles[3:], 1))
    site_day = d + timedelta(days=1)
    doc = f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(story.title)} | KCNA Watch</title>
<link rel="canonical" href="{esc(url)}">
<meta name="description" content="{esc(printed[0][:160])}">
<meta property="og:locale" content="en_US">
<meta property="og:type" content="article">
<meta property="og:site_name" content="KCNA Watch">
<meta property="og:title" content="{esc(story.title)}">
<meta property="og:url" content="{esc(url)}">
<meta property="article:published_time" content="{d:%Y-%m-%dT%H:%M:%S}+00:00">
<link rel="stylesheet" href="https://kcnawatch.org/wp-content/themes/kcnawatch/assets/css/bootstrap.min.css?ver=4.6.2">
<script async src="https://www.googletagmanager.com/gtag/js?id=G-K7W0000000"></script>
</head>
<body class="post-template-default single single-newstream postid-{post_id}">
<a class="skip-link sr-only sr-only-focusable" href="#main-content">Skip to content</a>

<div class="topbar bg-dark text-white-50 small">
  <div class="container d-flex justify-content-between">
    <div class="topbar-date">
      <span class="d-none d-md-inline">{MONTHS[site_day.month - 1]} {site_day.day}, {site_day.year}</span><span class="d-md-none">{MONTHS[site_day.month - 1][:3]} {site_day.day}, {site_day.year}</span>
    </div>
    <div class="topbar-links">
      <a href="https://kcnawatch.org/login/">Log in</a>
      <a href="https://kcnawatch.org/subscribe/">Subscribe</a>
    </div>
  </div>
</div>

<header class="site-header border-bottom">
  <div class="container">
    <a class="navbar-brand" href="https://kcnawatch.org/"><img src="https://kcnawatch.org/wp-content/themes/kcnawatch/assets/img/logo.svg" alt="KCNA Watch" width="180" height="36"></a>
    <nav class="navbar navbar-expand-lg navbar-light" aria-label="Main menu">
      <ul class="navbar-nav mr-auto">
        <li class="nav-item active"><a class="nav-link" href="https://kcnawatch.org/newstream/">Newstream</a></li>
        <li class="nav-item"><a class="nav-link" href="https://kcnawatch.org/sources/">Sources</a></li>
        <li class="nav-item"><a class="nav-link" href="https://kcnawatch.org/leadership-tracker/">Leadership Tracker</a></li>
        <li class="nav-item"><a class="nav-link" href="https://kcnawatch.org/calendar/">Calendar</a></li>
        <li class="nav-item"><a class="nav-link" href="https://kcnawatch.org/photos/">Photos</a></li>
      </ul>
    </nav>
  </div>
</header>

<main id="main-content" class="site-main py-4">
  <div class="container">
    <div class="row">
      <div class="col-lg-8">
        <article id="post-{post_id}" class="single-article newstream type-newstream">
          <header class="article-header mb-3">
            <div class="source-badge">
              <span class="badge {badge_class}">{badge}</span>
              <a class="source-label" href="https://kcnawatch.org/sources/{slug}/">{esc(label)}</a>
            </div>
            <h1 class="article-title">{esc(story.title)}</h1>
            <div class="article-meta">
              Date: {d:%d/%m/%Y} | Source: {esc(label)} | <a href="{esc(original)}" target="_blank" rel="noopener nofollow">Read original version at source</a>
            </div>
          </header>

          <div class="article-content">
{paras}{content_end}
          </div>{after_content}
          <div class="article-tags small">Tags: <a href="https://kcnawatch.org/tag/{story.topic}/" rel="tag">{story.topic}</a></div>
        </article>{after_article}
      </div>

      <div class="col-lg-4">
        <div class="sidebar-box">
          <h4 class="sidebar-title">Latest</h4>
          <ul class="list-unstyled latest-list">
{latest}
          </ul>
        </div>
      </div>
    </div>
  </div>
</main>

<footer class="site-footer bg-dark text-white-50 py-4 mt-5">
  <div class="container">
    <ul class="list-inline footer-links">
      <li class="list-inline-item"><a href="https://kcnawatch.org/about/">About</a></li>
      <li class="list-inline-item"><a href="https://kcnawatch.org/contact/">Contact</a></li>
      <li class="list-inline-item"><a href="https://kcnawatch.org/terms/">Terms of use</a></li>
    </ul>
    <p class="copyright small mb-0">© 2026 KCNA Watch. All rights reserved.</p>
  </div>
</footer>

<div id="cookie-notice" class="cookie-notice bg-light border-top p-3" role="dialog" aria-label="Cookie notice">
  <p class="mb-2">We use cookies to see how readers use KCNA Watch and to remember your settings. You can change your choice at any time in the privacy settings.</p>
  <button class="btn btn-sm btn-dark" id="cn-accept">Accept</button>
</div>
</body>
</html>
"""
    return page("kcnawatch", i, url, doc, story, standfirst=False)


# =========================================================================== kcna.kp (profile: kcna)

def build_kcna(i: int, rng: random.Random) -> LabelledPage:
    story = _dprk_story(rng, i, kcna=True, offset=17)
    d = story.published
    url = f"http://www.kcna.kp/en/article/q/{hexid('kcna.kp', i)}.kcmsf"
    printed = story.paragraphs()
    printed[-1] += " -0-"
    paras = "\n".join(f"        <p>{esc(p)}</p>" for p in printed)
    photos = ""
    if i % 2 == 0:
        caps = rng.sample(CAPTIONS_KP, 2)
        photos = "\n        <div class=\"media-wrapper\">\n" + "\n".join(
            f'          <div class="photo-item"><img src="/siteFiles/photo/{d:%Y%m}/PIC00{rng.randint(700000, 799999)}.jpg"'
            f' alt=""><p class="photo-caption">{esc(c)}</p></div>' for c in caps) + "\n        </div>"
    titles = other_titles(rng, DPRK_TOPICS, demo_prose.WATCH_PLACES, DPRK_PEOPLE, story.title, 5)
    side = "\n".join(f'          <li><a href="/en/article/q/{hexid(t)}.kcmsf">{esc(t)}</a></li>' for t in titles[2:])
    weekday = story.slots["day"]
    doc = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{esc(story.title)}</title>
<link rel="shortcut icon" href="/images/favicon.ico">
<link rel="stylesheet" type="text/css" href="/css/common.css?v=2.4">
<script type="text/javascript" src="/js/jquery-3.5.1.min.js"></script>
</head>
<body>
<div class="main-wrapper">
  <div class="header-wrapper">
    <div class="header">
      <div class="logo"><a href="/en"><img src="/images/logo-en.png" alt="KCNA"></a></div>
      <div class="today-date">Juche {d.year - 1911} ({d.year}) {MONTHS[d.month - 1]} {d.day} {weekday}</div>
      <ul class="lang-menu">
        <li><a href="/kp">조선어</a></li>
        <li class="active"><a href="/en">English</a></li>
        <li><a href="/cn">中文</a></li>
        <li><a href="/ru">Русский</a></li>
        <li><a href="/es">Español</a></li>
        <li><a href="/jp">日本語</a></li>
      </ul>
      <form class="search-form" action="/en/search" method="get">
        <input type="text" name="keyword" placeholder="Search">
        <button type="submit">Search</button>
      </form>
    </div>
    <div class="menu-wrapper">
      <ul class="main-menu">
        <li><a href="/en">Home</a></li>
        <li><a href="/en/category/articles/q/{hexid('top')}.kcmsf">Top News</a></li>
        <li><a href="/en/category/articles/q/{hexid('latest')}.kcmsf">Latest News</a></li>
        <li><a href="/en/category/articles/q/{hexid('society')}.kcmsf">Society</a></li>
        <li><a href="/en/category/articles/q/{hexid('world')}.kcmsf">World</a></li>
        <li><a href="/en/category/articles/q/{hexid('photo')}.kcmsf">Photo</a></li>
        <li><a href="/en/category/articles/q/{hexid('video')}.kcmsf">Video</a></li>
      </ul>
    </div>
  </div>

  <div class="content-main">
    <div class="article-main">
      <div class="article-main-header">
        <h1 class="article-main-title">{esc(story.title)}</h1>
        <p class="publish-time">[{d:%Y.%m.%d}.]</p>
        <div class="article-tools">
          <a class="print" href="javascript:window.print()">Print</a>
          <a class="font-up" href="#">A+</a>
          <a class="font-down" href="#">A-</a>
        </div>
      </div>
      <div class="content-wrapper">
{paras}{photos}
      </div>
      <div class="article-nav">
        <ul>
          <li class="prev"><span>Previous</span> <a href="/en/article/q/{hexid(titles[0])}.kcmsf">{esc(titles[0])}</a></li>
          <li class="next"><span>Next</span> <a href="/en/article/q/{hexid(titles[1])}.kcmsf">{esc(titles[1])}</a></li>
        </ul>
      </div>
    </div>

    <div class="side-wrapper">
      <div class="side-box">
        <h3 class="side-title">Latest News</h3>
        <ul class="side-list">
{side}
        </ul>
      </div>
    </div>
  </div>

  <div class="footer-wrapper">
    <div class="footer">
      <ul class="footer-menu">
        <li><a href="/en/about">About KCNA</a></li>
        <li><a href="/en/contact">Contact</a></li>
        <li><a href="/en/sitemap">Site map</a></li>
      </ul>
      <p class="copyright">Copyright © {d.year} Korean Central News Agency. All rights reserved.</p>
    </div>
  </div>
</div>
</body>
</html>
"""
    return page("kcna", i, url, doc, story, standfirst=False)


# =========================================================================== Rodong Sinmun (profile: rodong)

def build_rodong(i: int, rng: random.Random) -> LabelledPage:
    story = _dprk_story(rng, i, kcna=False, offset=31)
    d = story.published
    key = base64.b64encode(f"12@{d:%Y-%m-%d}-H{i + 1:03d}@".encode()).decode()
    url = f"https://rodong.rep.kp/en/index.php?{key}"
    paras = "\n".join(f"        <p>{esc(p)}</p>" for p in story.paragraphs())
    titles = other_titles(rng, DPRK_TOPICS, demo_prose.WATCH_PLACES, DPRK_PEOPLE, story.title, 5)

    def ref(k: int) -> str:
        return base64.b64encode(f"12@{d:%Y-%m-%d}-H{k:03d}@".encode()).decode()

    news = [f'        <li><a href="index.php?{ref(k + 1)}">{esc(t)}</a></li>' for k, t in enumerate(titles[:4])]
    news.insert(min(i, 4), f'        <li class="active"><a href="index.php?{key}">{esc(story.title)}</a></li>')
    photo_item = esc(rng.choice(CAPTIONS_KP))
    doc = f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rodong Sinmun</title>
<link href="css/bootstrap.min.css" rel="stylesheet">
<link href="css/rodong.css?v=20240312" rel="stylesheet">
<script src="js/jquery.min.js"></script>
</head>
<body>
<div id="TopBanner" class="container-fluid">
  <div class="container">
    <div class="row">
      <div class="col-md-4 logo"><a href="index.php"><img src="img/logo_en.png" alt="Rodong Sinmun"></a></div>
      <div class="col-md-5 top-date">{story.slots['day']}, {MONTHS[d.month - 1]} {d.day}, Juche {d.year - 1911} ({d.year})</div>
      <div class="col-md-3 lang-select">
        <a href="/ko/index.php">Korean</a> | <a href="/en/index.php" class="active">English</a> | <a href="/cn/index.php">Chinese</a> | <a href="/ru/index.php">Russian</a>
      </div>
    </div>
  </div>
</div>

<div id="TopMenu" class="navbar navbar-default">
  <div class="container">
    <ul class="nav navbar-nav">
      <li><a href="index.php?MTJAMA==">Home</a></li>
      <li><a href="index.php?MTRAMUA=">Supreme Leader's Activities</a></li>
      <li><a href="index.php?MTRAMkA=">Politics</a></li>
      <li><a href="index.php?MTRAM0A=">Economy</a></li>
      <li><a href="index.php?MTRANEA=">Society</a></li>
      <li><a href="index.php?MTRANUA=">Culture</a></li>
      <li><a href="index.php?MTRANkA=">International</a></li>
      <li><a href="index.php?MTZAMEA=">PDF Edition</a></li>
    </ul>
  </div>
</div>

<div class="container" id="MainContainer">
  <div class="row">
    <div class="col-md-8" id="NewsDetail">
      <div class="news_Title">{esc(story.title)}</div>
      <div class="news_date">{d.year}.{d.month}.{d.day}. {story.slots['day']}</div>
      <div class="ArticleContent">
{paras}
      </div>
      <div class="news_footer">
        <a href="javascript:window.print();" class="btn btn-default btn-sm">Print</a>
        <a href="index.php?{ref(max(i, 1))}" class="btn btn-default btn-sm">&laquo; Previous</a>
        <a href="index.php?{ref(i + 2)}" class="btn btn-default btn-sm">Next &raquo;</a>
      </div>
    </div>

    <div class="col-md-4" id="NewsListDIV">
      <h4 class="list_title">Today's Paper</h4>
      <ul class="news_list">
{chr(10).join(news)}
      </ul>
      <h4 class="list_title">Photo News</h4>
      <ul class="photo_list">
        <li><a href="index.php?{base64.b64encode(f'13@{d:%Y-%m-%d}-P001@'.encode()).decode()}"><img src="img/photo/{d:%Y/%m/%d}/P001_s.jpg" alt="">{photo_item}</a></li>
      </ul>
    </div>
  </div>
</div>

<div id="Footer" class="container-fluid">
  <div class="container">
    <p>Rodong Sinmun, Pyongyang, DPR Korea</p>
    <p>Copyright © {d.year} Rodong Sinmun. All rights reserved.</p>
  </div>
</div>
</body>
</html>
"""
    return page("rodong", i, url, doc, story, standfirst=False)


# =========================================================================== China: shared

def _china_story(rng: random.Random, i: int, offset: int, *, dateline: Callable[[dict, datetime], str] | None = None,
                 headings: int = 0, paras: tuple[int, int] = (4, 7)) -> Story:
    published = when(rng, i)
    topic, story = pick_story(rng, P.CHINA_TOPICS, i + offset)
    slots = make_slots(rng, P.CHINA_PLACES, P.CHINA_PEOPLE, published)
    line = dateline(slots, published) if dateline else ""
    return compose(rng, topic, story, slots, published, paras=rng.randint(*paras), dateline=line, headings=headings)


def _cn_caption(rng: random.Random, story: Story) -> str:
    d = story.published
    return rng.choice(CAPTIONS_CN).format(date=f"{MONTHS[d.month - 1]} {d.day - 1 or 1}, {d.year}", **story.slots)


# =========================================================================== Xinhua (english.news.cn; generic rules)

def build_xinhua(i: int, rng: random.Random) -> LabelledPage:
    story = _china_story(rng, i, 0, dateline=lambda s, d: f"{s['city'].upper()}, {MONTHS[d.month - 1]} {d.day} "
                                                            f"(Xinhua) -- ")
    d = story.published
    url = f"https://english.news.cn/{d:%Y%m%d}/{hexid('xinhua', i)}/c.html"
    after: dict[int, str] = {}
    if i % 3 != 2:  # photo (+ caption) inside the story, the way Xinhua sets them: centred paragraphs
        k = para_slots(story.blocks, rng, 1)[0] if i % 2 else -1
        photo = f"""        <p style="text-align: center;"><img id="{rng.randint(100000, 999999)}" src="{d:%Y%m%d}/{hexid('img', i)}/{hexid('f', i, n=20)}_{d:%Y%m%d}{rng.randint(100000, 999999)}.jpg" alt=""></p>
        <p style="text-align: center;" class="pictext">{esc(_cn_caption(rng, story))} (Xinhua/{rng.choice(PHOTOGRAPHERS)})</p>"""
        after[k] = photo
    body = render_blocks(story.blocks, indent="        ", after=after)
    titles = other_titles(rng, P.CHINA_TOPICS, P.CHINA_PLACES, P.CHINA_PEOPLE, story.title, 9)
    most = "\n".join(f'            <li><a href="https://english.news.cn/{d:%Y%m%d}/{hexid(t)}/c.html">{esc(t)}</a></li>'
                     for t in titles[:5])
    related = ""
    if i % 2 == 0:
        items = "\n".join(f'          <li><a href="https://english.news.cn/{d:%Y%m%d}/{hexid(t, 2)}/c.html">{esc(t)}</a>'
                          f'<span class="time">{d:%Y-%m-%d}</span></li>' for t in titles[5:8])
        related = f"""
      <div class="relatedNews">
        <div class="tit">Related:</div>
        <ul>
{items}
        </ul>
      </div>"""
    editor_in_info = i % 2 == 1
    info_editor = '<span class="line">|</span><span class="editor">Editor: huaxia</span>' if editor_in_info else ""
    bottom_editor = "" if editor_in_info else '\n        <div class="editor">[Editor: huaxia]</div>'
    doc = f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,minimum-scale=1,maximum-scale=1,user-scalable=no">
<title>{esc(story.title)}-Xinhua</title>
<meta name="keywords" content="{esc(story.topic)},{esc(story.slots['city'])}">
<meta name="description" content="{esc(story.title)}---- {esc(story.paragraphs()[0][:120])}">
<meta name="pagetype" content="1">
<meta name="publishdate" content="{d:%Y-%m-%d}">
<link rel="stylesheet" href="//english.news.cn/detail2020/css/style.css">
<script src="//english.news.cn/detail2020/js/jquery.min.js"></script>
</head>
<body>
<div class="topNav">
  <div class="wrapper">
    <a href="https://english.news.cn/home.htm" class="logo"><img src="//english.news.cn/detail2020/images/logo.png" alt=""></a>
    <div class="navBox">
      <ul class="nav">
        <li><a href="https://english.news.cn/home.htm">Home</a></li>
        <li><a href="https://english.news.cn/china/index.htm">China</a></li>
        <li><a href="https://english.news.cn/world/index.htm">World</a></li>
        <li><a href="https://english.news.cn/business/index.htm">Business</a></li>
        <li><a href="https://english.news.cn/culture/index.htm">Culture &amp; Travel</a></li>
        <li><a href="https://english.news.cn/sci/index.htm">Sci-Tech</a></li>
        <li><a href="https://english.news.cn/photos/index.htm">Photos</a></li>
        <li><a href="https://english.news.cn/video/index.htm">Video</a></li>
      </ul>
    </div>
    <div class="search"><input type="text" placeholder="Search"><a class="searchBtn" href="#">Search</a></div>
  </div>
</div>

<div class="conBox">
  <div class="wrapper">
    <div class="conTop">
      <div class="bread"><a href="https://english.news.cn/home.htm">Home</a><span>&gt;</span><a href="https://english.news.cn/china/index.htm">China</a></div>
      <h1><span class="title">{esc(story.title)}</span></h1>
      <div class="infoBox clearfix">
        <div class="info">Source: Xinhua<span class="line">|</span><span class="time">{d:%Y-%m-%d %H:%M:%S}</span>{info_editor}</div>
        <div class="setFont"><span>Font size:</span><a class="small">A</a><a class="middle">A</a><a class="big">A</a></div>
        <div class="share"><span>Share</span><a class="fb" href="#">Facebook</a><a class="tw" href="#">X</a><a class="wx" href="#">WeChat</a></div>
      </div>
    </div>
    <div class="conLeft">
      <div id="detail" class="detail">
{body}
      </div>{bottom_editor}{related}
    </div>
    <div class="conRight">
      <div class="rightBox">
        <div class="tit">Most Viewed</div>
        <ul class="list">
{most}
        </ul>
      </div>
      <div class="rightBox photos">
        <div class="tit">Photos</div>
        <ul>
          <li><a href="https://english.news.cn/{d:%Y%m%d}/{hexid('p1', i)}/c.html"><img src="//english.news.cn/p1.jpg" alt=""><span>{esc(titles[8])}</span></a></li>
        </ul>
      </div>
    </div>
  </div>
</div>

<div class="footer">
  <div class="wrapper">
    <p><a href="https://english.news.cn/aboutus.htm">About us</a> | <a href="https://english.news.cn/contactus.htm">Contact us</a></p>
    <p>Copyright © 2000-{d.year} XINHUANET.com All rights reserved.</p>
  </div>
</div>
<div class="backTop"><a href="#">Back to top</a></div>
</body>
</html>
"""
    return page("xinhua", i, url, doc, story, standfirst=False)


# =========================================================================== Global Times (generic rules)

def build_globaltimes(i: int, rng: random.Random) -> LabelledPage:
    story = _china_story(rng, i, 5)
    d = story.published
    url = f"https://www.globaltimes.cn/page/{d:%Y%m}/{1330000 + i * 211 + rng.randint(0, 99)}.shtml"
    section = rng.choice((("CHINA", "SOCIETY"), ("CHINA", "POLITICS"), ("SOURCE", "COMMENTARY"), ("CHINA", "DIPLOMACY")))
    photo = ""
    if i % 3 != 1:
        photo = (f'<center><img src="https://www.globaltimesimg.cn/{d:%Y%m%d}/{hexid("gt", i)}.jpeg" alt=""></center>'
                 f'<p class="picture" style="text-align:center;">{esc(_cn_caption(rng, story))} Photo: '
                 f'{rng.choice(("VCG", "Xinhua", "cnsphoto"))}</p>')
    byline = rng.choice(("Global Times", rng.choice(CN_REPORTERS)))
    # GT's story is text separated by <br><br> inside one div (older pages) or paragraphs (newer ones)
    paras = story.paragraphs()
    if i % 2 == 0:
        text = "<br><br>".join(esc(p) for p in paras)
        body = f"""          <div class="article_right">{photo}{text}<br><br>Global Times
          </div>"""
    else:
        ps = "\n".join(f"            <p>{esc(p)}</p>" for p in paras)
        body = f"""          <div class="article_right">{photo}
{ps}
            <p>Global Times</p>
          </div>"""
    titles = other_titles(rng, P.CHINA_TOPICS, P.CHINA_PLACES, P.CHINA_PEOPLE, story.title, 8)
    rel = "\n".join(f'          <div class="list_info"><a href="https://www.globaltimes.cn/page/{d:%Y%m}/{1329000 + k}.shtml">'
                    f'{esc(t)}</a></div>' for k, t in enumerate(titles[:3]))
    popular = "\n".join(f'          <li><a href="https://www.globaltimes.cn/page/{d:%Y%m}/{1328000 + k}.shtml">{esc(t)}</a></li>'
                        for k, t in enumerate(titles[3:8]))
    hour = d.hour % 12 or 12
    doc = f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(story.title)} - Global Times</title>
<meta name="description" content="{esc(paras[0][:150])}">
<meta property="og:title" content="{esc(story.title)}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="Global Times">
<meta name="twitter:card" content="summary_large_image">
<link rel="stylesheet" href="https://www.globaltimes.cn/css/article.css">
</head>
<body>
<div class="header_bar">
  <div class="container">
    <div class="logo"><a href="https://www.globaltimes.cn/"><img src="https://www.globaltimes.cn/img/logo.png" alt="Global Times"></a></div>
    <ul class="nav_list">
      <li><a href="https://www.globaltimes.cn/china/index.html">CHINA</a></li>
      <li><a href="https://www.globaltimes.cn/source/index.html">SOURCE</a></li>
      <li><a href="https://www.globaltimes.cn/opinion/index.html">OPINION</a></li>
      <li><a href="https://www.globaltimes.cn/In-depth/index.html">IN-DEPTH</a></li>
      <li><a href="https://www.globaltimes.cn/world/index.html">WORLD</a></li>
      <li><a href="https://www.globaltimes.cn/life/index.html">LIFE</a></li>
      <li><a href="https://www.globaltimes.cn/sport/index.html">SPORT</a></li>
      <li><a href="https://www.globaltimes.cn/video/index.html">VIDEO</a></li>
      <li><a href="https://www.globaltimes.cn/photo/index.html">PHOTO</a></li>
    </ul>
  </div>
</div>
<div class="container article_page">
  <div class="row">
    <div class="col-md-8 main_left">
      <div class="article">
        <div class="article_column"><span class="cloumm_level_1"><a href="https://www.globaltimes.cn/{section[0].lower()}/index.html">{section[0]}</a></span> / <span class="cloumm_level_2"><a href="https://www.globaltimes.cn/{section[0].lower()}/{section[1].lower()}/index.html">{section[1]}</a></span></div>
        <div class="article_title">{esc(story.title)}</div>
        <div class="article_info">
          <div class="author_share">
            <div class="author_share_left">
              <span class="byline">By <a href="https://www.globaltimes.cn/author/{slugify(byline)}.html">{esc(byline)}</a></span>
              <span class="pub_time">Published: {MONTHS[d.month - 1][:3]} {d.day:02d}, {d.year} {hour:02d}:{d.minute:02d} {'PM' if d.hour >= 12 else 'AM'}</span>
            </div>
            <div class="author_share_right">
              <a class="share_facebook" href="https://www.facebook.com/sharer.php?u={urlquote(url, safe='')}">Facebook</a>
              <a class="share_twitter" href="https://twitter.com/intent/tweet?url={urlquote(url, safe='')}">Twitter</a>
            </div>
          </div>
        </div>
        <div class="article_content">
{body}
        </div>
        <div class="article_footer">
          <div class="related_title">RELATED ARTICLES:</div>
{rel}
        </div>
      </div>
    </div>
    <div class="col-md-4 main_right">
      <div class="most_popular">
        <div class="most_title">MOST POPULAR</div>
        <ul>
{popular}
        </ul>
      </div>
    </div>
  </div>
</div>
<div class="footer">
  <div class="container">
    <div class="footer_nav"><a href="https://www.globaltimes.cn/about-us/">About Us</a> | <a href="https://www.globaltimes.cn/contact-us/">Contact Us</a> | <a href="https://www.globaltimes.cn/terms/">Terms of Service</a></div>
    <p class="copyright">Copyright ©{d.year} Global Times All rights reserved.</p>
    <p class="icp">京ICP备00000000号-1</p>
  </div>
</div>
</body>
</html>
"""
    return page("globaltimes", i, url, doc, story, standfirst=False)


# =========================================================================== China Daily (generic rules)

def build_chinadaily(i: int, rng: random.Random) -> LabelledPage:
    story = _china_story(rng, i, 9, headings=2 if i % 3 == 0 else 0, paras=(5, 7))
    d = story.published
    url = f"https://www.chinadaily.com.cn/a/{d:%Y%m}/{d:%d}/WS{hexid('cd', i, n=24)}.html"
    after: dict[int, str] = {}
    credit = rng.choice(("[Photo/Xinhua]", "[Photo/VCG]", "[Photo provided to chinadaily.com.cn]",
                         f"[Photo by {story.slots['person2']}/China Daily]"))
    figure = (f'          <figure class="image" style="display: table; margin-left: auto; margin-right: auto;">\n'
              f'            <img src="//img2.chinadaily.com.cn/images/{d:%Y%m}/{d:%d}/{hexid("cdimg", i, n=24)}.jpeg" '
              f'data-from-paste="1" alt="">\n'
              f'            <figcaption style="display: table-caption; caption-side: bottom;">'
              f'{esc(_cn_caption(rng, story))} {esc(credit)}</figcaption>\n          </figure>')
    after[-1 if i % 2 == 0 else para_slots(story.blocks, rng, 1)[0]] = figure
    body = render_blocks(story.blocks, indent="          ", h="p", h_attr="", after=after)
    if any(kind == "h" for kind, _ in story.blocks):  # China Daily sets sub-heads as bold paragraphs
        for kind, data in story.blocks:
            if kind == "h":
                body = body.replace(f"<p>{esc(data)}</p>", f"<p><strong>{esc(data)}</strong></p>", 1)
    titles = other_titles(rng, P.CHINA_TOPICS, P.CHINA_PLACES, P.CHINA_PEOPLE, story.title, 10)

    def links(ts, cls="") -> str:
        return "\n".join(f'              <li{cls}><a href="//www.chinadaily.com.cn/a/{d:%Y%m}/{d:%d}/WS{hexid(t, n=24)}.html">'
                         f'{esc(t)}</a></li>' for t in ts)

    author = rng.choice(CN_REPORTERS)
    where = story.slots["city"]
    doc = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(story.title)} - Chinadaily.com.cn</title>
<meta name="keywords" content="{esc(story.topic)}">
<meta name="description" content="{esc(story.paragraphs()[0][:150])}">
<meta name="articleid" content="WS{hexid('cd', i, n=24)}">
<meta name="source" content="chinadaily.com.cn">
<meta property="og:title" content="{esc(story.title)}">
<meta property="og:url" content="{esc(url)}">
<link rel="stylesheet" href="//www.chinadaily.com.cn/static_e/css/art.css">
</head>
<body>
<div class="topBar">
  <div class="topBar-inner">
    <a href="//www.chinadaily.com.cn/">Global Edition</a> <a href="//cn.chinadaily.com.cn/">China Edition</a>
    <a href="//www.chinadaily.com.cn/asia">ASIA</a> <a href="//www.chinadaily.com.cn/africa">AFRICA</a>
    <span class="search"><input type="text" placeholder="Search"><a href="#">Search</a></span>
  </div>
</div>
<div class="header">
  <div class="logo"><a href="//www.chinadaily.com.cn/"><img src="//www.chinadaily.com.cn/static_e/img/logo.png" alt="China Daily"></a></div>
  <div class="topNav">
    <ul>
      <li><a href="//www.chinadaily.com.cn/">HOME</a></li>
      <li><a href="//www.chinadaily.com.cn/china">CHINA</a></li>
      <li><a href="//www.chinadaily.com.cn/world">WORLD</a></li>
      <li><a href="//www.chinadaily.com.cn/business">BUSINESS</a></li>
      <li><a href="//www.chinadaily.com.cn/life">LIFESTYLE</a></li>
      <li><a href="//www.chinadaily.com.cn/culture">CULTURE</a></li>
      <li><a href="//www.chinadaily.com.cn/travel">TRAVEL</a></li>
      <li><a href="//www.chinadaily.com.cn/sports">SPORTS</a></li>
      <li><a href="//www.chinadaily.com.cn/opinion">OPINION</a></li>
      <li><a href="//www.chinadaily.com.cn/regional">REGIONAL</a></li>
    </ul>
  </div>
</div>
<div class="main_art">
  <div class="lft_art">
    <div class="da-bre"><a href="//www.chinadaily.com.cn/">Home</a> / <a href="//www.chinadaily.com.cn/china">China</a> / <a href="//www.chinadaily.com.cn/china/society">Society</a></div>
    <h1>{esc(story.title)}</h1>
    <div class="info">
      <span class="info_l">By {esc(author.upper())} in {esc(where)} | China Daily | Updated: {d:%Y-%m-%d %H:%M}</span>
      <span class="info_r"><a class="wx" href="#">WeChat</a><a class="fb" href="#">Facebook</a><a class="tw" href="#">X</a><a class="lnk" href="#">LinkedIn</a></span>
    </div>
    <div id="Content">
{body}
    </div>
    <div class="mb10 tc"><div id="div_currpage"></div></div>
    <div class="selectpage">
      <div class="related-title">{'You may also like' if i % 2 else 'Related Stories'}</div>
      <ul class="related-list">
{links(titles[:3])}
      </ul>
    </div>
  </div>
  <div class="rt_art">
    <div class="rt-box">
      <div class="rt-title">Top News</div>
      <ul>
{links(titles[3:6])}
      </ul>
    </div>
    <div class="rt-box">
      <div class="rt-title">Most Viewed in 24 Hours</div>
      <ul>
{links(titles[6:9])}
      </ul>
    </div>
    <div class="rt-box">
      <div class="rt-title">Editor's Picks</div>
      <ul><li><a href="//www.chinadaily.com.cn/a/{d:%Y%m}/{d:%d}/WS{hexid(titles[9], n=24)}.html"><img src="//img2.chinadaily.com.cn/pick.jpeg" alt=""><span>{esc(titles[9])}</span></a></li></ul>
    </div>
  </div>
</div>
<div class="footer">
  <div class="footer-links"><a href="//www.chinadaily.com.cn/e/static_e/about">About China Daily</a> | <a href="//www.chinadaily.com.cn/e/static_e/advertise">Advertise on Site</a> | <a href="//www.chinadaily.com.cn/e/static_e/contact">Contact Us</a></div>
  <p>Copyright 1995 - {d.year}. All rights reserved. Content on this site may not be republished without written permission.</p>
</div>
</body>
</html>
"""
    return page("chinadaily", i, url, doc, story, standfirst=False)


# =========================================================================== CGTN (generic rules)

def build_cgtn(i: int, rng: random.Random) -> LabelledPage:
    story = _china_story(rng, i, 13, headings=2 if i % 2 == 1 else 0, paras=(5, 7))
    d = story.published
    code = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(10))
    slug = "-".join(w.capitalize() if k == 0 else w for k, w in enumerate(re.findall(r"[A-Za-z0-9]+", story.title)))
    url = f"https://news.cgtn.com/news/{d:%Y-%m-%d}/{slug}-1{code}/p.html"
    after: dict[int, str] = {}
    credit = rng.choice(("/CFP", "/Xinhua", "/VCG"))
    after[-1] = (f'        <div class="cg-image">\n          <img src="https://news.cgtn.com/news/{d:%Y-%m-%d}/{hexid("cg", i)}.jpeg" alt="">\n'
                 f'          <p class="cg-image-caption">{esc(_cn_caption(rng, story))} {credit}</p>\n        </div>')
    if i % 3 == 0:
        after[-1] = (f'        <p><em>Editor\'s note: This story is part of a series on how {esc(story.slots["region"])} '
                     f'is changing, published in the weeks before the spring holiday.</em></p>\n' + after[-1])
    h = "h3" if i % 4 == 1 else "p"
    titles = other_titles(rng, P.CHINA_TOPICS, P.CHINA_PLACES, P.CHINA_PEOPLE, story.title, 6)
    links = inline_links(story.blocks, rng, [f"https://news.cgtn.com/news/{d:%Y-%m-%d}/{hexid(t, n=10)}/p.html"
                                             for t in titles[5:5 + i % 2]])
    body = render_blocks(story.blocks, indent="        ", h=h, after=after, links=links, rng=rng)
    if h == "p":
        for kind, data in story.blocks:
            if kind == "h":
                body = body.replace(f"<p>{esc(data)}</p>", f"<p><strong>{esc(data)}</strong></p>", 1)
    trends = "\n".join(f'          <li><span class="num">{k}</span><a href="https://news.cgtn.com/news/{d:%Y-%m-%d}/'
                       f'{hexid(t, n=10)}/p.html">{esc(t)}</a></li>' for k, t in enumerate(titles[:5], 1))
    source = rng.choice(("Xinhua", "CGTN", "Xinhua, CFP"))
    doc = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(story.title)} - CGTN</title>
<meta name="description" content="{esc(story.paragraphs()[0][:150])}">
<meta property="og:title" content="{esc(story.title)}">
<meta property="og:url" content="{esc(url)}">
<meta property="og:site_name" content="CGTN">
<link rel="stylesheet" href="https://ui.cgtn.com/static/public/css/article.css">
</head>
<body>
<div id="cmsHeader" class="cg-header">
  <div class="cg-header-inner">
    <a class="cg-logo" href="https://www.cgtn.com/"><img src="https://ui.cgtn.com/static/public/images/logo.png" alt="CGTN"></a>
    <ul class="cg-nav">
      <li><a href="https://www.cgtn.com/china">China</a></li>
      <li><a href="https://www.cgtn.com/world">World</a></li>
      <li><a href="https://www.cgtn.com/business">Business</a></li>
      <li><a href="https://www.cgtn.com/opinions">Opinions</a></li>
      <li><a href="https://www.cgtn.com/sci-tech">Sci-Tech</a></li>
      <li><a href="https://www.cgtn.com/culture">Culture</a></li>
      <li><a href="https://www.cgtn.com/video">Video</a></li>
      <li><a href="https://www.cgtn.com/live">Live</a></li>
    </ul>
    <a class="cg-app" href="https://www.cgtn.com/app">Download our app</a>
  </div>
</div>
<div class="cg-main-container">
  <div class="cg-content-wrap">
    <div class="news-title-wrap">
      <h1 class="news-title">{esc(story.title)}</h1>
    </div>
    <div class="news-author-wrap">
      <span class="news-author">CGTN</span>
      <span class="news-date">Updated {d:%H:%M}, {d:%d}-{MONTHS[d.month - 1][:3]}-{d.year}</span>
    </div>
    <div class="cg-share">
      <a class="cg-share-fb" href="https://www.facebook.com/sharer/sharer.php?u={urlquote(url, safe='')}">Facebook</a>
      <a class="cg-share-tw" href="https://twitter.com/intent/tweet?url={urlquote(url, safe='')}">X</a>
      <a class="cg-share-copy" href="#">Copy link</a>
    </div>
    <div id="cmsMainContent" class="cg-article-content">
{body}
    </div>
    <div class="cg-source">Source(s): {source}</div>
    <div class="cg-subscribe">
      <p class="cg-subscribe-title">Subscribe to Daily Brief: the day's top stories from CGTN Digital</p>
      <form><input type="email" placeholder="Your email"><button>Subscribe</button></form>
    </div>
  </div>
  <div class="cg-side">
    <div class="cg-side-box">
      <div class="cg-side-title">Search Trends</div>
      <ul class="cg-trends">
{trends}
      </ul>
    </div>
  </div>
</div>
<div class="cg-footer">
  <p><a href="https://www.cgtn.com/about-us">About Us</a> | <a href="https://www.cgtn.com/contact-us">Contact Us</a> | <a href="https://www.cgtn.com/privacy">Privacy Policy</a></p>
  <p>Copyright © {d.year} CGTN. All rights reserved.</p>
</div>
</body>
</html>
"""
    return page("cgtn", i, url, doc, story, standfirst=False)


# =========================================================================== Russia: shared

def _russia_story(rng: random.Random, i: int, offset: int, *, dateline: Callable[[dict, dict, datetime], str] | None,
                  paras: tuple[int, int] = (4, 6)) -> Story:
    published = when(rng, i)
    topic, story = pick_story(rng, P.RUSSIA_TOPICS, i + offset)
    slots = make_slots(rng, P.RUSSIA_PLACES, P.RUSSIA_PEOPLE, published)
    line = dateline(slots, story, published) if dateline else ""
    return compose(rng, topic, story, slots, published, paras=rng.randint(*paras), dateline=line, lo=25, hi=70)


# =========================================================================== TASS (generic rules)

TASS_SECTIONS = {"arctic": "economy", "grain": "economy", "metro": "society", "space": "science", "culture": "society"}
TASS_SECTION_NAMES = {"economy": "Business & Economy", "society": "Society & Culture", "science": "Science & Space"}


def build_tass(i: int, rng: random.Random) -> LabelledPage:
    story = _russia_story(rng, i, 0, dateline=lambda s, st, d: f"{(st.get('where') or s['city']).upper()}, "
                                                               f"{MONTHS[d.month - 1]} {d.day}. /TASS/. ")
    d = story.published
    section = TASS_SECTIONS[story.topic]
    url = f"https://tass.com/{section}/{1930000 + i * 173 + rng.randint(0, 99)}"
    titles = other_titles(rng, P.RUSSIA_TOPICS, P.RUSSIA_PLACES, P.RUSSIA_PEOPLE, story.title, 8)
    after: dict[int, str] = {}
    for k, pos in enumerate(para_slots(story.blocks, rng, 1 + i % 2)):
        t = titles[6 + k]
        label = "Also read" if (i + k) % 2 else "Read also"
        after[pos] = (f'            <div class="news-link-box">\n              <span class="news-link-box__label">{label}</span>\n'
                      f'              <a class="news-link-box__link" href="/{section}/{1929000 + k * 31}">{esc(t)}</a>\n            </div>')
    body = render_blocks(story.blocks, indent="            ", after=after)
    more = "\n".join(f'        <a class="news-preview" href="/{section}/{1929500 + k}"><span class="news-preview__title">'
                     f'{esc(t)}</span><span class="news-preview__date">{d.day} {MONTHS[d.month - 1][:3].upper()}, '
                     f'{(d.hour + 23 - k) % 24:02d}:{d.minute:02d}</span></a>' for k, t in enumerate(titles[:4]))
    tags = ", ".join(f'<a href="/tag/{slugify(t)}">{esc(t)}</a>' for t in rng.sample(
        ("Arctic", "Agriculture", "Transport", "Space", "Culture", "Russia", "Economy"), 2))
    doc = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(story.title)} - Society &amp; Culture - TASS</title>
<meta name="description" content="{esc(story.standfirst)}">
<meta property="og:title" content="{esc(story.title)}">
<meta property="og:description" content="{esc(story.standfirst)}">
<meta property="og:url" content="{esc(url)}">
<meta property="og:site_name" content="TASS">
<link rel="stylesheet" href="/static/css/main.css">
</head>
<body>
<div class="app">
  <header class="header">
    <div class="header__inner">
      <a class="header__logo" href="/"><img src="/static/img/logo-en.svg" alt="TASS"></a>
      <nav class="menu">
        <a class="menu__item" href="/politics">Politics</a>
        <a class="menu__item" href="/world">World</a>
        <a class="menu__item" href="/economy">Business &amp; Economy</a>
        <a class="menu__item" href="/defense">Military &amp; Defense</a>
        <a class="menu__item" href="/science">Science &amp; Space</a>
        <a class="menu__item" href="/emergencies">Emergencies</a>
        <a class="menu__item" href="/society">Society &amp; Culture</a>
        <a class="menu__item" href="/pressreview">Press Review</a>
        <a class="menu__item" href="/sports">Sports</a>
      </nav>
      <a class="header__lang" href="https://tass.ru/">Русский</a>
    </div>
  </header>
  <main class="container">
    <div class="news-header">
      <div class="news-header__breadcrumbs"><a href="/{section}">{esc(TASS_SECTION_NAMES[section])}</a></div>
      <h1 class="news-header__title">{esc(story.title)}</h1>
      <div class="news-header__lead">{esc(story.standfirst)}</div>
      <div class="news-header__date"><dateformat time="{int(d.timestamp())}" mode="abs">{d.day} {MONTHS[d.month - 1][:3].upper()}, {d:%H:%M}</dateformat></div>
    </div>
    <div class="news-content">
      <div class="text-block">
        <div class="text-content">
{body}
        </div>
      </div>
      <div class="tags-list"><span class="tags-list__title">Tags</span> {tags}</div>
      <div class="news-content__share">
        <span>Share</span>
        <a href="https://vk.com/share.php?url={urlquote(url, safe='')}">VK</a>
        <a href="https://t.me/share/url?url={urlquote(url, safe='')}">Telegram</a>
      </div>
    </div>
    <section class="news-more">
      <h3 class="news-more__title">More news</h3>
      <div class="news-list">
{more}
      </div>
      <button class="news-more__button">Show more</button>
    </section>
  </main>
  <footer class="footer">
    <div class="footer__inner">
      <a href="/about">About TASS</a> <a href="/terms">Terms of use</a> <a href="/contacts">Contacts</a>
      <p class="footer__copyright">© TASS {d.year}. Use of materials requires permission from the agency.</p>
    </div>
  </footer>
  <div class="cookie-banner" role="dialog">
    <p>Our website uses cookies to make browsing more convenient. By staying on the site you agree to this.</p>
    <button>OK</button>
  </div>
</div>
</body>
</html>
"""
    return page("tass", i, url, doc, story, standfirst=True)


# =========================================================================== RT (generic rules)

RT_SECTIONS = {"arctic": "business", "grain": "business", "metro": "russia", "space": "russia", "culture": "russia"}


def build_rt(i: int, rng: random.Random) -> LabelledPage:
    story = _russia_story(rng, i, 4, dateline=None, paras=(5, 7))
    d = story.published
    section = RT_SECTIONS[story.topic]
    url = f"https://www.rt.com/{section}/{600000 + i * 97 + rng.randint(0, 60)}-{slugify(story.title, 60)}/"
    titles = other_titles(rng, P.RUSSIA_TOPICS, P.RUSSIA_PLACES, P.RUSSIA_PEOPLE, story.title, 8)
    after: dict[int, str] = {}
    for k, pos in enumerate(para_slots(story.blocks, rng, 2 if i % 2 else 1)):
        t = titles[5 + k]
        after[pos] = f"""          <div class="read-more">
            <div class="read-more__title">Read more</div>
            <a class="read-more__link" href="/{section}/{599000 + k * 13}-{slugify(t, 50)}/">
              <img class="read-more__img" src="https://mf.b37mrtl.ru/files/{d:%Y.%m}/s/{hexid(t, n=24)}.jpg" alt="{esc(t)}">
              <span class="read-more__text">{esc(t)}</span>
            </a>
          </div>"""
    follow = """          <div class="follows-channel">
            <span class="follows-channel__title">Follow RT on</span> <a class="follows-channel__link" href="https://t.me/rt_international">Telegram</a>
          </div>"""
    inside = i % 2 == 0
    links = inline_links(story.blocks, rng, [f"/{section}/{597000 + k * 7}-{slugify(t, 50)}/" for k, t in
                                             enumerate(titles[:1 + i % 3])])
    body = render_blocks(story.blocks, indent="          ", after=after, links=links, rng=rng)
    if inside:
        body += "\n" + follow
    caption = rng.choice(CAPTIONS_RU).format(**story.slots)
    more = "\n".join(f'        <li class="list-card"><a class="list-card__link" href="/{section}/{598000 + k}-'
                     f'{slugify(t, 50)}/">{esc(t)}</a></li>' for k, t in enumerate(titles[:4]))
    doc = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(story.title)} — RT {section.capitalize()} News</title>
<meta name="description" content="{esc(story.standfirst)}">
<meta property="og:title" content="{esc(story.title)}">
<meta property="og:url" content="{esc(url)}">
<meta property="og:site_name" content="RT International">
<meta property="article:published_time" content="{d:%Y-%m-%dT%H:%M:%S}+00:00">
<link rel="stylesheet" href="/static/css/article.css">
</head>
<body class="article-page">
<header class="header">
  <div class="header__logo"><a href="/"><img src="/static/img/rt-logo.svg" alt="RT"></a></div>
  <nav class="nav">
    <ul class="nav__list">
      <li class="nav__item"><a href="/news/">News</a></li>
      <li class="nav__item"><a href="/russia/">Russia</a></li>
      <li class="nav__item"><a href="/india/">India</a></li>
      <li class="nav__item"><a href="/africa/">Africa</a></li>
      <li class="nav__item"><a href="/business/">Business</a></li>
      <li class="nav__item"><a href="/shows/">Shows</a></li>
      <li class="nav__item"><a href="/podcast/">Podcasts</a></li>
      <li class="nav__item"><a href="/op-ed/">Op-ed</a></li>
    </ul>
  </nav>
</header>
<div class="layout">
  <div class="layout__content">
    <div class="article">
      <div class="article__date-autor-shortcode">
        <div class="article__date"><span class="date date_article-header">{d.day} {MONTHS[d.month - 1][:3]}, {d.year} {d:%H:%M}</span></div>
      </div>
      <h1 class="article__heading">{esc(story.title)}</h1>
      <div class="article__summary summary ">{esc(story.standfirst)}</div>
      <div class="article__cover">
        <div class="media">
          <img class="media__item" src="https://mf.b37mrtl.ru/files/{d:%Y.%m}/article/{hexid('rt', i, n=24)}.jpg" alt="">
          <div class="media__footer"><div class="media__title media__title_arcticle">{esc(caption)} © Getty Images / {esc(rng.choice(('Alexey Volkov', 'Marina Lebedeva', 'Igor Sergeev')))}</div></div>
        </div>
      </div>
      <div class="article__text text ">
{body}
      </div>{'' if inside else chr(10) + follow}
      <div class="article__share share">
        <div class="share__title">You can share this story on social media:</div>
        <ul class="share__list">
          <li><a class="share__link share__link_fb" href="https://www.facebook.com/sharer.php?u={urlquote(url, safe='')}">Facebook</a></li>
          <li><a class="share__link share__link_tg" href="https://t.me/share/url?url={urlquote(url, safe='')}">Telegram</a></li>
          <li><a class="share__link share__link_x" href="https://twitter.com/share?url={urlquote(url, safe='')}">X</a></li>
        </ul>
      </div>
    </div>
    <div class="news-block">
      <div class="news-block__title">{'More on this topic' if i % 2 else 'More from RT'}</div>
      <ul class="list-cards">
{more}
      </ul>
    </div>
  </div>
  <aside class="layout__sidebar">
    <div class="podcasts">
      <div class="podcasts__title">Podcasts</div>
      <a href="/podcast/{slugify(titles[4], 40)}/">{esc(titles[4])}</a>
    </div>
  </aside>
</div>
<footer class="footer">
  <p class="footer__copyright">© 2005–{d.year} RT. All rights reserved.</p>
  <p class="footer__links"><a href="/about-us/">About us</a> <a href="/privacy-policy/">Privacy policy</a></p>
</footer>
<div class="cookies-banner">
  <p>This website uses cookies to improve your experience. Learn more in our privacy policy.</p>
  <button class="cookies-banner__button">Accept cookies</button>
</div>
</body>
</html>
"""
    return page("rt", i, url, doc, story, standfirst=True)


# =========================================================================== PressTV (generic rules)

def build_presstv(i: int, rng: random.Random) -> LabelledPage:
    published = when(rng, i)
    topic, st = pick_story(rng, P.IRAN_TOPICS, i)
    slots = make_slots(rng, P.IRAN_PLACES, P.IRAN_PEOPLE, published)
    story = compose(rng, topic, st, slots, published, paras=rng.randint(5, 7), lo=25, hi=70)
    d = story.published
    slug = "-".join(re.findall(r"[A-Za-z0-9]+", story.title))
    url = f"https://www.presstv.ir/Detail/{d:%Y/%m/%d}/{745000 + i * 151 + rng.randint(0, 99)}/{slug}"
    caption = rng.choice(CAPTIONS_IR).format(**story.slots)
    credit = rng.choice(("(Photo by IRNA)", "(Photo by Tasnim)", "(File photo)"))
    titles = other_titles(rng, P.IRAN_TOPICS, P.IRAN_PLACES, P.IRAN_PEOPLE, story.title, 5)
    after: dict[int, str] = {}
    mirrors = ('            <p><em>Press TV can also be reached at these alternate addresses: www.presstv.ir, '
               'www.presstv.co.uk, www.presstv.tv</em></p>')
    after[len(story.blocks) - 1] = mirrors
    body = render_blocks(story.blocks, indent="            ", after=after)
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    stamp = f"{days[d.weekday()]}, {d:%d} {MONTHS[d.month - 1]} {d.year} {d:%I:%M} {'PM' if d.hour >= 12 else 'AM'}"
    related = "\n".join(f'            <li><a href="/Detail/{d:%Y/%m/%d}/{744000 + k}/{"-".join(re.findall(r"[A-Za-z0-9]+", t))}">'
                        f'{esc(t)}</a></li>' for k, t in enumerate(titles[:3]))
    viewed = "\n".join(f'          <li><a href="/Detail/{d:%Y/%m/%d}/{743000 + k}/x">{esc(t)}</a></li>'
                       for k, t in enumerate(titles[3:]))
    follow = ('          <div class="follow-box">Follow Press TV on <a href="https://t.me/presstv">Telegram</a> and '
              '<a href="https://x.com/presstv">X</a></div>') if i % 2 else ""
    doc = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PressTV-{esc(story.title)}</title>
<meta name="description" content="{esc(story.paragraphs()[0][:150])}">
<meta property="og:title" content="{esc(story.title)}">
<meta property="og:url" content="{esc(url)}">
<link rel="stylesheet" href="/Content/css/bootstrap.min.css">
<link rel="stylesheet" href="/Content/css/site.css">
</head>
<body>
<header class="site-header">
  <div class="container">
    <a class="logo" href="/"><img src="/Content/images/logo.png" alt="Press TV"></a>
    <nav class="main-menu">
      <ul>
        <li><a href="/Section/10101">Iran</a></li>
        <li><a href="/Section/10102">West Asia</a></li>
        <li><a href="/Section/10103">Asia-Pacific</a></li>
        <li><a href="/Section/10104">Africa</a></li>
        <li><a href="/Section/10105">Americas</a></li>
        <li><a href="/Section/10106">Europe</a></li>
        <li><a href="/Section/10107">Economy</a></li>
        <li><a href="/Section/10108">Sports</a></li>
        <li><a href="/Section/10109">Opinion</a></li>
      </ul>
    </nav>
  </div>
</header>
<div class="container">
  <div class="row">
    <div class="col-md-8 news-content">
      <div class="news-category"><a href="/Section/10101">Iran</a></div>
      <h1 class="news-title">{esc(story.title)}</h1>
      <div class="news-date">{stamp} <span class="last-update">[ Last Update: {stamp} ]</span></div>
      <div class="news-image">
        <img src="/Content/images/news/{d:%Y/%m/%d}/{hexid('ptv', i, n=16)}.jpg" alt="">
        <div class="news-image-caption">{esc(caption)} {credit}</div>
      </div>
      <div class="news-body">
        <div id="news-text" class="news-text">
{body}
        </div>
{follow}
        <div class="news-share"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">Telegram</a> <a href="#">WhatsApp</a></div>
      </div>
      <div class="related-news">
        <h3 class="related-news__title">Related News</h3>
        <ul>
{related}
        </ul>
      </div>
    </div>
    <div class="col-md-4 sidebar">
      <div class="sidebar-box">
        <h3 class="sidebar-box__title">Most Viewed</h3>
        <ul>
{viewed}
        </ul>
      </div>
    </div>
  </div>
</div>
<footer class="site-footer">
  <div class="container">
    <p><a href="/Page/About">About us</a> | <a href="/Page/Contact">Contact us</a> | <a href="/Page/Terms">Terms of use</a></p>
    <p>© {d.year} Press TV. All rights reserved.</p>
  </div>
</footer>
</body>
</html>
"""
    return page("presstv", i, url, doc, story, standfirst=False)


# =========================================================================== Ohmymag (profile: ohmymag)

OHMYMAG_PODCASTS = (("Discover our latest podcast", "Ohmymag Talks - Episode {n}: is it worth switching your bank?"),
                    ("Listen to our latest podcast", "Ohmymag Talks - Episode {n}: the truth about meal deals"),
                    ("Catch up on our weekly podcast", "Ohmymag Talks - Episode {n}: how to sleep through a heatwave"))
OHMYMAG_NEWSLETTERS = (("Sign up to our daily newsletter", "The stories everyone is talking about, straight to your "
                                                           "inbox every morning."),
                       ("Get our free weekly newsletter", "Money-saving tips, health news and the best of the week, "
                                                          "every Friday in your inbox."))


def build_ohmymag(i: int, rng: random.Random) -> LabelledPage:
    published = when(rng, i)
    stories = [(t, s) for t in demo_prose.MAG_TOPICS for s in t["stories"]]
    topic, st = stories[(i * 7 + 3) % len(stories)]
    slots = make_slots(rng, tuple((c, "") for c in demo_prose.MAG_CITIES), ("Amelia Hartwell", "Tom Branscombe"),
                       published)
    mag_topic = {"name": topic["tag"], "body": topic["body"], "headings": topic["headings"], "close": (),
                 "quotes": (st["quote"],), "bullets": (st["bullets"],)}
    story = compose(rng, mag_topic, {"title": st["title"], "lead": "", "standfirst": st["standfirst"],
                                     "extras": st["body"]},
                    slots, published, paras=rng.randint(4, 6), headings=2 + i % 2, quote=i % 3 != 1,
                    bullets=i % 2 == 0, close=False)
    # the lead sentence is empty for magazine stories: the first paragraph is pool prose only
    story.blocks = [(k, (v.strip() if isinstance(v, str) else v)) for k, v in story.blocks if v != ""]
    d = story.published
    art = 41000 + i * 41 + rng.randint(0, 30)
    url = f"https://www.ohmymag.co.uk/news/{st['slug']}_art{art}.html"
    author = rng.choice(demo_prose.MAG_AUTHORS)
    podcast = OHMYMAG_PODCASTS[i % 3]
    news = OHMYMAG_NEWSLETTERS[i % 2]
    others = [s for _, s in stories if s is not st]
    read_more = rng.sample(others, 2)
    related = rng.sample(others, 3)
    podcast_html = f"""      <div class="podcast-box">
        <p class="podcast-box__title">{esc(podcast[0])}</p>
        <p class="podcast-box__episode">{esc(podcast[1].format(n=40 + i))}</p>
        <div class="podcast-player" data-episode="{40 + i}"><button class="podcast-player__play">Play</button><span class="podcast-player__time">00:00 / 24:12</span></div>
        <a class="podcast-box__link" href="https://www.ohmymag.co.uk/podcast">All episodes</a>
      </div>"""
    readmore_html = ("      <div class=\"inread\" id=\"inread-1\"><div class=\"ad-slot\" id=\"gpt-inread-1\"></div></div>\n\n"
                     "      <p><strong>Read more:</strong></p>\n      <ul class=\"read-also\">\n" + "\n".join(
                         f'        <li><a href="https://www.ohmymag.co.uk/news/{s["slug"]}_art{40000 + k}.html">⋙ '
                         f'{esc(s["title"].format(**slots))}</a></li>' for k, s in enumerate(read_more)) + "\n      </ul>")
    newsletter_html = f"""      <div class="newsletter-box">
        <p class="newsletter-box__title">{esc(news[0])}</p>
        <p class="newsletter-box__text">{esc(news[1])}</p>
        <form class="newsletter-box__form" action="https://www.ohmymag.co.uk/newsletter/subscribe" method="post">
          <input type="email" name="email" placeholder="Your email address" required>
          <button type="submit">Subscribe</button>
        </form>
      </div>"""
    if i % 2:  # the podcast box right under the standfirst on some pages
        after = spread(story.blocks, rng, [readmore_html, newsletter_html], lo=1)
        after[-1] = podcast_html
    else:
        after = spread(story.blocks, rng, [podcast_html, readmore_html, newsletter_html], lo=1)
    lead = f'      <p class="article-body__lead"><strong>{esc(story.standfirst)}</strong></p>'
    links = inline_links(story.blocks, rng, [f"https://www.ohmymag.co.uk/news/{s['slug']}_art{38000 + k}.html"
                                             for k, s in enumerate(related[:i % 3])])
    body = lead + "\n" + render_blocks(story.blocks, after=after, links=links, rng=rng)
    sources = "\n".join(f"        <li>{esc(s)}</li>" for s in st["sources"])
    rel = "\n".join(f'      <li><a href="https://www.ohmymag.co.uk/news/{s["slug"]}_art{39000 + k}.html">'
                    f'{esc(s["title"].format(**slots))}</a></li>' for k, s in enumerate(related))
    section = topic["section"]
    doc = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(story.title)} - Ohmymag</title>
<meta name="description" content="{esc(story.standfirst[:160])}">
<meta name="author" content="{esc(author)}">
<meta property="og:site_name" content="Ohmymag">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(story.title)}">
<meta property="og:url" content="{esc(url)}">
<meta property="article:published_time" content="{d:%Y-%m-%dT%H:%M:%S}+00:00">
<link rel="stylesheet" href="https://static.ohmymag.co.uk/build/css/article.8c1f2a.css">
<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
</head>
<body class="page-article">
<div id="didomi-host" class="consent-layer">
  <div class="consent-popup" role="dialog" aria-label="Your privacy">
    <p class="consent-popup__title">We value your privacy</p>
    <p class="consent-popup__text">We and our partners store and access information on your device, such as cookies, to show you personalised content and adverts and to measure audiences.</p>
    <button class="consent-popup__agree">Agree and close</button>
    <button class="consent-popup__options">Learn more</button>
  </div>
</div>

<header class="site-header">
  <div class="site-header__inner">
    <a class="site-header__logo" href="https://www.ohmymag.co.uk/"><img src="https://static.ohmymag.co.uk/img/logo.svg" alt="Ohmymag"></a>
    <nav class="main-nav" aria-label="Sections">
      <ul class="main-nav__list">
        <li><a href="https://www.ohmymag.co.uk/news">News</a></li>
        <li><a href="https://www.ohmymag.co.uk/health">Health</a></li>
        <li><a href="https://www.ohmymag.co.uk/money">Money</a></li>
        <li><a href="https://www.ohmymag.co.uk/royals">Royals</a></li>
        <li><a href="https://www.ohmymag.co.uk/home-garden">Home &amp; Garden</a></li>
      </ul>
    </nav>
  </div>
</header>

<main class="main">
  <div class="ad-slot ad-slot--top" id="gpt-top"><span class="ad-slot__label">Advertisement</span></div>
  <article class="article">
    <div class="article__header">
      <ol class="breadcrumb">
        <li><a href="https://www.ohmymag.co.uk/">Home</a></li>
        <li><a href="https://www.ohmymag.co.uk/{section}">{esc(section.replace('-', ' ').title())}</a></li>
      </ol>
      <h1 class="article__title">{esc(story.title)}</h1>
      <div class="article__meta">
        <span class="article__author">By <a href="https://www.ohmymag.co.uk/author/{slugify(author)}">{esc(author)}</a></span>
        <time class="article__date" datetime="{d:%Y-%m-%dT%H:%M:%S}+00:00">Published on {d:%d/%m/%Y at %H:%M}</time>
      </div>
      <figure class="article__image">
        <img src="https://static.ohmymag.co.uk/articles/{art}/main.jpg" alt="" width="1200" height="675">
        <figcaption class="article__image-credit">© Getty Images</figcaption>
      </figure>
    </div>

    <div class="article-body">
{body}

      <p><strong>Sources used:</strong></p>
      <ul class="sources-list">
{sources}
      </ul>
    </div>

    <div class="article__footer">
      <div class="article__tags"><span>Tags:</span> <a href="https://www.ohmymag.co.uk/tag/{topic['tag']}">{esc(topic['tag'].replace('-', ' ').title())}</a></div>
      <div class="article__share">
        <a class="share--facebook" href="https://www.facebook.com/sharer/sharer.php?u={urlquote(url, safe='')}">Facebook</a>
        <a class="share--x" href="https://x.com/intent/tweet?url={urlquote(url, safe='')}">X</a>
        <a class="share--whatsapp" href="whatsapp://send?text={urlquote(url, safe='')}">WhatsApp</a>
      </div>
    </div>
  </article>

  <section class="related-articles">
    <h2 class="related-articles__title">You might also like</h2>
    <ul>
{rel}
    </ul>
  </section>
</main>

<footer class="site-footer">
  <ul class="site-footer__links">
    <li><a href="https://www.ohmymag.co.uk/">Home</a></li>
    <li><a href="https://www.ohmymag.co.uk/rss.xml">RSS</a></li>
  </ul>
  <p class="site-footer__copyright">© {d.year} Ohmymag UK. All rights reserved.</p>
</footer>
</body>
</html>
"""
    return page("ohmymag", i, url, doc, story, standfirst=True)


# =========================================================================== a WordPress news site (generic rules)

WP_HOST = "https://www.thornfieldchronicle.co.uk"


def build_wordpress(i: int, rng: random.Random) -> LabelledPage:
    published = when(rng, i)
    topic, st = pick_story(rng, P.LOCAL_TOPICS, i)
    slots = make_slots(rng, P.LOCAL_PLACES, P.LOCAL_PEOPLE, published)
    story = compose(rng, topic, st, slots, published, paras=rng.randint(5, 7), headings=1 + i % 2,
                    quote=i % 3 != 2, bullets=i % 2 == 1, lo=25, hi=70)
    with_standfirst = i % 3 != 1
    d = story.published
    slug = slugify(story.title)
    url = f"{WP_HOST}/{d:%Y/%m/%d}/{slug}/"
    post_id = 48000 + i * 57 + rng.randint(0, 40)
    author = rng.choice(("Joanna Pell", "Mark Ellery", "Aisha Dunmore", "Tom Rayner"))
    titles = other_titles(rng, P.LOCAL_TOPICS, P.LOCAL_PLACES, P.LOCAL_PEOPLE, story.title, 9, P.LOCAL_HEADLINES)

    def link(t: str, k: int) -> str:
        return f"{WP_HOST}/{d:%Y/%m}/{(d.day + k) % 27 + 1:02d}/{slugify(t)}/"

    also = (f'          <p><strong>Also read:</strong> <a href="{link(titles[0], 1)}">{esc(titles[0])}</a></p>')
    ad = ('          <div class="wp-block-group ad-container"><span class="ad-label">Advertisement</span>'
          '<div id="div-gpt-ad-inline-1" class="ad-unit"></div></div>')
    newsletter = """          <div class="wp-block-group newsletter-signup">
            <h3 class="newsletter-signup__title">Get the Chronicle in your inbox</h3>
            <p>Sign up for our free daily newsletter with the top stories from Thornfield and the valley.</p>
            <form action="/newsletter/" method="post"><input type="email" placeholder="Email address"><button>Subscribe</button></form>
          </div>"""
    after = spread(story.blocks, rng, [also, newsletter if i % 2 else ad], lo=1)
    links = inline_links(story.blocks, rng, [link(t, k) for k, t in enumerate(titles[6:6 + 1 + i % 3])])
    body = render_blocks(story.blocks, indent="          ", h_attr=' class="wp-block-heading"',
                         quote_attr=' class="wp-block-quote"', ul_attr=' class="wp-block-list"', after=after,
                         links=links, rng=rng)
    share = f"""          <div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3><div class="sd-content"><ul><li class="share-facebook"><a rel="nofollow noopener noreferrer" class="share-facebook sd-button share-icon" href="{url}?share=facebook" target="_blank"><span>Facebook</span></a></li><li class="share-x"><a rel="nofollow noopener noreferrer" class="share-x sd-button share-icon" href="{url}?share=x" target="_blank"><span>X</span></a></li><li class="share-email"><a rel="nofollow noopener noreferrer" class="share-email sd-button share-icon" href="mailto:?subject={urlquote(story.title)}" target="_blank"><span>Email</span></a></li><li class="share-end"></li></ul></div></div></div>
          <div class="sharedaddy sd-block sd-like jetpack-likes-widget-wrapper jetpack-likes-widget-unloaded" id="like-post-wrapper-{post_id}"><h3 class="sd-title">Like this:</h3><div class="likes-widget-placeholder post-likes-widget-placeholder"><span class="button"><span>Like</span></span> <span class="loading">Loading...</span></div></div>
          <div id="jp-relatedposts" class="jp-relatedposts">
            <h3 class="jp-relatedposts-headline"><em>Related</em></h3>
            <div class="jp-relatedposts-items jp-relatedposts-items-visual">
{chr(10).join(f'              <div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" href="{link(t, k)}">{esc(t)}</a></h4><p class="jp-relatedposts-post-date">{MONTHS[d.month - 1]} {max(1, d.day - k - 1)}, {d.year}</p><p class="jp-relatedposts-post-context">In &quot;News&quot;</p></div>' for k, t in enumerate(titles[1:4], 2))}
            </div>
          </div>"""
    standfirst = (f'\n          <div class="newspack-post-subtitle">{esc(story.standfirst)}</div>' if with_standfirst else "")
    caption = rng.choice(("The site seen from the street", "Work under way last week", "Residents at a meeting in the town hall",
                          "The building before the work began"))
    widgets = "\n".join(f'          <li><a href="{link(t, k)}">{esc(t)}</a></li>' for k, t in enumerate(titles[4:8]))
    comments = ""
    if i % 3 == 0:
        comments = f"""
        <div id="comments" class="comments-area">
          <h2 class="comments-title">One thought on &ldquo;{esc(story.title)}&rdquo;</h2>
          <ol class="comment-list">
            <li id="comment-{post_id}1" class="comment even thread-even depth-1">
              <article class="comment-body">
                <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Dave from Ashby Green</b> <span class="says">says:</span></div><div class="comment-metadata"><time datetime="{d:%Y-%m-%dT%H:%M:%S}+00:00">{MONTHS[d.month - 1]} {d.day}, {d.year} at 9:14 am</time></div></footer>
                <div class="comment-content"><p>About time too. We have been asking the council about this for years and nobody ever wrote back.</p></div>
                <div class="reply"><a rel="nofollow" class="comment-reply-link" href="#comment-{post_id}1">Reply</a></div>
              </article>
            </li>
          </ol>
          <div id="respond" class="comment-respond">
            <h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
            <form action="{WP_HOST}/wp-comments-post.php" method="post" id="commentform" class="comment-form">
              <p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
              <p class="comment-form-comment"><label for="comment">Comment *</label><textarea id="comment" name="comment"></textarea></p>
              <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"></p>
            </form>
          </div>
        </div>"""
    doc = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(story.title)} &#8211; The Thornfield Chronicle</title>
<link rel="canonical" href="{url}">
<meta name="description" content="{esc((story.standfirst or story.paragraphs()[0])[:155])}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="The Thornfield Chronicle">
<meta property="og:title" content="{esc(story.title)}">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{d:%Y-%m-%dT%H:%M:%S}+00:00">
<meta name="generator" content="WordPress 6.7.2">
<link rel="stylesheet" id="newspack-style-css" href="{WP_HOST}/wp-content/themes/newspack-theme/style.css?ver=2.3.1" media="all">
<script src="{WP_HOST}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
</head>
<body class="post-template-default single single-post postid-{post_id} single-format-standard">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<div id="page" class="site">
  <div class="top-header-contain">
    <div class="wrapper">
      <span class="header-date">{story.slots['day']}, {MONTHS[d.month - 1]} {d.day}, {d.year}</span>
      <nav class="social-navigation" aria-label="Social links"><a href="https://www.facebook.com/thornfieldchronicle">Facebook</a> <a href="https://x.com/thornfieldnews">X</a></nav>
    </div>
  </div>
  <header id="masthead" class="site-header">
    <div class="site-branding">
      <p class="site-title"><a href="{WP_HOST}/" rel="home">The Thornfield Chronicle</a></p>
      <p class="site-description">Independent news for Thornfield and the valley</p>
    </div>
    <nav id="site-navigation" class="main-navigation" aria-label="Top Menu">
      <ul id="primary-menu" class="menu">
        <li class="menu-item"><a href="{WP_HOST}/category/news/">News</a></li>
        <li class="menu-item"><a href="{WP_HOST}/category/sport/">Sport</a></li>
        <li class="menu-item"><a href="{WP_HOST}/category/whats-on/">What's on</a></li>
        <li class="menu-item"><a href="{WP_HOST}/category/opinion/">Opinion</a></li>
        <li class="menu-item"><a href="{WP_HOST}/support-us/">Support us</a></li>
      </ul>
    </nav>
  </header>

  <div id="content" class="site-content">
    <div id="primary" class="content-area">
      <main id="main" class="site-main">
        <article id="post-{post_id}" class="post-{post_id} post type-post status-publish format-standard has-post-thumbnail hentry category-news">
          <header class="entry-header">
            <span class="cat-links"><a href="{WP_HOST}/category/news/" rel="category tag">News</a></span>
            <h1 class="entry-title">{esc(story.title)}</h1>{standfirst}
            <div class="entry-meta">
              <span class="byline"><span class="author-prefix">By</span> <span class="author vcard"><a class="url fn n" href="{WP_HOST}/author/{slugify(author)}/">{esc(author)}</a></span></span>
              <span class="posted-on"><time class="entry-date published" datetime="{d:%Y-%m-%dT%H:%M:%S}+00:00">{MONTHS[d.month - 1]} {d.day}, {d.year}</time></span>
            </div>
          </header>
          <figure class="post-thumbnail">
            <img width="1200" height="800" src="{WP_HOST}/wp-content/uploads/{d:%Y/%m}/{slug[:30]}.jpg" class="attachment-newspack-featured-image size-newspack-featured-image wp-post-image" alt="" decoding="async">
            <figcaption><span class="image-caption">{esc(caption)}</span> <span class="image-credit">Photo: {esc(rng.choice(('Tom Rayner', 'Chronicle archive', 'Ellie Stroud')))}</span></figcaption>
          </figure>
          <div class="entry-content">
{body}
{share}
          </div>
          <footer class="entry-footer"><span class="tags-links">Tagged <a href="{WP_HOST}/tag/{story.topic}/" rel="tag">{story.topic}</a>, <a href="{WP_HOST}/tag/council/" rel="tag">council</a></span></footer>
          <div class="author-bio">
            <div class="author-bio-text"><h2 class="accent-header">{esc(author)}</h2><p>{esc(author)} is a reporter for The Thornfield Chronicle, covering the council, transport and the environment.</p>
            <a class="author-link" href="{WP_HOST}/author/{slugify(author)}/">More by {esc(author)}</a></div>
          </div>
        </article>
        <nav class="navigation post-navigation" aria-label="Posts">
          <h2 class="screen-reader-text">Post navigation</h2>
          <div class="nav-links"><div class="nav-previous"><a href="{link(titles[4], 3)}" rel="prev"><span class="meta-nav">Previous</span> <span class="post-title">{esc(titles[4])}</span></a></div><div class="nav-next"><a href="{link(titles[5], 4)}" rel="next"><span class="meta-nav">Next</span> <span class="post-title">{esc(titles[5])}</span></a></div></div>
        </nav>{comments}
      </main>
    </div>
    <aside id="secondary" class="widget-area">
      <section class="widget widget_recent_entries">
        <h2 class="widget-title">Most read</h2>
        <ul>
{widgets}
        </ul>
      </section>
    </aside>
  </div>

  <footer id="colophon" class="site-footer">
    <div class="site-info">
      <p>© {d.year} The Thornfield Chronicle. All rights reserved.</p>
      <a href="https://wordpress.org/" class="imprint">Proudly powered by WordPress</a>
    </div>
  </footer>
</div>
<div id="cookie-law-info-bar" data-nosnippet="true">
  <span>This site uses cookies to remember your settings and to measure traffic. You can accept them or choose which ones to allow.</span>
  <a role="button" class="cli_settings_button">Cookie settings</a> <a role="button" id="cookie_action_close_header" class="cli_action_button">Accept</a>
</div>
</body>
</html>
"""
    return page("wordpress", i, url, doc, story, standfirst=with_standfirst)


# =========================================================================== the templates and their markers

#: Phrases that must never appear in any template's output: chrome every page of the set carries.
COMMON_MARKERS = ("©", "All rights reserved", "cookies", "Share this", "Subscribe", "Skip to content")

TEMPLATES: tuple[Template, ...] = (
    Template("kcnawatch", "KCNA Watch (KCNA, Rodong Sinmun, Voice of Korea, Naenara, Minju Choson, Pyongyang Times)",
             10, build_kcnawatch,
             ("More From", "More Articles", "-0-", "www.kcna.kp (Juche", "Read original version", "Date: ",
              "Source: ", "Tags:", "Newstream", "Leadership Tracker", "Log in")),
    Template("kcna", "kcna.kp", 6, build_kcna,
             ("-0-", "Juche 1", "Previous", "Next", "Latest News", "Top News", "Print", "A+", "Korean Central News",
              "[2026.", "조선어")),
    Template("rodong", "Rodong Sinmun (rodong.rep.kp)", 6, build_rodong,
             ("Today's Paper", "Photo News", "Previous", "Next", "Print", "Juche 1", "PDF Edition",
              "Supreme Leader's Activities", "Pyongyang, DPR Korea")),
    Template("xinhua", "Xinhua (english.news.cn)", 6, build_xinhua,
             ("Editor:", "(Xinhua/", "Source: Xinhua", "Most Viewed", "Related:", "Font size", "Photos",
              "Back to top", "XINHUANET", "Copyright")),
    Template("globaltimes", "Global Times (globaltimes.cn)", 6, build_globaltimes,
             ("Global Times", "Published:", "RELATED ARTICLES", "MOST POPULAR", "Photo: ", "Copyright", "ICP",
              "Facebook", "Twitter")),
    Template("chinadaily", "China Daily (chinadaily.com.cn)", 6, build_chinadaily,
             ("China Daily", "Updated:", "[Photo", "Related Stories", "You may also like", "Top News", "Most Viewed",
              "Editor's Picks",
              "Copyright", "Global Edition", "WeChat")),
    Template("cgtn", "CGTN (news.cgtn.com)", 6, build_cgtn,
             ("Editor's note", "Source(s):", "/CFP", "/VCG", "/Xinhua", "Search Trends", "Daily Brief",
              "Download our app", "Updated ", "Copy link", "Copyright")),
    Template("tass", "TASS (tass.com)", 6, build_tass,
             ("Read also", "Also read", "More news", "Show more", "Tags", "Share", "Terms of use",
              "Use of materials", "Business & Economy")),
    Template("rt", "RT (rt.com)", 6, build_rt,
             ("Follow RT on", "You can share this story", "Read more", "Getty Images", "More from RT",
              "More on this topic", "Podcasts", "Privacy policy")),
    Template("presstv", "PressTV (presstv.ir)", 6, build_presstv,
             ("alternate addresses", "(Photo by", "(File photo)", "Last Update", "Follow Press TV", "Related News",
              "Most Viewed", "Terms of use")),
    Template("ohmymag", "Ohmymag (ohmymag.co.uk)", 6, build_ohmymag,
             ("Read more", "⋙", "Sources used", "podcast", "Ohmymag Talks", "All episodes", "newsletter",
              "We value your privacy", "You might also like", "Tags:", "Advertisement", "Published on",
              "Getty Images")),
    Template("wordpress", "WordPress local news site (invented: thornfieldchronicle.co.uk)", 6, build_wordpress,
             ("Share this:", "Like this:", "Loading...", "Related", "Also read", "Leave a Reply", "Proudly powered",
              "Previous", "Next", "Thornfield Chronicle", "Tagged", "Advertisement", "newsletter", "Most read",
              "Photo: ", "In \"News\"")),
)

#: Every template's markers (its own and the common ones): boilerplate that must never reach a text.
MARKERS: dict[str, tuple[str, ...]] = {t.name: (*t.markers, *COMMON_MARKERS) for t in TEMPLATES}
