"""Per-rule tests of the generic DOM rules (`cleaners.dom_rules.GENERIC_DOM_RULES`).

House rule: every removal rule gets a test that shows the junk goes AND a real paragraph next to
it survives. Each case runs twice: at the rule level (one rule applied to a selectolax tree, the
removal recorded in `ctx.trace` under the rule's name) and end to end through `clean_html`
(`doc.text` and `doc.trace`).
"""

from __future__ import annotations

import pytest

from cleaners import clean_html
from cleaners import dom_rules as D
from cleaners.rules import Context, DomRule

from ._support import (
    MENTION_TEXTS,
    P1,
    P2,
    P3,
    P4,
    PARAS,
    TITLE,
    apply_dom,
    body_text,
    page,
    paras_html,
    removed,
    removed_by,
    rules_that_removed,
)


def test_every_generic_dom_rule_is_covered_here():
    names = {rule.name for rule in D.GENERIC_DOM_RULES}
    covered = {case.rule for case in JUNK_CASES} | {"dom.non_text", "dom.hidden_duplicate"}
    assert names <= covered, f"rules without a junk case: {sorted(names - covered)}"


def test_generic_dom_rules_are_named_documented_rules():
    for rule in D.GENERIC_DOM_RULES:
        assert isinstance(rule, DomRule)
        assert rule.name.startswith("dom.")
        assert rule.doc, f"{rule.name} has no docstring"


# ---------------------------------------------------------------------------- the junk cases


class Case:
    """One piece of junk markup, where it sits in the page, and the rule that should remove it."""

    def __init__(self, rule: str, html: str, needles: tuple[str, ...], where: str = "in", id: str = ""):
        self.rule, self.html, self.needles, self.where, self.id = rule, html, needles, where, id

    def page(self) -> str:
        if self.where == "in":  # between the first and second paragraph of the article
            return page(before=self.html)
        if self.where == "end":  # after the last paragraph, inside the article
            return page(body=paras_html(*PARAS) + self.html)
        if self.where == "top":  # outside <main>, before it
            return page(outside_before=self.html)
        if self.where == "bottom":  # outside <main>, after it
            return page(outside_after=self.html)
        raise ValueError(self.where)


def _case(rule, html, *needles, where="in", id=""):
    return pytest.param(Case(rule, html, needles, where, id), id=f"{rule}:{id}")


