"""Record-type rules: the words that say what a page is, read from config/rules/record_types.yaml.

Form numbers, OMB numbers and titles survive OCR on every page of a form, so when a page names
itself the rules decide; the statistical model (record_type_model.py) decides the rest. Matching
is done on a folded copy of the text (case, spacing, punctuation and OCR look-alikes removed) so
"CHRONO LOGICAL REC0RD 0F MEDlCAL CARE" still reads as the SF 600 title.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from config.rule_packs import load_rule_pack
from config.vocabulary import RECORD_TYPES  # noqa: F401 - re-exported for callers

RULE_PACK = "record_types"

TITLE_IN_ZONE_POINTS = 3.0
TITLE_ELSEWHERE_POINTS = 1.0
BODY_POINTS = 1.0
STRONG_RULE_MIN_POINTS = 3.0
STRONG_RULE_MIN_RATIO = 2.0
# Characters at the top / bottom of a page where a form prints its title and number.
TOP_ZONE_CHARS = 500
BOTTOM_ZONE_CHARS = 160
SHORT_CUE_LETTERS = 8
# Long titles in a page's top/bottom lines also match with an OCR error or two (similarity ≥ 85/100).
FUZZY_MIN_LETTERS = 12
FUZZY_MIN_SIMILARITY = 85.0
# A title's words must make up this share of their line (see Cue.titles_line); on the lines of a
# letterhead (above its phone number) a clinic's name is its title whatever its length.
TITLE_LINE_SHARE = 0.5
LETTERHEAD_LINE_SHARE = 0.25
# A form number titles its line when it opens it or makes up this share of it.
FORM_NUMBER_LINE_SHARE = 0.15
# Lines of numbered form items ("76. PHYSICAL PROFILE:", "12a. DATE ENTERED") get this "share": only a
# form number opening them titles them (see Cue.titles_line).
NUMBERED_ITEM_SHARE = 2.0
_NUMBERED_ITEM = re.compile(r"^\s*(?:ITEM\s*)?\d{1,3}[a-zA-Z]?\s?[.):]\s", re.I)
# A bullet of a list ("- Board of Veterans' Appeals decision of March 19, 2024" in a list of evidence)
# names a document; it is not one.
_LIST_ITEM = re.compile(r"^\s*[-•*·]\s+\S")
# An index or table-of-contents entry: "Tab B  Nexus letter ........ 12" names a document, it is not one.
_INDEX_ENTRY = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}\s*$")

_OCR_FOLD = str.maketrans({"0": "O", "1": "I", "L": "I", "|": "I", "!": "I", "5": "S", "8": "B", "Q": "O"})
_NON_ALNUM = re.compile(r"[^A-Z0-9]+")


def fold(text: str) -> str:
    """Upper-case words separated by single spaces, with OCR look-alikes merged (0→O, 1/l→I, rn→m…)."""
    upper = text.upper().replace("RN", "M").replace("VV", "W").translate(_OCR_FOLD)
    return " ".join(_NON_ALNUM.sub(" ", upper).split())


@dataclass(frozen=True)
class Cue:
    """One phrase of the rule pack, pre-folded for matching.

    Long cues are matched with all spaces removed (OCR splits and joins words); short ones must stand
    as whole words, since "BAS" or "MOS" inside another word means nothing.
    """

    phrase: str
    folded: str
    compact: str
    pattern: re.Pattern[str] | None
    has_digit: bool = False

    @classmethod
    def of(cls, phrase: str) -> Cue:
        folded = fold(phrase)
        compact = folded.replace(" ", "")
        has_digit = any(ch.isdigit() for ch in phrase)
        if len(compact) >= SHORT_CUE_LETTERS:
            return cls(phrase, folded, compact, None, has_digit)
        pattern = re.compile(r"(?<![A-Z0-9])" + re.escape(folded) + r"(?![A-Z0-9])")
        return cls(phrase, folded, compact, pattern, has_digit)

    def titles_line(self, line: FoldedText, min_share: float = TITLE_LINE_SHARE) -> bool:
        """The cue is this line's title: a form/OMB number anywhere on it, a label opening it
        ("LOCAL TITLE:", "Citation Nr:"), or words making up a good part of it. "Referral to physical
        therapy" in a plan is not a physical-therapy letterhead."""
        if not self.found_in(line, fuzzy=True):
            return False
        if min_share > 1.0:  # a numbered item of a form ("76. PHYSICAL PROFILE: P1 U1"): a field, not a title
            return self.has_digit and line.compact.find(self.compact) <= 2
        position = line.compact.find(self.compact)
        if self.has_digit:
            # A form number prints as the line's opening or a good part of it (a footer, a header);
            # "Records reviewed: STRs, DD 214, VA records, C&P exam" only mentions the form.
            return 0 <= position <= 2 or len(self.compact) >= FORM_NUMBER_LINE_SHARE * len(line.compact)
        if 0 <= position <= 2:
            return True
        return len(self.compact) >= min_share * len(line.compact)

    def found_in(self, text: FoldedText, fuzzy: bool = False) -> bool:
        if self.pattern is not None:  # the pattern matches the folded cue itself: look for it first (faster)
            return self.folded in text.spaced and self.pattern.search(text.spaced) is not None
        if self.compact in text.compact:
            return True
        # Numbers are never matched fuzzily: STANDARD FORM 600 is not STANDARD FORM 88. A cue that
        # opens with a short word needs that word as it is: "VA MEDICAL CENTER" is not "VALLEY MEDICAL CENTER".
        lead = self.folded.split(" ", 1)[0]
        return (
            fuzzy
            and not self.has_digit
            and (len(lead) > 3 or f" {lead} " in f" {text.spaced} ")
            and len(self.compact) >= FUZZY_MIN_LETTERS
            # partial_ratio aligns the shorter string inside the longer: the text must hold the whole cue.
            and len(text.compact) >= len(self.compact) - 1
            and fuzz.partial_ratio(self.compact, text.compact, score_cutoff=FUZZY_MIN_SIMILARITY) > 0
        )


