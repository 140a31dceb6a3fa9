"""Split one file's pages into documents; type, date and title each one; find its encounters.

A C-file is one long scan of many documents. start_reason() decides, page by page, in order of
strength: explicit numbering ("Page 1 of N" starts, "Page k of N" continues), a fax cover sheet (a
document of its own, and so is what it transmits), "(continued)", a codesheet filed with its rating
decision, a running title of an open letter or Board decision, text that opens mid-sentence, a Board
decision not yet signed (only a letterhead, a note header, a salutation or a form ends it), an opening
cue (a form or record title on a title-shaped line, a VistA note header, a letterhead, a salutation near
the top), numbering without a total ("- 3 -", "Page 3"), a form of another type, one fax transmission,
a signature block followed by a new header, text running on from the previous page, an open letter or
decision (a salutation or a Board decision still waiting for its signature), a new record date at the
top, a new header with a type change, a running header, and a confident change of type. Provider
corrections override all of this.

Each document is then typed by its pages' votes (classifiers/record_type_model.py and the rule pack),
dated by role (classifiers/document_dates.py: the date it is OF, at the text's precision, with where it
was read), titled (classifiers/document_titles.py) and split into encounters (classifiers/encounters.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from classifiers.dates import PartialDate
from classifiers.document_corrections import Correction, resolve_corrections
from classifiers.document_dates import DocumentDate, document_date_of
from classifiers.document_titles import document_title
from classifiers.encounters import Encounter, find_encounters
from classifiers.fax import same_transmission
from classifiers.page_features import PageFeatures, page_features
from classifiers.record_type_model import RecordTypeModel
from classifiers.record_types import RECORD_TYPES, FoldedText, RuleSet, default_rules

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
# Between MIN_FAMILIARITY and this, a page is called "other" unless the model gives its best type a
# majority. Real Tesseract output of a record brings its familiarity down to this band (0.5-0.6) with
# the model still right: 0.60 -> 0.50 on the development folds (--dev --dev-ocr-pages 80) found two
# more OCR'd documents with their boundaries (page accuracy 0.823 -> 0.835, boundary F1 0.962 -> 0.972
# in one fold's real OCR, 0.970 -> 0.985 on its new layouts), every other figure unchanged.
LOW_FAMILIARITY = 0.60
LOW_FAMILIARITY_MIN_PROBABILITY = 0.50
# A page typed "other" only for being unfamiliar abstains from its document's type vote (_document_type).
UNREADABLE_PAGES_ABSTAIN = True
# A page without an opening cue starts a new document on a type change only when this sure. Chosen on
# the development folds (bench/eval_classify.py --dev, training variants only): 0.8 → 0.5 raised mean
# page accuracy 0.842 → 0.873 clean, 0.775 → 0.813 noised, and boundary F1 in every fold; lower
# values gained little more.
TYPE_CHANGE_PROBABILITY = 0.50
# A page that opens like a first page (a title line, a "Date:" or "RE:" field) starts a new document on a
# type change this sure. Chosen on the development folds (--dev, training variants only).
NEW_HEADER_TYPE_PROBABILITY = 0.40
# A page holding this many section headings of a decision (FINDINGS OF FACT, ORDER...) opens one that
# runs until its signature, as does a page of a decision type.
DECISION_SECTIONS_TO_OPEN = 2
DECISION_TYPES = frozenset({"board_decision"})
# Inside a decision not yet signed, a page the model still reads as the decision this surely stays in it,
# whatever its sub-headings name ("The Veteran's Statements", "Medical Opinion Evidence"): on training
# layouts such pages keep 0.2-0.35 for the decision, a new document after it well under 0.1.
STILL_DECISION_PROBABILITY = 0.15


@dataclass(frozen=True)
class PagePrediction:
    """One page's record type on its own, before pages are grouped."""

    record_type: str
    confidence: float
    strong: bool
    probabilities: dict[str, float] = field(default_factory=dict)
    # Typed "other" only because the page is unlike anything in training (OCR garbled it, or it is no record).
    unfamiliar: bool = False


