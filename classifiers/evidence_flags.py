"""Evidence flags: the sentences a physician must weigh for a nexus letter, with clinical context.

One flag per (sentence, category) of DESIGN.md §5 / `LABELS.md` (back_complaint, injury, gait,
aging_attribution, diagnosis, imaging_finding, service_strain, medical_opinion, alternative_cause,
continuity, secondary_link), carrying every span that made it. Three readers decide together:

1. rules, as data (`config/rules/flags/<category>.yaml`): terms, patterns and compositions of the concept
   lexicon (`classifiers.flag_lexicon`: body site x symptom, event x mechanism, modality x finding);
2. the page's layout (`classifiers.flag_sections`): sections (an imaging report's FINDINGS, FAMILY
   HISTORY, GOALS...), form items and their check-boxes, questions and opinion requests;
3. optionally a statistical sentence model (`classifiers.flag_sentence_model.FlagSentenceModel`, passed
   in by the caller, fitted elsewhere) that decides where the rules are silent.

Every flag carries its context (negated, historical, hypothetical, experiencer: `clinical_context`, with
scopes ending at clause boundaries, normal findings negated, box answers and section kinds applied), a
medical opinion's polarity, and the date of the event its sentence states (`classifiers.dates`).
Negated flags are returned, not dropped: "denies back pain" at separation is evidence a letter may have
to answer, and a normal finding ("gait non-antalgic") is evidence against.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from classifiers.clinical_context import (
    Context,
    assess_context,
    compile_phrases,
    has_cue,
    holds_cue,
    is_cue,
    ocr_tolerant_pattern,
)
from classifiers.dates import FoundDate, find_dates, nearest_date
from classifiers.flag_lexicon import Composition, composed_spans, concept_regex, concept_spans, expand
from classifiers.flag_sections import PageLayout, Section, read_layout, sentence_asks, tells_technique
from classifiers.flag_sentence_model import FlagSentenceModel, sentence_features
from classifiers.literal_prefilter import (
    Anchor,
    Requirement,
    anchor_of,
    anchor_positions,
    anchored_search,
    fold_text,
    may_match,
    requirements_of,
)
from classifiers.regex_speedup import FastRegex, fast_regex, fold_case
from classifiers.sentences import split_sentences
from config.rule_packs import parse_rule_yaml
from config.vocabulary import FLAG_CATEGORIES

FLAG_RULES_DIR = Path(__file__).resolve().parent.parent / "config" / "rules" / "flags"
POLARITIES: tuple[str, ...] = ("speculative", "negative", "positive")  # precedence on equal spans
# Categories that report an event or finding which a date in its sentence dates. The others (opinions,
# aging attributions, alternative causes, continuity, secondary links) speak as of their document:
# "caused by the April 2008 landing" does not make a 2025 nexus opinion an in-service record.
DATED_CATEGORIES: frozenset[str] = frozenset(
    {"back_complaint", "injury", "gait", "diagnosis", "imaging_finding", "service_strain"}
)
# Findings a normal cue negates ("gait normal", "heights maintained"); never an opinion or an attribution.
NORMAL_CATEGORIES: frozenset[str] = frozenset({"back_complaint", "gait", "imaging_finding", "diagnosis"})
# Concepts that make an imaging report's sentence abnormal; the mark of a span read as a normal study.
ABNORMAL_IMAGING_CONCEPTS: tuple[str, ...] = ("imaging_change", "dx_noun")
NORMAL_STUDY = "normal-study"
# The mark of a hit whose very wording states absence (a documented gap in continuity).
NEGATED_BY_RULE = "negated-by-rule"
# The mark of a composed finding whose parts a cue stands between ("lumbar spine was negative for disc
# herniation"): "parts:12-24,43-57"; its context is read on each part and the most qualified one holds.
PARTS_MARK = "parts:"
# Sentences of a category that make it the page's topic, so that "the pain" elsewhere on it refers to it.
TOPIC_MIN_SENTENCES = 2
# Section kinds (config/rules/flag_sections.yaml) that make every flag in them hypothetical.
HYPOTHETICAL_SECTIONS: frozenset[str] = frozenset({"goals", "instructions"})
# Record types a page the layout recognises as an imaging report is read as one under: a radiology report
# printed among private or VA treatment records, or a page not typed.
TREATMENT_RECORD_TYPES: frozenset[str] = frozenset({"other", "private_treatment", "va_treatment"})
# Categories that a general statement about a condition, naming no one, does not hold (teaching prose beside
# a case); opinions, attributions to age and alternative causes stated in general still count.
GENERIC_PROSE_CATEGORIES: tuple[str, ...] = ("back_complaint", "diagnosis", "gait", "injury")
# Section kinds where nothing is an imaging finding (an exam's reason or technique, an operation).
NOT_IMAGING_SECTIONS: frozenset[str] = frozenset({"indication", "technique", "procedure"})


@dataclass(frozen=True)
class FlagHit:
    """One flag: a sentence and a category, with every span (page offsets) that made it.

    `start`/`end`/`text` are the first span (the sentence's evidence words when the model alone
    decided); `spans` are all of them, sorted. `source` says who decided: "rule", "model" or
    "rule+model" (a rule hit the model also scored above its threshold); `score` is the model's
    calibrated probability when a model was given.
    """

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
    spans: tuple[tuple[int, int], ...] = ()
    date_precision: str | None = None  # "day", "month" or "year": `date` is the earliest day it can mean
    source: str = "rule"
    score: float | None = None


@dataclass(frozen=True)
class _Matcher:
    category: str
    polarity: str | None
    patterns: tuple[re.Pattern[str], ...]
    requires: re.Pattern[str] | None = None  # weak wordings count only in a sentence matching this
    # per pattern, the literals one of which every match contains (None: always run it)
    literals: tuple[Requirement | None, ...] = ()
    # per pattern, the same regex rewritten to run faster (classifiers.regex_speedup): the same matches
    fast: tuple[FastRegex, ...] = ()
    # per pattern, strings one of which every match contains near its start (None: search everywhere)
    anchors: tuple[Anchor | None, ...] = ()

    def __post_init__(self) -> None:
        if not self.literals:
            object.__setattr__(self, "literals", requirements_of(self.patterns))
        if not self.fast:
            object.__setattr__(self, "fast", tuple(fast_regex(rx) for rx in self.patterns))
        if not self.anchors:
            object.__setattr__(self, "anchors", tuple(anchor_of(rx) for rx in self.patterns))


@dataclass(frozen=True)
class _CategoryRules:
    category: str
    matchers: tuple[_Matcher, ...]
    exclude: re.Pattern[str] | None
    exclude_sentence: re.Pattern[str] | None = None
    compositions: tuple[Composition, ...] = ()  # pack `concepts` and `compose`
    weak_compositions: tuple[Composition, ...] = ()  # pack `weak_compose`: count only with requires_concepts
    requires_concepts: tuple[tuple[str, ...], ...] = ()  # weak hits need one concept of every group
    weak_rank: int | None = None  # rank of the weak regex matcher, whose hits need requires_concepts too
    topic_concepts: tuple[str, ...] = ()  # count where another sentence of the page has this category
    topic_vetoes: tuple[str, ...] = ()  # ... unless the sentence names one of these (another body part)
    site_vetoes: tuple[str, ...] = ()  # ... or its section's heading or the sentence before names one of these
    section_site: str | None = None  # a concept a section's heading lends to its sentences ("LUMBAR SPINE:")
    section_concepts: tuple[str, ...] = ()  # ... the sentence concepts that then make a hit
    out_of_scope: tuple[str, ...] = ()  # a sentence naming one of these concepts and none of in_scope: no hit
    in_scope: tuple[str, ...] = ()
    # a sentence matching this makes the category's flag hypothetical ("to include as secondary to": a
    # theory before the Board, not a finding)
    hypothetical_when: re.Pattern[str] | None = None
    # a sentence naming none of these concepts has no hit of the category (an opinion on anemia's cause)
    needs_concepts: tuple[str, ...] = ()
    # record types in which weak hits need no required concept ("heavy lifting" in a service treatment record
    # is duty; in a civilian note it is no service strain unless its sentence names service)
    weak_record_types: frozenset[str] = frozenset()


def _compile_list(terms: list[str] | None, patterns: list[str] | None) -> list[re.Pattern[str]]:
    """The terms as one trie regex plus one regex per pattern: kept apart so that, at one start, the
    longest of all candidates wins rather than the first alternative of a combined regex."""
    compiled: list[re.Pattern[str]] = []
    term_rx = compile_phrases(terms)
    if term_rx is not None:
        compiled.append(term_rx)
    compiled.extend(re.compile(expand(p, transform=ocr_tolerant_pattern), re.IGNORECASE) for p in patterns or [])
    return compiled


@lru_cache(maxsize=4)
def load_flag_rules(rules_dir: Path = FLAG_RULES_DIR) -> tuple[_CategoryRules, ...]:
    """Read every category's YAML rule pack once per process; a missing category is an error."""
    packs: list[_CategoryRules] = []
    for category in FLAG_CATEGORIES:
        raw: dict[str, Any] = parse_rule_yaml((rules_dir / f"{category}.yaml").read_text(encoding="utf-8"))
        matchers: list[_Matcher] = []
        if "polarity" in raw:
            for polarity in POLARITIES:
                section = raw["polarity"].get(polarity) or {}
                rxs = _compile_list(section.get("terms"), section.get("patterns"))
                if rxs:
                    matchers.append(_Matcher(category, polarity, tuple(rxs)))
        rxs = _compile_list(raw.get("terms"), raw.get("patterns"))
        rxs.extend(re.compile(expand(p), re.IGNORECASE) for p in raw.get("exact_patterns") or [])
        if rxs:
            matchers.append(_Matcher(category, None, tuple(rxs)))
        gaps = _compile_list(raw.get("negated_terms"), raw.get("negated_patterns"))
        if gaps:  # wordings that state the category's absence ("first treated years after discharge")
            matchers.append(_Matcher(category, NEGATED_BY_RULE, tuple(gaps)))
        compositions = tuple(Composition.parse(c) for c in [*(raw.get("concepts") or []), *(raw.get("compose") or [])])
        weak_compositions = tuple(Composition.parse(c) for c in raw.get("weak_compose") or [])
        requires_concepts = tuple(tuple(group) for group in raw.get("weak_requires_concepts") or [])
        weak_rank: int | None = None
        weak = _compile_list(raw.get("weak_terms"), raw.get("weak_patterns"))
        if weak:
            weak_rank = len(matchers)
            requires = raw.get("weak_requires") or []
            requires_rx = (
                re.compile("|".join(f"(?:{expand(r)})" for r in requires), re.IGNORECASE) if requires else None
            )
            matchers.append(_Matcher(category, None, tuple(weak), requires_rx))
        excludes = raw.get("exclude") or []
        exclude = re.compile("|".join(f"(?:{expand(x)})" for x in excludes), re.IGNORECASE) if excludes else None
        whole = raw.get("exclude_sentence") or []
        exclude_sentence = (
            re.compile("|".join(f"(?:{expand(x)})" for x in whole), re.IGNORECASE) if whole else None
        )
        packs.append(
            _CategoryRules(
                category, tuple(matchers), exclude, exclude_sentence,
                compositions, weak_compositions, requires_concepts, weak_rank,
                tuple(raw.get("topic_concepts") or ()), tuple(raw.get("topic_vetoes") or ()),
                tuple(raw.get("site_vetoes") or ()),
                raw.get("section_site"), tuple(raw.get("section_concepts") or ()),
                tuple(raw.get("out_of_scope") or ()), tuple(raw.get("in_scope") or ()),
                re.compile(expand(raw["hypothetical_when"]), re.IGNORECASE) if raw.get("hypothetical_when") else None,
                tuple(raw.get("needs_concepts") or ()),
                frozenset(raw.get("weak_record_types") or ()),
            )
        )
    return tuple(packs)


