"""Each kind of error the physician found (issue 12), as a new layout written here and never trained on:
pages, type, date (value, precision, where it was found) and title."""

from __future__ import annotations

import datetime as dt

from classifiers.dates import PartialDate, find_dates, nearest_date
from classifiers.document_segmentation import DocumentSegment, segment_and_classify
from classifiers.record_type_model import RecordTypeModel


def _segments(texts: list[str], model: RecordTypeModel) -> list[DocumentSegment]:
    return segment_and_classify(list(enumerate(texts, start=1)), model=model)


def _shape(segments: list[DocumentSegment]) -> list[tuple[int, int, str]]:
    return [(s.first_page, s.last_page, s.record_type) for s in segments]


# --- over-splitting ------------------------------------------------------------------------------

LETTER = [
    """Harbor Point Orthopedics
    Jonah M. Avery, MD - Orthopedic Spine Surgery
    2150 Seawall Blvd, Suite 8, Galveston, TX 77550   (409) 555-0163

    August 14, 2023

    Records Management Center
    PO Box 5020, St. Louis, MO 63115

    RE: Mr. Dale Petrosky, service connection of the lumbar spine

    Dear Sir or Madam:

    I have treated Mr. Petrosky since 2019 for low back pain with pain into the left leg. He asked me to
    review his service records and to give my opinion on whether his back condition began in the Navy. I
    have read his service treatment records, which describe a fall down a ladderwell aboard ship in 1996
    and two later visits for back spasm, and his separation history, on which he marked recurrent back""",
    """pain. He was a boatswain's mate and spent years handling mooring lines, chain and stores by hand.

    His MRI shows disc degeneration at L4-5 and L5-S1 with a left paracentral protrusion. In my opinion
    it is at least as likely as not that his lumbar condition is the result of the fall and the heavy
    work he did in service. Degeneration at two levels with a protrusion is not expected from age alone
    in a man who was 44 when it was first imaged, and his symptoms have been continuous since the fall,
    as his shipmates and his wife describe in their statements.""",
    """I considered his weight and his later work as a warehouse clerk. Neither explains a condition whose
    symptoms were recorded before he left the Navy.

    Sincerely,

    /s/ Jonah M. Avery, MD
    Diplomate, American Board of Orthopaedic Surgery""",
]


def test_a_letter_whose_later_pages_have_no_header_is_one_document(model: RecordTypeModel) -> None:
    [letter] = _segments(LETTER, model)
    assert (letter.first_page, letter.last_page, letter.record_type) == (1, 3, "medical_opinion")
    assert letter.partial_date == PartialDate(2023, 8, 14)
    assert letter.date_source is not None and letter.date_source.describe() == "letter date, p. 1"
    assert letter.title is not None and "Jonah M. Avery, MD" in letter.title and "opinion" in letter.title.lower()
    assert "Petrosky" not in letter.title


OPINION_TO_THE_BOARD = [
    """Lowcountry Neurosurgical Associates
    Miriam T. Okonkwo, MD, FAANS
    404 Coleman Blvd, Mount Pleasant, SC 29464   Tel (843) 555-0172

    February 2, 2024

    Board of Veterans' Appeals
    Post Office Box 27063
    Washington, DC 20038

    Re: Appellant Orlando Vance, Docket No. 22-31875

    Dear Veterans Law Judge:

    Mr. Vance asked me to answer the question in the Board's remand of last year, whether his cervical
    spine disability began with the helicopter crash landing he survived in 2004. I performed his C5-6
    fusion and have followed him since. I reviewed his service treatment records, the crash investigation,""",
    """the VA examination of 2022 with its negative opinion, and the imaging since 2009.

    The examiner wrote that no neck injury was recorded after the crash. The flight surgeon's note two days
    later records neck stiffness and a soft collar, and the notes of the next year record two more visits
    for neck pain with numbness in the right hand. Those entries are the start of the condition I treated.
    Disc herniation at C5-6 with cord contact in a man of 31 is not the ordinary course of aging.""",
    """It is my opinion, to a reasonable degree of medical certainty, that his cervical spine disability is
    at least as likely as not the result of the crash landing in service.

    Respectfully submitted,

    Miriam T. Okonkwo, MD
    Neurological Surgery""",
]


