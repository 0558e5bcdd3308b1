"""Exact and near-duplicate detection for records, against a persistent index.

Two checks, in this order, for each record's `text`:

* exact: a BLAKE2b hash (16 bytes) of the normalized text. Normalization (`normalize`) is NFKC,
  casefold, and every run of whitespace (line breaks included) collapsed to one space, trimmed.
  Punctuation and digits are kept, so the exact check only joins texts that read the same: the
  same article with other whitespace, line breaks or letter case. A changed figure, a typo or a
  changed footer line is left to the near check.
* near: word 5-gram shingles of the normalized text (words = runs of letters/digits, punctuation
  dropped) -> datasketch `MinHash` (128 permutations, seed 1, datasketch 2.0's "affine32"
  scheme: 128 uint32 values, 512 bytes) -> locality-sensitive hashing in bands. The band count
  and width are those datasketch's `MinHashLSH` picks for the threshold with weights (0.05, 0.95)
  on false positives / false negatives (0.8 -> 16 bands of 8 values): a pair of true Jaccard 0.85
  is missed with probability 0.6%, 0.9: 0.01%. (Its default even weights give 9 bands of 13,
  which miss 31% of the pairs at 0.85 and 7% at 0.9 -- measured: 1 of 100 footer-changed copies
  lost on 2,200 records.) The price is more candidates (6% of pairs at Jaccard 0.5). Every LSH
  candidate is confirmed with `MinHash.jaccard` (the estimated Jaccard
  similarity of the two shingle sets) >= threshold, so a chance band collision never makes a pair.

Texts under `MIN_NEAR_WORDS` (50) words only get the exact check: a 5-gram shingle set of a few
dozen shingles is too small for a 128-value estimate to be stable (one changed word changes up to
five of 30 shingles), and short texts are mostly formulaic (captions, one-line notices) whose
shared wording would make false near pairs.

The index is a folder holding `index.sqlite`: one row per record kept (its id, exact hash and
signature bytes, or no signature for a short text) and the settings the signatures were made
with. On start the band tables are rebuilt from the stored signatures, so a new run finds
duplicates of every record kept by earlier runs. The band tables are numpy arrays (per band a
sorted uint64 array of band hashes and an int64 array of rows: 16 x 16 = 256 bytes a record,
about 260 MB for a million records, plus the rebuild reading 512 MB of signatures from disk in chunks);
signatures stay on disk and only a candidate's is read back. datasketch's own `MinHashLSH`
in-memory storage was measured at about 3 KB a record (3 GB for a million) and persists only
through Redis or Cassandra, so it is not used for the tables. Exact hashes are looked up through an
SQLite index, not held in memory. The SQLite file costs about 560 bytes a record on disk.

One run at a time uses a folder: the index takes SQLite's write lock when it opens (`BEGIN
IMMEDIATE`, waiting at most 0.5 s, else `DedupIndexError`) in exclusive locking mode, so the lock is
held until `commit()` or `close()`, across every `checkpoint()` between them. A crawl
(`crawler.pipelines`, setting `CLEANWIRE_DEDUP`) checks with `ignore_own=True` and checkpoints before
it writes each record; `cleanwire dedup` commits once, after its output.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SEED = 1
SHINGLE = 5
MIN_NEAR_WORDS = 50
DEFAULT_THRESHOLD = 0.8
LSH_WEIGHTS = (0.05, 0.95)  # false positives are cheap (a Jaccard check), false negatives are lost pairs
INDEX_FILE = "index.sqlite"
# What a stored signature depends on; an index made with other settings is refused.
SETTINGS = {"format": "cleanwire-dedup 1", "num_perm": str(NUM_PERM), "seed": str(SEED), "shingle": str(SHINGLE),
            "min_near_words": str(MIN_NEAR_WORDS), "normalize": "nfkc-casefold-ws 1", "words": r"\w+",
            "hash": "blake2b-16"}

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)


class DedupIndexError(Exception):
    """The index folder cannot be used. `reason`: "busy" (another run holds it), "settings" (made
    with other settings: a usage error, another folder is needed) or "unusable" (not a database,
    cannot be opened or written)."""

    def __init__(self, message: str, reason: str = "unusable"):
        super().__init__(message)
        self.reason = reason


def normalize(text: str) -> str:
    """The text the exact hash is taken of: NFKC, casefold, whitespace runs -> one space, trimmed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def exact_hash(text: str) -> bytes:
    return hashlib.blake2b(normalize(text).encode("utf-8"), digest_size=16).digest()