# A regex runs only near its anchor's strings when they leave fewer starts to try than a page's characters
# over this (a try from Python costs about as much as the regex engine scanning this many characters).
ANCHORED_START_COST = 8


def _all_matches(
    rx: re.Pattern[str], text: str, pos: int, endpos: int, anchor: tuple[list[int], int] | None = None
) -> list[tuple[int, int]]:
    """Every match start, not just non-overlapping ones, so a longer match starting inside another wins.
    `anchor`: where the regex's anchor strings begin and its lead (`literal_prefilter.anchored_search`)."""
    out: list[tuple[int, int]] = []
    i = pos
    while i < endpos:
        m = rx.search(text, i, endpos) if anchor is None else anchored_search(rx, text, *anchor, i, endpos)
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
    # a finding composed across a cue yields to an overlapping finding read whole
    ordered = sorted(cands, key=lambda c: (bool(c[3] and c[3].startswith(PARTS_MARK)), -(c[1] - c[0]), c[2], c[0]))
    for s, e, _rank, pol in ordered:
        if all(e <= cs or s >= ce for cs, ce, _ in chosen):
            chosen.append((s, e, pol))
    return sorted(chosen)


def _resolve_category(
    text: str, rules: _CategoryRules, cands: list[tuple[int, int, int, str | None]], sent_start: int, sent_end: int
) -> list[tuple[int, int, str | None]]:
    """Longest non-overlapping candidates of one category in one sentence, exclusions applied."""
    if not cands:
        return []
    if rules.exclude_sentence is not None and rules.exclude_sentence.search(text, sent_start, sent_end):
        return []
    hits = _select_longest(cands)
    if rules.exclude is not None:
        excluded = [(m.start(), m.end()) for m in rules.exclude.finditer(text, sent_start, sent_end)]
        hits = [h for h in hits if not any(h[0] < xe and xs < h[1] for xs, xe in excluded)]
    return hits


