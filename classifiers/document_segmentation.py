"""Split one file's pages into documents and type and date each one.

A C-file is one long scan of many documents. A page starts a new document when it opens like a
first page (a form title or number at the top, a VistA "LOCAL TITLE:", a letterhead, "Page 1 of N"),
when its record type changes with confidence, or when its own header date differs from the current
document's; it continues the previous one on "Page k of N" (k > 1), "(continued)", a blank page, or
no opening cue. Two notes of the same type back to back each open with their own header, so they are
two documents. Provider corrections override all of this.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from classifiers.dates import document_date
from classifiers.document_corrections import Correction, resolve_corrections
from classifiers.page_features import PageFeatures, page_features
from classifiers.record_type_model import RecordTypeModel
from classifiers.record_types import RECORD_TYPES, RuleSet, default_rules
from classifiers.service_periods import find_service_periods

# Confidence given to a type the rule pack is sure of (a form title/number at the top or bottom).
# On 20 training files, clean and noised, all 475 pages the rules were sure of were right; 0.96
# leaves room for layouts the rules have not met.
STRONG_RULE_CONFIDENCE = 0.96
# Without a model: a best rule type with some points, or nothing.
RULES_ONLY_WEAK_CONFIDENCE = 0.55
UNSURE_CONFIDENCE = 0.25
# Below this model probability a page is called "other" rather than a confident wrong type.
MIN_MODEL_PROBABILITY = 0.30
# Below this familiarity (RecordTypeModel.familiarity) a page is unlike anything in training:
# "other", low confidence. Set on development folds (training variants only): their pages, clean or
# heavily noised, sit at 0.55 and above; non-record prose sits at 0.35-0.6, and what this misses the
# model's own low probability (MIN_MODEL_PROBABILITY) catches.
MIN_FAMILIARITY = 0.45
# Between MIN_FAMILIARITY and this, a page is called "other" unless the model is fairly sure of it.
LOW_FAMILIARITY = 0.60
LOW_FAMILIARITY_MIN_PROBABILITY = 0.60
# A page without an opening cue starts a new document on a type change only when this sure. Chosen on
# the development folds (bench/eval_classify.py --dev, training variants only): 0.8 → 0.5 raised mean
# page accuracy 0.842 → 0.873 clean, 0.775 → 0.813 noised, and boundary F1 in every fold; lower
# values gained little more.
TYPE_CHANGE_PROBABILITY = 0.50


@dataclass(frozen=True)
class PagePrediction:
    """One page's record type on its own, before pages are grouped."""

    record_type: str
    confidence: float
    strong: bool
    probabilities: dict[str, float] = field(default_factory=dict)


@dataclass
class DocumentSegment:
    """A run of pages that form one document, with its type, calibrated confidence, date and title."""

    first_page: int
    last_page: int
    record_type: str
    confidence: float
    date: dt.date | None = None
    title: str | None = None
    vbms_type_id: int | None = None


def predict_pages(
    texts: Sequence[str], features: Sequence[PageFeatures], model: RecordTypeModel | None
) -> list[PagePrediction]:
    """Types each page alone: strong rules first, then the model, else "other" with low confidence."""
    probs = model.predict_proba(list(texts)) if model is not None else [{} for _ in texts]
    predictions = []
    for text, feats, p in zip(texts, features, probs, strict=True):
        strong = feats.rule_scores.strong_type()
        if strong is not None:
            predictions.append(PagePrediction(strong, max(STRONG_RULE_CONFIDENCE, p.get(strong, 0.0)), True, p))
            continue
        if model is None:
            best, points, _ = feats.rule_scores.best()
            if points >= 2:
                predictions.append(PagePrediction(best, RULES_ONLY_WEAK_CONFIDENCE, False, p))
            else:
                predictions.append(PagePrediction("other", UNSURE_CONFIDENCE, False, p))
            continue
        familiarity = model.familiarity(text)
        best = max(p, key=lambda t: (p[t], -RECORD_TYPES.index(t)))
        unfamiliar = familiarity < MIN_FAMILIARITY or (
            familiarity < LOW_FAMILIARITY and p[best] < LOW_FAMILIARITY_MIN_PROBABILITY
        )
        if unfamiliar:
            predictions.append(PagePrediction("other", min(UNSURE_CONFIDENCE, familiarity), False, p))
        elif p[best] < MIN_MODEL_PROBABILITY:
            predictions.append(PagePrediction("other", min(UNSURE_CONFIDENCE, p[best]), False, p))
        else:
            predictions.append(PagePrediction(best, p[best], False, p))
    return predictions


def _continues_form(page: PageFeatures, prediction: PagePrediction, doc_type: str) -> bool:
    """A later page of the same form: the rules type it (by its form number) as the current document's
    type, and the only "titles" at its top belong to other types - numbered items that quote another
    form's name ("76. PHYSICAL PROFILE", "REVIEW OF DD 2807-1 (REPORT OF MEDICAL HISTORY)"). A new
    document of the same form would print its own title (or a VistA header, or a letterhead)."""
    titles = page.rule_scores.top_titles
    return (prediction.strong and prediction.record_type == doc_type and bool(titles)
            and doc_type not in titles and not page.vista_note_start and not page.letterhead)


