"""`scrapy crawl` that exits 1 when the crawl failed (nothing fetched, every request failed)."""

from __future__ import annotations

from scrapy.commands.crawl import Command as ScrapyCrawl

from .. import extensions


class Command(ScrapyCrawl):
    def short_desc(self) -> str:
        return "Run a spider; exit status 1 when the crawl failed (cleanwire)"

    def run(self, args, opts) -> None:
        super().run(args, opts)
        if extensions.FAILED:
            self.exitcode = 1
