"""Crawls against a server that misbehaves on purpose (tests/reliability/faultserver.py): real
Scrapy in a subprocess, real sockets on 127.0.0.1. The crawl must finish, name every fault in its
summary and stats, write every article a retry could reach (with its exact text), and exit with
the status cron can act on (0 complete, 3 pages lost to faults, 1 nothing fetched)."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from crawler.demo import sitegen
from crawler.middlewares import retry_after_seconds

from ..conftest import ROOT, assert_valid_record
from ..test_crawl import summary_line as summary
from .faultserver import FaultPlan, serve_faults

EXPECTED = {e["url_path"]: e for e in sitegen.expected_articles("watch")}
ARTICLES = sorted(EXPECTED)
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "CLEANWIRE_CLEAN_WORKERS=2",
        "-s", "LOG_LEVEL=INFO", "-s", "DOWNLOAD_TIMEOUT=2", "-s", "CLEANWIRE_RETRY_BACKOFF=0.1"]


def watch_pages(base: str) -> dict:
    return sitegen.pages("watch", base)


def crawl(base: str, tmp: Path, *extra: str, name: str = "out") -> tuple[subprocess.CompletedProcess, list[dict]]:
    target = tmp / f"{name}.jsonl"
    cmd = [sys.executable, "-m", "scrapy.cmdline", "crawl", "kcnawatch", "-a", f"base_url={base}", "-O", str(target),
           "-s", f"CLEANWIRE_STATE={tmp / name}.sqlite", *FAST, *extra]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=240, check=False)
    records = [json.loads(line) for line in target.read_text("utf-8").splitlines()] if target.exists() else []
    return done, records


def named(line: str) -> dict[str, int]:
    """The `errors: kind n, kind n` part of a summary line."""
    if "; errors: " not in line:
        return {}
    part = line.split("; errors: ", 1)[1].split(";", 1)[0].split(" - ", 1)[0]
    return {kind: int(n) for kind, n in (item.rsplit(" ", 1) for item in part.split(", "))}


def written(records: list[dict], base: str) -> list[str]:
    return [r["url"][len(base) - 1:] for r in records]


def assert_exact(records: list[dict], base: str) -> None:
    for record in records:
        assert_valid_record(record)
        assert record["text"] == EXPECTED[record["url"][len(base) - 1:]]["text"]


def assert_only_lost(done, records: list[dict], base: str, lost: dict[str, str], tmp: Path) -> str:
    """The crawl wrote every article but the `lost` ones (path -> fault), once each and with its exact
    text; its summary names exactly those faults; it exits 3; and each lost page has one error record
    beside the output (every page gives a record or an error record). Returns the summary line."""
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    got = written(records, base)
    assert len(got) == len(set(got))
    assert sorted(got) == sorted(set(ARTICLES) - set(lost)), "every article a retry could reach, nothing else"
    assert_exact(records, base)
    line = summary(done.stderr)
    assert named(line) == dict(Counter(lost.values())), line
    assert done.returncode == 3 and "PARTIAL" in line, line
    errors = [json.loads(x) for x in (tmp / "out.jsonl.errors.jsonl").read_text("utf-8").splitlines()]
    assert {e["url"][len(base) - 1:]: e["error"] for e in errors} == lost
    assert all(e["message"] and set(e) == {"path", "url", "error", "message"} for e in errors)
    return line


def test_each_fault_is_named_and_every_article_a_retry_reaches_is_written(tmp_path):
    transient = {"reset": 1, "stall": 1, "503": 2, "429": 1, "truncated": 1, "drip": 1, "wrong_type": 1,
                 "text_plain": 1, "bad_charset": 1, "500": 2}
    permanent = {"reset": "connection_reset", "truncated": "truncated", "500": "http_500",
                 "gzip_bomb": "decompression_bomb", "deflate_bomb": "decompression_bomb",
                 "br_bomb": "decompression_bomb", "huge": "too_large", "huge_chunked": "too_large",
                 "redirect_loop": "redirect_loop"}
    faults, lost = {}, {}
    paths = iter(ARTICLES)
    for kind, times in transient.items():
        faults[next(paths)] = [kind] * times
    for kind, name in permanent.items():
        path = next(paths)
        faults[path] = [kind] * 10
        lost[path] = name
    plan = FaultPlan(faults=faults, retry_after=1, drip_seconds=1.0, bomb_bytes=48 * 1024 * 1024)
    with serve_faults(watch_pages, plan) as server:
        base = server.base_url
        done, records = crawl(base, tmp_path)
    line = assert_only_lost(done, records, base, lost, tmp_path)
    assert "Retry-After honoured 1x" in line and "retries (" in line
    assert "wrong Content-Type, read as HTML: 1" in line, line  # text/plain; octet-stream: Scrapy sniffs it
    assert "unknown charset, decoded from the bytes: 1" in line, line
    # the permanent faults were retried (network and 5xx) or refused at once (size, bombs, loops)
    assert server.served[next(p for p, k in lost.items() if k == "http_500")] == 4  # 1 + RETRY_TIMES
    assert server.served[next(p for p, k in lost.items() if k == "too_large")] == 1
    # one line per failed fetch, naming the fault; no traceback, no 'Gave up retrying' duplicate
    failed_lines = [x for x in done.stderr.splitlines() if "fetch failed:" in x]
    assert len(failed_lines) == len(lost)
    assert "Gave up retrying" not in done.stderr
    assert f"error records in {tmp_path / 'out.jsonl.errors.jsonl'}" in line


def test_retry_after_pauses_the_whole_host(tmp_path):
    target = ARTICLES[3]
    plan = FaultPlan(faults={target: ["429"]}, retry_after=2)
    with serve_faults(watch_pages, plan) as server:
        base = server.base_url
        done, records = crawl(base, tmp_path)
        hits = list(server.hits)
    assert done.returncode == 0, done.stderr[-3000:]
    assert sorted(written(records, base)) == ARTICLES
    when_429 = next(t for t, p, f in hits if f == "429")
    again = next(t for t, p, f in hits if p == target and f is None)
    assert again - when_429 >= 1.9, "the retry waited for Retry-After"
    # no other request to the host started during the pause (in-flight ones land within a moment)
    during = [p for t, p, _f in hits if when_429 + 0.5 < t < when_429 + 1.9]
    assert during == [], during
    assert "Retry-After honoured 1x" in summary(done.stderr)


def test_retry_after_header_forms():
    assert retry_after_seconds(b"7") == 7.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == pytest.approx(10.0)
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412490.0) == 0.0
    assert retry_after_seconds(b"soon") is None and retry_after_seconds(None) is None


def test_a_burst_of_503s_is_waited_out(tmp_path):
    with serve_faults(watch_pages, FaultPlan(burst_503=(4, 10))) as server:
        base = server.base_url
        done, records = crawl(base, tmp_path)
        burst = [p for _t, p, f in server.hits if f == "503"]
    assert len(burst) == 10
    assert done.returncode == 0, summary(done.stderr)
    assert sorted(written(records, base)) == ARTICLES
    assert_exact(records, base)
    line = summary(done.stderr)
    assert "503 Service Unavailable" in line and named(line) == {}


def test_a_gzipped_sitemap_that_is_a_bomb_is_cut_off_and_named(tmp_path):
    """robots.txt names /sitemap.xml; it comes as a gzip file inflating to 48 MB (past the 10 MB
    limit): the spider stops inflating at the limit, names the fault, and finds the articles
    through the listings instead."""
    plan = FaultPlan(faults={"/sitemap.xml": ["gz_file_bomb"]}, bomb_bytes=48 * 1024 * 1024)
    with serve_faults(watch_pages, plan) as server:
        base = server.base_url
        done, records = crawl(base, tmp_path, "-s", "MEMUSAGE_ENABLED=1", "-s", "MEMUSAGE_LIMIT_MB=1024")
    assert "Traceback" not in done.stderr
    assert sorted(written(records, base)) == ARTICLES
    line = summary(done.stderr)
    assert named(line) == {"decompression_bomb": 1}, line
    peak = [x for x in done.stderr.splitlines() if "'memusage/max'" in x]
    assert peak and int(peak[0].split(":")[1].strip(" ,")) < 400 * 1024 * 1024, peak


def test_robots_txt_that_fails_for_a_while_is_retried_and_obeyed(tmp_path):
    with serve_faults(watch_pages, FaultPlan(faults={"/robots.txt": ["500", "503"]})) as server:
        base = server.base_url
        done, records = crawl(base, tmp_path)
        asked = server.paths_hit()
    assert done.returncode == 0, summary(done.stderr)
    assert sorted(written(records, base)) == ARTICLES
    assert not any(p.startswith("/private/") for p in asked), "the robots.txt finally read is obeyed"


def test_robots_txt_answering_500_means_the_host_is_not_crawled(tmp_path):
    with serve_faults(watch_pages, FaultPlan(faults={"/robots.txt": ["500"] * 20})) as server:
        base = server.base_url
        done, records = crawl(base, tmp_path)
        asked = set(server.paths_hit())
    assert records == []
    assert asked == {"/robots.txt"}, "RFC 9309: a robots.txt that answers 5xx means disallow all"
    line = summary(done.stderr)
    assert done.returncode == 4 and "FAILED" in line, line  # Exit.NOTHING_FETCHED
    assert "robots.txt unavailable on 1 host(s)" in line and named(line).get("robots_unavailable", 0) >= 1
    assert "CLEANWIRE_ROBOTS_UNAVAILABLE=allow" in done.stderr  # the log says how to crawl anyway


def test_robots_txt_that_times_out_can_be_crawled_anyway(tmp_path):
    with serve_faults(watch_pages, FaultPlan(faults={"/robots.txt": ["hang"] * 20})) as server:
        base = server.base_url
        started = time.monotonic()
        done, records = crawl(base, tmp_path, "-s", "CLEANWIRE_ROBOTS_UNAVAILABLE=allow", "-s", "RETRY_TIMES=1")
        took = time.monotonic() - started
    assert sorted(written(records, base)) == ARTICLES
    line = summary(done.stderr)
    assert "robots.txt unavailable on 1 host(s)" in line
    assert done.returncode == 0, line  # nothing was lost: the operator chose to crawl anyway
    assert took < 60


def test_a_crawl_with_a_fifth_of_its_responses_faulted(tmp_path):
    """The acceptance crawl: 20% or more of all responses are faults of mixed kinds, on listings,
    feeds, sitemaps and articles alike. Transient faults (gone after one or two tries) lose
    nothing; the articles given a permanent fault are the only ones missing, and the exit status
    and summary say so."""
    rng = random.Random(6)
    paths = sorted(p for p in watch_pages("http://127.0.0.1:1/") if p != "/robots.txt")
    transient_kinds = ["reset", "stall", "503", "429", "truncated", "500", "reset", "503"]
    permanent_kinds = {"reset": "connection_reset", "500": "http_500", "gzip_bomb": "decompression_bomb",
                       "huge": "too_large", "redirect_loop": "redirect_loop"}
    faulted = rng.sample(paths, k=round(len(paths) * 0.4))
    permanent_paths = rng.sample([p for p in faulted if p in EXPECTED], k=len(permanent_kinds))
    faults, lost = {}, {}
    for path in faulted:
        if path in permanent_paths:
            kind = list(permanent_kinds)[permanent_paths.index(path)]
            faults[path], lost[path] = [kind] * 10, permanent_kinds[kind]
        else:
            faults[path] = [rng.choice(transient_kinds) for _ in range(rng.choice((1, 1, 2)))]
    plan = FaultPlan(faults=faults, retry_after=1, bomb_bytes=24 * 1024 * 1024)
    with serve_faults(watch_pages, plan) as server:
        base = server.base_url
        done, records = crawl(base, tmp_path)
        hits = list(server.hits)
    share = sum(1 for _t, _p, f in hits if f) / len(hits)
    assert share >= 0.2, f"only {share:.0%} of the responses were faults"
    assert_only_lost(done, records, base, lost, tmp_path)


def test_the_seen_store_never_holds_an_article_missing_from_the_output(tmp_path):
    """kill -9 at several moments of a crawl: every URL the seen-store marked is in the output
    file, whole (the record is synced to disk before the mark); a rerun then completes the set."""
    with serve_faults(watch_pages, FaultPlan()) as server:
        base = server.base_url
        out, state = tmp_path / "out.jsonl", tmp_path / "state.sqlite"
        cmd = [sys.executable, "-m", "scrapy.cmdline", "crawl", "kcnawatch", "-a", f"base_url={base}",
               "-o", str(out), "-s", f"CLEANWIRE_STATE={state}", "-s", "AUTOTHROTTLE_ENABLED=0",
               "-s", "DOWNLOAD_DELAY=0.05", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2", "-s", "LOG_LEVEL=WARNING"]
        for wait_lines in (3, 9, 16):
            proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and proc.poll() is None and not (
                    out.exists() and len(out.read_bytes().splitlines()) >= wait_lines):
                time.sleep(0.02)
            proc.kill()
            proc.wait()
            data = out.read_bytes()
            assert data == b"" or data.endswith(b"\n"), "whole lines only"
            urls = {json.loads(line)["url"] for line in data.splitlines()}
            with sqlite3.connect(state) as db:
                marked = {row[0] for row in db.execute("SELECT url FROM seen")}
            assert marked <= urls, f"marked as seen but not written: {sorted(marked - urls)[:3]}"
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    got = written(records, base)
    assert sorted(set(got)) == ARTICLES


def _slow_page() -> bytes:
    """A valid article page of some 6 MB, 20,000 paragraphs: seconds to clean, not milliseconds."""
    from tests._support import P1, page

    body = "".join(f'<div class="c{i % 50}"><p>{P1} {i}</p><ul><li><a href="/x{i}/">link {i}</a></li></ul></div>'
                   for i in range(20000))
    return page(body).encode("utf-8")


def test_a_page_too_slow_to_clean_is_a_timeout_and_the_crawl_goes_on(tmp_path):
    from .faultserver import StaticPage

    slow = ARTICLES[5]

    def pages(base):
        site = watch_pages(base)
        site[slow] = StaticPage(_slow_page())
        return site

    with serve_faults(pages, FaultPlan()) as server:
        base = server.base_url
        done, records = crawl(base, tmp_path, "-s", "CLEANWIRE_CLEAN_TIMEOUT=1")
    assert "Traceback" not in done.stderr
    assert sorted(written(records, base)) == sorted(set(ARTICLES) - {slow})
    assert_exact(records, base)
    line = summary(done.stderr)
    assert named(line) == {"cleaning timeout": 1} and "cleaning processes restarted 1x" in line, line
    assert done.returncode == 3
    [error] = [json.loads(x) for x in (tmp_path / "out.jsonl.errors.jsonl").read_text("utf-8").splitlines()]
    assert error["url"] == base + slow[1:] and error["error"] == "timeout" and "CLEANWIRE_CLEAN_TIMEOUT" in \
        error["message"]


def _children(pid: int) -> list[int]:
    """The processes `pid` started, from /proc."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        listing = task / "children"
        found += [int(c) for c in listing.read_text().split()] if listing.exists() else []
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def test_cleaning_workers_killed_mid_crawl_lose_nothing(tmp_path):
    """kill -9 of the cleaning processes while the crawl runs: the pool is replaced, the pages it
    held are cleaned again, every article is written once."""
    import os
    import signal

    if not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists():
        pytest.skip("needs /proc/<pid>/task/<tid>/children (Linux)")
    with serve_faults(watch_pages, FaultPlan()) as server:
        base = server.base_url
        out = tmp_path / "out.jsonl"
        cmd = [sys.executable, "-m", "scrapy.cmdline", "crawl", "kcnawatch", "-a", f"base_url={base}", "-O", str(out),
               "-s", f"CLEANWIRE_STATE={tmp_path / 'state.sqlite'}", "-s", "AUTOTHROTTLE_ENABLED=0",
               "-s", "DOWNLOAD_DELAY=0.1", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "CLEANWIRE_CLEAN_WORKERS=2"]
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        killed = 0
        deadline = time.monotonic() + 120
        for wanted in (4, 12):
            while time.monotonic() < deadline and not (out.exists() and len(out.read_bytes().splitlines()) >= wanted):
                time.sleep(0.02)
            # the forkserver is a child of the crawl; the cleaning workers are its children
            workers = [p for child in _children(proc.pid) for p in _children(child)]
            for pid in workers:
                try:
                    os.kill(pid, signal.SIGKILL)
                    killed += 1
                except ProcessLookupError:
                    pass
        _, err = proc.communicate(timeout=180)
    assert killed >= 2
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    got = written(records, base)
    assert sorted(got) == ARTICLES, "every article once"
    assert_exact(records, base)
    line = summary(err)
    assert "cleaning processes restarted" in line and proc.returncode == 0, line


