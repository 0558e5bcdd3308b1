"""Workers that die with their parent, dependencies declared for what is imported, and compressed
output whose bytes depend on the records only.

- `cleanwire clean` killed with -9 while its workers are busy on a page that takes many seconds to
  clean: the workers are gone within a few seconds, not when the page is done.
- Every third-party module `cleaners/` and `crawler/` import comes from a distribution
  `pyproject.toml` declares.
- Compressed output (`-o OUT.jsonl.gz`, `-o DIR/ --compress`, the crawl's `-o DIR/` and
  `-o FILE.jsonl.zst`) is the same bytes in two uninterrupted runs, and after `kill -9` +
  `--resume`; a shard bounded in bytes stays within the bound.
"""

from __future__ import annotations

import ast
import contextlib
import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from crawler.demo.server import serve_demo
from tests._support import P1, P2, P3, P4, page
from tests.test_crawl import paths
from tests.test_crawl_shards import WATCH, crawl

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "cleaners.cli", "clean"]


# ----------------------------------------------------------------------------- helpers


def _stat(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name, or None when the process is gone (or a zombie)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return None if fields[0] in ("Z", "X") else fields


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(int(entry.name))) and int(fields[1]) == pid:
            out.append(int(entry.name))
    return out


def _in_group(pgid: int) -> list[int]:
    """Live processes of process group `pgid`."""
    return [int(e.name) for e in Path("/proc").iterdir()
            if e.name.isdigit() and (fields := _stat(int(e.name))) and int(fields[2]) == pgid]


def _cpu_seconds(pid: int) -> float:
    fields = _stat(pid)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") if fields else 0.0


def _slow_page(paragraphs: int) -> bytes:
    """A valid article page of many small blocks: about a second of cleaning per 5,000 of them."""
    body = "".join(f'<div class="c{i % 50}"><p>{P1} {i}</p><ul><li><a href="/x{i}/">link {i}</a></li></ul></div>'
                   for i in range(paragraphs))
    return page(body).encode("utf-8")


# ----------------------------------------------------------------------------- item 3


