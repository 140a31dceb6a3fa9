"""Pages into documents: multi-page documents with and without "Page N of M", back-to-back notes of
one type, unfamiliar pages, and the guarantee that every page lands in exactly one document."""

from __future__ import annotations

import datetime as dt

from classifiers.document_segmentation import (
    LOW_FAMILIARITY,
    MIN_FAMILIARITY,
    UNSURE_CONFIDENCE,
    PagePrediction,
    _document_type,
    _OpenDocument,
    _statement_type,
    predict_pages,
    segment_and_classify,
    start_reason,
    statement_narrator,
)
from classifiers.page_features import page_features
from classifiers.record_type_model import RecordTypeModel
from classifiers.record_types import default_rules


def ranges(segments) -> list[tuple[int, int, str]]:  # noqa: ANN001 - test helper
    return [(s.first_page, s.last_page, s.record_type) for s in segments]


VA_NOTE_1 = (
    "LOCAL TITLE: PRIMARY CARE NOTE\nSTANDARD TITLE: PRIMARY CARE NOTE\nDATE OF NOTE: MAR 14, 2019@10:15\n"
    "SUBJECTIVE: Veteran with chronic low back pain, worse with prolonged standing.\n"
    "OBJECTIVE: Antalgic gait. Lumbar paraspinal tenderness.\n"
)
VA_NOTE_1_PAGE_2 = (
    "RIVERA, ANA  XXX-XX-1234  Progress Notes\n"
    "ASSESSMENT: Chronic low back pain with left L5 radiculopathy.\n"
    "PLAN: MRI lumbar spine, PT referral, gabapentin.\n/es/ JOHN DOE, MD\nSigned: 03/14/2019 11:02"
)
VA_NOTE_2 = (
    "LOCAL TITLE: PACT RN TRIAGE NOTE\nSTANDARD TITLE: NURSING NOTE\nDATE OF NOTE: APR 02, 2019@08:30\n"
    "Veteran called about back spasm after yard work. Advised heat and rest.\n/es/ JANE ROE, RN"
)
DBQ_PAGES = [
    "Back (Thoracolumbar Spine) Conditions\nDisability Benefits Questionnaire\nName of patient/Veteran: Ana Rivera\n"
    "Date of examination: 05/10/2022\nSECTION I - DIAGNOSIS: lumbar DDD\nPage 1 of 3",
    "SECTION IV - RANGE OF MOTION\nForward flexion 0 to 55 degrees\nExtension 0 to 15 degrees\nPage 2 of 3",
    "SECTION XI - IVDS: no incapacitating episodes\nExaminer: Paul Smith, MD\nPage 3 of 3",
]


def test_multi_page_document_without_page_numbers(model: RecordTypeModel) -> None:
    segments = segment_and_classify([(1, VA_NOTE_1), (2, VA_NOTE_1_PAGE_2)], model=model)
    assert ranges(segments) == [(1, 2, "va_treatment")]
    assert segments[0].date == dt.date(2019, 3, 14)
    assert segments[0].title == "VA primary care note"
    assert segments[0].vbms_type_id == 58


def test_multi_page_document_with_page_n_of_m(model: RecordTypeModel) -> None:
    segments = segment_and_classify(list(enumerate(DBQ_PAGES, start=1)), model=model)
    assert ranges(segments) == [(1, 3, "cp_exam")]
    assert segments[0].date == dt.date(2022, 5, 10)


def test_page_one_of_n_restarts_even_for_the_same_form(model: RecordTypeModel) -> None:
    pages = list(enumerate(DBQ_PAGES + DBQ_PAGES, start=1))
    assert ranges(segment_and_classify(pages, model=model)) == [(1, 3, "cp_exam"), (4, 6, "cp_exam")]


def test_two_notes_of_the_same_type_back_to_back_are_two_documents(model: RecordTypeModel) -> None:
    segments = segment_and_classify([(1, VA_NOTE_1), (2, VA_NOTE_1_PAGE_2), (3, VA_NOTE_2)], model=model)
    assert ranges(segments) == [(1, 2, "va_treatment"), (3, 3, "va_treatment")]
    assert [s.date for s in segments] == [dt.date(2019, 3, 14), dt.date(2019, 4, 2)]