def test_a_crawl_killed_with_kill_9_leaves_no_process_behind(tmp_path):
    """The cleaning workers (and their forkserver) exit when the crawl process dies, however it
    died: a killed cron job must not leave processes waiting forever."""
    import os

    if not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists():
        pytest.skip("needs /proc/<pid>/task/<tid>/children (Linux)")
    with serve_faults(watch_pages, FaultPlan()) as server:
        out = tmp_path / "out.jsonl"
        cmd = [sys.executable, "-m", "scrapy.cmdline", "crawl", "kcnawatch", "-a", f"base_url={server.base_url}",
               "-O", str(out), "-s", f"CLEANWIRE_STATE={tmp_path / 'state.sqlite'}", "-s", "AUTOTHROTTLE_ENABLED=0",
               "-s", "DOWNLOAD_DELAY=0.2", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "CLEANWIRE_CLEAN_WORKERS=2"]
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not (out.exists() and len(out.read_bytes().splitlines()) >= 3):
            time.sleep(0.02)
        below = _children(proc.pid)
        below += [p for child in below for p in _children(child)]
        assert len(below) >= 3, "a forkserver and two cleaning workers at least"
        proc.kill()
        proc.wait()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(map(_alive, below)):
            time.sleep(0.1)
        left = [p for p in below if _alive(p)]
        for pid in left:  # don't leak them into the rest of the run
            os.kill(pid, 9)
        assert left == [], f"{len(left)} processes outlived the killed crawl"