JUNK = [
    # ------------------------------------------------------------------ navigation
    _case("dom.navigation",
          '<nav><ul><li><a href="/world">World desk</a></li><li><a href="/sport">Sport desk</a></li>'
          '<li><a href="/harbour">Harbour desk</a></li></ul></nav>',
          "World desk", "Sport desk", where="top", id="nav"),
    _case("dom.navigation",
          '<div role="navigation"><a href="/a">Weather desk</a> <a href="/b">Letters page</a></div>',
          "Weather desk", "Letters page", where="top", id="role-navigation"),
    _case("dom.navigation",
          '<ul class="main-menu"><li><a href="/">Front page</a></li><li><a href="/archive">Archive</a></li></ul>',
          "Front page", where="top", id="menu-class"),
    _case("dom.navigation",
          '<ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/local">Local news</a></li>'
          '<li>Harbour</li></ol>',
          "Local news", where="top", id="breadcrumb"),
    _case("dom.navigation",
          '<a class="visually-skip" href="#story">Skip to main content</a>',
          "Skip to main content", where="top", id="skip-link"),
    _case("dom.navigation",
          '<div class="pagination"><a href="?p=1">1</a> <a href="?p=2">2</a> <a href="?p=3">3</a></div>',
          "1 2 3", where="end", id="pagination"),
    # ------------------------------------------------------------------ chrome
    _case("dom.chrome",
          '<header><a href="/">The Vellmar Gazette</a><span>Independent since 1921</span></header>',
          "Independent since 1921", where="top", id="header"),
    _case("dom.chrome",
          '<footer><p><a href="/about">About the Gazette</a> <a href="/contact">Contact the newsroom</a></p>'
          '<p>Printed at the Quay Street works</p></footer>',
          "Contact the newsroom", "Printed at the Quay Street works", where="bottom", id="footer"),
    _case("dom.chrome",
          '<div role="banner"><span>Vellmar Gazette Online</span></div>',
          "Vellmar Gazette Online", where="top", id="role-banner"),
    _case("dom.chrome",
          '<div role="contentinfo"><span>Registered office: 4 Quay Street, Vellmar</span></div>',
          "Registered office", where="bottom", id="role-contentinfo"),
    _case("dom.chrome",
          '<aside><h3>Weather in Vellmar</h3><p>Light rain, 14 degrees</p></aside>',
          "Weather in Vellmar", "Light rain, 14 degrees", where="bottom", id="aside"),
    _case("dom.chrome",
          '<div class="sidebar"><h3>Tide times</h3><p>High water 06:12 and 18:40</p></div>',
          "Tide times", "High water 06:12", where="bottom", id="sidebar-class"),
    _case("dom.chrome",
          '<div id="masthead"><span>Vellmar Gazette, est. 1921</span></div>',
          "Vellmar Gazette, est. 1921", where="top", id="masthead-id"),
    # ------------------------------------------------------------------ cookie
    _case("dom.cookie",
          '<div class="cookie-banner"><p>To measure readership this site stores small files on your device.</p>'
          '<button>OK</button> <button>Settings</button></div>',
          "stores small files on your device", where="bottom", id="class"),
    _case("dom.cookie",
          '<div id="consent-box"><p>Your choices about data</p><a href="/privacy">Privacy policy</a></div>',
          "Your choices about data", where="bottom", id="consent-id"),
    _case("dom.cookie",
          '<div><p>We use cookies to understand how readers use the Gazette and to show relevant offers.</p>'
          '<button>Accept all cookies</button></div>',
          "We use cookies", "Accept all cookies", where="bottom", id="phrase-we-use-cookies"),
    _case("dom.cookie",
          '<div><p>This website uses cookies.</p><a href="/cookies">Cookie settings</a></div>',
          "This website uses cookies", where="bottom", id="phrase-this-website"),
    # ------------------------------------------------------------------ share
    _case("dom.share",
          '<div><p>Share this article</p><a href="#fb">Facebook</a> <a href="#x">X</a> <a href="#m">Email</a></div>',
          "Share this article", "Facebook", where="in", id="share-this-article"),
    _case("dom.share",
          '<div><p>You can share this story on social media:</p><a href="#fb">Facebook</a> '
          '<a href="#tw">Twitter</a> <a href="#vk">VK</a></div>',
          "You can share this story on social media", where="in", id="you-can-share"),
    _case("dom.share",
          '<div><p><a href="https://t.me/vellmar">Follow us on Telegram</a></p></div>',
          "Follow us on Telegram", where="in", id="follow-us-telegram"),
    _case("dom.share",
          '<p>Follow the Vellmar Gazette on Facebook</p>',
          "Follow the Vellmar Gazette on Facebook", where="in", id="follow-outlet-facebook"),
    _case("dom.share",
          '<p>Join us on WhatsApp</p>',
          "Join us on WhatsApp", where="end", id="join-us"),
    _case("dom.share",
          '<ul class="social-links"><li><a href="#fb">Facebook</a></li><li><a href="#x">X</a></li></ul>',
          "Facebook", where="in", id="social-class"),
    _case("dom.share",
          '<div class="sharebar"><a href="#fb">Post it</a> <a href="#mail">Send by mail</a></div>',
          "Send by mail", where="in", id="sharebar-class"),
    _case("dom.share",
          '<p>You can share this story on social media:</p>'
          '<div class="icons"><a href="#fb">Facebook</a> <a href="#vk">VKontakte</a> <a href="#tg">Telegram</a></div>',
          "You can share this story on social media", "VKontakte", where="in", id="heading-then-icon-row"),
    # ------------------------------------------------------------------ newsletter
    _case("dom.newsletter",
          '<div class="newsletter-box"><h3>The Harbour Letter</h3><p>Every Friday morning.</p>'
          '<form><input type="email" placeholder="you@example.org"><button>Go</button></form></div>',
          "The Harbour Letter", "Every Friday morning", where="in", id="class"),
    _case("dom.newsletter",
          '<div><p>Sign up to our daily newsletter</p><a href="/newsletters">Subscribe</a></div>',
          "Sign up to our daily newsletter", where="in", id="sign-up-to-our"),
    _case("dom.newsletter",
          '<div><p>Get our free weekend newsletter</p><a href="/nl">Join</a></div>',
          "Get our free weekend newsletter", where="end", id="get-our"),
    _case("dom.newsletter",
          '<div><p>Enter your email address to receive the morning briefing.</p><button>Send</button></div>',
          "Enter your email address", where="in", id="enter-your-email"),
    _case("dom.newsletter",
          '<div><h3>Newsletter</h3><p>The best of the Gazette, every morning at seven.</p>'
          '<form><input type="email"><button>Sign up</button></form></div>',
          "Newsletter", "The best of the Gazette, every morning at seven", where="end", id="box-with-blurb"),
    # ------------------------------------------------------------------ promo
    _case("dom.promo",
          '<div><p>Discover our latest podcast</p><a href="/podcast">Listen now</a></div>',
          "Discover our latest podcast", where="in", id="discover-podcast"),
    _case("dom.promo",
          '<div><p>Listen to our latest podcast</p><a href="/podcast">Episode 12</a></div>',
          "Listen to our latest podcast", where="in", id="listen-podcast"),
    _case("dom.promo",
          '<p>Download our free app</p>',
          "Download our free app", where="in", id="download-app"),
    _case("dom.promo",
          '<div class="ad-slot"><span>Advertisement</span></div>',
          "Advertisement", where="in", id="ad-slot"),
    _case("dom.promo",
          '<div><span>Advertisement</span></div>',
          "Advertisement", where="in", id="advertisement-label"),
    _case("dom.promo",
          '<div class="taboola"><a href="/x">You will not believe these ferries</a></div>',
          "You will not believe these ferries", where="end", id="taboola"),
    # ------------------------------------------------------------------ more from
    _case("dom.more_from",
          '<section><h2>More From Vellmar Gazette</h2><ul>'
          '<li><a href="/n/1">Library roof repairs finished early</a></li>'
          '<li><a href="/n/2">New bus timetable for the coast road</a></li></ul></section>'
          '<div class="teasers"><a href="/n/3">Lighthouse open day returns</a>'
          '<p>The keepers will show visitors the lamp room.</p></div>',
          "More From Vellmar Gazette", "Library roof repairs", "Lighthouse open day",
          "The keepers will show visitors the lamp room", where="bottom", id="source-rail"),
    _case("dom.more_from",
          '<h3>More from Harbour news</h3>'
          '<p><a href="/h/1">Dredging starts at the east basin</a></p>'
          '<p><a href="/h/2">Ferry fares frozen for a year</a></p>',
          "More from Harbour news", "Dredging starts", "Ferry fares frozen", where="end", id="section-rail"),
    # ------------------------------------------------------------------ related
    _case("dom.related",
          '<div><p>Read more:</p><ul><li><a href="/a">Council approves sea wall budget</a></li>'
          '<li><a href="/b">Fish market moves indoors</a></li></ul></div>',
          "Read more:", "Council approves sea wall budget", "Fish market moves indoors", id="read-more"),
    _case("dom.related",
          '<h4>READ ALSO</h4><ul><li><a href="/c">Storm damage bill reaches new high</a></li></ul>',
          "READ ALSO", "Storm damage bill", id="read-also"),
    _case("dom.related",
          '<p>See also</p><p><a href="/d">A history of the grain pier in twelve photographs</a></p>',
          "See also", "A history of the grain pier", id="see-also"),
    _case("dom.related",
          '<p><strong>Read more:</strong> <a href="/e">Harbour master warns of winter closures</a></p>',
          "Harbour master warns of winter closures", id="inline-read-more"),
    _case("dom.related",
          '<h3>You might also like</h3><ul><li><a href="/f">Ten walks along the Vellmar coast</a></li>'
          '<li><a href="/g">The last rope maker on Quay Street</a></li></ul>',
          "You might also like", "Ten walks along", where="bottom", id="you-might-also-like"),
    _case("dom.related",
          '<h3>Recommended</h3><ul><li><a href="/h">Why the tides are rising faster here</a></li></ul>',
          "Recommended", "Why the tides are rising", where="bottom", id="recommended"),
    _case("dom.related",
          '<h3>Related articles</h3><ul><li><a href="/i">Engineers split over timber or concrete</a></li></ul>',
          "Related articles", "Engineers split", where="end", id="related-articles"),
    _case("dom.related",
          '<p>Read more:</p><p>⋙ <a href="/j">Old photographs of the fishing fleet</a></p>'
          '<p>⋙ <a href="/k">A night with the lifeboat crew</a></p>',
          "Read more:", "Old photographs of the fishing fleet", "A night with the lifeboat crew", id="arrows"),
    _case("dom.related",
          '<div class="related-posts"><a href="/l">Quay Street traders fear lost summer</a></div>',
          "Quay Street traders fear lost summer", where="end", id="class"),
    _case("dom.related",
          '<section><h3>Related articles</h3>'
          '<div class="card"><a href="/1">Ferry fares frozen</a><p>The operator says prices will not rise before '
          'next spring at the earliest.</p></div>'
          '<div class="card"><a href="/2">Dredging starts</a><p>Work on the east basin is expected to last six '
          'weeks.</p></div></section>',
          "Related articles", "Ferry fares frozen", "prices will not rise", where="bottom", id="cards-with-teasers"),
    # ------------------------------------------------------------------ load more
    _case("dom.load_more", '<a class="btn" href="/news?page=2">More Articles</a>', "More Articles",
          where="bottom", id="more-articles"),
    _case("dom.load_more", '<div><button>Load more</button></div>', "Load more", where="bottom", id="load-more"),
    _case("dom.load_more", '<p><a href="/page/2">Older posts</a></p>', "Older posts", where="bottom", id="older"),
    _case("dom.load_more", '<a href="/news">Show more ›</a>', "Show more", where="bottom", id="show-more"),
    # ------------------------------------------------------------------ tags
    _case("dom.tags",
          '<p>Tags: <a href="/t/harbour">harbour</a>, <a href="/t/ferries">ferries</a>, '
          '<a href="/t/council">council</a></p>',
          "Tags:", where="end", id="tags-line"),
    _case("dom.tags",
          '<div><span>Topics:</span> <a href="/t/transport">Transport</a> <a href="/t/fishing">Fishing</a></div>',
          "Topics:", where="end", id="topics"),
    _case("dom.tags",
          '<div class="post-tags"><a href="/t/piers">Piers</a> <a href="/t/timber">Timber</a></div>',
          "Piers Timber", where="end", id="post-tags-class"),
    _case("dom.tags",
          '<p>Filed under: <a href="/c/local">Local</a></p>',
          "Filed under:", where="end", id="filed-under"),
    # ------------------------------------------------------------------ comments
    _case("dom.comments",
          '<section id="comments"><h3>3 comments</h3><ol><li><p>Harbourwatcher: About time too, that pier '
          'has been a hazard for years.</p></li></ol></section>',
          "About time too", where="bottom", id="comments-id"),
    _case("dom.comments",
          '<div id="disqus_thread"><p>Loading the conversation</p></div>',
          "Loading the conversation", where="bottom", id="disqus"),
    _case("dom.comments",
          '<div id="respond"><h3>Leave a reply</h3><form><textarea></textarea><button>Post</button></form></div>',
          "Leave a reply", where="bottom", id="respond"),
    _case("dom.comments",
          '<ol class="comment-list"><li><p>Old salt: The east berth floods every spring tide.</p></li></ol>',
          "The east berth floods", where="bottom", id="comment-list"),
    _case("dom.comments",
          '<section id="comments" class="comments-area"><h2>2 thoughts on the pier</h2><ol class="comment-list">'
          '<li><article id="div-comment-7" class="comment-body"><p>Ferrywoman: We were told the deck would last '
          'another decade, and now look at it.</p></article></li>'
          '<li><article id="div-comment-8" class="comment-body"><p>Netmender: Good news for the island at last, '
          'if the money really comes.</p></article></li></ol></section>',
          "We were told the deck would last", "Good news for the island at last", where="bottom",
          id="wordpress-comment-articles"),
    _case("dom.comments", '<div id="trackbacks"><h3>Trackbacks</h3><ol><li><a href="/x">Island Notes: the pier '
          'again</a></li></ol></div>', "Island Notes: the pier again", where="end", id="trackbacks"),
    # ------------------------------------------------------------------ captions
    _case("dom.captions",
          '<figure><img src="/p.jpg" alt=""><figcaption>The old pier at low tide.</figcaption></figure>',
          "The old pier at low tide", where="in", id="figcaption"),
    _case("dom.captions", '<p class="pictext">Crews wait on the slipway, March 4, 2026. (Xinhua/Li Wen)</p>',
          "Crews wait on the slipway", where="in", id="pictext"),
    _case("dom.captions", '<div class="wp-caption"><img src="/q.jpg" alt=""><p class="wp-caption-text">'
          'The quay before the storm.</p></div>', "The quay before the storm", where="in", id="wp-caption-text"),
    _case("dom.captions", '<div class="img-box"><a href="/big.jpg"><img src="/p.jpg" alt=""></a></div>'
          '<p class="imagedescription">The slipway at dawn. © Coast Agency / Ana Brel</p>', "The slipway at dawn",
          where="in", id="credit-after-picture"),
    _case("dom.captions", '<div class="pic-inline"><img src="/r.jpg" alt=""><span>Figure 2: the pier deck seen '
          'from the ferry, with the rotten piles marked in red by the survey team.</span></div>',
          "Figure 2: the pier deck", where="in", id="span-under-picture"),
    _case("dom.captions", '<p><img src="/s.jpg" alt=""></p><p>港务局记者 林海 摄</p>', "林海 摄", where="in",
          id="chinese-credit-after-picture"),
    _case("dom.captions", '<div><img src="/t.jpg" alt=""></div><p>COAST AGENCY / Ana Brel</p>', "Ana Brel",
          where="in", id="agency-slash-name"),
    _case("dom.captions", '<p>渔船停靠在维尔马港的旧码头旁。（港务局记者 林海 摄）</p>', "林海 摄", where="in",
          id="chinese-credit-line-without-picture"),
    # ------------------------------------------------------------------ forms
    _case("dom.forms", '<form action="/comment" method="post"><table><tr><td>Name:</td><td><input name="n"></td>'
          '</tr><tr><td>Email *:</td><td><input name="e"></td></tr><tr><td>Security Code:</td><td>'
          '<input name="c"></td></tr><tr><td>Comment:</td><td><textarea name="t"></textarea></td></tr></table>'
          '<input type="submit" value="Send"></form>', "Name:", "Security Code:", where="end", id="comment-form"),
    _case("dom.forms", '<table><tr><td>Your e-mail:</td><td><input type="email" name="m"></td></tr></table>',
          "Your e-mail:", where="end", id="field-row-in-a-table"),
    # ------------------------------------------------------------------ hidden widgets
    _case("dom.hidden_furniture", '<div class="feedback-menu" hidden><ul><li><a href="/f/yes">Helpful</a></li>'
          '<li><a href="/f/no">Not helpful</a></li><li><a href="/f/err">Report a mistake</a></li></ul></div>',
          "Report a mistake", where="in", id="hidden-attr-link-list"),
    _case("dom.hidden_furniture", '<div style="display: none"><form><p>Tell us what you think</p>'
          '<button>Send</button></form></div>', "Tell us what you think", where="in", id="display-none-form"),
    _case("dom.hidden_furniture", '<div aria-hidden="true" class="share-menu"><a href="/fb">Facebook</a> '
          '<a href="/mail">E-mail</a> <a href="/print">Print</a></div>', "Facebook", where="in",
          id="aria-hidden-links"),
    # ------------------------------------------------------------------ copyright
    _case("dom.copyright", '<p>© 2026 Vellmar Gazette Ltd</p>', "© 2026 Vellmar Gazette Ltd", where="bottom",
          id="copyright-sign"),
    _case("dom.copyright", '<div><small>Copyright 2026 Vellmar Gazette</small></div>', "Copyright 2026",
          where="bottom", id="copyright-word"),
    _case("dom.copyright", '<p>Vellmar Gazette. All rights reserved.</p>', "All rights reserved", where="end",
          id="all-rights-reserved"),
    _case("dom.copyright", '<p>(c) 2026 Coast Media Group</p>', "(c) 2026 Coast Media Group", where="end",
          id="c-in-brackets"),
    # ------------------------------------------------------------------ author boxes
    _case("dom.author_box",
          '<div class="author-bio"><img src="/a.jpg" alt=""><h4>About Mara Lindqvist</h4><p>Mara Lindqvist is '
          'the Gazette\'s harbour reporter and the founder of a small sailing club for children.</p></div>',
          "About Mara Lindqvist", "founder of a small sailing club", where="end", id="author-bio"),
    _case("dom.author_box",
          '<div itemprop="author" itemscope itemtype="https://schema.org/Person"><span>Ole Brandt</span>'
          '<div>Ole Brandt photographs boats for a living. He lives above the chandlery.</div></div>',
          "Ole Brandt photographs boats", where="end", id="schema-person"),
    # ------------------------------------------------------------------ closing bios in italics
    _case("dom.closing_bio",
          '<p><em>Mara Lindqvist is the founder of a sailing school for children in Vellmar.</em></p>',
          "founder of a sailing school", where="end", id="italic-bio"),
    # ------------------------------------------------------------------ inline related headlines
    _case("dom.inline_related",
          '<p><em>Former harbour master: <a href="https://gazette.example/2026/03/old-pier-was-doomed-1234.html">'
          'the old pier was doomed</a></em></p>',
          "Former harbour master", where="in", id="italic-linked-headline"),
    # ------------------------------------------------------------------ teaser cards
    _case("dom.teasers",
          '<div class="c-teaser"><h3><a href="/brochure">Harbour walks - the brochure</a></h3>'
          '<img src="/cover.jpg" alt=""><p>Twelve walks along the quays. Download (PDF).</p></div>',
          "Harbour walks - the brochure", "Twelve walks along the quays", where="end", id="teaser-card"),
    # ------------------------------------------------------------------ related rails of article cards
    _case("dom.related",
          '<div class="related-stories"><h5>Related stories from the Gazette</h5><div class="grid">'
          '<article class="card"><a href="/a">Ferry timetable changes for winter</a><div>2 May 2026</div></article>'
          '<article class="card"><a href="/b">Lifeboat crew honoured at the town hall</a></article></div></div>',
          "Related stories from the Gazette", "Ferry timetable changes", "Lifeboat crew honoured", where="end",
          id="article-cards"),
]
JUNK_CASES = [p.values[0] for p in JUNK]


