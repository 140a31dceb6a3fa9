"""Provider corrections to a file's documents, replayed over every (re-)segmentation.

A correction always wins over the rules and the model: the physician has read the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

CorrectionKind = Literal["type", "split", "merge"]
CORRECTION_KINDS: frozenset[str] = frozenset({"type", "split", "merge"})


@dataclass(frozen=True)
class Correction:
    """kind "split": a document starts at page; "merge": page continues the previous document;
    "type": the document starting at page has record_type (confidence 1.0)."""

    kind: str
    page: int
    record_type: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in CORRECTION_KINDS:
            raise ValueError(f"unknown correction kind {self.kind!r}")
        if self.kind == "type" and not self.record_type:
            raise ValueError("a type correction needs a record_type")


@dataclass(frozen=True)
class BoundaryOverrides:
    """The net effect of a list of corrections, later corrections overriding earlier ones."""

    forced_starts: frozenset[int]
    forced_continuations: frozenset[int]
    types_by_start: dict[int, str]


def resolve_corrections(corrections: Iterable[Correction]) -> BoundaryOverrides:
    """Folds corrections in the order given (oldest first): the last word on a page wins."""
    starts: set[int] = set()
    continuations: set[int] = set()
    types: dict[int, str] = {}
    for c in corrections:
        if c.kind == "split":
            starts.add(c.page)
            continuations.discard(c.page)
        elif c.kind == "merge":
            continuations.add(c.page)
            starts.discard(c.page)
            types.pop(c.page, None)
        elif c.record_type:
            types[c.page] = c.record_type
            # Typing a page as a document's first page makes it one.
            starts.add(c.page)
            continuations.discard(c.page)
    return BoundaryOverrides(frozenset(starts), frozenset(continuations), types)


def corrections_for_pages(corrections: Sequence[Correction], pages: Iterable[int]) -> list[Correction]:
    """Only the corrections that concern the given pages (a file re-extracted with fewer pages)."""
    wanted = set(pages)
    return [c for c in corrections if c.page in wanted]
