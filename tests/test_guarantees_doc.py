"""Every test the README's Guarantees section names exists, so a guarantee never points at a test
that was renamed or removed."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _named_tests() -> list[tuple[str, str]]:
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("\n## Guarantees\n", 1)[1].split("\n## ", 1)[0]
    named, current = [], None
    for file, test in re.findall(r"`(test_\w+\.py)?(?:::(test_\w+))?`", section):
        current = file or current
        if test:
            named.append((current, test))
    return named


def test_every_test_the_guarantees_name_exists():
    named = _named_tests()
    assert len(named) >= 40
    missing = []
    for file, test in named:
        found = list((ROOT / "tests").rglob(file))
        assert found, f"no test file {file}"
        if not any(re.search(rf"^(async )?def {test}\(", f.read_text("utf-8"), re.M) for f in found):
            missing.append(f"{file}::{test}")
    assert missing == []