@pytest.mark.parametrize("case", JUNK)
def test_rule_removes_junk_and_keeps_paragraphs(case: Case):
    """Rule level: the one rule takes the junk out of the tree and records it under its name."""
    rule = next(r for r in D.GENERIC_DOM_RULES if r.name == case.rule)
    tree, ctx = apply_dom(rule, case.page())
    text = body_text(tree)
    for needle in case.needles:
        assert needle not in text, f"{case.rule} left {needle!r}"
        assert removed_by(ctx, case.rule, needle), f"{case.rule} did not record {needle!r}: {removed(ctx)}"
    for para in PARAS:
        assert para in text
        assert not any(para in t for t in removed(ctx)), f"{case.rule} removed a paragraph"


@pytest.mark.parametrize("case", JUNK)
def test_clean_html_removes_junk_and_keeps_paragraphs(case: Case):
    """End to end: the junk is gone from doc.text, the rule is named in doc.trace (with `explain`, which
    names the boilerplate outside the body too), the story stays."""
    doc = clean_html(case.page(), explain=True)
    for needle in case.needles:
        assert needle not in doc.text
        assert removed_by(doc, case.rule, needle), \
            f"{needle!r} not traced to {case.rule}; traced to {rules_that_removed(doc, needle)}"
    for para in PARAS:
        assert para in doc.text


