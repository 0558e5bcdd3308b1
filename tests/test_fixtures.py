"""Fixture tests: the bundled demo pages and seed-format texts against hand-written expected bodies.

Each page in `crawler/demo/site/` has its clean body written by hand in `tests/fixtures/expected/<stem>.txt`
(seed format: one paragraph a line, no trailing newline), and each seed-format text in
`tests/fixtures/text/` has its own in `tests/fixtures/text/expected/`. The expected files say what a
reader calls the article; they are not copies of the cleaner's output.
"""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from cleaners import clean_html, clean_text, record_schema

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "crawler" / "demo" / "site"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXPECTED = FIXTURES / "expected"
TEXTS = FIXTURES / "text"
TEXT_EXPECTED = TEXTS / "expected"

KCNAWATCH_KCNA_URL = ("https://kcnawatch.org/newstream/1770094020-512837401/"
                      "large-tideland-reclamation-area-completed-in-north-phyongan-province/")
KCNAWATCH_RODONG_URL = ("https://kcnawatch.org/newstream/1772605260-77310452/"
                        "greenhouse-farms-gear-up-for-early-spring-harvest/")
RODONG_URL = "https://rodong.rep.kp/en/index.php?MTJAMjAyNi0wMy0wNS1IMDAyQA=="  # 12@2026-03-05-H002@

#: Metadata each demo page must give (cleaned without a URL argument: the page's canonical link is used).
PAGE_META: dict[str, dict] = {
    "kcnawatch-kcna": {
        "url": KCNAWATCH_KCNA_URL,
        "site": "kcnawatch.org",
        "title": "Large Tideland Reclamation Area Completed in North Phyongan Province",
        "published": "2026-02-03",
        "source": "KCNA.kp (En)",
        "original_url": "http://www.kcna.kp/en/article/q/3f9d2c7a1b0e4d8c9a6f5e2b7c1d0a94.kcmsf",
        "language": "en",
    },
    "kcnawatch-rodong": {
        "url": KCNAWATCH_RODONG_URL,
        "site": "kcnawatch.org",
        "title": "Greenhouse Farms Gear Up for Early Spring Harvest",
        "published": "2026-03-04",  # the meta line's date, not the page header's "March 5, 2026"
        "source": "Rodong Sinmun",
        "original_url": "http://www.rodong.rep.kp/en/index.php?MTJAMjAyNi0wMy0wNC1IMDA1QA==",
    },
    "kcna-kp": {
        "url": "https://www.kcna.kp/en/article/q/7c41e09b25d86fa3c0b9e1d427a5f638.kcmsf",
        "site": "kcna.kp",
        "title": "New Products Shown at Exhibition of Textile Goods",
        "published": "2026-02-10",
        "source": "KCNA",
        "original_url": None,
    },
    "rodong": {
        "url": RODONG_URL,  # the base64 query is the article's id: it must survive canonicalisation
        "site": "rodong.rep.kp",
        "title": "Factories Raise Output of Farm Machine Parts for Spring Sowing",
        "published": "2026-03-05",
        "source": "Rodong Sinmun",
    },
    "ohmymag": {
        "url": "https://www.ohmymag.co.uk/news/doctors-reveal-the-one-evening-habit-that-could-change-your-health"
               "_art41872.html",
        "site": "ohmymag.co.uk",
        "title": "A short walk after dinner could do more for your blood sugar than you think, study finds",
        "published": "2026-03-18",
        "source": "Ohmymag",
        "authors": ["Hannah Whitcombe"],
        "sources": [
            "Journal of Everyday Physiology: 'Post-dinner walking and glucose response in adults at risk of "
            "type 2 diabetes'",
            "The Northern Ledger: 'Ten-minute stroll after tea could cut sugar spikes, doctors say'",
        ],
    },
    "generic": {
        "url": "https://www.eastmarchgazette.co.uk/2026/03/12/harbour-footbridge-to-reopen-next-month/",
        "site": "eastmarchgazette.co.uk",
        "title": "Harbour footbridge to reopen next month after £4.2m repair",
        "published": "2026-03-12",
        "source": "East March Gazette",
        "authors": ["Joanna Pell"],
        "sources": [],
        "original_url": None,
    },
}

#: Metadata each seed-format text must give (cleaned without a URL: the profile comes from the text).
TEXT_META: dict[str, dict] = {
    "kcnawatch-rodong-text": {
        "site": "kcnawatch.org",
        "title": "Tree Nurseries Ready Millions of Saplings for Spring Planting",
        "published": "2026-03-11",  # the meta line's date, not the header's "March 12, 2026"
        "source": "Rodong Sinmun",
        "sources": [],
    },
    "magazine-text": {
        "sources": [
            "Retail Trade Weekly: 'Harlow & Finch to take plastic out of its produce aisles'",
            "Harlow & Finch: 'Our next step on packaging: results of the loose produce trial'",
        ],
    },
}

