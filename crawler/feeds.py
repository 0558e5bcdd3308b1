"""Feed storage that never leaves half a line: the file is opened unbuffered, so each record the
JSON Lines exporter writes goes to the file in one `write()` — a crawl killed with `kill -9`
leaves whole lines only."""

from __future__ import annotations

from pathlib import Path

from scrapy.extensions.feedexport import FileFeedStorage


class LineSafeFileFeedStorage(FileFeedStorage):
    """Local file feed storage, unbuffered (one write per exported item)."""

    def open(self, spider):
        path = Path(self.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open(self.write_mode, buffering=0)


def uri_params(params: dict, spider) -> dict:
    """Feed URI parameters: Scrapy's (`%(name)s`, `%(time)s`) plus `%(date)s`, today in UTC."""
    from datetime import UTC, datetime

    return {**params, "date": datetime.now(UTC).strftime("%Y-%m-%d")}
