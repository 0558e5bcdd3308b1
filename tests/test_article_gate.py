"""The page-type gate: listings, home pages and link farms give not_article, articles with links stay."""

from __future__ import annotations

import pytest

from cleaners import CleanError, clean_html

from ._support import P1, P2, P3, P4, PARAS


def _cards(n: int, block: str) -> str:
    return "".join(f"<div class='card'><{block}><a href='/story-{i}'>Headline number {i} about the harbour works"
                   f"</a></{block}> <span>Home &amp; Garden · 22/03/2026</span></div>" for i in range(n))


@pytest.mark.parametrize("block", ["span", "h3", "p"])
def test_a_listing_of_headline_links_is_not_an_article(block):
    page = f"<html><body><h1>Tag: home</h1>{_cards(6, block)}</body></html>"
    with pytest.raises(CleanError) as err:
        clean_html(page, url="http://listing.example/tag/home/")
    assert err.value.kind in ("not_article", "no_text")


def test_a_front_page_of_short_headlines_is_not_an_article():
    # five headlines of three words, under the 20 characters a headline link is otherwise taken to have
    heads = ["Ferry fares rise", "Library reopens Monday", "Pier works begin", "Council budget set", "Roof gets mended"]
    cards = "".join(f"<div class='teaser'><h2><a href='/news/{i}.html'>{h}</a></h2><span>3 March 2026</span></div>"
                    for i, h in enumerate(heads))
    with pytest.raises(CleanError) as err:
        clean_html(f"<html><body><h1>Meridian Courier</h1>{cards}</body></html>", url="http://a.example/")
    assert err.value.kind == "not_article"


def test_an_article_with_short_links_in_its_paragraphs_and_a_short_list_is_kept():
    # three-word links inside paragraphs, and a list of three short links below: still an article
    body = "".join(f"<p>{p} The <a href='/s{i}'>harbour survey report</a> has more.</p>" for i, p in enumerate(PARAS))
    links = "".join(f"<li><a href='/t{i}'>Pier works begin {i}</a></li>" for i in range(3))
    page = f"<html><body><article><h1>Pier to be rebuilt</h1>{body}<ul>{links}</ul></article></body></html>"
    doc = clean_html(page, url="http://news.example/2026/pier")
    assert all(p in doc.text for p in PARAS)


def test_an_article_with_inline_links_and_a_related_list_is_kept():
    body = "".join(f"<p>{p} See <a href='/x{i}'>the council's published survey of the pier</a>.</p>"
                   for i, p in enumerate(PARAS))
    page = f"<html><body><article><h1>Pier to be rebuilt</h1>{body}</article>{_cards(3, 'h3')}</body></html>"
    doc = clean_html(page, url="http://news.example/2026/pier")
    assert PARAS[0] in doc.text and PARAS[-1] in doc.text


def test_a_page_with_a_few_words_left_is_no_text():
    with pytest.raises(CleanError) as err:
        clean_html("<html><body><p>Coming soon.</p></body></html>", url="http://x.example/a")
    assert err.value.kind == "no_text"


def _split_page(rail: str = "") -> str:
    from ._support import P1, P2, P3, P4

    chunk = '<div class="story__chunk"><div class="story__text">{}</div></div><div class="ad-slot">Advertisement</div>'
    return ("<html><body><main><h1>Pier to be rebuilt</h1>"
            + chunk.format(f"<p>{P1}</p><p>{P2}</p>")
            + chunk.format(f"<p>{P3}</p><p>{P4}</p>")
            + f"{rail}</main></body></html>")  # a rail inside <main>: a sibling of the chunks


def test_an_article_split_into_chunks_between_ads_keeps_every_chunk():
    from cleaners.extract import continued_chunks
    from cleaners.pipeline import LexborHTMLParser

    from ._support import P1, P2, P3, P4

    tree = LexborHTMLParser(_split_page())
    assert continued_chunks(tree.root, [P1, P2]) == [P1, P2, P3, P4]
    assert continued_chunks(tree.root, [P1, P2, P3, P4]) == [P1, P2, P3, P4]  # nothing missing: unchanged
    doc = clean_html(_split_page(), url="http://news.example/2026/pier")
    assert all(p in doc.text for p in (P1, P2, P3, P4)) and "Advertisement" not in doc.text


