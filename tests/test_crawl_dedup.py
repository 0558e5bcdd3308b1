"""The crawler's duplicate check (`-s CLEANWIRE_DEDUP=DIR`, `crawler.pipelines.CrawlDedup`): real
`scrapy crawl news` processes against small sites of our own, served on 127.0.0.1 by this test
process, with articles that are exact copies at other URLs (other page chrome, other line breaks in
the HTML), near copies (a changed footer line, a typo), and distinct articles.

The article prose is the invented wire copy of tests/test_dedup.py (`make_article`: distinct
articles share template wording, Jaccard < 0.2 between any two), with a byline we add here."""

from __future__ import annotations

import functools
import json
import os
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from cleaners import clean_html, dedup, make_id
from crawler.seen import SeenStore

from .conftest import ROOT, assert_valid_record
from .test_crawl import summary_line
from .test_dedup import PLACES, make_article

SCRAPY = [sys.executable, "-m", "scrapy.cmdline"]
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "CLEANWIRE_CLEAN_WORKERS=2",
        "-s", "LOG_LEVEL=INFO"]
DESKS = ["city", "business", "regional", "night", "weekend", "science", "sports", "features", "politics",
         "culture", "transport", "health", "education", "environment", "courts", "farming"]


def paragraphs(n: int) -> list[str]:
    """Article `n`: lead, seven body paragraphs, a byline (the footer line a near copy changes)."""
    return [*make_article(n)[:-1], f"Reporting by the {DESKS[n % 16]} desk in {PLACES[n % 24]}; editing by Mara Lind."]


def changed_footer(n: int) -> list[str]:
    return [*paragraphs(n)[:-1], f"This report first appeared in the {PLACES[n % 24]} Evening Post and is shared "
                                 "under a syndication agreement."]


def typo(n: int) -> list[str]:
    paras = paragraphs(n)
    words = paras[3].split(" ")
    words[4] = words[4][:-1] + "x" + words[4][-1:]
    return [*paras[:3], " ".join(words), *paras[4:]]


def reflowed(n: int) -> list[str]:
    """The same words with other line breaks and indentation inside the HTML paragraphs."""
    return ["\n        ".join(p.split(" ")) for p in paragraphs(n)]


def page(paras: list[str], title: str, chrome: str = "Meridian Courier") -> str:
    nav = f'<div id="top"><a href="/">Front page</a> | <a href="/about.html">About the {chrome}</a></div>'
    body = "".join(f"<p>{p}</p>\n" for p in paras)
    foot = f'<div id="foot">{chrome}, 4 Mill Lane. Copyright 2026 {chrome}.</div>'
    return (f"<html><head><title>{title} | {chrome}</title></head><body>{nav}<div id=\"main\"><div class=\"post\">"
            f'<h1>{title}</h1><div class="meta">By staff, 3 March 2026</div><div class="body">{body}</div></div>'
            f"</div>{foot}</body></html>")


def build_site(root: Path, pages: dict[str, tuple[list[str], str]], chrome: str) -> None:
    """Write `pages` ({path: (paragraphs, title)}), a front page linking to each, and an about page."""
    for path, (paras, title) in pages.items():
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page(paras, title, chrome), "utf-8")
    # headlines of four words or more: the cleaner's listing check counts those (a front page of
    # five three-word headlines was measured to pass for an article)
    teasers = "".join(f'<div class="teaser"><h2><a href="{p}">{t} from the council meeting</a></h2>'
                      "<span>3 March 2026</span></div>" for p, (_, t) in pages.items())
    (root / "index.html").write_text(f"<html><head><title>{chrome}</title></head><body><h1>{chrome}</h1>"
                                     f"{teasers}</body></html>", "utf-8")
    (root / "about.html").write_text("<html><body><h1>About</h1><p>A small paper.</p></body></html>", "utf-8")


def title(n: int) -> str:
    return f"{PLACES[n % 24]} report {n}"


#: site A: six distinct articles, and four copies of four of them under /mirror/ (other chrome)
SITE_A = {f"/news/story-{n}.html": (paragraphs(n), title(n)) for n in range(6)}
COPIES_A = {"/mirror/story-0.html": (paragraphs(0), "exact"),  # the same text, other page around it
            "/mirror/story-1.html": (reflowed(1), "exact"),  # other line breaks in the HTML
            "/mirror/story-2.html": (changed_footer(2), "near"),
            "/mirror/story-3.html": (typo(3), "near")}
