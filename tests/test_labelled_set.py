"""Sanity checks of the labelled benchmark set itself (bench/labelled/): its size, its URLs, the format of
its expected bodies, its markers, determinism, and that every page parses and prints its expected body.

cleanwire's scores on the set are not asserted here: they belong to the benchmark (bench/labelled.py).
"""

from __future__ import annotations

import html
import importlib.util
import os
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
from selectolax.lexbor import LexborHTMLParser

from bench.labelled import MARKERS, SEED, TEMPLATES, pages
from bench.labelled import _build as build_page
from cleaners import sites

from .conftest import assert_borrows_nothing_from_the_seeds

ROOT = Path(__file__).resolve().parent.parent
PAGES = pages()
BY_TEMPLATE = {t.name: [p for p in PAGES if p.template == t.name] for t in TEMPLATES}

#: Each template's pages live on the real site's host and URL pattern.
URLS = {
    "kcnawatch": r"^https://kcnawatch\.org/newstream/\d{10}-\d+/[a-z0-9-]+/$",
    "kcna": r"^http://www\.kcna\.kp/en/article/q/[0-9a-f]{32}\.kcmsf$",
    "rodong": r"^https://rodong\.rep\.kp/en/index\.php\?[A-Za-z0-9+/]+={0,2}$",
    "xinhua": r"^https://english\.news\.cn/\d{8}/[0-9a-f]{32}/c\.html$",
    "globaltimes": r"^https://www\.globaltimes\.cn/page/\d{6}/\d{7}\.shtml$",
    "chinadaily": r"^https://www\.chinadaily\.com\.cn/a/\d{6}/\d{2}/WS[0-9a-f]{24}\.html$",
    "cgtn": r"^https://news\.cgtn\.com/news/\d{4}-\d{2}-\d{2}/[A-Za-z0-9-]+-[A-Za-z0-9]{11}/p\.html$",
    "tass": r"^https://tass\.com/[a-z-]+/\d{7}$",
    "rt": r"^https://www\.rt\.com/[a-z-]+/\d{6}-[a-z0-9-]+/$",
    "presstv": r"^https://www\.presstv\.ir/Detail/\d{4}/\d{2}/\d{2}/\d{6}/[A-Za-z0-9-]+$",
    "ohmymag": r"^https://www\.ohmymag\.co\.uk/news/[a-z0-9-]+_art\d+\.html$",
    "wordpress": r"^https://www\.thornfieldchronicle\.co\.uk/\d{4}/\d{2}/\d{2}/[a-z0-9-]+/$",
}
#: The templates whose site has a cleanwire profile (its markup is the one the profile expects).
PROFILED = {"kcnawatch": "kcnawatch", "kcna": "kcna", "rodong": "rodong", "ohmymag": "ohmymag"}

def _norm(text: str) -> str:
    return " ".join(text.split())


def test_the_set_is_big_enough():
    assert len(PAGES) >= 60
    assert len(TEMPLATES) >= 12
    assert set(URLS) == {t.name for t in TEMPLATES}
    for t in TEMPLATES:
        assert len(BY_TEMPLATE[t.name]) == t.count >= 5, t.name
    assert len({p.id for p in PAGES}) == len(PAGES)
    assert len({p.url for p in PAGES}) == len(PAGES)


def test_kcnawatch_pages_come_from_several_sources():
    labels = {re.search(r"Source: ([^|<]+?) \|", p.html)[1] for p in BY_TEMPLATE["kcnawatch"]}
    assert len(labels) >= 4, labels


@pytest.mark.parametrize("template", sorted(URLS))
def test_urls_follow_the_sites_patterns(template):
    for p in BY_TEMPLATE[template]:
        assert re.match(URLS[template], p.url), p.url
        profile = sites.for_url(p.url)
        assert (profile.name if profile else None) == PROFILED.get(template), p.url


def test_rodong_urls_carry_the_date_in_base64():
    for p in BY_TEMPLATE["rodong"]:
        assert sites.by_name("rodong").url_meta(p.url) == {"published": p.published}