def test_two_sick_call_entries_on_consecutive_sf600_pages(model: RecordTypeModel) -> None:
    entry = "CHRONOLOGICAL RECORD OF MEDICAL CARE\n{d}  TMC 2  SICK CALL\nS: c/o LBP after ruck march\nA: strain"
    pages = [(1, entry.format(d="14 MAR 2009")), (2, entry.format(d="20 MAR 2009"))]
    segments = segment_and_classify(pages, model=model)
    assert ranges(segments) == [(1, 1, "service_treatment"), (2, 2, "service_treatment")]
    assert [s.date for s in segments] == [dt.date(2009, 3, 14), dt.date(2009, 3, 20)]


def test_a_page_unlike_anything_seen_is_other_with_low_confidence(model: RecordTypeModel) -> None:
    nonsense = ("Preheat the oven. Whisk flour, sugar and cocoa; fold in the walnuts and bake the brownies "
                "for thirty minutes. Quarterback sneak on fourth down, touchdown, extra point is good.")
    [segment] = segment_and_classify([(1, nonsense)], model=model)
    assert segment.record_type == "other"
    assert segment.confidence <= UNSURE_CONFIDENCE


def test_a_new_type_starts_a_new_document_and_every_page_is_covered_once(model: RecordTypeModel) -> None:
    pages = [(1, VA_NOTE_1), (2, VA_NOTE_1_PAGE_2)] + [(n + 2, t) for n, t in enumerate(DBQ_PAGES, start=1)]
    pages += [(6, "   "), (7, VA_NOTE_2)]
    segments = segment_and_classify(pages, model=model)
    assert ranges(segments) == [(1, 2, "va_treatment"), (3, 6, "cp_exam"), (7, 7, "va_treatment")]
    covered = [n for s in segments for n in range(s.first_page, s.last_page + 1)]
    assert covered == [n for n, _ in pages]
    assert all(0.0 <= s.confidence <= 1.0 for s in segments)


def test_ocr_damaged_pages_still_segment(model: RecordTypeModel) -> None:
    damaged = [
        (1, "L0CAL TlTLE: PRlMARY CARE N0TE\nSTANDARD TlTLE PRIMARY CARE NOTE\nDATE OF N0TE: MAR l4, 2019@10:15\n"
            "Veteran w1th chronic 1ow back pa in. Antalg ic gait."),
        (2, "ASSESSMENT: chron ic LBP\nPLAN: MRl lumbar spine /es/ J0HN D0E, MD"),
        (3, "L0CAL TITLE PACT RN TRlAGE NOTE\nDATE 0F NOTE: APR 02, 2019@08:30\nVeteran ca1led about back spasm."),
    ]
    segments = segment_and_classify(damaged, model=model)
    assert ranges(segments) == [(1, 2, "va_treatment"), (3, 3, "va_treatment")]
    assert segments[0].date == dt.date(2019, 3, 14)


def test_rules_alone_work_without_a_model() -> None:
    segments = segment_and_classify([(1, VA_NOTE_1), (2, VA_NOTE_1_PAGE_2), (3, VA_NOTE_2)])
    assert ranges(segments) == [(1, 2, "va_treatment"), (3, 3, "va_treatment")]


def test_no_pages_no_documents() -> None:
    assert segment_and_classify([]) == []


def test_second_page_of_a_form_quoting_another_forms_title_continues_it() -> None:
    # The sample's scanned DD 2808, two pages without page numbers: page 2 opens with item
    # "76. PHYSICAL PROFILE" (the DA 3349 title) but is the same form (DD 2808 footer, same exam date).
    first = ("REPORT OF MEDICAL EXAMINATION\n1. LAST NAME - FIRST NAME - MIDDLE NAME  WHITFIELD, MARCUS\n"
             "4. DATE OF EXAMINATION: 20110518  15. PURPOSE OF EXAMINATION: RETIREMENT\n"
             "17. Head, face, neck and scalp: NORMAL\n36. Spine, other musculoskeletal: ABNORMAL\n"
             "DD FORM 2808, OCT 2005 PREVIOUS EDITION IS OBSOLETE.")
    second = ("WHITFIELD, MARCUS DEAN XXX-XX-6183 DATE OF EXAM: 20110518\n"
              "76. PHYSICAL PROFILE: P1 U1 L2 H2 E1 S1\n74. SUMMARY OF DEFECTS AND DIAGNOSES\n"
              "A. Chronic low back pain, mechanical, since hard parachute landing 04/2008.\n"
              "77. EXAMINEE: [X] IS QUALIFIED FOR SERVICE\nDD FORM 2808, OCT 2005")
    segments = segment_and_classify([(1, first), (2, second)])
    assert [(s.first_page, s.last_page, s.record_type) for s in segments] == [(1, 2, "service_exam")]


