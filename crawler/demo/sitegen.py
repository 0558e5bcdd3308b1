"""Deterministic generator of the two invented sites of the offline demo (see `server`).

* **watch** — a KCNA Watch-like aggregator of state-media copy (the markup of
  `crawler/demo/site/kcnawatch-*.html`). 30 articles from four sources at
  `/newstream/<unix time>-<id>/<slug>/`; home `/`; paginated listing `/newstream/`,
  `/newstream/page/2/`, `/newstream/page/3/` (10 a page, "Next" links); per-source listings
  `/newstream/?source=<slug>`; tag pages `/tag/<name>/`; `/sources/`; `robots.txt` (Disallow:
  `/private/`) and `sitemap.xml`. `/private/secret-article/` is served and linked from the home page,
  but robots.txt forbids it: a polite crawler never fetches it.

  The watch site can be grown (`pages("watch", base, articles=N)`, N > 30, for benchmarks): the 30
  articles stay as they are and N - 30 older "archive" articles come before them, composed the same
  way from the same stories with a seeded generator of their own. Their paragraphs may repeat
  paragraphs of other articles (the pools are too small for thousands of distinct ones), never
  within one article. Every article has its own URL and is listed in the `/newstream/` pagination
  (N / 10 pages) and in the sitemap; the per-source listings and tag pages show the newest
  `LISTING_MAX` of theirs.
* **mag** — an Ohmymag-like UK magazine. 20 articles at `/news/<slug>_art<NNNNN>.html`; home `/`;
  section listings `/news/`, `/health/`, `/money/`, `/home-garden/`, `/travel/`; tag pages
  `/tag/<name>/`; `robots.txt`, `sitemap.xml`, `sitemap-news.xml.gz` (gzipped Google News sitemap),
  `rss.xml`; a video-only page `/video/<slug>/`, a podcast-only page `/podcast/<slug>/` and the traps
  `/trap/500`, `/trap/404` (missing), `/trap/slow` (3 s), `/trap/file.pdf`, `/trap/loop-a` <->
  `/trap/loop-b` (302 loop) and `/trap/huge.html` (~12 MB), all linked from the home page.

Everything is built from the sentence pools in `prose` with seeded `random.Random`, so the sites are
the same on every run. Pages are built for a base URL (`pages(site, base)`): canonical links,
sitemaps, feeds and in-page links point at the server that serves them.

Ground truth (`expected_articles(site)`): one dict per article with `url_path`, `title`,
`published` (YYYY-MM-DD), `source`, `paragraphs` and `text` (= `"\\n".join(paragraphs)`), which is
exactly what `cleaners.clean_html` must give as the record's text:

* watch: the story's paragraphs in order; KCNA's closing ` -0-` marker is not part of the last
  paragraph and the `www.kcna.kp (JucheNNN.M.D.)` trailer line is not part of the text. The page
  header (doubled date, source badge, title, `Date: ... | Source: ...` meta line), share bar, tags,
  "More From <source>" rail and "More Articles" link are not either. Extra keys: `original_url`
  (the meta line's "Read original version at source" link), `tags`.
* mag: the standfirst first, then the body's blocks in page order, one line each: paragraphs, `<h2>`
  sub-headings, the blockquote's text, and each item of an in-article bullet list as `- <item>`
  (the form the extractor gives list items). The podcast box, "Read more:" + `⋙` link list,
  newsletter box, ad slots and "Sources used:" list are not part of the text; the "Sources used:"
  entries are the record's `sources`. Extra keys: `sources`, `authors`, `section`, `tags`.

Prose paragraphs (the story's paragraphs on the watch site; standfirst and body paragraphs on the
magazine) are 30-60 words, 4-7 an article, and no paragraph occurs twice across the two sites (of
the default size; a grown watch site repeats paragraphs across its archive articles).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import html
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from xml.sax.saxutils import escape as xml_escape

from . import prose as P

SITES = ("watch", "mag")

#: The real hosts whose cleaner profiles (`cleaners.sites`) the two demo sites imitate.
SITE_HOSTS = {"watch": "kcnawatch.org", "mag": "www.ohmymag.co.uk"}

#: The watch site's source label whose copy ends in KCNA's ` -0-` marker and Juche trailer.
KCNA_LABEL = "KCNA.kp (En)"

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

WATCH_PER_PAGE = 10
#: The watch site's default size (`watch_articles()`); a larger one adds older archive articles.
WATCH_ARTICLES = 30
#: At most this many articles on a watch per-source listing or tag page (newest first); the default
#: site has at most 12 on any of them, so this only matters for a grown site.
LISTING_MAX = 30
SLOW_SECONDS = 3.0
HUGE_BYTES = 12 * 1024 * 1024
SEED = 20260310


# =========================================================================== small helpers

def esc(text: str) -> str:
    return html.escape(text, quote=True)


def slugify(text: str, limit: int = 90) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


def word_count(text: str) -> int:
    return len(text.split())


def long_date(d: datetime) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def short_date(d: datetime) -> str:
    return f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}"


def rfc822(d: datetime) -> str:
    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    return f"{days[d.weekday()]}, {d.day:02d} {MONTHS[d.month - 1][:3]} {d.year} {d:%H:%M:%S} +0000"


class _Composer:
    """Builds one article's prose paragraphs from a pool of sentences: every sentence at most once in
    the article, every paragraph 30-60 words and never seen before on either site."""

    def __init__(self, rng: random.Random, slots: dict, seen: set[str]):
        self.rng, self.slots, self.seen = rng, slots, seen
        self.used: set[str] = set()

    def fill(self, sentence: str) -> str:
        return sentence.format(**self.slots)

    def paragraph(self, pool: tuple[str, ...], *, prefer: tuple[str, ...] = (), first: str = "", last: str = "",
                  lo: int = 30, hi: int = 60) -> str | None:
        """A paragraph of `first`, sentences of the pool (the story's own sentences, `prefer`, before
        the topic's) and `last`; None when no unused combination fits."""
        fixed = word_count(first) + word_count(last)
        for _ in range(60):
            order = [s for part in (prefer, pool) for s in self.rng.sample(part, len(part)) if s not in self.used]
            picked: list[str] = []
            words = fixed
            for sentence in order:
                if words >= lo and picked:
                    break
                picked.append(sentence)
                words += word_count(self.fill(sentence))
            if not picked and fixed < lo:
                return None
            text = " ".join(x for x in (first, *(self.fill(s) for s in picked), last) if x)
            if lo <= word_count(text) <= hi and text not in self.seen:
                self.used.update(picked)
                self.seen.add(text)
                return text
        return None


# =========================================================================== watch site

@dataclass(frozen=True)
class Source:
    slug: str
    label: str
    badge: str
    badge_class: str


WATCH_SOURCES = (
    Source("kcna-kp-en", KCNA_LABEL, "KCNA", "badge-kcna"),
    Source("rodong-sinmun-en", "Rodong Sinmun", "RS", "badge-rodong"),
    Source("voice-of-korea", "Voice of Korea", "VOK", "badge-vok"),
    Source("naenara", "Naenara", "NAENARA", "badge-naenara"),
)
#: How many of the 30 articles each source gives.
_WATCH_MIX = (12, 8, 5, 5)
#: The watch site's first article is a few hours after this; archive articles are before it.
_WATCH_START = datetime(2026, 2, 2, 1, 0, tzinfo=UTC)


@dataclass
class WatchArticle:
    id: int
    ts: int
    slug: str
    title: str
    published: datetime
    source: Source
    tag: str
    paragraphs: list[str]             # the clean text, one paragraph each
    original_url: str
    rail_inside: bool                 # "More From" rail inside `.article-content` (Rodong-style pages)

    @property
    def url_path(self) -> str:
        return f"/newstream/{self.ts}-{self.id}/{self.slug}/"

    @property
    def kcna(self) -> bool:
        return self.source.label == KCNA_LABEL

    def page_paragraphs(self) -> list[str]:
        """The paragraphs as printed: KCNA copy ends in ` -0-` and a Juche dateline line."""
        if not self.kcna:
            return list(self.paragraphs)
        d = self.published
        return [*self.paragraphs[:-1], self.paragraphs[-1] + " -0-",
                f"www.kcna.kp (Juche{d.year - 1911}.{d.month}.{d.day}.)"]

    def teaser(self, words: int = 18) -> str:
        return " ".join(self.paragraphs[0].split()[:words])


def _original_url(source: Source, published: datetime, slug: str, n: int) -> str:
    digest = hashlib.md5(slug.encode()).hexdigest()
    if source.slug == "kcna-kp-en":
        return f"http://www.kcna.kp/en/article/q/{digest}.kcmsf"
    if source.slug == "rodong-sinmun-en":
        key = base64.b64encode(f"12@{published:%Y-%m-%d}-H{n % 9 + 1:03d}@".encode()).decode()
        return f"http://www.rodong.rep.kp/en/index.php?{key}"
    if source.slug == "voice-of-korea":
        return f"http://www.vok.rep.kp/index.php/detail/{int(digest[:6], 16)}?lang=eng"
    return f"http://www.naenara.com.kp/main/view/{int(digest[:6], 16)}?lang=en"


@cache
def _seen() -> set[str]:
    return set()


def watch_articles(articles: int | None = None) -> tuple[WatchArticle, ...]:
    """The watch site's articles, oldest first: the 30 of the demo, or (`articles` > 30) as many,
    the 30 preceded by `articles` - 30 older archive articles."""
    articles = WATCH_ARTICLES if articles is None else articles
    if articles == WATCH_ARTICLES:
        return _watch_demo_articles()
    if articles < WATCH_ARTICLES:
        raise ValueError(f"the watch site has at least {WATCH_ARTICLES} articles, not {articles}")
    return (*_watch_archive(articles - WATCH_ARTICLES), *_watch_demo_articles())


@cache
def _watch_demo_articles() -> tuple[WatchArticle, ...]:
    """The watch site's 30 articles, oldest first."""
    mag_articles()  # built first, always: both sites share one set of paragraphs seen (distinct across sites)
    rng = random.Random(SEED)
    seen = _seen()
    sources = [s for s, k in zip(WATCH_SOURCES, _WATCH_MIX, strict=True) for _ in range(k)]
    rng.shuffle(sources)
    stories = [(topic, story) for topic in P.WATCH_TOPICS for story in topic["stories"]]
    rng.shuffle(stories)
    start = _WATCH_START
    out: list[WatchArticle] = []
    for i, source in enumerate(sources):
        topic, (title_t, lead_t, extras) = stories[i]
        place, province = rng.choice(P.WATCH_PLACES)
        slots = {"place": place, "province": province, "n": NUMBER_WORDS[rng.randint(3, 9)],
                 "big": f"{rng.choice((120, 180, 240, 320, 450, 600, 750, 900, 1200, 1500)):,}",
                 "pct": rng.randint(12, 38)}
        published = start + timedelta(hours=i * 30 + rng.randint(0, 8), minutes=rng.randint(0, 59))
        title = title_t.format(**slots)
        paragraphs = _compose_watch(rng, slots, seen, topic, lead_t, extras, source, published, f"article {i}")
        slug = slugify(title)
        article_id = 512830000 + i * 211 + rng.randint(0, 150)
        out.append(WatchArticle(
            id=article_id, ts=int(published.timestamp()), slug=slug, title=title, published=published,
            source=source, tag=topic["tag"], paragraphs=paragraphs,
            original_url=_original_url(source, published, slug, i),
            rail_inside=source.slug in ("rodong-sinmun-en", "naenara")))
    return tuple(out)


@cache
def _watch_archive(count: int) -> tuple[WatchArticle, ...]:
    """`count` archive articles older than the demo's 30, oldest first. Built newest first, one every
    8 hours or so back from the demo's first, so a larger archive extends a smaller one into the past.
    Each article has a paragraph history of its own: paragraphs repeat across articles, not within one."""
    rng = random.Random(SEED + 2)
    stories = [(topic, story) for topic in P.WATCH_TOPICS for story in topic["stories"]]
    weights = list(_WATCH_MIX)
    out: list[WatchArticle] = []
    for k in range(1, count + 1):
        source = rng.choices(WATCH_SOURCES, weights)[0]
        topic, (title_t, lead_t, extras) = stories[rng.randrange(len(stories))]
        place, province = rng.choice(P.WATCH_PLACES)
        slots = {"place": place, "province": province, "n": NUMBER_WORDS[rng.randint(3, 9)],
                 "big": f"{rng.choice((120, 180, 240, 320, 450, 600, 750, 900, 1200, 1500)):,}",
                 "pct": rng.randint(12, 38)}
        published = _WATCH_START - timedelta(hours=k * 8 - rng.randint(0, 5), minutes=rng.randint(0, 59))
        title = title_t.format(**slots)
        paragraphs = _compose_watch(rng, slots, set(), topic, lead_t, extras, source, published,
                                    f"archive article {k}")
        slug = slugify(title)
        article_id = 512830000 - k * 211 - rng.randint(0, 150)
        out.append(WatchArticle(
            id=article_id, ts=int(published.timestamp()), slug=slug, title=title, published=published,
            source=source, tag=topic["tag"], paragraphs=paragraphs,
            original_url=_original_url(source, published, slug, k),
            rail_inside=source.slug in ("rodong-sinmun-en", "naenara")))
    return tuple(reversed(out))


def _compose_watch(rng, slots: dict, seen: set[str], topic: dict, lead_t: str, extras: tuple[str, ...],
                   source: Source, published: datetime, what: str) -> list[str]:
    """The paragraphs of one watch article: 4-7 when the pool allows, fewer when it runs short."""
    for n_paras in (rng.randint(4, 7), 6, 5, 4):
        paragraphs = _watch_paragraphs(rng, _Composer(rng, slots, seen), topic, lead_t, extras, n_paras,
                                       source, published)
        if paragraphs:
            return paragraphs
    raise RuntimeError(f"cannot compose watch {what}: sentence pool too small")


def _watch_paragraphs(rng, comp: _Composer, topic: dict, lead_t: str, extras: tuple[str, ...], n_paras: int,
                      source: Source, published: datetime) -> list[str] | None:
    """The story: its lead (with KCNA's dateline for KCNA copy), the middle paragraphs (the story's own
    sentences first) and a last paragraph that ends with one of the topic's closing sentences."""
    used_before, seen_before = set(comp.used), set(comp.seen)
    lead = comp.fill(lead_t)
    if source.label == KCNA_LABEL:
        lead = f"Pyongyang, {MONTHS[published.month - 1]} {published.day} (KCNA) -- {lead}"
    paras: list[str] = []
    if word_count(lead) >= 30 and lead not in comp.seen:
        comp.seen.add(lead)
        paras.append(lead)
    else:
        paras.append(comp.paragraph(topic["body"], prefer=extras, first=lead))
    paras += [comp.paragraph(topic["body"], prefer=extras) for _ in range(n_paras - 2)]
    paras.append(comp.paragraph(topic["body"], prefer=extras, last=comp.fill(rng.choice(topic["close"]))))
    if None in paras:
        comp.used = used_before
        comp.seen.intersection_update(seen_before)
        return None
    return paras


def watch_private() -> tuple[str, list[str]]:
    title, paragraphs = P.WATCH_PRIVATE
    return title, list(paragraphs)


# --------------------------------------------------------------------------- watch templates

_WATCH_CSS = """  .source-badge .badge { background: #8b1d1d; color: #fff; }
  .article-meta { font-size: .85rem; color: #6c757d; }
  #cookie-notice { position: fixed; bottom: 0; left: 0; right: 0; z-index: 9999; }"""


def _watch_page(base: str, path: str, title: str, main: str, *, head_extra: str = "", body_class: str = "",
                og_type: str = "website", description: str = "") -> str:
    site_day = watch_articles()[-1].published
    url = base + path.lstrip("/")
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} | KCNA Watch</title>
<link rel="canonical" href="{esc(url)}">
<meta name="description" content="{esc(description)}">
<meta property="og:locale" content="en_US">
<meta property="og:type" content="{og_type}">
<meta property="og:site_name" content="KCNA Watch">
<meta property="og:title" content="{esc(title)}">
<meta property="og:url" content="{esc(url)}">
{head_extra}<link rel="stylesheet" href="{base}wp-content/themes/kcnawatch/assets/css/bootstrap.min.css?ver=4.6.2">
<style>
{_WATCH_CSS}
</style>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-DEMO000000"></script>
</head>
<body class="{body_class}">
<a class="skip-link sr-only sr-only-focusable" href="#main-content">Skip to content</a>

