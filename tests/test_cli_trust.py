"""Issue 13 for `cleanwire clean|export|dedup|explain`: exit statuses from one table, SIGTERM like
Ctrl-C, one line and status 5 for an output or environment failure, errors files locked and never
the output, no run writing over its input, JSON Lines split on \\n only, only language codes the
detector gives, and every format `cleanwire clean` writes read back by `export` and `dedup`.

Every command runs in its own process, on files the tests write (invented text)."""

from __future__ import annotations

import gzip
import json
import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests._support import page

CLI = [sys.executable, "-m", "cleaners.cli"]

ADJ = "quiet busy old new narrow wide grey bright cold windy muddy tidy".split()
NOUN = "ferry harbour market library bridge quay warehouse school chapel lighthouse bakery mill".split()
VERB = "reopened repaired closed painted rebuilt inspected sold extended cleaned moved".split()
PLACE = "Vellmar Ostrand Kilby Marrow Fenwick Dunmore Ashby Corran".split()


def paragraphs(n: int, count: int = 4) -> list[str]:
    """Invented paragraphs, different enough for every `n` that no two pages are near duplicates."""
    r = random.Random(n)
    return [" ".join(f"The {r.choice(ADJ)} {r.choice(NOUN)} of {r.choice(PLACE)} was {r.choice(VERB)} by "
                     f"{r.randint(2, 90)} volunteers on day {r.randint(1, 28)}, and the {r.choice(NOUN)} "
                     f"{r.choice(VERB)} it again." for _ in range(4)) for _ in range(count)]


def article(n: int, count: int = 4) -> str:
    return page("".join(f"<p>{p}</p>\n" for p in paragraphs(n, count)), title=f"Notes from the coast, number {n}")


def cli(*args, cwd: Path | None = None, input: bytes | None = None, env: dict | None = None,
        preexec_fn=None, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], cwd=cwd, input=input, stdout=stdout, stderr=subprocess.PIPE,
                          env=env, preexec_fn=preexec_fn, timeout=300, check=False)


def err(run) -> str:
    return run.stderr.decode("utf-8", "replace")


def one_line_no_traceback(run) -> str:
    text = err(run)
    assert "Traceback" not in text, text
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    return lines[0]


