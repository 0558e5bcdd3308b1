"""Exit statuses shared by every cleanwire command (`cleanwire clean|export|dedup|explain`) and by
`scrapy crawl`, so one table in the README serves cron for all of them.

Status 1 is left to what no command chose: an uncaught Python exception ends a process with 1, so a
1 always means "a bug, read the traceback", never a normal outcome.
"""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    """What a command's exit status means."""

    #: every document gave a record (clean, dedup, export) / the crawl lost no page
    OK = 0
    #: documents or pages were lost: they gave error records, counted by kind in the summary line
    LOST = 3
    #: usage error: a bad option or argument, a missing input, a `--resume` that cannot go on
    USAGE = 2
    #: a crawl fetched nothing: site down, DNS, robots.txt unavailable, every request refused
    NOTHING_FETCHED = 4
    #: the output or the environment failed: a folder that is a file, read-only, full disk, output
    #: locked by another run; one line names the path and the cause, and the output stays as it was
    OUTPUT = 5
    #: interrupted by Ctrl-C (SIGINT) or SIGTERM: what was done is kept and the run can be resumed
    INTERRUPTED = 130


#: (status, meaning) rows for the README and `--help` epilogs, in the order a reader looks for them
TABLE = (
    (Exit.OK, "success: every document gave a record; a crawl lost no page (dead links are named, not lost)"),
    (Exit.USAGE, "usage error: bad option or argument, missing input, a --resume that cannot go on"),
    (Exit.LOST, "finished, but documents or pages were lost: error records, counted by kind in the summary"),
    (Exit.NOTHING_FETCHED, "a crawl fetched nothing (site down, DNS, robots.txt unavailable, refused)"),
    (Exit.OUTPUT, "output or environment failure (path is a file, read-only, disk full, output in use); "
                  "one line names the path and the cause"),
    (Exit.INTERRUPTED, "interrupted by Ctrl-C or SIGTERM; what was done is kept, the same command resumes"),
)


def epilog() -> str:
    """The table as one line for argparse epilogs."""
    short = {Exit.OK: "success", Exit.USAGE: "usage error", Exit.LOST: "documents or pages lost (error records)",
             Exit.NOTHING_FETCHED: "a crawl fetched nothing", Exit.OUTPUT: "output or environment failure",
             Exit.INTERRUPTED: "interrupted (Ctrl-C, SIGTERM; resumable)"}
    return "Exit status: " + "; ".join(f"{int(code)} {short[code]}" for code, _text in TABLE) + \
        "; 1 only for a bug (a Python traceback)."