def _page_candidates(
    text: str, sentences: list[tuple[int, int]], packs: tuple[_CategoryRules, ...], folded: str, case_folded: str
) -> list[list[list[tuple[int, int, int, str | None]]]]:
    """Candidates per sentence and category, each pattern run once over the page (not once per sentence:
    the per-call overhead of ~150 patterns dominated on short sentences). A match that runs across a
    sentence end is searched again inside its sentence, so results equal the per-sentence search. A
    pattern none of whose literals is in `folded` (the page through `fold_text`) is not run; a case-folded
    regex runs on `case_folded` (the page through `fold_case`)."""
    starts = [s for s, _e in sentences]
    out: list[list[list[tuple[int, int, int, str | None]]]] = [[[] for _ in packs] for _ in sentences]
    for ci, rules in enumerate(packs):
        for rank, matcher in enumerate(rules.matchers):
            for fast, literals, anchor in zip(matcher.fast, matcher.literals, matcher.anchors, strict=True):
                if not may_match(literals, folded):
                    continue  # none of the words every match needs is on the page
                rx, haystack = fast.compiled, (case_folded if fast.on_folded else text)
                near: tuple[list[int], int] | None = None
                if anchor is not None:
                    limit = len(text) // (ANCHORED_START_COST * (anchor.lead + 1))
                    positions = anchor_positions(anchor, folded, limit)
                    near = (positions, anchor.lead) if positions is not None else None
                crossed: set[int] = set()
                for s, e in _all_matches(rx, haystack, 0, len(text), near):
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
                            for s2, e2 in _all_matches(rx, haystack, s, sentences[i][1])
                        )
    return out


def _sentence_opinion_polarity(found: list[tuple[str, int, int, str | None]]) -> str | None:
    """One sentence states one opinion: "less likely than not related to military service" is negative
    even though "related to military service" alone reads positive. Speculative > negative > positive."""
    polarities = {pol for cat, _s, _e, pol in found if cat == "medical_opinion" and pol in POLARITIES}
    for polarity in POLARITIES:
        if polarity in polarities:
            return polarity
    return None


_OCR_DIGIT_AS_LETTER = str.maketrans({"1": "l", "0": "o", "5": "s", "8": "b", "|": "l"})
# a token mixing letters with digits or "|" (only those can need folding; the others are left alone)
_WORDISH_TOKEN = re.compile(r"(?<![A-Za-z0-9|])(?=[A-Za-z]*[0-9|])(?=[0-9|]*[A-Za-z])[A-Za-z0-9|]+")


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