@dataclass(frozen=True)
class FoldedText:
    """A text folded once, in the two forms cues match against."""

    spaced: str
    compact: str

    @classmethod
    def of(cls, text: str) -> FoldedText:
        spaced = fold(text)
        return cls(spaced, spaced.replace(" ", ""))


@dataclass(frozen=True)
class TypeRules:
    record_type: str
    vbms_type_id: int | None
    title: tuple[Cue, ...]
    body: tuple[Cue, ...]
    outranks: frozenset[str] = frozenset()
    letterhead: tuple[Cue, ...] = ()
    yields_to: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class RuleSet:
    """All record types' cues; built from the YAML rule pack by parse_rules."""

    types: tuple[TypeRules, ...]
    by_type: Mapping[str, TypeRules] = field(default_factory=dict)

    def vbms_type_id(self, record_type: str) -> int | None:
        rules = self.by_type.get(record_type)
        return rules.vbms_type_id if rules else None


def parse_rules(document: Mapping[str, Any]) -> RuleSet:
    """Builds a RuleSet from the parsed YAML mapping ({record_types: {type: {vbms_type_id, title, body}}})."""
    types = []
    for record_type, spec in (document.get("record_types") or {}).items():
        if record_type not in RECORD_TYPES:
            raise ValueError(f"unknown record type in rules: {record_type!r}")
        spec = spec or {}
        types.append(
            TypeRules(
                record_type=record_type,
                vbms_type_id=spec.get("vbms_type_id"),
                title=tuple(Cue.of(str(p)) for p in spec.get("title") or ()),
                body=tuple(Cue.of(str(p)) for p in spec.get("body") or ()),
                outranks=frozenset(spec.get("outranks") or ()),
                letterhead=tuple(Cue.of(str(p)) for p in spec.get("letterhead") or ()),
                yields_to={str(k): int(v) for k, v in (spec.get("yields_to") or {}).items()},
            )
        )
    return RuleSet(tuple(types), {t.record_type: t for t in types})


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The clinician-readable rule pack, config/rules/record_types.yaml, parsed once."""
    return parse_rules(load_rule_pack(RULE_PACK))


@dataclass(frozen=True)
class RuleScores:
    """Points per record type for one page, and which titles stood in the page's top lines."""

    points: Mapping[str, float]
    top_titles: Mapping[str, tuple[str, ...]]
    zone_titled: frozenset[str] = frozenset()
    outranked: frozenset[str] = frozenset()
    # Types titled only by a clinic's name on a letterhead: it says who wrote, not what the page is.
    letterhead_only: frozenset[str] = frozenset()

    def best(self) -> tuple[str, float, float]:
        """(best type, its points, runner-up's points)."""
        ranked = sorted(self.points.items(), key=lambda kv: (-kv[1], RECORD_TYPES.index(kv[0])))
        if not ranked:
            return "other", 0.0, 0.0
        return ranked[0][0], ranked[0][1], ranked[1][1] if len(ranked) > 1 else 0.0

    def strong_type(self) -> str | None:
        """The type the rules are sure of, or None when the page does not clearly name itself.

        Only types whose title stands in the page's top or bottom lines qualify; a type another
        qualifying type outranks (a C&P exam printed as a VistA note) drops out; the best left must
        have STRONG_RULE_MIN_POINTS and STRONG_RULE_MIN_RATIO times the next one's points.
        """
        candidates = sorted(
            (t for t in self.zone_titled if t not in self.outranked),
            key=lambda t: (-self.points[t], RECORD_TYPES.index(t)),
        )
        if not candidates:
            return None
        best = candidates[0]
        runner_up = max((v for t, v in self.points.items() if t != best and t not in self.outranked), default=0.0)
        if self.points[best] >= STRONG_RULE_MIN_POINTS and self.points[best] >= STRONG_RULE_MIN_RATIO * runner_up:
            return best
        return None


