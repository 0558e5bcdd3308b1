"""The two real seed documents (read from ../shared at run time) clean to their expected bodies."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cleaners import clean_text

from .conftest import assert_valid_record


def _pairs(seeds_dir: Path):
    pairs = [(p, seeds_dir / "expected" / p.name) for p in sorted(seeds_dir.glob("[0-9]*_*.txt"))]
    assert pairs, f"no seed files in {seeds_dir}"
    return pairs


def test_each_seed_cleans_to_its_expected_body_byte_for_byte(seeds_dir):
    for raw, expected in _pairs(seeds_dir):
        doc = clean_text(raw.read_text("utf-8"), path=str(raw))
        want = expected.read_text("utf-8")
        assert doc.text == want, f"{raw.name}: clean text differs from expected/{raw.name}"
        assert_valid_record(doc.to_record())


def test_cli_on_seeds_gives_two_records_with_kcna_watch_metadata(seeds_dir, tmp_path):
    out = tmp_path / "out.jsonl"
    files = [str(p) for p, _ in _pairs(seeds_dir)]
    run = subprocess.run([sys.executable, "-m", "cleaners.cli", "clean", *files, "-o", str(out)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == len(files) == 2
    for record in records:
        assert_valid_record(record)
        assert record["text"] == (seeds_dir / "expected" / Path(record["path"]).name).read_text("utf-8")
    watch = [r for r in records if r["site"] == "kcnawatch.org"]
    assert len(watch) == 1
    assert watch[0]["title"] == "NATO Secretary General's Trip Instigates Creation of Asian Version of NATO"
    assert watch[0]["published"] == "2023-01-30"
    assert watch[0]["source"] == "KCNA.kp (En)"
    assert not out.with_name(out.name + ".errors.jsonl").exists()
