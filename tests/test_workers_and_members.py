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
import os
import re
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

from tests._support import P1, page

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