FOOTER_LINES = 2


def page_zones(text: str) -> tuple[str, str]:
    """The page's top lines (where a document announces itself) and its footer (where a form prints
    its number on every page). On a short page the footer is kept out of the top zone, so a form
    number in the footer of a continuation page does not read as the start of a new form."""
    lines = text.rstrip().split("\n")
    if len(lines) > FOOTER_LINES + 2:
        body = "\n".join(lines[:-FOOTER_LINES])
        footer = "\n".join(lines[-FOOTER_LINES:])
    else:
        body, footer = text, ""
    return body[:TOP_ZONE_CHARS], (footer[-BOTTOM_ZONE_CHARS:] if footer else "")


# Field labels whose value is itself a title ("LOCAL TITLE: C&P EXAMINATION NOTE").
_TITLE_LABEL = re.compile(r"^\s*(?:L\W?[O0]CAL\s*T[I1l]TLE|STANDARD\s*T[I1l]TLE|T[I1l]TLE|SUBJECT|RE)\s*[:;.]\s*(.+)$",
                          re.I)


_PHONE = re.compile(r"\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b")


# A letter's date standing alone on its line, and an address line (a PO box, a street number or a ZIP code).
_DATE_LINE = re.compile(
    r"^\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4})\s*$")
_ADDRESS_LINE = re.compile(r"\bP\.?\s?O\.?\s+BOX\b|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|^\s*\d{2,6}\s+[A-Z]", re.I)


def _address_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines of a letter's inside address: the blocks below its date line that hold a PO
    box, a street or a ZIP code. "Board of Veterans' Appeals, PO Box 27063" there is who the letter is
    to, not what it is; the letterhead above the date is the sender's and keeps its weight."""
    date_at = next((i for i, line in enumerate(lines[:14]) if _DATE_LINE.match(line)), None)
    if date_at is None:
        return set()
    found: set[int] = set()
    block: list[int] = []
    for i in range(date_at + 1, len(lines) + 1):
        if i == len(lines) or not lines[i].strip():
            if any(_ADDRESS_LINE.search(lines[j]) for j in block):
                found.update(block)
            block = []
        else:
            block.append(i)
    return found


def _zone_lines(zone: str) -> list[tuple[FoldedText, float]]:
    """The zone's lines, each with the share of it a cue must fill to be its title. A VistA
    "LOCAL TITLE:" value counts as a line of its own; lines above a letterhead's phone number are
    the letterhead (clinic names) and need less; a letter's inside address names no title."""
    all_lines = zone.split("\n")
    addressee = _address_lines(all_lines)
    raw_lines = [line for i, line in enumerate(all_lines) if line.strip()]
    addressed = {k for k, i in enumerate(i for i, line in enumerate(all_lines) if line.strip()) if i in addressee}
    phone_at = next((i for i, line in enumerate(raw_lines[:6]) if _PHONE.search(line)), None)
    lines: list[tuple[FoldedText, float]] = []
    for i, line in enumerate(raw_lines):
        share = LETTERHEAD_LINE_SHARE if phone_at is not None and i <= phone_at else TITLE_LINE_SHARE
        if _NUMBERED_ITEM.match(line) or _INDEX_ENTRY.search(line) or _LIST_ITEM.match(line) or i in addressed:
            share = NUMBERED_ITEM_SHARE
        lines.append((FoldedText.of(line), share))
        labelled = _TITLE_LABEL.match(line)
        if labelled:
            lines.append((FoldedText.of(labelled.group(1)), TITLE_LINE_SHARE))
    return lines