@dataclass
class DocumentSegment:
    """A run of pages that form one document: its type and calibrated confidence, the date it is of,
    a readable title, and its encounters (dated entries).

    date: the earliest day the document's date can mean (for sorting and SQL date columns); with
    date_precision ("day", "month", "year") it is the PartialDate in partial_date. date_source: where
    the date was read (page, line, role). encounters: in document order; one for a single-visit document."""

    first_page: int
    last_page: int
    record_type: str
    confidence: float
    date: dt.date | None = None
    title: str | None = None
    vbms_type_id: int | None = None
    date_precision: str | None = None
    date_source: DocumentDate | None = None
    encounters: list[Encounter] = field(default_factory=list)

    @property
    def partial_date(self) -> PartialDate | None:
        """The document's date at the precision the text gives."""
        return self.date_source.value if self.date_source else None


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
            predictions.append(PagePrediction("other", min(UNSURE_CONFIDENCE, familiarity), False, p, True))
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


@dataclass
class _OpenDocument:
    """What segmentation remembers of the document being built: its type and date, whether it is a
    letter or decision still waiting for its signature, and the fax transmission it came in."""

    record_type: str = ""
    date: PartialDate | None = None
    letter_open: bool = False
    decision_open: bool = False
    closed: bool = False
    fax_key: str | None = None
    cover_sheet: bool = False
    dates: set[PartialDate] = field(default_factory=set)
    decision_dates: set[PartialDate] = field(default_factory=set)

    def add(self, page: PageFeatures, prediction: PagePrediction, first: bool) -> None:
        if first:
            self.record_type = prediction.record_type
            self.date = page.header_value
            self.letter_open = self.decision_open = self.closed = False
            self.fax_key = page.fax_key
            self.cover_sheet = page.fax_cover
            self.dates = set()
            self.decision_dates = set()
        elif self.date is None:
            self.date = page.header_value
        self.dates |= page.dates
        for value in (page.decision_value, page.header_value):
            if value is not None and value.precision == "day":
                self.decision_dates.add(value)
        if page.salutation:
            self.letter_open = True
            self.closed = False
        # A letter written to the Board ("Dear Veterans Law Judge:") opens no decision.
        if not page.salutation and (page.decision_sections >= DECISION_SECTIONS_TO_OPEN or (
            prediction.record_type in DECISION_TYPES and (prediction.strong or page.decision_sections)
        )):
            self.decision_open = True
            self.closed = False
        if page.closing:
            self.letter_open = self.decision_open = False
            self.closed = True


def _numbered_next(prev: PageFeatures, page: PageFeatures) -> bool:
    """A page number without a total that follows the previous page's, or a 2 after an unnumbered page."""
    if page.page_number is None or page.page_number < 2:
        return False
    if page.page_number_explicit:
        return True  # "Page 3": not a first page
    if prev.page_of is not None:
        return page.page_number == prev.page_of[0] + 1
    if prev.page_number is not None:
        return page.page_number == prev.page_number + 1
    return page.page_number == 2


def _transmission_ended(prev: PageFeatures) -> bool:
    """The previous page was the last of its fax transmission ("P.5/5")."""
    return bool(prev.fax_counter and prev.fax_counter[1] and prev.fax_counter[0] >= prev.fax_counter[1])


def _same_fax(prev: PageFeatures, page: PageFeatures, doc_fax_key: str | None = None) -> bool:
    """The next page of one fax transmission: the same banner, and its counter one on (when printed).
    OCR may garble one page's banner: a counter one on from the previous page's ("P.2/3" then "P.3/3"),
    or the same banner as the document's first page, with a counter past 1, still tie the page."""
    if (prev.fax_counter and page.fax_counter and prev.fax_counter[1] >= 2
            and page.fax_counter == (prev.fax_counter[0] + 1, prev.fax_counter[1])):
        return True
    if prev.fax_key is None and doc_fax_key and same_transmission(page.fax_key, doc_fax_key):
        return not (page.fax_counter and page.fax_counter[0] <= 1)
    if not same_transmission(page.fax_key, prev.fax_key):
        return False
    if page.fax_counter and prev.fax_counter and page.fax_key == prev.fax_key:
        return page.fax_counter[0] == prev.fax_counter[0] + 1
    return True