_SPECULATIVE = re.compile(
    r"\bspeculat\w*|\b(?:cannot|can\s*not|unable\s+to)\s+(?:say|determine|state|resolve)\b"
    r"|\bpossibl[ey]\b|\bperhaps\b|\b(?:may|might|could)\s+(?:be|have)\b",  # "possibly due to": a possibility
    re.I,
)
_NEGATIVE = re.compile(r"\b(?:not|unlikely|less\s+likely|unrelated|no\s+(?:nexus|relationship|link))\b", re.I)


def guess_polarity(sentence: str) -> str:
    """An opinion's polarity when no polarity rule matched (the model found the opinion)."""
    if _SPECULATIVE.search(sentence):
        return "speculative"
    if _NEGATIVE.search(sentence):
        return "negative"
    return "positive"


def event_date(sentence: str, start: int = 0, end: int | None = None) -> FoundDate | None:
    """The date the sentence states for the event at [start, end) (sentence offsets): the nearest one,
    clause breaks counting as distance, so "fell in 2009, treated in 2012" dates the fall 2009. Kept at
    the text's precision ("in 2008" is a year)."""
    found = find_dates(sentence)
    return nearest_date(found, start, end, sentence) if found else None


_MSK_IMAGING_WORDS = re.compile(
    r"\b(?:spine|spinal|lumbar|thoracic|cervical|sacr\w*|vertebr\w*|dis[ck]s?|foram\w*|canal|facet\w*|"
    r"pedicles?|cord|thecal|nerve\s+roots?|osteophyt\w*|bones?|joints?|fractures?|menisc\w*|ligaments?|"
    r"endplates?|schmorl\w*|annul\w+|spondyl\w+|\w*listhesis|lordosis|kyphosis|scoliosis|"
    r"(?-i:[CTLS]\d))\b",
    re.IGNORECASE,
)


def _imaging_in_scope(sentence: str, concepts: dict[str, list[tuple[int, int]]]) -> bool:
    """Brain, chest, vascular and abdominal findings are out of scope: a sentence naming such an organ
    and no spine, joint or bone structure is not an imaging finding."""
    return "non_msk" not in concepts or bool(_MSK_IMAGING_WORDS.search(sentence))


def _section_of(layout: PageLayout, pos: int) -> Section | None:
    return layout.section_at(pos)


@dataclass(frozen=True)
class _SpanContext:
    start: int
    end: int
    negated: bool
    historical: bool
    hypothetical: bool
    experiencer: str

    def plainness(self) -> tuple[bool, bool, bool, bool]:
        """Sort key: a present, affirmed, own finding first (it decides the flag's context)."""
        return (self.negated, self.hypothetical, self.experiencer != "patient", self.historical)


def _span_context(
    category: str,
    folded: str,
    s_start: int,
    s_end: int,
    start: int,
    end: int,
    layout: PageLayout,
    asks: bool,
    normal_study: bool = False,
    forced_negated: bool = False,
) -> _SpanContext | None:
    """The context of one span: ConText in its sentence, then the layout (box answers, section kinds,
    questions). None when the span sits in an unchecked form option (not evidence at all).
    `normal_study`: an imaging report's sentence without abnormal words, negated by any normal or negation
    cue it holds ("The vertebral body heights and disc spaces are maintained")."""
    sentence = folded[s_start:s_end]
    ctx: Context = assess_context(sentence, start - s_start, end - s_start)
    negated = ctx.negated or (ctx.normal and category in NORMAL_CATEGORIES)
    if normal_study and not negated:
        negated = has_cue(sentence, "normal") or has_cue(sentence, "negation")
    if forced_negated:
        negated = True
    elif category == "medical_opinion":
        negated = False  # an opinion's "not related" is its polarity, not a negation of the opinion
    hypothetical = ctx.hypothetical or asks
    experiencer = ctx.experiencer
    section = _section_of(layout, start)
    if section is not None:
        if section.kind in HYPOTHETICAL_SECTIONS:
            hypothetical = True
        elif section.kind == "family":
            experiencer = "other"
    box = layout.box_at(start, end)
    if box is not None:
        if box.answer == "unchecked":
            return None
        if box.answer == "yes":
            negated, hypothetical = False, False
        elif box.answer == "no":
            negated, hypothetical = True, False
        elif box.answer == "checked":
            hypothetical = False
        elif box.answer == "blank":
            hypothetical = True
    return _SpanContext(start, end, negated, ctx.historical, hypothetical, experiencer)


def _composed_context(
    category: str,
    folded: str,
    s_start: int,
    s_end: int,
    start: int,
    end: int,
    layout: PageLayout,
    asks: bool,
    mark: str | None,
) -> _SpanContext | None:
    """A span's context; for a finding composed of parts a cue stands between, each part's context, the most
    qualified one holding for the whole ("joint space narrowing without fracture": no fracture)."""
    if mark is None or not mark.startswith(PARTS_MARK):
        return _span_context(
            category, folded, s_start, s_end, start, end, layout, asks, mark == NORMAL_STUDY, mark == NEGATED_BY_RULE
        )
    parts = [tuple(int(x) for x in p.split("-")) for p in mark[len(PARTS_MARK) :].split(",")]
    readings = [_span_context(category, folded, s_start, s_end, a, b, layout, asks) for a, b in parts]
    if any(r is None for r in readings):
        return None
    done = [r for r in readings if r is not None]
    return _SpanContext(
        start, end,
        negated=any(r.negated for r in done),
        historical=any(r.historical for r in done),
        hypothetical=any(r.hypothetical for r in done),
        experiencer="other" if any(r.experiencer != "patient" for r in done) else "patient",
    )