<div class="topbar bg-dark text-white-50 small">
  <div class="container d-flex justify-content-between">
    <div class="topbar-date">
      <span class="d-none d-md-inline">{long_date(site_day)}</span><span class="d-md-none">{short_date(site_day)}</span>
    </div>
    <div class="topbar-links">
      <a href="{base}sources/">Sources</a>
    </div>
  </div>
</div>

<header class="site-header border-bottom">
  <div class="container">
    <a class="navbar-brand" href="{base}">KCNA Watch</a>
    <nav class="navbar navbar-expand-lg navbar-light" aria-label="Main menu">
      <ul class="navbar-nav mr-auto">
        <li class="nav-item"><a class="nav-link" href="{base}newstream/">Newstream</a></li>
        <li class="nav-item"><a class="nav-link" href="{base}sources/">Sources</a></li>
        <li class="nav-item"><a class="nav-link" href="{base}tag/agriculture/">Agriculture</a></li>
        <li class="nav-item"><a class="nav-link" href="{base}tag/external-relations/">External relations</a></li>
      </ul>
      <form class="form-inline search-form" role="search" action="{base}">
        <label class="sr-only" for="s">Search for:</label>
        <input class="form-control form-control-sm" type="search" id="s" name="s" placeholder="Search">
        <button class="btn btn-sm btn-dark" type="submit">Search</button>
      </form>
    </nav>
  </div>
