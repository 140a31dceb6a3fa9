"""The evidence brief laid out once, as typed blocks, and drawn as Markdown here (HTML and PDF are drawn
by api/web from the same blocks), so the three never drift apart.

Record text travels in `Run.text` only and is escaped by each renderer for its own syntax: a file named
`**a *b** c*.pdf` is text in all three, never markup. Links are site-relative viewer paths (or `#anchors`
inside the brief); a renderer prefixes its base URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby
from typing import Union

from claims.brief_model import Brief, ChecklistItem, ChronologyRow, Element, EvidenceItem, Link, Opinion


@dataclass(frozen=True)
class Run:
    text: str
    strong: bool = False
    em: bool = False
    href: str | None = None  # a viewer path ("/claims/...") or an anchor in the brief ("#appendix")
    badge: str | None = None  # drawn as a badge: "confirmed", "in-service", "against"


Line = tuple[Run, ...]


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str | None = None


@dataclass(frozen=True)
class Para:
    runs: Line
    style: str = ""  # "", "muted", "quote", "note"


@dataclass(frozen=True)
class ListItem:
    runs: Line
    children: tuple[ListItem, ...] = ()


@dataclass(frozen=True)
class Bullets:
    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Line, ...], ...]
    widths: tuple[float, ...]  # shares of the page width
    row_marks: tuple[str, ...] = ()  # per row, e.g. "in-service"


@dataclass(frozen=True)
class Section:
    kind: str  # "opinion"
    blocks: tuple[Block, ...]


Block = Union[Heading, Para, Bullets, Table, Section]  # noqa: UP007 - a runtime alias


def _t(text: str) -> Run:
    return Run(text)


def _link(link: Link) -> Run:
    return Run(link.label, href=link.href)


def _links(links: list[Link], sep: str = ", ") -> list[Run]:
    out: list[Run] = []
    for i, link in enumerate(links):
        if i:
            out.append(_t(sep))
        out.append(_link(link))
    return out


def _quote(item: EvidenceItem) -> list[Run]:
    return [_t("“"), *(Run(p.text, strong=p.strong) for p in item.quote), _t("”")]


def _item(item: EvidenceItem, show_also: bool = True) -> ListItem:
    runs: list[Run] = []
    if item.confirmed:
        runs += [Run("confirmed", badge="confirmed"), _t(" ")]
    if item.against:
        runs += [Run(item.against, badge="against"), _t(" ")]
    runs += _quote(item)
    runs += [_t(" — "), *_links(item.links), _t(f" ({item.date}, {item.record}")]
    if item.in_service:
        runs.append(_t(", in service"))
    runs.append(_t(")"))
    if show_also and len(item.categories) > 1:
        runs.append(Run(f" also: {', '.join(c.lower() for c in item.categories[1:])}", em=True))
    notes = tuple(ListItem((Run("Physician's note: ", strong=True), _t(n))) for n in item.notes)
    return ListItem(tuple(runs), notes)


def _opinions(opinions: list[Opinion]) -> list[Block]:
    """One card per record (a C&P exam with a direct and a secondary opinion is one card), each opinion
    numbered 1.1, 1.2 ... so every line of the card says which opinion it belongs to."""
    cards: list[Block] = []
    n = 0
    for _, group in groupby(opinions, key=lambda o: o.document_id):
        same = list(group)
        first = same[0]
        authors = list(dict.fromkeys(o.author for o in same if o.author))
        blocks: list[Block] = [Heading(3, f"{first.source}, {first.date}")]
        blocks.append(Para((Run("Record: ", strong=True), _t(first.title), _t(" · "), Run("Author: ", strong=True),
                            _t("; ".join(authors) if authors else "not named in the text"))))
        for o in same:
            n += 1
            blocks += _opinion(f"1.{n}", o)
        cards.append(Section("opinion", tuple(blocks)))
    return cards


def _opinion(number: str, o: Opinion) -> list[Block]:
    blocks: list[Block] = []
    if o.issue:
        blocks.append(Para((Run(f"Question {number}: ", strong=True), _t(o.issue))))
    if o.conclusion is not None:
        runs: list[Run] = [Run(f"Opinion {number}", strong=True), _t(f", {o.polarity}: " if o.polarity else ": ")]
        if o.confirmed:
            runs += [Run("confirmed", badge="confirmed"), _t(" ")]
        runs += [_t("“"), *(Run(p.text, strong=p.strong) for p in o.conclusion), _t("” — "), _link(o.link)]
        blocks.append(Para(tuple(runs)))
    else:
        blocks.append(Para((Run(f"Opinion {number}: ", strong=True),
                            _t("no opinion sentence was found in this record; it relies on the factors below — "),
                            _link(o.link))))
    for note in o.notes:
        blocks.append(Para((Run(f"Physician's note on {number}: ", strong=True), _t(note)), style="note"))
    if o.rationale and o.rationale_link:
        blocks.append(Para((Run(f"Rationale of {number}, quoted: ", strong=True), _t(f"“{o.rationale}” — "),
                            _link(o.rationale_link))))
    elif o.conclusion is not None:
        blocks.append(Para((Run(f"Rationale of {number}: ", strong=True),
                            _t("none follows the opinion in the text; read it at "), _link(o.link)), style="muted"))
    if o.factors:
        blocks.append(Para((Run(f"Factors {number} relied on:", strong=True),)))
        items = []
        for f in o.factors:
            li = _item(f.item, show_also=False)
            items.append(ListItem((Run(f"{f.label}: ", strong=True), *li.runs), li.children))
        blocks.append(Bullets(tuple(items)))
    else:
        blocks.append(Para((Run(f"Factors {number} relied on: ", strong=True),
                            _t("none flagged (aging, weight, civilian work, gaps in treatment).")), style="muted"))
    return blocks


def _row(r: ChronologyRow) -> tuple[Line, ...]:
    date: list[Run] = [_t(r.date)]
    if r.in_service:
        date += [_t(" "), Run("in service", badge="in-service")]
    pages: list[Run] = [_link(r.link)]
    for more in r.more_links:
        pages += [_t(", "), _link(more)]
    return (tuple(date), (_t(r.kind),), (_t(r.who or "—"),), (_t(r.finding),), tuple(pages))


def _check(c: ChecklistItem) -> ListItem:
    runs: list[Run] = [_t("[x] " if c.found else "[ ] "), _t(c.need), _t(" — ")]
    if c.found:
        runs += [Run("found at ", strong=True), *_links(c.links)]
        if c.more:
            runs.append(_t(f" and {c.more} more"))
        if c.comment:
            runs.append(_t(f": {c.comment}"))
    else:
        runs.append(Run("missing", strong=True))
    return ListItem(tuple(runs))


def _element(n: int, e: Element) -> list[Block]:
    blocks: list[Block] = [Heading(3, f"4.{n} {e.title}", anchor=f"element-{e.key}"),
                           Para((_t(f"What it shows: {e.explains}."),), style="muted")]
    if e.items:
        blocks.append(Bullets(tuple(_item(it) for it in e.items)))
    else:
        blocks.append(Para((_t("Nothing found in the file."),)))
    if e.more:
        blocks.append(Para((_t(f"{len(e.more)} more sentence{'s' if len(e.more) != 1 else ''} in "),
                            Run(f"appendix A.{n}", href=f"#appendix-{e.key}"), _t(".")), style="muted"))
    if e.against:
        blocks.append(Para((Run(f"{e.against_label}:", strong=True),)))
        blocks.append(Bullets(tuple(_item(it) for it in e.against)))
    if e.more_against:
        blocks.append(Para((_t(f"{len(e.more_against)} more against in "),
                            Run(f"appendix A.{n}", href=f"#appendix-{e.key}"), _t(".")), style="muted"))
    return blocks


def layout(brief: Brief) -> list[Block]:
    """The brief, in the order a letter is written, as blocks every renderer draws the same way."""
    out: list[Block] = [Heading(1, f"Evidence brief: claim {brief.claim_id}")]
    where = (f"{brief.page_count} pages in {brief.single_file}; citations are its pages"
             if brief.single_file else f"{brief.page_count} pages in {len(brief.files)} files")
    facts = [f"{where} and open the page viewer."]
    if brief.service_periods:
        facts.append(f"Service: {'; '.join(brief.service_periods)}.")
    facts.append(f"Flags: {brief.reviewed.get('confirmed', 0)} confirmed, {brief.reviewed.get('dismissed', 0)} "
                 f"dismissed, {brief.reviewed.get('to review', 0)} still to review.")
    out.append(Para((_t(" ".join(facts)),), style="muted"))

    out.append(Heading(2, "1. Opinions to answer", anchor="opinions"))
    if not brief.opinions:
        out.append(Para((_t("No negative or speculative opinion, and no record attributing the condition to aging "
                            "or another cause, was found."),)))
    out += _opinions(brief.opinions)
    if brief.favourable:
        out.append(Heading(3, "Favourable opinions already in the file"))
        out.append(Bullets(tuple(_item(it, show_also=False) for it in brief.favourable)))

    out.append(Heading(2, "2. Records reviewed", anchor="records"))
    n = sum(len(g.records) for g in brief.records)
    out.append(Para((_t(f"{n} record{'s' if n != 1 else ''}, primary records (made at the time) first."),),
                    style="muted"))
    if not brief.records:
        out.append(Para((_t("No documents yet."),)))
    for group in brief.records:
        mixed = len({r.kind for r in group.records}) > 1
        out.append(Heading(3, group.label))
        out.append(Bullets(tuple(ListItem((
            Run(r.date, strong=True), _t(" — "), _t(r.title), _t(f" ({r.kind})" if mixed else ""),
            _t(" — "), _link(r.link))) for r in group.records)))

    out.append(Heading(2, "3. Chronology", anchor="chronology"))
    unit = "visit or entry" if brief.chronology_from_encounters else "dated record"
    out.append(Para((_t(f"One row per {unit}, oldest first; in-service rows are marked."),), style="muted"))
    if brief.chronology:
        marks = tuple("in-service" if r.in_service else "" for r in brief.chronology)
        if any(r.who for r in brief.chronology):
            out.append(Table(("Date", "Record", "Provider / facility", "Finding", "Pages"),
                             tuple(_row(r) for r in brief.chronology), (0.14, 0.17, 0.15, 0.42, 0.12), marks))
        else:  # no encounter names a provider yet: the column would be all dashes
            out.append(Table(("Date", "Record", "Finding", "Pages"),
                             tuple(tuple(c for i, c in enumerate(_row(r)) if i != 2) for r in brief.chronology),
                             (0.15, 0.19, 0.54, 0.12), marks))
    else:
        out.append(Para((_t("No dated records."),)))

    out.append(Heading(2, "4. Evidence by nexus element", anchor="elements"))
    out.append(Para((_t("Quoted sentences, the physician's confirmed ones first with their notes; dismissed flags "
                        "are left out. Each sentence appears once, under its first heading (\"also\" names the "
                        "others); the factors an opinion relied on are quoted with it in section 1."),),
                    style="muted"))
    for i, element in enumerate(brief.elements, start=1):
        out += _element(i, element)

    out.append(Heading(2, "5. What a strong letter needs", anchor="checklist"))
    out.append(Bullets(tuple(_check(c) for c in brief.checklist)))

    rest = [(i, e) for i, e in enumerate(brief.elements, start=1) if e.more or e.more_against]
    out.append(Heading(2, "Appendix A: the rest of the evidence", anchor="appendix"))
    if not rest:
        out.append(Para((_t("Nothing beyond the main body."),), style="muted"))
    for i, e in rest:
        out.append(Heading(3, f"A.{i} {e.title}", anchor=f"appendix-{e.key}"))
        if e.more:
            out.append(Bullets(tuple(_item(it) for it in e.more)))
        if e.more_against:
            out.append(Para((Run(f"{e.against_label} (the rest):", strong=True),)))
            out.append(Bullets(tuple(_item(it) for it in e.more_against)))
    if brief.set_aside:
        out.append(Para((_t("Flags not quoted as evidence for the claim: " + "; ".join(
            f"{count} {reason}" for reason, count in brief.set_aside.items())
            + ". Sentences stated absent or about someone else are listed as evidence against where it matters."),),
            style="muted"))
    return out


# ------------------------------------------------------------------------------------------ Markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md_escape(text: str) -> str:
    """Record text as Markdown text: every character that could start markup is backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split("\n")))