def _starts_document(
    prev: PageFeatures, page: PageFeatures, prediction: PagePrediction, doc_type: str, doc_date: dt.date | None
) -> bool:
    if page.is_blank and not prediction.strong:
        return False  # a blank page belongs with what it was scanned with
    if page.page_of is not None:
        k, n = page.page_of
        if k == 1:
            return True
        if prev.page_of is not None and prev.page_of == (k - 1, n):
            return False
        return prediction.strong and prediction.record_type != doc_type and bool(page.rule_scores.top_titles)
    if prev.page_of is not None and prev.page_of[0] == prev.page_of[1] and not page.continued_marker:
        return True  # the previous page was "Page N of N"
    if page.continued_marker:
        return False
    if prediction.record_type != doc_type and (prediction.strong or prediction.confidence >= TYPE_CHANGE_PROBABILITY):
        return True
    if page.opens_document and not _continues_form(page, prediction, doc_type):
        return True
    return page.header_date is not None and doc_date is not None and page.header_date != doc_date


# How much a page's vote counts in its document's type: the first page names the document.
FIRST_PAGE_WEIGHT = 2.0
STRONG_PAGE_WEIGHT = 2.0


def _document_type(
    predictions: Sequence[PagePrediction], features: Sequence[PageFeatures]
) -> tuple[str, float]:
    """The document's type from its pages' votes: each page votes its probabilities (a page typed by
    a strong rule votes for that type), the first page and rule-typed pages count double."""
    content = [(i, p) for i, (p, f) in enumerate(zip(predictions, features, strict=True)) if not f.is_blank]
    content = content or list(enumerate(predictions))
    totals: dict[str, float] = {}
    weight_sum = 0.0
    for position, p in content:
        weight = (FIRST_PAGE_WEIGHT if position == content[0][0] else 1.0) * (STRONG_PAGE_WEIGHT if p.strong else 1.0)
        # An unsure page votes its probabilities, not for "other".
        votes = {p.record_type: p.confidence} if p.strong or not p.probabilities else p.probabilities
        for record_type, prob in votes.items():
            totals[record_type] = totals.get(record_type, 0.0) + weight * prob
        weight_sum += weight
    best = max(totals, key=lambda t: (totals[t], -RECORD_TYPES.index(t)))
    # Confidence: the winning type's weighted mean probability over the pages.
    confidence = totals[best] / weight_sum if weight_sum else 0.0
    first = content[0][1]
    opens_unknown = first.record_type == "other" and not first.strong and first.confidence <= UNSURE_CONFIDENCE
    if opens_unknown and confidence < 0.5:  # the document opens with a page unlike anything known
        return "other", min(UNSURE_CONFIDENCE, confidence)
    if best == "other" or confidence < MIN_MODEL_PROBABILITY:
        unsure = min((p.confidence for _, p in content if p.record_type == "other"), default=confidence)
        return "other", min(UNSURE_CONFIDENCE, unsure) if not any(p.strong for _, p in content) else confidence
    return best, confidence


def _document_date(first_page: str, whole: str, record_type: str) -> dt.date | None:
    """A DD 214 is dated by its separation date (block 12b, whatever the layout); others by
    dates.document_date on the first page, else anywhere in the document."""
    if record_type == "service_personnel":
        ends = [p.end for p in find_service_periods(whole) if p.end is not None]
        if ends:
            return max(ends)
    return document_date(first_page, record_type) or document_date(whole, record_type)


def segment_and_classify(
    pages: list[tuple[int, str]],
    corrections: Sequence[Correction] = (),
    model: RecordTypeModel | None = None,
    rules: RuleSet | None = None,
) -> list[DocumentSegment]:
    """Documents of one file, covering every page exactly once, in page order.

    pages: (1-based page number, page text), in order. corrections: provider corrections, oldest first;
    they win over rules and model. model: None types by the rule pack alone.
    """
    if not pages:
        return []
    rules = rules or (model.rules if model is not None else default_rules())
    numbers = [n for n, _ in pages]
    texts = [t or "" for _, t in pages]
    features = [page_features(n, t, rules) for n, t in pages]
    predictions = predict_pages(texts, features, model)
    overrides = resolve_corrections(corrections)

    groups: list[list[int]] = []
    doc_type = ""
    doc_date: dt.date | None = None
    for i, number in enumerate(numbers):
        if i == 0 or number in overrides.forced_starts:
            start = True
        elif number in overrides.forced_continuations:
            start = False
        else:
            start = _starts_document(features[i - 1], features[i], predictions[i], doc_type, doc_date)
        if start:
            groups.append([i])
            doc_type = predictions[i].record_type
            doc_date = features[i].header_date
        else:
            groups[-1].append(i)
            if doc_date is None:
                doc_date = features[i].header_date
            if features[groups[-1][0]].is_blank and not features[i].is_blank:
                doc_type = predictions[i].record_type

    segments = []
    for group in groups:
        first, last = numbers[group[0]], numbers[group[-1]]
        record_type, confidence = _document_type([predictions[i] for i in group], [features[i] for i in group])
        if first in overrides.types_by_start:
            record_type, confidence = overrides.types_by_start[first], 1.0
        first_text = next((texts[i] for i in group if not features[i].is_blank), texts[group[0]])
        date = _document_date(first_text, "\n".join(texts[i] for i in group), record_type)
        title = next((features[i].title for i in group if not features[i].is_blank), None)
        segments.append(
            DocumentSegment(
                first_page=first,
                last_page=last,
                record_type=record_type,
                confidence=round(min(max(confidence, 0.0), 1.0), 4),
                date=date,
                title=title,
                vbms_type_id=rules.vbms_type_id(record_type),
            )
        )
    return segments
