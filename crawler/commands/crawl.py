"""`scrapy crawl` with cleanwire's exit statuses (`cleaners.exits.Exit`, read from the crawl's stats
by `crawler.extensions.exit_status`): 0 done, 2 usage error, 3 pages lost to faults (named in its
summary line), 4 nothing fetched, 5 the output could not be written, 130 interrupted (Ctrl-C or
SIGTERM; the same command goes on where it stopped); and that
writes to `CLEANWIRE_DEFAULT_FEED` (`output/<spider>/<YYYY-MM-DD>.jsonl`) when no -o/-O is given.
`-o DIR/` writes shards with a manifest, `-o FILE.jsonl.gz` (or `.zst`) a compressed file (see
`crawler.feeds`)."""

from __future__ import annotations

import sys

from scrapy.commands.crawl import Command as ScrapyCrawl

from cleaners.exits import Exit

from .. import extensions


class Command(ScrapyCrawl):
    def short_desc(self) -> str:
        return ("Run a spider; exit status 3 when pages were lost to faults, 4 when nothing was fetched, 5 when "
                "the output could not be written, 130 when interrupted (cleanwire)")

    def process_options(self, args, opts) -> None:
        # `-o DIR/` (shards) and `-o FILE.jsonl.gz|.zst` (compressed) are JSON Lines (crawler.feeds);
        # Scrapy would read their format from the name's last suffix
        for option in ("output", "overwrite_output"):
            given = getattr(opts, option, None)
            if given:
                setattr(opts, option, [f"{o}:jsonlines" if o.endswith(("/", ".gz", ".zst")) else o for o in given])
        super().process_options(args, opts)
        if self._spider_arguments_refused(args, opts):  # before Scrapy starts (and logs) anything
            sys.exit(Exit.USAGE)
        if not (opts.output or opts.overwrite_output) and not self.settings.getdict("FEEDS"):
            self.settings.set("FEEDS", {self.settings.get("CLEANWIRE_DEFAULT_FEED"): {"format": "jsonlines"}},
                              priority="cmdline")

    def long_desc(self) -> str:
        from ..spiders.base import ARGUMENTS

        return (f"{self.short_desc()}. Arguments of the cleanwire spiders (-a NAME=VALUE), checked before the "
                "crawl starts (a bad one: one line, exit status 2): "
                + "; ".join(f"{a.name}={a.form}: {a.help}" for a in ARGUMENTS))

    def _spider_arguments_refused(self, args, opts) -> bool:
        """Check the spider's `-a` arguments (`crawler.spiders.base.ARGUMENTS`) before anything starts:
        a bad value, an unknown name or a missing start is one line on stderr and exit status 2 (not
        a traceback from inside the running crawl)."""
        if len(args) != 1 or not isinstance(getattr(opts, "spargs", None), dict):
            return False  # Scrapy's own usage error follows
        from scrapy.spiderloader import get_spider_loader

        try:
            spidercls = get_spider_loader(self.settings).load(args[0])
        except KeyError:
            return False  # Scrapy says the spider is not found
        check = getattr(spidercls, "parse_arguments", None)
        if check is None:
            return False
        from ..spiders.base import SpiderArgumentError

        try:
            check(opts.spargs)
        except SpiderArgumentError as exc:
            print(f"scrapy crawl {args[0]}: {exc}", file=sys.stderr, flush=True)
            return True
        return False

    def _create_crawler(self, spname):
        # kept, so run() reads the crawl's stats once it is over (as Scrapy's own command reads
        # bootstrap_failed)
        self.crawler = super()._create_crawler(spname)
        return self.crawler

    def run(self, args, opts) -> None:
        super().run(args, opts)
        crawler = getattr(self, "crawler", None)
        if self.exitcode or crawler is None or crawler.stats is None:  # bootstrap failed: a traceback, 1
            return
        self.exitcode = int(extensions.exit_status(crawler.stats.get_stats()))