# ---------------------------------------------------------------------------- dom.non_text


def test_non_text_drops_scripts_and_styles_silently():
    junk = ('<script>window.promo = "Share this article";</script><style>.pier{color:red}</style>'
            '<noscript>Please turn on JavaScript to see the tide chart</noscript>'
            '<template><p>Template teaser</p></template>'
            '<svg><text>Chart label</text></svg><iframe src="/embed"></iframe>')
    tree, ctx = apply_dom(D.non_text, page(before=junk))
    text = body_text(tree)
    for needle in ("window.promo", "color:red", "turn on JavaScript", "Template teaser", "Chart label"):
        assert needle not in text
    assert tree.css_first("script, style, noscript, template, svg, iframe") is None
    assert ctx.trace == []  # silent: scripts are not worth a trace line
    for para in PARAS:
        assert para in text


def test_non_text_end_to_end():
    doc = clean_html(page(before='<script>var tracker = "pier-story";</script>'
                                 '<noscript>Please turn on JavaScript to see the tide chart</noscript>'))
    assert "tracker" not in doc.text
    assert "turn on JavaScript" not in doc.text
    assert all(p in doc.text for p in PARAS)


def test_ruby_readings_go_the_words_they_read_stay():
    """Words set in ruby with their readings over them (furigana): the words stay, in their
    sentence; the readings (`<rt>`, and the `<rp>` brackets for browsers without ruby) go."""
    para = ("<p><ruby>港<rp>(</rp><rt>みなと</rt><rp>)</rp></ruby>の<ruby>桟橋<rt>さんばし</rt></ruby>を"
            "<ruby>二年<rt>にねん</rt></ruby>かけて<ruby>直<rt>なお</rt></ruby>すことになりました。</p>")
    tree, ctx = apply_dom(D.non_text, page(before=para))
    assert "港の桟橋を二年かけて直すことになりました。" in body_text(tree).replace(" ", "")
    assert "みなと" not in body_text(tree) and "(" not in body_text(tree)
    doc = clean_html(page(before=para))
    assert "港の桟橋を二年かけて直すことになりました。" in doc.text
    assert all(p in doc.text for p in PARAS)


