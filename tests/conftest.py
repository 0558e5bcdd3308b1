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
