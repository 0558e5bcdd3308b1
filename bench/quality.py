#!/usr/bin/env python3
"""The quality report: cleanwire beside trafilatura on every benchmark set, in one run.

Run it after every rule change (`make quality`): a change that wins on one set and loses on another
is not a win. Three extractors run over the same pages in the same run:

  cleanwire               clean_html(page, url=...).text; a page it refuses (CleanError) scores as
                          an empty text, and the report counts it as "refused" with its reason
  trafilatura             trafilatura.extract(page, url=..., include_comments=False), its defaults
  trafilatura_precision   the same with favor_precision=True

Comments are off for the anchors because reader comments are not the article body.

The sets, read at run time from ../shared/bench/<set> next to the repository (or --data DIR); a set
whose data is absent is skipped with the reason, nothing is copied into the repository:

  scrapinghub        181 news pages with a hand-made body (truth.jsonl, pages/<id>.html). Metric of
                     the upstream benchmark: text is split into \\w+ tokens (case kept), every run of 4
                     tokens is a shingle; per page true/false positives and false negatives are counted
                     over the shingle multisets and normalised to sum to 1; precision is averaged over the
                     pages where the extractor returned something, recall over the pages with a truth;
                     F1 is the harmonic mean of the two averages.
  trafilatura-eval   881 real pages in many languages (cases.jsonl, pages/<id>.html.gz; see its
                     SOURCE.md), each with snippets the text must contain ("with") and must not contain
                     ("without"). A snippet passes when it is in the text ("with") or absent from it
                     ("without"), compared after collapsing white space and dropping soft hyphens
                     (U+00AD) on both sides. Rates are over all snippets of the set: "with" = passed
                     with-snippets / all with-snippets, "without" likewise, "overall" = both together.
                     cleanwire gets the page bytes (it finds the charset itself); trafilatura gets them
                     decoded as UTF-8, as its own evaluation does. A case URL that is not http(s) (the
                     set names some pages "hard::...") is not passed.
  labelled           cleanwire's own 76 pages (bench/labelled/), the shingle metric above, plus
                     boilerplate-marker hits (bench.labelled.MARKERS); bench/labelled.py has the
                     per-template tables and line diffs.

For each set the report prints the figures of each extractor with its pages/s (time inside the
extract call, summed per extractor: a single-process rate even with --jobs; noisy, read it as a ratio
within the run), cleanwire's targets from issue 14 with PASS/FAIL (a figure is compared as its
table prints it: F1 to 3 decimals, so 0.9829 meets ">= 0.983"; snippet rates to 4, so 0.9275 does
not meet ">= 0.93"), and cleanwire's N worst pages:

  scrapinghub        lowest per-page F1, with the anchors' recall on the same page; and, as an issue
                     target, every page where cleanwire keeps under half of the truth (recall < 0.5)
                     while trafilatura (either setting) keeps 90% of it
  trafilatura-eval   most failed snippets, with the anchors' count on the same page (a page that
                     fails everyone is a hard page, not a regression); "- miss" is a with-snippet
                     the text lacks, "+ kept" a without-snippet it holds
  labelled           lowest F1, then most marker hits

    make quality                                     # every set, every extractor
    python bench/quality.py --set trafilatura-eval --only cleanwire --worst 30
    python bench/quality.py --set scrapinghub --set labelled --jobs 1
    python bench/quality.py --limit 50               # the first 50 pages of each set (a smoke run)
    python bench/quality.py --json out.json          # everything, per page, machine-readable

It is a report, not a test: it always exits 0. Speed against the trafilatura command line, with the
process start-up counted, is bench/speed.py's job.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import re
import statistics
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT.parent / "shared" / "bench"
TOKEN = re.compile(r"\w+")
SETS = ("scrapinghub", "trafilatura-eval", "labelled")

#: cleanwire's targets (issue 14): (set, figure, threshold); a figure passes when it is >= threshold,
#: except the counts named "... pages", which pass when they are <= threshold.
TARGETS = (
    ("scrapinghub", "f1", 0.983),
    ("scrapinghub", "flagged pages", 0),
    ("trafilatura-eval", "overall", 0.94),
    ("trafilatura-eval", "with", 0.95),
    ("trafilatura-eval", "without", 0.93),
    ("labelled", "f1", 0.99),
    ("labelled", "marker pages", 0),
)


# --- the shingle metric ------------------------------------------------------------------------

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


def _f1(p: float | None, r: float | None) -> float:
    p, r = p or 0.0, r or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def scores(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Mean precision (pages with output), mean recall (pages with truth) and their harmonic mean."""
    ps = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = statistics.mean(ps) if ps else 0.0
    recall = statistics.mean(rs) if rs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def page_scores(truth: str, pred: str) -> tuple[tuple[float, float, float], float | None, float | None]:
    """(counts, precision, recall) of one page; precision is None without output, recall None without truth."""
    c = page_counts(truth, pred)
    return c, (_precision(*c) if c[0] + c[1] else None), (_recall(*c) if c[0] + c[2] else None)