def test_an_opinion_letter_written_to_the_board_is_an_opinion_not_a_board_decision(model: RecordTypeModel) -> None:
    [letter] = _segments(OPINION_TO_THE_BOARD, model)
    assert (letter.first_page, letter.last_page, letter.record_type) == (1, 3, "medical_opinion")
    assert letter.partial_date == PartialDate(2024, 2, 2)
    assert letter.title is not None and "Okonkwo" in letter.title and "board" not in letter.title.lower()


VETERANS_LETTER = [
    """To the Department of Veterans Affairs:

    My name is Orlando Vance and I am writing about my claim for my neck. I was a crew chief in the Army
    from 1999 to 2006. In 2004 the helicopter I was in made a hard landing in the desert and I hit my
    head and neck on the frame. The flight surgeon put me in a collar for a few days and I went back to
    flying because we were short of crew chiefs.

    After that I could not turn my head to the right without pain, and my right hand would go numb when I
    worked overhead. I went back to the aid station twice but mostly I just dealt with it.""",
    """When I got out I worked as a mechanic. By 2009 the numbness was in my whole hand and I could not
    hold a wrench. The surgeon fused two bones in my neck in 2015 and it helped for a while.

    The examiner last year said nothing was written down about my neck after the crash. That is not true,
    and my wife and my old platoon sergeant have written statements about how I was after I came home.

    Please grant my claim.

    Sincerely,

    Orlando Vance
    June 30, 2023""",
]


def test_a_veterans_long_letter_keeps_its_type_and_is_dated_by_its_signature(model: RecordTypeModel) -> None:
    [letter] = _segments(VETERANS_LETTER, model)
    assert (letter.first_page, letter.last_page, letter.record_type) == (1, 2, "personal_statement")
    assert letter.partial_date == PartialDate(2023, 6, 30)  # never a year of the story ("from 1999 to 2006")
    assert letter.date_source is not None and letter.date_source.describe() == "signature line, p. 2"


BOARD = [
    """Citation Nr: 24061187
    Decision Date: 03/19/2024      Archive Date: 03/26/2024

    DOCKET NO. 21-44310

    On appeal from the Department of Veterans Affairs Regional Office in Houston, Texas

    THE ISSUE

    Entitlement to service connection for a lumbar spine disability.

    FINDING OF FACT

    The lumbar spine disability is at least as likely as not related to the Veteran's fall aboard ship.

    CONCLUSION OF LAW

    The criteria for service connection for a lumbar spine disability are met.

    REASONS AND BASES FOR FINDING AND CONCLUSION

    The Veteran served on active duty in the Navy from 1994 to 1998. He contends that his back""",
    """condition began with a fall down a ladderwell and has continued ever since.

    Dr. Avery, the Veteran's orthopedic surgeon, reviewed the service treatment records and examined the
    Veteran. He opined that it is at least as likely as not that the lumbar degenerative disc disease is
    the result of the fall and of years of heavy lifting aboard ship, explaining that two-level
    degeneration with a protrusion is not expected from age alone at 44, and that the medical literature
    describes early disc degeneration after such trauma. He considered and rejected weight and later
    work as explanations because the symptoms were documented before separation.""",
    """The VA examiner found the condition less likely than not related to service because the service
    records show only acute strains. That opinion did not address the separation history or the lay
    statements of continuous symptoms, and the Board gives it less weight.

    ORDER

    Service connection for a lumbar spine disability is granted.


    MARGARET O. LINDQUIST
    Veterans Law Judge, Board of Veterans' Appeals""",
]


def test_a_board_decision_with_a_page_that_reads_like_an_opinion_is_one_board_decision(
    model: RecordTypeModel,
) -> None:
    [decision] = _segments(BOARD, model)
    assert (decision.first_page, decision.last_page, decision.record_type) == (1, 3, "board_decision")
    assert decision.partial_date == PartialDate(2024, 3, 19)
    assert decision.date_source is not None and decision.date_source.role == "decision date"
    assert decision.title == "Board of Veterans' Appeals decision"