</header>

<main id="main-content" class="site-main py-4">
  <div class="container">
{main}
  </div>
</main>

<footer class="site-footer bg-dark text-white-50 py-4 mt-5">
  <div class="container">
    <ul class="list-inline footer-links">
      <li class="list-inline-item"><a href="{base}">Home</a></li>
      <li class="list-inline-item"><a href="{base}newstream/">Newstream</a></li>
      <li class="list-inline-item"><a href="{base}sources/">Sources</a></li>
    </ul>
    <p class="copyright small mb-0">© 2026 KCNA Watch (offline demo). All rights reserved.</p>
  </div>
</footer>

<div id="cookie-notice" class="cookie-notice bg-light border-top p-3" role="dialog" aria-label="Cookie notice">
  <p class="mb-2">We use cookies to understand how readers use KCNA Watch and to remember your settings.
    You can change your choice at any time in the privacy settings.</p>
  <button class="btn btn-sm btn-dark" id="cn-accept">Accept</button>
</div>

<script>
  document.getElementById('cn-accept').addEventListener('click', function () {{
    document.cookie = 'cookie_notice_accepted=true; path=/; max-age=31536000';
    document.getElementById('cookie-notice').style.display = 'none';
  }});
</script>
</body>
</html>
"""


def _watch_teaser_card(base: str, a: WatchArticle, col: str) -> str:
    return f"""              <div class="{col}">
                <div class="card teaser-card">
                  <a class="stretched-link" href="{base}{a.url_path.lstrip('/')}"
                    ><h5 class="card-title">{esc(a.title)}</h5></a>
                  <p class="card-text">{esc(a.teaser())}</p>
                  <small class="text-muted">{long_date(a.published)}</small>
                </div>
              </div>"""


def _watch_rail(base: str, a: WatchArticle, inside: bool) -> str:
    # the demo's 30 are the newest articles of any size of the site, 5 or more a source: the rail and
    # the "Latest" sidebar are the same on a grown site
    others = [b for b in reversed(watch_articles()) if b.source == a.source and b is not a][:3]
    col = "col-md-6" if inside else "col-md-4"
    cards = "\n".join(_watch_teaser_card(base, b, col) for b in others)
    tag, cls = ("div", "source-stream border-top pt-4") if inside else ("section", "more-from-source mt-5")
    return f"""          <{tag} class="{cls}">
            <h3 class="section-heading">More From {esc(a.source.label)}</h3>
            <div class="row">
{cards}
            </div>
            <div class="text-center mt-3">
              <a class="btn btn-outline-dark" href="{base}newstream/?source={a.source.slug}">More Articles</a>
            </div>
          </{tag}>"""


def _watch_share(base: str, a: WatchArticle) -> str:
    from urllib.parse import quote

    u = quote(base + a.url_path.lstrip("/"), safe="")
    return f"""          <div class="share-links d-flex align-items-center my-4">
            <span class="share-label mr-2">Share this article</span>
            <a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u={u}" target="_blank"
               rel="noopener">Facebook</a>
            <a class="share-x" href="https://x.com/intent/tweet?url={u}" target="_blank" rel="noopener">X</a>
            <a class="share-telegram" href="https://t.me/share/url?url={u}" target="_blank" rel="noopener">Telegram</a>
            <a class="share-email" href="mailto:?subject={quote(a.title)}">Email</a>
          </div>"""


def watch_article_html(base: str, a: WatchArticle, *, path: str | None = None) -> str:
    paras = "\n".join(f"            <p>{esc(p)}</p>" for p in a.page_paragraphs())
    inside = ""
    after = ""
    if a.rail_inside:
        inside = "\n" + _watch_share(base, a) + "\n\n" + _watch_rail(base, a, inside=True)
    else:
        after = "\n" + _watch_rail(base, a, inside=False)
    share_after = "" if a.rail_inside else "\n" + _watch_share(base, a)
    published = f"{a.published:%Y-%m-%dT%H:%M:%S}+00:00"
    head = (f'<meta property="article:published_time" content="{published}">\n'
            f'<meta property="article:modified_time" content="{published}">\n'
            '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
            f'"headline":"{esc(a.title)}","datePublished":"{published}",'
            '"publisher":{"@type":"Organization","name":"KCNA Watch"}}</script>\n')
    latest = [b for b in reversed(watch_articles()) if b is not a][:4]
    sidebar = "\n".join(f'            <li><a href="{base}{b.url_path.lstrip("/")}">{esc(b.title)}</a></li>'
                        for b in latest)
    main = f"""    <div class="row">
      <div class="col-lg-8">
        <article id="post-{a.id}" class="single-article newstream type-newstream">
          <header class="article-header mb-3">
            <div class="source-badge">
              <span class="badge {a.source.badge_class}">{a.source.badge}</span>
              <a class="source-label" href="{base}newstream/?source={a.source.slug}">{esc(a.source.label)}</a>
            </div>
            <h1 class="article-title">{esc(a.title)}</h1>
            <div class="article-meta">
              Date: {a.published:%d/%m/%Y} | Source: {esc(a.source.label)} | <a href="{esc(a.original_url)}"
                 target="_blank" rel="noopener nofollow">Read original version at source</a>
            </div>
          </header>

          <div class="article-content">
{paras}{inside}
          </div>{share_after}
          <div class="article-tags small">Tags: <a href="{base}tag/{a.tag}/" rel="tag">{a.tag}</a></div>
        </article>{after}
      </div>

      <div class="col-lg-4">
        <div class="sidebar-box">
          <h4 class="sidebar-title">Latest</h4>
          <ul class="list-unstyled latest-list">
{sidebar}
          </ul>
        </div>
      </div>
    </div>"""
    return _watch_page(base, path or a.url_path, a.title, main, head_extra=head, og_type="article",
                       body_class=f"single single-newstream postid-{a.id}",
                       description=a.paragraphs[0][:160])


def _watch_listing_items(base: str, items: list[WatchArticle]) -> str:
    rows = []
    for a in items:
        rows.append(f"""      <div class="newstream-item media border-bottom py-3">
        <span class="badge {a.source.badge_class} mr-3">{a.source.badge}</span>
        <div class="media-body">
          <h5 class="mt-0"><a href="{base}{a.url_path.lstrip('/')}">{esc(a.title)}</a></h5>
          <small class="text-muted">{long_date(a.published)} | {esc(a.source.label)}</small>
        </div>
      </div>""")
    return "\n".join(rows)


def _watch_listing(base: str, path: str, heading: str, items: list[WatchArticle], *, pager: str = "",
                   head_extra: str = "") -> str:
    main = f"""    <h1 class="page-title">{esc(heading)}</h1>
    <div class="newstream-list">
{_watch_listing_items(base, items)}
    </div>
{pager}"""
    return _watch_page(base, path, heading, main, head_extra=head_extra, body_class="archive")


def _watch_pages(base: str, articles: int | None = None) -> dict[str, Page]:
    arts = watch_articles(articles)
    newest = list(reversed(arts))
    pages: dict[str, Page] = {}
    for a in arts:
        pages[a.url_path] = Page.html(watch_article_html(base, a))

    # newstream listing, 10 a page
    n_pages = (len(newest) + WATCH_PER_PAGE - 1) // WATCH_PER_PAGE
    for k in range(1, n_pages + 1):
        path = "/newstream/" if k == 1 else f"/newstream/page/{k}/"
        prev_path = None if k == 1 else ("/newstream/" if k == 2 else f"/newstream/page/{k - 1}/")
        next_path = f"/newstream/page/{k + 1}/" if k < n_pages else None
        links = []
        head = ""
        if prev_path:
            links.append(f'<a class="page-link prev" rel="prev" href="{base}{prev_path.lstrip("/")}">« Previous</a>')
            head += f'<link rel="prev" href="{base}{prev_path.lstrip("/")}">\n'
        links.append(f'<span class="page-numbers current">Page {k} of {n_pages}</span>')
        if next_path:
            links.append(f'<a class="page-link next" rel="next" href="{base}{next_path.lstrip("/")}">Next</a>')
            head += f'<link rel="next" href="{base}{next_path.lstrip("/")}">\n'
        pager = '    <nav class="pagination" aria-label="Newstream pages">\n      ' + "\n      ".join(links) + \
            "\n    </nav>"
        chunk = newest[(k - 1) * WATCH_PER_PAGE: k * WATCH_PER_PAGE]
        pages[path] = Page.html(_watch_listing(base, path, "Newstream" if k == 1 else f"Newstream - Page {k}",
                                               chunk, pager=pager, head_extra=head))

    # per-source listings
    for s in WATCH_SOURCES:
        items = [a for a in newest if a.source == s][:LISTING_MAX]
        path = f"/newstream/?source={s.slug}"
        pages[path] = Page.html(_watch_listing(base, path, f"Newstream: {s.label}", items))

    # tag pages
    for tag in watch_tags(articles):
        items = [a for a in newest if a.tag == tag][:LISTING_MAX]
        path = f"/tag/{tag}/"
        pages[path] = Page.html(_watch_listing(base, path, f"Tag: {tag}", items))

    # sources page
    rows = "\n".join(f'      <li><a href="{base}newstream/?source={s.slug}">{esc(s.label)}</a></li>'
                     for s in WATCH_SOURCES)
    pages["/sources/"] = Page.html(_watch_page(base, "/sources/", "Sources", f"""    <h1 class="page-title">Sources</h1>
    <ul class="source-list">
{rows}
    </ul>""", body_class="page"))

    # home page
    tag_links = "\n".join(f'        <a class="tag-link" href="{base}tag/{t}/">{t}</a>' for t in watch_tags(articles))
    home_main = f"""    <h1 class="page-title">Latest from the Newstream</h1>
    <div class="newstream-list">
{_watch_listing_items(base, newest[:12])}
    </div>
    <p class="text-center"><a class="btn btn-outline-dark" href="{base}newstream/">More Articles</a></p>
    <div class="tag-cloud">
      <h4>Topics</h4>
{tag_links}
    </div>
    <div class="members-box">
      <h4>For members</h4>
      <a href="{base}private/secret-article/">Members' archive of early digest drafts</a>
    </div>"""
    pages["/"] = Page.html(_watch_page(base, "/", "KCNA Watch - North Korean state media", home_main,
                                       body_class="home"))

    # the private page robots.txt forbids
    title, paras = watch_private()
    body = "\n".join(f"            <p>{esc(p)}</p>" for p in paras)
    private = f"""    <article class="single-article">
      <h1 class="article-title">{esc(title)}</h1>
      <div class="article-content">
{body}
      </div>
    </article>"""
    pages["/private/secret-article/"] = Page.html(_watch_page(base, "/private/secret-article/", title, private,
                                                              og_type="article"))

    pages["/robots.txt"] = Page.text(
        f"User-agent: *\nDisallow: /private/\nDisallow: /wp-admin/\n\nSitemap: {base}sitemap.xml\n")
    pages["/sitemap.xml"] = Page.xml(_urlset(base, [(a.url_path, a.published) for a in newest]))
    return pages


def watch_tags(articles: int | None = None) -> list[str]:
    return sorted({a.tag for a in watch_articles(articles)})


# =========================================================================== magazine

@dataclass
class MagArticle:
    art_id: int
    slug: str
    title: str
    section: str
    tag: str
    published: datetime
    author: str
    standfirst: str
    blocks: list[tuple[str, object]]   # ("p"|"h2"|"quote"|"ul"|"podcast"|"readmore"|"newsletter"|"ad", data)
    sources: list[str]
    lines: list[str] = field(default_factory=list)

    @property
    def url_path(self) -> str:
        return f"/news/{self.slug}_art{self.art_id}.html"


def _mag_sections() -> list[str]:
    return ["news", "health", "money", "home-garden", "travel"]


SECTION_NAMES = {"news": "News", "health": "Health", "money": "Money", "home-garden": "Home & Garden",
                 "travel": "Travel"}


@cache
def mag_articles() -> tuple[MagArticle, ...]:
    """The magazine's 20 articles, oldest first."""
    rng = random.Random(SEED + 1)
    seen = _seen()
    stories = [(topic, story) for topic in P.MAG_TOPICS for story in topic["stories"]]
    rng.shuffle(stories)
    start = datetime(2026, 3, 2, 6, 30, tzinfo=UTC)
    out: list[MagArticle] = []
    for i, (topic, story) in enumerate(stories):
        n = rng.randint(3, 9)
        slots = {"city": rng.choice(P.MAG_CITIES), "n": NUMBER_WORDS[n], "tens": n * 10, "pct": rng.randint(12, 40),
                 "price": rng.choice((85, 120, 140, 175, 210, 240))}
        comp = _Composer(rng, slots, seen)
        standfirst = comp.fill(story["standfirst"])
        if not 30 <= word_count(standfirst) <= 60 or standfirst in seen:
            raise RuntimeError(f"standfirst of {story['title']!r}: {word_count(standfirst)} words")
        seen.add(standfirst)
        article = None
        for n_body in (rng.randint(3, 6), 5, 4, 3):
            article = _mag_blocks(rng, comp, topic, story, n_body, i)
            if article:
                break
        if not article:
            raise RuntimeError(f"cannot compose mag article {i}: sentence pool too small")
        blocks = article
        published = start + timedelta(hours=i * 34 + rng.randint(0, 6), minutes=rng.choice((0, 10, 20, 30, 40, 50)))
        a = MagArticle(
            art_id=41000 + i * 37 + rng.randint(0, 30), slug=story["slug"], title=story["title"].format(**slots),
            section=topic["section"], tag=topic["tag"], published=published, author=rng.choice(P.MAG_AUTHORS),
            standfirst=standfirst, blocks=blocks, sources=list(story["sources"]))
        a.lines = [standfirst]
        for kind, data in blocks:
            if kind in ("p", "h2", "quote"):
                a.lines.append(data)
            elif kind == "ul":
                a.lines.extend(f"- {item}" for item in data)
        out.append(a)
    return tuple(out)