def test_workers_of_a_killed_clean_die_with_it_while_busy_on_a_slow_page(tmp_path):
    """Two workers each busy on a page that takes well over ten seconds to clean; the parent is
    killed with -9. Every process of the run is gone within a few seconds: the workers do not go on
    to finish their page under init."""
    dump = tmp_path / "dump"
    dump.mkdir()
    data = _slow_page(50_000)
    for name in ("a.html", "b.html", "c.html"):  # a and b wait in the first worker's pipe, c in the second's
        (dump / name).write_bytes(data)
    proc = subprocess.Popen([*CLI, str(dump), "-o", str(tmp_path / "out.jsonl"), "--jobs", "2", "--timeout", "900",
                             "--max-bytes", str(10 * len(data)), "-q"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while True:  # both workers at work on their page (a second of CPU each)
            assert proc.poll() is None, proc.stderr.read().decode()
            workers = _children(proc.pid)
            if len(workers) == 2 and all(_cpu_seconds(pid) > 1.0 for pid in workers):
                break
            assert time.monotonic() < deadline, "the workers never got busy"
            time.sleep(0.1)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        gone_by = time.monotonic() + 5
        while (alive := _in_group(proc.pid)) and time.monotonic() < gone_by:
            time.sleep(0.05)
        busy = [pid for pid in workers if _stat(pid)]
        assert not alive and not busy, f"processes {alive or busy} outlived their killed parent"
    finally:
        for pid in _in_group(proc.pid):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        proc.kill()
        proc.wait()
        proc.stderr.close()


# ----------------------------------------------------------------------------- item 21


def _dist_name(requirement: str) -> str:
    """`zope.interface>=5.1 ; extra` -> `zope-interface` (PEP 503 normalised)."""
    name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)[1]
    return re.sub(r"[-_.]+", "-", name).lower()


def _imported_modules(folder: Path) -> dict[str, set[str]]:
    """Top-level names of the absolute imports in every .py file under `folder`, with the files."""
    found: dict[str, set[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                found.setdefault(name.split(".")[0], set()).add(str(path.relative_to(folder.parent)))
    return found


def test_every_third_party_import_comes_from_a_declared_distribution():
    """A plain `pip install cleanwire` must install every module the code imports: each third-party
    top-level module imported anywhere in cleaners/ and crawler/ (at the top of a file or inside a
    function) belongs to a distribution in [project].dependencies; the datatrove step's own imports
    may come from the `datatrove` extra it is documented with."""
    from importlib.metadata import packages_distributions

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    core = {_dist_name(r) for r in project["dependencies"]}
    extras = {name: {_dist_name(r) for r in reqs} for name, reqs in project.get("optional-dependencies", {}).items()}
    providers = packages_distributions()
    own = {"cleaners", "crawler"}
    problems = []
    imported = _imported_modules(ROOT / "cleaners")
    for module, files in _imported_modules(ROOT / "crawler").items():
        imported.setdefault(module, set()).update(files)
    third_party = {m: f for m, f in imported.items() if m not in sys.stdlib_module_names and m not in own}
    assert {"scrapy", "selectolax", "warcio"} <= third_party.keys()  # the walk does find imports
    for module, files in sorted(third_party.items()):
        dists = {_dist_name(d) for d in providers.get(module, [])}
        if not dists:
            problems.append(f"{module} (imported by {sorted(files)}) is not installed")
            continue
        allowed = set(core)
        if files == {"cleaners/datatrove_step.py"}:
            allowed |= extras.get("datatrove", set())
        if not dists & allowed:
            problems.append(f"{module} (imported by {sorted(files)}) comes from {sorted(dists)}, "
                            "which pyproject.toml does not declare")
    assert not problems, "\n".join(problems)


# ----------------------------------------------------------------------------- item 23: cleanwire clean

TOWNS = ("Vellmar", "Ostrick", "Harrowby", "Kelmscot", "Dunmere", "Aldwick", "Brenton", "Carrow")


def _story(n: int, paragraphs: int) -> str:
    prose = (P1, P2, P3, P4)
    town = TOWNS[n % len(TOWNS)]
    body = "".join(f"<p>Note {n}.{k}: the {town} harbour board heard item {k + 1} of {paragraphs}. {prose[(n + k) % 4]}"
                   f"</p>\n" for k in range(paragraphs))
    return page(body, title=f"{town} harbour board, sitting {n + 1}")


@pytest.fixture(scope="module")
def dump(tmp_path_factory) -> dict:
    """Pages whose records come to a few MB (several 1 MB members), and the plain records of one run."""
    root = tmp_path_factory.mktemp("members")
    pages = root / "pages"
    pages.mkdir()
    for n in range(240):
        (pages / f"story-{n:03d}.html").write_text(_story(n, 60 + n % 7), "utf-8")
    plain = root / "plain.jsonl"
    run = subprocess.run([*CLI, str(pages), "-o", str(plain), "--jobs", "2", "-q"], cwd=ROOT, capture_output=True,
                         text=True, check=False)
    assert run.returncode == 0, run.stderr
    records = plain.read_bytes()
    assert len(records) > 3 * (1 << 20) and records.count(b"\n") == 240
    return {"pages": pages, "records": records}


def _env(seconds: str) -> dict:
    return {**os.environ, "CLEANWIRE_CHECKPOINT_SECONDS": seconds}


def _start(pages: Path, out: str, *extra: str, seconds: str = "0.2") -> subprocess.Popen:
    return subprocess.Popen([*CLI, str(pages), "-o", out, "--jobs", "2", *extra], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env(seconds))


def _finish(proc: subprocess.Popen) -> str:
    try:
        _, err = proc.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    assert proc.returncode == 0, err
    return err


def _files(out: Path) -> dict[str, bytes]:
    """The output: one file, or a shard folder's shards and manifest; and nothing hidden left."""
    if out.is_dir():
        assert not [p.name for p in out.iterdir() if p.name.startswith(".")]
        return {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert not [p.name for p in out.parent.iterdir() if p.name.startswith(".")]
    return {out.name: out.read_bytes()}


def _checkpoint(out: Path) -> dict | None:
    path = out / ".cleanwire.resume.json" if out.is_dir() else out.parent / f".{out.name}.resume.json"
    try:
        return json.loads(path.read_text("utf-8"))
    except (FileNotFoundError, ValueError):
        return None


def _split(data: bytes, compression: str) -> list[bytes]:
    """The lines of each gzip member or zstd frame `data` is made of (each must be whole)."""
    from cleaners.checkpoint import _decompressor

    members = []
    while data:
        d = _decompressor(compression)
        members.append(d.decompress(data))
        assert d.eof, "a torn member"
        data = d.unused_data
    return members


def _plain(files: dict[str, bytes], compression: str) -> bytes:
    return b"".join(b"".join(_split(data, compression)) for name, data in sorted(files.items())
                    if name != "manifest.json")


@pytest.mark.parametrize("target, options, compression", [
    ("records.jsonl.gz", (), "gzip"),
    ("shards/", ("--compress", "zstd", "--shard-size", "100KB"), "zstd"),
])
def test_compressed_clean_output_is_the_same_bytes_every_run_and_after_kill_and_resume(dump, tmp_path, target,
                                                                                      options, compression):
    """Two uninterrupted runs checkpointing at different moments write the same bytes; so does a run
    killed with -9 between two checkpoints and resumed. Members end after 1 MB of lines (or where a
    100 KB shard needs it), not at checkpoints."""
    def where(run: str) -> tuple[Path, str]:  # the output, and how -o names it
        out = tmp_path / run / target.rstrip("/")
        return out, f"{out}/" if target.endswith("/") else str(out)

    first, name = where("first")
    _finish(_start(dump["pages"], name, *options, seconds="0.2"))
    reference = _files(first)
    second, name = where("second")
    _finish(_start(dump["pages"], name, *options, seconds="0.03"))
    assert _files(second) == reference

    data = {name: blob for name, blob in reference.items() if name != "manifest.json"}
    assert _plain(data, compression) == dump["records"]
    if target.endswith("/"):
        assert len(data) >= 2 and all(len(blob) <= 100 * 1024 for blob in data.values())
    assert sum(len(_split(blob, compression)) for blob in data.values()) >= 3

    out, name = where("killed")
    proc = _start(dump["pages"], name, *options, seconds="0.2")
    deadline = time.monotonic() + 120
    while (seen := _checkpoint(out)) is None or seen["done"] < 40:
        assert proc.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline, "no checkpoint past 40 documents in 120 s"
        time.sleep(0.01)
    time.sleep(0.1)
    assert proc.poll() is None, "the run ended before it could be killed"
    proc.kill()
    proc.wait()
    proc.stderr.close()
    left = _checkpoint(out)
    assert 0 < left["done"] < 240

    err = _finish(_start(dump["pages"], name, *options, "--resume"))

    assert f"resumed after {left['done']} documents" in err, err
    assert _files(out) == reference


@pytest.fixture(scope="module")
def wordy(tmp_path_factory) -> dict:
    """Pages of invented words that compress about 2:1 (far worse than the 4:1 a guess would take),
    and the plain records of one run."""
    import random

    rng = random.Random(13)
    vocabulary = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
                  for _ in range(5000)]
    root = tmp_path_factory.mktemp("wordy")
    pages = root / "pages"
    pages.mkdir()
    for n in range(60):
        paragraphs = []
        for _ in range(12):
            sentences = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(8, 16))).capitalize() + "."
                         for _ in range(4)]
            paragraphs.append(f"<p>{' '.join(sentences)}</p>")
        (pages / f"notes-{n:03d}.html").write_text(page("\n".join(paragraphs), title=f"Harbour notes {n}"), "utf-8")
    plain = root / "plain.jsonl"
    run = subprocess.run([*CLI, str(pages), "-o", str(plain), "-q"], cwd=ROOT, capture_output=True, text=True,
                         check=False)
    assert run.returncode == 0, run.stderr
    return {"pages": pages, "records": plain.read_bytes()}


