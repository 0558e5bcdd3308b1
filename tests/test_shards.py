"""Compressed, size-bounded shards with a manifest (`cleanwire clean -o DIR/ --compress gzip|zstd
--shard-size N|SIZE`): the records are those of a plain run, the manifest tells each shard's
records, bytes and sha256, and the shards load as they are in `datasets` and datatrove."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest

from cleaners.checkpoint import open_records

from ._support import P1, P2, P3, check_manifest, page, shard_files

CLI = [sys.executable, "-m", "cleaners.cli", "clean"]
TOWNS = ("Vellmar", "Ostrick", "Harrowby", "Kelmscot", "Dunmere", "Aldwick", "Brenton", "Carrow")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("shards")
    pages = root / "pages"
    pages.mkdir()
    for n in range(40):
        town = TOWNS[n % len(TOWNS)]
        lead = (f"The {town} harbour board met for the {n + 1}th time this year and agreed to spend {200 + n} "
                f"thousand crowns on the quay, the {town} clerk told reporters on the steps of the hall.")
        (pages / f"story-{n:03d}.html").write_text(
            page(f"<p>{lead}</p>\n<p>{P1}</p>\n<p>{P2}</p>\n<p>{P3}</p>\n", title=f"{town} quay, meeting {n + 1}"),
            "utf-8")
    reference = root / "reference.jsonl"
    run = subprocess.run([*CLI, str(pages), "-o", str(reference), "-q"], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    return {"pages": pages, "records": reference.read_bytes()}


def _clean(corpus: dict, out: str, *options: str) -> subprocess.CompletedProcess:
    run = subprocess.run([*CLI, str(corpus["pages"]), "-o", out, *options], capture_output=True, text=True,
                         check=False)
    assert run.returncode == 0, run.stderr
    return run


@pytest.mark.parametrize("compression, suffix", [("gzip", ".jsonl.gz"), ("zstd", ".jsonl.zst")])
def test_compressed_shards_hold_the_plain_records_and_a_true_manifest(corpus, tmp_path, compression, suffix):
    out = tmp_path / "shards"
    run = _clean(corpus, f"{out}/", "--compress", compression, "--shard-size", "15")
    files = shard_files(out)
    assert [p.name for p in files] == [f"part-{i:05d}{suffix}" for i in range(3)]  # 40 records, 15 a shard
    joined = b""
    for path in files:
        with open_records(str(path)) as fh:
            joined += fh.read()
    assert joined == corpus["records"]
    manifest = check_manifest(out)
    assert [s["records"] for s in manifest["shards"]] == [15, 15, 10]
    assert all(s["compression"] == compression for s in manifest["shards"])
    assert sum(s["bytes"] for s in manifest["shards"]) < len(corpus["records"]) / 2  # it is compressed
    assert "manifest.json" in run.stderr


def test_shards_bounded_by_size(corpus, tmp_path):
    out = tmp_path / "sized"
    _clean(corpus, f"{out}/", "--shard-size", "20KB")
    sizes = [p.stat().st_size for p in shard_files(out)]
    biggest_record = max(len(line) + 1 for line in corpus["records"].splitlines())
    assert len(sizes) >= 3
    assert all(size <= 20 * 1024 + biggest_record for size in sizes)
    assert b"".join(p.read_bytes() for p in shard_files(out)) == corpus["records"]
    check_manifest(out)


def test_one_compressed_file_by_its_name(corpus, tmp_path):
    out = tmp_path / "records.jsonl.gz"
    _clean(corpus, str(out))
    with gzip.open(out, "rb") as fh:
        assert fh.read() == corpus["records"]


def test_shards_load_in_datasets_and_datatrove(corpus, tmp_path):
    datasets = pytest.importorskip("datasets", reason="datasets comes with the datatrove extra")
    pytest.importorskip("datatrove", reason="the datatrove extra is not installed")
    from datatrove.pipeline.readers import JsonlReader

    out = tmp_path / "shards"
    _clean(corpus, f"{out}/", "--compress", "gzip", "--shard-size", "15")
    want = [json.loads(line)["id"] for line in corpus["records"].splitlines()]

    loaded = datasets.load_dataset("json", data_files=[str(p) for p in shard_files(out)], split="train",
                                   cache_dir=str(tmp_path / "hf-cache"))
    assert loaded["id"] == want

    reader = JsonlReader(str(out), glob_pattern="part-*.jsonl.gz", compression="gzip")
    assert [doc.id for doc in reader()] == want