def _outside_heading(
    spans: list[tuple[int, int]], layout: PageLayout, s_start: int, s_end: int
) -> list[tuple[int, int]]:
    """Drop the words of a heading opening the sentence ("GAIT: normal stride") when the sentence's body
    has evidence of its own: the body says what the label is about."""
    section = layout.section_at(s_start)
    if section is None or not s_start <= section.start < s_end:
        return spans
    body = [sp for sp in spans if sp[0] >= section.body]
    return body or spans


def _member_spans(
    folded: str, concepts: dict[str, list[tuple[int, int]]], comp: Composition
) -> list[tuple[int, int, str | None]]:
    """The spans of a composition's hits: one span from its first to its last member, leaving out a member
    that is itself a context cue ("walking ... without difficulty": the finding is "walking", "without
    difficulty" its context). One span, so that the finding's context is read once for the whole of it:
    "range of motion of the lumbar spine is full and pain-free" is one normal finding, not a normal spine
    and an unqualified range of motion."""
    out: list[tuple[int, int, str | None]] = []
    if any(c in concepts for c in comp.unless):
        return out
    for members in composed_spans(folded, concepts, comp):
        kept = [m for m in members if not is_cue(folded[m[0] : m[1]])] or list(members)
        mark = None
        if any(holds_cue(folded[a[1] : b[0]]) for a, b in zip(kept, kept[1:], strict=False)):
            # a cue between the parts ("lumbar spine was negative for disc herniation", "Back: no tenderness"):
            # each part is read in its place and the finding takes the most qualified reading
            mark = PARTS_MARK + ",".join(f"{a}-{b}" for a, b in kept)
        out.append((kept[0][0], kept[-1][1], mark))
    return out


def _sentence_category_spans(
    text: str,
    folded: str,
    s_start: int,
    s_end: int,
    packs: tuple[_CategoryRules, ...],
    cands: list[list[tuple[int, int, int, str | None]]],
    record_type: str,
    layout: PageLayout,
    concepts: dict[str, list[tuple[int, int]]],
) -> dict[str, list[tuple[int, int, str | None]]]:
    """Rule spans per category in one sentence, with the layout's additions and removals."""
    found: dict[str, list[tuple[int, int, str | None]]] = {}
    for rules, cat_cands in zip(packs, cands, strict=True):
        strong = len(rules.matchers)
        cat_cands = list(cat_cands)
        for comp in rules.compositions:
            cat_cands.extend((a, b, strong, mark) for a, b, mark in _member_spans(folded, concepts, comp))
        if rules.weak_rank is not None or rules.weak_compositions:
            weak_ok = record_type in rules.weak_record_types or all(
                any(c in concepts for c in group) for group in rules.requires_concepts
            )
            if not weak_ok:
                cat_cands = [c for c in cat_cands if c[2] != rules.weak_rank]
            else:
                for comp in rules.weak_compositions:
                    cat_cands.extend(
                        (a, b, strong + 1, mark) for a, b, mark in _member_spans(folded, concepts, comp)
                    )
        hits = _resolve_category(folded, rules, cat_cands, s_start, s_end)
        if hits and not _in_scope(rules, folded, s_start, s_end):
            hits = []
        if hits and rules.needs_concepts and not any(
            concept_regex(c).search(folded, s_start, s_end) for c in rules.needs_concepts
        ):
            hits = []
        if hits and rules.category == "medical_opinion":
            # one sentence states one opinion, whose polarity is the strongest any of its wordings has
            # ("is not shown to be related to his military service" is negative, though a longer
            # overlapping wording reads positive): speculative > negative > positive
            # a wording starting inside an earlier one belongs to it ("than not due to" is part of "more
            # likely than not"; "related to his service" part of "is not shown to be related to")
            pols = {
                c[3] for c in cat_cands
                if c[3] in POLARITIES and not any(o[0] < c[0] < o[1] for o in cat_cands if o[3] in POLARITIES)
            }
            polarity = next((p for p in POLARITIES if p in pols), None)
            hits = [(s, e, polarity) for s, e, _p in hits]
        if hits:
            found[rules.category] = hits
    sentence = text[s_start:s_end]
    if record_type == "imaging_report" and "diagnosis" in found:
        found.setdefault("imaging_finding", []).extend(found["diagnosis"])
    section = _section_of(layout, s_start)
    kind = section.kind if section is not None else None
    imaging_section = _imaging_section(layout, section, record_type)
    named = "msk_anatomy" in concepts or "dx_strong" in concepts
    if imaging_section and named:
        # every sentence of an imaging report's findings that names a structure is a finding; its evidence is
        # its abnormal words when it has some, else its anatomy (a normal study, flagged negated by the finder)
        body = max(s_start, section.body) if section is not None and section.start >= s_start else s_start
        abnormal = [(a, b) for c in ABNORMAL_IMAGING_CONCEPTS for a, b in concepts.get(c, []) if a >= body]
        anatomy = [
            (a, b) for c in ("msk_anatomy", "dx_strong") for a, b in concepts.get(c, [])
            if a >= body and not folded.startswith(":", b)
        ]
        anatomy.sort()
        if abnormal:
            ruled = found.get("imaging_finding", [])
            found["imaging_finding"] = ruled + [(a, b, None) for a, b in sorted(set(abnormal))]
        elif anatomy and "imaging_finding" not in found and not tells_technique(sentence):
            found["imaging_finding"] = [(anatomy[0][0], anatomy[-1][1], NORMAL_STUDY)]
    if (
        section is None and not layout.imaging_page and record_type != "imaging_report"
        and any(c in found for c in GENERIC_PROSE_CATEGORIES)
        and concept_regex("generic_predicate").search(folded, s_start, s_end)
        and not concept_regex("person_reference").search(folded, s_start, s_end)
    ):
        # teaching prose beside a case ("Spondylolysis is a defect in the pars", "A herniated disc often leads
        # to pain"): a statement about a condition in general, naming no one, outside a record's sections
        for category in GENERIC_PROSE_CATEGORIES:
            found.pop(category, None)
    if "imaging_finding" in found:
        told_by_image = "imaging_modality" in concepts and "imaging_verb" in concepts
        if (kind in NOT_IMAGING_SECTIONS and record_type != "imaging_report" and not told_by_image) or (
            not _imaging_in_scope(sentence, concepts)
        ):
            del found["imaging_finding"]
    return found