@pytest.fixture
def pages(tmp_path) -> Path:
    """Three articles and an empty page (one error record)."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(3):
        (folder / f"p{n}.html").write_text(article(n), "utf-8")
    (folder / "p3-empty.html").write_bytes(b"  \n")
    return folder


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# ------------------------------------------------------------------------------------- 18: statuses


def test_error_records_are_status_3_for_every_command(pages, tmp_path):
    out = tmp_path / "out.jsonl"
    clean = cli("clean", pages, "-o", out, "--jobs", "1")
    assert clean.returncode == 3, err(clean)
    assert "3 records out, 1 errors (empty 1)" in err(clean)

    mixed = tmp_path / "mixed.jsonl"
    mixed.write_bytes(out.read_bytes() + b"not json\n")
    dedup = cli("dedup", mixed, "-o", tmp_path / "d.jsonl")
    export = cli("export", mixed, "--txt", tmp_path / "texts")
    explain = cli("explain", pages / "p3-empty.html")
    assert (dedup.returncode, export.returncode, explain.returncode) == (3, 3, 3), (err(dedup), err(export))
    assert len(list((tmp_path / "texts").iterdir())) == 3


def test_help_shows_the_table_of_exit_statuses():
    from cleaners.exits import Exit

    for command in ([], ["clean"], ["export"], ["dedup"], ["explain"]):
        shown = cli(*command, "--help")
        text = " ".join(shown.stdout.decode().split())
        assert shown.returncode == 0
        for code in Exit:
            assert f"{int(code)} " in text.split("Exit status:")[1], (command, code)
        assert "5 output or environment failure" in text and "130 interrupted" in text


# ------------------------------------------------------------------------------------- 18: SIGTERM


@pytest.mark.parametrize("target", ["parent", "group"])
def test_sigterm_stops_clean_like_ctrl_c_and_resume_gives_the_uninterrupted_files(tmp_path, target):
    """SIGTERM to a running `clean -o OUT`: a message, status 130, the locks released, OUT absent and
    the checkpoint kept; the same command with --resume ends with the very files of a run never
    stopped. Sent to the whole process group (systemd's stop, `timeout -s TERM` of a shell), the
    workers leave it to the parent instead of dying as `crashed` documents the checkpoint would keep."""
    inputs = tmp_path / "dump"
    inputs.mkdir()
    for n in range(90):
        (inputs / f"page-{n:03d}.html").write_text(article(n, 40), "utf-8")
    (inputs / "page-050-empty.html").write_bytes(b"")
    reference = tmp_path / "reference" / "records.jsonl"
    options = ["--jobs", "2"]
    whole = cli("clean", inputs, "-o", reference, *options)
    assert "90 records out, 1 errors" in err(whole), err(whole)

    out = tmp_path / "out" / "records.jsonl"
    env = {**os.environ, "CLEANWIRE_CHECKPOINT_SECONDS": "0.2"}
    proc = subprocess.Popen([*CLI, "clean", str(inputs), "-o", str(out), *options], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, start_new_session=True)
    checkpoint = out.parent / f".{out.name}.resume.json"
    deadline = time.monotonic() + 120
    while not checkpoint.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proc.poll() is None, "the run ended before it could be stopped: make the pages bigger"
    if target == "group":
        os.killpg(proc.pid, signal.SIGTERM)
    else:
        proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=120)
    stderr = stderr.decode()

    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "SIGTERM" in stderr and "--resume" in stderr
    assert not out.exists()
    kept = json.loads(checkpoint.read_text("utf-8"))
    assert kept["done"] > 0
    assert not [name for name in hidden(out.parent) if name.endswith(".lock")]  # both locks released

    resumed = cli("clean", inputs, "-o", out, *options, "--resume")

    assert resumed.returncode == 3, err(resumed)
    assert f"resumed after {kept['done']} documents" in err(resumed)
    assert out.read_bytes() == reference.read_bytes()
    assert Path(f"{out}.errors.jsonl").read_bytes() == Path(f"{reference}.errors.jsonl").read_bytes()
    assert hidden(out.parent) == []


def test_a_stop_landing_on_a_checkpoint_keeps_the_checkpoint_and_its_parts(tmp_path, monkeypatch):
    """Ctrl-C (or SIGTERM) arriving right as a checkpoint is renamed into place is handled once the
    run knows the checkpoint is on disk: the run stops with the checkpoint and the parts it points
    at kept (before, `stop()` could remove the parts under a checkpoint that named them)."""
    from cleaners import checkpoint

    target = tmp_path / "records.jsonl"
    out = checkpoint.Output(str(target), f"{target}.errors.jsonl", sharded=False, shard_size=0)
    out.acquire()
    out.start(None)
    out.write_record(json.dumps({"id": "one", "text": "A line of text."}))
    rename = os.replace

    def rename_then_stop(src, dst):
        rename(src, dst)
        os.kill(os.getpid(), signal.SIGINT)  # the stop lands right after the rename

    monkeypatch.setattr(checkpoint.os, "replace", rename_then_stop)
    with pytest.raises(KeyboardInterrupt):
        out.save({"checkpoint": checkpoint.CHECKPOINT_FORMAT, "run": "r", "done": 1, "position": {}})
        time.sleep(1)  # (a signal that was not held is handled before this ends)
    monkeypatch.setattr(checkpoint.os, "replace", rename)
    assert out.checkpointed
    out.stop()
    state = json.loads(Path(out.checkpoint_path).read_text("utf-8"))
    assert state["done"] == 1 and state["records_part"]["lines"] == 1
    assert Path(out.records.path).read_text("utf-8").count("\n") == 1  # the part the checkpoint names


# ------------------------------------------------------------------------------------- 17: environment


def test_output_and_environment_failures_are_one_line_and_status_5(pages, tmp_path):
    """A folder that is a file, a path under /proc, `export --txt FILE`, `dedup -o FILE/x`,
    `dedup --index FILE`: one line naming the path and the cause, status 5, nothing written. (Root
    ignores mode bits, so a path under /proc stands for a folder that cannot be written.)"""
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder is expected\n", "utf-8")
    records = tmp_path / "records.jsonl"
    assert cli("clean", pages / "p0.html", "-o", records).returncode == 0
    before = sorted(p.name for p in tmp_path.iterdir())

    runs = {
        "clean into a file": (cli("clean", pages / "p0.html", "-o", blocker / "out.jsonl"), str(blocker)),
        "clean shards into a file": (cli("clean", pages / "p0.html", "-o", f"{blocker}/shards/"), str(blocker)),
        "clean into /proc": (cli("clean", pages / "p0.html", "-o", "/proc/cleanwire-test.jsonl"),
                             "/proc/cleanwire-test.jsonl"),
        "clean errors into /proc": (cli("clean", pages, "-o", tmp_path / "x.jsonl", "--errors", "/proc/e.jsonl"),
                                    "/proc/e.jsonl"),
        "export into a file": (cli("export", records, "--txt", blocker), str(blocker)),
        "dedup into a file": (cli("dedup", records, "-o", blocker / "x.jsonl"), str(blocker)),
        "dedup into /proc": (cli("dedup", records, "-o", "/proc/cleanwire-test.jsonl"), "/proc/"),
        "dedup index a file": (cli("dedup", records, "-o", tmp_path / "y.jsonl", "--index", blocker), str(blocker)),
    }
    for what, (run, path) in runs.items():
        assert run.returncode == 5, (what, err(run))
        line = one_line_no_traceback(run)
        assert path in line, (what, line)
        assert line.count(": ") >= 2, (what, line)  # command: path: cause
    assert blocker.read_text("utf-8") == "a file where a folder is expected\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no output, no part, no lock left


def _small_files(limit: int):
    def limit_writes():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return limit_writes


def test_a_full_disk_is_status_5_and_leaves_the_output_as_it_was(pages, tmp_path):
    """Writes fail (RLIMIT_FSIZE, as a full disk): clean to a file, to shards, to standard output,
    dedup and export each end with one line and status 5; an OUT that was there stays as it was and
    no part file is left."""
    records = tmp_path / "records.jsonl"
    assert cli("clean", pages, "-o", records, "--jobs", "1").returncode == 3
    old = b'{"old": "a complete file from an earlier run"}\n'
    work = tmp_path / "work"
    work.mkdir()
    (work / "out.jsonl").write_bytes(old)
    (work / "dedup.jsonl").write_bytes(old)
    small = _small_files(600)  # a record is over 1 KB

    runs = {
        "clean": (cli("clean", pages, "-o", work / "out.jsonl", "--jobs", "1", preexec_fn=small), "out.jsonl"),
        "shards": (cli("clean", pages, "-o", f"{work}/shards/", "--jobs", "1", preexec_fn=small), "part-00000"),
        "dedup": (cli("dedup", records, "-o", work / "dedup.jsonl", preexec_fn=small), "dedup.jsonl"),
        "export": (cli("export", records, "--txt", work / "texts", preexec_fn=small), "texts"),
    }
    with open(work / "stdout.jsonl", "wb") as sink:
        runs["stdout"] = (cli("clean", pages / "p0.html", pages / "p1.html", stdout=sink, preexec_fn=small),
                          "standard output")
    for what, (run, path) in runs.items():
        assert run.returncode == 5, (what, err(run))
        line = one_line_no_traceback(run)
        assert path in line and "File too large" in line, (what, line)
    assert (work / "out.jsonl").read_bytes() == old and (work / "dedup.jsonl").read_bytes() == old
    assert not list(work.rglob(".*")), list(work.rglob(".*"))  # no part, checkpoint or lock left
    assert not (work / "shards").exists() or not list((work / "shards").iterdir())


def _own_mounts(tmp_path: Path, mounts: dict[str, str], commands: dict[str, list | str]) -> dict[str, tuple[int, str]]:
    """Run `commands` (a cleanwire command line, or a shell line) in a mount namespace of their own
    (`unshare -m`) where each folder of `mounts` is a tmpfs mounted with the options given: a real
    read-only or full file system, seen by these commands only. Skipped where namespaces or mounts
    are not allowed."""
    lines = ["set -u"]
    for folder, options in mounts.items():
        lines.append(f"mkdir -p '{folder}' && mount -t tmpfs -o {options} tmpfs '{folder}' || exit 99")
    for name, cmd in commands.items():
        quoted = f"( {cmd} )" if isinstance(cmd, str) else " ".join("'" + str(a).replace("'", "'\\''") + "'"
                                                           for a in [*CLI, *cmd])
        lines.append(f"{quoted} >/dev/null 2>'{tmp_path}/{name}.err'; echo $? >'{tmp_path}/{name}.status'")
    script = tmp_path / "mounts.sh"
    script.write_text("\n".join(lines) + "\n", "utf-8")
    done = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", str(script)], capture_output=True,
                          timeout=300, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs in a mount namespace here: {done.stderr.decode(errors='replace')}")
    return {name: (int((tmp_path / f"{name}.status").read_text()), (tmp_path / f"{name}.err").read_text())
            for name in commands}


def test_a_read_only_or_full_file_system_is_status_5(pages, tmp_path):
    """A read-only tmpfs, and a full one (ENOSPC) holding an OUT from an earlier run: one line, status
    5, and the earlier OUT as it was."""
    for n in range(3, 30):
        (pages / f"p{n}.html").write_text(article(n), "utf-8")
    records = tmp_path / "records.jsonl"
    assert "30 records out" in err(cli("clean", pages, "-o", records, "--jobs", "1"))
    ro, full = tmp_path / "ro", tmp_path / "full"
    results = _own_mounts(tmp_path, {ro: "ro,size=64k", full: "size=16k"}, {
        "clean_ro": ["clean", pages, "-o", ro / "out.jsonl", "--jobs", "1"],
        "dedup_ro": ["dedup", records, "-o", ro / "dedup.jsonl"],
        "export_ro": ["export", records, "--txt", ro / "texts"],
        "old": ["clean", pages / "p0.html", "-o", full / "out.jsonl"],  # a first run fills a little of it
        "clean_full": ["clean", pages, "-o", full / "out.jsonl", "--jobs", "1"],
        "shards_full": ["clean", pages, "-o", f"{full}/shards/", "--jobs", "1"],
        "dedup_full": ["dedup", records, "-o", full / "dedup.jsonl"],
        "after": f"cp '{full}/out.jsonl' '{tmp_path}/after.jsonl' && cd '{full}' && find . >'{tmp_path}/left.txt'",
    })
    assert results.pop("old")[0] == 0 and results.pop("after")[0] == 0
    for name, (status, stderr) in results.items():
        assert status == 5, (name, stderr)
        lines = stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in stderr, (name, stderr)
        cause = "Read-only file system" if name.endswith("_ro") else "No space left on device"
        assert cause in lines[0] and str(tmp_path) in lines[0], (name, lines[0])
    kept = (tmp_path / "after.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line)["path"] for line in kept] == [str(pages / "p0.html")]  # the earlier run's OUT
    # no part, lock, checkpoint or shard left (the shard folder the failed run made stays, empty)
    assert sorted((tmp_path / "left.txt").read_text().split()) == [".", "./out.jsonl", "./shards"]


# ------------------------------------------------------------------------------------- 8: errors files


def test_errors_file_equal_to_the_output_is_refused(pages, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"old": 1}\n', "utf-8")
    clean = cli("clean", pages, "-o", out, "--errors", out)
    clean_dot = cli("clean", pages, "-o", out, "--errors", tmp_path / "." / "out.jsonl")
    records = tmp_path / "records.jsonl"
    records.write_bytes(b"")
    dedup = cli("dedup", records, "-o", out, "--errors", out)
    for run in (clean, clean_dot, dedup):
        assert run.returncode == 2, err(run)
        assert "Traceback" not in err(run) and "--errors" in err(run)
    assert out.read_text("utf-8") == '{"old": 1}\n'
    assert hidden(tmp_path) == []


def _holding(cmd: list, cwd: Path) -> subprocess.Popen:
    """A run reading standard input, kept waiting for it (so holding its files) until fed."""
    return subprocess.Popen([*CLI, *map(str, cmd)], cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def _wait_for_lock(folder: Path, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while not [n for n in hidden(folder) if n.endswith(".lock")] and time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.02)


def test_two_runs_sharing_an_errors_file_the_second_stops_before_writing(pages, tmp_path):
    shared = tmp_path / "shared.errors.jsonl"
    first = _holding(["clean", "-", "-o", tmp_path / "a.jsonl", "--errors", shared], tmp_path)
    try:
        _wait_for_lock(tmp_path, first)
        second = cli("clean", pages, "-o", tmp_path / "b.jsonl", "--errors", shared)
        to_stdout = cli("clean", pages, "--errors", shared, cwd=tmp_path)
    finally:
        out, stderr = first.communicate(b"", timeout=60)  # an empty document: one error record
    for run in (second, to_stdout):
        assert run.returncode == 5, err(run)
        assert "another cleanwire run" in one_line_no_traceback(run) and str(shared) in err(run)
        assert run.stdout == b""
    assert first.returncode == 3, stderr
    assert [json.loads(line)["error"] for line in shared.read_text("utf-8").splitlines()] == ["empty"]
    assert not (tmp_path / "b.jsonl").exists()
    assert hidden(tmp_path) == []


def test_dedup_errors_file_and_output_are_locked_too(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text("not a record\n", "utf-8")
    shared = tmp_path / "shared.errors.jsonl"
    first = _holding(["dedup", "-", "-o", tmp_path / "a.jsonl", "--errors", shared], tmp_path)
    try:
        _wait_for_lock(tmp_path, first)
        same_errors = cli("dedup", records, "-o", tmp_path / "b.jsonl", "--errors", shared)
        same_out = cli("dedup", records, "-o", tmp_path / "a.jsonl")
    finally:
        _, stderr = first.communicate(b"also not a record\n", timeout=120)
    for run in (same_errors, same_out):
        assert run.returncode == 5, err(run)
        assert "another cleanwire run" in one_line_no_traceback(run)
    assert first.returncode == 3, stderr
    assert [json.loads(line)["message"][:4] for line in shared.read_text("utf-8").splitlines()] == ["-:1:"]
    assert not (tmp_path / "b.jsonl").exists()


def test_runs_to_standard_output_never_share_an_errors_file(tmp_path):
    """Two runs to standard output at once, in one folder, each with an error: each run's error
    record is in a file of its own, which its summary names."""
    first = _holding(["clean", "-"], tmp_path)
    second = _holding(["clean", "-"], tmp_path)
    _, one = first.communicate(b"", timeout=60)
    _, two = second.communicate(b"\x89PNG\r\n\x1a\n" + bytes(300), timeout=60)
    files = sorted(tmp_path.glob("cleanwire*.errors.jsonl"))
    assert len(files) == 2, files
    kinds = sorted(json.loads(f.read_text("utf-8"))["error"] for f in files)
    assert kinds == ["binary", "empty"]
    assert all(f"errors in {f.name}" in one.decode() + two.decode() for f in files)
    assert (first.returncode, second.returncode) == (3, 3)


# ------------------------------------------------------------------------------------- 9: output = input


def test_clean_refuses_to_write_over_its_input(pages, tmp_path):
    target = pages / "p0.html"
    before = target.read_bytes()
    same = cli("clean", target, "-o", target)
    same_via_glob = cli("clean", f"{pages}/*.html", "-o", target)
    errors_on_input = cli("clean", pages, "-o", tmp_path / "out.jsonl", "--errors", pages / "p1.html")
    errors_is_input = cli("clean", target, "-o", tmp_path / "out.jsonl", "--errors", target)
    walked = cli("clean", pages, "-o", pages / "records")  # no suffix: the next walk would read it
    for run in (same, same_via_glob, errors_on_input, errors_is_input, walked):
        assert run.returncode == 2, err(run)
        assert "INPUT" in one_line_no_traceback(run)
    assert target.read_bytes() == before
    assert not (pages / "records").exists() and not (tmp_path / "out.jsonl").exists()

    # a .jsonl inside the walked folder is not read by the walk: allowed, and a second run ignores it
    inside = pages / "records.jsonl"
    first = cli("clean", pages, "-o", inside, "--jobs", "1")
    again = cli("clean", pages, "-o", inside, "--jobs", "1")
    assert (first.returncode, again.returncode) == (3, 3)
    assert "4 documents in" in err(again)


# ------------------------------------------------------------------------------------- 12 and 20: reading


def _record(rid: str, text: str) -> bytes:
    return json.dumps({"id": rid, "text": text, "url": None}, ensure_ascii=False).encode("utf-8") + b"\n"


def test_json_lines_are_split_on_newlines_only(tmp_path):
    texts = ["A line\u2028and a line separator inside one paragraph.",
             "A paragraph\u2029then another, and a next line\u0085and a form\x0cfeed."]
    source = tmp_path / "in.jsonl"
    source.write_bytes(_record("0123456789abcdef", texts[0]) + _record("fedcba9876543210", texts[1]))

    export = cli("export", source, "--txt", tmp_path / "texts")
    dedup = cli("dedup", source, "-o", tmp_path / "out.jsonl")

    assert export.returncode == 0, err(export)
    assert sorted(p.name for p in (tmp_path / "texts").iterdir()) == ["000_0123456789abcdef.txt",
                                                                      "001_fedcba9876543210.txt"]
    assert (tmp_path / "texts" / "000_0123456789abcdef.txt").read_text("utf-8") == texts[0]
    assert (tmp_path / "texts" / "001_fedcba9876543210.txt").read_text("utf-8") == texts[1]
    assert dedup.returncode == 0, err(dedup)
    assert (tmp_path / "out.jsonl").read_bytes() == source.read_bytes()


FORMATS = {
    "plain": ("out.jsonl", []),
    "gzip": ("out.jsonl.gz", []),
    "zstd": ("out.jsonl.zst", []),
    "shards": ("shards/", ["--shard-size", "2"]),
    "gzip shards": ("shards/", ["--shard-size", "2", "--compress", "gzip"]),
    "zstd shards": ("shards/", ["--shard-size", "2", "--compress", "zstd"]),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[dict], bytes]:
    """Five articles, an empty page, and the plain records of one run."""
    root = tmp_path_factory.mktemp("formats")
    folder = root / "pages"
    folder.mkdir()
    for n in range(5):
        (folder / f"p{n}.html").write_text(article(100 + n), "utf-8")
    (folder / "p5-empty.html").write_bytes(b"")
    plain = root / "plain.jsonl"
    done = cli("clean", folder, "-o", plain, "--jobs", "1")
    assert "5 records out, 1 errors" in err(done), err(done)  # the status is another test's
    data = plain.read_bytes()
    return folder, [json.loads(line) for line in data.splitlines()], data


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_and_dedup_read_every_format_clean_writes(corpus, tmp_path, fmt):
    folder, records, plain = corpus
    name, options = FORMATS[fmt]
    out = tmp_path / name
    done = cli("clean", folder, "-o", f"{out}/" if name.endswith("/") else out, "--jobs", "1", *options)
    assert "5 records out, 1 errors" in err(done), err(done)
    if name.endswith("/"):
        assert (out / "errors.jsonl").exists() and len(list(out.glob("part-*"))) == 3

    texts = tmp_path / "texts"
    export = cli("export", out, "--txt", texts)
    dedup = cli("dedup", out, "-o", tmp_path / "dedup.jsonl")

    assert export.returncode == 0, err(export)
    assert sorted(p.name for p in texts.iterdir()) == [f"{i:03d}_{r['id']}.txt" for i, r in enumerate(records)]
    assert [(texts / f"{i:03d}_{r['id']}.txt").read_text("utf-8") for i, r in enumerate(records)] == \
        [r["text"] for r in records]
    assert dedup.returncode == 0, err(dedup)
    assert (tmp_path / "dedup.jsonl").read_bytes() == plain
    assert "5 records in, 5 kept" in err(dedup)


def test_shards_are_read_in_manifest_order_and_stdin_may_be_compressed(corpus, tmp_path):
    folder, records, plain = corpus
    shards = tmp_path / "shards"
    assert cli("clean", folder, "-o", f"{shards}/", "--shard-size", "2", "--jobs", "1").returncode != 0
    manifest = json.loads((shards / "manifest.json").read_text("utf-8"))
    manifest["shards"].reverse()
    (shards / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    dedup = cli("dedup", shards, "-o", tmp_path / "reversed.jsonl")
    assert dedup.returncode == 0, err(dedup)
    lines = plain.splitlines(keepends=True)
    assert (tmp_path / "reversed.jsonl").read_bytes() == b"".join(lines[4:] + lines[2:4] + lines[:2])

    piped = cli("dedup", "-", "-o", "-", input=gzip.compress(plain))
    assert piped.returncode == 0 and piped.stdout == plain, err(piped)

    (shards / "part-00001.jsonl").unlink()
    missing = cli("dedup", shards, "-o", tmp_path / "x.jsonl")
    assert missing.returncode == 2 and "part-00001.jsonl" in one_line_no_traceback(missing)


# ------------------------------------------------------------------------------------- 19: --language


@pytest.mark.parametrize("code", ["eng", "deu", "xx", "en,zz"])
def test_language_codes_the_detector_never_gives_are_refused(pages, tmp_path, code):
    run = cli("clean", pages / "p0.html", "-o", tmp_path / "out.jsonl", "--language", code)
    assert run.returncode == 2, err(run)
    line = one_line_no_traceback(run)
    assert "--language" in line and "unknown language code" in line
    if code in ("eng", "deu"):
        assert f"did you mean {code[:2]}?" in line
    assert not (tmp_path / "out.jsonl").exists()


def test_language_codes_are_checked_by_a_public_function():
    from cleaners.language import check_codes, codes

    assert check_codes("en, RU,ary") == {"en", "ru", "ary"} and check_codes("") == frozenset()
    assert {"en", "ru", "de", "zh"} <= codes() and "zxx" not in codes()
    with pytest.raises(ValueError, match=r"eng \(did you mean en\?\)"):
        check_codes("eng")
