"""Clean many documents on several cores: worker processes, a time limit per document, results in
input order, memory bounded however long the input.

Each worker is a process with its own pipe. The parent hands one document at a time to an idle
worker and waits on all pipes at once; a worker that overruns its document's time limit is killed
and replaced (the document becomes a `timeout` error), and one that dies (a crash in a C library,
the kernel's OOM killer) is replaced the same way (`crashed`). Results are put back in input order
through a small buffer, and no new document is read while that buffer is full, so memory stays
flat. Pure library: no Scrapy.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import select
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait

from .inputs import InputDoc

DEFAULT_TIMEOUT = 10.0


@dataclass
class Outcome:
    """What one document gave: a record (its JSON line) or an error (kind and message)."""

    path: str | None
    url: str | None
    record: str | None = None
    error: str | None = None
    message: str | None = None


def clean_document(doc: InputDoc, *, explain: bool = False):
    """Clean one readable document in this process: a `Document`, or CleanError with the reason."""
    from .encoding import decode_text
    from .inputs import load
    from .pipeline import CleanError, clean_html, clean_text

    doc = load(doc)
    if doc.error:
        raise CleanError(*doc.error)
    if doc.fmt == "text":
        try:
            text = decode_text(doc.data or b"")
        except UnicodeDecodeError as exc:
            raise CleanError("decode", "no text encoding reads these bytes (not UTF-8, and no other encoding was "
                                       f"detected; UTF-8 fails with {exc.reason} at byte {exc.start})") from exc
        return clean_text(text, url=doc.url, path=doc.path, fetched_at=doc.fetched_at)
    return clean_html(doc.data or b"", url=doc.url, path=doc.path, fetched_at=doc.fetched_at, charset=doc.charset,
                      profile=doc.profile, explain=explain)


def clean_one(doc: InputDoc) -> Outcome:
    """Clean one document in this process; every failure becomes an error Outcome."""
    from .pipeline import CleanError

    try:
        return Outcome(doc.path, doc.url, record=clean_document(doc).to_json())
    except CleanError as exc:
        return Outcome(doc.path, doc.url, error=exc.kind, message=exc.message)
    except RecursionError:
        return Outcome(doc.path, doc.url, error="corrupt", message="the page nests too deeply to read")
    except MemoryError:
        return Outcome(doc.path, doc.url, error="too_large", message="ran out of memory on this document")
    except Exception as exc:  # a bug must not lose the document: it becomes an error record
        return Outcome(doc.path, doc.url, error="internal", message=f"{type(exc).__name__}: {exc}")


def exit_with(pid: int) -> None:
    """Exit this process when process `pid` ends (call it on a thread of its own). A worker waiting
    on a pipe, or busy on a page, would otherwise outlive a parent killed with `kill -9`. Waits on a
    pidfd (Linux), else checks once a second."""
    try:
        fd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        fd = None
    if fd is not None:
        select.select([fd], [], [])  # readable once the process has exited
        os._exit(0)
    while True:
        time.sleep(1.0)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:
            pass


def die_with(pid: int, *, deathsig: bool = False) -> None:
    """End this process as soon as process `pid` ends, however busy it is.

    A thread waits for `pid` (`exit_with`); it needs the interpreter lock to act, which C code
    (a regex, a parser) can hold for as long as a hostile page makes it run. So with `deathsig`,
    when `pid` is this process's parent, the kernel is also asked to SIGKILL this process when the
    parent goes (Linux `PR_SET_PDEATHSIG`). The kernel sends it when the parent *thread* that forked
    this process ends, so the parent asks for it only when it forks from its main thread."""
    if deathsig and sys.platform.startswith("linux") and os.getppid() == pid:
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
        if os.getppid() != pid:  # the parent ended before the request was made
            os._exit(0)
    threading.Thread(target=exit_with, args=(pid,), name="cleanwire-parent-watch", daemon=True).start()


def _worker(conn, parent_end=None, parent_pid: int | None = None, deathsig: bool = False) -> None:
    # Ctrl-C reaches the whole process group, and so does SIGTERM from systemd or a shell's timeout;
    # both are the parent's to handle (it stops the workers and keeps what is done for --resume), not
    # a reason for each worker to die with a traceback or as a `crashed` document. A worker still
    # ends with its parent (`die_with`).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    # what this worker inherited from the parent (modules, what _preload loaded) is never garbage:
    # the collector leaves it alone from now on, so a full collection walks fewer objects (a third
    # fewer with --jobs 1) and does not write to, and so copy, the pages shared with the parent.
    # And a young collection every 10,000 new objects instead of 700: a page's parse makes and drops
    # thousands at a time, which the default collected ~400 times over 905 pages (0.1 s of ~6.5 s,
    # three full collections included); now 7 times (0.02 s), the peak memory 2 MB more
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    if parent_end is not None:
        # the parent's end of this pipe, inherited by the fork: while it stays open here, a parent
        # killed with -9 never shows as end-of-file, and the worker would wait for work forever
        parent_end.close()
    if parent_pid is not None:  # a parent killed with -9 takes this worker with it, even mid-page
        die_with(parent_pid, deathsig=deathsig)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if task is None:
            return
        seq, doc = task
        outcome = clean_one(doc)
        try:
            conn.send((seq, outcome))
        except OSError:  # the parent is gone
            return


class _Worker:
    """One worker process and the documents handed to it, oldest first. Up to `DEPTH` documents
    wait in its pipe, so it starts on the next one the moment it sends a result back instead of
    waiting for the parent to read, write and hand out; the time limit counts for the oldest only,
    from the moment the worker started on it."""

    DEPTH = 2

    def __init__(self, ctx):
        parent, child = ctx.Pipe()
        self.conn = parent
        deathsig = threading.current_thread() is threading.main_thread()
        self.process = ctx.Process(target=_worker, args=(child, parent, os.getpid(), deathsig), daemon=True)
        self.process.start()
        child.close()
        self.tasks: deque[tuple[int, InputDoc]] = deque()
        self.deadline = 0.0

    @property
    def busy(self) -> bool:
        return bool(self.tasks)

    @property
    def has_room(self) -> bool:
        return len(self.tasks) < self.DEPTH

    def give(self, seq: int, doc: InputDoc, timeout: float) -> None:
        if not self.tasks:
            self.deadline = time.monotonic() + timeout
        self.conn.send((seq, doc))
        self.tasks.append((seq, doc))

    def finished(self, timeout: float) -> tuple[int, InputDoc]:
        """The oldest document is done: drop it, and start the next one's clock."""
        task = self.tasks.popleft()
        self.deadline = time.monotonic() + timeout
        return task

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _preload() -> None:
    """Load the modules cleaning loads only when a page needs them (trafilatura for pages with next
    to no body, htmldate for pages that date themselves nowhere else) once, here, before the workers
    are forked: they share one copy instead of each loading its own on its first such page. The
    language model's cache file is checked (or written, once) here too; each worker maps it
    (`language.prepare`)."""
    import htmldate  # noqa: F401
    import trafilatura  # noqa: F401

    from . import language

    language.prepare()


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def run(docs: Iterable[InputDoc], *, jobs: int | None = None, timeout: float = DEFAULT_TIMEOUT,
        window: int | None = None) -> Iterator[Outcome]:
    """Clean `docs` on `jobs` worker processes; yield one Outcome per document, in input order.
    `timeout` is the time limit per document in seconds; `window` bounds how many documents are
    read ahead of the oldest unfinished one (default 32 per worker)."""
    jobs = jobs or default_jobs()
    window = window or 32 * jobs
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    if jobs > 1 and ctx.get_start_method() == "fork":
        _preload()
    workers = [_Worker(ctx) for _ in range(jobs)]
    source = iter(enumerate(docs))
    done: dict[int, Outcome] = {}
    next_out = 0
    read = 0
    exhausted = False
    retry: deque[tuple[int, InputDoc]] = deque()  # handed to a worker that had to be replaced

    def replace(i: int, lost: int = 1) -> _Worker:
        """Kill worker `i` and start a new one; its documents but the `lost` oldest (the one that
        timed out or killed it) go again, before any other."""
        workers[i].stop(kill=True)
        retry.extendleft(reversed(list(workers[i].tasks)[lost:]))
        workers[i] = _Worker(ctx)
        return workers[i]

    try:
        while True:
            # hand documents to workers with room while the reorder window has room
            for i, worker in enumerate(workers):
                while worker.has_room:
                    if retry:
                        seq, doc = retry.popleft()
                    elif not exhausted and read - next_out < window:
                        try:
                            seq, doc = next(source)
                        except StopIteration:
                            exhausted = True
                            break
                        read += 1
                        if doc.error:
                            done[seq] = clean_one(doc)
                            continue
                    else:
                        break
                    try:
                        worker.give(seq, doc, timeout)
                    except (OSError, ValueError):  # the worker died while idle: replace it, retry
                        retry.appendleft((seq, doc))
                        worker = replace(i, lost=0)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            busy = [w for w in workers if w.busy]
            if not busy:
                if exhausted and not retry:
                    return
                continue
            wait_for = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            ready = wait([w.conn for w in busy], timeout=wait_for)
            for i, worker in enumerate(workers):
                if not worker.busy:
                    continue
                if worker.conn in ready:
                    try:
                        seq, outcome = worker.conn.recv()
                    except (EOFError, OSError):
                        seq, doc = worker.tasks[0]
                        worker.process.join(timeout=2)  # reap it, to report how it ended
                        code = worker.process.exitcode
                        done[seq] = Outcome(doc.path, doc.url, error="crashed",
                                            message=f"the worker cleaning this document died (exit code {code})")
                        replace(i)
                        continue
                    done[seq] = outcome
                    worker.finished(timeout)
                elif time.monotonic() >= worker.deadline:
                    seq, doc = worker.tasks[0]
                    done[seq] = Outcome(doc.path, doc.url, error="timeout",
                                        message=f"cleaning took longer than {timeout:g} s (--timeout); "
                                                "the worker was stopped")
                    replace(i)
    finally:
        for worker in workers:
            worker.stop(kill=worker.busy)