def _md_runs(runs: Line, base_url: str) -> str:
    out = []
    for r in runs:
        text = md_escape(r.text)
        if r.href is not None:
            href = r.href if r.href.startswith("#") else base_url.rstrip("/") + r.href
            text = f"[{text}]({href})"
        elif r.badge:
            text = f"**[{text}]**"
        mark = "**" if r.strong else ("*" if r.em else "")
        if mark and text.strip():
            # Emphasis hugs the words: "**Record:** x", never "**Record: **x" (which Markdown ignores).
            lead, core, trail = re.match(r"^(\s*)(.*?)(\s*)$", text, re.S).groups()  # type: ignore[union-attr]
            text = f"{lead}{mark}{core}{mark}{trail}"
        out.append(text)
    return "".join(out)


def _md_items(items: tuple[ListItem, ...], base_url: str, depth: int = 0) -> list[str]:
    lines = []
    for it in items:
        lines.append(f"{'  ' * depth}- {_md_runs(it.runs, base_url)}")
        lines += _md_items(it.children, base_url, depth + 1)
    return lines


def _md_block(block: Block, base_url: str) -> list[str]:
    if isinstance(block, Heading):
        anchor = f' <a id="{block.anchor}"></a>' if block.anchor else ""
        return [f"{'#' * block.level} {md_escape(block.text)}{anchor}", ""]
    if isinstance(block, Para):
        text = _md_runs(block.runs, base_url)
        return [f"> {text}" if block.style in ("quote", "note") else text, ""]
    if isinstance(block, Bullets):
        return [*_md_items(block.items, base_url), ""]
    if isinstance(block, Table):
        lines = ["| " + " | ".join(md_escape(h) for h in block.header) + " |",
                 "|" + "|".join("---" for _ in block.header) + "|"]
        lines += ["| " + " | ".join(_md_runs(cell, base_url) for cell in row) + " |" for row in block.rows]
        return [*lines, ""]
    lines = []
    for inner in block.blocks:
        lines += _md_block(inner, base_url)
    return lines


def markdown(blocks: list[Block], base_url: str = "") -> str:
    lines: list[str] = []
    for block in blocks:
        lines += _md_block(block, base_url)
    return "\n".join(lines).rstrip() + "\n"
