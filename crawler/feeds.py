"""Feed storage that never leaves half a line, and lets the seen-store sync it before marking.

The file is opened unbuffered, so each record the JSON Lines exporter writes goes to the file in
one `write()`: a crawl killed with `kill -9` leaves whole lines only. A duplicate of the file's
descriptor goes to `crawler.cleanwire_feed_fds`; the seen-store's marking thread
(`crawler.seen.DurableMarks`) `fdatasync`s through it before it marks articles as seen, so a kill
or a power cut can never leave an article marked but missing from the output.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from scrapy.extensions.feedexport import FileFeedStorage


class _WholeWrites(io.FileIO):
    """A raw file whose every write is written whole before it returns."""

    def write(self, data) -> int:
        view = memoryview(data).cast("B")
        done = 0
        while done < len(view):
            done += super().write(view[done:])
        return done


class LineSafeFileFeedStorage(FileFeedStorage):
    """Local file feed storage, unbuffered (one write per exported item)."""

    fds: list[int] | None = None  # where a duplicate descriptor of each opened file goes

    @classmethod
    def from_crawler(cls, crawler, uri, *, feed_options=None):
        storage = cls(uri, feed_options=feed_options)
        storage.fds = getattr(crawler, "cleanwire_feed_fds", None)
        return storage

    def open(self, spider):
        path = Path(self.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = _WholeWrites(path, self.write_mode)
        if self.fds is not None:
            self.fds.append(os.dup(handle.fileno()))
        return handle


def uri_params(params: dict, spider) -> dict:
    """Feed URI parameters: Scrapy's (`%(name)s`, `%(time)s`) plus `%(date)s`, today in UTC."""
    from datetime import UTC, datetime

    return {**params, "date": datetime.now(UTC).strftime("%Y-%m-%d")}
