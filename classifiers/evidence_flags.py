"""Evidence flags: the sentences a physician must weigh for a nexus letter, with clinical context.

One finder per category of DESIGN.md §5 (back_complaint, injury, gait, aging_attribution, diagnosis,
imaging_finding, service_strain, medical_opinion, alternative_cause, continuity, secondary_link). The
vocabulary is data, in `config/rules/flags/<category>.yaml`, so a clinician can extend it; this module
only applies it: split sentences, match each category's terms and patterns, keep the longest of
overlapping matches, and attach the sentence's context (negated, historical, hypothetical,
experiencer), a medical opinion's polarity and any date the sentence states.

Negated hits are returned (negated=True), not dropped: the physician filters, and "denies back pain" at
separation is itself evidence a letter may have to answer.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from classifiers.clinical_context import assess_context, compile_phrases, ocr_tolerant_pattern
from classifiers.sentences import split_sentences
from config.vocabulary import FLAG_CATEGORIES  # noqa: F401 - re-exported for callers

FLAG_RULES_DIR = Path(__file__).resolve().parent.parent / "config" / "rules" / "flags"
POLARITIES: tuple[str, ...] = ("speculative", "negative", "positive")  # precedence on equal spans
# Categories that report an event or finding which a date in its sentence dates. The others (opinions,
# aging attributions, alternative causes, continuity, secondary links) speak as of their document:
# "caused by the April 2008 landing" does not make a 2025 nexus opinion an in-service record.
DATED_CATEGORIES: frozenset[str] = frozenset(
    {"back_complaint", "injury", "gait", "diagnosis", "imaging_finding", "service_strain"}
)


@dataclass(frozen=True)
class FlagHit:
    """One flagged span: offsets index the text given to find_flags."""

    category: str
    start: int
    end: int
    text: str
    sentence: str
    sentence_start: int
    negated: bool
    historical: bool
    hypothetical: bool
    experiencer: str
    polarity: str | None
    date: date | None  # a date the sentence states, for event categories (DATED_CATEGORIES) only


@dataclass(frozen=True)
class _Matcher:
    category: str
    polarity: str | None
    patterns: tuple[re.Pattern[str], ...]
    requires: re.Pattern[str] | None = None  # weak wordings count only in a sentence matching this


@dataclass(frozen=True)
class _CategoryRules:
    category: str
    matchers: tuple[_Matcher, ...]
    exclude: re.Pattern[str] | None


def _compile_list(terms: list[str] | None, patterns: list[str] | None) -> list[re.Pattern[str]]:
    """The terms as one trie regex plus one regex per pattern: kept apart so that, at one start, the
    longest of all candidates wins rather than the first alternative of a combined regex."""
    compiled: list[re.Pattern[str]] = []
    term_rx = compile_phrases(terms)
    if term_rx is not None:
        compiled.append(term_rx)
    compiled.extend(re.compile(ocr_tolerant_pattern(p), re.IGNORECASE) for p in patterns or [])
    return compiled


@lru_cache(maxsize=4)
def load_flag_rules(rules_dir: Path = FLAG_RULES_DIR) -> tuple[_CategoryRules, ...]:
    """Read every category's YAML rule pack once per process; a missing category is an error."""
    packs: list[_CategoryRules] = []
    for category in FLAG_CATEGORIES:
        raw: dict[str, Any] = yaml.safe_load((rules_dir / f"{category}.yaml").read_text(encoding="utf-8"))
        matchers: list[_Matcher] = []
        if "polarity" in raw:
            for polarity in POLARITIES:
                section = raw["polarity"].get(polarity) or {}
                rxs = _compile_list(section.get("terms"), section.get("patterns"))
                if rxs:
                    matchers.append(_Matcher(category, polarity, tuple(rxs)))
        rxs = _compile_list(raw.get("terms"), raw.get("patterns"))
        if rxs:
            matchers.append(_Matcher(category, None, tuple(rxs)))
        weak = _compile_list(raw.get("weak_terms"), raw.get("weak_patterns"))
        if weak:
            requires = raw.get("weak_requires") or []
            requires_rx = re.compile("|".join(f"(?:{r})" for r in requires), re.IGNORECASE) if requires else None
            matchers.append(_Matcher(category, None, tuple(weak), requires_rx))
        excludes = raw.get("exclude") or []
        exclude = re.compile("|".join(f"(?:{x})" for x in excludes), re.IGNORECASE) if excludes else None
        packs.append(_CategoryRules(category, tuple(matchers), exclude))
    return tuple(packs)