def _mag_blocks(rng, comp: _Composer, topic: dict, story: dict, n_body: int, i: int):
    """The body after the standfirst: 2-3 sections under `<h2>` headings holding `n_body` paragraphs,
    with a quote and a bullet list in some articles, and the promos in between."""
    used_before = set(comp.used)
    seen_before = set(comp.seen)

    def fail():
        comp.used = used_before
        comp.seen.intersection_update(seen_before)
        return None

    headings = rng.sample(topic["headings"], 3)
    with_quote = rng.random() < 0.6
    with_list = rng.random() < 0.55
    n3 = 1 if n_body >= 5 else 0
    n1 = (n_body - n3 + 1) // 2
    n2 = n_body - n3 - n1
    blocks: list[tuple[str, object]] = []
    podcast = P.MAG_PODCASTS[i % len(P.MAG_PODCASTS)]
    podcast = (podcast[0], podcast[1].format(n=40 + i))
    if i % 2 == 0:
        blocks.append(("podcast", podcast))

    def para(last: str = "") -> str | None:
        return comp.paragraph(topic["body"], prefer=story["body"], last=comp.fill(last) if last else "")

    # section 1
    blocks.append(("h2", headings[0]))
    for k in range(n1):
        if with_quote and k == n1 - 1:
            intro, quote = story["quote"]
            p = para(last=intro)
            if p is None:
                return fail()
            blocks += [("p", p), ("quote", quote)]
        else:
            p = para()
            if p is None:
                return fail()
            blocks.append(("p", p))
    if i % 2 == 1:
        blocks.append(("podcast", podcast))
    blocks.append(("ad", None))
    blocks.append(("readmore", None))
    # section 2
    blocks.append(("h2", headings[1]))
    for k in range(n2):
        if with_list and k == 0:
            intro, items = story["bullets"]
            p = para(last=intro)
            if p is None:
                return fail()
            blocks += [("p", p), ("ul", list(items))]
        else:
            p = para()
            if p is None:
                return fail()
            blocks.append(("p", p))
    blocks.append(("newsletter", P.MAG_NEWSLETTERS[i % len(P.MAG_NEWSLETTERS)]))
    if n3:
        blocks.append(("h2", headings[2]))
        p = para()
        if p is None:
            return fail()
        blocks.append(("p", p))
    return blocks