# Whose story an untitled statement tells (written fresh, not corpus text).
AUNT_LETTER = """To the Department of Veterans Affairs,
My nephew Dario lived with me for a year after he left the Marines. Most mornings he could not
bend to tie his boots and she, his wife, drove him to the chiropractor twice a week. I watched his
back get worse each winter.
Marisol Ybarra"""
OWN_LETTER = """To whom it may concern,
Since the parachute landing at Fort Polk my lower back has never been right. I twisted it again
loading pallets and my knees give out on stairs. I still have numbness in my left foot most days.
Dario Ybarra"""


def test_an_untitled_statement_about_someone_else_is_a_lay_statement() -> None:
    assert statement_narrator(AUNT_LETTER) == "buddy_statement"


def test_an_untitled_statement_about_the_writers_own_body_is_a_personal_statement() -> None:
    assert statement_narrator(OWN_LETTER) == "personal_statement"


def test_mixed_or_empty_narration_leaves_the_type_to_the_model() -> None:
    assert statement_narrator("My back hurts and he says his back hurts too, so does her back.") is None
    assert statement_narrator("Nothing about anyone here.") is None


def test_a_lay_letter_is_typed_a_buddy_statement_end_to_end(model: RecordTypeModel) -> None:
    [segment] = segment_and_classify([(1, AUNT_LETTER)], model=model)
    assert segment.record_type == "buddy_statement"


# Continuations OCR makes hard to see (written fresh, not corpus text).
SICK_CALL_1 = (
    "CHRONOLOGICAL RECORD OF MEDICAL CARE\nVOSS, ELLEN  SPC  HHC 2-7 IN\n"
    "03 FEB 2004  BAS 2-7 IN  0830 HRS  SICK CALL\nS: right heel pain on morning runs for two weeks.\n"
    "O: tender plantar fascia insertion, gait normal.\nA: plantar fasciitis, right.\n"
    "P: stretching, Motrin 800 mg TID.\n"
    "11 FEB 2004  BAS 2-7 IN  0915 HRS  SICK CALL\nS: heel pain improved, now left knee aches after ruck march."
)
SICK_CALL_2_SIGNATURE_FIRST = (
    "   /s/ R. OKOYE, PA-C\n19 FEB 2004  BAS 2-7 IN  1000 HRS  F/U\nS: knee better, heel pain resolved.\n"
    "O: full range of motion, no effusion.\nA: patellofemoral pain, resolving.\nP: return to duty.\n"
    "   /s/ R. OKOYE, PA-C"
)
SICK_CALL_2_SOAP_FIRST = (
    "O: mild effusion right knee, McMurray negative, heel nontender.\nA: patellofemoral pain syndrome.\n"
    "P: PT referral, profile 14 days no running.\n   /s/ R. OKOYE, PA-C\nSF 600"
)


def test_a_sick_call_page_opening_with_the_last_entrys_signature_continues_the_run(model: RecordTypeModel) -> None:
    segments = segment_and_classify([(1, SICK_CALL_1), (2, SICK_CALL_2_SIGNATURE_FIRST)], model=model)
    assert [(s.first_page, s.last_page) for s in segments] == [(1, 2)]


def test_a_sick_call_page_opening_with_a_soap_field_continues_the_run(model: RecordTypeModel) -> None:
    segments = segment_and_classify([(1, SICK_CALL_1), (2, SICK_CALL_2_SOAP_FIRST)], model=model)
    assert [(s.first_page, s.last_page) for s in segments] == [(1, 2)]


