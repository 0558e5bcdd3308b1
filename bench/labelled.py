#!/usr/bin/env python3
"""Extraction quality on cleanwire's own labelled set (issue 5): pages we write, across the site
templates cleanwire is built for, each with a hand-defined expected body (`bench/labelled/`).

Runs cleanwire (`clean_html` with the page URL) and the anchors (trafilatura with
include_comments=False, with and without favor_precision) over every page in the same run, and
prints per extractor, overall and per template: precision / recall / F1 with the shingle metric of
bench/quality.py (imported from there), pages per second, and boilerplate-marker hits (a marker is a
phrase of the page's chrome, listed per template in `bench.labelled.MARKERS`, that must never reach
the text). The target: F1 >= 0.99 and no marker in any cleanwire output.

    python bench/labelled.py                      # the tables
    python bench/labelled.py --worst 5            # also diffs (expected vs got) of cleanwire's 5 worst pages
    python bench/labelled.py --template tass --template rt --only cleanwire
    python bench/labelled.py --json out.json      # machine-readable results, with every output text

Always exits 0: scores are reported, not asserted (tests/test_labelled_set.py checks the set itself).
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.labelled import MARKERS, TEMPLATES, LabelledPage, pages  # noqa: E402
from bench.quality import ANCHORS, EXTRACTORS, score_labelled  # noqa: E402


def measure(name: str, items: list[LabelledPage]) -> dict:
    """Run one extractor over the pages: overall and per-template scores, marker hits, speed
    (scored by bench/quality.py's `score_labelled`, as in the quality report)."""
    extract = EXTRACTORS[name]()
    extract(items[0].html, items[0].url)  # warm-up: imports and lazy tables
    outputs, started = [], time.perf_counter()
    for item in items:
        outputs.append(extract(item.html, item.url))
    seconds = time.perf_counter() - started
    rows = [{"id": item.id, "url": item.url, "template": item.template, "truth": item.expected,
             "markers": MARKERS[item.template]} for item in items]
    result, per_page = score_labelled(rows, outputs)
    for row, out in zip(per_page, outputs, strict=True):
        row["text"] = out
    result.update(seconds=seconds, pages_per_s=len(items) / seconds if seconds else float("inf"), pages=len(items),
                  empty=sum(1 for out in outputs if not out.strip()))
    result["per_page"] = per_page
    return result


def _clip(line: str, width: int = 150) -> str:
    return line if len(line) <= width else line[:width - 1] + "…"


def show_worst(own: dict, items: dict[str, LabelledPage], n: int) -> None:
    """cleanwire's n worst pages (lowest F1, then most marker hits): what was lost (-) and what leaked (+)."""
    worst = sorted(own["per_page"], key=lambda pp: (pp["f1"], -len(pp["markers"])))[:n]
    print(f"\ncleanwire's {len(worst)} worst pages (- expected line missing from the output, + output line "
          "not in the expected body):")
    for pp in worst:
        p = "-" if pp["precision"] is None else f"{pp['precision']:.3f}"
        r = "-" if pp["recall"] is None else f"{pp['recall']:.3f}"
        print(f"\n  {pp['id']}  F1 {pp['f1']:.3f}  P {p}  R {r}  markers {pp['markers'] or '-'}\n  {pp['url']}")
        diff = difflib.unified_diff(items[pp["id"]].expected.split("\n"), pp["text"].split("\n"), lineterm="", n=0)
        shown = 0
        for line in diff:
            if line.startswith(("---", "+++", "@@")):
                continue
            print(f"    {_clip(line)}")
            shown += 1
        if not shown:
            print("    (same lines; the difference is inside a line)" if pp["f1"] < 1 else "    (identical)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Shingle precision/recall/F1, marker hits and pages/s of cleanwire against trafilatura on "
                    "cleanwire's own labelled set (bench/labelled/).")
    parser.add_argument("--only", action="append", choices=sorted(EXTRACTORS),
                        help="run only this extractor (repeatable); default: all")
    parser.add_argument("--template", action="append", choices=[t.name for t in TEMPLATES],
                        help="only this template's pages (repeatable); default: all")
    parser.add_argument("--worst", type=int, default=0, metavar="N",
                        help="also show the N pages where cleanwire does worst, as expected-vs-got line diffs")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the results as JSON to FILE")
    args = parser.parse_args(argv)

    warnings.filterwarnings("ignore")
    items = [p for p in pages() if not args.template or p.template in args.template]
    names = args.only or list(EXTRACTORS)
    results = {}
    for name in names:
        print(f"running {name} on {len(items)} pages ...", file=sys.stderr, flush=True)
        results[name] = measure(name, items)

    templates = list(dict.fromkeys(p.template for p in items))
    print(f"\ncleanwire labelled set: {len(items)} pages, {len(templates)} template{'s' * (len(templates) != 1)}, "
          f"{time.strftime('%Y-%m-%d')}")
    print(f"{'extractor':<24}{'precision':>10}{'recall':>10}{'F1':>10}{'pages/s':>10}{'empty':>7}"
          f"{'marker pages':>14}{'marker hits':>13}")
    for name, r in results.items():
        print(f"{name:<24}{r['precision']:>10.3f}{r['recall']:>10.3f}{r['f1']:>10.3f}{r['pages_per_s']:>10.1f}"
              f"{r['empty']:>7}{r['marker_pages']:>14}{r['marker_hits']:>13}")
    if "cleanwire" in results:
        own = results["cleanwire"]
        for anchor in ANCHORS:
            if anchor in results:
                other = results[anchor]
                print(f"cleanwire / {anchor}: F1 {own['f1'] - other['f1']:+.3f}, "
                      f"speed x{own['pages_per_s'] / other['pages_per_s']:.2f}")

    print("\nper template: F1 (pages with a marker in the output)" +
          ("; cleanwire's precision / recall and the markers it leaks" if "cleanwire" in results else ""))
    head = f"{'template':<13}{'pages':>6}"
    for name in results:
        head += f"{name:>24}"
    if "cleanwire" in results:
        head += f"{'cw P':>8}{'cw R':>8}  cleanwire markers"
    print(head)
    for t in templates:
        first = next(iter(results.values()))["templates"][t]
        row = f"{t:<13}{first['pages']:>6}"
        for r in results.values():
            s = r["templates"][t]
            row += f"{s['f1']:>19.3f} ({s['marker_pages']:>2})"
        if "cleanwire" in results:
            s = results["cleanwire"]["templates"][t]
            row += f"{s['precision']:>8.3f}{s['recall']:>8.3f}  {', '.join(map(repr, s['markers'])) or '-'}"
        print(row)

    if args.worst and "cleanwire" in results:
        show_worst(results["cleanwire"], {p.id: p for p in items}, args.worst)
    if args.json:
        args.json.write_text(json.dumps({"date": time.strftime("%Y-%m-%d"), "pages": len(items),
                                         "templates": templates, "results": results}, indent=1, ensure_ascii=False),
                             "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