# --------------------------------------------------------------------------- magazine templates

def _mag_page(base: str, path: str, title: str, main: str, *, head_extra: str = "", body_class: str = "page",
              og_type: str = "website", description: str = "") -> str:
    url = base + path.lstrip("/")
    nav = "\n".join(f'        <li><a href="{base}{s}/">{esc(SECTION_NAMES[s])}</a></li>' for s in _mag_sections())
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} - Ohmymag</title>
<link rel="canonical" href="{esc(url)}">
<meta name="description" content="{esc(description)}">
<meta property="og:site_name" content="Ohmymag">
<meta property="og:type" content="{og_type}">
<meta property="og:title" content="{esc(title)}">
<meta property="og:url" content="{esc(url)}">
<link rel="alternate" type="application/rss+xml" title="Ohmymag" href="{base}rss.xml">
{head_extra}<link rel="stylesheet" href="{base}static/build/css/article.css">
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"pageType": "{og_type}"}});</script>
<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
</head>
<body class="{body_class}">
<div id="didomi-host" class="consent-layer">
  <div class="consent-popup" role="dialog" aria-label="Your privacy">
    <p class="consent-popup__title">We value your privacy</p>
    <p class="consent-popup__text">We and our partners store and access information on your device, such as
      cookies, to show you personalised content and adverts, measure audiences and improve our services.</p>
    <button class="consent-popup__agree">Agree and close</button>
    <button class="consent-popup__options">Learn more</button>
  </div>
