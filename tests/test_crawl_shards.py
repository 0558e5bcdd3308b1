"""Crawls that write compressed, size-bounded shards with a manifest (`scrapy crawl SPIDER -o DIR/`,
`-s CLEANWIRE_COMPRESS=gzip|zstd`, `-s CLEANWIRE_SHARD_SIZE=N|SIZE`) or one compressed file
(`-o FILE.jsonl.gz`): real `scrapy crawl` processes against the demo site on 127.0.0.1.

What is checked: every article once, in shards that load as they are (gzip, zstd, `datasets`); a
manifest that tells the truth; later crawls adding shards after the earlier ones; a crawl killed
with -9 losing nothing it marked as seen, and the next crawl finishing the shard it left; a torn
tail cut off; a folder another crawl is writing refused with exit status 5."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from cleaners.checkpoint import Lock, open_records, whole_prefix
from crawler.demo.server import serve_demo

from ._support import check_manifest, shard_files
from .conftest import ROOT, assert_valid_record
from .test_crawl import EXPECTED, FAST, SCRAPY, paths, summary_line

WATCH = sorted(EXPECTED["watch"])


@pytest.fixture(scope="module")
def base():
    with serve_demo() as urls:
        yield urls["watch"]


def crawl(base: str, tmp: Path, target: str, *settings: str, overwrite: bool = False, state: str = "state.sqlite",
          wait: bool = True):
    cmd = [*SCRAPY, "crawl", "kcnawatch", "-a", f"base_url={base}", "-O" if overwrite else "-o", target,
           "-s", f"CLEANWIRE_STATE={tmp / state}", *FAST]
    for setting in settings:
        cmd += ["-s", setting]
    if not wait:
        return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=180, check=False)


def read(path: Path) -> list[dict]:
    with open_records(str(path)) as fh:
        return [json.loads(line) for line in fh.read().decode("utf-8").splitlines()]


@pytest.mark.parametrize("compression, suffix", [("gzip", ".jsonl.gz"), ("zstd", ".jsonl.zst")])
def test_a_crawl_writes_compressed_shards_with_a_true_manifest(base, tmp_path, compression, suffix):
    out = tmp_path / "shards"
    done = crawl(base, tmp_path, f"{out}/", f"CLEANWIRE_COMPRESS={compression}", "CLEANWIRE_SHARD_SIZE=7")
    assert done.returncode == 0, done.stderr[-3000:]
    files = shard_files(out)
    assert [p.name for p in files] == [f"part-{i:05d}{suffix}" for i in range(5)]  # 30 articles, 7 a shard
    manifest = check_manifest(out)
    assert [s["records"] for s in manifest["shards"]] == [7, 7, 7, 7, 2]
    assert {s["compression"] for s in manifest["shards"]} == {compression}
    records = [r for p in files for r in read(p)]
    assert sorted(paths(records, base)) == WATCH  # every article, once
    for record in records:
        assert_valid_record(record)
    plain = sum(len(json.dumps(r, ensure_ascii=False).encode()) + 1 for r in records)
    assert sum(s["bytes"] for s in manifest["shards"]) < plain / 2  # it is compressed
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no part or lock left behind
    assert "30 articles written" in summary_line(done.stderr)


def test_shards_bounded_by_bytes_on_disk(base, tmp_path):
    out = tmp_path / "sized"
    done = crawl(base, tmp_path, f"{out}/", "CLEANWIRE_SHARD_SIZE=12KB")
    assert done.returncode == 0, done.stderr[-3000:]
    files = shard_files(out)
    records = [r for p in files for r in read(p)]
    assert sorted(paths(records, base)) == WATCH
    biggest = max(len(line) + 1 for p in files for line in p.read_bytes().splitlines())
    assert len(files) >= 3
    assert all(p.stat().st_size <= 12 * 1024 for p in files)  # a shard ends before the record that would overflow it
    assert all(p.stat().st_size > 12 * 1024 - biggest for p in files[:-1])  # and not before
    check_manifest(out)


def test_later_crawls_add_shards_after_the_earlier_ones_and_o_capital_starts_over(base, tmp_path):
    out = tmp_path / "daily"
    first = crawl(base, tmp_path, f"{out}/", "CLEANWIRE_COMPRESS=gzip", "CLEANWIRE_SHARD_SIZE=20")
    assert first.returncode == 0, first.stderr[-3000:]
    before = {p.name: p.read_bytes() for p in shard_files(out)}
    assert list(before) == ["part-00000.jsonl.gz", "part-00001.jsonl.gz"]
    # a second crawl with its own seen-store writes every article again, into new shards
    second = crawl(base, tmp_path, f"{out}/", "CLEANWIRE_COMPRESS=gzip", "CLEANWIRE_SHARD_SIZE=20",
                   state="other.sqlite")
    assert second.returncode == 0, second.stderr[-3000:]
    assert [p.name for p in shard_files(out)] == [f"part-{i:05d}.jsonl.gz" for i in range(4)]
    assert {name: (out / name).read_bytes() for name in before} == before  # earlier shards untouched
    manifest = check_manifest(out)
    assert manifest["records"] == 60
    # a rerun with the first seen-store writes nothing: the manifest stays whole
    third = crawl(base, tmp_path, f"{out}/", "CLEANWIRE_COMPRESS=gzip")
    assert third.returncode == 0 and "0 articles written" in summary_line(third.stderr)
    assert check_manifest(out)["records"] == 60
    # -O replaces the folder's shards
    fourth = crawl(base, tmp_path, f"{out}/", "CLEANWIRE_COMPRESS=zstd", overwrite=True, state="third.sqlite")
    assert fourth.returncode == 0, fourth.stderr[-3000:]
    assert [p.name for p in shard_files(out)] == ["part-00000.jsonl.zst"]
    assert check_manifest(out)["records"] == 30


def test_a_crawl_killed_mid_shard_loses_nothing_it_marked_and_the_next_crawl_finishes_the_shard(base, tmp_path):
    out = tmp_path / "killed"
    state = tmp_path / "state.sqlite"
    slow = ("CLEANWIRE_COMPRESS=gzip", "CLEANWIRE_SHARD_SIZE=1000", "DOWNLOAD_DELAY=0.3",
            "CONCURRENT_REQUESTS_PER_DOMAIN=1")
    proc = crawl(base, tmp_path, f"{out}/", *slow, wait=False)
    marked: list[str] = []
    deadline = time.monotonic() + 90
    try:
        while time.monotonic() < deadline and len(marked) < 6:
            time.sleep(0.2)
            if state.exists():
                try:
                    with sqlite3.connect(state) as db:
                        marked = [u for (u,) in db.execute("SELECT url FROM seen")]
                except sqlite3.Error:
                    pass
        assert len(marked) >= 6, "the crawl marked nothing in 90 s"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    with sqlite3.connect(state) as db:
        marked = [u for (u,) in db.execute("SELECT url FROM seen")]
    assert len(marked) < len(WATCH), "the crawl ended before the kill; nothing was tested"
    parts = [p for p in out.iterdir() if p.name.startswith(".part-") and not p.name.endswith(".pending")]
    assert len(parts) == 1 and not shard_files(out)  # the shard being filled, under its hidden name
    kept = parts[0].read_bytes()[:whole_prefix(str(parts[0]), "gzip")]  # what a kill leaves whole
    on_disk = {json.loads(line)["url"] for line in gzip.decompress(kept).splitlines()}
    pending = out / f"{parts[0].name}.pending"  # the lines of the member being filled, synced before marking
    if pending.exists():  # its first line says where that member starts; a last line without \n is torn
        on_disk |= {json.loads(line)["url"] for line in pending.read_bytes().split(b"\n")[1:-1]}
    assert set(marked) <= on_disk  # every article marked as seen is on disk

    again = crawl(base, tmp_path, f"{out}/", "CLEANWIRE_COMPRESS=gzip", "CLEANWIRE_SHARD_SIZE=1000")
    assert again.returncode == 0, again.stderr[-3000:]
    assert "finished the shard a stopped crawl was filling" in again.stderr
    files = shard_files(out)
    assert [p.name for p in files] == ["part-00000.jsonl.gz", "part-00001.jsonl.gz"]
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]
    records = [r for p in files for r in read(p)]
    assert sorted(set(paths(records, base))) == WATCH  # the two crawls together: every article
    assert len(records) == len(WATCH)  # and none twice: the first crawl's were marked, so skipped
    check_manifest(out)


def test_a_torn_tail_is_cut_off_when_the_next_crawl_opens_the_target(base, tmp_path):
    # the shard a killed crawl was filling, its last member torn in two by the kill
    out = tmp_path / "torn"
    out.mkdir()
    whole = gzip.compress(b'{"id": "a", "text": "one"}\n{"id": "b", "text": "two"}\n', mtime=0)
    torn = gzip.compress(b'{"id": "c", "text": "three"}\n', mtime=0)[:15]
    (out / ".part-00004.jsonl.gz.part").write_bytes(whole + torn)
    done = crawl(base, tmp_path, f"{out}/", "CLEANWIRE_COMPRESS=gzip")
    assert done.returncode == 0, done.stderr[-3000:]
    assert "cut a torn tail of 15 bytes" in done.stderr
    assert (out / "part-00004.jsonl.gz").read_bytes() == whole
    assert [p.name for p in shard_files(out)] == ["part-00004.jsonl.gz", "part-00005.jsonl.gz"]
    assert check_manifest(out)["records"] == 2 + len(WATCH)

    # a plain .jsonl appended to by a crawl: half a line at its end is cut off first
    plain = tmp_path / "records.jsonl"
    plain.write_text('{"id": "x", "text": "kept"}\n{"id": "y", "te', "utf-8")
    done = crawl(base, tmp_path, str(plain), state="plain.sqlite")
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [json.loads(line) for line in plain.read_text("utf-8").splitlines()]
    assert lines[0] == {"id": "x", "text": "kept"} and len(lines) == 1 + len(WATCH)


def test_one_compressed_file_by_its_name_appended_to_by_later_crawls(base, tmp_path):
    out = tmp_path / "records.jsonl.zst"
    first = crawl(base, tmp_path, str(out))
    assert first.returncode == 0, first.stderr[-3000:]
    assert [r["url"] for r in read(out)] and sorted(paths(read(out), base)) == WATCH
    size = out.stat().st_size
    with open(out, "ab") as fh:
        fh.write(b"\x28\xb5\x2f\xfd\x00")  # a torn frame
    second = crawl(base, tmp_path, str(out), state="other.sqlite")
    assert second.returncode == 0, second.stderr[-3000:]
    records = read(out)
    assert len(records) == 2 * len(WATCH) and out.stat().st_size > size
    assert (tmp_path / "records.jsonl.zst").read_bytes()[:4] == b"\x28\xb5\x2f\xfd"


def test_a_folder_another_crawl_writes_is_refused_before_anything_is_fetched(base, tmp_path):
    out = tmp_path / "busy"
    lock = Lock(str(out / ".cleanwire.lock"), f"{out}/")
    lock.acquire()
    try:
        done = crawl(base, tmp_path, f"{out}/", "CLEANWIRE_COMPRESS=gzip")
    finally:
        lock.release()
    assert done.returncode == 5, done.stderr[-3000:]  # Exit.OUTPUT
    assert f"(pid {os.getpid()}) is writing {out}/" in done.stderr
    assert "cannot write the records, so nothing is crawled" in done.stderr
    line = summary_line(done.stderr)
    assert "0 pages fetched" in line and "FAILED" in line
    assert not shard_files(out)
    assert not (tmp_path / "state.sqlite").exists()  # the seen-store was not even opened


def test_crawl_shards_load_in_datasets_and_datatrove(base, tmp_path):
    datasets = pytest.importorskip("datasets", reason="datasets comes with the datatrove extra")
    pytest.importorskip("datatrove", reason="the datatrove extra is not installed")
    from datatrove.pipeline.readers import JsonlReader

    out = tmp_path / "shards"
    done = crawl(base, tmp_path, f"{out}/", "CLEANWIRE_COMPRESS=gzip", "CLEANWIRE_SHARD_SIZE=8")
    assert done.returncode == 0, done.stderr[-3000:]
    want = [r["id"] for p in shard_files(out) for r in read(p)]
    assert len(want) == len(WATCH)
    loaded = datasets.load_dataset("json", data_files=[str(p) for p in shard_files(out)], split="train",
                                   cache_dir=str(tmp_path / "hf-cache"))
    assert loaded["id"] == want
    reader = JsonlReader(str(out), glob_pattern="part-*.jsonl.gz", compression="gzip")
    assert [doc.id for doc in reader()] == want
