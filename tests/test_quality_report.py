"""The quality report (bench/quality.py): its snippet comparison, its skips and its output shape.
Scores on the benchmark sets are not asserted: they belong to the report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench import quality

ROOT = Path(__file__).resolve().parent.parent


def test_snippets_compare_without_soft_hyphens_and_extra_space():
    case = {"with": ["the harbour  wall was\nrebuilt", "a missing sentence"],
            "without": ["Share this story", "Sign up today"]}
    text = "In spring the har\u00adbour wall was rebuilt.\nShare  this story"
    checks = quality.snippet_checks(case, text)
    assert checks["with"] == [True, False] and checks["without"] == [False, True]
    assert checks["miss"] == ["a missing sentence"] and checks["kept"] == ["Share this story"]


def test_rates_count_snippets_not_pages():
    items = [{"id": "a", "case_url": "hard::a", "with": ["one", "two", "three"], "without": ["junk"]},
             {"id": "b", "case_url": "hard::b", "with": ["four"], "without": ["more junk", "ads"]}]
    result, per_page = quality.score_snippets(items, ["one two", "four ads"])
    assert result["with"] == 3 / 4 and result["without"] == 2 / 3 and result["overall"] == 5 / 7
    assert [row["failed"] for row in per_page] == [1, 1]


def test_targets_are_read_as_the_tables_print_the_figures():
    report = {"results": {"cleanwire": {"f1": 0.98291}}, "flagged": [{"id": "x"}]}
    rows = {row["figure"]: row["passed"] for row in quality.targets("scrapinghub", report)}
    assert rows == {"f1": True, "flagged pages": False}
    report["results"]["cleanwire"]["f1"] = 0.9824
    assert not quality.targets("scrapinghub", report)[0]["passed"]
    report = {"results": {"cleanwire": {"with": 0.95, "without": 0.9275, "overall": 0.93996}}}
    rows = {row["figure"]: row["passed"] for row in quality.targets("trafilatura-eval", report)}
    assert rows == {"with": True, "without": False, "overall": True}


def test_absent_sets_are_skipped_and_the_labelled_set_is_reported(tmp_path):
    out = tmp_path / "q.json"
    run = subprocess.run([sys.executable, "bench/quality.py", "--data", str(tmp_path / "nowhere"), "--only",
                          "cleanwire", "--limit", "4", "--jobs", "2", "--json", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "scrapinghub: skipped: data not found at" in run.stdout
    assert "trafilatura-eval: skipped: data not found at" in run.stdout
    assert "== labelled: 4 pages ==" in run.stdout and "labelled          f1" in run.stdout
    report = json.loads(out.read_text("utf-8"))
    assert set(report["sets"]) == {"labelled"} and report["extractors"] == ["cleanwire"]
    rows = report["sets"]["labelled"]["results"]["cleanwire"]["per_page"]
    assert len(rows) == 4 and all({"f1", "precision", "recall", "markers", "refused"} <= set(row) for row in rows)