BOARD_WITH_SUBHEADINGS = [
    """BOARD OF VETERANS' APPEALS
    DEPARTMENT OF VETERANS AFFAIRS

    IN THE APPEAL OF ORLANDO VANCE
    Docket No. 230517-33190
    DATE: September 12, 2024

    THE ISSUE

    Entitlement to service connection for a cervical spine disability.

    FINDING OF FACT

    The cervical spine disability is at least as likely as not the result of a crash landing in service.

    CONCLUSION OF LAW

    The criteria for service connection for a cervical spine disability are met.""",
    """Independent Medical Opinion

    The neurosurgeon who fused the Veteran's spine wrote that she reviewed his service records and the crash
    investigation, and that his disc herniation at C5-6 is at least as likely as not the result of the crash
    landing. She explained that a soft collar was issued two days after the crash and that numbness in the
    right hand was recorded the next year. Her rationale rests on an accurate history.""",
    """The Veteran's Statement

    The Veteran wrote that his neck has hurt since the landing. His wife and his platoon sergeant describe
    the same. Their accounts are competent and consistent with the records, and the Board finds them credible.
    The VA examiner's negative opinion did not consider them, and the Board gives it little weight.

    ORDER

    Service connection for a cervical spine disability is granted.

    TERESA AMBROSE
    Veterans Law Judge""",
]


def test_a_board_decision_with_sub_headings_naming_opinions_and_statements_is_one_decision(
    model: RecordTypeModel,
) -> None:
    [decision] = _segments(BOARD_WITH_SUBHEADINGS, model)
    assert (decision.first_page, decision.last_page, decision.record_type) == (1, 3, "board_decision")
    assert decision.partial_date == PartialDate(2024, 9, 12)


ER_VISIT = [
    """GULF SHORES REGIONAL HOSPITAL
    EMERGENCY DEPARTMENT RECORD
    Patient: PETROSKY, DALE   MRN 5581204   DOB: 02/11/1975
    Arrival: 11/02/2022 23:18   Acuity 3

    CHIEF COMPLAINT: low back pain after lifting a pallet at work
    HPI: 47 y/o man with chronic low back pain since a fall in the Navy, worse tonight after lifting. Pain
    radiates to the left buttock. No saddle anesthesia, no urinary retention.
    EXAM: Tender left lumbar paraspinals. Straight leg raise positive on the left at 50 degrees.""",
    """Course: ketorolac 30 mg IM and diazepam 5 mg by mouth, with relief; he walked without help.
    Lumbar films: disc space narrowing at L4-5, no fracture.
    IMPRESSION: Acute on chronic lumbar strain with left sciatica.
    DISPOSITION: Discharged 11/03/2022 02:40 to home with a friend.
    Follow up with the VA primary care clinic this week.
    Electronically signed by Nadia Brandt, MD 11/03/2022 02:55""",
]


def test_an_er_visit_of_two_pages_is_one_visit_dated_by_its_arrival(model: RecordTypeModel) -> None:
    [visit] = _segments(ER_VISIT, model)
    assert (visit.first_page, visit.last_page, visit.record_type) == (1, 2, "private_treatment")
    assert visit.partial_date == PartialDate(2022, 11, 2)
    assert visit.date_source is not None and visit.date_source.describe() == "visit date, p. 1"
    assert visit.title == "Emergency department record — Gulf Shores Regional Hospital"
    assert [str(e.date) for e in visit.encounters] == ["2022-11-02"]