# ---------------------------------------------------------------------------- dom.hidden_duplicate

HIDDEN_MARKUPS = [
    pytest.param('<span hidden>{t}</span>', id="hidden-attr"),
    pytest.param('<span aria-hidden="true">{t}</span>', id="aria-hidden"),
    pytest.param('<span style="display: none">{t}</span>', id="style-display-none"),
    pytest.param('<span style="visibility:hidden">{t}</span>', id="style-visibility-hidden"),
    pytest.param('<span class="d-none">{t}</span>', id="d-none"),
    pytest.param('<span class="d-md-none">{t}</span>', id="d-md-none"),
    pytest.param('<span class="visually-hidden">{t}</span>', id="visually-hidden"),
    pytest.param('<span class="sr-only">{t}</span>', id="sr-only"),
    pytest.param('<span class="label hidden-xs">{t}</span>', id="hidden-xs"),
]


@pytest.mark.parametrize("hidden", HIDDEN_MARKUPS)
def test_hidden_copy_of_a_date_is_removed(hidden):
    """A date printed long (visible) and short (hidden): the hidden copy goes, the visible stays."""
    dateline = f'<p class="dateline"><time>February 25, 2026</time>{hidden.format(t="Feb 25, 2026")}</p>'
    tree, ctx = apply_dom(D.hidden_duplicate, page(body=dateline + paras_html(*PARAS)))
    text = body_text(tree)
    assert "Feb 25, 2026" not in text
    assert "February 25, 2026" in text
    assert removed(ctx, "dom.hidden_duplicate") == ["Feb 25, 2026"]
    assert all(p in text for p in PARAS)


@pytest.mark.parametrize("hidden", HIDDEN_MARKUPS)
def test_hidden_copy_of_a_byline_is_removed(hidden):
    byline = f'<div class="byline"><span>By Mara Olsen</span>{hidden.format(t="By Mara Olsen")}</div>'
    tree, ctx = apply_dom(D.hidden_duplicate, page(body=byline + paras_html(*PARAS)))
    text = body_text(tree)
    assert text.count("By Mara Olsen") == 1
    assert removed(ctx, "dom.hidden_duplicate") == ["By Mara Olsen"]
    assert all(p in text for p in PARAS)


def test_hidden_duplicate_end_to_end_keeps_one_date():
    """Without the rule the two copies would run together as `February 25, 2026Feb 25, 2026`."""
    dateline = '<p class="dateline"><time>February 25, 2026</time><span class="d-none">Feb 25, 2026</span></p>'
    doc = clean_html(page(body=dateline + paras_html(*PARAS)))
    assert "February 25, 2026Feb 25, 2026" not in doc.text
    assert "Feb 25, 2026" not in doc.text
    assert removed_by(doc, "dom.hidden_duplicate", "Feb 25, 2026")
    assert all(p in doc.text for p in PARAS)


def test_hidden_copy_of_a_heading_directly_inside_the_article_is_removed():
    """A screen-reader copy of a sub-heading right next to it, both children of <article>."""
    body = (f"<p>{P1}</p><h2>Ferries return in June</h2><h2 class=\"visually-hidden\">Ferries return in June</h2>"
            + paras_html(P2, P3, P4))
    tree, ctx = apply_dom(D.hidden_duplicate, page(body=body))
    assert body_text(tree).count("Ferries return in June") == 1
    assert removed(ctx, "dom.hidden_duplicate") == ["Ferries return in June"]


@pytest.mark.parametrize("container", ["article", "main"])
def test_hidden_copy_of_a_date_directly_inside_article_or_main_is_removed(container):
    """The hidden short date sits right under <article> (or <main>), next to the visible long one."""
    dates = '<time>February 25, 2026</time><span class="d-none">Feb 25, 2026</span>'
    inner = dates + paras_html(*PARAS)
    if container == "article":
        html = page(body=inner)
    else:
        html = f"<html lang=\"en\"><body><main>{inner}</main></body></html>"
    tree, ctx = apply_dom(D.hidden_duplicate, html)
    assert "Feb 25, 2026" not in body_text(tree)
    assert removed(ctx, "dom.hidden_duplicate") == ["Feb 25, 2026"]
    doc = clean_html(html)
    assert "Feb 25, 2026" not in doc.text
    assert all(p in doc.text for p in PARAS)


def test_hidden_text_that_repeats_nothing_stays():
    """Hidden text that repeats nothing around it is not this rule's business: it stays."""
    para = f'<p>{P2}<span class="sr-only"> (opens the council timetable in a new window)</span></p>'
    tree, ctx = apply_dom(D.hidden_duplicate, page(body=paras_html(P1) + para + paras_html(P3, P4)))
    assert "opens the council timetable in a new window" in body_text(tree)
    assert removed(ctx, "dom.hidden_duplicate") == []
    doc = clean_html(page(body=paras_html(P1) + para + paras_html(P3, P4)))
    assert not removed(doc, "dom.hidden_duplicate")
    assert all(p in doc.text for p in PARAS)


def test_of_two_hidden_copies_with_no_visible_one_one_stays():
    label = ('<div class="caption"><span class="sr-only">Photo: the grain pier at low tide</span>'
             '<span class="sr-only">Photo: the grain pier at low tide</span></div>')
    tree, ctx = apply_dom(D.hidden_duplicate, page(body=label + paras_html(*PARAS)))
    assert body_text(tree).count("Photo: the grain pier at low tide") == 1
    assert removed(ctx, "dom.hidden_duplicate") == ["Photo: the grain pier at low tide"]


def test_aria_hidden_false_is_not_hidden():
    line = '<div class="byline"><span>By Mara Olsen</span><span aria-hidden="false">By Mara Olsen</span></div>'
    tree, ctx = apply_dom(D.hidden_duplicate, page(body=line + paras_html(*PARAS)))
    assert body_text(tree).count("By Mara Olsen") == 2
    assert ctx.trace == []


