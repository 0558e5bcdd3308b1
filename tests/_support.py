"""Shared helpers for the per-rule tests: invented article prose, a page builder, and runners that
apply one rule to a selectolax tree or a list of lines and report what it removed.

Every sentence here is made up for the tests (the town of Vellmar, its harbour and library).
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleaners.rules import Context
from cleaners.util import node_text

#: Three paragraphs of ordinary article prose, long enough for trafilatura to keep them.
P1 = ("The harbour authority in Vellmar confirmed on Tuesday that the old grain pier will be rebuilt over the "
      "next two summers, after engineers found that the timber piles had rotted far faster than the original "
      "survey had predicted.")
P2 = ("Local fishing crews, who have used the pier since the nineteen-sixties, said they had been warned about "
      "the damage for years and welcomed the decision, although several asked how they would land their catch "
      "while the work goes on.")
P3 = ("The council's transport committee will publish a detailed timetable next month, and a temporary floating "
      "platform is expected to open at the southern end of the harbour before the first phase of demolition "
      "begins in April.")
P4 = ("Engineers from the regional port office estimate that the new concrete deck will carry three times the "
      "load of the old one, which should allow the small ferry to the outer islands to berth there again.")

PARAS = (P1, P2, P3, P4)
TITLE = "Vellmar's old grain pier to be rebuilt over two summers"


def paras_html(*paras: str) -> str:
    return "".join(f"<p>{p}</p>\n" for p in paras)


def page(body: str | None = None, *, before: str = "", after: str = "", outside_before: str = "",
         outside_after: str = "", title: str = TITLE, head: str = "") -> str:
    """A small but realistic news page.

    `body` is the inside of the `<article>` (default: the four paragraphs, with `before`/`after`
    inserted around the second paragraph). `outside_before` / `outside_after` go in `<body>`,
    outside `<main>`.
    """
    if body is None:
        body = f"<p>{P1}</p>\n{before}<p>{P2}</p>\n{after}<p>{P3}</p>\n<p>{P4}</p>\n"
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{title} | Vellmar Gazette</title>{head}</head>
<body>
{outside_before}
<main>
<article>
<h1>{title}</h1>
{body}
</article>
</main>
{outside_after}
</body>
</html>"""


# ------------------------------------------------------------------ DOM rules


def parse(html: str):
    return LexborHTMLParser(html)


def apply_dom(rule, html: str, ctx: Context | None = None):
    """Apply one DOM rule to the parsed page; return (tree, ctx)."""
    tree = parse(html)
    ctx = ctx if ctx is not None else Context()
    rule.apply(tree.root, ctx)
    return tree, ctx


def body_text(tree) -> str:
    return node_text(tree.body) if tree.body is not None else ""


def removed(trace, rule: str | None = None) -> list[str]:
    """Texts of the removals in a trace (a Context's or a Document's), optionally of one rule."""
    trace = getattr(trace, "trace", trace)
    return [r.text for r in trace if rule is None or r.rule == rule]


def removed_by(trace, rule: str, needle: str) -> bool:
    """True when `rule` recorded a removal whose text contains `needle`."""
    return any(needle in text for text in removed(trace, rule))


def rules_that_removed(trace, needle: str) -> set[str]:
    trace = getattr(trace, "trace", trace)
    return {r.rule for r in trace if needle in r.text}


# ------------------------------------------------------------------ text rules


def apply_text(rule, lines: list[str], ctx: Context | None = None):
    """Apply one text rule to the lines; return (kept lines, ctx)."""
    ctx = ctx if ctx is not None else Context()
    return rule.apply(list(lines), ctx), ctx


#: Ordinary sentences that merely mention junk words; every rule must leave them alone.
#: (text, id) pairs, shared by the DOM and the text rule tests.
MENTION_TEXTS = [
    ("The skippers say they share the berths fairly, and that a share of every landing has always gone "
     "to the harbour fund that paid for the last round of repairs.", "share"),
    ("In its monthly newsletter, the fishermen's association told members to expect a difficult summer "
     "and urged them to register their boats for the temporary platform early.", "newsletter"),
    ("The harbour master, who also presents a local history podcast, said the pier had been rebuilt "
     "twice before, in 1911 and again after the great storm of 1953.", "podcast"),
    ("Volunteers from the bakery on Quay Street handed out cookies and tea to the crews waiting to "
     "hear the decision outside the council chamber on Tuesday evening.", "cookie"),
    ("Councillors said they expected more from the regional government, which has so far offered "
     "only a third of the money the engineers say the work will cost.", "more-from"),
]


def shard_files(folder) -> list:
    """The shards `part-NNNNN.jsonl[.gz|.zst]` in a folder, in order."""
    return sorted(p for p in folder.iterdir() if p.name.startswith("part-"))


def check_manifest(folder) -> dict:
    """Check `folder/manifest.json` against the shards on disk (names, bytes, sha256, records) and
    return it."""
    import hashlib
    import json

    from cleaners.checkpoint import open_records

    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    files = shard_files(folder)
    assert [s["file"] for s in manifest["shards"]] == [p.name for p in files]
    for shard, path in zip(manifest["shards"], files, strict=True):
        data = path.read_bytes()
        assert shard["bytes"] == len(data) and shard["sha256"] == hashlib.sha256(data).hexdigest(), shard
        with open_records(str(path)) as fh:
            assert shard["records"] == fh.read().count(b"\n")
    assert manifest["records"] == sum(s["records"] for s in manifest["shards"])
    return manifest