</div>

<header class="site-header">
  <div class="site-header__inner">
    <a class="site-header__logo" href="{base}">Ohmymag</a>
    <nav class="main-nav" aria-label="Sections">
      <ul class="main-nav__list">
{nav}
      </ul>
    </nav>
  </div>
</header>

<main class="main">
  <div class="ad-slot ad-slot--top" id="gpt-top"><span class="ad-slot__label">Advertisement</span></div>
{main}
</main>

<footer class="site-footer">
  <ul class="site-footer__links">
    <li><a href="{base}">Home</a></li>
    <li><a href="{base}rss.xml">RSS</a></li>
    <li><a href="{base}news/">All news</a></li>
  </ul>
  <p class="site-footer__copyright">© 2026 Ohmymag UK (offline demo). All rights reserved.</p>
</footer>
<script src="{base}static/build/js/article.js" defer></script>
</body>
</html>
"""


def _abs(base: str, path: str) -> str:
    return base + path.lstrip("/")


def mag_article_html(base: str, a: MagArticle) -> str:
    others = [b for b in mag_articles() if b is not a]
    pick = random.Random(a.art_id)
    read_more = pick.sample(others, 2)
    related = pick.sample(others, 3)
    body: list[str] = [f'      <p class="article-body__lead"><strong>{esc(a.standfirst)}</strong></p>']
    for kind, data in a.blocks:
        if kind == "p":
            body.append(f"      <p>{esc(data)}</p>")
        elif kind == "h2":
            body.append(f"\n      <h2>{esc(data)}</h2>")
        elif kind == "quote":
            body.append(f"      <blockquote>\n        <p>{esc(data)}</p>\n      </blockquote>")
        elif kind == "ul":
            items = "\n".join(f"        <li>{esc(x)}</li>" for x in data)
            body.append(f"      <ul>\n{items}\n      </ul>")
        elif kind == "podcast":
            heading, episode = data
            body.append(f"""
      <div class="podcast-box">
        <p class="podcast-box__title">{esc(heading)}</p>
        <p class="podcast-box__episode">{esc(episode)}</p>
        <div class="podcast-player" data-episode="{a.art_id}">
          <button class="podcast-player__play">Play</button><span class="podcast-player__time">00:00 / 24:12</span>
        </div>
        <a class="podcast-box__link" href="{base}podcast/{slugify(P.MAG_PODCAST[0])}/">All episodes</a>
      </div>""")
        elif kind == "ad":
            body.append(f'\n      <div class="inread" id="inread-{a.art_id}"><div class="ad-slot"></div></div>')
        elif kind == "readmore":
            items = "\n".join(f'        <li><a href="{_abs(base, b.url_path)}">⋙ {esc(b.title)}</a></li>'
                              for b in read_more)
            body.append(f"""
      <p><strong>Read more:</strong></p>
      <ul class="read-also">
{items}
      </ul>""")
        elif kind == "newsletter":
            heading, blurb = data
            body.append(f"""
      <div class="newsletter-box">
        <p class="newsletter-box__title">{esc(heading)}</p>
        <p class="newsletter-box__text">{esc(blurb)}</p>
        <form class="newsletter-box__form" action="{base}newsletter/subscribe" method="post">
          <input type="email" name="email" placeholder="Your email address" required>
          <button type="submit">Subscribe</button>
        </form>
      </div>""")
    sources = "\n".join(f"        <li>{esc(s)}</li>" for s in a.sources)
    body.append(f"""
      <p><strong>Sources used:</strong></p>
      <ul class="sources-list">
{sources}
      </ul>""")
    related_items = "\n".join(f'      <li><a href="{_abs(base, b.url_path)}">{esc(b.title)}</a></li>'
                              for b in related)
    from urllib.parse import quote

    u = quote(_abs(base, a.url_path), safe="")
    published = f"{a.published:%Y-%m-%dT%H:%M:%S}+00:00"
    section = SECTION_NAMES[a.section]
    main = f"""  <article class="article">
    <div class="article__header">
      <ol class="breadcrumb">
        <li><a href="{base}">Home</a></li>
        <li><a href="{base}{a.section}/">{esc(section)}</a></li>
      </ol>
      <h1 class="article__title">{esc(a.title)}</h1>
      <div class="article__meta">
        <span class="article__author">By {esc(a.author)}</span>
        <time class="article__date" datetime="{published}">Published on {a.published:%d/%m/%Y at %H:%M}</time>
      </div>
      <figure class="article__image">
        <img src="{base}static/articles/{a.art_id}/main.jpg" alt="" width="1200" height="675">
        <figcaption class="article__image-credit">© Getty Images</figcaption>
      </figure>
    </div>

    <div class="article-body">
{chr(10).join(body)}
    </div>

    <div class="article__footer">
      <div class="article__tags">
        <span>Tags:</span>
        <a href="{base}tag/{a.tag}/">{esc(a.tag.replace('-', ' ').title())}</a>
      </div>
      <div class="article__share">
        <a class="share--facebook" href="https://www.facebook.com/sharer/sharer.php?u={u}">Facebook</a>
        <a class="share--x" href="https://x.com/intent/tweet?url={u}">X</a>
        <a class="share--whatsapp" href="whatsapp://send?text={u}">WhatsApp</a>
      </div>
    </div>
  </article>

  <section class="related-articles">
    <h2 class="related-articles__title">You might also like</h2>
    <ul>
{related_items}
    </ul>
  </section>"""
    head = (f'<meta name="author" content="{esc(a.author)}">\n'
            f'<meta property="article:published_time" content="{published}">\n'
            f'<meta property="article:section" content="{esc(section)}">\n')
    return _mag_page(base, a.url_path, a.title, main, head_extra=head, body_class="page-article",
                     og_type="article", description=a.standfirst[:160])


def _mag_cards(base: str, items: list[MagArticle]) -> str:
    return "\n".join(f"""    <div class="card">
      <h3 class="card__title"><a class="card__link" href="{_abs(base, a.url_path)}">{esc(a.title)}</a></h3>
      <span class="card__meta">{esc(SECTION_NAMES[a.section])} · {a.published:%d/%m/%Y}</span>
    </div>""" for a in items)


def _mag_listing(base: str, path: str, heading: str, items: list[MagArticle]) -> str:
    main = f"""  <h1 class="listing__title">{esc(heading)}</h1>
  <div class="listing">
{_mag_cards(base, items)}
  </div>"""
    return _mag_page(base, path, heading, main, body_class="page-listing")


def mag_tags() -> list[str]:
    return sorted({a.tag for a in mag_articles()})


def _mag_pages(base: str) -> dict[str, Page]:
    arts = mag_articles()
    newest = list(reversed(arts))
    pages: dict[str, Page] = {}
    for a in arts:
        pages[a.url_path] = Page.html(mag_article_html(base, a))
    for s in _mag_sections():
        items = newest if s == "news" else [a for a in newest if a.section == s]
        pages[f"/{s}/"] = Page.html(_mag_listing(base, f"/{s}/", SECTION_NAMES[s], items))
    for t in mag_tags():
        items = [a for a in newest if a.tag == t]
        pages[f"/tag/{t}/"] = Page.html(_mag_listing(base, f"/tag/{t}/", f"Tag: {t.replace('-', ' ')}", items))

    video_title, video_caption = P.MAG_VIDEO
    video_path = f"/video/{slugify(video_title)}/"
    pages[video_path] = Page.html(_mag_page(base, video_path, video_title, f"""  <div class="video-page">
    <h1 class="video-page__title">{esc(video_title)}</h1>
    <div class="video-player" data-video-id="ohm-5531">
      <video controls preload="none" poster="{base}static/video/5531.jpg">
        <source src="{base}static/video/5531.mp4" type="video/mp4">
      </video>
    </div>
    <p class="video-page__caption">{esc(video_caption)}</p>
  </div>""", body_class="page-video", og_type="video.other"))
    podcast_title, podcast_caption = P.MAG_PODCAST
    podcast_path = f"/podcast/{slugify(podcast_title)}/"
    pages[podcast_path] = Page.html(_mag_page(base, podcast_path, podcast_title, f"""  <div class="podcast-page">
    <h1 class="podcast-page__title">{esc(podcast_title)}</h1>
    <div class="podcast-player" data-episode="52">
      <audio controls preload="none"><source src="{base}static/podcast/52.mp3" type="audio/mpeg"></audio>
    </div>
    <p class="podcast-page__caption">{esc(podcast_caption)}</p>
  </div>""", body_class="page-podcast"))

    # traps
    pages["/trap/500"] = Page(500, "text/html; charset=utf-8",
                              b"<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head>"
                              b"<body><h1>Internal Server Error</h1></body></html>")
    tracker = """  <h1>Live energy price tracker</h1>
  <p class="tracker__status">Temporarily unavailable.</p>"""
    pages["/trap/slow"] = Page.html(_mag_page(base, "/trap/slow", "Live energy price tracker", tracker,
                                              body_class="page-tool"), delay=SLOW_SECONDS)
    pages["/trap/file.pdf"] = Page(200, "application/pdf", _PDF,
                                   (("Content-Disposition", 'inline; filename="price-guide-2026.pdf"'),))
    pages["/trap/loop-a"] = Page.redirect(_abs(base, "/trap/loop-b"))
    pages["/trap/loop-b"] = Page.redirect(_abs(base, "/trap/loop-a"))
    pages["/trap/huge.html"] = Page(200, "text/html; charset=utf-8", None, factory=huge_page)

    # home
    sections = "\n".join(f'    <li><a href="{base}{s}/">{esc(SECTION_NAMES[s])}</a></li>' for s in _mag_sections())
    home = f"""  <h1 class="home__title">Ohmymag: news, health and money</h1>
  <div class="listing listing--home">
{_mag_cards(base, newest[:12])}
  </div>
  <nav class="home__sections" aria-label="Sections">
    <ul>
{sections}
    </ul>
  </nav>
  <div class="home__media">
    <a href="{_abs(base, video_path)}">Video: our handyman's two-minute fixes</a>
    <a href="{_abs(base, podcast_path)}">Podcast: the latest episode of Ohmymag Talks</a>
  </div>
  <ul class="home__tools">
    <li><a href="{base}trap/slow">Live energy price tracker</a></li>
    <li><a href="{base}trap/file.pdf">Download our 2026 price guide (PDF)</a></li>
    <li><a href="{base}trap/huge.html">The complete archive index since 2012</a></li>
    <li><a href="{base}trap/500">Weather centre: the week ahead</a></li>
    <li><a href="{base}trap/404">Competition terms and conditions</a></li>
    <li><a href="{base}trap/loop-a">Exclusive reader offers</a></li>
  </ul>"""
    pages["/"] = Page.html(_mag_page(base, "/", "Ohmymag", home, body_class="page-home"))

    pages["/robots.txt"] = Page.text(
        f"User-agent: *\nDisallow: /account/\nDisallow: /newsletter/\n\n"
        f"Sitemap: {base}sitemap.xml\nSitemap: {base}sitemap-news.xml.gz\n")
    pages["/sitemap.xml"] = Page.xml(_urlset(base, [(a.url_path, a.published) for a in newest]))
    pages["/sitemap-news.xml.gz"] = Page(200, "application/gzip", gzip.compress(_news_sitemap(base, newest), mtime=0))
    pages["/rss.xml"] = Page(200, "application/rss+xml; charset=utf-8", _rss(base, newest))
    return pages


# =========================================================================== feeds and sitemaps

def _urlset(base: str, entries: list[tuple[str, datetime]]) -> bytes:
    rows = "\n".join(f"  <url>\n    <loc>{xml_escape(_abs(base, p))}</loc>\n"
                     f"    <lastmod>{d:%Y-%m-%dT%H:%M:%S}+00:00</lastmod>\n  </url>" for p, d in entries)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{rows}\n</urlset>\n').encode()


def _news_sitemap(base: str, items: list[MagArticle]) -> bytes:
    rows = "\n".join(f"""  <url>
    <loc>{xml_escape(_abs(base, a.url_path))}</loc>
    <news:news>
      <news:publication>
        <news:name>Ohmymag</news:name>
        <news:language>en</news:language>
      </news:publication>
      <news:publication_date>{a.published:%Y-%m-%dT%H:%M:%S}+00:00</news:publication_date>
      <news:title>{xml_escape(a.title)}</news:title>
    </news:news>
  </url>""" for a in items)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
            f"{rows}\n</urlset>\n").encode()


def _rss(base: str, items: list[MagArticle]) -> bytes:
    rows = "\n".join(f"""    <item>
      <title>{xml_escape(a.title)}</title>
      <link>{xml_escape(_abs(base, a.url_path))}</link>
      <guid isPermaLink="true">{xml_escape(_abs(base, a.url_path))}</guid>
      <pubDate>{rfc822(a.published)}</pubDate>
      <category>{xml_escape(SECTION_NAMES[a.section])}</category>
      <description>{xml_escape(a.standfirst)}</description>
    </item>""" for a in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Ohmymag</title>
    <link>{xml_escape(base)}</link>
    <description>News, health and money from Ohmymag (offline demo)</description>
    <language>en-gb</language>
    <lastBuildDate>{rfc822(items[0].published)}</lastBuildDate>
{rows}
  </channel>
</rss>
""".encode()