def test_empty_hidden_elements_go_without_a_trace_line():
    tree, ctx = apply_dom(D.hidden_duplicate, page(before='<div class="d-none" id="empty-slot"></div>'))
    assert tree.css_first("#empty-slot") is None
    assert ctx.trace == []
    assert all(p in body_text(tree) for p in PARAS)


def test_hidden_paragraph_inside_the_article_is_not_compared_with_the_whole_article():
    """A hidden element never takes the article with it, and a visible paragraph never goes."""
    body = paras_html(P1) + f'<p class="sr-only">{P1}</p>' + paras_html(P2, P3, P4)
    tree, ctx = apply_dom(D.hidden_duplicate, page(body=body))
    text = body_text(tree)
    assert all(p in text for p in PARAS)
    assert tree.css_first("article") is not None


# ---------------------------------------------------------------------------- never remove real content

STANDFIRST = ("A rotten pier, a worried fishing fleet and a floating stopgap: what the rebuilding plan means "
              "for the people who work on Vellmar's waterfront.")
SUBHEAD = "What happens to the island ferry"
QUOTE = ("We have patched that pier every winter for fifteen years, and every spring the sea takes the patches "
         "back out again, so none of us is surprised by the engineers' verdict.")
LIST_ITEMS = ("The north berth closes on the first of April.",
              "The fish market moves to the car park on Dock Road.",
              "The island ferry sails from the south slipway until the autumn.")


def _article_with_structure(standfirst_markup: str) -> str:
    body = (standfirst_markup + paras_html(P1, P2)
            + f"<h2>{SUBHEAD}</h2>" + paras_html(P3)
            + f"<blockquote><p>{QUOTE}</p></blockquote>"
            + "<p>The harbour office listed the changes:</p><ul>"
            + "".join(f"<li>{item}</li>" for item in LIST_ITEMS) + "</ul>"
            + paras_html(P4))
    return page(body=body)


STANDFIRSTS = [
    pytest.param(f'<p class="standfirst">{STANDFIRST}</p>', id="p.standfirst"),
    pytest.param(f'<p class="lead">{STANDFIRST}</p>', id="p.lead"),
    pytest.param(f'<div class="article-intro"><p>{STANDFIRST}</p></div>', id="div.article-intro"),
    pytest.param(f'<header><p class="standfirst">{STANDFIRST}</p></header>', id="header-in-article"),
]


@pytest.mark.parametrize("standfirst", STANDFIRSTS)
def test_no_generic_dom_rule_touches_the_article_structure(standfirst):
    tree, ctx = apply_dom(_all_dom_rules, _article_with_structure(standfirst))
    text = body_text(tree)
    for piece in (STANDFIRST, SUBHEAD, QUOTE, *LIST_ITEMS, *PARAS):
        assert piece in text
    assert not [r for r in ctx.trace if any(piece in r.text for piece in (STANDFIRST, SUBHEAD, QUOTE, P1))]


@pytest.mark.parametrize("standfirst", STANDFIRSTS)
def test_clean_html_keeps_standfirst_subheadings_quotes_and_lists(standfirst):
    doc = clean_html(_article_with_structure(standfirst))
    for piece in (SUBHEAD, QUOTE, *LIST_ITEMS, *PARAS):
        assert piece in doc.text
    assert STANDFIRST in doc.text, "the standfirst / lead paragraph was lost"


def test_header_with_the_h1_outside_the_article_keeps_its_standfirst():
    """dom.chrome leaves a header that holds the <h1>: it may carry the standfirst."""
    html = f"""<html lang="en"><body>
<header class="article-header"><h1>{TITLE}</h1><p class="standfirst">{STANDFIRST}</p></header>
<main><article>{paras_html(*PARAS)}</article></main></body></html>"""
    tree, ctx = apply_dom(D.chrome, html)
    assert STANDFIRST in body_text(tree)
    assert ctx.trace == []
    doc = clean_html(html)
    assert all(p in doc.text for p in PARAS)
    assert STANDFIRST in doc.text, "the standfirst in the page header was lost"


def test_header_and_footer_inside_the_article_stay():
    body = ('<header><p class="kicker">Harbour</p></header>' + paras_html(*PARAS)
            + '<footer><p class="author-note">Mara Olsen covers the waterfront for the Gazette.</p></footer>')
    tree, ctx = apply_dom(D.chrome, page(body=body))
    text = body_text(tree)
    assert "Mara Olsen covers the waterfront" in text
    assert "Harbour" in text
    assert ctx.trace == []


MENTIONS = [
    *(pytest.param(text, id=name) for text, name in MENTION_TEXTS),
    pytest.param("Readers who want to follow the work can see the engineers' report, which recommended a concrete "
                 "deck, in the council's online archive alongside the older surveys.", id="follow-recommended"),
    pytest.param("All rights to land fish at the pier will be suspended during the works, and the council says "
                 "it will pay the crews' extra fuel costs to the outer moorings.", id="all-rights"),
    pytest.param("Sponsored by a local boatyard, the new lifebuoys along the quay were installed last spring and "
                 "have already been used twice, the lifeboat crew said.", id="sponsored"),
]


@pytest.mark.parametrize("mention", MENTIONS)
def test_prose_that_mentions_junk_words_survives_every_dom_rule(mention):
    html = page(body=paras_html(P1, P2, mention, P3, P4))
    tree, ctx = apply_dom(_all_dom_rules, html)
    assert mention in body_text(tree)
    assert not any(mention in r.text for r in ctx.trace)
    doc = clean_html(html)
    assert mention in doc.text
    assert all(p in doc.text for p in PARAS)


PROSE_STARTING_LIKE_JUNK = [
    pytest.param("Don't miss the new show at the Vellmar playhouse, a comedy about a ferry that never arrives, "
                 "which opens on Friday with a cast drawn almost entirely from the harbour's own families.",
                 id="promo-dont-miss-the-new-show"),
    pytest.param("Follow the harbour master on Twitter for a week and you soon learn how often the old pier floods: "
                 "she posts a photograph of the water over the deck almost every morning.",
                 id="share-follow-on-twitter"),
    pytest.param("Sign up for free swimming lessons at the new harbour pool opened on Monday, and the council says "
                 "two hundred children did so before lunchtime on the first day.",
                 id="newsletter-sign-up-for-free"),
]


@pytest.mark.parametrize("prose", PROSE_STARTING_LIKE_JUNK)
def test_long_prose_that_starts_like_junk_survives(prose):
    """A real paragraph (a full sentence of about 200 characters) that happens to open with a
    boilerplate phrase stays; only short blocks are boilerplate."""
    html = page(body=paras_html(P1, P2, prose, P3, P4))
    doc = clean_html(html)
    assert prose in doc.text, f"lost; removed by {rules_that_removed(doc, prose[:40])}"
    assert all(p in doc.text for p in PARAS)


