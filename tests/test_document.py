"""The record type: one schema, stable ids, canonical URLs; and `cleaners` stays free of Scrapy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cleaners import RECORD_FIELDS, canonical_url, clean_text, make_id, record_schema

from .conftest import assert_valid_record


@pytest.mark.parametrize(("raw", "canon"), [
    ("HTTPS://Example.ORG:443/a/b?utm_source=x&id=7#frag", "https://example.org/a/b?id=7"),
    ("http://example.org:80", "http://example.org/"),
    ("http://example.org:8080/x?fbclid=1", "http://example.org:8080/x"),
    ("http://www.kcna.kp/en/article/q/0a1b2c3d.kcmsf", "http://www.kcna.kp/en/article/q/0a1b2c3d.kcmsf"),
    ("https://rodong.rep.kp/en/index.php?MTJAMjAyNi0wMy0wNS1IMDAyQA==",
     "https://rodong.rep.kp/en/index.php?MTJAMjAyNi0wMy0wNS1IMDAyQA=="),
    ("", None),
    (None, None),
])
def test_canonical_url(raw, canon):
    assert canonical_url(raw) == canon


def test_id_is_stable_and_follows_the_canonical_url():
    a = make_id("https://example.org/a?utm_medium=x", "one text")
    b = make_id("https://EXAMPLE.org/a#x", "another text")
    assert a == b and len(a) == 16 and int(a, 16) >= 0
    assert make_id(None, "some text") == make_id(None, "some text") != make_id(None, "other text")


def test_schema_and_record_fields_agree():
    schema = record_schema()
    assert tuple(schema["required"]) == RECORD_FIELDS
    # the required fields, then the two a duplicate written for audit gets (cleaners.dedup)
    assert list(schema["properties"]) == [*RECORD_FIELDS, "dup_of", "dup_kind"]
    doc = clean_text("A first paragraph about the harbour ferry and its winter refit.\nA second paragraph.")
    assert list(doc.to_record()) == list(RECORD_FIELDS)
    assert_valid_record(doc.to_record())


def test_schema_rejects_a_broken_record():
    doc = clean_text("A paragraph about the ferry timetable for the spring season, as the harbour office gave it.")
    record = doc.to_record()
    record["text"] = "ends with a newline\n"
    with pytest.raises(AssertionError, match="text"):
        assert_valid_record(record)
    del record["id"]
    with pytest.raises(AssertionError, match="id"):
        assert_valid_record(record)


def test_cleaners_never_import_scrapy():
    code = ("import sys, cleaners, cleaners.cli, cleaners.sites; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('scrapy', 'twisted')))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
    package = Path(__file__).resolve().parent.parent / "cleaners"
    offenders = [p.name for p in package.rglob("*.py")
                 if "import scrapy" in p.read_text("utf-8") or "from scrapy" in p.read_text("utf-8")]
    assert offenders == []
