"""The bundled sample claim, as the physician reads it: every document's pages, type, date (value,
precision, where it was found) and title right, and a chronology of encounters in date order, the
in-service ones marked by the DD 214's service periods."""

from __future__ import annotations

import datetime as dt

import pytest

from classifiers.document_segmentation import DocumentSegment, segment_and_classify
from classifiers.in_service import decide_in_service
from classifiers.record_type_model import RecordTypeModel
from classifiers.service_periods import find_service_periods
from samples.claim_content import DOCUMENTS
from samples.pdf_writer import plain_text

# (first page, last page, title, where the date was read): the claim file's truth gives the rest.
EXPECTED = [
    (1, 1, "VA Form 21-526EZ, Application for Disability Compensation", "signature line, p. 1"),
    (2, 2, "DD Form 214, Certificate of Release or Discharge from Active Duty", "separation date, p. 2"),
    (3, 3, "SF 600, Chronological Record of Medical Care — BN Aid Station, 2-504 PIR, Fort Bragg NC",
     "entry line, p. 3"),
    (4, 4, "DA Form 2173, Statement of Medical Examination and Duty Status", "exam date, p. 4"),
    (5, 5, "SF 600, Chronological Record of Medical Care — Troop Medical Clinic 3, Fort Bragg NC", "entry line, p. 5"),
    (6, 6, "SF 600, Chronological Record of Medical Care — Troop Medical Clinic 3, Fort Bragg NC", "entry line, p. 6"),
    (7, 8, "DD Form 2808, Report of Medical Examination", "exam date, p. 7"),
    (9, 11, "VA primary care note - new patient — Dayton VAMC", "DATE OF NOTE, p. 9"),
    (12, 12, "VA physical therapy consult — Dayton VAMC", "DATE OF NOTE, p. 12"),
    (13, 13, "Chiropractic progress note — Miami Valley Chiropractic & Spine", "visit date, p. 13"),
    (14, 14, "MRI, lumbar spine — Dayton VA Medical Center", "exam date, p. 14"),
    (15, 18, "C&P exam, back (thoracolumbar spine) DBQ — Dayton VAMC", "exam date, p. 15"),
    (19, 20, "Rating decision — Cleveland Regional Office", "letter date, p. 19"),
    (21, 21, "VA Form 21-4138, Statement in Support of Claim", "signature line, p. 21"),
    (22, 22, "VA Form 21-10210, Lay/Witness Statement — Rafael A. Quintero", "signature line, p. 22"),
    (23, 25, "Independent medical opinion — Ellen R. Castellanos, MD", "letter date, p. 23"),
]


@pytest.fixture(scope="module")
def pages() -> list[tuple[int, str]]:
    texts = [plain_text(t) for d in DOCUMENTS for t in d.pages]
    return list(enumerate(texts, start=1))


@pytest.fixture(scope="module")
def segments(pages: list[tuple[int, str]], model: RecordTypeModel) -> list[DocumentSegment]:
    return segment_and_classify(pages, model=model)


def test_every_document_has_its_pages_type_date_and_title(segments: list[DocumentSegment]) -> None:
    assert len(segments) == len(DOCUMENTS) == len(EXPECTED)
    for seg, doc, (first, last, title, source) in zip(segments, DOCUMENTS, EXPECTED, strict=True):
        assert (seg.first_page, seg.last_page) == (first, last), doc.title
        assert seg.record_type == doc.record_type, doc.title
        assert seg.partial_date is not None and seg.partial_date.isoformat() == doc.date, doc.title
        assert seg.date_precision == "day" and seg.date == dt.date.fromisoformat(doc.date)
        assert seg.date_source is not None and seg.date_source.describe() == source, doc.title
        assert seg.title == title


def test_the_chronology_of_encounters_is_in_date_order_and_marks_service(
    segments: list[DocumentSegment], pages: list[tuple[int, str]]
) -> None:
    personnel = [s for s in segments if s.record_type == "service_personnel"]
    periods = [(p.start, p.end) for s in personnel for n, text in pages if s.first_page <= n <= s.last_page
               for p in find_service_periods(text)]
    assert periods == [(dt.date(1991, 6, 11), dt.date(2011, 8, 31))]
    chronology = sorted(
        ((e.date, seg.record_type, e) for seg in segments for e in seg.encounters if e.date is not None),
        key=lambda row: row[0],
    )
    assert len(chronology) == sum(len(s.encounters) for s in segments) == 17
    dates = [d for d, _, _ in chronology]
    assert dates == sorted(dates)
    # The follow-up sheet holds two entries: the sick-call follow-up and the PT consult received next day.
    follow_up = next(s for s in segments if s.first_page == 6)
    assert [(str(e.date), e.kind) for e in follow_up.encounters] == [
        ("2009-03-28", "sick-call follow-up"), ("2009-03-29", "PT visit")]
    assert follow_up.encounters[0].end == follow_up.encounters[1].start
    in_service = {
        str(d): decide_in_service(record_type, d.earliest, periods) for d, record_type, _ in chronology
    }
    assert in_service["2008-04-22"] is True and in_service["2009-03-29"] is True
    assert in_service["2019-10-08"] is False and in_service["2025-03-03"] is False
