#!/usr/bin/env python3
"""Extraction quality and speed on the scrapinghub article-extraction benchmark.

Runs cleanwire and the anchors (trafilatura's defaults, and with favor_precision; both with
include_comments=False, since reader comments are not the article body) over the same
181 pages in the same run, and prints precision / recall / F1 (shingle metric of the upstream
benchmark) and pages per second for each, plus the ratios of cleanwire to each anchor.

The data are read at run time from ../shared/bench/scrapinghub (or --data); nothing is copied
into the repository. Without the data the script says so and exits 0 (nothing to measure).

    python bench/quality.py                      # the table
    python bench/quality.py --worst 10           # also the 10 pages where cleanwire does worst
    python bench/quality.py --only cleanwire --limit 40
    python bench/quality.py --json out.json      # machine-readable results

The metric, as defined by the benchmark: text is split into \\w+ tokens (case kept), every run of
4 consecutive tokens is a shingle; per page, true positives / false positives / false negatives
are counted over the shingle multisets and normalised to sum to 1; precision is averaged over the
pages where the extractor returned something, recall over the pages with ground truth; F1 is the
harmonic mean of the two averages.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "scrapinghub"
TOKEN = re.compile(r"\w+")


# --- the metric --------------------------------------------------------------------------------

def shingles(text: str, n: int = 4) -> Counter:
    """The multiset of n-token shingles of `text`; a text shorter than n tokens is one shingle."""
    tokens = TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)))


def page_counts(truth: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles for one page, normalised to sum to 1 so every page weighs the same."""
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn)


def scores(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Mean precision (pages with output), mean recall (pages with truth) and their harmonic mean."""
    ps = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = statistics.mean(ps) if ps else 0.0
    recall = statistics.mean(rs) if rs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


# --- the extractors ----------------------------------------------------------------------------

def _cleanwire() -> Callable[[str, str], str]:
    from cleaners import CleanError, clean_html

    def run(html: str, url: str) -> str:
        try:
            return clean_html(html, url=url).text
        except CleanError:
            return ""
    return run


def _trafilatura(**options) -> Callable[[str, str], str]:
    import trafilatura

    def run(html: str, url: str) -> str:
        return trafilatura.extract(html, url=url, **options) or ""
    return run


# The anchors run as a user extracting article bodies would run them: comments off (trafilatura
# keeps reader comments by default, and they are not the article); the page URL passed.
EXTRACTORS: dict[str, Callable[[], Callable[[str, str], str]]] = {
    "cleanwire": _cleanwire,
    "trafilatura": lambda: _trafilatura(include_comments=False),
    "trafilatura_precision": lambda: _trafilatura(include_comments=False, favor_precision=True),
}
ANCHORS = ("trafilatura", "trafilatura_precision")


def load(data: Path, limit: int | None) -> list[dict]:
    items = [json.loads(line) for line in (data / "truth.jsonl").read_text("utf-8").splitlines() if line.strip()]
    items.sort(key=lambda item: item["id"])
    if limit:
        items = items[:limit]
    for item in items:
        item["html"] = (data / "pages" / f"{item['id']}.html").read_text("utf-8")
    return items


def measure(name: str, items: list[dict]) -> dict:
    extract = EXTRACTORS[name]()
    extract(items[0]["html"], items[0]["url"])  # warm-up: imports and lazy tables
    outputs, started = [], time.perf_counter()
    for item in items:
        outputs.append(extract(item["html"], item["url"]))
    seconds = time.perf_counter() - started
    counts = [page_counts(item["text"], out) for item, out in zip(items, outputs, strict=True)]
    result = scores(counts)
    result.update(seconds=seconds, pages_per_s=len(items) / seconds if seconds else float("inf"),
                  pages=len(items), empty=sum(1 for out in outputs if not out.strip()))
    result["per_page"] = [
        {"id": item["id"], "url": item["url"], "precision": _precision(*c) if c[0] + c[1] else None,
         "recall": _recall(*c) if c[0] + c[2] else None}
        for item, c in zip(items, counts, strict=True)
    ]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Shingle precision/recall/F1 and pages/s of cleanwire against trafilatura on the "
                    "scrapinghub article-extraction benchmark (181 pages with hand-made ground truth).")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="folder with truth.jsonl and pages/ (default: %(default)s)")
    parser.add_argument("--only", action="append", choices=sorted(EXTRACTORS),
                        help="run only this extractor (repeatable); default: all")
    parser.add_argument("--limit", type=int, help="only the first N pages (sorted by id)")
    parser.add_argument("--worst", type=int, default=0, metavar="N",
                        help="also list the N pages where cleanwire's per-page F1 is lowest")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the results as JSON to FILE")
    args = parser.parse_args(argv)

    if not (args.data / "truth.jsonl").is_file():
        print(f"bench/quality.py: skipped: benchmark data not found at {args.data} "
              "(expects truth.jsonl and pages/)", file=sys.stderr)
        return 0
    warnings.filterwarnings("ignore")
    items = load(args.data, args.limit)
    names = args.only or list(EXTRACTORS)
    results = {}
    for name in names:
        print(f"running {name} on {len(items)} pages ...", file=sys.stderr, flush=True)
        results[name] = measure(name, items)

    print(f"\nscrapinghub article-extraction benchmark, {len(items)} pages, {time.strftime('%Y-%m-%d')}")
    print(f"{'extractor':<24}{'precision':>10}{'recall':>10}{'F1':>10}{'pages/s':>10}{'empty':>7}")
    for name, r in results.items():
        print(f"{name:<24}{r['precision']:>10.3f}{r['recall']:>10.3f}{r['f1']:>10.3f}"
              f"{r['pages_per_s']:>10.1f}{r['empty']:>7}")
    if "cleanwire" in results:
        own = results["cleanwire"]
        for anchor in ANCHORS:
            if anchor in results:
                other = results[anchor]
                print(f"cleanwire / {anchor}: F1 {own['f1'] - other['f1']:+.3f}, "
                      f"speed x{own['pages_per_s'] / other['pages_per_s']:.2f}")
        if args.worst:
            def f1(page):
                p, r = page["precision"] or 0.0, page["recall"] or 0.0
                return 2 * p * r / (p + r) if p + r else 0.0
            print(f"\ncleanwire's {args.worst} worst pages (P / R):")
            for page in sorted(own["per_page"], key=f1)[:args.worst]:
                p = "-" if page["precision"] is None else f"{page['precision']:.2f}"
                print(f"  {f1(page):.2f}  P {p:>4} R {page['recall'] or 0:.2f}  {page['id'][:12]}  {page['url'][:70]}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
