"""cleanwire's own labelled benchmark set: pages we write, across the site templates cleanwire is for,
each with a hand-defined expected body (issue 5).

    from bench.labelled import pages, MARKERS
    for p in pages():                  # LabelledPage(id, template, url, html, expected, title, published)
        ...

`pages()` builds every page of every template (`templates.TEMPLATES`) deterministically: page `i` of
template `t` comes from `random.Random(f"{SEED}:{t}:{i}")`, so the set is the same on every run and
a change to one template never shifts another's pages. The prose is invented (`prose`, and the
demo's pools in `crawler.demo.prose`); the markup follows each site's public page structure.

`MARKERS[template]` lists boilerplate phrases (the template's own chrome and the common ones) that
must never appear in an extractor's output; none of them occurs in any expected body.

The runner is `bench/labelled.py` (`python bench/labelled.py`); `tests/test_labelled_set.py` checks
the set itself.
"""

from __future__ import annotations

import random
from functools import cache

from .templates import COMMON_MARKERS, MARKERS, TEMPLATES, LabelledPage, Template

__all__ = ["COMMON_MARKERS", "MARKERS", "SEED", "TEMPLATES", "LabelledPage", "Template", "pages", "template_names"]

SEED = 20260305


def _build(template: Template, i: int) -> LabelledPage:
    return template.build(i, random.Random(f"{SEED}:{template.name}:{i}"))


@cache
def pages() -> tuple[LabelledPage, ...]:
    """Every page of the set, template by template, in page order."""
    return tuple(_build(t, i) for t in TEMPLATES for i in range(t.count))


def template_names() -> list[str]:
    return [t.name for t in TEMPLATES]