def test_teaser_cards_that_share_a_class_are_not_taken_as_chunks():
    from cleaners.extract import continued_chunks
    from cleaners.pipeline import LexborHTMLParser

    from ._support import P1, P2

    teaser = ('<div class="story__chunk"><h3><a href="/other">Another story about the ferry timetable</a></h3>'
              '<div class="story__text"><p>{0}</p><p>{0}</p></div></div>')
    text = "A teaser of another story, long enough to look like a paragraph of some article text here."
    page = _split_page(teaser.format(text))
    tree = LexborHTMLParser(page)
    assert text not in continued_chunks(tree.root, [P1, P2])


#: twenty invented headlines of a local news site's category page
HEADLINES = ("Ferry operator adds a second boat for the island run", "Library reopening delayed until the spring",
             "Harbour pier repairs to start in April", "New cycle lanes planned along the river road",
             "School roof fixed after winter storm damage", "Market square to close for two weekends",
             "Council votes to keep the night bus running", "Fishing crews warn of falling prices",
             "Museum wins grant for its maritime collection", "Water bills to rise by three percent",
             "Volunteers clean up the northern beach", "Local choir to sing at the cathedral",
             "Bakery on Quay Street celebrates fifty years", "Town hall clock restored by apprentices",
             "Footpath to the lighthouse reopens", "Police appeal after bicycles stolen from the station",
             "Hospital car park to get more spaces", "Is the allotment waiting list too long?",
             "Theatre announces its summer programme", "Bridge inspection finds only minor wear")

LISTINGS = {
    # headlines as plain list items: no link text to match them against
    "plain-items": "<ul class='news-list'>{}</ul>".format("".join(f"<li>{h}</li>" for h in HEADLINES)),
    # the link wraps the thumbnail only; the headline is a heading beside it
    "image-links": "<ul class='teasers'>{}</ul>".format("".join(
        f"<li><a href='/news/{i}'><img src='/t/{i}.jpg' alt=''></a><h3>{h}</h3></li>"
        for i, h in enumerate(HEADLINES))),
    # a short kicker is the link, the rest of the headline is not
    "kicker-links": "<ul>{}</ul>".format("".join(
        f"<li><a href='/news/{i}'>{h.split()[0]}</a> {' '.join(h.split()[1:])}</li>" for i, h in enumerate(HEADLINES))),
    # a Chinese-language section: headlines are counted in characters, two to a word
    "cjk-items": "<ul>{}</ul>".format("".join(f"<li>{h}</li>" for h in (
        "市图书馆春季推迟重新开放", "港口码头维修工程四月开工", "沿河道路将新建自行车道", "学校屋顶风暴损坏后已修复",
        "市场广场连续两个周末关闭", "议会投票保留夜间公交线路", "渔民担心鱼价持续下跌", "博物馆获得海事藏品专项资助",
        "志愿者清理北部海滩垃圾", "灯塔步道修缮后重新开放"))),
    # each item with its date on a line of its own, and a one-line description of the section on top
    "dated-items": "<p>All the latest from the town council.</p><ul>{}</ul>".format("".join(
        f"<li><div>{h}</div><div class='date'>{i + 1} March 2026</div></li>" for i, h in enumerate(HEADLINES))),
}


@pytest.mark.parametrize("layout", sorted(LISTINGS))
def test_a_category_page_of_headline_items_is_not_an_article(layout):
    page = (f"<html><head><title>Town news - Vellmar Gazette</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<main><h1>Town news</h1>{LISTINGS[layout]}</main><footer>Vellmar Gazette</footer></body></html>")
    with pytest.raises(CleanError) as err:
        clean_html(page, url="http://news.example/town/")
    assert err.value.kind == "not_article" and "a listing" in err.value.message


def _article(body: str) -> str:
    return (f"<html><head><title>Vellmar Gazette</title></head><body><nav><a href='/'>Home</a></nav><main><article>"
            f"<h1>A story of the town</h1>{body}</article></main><footer>Vellmar Gazette</footer></body></html>")


