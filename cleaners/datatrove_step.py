"""cleanwire as a datatrove pipeline step: clean Common Crawl (or any WARC) on datatrove's Local, Slurm
or Ray executors, keeping cleanwire's metadata. Needs the extra: `pip install 'cleanwire[datatrove]'`.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaners.datatrove_step import CleanwireStep

    LocalPipelineExecutor(pipeline=[
        WarcReader("s3://commoncrawl/crawl-data/CC-MAIN-2026-40/segments/", glob_pattern="*/warc/*.warc.gz"),
        CleanwireStep(),
        JsonlWriter("output/cc/"),
    ], tasks=64, workers=2).run()

Each document in is one HTML response (WarcReader's `text` is the page, its metadata the WARC's
`url` and `date`). `CleanwireStep` cleans it with `clean_html` exactly as `cleanwire clean` cleans the
same WARC record: a document that is an article comes out with `text` = the clean text, `id` = the
record id, and the rest of the cleanwire record (url, site, source, title, authors, published,
language, sources, original_url, fetched_at, cleaner...) in `metadata`; `record_of(document)` turns
it back into the cleanwire record. Other documents are dropped and counted in datatrove's stats
under `dropped_<kind>` (not_article, no_text, ...). Pure library: no Scrapy.
"""

from __future__ import annotations

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep

from .pipeline import CleanError, clean_html


class CleanwireStep(PipelineStep):
    """Clean each HTML document with cleanwire; keep articles (with their metadata), drop the rest."""

    name = "🧹 cleanwire"
    type = "🛢 - EXTRAC"

    def __init__(self, keep_path: bool = True):
        super().__init__()
        self.keep_path = keep_path  # the WARC file a document came from, as `path` (like `cleanwire clean`)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for document in data or ():
            self.stat_update("documents")
            meta = document.metadata or {}
            with self.track_time():
                try:
                    cleaned = clean_html(document.text or "", url=meta.get("url"), fetched_at=meta.get("date"),
                                         path=meta.get("file_path") if self.keep_path else None)
                except CleanError as exc:
                    self.stat_update(f"dropped_{exc.kind}")
                    continue
                except Exception as exc:  # a bug must not stop a task of a million documents
                    self.stat_update("dropped_internal")
                    self.stat_update(f"dropped_internal_{type(exc).__name__}")
                    continue
            record = cleaned.to_record()
            document.text = record.pop("text")
            document.id = record.pop("id")
            document.metadata = record
            self.stat_update("kept")
            self.update_doc_stats(document)
            yield document


def record_of(document) -> dict:
    """The cleanwire record of a document `CleanwireStep` kept (keys in the record's order)."""
    from .document import record_schema

    merged = {"id": document.id, "text": document.text, **(document.metadata or {})}
    order = list(record_schema()["properties"])
    return {key: merged.get(key) for key in order if key in merged}
