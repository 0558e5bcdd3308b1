"""A crawl trusts its output only as far as the disk took it: real `scrapy crawl` processes against
sites served on 127.0.0.1 by this test process.

What is checked: an output that cannot be opened stops the crawl before it fetches anything (exit
status 5, one line, nothing marked as seen); a full disk mid-crawl (RLIMIT_FSIZE, so writes fail
with EFBIG) stops the crawl with exit status 5, the summary counts the lines on disk, the seen-store
holds exactly those, and a rerun writes the rest once; `-O` onto the output of an earlier run leaves
no article in no output; the errors file cannot be the output, and two crawls cannot write the same
output or errors file; SIGTERM ends a crawl as Ctrl-C does (exit status 130, locks released) and a
rerun writes the rest once; a crawl that fetches nothing exits 4."""

from __future__ import annotations

import gzip
import json
import os
import resource
import signal
import socket
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from crawler.demo.server import serve_demo

from .conftest import ROOT
from .test_crawl import EXPECTED, FAST, SCRAPY, paths, summary_line
from .test_crawl_dedup import build_site, paragraphs, serve

WATCH = sorted(EXPECTED["watch"])


@pytest.fixture(scope="module")
def base():
    with serve_demo() as urls:
        yield urls["watch"]


def run(base: str, tmp: Path, *args: str, state: str = "state.sqlite", preexec_fn=None, wait: bool = True,
        spider: str = "kcnawatch", start: str | None = None):
    """`scrapy crawl SPIDER` with `args` (the output options among them)."""
    where = ["-a", f"base_url={base}"] if start is None else ["-a", f"start_urls={start}"]
    cmd = [*SCRAPY, "crawl", spider, *where, "-s", f"CLEANWIRE_STATE={tmp / state}", *FAST, *args]
    if not wait:
        return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=180, check=False,
                          preexec_fn=preexec_fn)


def lines_of(path: Path) -> list[dict]:
    if not path.exists():
        return []
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return [json.loads(line) for line in data.split(b"\n") if line]


def seen_urls(state: Path) -> set[str]:
    if not state.exists():
        return set()
    with sqlite3.connect(state) as db:
        return {url for (url,) in db.execute("SELECT url FROM seen")}


def written(line: str) -> int:
    return int(line.split(" articles written")[0].rsplit(" ", 1)[1])


def assert_stopped_before_fetching(done, tmp: Path, why: str) -> None:
    assert done.returncode == 5, done.stderr[-3000:]
    assert "Traceback" not in done.stderr and "Error caught on signal handler" not in done.stderr, done.stderr[-3000:]
    errors = [line for line in done.stderr.splitlines() if "] ERROR: " in line]
    assert len(errors) == 1 and "cannot write the records, so nothing is crawled" in errors[0], done.stderr[-3000:]
    assert why in errors[0], errors[0]
    line = summary_line(done.stderr)
    assert "0 pages fetched, 0 articles written" in line and "exit status 5" in line, line
    assert seen_urls(tmp / "state.sqlite") == set()


# ---------------------------------------------------------------------------------------- item 5


@pytest.mark.parametrize("how", ["-O", "-o", "FEEDS"])
def test_an_output_under_a_file_stops_the_crawl_before_it_fetches_and_marks_nothing(base, tmp_path, how):
    (tmp_path / "afile").write_text("not a folder\n", "utf-8")
    target = tmp_path / "afile" / "out.jsonl"
    feeds = json.dumps({str(target): {"format": "jsonlines"}})
    args = [how, str(target)] if how != "FEEDS" else ["-s", f"FEEDS={feeds}"]
    done = run(base, tmp_path, *args)
    assert_stopped_before_fetching(done, tmp_path, f"{tmp_path / 'afile'} is a file, not a folder")
    assert (tmp_path / "afile").read_text("utf-8") == "not a folder\n"
    again = run(base, tmp_path, "-o", str(tmp_path / "good.jsonl"))  # nothing was marked: all of it now
    assert again.returncode == 0, again.stderr[-3000:]
    assert sorted(paths(lines_of(tmp_path / "good.jsonl"), base)) == WATCH