RATING = [
    """DEPARTMENT OF VETERANS AFFAIRS
    Houston Regional Office

    RATING DECISION
                                                        January 9, 2025
    NAME OF VETERAN: DALE R PETROSKY
    ACTIVE DUTY: EOD 07/18/1994 - RAD 07/17/1998, NAVY, HONORABLE

    DECISION
    Service connection for lumbar degenerative disc disease is granted with an evaluation of 20 percent.

    EVIDENCE
    - Board of Veterans' Appeals decision of March 19, 2024
    - VA examination of November 30, 2024

    REASONS FOR DECISION
    The Board granted service connection. The evaluation follows forward flexion of 50 degrees.""",
    """RATING CODE SHEET
    PETROSKY, DALE R      XX XXX 4471
    SERVICE: NAVY   EOD 07/18/1994   RAD 07/17/1998
    RATING DECISION DATE: 01/09/2025

    5242  DEGENERATIVE ARTHRITIS OF THE SPINE        SC    20%   FROM 06/02/2021
    COMBINED EVALUATION FOR COMPENSATION: 20%""",
]


def test_a_codesheet_after_its_rating_decision_is_part_of_it(model: RecordTypeModel) -> None:
    [rating] = _segments(RATING, model)
    assert (rating.first_page, rating.last_page, rating.record_type) == (1, 2, "rating_decision")
    assert rating.partial_date == PartialDate(2025, 1, 9)
    assert rating.title == "Rating decision — Houston Regional Office"


def test_a_codesheet_alone_is_dated_by_its_decision_not_the_service_entry(model: RecordTypeModel) -> None:
    [code] = _segments([RATING[1]], model)
    assert code.record_type == "rating_decision"
    assert code.partial_date == PartialDate(2025, 1, 9)
    assert code.date_source is not None and code.date_source.role == "decision date"
    assert code.title == "Rating code sheet"


# --- under-splitting and wrong type ---------------------------------------------------------------

FAXED = [
    """NOV-20-2021 14:02  FROM: GALVESTON FAMILY CHIRO  409 555 0177   P.1/3
    FAX COVER SHEET
    To: VA Evidence Intake Center          Fax: 844-531-7818
    From: Galveston Family Chiropractic    Phone: 409 555 0176
    Date: 11/20/2021
    Pages (including cover): 3
    Re: Dale Petrosky - treatment records as requested
    CONFIDENTIAL: the following pages contain protected health information.""",
    """NOV-20-2021 14:02  FROM: GALVESTON FAMILY CHIRO  409 555 0177   P.2/3
    GALVESTON FAMILY CHIROPRACTIC
    88 Broadway, Galveston, TX 77550   Phone 409 555 0176
    CHIROPRACTIC VISIT NOTES
    Patient: Dale Petrosky   DOB: 02/11/1975

    Date of Service: 09/07/2021
    S: Low back pain 7/10 after a long shift, into the left buttock.
    O: Restricted L4/L5 and left SI motion. Hypertonic left paraspinals.
    A: Lumbar segmental dysfunction. P: Adjustment, heat, home stretches.
    Angela Ruiz, DC

    Date of Service: 09/14/2021
    S: Pain 5/10, better after last visit. O: Improved motion at L4/L5.
    A: Improving. P: Adjustment, EMS. Return next week.
    Angela Ruiz, DC""",
    """NOV-20-2021 14:02  FROM: GALVESTON FAMILY CHIRO  409 555 0177   P.3/3
    Dale Petrosky (continued)
    Date of Service: 10/05/2021
    S: Flare after moving furniture, pain 8/10. O: Antalgic gait, guarded flexion.
    A: Exacerbation. P: Adjustment, ice, modified duty note given.
    Angela Ruiz, DC""",
]


def test_a_fax_cover_sheet_is_its_own_document_and_faxed_notes_are_dated_by_their_visits(
    model: RecordTypeModel,
) -> None:
    cover, notes = _segments(FAXED, model)
    assert (cover.first_page, cover.last_page, cover.record_type) == (1, 1, "other")
    assert cover.title == "Fax cover sheet"
    assert (notes.first_page, notes.last_page, notes.record_type) == (2, 3, "private_treatment")
    # The visit date, never the fax banner's (NOV-20-2021), nor the DOB.
    assert notes.partial_date == PartialDate(2021, 9, 7)
    assert notes.date_source is not None and notes.date_source.describe() == "visit date, p. 2"
    assert notes.title == "Chiropractic progress note — Galveston Family Chiropractic"
    assert [(str(e.date), e.first_page, e.kind) for e in notes.encounters] == [
        ("2021-09-07", 2, "chiropractic visit"), ("2021-09-14", 2, "chiropractic visit"),
        ("2021-10-05", 3, "chiropractic visit")]
    # Each encounter's span is where its entry stands, so a flag can be given to its encounter.
    second, third = notes.encounters[1], notes.encounters[2]
    assert FAXED[1][second.start:].lstrip().startswith("Date of Service: 09/14/2021")
    assert (second.first_page, second.last_page) == (2, 3)  # it runs on to the next entry, on page 3
    assert third.contains(3, FAXED[2].index("Flare")) and not second.contains(3, FAXED[2].index("Flare"))
    assert {e.provider for e in notes.encounters} == {"Angela Ruiz, DC"}