# --- the snippet metric (trafilatura-eval) -----------------------------------------------------

def snippet_norm(text: str) -> str:
    """White space collapsed and soft hyphens dropped: how both snippets and texts are compared."""
    return " ".join(text.replace("\u00ad", "").split())


def snippet_checks(case: dict, text: str) -> dict:
    """Which of a case's snippets pass on `text`: `with` and `without` are lists of booleans (True =
    passed), `miss` the with-snippets not found, `kept` the without-snippets found."""
    t = snippet_norm(text)
    with_ok = [snippet_norm(s) in t for s in case["with"]]
    without_ok = [snippet_norm(s) not in t for s in case["without"]]
    return {"with": with_ok, "without": without_ok,
            "miss": [s for s, ok in zip(case["with"], with_ok, strict=True) if not ok],
            "kept": [s for s, ok in zip(case["without"], without_ok, strict=True) if not ok]}


# --- the extractors ----------------------------------------------------------------------------

def _cleanwire_raw() -> Callable[[str | bytes, str | None], str]:
    from cleaners import clean_html

    def run(html: str | bytes, url: str | None) -> str:
        return clean_html(html, url=url).text
    return run


def _trafilatura_raw(**options) -> Callable[[str | bytes, str | None], str]:
    import trafilatura

    def run(html: str | bytes, url: str | None) -> str:
        if isinstance(html, bytes):
            html = html.decode("utf-8", "replace")
        return trafilatura.extract(html, url=url, **options) or ""
    return run


# The anchors run as a user extracting article bodies would run them: comments off (trafilatura
# keeps reader comments by default, and they are not the article); the page URL passed.
RAW: dict[str, Callable[[], Callable[[str | bytes, str | None], str]]] = {
    "cleanwire": _cleanwire_raw,
    "trafilatura": lambda: _trafilatura_raw(include_comments=False),
    "trafilatura_precision": lambda: _trafilatura_raw(include_comments=False, favor_precision=True),
}
ANCHORS = ("trafilatura", "trafilatura_precision")


def _never_raises(name: str) -> Callable[[], Callable[[str | bytes, str | None], str]]:
    def make():
        from cleaners import CleanError
        run = RAW[name]()

        def safe(html, url):
            try:
                return run(html, url)
            except CleanError:
                return ""
        return safe
    return make


#: name -> factory of `extract(html, url) -> text`; cleanwire's refusals give "" (bench/labelled.py uses these).
EXTRACTORS: dict[str, Callable[[], Callable[[str | bytes, str | None], str]]] = {name: _never_raises(name)
                                                                                 for name in RAW}


def available(names: Iterable[str]) -> tuple[list[str], dict[str, str]]:
    """The extractors that can run here, and the reason for each one that cannot."""
    ok, missing = [], {}
    for name in names:
        try:
            RAW[name]()
        except ImportError as exc:
            missing[name] = f"not installed ({exc})"
        else:
            ok.append(name)
    return ok, missing


# --- running pages, in this process or in --jobs processes ---------------------------------------

_RUNNERS: dict[str, Callable] = {}
_WARM_UP = ("<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>"
            + "<p>A sentence that is long enough to be read as the start of an article body, once.</p>" * 8
            + "</article></body></html>")


def _runner(name: str) -> Callable:
    """The extractor `name` of this process, created and warmed up (imports, lazy tables) untimed."""
    if name not in _RUNNERS:
        run = _RUNNERS[name] = RAW[name]()
        try:
            run(_WARM_UP, "https://example.org/warm-up")
        except Exception:  # noqa: BLE001 - a warm-up refusal is irrelevant
            pass
    return _RUNNERS[name]


def _read(source: tuple[str, object]) -> str | bytes:
    kind, value = source
    if kind == "inline":
        return value
    if kind == "gz":
        return gzip.decompress(Path(value).read_bytes())
    return Path(value).read_text("utf-8")