PAGES = sorted(PAGE_META)
TEXT_FIXTURES = sorted(TEXT_META)


def _page(stem: str):
    return clean_html((SITE / f"{stem}.html").read_bytes())


def _text(stem: str):
    return clean_text((TEXTS / f"{stem}.txt").read_bytes().decode("utf-8"))


def _validator():
    schema = record_schema()
    cls = jsonschema.validators.validator_for(schema)
    assert cls is jsonschema.Draft202012Validator  # what the schema's $schema says
    cls.check_schema(schema)
    return cls(schema, format_checker=jsonschema.FormatChecker())


# ---------------------------------------------------------------- the fixture files themselves

def test_every_page_has_an_expected_body():
    pages = sorted(p.stem for p in SITE.glob("*.html"))
    assert pages == PAGES
    assert sorted(p.stem for p in EXPECTED.glob("*.txt")) == PAGES
    assert sorted(p.stem for p in TEXTS.glob("*.txt")) == TEXT_FIXTURES
    assert sorted(p.stem for p in TEXT_EXPECTED.glob("*.txt")) == TEXT_FIXTURES


@pytest.mark.parametrize("path", sorted(EXPECTED.glob("*.txt")) + sorted(TEXT_EXPECTED.glob("*.txt")),
                         ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}/{p.name}")
def test_expected_files_are_seed_format(path: Path):
    data = path.read_bytes()
    text = data.decode("utf-8")  # UTF-8
    assert not data.startswith(b"\xef\xbb\xbf")
    assert text == text.strip() and not text.endswith("\n")
    lines = text.split("\n")
    assert all(line and line == line.strip() for line in lines), "blank or padded line"
    assert "\r" not in text


# ---------------------------------------------------------------- demo pages

@pytest.mark.parametrize("stem", PAGES)
def test_page_text(stem: str):
    doc = _page(stem)
    expected = (EXPECTED / f"{stem}.txt").read_bytes()
    assert doc.text.split("\n") == expected.decode("utf-8").split("\n")  # line by line, for a readable diff
    assert doc.text.encode("utf-8") == expected  # and byte for byte


@pytest.mark.parametrize(("stem", "field", "value"),
                         [(stem, field, value) for stem in PAGES for field, value in PAGE_META[stem].items()],
                         ids=lambda v: v if isinstance(v, str) and len(v) < 30 else None)
def test_page_metadata(stem: str, field: str, value):
    doc = _page(stem)
    assert getattr(doc, field) == value


def test_rodong_published_comes_from_url():
    """The page's own date line (`2026.3.5. Thursday`) is not a date; the URL's base64 query is."""
    page = (SITE / "rodong.html").read_bytes()
    other_day = "https://rodong.rep.kp/en/index.php?MTJAMjAyNi0wMy0wNC1IMDA1QA=="  # 12@2026-03-04-H005@
    assert clean_html(page, url=other_day).published == "2026-03-04"
    assert clean_html(page, url=RODONG_URL).published == "2026-03-05"


def test_kcnawatch_header_date_is_not_the_publication_date():
    """The page header's date (printed twice, long and short) must never reach the body."""
    for stem, shown in (("kcnawatch-kcna", "Feb 3, 2026"), ("kcnawatch-rodong", "March 5, 2026")):
        doc = _page(stem)
        assert shown not in doc.text
        assert "Read original version at source" not in doc.text


@pytest.mark.parametrize("stem", PAGES)
def test_page_record_validates(stem: str):
    record = _page(stem).to_record()
    _validator().validate(record)


# ---------------------------------------------------------------- seed-format texts

@pytest.mark.parametrize("stem", TEXT_FIXTURES)
def test_text_fixture_text(stem: str):
    doc = _text(stem)
    expected = (TEXT_EXPECTED / f"{stem}.txt").read_bytes()
    assert doc.text.split("\n") == expected.decode("utf-8").split("\n")
    assert doc.text.encode("utf-8") == expected


@pytest.mark.parametrize(("stem", "field", "value"),
                         [(stem, field, value) for stem in TEXT_FIXTURES for field, value in TEXT_META[stem].items()],
                         ids=lambda v: v if isinstance(v, str) and len(v) < 30 else None)
def test_text_fixture_metadata(stem: str, field: str, value):
    doc = _text(stem)
    assert getattr(doc, field) == value


@pytest.mark.parametrize("stem", TEXT_FIXTURES)
def test_text_fixture_record_validates(stem: str):
    record = _text(stem).to_record()
    _validator().validate(record)
