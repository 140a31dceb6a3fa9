"""Concept lexicons that compose: body site x symptom, event x mechanism, imaging modality x finding.

The concepts are data (`config/rules/flag_lexicon.yaml`). A category pack uses them three ways:
- `concepts: [gait_word]`: any match of the concept;
- `compose: [{all: [back_site, symptom], window: 5}]`: both concepts within `window` words of each
  other, in either order, in one clause (no sentence end, ";" or "but"/"however" between them);
- `<<concept>>` inside a pack's regex pattern, replaced by the concept's regex.
Concepts are matched once per page (`concept_spans`); compositions are joined in Python over those
matches, which keeps a page's cost linear in the number of concepts, not of compositions.

`concept_spans` also lists which concepts a sentence holds, for the sentence model's features.
Pure apart from reading the rule file once per process (as the other rule packs do).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from classifiers.clinical_context import compile_phrases, ocr_tolerant_pattern
from classifiers.literal_prefilter import Requirement, fold_text, may_match, required_literals
from classifiers.regex_speedup import FastRegex, fast_regex, fold_case
from config.rule_packs import parse_rule_yaml

LEXICON_PATH = Path(__file__).resolve().parent.parent / "config" / "rules" / "flag_lexicon.yaml"

# What ends a clause between two composed concepts: sentence punctuation (a dot inside a token such as
# "L4.5" does not), a blank line, or a word opening a contrasting or relative clause.
_CLAUSE_BREAK = re.compile(
    r"[;!?]|\.(?!\w)|\n[ \t]*\n|\b(?:but|however|although|though|whereas|except|yet|which)\b", re.IGNORECASE
)
_WORD = re.compile(r"[\w'/-]+")
_PLACEHOLDER = re.compile(r"<<(\w+)>>")


@lru_cache(maxsize=2)
def load_lexicon(path: Path = LEXICON_PATH) -> dict[str, str]:
    """Each concept as one regex source (case-insensitive, OCR-tolerant terms)."""
    raw: dict[str, Any] = parse_rule_yaml(path.read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for name, spec in (raw.get("concepts") or {}).items():
        parts: list[str] = []
        terms = compile_phrases(spec.get("terms"))
        if terms is not None:
            parts.append(terms.pattern)
        parts.extend(ocr_tolerant_pattern(p) for p in spec.get("patterns") or [])
        parts.extend(spec.get("exact_patterns") or [])  # no OCR tolerance: "fails" must not read "falls"
        if not parts:
            raise ValueError(f"concept {name} has no terms or patterns")
        out[name] = "(?:" + "|".join(f"(?:{p})" for p in parts) + ")"
    return out


def expand(pattern: str, lexicon: dict[str, str] | None = None, transform: Callable[[str], str] | None = None) -> str:
    """A pack pattern with every `<<concept>>` replaced by that concept's regex; `transform` (e.g. OCR
    tolerance) applies to the pack's own text only, never to a concept's (already built) regex."""
    lex = lexicon if lexicon is not None else load_lexicon()
    out: list[str] = []
    pos = 0
    for m in _PLACEHOLDER.finditer(pattern):
        if m.group(1) not in lex:
            raise KeyError(f"unknown concept <<{m.group(1)}>> in a flag rule pattern")
        piece = pattern[pos : m.start()]
        out.append(transform(piece) if transform and piece else piece)
        out.append(lex[m.group(1)])
        pos = m.end()
    tail = pattern[pos:]
    out.append(transform(tail) if transform and tail else tail)
    return "".join(out)


@dataclass(frozen=True)
class Composition:
    """Concepts that make a finding together: each within `window` words of the previous, one clause."""

    members: tuple[str, ...]
    window: int = 5
    unless: tuple[str, ...] = ()  # concepts whose presence in the sentence keeps the composition from holding

    @classmethod
    def parse(cls, raw: dict[str, Any] | list[str] | str, lexicon: dict[str, str] | None = None) -> Composition:
        """From a pack entry: {all: [a, b], window: 5}, [a, b] or a single concept name."""
        lex = lexicon if lexicon is not None else load_lexicon()
        if isinstance(raw, str):
            members, window = (raw,), 0
        elif isinstance(raw, list):
            members, window = tuple(raw), 5
        else:
            members, window = tuple(raw["all"]), int(raw.get("window", 5))
        unless = tuple(raw.get("unless") or ()) if isinstance(raw, dict) else ()
        for name in (*members, *unless):
            if name not in lex:
                raise KeyError(f"unknown concept {name!r} in a flag composition")
        return cls(members, window, unless)


def _joinable(text: str, a_end: int, b_start: int, window: int) -> bool:
    if b_start <= a_end:
        return True  # touching or overlapping
    gap = text[a_end:b_start]
    return len(_WORD.findall(gap)) <= window and _CLAUSE_BREAK.search(gap) is None


def composed_spans(
    text: str, concepts: dict[str, list[tuple[int, int]]], composition: Composition
) -> list[tuple[tuple[int, int], ...]]:
    """Where the composition holds, given the concept matches (from `concept_spans`) of the stretch
    searched: each hit as its members' spans, in text order. Two concepts join in either order; three or
    more in the order listed."""
    lists: list[list[tuple[int, int]]] = []
    for name in composition.members:  # a loop, not a comprehension: most calls end at a missing concept
        spans = concepts.get(name)
        if not spans:
            return []
        lists.append(spans)
    if len(lists) == 1:
        return [(sp,) for sp in lists[0]]
    out: set[tuple[tuple[int, int], ...]] = set()
    if len(lists) == 2:
        for a in lists[0]:
            for b in lists[1]:
                lo, hi = (a, b) if a[0] <= b[0] else (b, a)
                if hi[0] >= lo[1] and _joinable(text, lo[1], hi[0], composition.window):
                    out.add((lo, hi))  # two distinct stretches: one word cannot be both members
        return sorted(out)
    partial: list[tuple[tuple[int, int], ...]] = [(a,) for a in lists[0]]
    for spans in lists[1:]:
        partial = [
            (*p, b) for p in partial for b in spans
            if b[0] >= p[-1][0] and _joinable(text, p[-1][1], b[0], composition.window)
        ]
    return sorted(set(partial))


@lru_cache(maxsize=2)
def _compiled_concepts() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile(rx, re.IGNORECASE)) for name, rx in load_lexicon().items())


@lru_cache(maxsize=2)
def _concept_literals() -> dict[str, Requirement | None]:
    return {name: required_literals(rx) for name, rx in _compiled_concepts()}


@lru_cache(maxsize=2)
def _fast_concepts() -> dict[str, FastRegex]:
    """Each concept's regex rewritten to find the same matches faster (`classifiers.regex_speedup`)."""
    return {name: fast_regex(rx) for name, rx in _compiled_concepts()}


