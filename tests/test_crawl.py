"""End-to-end crawls: real Scrapy (`scrapy crawl`, one subprocess per crawl) against the offline demo
sites served on 127.0.0.1 by this test process. Nothing leaves loopback."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.demo import sitegen
from crawler.demo.server import serve_demo

from .conftest import ROOT, assert_valid_record

EXPECTED = {site: {e["url_path"]: e for e in sitegen.expected_articles(site)} for site in sitegen.SITES}
#: Phrases of the boilerplate the demo pages carry; none may reach a record's text.
MARKERS = ("More From", "More Articles", "-0-", "www.kcna.kp (Juche", "Read original version", "Share this",
           "We use cookies", "cookie", "Newsletter", "newsletter", "podcast", "Read more:", "⋙", "Sources used",
           "All rights reserved", "©", "Load more", "You might also like")
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "CLEANWIRE_CLEAN_WORKERS=2",
        "-s", "LOG_LEVEL=INFO"]
SCRAPY = [sys.executable, "-m", "scrapy.cmdline"]


@pytest.fixture(scope="module")
def urls():
    with serve_demo() as base:
        yield base


def crawl(spider: str, tmp: Path, *args: str, out: str = "out.jsonl", state: str = "state.sqlite",
          extra: list[str] | None = None, timeout: float = 180) -> tuple[subprocess.CompletedProcess, list[dict]]:
    """Run `scrapy crawl SPIDER` from the project root; return the process and the records written."""
    target = tmp / out
    cmd = [*SCRAPY, "crawl", spider, *args, "-O", str(target), "-s", f"CLEANWIRE_STATE={tmp / state}",
           *FAST, *(extra or [])]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False)
    records = [json.loads(line) for line in target.read_text("utf-8").splitlines()] if target.exists() else []
    return done, records


def paths(records: list[dict], base: str) -> list[str]:
    return [r["url"][len(base) - 1:] for r in records]


def assert_clean(records: list[dict]) -> None:
    for record in records:
        assert_valid_record(record)
        for marker in MARKERS:
            assert marker not in record["text"], f"{record['url']}: boilerplate {marker!r} in the text"


def summary_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("cleanwire crawl ")]
    assert lines, stderr[-3000:]
    return lines[-1]


def test_scrapy_list_shows_every_spider():
    done = subprocess.run([*SCRAPY, "list"], cwd=ROOT, capture_output=True, text=True, check=True)
    spiders = done.stdout.split()
    assert {"news", "kcnawatch", "kcna", "rodong", "xinhua", "globaltimes", "chinadaily", "tass", "rt",
            "presstv", "ohmymag"} <= set(spiders)


def test_kcnawatch_mirror_gives_every_article_once_clean_then_nothing_on_rerun(urls, tmp_path):
    base = urls["watch"]
    done, records = crawl("kcnawatch", tmp_path, "-a", f"base_url={base}")
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    got = paths(records, base)
    assert sorted(got) == sorted(EXPECTED["watch"]) and len(got) == len(set(got))
    assert_clean(records)
    for record in records:
        want = EXPECTED["watch"][record["url"][len(base) - 1:]]
        assert record["text"] == want["text"]
        assert (record["title"], record["published"], record["source"]) == (want["title"], want["published"],
                                                                               want["source"])
        assert record["original_url"] == want["original_url"]
        assert record["fetched_at"]
    assert "/private/" not in " ".join(got)  # robots.txt disallows it
    line = summary_line(done.stderr)
    assert f"{len(EXPECTED['watch'])} articles written" in line

    again, records2 = crawl("kcnawatch", tmp_path, "-a", f"base_url={base}", out="again.jsonl")
    assert again.returncode == 0, again.stderr[-3000:]
    assert records2 == []
    assert "0 articles written" in summary_line(again.stderr)
    assert f"{len(EXPECTED['watch'])} skipped as seen" in summary_line(again.stderr)


def test_news_spider_on_an_unknown_site_writes_articles_only_and_survives_the_traps(urls, tmp_path):
    base = urls["mag"]
    done, records = crawl("news", tmp_path, "-a", f"start_urls={base}")
    assert done.returncode == 3, done.stderr[-3000:]  # finished, but pages were lost to the traps
    assert "Traceback" not in done.stderr
    got = paths(records, base)
    assert sorted(got) == sorted(EXPECTED["mag"]), "one record per article page, none for home/section/tag pages"
    assert_clean(records)
    for record in records:
        want = EXPECTED["mag"][record["url"][len(base) - 1:]]
        assert record["text"] == want["text"]
    line = summary_line(done.stderr)
    # the traps (500, 404, redirect loop, 12 MB page) were met and named, none became a record or a crash
    assert "errors: http_404 1, http_500 1, redirect_loop 1, too_large 1;" in line, line
    assert "PARTIAL" in line
    non_articles = int(line.split(" non-articles")[0].rsplit(" ", 1)[1])
    assert non_articles >= 5, line
    assert "/trap/" not in " ".join(got) and "/tag/" not in " ".join(got)


def test_max_articles_since_and_source(urls, tmp_path):
    base = urls["watch"]
    done, records = crawl("kcnawatch", tmp_path, "-a", f"base_url={base}", "-a", "max_articles=5",
                          state="a.sqlite", out="a.jsonl")
    assert done.returncode == 0, done.stderr[-3000:]
    assert len(records) == 5

    done, records = crawl("kcnawatch", tmp_path, "-a", f"base_url={base}", "-a", "since=2026-03-01",
                          state="b.sqlite", out="b.jsonl")
    want = {p for p, e in EXPECTED["watch"].items() if e["published"] >= "2026-03-01"}
    assert want and set(paths(records, base)) == want

    done, records = crawl("kcnawatch", tmp_path, "-a", f"base_url={base}", "-a", "source=rodong",
                          state="c.sqlite", out="c.jsonl")
    want = {p for p, e in EXPECTED["watch"].items() if e["source"] == "Rodong Sinmun"}
    assert want and set(paths(records, base)) == want


def test_recrawl_changed_writes_nothing_when_nothing_changed(urls, tmp_path):
    base = urls["watch"]
    crawl("kcnawatch", tmp_path, "-a", f"base_url={base}")
    done, records = crawl("kcnawatch", tmp_path, "-a", f"base_url={base}", "-a", "recrawl=changed", out="re.jsonl")
    assert done.returncode == 0, done.stderr[-3000:]
    assert records == []
    line = summary_line(done.stderr)
    assert f"{len(EXPECTED['watch'])} unchanged" in line and "0 skipped as seen" in line


def test_kill_minus_nine_then_rerun_gives_every_article_exactly_once(urls, tmp_path):
    base = urls["watch"]
    first = tmp_path / "first.jsonl"
    cmd = [*SCRAPY, "crawl", "kcnawatch", "-a", f"base_url={base}", "-o", str(first),
           "-s", f"CLEANWIRE_STATE={tmp_path / 'state.sqlite'}", "-s", "DOWNLOAD_DELAY=0.3",
           "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if first.exists() and len(first.read_bytes().splitlines()) >= 6:
            break
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    lines = first.read_bytes().splitlines(keepends=True)
    assert 6 <= len(lines) < len(EXPECTED["watch"]), "the kill must land in the middle of the crawl"
    assert all(line.endswith(b"\n") for line in lines), "a killed crawl leaves only whole lines"
    before = [json.loads(line) for line in lines]

    done, after = crawl("kcnawatch", tmp_path, "-a", f"base_url={base}", out="second.jsonl")
    assert done.returncode == 0, done.stderr[-3000:]
    union = paths(before, base) + paths(after, base)
    assert sorted(union) == sorted(EXPECTED["watch"]), "every article exactly once over the two runs"


def test_a_crawl_that_fetches_nothing_exits_non_zero(tmp_path):
    with socket.socket() as sock:  # a port where nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    done, records = crawl("news", tmp_path, "-a", f"start_urls=http://127.0.0.1:{port}/",
                          extra=["-s", "RETRY_TIMES=0", "-s", "DOWNLOAD_TIMEOUT=5"])
    assert done.returncode == 4, done.stderr[-3000:]  # Exit.NOTHING_FETCHED
    assert records == []
    assert "FAILED" in summary_line(done.stderr)
    assert "Traceback" not in done.stderr


def test_bad_spider_arguments_are_refused(tmp_path):
    done, _ = crawl("kcnawatch", tmp_path, "-a", "source=nosuch")
    assert done.returncode != 0
    assert "unknown source" in done.stderr


def test_make_demo_crawl_checks_every_article(tmp_path, capsys):
    from crawler.demo.run import main

    assert main(["--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "every demo article written once" in out
    assert sorted(p.name for p in tmp_path.glob("*.jsonl")) == ["kcnawatch.jsonl", "news.jsonl",
                                                                 "news.jsonl.errors.jsonl", "ohmymag.jsonl"]
    # the generic spider met the magazine's traps: one error record each, the dead link included
    errors = [json.loads(line) for line in (tmp_path / "news.jsonl.errors.jsonl").read_text("utf-8").splitlines()]
    assert sorted(e["error"] for e in errors) == ["http_404", "http_500", "redirect_loop", "too_large"]


def test_jobdir_pause_with_ctrl_c_and_resume(urls, tmp_path):
    base = urls["watch"]
    out = tmp_path / "job.jsonl"
    cmd = [*SCRAPY, "crawl", "kcnawatch", "-a", f"base_url={base}", "-o", str(out),
           "-s", f"JOBDIR={tmp_path / 'job'}", "-s", f"CLEANWIRE_STATE={tmp_path / 'state.sqlite'}",
           "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]
    proc = subprocess.Popen([*cmd, "-s", "DOWNLOAD_DELAY=0.3"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (out.exists() and len(out.read_bytes().splitlines()) >= 5):
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)  # one Ctrl-C: Scrapy stops gracefully and keeps its queue in JOBDIR
    _, err = proc.communicate(timeout=120)
    assert "finish reason: shutdown" in summary_line(err)
    first = len(out.read_bytes().splitlines())
    assert 5 <= first < len(EXPECTED["watch"])

    done = subprocess.run([*cmd, "-s", "DOWNLOAD_DELAY=0"], cwd=ROOT, capture_output=True, text=True,
                          timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Resuming crawl" in done.stderr
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert sorted(paths(records, base)) == sorted(EXPECTED["watch"])


def test_default_output_and_state_paths(urls, tmp_path):
    """Without -o/-O the records go to output/<spider>/<date>.jsonl and the seen-store to
    output/.state/<spider>.sqlite, relative to where the crawl runs."""
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([*SCRAPY, "crawl", "kcnawatch", "-a", f"base_url={urls['watch']}", "-a", "max_articles=2",
                           *FAST], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    outputs = list((tmp_path / "output" / "kcnawatch").glob("*.jsonl"))
    assert len(outputs) == 1 and len(outputs[0].read_text("utf-8").splitlines()) == 2
    assert time.strftime("%Y-%m-%d", time.gmtime()) in outputs[0].name
    assert (tmp_path / "output" / ".state" / "kcnawatch.sqlite").is_file()
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == [".state", "kcnawatch"]


def _unknown_site(root: Path) -> list[str]:
    """A small news site with markup of its own (no <article>, no known classes); returns its article paths."""
    from ._support import PARAS

    nav = ('<div id="top"><a href="/">Front page</a> | <a href="/tag/harbour.html">Harbour</a> | '
           '<a href="/about.html">About</a></div>')
    side = ('<div id="side"><b>Popular this week</b><ul>'
            + "".join(f'<li><a href="/2026/03/story-{i}.html">Popular story number {i} from the quay</a></li>'
                      for i in range(1, 4)) + "</ul></div>")
    foot = '<div id="foot">Vellmar Courier, 1 Quay Street. Copyright 2026 Vellmar Courier.</div>'
    paths = []
    (root / "2026" / "03").mkdir(parents=True)
    (root / "tag").mkdir()
    for i in range(1, 6):
        path = f"/2026/03/story-{i}.html"
        paths.append(path)
        lead = f"Report {i}: the harbour board met again this week to hear evidence from the crews and engineers."
        body = "".join(f"<p>{p}</p>" for p in (lead, *PARAS))
        (root / path.lstrip("/")).write_text(
            f"<html><head><title>Harbour report {i} | Vellmar Courier</title></head><body>{nav}"
            f'<div id="main"><div class="post"><h1>Harbour report {i}</h1><div class="meta">By A. Reporter, '
            f'{i} March 2026</div><div class="body">{body}</div></div></div>{side}{foot}</body></html>', "utf-8")
    teasers = "".join(f'<div class="teaser"><h2><a href="{p}">Harbour report {i} from the board meeting</a></h2>'
                      f"<span>{i} March 2026</span></div>" for i, p in enumerate(paths, 1))
    for name, title in (("index.html", "Vellmar Courier"), ("tag/harbour.html", "Tag: harbour")):
        (root / name).write_text(f"<html><head><title>{title}</title></head><body>{nav}<h1>{title}</h1>"
                                 f"{teasers}{side}{foot}</body></html>", "utf-8")
    (root / "about.html").write_text(f"<html><body>{nav}<h1>About</h1><p>A small paper.</p>{foot}</body></html>",
                                     "utf-8")
    return paths


def test_news_spider_on_any_small_site_then_nothing_on_rerun(tmp_path):
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    site = tmp_path / "site"
    site.mkdir()
    expected = _unknown_site(site)

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        done, records = crawl("news", tmp_path, "-a", f"start_urls={base}")
        assert done.returncode == 0, done.stderr[-3000:]
        assert sorted(paths(records, base)) == sorted(expected), "one record per article, none for home/tag/about"
        for record in records:
            assert record["text"].startswith("Report ") and "Popular" not in record["text"]
            assert "Front page" not in record["text"] and "Copyright" not in record["text"]
        again, records2 = crawl("news", tmp_path, "-a", f"start_urls={base}", out="again.jsonl")
        assert again.returncode == 0 and records2 == []
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("start", ["sitemap-news.xml.gz", "rss.xml"])
def test_news_spider_starting_from_a_gzipped_news_sitemap_or_a_feed(urls, tmp_path, start):
    base = urls["mag"]
    done, records = crawl("news", tmp_path, "-a", f"start_urls={base}{start}", "-a", "since=2026-03-20",
                          extra=["-s", "DEPTH_LIMIT=1"])
    assert done.returncode == 0, done.stderr[-3000:]
    want = {p for p, e in EXPECTED["mag"].items() if e["published"] >= "2026-03-20"}
    assert want and sorted(paths(records, base)) == sorted(want)


def test_user_agent_names_the_contact_url_unless_set_outright():
    from scrapy.utils.project import get_project_settings

    from crawler.spiders.news import NewsSpider

    settings = get_project_settings()
    settings.set("CLEANWIRE_CONTACT", "https://corpus.example/contact", priority="cmdline")
    NewsSpider.update_settings(settings)
    assert settings.get("USER_AGENT").startswith("cleanwire/") and "https://corpus.example/contact" in \
        settings.get("USER_AGENT")
    settings = get_project_settings()
    settings.set("USER_AGENT", "mybot/1", priority="cmdline")
    NewsSpider.update_settings(settings)
    assert settings.get("USER_AGENT") == "mybot/1"
    assert settings.getbool("ROBOTSTXT_OBEY") and settings.getbool("AUTOTHROTTLE_ENABLED")
    assert 2 <= settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 4
    assert not settings.getbool("HTTPCACHE_ENABLED")


def test_cleaning_switched_off_fetches_the_same_pages_and_writes_nothing(urls, tmp_path):
    """`-s CLEANWIRE_CLEAN=0` is the bare fetch bench/crawl.py compares against."""
    done, records = crawl("kcnawatch", tmp_path, "-a", f"base_url={urls['watch']}", extra=["-s", "CLEANWIRE_CLEAN=0"])
    assert done.returncode == 0, done.stderr[-3000:]
    assert records == []
    line = summary_line(done.stderr)
    assert "0 articles written" in line and int(line.split(" pages fetched")[0].rsplit(" ", 1)[1]) >= 30
