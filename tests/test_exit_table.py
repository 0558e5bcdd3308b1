"""The README's table of exit statuses is the one the commands use (cleaners.exits)."""

from __future__ import annotations

import re
from pathlib import Path

from cleaners.exits import TABLE, Exit, epilog

README = Path(__file__).resolve().parent.parent / "README.md"


def _readme_rows() -> list[tuple[int, str]]:
    text = README.read_text("utf-8")
    section = text.split("## Exit statuses", 1)[1].split("\n## ", 1)[0]
    return [(int(m[1]), m[2].strip()) for m in re.finditer(r"^\| (\d+) \| (.+?) \|$", section, re.M)]


def test_readme_lists_every_exit_status_as_the_code_defines_it():
    assert _readme_rows() == [(int(code), text) for code, text in TABLE]


def test_every_status_is_in_the_table_once_and_none_is_one():
    codes = [int(code) for code, _ in TABLE]
    assert sorted(codes) == sorted(int(e) for e in Exit)
    assert 1 not in codes  # left to uncaught exceptions
    assert all(str(int(e)) in epilog() for e in Exit)
