"""The evidence brief's model: what the builder (claims/evidence_brief.py) fills in from a claim's export
and the layout (claims/brief_layout.py) puts on paper. Plain dataclasses; record text only in fields
that every renderer escapes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Link:
    """A citation: what the reader sees ("p. 17") and the viewer page it opens (site-relative)."""

    label: str
    href: str


@dataclass(frozen=True)
class Part:
    """A piece of quoted record text; `strong` where it is the evidence the finder matched."""

    text: str
    strong: bool = False


@dataclass
class EvidenceItem:
    """One sentence of the record, quoted once, with every place it was found."""

    quote: tuple[Part, ...]
    links: list[Link]
    date: str
    record: str
    categories: list[str]  # readable labels
    confirmed: bool = False
    notes: list[str] = field(default_factory=list)
    in_service: bool | None = None
    against: str | None = None  # why it is evidence against: "stated absent or normal", "about someone else"
    key: str = ""  # the sentence, normalised: one line per sentence in the whole brief
    sort_key: tuple[Any, ...] = ()

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.quote)


@dataclass
class Factor:
    """What an opinion relied on ("Aging", "Weight", "Civilian work", "Gap in treatment")."""

    label: str
    item: EvidenceItem


@dataclass
class Opinion:
    """An opinion or adjudicative finding the letter must answer."""

    source: str  # "C&P examination"
    document_id: str
    title: str
    author: str | None
    date: str
    issue: str | None
    conclusion: tuple[Part, ...] | None
    polarity: str | None  # readable
    link: Link
    rationale: str | None
    rationale_link: Link | None
    factors: list[Factor]
    confirmed: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RecordEntry:
    title: str
    kind: str  # record type label
    date: str
    pages: str
    link: Link


@dataclass(frozen=True)
class RecordGroup:
    label: str
    primary: bool
    records: list[RecordEntry]


@dataclass
class ChronologyRow:
    date: str
    sort_key: tuple[Any, ...]
    kind: str
    record_type: str  # the vocabulary key, for filters
    who: str
    finding: str
    link: Link
    pages: str
    in_service: bool
    categories: list[str]  # vocabulary keys of the evidence in the row, for filters
    more_links: list[Link] = field(default_factory=list)  # the same entry filed again elsewhere
    # per category in the row: its best sentence and the link to it (what a filtered view shows)
    by_category: dict[str, tuple[str, Link]] = field(default_factory=dict)


@dataclass
class Element:
    """One thing a nexus letter must establish, with its evidence (main body) and the rest (appendix)."""

    key: str
    title: str
    explains: str
    items: list[EvidenceItem]
    more: list[EvidenceItem]
    against: list[EvidenceItem]
    more_against: list[EvidenceItem]
    against_label: str


@dataclass(frozen=True)
class ChecklistItem:
    need: str
    found: bool
    links: list[Link]
    more: int
    comment: str


@dataclass
class Brief:
    claim_id: str
    files: list[str]
    single_file: str | None
    page_count: int
    service_periods: list[str]
    opinions: list[Opinion]
    favourable: list[EvidenceItem]
    records: list[RecordGroup]
    chronology: list[ChronologyRow]
    chronology_from_encounters: bool
    elements: list[Element]
    checklist: list[ChecklistItem]
    reviewed: dict[str, int]  # confirmed / dismissed / to review
    set_aside: dict[str, int]  # readable reason -> count

    @property
    def element_by_key(self) -> dict[str, Element]:
        return {e.key: e for e in self.elements}