# A page that opens inside an entry begun on the page before: with the entry's signature ("/s/ J. KIM,
# PA-C") or one of its SOAP fields ("S:", "O:", "CC:", "Plan:"), in a treatment record, under no title.
_INSIDE_ENTRY = re.compile(
    r"^\W{0,2}(?:/E?S/|[SOAP]\s?:|CC\s?:|HPI\s?:|EXAM\s?:|DX\s?:|PLAN\s?:|ASSESSMENT\s?:|OBJECTIVE\s?:|SUBJECTIVE\s?:)"
)
ENTRY_RUN_TYPES = frozenset({"service_treatment", "va_treatment", "private_treatment"})


def _opens_inside_entry(page: PageFeatures, doc_type: str) -> bool:
    return (doc_type in ENTRY_RUN_TYPES and bool(_INSIDE_ENTRY.match(page.first_line)) and not page.title_lines
            and not (page.letterhead or page.vista_note_start or page.fax_cover))


# A line that repeats one of the previous page's last lines this closely (0-100) is a running footer.
RUNNING_LINE_SIMILARITY = 80.0


def _repeats(line: str, lines: Sequence[str]) -> bool:
    """The line repeats one of lines (a running footer or header), allowing for OCR damage."""
    return bool(line) and any(line == other or fuzz.ratio(line, other) >= RUNNING_LINE_SIMILARITY for other in lines)


def _repeats_title(page: PageFeatures, doc_type: str) -> bool:
    """The only titles at the top of the page are the current document's own, and nothing else says a
    new document starts there (no letterhead, no VistA note header, no "Page 1 of N")."""
    titles = set(page.rule_scores.top_titles)
    return (bool(titles) and titles <= {doc_type} and not page.letterhead and not page.vista_note_start
            and not page.fax_cover)


def _leaves_open_decision(page: PageFeatures, prediction: PagePrediction, doc_type: str) -> bool:
    """Inside a Board decision not yet signed, only what a new document prints at its top ends it: a
    letterhead, a VistA note header, a fax cover sheet, a salutation, or a form, title or first-page header
    of another type on a page the model no longer reads as the decision. A sub-heading ("The Veteran's Statements",
    "Medical Opinion Evidence") over pages that weigh opinions and statements is the decision's own."""
    if page.letterhead or page.vista_note_start or page.fax_cover or page.letter_opening:
        return True
    if prediction.record_type == doc_type or prediction.probabilities.get(doc_type, 0.0) >= STILL_DECISION_PROBABILITY:
        return False
    return (prediction.strong or prediction.record_type in page.rule_scores.top_titles
            or page.header_like and prediction.confidence >= TYPE_CHANGE_PROBABILITY)