# score_page's last results: a page is scored for its features and again for the model's rule points,
# in two passes over the whole file, so the cache must hold a long file's pages (at 1,024 a file of more
# pages missed every second lookup). The keys are the page texts the analysis holds anyway.
_SCORE_CACHE: OrderedDict[tuple[int, str], tuple[RuleSet, RuleScores]] = OrderedDict()
SCORE_CACHE_SIZE = 8192


def score_page(text: str, rules: RuleSet) -> RuleScores:
    """Scores a page's text against every record type's cues."""
    key = (id(rules), text)
    hit = _SCORE_CACHE.get(key)
    if hit is not None and hit[0] is rules:
        _SCORE_CACHE.move_to_end(key)
        return hit[1]
    scores = _score_page(text, rules)
    _SCORE_CACHE[key] = (rules, scores)
    if len(_SCORE_CACHE) > SCORE_CACHE_SIZE:
        _SCORE_CACHE.popitem(last=False)
    return scores


def _score_page(text: str, rules: RuleSet) -> RuleScores:
    top_text, bottom_text = page_zones(text)
    top = _zone_lines(top_text)
    bottom = _zone_lines(bottom_text)
    # One check against the whole zone first: most cues are nowhere near it, and a cue that titles a
    # line is always found in the zone.
    top_all = FoldedText.of(top_text)
    bottom_all = FoldedText.of(bottom_text)
    whole = FoldedText.of(text)
    points: dict[str, float] = {}
    top_titles: dict[str, tuple[str, ...]] = {}
    zone_titled: set[str] = set()
    letterhead_only: set[str] = set()
    for type_rules in rules.types:
        score = 0.0
        in_top: list[str] = []
        titled_by_letterhead = False
        for cue in type_rules.title:
            if cue.found_in(top_all, fuzzy=True) and any(cue.titles_line(line, share) for line, share in top):
                score += TITLE_IN_ZONE_POINTS
                in_top.append(cue.phrase)
            elif cue.found_in(bottom_all, fuzzy=True) and any(cue.titles_line(line, share) for line, share in bottom):
                score += TITLE_IN_ZONE_POINTS
                zone_titled.add(type_rules.record_type)
            elif cue.found_in(whole):
                score += TITLE_ELSEWHERE_POINTS
        for cue in type_rules.letterhead:
            # A clinic's name on its letterhead says what it is; the same words in a sentence are body words.
            on_letterhead = cue.found_in(top_all, fuzzy=True) and any(
                share == LETTERHEAD_LINE_SHARE and cue.titles_line(line, share) for line, share in top
            )
            if on_letterhead:
                score += TITLE_IN_ZONE_POINTS
                in_top.append(cue.phrase)
                titled_by_letterhead = True
            elif cue.found_in(whole):
                score += BODY_POINTS
        score += sum(BODY_POINTS for cue in type_rules.body if cue.found_in(whole))
        points[type_rules.record_type] = score
        if in_top:
            top_titles[type_rules.record_type] = tuple(in_top)
            zone_titled.add(type_rules.record_type)
            if titled_by_letterhead and len(in_top) == sum(1 for c in type_rules.letterhead if c.phrase in in_top):
                letterhead_only.add(type_rules.record_type)
    outranked = {
        loser for t in rules.types if t.record_type in zone_titled for loser in t.outranks if loser in zone_titled
    }
    # A letterhead names a clinic, not what the letter is: a type yields when another type's own
    # words are on the page in number (an opinion letter on a clinic's letterhead).
    for t in rules.types:
        for other, min_hits in t.yields_to.items():
            other_rules = rules.by_type.get(other)
            if other_rules and sum(1 for cue in other_rules.body if cue.found_in(whole)) >= min_hits:
                outranked.add(t.record_type)
    return RuleScores(points, top_titles, frozenset(zone_titled), frozenset(outranked), frozenset(letterhead_only))
