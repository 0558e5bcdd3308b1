"""Distributed crawling (`-s CLEANWIRE_REDIS_URL=...`, `crawler.redis_mode`): two real `scrapy crawl`
workers at once against one real redis-server and one demo site, all on 127.0.0.1. They must share
the work, write every article exactly once between them, keep together to the per-host rate limit,
and close on their own once the shared queue stays empty.

The rate limit is checked twice. On the turns the limiter hands out (its grant log in Redis, one
clock): never two closer than 1/RATE, so no second holds more than RATE of them, and both workers
took turns in that one schedule. On the server's side, where jitter between a grant and the request's
arrival is real and grows with the machine's load: each request arrives after its own grant; the
arrival counts in any window stay within what the grant spacing plus the measured jitter allows;
whatever the jitter, no 2 s window holds more than 1.5x the limit; and the whole crawl keeps to the
limit. A limit kept by each worker for itself only (twice the rate with two workers) fails each of
these, on the grants and on the server's side alike."""

from __future__ import annotations

import json
import math
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from crawler.demo import sitegen
from crawler.redis_mode import GRANTS_KEY

from .conftest import ROOT
from .reliability.faultserver import FaultPlan, serve_faults

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
ARTICLES = 150
RATE = 12.0  # requests per second to the demo host, both workers together
INTERVAL_US = math.ceil(1e6 / RATE)  # the limiter's spacing of grants, microseconds on Redis's clock
RATE_LOG = 10_000  # grants the limiter logs per host (CLEANWIRE_REDIS_RATE_LOG): all of this crawl's
EARLY = 0.05  # s: how far a request may seem to arrive before its grant (mapping Redis's clock onto ours)
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
           "-s", f"CLEANWIRE_REDIS_RATE_LOG={RATE_LOG}", "-s", "CLEANWIRE_CLEAN_WORKERS=2", "-s", "LOG_LEVEL=INFO"]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()] if path.exists() else []


def _summary(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("cleanwire crawl ")]
    assert lines, stderr[-3000:]
    return lines[-1]


def _stat(stderr: str, name: str) -> int:
    """A counter from the stats Scrapy dumps at the close (0 when it never counted)."""
    found = re.findall(rf"'{re.escape(name)}': (\d+)", stderr)
    return int(found[-1]) if found else 0


def _fetched(stderr: str) -> int:
    return int(_summary(stderr).split(" pages fetched")[0].rsplit(" ", 1)[1])


def max_in_window(times: list[float], window: float = 1.0) -> int:
    """The most of `times` in any half-open window [t, t + window)."""
    times = sorted(times)
    best, lo = 0, 0
    for hi, t in enumerate(times):
        while t - times[lo] >= window:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


def redis_clock_offset(client) -> float:
    """Redis's clock (TIME) minus this process's time.monotonic(), taken over the quickest of a few
    round trips (both clocks are this machine's: the offset holds unless the wall clock is stepped)."""
    best = (math.inf, 0.0)
    for _ in range(20):
        before = time.monotonic()
        sec, usec = client.time()
        after = time.monotonic()
        best = min(best, (after - before, sec + usec / 1e6 - (before + after) / 2))
    return best[1]


def read_grants(client, netloc: str) -> list[tuple[int, str, str]]:
    """The limiter's grant log for a host: (microseconds on Redis's clock, worker, url), oldest first."""
    grants = []
    for entry in client.lrange(GRANTS_KEY.format(host=netloc), 0, -1):
        at, worker, url = entry.decode().split(" ", 2)
        grants.append((int(at), worker, url))
    return grants


def match_hits(hits: list[tuple[float, str]], grants: list[tuple[int, str, str]], offset: float) -> list[float]:
    """For each server hit (monotonic time, path), in order, the delay from its grant to its arrival.
    Its grant: the latest one of the same path not yet taken and not after the arrival, or if there is
    none, the earliest within EARLY after it (the mapping of the clocks is that exact); a path can have
    more grants than hits (/robots.txt, one per worker; a turn given up by a worker woken too late).
    Fails on a request that reached the server with no turn of its own."""
    free: dict[str, list[float]] = {}
    for at, _worker, url in grants:
        free.setdefault(urlsplit(url).path or "/", []).append(at / 1e6 - offset)
    delays = []
    for t, path in sorted(hits):
        turns = free.get(path, [])
        before = [g for g in turns if g <= t]
        after = [g for g in turns if t < g <= t + EARLY]
        assert before or after, f"{path} reached the server at {t:.3f} without a turn from the limiter before it"
        grant = max(before) if before else min(after)
        turns.remove(grant)
        delays.append(t - grant)
    return delays


