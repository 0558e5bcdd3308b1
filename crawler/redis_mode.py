"""Distributed crawling on Redis: `-s CLEANWIRE_REDIS_URL=redis://HOST:PORT/DB` turns a crawl into one
worker of many. Every worker of a spider shares, in that Redis database:

* the request queue and the duplicate filter (scrapy-redis; keys `cw:<spider>:requests` and
  `cw:<spider>:dupefilter`): a page found by any worker is fetched once, by whichever worker is free;
* the seen-store (`RedisSeenStore`, hash `cw:<spider>:seen`: canonical URL -> hash of the clean
  text), so an article written by one worker is never written again by another, nor by a later run;
* one request rate per host (`RedisRateLimit`, key `cw:rate:<host:port>`): `CLEANWIRE_REDIS_RATE`
  requests per second per host across all workers (default: 1 / DOWNLOAD_DELAY, or 4 when
  DOWNLOAD_DELAY is 0). Each request reserves the next free send time of its host atomically (a Lua
  script on Redis's clock) and waits for it; the local DOWNLOAD_DELAY and AutoThrottle are switched
  off, the shared limit replaces them. What is guaranteed is the grants: they are at least
  ceil(1e6 / rate) microseconds apart on Redis's clock, so no half-open second holds more than `rate`
  of them. When a request then reaches the host also depends on its worker's load: a request woken
  more than a quarter of an interval after its turn takes a new one, but the way from the worker to
  the host adds its own jitter. `CLEANWIRE_REDIS_RATE_LOG=N` keeps the last N grants of each host in
  the Redis list `cw:grants:<host:port>`, entries "<microseconds on Redis's clock> <host:pid> <url>"
  (off by default; the list expires an hour after its last grant), to check what the workers were given.

A worker whose queue stays empty for `CLEANWIRE_REDIS_IDLE_CLOSE` seconds (default 30) closes
(`RedisIdleClose`). The queue and the duplicate filter persist while any worker runs (a crashed or
stopped crawl resumes from them); the last worker to close with the queue empty deletes the duplicate
filter, so the next run fetches the listings again. The seen-store and the rate keys stay.

`RedisMode` is the add-on (`ADDONS` in `crawler.settings`) that applies all this when
`CLEANWIRE_REDIS_URL` is set and does nothing otherwise.
"""

from __future__ import annotations

import asyncio
import logging
import math
import os
import socket
import time
import uuid
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured

logger = logging.getLogger(__name__)

QUEUE_KEY = "cw:%(spider)s:requests"
DUPEFILTER_KEY = "cw:%(spider)s:dupefilter"
SEEN_KEY = "cw:{spider}:seen"
WORKERS_KEY = "cw:{spider}:workers"
RATE_KEY = "cw:rate:{host}"
GRANTS_KEY = "cw:grants:{host}"
#: a worker that has not beaten for this long is taken for dead when the last one closes
WORKER_TIMEOUT = 60.0


def redis_client(url: str):
    import redis

    return redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=10, retry_on_timeout=True)


class RedisMode:
    """The add-on: with `CLEANWIRE_REDIS_URL` set, the scrapy-redis scheduler and duplicate filter, the
    shared rate limit and the idle close; without it, nothing changes."""

    def update_settings(self, settings) -> None:
        url = settings.get("CLEANWIRE_REDIS_URL")
        if not url:
            return
        prio = "cmdline"  # above settings.py (project): distributed mode replaces the local choices
        settings.set("REDIS_URL", url, priority=prio)
        settings.set("SCHEDULER", "scrapy_redis.scheduler.Scheduler", priority=prio)
        settings.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter", priority=prio)
        settings.set("SCHEDULER_QUEUE_KEY", QUEUE_KEY, priority=prio)
        settings.set("SCHEDULER_DUPEFILTER_KEY", DUPEFILTER_KEY, priority=prio)
        settings.set("SCHEDULER_QUEUE_CLASS", "scrapy_redis.queue.PriorityQueue", priority=prio)
        # the queue outlives each worker (RedisIdleClose clears the duplicate filter when the last one
        # closes); a blocking pop would block the reactor, so pops never wait
        settings.set("SCHEDULER_PERSIST", True, priority=prio)
        settings.set("SCHEDULER_IDLE_BEFORE_CLOSE", 0, priority=prio)
        if settings.get("CLEANWIRE_REDIS_RATE") in (None, ""):
            delay = settings.getfloat("DOWNLOAD_DELAY")
            settings.set("CLEANWIRE_REDIS_RATE", 1.0 / delay if delay > 0 else 4.0, priority=prio)
        if settings.getfloat("CLEANWIRE_REDIS_RATE") <= 0:
            raise ValueError("CLEANWIRE_REDIS_RATE: requests per second per host, more than 0")
        settings.set("DOWNLOAD_DELAY", 0, priority=prio)
        settings.set("AUTOTHROTTLE_ENABLED", False, priority=prio)
        # the last downloader middleware: refused and robots-denied requests take no turn
        settings.set_in_component_priority_dict("DOWNLOADER_MIDDLEWARES", RedisRateLimit, 990)
        settings.set_in_component_priority_dict("EXTENSIONS", RedisIdleClose, 950)