def start_reason(
    prev: PageFeatures, page: PageFeatures, prediction: PagePrediction, doc: _OpenDocument
) -> tuple[bool, str]:
    """Whether the page starts a new document, and why (the first rule that decides, in order of
    strength: explicit numbering and cover sheets, "(continued)", opening cues, numbering, a form
    number, one fax transmission, a signature then a new header, text running on, an open letter or
    decision, a new record date, a running header, a confident change of type)."""
    doc_type = doc.record_type
    if page.is_blank and (not prediction.strong or prediction.record_type == doc_type != "other"):
        return False, "blank page"  # or a form's footer alone ("SF 600") on a page of its own
    if page.fax_cover or doc.cover_sheet:
        return True, "fax cover sheet"  # a cover sheet is a document of its own, and so is what it transmits
    if page.page_of is not None:
        k, n = page.page_of
        if k == 1:
            return True, "page 1 of N"
        if prev.page_of is not None and prev.page_of == (k - 1, n):
            return False, "page k of N continues"
        new_form = prediction.strong and prediction.record_type != doc_type and bool(page.rule_scores.top_titles)
        return new_form, "page k of N, another form" if new_form else "page k of N"
    if prev.page_of is not None and prev.page_of[0] == prev.page_of[1] and not page.continued_marker:
        return True, "after page N of N"
    if page.continued_marker and not (prediction.strong and prediction.record_type != doc_type):
        return False, "continued"  # a continuation of another form does not continue this document
    if page.codesheet and doc_type == "rating_decision" and (
        page.decision_value is None or not doc.decision_dates or page.decision_value in doc.dates
    ):
        return False, "codesheet of its rating decision"  # unless the decision shows another date
    if (doc.letter_open or doc.decision_open) and _repeats_title(page, doc_type):
        return False, "running title of an open letter or decision"
    if _opens_inside_entry(page, doc_type):
        return False, "opens inside an entry"
    if page.starts_mid_sentence and not (page.letterhead or page.vista_note_start or page.fax_cover
                                         or prev.closing_at_end):
        return False, "opens mid-sentence"
    if (doc.decision_open or doc.letter_open) and not _leaves_open_decision(page, prediction, doc_type):
        return False, "inside a letter or decision not yet signed"
    # A short page's own footer standing in its top zone, the same as the previous page's: no new title.
    running_footer = page.title_in_footer and all(_repeats(line, prev.last_lines) for line in page.title_lines)
    if page.opens_document and not running_footer and not _continues_form(page, prediction, doc_type):
        return True, "opening cue"
    if _numbered_next(prev, page):
        return False, "page number continues"
    if prediction.strong and prediction.record_type != doc_type:
        return True, "form of another type"
    if _same_fax(prev, page, doc.fax_key):
        return False, "same fax transmission"
    if prev.closing_at_end and page.header_like and not _repeats(page.first_line, prev.last_lines):
        return True, "signature block, then a new header"
    changes_type = prediction.record_type != doc_type and prediction.confidence >= TYPE_CHANGE_PROBABILITY
    if prev.runs_on and not (page.header_like and changes_type):
        return False, "text runs on"
    if doc.letter_open or doc.decision_open:
        if page.header_like and changes_type:
            return True, "new header and type inside an open letter"
        return False, "open letter or decision"
    if (doc.fax_key and page.fax_key is None and not page.opens_document and not _transmission_ended(prev)
            and not changes_type):
        return False, "inside a fax transmission (banner lost)"
    if page.header_value is not None and doc.date is not None and page.header_value != doc.date:
        return True, "new record date"
    if page.header_like and prediction.record_type != doc_type and (
        prediction.record_type == "other" or prediction.confidence >= NEW_HEADER_TYPE_PROBABILITY
        or doc.date is None and page.header_value is not None
    ):
        return True, "new header and type"
    if page.first_line and page.first_line == prev.first_line:
        return False, "running header"
    if changes_type:
        return True, "type change"
    return False, "no opening cue"


def _starts_document(
    prev: PageFeatures, page: PageFeatures, prediction: PagePrediction, doc: _OpenDocument
) -> bool:
    return start_reason(prev, page, prediction, doc)[0]


# How much a page's vote counts in its document's type: the first page names the document.
FIRST_PAGE_WEIGHT = 2.0
STRONG_PAGE_WEIGHT = 2.0


def yielding_types(text: str, rules: RuleSet) -> frozenset[str]:
    """Types a whole document yields (config: yields_to): a clinic letterhead's type when the document
    holds enough of another type's words - an opinion letter whose opinion stands on its second page."""
    folded = FoldedText.of(text)
    found: set[str] = set()
    for t in rules.types:
        for other, min_hits in t.yields_to.items():
            other_rules = rules.by_type.get(other)
            if other_rules and sum(1 for cue in other_rules.body if cue.found_in(folded)) >= min_hits:
                found.add(t.record_type)
    return frozenset(found)