def test_two_workers_share_the_crawl_the_seen_store_and_the_rate_limit(redis_url, tmp_path):
    import redis

    expected = {e["url_path"] for e in sitegen.expected_articles("watch", articles=ARTICLES)}
    with serve_faults(lambda base: sitegen.pages("watch", base, articles=ARTICLES), FaultPlan()) as server:
        base = server.base_url
        client = redis.Redis.from_url(redis_url)
        offset = redis_clock_offset(client)
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

        grants = read_grants(client, urlsplit(base).netloc)
        drift = redis_clock_offset(client) - offset
        client.close()
        assert len(grants) >= len(hits) > 1, f"{len(grants)} turns from the limiter for {len(hits)} requests"
        grant_us = sorted(at for at, _worker, _url in grants)
        gaps = [b - a for a, b in zip(grant_us, grant_us[1:], strict=False)]
        delays = match_hits([(t, path) for t, path, _fault in server.hits], grants, offset)
        jitter = max(delays) - min(delays)
        peaks = {w: max_in_window(hits, w) for w in (1.0, 2.0)}
        # arrivals in [t, t + W) were granted in [t - max delay, t + W - min delay], W + jitter long,
        # and grants at least 1/RATE apart: at most floor(RATE * (W + jitter)) + 1 of them
        bounds = {w: math.floor(RATE * (w + jitter)) + 1 for w in peaks}
        print(f"\nredis crawl: {len(hits)} requests in {elapsed:.1f} s, records per worker "
              f"{[len(r) for r in per_worker]}, pages fetched per worker {fetched}; {len(grants)} grants, "
              f"closest two {min(gaps) / 1e3:.3f} ms apart (spacing {INTERVAL_US / 1e3:.3f} ms), at most "
              f"{max_in_window(grant_us, 1_000_000)} in 1 s; grant-to-arrival delay "
              f"{min(delays) * 1e3:.1f}..{sorted(delays)[len(delays) // 2] * 1e3:.1f}..{max(delays) * 1e3:.1f} ms "
              f"(min..median..max), jitter {jitter * 1e3:.1f} ms, clock drift {drift * 1e3:.2f} ms; arrivals: "
              f"at most {peaks[1.0]} in 1 s (bound {bounds[1.0]}), {peaks[2.0]} in 2 s (bound {bounds[2.0]}, "
              f"cap {1.5 * RATE * 2:g}), limit {RATE:g}/s; turns given up late per worker "
              f"{[_stat(stderr, 'cleanwire/redis_rate/late_turns') for _stdout, stderr in results]}")

        # the turns handed out: one schedule, on Redis's clock, that both workers took turns from
        assert {worker for _at, worker, _url in grants} == {f"{socket.gethostname()}:{w.pid}" for w in workers}
        assert min(gaps) >= INTERVAL_US, f"two grants {min(gaps)} us apart (spacing {INTERVAL_US} us)"
        assert max_in_window(grant_us, 1_000_000) <= RATE
        # the server's side: no request before its turn, counts within the grant spacing plus the jitter
        # measured, and whatever the jitter, no faster than the limit allows (a per-worker limit: 2x)
        assert min(delays) >= -EARLY
        for w, peak in peaks.items():
            assert peak <= bounds[w], f"{peak} requests within {w:g} s: more than the grants allow ({jitter=:.3f} s)"
        assert peaks[2.0] <= 1.5 * RATE * 2, f"{peaks[2.0]} requests within 2 s (limit {RATE}/s)"
        assert hits[-1] - hits[0] >= (len(hits) - 1) / RATE - max(0.5, jitter)

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
