"""Concept lexicons that compose: body site x symptom, event x mechanism, imaging modality x finding.

The concepts are data (`config/rules/flag_lexicon.yaml`). A category pack composes them two ways:
- `compose: [{all: [back_site, symptom], window: 5}]`: both concepts within `window` words of each
  other, in either order, in one clause (no sentence end, ";" or "but"/"however" between them);
- `<<concept>>` inside a pack's regex pattern, replaced by the concept's regex.

`concept_spans` also lists which concepts a sentence holds, for the sentence model's features.
Pure apart from reading the rule file once per process (as the other rule packs do).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from classifiers.clinical_context import compile_phrases, ocr_tolerant_pattern

LEXICON_PATH = Path(__file__).resolve().parent.parent / "config" / "rules" / "flag_lexicon.yaml"

# One word of the gap between two composed concepts: separators that do not end a clause, then a word
# that does not open a contrasting clause.
_GAP_WORD = (
    r"(?:[^\w;.!?\n]|\n(?![ \t]*\n)|\.(?=\w))+"
    r"(?!(?:but|however|although|though|whereas|except|yet|which)\b)[\w'/-]+"
)
_GAP_END = r"(?:[^\w;.!?\n]|\n(?![ \t]*\n)|\.(?=\w))+"
_PLACEHOLDER = re.compile(r"<<(\w+)>>")


@lru_cache(maxsize=2)
def load_lexicon(path: Path = LEXICON_PATH) -> dict[str, str]:
    """Each concept as one regex source (case-insensitive, OCR-tolerant terms)."""
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for name, spec in (raw.get("concepts") or {}).items():
        parts: list[str] = []
        terms = compile_phrases(spec.get("terms"))
        if terms is not None:
            parts.append(terms.pattern)
        parts.extend(ocr_tolerant_pattern(p) for p in spec.get("patterns") or [])
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


def compose_pattern(members: list[str], window: int, lexicon: dict[str, str] | None = None) -> str:
    """Regex source for two or more concepts within `window` words of each other in one clause.

    Two concepts match in either order; three or more in the order given.
    """
    lex = lexicon if lexicon is not None else load_lexicon()
    for name in members:
        if name not in lex:
            raise KeyError(f"unknown concept {name!r} in a flag composition")
    gap = rf"(?:{_GAP_WORD}){{0,{window}}}?{_GAP_END}"

    def chain(names: list[str]) -> str:
        return gap.join(f"(?:{lex[n]})" for n in names)

    if len(members) == 2:
        return f"(?:{chain(members)}|{chain(members[::-1])})"
    return f"(?:{chain(members)})"


@lru_cache(maxsize=2)
def _compiled_concepts() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile(rx, re.IGNORECASE)) for name, rx in load_lexicon().items())


def concept_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    """Every concept's matches in text (non-overlapping, left to right)."""
    out: dict[str, list[tuple[int, int]]] = {}
    for name, rx in _compiled_concepts():
        spans = [(m.start(), m.end()) for m in rx.finditer(text) if m.end() > m.start()]
        if spans:
            out[name] = spans
    return out