def _document_type(
    predictions: Sequence[PagePrediction], features: Sequence[PageFeatures], yielded: frozenset[str] = frozenset()
) -> tuple[str, float]:
    """The document's type from its pages' votes: each page votes its probabilities (a page typed by
    a strong rule votes for that type), the first page and rule-typed pages count double."""
    content = [(i, p) for i, (p, f) in enumerate(zip(predictions, features, strict=True)) if not f.is_blank]
    content = content or list(enumerate(predictions))
    # A page OCR garbled past reading (unlike anything known) says nothing of the document's type: when
    # the document has readable pages, they vote and the first of them counts as its first page.
    if UNREADABLE_PAGES_ABSTAIN:
        content = [(i, p) for i, p in content if not p.unfamiliar] or content
    totals: dict[str, float] = {}
    weight_sum = 0.0
    for position, p in content:
        # A page typed by a letterhead alone (a clinic's name) votes like any page, by the model: the
        # letter on it may be an opinion whose words stand on its later pages.
        strong = (p.strong and p.record_type not in features[position].rule_scores.letterhead_only
                  and p.record_type not in yielded)
        weight = (FIRST_PAGE_WEIGHT if position == content[0][0] else 1.0) * (STRONG_PAGE_WEIGHT if strong else 1.0)
        # An unsure page votes its probabilities, not for "other"; a letterhead page is a clinic's and
        # votes for no "other".
        votes = {p.record_type: p.confidence} if strong or not p.probabilities else p.probabilities
        if p.strong and not strong:
            votes = {t: v for t, v in votes.items() if t != "other"}
        for record_type, prob in votes.items():
            totals[record_type] = totals.get(record_type, 0.0) + weight * prob
        weight_sum += weight
    # A document that opens as a letter ("Dear Veterans Law Judge:", "To the Board:") is written to the Board,
    # not by it: a decision never opens with a salutation.
    letter = features[content[0][0]].salutation
    candidates = [t for t in totals if t not in yielded and not (letter and t in DECISION_TYPES)] or list(totals)
    best = max(candidates, key=lambda t: (totals[t], -RECORD_TYPES.index(t)))
    # Confidence: the winning type's weighted mean probability over the pages; for a letter, over the
    # types a letter can be (the votes for a decision it is not are set aside).
    if letter and any(t in DECISION_TYPES for t in totals):
        weight_sum = sum(totals[t] for t in candidates) or weight_sum
    confidence = totals[best] / weight_sum if weight_sum else 0.0
    first = content[0][1]
    opens_unknown = first.record_type == "other" and not first.strong and first.confidence <= UNSURE_CONFIDENCE
    if opens_unknown and confidence < 0.5:  # the document opens with a page unlike anything known
        return "other", min(UNSURE_CONFIDENCE, confidence)
    letterhead = features[content[0][0]].rule_scores.letterhead_only | yielded
    if best != "other" and first.strong and first.record_type in letterhead:
        return best, confidence  # on a clinic's letterhead: a clinical record, however unsure its kind
    if best == "other" or confidence < MIN_MODEL_PROBABILITY:
        unsure = min((p.confidence for _, p in content if p.record_type == "other"), default=confidence)
        return "other", min(UNSURE_CONFIDENCE, unsure) if not any(p.strong for _, p in content) else confidence
    return best, confidence


# Whose story a statement tells: a lay witness writes of the veteran ("his back", "he came home"), the
# veteran of their own body ("my back", "I injured"). Decides between the two statement types when no
# form title (21-4138, 21-10210) on the document says which it is.
STATEMENT_TYPES = ("personal_statement", "buddy_statement")
_THIRD_PERSON = re.compile(r"\b(?:he|his|him|she|her|hers)\b", re.I)
_OWN_BODY = re.compile(
    r"\bmy\s+(?:low(?:er)?\s+)?(?:back|knees?|neck|pain|injury|injuries|condition|symptoms|spine|legs?|shoulders?"
    r"|hips?|ankles?|feet|foot)\b"
    r"|\bI\s+(?:injured|hurt|fell|landed|twisted|strained|have\s+had|still\s+have|was\s+(?:injured|hurt|treated|seen))\b",
    re.I,
)
MIN_THIRD_PERSON = 2


def statement_narrator(text: str) -> str | None:
    """personal_statement when the writer tells of their own body and not of someone else's,
    buddy_statement when of someone else's (he, his, her) and never their own; None when the words are mixed."""
    third, own = len(_THIRD_PERSON.findall(text)), len(_OWN_BODY.findall(text))
    if own == 0 and third >= MIN_THIRD_PERSON:
        return "buddy_statement"
    if own >= 1 and third < own:
        return "personal_statement"
    return None


# A document the model could not place ("other") that is a first-person narrative of this many words,
# with "I" at least this often, is a statement when whose story it tells is clear (OCR hid its wording).
MIN_NARRATIVE_WORDS = 40
MIN_FIRST_PERSON = 2
_FIRST_PERSON = re.compile(r"\bI\b")