#: site B: copies of site A's singles 4 and 5, a text `cleanwire dedup` put in the index, two new articles
SITE_B = {"/wire/b-5.html": (paragraphs(5), title(5)), "/wire/b-4.html": (typo(4), title(4)),
          "/wire/syndicated-8.html": (paragraphs(8), title(8)),
          "/wire/new-6.html": (paragraphs(6), title(6)), "/wire/new-7.html": (paragraphs(7), title(7))}


@contextmanager
def serve(root: Path):
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def crawl(base: str, tmp: Path, out: str, state: str, *settings: str, args: tuple[str, ...] = (),
          timeout: float = 180):
    """`scrapy crawl news` from the site's front page (`settings`: NAME=VALUE, `args`: spider
    arguments); the process and the records written."""
    target = tmp / out
    cmd = [*SCRAPY, "crawl", "news", "-a", f"start_urls={base}/", *[x for a in args for x in ("-a", a)],
           "-O", str(target), "-s", f"CLEANWIRE_STATE={tmp / state}", *FAST, *[x for s in settings for x in ("-s", s)]]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False)
    records = [json.loads(line) for line in target.read_text("utf-8").splitlines()] if target.exists() else []
    return done, records


def paths(records: list[dict], base: str) -> list[str]:
    return sorted(r["url"][len(base):] for r in records)


def assert_record(record: dict) -> None:
    """A written record is a valid record, with dup_of and dup_kind last when marked (as `cleanwire
    dedup --keep-dups` writes them)."""
    if "dup_of" in record:
        assert list(record)[-2:] == ["dup_of", "dup_kind"]
    assert_valid_record(record)


def test_the_schema_takes_dup_of_only_with_dup_kind():
    from .conftest import _VALIDATOR

    record = clean_html(page(paragraphs(1), "T", "Meridian Courier"), "http://a.example/news/story-1.html").to_record()
    assert_valid_record({**record, "dup_of": "0123456789abcdef", "dup_kind": "near"})
    for bad in ({"dup_of": "0123456789abcdef"}, {"dup_kind": "exact"},
                {"dup_of": "0123456789abcdef", "dup_kind": "similar"}, {"dup_of": "x", "dup_kind": "exact"}):
        assert list(_VALIDATOR.iter_errors({**record, **bad})), bad


def test_the_copies_really_are_exact_and_near_copies_once_cleaned():
    """The crawl expectations below rest on this: what the cleaner makes of each page."""
    def text(paras, url, chrome="Meridian Courier"):
        return clean_html(page(paras, "T", chrome), url).text

    originals = {n: text(paragraphs(n), f"http://a.example/news/story-{n}.html") for n in range(9)}
    assert all(len(t.split()) > 200 for t in originals.values())
    assert text(paragraphs(0), "http://a.example/m/0", "Valley Mirror") == originals[0]
    assert text(reflowed(1), "http://a.example/m/1") == originals[1]
    for variant, n in ((changed_footer, 2), (typo, 3), (typo, 4)):
        copy = text(variant(n), f"http://a.example/m/{n}")
        assert copy != originals[n] and dedup.exact_hash(copy) != dedup.exact_hash(originals[n])
        assert 0.8 <= dedup.minhash(copy).jaccard(dedup.minhash(originals[n])) < 1.0
    found = dedup.find_duplicates((str(n), t) for n, t in originals.items())
    assert found == {}  # the nine articles are distinct