@pytest.mark.parametrize("compression", ["none", "gzip", "zstd"])
def test_byte_bounded_shards_stay_within_the_bound(wordy, tmp_path, compression):
    """`--shard-size 40KB`: every shard, compressed or not, is at most 40 KiB on disk (the shard ends
    before the record that would take it over), and a shard is not ended long before it is full."""
    out = tmp_path / "shards"
    run = subprocess.run([*CLI, str(wordy["pages"]), "-o", f"{out}/", "--compress", compression, "--shard-size",
                          "40KB", "-q"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    files = _files(out)
    shards = {name: data for name, data in files.items() if name != "manifest.json"}
    biggest = max(len(line) + 1 for line in wordy["records"].splitlines())
    assert len(shards) >= 3
    assert all(len(data) <= 40 * 1024 for data in shards.values()), {n: len(d) for n, d in shards.items()}
    assert all(len(data) >= 40 * 1024 - biggest for data in list(shards.values())[:-1])
    joined = _plain(shards, compression) if compression != "none" else b"".join(shards.values())
    assert joined == wordy["records"]
    manifest = json.loads(files["manifest.json"])
    assert [(s["file"], s["bytes"]) for s in manifest["shards"]] == [(n, len(d)) for n, d in shards.items()]


@pytest.mark.parametrize("compression", ["gzip", "zstd"])
@pytest.mark.parametrize("stopped", ["same member", "next member", "renaming"])
def test_a_checkpoint_inside_a_member_resumes_to_the_same_bytes(tmp_path, compression, stopped):
    """The part file behind `--resume`, stopped after a checkpoint taken inside a member: while
    the pending file still holds that member's lines ("same member"); after the member was written
    and the pending file started over for the next one ("next member"); after the run had finished
    and renamed its file ("renaming"). Each time the part is taken back to the checkpoint and, given
    the same lines after it, ends as the bytes of a run never stopped."""
    from cleaners.checkpoint import MEMBER_BYTES, PartFile

    lines = [json.dumps({"id": f"{n:05d}", "text": f"{P1} {P2} {n} {P3 if n % 3 else P4}" * 4}).encode() + b"\n"
             for n in range(1500)]
    per_member = next(i for i in range(len(lines)) if sum(map(len, lines[:i + 1])) >= MEMBER_BYTES) + 1
    assert len(lines) > 2 * per_member
    reference = PartFile(str(tmp_path / "reference.jsonl"), compression)
    reference.open()
    for line in lines:
        reference.write_lines(line, 1)
    reference.commit()
    want = (tmp_path / "reference.jsonl").read_bytes()
    assert len(_split(want, compression)) >= 3

    target = tmp_path / "out" / "records.jsonl"
    at = per_member + per_member // 2  # the checkpoint: inside the second member
    more = {"same member": at + 10, "next member": 2 * per_member + 10, "renaming": len(lines)}[stopped]
    part = PartFile(str(target), compression)
    part.open()
    for line in lines[:at]:
        part.write_lines(line, 1)
    part.sync()
    checkpoint = (part.size, part.lines, part.pending_bytes)
    assert checkpoint[2] > 0 and checkpoint[1] == at
    for line in lines[at:more]:
        part.write_lines(line, 1)
    if stopped == "renaming":
        part.commit()
        assert target.exists()
    else:
        part.sync()
        part.close()  # killed: nothing more reaches the files

    again = PartFile(str(target), compression)
    again.open(*checkpoint)
    for line in lines[at:]:
        again.write_lines(line, 1)
    again.commit()

    assert target.read_bytes() == want
    assert [p.name for p in target.parent.iterdir()] == ["records.jsonl"]


# ----------------------------------------------------------------------------- item 23: the crawl


@pytest.fixture(scope="module")
def site():
    """The demo site on 127.0.0.1: the base URL of its kcnawatch part."""
    with serve_demo() as urls:
        yield urls["watch"]

#: a crawl slow enough to span many seconds (and so many of the seen-store's syncs)
SLOW = ("DOWNLOAD_DELAY=0.2", "CONCURRENT_REQUESTS_PER_DOMAIN=1")


def _compressed(lines: bytes, compression: str) -> bytes:
    if compression == "gzip":
        return gzip.compress(lines, compresslevel=6, mtime=0)
    import zstandard

    return zstandard.ZstdCompressor(level=3).compress(lines)


@pytest.mark.parametrize("target, compression", [("records.jsonl.gz", "gzip"), ("shards/", "zstd")])
def test_a_crawls_compressed_output_is_the_members_its_records_decide(site, tmp_path, target, compression):
    """A crawl that syncs its output many times (once a second, before the seen-store marks) writes
    the same bytes as compressing its records in one go: under 1 MB of records a file or shard is
    one gzip member / zstd frame, whatever the timing of the crawl."""
    out = tmp_path / target
    settings = [f"CLEANWIRE_COMPRESS={compression}", *SLOW] + (["CLEANWIRE_SHARD_SIZE=12"] if target.endswith("/")
                                                               else [])
    done = crawl(site, tmp_path, f"{out}/" if target.endswith("/") else str(out), *settings)
    assert done.returncode == 0, done.stderr[-3000:]
    files = [out] if out.is_file() else sorted(p for p in out.iterdir() if p.name.startswith("part-"))
    assert len(files) == (1 if out.is_file() else 3)
    records = []
    for path in files:
        data = path.read_bytes()
        members = _split(data, compression)
        assert len(members) == 1, f"{path.name}: {len(members)} members"
        assert data == _compressed(members[0], compression)
        records += [json.loads(line) for line in members[0].splitlines()]
    assert sorted(paths(records, site)) == WATCH


def test_a_crawl_killed_mid_member_keeps_what_it_marked_and_the_next_crawl_goes_on_with_that_member(site, tmp_path):
    """`-o FILE.jsonl.gz` killed with -9 mid-crawl: every article marked as seen is on disk, in the
    file's whole members or in the pending file beside it; the next crawl takes the pending lines back,
    and the file ends as one member holding every article once."""
    import sqlite3

    out = tmp_path / "records.jsonl.gz"
    state = tmp_path / "state.sqlite"
    proc = crawl(site, tmp_path, str(out), *SLOW, wait=False)
    marked: list[str] = []
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and len(marked) < 6:
            time.sleep(0.2)
            with contextlib.suppress(sqlite3.Error):
                if state.exists():
                    with sqlite3.connect(state) as db:
                        marked = [u for (u,) in db.execute("SELECT url FROM seen")]
        assert len(marked) >= 6, "the crawl marked nothing in 90 s"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
        proc.stderr.close()
    with sqlite3.connect(state) as db:
        marked = [u for (u,) in db.execute("SELECT url FROM seen")]
    assert len(marked) < len(WATCH), "the crawl ended before the kill; nothing was tested"
    pending = tmp_path / ".records.jsonl.gz.pending"
    assert pending.exists()  # the lines of the member being filled
    from cleaners.checkpoint import whole_prefix

    kept = out.read_bytes()[:whole_prefix(str(out), "gzip")]
    on_disk = {json.loads(line)["url"] for member in _split(kept, "gzip") for line in member.splitlines()}
    on_disk |= {json.loads(line)["url"] for line in pending.read_bytes().split(b"\n")[1:-1]}
    assert set(marked) <= on_disk

    again = crawl(site, tmp_path, str(out), *SLOW)
    assert again.returncode == 0, again.stderr[-3000:]
    assert not pending.exists()
    members = _split(out.read_bytes(), "gzip")
    assert len(members) == 1  # the killed crawl's pending lines and this crawl's, in one member
    records = [json.loads(line) for line in members[0].splitlines()]
    assert sorted(paths(records, site)) == WATCH  # every article, once


def test_a_full_disk_under_a_compressed_crawl_output_marks_only_what_is_on_disk(tmp_path):
    """`-O out.jsonl.gz` on a disk that fills mid-crawl (RLIMIT_FSIZE: writes past the limit fail,
    as on a full disk): the failed sync is cut back, its pending file to what the last good sync
    left, so the articles marked as seen are exactly those on disk (whole members and pending
    lines); the next crawl takes the pending lines back and writes the rest, each article once."""
    import resource
    import sqlite3

    from tests.test_crawl import FAST, SCRAPY
    from tests.test_crawl_dedup import build_site, paragraphs, serve

    site = tmp_path / "site"
    pages = {}
    for n in range(16):  # about 15 kB of text each
        pages[f"/news/long-{n:02d}.html"] = ([p for k in range(10) for p in paragraphs(200 + n * 10 + k)],
                                             f"Long report number {n} from the river valley")
    build_site(site, pages, "Meridian Courier")
    out, state, limit = tmp_path / "out.jsonl.gz", tmp_path / "state.sqlite", 60_000

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    def crawl_news(url: str, *args: str, **kw) -> subprocess.CompletedProcess:
        cmd = [*SCRAPY, "crawl", "news", "-a", f"start_urls={url}/", "-s", f"CLEANWIRE_STATE={state}", *FAST, *args]
        return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=180, check=False, **kw)

    def marked() -> set[str]:
        with sqlite3.connect(state) as db:
            return {u for (u,) in db.execute("SELECT url FROM seen")}

    pending = tmp_path / ".out.jsonl.gz.pending"
    with serve(site) as url:
        done = crawl_news(url, "-O", str(out), preexec_fn=small_disk)
        assert done.returncode == 5, done.stderr[-3000:]
        assert "Traceback" not in done.stderr
        assert out.stat().st_size <= limit and pending.stat().st_size <= limit
        head, _, body = pending.read_bytes().partition(b"\n")
        assert head == f"cleanwire pending lines of the member at byte {out.stat().st_size}".encode()
        assert body.endswith(b"\n")  # cut back to whole lines: the last good sync's
        on_disk = {json.loads(line)["url"] for member in _split(out.read_bytes(), "gzip") for line in
                   member.splitlines()} | {json.loads(line)["url"] for line in body.splitlines()}
        assert on_disk and len(on_disk) < len(pages)
        assert marked() == on_disk, "marked as seen: exactly what is on disk"

        again = crawl_news(url, "-o", str(out))
    assert again.returncode == 0, again.stderr[-3000:]
    assert not pending.exists()
    members = _split(out.read_bytes(), "gzip")
    assert len(members) == 1  # the pending lines of the stopped crawl and the rest, one member
    got = [json.loads(line)["url"][len(url):] for line in members[0].splitlines()]
    assert sorted(got) == sorted(pages), "every article once over the two crawls"