def run_task(task: tuple) -> tuple:
    """One page through one extractor: (set, index, extractor, text, refused kind or None, error or None, seconds)."""
    set_name, index, name, url, source = task
    warnings.filterwarnings("ignore")
    run = _runner(name)
    html = _read(source)
    refused = error = None
    started = time.perf_counter()
    try:
        text = run(html, url)
    except Exception as exc:  # noqa: BLE001 - a report counts failures, it does not stop on them
        text = ""
        kind = getattr(exc, "kind", None)
        if name == "cleanwire" and type(exc).__name__ == "CleanError":
            refused = kind or "refused"
        else:
            error = f"{type(exc).__name__}: {exc}"[:200]
    return set_name, index, name, text, refused, error, time.perf_counter() - started


def run_all(tasks: list[tuple], jobs: int) -> list[tuple]:
    """Every task's result, in task order; with jobs > 1 in a pool of that many processes."""
    results, step = [], max(1, len(tasks) // 10)
    if jobs <= 1:
        iterator = map(run_task, tasks)
        pool = None
    else:
        pool = multiprocessing.Pool(jobs)
        iterator = pool.imap(run_task, tasks, chunksize=4)
    try:
        for k, result in enumerate(iterator, 1):
            results.append(result)
            if k % step == 0 or k == len(tasks):
                print(f"  {k}/{len(tasks)} page runs", file=sys.stderr, flush=True)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    return results


# --- the sets ------------------------------------------------------------------------------------

def load_set(name: str, data: Path, limit: int | None) -> tuple[list[dict] | None, str | None]:
    """The pages of a set as dicts with id, url (None when not http) and source, plus what scoring needs;
    or (None, reason) when its data is absent."""
    if name == "labelled":
        try:
            from bench.labelled import MARKERS, pages
        except ImportError as exc:
            return None, f"bench/labelled cannot be imported ({exc})"
        items = [{"id": p.id, "url": p.url, "template": p.template, "truth": p.expected,
                  "markers": MARKERS[p.template], "source": ("inline", p.html)} for p in pages()]
    elif name == "scrapinghub":
        folder = data / name
        if not (folder / "truth.jsonl").is_file():
            return None, f"data not found at {folder} (expects truth.jsonl and pages/)"
        rows = [json.loads(line) for line in (folder / "truth.jsonl").read_text("utf-8").splitlines() if line.strip()]
        rows.sort(key=lambda row: row["id"])
        items = [{"id": row["id"], "url": row["url"], "truth": row["text"],
                  "source": ("text", str(folder / "pages" / f"{row['id']}.html"))} for row in rows]
    else:
        folder = data / name
        if not (folder / "cases.jsonl").is_file():
            return None, f"data not found at {folder} (expects cases.jsonl and pages/)"
        rows = [json.loads(line) for line in (folder / "cases.jsonl").read_text("utf-8").splitlines() if line.strip()]
        items = [{"id": row["id"], "url": row["url"] if row["url"].startswith(("http://", "https://")) else None,
                  "case_url": row["url"], "with": row["with"], "without": row["without"],
                  "source": ("gz", str(folder / "pages" / f"{row['id']}.html.gz"))} for row in rows]
    return (items[:limit] if limit else items), None


def _speed(runs: list[tuple]) -> dict:
    seconds = sum(r[6] for r in runs)
    return {"pages": len(runs), "seconds": seconds, "pages_per_s": len(runs) / seconds if seconds else float("inf"),
            "empty": sum(1 for r in runs if not r[3].strip()), "refused": sum(1 for r in runs if r[4]),
            "errors": sum(1 for r in runs if r[5])}


def score_shingles(items: list[dict], texts: list[str]) -> tuple[dict, list[dict]]:
    """Set scores and per-page rows (id, url, precision, recall, f1) of texts against items' truths."""
    counts, per_page = [], []
    for item, text in zip(items, texts, strict=True):
        c, p, r = page_scores(item["truth"], text)
        counts.append(c)
        per_page.append({"id": item["id"], "url": item["url"], "precision": p, "recall": r, "f1": _f1(p, r)})
    return scores(counts), per_page


def score_labelled(items: list[dict], texts: list[str]) -> tuple[dict, list[dict]]:
    """Shingle scores plus marker hits: overall, per template (in `templates`) and per page."""
    result, per_page = score_shingles(items, texts)
    for item, text, row in zip(items, texts, per_page, strict=True):
        row.update(template=item["template"], markers=[m for m in item["markers"] if m in text])
    result.update(marker_pages=sum(1 for row in per_page if row["markers"]),
                  marker_hits=sum(len(row["markers"]) for row in per_page), templates={})
    for t in dict.fromkeys(item["template"] for item in items):
        idx = [k for k, item in enumerate(items) if item["template"] == t]
        s, _ = score_shingles([items[k] for k in idx], [texts[k] for k in idx])
        s.update(pages=len(idx), marker_pages=sum(1 for k in idx if per_page[k]["markers"]),
                 marker_hits=sum(len(per_page[k]["markers"]) for k in idx),
                 markers=sorted({m for k in idx for m in per_page[k]["markers"]}))
        result["templates"][t] = s
    return result, per_page


def score_snippets(items: list[dict], texts: list[str]) -> tuple[dict, list[dict]]:
    """Pass rates of the with / without snippets, overall, and per-page checks."""
    per_page = []
    for item, text in zip(items, texts, strict=True):
        row = {"id": item["id"], "url": item["case_url"], "len": len(text)}
        row.update(snippet_checks(item, text))
        row["failed"] = len(row["miss"]) + len(row["kept"])
        per_page.append(row)
    w = sum(len(row["with"]) for row in per_page)
    wp = sum(sum(row["with"]) for row in per_page)
    o = sum(len(row["without"]) for row in per_page)
    op = sum(sum(row["without"]) for row in per_page)
    return ({"with": wp / w if w else 0.0, "without": op / o if o else 0.0,
             "overall": (wp + op) / (w + o) if w + o else 0.0,
             "with_passed": wp, "with_total": w, "without_passed": op, "without_total": o}, per_page)


SCORERS = {"scrapinghub": score_shingles, "trafilatura-eval": score_snippets, "labelled": score_labelled}


def flagged_pages(results: dict) -> list[dict]:
    """scrapinghub pages where cleanwire keeps under half of the truth while trafilatura (either
    setting that ran) keeps >= 90% of it."""
    if "cleanwire" not in results:
        return []
    anchors = [a for a in ANCHORS if a in results]
    flagged = []
    for k, row in enumerate(results["cleanwire"]["per_page"]):
        best = max((results[a]["per_page"][k]["recall"] or 0.0 for a in anchors), default=0.0)
        if row["recall"] is not None and row["recall"] < 0.5 and best >= 0.9:
            flagged.append({"id": row["id"], "url": row["url"], "recall": row["recall"], "anchor_recall": best,
                            "refused": row.get("refused")})
    return flagged


def evaluate(set_name: str, items: list[dict], names: list[str], runs: list[tuple]) -> dict:
    """Scores, speed and per-page rows of each extractor on one set, from its runs."""
    by_name: dict[str, list] = {name: [None] * len(items) for name in names}
    for r in runs:
        by_name[r[2]][r[1]] = r
    results = {}
    for name in names:
        own = by_name[name]
        result, per_page = SCORERS[set_name](items, [r[3] for r in own])
        for row, r in zip(per_page, own, strict=True):
            row["refused"], row["error"] = r[4], r[5]
        result.update(_speed(own))
        reasons = Counter(r[4] for r in own if r[4])
        result["refused_kinds"] = dict(reasons.most_common())
        result["per_page"] = per_page
        results[name] = result
    out = {"pages": len(items), "results": results}
    if set_name == "scrapinghub":
        out["flagged"] = flagged_pages(results)
    if "cleanwire" in results:
        out["targets"] = targets(set_name, out)
    return out


def targets(set_name: str, report: dict) -> list[dict]:
    """cleanwire's issue targets for one set: figure, value, threshold, passed."""
    own = report["results"]["cleanwire"]
    rows = []
    for s, figure, threshold in TARGETS:
        if s != set_name:
            continue
        if figure == "flagged pages":
            value = len(report.get("flagged", []))
        else:
            value = own.get(figure.replace(" ", "_"), own.get(figure))
        if figure.endswith("pages"):
            passed = value <= threshold
        else:  # compared as the set's table prints it: F1 to 3 decimals, snippet rates to 4
            passed = round(value, 4 if set_name == "trafilatura-eval" else 3) >= threshold
        rows.append({"figure": figure, "value": value, "threshold": threshold, "passed": passed})
    return rows


# --- printing ------------------------------------------------------------------------------------

def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _mark(row: dict) -> str:
    op = "<=" if row["figure"].endswith("pages") else ">="
    value = row["value"] if isinstance(row["value"], int) else f"{row['value']:.4f}"
    return f"{row['figure']} {value} {op} {row['threshold']} {'PASS' if row['passed'] else 'FAIL'}"


def _speed_cols(r: dict) -> str:
    return f"{r['pages_per_s']:>9.1f}{r['empty']:>7}{r['refused']:>9}"


def print_set(set_name: str, report: dict, worst: int) -> None:
    results = report["results"]
    print(f"\n== {set_name}: {report['pages']} pages ==")
    if set_name == "trafilatura-eval":
        first = next(iter(results.values()))
        print(f"snippets: {first['with_total']} with, {first['without_total']} without")
        print(f"{'extractor':<24}{'with':>8}{'without':>9}{'overall':>9}{'pages/s':>9}{'empty':>7}{'refused':>9}")
        for name, r in results.items():
            print(f"{name:<24}{r['with']:>8.4f}{r['without']:>9.4f}{r['overall']:>9.4f}{_speed_cols(r)}")
    else:
        extra = f"{'marker pages':>14}" if set_name == "labelled" else ""
        print(f"{'extractor':<24}{'precision':>10}{'recall':>8}{'F1':>8}{'pages/s':>9}{'empty':>7}{'refused':>9}{extra}")
        for name, r in results.items():
            extra = f"{r['marker_pages']:>14}" if set_name == "labelled" else ""
            print(f"{name:<24}{r['precision']:>10.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}{_speed_cols(r)}{extra}")
    if "cleanwire" not in results:
        return
    own = results["cleanwire"]
    if own["refused_kinds"]:
        print("cleanwire refused: " + ", ".join(f"{k} {n}" for k, n in own["refused_kinds"].items()))
    for anchor in ANCHORS:
        if anchor in results:
            print(f"cleanwire / {anchor}: speed x{own['pages_per_s'] / results[anchor]['pages_per_s']:.2f}")
    print("targets: " + "; ".join(_mark(row) for row in report["targets"]))
    if set_name == "scrapinghub":
        flagged = report["flagged"]
        print(f"pages where cleanwire keeps < 50% of the truth and trafilatura >= 90% (issue target): {len(flagged)}")
        for row in flagged:
            print(f"  R {row['recall']:.2f} vs {row['anchor_recall']:.2f}  {row['id'][:12]}  {row['url'][:80]}"
                  + (f"  refused: {row['refused']}" if row["refused"] else ""))
    if not worst:
        return
    per_page = own["per_page"]
    anchors = [a for a in ANCHORS if a in results]
    if set_name == "trafilatura-eval":
        order = sorted((k for k, row in enumerate(per_page) if row["failed"]), key=lambda k: -per_page[k]["failed"])
        print(f"cleanwire's {len(order[:worst])} worst pages (failed snippets, then the anchors' on the same page; "
              "- miss: must be in the text, + kept: must not be):")
        for k in order[:worst]:
            row = per_page[k]
            refused = f"  refused: {row['refused']}" if row["refused"] else ""
            others = "".join(f", {a} {results[a]['per_page'][k]['failed']}" for a in anchors)
            print(f"  {row['failed']:>2} failed ({len(row['miss'])}/{len(row['with'])} miss, "
                  f"{len(row['kept'])}/{len(row['without'])} kept, {row['len']} chars{others})  {row['id']}  "
                  f"{row['url'][:70]}{refused}")
            for s in row["miss"][:3]:
                print(f"       - {_clip(s)}")
            for s in row["kept"][:3]:
                print(f"       + {_clip(s)}")
        return
    order = sorted((k for k in range(len(per_page)) if per_page[k]["f1"] < 1 or per_page[k].get("markers")),
                   key=lambda k: (per_page[k]["f1"], -len(per_page[k].get("markers", []))))[:worst]
    if not order:
        print("cleanwire: every page has F1 1.000 and no marker")
        return
    print(f"cleanwire's {len(order)} worst pages (F1, P, R" + "".join(f", R of {a}" for a in anchors) + "):")
    for k in order:
        row = per_page[k]
        p = "-" if row["precision"] is None else f"{row['precision']:.2f}"
        r = "-" if row["recall"] is None else f"{row['recall']:.2f}"
        others = "".join(f"  R {results[a]['per_page'][k]['recall'] or 0:.2f}" for a in anchors)
        tail = f"  markers {row['markers']}" if row.get("markers") else ""
        tail += f"  refused: {row['refused']}" if row["refused"] else ""
        print(f"  {row['f1']:.2f}  P {p:>4}  R {r:>4}{others}  {row['id'][:16]}  {row['url'][:70]}{tail}")


def print_summary(reports: dict, skipped: dict, missing: dict) -> None:
    print("\n== summary ==")
    for set_name, reason in skipped.items():
        print(f"{set_name}: skipped: {reason}")
    for name, reason in missing.items():
        print(f"{name}: skipped: {reason}")
    rows = [(s, row) for s, report in reports.items() for row in report.get("targets", [])]
    if rows:
        passed = sum(1 for _, row in rows if row["passed"])
        print(f"cleanwire's targets: {passed} of {len(rows)} pass")
        for s, row in rows:
            print(f"  {'PASS' if row['passed'] else 'FAIL'}  {s:<17} {_mark(row)[:-5]}")
    speeds: dict[str, list[float]] = {}
    for report in reports.values():
        for name, r in report["results"].items():
            speeds.setdefault(name, [0, 0.0])
            speeds[name][0] += r["pages"]
            speeds[name][1] += r["seconds"]
    if speeds:
        print("pages/s over every set of this run (in-process, per process):")
        for name, (n, seconds) in speeds.items():
            ratio = ""
            if name != "cleanwire" and "cleanwire" in speeds and seconds:
                cw = speeds["cleanwire"]
                ratio = f"  (cleanwire x{(cw[0] / cw[1]) / (n / seconds):.2f})" if cw[1] else ""
            print(f"  {name:<24}{n / seconds if seconds else float('inf'):>8.1f}{ratio}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="cleanwire beside trafilatura (defaults, and favor_precision) on the scrapinghub set "
                    "(shingle F1), trafilatura-eval (snippet pass rates) and the labelled set, in one run: "
                    "scores, pages/s, cleanwire's targets with PASS/FAIL and its worst pages. Always exits 0.",
        epilog="Example: python bench/quality.py --set trafilatura-eval --only cleanwire --worst 30")
    parser.add_argument("--set", action="append", choices=SETS, dest="sets",
                        help="run only this set (repeatable); default: all three")
    parser.add_argument("--only", action="append", choices=sorted(RAW),
                        help="run only this extractor (repeatable); default: all")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="folder holding scrapinghub/ and trafilatura-eval/ (default: %(default)s)")
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument("--worst", type=int, default=10, metavar="N",
                        help="list cleanwire's N worst pages of each set (default: %(default)s; 0: none)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="run the pages in N processes (default: the number of CPUs, %(default)s)")
    parser.add_argument("--json", type=Path, metavar="FILE",
                        help="write everything (figures, targets, per-page rows) as JSON to FILE")
    args = parser.parse_args(argv)

    warnings.filterwarnings("ignore")
    names, missing = available(args.only or list(RAW))
    sets = list(dict.fromkeys(args.sets or SETS))
    loaded, skipped = {}, {}
    for set_name in sets:
        items, reason = load_set(set_name, args.data, args.limit)
        if items:
            loaded[set_name] = items
        else:
            skipped[set_name] = reason or "no pages"
    # one task per (page, extractor), the extractors interleaved page by page so that any load on
    # the machine weighs on them alike
    tasks = [(set_name, k, name, item["url"], item["source"])
             for set_name, items in loaded.items() for k, item in enumerate(items) for name in names]
    print(f"running {', '.join(names) or 'nothing'} on {', '.join(f'{s} ({len(i)})' for s, i in loaded.items())}"
          f" with {args.jobs} process{'es' * (args.jobs != 1)} ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    runs = run_all(tasks, args.jobs) if tasks and names else []
    wall = time.perf_counter() - started

    reports = {}
    for set_name, items in loaded.items():
        reports[set_name] = evaluate(set_name, items, names, [r for r in runs if r[0] == set_name])
    print(f"cleanwire quality report, {time.strftime('%Y-%m-%d %H:%M')}, {args.jobs} process"
          f"{'es' * (args.jobs != 1)}, {wall:.0f} s")
    for set_name, report in reports.items():
        print_set(set_name, report, args.worst)
    print_summary(reports, skipped, missing)
    if args.json:
        args.json.write_text(json.dumps({"date": time.strftime("%Y-%m-%d %H:%M"), "jobs": args.jobs, "seconds": wall,
                                         "extractors": names, "skipped": {**skipped, **missing}, "sets": reports},
                                        indent=1, ensure_ascii=False), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
