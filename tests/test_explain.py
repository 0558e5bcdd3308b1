"""`cleanwire explain FILE`: the clean text, then every removed piece with the name of the rule
that removed it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleaners.cli import main

from ._support import P1, P2, P3, P4, PARAS, TITLE, page

CLEANWIRE = Path(sys.executable).parent / ("cleanwire.exe" if os.name == "nt" else "cleanwire")

JUNK_PAGE = page(
    before='<div><p>Share this article</p><a href="#f">Facebook</a> <a href="#x">X</a></div>'
           '<div><p>Discover our latest podcast</p><a href="/podcast">Listen now</a></div>',
    after='<div><p>Sign up to our daily newsletter</p><a href="/nl">Subscribe</a></div>',
    outside_before='<nav><a href="/news">News desk</a> <a href="/sport">Sport desk</a></nav>'
                   '<div class="cookie-banner"><p>We use cookies to count our readers.</p><button>OK</button></div>',
    outside_after='<section><h2>More From Vellmar Gazette</h2><a href="/1">Library roof repaired early</a>'
                  '<a href="/2">Coast road reopens</a></section>'
                  '<footer><p>© 2026 Vellmar Gazette. All rights reserved.</p></footer>',
)

#: (rule, a piece of what it removed from JUNK_PAGE)
EXPECTED_REMOVALS = [
    ("dom.navigation", "News desk"),
    ("dom.cookie", "We use cookies to count our readers."),
    ("dom.share", "Share this article"),
    ("dom.promo", "Discover our latest podcast"),
    ("dom.newsletter", "Sign up to our daily newsletter"),
    ("dom.more_from", "More From Vellmar Gazette"),
    ("text.title_repeat", TITLE),
]

JUNK_TEXT = "\n".join([
    "Share this article", P1, "Listen to our latest podcast", P2, "Read more:", "⋙ Council approves sea wall budget",
    P3, "February 25, 2026Feb 25, 2026", P4, "Tags: harbour, ferries", "© 2026 Vellmar Gazette",
])

EXPECTED_TEXT_REMOVALS = [
    ("text.share", "Share this article"),
    ("text.promo", "Listen to our latest podcast"),
    ("text.read_more", "Read more:"),
    ("text.read_more", "⋙ Council approves sea wall budget"),
    ("text.doubled", "Feb 25, 2026"),
    ("text.page_meta", "February 25, 2026"),
    ("text.tags", "Tags: harbour, ferries"),
    ("text.copyright", "© 2026 Vellmar Gazette"),
]


def _explain(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["explain", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _sections(out: str) -> tuple[str, str, list[str]]:
    """Split the output into the metadata head, the clean text and the removal lines."""
    head, rest = out.split("── clean text ──\n", 1)
    text, removals = rest.split("── removed: ", 1)
    text = text.split("── content finder ──\n", 1)[0]
    return head, text.rstrip("\n"), removals.split("\n", 1)[1].splitlines()


def _finder(out: str) -> list[str]:
    """The lines of the content finder's section (empty when there is none)."""
    if "── content finder ──\n" not in out:
        return []
    return out.split("── content finder ──\n", 1)[1].split("── removed: ", 1)[0].rstrip("\n").splitlines()


@pytest.fixture
def html_file(tmp_path) -> Path:
    path = tmp_path / "pier.html"
    path.write_text(JUNK_PAGE, encoding="utf-8")
    return path


@pytest.fixture
def text_file(tmp_path) -> Path:
    path = tmp_path / "pier.txt"
    path.write_text(JUNK_TEXT, encoding="utf-8")
    return path


def test_explain_names_the_rule_of_every_removed_piece(capsys, html_file):
    code, out, err = _explain(capsys, str(html_file))
    assert code == 0
    head, text, removals = _sections(out)
    assert text.split("\n") == list(PARAS)
    for rule, piece in EXPECTED_REMOVALS:
        assert any(line.startswith(f"[{rule}] ") and piece in line for line in removals), \
            f"no [{rule}] line with {piece!r} in:\n" + "\n".join(removals)


def test_explain_counts_the_removed_pieces(capsys, html_file):
    code, out, err = _explain(capsys, str(html_file))
    head, text, removals = _sections(out)
    count = int(out.split("── removed: ", 1)[1].split(" ", 1)[0])
    assert count == len(removals) >= len(EXPECTED_REMOVALS)
    assert all(line.startswith("[") and "] " in line for line in removals)


def test_explain_shows_the_metadata_head(capsys, html_file):
    code, out, err = _explain(capsys, str(html_file), "--url", "https://gazette.example/news/pier?utm_source=x")
    head, text, removals = _sections(out)
    assert f"title: {TITLE}" in head
    assert "url: https://gazette.example/news/pier\n" in head
    assert "language: en" in head
    assert f"path: {html_file}" in head


def test_explain_text_file_names_the_text_rules(capsys, text_file):
    code, out, err = _explain(capsys, str(text_file))
    assert code == 0
    head, text, removals = _sections(out)
    assert text.split("\n") == [P1, P2, P3, P4]
    for rule, piece in EXPECTED_TEXT_REMOVALS:
        assert f"[{rule}] {piece}" in removals, f"missing [{rule}] {piece}"
    assert len(removals) == len(EXPECTED_TEXT_REMOVALS)


def test_explain_cuts_long_pieces_to_width(capsys, tmp_path):
    long_promo = "Listen to our latest podcast about the harbour, the ferries and the people of the quay"
    path = tmp_path / "promo.txt"
    path.write_text("\n".join([P1, long_promo, P2]), encoding="utf-8")
    code, out, err = _explain(capsys, str(path), "--width", "30")
    removals = _sections(out)[2]
    assert removals == ["[text.promo] " + long_promo[:29] + "…"]
    code, out, err = _explain(capsys, str(path), "--width", "0")
    assert _sections(out)[2] == ["[text.promo] " + long_promo]