# ---------------------------------------------------------------------------------------- seen-store


class RedisSeenStore:
    """`crawler.seen.SeenStore` on Redis: one hash per spider, canonical URL -> hash of the clean text."""

    def __init__(self, url: str, spider: str):
        import redis

        self.errors = (redis.RedisError,)  # what DurableMarks catches besides OSError
        self.path = f"{url} {SEEN_KEY.format(spider=spider)}"
        self.key = SEEN_KEY.format(spider=spider)
        self.db = redis_client(url)
        self.db.ping()

    def __contains__(self, url: str) -> bool:
        return bool(self.db.hexists(self.key, url))

    def hash_of(self, url: str) -> str | None:
        value = self.db.hget(self.key, url)
        return value.decode() if value is not None else None

    def mark(self, url: str, digest: str) -> None:
        self.db.hset(self.key, url, digest)

    def mark_many(self, marks: list[tuple[str, str]]) -> None:
        if marks:
            self.db.hset(self.key, mapping=dict(marks))

    def forget(self, urls) -> int:
        """Remove these URLs (an iterable: `-O` replaces the output that held them); how many were stored."""
        urls, gone = list(urls), 0
        for at in range(0, len(urls), 1000):
            gone += int(self.db.hdel(self.key, *urls[at:at + 1000]))
        return gone

    def clear(self) -> int:
        gone = len(self)
        self.db.delete(self.key)
        return gone

    def __len__(self) -> int:
        return int(self.db.hlen(self.key))

    def close(self) -> None:
        self.db.close()


# ---------------------------------------------------------------------------------------- rate limit

#: KEYS[1] the host's key, KEYS[2] its grant log; ARGV[1] the interval in microseconds, ARGV[2] how
#: many grants the log keeps (0: no log), ARGV[3] the log entry after the time. Takes max(now, next
#: free time) as this request's send time, moves the next free time one interval on, returns the wait
#: in microseconds. One atomic script on one clock (Redis's): two workers never get turns closer than
#: the interval, and workers on machines whose clocks differ still share one schedule.
_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = math.max(now, nxt)
local interval = tonumber(ARGV[1])
redis.call('SET', KEYS[1], string.format('%.0f', at + interval), 'PX', math.ceil((at - now + interval) / 1000) + 60000)
local keep = tonumber(ARGV[2])
if keep > 0 then
  redis.call('RPUSH', KEYS[2], string.format('%.0f', at) .. ' ' .. ARGV[3])
  redis.call('LTRIM', KEYS[2], -keep, -1)
  redis.call('PEXPIRE', KEYS[2], math.ceil((at - now) / 1000) + 3600000)
