"""Scrapy settings for cleanwire: polite by default. Records go to `output/<spider>/<YYYY-MM-DD>.jsonl`
unless `-o`/`-O` is given.

Override any of them per run with `-s NAME=VALUE`; the cleanwire-specific ones are:

* `CLEANWIRE_STATE`: the seen-store file (default `output/.state/<spider>.sqlite`);
* `CLEANWIRE_CLEAN_WORKERS`: processes that clean pages beside the reactor (default: cores);
* `CLEANWIRE_CLEAN`: 0 switches cleaning off (a bare fetch, for `bench/crawl.py`);
* `CLEANWIRE_CLEAN_TIMEOUT`: seconds one page may take to clean (default 30); beyond it the page is
  a `timeout` error and the cleaning processes are replaced;
* `CLEANWIRE_CONTACT`: the contact URL named in the User-Agent;
* `CLEANWIRE_PRIVATE_ADDRESSES`: `auto` (default), `deny` or `allow`: requests to private, loopback,
  link-local (cloud metadata), multicast or reserved addresses, by IP or by a name resolving to one,
  are refused (`crawler.guard`); `auto` allows them when every start URL is on one (a local crawl),
  `deny` refuses them but for the start URLs' own host:port, `allow` turns the check off. Schemes other
  than http and https are refused in every mode;
* `CLEANWIRE_RETRY_BACKOFF`, `CLEANWIRE_RETRY_BACKOFF_MAX`, `CLEANWIRE_RETRY_AFTER_MAX`: how long a
  host is paused before a retry (see `crawler.middlewares`);
* `CLEANWIRE_ROBOTS_UNAVAILABLE`: `disallow` (default, RFC 9309) or `allow` — what a robots.txt
  that answers 5xx or cannot be fetched means;
* `CLEANWIRE_MAX_SITEMAPS_PER_INDEX` (10000), `CLEANWIRE_MAX_LINKS_PER_PAGE` (10000),
  `CLEANWIRE_MAX_REQUESTS` (200000): bounds on breadth — sitemaps followed per sitemap index (the
  most recently modified first), requests made from the links of one HTML page or feed, requests
  made by one crawl; each bound hit is counted in the summary (`cleanwire/bounds/*`); 0: no bound;
* `CLEANWIRE_ERRORS`: where error records go — one JSON line {path, url, error, message} per page
  lost to a fault or a cleaning error (default: beside the feed, `FEED.errors.jsonl`); locked while a
  crawl writes it (`.NAME.lock`, as the feed is); one that is the feed itself is refused (exit status 2);
* `CLEANWIRE_SHARD_SIZE`: with `-o DIR/`, records per shard (`50000`, the default) or bytes on disk
  (`64MB`); `CLEANWIRE_COMPRESS`: `gzip` or `zstd` compresses the shards (default `none`; a file
  named `.jsonl.gz` or `.jsonl.zst` is compressed by its name) — see `crawler.feeds`;
* `CLEANWIRE_FSYNC`: 0 stops syncing each record to disk before the seen-store marks it (faster on
  slow disks; a power cut may then lose articles already marked as seen);
* `CLEANWIRE_REDIS_URL`: `redis://HOST:PORT/DB` makes the crawl one worker of a distributed crawl
  (`crawler.redis_mode`): queue, duplicate filter, seen-store and per-host rate limit shared in Redis;
* `CLEANWIRE_REDIS_RATE`: requests per second per host across all the workers (default:
  1 / DOWNLOAD_DELAY, 4 when it is 0); `CLEANWIRE_REDIS_IDLE_CLOSE`: seconds a worker waits on an
  empty shared queue before it closes (default 30); `CLEANWIRE_REDIS_RATE_LOG`: N keeps the last N
  grants of the shared rate limit per host in Redis, for audit (default 0: none);
* `CLEANWIRE_DEDUP`: a duplicate index folder (e.g. `output/.state/dedup/`; empty: off). Each article
  is checked against every record kept in it (by this crawl, earlier crawls, or `cleanwire dedup
  --index` on the same folder); an exact or near copy is not written but counted as
  `cleanwire/duplicates/exact|near`. One run at a time uses a folder: a crawl that cannot open it
  (locked by another run, made with other settings) stops before fetching, exit status 5
  (`crawler.pipelines.CrawlDedup`); `CLEANWIRE_DEDUP_THRESHOLD`: the Jaccard similarity from which
  two texts are near copies (default 0.8, as `cleanwire dedup --threshold`);
  `CLEANWIRE_KEEP_DUPS`: 1 writes the duplicates too, with `dup_of` (the id of the record kept) and
  `dup_kind` (`exact` or `near`), as `cleanwire dedup --keep-dups` does.
"""

BOT_NAME = "cleanwire"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
COMMANDS_MODULE = "crawler.commands"

CLEANWIRE_CONTACT = "https://example.invalid/cleanwire"
USER_AGENT = f"cleanwire/0.1 (+{CLEANWIRE_CONTACT})"

