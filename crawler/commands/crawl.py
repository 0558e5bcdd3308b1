"""`scrapy crawl` that exits 1 when the crawl failed (no page could be fetched), 3 when it finished
but lost pages to faults (named in its summary line; see `crawler.extensions`), and
writes to `CLEANWIRE_DEFAULT_FEED` (`output/<spider>/<YYYY-MM-DD>.jsonl`) when no -o/-O is given."""

from __future__ import annotations

from scrapy.commands.crawl import Command as ScrapyCrawl

from .. import extensions


class Command(ScrapyCrawl):
    def short_desc(self) -> str:
        return "Run a spider; exit status 1 when the crawl failed, 3 when pages were lost to faults (cleanwire)"

    def process_options(self, args, opts) -> None:
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