_PDF = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n")


@cache
def huge_page() -> bytes:
    """A ~12 MB HTML page (over the crawler's 10 MB DOWNLOAD_MAXSIZE); built once, on first use."""
    head = (b'<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
            b"<title>Archive index - Ohmymag</title></head><body><h1>Archive index</h1><ol>\n")
    row = "<li>Archive entry {:07d}: placeholder row of the complete archive index, kept for size.</li>\n"
    size = len(row.format(0))
    count = (HUGE_BYTES - len(head)) // size + 1
    body = "".join(row.format(k) for k in range(count)).encode()
    return head + body + b"</ol></body></html>\n"


# =========================================================================== pages and ground truth

@dataclass(frozen=True)
class Page:
    """One response: status, content type, body (or `factory` building it on first use), extra
    headers and a delay before answering."""

    status: int
    content_type: str
    body: bytes | None
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0
    factory: Callable[[], bytes] | None = None

    @classmethod
    def html(cls, text: str, delay: float = 0.0) -> Page:
        return cls(200, "text/html; charset=utf-8", text.encode("utf-8"), delay=delay)

    @classmethod
    def text(cls, text: str) -> Page:
        return cls(200, "text/plain; charset=utf-8", text.encode("utf-8"))

    @classmethod
    def xml(cls, data: bytes) -> Page:
        return cls(200, "application/xml; charset=utf-8", data)

    @classmethod
    def redirect(cls, location: str, status: int = 302) -> Page:
        return cls(status, "text/html; charset=utf-8", b"", (("Location", location),))

    def content(self) -> bytes:
        if self.body is not None:
            return self.body
        return self.factory() if self.factory else b""