FAXED_NOTE_1 = (
    "11/02/2021 14:20  FAX 5125550190  LAKESIDE PT  P.2/3\nLAKESIDE PHYSICAL THERAPY\nDAILY NOTE\n"
    "Patient: Ruth Abara   Date of Service: 10/18/2021\nS: low back pain 5/10 after lifting at work.\n"
    "O: lumbar flexion 60 degrees, SLR negative.\nA: lumbar strain, improving.\nP: therex, manual therapy.\n"
    "Dana Whitfield, PT, DPT"
)
FAXED_NOTE_2_BANNER_GARBLED = (
    "l1/O2 2O2l l4:2O  F~X 5l2 LAKESlDE  P.3/3\nLAKESIDE PHYSICAL THERAPY\nDAILY NOTE\n"
    "Patient: Ruth Abara   Date of Service: 10/25/2021\nS: pain 3/10, sitting tolerance better.\n"
    "O: lumbar flexion 75 degrees.\nA: lumbar strain, improving.\nP: progress home program.\nDana Whitfield, PT, DPT"
)


def test_faxed_visit_notes_stay_one_record_when_ocr_garbles_a_banner_but_not_its_counter(
    model: RecordTypeModel,
) -> None:
    segments = segment_and_classify([(1, FAXED_NOTE_1), (2, FAXED_NOTE_2_BANNER_GARBLED)], model=model)
    assert [(s.first_page, s.last_page) for s in segments] == [(1, 2)]
    assert [str(e.date) for e in segments[0].encounters] == ["2021-10-18", "2021-10-25"]


def _reason_after(first: str, second: str, second_typed: str, confidence: float) -> tuple[bool, str]:
    """Why the second page starts (or continues) a document, when the model types it second_typed at
    confidence (OCR damage makes continuation pages look like another type)."""
    rules = default_rules()
    prev, page = page_features(1, first, rules), page_features(2, second, rules)
    first_prediction = PagePrediction("service_treatment", 0.9, True)
    doc = _OpenDocument()
    if "FAX" in first:
        first_prediction = PagePrediction("private_treatment", 0.9, False)
    doc.add(prev, first_prediction, True)
    return start_reason(prev, page, PagePrediction(second_typed, confidence, False), doc)


def test_a_page_opening_inside_an_entry_continues_it_whatever_the_model_says() -> None:
    assert _reason_after(SICK_CALL_1, SICK_CALL_2_SIGNATURE_FIRST, "private_treatment", 0.55) == (
        False, "opens inside an entry")
    assert _reason_after(SICK_CALL_1, SICK_CALL_2_SOAP_FIRST, "private_treatment", 0.55) == (
        False, "opens inside an entry")


def test_a_fax_counter_one_on_ties_pages_whose_banners_ocr_garbled() -> None:
    # OCR ran the first page's banner into a line of the note, and misread the second's: the keys differ.
    merged = FAXED_NOTE_1.replace("11/02/2021 14:20  FAX 5125550190  LAKESIDE PT  P.2/3\n", "").replace(
        "\nDana Whitfield, PT, DPT", " Dana Whitfield, PT 11/02/2021 14:20 FAX 5125550190 LAKESIDE PT P.2/3")
    second = FAXED_NOTE_2_BANNER_GARBLED.replace("l1/O2 2O2l l4:2O  F~X 5l2 LAKESlDE  P.3/3",
                                                 "l1/O2/2021 14:2O  FAX 5l2 555 O19O  LAKESlDE PT  P.3/3")
    assert _reason_after(merged, second, "private_treatment", 0.9) == (False, "same fax transmission")


def test_a_continued_marker_in_ocr_braces_continues_the_form() -> None:
    rules = default_rules()
    assert page_features(2, "DA FORM 1307 {CONT) VOSS, ELLEN\n17 02 MAR 2004 C-130 SICILY", rules).continued_marker