ARTICLES_WITH_LISTS = {
    # an intro, fourteen ingredients of two or three words, the method as sentences
    "recipe": ("<p>These small harbour buns were baked in every kitchen of the old town for the spring fair, and "
               "the recipe below is the one the bakery on the quay still follows today.</p><h2>Ingredients</h2><ul>"
               + "".join(f"<li>{x}</li>" for x in (
                   "500 g flour", "250 ml warm milk", "80 g butter", "60 g sugar", "1 egg", "1 pinch of salt",
                   "20 g fresh yeast", "100 g raisins", "1 lemon, zest only", "1 tsp cinnamon", "2 tbsp honey",
                   "1 egg yolk to glaze", "Some flaked almonds", "Icing sugar"))
               + "</ul><h2>Method</h2><ol>"
               + "".join(f"<li>{x}</li>" for x in (
                   "Dissolve the yeast in the warm milk with a spoonful of the sugar and leave it for ten minutes.",
                   "Rub the butter into the flour, add the rest of the sugar, the salt, the egg and the milk.",
                   "Knead the dough until smooth, fold in the raisins and the zest, and let it rise for an hour.",
                   "Shape twelve buns, glaze them with the yolk, scatter the almonds and bake for twenty minutes."))
               + "</ol>"),
    # a how-to: a paragraph, then its steps as items of a sentence or two
    "how-to": (f"<p>{P1}</p><ol>" + "".join(
        f"<li>Step {n}: check the {part} of the boat before the season starts, and write down what you find.</li>"
        for n, part in enumerate(("hull", "rudder", "engine mounts", "fuel lines", "bilge pump", "rigging",
                                  "anchor chain", "navigation lights", "life jackets", "radio"), 1)) + "</ol>"),
    # a news story with a bullet list of short facts
    "facts": (f"<p>{P1}</p><p>{P2}</p><h2>The pier in numbers</h2><ul>" + "".join(f"<li>{x}</li>" for x in (
        "Length: 240 metres", "Built in 1911", "Rebuilt deck: 3,200 square metres", "Cost: 4.2 million",
        "Work starts in April", "Two summers of work", "Ferry berths: two", "Fishing boats: eleven"))
        + f"</ul><p>{P3}</p><p>{P4}</p>"),
    # a photo page: one paragraph over a sheet of short "label: value" details
    "details": ("<p>The old grain pier photographed from the water at dawn, with the tide out and the timber piles "
                "of the northern end showing the damage the engineers described in their survey this winter.</p>"
                "<h2>Details</h2><ul>" + "".join(f"<li>{x}</li>" for x in (
                    "Camera: a small mirrorless body", "Lens: 35 mm", "Aperture: 5.6", "Exposure: 1/250 s",
                    "ISO: 200", "Date: 3 March 2026", "Time: 06:40", "Place: Vellmar harbour", "Tripod: no",
                    "Filter: none", "Edited: contrast only", "Author: the picture desk")) + "</ul>"),
    # a one-paragraph announcement over a long list of appointments
    "appointments": ("<p>The town council announced on Monday the members of the new harbour board, who will oversee "
                     "the rebuilding of the old grain pier and the temporary berth for the island ferry over the next "
                     "two summers, and who meet for the first time in April.</p><ul>"
                     + "".join(f"<li>Member {n} of the board, for the {part} ward</li>" for n, part in enumerate(
                         ("north", "south", "east", "west", "harbour", "old town", "station", "market", "hill",
                          "river", "castle", "bridge", "mill", "quay", "park", "church", "school", "field", "wood",
                          "lake", "beach", "cliff", "dock", "ferry", "island"), 1)) + "</ul>"),
}


@pytest.mark.parametrize("kind", sorted(ARTICLES_WITH_LISTS))
def test_an_article_with_a_list_is_kept_whole(kind):
    doc = clean_html(_article(ARTICLES_WITH_LISTS[kind]), url="http://news.example/2026/story")
    lines = doc.text.split("\n")
    assert sum(1 for line in lines if line.startswith("- ")) >= 8, doc.text