@lru_cache(maxsize=128)
def concept_regex(name: str) -> re.Pattern[str]:
    """One concept's compiled regex (case-insensitive)."""
    for concept, rx in _compiled_concepts():
        if concept == name:
            return rx
    raise KeyError(f"unknown concept {name!r}")


def concept_spans(
    text: str, names: frozenset[str] | None = None, folded: str | None = None, case_folded: str | None = None
) -> dict[str, list[tuple[int, int]]]:
    """The matches (non-overlapping, left to right) of every concept, or of those in `names`; `folded`
    (`fold_text(text)`) and `case_folded` (`fold_case(text)`) when the caller has them already."""
    out: dict[str, list[tuple[int, int]]] = {}
    literals = _concept_literals()
    fast = _fast_concepts()
    folded = fold_text(text) if folded is None else folded
    case_folded = fold_case(text) if case_folded is None else case_folded
    for name, _rx in _compiled_concepts():
        if names is not None and name not in names:
            continue
        if not may_match(literals[name], folded):
            continue  # none of the words every match needs is in the text
        rx = fast[name]
        haystack = case_folded if rx.on_folded else text
        spans = [(m.start(), m.end()) for m in rx.compiled.finditer(haystack) if m.end() > m.start()]
        if spans:
            out[name] = spans
    return out
