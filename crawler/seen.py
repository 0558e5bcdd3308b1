"""The seen-store: which article URLs a spider has already written, with the hash of their clean text.

SQLite, one file per spider (`output/.state/<spider>.sqlite` by default; setting `CLEANWIRE_STATE`).
A rerun skips stored articles; with `recrawl=changed` it refetches them and writes a new version
only when the clean text changed. Listings, feeds and sitemaps are never stored: they are always
refetched. Each `mark()` commits at once, so a crash loses at most the article being written.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time


def text_hash(text: str) -> str:
    """sha256 of a record's clean text (hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class SeenStore:
    """Canonical URL -> (content hash, first seen, last seen) in SQLite."""

    def __init__(self, path: str):
        self.path = path
        folder = os.path.dirname(os.path.abspath(path))
        os.makedirs(folder, exist_ok=True)
        self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS seen (url TEXT PRIMARY KEY, hash TEXT NOT NULL, "
                        "first_seen REAL NOT NULL, last_seen REAL NOT NULL)")

    def __contains__(self, url: str) -> bool:
        return self.db.execute("SELECT 1 FROM seen WHERE url = ?", (url,)).fetchone() is not None

    def hash_of(self, url: str) -> str | None:
        row = self.db.execute("SELECT hash FROM seen WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None

    def mark(self, url: str, digest: str) -> None:
        now = time.time()
        self.db.execute("INSERT INTO seen (url, hash, first_seen, last_seen) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT(url) DO UPDATE SET hash = excluded.hash, last_seen = excluded.last_seen",
                        (url, digest, now, now))

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM seen").fetchone()[0]

    def close(self) -> None:
        self.db.close()
