"""`scrapy crawl` that exits 1 when the crawl failed (no page could be fetched), 3 when it finished
but lost pages to faults (named in its summary line; see `crawler.extensions`), and
writes to `CLEANWIRE_DEFAULT_FEED` (`output/<spider>/<YYYY-MM-DD>.jsonl`) when no -o/-O is given.
`-o DIR/` writes shards with a manifest, `-o FILE.jsonl.gz` (or `.zst`) a compressed file (see
`crawler.feeds`)."""

from __future__ import annotations

from scrapy.commands.crawl import Command as ScrapyCrawl

from .. import extensions


class Command(ScrapyCrawl):
    def short_desc(self) -> str:
        return "Run a spider; exit status 1 when the crawl failed, 3 when pages were lost to faults (cleanwire)"

    def process_options(self, args, opts) -> None:
        # `-o DIR/` (shards) and `-o FILE.jsonl.gz|.zst` (compressed) are JSON Lines (crawler.feeds);
        # Scrapy would read their format from the name's last suffix
        for option in ("output", "overwrite_output"):
            given = getattr(opts, option, None)
            if given:
                setattr(opts, option, [f"{o}:jsonlines" if o.endswith(("/", ".gz", ".zst")) else o for o in given])
        super().process_options(args, opts)
        if not (opts.output or opts.overwrite_output) and not self.settings.getdict("FEEDS"):
            self.settings.set("FEEDS", {self.settings.get("CLEANWIRE_DEFAULT_FEED"): {"format": "jsonlines"}},
                              priority="cmdline")

    def run(self, args, opts) -> None:
        super().run(args, opts)
        if extensions.FAILED:
            self.exitcode = 1
        elif extensions.PARTIAL:
            self.exitcode = 3