def test_an_output_in_proc_stops_the_crawl_before_it_fetches(base, tmp_path):
    done = run(base, tmp_path, "-O", "/proc/cleanwire-test.jsonl")
    assert_stopped_before_fetching(done, tmp_path, "/proc/cleanwire-test.jsonl")


def test_a_seen_store_that_cannot_be_made_stops_the_crawl_before_it_fetches(base, tmp_path):
    (tmp_path / "afile").write_text("not a folder\n", "utf-8")
    done = run(base, tmp_path, "-O", str(tmp_path / "out.jsonl"), state="afile/state.sqlite")
    assert_stopped_before_fetching(done, tmp_path, f"the seen-store {tmp_path / 'afile' / 'state.sqlite'}")
    assert lines_of(tmp_path / "out.jsonl") == []


# ---------------------------------------------------------------------------------------- item 6


def big_site(root: Path, count: int) -> dict[str, str]:
    """`count` long articles (about 15 kB of text each, so the output reaches a small file size
    limit long before the seen-store's SQLite files do); {path: title}."""
    pages = {}
    for n in range(count):
        paras = [p for k in range(10) for p in paragraphs(200 + n * 10 + k)]
        pages[f"/news/long-{n:02d}.html"] = (paras, f"Long report number {n} from the river valley")
    build_site(root, pages, "Meridian Courier")
    return {p: t for p, (_, t) in pages.items()}


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz"])
def test_a_full_disk_mid_crawl_stops_it_and_nothing_beyond_the_disk_is_counted_or_marked(tmp_path, name):
    site = tmp_path / "site"
    pages = big_site(site, 16)
    out, state = tmp_path / name, tmp_path / "state.sqlite"
    limit = 120_000

    def small_disk():  # writes past `limit` bytes fail with EFBIG (as ENOSPC on a full disk), no signal
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    with serve(site) as url:
        done = run(url, tmp_path, "-O", str(out), spider="news", start=f"{url}/", preexec_fn=small_disk)
        assert done.returncode == 5, done.stderr[-3000:]
        assert "Traceback" not in done.stderr and "Error caught on signal handler" not in done.stderr
        if name == "out.jsonl":
            on_disk = {r["url"] for r in lines_of(out)}  # whole lines only: the record cut short was cut off
            assert out.read_bytes().endswith(b"\n") and os.path.getsize(out) <= limit
        else:  # whole members, and the lines of the member being filled in its pending file
            from crawler.feeds import recorded_urls

            on_disk = recorded_urls(str(out))
        assert 0 < len(on_disk) < len(pages), len(on_disk)
        line = summary_line(done.stderr)
        assert written(line) == len(on_disk) and "exit status 5" in line, line
        assert "File too large" in done.stderr
        assert seen_urls(state) == on_disk, "marked as seen: exactly what is on disk"

        again = run(url, tmp_path, "-o", str(out), spider="news", start=f"{url}/")
    assert again.returncode == 0, again.stderr[-3000:]
    records = lines_of(out)
    got = [r["url"][len(url):] for r in records]
    assert sorted(got) == sorted(pages), "every article once over the two runs, no duplicate"
    assert written(summary_line(again.stderr)) == len(pages) - len(on_disk)


def test_a_full_disk_under_the_seen_store_too_leaves_no_record_unmarked(base, tmp_path):
    """Short records, a small limit: the seen-store's SQLite files (pages of 4 kB a transaction)
    reach it as soon as the output does, or sooner. Whichever fails first, what stays on disk is
    what is marked, and a rerun writes the rest once."""
    out, state = tmp_path / "out.jsonl", tmp_path / "state.sqlite"
    limit = 40_000  # above the 32 kB of SQLite's shared-memory file

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = run(base, tmp_path, "-O", str(out), preexec_fn=small_disk)
    assert done.returncode == 5, done.stderr[-3000:]
    assert "Traceback" not in done.stderr and "Error caught on signal handler" not in done.stderr
    on_disk = {r["url"] for r in lines_of(out)}
    assert len(on_disk) < len(WATCH) and (not on_disk or out.read_bytes().endswith(b"\n"))
    assert seen_urls(state) == on_disk, "marked as seen: exactly what is on disk"
    assert written(summary_line(done.stderr)) == len(on_disk)
    again = run(base, tmp_path, "-o", str(out))
    assert again.returncode == 0, again.stderr[-3000:]
    assert sorted(paths(lines_of(out), base)) == WATCH, "every article once over the two runs"


