"""Story composition for the labelled set: a page's article (title, standfirst, body blocks) built
from a topic's sentence pools (`prose`, `crawler.demo.prose`) with a seeded `random.Random`.

A story's body is a list of blocks, in page order:

* `("p", text)`: a paragraph;
* `("h", text)`: a sub-heading;
* `("quote", text)`: a quotation set apart (blockquote);
* `("ul", (item, ...))`: an in-article bullet list.

`expected_lines()` turns them into the ground truth in seed format: the standfirst first (when the
site prints one), then one line per paragraph, sub-heading and quotation, and `- <item>` per list
item (the form extractors give list items).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime

NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def words(text: str) -> int:
    return len(text.split())


@dataclass
class Story:
    """One page's article: what the page prints as its story, and the metadata around it."""

    title: str
    standfirst: str
    blocks: list[tuple[str, object]]
    published: datetime
    slots: dict
    topic: str
    extra: dict = field(default_factory=dict)

    def paragraphs(self) -> list[str]:
        return [data for kind, data in self.blocks if kind == "p"]


def expected_lines(story: Story, *, standfirst: bool) -> list[str]:
    """The ground truth: standfirst (when the page prints it), then the body's blocks as lines."""
    lines = [story.standfirst] if standfirst and story.standfirst else []
    for kind, data in story.blocks:
        if kind in ("p", "h", "quote"):
            lines.append(data)
        elif kind == "ul":
            lines.extend(f"- {item}" for item in data)
    return lines


def make_slots(rng: random.Random, places, people, published: datetime) -> dict:
    city, region = rng.choice(places)
    n = rng.randint(3, 9)
    person, person2 = rng.sample(people, 2)
    return {
        "city": city, "region": region, "place": city, "province": region,
        "n": NUMBER_WORDS[n], "cap_n": NUMBER_WORDS[n].capitalize(), "tens": n * 10,
        "big": f"{rng.choice((120, 180, 240, 320, 450, 600, 750, 900, 1200, 1500)):,}",
        "pct": rng.randint(12, 38), "km": rng.choice((86, 112, 145, 168, 210, 264, 312)),
        "person": person, "person2": person2, "day": WEEKDAYS[published.weekday()],
        "price": rng.choice((85, 120, 140, 175, 210, 240)),
    }


class Writer:
    """Builds paragraphs from sentence pools: every sentence at most once in a page."""

    def __init__(self, rng: random.Random, slots: dict):
        self.rng, self.slots = rng, slots
        self.used: set[str] = set()

    def fill(self, sentence: str) -> str:
        return sentence.format(**self.slots)

    def paragraph(self, pool, *, prefer=(), first: str = "", last: str = "", lo: int = 28,
                  hi: int = 80) -> str | None:
        """`first`, then unused sentences (the story's own, `prefer`, before the pool's) until the
        paragraph has `lo` words, then `last`. None when the pools are used up."""
        picked: list[str] = []
        total = words(first) + words(last)
        order = [s for part in (prefer, pool) for s in self.rng.sample(list(part), len(part)) if s not in self.used]
        for sentence in order:
            if total >= lo and (picked or first):
                break
            text = self.fill(sentence)
            if total + words(text) > hi and picked:
                continue
            picked.append(sentence)
            total += words(text)
        if not picked and not first:
            return None
        self.used.update(picked)
        return " ".join(x for x in (first, *(self.fill(s) for s in picked), last) if x)


def compose(rng: random.Random, topic: dict, story: dict, slots: dict, published: datetime, *, paras: int,
            dateline: str = "", headings: int = 0, quote: bool = False, bullets: bool = False,
            close: bool = True, lo: int = 28, hi: int = 80) -> Story:
    """One story of `topic`: a lead paragraph (`dateline` + the story's lead sentence), `paras` - 1
    more paragraphs from the pools, `headings` sub-headings between them, an optional quotation and
    bullet list (the paragraph before each ends with its introducing sentence)."""
    w = Writer(rng, slots)
    extras = tuple(story.get("extras", ()))
    lead = w.fill(story["lead"])
    first = w.paragraph(topic["body"], prefer=extras, first=f"{dateline}{lead}", lo=lo, hi=hi) or f"{dateline}{lead}"
    paragraphs = [first]
    for k in range(1, paras):
        last = w.fill(rng.choice(topic["close"])) if close and k == paras - 1 and topic.get("close") else ""
        p = w.paragraph(topic["body"], prefer=extras, last=last, lo=lo, hi=hi)
        if p is None:
            break
        paragraphs.append(p)
    blocks: list[tuple[str, object]] = [("p", p) for p in paragraphs]
    # the quotation and the list go after the 2nd and 3rd paragraphs (their intro ends that paragraph)
    inserts: list[tuple[int, tuple[str, object]]] = []
    if quote and topic.get("quotes") and len(paragraphs) >= 3:
        intro, text = rng.choice(topic["quotes"])
        blocks[1] = ("p", f"{paragraphs[1]} {w.fill(intro)}")
        inserts.append((2, ("quote", w.fill(text))))
    if bullets and topic.get("bullets") and len(paragraphs) >= 4:
        intro, items = rng.choice(topic["bullets"])
        blocks[2] = ("p", f"{paragraphs[2]} {w.fill(intro)}")
        inserts.append((3, ("ul", tuple(w.fill(i) for i in items))))
    for pos, block in sorted(inserts, key=lambda x: -x[0]):
        blocks.insert(pos, block)
    if headings and topic.get("headings"):
        names = rng.sample(list(topic["headings"]), min(headings, len(topic["headings"])))
        # a heading before the 2nd paragraph, and before the 4th (or later) one
        p_positions = [i for i, (kind, _) in enumerate(blocks) if kind == "p"]
        spots = [p_positions[1]] if len(p_positions) > 1 else []
        if len(names) > 1 and len(p_positions) > 4:
            spots.append(p_positions[4])
        elif len(names) > 1 and len(p_positions) > 3:
            spots.append(p_positions[3])
        for spot, name in sorted(zip(spots, names, strict=False), key=lambda x: -x[0]):
            blocks.insert(spot, ("h", name))
    return Story(title=w.fill(story["title"]), standfirst=w.fill(story.get("standfirst") or ""), blocks=blocks,
                 published=published, slots=slots, topic=topic.get("name") or topic.get("tag") or "")


def watch_topic(topic: dict) -> dict:
    """A `crawler.demo.prose.WATCH_TOPICS`-shaped topic (stories as (title, lead, extras) tuples)
    in the shape `compose` takes."""
    return {
        "name": topic["tag"],
        "stories": tuple({"title": t, "lead": lead, "standfirst": "", "extras": extras}
                         for t, lead, extras in topic["stories"]),
        "body": topic["body"], "close": topic["close"], "headings": (), "quotes": (), "bullets": (),
    }