def test_crawls_drop_copies_against_the_persistent_index_and_never_an_article_as_a_copy_of_itself(tmp_path):
    site_a, site_b = tmp_path / "a", tmp_path / "b"
    build_site(site_a, {**SITE_A, **{p: (paras, title(int(p[-6]))) for p, (paras, _) in COPIES_A.items()}},
               "Meridian Courier")
    build_site(site_b, SITE_B, "Valley Wire")
    index = tmp_path / "state" / "dedup"
    on = f"CLEANWIRE_DEDUP={index}"

    # `cleanwire dedup` run first with the same index folder: its records count like a crawl's
    syndicated = clean_html(page(paragraphs(8), title(8)), "https://agency.example/8").to_record()
    (tmp_path / "agency.jsonl").write_text(json.dumps(syndicated) + "\n", "utf-8")
    done = subprocess.run([sys.executable, "-m", "cleaners.cli", "dedup", str(tmp_path / "agency.jsonl"), "-o",
                           str(tmp_path / "agency.out.jsonl"), "--index", str(index)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr

    with serve(site_a) as a, serve(site_b) as b:
        # 1. site A: one record per pair of copies, whichever of the two came first, and both singles
        done, first = crawl(a, tmp_path, "a1.jsonl", "a.sqlite", on)
        assert done.returncode == 0, done.stderr[-3000:]
        assert "Traceback" not in done.stderr
        got = paths(first, a)
        for n in range(4):
            assert len({f"/news/story-{n}.html", f"/mirror/story-{n}.html"} & set(got)) == 1, got
        assert {"/news/story-4.html", "/news/story-5.html"} <= set(got) and len(got) == 6, got
        for record in first:
            assert_record(record)
            assert "dup_of" not in record
        line = summary_line(done.stderr)
        assert "6 articles written" in line and "4 duplicates skipped (exact 2, near 2)" in line, line
        assert "0 errors" in line

        # 1b. a rerun with the same seen-store fetches none of the ten again: the dropped copies
        # were marked as seen too, so they are not cleaned and checked on every run
        done, again = crawl(a, tmp_path, "a1b.jsonl", "a.sqlite", on)
        assert done.returncode == 0, done.stderr[-3000:]
        line = summary_line(done.stderr)
        assert again == [] and "0 articles written, 10 skipped as seen" in line and "0 duplicates" in line, line

        # 2. site B, another seen-store, the same index: copies of site A's articles (and of the
        # `cleanwire dedup` record) are dropped; the two new articles are written
        done, second = crawl(b, tmp_path, "b1.jsonl", "b.sqlite", on)
        assert done.returncode == 0, done.stderr[-3000:]
        assert paths(second, b) == ["/wire/new-6.html", "/wire/new-7.html"]
        assert "2 articles written" in summary_line(done.stderr)
        assert "3 duplicates skipped (exact 2, near 1)" in summary_line(done.stderr), summary_line(done.stderr)

        # 3. without the setting nothing is checked: all five pages of site B are articles
        done, plain = crawl(b, tmp_path, "b0.jsonl", "b0.sqlite")
        assert done.returncode == 0 and len(plain) == 5 and "duplicates" not in summary_line(done.stderr)

        # 4. recrawl=changed after a correction to new-6: its new version is written, not taken for
        # a near copy of its own earlier version
        fixed = site_b / "wire" / "new-6.html"
        fixed.write_text(fixed.read_text("utf-8").replace("Mara Lind", "Mara Lind and Tom Ash"), "utf-8")
        done, third = crawl(b, tmp_path, "b3.jsonl", "b.sqlite", on, args=("recrawl=changed",))
        assert done.returncode == 0, done.stderr[-3000:]
        assert paths(third, b) == ["/wire/new-6.html"] and "Tom Ash" in third[0]["text"]
        line = summary_line(done.stderr)
        # new-7 and the three dropped copies (marked as seen with their text) are unchanged
        assert "1 articles written" in line and "4 unchanged" in line and "0 duplicates skipped" in line, line

        # 5. CLEANWIRE_KEEP_DUPS=1 with a fresh seen-store: every page written, the copies with dup_of
        # naming the record kept; new-6 and new-7 (kept by runs 2 and 4 under their own ids) unmarked
        done, kept = crawl(b, tmp_path, "b4.jsonl", "b4.sqlite", on, "CLEANWIRE_KEEP_DUPS=1")
        assert done.returncode == 0, done.stderr[-3000:]
        for record in kept:
            assert_record(record)
        marks = {r["url"][len(b):]: (r.get("dup_of"), r.get("dup_kind")) for r in kept}
        assert marks == {"/wire/b-5.html": (make_id(f"{a}/news/story-5.html", ""), "exact"),
                         "/wire/b-4.html": (make_id(f"{a}/news/story-4.html", ""), "near"),
                         "/wire/syndicated-8.html": (syndicated["id"], "exact"),
                         "/wire/new-6.html": (None, None), "/wire/new-7.html": (None, None)}
        line = summary_line(done.stderr)
        assert "5 articles written" in line and "3 duplicates written with dup_of (exact 2, near 1)" in line, line

        # 6. site A again with a fresh seen-store (as after a kill that lost records the index kept):
        # the same six articles are written again, none as a duplicate of itself
        done, again = crawl(a, tmp_path, "a2.jsonl", "a2.sqlite", on)
        assert done.returncode == 0, done.stderr[-3000:]
        assert paths(again, a) == got
        assert "4 duplicates skipped (exact 2, near 2)" in summary_line(done.stderr)

    # the index holds each record kept once: 1 (cleanwire dedup) + 6 (A) + 2 (B) + 1 (new-6, corrected)
    held = dedup.DedupIndex(str(index))
    try:
        assert held.size == 10
    finally:
        held.close()



def _held_by_another_run(index: Path):
    return dedup.DedupIndex(str(index))  # the test process holds the folder's lock until close()


@pytest.mark.parametrize("trouble", ["locked", "not an index", "bad threshold"])
def test_a_crawl_that_cannot_use_its_index_stops_before_fetching_with_a_clear_error(tmp_path, trouble):
    site, index = tmp_path / "site", tmp_path / "dedup"
    build_site(site, SITE_A, "Meridian Courier")
    settings = [f"CLEANWIRE_DEDUP={index}"]
    held = None
    if trouble == "locked":
        held = _held_by_another_run(index)
        why = "database is locked (another cleanwire dedup or crawl using this index?)"
    elif trouble == "not an index":
        index.mkdir()
        (index / dedup.INDEX_FILE).write_bytes(b"these are not the pages of an SQLite database\n" * 200)
        why = "not a cleanwire dedup index"
    else:
        settings.append("CLEANWIRE_DEDUP_THRESHOLD=1.5")
        why = "CLEANWIRE_DEDUP_THRESHOLD must be above 0 and at most 1, not 1.5"
    try:
        with serve(site) as base:
            done, records = crawl(base, tmp_path, "out.jsonl", "state.sqlite", *settings)
    finally:
        if held is not None:
            held.close()
    assert done.returncode == (2 if trouble == "bad threshold" else 5), done.stderr[-3000:]  # usage / Exit.OUTPUT
    assert records == []
    assert "Traceback" not in done.stderr
    error = [line for line in done.stderr.splitlines() if "ERROR: dedup index" in line]
    assert len(error) == 1 and "cannot be used: " in error[0] and why in error[0], done.stderr[-3000:]
    assert "the crawl stops before fetching anything (CLEANWIRE_DEDUP)" in error[0]
    line = summary_line(done.stderr)
    assert line.startswith("cleanwire crawl news: 0 pages fetched, 0 articles written"), line
    assert "finish reason: dedup_index_unusable" in line and "could not be used" in line
    assert ("REFUSED (exit status 2)" if trouble == "bad threshold" else "OUTPUT FAILED (exit status 5)") in line


def _numbered_site(root: Path, distinct: int, copies: dict[int, str]) -> dict[str, set[str]]:
    """`distinct` articles under /news/, copies of some under /copy/ (exact or near); the groups of
    paths that hold one article each."""
    pages = {f"/news/{n:02d}.html": (paragraphs(n), title(n)) for n in range(distinct)}
    groups = {f"/news/{n:02d}.html": {f"/news/{n:02d}.html"} for n in range(distinct)}
    for n, kind in copies.items():
        paras = {"exact": paragraphs(n), "footer": changed_footer(n), "typo": typo(n)}[kind]
        pages[f"/copy/{n:02d}.html"] = (paras, title(n))
        groups[f"/news/{n:02d}.html"].add(f"/copy/{n:02d}.html")
    build_site(root, pages, "Meridian Courier")
    return groups


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines() if path.exists() else []


def test_a_running_crawl_holds_its_index_folder_from_start_to_end(tmp_path):
    """Between the crawl's commits too: `cleanwire dedup` and a second crawl on the folder get a
    clear error at once, not a wait or a mixed index; once the crawl ends the folder is free and
    holds every record the crawl wrote."""
    site, index = tmp_path / "site", tmp_path / "dedup"
    _numbered_site(site, 10, {})
    out = tmp_path / "slow.jsonl"
    with serve(site) as base:
        cmd = [*SCRAPY, "crawl", "news", "-a", f"start_urls={base}/", "-o", str(out),
               "-s", f"CLEANWIRE_STATE={tmp_path / 'slow.sqlite'}", "-s", f"CLEANWIRE_DEDUP={index}",
               "-s", "DOWNLOAD_DELAY=1", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
               "-s", "CLEANWIRE_CLEAN_WORKERS=1"]
        slow = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and not _lines(out):
                time.sleep(0.1)
            assert _lines(out), "the slow crawl wrote nothing"
            (tmp_path / "other.jsonl").write_text(json.dumps(
                clean_html(page(paragraphs(20), title(20)), "https://other.example/20").to_record()) + "\n", "utf-8")
            rival = subprocess.run([sys.executable, "-m", "cleaners.cli", "dedup", str(tmp_path / "other.jsonl"),
                                    "-o", str(tmp_path / "rival.jsonl"), "--index", str(index)],
                                   capture_output=True, text=True, timeout=120, check=False)
            assert rival.returncode == 5, rival.stderr
            assert "database is locked (another cleanwire dedup or crawl using this index?)" in rival.stderr
            second, records = crawl(base, tmp_path, "second.jsonl", "second.sqlite", f"CLEANWIRE_DEDUP={index}")
            assert second.returncode == 5 and records == [], second.stderr[-3000:]  # Exit.OUTPUT: folder in use
            assert "database is locked" in second.stderr and "Traceback" not in second.stderr
            assert slow.poll() is None, "the slow crawl must still be running to hold the folder"
        finally:
            slow.send_signal(signal.SIGINT)  # a graceful stop: the crawl closes its index
            _, err = slow.communicate(timeout=120)
    assert "Traceback" not in err
    written = [json.loads(line) for line in _lines(out)]
    assert 1 <= len(written) <= 10
    assert summary_line(err).startswith("cleanwire crawl news: ") and "0 duplicates skipped" in summary_line(err)
    # free now, and it holds what the crawl wrote: the same texts are exact duplicates of them
    (tmp_path / "written.jsonl").write_bytes(b"\n".join(_lines(out)) + b"\n")
    after = subprocess.run([sys.executable, "-m", "cleaners.cli", "dedup", str(tmp_path / "written.jsonl"),
                            str(tmp_path / "other.jsonl"), "-o", str(tmp_path / "after.jsonl"), "--index", str(index)],
                           capture_output=True, text=True, timeout=120, check=False)
    assert after.returncode == 0, after.stderr
    assert (f"{len(written) + 1} records in, 1 kept, {len(written)} exact duplicates, 0 near duplicates "
            f"(against {len(written)} records in the index)") in after.stderr, after.stderr


def test_kill_minus_nine_then_rerun_writes_every_article_and_none_as_a_copy_of_itself(tmp_path):
    """`kill -9` of a deduplicating crawl, then a rerun: together the two runs write every article,
    the rerun drops no article as a copy of itself, and the index holds each once. The only article
    written twice is one the kill caught written and synced but not yet marked seen (the seen-store
    marks after the sync, so a kill between the two leaves it for the rerun to write again)."""
    site, index = tmp_path / "site", tmp_path / "dedup"
    groups = _numbered_site(site, 14, {1: "exact", 5: "footer", 9: "typo", 12: "exact"})
    first = tmp_path / "first.jsonl"
    with serve(site) as base:
        cmd = [*SCRAPY, "crawl", "news", "-a", f"start_urls={base}/", "-o", str(first),
               "-s", f"CLEANWIRE_STATE={tmp_path / 'state.sqlite'}", "-s", f"CLEANWIRE_DEDUP={index}",
               "-s", "DOWNLOAD_DELAY=0.3", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(_lines(first)) < 5:
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        before = [json.loads(line) for line in _lines(first)]
        assert 5 <= len(before) < len(groups), "the kill must land in the middle of the crawl"
        store = SeenStore(str(tmp_path / "state.sqlite"))
        try:
            unmarked = {r["url"][len(base):] for r in before if store.hash_of(r["url"]) is None}
        finally:
            store.close()

        done, after = crawl(base, tmp_path, "second.jsonl", "state.sqlite", f"CLEANWIRE_DEDUP={index}")
    assert done.returncode == 0, done.stderr[-3000:]
    union = paths(before, base) + paths(after, base)
    assert len(set(union)) == len(groups), union
    twice = {p for p in union if union.count(p) > 1}
    assert twice <= unmarked, (twice, unmarked)  # only what the kill left written but not marked
    for members in groups.values():
        assert len(members & set(union)) == 1, (members, union)
    # the second run dropped only copies (of articles written by either run), never an article of its own
    line = summary_line(done.stderr)
    assert f"{len(after)} articles written" in line
    dropped = int(line.split(" duplicates skipped")[0].rsplit(" ", 1)[1])
    assert dropped <= 4
    held = dedup.DedupIndex(str(index))
    try:
        assert held.size == len(groups)  # each article in the index once, whichever run put it there
    finally:
        held.close()


def test_the_settings_default_to_no_check_and_the_dedup_threshold():
    from crawler import settings

    assert settings.CLEANWIRE_DEDUP == "" and not settings.CLEANWIRE_KEEP_DUPS
    assert settings.CLEANWIRE_DEDUP_THRESHOLD == dedup.DEFAULT_THRESHOLD