def _sentence_concepts(
    page_concepts: dict[str, list[tuple[int, int]]], s_start: int, s_end: int
) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    for name, spans in page_concepts.items():
        i = bisect_left(spans, (s_start, -1))
        inside: list[tuple[int, int]] = []
        while i < len(spans) and spans[i][0] < s_end:
            if spans[i][1] <= s_end:
                inside.append(spans[i])
            i += 1
        if inside:
            out[name] = inside
    return out


# Concepts the finder reads itself (imaging sections and scope), besides those the packs name.
_FINDER_CONCEPTS: frozenset[str] = frozenset(
    {"msk_anatomy", "dx_strong", "dx_noun", "imaging_change", "imaging_modality", "imaging_verb", "non_msk",
     "radiology_only"}
)


@lru_cache(maxsize=1)
def page_concept_names() -> frozenset[str]:
    """The concepts matched over a whole page: those compositions, topics, sections and weak hits use.
    Scope concepts (out_of_scope/in_scope) are searched only in a sentence that needs them."""
    names = set(_FINDER_CONCEPTS)
    for rules in load_flag_rules():
        for comp in (*rules.compositions, *rules.weak_compositions):
            names.update(comp.members)
            names.update(comp.unless)
        names.update(c for group in rules.requires_concepts for c in group)
        names.update(rules.topic_concepts)
        names.update(rules.topic_vetoes)
        names.update(rules.site_vetoes)
        names.update(rules.section_concepts)
    return frozenset(names)


def _in_scope(rules: _CategoryRules, folded: str, s_start: int, s_end: int) -> bool:
    """False when the sentence names an out-of-scope concept (hearing loss) and no in-scope one (back)."""
    if not rules.out_of_scope:
        return True
    if not any(concept_regex(c).search(folded, s_start, s_end) for c in rules.out_of_scope):
        return True
    return any(concept_regex(c).search(folded, s_start, s_end) for c in rules.in_scope)


# Sentences an image spoken of carries its findings over to ("X-rays of the ankle were taken. No fracture.").
IMAGING_CARRY_SENTENCES = 3
_PLANNED_IMAGE = re.compile(
    r"\b(?:order(?:ed)?|obtain|schedul\w+|request\w*|recommend\w*|will\s+(?:get|have|need)|plan\w*|consider\w*"
    r"|pending|await\w*|to\s+be\s+(?:done|performed|obtained)|if|should|would\s+(?:benefit|like))\b"
    r"(?![^.;]*\b(?:show(?:s|ed)|reveal(?:s|ed)|demonstrat(?:es|ed)|confirm(?:s|ed)))",  # ordered ... that showed: done
    re.I,
)


# A sentence telling a treatment ("He underwent L5-S1 microdiscectomy") tells no image's finding: an image's
# findings carried over from an earlier sentence stop at it.
_TREATMENT = re.compile(
    r"\b(?:underw[eo]nt|undergo\w*|surgery|surgical(?:ly)?|operat(?:ed|ion|ive)|\w+ectomy|\w+otomy|\w+plasty|"
    r"injections?|injected|treated|manipulat\w+|therapy|was\s+placed|were\s+placed)\b",
    re.I,
)


def _imaging_section(layout: PageLayout, section: Section | None, record_type: str) -> bool:
    """A section whose sentences are read as an image's findings (an imaging report's FINDINGS/IMPRESSION,
    a RADIOGRAPHS: section)."""
    kind = section.kind if section is not None else None
    return (
        kind == "imaging"
        or (layout.imaging_page and kind == "findings")
        or (record_type == "imaging_report" and kind not in NOT_IMAGING_SECTIONS)
    )


def _imaging_carry_over(
    text: str,
    sentences: list[tuple[int, int]],
    layout: PageLayout,
    per_sentence: list[tuple[_Concepts, _Found]],
    record_type: str = "other",
) -> None:
    """A sentence naming an image (done, not planned) makes the next sentences of its section that name a
    structure or a diagnosis imaging findings too, until one names neither (at most a few sentences).

    An imaging finding needs an image: its sentence names one (not one planned), sits in an imaging
    section or report, is carried by such a sentence, or speaks words only images are described in
    (signal, desiccation, Modic). Elsewhere a disc herniation, an osteophyte or a bulging dura are what a
    surgeon saw or a diagnosis, not an imaging finding."""
    carry = 0
    prev_section: Section | None = None
    for (s_start, s_end), (concepts, found) in zip(sentences, per_sentence, strict=True):
        section = layout.section_at(s_start)
        sentence = text[s_start:s_end]
        if section is not prev_section or (section is not None and section.kind in NOT_IMAGING_SECTIONS):
            carry = 0
        prev_section = section
        named = [
            (a, b) for c in ("msk_anatomy", "dx_strong") for a, b in concepts.get(c, [])
        ]
        planned = bool(_PLANNED_IMAGE.search(sentence))
        licensed = (
            record_type == "imaging_report"
            or _imaging_section(layout, section, record_type)
            or ("imaging_modality" in concepts and not planned)
            or "radiology_only" in concepts
        )
        if "imaging_modality" in concepts and not planned:
            carry = IMAGING_CARRY_SENTENCES
            continue
        if "imaging_modality" in concepts:  # an image planned: its sentence states no finding, nor do the next
            carry = 0
            if not licensed:
                found.pop("imaging_finding", None)
            continue
        if carry <= 0 or not named or not _imaging_in_scope(sentence, concepts) or _TREATMENT.search(sentence):
            carry = 0
            if not licensed:
                found.pop("imaging_finding", None)
            continue
        carry -= 1
        if "imaging_finding" in found:
            continue
        abnormal = [(a, b) for c in ABNORMAL_IMAGING_CONCEPTS for a, b in concepts.get(c, [])]
        if abnormal:
            found["imaging_finding"] = [(a, b, None) for a, b in sorted(set(abnormal))]
        elif not tells_technique(sentence):
            named.sort()
            found["imaging_finding"] = [(named[0][0], named[-1][1], NORMAL_STUDY)]