def test_related_heading_followed_by_prose_is_a_subheading_and_stays():
    body = paras_html(P1, P2) + "<h2>Recommended</h2>" + paras_html(P3, P4)
    tree, ctx = apply_dom(D.related, page(body=body))
    assert "Recommended" in body_text(tree)
    assert ctx.trace == []


def test_more_from_heading_followed_by_prose_stays():
    """Without links after it (and no site profile saying so) a "More from ..." heading is a sub-heading."""
    body = paras_html(P1, P2) + "<h2>More from the council</h2>" + paras_html(P3, P4)
    tree, ctx = apply_dom(D.more_from, page(body=body))
    text = body_text(tree)
    assert "More from the council" in text
    assert P3 in text and P4 in text
    assert ctx.trace == []


def test_more_from_rail_takes_everything_after_it():
    rail = ('<div class="rail"><h3>More From Vellmar Gazette</h3></div>'
            '<div class="card"><a href="/1">Library roof repairs finished early</a>'
            '<p>Two weeks ahead of plan.</p></div>'
            '<div class="card"><a href="/2">Coast road reopens</a><p>The landslip has been cleared.</p></div>'
            '<p class="end">Gazette reader offers</p>')
    tree, ctx = apply_dom(D.more_from, page(outside_after=rail))
    text = body_text(tree)
    for needle in ("More From Vellmar Gazette", "Library roof repairs", "Two weeks ahead of plan",
                   "Coast road reopens", "Gazette reader offers"):
        assert needle not in text
        assert removed_by(ctx, "dom.more_from", needle)
    assert all(p in text for p in PARAS)


def test_in_article_list_of_links_without_a_related_heading_stays():
    """A list of links that is part of the story (the documents it cites) is not a related list."""
    body = (paras_html(P1, P2) + "<p>The council has published three documents on the plan:</p><ul>"
            '<li><a href="/docs/survey.pdf">The 2025 structural survey of the grain pier</a></li>'
            '<li><a href="/docs/options.pdf">The options report on timber and concrete decks</a></li></ul>'
            + paras_html(P3, P4))
    tree, ctx = apply_dom(_all_dom_rules, page(body=body))
    text = body_text(tree)
    assert "The 2025 structural survey of the grain pier" in text
    assert "The options report on timber and concrete decks" in text


def test_a_real_article_in_a_box_with_a_junk_class_stays():
    """Blocks that read like article text (several long paragraphs, few links) stay, whatever their class."""
    html = f"""<html lang="en"><body><div class="share-story-wrapper">{paras_html(*PARAS)}</div></body></html>"""
    tree, ctx = apply_dom(D.share, html)
    assert all(p in body_text(tree) for p in PARAS)
    assert ctx.trace == []


def _apply_all(root, ctx):
    for rule in D.GENERIC_DOM_RULES:
        rule.apply(root, ctx)


class _AllRules:
    name = "dom.*"

    @staticmethod
    def apply(root, ctx: Context) -> None:
        _apply_all(root, ctx)


_all_dom_rules = _AllRules()


# ---------------------------------------------------------------------------- a page with everything


def test_a_page_full_of_junk_keeps_only_the_story():
    junk_top = ('<a href="#main">Skip to content</a><header class="site-header"><a href="/">Vellmar Gazette</a>'
                '</header><nav><a href="/news">News</a> <a href="/sport">Sport</a></nav>'
                '<div class="cookie-notice"><p>We use cookies to improve the site.</p><button>Accept</button></div>')
    junk_in = ('<div><p>Share this article</p><a href="#f">Facebook</a> <a href="#x">X</a></div>'
               '<div><p>Discover our latest podcast</p><a href="/p">Listen</a></div>')
    junk_after = ('<div><p>Sign up to our morning newsletter</p><a href="/nl">Subscribe</a></div>'
                  '<h3>Read more:</h3><ul><li><a href="/r1">Sea wall budget approved</a></li></ul>')
    junk_bottom = ('<section><h2>More From Vellmar Gazette</h2><a href="/m1">Library roof repaired</a>'
                   '<a href="/m2">Coast road reopens</a></section><a href="/more">More Articles</a>'
                   '<footer><p>© 2026 Vellmar Gazette. All rights reserved.</p></footer>')
    body = f"<p>{P1}</p>{junk_in}<p>{P2}</p><p>{P3}</p>{junk_after}<p>{P4}</p>"
    html = page(body=body, outside_before=junk_top, outside_after=junk_bottom)
    doc = clean_html(html, explain=True)
    assert doc.text.split("\n") == list(PARAS)
    # without `explain` the same text, and the trace names only what was taken out of the body and
    # the page's frame: the cookie banner outside the body was never in the way
    quick = clean_html(html)
    assert quick.text == doc.text
    quick_names = {r.rule for r in quick.trace}
    assert {"dom.share", "dom.promo", "dom.newsletter", "dom.related", "dom.navigation"} <= quick_names
    assert "dom.cookie" not in quick_names
    names = {r.rule for r in doc.trace}
    for rule in ("dom.navigation", "dom.chrome", "dom.cookie", "dom.share", "dom.promo", "dom.newsletter",
                 "dom.related"):
        assert rule in names, f"{rule} missing from {sorted(names)}"


def test_share_rule_spares_an_embedded_post_in_a_social_box():
    embed = ('<div class="social-media-embed"><blockquote class="twitter-tweet"><p>The new ferry timetable is out '
             'and the first boat leaves at six.</p>— Harbour Office (@vellmarharbour) March 3, 2026</blockquote></div>')
    bar = '<div class="social-links"><a href="#fb">Facebook</a> <a href="#x">X</a></div>'
    tree, ctx = apply_dom(D.share, page(before=embed, after=bar))
    text = body_text(tree)
    assert "The new ferry timetable is out" in text and P2 in text
    assert "Facebook" not in text
    assert [r.rule for r in ctx.trace] == ["dom.share"]


@pytest.mark.parametrize("heading", ["Você pode gostar...", "Lesen Sie auch", "Читайте также", "You might also like…"])
def test_related_heading_in_any_language_takes_the_posts_listed_after_it(heading):
    posts = "".join(f'<article class="post"><h2><a href="/p{i}">Another post number {i} from the blog</a></h2>'
                    f"<p>{P3}</p></article>" for i in range(3))
    html = ("<html><body><article class='post single'><h1>Pier to be rebuilt</h1>"
            f"<p>{P1}</p><p>{P2}</p><p>{P4}</p><h3 class='relatedpoststitle'>{heading}</h3>{posts}"
            "</article></body></html>")
    tree, ctx = apply_dom(D.related, html)
    text = body_text(tree)
    assert P1 in text and P2 in text and P4 in text
    assert heading not in text and "Another post number" not in text and P3 not in text
    assert {r.rule for r in ctx.trace} == {"dom.related"}