def _statement_type(record_type: str, texts: Sequence[str], features: Sequence[PageFeatures],
                    predictions: Sequence[PagePrediction]) -> str:
    """A statement's type by whose story it tells, unless a form title on its pages names the type; and an
    unplaced first-person narrative's."""
    if any(set(STATEMENT_TYPES) & f.rule_scores.zone_titled for f in features):
        return record_type
    text = "\n".join(texts)
    if record_type in STATEMENT_TYPES:
        return statement_narrator(text) or record_type
    if (record_type == "other" and not any(p.strong for p in predictions)
            and len(text.split()) >= MIN_NARRATIVE_WORDS and len(_FIRST_PERSON.findall(text)) >= MIN_FIRST_PERSON):
        return statement_narrator(text) or record_type
    return record_type


def segment_and_classify(
    pages: list[tuple[int, str]],
    corrections: Sequence[Correction] = (),
    model: RecordTypeModel | None = None,
    rules: RuleSet | None = None,
    known: Sequence[tuple[PageFeatures, PagePrediction] | None] | None = None,
) -> list[DocumentSegment]:
    """Documents of one file, covering every page exactly once, in page order, each with its type,
    date (value, precision, source), title and encounters.

    pages: (1-based page number, page text), in order. corrections: provider corrections, oldest first;
    they win over rules and model. model: None types by the rule pack alone. known: for each page, its
    features and prediction when already computed with these rules and model (page_features and
    predict_pages of that page alone give the same), or None to compute them here.
    """
    if not pages:
        return []
    rules = rules or (model.rules if model is not None else default_rules())
    numbers = [n for n, _ in pages]
    texts = [t or "" for _, t in pages]
    known = known if known is not None else [None] * len(pages)
    if len(known) != len(pages):
        raise ValueError("known features for another number of pages")
    missing = [i for i, k in enumerate(known) if k is None]
    missing_features = [page_features(*pages[i], rules) for i in missing]
    computed = dict(zip(missing, zip(missing_features, predict_pages([texts[i] for i in missing], missing_features,
                                                                     model), strict=True), strict=True))
    features = [k[0] if k is not None else computed[i][0] for i, k in enumerate(known)]
    predictions = [k[1] if k is not None else computed[i][1] for i, k in enumerate(known)]
    overrides = resolve_corrections(corrections)

    groups: list[list[int]] = []
    doc = _OpenDocument()
    for i, number in enumerate(numbers):
        if i == 0 or number in overrides.forced_starts:
            start = True
        elif number in overrides.forced_continuations:
            start = False
        else:
            start = _starts_document(features[i - 1], features[i], predictions[i], doc)
        if start:
            groups.append([i])
        else:
            groups[-1].append(i)
            if features[groups[-1][0]].is_blank and not features[i].is_blank:
                doc.record_type = predictions[i].record_type
        doc.add(features[i], predictions[i], start)

    segments = []
    for group in groups:
        first, last = numbers[group[0]], numbers[group[-1]]
        yielded = yielding_types("\n".join(texts[i] for i in group), rules) if len(group) > 1 else frozenset()
        record_type, confidence = _document_type([predictions[i] for i in group], [features[i] for i in group],
                                                 yielded)
        record_type = _statement_type(record_type, [texts[i] for i in group], [features[i] for i in group],
                                      [predictions[i] for i in group])
        if first in overrides.types_by_start:
            record_type, confidence = overrides.types_by_start[first], 1.0
        doc_pages = [(numbers[i], texts[i]) for i in group]
        dated = document_date_of(doc_pages, record_type)
        title = document_title(record_type, [t for _, t in doc_pages])
        segments.append(
            DocumentSegment(
                first_page=first,
                last_page=last,
                record_type=record_type,
                confidence=round(min(max(confidence, 0.0), 1.0), 4),
                date=dated.value.earliest if dated else None,
                title=title,
                vbms_type_id=rules.vbms_type_id(record_type),
                date_precision=dated.value.precision if dated else None,
                date_source=dated,
                encounters=find_encounters(doc_pages, record_type, dated, title),
            )
        )
    return segments