# ---------------------------------------------------------------------------------------- item 7


@pytest.mark.parametrize("target", ["out.jsonl", "out.jsonl.gz", "shards/"])
def test_a_rerun_with_O_into_the_same_output_leaves_no_article_in_no_output(base, tmp_path, target):
    out = f"{tmp_path}/{target}"

    def records():
        if target.endswith("/"):
            return [r for shard in sorted((tmp_path / "shards").glob("part-*")) for r in lines_of(shard)]
        return lines_of(Path(out))

    first = run(base, tmp_path, "-O", out)
    assert first.returncode == 0, first.stderr[-3000:]
    assert sorted(paths(records(), base)) == WATCH
    again = run(base, tmp_path, "-O", out)  # the README's `scrapy crawl ohmymag -O ohmymag.jsonl`, run twice
    assert again.returncode == 0, again.stderr[-3000:]
    assert sorted(paths(records(), base)) == WATCH, "-O replaced the output: every article is in it again"
    assert f"-O replaced an output: {len(WATCH)} of its articles fetched again" in summary_line(again.stderr)
    # another output: the articles stay in the first one, and are skipped as seen
    other = run(base, tmp_path, "-O", str(tmp_path / "other.jsonl"))
    assert other.returncode == 0 and lines_of(tmp_path / "other.jsonl") == []
    assert f"{len(WATCH)} skipped as seen" in summary_line(other.stderr)
    assert sorted(paths(records(), base)) == WATCH


def test_O_with_a_jobdir_that_resumes_is_refused(base, tmp_path):
    out = tmp_path / "out.jsonl"
    first = run(base, tmp_path, "-O", str(out), "-a", "max_articles=3")
    assert first.returncode == 0, first.stderr[-3000:]
    before = out.read_bytes()
    jobdir = tmp_path / "job"
    jobdir.mkdir()
    (jobdir / "requests.seen").write_text("0123456789abcdef0123456789abcdef01234567\n", "ascii")
    done = run(base, tmp_path, "-O", str(out), "-s", f"JOBDIR={jobdir}")
    assert done.returncode == 2, done.stderr[-3000:]
    assert f"-O would empty {out}, but JOBDIR={jobdir} resumes a crawl" in done.stderr
    assert out.read_bytes() == before and len(seen_urls(tmp_path / "state.sqlite")) == 3


# ---------------------------------------------------------------------------------------- item 8


def test_the_errors_file_cannot_be_the_output(base, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "0123456789abcdef", "url": "http://x.example/a", "text": "kept"}\n', "utf-8")
    before = out.read_bytes()
    done = run(base, tmp_path, "-o", str(out), "-s", f"CLEANWIRE_ERRORS={out}")
    assert done.returncode == 2, done.stderr[-3000:]
    assert f"the errors file {out} would be written into the records output" in done.stderr
    assert "0 pages fetched" in summary_line(done.stderr) and "Traceback" not in done.stderr
    assert out.read_bytes() == before