def test_explain_a_clean_page_removes_nothing_from_the_story(capsys, tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text("\n".join(PARAS), encoding="utf-8")
    code, out, err = _explain(capsys, str(path))
    head, text, removals = _sections(out)
    assert "── removed: 0 pieces ──" in out
    assert removals == []
    assert text.split("\n") == list(PARAS)


def test_explain_names_site_rules(capsys, tmp_path):
    path = tmp_path / "kcnawatch.txt"
    path.write_text("\n".join([
        "Date: 03/02/2026 | Source: KCNA.kp (En) | Read original version at source",
        P1, P2, f"{P3} -0-", "www.kcna.kp (Juche115.2.3.)",
    ]), encoding="utf-8")
    code, out, err = _explain(capsys, str(path))
    head, text, removals = _sections(out)
    assert text.split("\n") == [P1, P2, P3]
    assert "[site.header] Date: 03/02/2026 | Source: KCNA.kp (En) | Read original version at source" in removals
    assert "[site.end_marker] -0-" in removals
    assert "[site.end_marker] www.kcna.kp (Juche115.2.3.)" in removals
    assert "site: kcnawatch.org" in head


def test_explain_missing_file_is_a_usage_error(capsys, tmp_path):
    code, out, err = _explain(capsys, str(tmp_path / "nope.html"))
    assert code == 2
    assert "no such file" in err
    assert out == ""


def test_explain_empty_file_reports_the_reason(capsys, tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("   \n", encoding="utf-8")
    code, out, err = _explain(capsys, str(path))
    assert code == 3
    assert "empty" in err


def test_explain_junk_only_page_reports_no_text(capsys, tmp_path):
    path = tmp_path / "junk.txt"
    path.write_text("Share this article\nAdvertisement\n© 2026 Vellmar Gazette\n", encoding="utf-8")
    code, out, err = _explain(capsys, str(path))
    assert code == 3
    assert "no_text" in err


@pytest.mark.skipif(not CLEANWIRE.exists(), reason="the cleanwire script is not installed next to this Python")
def test_cleanwire_explain_command(html_file):
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run([str(CLEANWIRE), "explain", str(html_file)], capture_output=True, text=True,
                          env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "\033[" not in proc.stdout  # no colour when not on a terminal
    head, text, removals = _sections(proc.stdout)
    assert text.split("\n") == list(PARAS)
    for rule, piece in EXPECTED_REMOVALS:
        assert any(line.startswith(f"[{rule}] ") and piece in line for line in removals), rule


@pytest.mark.skipif(not CLEANWIRE.exists(), reason="the cleanwire script is not installed next to this Python")
def test_cleanwire_explain_help_mentions_rules():
    proc = subprocess.run([str(CLEANWIRE), "explain", "--help"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0
    assert "rule" in proc.stdout
    assert "--width" in proc.stdout


#: a story whose paragraphs each sit three boxes deep, beside a box of readers' letters (long,
#: link-poor text the finder leaves outside the body)
LETTER = ("I have walked along that pier every morning for forty years, and I will miss it while the work goes "
          "on, but the crews deserve a safe place to land their catch and the town should have acted sooner.")
FINDER_PAGE = page(
    body="<div class='story-body'>" + "".join(
        f"<div data-component='text-block'><div class='tb'><div class='tb-in'><p>{p}</p></div></div></div>"
        for p in PARAS) + "</div>",
    outside_after=f"<div class='letters'><h2>Letters</h2><p>{LETTER}</p></div>",
)


def test_explain_shows_the_content_finders_decision(tmp_path):
    """`cleanwire explain` (as a command) prints the chosen box as a CSS path with its score, the
    runner-up, and how much of the page's paragraph text was left outside the body, before the
    removals; the clean text is the whole story."""
    path = tmp_path / "nested.html"
    path.write_text(FINDER_PAGE, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.run([sys.executable, "-m", "cleaners.cli", "explain", str(path)], capture_output=True,
                          text=True, env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    head, text, removals = _sections(proc.stdout)
    assert text.split("\n") == list(PARAS)
    assert proc.stdout.index("── content finder ──") < proc.stdout.index("── removed: ")
    finder = _finder(proc.stdout)
    assert finder[0].startswith("body: main > article > div.story-body  (score ")
    assert any(line.startswith("runner-up: div.letters  (score ") for line in finder), finder
    outside = next(line for line in finder if line.startswith("outside the body: "))
    share = round(100 * len(LETTER) / (len(LETTER) + sum(map(len, PARAS))))
    assert outside == (f"outside the body: {share}% of the page's paragraph text ({len(LETTER)} of "
                       f"{len(LETTER) + sum(map(len, PARAS))} characters)")


def test_explain_shows_the_finders_decision_when_the_page_is_refused(tmp_path):
    """A page refused for too little text still says what the finder chose, so the user can see
    where the text went."""
    path = tmp_path / "stub.html"
    path.write_text("<html><body><div class='box'><p>Short note about the pier and the harbour works.</p>"
                    "</div></body></html>", encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.run([sys.executable, "-m", "cleaners.cli", "explain", str(path)], capture_output=True,
                          text=True, env=env, check=False)
    assert proc.returncode == 3
    assert "no_text" in proc.stderr
    assert "cleanwire explain: finder: body: div.box  (score " in proc.stderr