end
return at - now
"""


class RedisRateLimit:
    """Downloader middleware: before each request, reserve the next send time of its host in Redis and
    wait for it, so all the workers together send at most CLEANWIRE_REDIS_RATE requests per second per
    host. Counted: cleanwire/redis_rate/requests, .../waits, .../wait_seconds, .../late_turns (turns
    given up because the reactor woke the request too late to keep the spacing) and .../late_sends
    (requests sent late all the same, after MAX_TURNS late turns)."""

    LATE = 0.25  # of an interval: woken later than this, the request takes a new turn
    MAX_TURNS = 5

    def __init__(self, crawler):
        url = crawler.settings.get("CLEANWIRE_REDIS_URL")
        if not url:
            raise NotConfigured
        self.stats = crawler.stats
        # rounded up: 12/s rounded to 83333 us would fit 13 grants in 999996 us, under one second
        self.interval_us = math.ceil(1_000_000 / crawler.settings.getfloat("CLEANWIRE_REDIS_RATE"))
        self.log_size = max(0, crawler.settings.getint("CLEANWIRE_REDIS_RATE_LOG", 0))
        self.worker = f"{socket.gethostname()}:{os.getpid()}"
        self.db = redis_client(url)
        self.reserve = self.db.register_script(_RESERVE)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_request(self, request, spider=None):
        host = urlsplit(request.url).netloc.lower()
        keys = [RATE_KEY.format(host=host), GRANTS_KEY.format(host=host)]
        args = [self.interval_us, self.log_size, f"{self.worker} {request.url}" if self.log_size else ""]
        self.stats.inc_value("cleanwire/redis_rate/requests")
        for _ in range(self.MAX_TURNS):
            wait = int(self.reserve(keys=keys, args=args)) / 1e6
            if wait <= 0:
                return None
            self.stats.inc_value("cleanwire/redis_rate/waits")
            self.stats.inc_value("cleanwire/redis_rate/wait_seconds", round(wait, 3), start=0.0)
            due = time.monotonic() + wait
            await asyncio.sleep(wait)
            if time.monotonic() - due <= self.LATE * self.interval_us / 1e6:
                return None
            # woken late (the reactor was busy): sent now, this request could land right beside the
            # next worker's; its turn is given up and a new one taken
            self.stats.inc_value("cleanwire/redis_rate/late_turns")
        self.stats.inc_value("cleanwire/redis_rate/late_sends")
        return None


# ---------------------------------------------------------------------------------------- idle close

#: KEYS[1] workers (zset: id -> last beat), KEYS[2] the queue, KEYS[3] the duplicate filter;
#: ARGV[1] this worker, ARGV[2] beats older than this are dead. Returns 1 when it deleted the filter.
_LEAVE = """
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
if redis.call('ZCARD', KEYS[1]) == 0 and redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('DEL', KEYS[3])
  return 1
end
return 0
"""


class RedisIdleClose:
    """Keeps a worker open while the shared queue is empty for less than CLEANWIRE_REDIS_IDLE_CLOSE
    seconds (another worker may still be adding to it), polls the queue twice a second meanwhile, and
    registers the worker in Redis so that the last one to leave clears the duplicate filter."""

    POLL = 0.5

    def __init__(self, crawler):
        url = crawler.settings.get("CLEANWIRE_REDIS_URL")
        if not url:
            raise NotConfigured
        self.crawler = crawler
        self.idle_close = crawler.settings.getfloat("CLEANWIRE_REDIS_IDLE_CLOSE", 30.0)
        self.db = redis_client(url)
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.idle_since: float | None = None
        self.loop = None
        self.keys: dict[str, str] = {}
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def spider_opened(self, spider):
        from scrapy.utils.asyncio import create_looping_call

        name = spider.name
        self.keys = {"workers": WORKERS_KEY.format(spider=name), "queue": QUEUE_KEY % {"spider": name},
                     "dupefilter": DUPEFILTER_KEY % {"spider": name}}
        self._beat()
        self.loop = create_looping_call(self._tick)
        self.loop.start(self.POLL, now=False)
        logger.info("distributed crawl: worker %s on %s (idle close after %.0f s)", self.worker,
                    self.crawler.settings.get("CLEANWIRE_REDIS_URL"), self.idle_close)

    def _beat(self) -> None:
        self.db.zadd(self.keys["workers"], {self.worker: time.time()})

    def _tick(self) -> None:
        """Heartbeat; and, while idle, ask the engine for the next request now rather than at its own
        5 s heartbeat, so work another worker queues is taken up at once."""
        try:
            self._beat()
        except Exception as exc:  # noqa: BLE001 - Redis away for a moment: the next tick retries
            logger.warning("distributed crawl: heartbeat failed: %s", exc)
        engine = self.crawler.engine
        slot = getattr(engine, "_slot", None)
        if slot is None or slot.closing is not None:
            return
        if not engine.spider_is_idle():
            self.idle_since = None  # busy again: the idle time starts over next time
        elif self.idle_since is not None:
            slot.nextcall.schedule()

    def spider_idle(self, spider):
        now = time.monotonic()
        if self.idle_since is None:
            self.idle_since = now
            self.crawler.stats.inc_value("cleanwire/redis_idle_waits")
        if now - self.idle_since < self.idle_close:
            raise DontCloseSpider
        logger.info("distributed crawl: shared queue empty for %.1f s, worker %s closes", now - self.idle_since,
                    self.worker)

    def spider_closed(self, spider, reason):
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        if not self.keys:
            return
        try:
            cleared = self.db.eval(_LEAVE, 3, self.keys["workers"], self.keys["queue"], self.keys["dupefilter"],
                                   self.worker, time.time() - WORKER_TIMEOUT)
            if cleared:
                logger.info("distributed crawl: last worker out, duplicate filter %s cleared", self.keys["dupefilter"])
        except Exception as exc:  # noqa: BLE001
            logger.warning("distributed crawl: could not leave the worker set: %s", exc)
        self.db.close()