def test_a_second_crawl_into_the_same_file_or_errors_file_stops_and_sigterm_ends_like_ctrl_c(base, tmp_path):
    out = tmp_path / "out.jsonl"
    cmd_args = ("-o", str(out))
    slow = run(base, tmp_path, *cmd_args, "-s", "DOWNLOAD_DELAY=1", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
               wait=False)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(lines_of(out)) < 3:
            time.sleep(0.1)
        assert len(lines_of(out)) >= 3, "the slow crawl wrote nothing"
        second = run(base, tmp_path, *cmd_args, state="second.sqlite")
        assert second.returncode == 5, second.stderr[-3000:]
        assert f"is writing {out}" in second.stderr and "nothing is crawled" in second.stderr
        assert "0 pages fetched" in summary_line(second.stderr)
        errors = f"{out}.errors.jsonl"  # the slow crawl's errors file, shared by a crawl with another output
        third = run(base, tmp_path, "-o", str(tmp_path / "third.jsonl"), "-s", f"CLEANWIRE_ERRORS={errors}",
                    state="third.sqlite")
        assert third.returncode == 5, third.stderr[-3000:]
        assert f"the errors file {errors}" in third.stderr and "is writing" in third.stderr
        assert not (tmp_path / "third.jsonl").exists()
        assert slow.poll() is None, "the slow crawl must still be running to hold its files"
    finally:
        slow.send_signal(signal.SIGTERM)  # as Ctrl-C: a graceful stop
        _, err = slow.communicate(timeout=120)
    assert slow.returncode == 130, err[-3000:]
    line = summary_line(err)
    assert "finish reason: shutdown" in line and "INTERRUPTED (exit status 130)" in line, line
    assert "run the same command to go on" in line
    assert "Traceback" not in err
    first = lines_of(out)
    assert 3 <= len(first) < len(WATCH)
    assert seen_urls(tmp_path / "state.sqlite") == {r["url"] for r in first}
    assert not list(tmp_path.glob(".*.lock")), "the locks were released"

    again = run(base, tmp_path, *cmd_args)  # the same command: goes on where it stopped
    assert again.returncode == 0, again.stderr[-3000:]
    assert sorted(paths(lines_of(out), base)) == WATCH, "every article once over the two runs"


# ---------------------------------------------------------------------------------------- item 18


def test_a_crawl_that_fetches_nothing_exits_4(tmp_path):
    with socket.socket() as sock:  # a port where nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    done = run("", tmp_path, "-O", str(tmp_path / "out.jsonl"), "-s", "RETRY_TIMES=0", spider="news",
               start=f"http://127.0.0.1:{port}/")
    assert done.returncode == 4, done.stderr[-3000:]
    assert "FAILED (nothing fetched; exit status 4)" in summary_line(done.stderr)


@pytest.mark.parametrize("name", ["out.jsonl.gz", "shards/"])
def test_a_sync_puts_on_disk_only_the_lines_whose_marks_it_makes(tmp_path, name):
    """The exporter writes a record's line, then queues its mark; the marking thread may sync in
    between. The sync then must leave that line for the batch holding its mark: had it written
    it, a failure of the next sync (a full disk) would drop the mark of a record already on disk,
    and the rerun would write that article a second time (seen once in a loaded CI run)."""
    from crawler.feeds import RecordsWriter, recorded_urls
    from crawler.seen import DurableMarks, SeenStore

    target = str(tmp_path / name)
    writer = RecordsWriter(target, compression="gzip", shard_size="100" if name.endswith("/") else None)
    marks = DurableMarks(str(tmp_path / "seen.sqlite"), [writer])
    urls = [f"https://example.org/news/{n}.html" for n in range(3)]
    for url in urls:
        writer.write(json.dumps({"url": url, "text": "A paragraph of the report."}).encode() + b"\n")
        if url != urls[-1]:  # the last line is written, its mark not yet queued
            marks.add(url, "0" * 16, None, True, ((writer, writer.appended),))
    marks.start()
    marks.close()  # the thread syncs and marks the queued batch, then stops
    try:
        assert recorded_urls(target) == set(urls[:-1]), "on disk: the lines of the marked records only"
        store = SeenStore(str(tmp_path / "seen.sqlite"))
        assert {u for u in urls if u in store} == set(urls[:-1])
        store.close()
    finally:
        writer.close()
    assert recorded_urls(target) == set(urls)  # the crawl's end writes the rest