def _page_additions(
    text: str,
    sentences: list[tuple[int, int]],
    packs: tuple[_CategoryRules, ...],
    layout: PageLayout,
    per_sentence: list[tuple[dict[str, list[tuple[int, int]]], dict[str, list[tuple[int, int, str | None]]]]],
    record_type: str = "other",
) -> None:
    """Hits a sentence owes to its page: a bare symptom ("the pain") on a page whose back complaint another
    sentence establishes, and symptoms in a section headed by a body site ("BACK: nontender")."""
    _imaging_carry_over(text, sentences, layout, per_sentence, record_type)
    counts: dict[str, int] = {}
    for _concepts, found in per_sentence:
        for category in found:
            counts[category] = counts.get(category, 0) + 1
    for rules in packs:
        if not rules.topic_concepts and not rules.section_site:
            continue
        site_rx = concept_regex(rules.section_site) if rules.section_site else None
        topical_page = bool(rules.topic_concepts) and counts.get(rules.category, 0) >= TOPIC_MIN_SENTENCES
        headings: dict[int, tuple[bool, bool]] = {}  # section start -> (headed by the site, by another site)
        for i, ((s_start, _s_end), (concepts, found)) in enumerate(zip(sentences, per_sentence, strict=True)):
            if rules.category in found:
                continue
            section = layout.section_at(s_start)
            if section is None:
                by_site = by_other = False
            else:
                if section.start not in headings:
                    headings[section.start] = _heading_sites(rules, section.name, site_rx)
                by_site, by_other = headings[section.start]
            topical = topical_page and any(c in concepts for c in rules.topic_concepts)
            if not (by_site or topical) or by_other or any(v in concepts for v in rules.topic_vetoes) or (
                i and _told_of_another_site(rules, per_sentence[i - 1][0])
            ):
                continue
            spans: list[tuple[int, int]] = []
            mark: str | None = None
            if by_site:
                lent = [sp for c in rules.section_concepts for sp in concepts.get(c, [])]
                # a cue word lent a site ("BACK: normal", "full") is the finding's context, not the finding:
                # with nothing else, the sentence states a normal back
                spans = [sp for sp in lent if not is_cue(text[sp[0] : sp[1]])]
                if lent and not spans:
                    spans, mark = lent, NEGATED_BY_RULE
            if not spans and topical:
                spans = [sp for c in rules.topic_concepts for sp in concepts.get(c, [])]
            if spans:
                found[rules.category] = [(a, b, mark) for a, b in sorted(set(spans))]


def _told_of_another_site(rules: _CategoryRules, previous: dict[str, list[tuple[int, int]]]) -> bool:
    """Whether the sentence before names another body part and not the pack's own site: a finding told
    without a site then continues it ("Tenderness throughout the neck. Hypertonicity was also present.")."""
    return any(v in previous for v in rules.site_vetoes) and (
        rules.section_site is None or rules.section_site not in previous
    )


def _heading_sites(rules: _CategoryRules, heading: str, site_rx: re.Pattern[str] | None) -> tuple[bool, bool]:
    """Whether a section's heading names the pack's own site ("LUMBAR SPINE:"), and whether it names another
    body part and not that site ("CERVICAL SPINE: ... Hypertonicity was also present." is the neck's)."""
    by_site = site_rx is not None and site_rx.search(heading) is not None
    return by_site, not by_site and any(concept_regex(v).search(heading) for v in rules.site_vetoes)


_Concepts = dict[str, list[tuple[int, int]]]
_Found = dict[str, list[tuple[int, int, str | None]]]


@dataclass(frozen=True)
class _PageReading:
    folded: str
    sentences: list[tuple[int, int]]
    layout: PageLayout
    per_sentence: list[tuple[_Concepts, _Found]]