def test_captions_rule_takes_photo_captions_and_keeps_the_paragraphs():
    figure = ('<figure><img src="/pier.jpg" alt=""><figcaption>The old pier at low tide. Photo: Mara Olsen'
              '</figcaption></figure><p class="pictext">Crews wait on the slipway, March 4, 2026.</p>')
    tree, ctx = apply_dom(D.captions, page(before=figure))
    text = body_text(tree)
    assert P1 in text and P2 in text and P3 in text
    assert "low tide" not in text and "Crews wait on the slipway" not in text
    assert {r.rule for r in ctx.trace} == {"dom.captions"}


def test_navigation_layout_flag_on_a_wrapper_is_no_menu():
    """`with-navigation` on a wrapper says the box has a menu beside its content, not that it is one:
    the story inside stays; a real menu next to it still goes."""
    html = page(body=f'<div class="panel-pane pane-topics with-navigation"><div class="pane-content"><p>{P1}</p>'
                     f'</div></div>{paras_html(P2, P3, P4)}',
                outside_before='<div class="site-nav"><a href="/a">Harbour news</a> <a href="/b">Council</a></div>')
    tree, ctx = apply_dom(D.navigation, html)
    assert P1 in body_text(tree) and P4 in body_text(tree)
    assert removed_by(ctx, "dom.navigation", "Harbour news")
    doc = clean_html(html)
    assert P1 in doc.text and P4 in doc.text
    assert "Harbour news" not in doc.text


def test_a_bold_closing_line_over_a_share_box_is_no_heading_of_it():
    """A story's last line set in bold and ending a sentence ("... of 2%…") right before the share
    box is the story's, not the box's heading: the box goes, the line stays; a bold label over the
    box ("Spread the word") goes with it."""
    closing = "<p><strong>Thanks to the crews for the tip of 2%…</strong></p>"
    share = ('<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3>'
             '<a href="https://twitter.example/s">Twitter</a> <a href="https://facebook.example/s">Facebook</a></div>')
    html = page(body=paras_html(P1, P2) + closing + share)
    tree, ctx = apply_dom(D.share, html)
    text = body_text(tree)
    assert "Thanks to the crews for the tip of 2%…" in text and P2 in text
    assert removed_by(ctx, "dom.share", "Twitter") and "Twitter" not in text
    label = "<p><strong>Spread the word</strong></p>"
    tree, ctx = apply_dom(D.share, page(body=paras_html(P1, P2) + label + share))
    assert "Spread the word" not in body_text(tree) and P2 in body_text(tree)
    doc = clean_html(html)
    assert "Thanks to the crews for the tip of 2%…" in doc.text and "Facebook" not in doc.text


def _slide(n: int, title: str, lines: tuple[str, str]) -> str:
    return (f'<figure class="slide"><h2><a href="/gallery/{n}">{n}. {title}</a></h2><img src="/s{n}.jpg" alt="">'
            f'<figcaption class="slide-caption"><p>{lines[0]}</p><p>{lines[1]}</p></figcaption></figure>')


_SLIDES = (
    ("Harbour master", ("Nobody will argue with you on the quay tonight.",
                        "What you need: a navy coat with brass buttons, a peaked cap and a loud whistle.")),
    ("Lighthouse", ("Shine bright over the outer islands all evening long.",
                    "What you need: a white jumper with red stripes and a torch taped to a paper hat.")),
    ("Ferry captain", ("Every guest will want a seat on your crossing.",
                       "What you need: a yellow oilskin, rubber boots and a timetable pinned to your sleeve.")),
    ("Grain pier", ("Old timbers never looked this good on a dance floor.",
                    "What you need: a brown cardboard box painted like planks and a sign with the pier's name.")),
)


def test_a_gallery_told_in_its_captions_keeps_them_a_story_loses_its_captions():
    """A gallery whose captions are written as paragraphs and hold most of its text tells its story
    in them: they stay. A story with a picture and a caption written the same way loses the caption."""
    gallery = page(body="<p>Four costumes you can make tonight from what lies in the boat shed.</p>"
                        + "".join(_slide(i + 1, t, lines) for i, (t, lines) in enumerate(_SLIDES)))
    tree, ctx = apply_dom(D.captions, gallery)
    for _title, lines in _SLIDES:
        assert lines[1] in body_text(tree)
    assert not removed(ctx, "dom.captions")
    doc = clean_html(gallery, url="https://gazette.example/living/costumes-from-the-boat-shed")
    for _title, lines in _SLIDES:
        assert lines[0] in doc.text and lines[1] in doc.text
    story = page(before='<figure><img src="/pier.jpg" alt=""><figcaption class="caption"><p>The old pier at low '
                        'tide.</p><p>Picture: Mara Olsen</p></figcaption></figure>')
    tree, ctx = apply_dom(D.captions, story)
    assert "low tide" not in body_text(tree) and P1 in body_text(tree) and P2 in body_text(tree)
    assert removed_by(ctx, "dom.captions", "low tide")
    doc = clean_html(story)
    assert "low tide" not in doc.text and all(para in doc.text for para in PARAS)


def test_a_heading_in_a_box_named_for_navigation_with_nothing_to_click_stays():
    """A sub-heading set in the bar of a recipe's step tabs (`steps-nav`) with no link or button
    in it is the text's; the menu next to it, named the same way, still goes."""
    steps = (f'<div class="steps-nav"><div class="steps-nav-item active"><h2>Building the raft step by step</h2>'
             f'</div></div><p>{P2}</p>')
    menu = '<div class="site-nav"><a href="/harbour">Harbour</a> <a href="/islands">Islands</a></div>'
    html = page(body=f"<p>{P1}</p>{steps}{menu}<p>{P3}</p><p>{P4}</p>")
    tree, ctx = apply_dom(D.navigation, html)
    assert "Building the raft step by step" in body_text(tree) and P2 in body_text(tree)
    assert removed_by(ctx, "dom.navigation", "Islands") and "Islands" not in body_text(tree)
    doc = clean_html(html)
    assert "Building the raft step by step" in doc.text and all(p in doc.text for p in PARAS)
    assert "Islands" not in doc.text
