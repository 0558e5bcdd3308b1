"""The rule machinery: what a rule is, the context rules share, and the trace of removals.

Three kinds of rules run in order (see `pipeline`):

* DOM rules (`DomRule`) look at the selectolax tree and name the subtrees to take out;
  the runner records each subtree's text and removes it.
* main-content extraction (trafilatura, in `extract`), which turns the pruned tree into lines;
* text rules (`TextRule`) take the list of lines and return the lines to keep; whatever they drop
  or cut they report with `ctx.drop()`.

Every rule has a name and a docstring (what it removes and why); `cleanwire explain` prints
the trace, so each removal can be traced to the rule that made it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .document import Removal
from .util import has_ancestor_in, is_attached, node_text

if TYPE_CHECKING:
    from .sites import SiteProfile


@dataclass
class Context:
    """What the rules of one document share: its URL, its site profile, metadata found on the way
    (`meta`: title, source, published, original_url, authors, sources...) and the trace."""

    url: str | None = None
    profile: SiteProfile | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    trace: list[Removal] = field(default_factory=list)
    rule: str = ""
    stage: str = ""
    cache: dict[str, Any] = field(default_factory=dict, repr=False)
    #: `mem_id`s of the elements DOM rules took out (with everything inside them); it only grows, so
    #: its size tells cached node lists whether they must drop detached nodes
    removed: set[int] = field(default_factory=set, repr=False)
    #: `mem_id`s of the body's nodes, once the text is taken from them, and of their ancestors: a
    #: rule run after that (to trace what the rest of the page held) leaves the body alone
    fence: set[int] = field(default_factory=set, repr=False)
    fence_ancestors: set[int] = field(default_factory=set, repr=False)
    #: what the content finder decided on a page of unknown markup (`density.content_nodes`): the
    #: chosen boxes as CSS paths, the best box's score, the runners-up, whether the body was joined
    #: from siblings, widened or taken from the page's own story, and the page's prose left outside
    finder: dict[str, Any] = field(default_factory=dict, repr=False)

    def drop(self, text: str) -> None:
        """Record that the running rule removed `text`."""
        if text and text.strip():
            self.trace.append(Removal(self.rule, self.stage, text))

    def set_meta(self, key: str, value: Any) -> None:
        """Fill a metadata field unless an earlier rule already filled it."""
        if value and not self.meta.get(key):
            self.meta[key] = value


@dataclass(frozen=True)
class DomRule:
    """A rule over the DOM: `find(root, ctx)` yields the nodes to take out."""

    name: str
    find: Callable[[Any, Context], Iterable[Any]]
    doc: str
    silent: bool = False  # removes non-text (scripts, styles): not worth a trace line

    def apply(self, root, ctx: Context) -> None:
        ctx.rule, ctx.stage = self.name, "site" if self.name.startswith("site.") else "dom"
        chosen: list = []
        fence = ctx.fence
        for node in self.find(root, ctx):
            if node is None or node.tag in ("html", "body", "head", "-document") or not is_attached(node):
                continue
            if fence and (node.mem_id in fence or node.mem_id in ctx.fence_ancestors or has_ancestor_in(node, fence)):
                continue  # the body the text came from, or what holds it
            chosen.append(node)
        ids = {n.mem_id for n in chosen}
        removed = ctx.removed
        for node in chosen:
            if has_ancestor_in(node, ids) or not is_attached(node):
                continue  # its ancestor goes too: record the text once
            if not self.silent:
                ctx.drop(node_text(node))
            removed.update(n.mem_id for n in node.traverse())
            node.remove()


@dataclass(frozen=True)
class TextRule:
    """A rule over the extracted lines: `apply(lines, ctx)` returns the lines to keep."""

    name: str
    apply_fn: Callable[[list[str], Context], list[str]]
    doc: str

    def apply(self, lines: list[str], ctx: Context) -> list[str]:
        ctx.rule, ctx.stage = self.name, "site" if self.name.startswith("site.") else "text"
        return self.apply_fn(lines, ctx)


def dom_rule(name: str, *, silent: bool = False):
    """Decorator: turn `find(root, ctx)` into a named DomRule; its docstring is the rule's doc."""
    def wrap(fn):
        return DomRule(name, fn, (fn.__doc__ or "").strip(), silent)
    return wrap


def text_rule(name: str):
    """Decorator: turn `apply(lines, ctx) -> lines` into a named TextRule."""
    def wrap(fn):
        return TextRule(name, fn, (fn.__doc__ or "").strip())
    return wrap