def test_expected_bodies_are_in_seed_format():
    for p in PAGES:
        text = p.expected
        assert text.strip(), p.id
        assert not text.endswith("\n") and "\r" not in text, p.id
        lines = text.split("\n")
        assert len(lines) >= 3, p.id
        for line in lines:
            assert line and line == line.strip() and "  " not in line, (p.id, line)
        assert len(text.split()) >= 100, p.id
        assert "-0-" not in text and "Juche1" not in text, p.id
        assert len(set(lines)) == len(lines), f"{p.id}: a line twice"


def test_markers_never_occur_in_expected_bodies():
    for p in PAGES:
        hits = [m for m in MARKERS[p.template] if m in p.expected]
        assert not hits, (p.id, hits)


def test_every_marker_is_boilerplate_some_page_of_its_template_prints():
    for t in TEMPLATES:
        printed = " ".join(_norm(html.unescape(LexborHTMLParser(p.html).body.text(separator=" ")))
                           for p in BY_TEMPLATE[t.name])
        missing = [m for m in t.markers if m not in printed]
        assert not missing, (t.name, missing)


def test_the_set_borrows_nothing_from_the_seed_documents():
    assert_borrows_nothing_from_the_seeds(" ".join(p.expected for p in PAGES))


def test_generation_is_deterministic():
    for t in TEMPLATES:
        for i in range(t.count):
            again = build_page(t, i)
            assert again == BY_TEMPLATE[t.name][i], f"{t.name} page {i} differs between two builds"
    # each page has its own seed: the same builder with another seed gives another page
    t = TEMPLATES[0]
    assert t.build(0, random.Random(f"{SEED + 1}:{t.name}:0")).expected != BY_TEMPLATE[t.name][0].expected


def test_pages_differ():
    assert len({p.expected for p in PAGES}) == len(PAGES)
    for t in TEMPLATES:
        assert len({p.html for p in BY_TEMPLATE[t.name]}) == t.count


def test_every_page_parses_and_prints_its_expected_body():
    for p in PAGES:
        assert p.html.lstrip().startswith("<!DOCTYPE html>"), p.id
        tree = LexborHTMLParser(p.html)
        assert tree.body is not None and tree.css_first("title") is not None, p.id
        assert lxml.html.fromstring(p.html).find("body") is not None, p.id
        # every expected line is printed in the page (block boundaries and inline links aside)
        printed = _norm(html.unescape(tree.body.text(separator="")))
        for line in p.expected.split("\n"):
            line = line[2:] if line.startswith("- ") else line
            assert _norm(line) in printed, (p.id, line)
        # and the headline is not part of the expected body
        assert p.title not in p.expected, p.id


def test_block_counts_match_the_markup():
    """Sub-headings, quotations and list items of the expected body are marked up as such."""
    kinds = Counter()
    for p in PAGES:
        tree = LexborHTMLParser(p.html)
        lines = p.expected.split("\n")
        items = [x[2:] for x in lines if x.startswith("- ")]
        li = {_norm(n.text()) for n in tree.css("li")}
        assert all(_norm(x) in li for x in items), p.id
        quotes = {_norm(n.text()) for n in tree.css("blockquote")}
        kinds["items"] += len(items)
        kinds["quotes"] += sum(1 for x in lines if _norm(x) in quotes)
    assert kinds["items"] >= 10 and kinds["quotes"] >= 5, kinds


def test_runner_runs(capsys):
    spec = importlib.util.spec_from_file_location("labelled_runner", ROOT / "bench" / "labelled.py")
    runner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner)
    assert runner.main(["--only", "cleanwire", "--template", "rodong", "--worst", "1"]) == 0
    out = capsys.readouterr().out
    assert "cleanwire labelled set: 6 pages, 1 template," in out and "rodong" in out


def test_generation_does_not_depend_on_the_hash_seed():
    code = ("import hashlib, sys; sys.path.insert(0, '.'); from bench.labelled import pages; "
            "print(hashlib.sha256(''.join(p.url + p.html + p.expected for p in pages()).encode()).hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed},
                              capture_output=True, text=True, check=True).stdout for seed in ("1", "2")}
    assert len(digests) == 1
