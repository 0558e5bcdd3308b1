"""Shared test helpers: where the real seed documents live, and the record validator."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from cleaners import record_schema

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEMO_SITE = ROOT / "crawler" / "demo" / "site"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"

_VALIDATOR = jsonschema.Draft202012Validator(record_schema(), format_checker=jsonschema.FormatChecker())


def assert_valid_record(record: dict) -> None:
    """Fail with every schema violation of `record` (not just the first)."""
    problems = sorted(_VALIDATOR.iter_errors(record), key=lambda e: list(e.path))
    assert not problems, "record breaks the schema:\n" + "\n".join(
        f"  {'/'.join(map(str, e.path)) or '(record)'}: {e.message}" for e in problems)


@pytest.fixture
def seeds_dir() -> Path:
    """../shared/seeds, or skip: the real seed documents are read at run time, never copied here."""
    if not (SEEDS / "expected").is_dir():
        pytest.skip(f"real seed documents not available at {SEEDS}")
    return SEEDS


@pytest.fixture(autouse=True)
def _every_record_is_validated(monkeypatch):
    """Every Document a test makes in this process is checked against the shipped JSON Schema
    (records made by the CLI in a subprocess are validated by the tests that read them)."""
    import cleaners.pipeline as pipeline

    finish = pipeline._finish

    def checked(*args, **kwargs):
        doc = finish(*args, **kwargs)
        assert_valid_record(doc.to_record())
        return doc

    monkeypatch.setattr(pipeline, "_finish", checked)


def seed_shingles(n: int = 6) -> set[tuple[str, ...]]:
    """Every run of `n` words of the real seed documents (read from ../shared at run time), to check
    that text we wrote borrows nothing from them; empty when ../shared is absent."""
    import re

    out: set[tuple[str, ...]] = set()
    for path in sorted(SEEDS.glob("**/*.txt")) if SEEDS.is_dir() else []:
        words = re.findall(r"\w+", path.read_text("utf-8", errors="replace").lower())
        out.update(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
    return out


def assert_borrows_nothing_from_the_seeds(text: str, n: int = 6) -> None:
    import re

    seeds = seed_shingles(n)
    if not seeds:
        pytest.skip(f"real seed documents not available at {SEEDS}")
    words = re.findall(r"\w+", text.lower())
    shared = {tuple(words[i:i + n]) for i in range(len(words) - n + 1)} & seeds
    assert not shared, f"{len(shared)} runs of {n} words copied from the seeds, e.g. {' '.join(sorted(shared)[0])}"