# politeness
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024  # pages beyond 10 MB are dropped (the cleaner's limit too)
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 3  # each after a back-off pause of the host (crawler.middlewares)
RETRY_GIVE_UP_LOG_LEVEL = "DEBUG"  # the spider logs one line per failed fetch, with the attempts
DOWNLOAD_FAIL_ON_DATALOSS = True  # a truncated body is a failed fetch (and retried), never half a page
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
REDIRECT_MAX_TIMES = 5
DEPTH_LIMIT = 4
DEPTH_PRIORITY = 1  # breadth first: listings before deep pages
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
DOWNLOAD_HANDLERS = {"ftp": None, "s3": None, "data": None, "file": None}  # http and https only

# HTTP cache off by default; `-s HTTPCACHE_ENABLED=1` turns it on (kept in .scrapy/httpcache)
HTTPCACHE_ENABLED = False
HTTPCACHE_EXPIRATION_SECS = 24 * 3600

# faults and hostile links: Retry-After and back-off (crawler.middlewares), the private-address guard
# (crawler.guard); Scrapy's own RetryMiddleware is replaced by ours
DOWNLOADER_MIDDLEWARES = {
    "crawler.guard.AddressGuard": 50,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.RobotsPolicyMiddleware": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
    "crawler.middlewares.RedirectLoopMiddleware": 650,  # sees a 3xx before RedirectMiddleware (600)
    "crawler.middlewares.CharsetGuard": 585,  # after HttpCompression (590), before MetaRefresh (580)
}
CLEANWIRE_PRIVATE_ADDRESSES = "auto"  # private targets: auto, deny or allow (crawler.guard)
CLEANWIRE_RETRY_BACKOFF = 1.0  # seconds before the first retry, doubled at each next one
CLEANWIRE_RETRY_BACKOFF_MAX = 60.0
CLEANWIRE_RETRY_AFTER_MAX = 300.0  # a longer Retry-After is waited this long
CLEANWIRE_ROBOTS_UNAVAILABLE = "disallow"  # robots.txt 5xx or unreachable: RFC 9309 (or "allow")

# bounds on breadth (crawler.spiders.base; 0: no bound), each counted in the summary when hit. A news
# site's sitemap index lists one sitemap per day or month: 10,000 is 27 years of daily sitemaps (and
# with since= the older ones are skipped first). A home or section page links a few hundred pages, a
# long archive page a few thousand. A daily or weekly crawl of a site queues a few thousand requests;
# 200,000 distinct URLs keeps the queue and duplicate filter within a few hundred MB.
CLEANWIRE_MAX_SITEMAPS_PER_INDEX = 10_000  # sitemaps followed per sitemap index (the most recent)
CLEANWIRE_MAX_LINKS_PER_PAGE = 10_000  # requests made from the links of one HTML page or feed
CLEANWIRE_MAX_REQUESTS = 200_000  # requests made by one crawl (distinct URLs from links, sitemaps, feeds)

ITEM_PIPELINES = {"crawler.pipelines.CleanPipeline": 300}
CLEANWIRE_CLEAN = True
CLEANWIRE_CLEAN_TIMEOUT = 30.0  # seconds per page in the cleaning pool (crawler.pipelines)
CLEANWIRE_FSYNC = True  # each record synced to disk before the seen-store marks it (crawler.feeds)
CLEANWIRE_DEDUP = ""  # a duplicate index folder (cleaners.dedup); empty: no duplicate check
CLEANWIRE_DEDUP_THRESHOLD = 0.8  # cleaners.dedup.DEFAULT_THRESHOLD (not imported here: numpy is slow to load)
CLEANWIRE_KEEP_DUPS = False  # True: duplicates are written, with dup_of and dup_kind
EXTENSIONS = {"crawler.extensions.CleanwireState": 900}  # after the feed exporter (0)

# distributed crawling: off unless CLEANWIRE_REDIS_URL is set (crawler.redis_mode)
ADDONS = {"crawler.redis_mode.RedisMode": 100}
CLEANWIRE_REDIS_URL = ""
CLEANWIRE_REDIS_IDLE_CLOSE = 30.0

# records: JSON Lines, written one whole line per write (see crawler.feeds)
FEED_EXPORT_ENCODING = "utf-8"
FEED_STORAGES = {"": "crawler.feeds.LineSafeFileFeedStorage", "file": "crawler.feeds.LineSafeFileFeedStorage"}
FEED_STORE_EMPTY = True
CLEANWIRE_SHARD_SIZE = "50000"  # with -o DIR/: records per shard, or a size on disk ("64MB")
CLEANWIRE_COMPRESS = ""  # none, gzip or zstd; empty: by the name of the -o target (.gz, .zst)

REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # no control server on any port

# where `scrapy crawl` writes when neither -o/-O nor FEEDS says (see crawler.commands.crawl)
CLEANWIRE_DEFAULT_FEED = "output/%(name)s/%(date)s.jsonl"
FEED_URI_PARAMS = "crawler.feeds.uri_params"