def test_a_page_holding_only_its_forms_footer_continues_the_form() -> None:
    rules = default_rules()
    prev, page = page_features(1, SICK_CALL_1, rules), page_features(2, "  SF 600", rules)
    doc = _OpenDocument()
    doc.add(prev, PagePrediction("service_treatment", 0.96, True), True)
    assert start_reason(prev, page, PagePrediction("service_treatment", 0.96, True), doc) == (False, "blank page")


def test_an_unplaced_first_person_narrative_about_someone_else_is_a_lay_statement() -> None:
    # Written fresh; the model is told it could not place the page ("other", not strong).
    rules = default_rules()
    text = AUNT_LETTER.replace("I watched", "I saw how he struggled and I watched") + (
        "\nI drove him to appointments when his wife could not, and I saw him use a cane on the stairs.")
    features = [page_features(1, text, rules)]
    unsure = [PagePrediction("other", 0.2, False)]
    assert _statement_type("other", [text], features, unsure) == "buddy_statement"
    # A short form or a list stays "other".
    assert _statement_type("other", ["He and I. Amount due $20. I paid."], features, unsure) == "other"


def test_a_first_page_ocr_garbled_past_reading_does_not_make_a_readable_document_other() -> None:
    # Written fresh: Tesseract made noise of a handwritten letter's first page; its second page reads as a
    # lay statement. The garbled page was typed "other" only for being unlike anything known: it abstains.
    rules = default_rules()
    garbled = "Wrnta hif ocbe Tlnsy qe vaerl\nGurdoc nb eilmtr , Hwoa urt cnda mbtiz oerl\nPsaq lrnkw jfod ueq vmbi"
    readable = ("He came home from Fort Hood in 2003 and could not sit through a movie. He lay on the floor\n"
                "every night with a heating pad on his back and he quit the church softball team that summer.")
    features = [page_features(1, garbled, rules), page_features(2, readable, rules)]
    spread = {"private_treatment": 0.17, "service_treatment": 0.15, "buddy_statement": 0.12, "other": 0.1}
    predictions = [PagePrediction("other", 0.2, False, spread, unfamiliar=True),
                   PagePrediction("buddy_statement", 0.62, False, {"buddy_statement": 0.62, "other": 0.05})]
    assert _document_type(predictions, features)[0] == "buddy_statement"
    # A page the model read and called "other" still votes as the document's first page.
    known_other = [PagePrediction("other", 0.2, False, spread), predictions[1]]
    assert _document_type(known_other, features)[0] == "other"


class _FixedModel:
    """A stand-in for RecordTypeModel: fixed probabilities and familiarity."""

    def __init__(self, probabilities: dict[str, float], familiarity: float) -> None:
        self.probabilities, self._familiarity = probabilities, familiarity

    def predict_proba(self, texts: list[str]) -> list[dict[str, float]]:
        return [dict(self.probabilities) for _ in texts]

    def familiarity(self, text: str) -> float:
        return self._familiarity


def test_a_half_familiar_ocr_page_keeps_the_type_the_model_gives_a_majority() -> None:
    # Written fresh: Tesseract's reading of an investigating officer's memo, familiar enough to read but
    # less than a clean page; the model gives line of duty a majority.
    text = ("DEPARTMENT OF THE ARMY\nHEADQUARTERS, 2d Bn 9th lnf\nMEMORANDUM FOR Appointlng Authorlty\n"
            "SUBJECT: lnvestigation of lnjury, SGT Ulla Brandvold\n1. The soldier fell from a tower on 3 May.")
    features = [page_features(1, text, default_rules())]
    familiarity = (MIN_FAMILIARITY + LOW_FAMILIARITY) / 2
    majority = _FixedModel({"line_of_duty": 0.53, "service_personnel": 0.27, "other": 0.2}, familiarity)
    [page] = predict_pages([text], features, majority)  # type: ignore[arg-type]
    assert (page.record_type, page.unfamiliar) == ("line_of_duty", False)
    # Without a majority, a half-familiar page is still "other", and says so.
    split = _FixedModel({"line_of_duty": 0.4, "service_personnel": 0.35, "other": 0.25}, familiarity)
    [page] = predict_pages([text], features, split)  # type: ignore[arg-type]
    assert (page.record_type, page.unfamiliar) == ("other", True)
