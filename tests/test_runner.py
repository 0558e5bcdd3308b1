"""The worker pool of `cleanwire clean` (`cleaners.runner.run`) with real worker processes: each
worker holds the next document in its pipe, so a document that times out or kills its worker must
not take the one queued behind it down with it; and plain files are read by the workers."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from cleaners import runner
from cleaners.inputs import InputDoc, iter_documents

from ._support import PARAS, page

GOOD = page().encode("utf-8")


def _doc(name: str) -> InputDoc:
    return InputDoc(path=name, url=f"https://gazette.example/{name}", data=GOOD)


@pytest.fixture
def misbehaving(monkeypatch):
    """Workers (forked after this patch) that hang on `slow*` and die on `crash*` documents."""
    real = runner.clean_one

    def clean_one(doc):
        if doc.path.startswith("slow"):
            time.sleep(30)
        if doc.path.startswith("crash"):
            os._exit(3)
        return real(doc)

    monkeypatch.setattr(runner, "clean_one", clean_one)


def _run(names: list[str], **kw) -> list[runner.Outcome]:
    return list(runner.run((_doc(n) for n in names), **kw))


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_document_queued_behind_a_timeout_is_cleaned(misbehaving, jobs):
    names = ["a.html", "slow.html", "b.html", "c.html", "slow2.html", "d.html"]
    outcomes = _run(names, jobs=jobs, timeout=1.0)
    assert [o.path for o in outcomes] == names  # input order, one outcome each
    got = {o.path: (o.error or "ok") for o in outcomes}
    assert got == {"a.html": "ok", "slow.html": "timeout", "b.html": "ok", "c.html": "ok", "slow2.html": "timeout",
                   "d.html": "ok"}
    for o in outcomes:
        if o.record:
            assert all(p in json.loads(o.record)["text"] for p in PARAS)


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_document_queued_behind_a_crash_is_cleaned(misbehaving, jobs):
    names = ["a.html", "crash.html", "b.html", "crash2.html", "crash3.html", "c.html"]
    outcomes = _run(names, jobs=jobs, timeout=20.0)
    assert [o.path for o in outcomes] == names
    got = {o.path: (o.error or "ok") for o in outcomes}
    assert got == {"a.html": "ok", "crash.html": "crashed", "b.html": "ok", "crash2.html": "crashed",
                   "crash3.html": "crashed", "c.html": "ok"}
    assert all("exit code 3" in o.message for o in outcomes if o.error)


def test_plain_files_are_read_by_the_worker_not_the_parent(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(3):
        (folder / f"p{i}.html").write_bytes(GOOD)
    docs = list(iter_documents([str(folder)]))
    assert [d.data for d in docs] == [None, None, None] and all(d.deferred for d in docs)
    Path(docs[1].deferred[0]).unlink()  # gone between discovery and cleaning: an error, not a crash
    (folder / "p2.html").write_bytes(b"   \n")  # emptied
    outcomes = list(runner.run(iter(docs), jobs=1))
    assert [o.error for o in outcomes] == [None, "unreadable", "empty"]
    assert all(p in json.loads(outcomes[0].record)["text"] for p in PARAS)