def words(text: str) -> list[str]:
    return _WORD.findall(normalize(text))


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Word `size`-grams of the normalized text, punctuation dropped."""
    w = words(text)
    if len(w) < size:
        return {" ".join(w)} if w else set()
    return {" ".join(w[i:i + size]) for i in range(len(w) - size + 1)}


_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED)


def minhash(text: str) -> MinHash | None:
    """The MinHash of the text's shingles, or None for a text under MIN_NEAR_WORDS words."""
    w = words(text)
    if len(w) < MIN_NEAR_WORDS:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme)
    m.update_batch([" ".join(w[i:i + SHINGLE]).encode("utf-8") for i in range(len(w) - SHINGLE + 1)])
    return m


def _from_bytes(blob: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme,
                   hashvalues=np.frombuffer(blob, dtype=np.uint32))


def lsh_params(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) as datasketch's MinHashLSH picks them for `threshold`."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, weights=LSH_WEIGHTS)
    return lsh.b, lsh.r


def _band_hashes(sigs: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """(n, 128) uint32 signatures -> (n, bands) uint64 band hashes (an FNV-style mix; a collision only
    makes a candidate, which the Jaccard check then rejects). All bands at once: `rows` rounds of
    numpy operations, not bands x rows (a crawl hashes one signature at a time)."""
    n = sigs.shape[0]
    cols = sigs[:, :bands * rows].astype(np.uint64).reshape(n, bands, rows)
    h = np.broadcast_to(np.uint64(0xCBF29CE484222325) ^ np.arange(bands, dtype=np.uint64), (n, bands)).copy()
    with np.errstate(over="ignore"):
        for j in range(rows):
            h = (h ^ cols[:, :, j]) * np.uint64(0x100000001B3)
            h ^= h >> np.uint64(29)
    return h


@dataclass
class Match:
    kind: str  # "exact" or "near"
    of: str  # the id of the earlier record
    similarity: float  # 1.0 for exact; the estimated Jaccard for near


class DedupIndex:
    """The duplicate index, in memory (`path=None`) or in a folder. `check(id, text)` returns the
    Match of an earlier record, or None after adding the record to the index. Changes to a folder
    index are kept only by `commit()` (or `checkpoint()`); `close()` leaves the index as it was at
    the last of them."""

    def __init__(self, path: str | None = None, threshold: float = DEFAULT_THRESHOLD):
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self.bands, self.rows = lsh_params(threshold)
        if path is None:
            db = ":memory:"
        else:
            os.makedirs(path, exist_ok=True)
            db = os.path.join(path, INDEX_FILE)
        try:
            self.db = sqlite3.connect(db, timeout=0.5, isolation_level=None)
            # one run at a time: exclusive locking mode keeps the lock BEGIN IMMEDIATE takes until the
            # connection closes, across checkpoints (another run cannot slip in between two of them)
            self.db.execute("PRAGMA locking_mode=EXCLUSIVE")
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT)")
            self.db.execute("CREATE TABLE IF NOT EXISTS records (row INTEGER PRIMARY KEY, id TEXT NOT NULL, "
                            "exact BLOB NOT NULL, sig BLOB)")
            self.db.execute("CREATE INDEX IF NOT EXISTS records_exact ON records (exact)")
            stored = dict(self.db.execute("SELECT name, value FROM settings"))
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise DedupIndexError(f"{db}: {exc} (another cleanwire dedup or crawl using this index?)",
                                      "busy") from exc
            raise DedupIndexError(f"{db}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise DedupIndexError(f"{db}: not a cleanwire dedup index ({exc})") from exc
        if stored and stored != SETTINGS:
            raise DedupIndexError(f"{db}: made with other settings ({stored}); use a new --index folder", "settings")
        if not stored:
            self.db.executemany("INSERT INTO settings VALUES (?, ?)", SETTINGS.items())
        self.size = self.db.execute("SELECT count(*) FROM records").fetchone()[0]
        #: rows up to this one were kept by earlier runs (see `check`'s ignore_own)
        self.earlier = self.db.execute("SELECT coalesce(max(row), 0) FROM records").fetchone()[0]
        self.added = 0  # records added by this run
        self._load()
        self.new: list[dict[int, list[int]]] = [{} for _ in range(self.bands)]

    def _load(self, chunk: int = 50_000) -> None:
        """Rebuild the band tables from the stored signatures."""
        keys: list[list[np.ndarray]] = [[] for _ in range(self.bands)]
        rowids: list[np.ndarray] = []
        cur = self.db.execute("SELECT row, sig FROM records WHERE sig IS NOT NULL ORDER BY row")
        while batch := cur.fetchmany(chunk):
            rowids.append(np.fromiter((r for r, _ in batch), dtype=np.int64, count=len(batch)))
            sigs = np.frombuffer(b"".join(s for _, s in batch), dtype=np.uint32).reshape(len(batch), NUM_PERM)
            hashes = _band_hashes(sigs, self.bands, self.rows)
            for b in range(self.bands):
                keys[b].append(hashes[:, b])
        allrows = np.concatenate(rowids) if rowids else np.empty(0, dtype=np.int64)
        self.base: list[tuple[np.ndarray, np.ndarray]] = []
        for b in range(self.bands):
            k = np.concatenate(keys[b]) if keys[b] else np.empty(0, dtype=np.uint64)
            order = np.argsort(k, kind="stable")
            self.base.append((k[order], allrows[order]))

    def _candidates(self, hashes: np.ndarray) -> set[int]:
        found: set[int] = set()
        for b in range(self.bands):
            h = hashes[b]
            keys, rows = self.base[b]
            lo = np.searchsorted(keys, h, side="left")
            hi = np.searchsorted(keys, h, side="right")
            if hi > lo:
                found.update(rows[lo:hi].tolist())
            found.update(self.new[b].get(int(h), ()))
        return found

    def check(self, rid: str, text: str, *, ignore_own: bool = False) -> Match | None:
        """The Match of an earlier record, or None after adding this one to the index.

        `ignore_own`: a record an earlier run kept under the same id is not an earlier record. A
        crawl's ids are stable per URL (`cleaners.document.make_id`), and a crawl writes a URL again
        when its record was lost (the index kept it, the crawl was killed before the record was on
        disk) or, with `recrawl=changed`, when its text changed: neither is a duplicate of itself.
        An unchanged text already kept under this id is not added again. A second record of the
        same id in the same run is still a duplicate."""
        exact = exact_hash(text)
        own = False
        for row, other in self.db.execute("SELECT row, id FROM records WHERE exact = ? ORDER BY row",
                                          (exact,)).fetchall():
            if ignore_own and other == rid and row <= self.earlier:
                own = True
                continue
            return Match("exact", other, 1.0)
        if own:
            return None  # this very text, kept under this id by an earlier run: in the index already
        m = minhash(text)
        hashes = None
        if m is not None:
            hashes = _band_hashes(m.hashvalues.reshape(1, -1), self.bands, self.rows)[0]
            best: tuple[float, int, str] | None = None
            for row in sorted(self._candidates(hashes)):
                other_id, sig = self.db.execute("SELECT id, sig FROM records WHERE row = ?", (row,)).fetchone()
                if ignore_own and other_id == rid and row <= self.earlier:
                    continue
                similarity = m.jaccard(_from_bytes(sig))
                if similarity >= self.threshold and (best is None or similarity > best[0]):
                    best = (similarity, row, other_id)
            if best is not None:
                return Match("near", best[2], best[0])
        row = self.db.execute("INSERT INTO records (id, exact, sig) VALUES (?, ?, ?)",
                              (rid, exact, None if m is None else m.hashvalues.astype(np.uint32).tobytes())).lastrowid
        self.added += 1
        if hashes is not None:
            for b in range(self.bands):
                self.new[b].setdefault(int(hashes[b]), []).append(row)
        return None

    def checkpoint(self) -> None:
        """Keep (commit) the records added so far and go on; the folder stays locked."""
        self.db.execute("COMMIT")
        self.db.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.db.execute("COMMIT")
        self.db.close()

    def close(self) -> None:
        """Close without keeping the additions made since the last `checkpoint()` (all of this run's
        when there was none)."""
        try:
            self.db.execute("ROLLBACK")
        except sqlite3.OperationalError:
            pass
        self.db.close()


def find_duplicates(records: Iterable[tuple[str, str]], threshold: float = DEFAULT_THRESHOLD,
                    index: DedupIndex | None = None) -> dict[str, Match]:
    """{id: Match} for every duplicate among (id, text) pairs, taken in order against `index` (a new
    in-memory one by default). The first occurrence of a text is never in the result."""
    own = index is None
    index = index or DedupIndex(None, threshold)
    try:
        return {rid: match for rid, text in records if (match := index.check(rid, text)) is not None}
    finally:
        if own:
            index.close()