def _read_page(text: str, record_type: str) -> _PageReading:
    """Sentences, layout, and per sentence its concepts and the rules' spans per category."""
    packs = load_flag_rules()
    folded = fold_ocr_digits(text)
    sentences = split_sentences(text)
    layout = read_layout(text, record_type)
    if layout.imaging_page and record_type in TREATMENT_RECORD_TYPES:
        # a radiology report printed among treatment records (or not typed) reads as the report it is
        record_type = "imaging_report"
    elif record_type == "imaging_report" and not layout.imaging_page:
        record_type = "private_treatment"  # a clinic note typed as an imaging report reads as the note it is
    prefiltered = fold_text(folded)  # once a page: which rule regexes can match it at all
    case_folded = fold_case(folded)  # once a page: the text the case-folded regexes run on
    page_concepts = concept_spans(folded, page_concept_names(), prefiltered, case_folded)
    candidates = _page_candidates(folded, sentences, packs, prefiltered, case_folded)
    # pass 1: rule spans per sentence
    per_sentence: list[tuple[_Concepts, _Found]] = []
    for (s_start, s_end), sentence_cands in zip(sentences, candidates, strict=True):
        concepts = _sentence_concepts(page_concepts, s_start, s_end)
        found = _sentence_category_spans(
            text, folded, s_start, s_end, packs, sentence_cands, record_type, layout, concepts
        )
        per_sentence.append((concepts, found))
    # pass 2: what the page as a whole lends a sentence (its topic, its section headings)
    _page_additions(text, sentences, packs, layout, per_sentence, record_type)
    return _PageReading(folded, sentences, layout, per_sentence)


@dataclass(frozen=True)
class SentenceReading:
    """What the sentence model sees of one sentence: its offsets and its feature names."""

    start: int
    end: int
    features: tuple[str, ...]


def _features(text: str, reading: _PageReading, i: int) -> list[str]:
    s_start, s_end = reading.sentences[i]
    concepts, _found = reading.per_sentence[i]
    section = _section_of(reading.layout, s_start)
    return sentence_features(text[s_start:s_end], section.kind if section else None, concepts)


def read_sentences(text: str, record_type: str = "other") -> list[SentenceReading]:
    """Every sentence of a page with the sentence model's features, as `find_flags` computes them: the
    one reading shared by fitting (claims.flag_model_training) and predicting."""
    reading = _read_page(text, record_type)
    return [
        SentenceReading(s, e, tuple(_features(text, reading, i))) for i, (s, e) in enumerate(reading.sentences)
    ]


def find_flags(text: str, record_type: str = "other", model: FlagSentenceModel | None = None) -> list[FlagHit]:
    """All evidence flags of a page's text: one per (sentence, category), ordered by offset then
    category; deterministic and pure.

    `record_type` (DESIGN.md §5): in an imaging report a spine diagnosis the report states is also an
    imaging finding, and its FINDINGS/IMPRESSION sections are read as imaging findings. `model`: a
    fitted `FlagSentenceModel`; None reads with the rules and the layout only. With a model, a category
    the rules did not find in a sentence is flagged when the model's calibrated probability reaches its
    threshold (source "model").
    """
    packs = load_flag_rules()
    reading = _read_page(text, record_type)
    folded, sentences, layout = reading.folded, reading.sentences, reading.layout
    order = {c: i for i, c in enumerate(FLAG_CATEGORIES)}
    hits: list[FlagHit] = []
    for i, ((s_start, s_end), (_concepts, found)) in enumerate(zip(sentences, reading.per_sentence, strict=True)):
        sentence = text[s_start:s_end]
        scores: dict[str, float] = {}
        model_spans: dict[str, list[tuple[int, int]]] = {}
        if model is not None:
            scores = model.scores(_features(text, reading, i))
            for category, p in scores.items():
                if category not in found and p >= model.threshold(category):
                    model_spans[category] = [
                        (s_start + a, s_start + b) for a, b in model.evidence(sentence, category)
                    ] or [(s_start, s_end)]
        if not found and not model_spans:
            continue
        asks = sentence_asks(sentence)
        theory = {
            r.category: True for r in packs
            if r.hypothetical_when is not None and r.category in found and r.hypothetical_when.search(sentence)
        }
        polarity_found = [(c, s, e, pol) for c, spans in found.items() for s, e, pol in spans]
        opinion_polarity = _sentence_opinion_polarity(polarity_found)
        for category in sorted(set(found) | set(model_spans), key=order.__getitem__):
            marks = {(s, e): mark for s, e, mark in found.get(category, [])}
            spans = _outside_heading(
                sorted(set(marks) | set(model_spans.get(category, []))), layout, s_start, s_end
            )
            contexts = [
                c for s, e in spans
                if (c := _composed_context(
                    category, folded, s_start, s_end, s, e, layout, asks or theory.get(category, False),
                    marks.get((s, e)),
                )) is not None
            ]
            if not contexts:
                continue
            best = min(contexts, key=_SpanContext.plainness)
            kept = tuple(sorted((c.start, c.end) for c in contexts))
            dated = event_date(sentence, kept[0][0] - s_start, kept[0][1] - s_start) \
                if category in DATED_CATEGORIES else None
            p = scores.get(category)
            source = "model" if category not in found else (
                "rule+model" if p is not None and p >= model.threshold(category) else "rule"  # type: ignore[union-attr]
            )
            polarity = None
            if category == "medical_opinion":
                # a question put to an examiner ("to determine whether it is related to service") has no
                # conclusion yet, so no polarity (LABELS.md: such a question is hypothetical, not an opinion)
                polarity = None if best.hypothetical else opinion_polarity or guess_polarity(sentence)
            first = kept[0]
            hits.append(
                FlagHit(
                    category=category,
                    start=first[0],
                    end=first[1],
                    text=text[first[0] : first[1]],
                    sentence=sentence,
                    sentence_start=s_start,
                    negated=best.negated,
                    historical=best.historical,
                    hypothetical=best.hypothetical,
                    experiencer=best.experiencer,
                    polarity=polarity,
                    date=dated.date if dated else None,
                    date_precision=dated.precision if dated else None,
                    spans=kept,
                    source=source,
                    score=round(float(p), 4) if p is not None else None,
                )
            )
    hits.sort(key=lambda h: (h.start, order[h.category], h.end))
    return hits
