"""Crash safety of `cleanwire clean -o OUT`: real runs, stopped with a real SIGKILL (or Ctrl-C) at
different moments, then continued with `--resume`.

What must hold: while a run is stopped, OUT is absent (or the old complete file), never a partial
line; `--resume` ends with records and errors files byte for byte those of a run never stopped (so
no duplicates and no gaps); `--resume` with other inputs or options is refused (exit 2) and leaves
the stopped run's work alone; two runs on one OUT do not both write it. No mocks: the command runs
in its own process, on a folder the tests write (invented pages, a WARC, bad files).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests._support import P1, P2, P3, P4, page

CLI = [sys.executable, "-m", "cleaners.cli", "clean"]
MAX_BYTES = 200_000
OPTIONS = ["--jobs", "2", "--max-bytes", str(MAX_BYTES)]
SHARD = 37  # records per shard in the sharded runs: shards end in the middle of checkpoint intervals

STREETS = ["Quay Street", "Mill Lane", "the old ropewalk", "Harbour Row", "the fish market", "Chapel Hill"]
TRADES = ["net menders", "ferry crews", "harbour pilots", "boat builders", "market traders", "lock keepers"]


def story(n: int, paragraphs: int) -> list[str]:
    """Invented paragraphs, different for every `n`, long enough that cleaning a page takes a while."""
    base = (P1, P2, P3, P4)
    out = []
    for k in range(paragraphs):
        street, trade = STREETS[(n + k) % len(STREETS)], TRADES[(n * 7 + k) % len(TRADES)]
        out.append(f"Report {n}, part {k}: the {trade} of {street} met again on day {k + 1} of the month. "
                   + base[(n + k) % 4])
    return out


def html(n: int, paragraphs: int = 150) -> str:
    body = "".join(f"<p>{p}</p>\n" for p in story(n, paragraphs))
    return page(body, title=f"Vellmar harbour notes, number {n}")


def write_warc(path: Path, first: int, count: int) -> None:
    """A gzipped WARC: `count` HTML responses, with a request record and a non-HTML response now
    and then (both are counted as skipped)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(count):
            uri = f"https://gazette.example/harbour/{first + i}"
            if i % 15 == 0:
                request = StatusAndHeaders(f"GET /harbour/{first + i} HTTP/1.1", [("Host", "gazette.example")],
                                           is_http_request=True)
                writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b""),
                                                              http_headers=request))
            body = html(first + i).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          length=len(body), http_headers=headers))
            if i % 15 == 7:
                png = b"\x89PNG\r\n\x1a\n" + bytes(40)
                headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(f"{uri}.png", "response", payload=io.BytesIO(png),
                                                              length=len(png), http_headers=headers))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    """A folder of a few hundred documents (pages, a WARC, pages with some bad files among them), and
    the records and errors of one uninterrupted run."""
    root = tmp_path_factory.mktemp("crash")
    inputs = root / "dump"
    for folder in "abc":
        (inputs / folder).mkdir(parents=True)
    for n in range(60):
        if n % 25 == 3:
            (inputs / "a" / f"page-{n:03d}.html.gz").write_bytes(gzip.compress(html(n).encode("utf-8")))
        else:
            (inputs / "a" / f"page-{n:03d}.html").write_text(html(n), "utf-8")
    write_warc(inputs / "b" / "crawl.warc.gz", 1000, 150)  # where the first checkpoints fall
    for n in range(60, 160):
        (inputs / "c" / f"page-{n:03d}.html").write_text(html(n), "utf-8")
    (inputs / "c" / "notes.txt").write_text("\n".join(story(9000, 6)), "utf-8")
    (inputs / "c" / "page-080-empty.html").write_bytes(b"")
    (inputs / "c" / "page-081-binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (inputs / "c" / "page-082-huge.html").write_text(html(82, 900), "utf-8")
    assert (inputs / "c" / "page-082-huge.html").stat().st_size > MAX_BYTES
    (inputs / "c" / "page-083-chrome.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (inputs / "c" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))

    out = root / "reference" / "records.jsonl"
    started = time.monotonic()
    run = subprocess.run([*CLI, str(inputs), "-o", str(out), *OPTIONS], capture_output=True, text=True, check=False)
    seconds = time.monotonic() - started
    assert run.returncode == 3, run.stderr  # the bad files gave error records
    records = out.read_bytes()
    errors = Path(f"{out}.errors.jsonl").read_bytes()
    kinds = sorted(json.loads(line)["error"] for line in errors.splitlines())
    assert kinds == ["binary", "empty", "no_text", "too_large"], kinds
    assert len(records.splitlines()) == 60 + 150 + 100 + 1  # pages, the WARC's pages, pages, notes.txt
    return {"inputs": inputs, "records": records, "errors": errors, "summary": summary(run.stderr),
            "seconds": seconds, "root": root}


def summary(stderr: str) -> str:
    """The summary line without its timing and without the resumed-after note."""
    line = [x for x in stderr.splitlines() if " documents in, " in x][-1]
    line = re.sub(r"resumed after \d+ documents; ", "", line)
    line = re.sub(r" in [\d.]+s \([\d.]+ docs/s\)", "", line)
    return line.split(" -> ")[0]


#: the runs to be killed checkpoint five times a second, so the moments the tests kill at come
#: well before the end however fast the machine is (the output does not depend on it)
FREQUENT = {**os.environ, "CLEANWIRE_CHECKPOINT_SECONDS": "0.2"}


def start(inputs: Path, out: str, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([*CLI, str(inputs), "-o", out, *OPTIONS, *extra], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=FREQUENT)


def finish(proc: subprocess.Popen) -> tuple[int, str]:
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    return proc.returncode, err


def checkpoint_of(out: Path) -> dict | None:
    path = out / ".cleanwire.resume.json" if out.is_dir() else out.parent / f".{out.name}.resume.json"
    try:
        return json.loads(path.read_text("utf-8"))
    except (FileNotFoundError, ValueError):  # not written yet (it is replaced whole, never torn)
        return None


def kill_when(proc: subprocess.Popen, out: Path, *, after_docs: int = 0, extra: float = 0.0,
              signum: int = signal.SIGKILL) -> dict | None:
    """Send `signum` once a checkpoint shows more than `after_docs` documents done (and `extra`
    seconds more), or at once with after_docs < 0. Returns the checkpoint seen, None if the run ended
    first."""
    seen = None
    deadline = time.monotonic() + 60
    if after_docs >= 0:
        while proc.poll() is None:
            seen = checkpoint_of(out)
            if seen is not None and seen["done"] > after_docs:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"no checkpoint past {after_docs} documents within 60 s (the run is stuck?)")
            time.sleep(0.01)
        time.sleep(extra)
    if proc.poll() is not None:
        return None
    workers = children(proc.pid)
    ORPHANS.update(workers)
    proc.send_signal(signum)
    proc.wait(timeout=60)
    if signum == signal.SIGKILL:  # its workers notice, end by themselves, and release its files
        deadline = time.monotonic() + 20
        while (alive := [pid for pid in workers if running(pid)]) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive, f"workers {alive} outlived their killed parent"
    return seen or {"done": 0}


#: worker processes of killed runs, stopped after each test should one outlive its parent
ORPHANS: set[int] = set()


def children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def running(pid: int) -> bool:
    """Alive and not a zombie (in a container nobody may reap an orphan's exit)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.fixture(autouse=True)
def _no_orphans_left():
    yield
    for pid in ORPHANS:
        if running(pid):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
    ORPHANS.clear()


def assert_absent_or_complete(path: Path, reference: bytes | None = None) -> None:
    """The target of a stopped run: not there, or a whole file (the reference, when given)."""
    if path.exists():
        data = path.read_bytes()
        assert data.endswith(b"\n") or data == b""
        if reference is not None:
            assert data == reference
        for line in data.splitlines():
            json.loads(line)


def hidden_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def assert_like_the_reference(corpus: dict, out: Path, stderr: str) -> None:
    assert out.read_bytes() == corpus["records"]
    assert Path(f"{out}.errors.jsonl").read_bytes() == corpus["errors"]
    assert summary(stderr) == corpus["summary"].replace(str(corpus["root"] / "reference" / "records.jsonl"),
                                                        str(out))
    assert hidden_files(out.parent) == []  # no part, checkpoint or lock left


# ---------------------------------------------------------------------------------------------


def test_kill_at_different_moments_then_resume_gives_the_uninterrupted_files(corpus, tmp_path):
    """Killed before its first checkpoint, right after one, and between two: each time the target is
    absent, and the next run ends with the very files of the uninterrupted run. The last time the
    next run is not asked to resume: it starts again, and says --resume would have continued."""
    out = tmp_path / "out" / "records.jsonl"
    total = len(corpus["records"].splitlines()) + len(corpus["errors"].splitlines())
    for after_docs, extra, resume in [(-1, 0.0, True), (0, 0.0, True), (0, 0.4, False)]:
        proc = start(corpus["inputs"], str(out))
        if after_docs < 0:
            time.sleep(0.3)  # still starting: nothing is done yet
        seen = kill_when(proc, out, after_docs=after_docs, extra=extra)
        assert seen is not None, "the run ended before it could be killed: make the pages bigger"
        assert proc.returncode == -signal.SIGKILL
        assert not out.exists()  # never a partial file
        assert not Path(f"{out}.errors.jsonl").exists()
        left = checkpoint_of(out)
        if left is not None:  # the part holds at least what the checkpoint counts, and only whole records
            part = (out.parent / f".{out.name}.part").read_bytes()
            assert len(part) >= left["records_part"]["bytes"]
            assert corpus["records"].startswith(part[:left["records_part"]["bytes"]])
            assert part[:left["records_part"]["bytes"]].count(b"\n") == left["records_part"]["lines"]
            assert 0 < left["done"] < total

        code, err = finish(start(corpus["inputs"], str(out), *(["--resume"] if resume else [])))

        assert code == 3, err
        assert_like_the_reference(corpus, out, err)
        if left is None:
            assert after_docs < 0 and "nothing to resume" in err
        elif resume:
            assert f"resumed after {left['done']} documents" in err
        else:
            assert f"an interrupted run had done {left['done']} documents; starting again from the beginning " \
                   "(--resume would have continued it)" in err
            assert "resumed after" not in err
        out.unlink()
        Path(f"{out}.errors.jsonl").unlink()


def test_killed_twice_refused_with_other_inputs_then_resumed(corpus, tmp_path):
    """Kill, resume and kill the resumed run too; a --resume asked something else is refused and
    changes nothing; the third run finishes the work."""
    out = tmp_path / "records.jsonl"
    out.write_bytes(b'{"old": "a complete file from an earlier run"}\n')
    old = out.read_bytes()

    first = kill_when(start(corpus["inputs"], str(out)), out, after_docs=20)  # some files wholly done
    assert first is not None
    assert_absent_or_complete(out, old)  # the earlier file stays whole until the new one is complete
    left = checkpoint_of(out)
    assert left is not None and left["done"] > 0

    def files() -> dict[str, bytes]:  # the lock file aside: each run takes it and removes it when done
        return {p.name: p.read_bytes() for p in tmp_path.iterdir() if not p.name.endswith(".lock")}

    files_before = files()
    other_inputs = subprocess.run([*CLI, str(corpus["inputs"] / "a"), "-o", str(out), *OPTIONS, "--resume"],
                                  capture_output=True, text=True, check=False)
    other_limit = subprocess.run([*CLI, str(corpus["inputs"]), "-o", str(out), "--jobs", "2", "--max-bytes", "90000",
                                  "--resume"], capture_output=True, text=True, check=False)
    to_stdout = subprocess.run([*CLI, str(corpus["inputs"]), *OPTIONS, "--resume"], capture_output=True, text=True,
                               check=False)
    assert other_inputs.returncode == 2 and "INPUTs" in other_inputs.stderr, other_inputs.stderr
    assert other_limit.returncode == 2 and "--max-bytes 200000 then, 90000 now" in other_limit.stderr
    assert to_stdout.returncode == 2 and "--resume" in to_stdout.stderr and to_stdout.stdout == ""
    assert files() == files_before  # refused: nothing touched

    # a file the stopped run had done becomes a FIFO: opening it would block, so this also shows
    # that --resume skips the files before its checkpoint without opening them
    assert left["position"]["file"] > 0
    first_page = corpus["inputs"] / "a" / "page-000.html"
    page_bytes = first_page.read_bytes()
    first_page.unlink()
    os.mkfifo(first_page)
    try:
        second = start(corpus["inputs"], str(out), "--resume")
        seen = kill_when(second, out, after_docs=left["done"], extra=0.1)
        assert seen is not None and seen["done"] > left["done"]
        assert_absent_or_complete(out, old)

        code, err = finish(start(corpus["inputs"], str(out), "--resume"))
    finally:
        first_page.unlink()
        first_page.write_bytes(page_bytes)

    assert code == 3, err
    assert f"resumed after {checkpoint_done(err)} documents" in err and checkpoint_done(err) >= seen["done"]
    assert_like_the_reference(corpus, out, err)


def checkpoint_done(stderr: str) -> int:
    return int(re.search(r"resumed after (\d+) documents", stderr).group(1))


def test_sharded_output_resumes_to_the_same_shards(corpus, tmp_path):
    """-o DIR/: shards finished before the kill stay complete, the one being filled is hidden; after
    --resume the shards are those of an uninterrupted run (its records, SHARD to a file)."""
    shards = tmp_path / "shards"
    lines = corpus["records"].splitlines(keepends=True)
    expected = {f"part-{i // SHARD:05d}.jsonl": b"".join(lines[i:i + SHARD]) for i in range(0, len(lines), SHARD)}
    proc = start(corpus["inputs"], f"{shards}/", "--shard-size", str(SHARD))
    seen = kill_when(proc, shards, after_docs=SHARD, extra=0.3)
    assert seen is not None
    for name in (p.name for p in shards.iterdir() if not p.name.startswith(".")):
        assert name in expected and (shards / name).read_bytes() == expected[name]  # whole shards only
    assert not (shards / "errors.jsonl").exists()

    code, err = finish(start(corpus["inputs"], f"{shards}/", "--shard-size", str(SHARD), "--resume"))

    assert code == 3, err
    assert f"{len(expected)} shard(s) in" in err
    written = {p.name: p.read_bytes() for p in shards.iterdir()}
    manifest = json.loads(written.pop("manifest.json"))
    assert written == {**expected, "errors.jsonl": corpus["errors"]}
    # the manifest describes the shards of both runs, the killed one's included
    assert [(s["file"], s["records"], s["bytes"]) for s in manifest["shards"]] == \
        [(name, data.count(b"\n"), len(data)) for name, data in sorted(expected.items())]
    assert all(s["sha256"] == hashlib.sha256(expected[s["file"]]).hexdigest() for s in manifest["shards"])


def test_ctrl_c_keeps_the_work_and_a_second_run_on_the_same_output_is_refused(corpus, tmp_path):
    out = tmp_path / "records.jsonl"
    proc = start(corpus["inputs"], str(out))
    while checkpoint_of(out) is None and proc.poll() is None:
        time.sleep(0.01)
    rival = subprocess.run([*CLI, str(corpus["inputs"]), "-o", str(out), *OPTIONS], capture_output=True, text=True,
                           check=False)
    seen = kill_when(proc, out, after_docs=-1, signum=signal.SIGINT)
    assert seen is not None
    _, err = proc.communicate()

    assert rival.returncode == 5 and "another cleanwire run" in rival.stderr, rival.stderr
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "--resume" in err
    assert not out.exists()
    kept = checkpoint_of(out)
    assert kept is not None and kept["done"] > 0
    # as if stopped while the finished run renamed its files: the records part is already in place
    # and the checkpoint not yet removed; --resume takes the file back and goes on
    (out.parent / f".{out.name}.part").rename(out)

    code, err = finish(start(corpus["inputs"], str(out), "--resume"))

    assert code == 3, err
    assert f"resumed after {kept['done']} documents" in err
    assert_like_the_reference(corpus, out, err)


def test_the_resumable_walk_gives_what_iter_documents_gives_and_starts_anywhere(corpus):
    """The walk a checkpointed run reads its inputs with is `iter_documents`' walk, document for
    document (and skip for skip); started at a position, it gives the rest; a position naming
    another file than the one found there is refused."""
    from cleaners.checkpoint import Feed, ResumeError
    from cleaners.inputs import Discovery, iter_documents

    specs = [str(corpus["inputs"])]
    plain, walked = Discovery(), Discovery()
    expected = list(iter_documents(specs, max_bytes=MAX_BYTES, discovery=plain))
    feed = Feed(specs, fmt="auto", url=None, max_bytes=MAX_BYTES, discovery=walked)
    assert list(feed) == expected
    assert walked.skipped == plain.skipped and sum(plain.skipped.values()) == 21  # 10 + 10 in the WARC, a .png
    origins = list(feed.origin)
    assert len(origins) == len(expected)

    for done in (1, 59, 60, 100, 209, 210, len(expected) - 1, len(expected)):  # a/, the WARC, c/
        file, docs, path = origins[done - 1]
        rest = Feed(specs, fmt="auto", url=None, max_bytes=MAX_BYTES, discovery=Discovery(),
                    file=file, docs=docs, path=path)
        assert list(rest) == expected[done:], done
    with pytest.raises(ResumeError, match="the inputs changed"):
        Feed(specs, fmt="auto", url=None, max_bytes=MAX_BYTES, discovery=Discovery(), file=3, docs=1,
             path=origins[10][2])