def pages(site: str, base: str, articles: int | None = None) -> dict[str, Page]:
    """Every page of `site` (keyed by path, plus `?query` for the watch site's per-source listings),
    with absolute links built on `base` (`http://127.0.0.1:PORT/`). `articles`: the watch site grown
    to that many articles (None: the demo's 30); the magazine has its 20 only."""
    if not base.endswith("/"):
        base += "/"
    if site == "watch":
        return _watch_pages(base, articles)
    if site == "mag":
        _mag_only_default(articles)
        return _mag_pages(base)
    raise ValueError(f"unknown demo site {site!r}; one of {SITES}")


def _mag_only_default(articles: int | None) -> None:
    if articles not in (None, len(mag_articles())):
        raise ValueError(f"the magazine has {len(mag_articles())} articles; only the watch site can be grown")


def expected_articles(site: str, articles: int | None = None) -> list[dict]:
    """The ground truth: one dict per article of `site` (oldest first) — see the module docstring.
    `articles` as for `pages`."""
    if site == "watch":
        return [{
            "url_path": a.url_path, "title": a.title, "published": f"{a.published:%Y-%m-%d}",
            "source": a.source.label, "paragraphs": list(a.paragraphs), "text": "\n".join(a.paragraphs),
            "original_url": a.original_url, "tags": [a.tag],
        } for a in watch_articles(articles)]
    if site == "mag":
        _mag_only_default(articles)
        return [{
            "url_path": a.url_path, "title": a.title, "published": f"{a.published:%Y-%m-%d}",
            "source": "Ohmymag", "paragraphs": list(a.lines), "text": "\n".join(a.lines),
            "sources": list(a.sources), "authors": [a.author], "section": a.section, "tags": [a.tag],
        } for a in mag_articles()]
    raise ValueError(f"unknown demo site {site!r}; one of {SITES}")


def listing_paths(site: str, articles: int | None = None) -> list[str]:
    """The HTML pages of `site` that are NOT articles (home, listings, tag and section pages, and
    the magazine's video-only and podcast-only pages): a cleaner must refuse every one of them.
    `articles` as for `pages`."""
    if site == "watch":
        n = len(watch_articles(articles))
        return ["/", "/sources/", *(f"/newstream/page/{k}/" if k > 1 else "/newstream/"
                                    for k in range(1, (n - 1) // WATCH_PER_PAGE + 2)),
                *(f"/newstream/?source={s.slug}" for s in WATCH_SOURCES),
                *(f"/tag/{t}/" for t in watch_tags(articles))]
    if site == "mag":
        _mag_only_default(articles)
        return ["/", *(f"/{s}/" for s in _mag_sections()), *(f"/tag/{t}/" for t in mag_tags()),
                f"/video/{slugify(P.MAG_VIDEO[0])}/", f"/podcast/{slugify(P.MAG_PODCAST[0])}/"]
    raise ValueError(f"unknown demo site {site!r}; one of {SITES}")


#: The magazine's traps: path -> what a client sees.
TRAPS = {
    "/trap/500": "HTTP 500",
    "/trap/404": "HTTP 404 (linked, missing)",
    "/trap/slow": f"answers after {SLOW_SECONDS:g} s (a small page that is not an article)",
    "/trap/file.pdf": "application/pdf",
    "/trap/loop-a": "302 -> /trap/loop-b -> 302 -> /trap/loop-a (redirect loop)",
    "/trap/huge.html": f"~{HUGE_BYTES // 2**20} MB of HTML (not an article)",
}
