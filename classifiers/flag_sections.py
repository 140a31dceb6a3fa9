"""The layout of a page as the evidence finder reads it: sections, form check-boxes, questions.

A physician reads a sentence in its place: "walks 150 feet with a cane" under GOALS is a goal, not a
gait; "mother with degenerative disc disease" under FAMILY HISTORY is someone else's; "Normal central
canal" under an MRI's FINDINGS is a (normal) imaging finding; "[ ] YES [X] NO" answers the item it
follows on its line, not the line below; "Does the Veteran have radiculopathy?" asks, it does not state.

Pure: text in, layout out. Which heading opens which kind of section, and what a question looks like,
are data in `config/rules/flag_sections.yaml`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from classifiers.flag_lexicon import load_lexicon
from config.rule_packs import parse_rule_yaml

SECTION_RULES_PATH = Path(__file__).resolve().parent.parent / "config" / "rules" / "flag_sections.yaml"

# An upper-case heading ending in a colon, at a line start or right after a sentence end (transcribed
# notes run headings into the text: "...numbness.HX: This 59 y/o...").
_CAPS_HEADING = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?;)\]]))[ \t]*(?P<h>[A-Z][A-Z0-9/&'(),\- ]{0,48}[A-Z)])[ \t]*:(?![\d/])"
)
# A title-case heading opening a line: "Family history:", "Plan:", "Coord/Gait/Station:".
_TITLE_HEADING = re.compile(
    r"(?m)^[ \t]*(?:\d{1,2}[a-z]?[.)][ \t]*)?(?P<h>[A-Z][A-Za-z]*(?:[ /&-]+[A-Za-z]+){0,4})[ \t]*:(?![\d/])"
)
# An upper-case line of its own: "FAMILY HISTORY", "IMPRESSION".
_CAPS_LINE = re.compile(r"(?m)^[ \t]*(?P<h>[A-Z][A-Z /&-]{3,40}[A-Z])[ \t]*$")
_BOX = re.compile(r"\[\s*(?P<mark>[xX\u2713\u2714\u2717\u2612*])?\s*\]|\u2610|\u2612|\u2611")
_YES_NO = re.compile(r"(?i)(?P<word>yes|no|y|n)\b")


@dataclass(frozen=True)
class Section:
    """A heading and the text it governs, up to the next heading."""

    start: int  # the heading's first character
    body: int  # first character after the heading's colon
    end: int
    name: str
    kind: str


@dataclass(frozen=True)
class BoxItem:
    """A form item and its check-boxes: `answer` is yes, no or blank (a yes/no item), checked or
    unchecked (an option whose label is the item)."""

    start: int
    end: int
    answer: str


@dataclass(frozen=True)
class PageLayout:
    sections: tuple[Section, ...]
    boxes: tuple[BoxItem, ...]
    imaging_page: bool

    def section_at(self, pos: int) -> Section | None:
        """The section governing the character at `pos` (its heading included)."""
        starts = [s.start for s in self.sections]
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < self.sections[i].end:
            return self.sections[i]
        return None

    def box_at(self, start: int, end: int) -> BoxItem | None:
        """The form item holding the span start..end, if the span sits on a line with boxes."""
        for item in self.boxes:
            if item.start <= start and end <= item.end:
                return item
        return None


@dataclass(frozen=True)
class _SectionRules:
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    imaging_page: re.Pattern[str]
    question_start: re.Pattern[str]
    request: re.Pattern[str]
    technique_sentence: re.Pattern[str]


@lru_cache(maxsize=1)
def _imaging_only() -> re.Pattern[str]:
    return re.compile(load_lexicon()["imaging_only"], re.IGNORECASE)


@lru_cache(maxsize=2)
def load_section_rules(path: Path = SECTION_RULES_PATH) -> _SectionRules:
    raw: dict[str, Any] = parse_rule_yaml(path.read_text(encoding="utf-8"))
    kinds = tuple(
        (entry["kind"], re.compile("|".join(f"(?:{p})" for p in entry["patterns"]), re.IGNORECASE))
        for entry in raw["kinds"]
    )
    return _SectionRules(
        kinds=kinds,
        imaging_page=re.compile(raw["imaging_page"]),
        question_start=re.compile(raw["question_start"], re.IGNORECASE),
        request=re.compile(raw["request"], re.IGNORECASE),
        technique_sentence=re.compile(raw["technique_sentence"], re.IGNORECASE),
    )


def heading_kind(name: str) -> str:
    """The kind of section a heading opens ("other" when no rule matches)."""
    clean = " ".join(name.lower().replace("_", " ").split())
    for kind, rx in load_section_rules().kinds:
        if rx.search(clean):
            return kind
    return "other"


def _headings(text: str) -> list[tuple[int, int, str]]:
    found: dict[int, tuple[int, int, str]] = {}
    for rx in (_CAPS_HEADING, _TITLE_HEADING, _CAPS_LINE):
        for m in rx.finditer(text):
            name = m.group("h").strip()
            if sum(ch.isalpha() for ch in name) < 2:
                continue
            start = m.start("h")
            found.setdefault(start, (start, m.end(), name))
    return sorted(found.values())


def read_sections(text: str) -> tuple[Section, ...]:
    heads = _headings(text)
    out: list[Section] = []
    for i, (start, body, name) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        out.append(Section(start, body, end, name, heading_kind(name)))
    return tuple(out)


def _box_label(line: str, pos: int, stop: int) -> tuple[int, int]:
    """The label after a box: up to the next box, a run of 2+ spaces or the line end."""
    end = stop
    gap = re.search(r"\s{2,}|\t", line[pos:stop])
    if gap:
        end = pos + gap.start()
    while pos < end and line[pos] in " \t":
        pos += 1
    while end > pos and line[end - 1] in " \t":
        end -= 1
    return pos, end


def read_boxes(text: str) -> tuple[BoxItem, ...]:
    """Form items and their boxes, line by line.

    A group of boxes labelled yes/no answers the item written before it on the same line (from the line
    start or the previous group), and what follows its label ("[X] Yes - L4-S1") belongs to the answer;
    a line of boxes alone answers the line above. A box with another label is an option: the label is
    the item, checked or not.
    """
    items: list[BoxItem] = []
    pos = 0
    prev_line: tuple[int, int] | None = None
    for line in text.splitlines(keepends=True):
        line_start, body = pos, line.rstrip("\r\n")
        pos += len(line)
        boxes = list(_BOX.finditer(body))
        if not boxes:
            if body.strip():
                prev_line = (line_start, line_start + len(body))
            continue
        item_from = 0
        i = 0
        while i < len(boxes):
            # one group: consecutive boxes labelled by a yes/no word, nothing else between them
            group: list[tuple[re.Match[str], int, int]] = []
            j = i
            while j < len(boxes):
                nxt = boxes[j + 1].start() if j + 1 < len(boxes) else len(body)
                ls, _le = _box_label(body, boxes[j].end(), nxt)
                word = _YES_NO.match(body, ls)
                if word is None or (group and body[group[-1][2] : boxes[j].start()].strip()):
                    break
                group.append((boxes[j], ls, word.end()))
                j += 1
            if group:
                checked = [
                    _YES_NO.match(body, ls) for b, ls, _e in group if b.group("mark") or b.group(0) in "\u2612\u2611"
                ]
                answer = "blank"
                if checked and checked[0] is not None:
                    answer = "yes" if checked[0].group("word").lower().startswith("y") else "no"
                first = group[0][0].start()
                # the words after the last label elaborate the answer when no other box follows on the line
                last_end = len(body.rstrip()) if j == len(boxes) else group[-1][2]
                if body[item_from:first].strip():
                    items.append(BoxItem(line_start + item_from, line_start + last_end, answer))
                elif prev_line is not None:
                    items.append(BoxItem(prev_line[0], line_start + last_end, answer))
                item_from = last_end
                i = j
                continue
            box = boxes[i]
            nxt = boxes[i + 1].start() if i + 1 < len(boxes) else len(body)
            ls, le = _box_label(body, box.end(), nxt)
            marked = bool(box.group("mark")) or box.group(0) in "\u2612\u2611"
            if le > ls:
                items.append(BoxItem(line_start + ls, line_start + le, "checked" if marked else "unchecked"))
            item_from = le
            i += 1
        prev_line = (line_start, line_start + len(body))
    return tuple(items)


_CLINICAL_KINDS: frozenset[str] = frozenset({"history", "exam", "plan"})
_IMAGING_REPORT_KINDS: frozenset[str] = frozenset({"technique", "indication"})
# Sections no imaging report has (a plan, a family or social history; or a history of the present illness
# with a physical examination): a page typed as one that holds them is a clinic visit's note.
_VISIT_KINDS: frozenset[str] = frozenset({"plan", "family", "social"})
# An operative or procedure note (PREOPERATIVE DIAGNOSIS, PROCEDURE): its fluoroscopy and discs are the surgeon's.
_OPERATION_KINDS: frozenset[str] = frozenset({"procedure", "diagnosis"})
_IMAGING_ONLY_WORDS = 3  # imaging-only words (foramina, thecal sac, alignment...) that make findings an image's
_UNHEADED_IMAGING_ONLY_WORDS = 4  # ... and a page without a findings heading an imaging report


def is_imaging_page(text: str, sections: tuple[Section, ...], record_type: str) -> bool:
    """An imaging report: by record type (unless its sections are a clinic visit's), or a findings section
    on a page that names an imaging study near its top, or whose findings speak the language only images
    are described in; a report printed without headings by its language alone."""
    findings = [s for s in sections if s.kind in ("findings", "imaging")]
    kinds = {s.kind for s in sections}
    if record_type == "imaging_report":
        # unless its sections are a clinic visit's: a consult that discusses an MRI
        return not (kinds & _VISIT_KINDS or {"history", "exam"} <= kinds)
    if not findings:
        # a report printed without headings: it names an image near its top and speaks only of what images show
        return (
            not kinds & (_CLINICAL_KINDS | _OPERATION_KINDS)
            and load_section_rules().imaging_page.search(text, 0, min(len(text), 600)) is not None
            and len(_imaging_only().findall(text)) >= _UNHEADED_IMAGING_ONLY_WORDS
        )
    if kinds & _CLINICAL_KINDS and not kinds & _IMAGING_REPORT_KINDS:
        # a consult or progress note (history, exam, plan) whose IMPRESSION is the clinician's, even when it
        # speaks of an x-ray near its top
        return False
    if load_section_rules().imaging_page.search(text, 0, min(len(text), 600)):
        return True
    only = _imaging_only()
    return sum(len(only.findall(text, s.body, s.end)) for s in findings) >= _IMAGING_ONLY_WORDS


def read_layout(text: str, record_type: str = "other") -> PageLayout:
    """Sections, form items and whether the page is an imaging report."""
    sections = read_sections(text)
    return PageLayout(sections, read_boxes(text), is_imaging_page(text, sections, record_type))


_TRAILING_BOXES = re.compile(
    r"(?:\s*(?:\[\s*[xX\u2713\u2714*]?\s*\]|[\u2610\u2612\u2611])\s*(?:yes|no)\b\.?)+\s*$", re.I
)


def tells_technique(sentence: str) -> bool:
    """A sentence telling how an image was made ("Three views of the knee were obtained.")."""
    return bool(load_section_rules().technique_sentence.search(sentence))


def sentence_asks(sentence: str) -> bool:
    """A question or a request for an opinion (a remand's instruction, a blank DBQ item), not a statement."""
    rules = load_section_rules()
    core = _TRAILING_BOXES.sub("", sentence).rstrip()
    if core.endswith("?"):
        return True
    return bool(rules.question_start.search(core) or rules.request.search(core))
