"""`cleanwire clean`: one record or one error record per input, atomic output, exit codes cron can trust."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import assert_valid_record

ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour ferry returns after winter refit | Coastline Daily</title>
<link rel="canonical" href="https://coastline.example/news/ferry-returns?utm_source=feed"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour ferry returns after winter refit</h1>
<p>The small blue ferry that links the two halves of the harbour went back into service on Monday after
four months in dry dock, where its hull was scraped, repainted and fitted with a quieter electric motor.</p>
<p>Regular passengers, many of whom had spent the winter taking the long road round by the bridge, queued
on the slipway before seven in the morning to be among the first aboard the refitted boat.</p>
<p>The operator said the crossing would keep its old timetable until the spring, when a second evening
sailing will be added for people working late shifts at the fish market on the far quay.</p>
<p>Share this article</p></article>
<footer><p>© 2026 Coastline Daily. All rights reserved.</p></footer></body></html>"""


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cleaners.cli", *args], capture_output=True, text=True,
                          cwd=cwd, check=False)


def test_every_input_gives_one_record_or_one_error_record(tmp_path):
    good = tmp_path / "ferry.html"
    good.write_text(ARTICLE, "utf-8")
    (tmp_path / "empty.html").write_bytes(b"   \n")
    (tmp_path / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners met on Tuesday".encode("latin-1"))
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "chrome-only.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", "utf-8")
    inputs = sorted(str(p) for p in tmp_path.iterdir())
    out = tmp_path / "out" / "records.jsonl"

    run = run_cli("clean", *inputs, "-o", str(out))

    assert run.returncode == 3, run.stderr  # some inputs gave error records
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    errors = [json.loads(line) for line in Path(f"{out}.errors.jsonl").read_text("utf-8").splitlines()]
    assert len(records) + len(errors) == len(inputs)
    assert [r["path"] for r in records] == [str(good)]
    assert records[0]["url"] == "https://coastline.example/news/ferry-returns"  # canonical, tracking gone
    assert records[0]["text"].startswith("The small blue ferry")
    assert "Share this article" not in records[0]["text"] and "©" not in records[0]["text"]
    assert_valid_record(records[0])
    kinds = {Path(e["path"]).name: e["error"] for e in errors}
    # latin1.txt: read as windows-1252 as a page would be, but five words are no article
    assert kinds == {"empty.html": "empty", "binary.html": "binary", "latin1.txt": "no_text",
                     "notes.pdf": "unsupported", "chrome-only.html": "no_text"}
    assert all(e["message"] for e in errors)
    assert "6 documents in, 1 records out, 5 errors" in run.stderr


def test_all_good_exits_zero_and_writes_no_errors_file(tmp_path):
    page = tmp_path / "ferry.html"
    page.write_text(ARTICLE, "utf-8")
    out = tmp_path / "records.jsonl"
    run = run_cli("clean", str(page), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert len(out.read_text("utf-8").splitlines()) == 1
    assert not Path(f"{out}.errors.jsonl").exists()


def test_output_is_replaced_atomically_and_no_temporary_file_is_left(tmp_path):
    page = tmp_path / "ferry.html"
    page.write_text(ARTICLE, "utf-8")
    out = tmp_path / "records.jsonl"
    out.write_text("stale line from an earlier run\n", "utf-8")
    run = run_cli("clean", str(page), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert "stale" not in out.read_text("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ferry.html", "records.jsonl"]
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # an ordinary file, not mkstemp's 0600


def test_records_go_to_stdout_by_default(tmp_path):
    page = tmp_path / "ferry.html"
    page.write_text(ARTICLE, "utf-8")
    run = run_cli("clean", str(page), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    (line,) = run.stdout.splitlines()
    assert json.loads(line)["title"] == "Harbour ferry returns after winter refit"


def test_url_option_sets_url_and_id(tmp_path):
    page = tmp_path / "ferry.html"
    page.write_text(ARTICLE, "utf-8")
    run = run_cli("clean", str(page), "--url", "https://other.example/a/1#top")
    record = json.loads(run.stdout)
    assert record["url"] == "https://other.example/a/1"
    assert record["site"] == "other.example"


def test_usage_errors_exit_two_with_a_reason(tmp_path):
    missing = run_cli("clean", str(tmp_path / "nope.html"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    no_command = run_cli()
    assert no_command.returncode == 2 and "clean" in no_command.stderr
    two_with_url = run_cli("clean", __file__, __file__, "--url", "https://x.example/")
    assert two_with_url.returncode == 2 and "exactly one FILE" in two_with_url.stderr


def test_help_teaches_with_examples_and_exit_codes():
    top = run_cli("--help")
    assert top.returncode == 0 and "cleanwire clean" in top.stdout and "explain" in top.stdout
    sub = run_cli("clean", "--help")
    assert "Exit status" in sub.stdout and "--errors" in sub.stdout


def test_rules_lists_every_rule_in_order_with_what_it_removes():
    from cleaners.pipeline import all_rules

    run = run_cli("rules")
    assert run.returncode == 0
    names = [line.split()[0] for line in run.stdout.splitlines() if line[:1].isalpha() and "." in line.split()[0]]
    assert names == [rule.name for rule in all_rules()]
    assert all(rule.doc for rule in all_rules())
    assert "kcnawatch.org" in run.stdout