def _all_matches(rx: re.Pattern[str], text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    """Every match start, not just non-overlapping ones, so a longer match starting inside another wins."""
    out: list[tuple[int, int]] = []
    i = pos
    while i < endpos:
        m = rx.search(text, i, endpos)
        if m is None:
            break
        s, e = m.start(), m.end()
        # trim whitespace a pattern may have swallowed at either end
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        if e > s:
            out.append((s, e))
        i = m.start() + 1
    return out


def _select_longest(cands: list[tuple[int, int, int, str | None]]) -> list[tuple[int, int, str | None]]:
    """Non-overlapping spans, longest first; ties go to the earlier matcher (polarity precedence)."""
    chosen: list[tuple[int, int, str | None]] = []
    for s, e, _rank, pol in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        if all(e <= cs or s >= ce for cs, ce, _ in chosen):
            chosen.append((s, e, pol))
    return sorted(chosen)


def _resolve_category(
    text: str, rules: _CategoryRules, cands: list[tuple[int, int, int, str | None]], sent_start: int, sent_end: int
) -> list[tuple[int, int, str | None]]:
    """Longest non-overlapping candidates of one category in one sentence, exclusions applied."""
    if not cands:
        return []
    hits = _select_longest(cands)
    if rules.exclude is not None:
        excluded = [(m.start(), m.end()) for m in rules.exclude.finditer(text, sent_start, sent_end)]
        hits = [h for h in hits if not any(h[0] < xe and xs < h[1] for xs, xe in excluded)]
    return hits


def _page_candidates(
    text: str, sentences: list[tuple[int, int]], packs: tuple[_CategoryRules, ...]
) -> list[list[list[tuple[int, int, int, str | None]]]]:
    """Candidates per sentence and category, each pattern run once over the page (not once per sentence:
    the per-call overhead of ~150 patterns dominated on short sentences). A match that runs across a
    sentence end is searched again inside its sentence, so results equal the per-sentence search."""
    starts = [s for s, _e in sentences]
    out: list[list[list[tuple[int, int, int, str | None]]]] = [[[] for _ in packs] for _ in sentences]
    for ci, rules in enumerate(packs):
        for rank, matcher in enumerate(rules.matchers):
            for rx in matcher.patterns:
                crossed: set[int] = set()
                for s, e in _all_matches(rx, text, 0, len(text)):
                    i = bisect_right(starts, s) - 1
                    if i < 0 or s >= sentences[i][1]:
                        continue  # between sentences (whitespace)
                    if matcher.requires is not None and not matcher.requires.search(text, *sentences[i]):
                        continue
                    if e <= sentences[i][1]:
                        out[i][ci].append((s, e, rank, matcher.polarity))
                    elif i not in crossed:
                        crossed.add(i)
                        out[i][ci].extend(
                            (s2, e2, rank, matcher.polarity)
                            for s2, e2 in _all_matches(rx, text, s, sentences[i][1])
                        )
    return out


try:  # the record-type engineer's OCR-tolerant full-date finder, when present
    from classifiers.dates import find_dates as _find_full_dates
except ImportError:  # pragma: no cover - the module ships with claimdex; the fallback keeps this one standalone
    _find_full_dates = None

_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_DATE_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d?)-(\d\d?)\b")
_DATE_US = re.compile(r"\b(\d\d?)/(\d\d?)/((?:19|20)?\d\d)\b")
_DATE_MDY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d\d?)(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b")
_DATE_DMY = re.compile(r"\b(\d\d?)\s+([A-Za-z]{3,9})\.?,?\s+((?:19|20)\d\d)\b")
_DATE_MONTH_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?,?\s+((?:19|20)\d\d)\b")
_DATE_YEAR = re.compile(
    r"\b(?:in|during|since|from|circa|around|about|by|until|of)\s+((?:19|20)\d\d)\b(?![/-]\d)", re.IGNORECASE
)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _full_dates(sentence: str) -> list[tuple[int, date]]:
    if _find_full_dates is not None:
        found = []
        for f in _find_full_dates(sentence):
            # "April 2008" must not read as April 20, 2008: keep it for the month-year rule below
            if not _DATE_MONTH_YEAR.fullmatch(sentence[f.start : f.end].strip()):
                found.append((f.start, f.date))
        return found
    found: list[tuple[int, date]] = []
    for m in _DATE_ISO.finditer(sentence):
        if d := _safe_date(int(m[1]), int(m[2]), int(m[3])):
            found.append((m.start(), d))
    for m in _DATE_US.finditer(sentence):
        y = int(m[3])
        y = y + (2000 if y < 50 else 1900) if y < 100 else y
        if d := _safe_date(y, int(m[1]), int(m[2])):
            found.append((m.start(), d))
    for m in _DATE_MDY.finditer(sentence):
        mon = _MONTHS.get(m[1].lower())
        if mon and (d := _safe_date(int(m[3]), mon, int(m[2]))):
            found.append((m.start(), d))
    for m in _DATE_DMY.finditer(sentence):
        mon = _MONTHS.get(m[2].lower())
        if mon and (d := _safe_date(int(m[3]), mon, int(m[1]))):
            found.append((m.start(), d))
    return found


def find_sentence_date(sentence: str) -> date | None:
    """The first date a sentence states, for the chronology and for in_service.

    Full dates first (any format `classifiers.dates` reads, OCR look-alikes folded); else a month and
    year ("April 2008" -> 1 April 2008); else a year after a preposition ("a hard landing in 2008" ->
    1 July 2008). Partial dates are approximations, but a narrated in-service injury in a post-service
    note must not take the note's own date and be called post-service.
    """
    found: list[tuple[int, date]] = _full_dates(sentence)
    if not found:
        for m in _DATE_MONTH_YEAR.finditer(sentence):
            mon = _MONTHS.get(m[1].lower())
            if mon:
                found.append((m.start(), date(int(m[2]), mon, 1)))
    if not found:
        found = [(m.start(), date(int(m[1]), 7, 1)) for m in _DATE_YEAR.finditer(sentence)]
    return min(found, key=lambda f: f[0])[1] if found else None


def _sentence_opinion_polarity(found: list[tuple[str, int, int, str | None]]) -> str | None:
    """One sentence states one opinion: "less likely than not related to military service" is negative
    even though "related to military service" alone reads positive. Speculative > negative > positive."""
    polarities = {pol for cat, _s, _e, pol in found if cat == "medical_opinion" and pol}
    for polarity in POLARITIES:
        if polarity in polarities:
            return polarity
    return None


_OCR_DIGIT_AS_LETTER = str.maketrans({"1": "l", "0": "o", "5": "s", "8": "b", "|": "l"})
_WORDISH_TOKEN = re.compile(r"[A-Za-z0-9|]+")


def fold_ocr_digits(text: str) -> str:
    """Same-length copy of text with digits OCR put inside words read back as letters ("1ow" -> "low").

    Only tokens of at least three letters and at most two such digits are folded, so spinal levels
    ("L5-S1"), MOS codes ("11B") and numbers keep their digits. Offsets are unchanged, so hits found
    on the folded text cite the original words.
    """

    def fold(m: re.Match[str]) -> str:
        token = m.group(0)
        letters = sum(ch.isalpha() for ch in token)
        digits = len(token) - letters
        if letters >= 3 and 0 < digits <= 2:
            return token.translate(_OCR_DIGIT_AS_LETTER)
        return token

    return _WORDISH_TOKEN.sub(fold, text)


def find_flags(text: str, record_type: str = "other") -> list[FlagHit]:
    """All evidence flags of a page's text, ordered by offset then category; deterministic and pure.

    `record_type` (DESIGN.md §5) is accepted so callers need not special-case documents; in an
    imaging report a spine diagnosis the report states is also an imaging finding.
    """
    hits: list[FlagHit] = []
    packs = load_flag_rules()
    folded = fold_ocr_digits(text)
    sentences = split_sentences(text)
    candidates = _page_candidates(folded, sentences, packs)
    for (s_start, s_end), sentence_cands in zip(sentences, candidates, strict=True):
        sentence = text[s_start:s_end]
        folded_sentence = folded[s_start:s_end]
        sentence_date: date | None = None
        date_done = False
        found: list[tuple[str, int, int, str | None]] = []
        for rules, cands in zip(packs, sentence_cands, strict=True):
            for s, e, pol in _resolve_category(folded, rules, cands, s_start, s_end):
                found.append((rules.category, s, e, pol))
                if record_type == "imaging_report" and rules.category == "diagnosis":
                    found.append(("imaging_finding", s, e, None))
        opinion_polarity = _sentence_opinion_polarity(found)
        seen: set[tuple[str, int, int]] = set()
        for category, s, e, _pol in found:
            if (category, s, e) in seen:
                continue
            seen.add((category, s, e))
            ctx = assess_context(folded_sentence, s - s_start, e - s_start)
            if not date_done:
                sentence_date, date_done = find_sentence_date(sentence), True
            hits.append(
                FlagHit(
                    category=category,
                    start=s,
                    end=e,
                    text=text[s:e],
                    sentence=sentence,
                    sentence_start=s_start,
                    negated=ctx.negated,
                    historical=ctx.historical,
                    hypothetical=ctx.hypothetical,
                    experiencer=ctx.experiencer,
                    polarity=opinion_polarity if category == "medical_opinion" else None,
                    date=sentence_date if category in DATED_CATEGORIES else None,
                )
            )
    order = {c: i for i, c in enumerate(FLAG_CATEGORIES)}
    hits.sort(key=lambda h: (h.start, order[h.category], h.end))
    return hits