# --- wrong dates -----------------------------------------------------------------------------------

def test_a_statement_is_dated_by_its_signature_not_the_birth_date_or_the_form_edition(model: RecordTypeModel) -> None:
    statement = """STATEMENT IN SUPPORT OF CLAIM
    NAME: DALE R PETROSKY      DATE OF BIRTH: 02/11/1975
    I fell down a ladderwell on the USS Tarawa in 1996 and hurt my back. I went to sick bay twice more
    for spasms before I got out in July 1998, and my back has hurt ever since.
    SIGNATURE: Dale R. Petrosky        DATE SIGNED: 04/22/2021
    VA FORM 21-4138, JUN 2021"""
    [doc] = _segments([statement], model)
    assert doc.record_type == "personal_statement"
    assert doc.partial_date == PartialDate(2021, 4, 22)
    assert doc.date_source is not None and doc.date_source.describe() == "signature line, p. 1"
    assert doc.title == "VA Form 21-4138, Statement in Support of Claim"


def test_a_vague_date_keeps_its_precision(model: RecordTypeModel) -> None:
    note = """To the VA rater:
    My husband came home from the Navy in 1998 with a bad back and it has only gotten worse.
    He cannot lift our grandson or sit through church.
    Written in 2005,
    Carol Petrosky"""
    [doc] = _segments([note], model)
    assert doc.record_type == "buddy_statement"
    assert doc.partial_date == PartialDate(2005) and doc.date_precision == "year"
    assert doc.date == dt.date(2005, 1, 1)  # the earliest day it can mean, never an invented mid-year day


def test_an_events_date_is_the_one_nearest_its_words() -> None:
    sentence = "He fell from a truck in March 2004 and had knee surgery in 2011; he separated 06/30/2012."
    dates = find_dates(sentence)
    assert [(str(d.value), d.precision) for d in dates] == [("2004-03", "month"), ("2011", "year"),
                                                              ("2012-06-30", "day")]
    fell = sentence.index("fell")
    surgery = sentence.index("surgery")
    assert str(nearest_date(dates, fell, fell + 4, sentence).value) == "2004-03"
    assert str(nearest_date(dates, surgery, surgery + 7, sentence).value) == "2011"


# --- titles ----------------------------------------------------------------------------------------

def test_a_title_names_the_study_and_the_facility_never_the_patient_or_the_banner(model: RecordTypeModel) -> None:
    xray = """04/11/2023 09:41  FAX 4095550190  HOUSTON VA IMAGING   PAGE 01/01
    PETROSKY, DALE R     XXX-XX-4471     DOB 02/11/1975
    MICHAEL E. DEBAKEY VA MEDICAL CENTER - RADIOLOGY
    EXAM: XR KNEE LEFT 3 VIEWS
    Exam Date: 04/10/2023
    Clinical history: left knee pain, altered gait from back.
    FINDINGS: Mild medial joint space narrowing. No effusion.
    IMPRESSION: Mild medial compartment osteoarthritis of the left knee.
    /es/ HENRY CALLOWAY, MD"""
    [doc] = _segments([xray], model)
    assert doc.record_type == "imaging_report"
    assert doc.title == "X-ray, left knee — Michael E. Debakey VA Medical Center"
    assert doc.partial_date == PartialDate(2023, 4, 10)
