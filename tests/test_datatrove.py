"""The datatrove step (`cleaners.datatrove_step`, extra `cleanwire[datatrove]`): datatrove's own
LocalPipelineExecutor with 2 workers over WARC files this test writes must give the very records
`cleanwire clean` gives for the same WARCs."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ._support import P1, P2, P3, P4, page

datatrove = pytest.importorskip("datatrove", reason="the datatrove extra is not installed (pip install '.[datatrove]')")

TOWNS = ("Vellmar", "Ostrick", "Harrowby", "Kelmscot", "Dunmere", "Aldwick", "Brenton", "Carrow")


def _article(n: int) -> str:
    town = TOWNS[n % len(TOWNS)]
    lead = (f"Officials in {town} said on day {n} of the month that the {n}th phase of the harbour works "
            f"would begin once the {town} council had approved the revised budget of {100 + n} thousand crowns.")
    return page(f"<p>{lead}</p>\n<p>{P1}</p>\n<p>{P2}</p>\n<p>{P3}</p>\n<p>{P4}</p>\n",
                title=f"{town} harbour works, phase {n}")


def _listing() -> str:
    links = "".join(f'<li><a href="https://gazette.example/news/{i}/">Harbour story number {i} of the week</a></li>'
                    for i in range(40))
    return f"<!DOCTYPE html><html><head><title>News</title></head><body><ul>{links}</ul></body></html>"


def _write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, html in pages:
            body = html.encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2026-11-20T08:30:00Z"})
            writer.write_record(record)
        request = writer.create_warc_record("https://gazette.example/", "request",
                                            payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(request)


def test_local_executor_with_two_workers_gives_the_records_of_cleanwire_clean(tmp_path):
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaners.datatrove_step import CleanwireStep, record_of

    warcs = tmp_path / "warcs"
    warcs.mkdir()
    for part in range(2):
        pages = [(f"https://gazette.example/news/{part}-{n}/harbour-works/", _article(part * 10 + n)) for n in range(6)]
        pages.append((f"https://gazette.example/news/page-{part}/", _listing()))  # not an article
        _write_warc(warcs / f"part-{part}.warc.gz", pages)

    reference = tmp_path / "reference.jsonl"
    run = subprocess.run([sys.executable, "-m", "cleaners.cli", "clean", str(warcs), "-o", str(reference), "-q"],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 3, run.stderr  # the two listings are not_article error records
    expected = [json.loads(line) for line in reference.read_text("utf-8").splitlines()]
    assert len(expected) == 12

    out = tmp_path / "datatrove-out"
    LocalPipelineExecutor(pipeline=[WarcReader(str(warcs), glob_pattern="*.warc.gz"), CleanwireStep(),
                                    JsonlWriter(str(out))],
                          tasks=2, workers=2, logging_dir=str(tmp_path / "logs")).run()

    got = []
    for shard in sorted(out.glob("*.jsonl.gz")):
        with gzip.open(shard, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                got.append(record_of(type("Doc", (), {"id": row["id"], "text": row["text"],
                                                      "metadata": row["metadata"]})))
    assert len(list(out.glob("*.jsonl.gz"))) == 2, "each of the 2 tasks wrote its own shard"
    assert sorted(got, key=lambda r: r["id"]) == sorted(expected, key=lambda r: r["id"])
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text("utf-8"))
    step = next(s for s in stats if "cleanwire" in s["name"])
    assert step["stats"]["kept"] == 12 and step["stats"]["dropped_not_article"] == 2
