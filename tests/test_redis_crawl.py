"""Distributed crawling (`-s CLEANWIRE_REDIS_URL=...`, `crawler.redis_mode`): two real `scrapy crawl`
workers at once against one real redis-server and one demo site, all on 127.0.0.1. They must share
the work, write every article exactly once between them, keep together to the per-host rate limit
(measured on the server's side), and close on their own once the shared queue stays empty."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.demo import sitegen

from .conftest import ROOT
from .reliability.faultserver import FaultPlan, serve_faults

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
ARTICLES = 150
RATE = 12.0  # requests per second to the demo host, both workers together
IDLE_CLOSE = 3
SCRAPY = [sys.executable, "-m", "scrapy.cmdline"]

pytestmark = pytest.mark.skipif(not Path(REDIS_SERVER).exists(), reason="redis-server is not installed "
                                "(apt-get install redis-server); distributed crawls need one to test against")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_url():
    port = _free_port()
    proc = subprocess.Popen([REDIS_SERVER, "--port", str(port), "--save", "", "--appendonly", "no",
                             "--bind", "127.0.0.1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        import redis

        client = redis.Redis(host="127.0.0.1", port=port)
        deadline = time.monotonic() + 10
        while True:
            try:
                if client.ping():
                    break
            except redis.ConnectionError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.05)
        client.close()
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _worker(base: str, redis_url: str, out: Path, tmp: Path) -> subprocess.Popen:
    cmd = [*SCRAPY, "crawl", "kcnawatch", "-a", f"base_url={base}", "-O", str(out),
           "-s", f"CLEANWIRE_REDIS_URL={redis_url}", "-s", f"CLEANWIRE_REDIS_RATE={RATE}",
           "-s", f"CLEANWIRE_REDIS_IDLE_CLOSE={IDLE_CLOSE}", "-s", f"CLEANWIRE_STATE={tmp / 'unused.sqlite'}",
           "-s", "CLEANWIRE_CLEAN_WORKERS=2", "-s", "LOG_LEVEL=INFO"]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()] if path.exists() else []


def _summary(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("cleanwire crawl ")]
    assert lines, stderr[-3000:]
    return lines[-1]


def _fetched(stderr: str) -> int:
    return int(_summary(stderr).split(" pages fetched")[0].rsplit(" ", 1)[1])


def max_in_window(times: list[float], window: float = 1.0) -> int:
    """The most requests in any sliding window of `window` seconds."""
    times = sorted(times)
    best, lo = 0, 0
    for hi, t in enumerate(times):
        while t - times[lo] >= window:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


def test_two_workers_share_the_crawl_the_seen_store_and_the_rate_limit(redis_url, tmp_path):
    expected = {e["url_path"] for e in sitegen.expected_articles("watch", articles=ARTICLES)}
    with serve_faults(lambda base: sitegen.pages("watch", base, articles=ARTICLES), FaultPlan()) as server:
        base = server.base_url
        started = time.monotonic()
        outs = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
        workers = [_worker(base, redis_url, out, tmp_path) for out in outs]
        results = [w.communicate(timeout=120) for w in workers]
        elapsed = time.monotonic() - started
        hits = [t for t, _path, _fault in server.hits]

        for worker, (_stdout, stderr) in zip(workers, results, strict=True):
            assert worker.returncode == 0, stderr[-3000:]
            assert "Traceback" not in stderr, stderr[-3000:]
            assert "finish reason: finished" in _summary(stderr)
            assert "shared queue empty" in stderr  # closed on its own when idle, not killed
        per_worker = [_records(out) for out in outs]
        got = [r["url"][len(base) - 1:] for records in per_worker for r in records]
        assert len(got) == len(set(got)), "an article written twice across the workers"
        assert set(got) == expected
        fetched = [_fetched(stderr) for _stdout, stderr in results]
        assert all(n > 0 for n in fetched), f"a worker fetched nothing: {fetched}"
        assert all(records for records in per_worker), f"a worker wrote nothing: {[len(r) for r in per_worker]}"

        peak = max_in_window(hits)
        print(f"\nredis crawl: {len(hits)} requests in {elapsed:.1f} s, records per worker "
              f"{[len(r) for r in per_worker]}, pages fetched per worker {fetched}, "
              f"max requests in any 1 s window {peak} (limit {RATE:g}/s)")
        assert peak <= RATE + 1, f"{peak} requests within 1 s (limit {RATE}/s)"
        # and overall no faster than the limit allows
        assert hits[-1] - hits[0] >= (len(hits) - 1) / RATE - 0.5

        # a rerun against the same Redis: the shared seen-store skips every article, and the last
        # worker out cleared the duplicate filter, so the listings are fetched again
        again = _worker(base, redis_url, tmp_path / "again.jsonl", tmp_path)
        _stdout, stderr = again.communicate(timeout=60)
        assert again.returncode == 0, stderr[-3000:]
        assert _records(tmp_path / "again.jsonl") == []
        skipped = int(_summary(stderr).split(" skipped as seen")[0].rsplit(" ", 1)[1])
        assert _fetched(stderr) > 0 and skipped > 0, _summary(stderr)


def test_redis_mode_is_off_unless_the_url_is_set():
    from scrapy.utils.project import get_project_settings

    from crawler.redis_mode import RedisMode

    settings = get_project_settings()
    assert "crawler.redis_mode.RedisMode" in settings.getdict("ADDONS")
    before = {k: settings.get(k) for k in ("SCHEDULER", "DUPEFILTER_CLASS", "DOWNLOAD_DELAY", "AUTOTHROTTLE_ENABLED")}
    RedisMode().update_settings(settings)
    assert {k: settings.get(k) for k in before} == before
    assert not any("redis" in str(k).lower() for k in settings.getdict("DOWNLOADER_MIDDLEWARES"))

    settings.set("CLEANWIRE_REDIS_URL", "redis://127.0.0.1:1/0", priority="cmdline")
    RedisMode().update_settings(settings)
    assert settings.get("SCHEDULER") == "scrapy_redis.scheduler.Scheduler"
    assert settings.getfloat("CLEANWIRE_REDIS_RATE") == 1 / before["DOWNLOAD_DELAY"]  # 1 / DOWNLOAD_DELAY
    assert settings.getfloat("DOWNLOAD_DELAY") == 0 and not settings.getbool("AUTOTHROTTLE_ENABLED")
