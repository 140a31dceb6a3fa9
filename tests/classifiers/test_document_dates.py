"""The date a document is OF, chosen by role, at the text's precision, with where it was found."""

from __future__ import annotations

from classifiers.dates import PartialDate
from classifiers.document_dates import document_date_of


def dated(text: str, record_type: str) -> tuple[str, str, int, int] | None:
    found = document_date_of([(7, text)], record_type)
    return (found.value.isoformat(), found.role, found.page, found.line) if found else None


def test_the_labelled_note_date_wins_over_birth_and_print_dates() -> None:
    text = "Printed 01/02/2024\nPatient DOB 05/02/1980\nDATE OF NOTE: MAR 14, 2009@10:15\nseen again 04/01/2009"
    assert dated(text, "va_treatment") == ("2009-03-14", "DATE OF NOTE", 7, 3)


def test_a_dd214_is_dated_by_its_separation_date() -> None:
    text = "a. DATE ENTERED AD THIS PERIOD 20050615\nb. SEPARATION DATE THIS PERIOD 20090830"
    assert dated(text, "service_personnel") == ("2009-08-30", "separation date", 7, 2)


def test_a_letter_without_labels_is_dated_by_its_date_line() -> None:
    assert dated("June 3, 2021\n\nTo Whom It May Concern:\nI treat the veteran.", "medical_opinion") == (
        "2021-06-03", "letter date", 7, 1)
    assert dated("no dates at all here", "other") is None


def test_a_partial_date_keeps_its_precision() -> None:
    found = document_date_of([(1, "PERSONAL STATEMENT\nDate: 2005\nI hurt my back in 2004.")], "personal_statement")
    assert found is not None and found.value == PartialDate(2005) and found.precision == "year"


def test_a_labelled_report_date_wins_over_unlabelled_list_lines_on_a_later_page() -> None:
    # A patient-portal health summary (written fresh): its report date, not an appointment listed on page 2.
    pages = [
        (4, "Patient Portal Health Summary\nPatient: Ruth Abara   Report date: 02/03/2021\nACTIVE PROBLEMS\n"
            "  Knee pain, right\nUPCOMING VISITS\nPage 1 of 2"),
        (5, "  04/11/2021  ORTHOPEDICS\n  05/02/2021  PHYSICAL THERAPY\nPage 2 of 2"),
    ]
    found = document_date_of(pages, "va_treatment")
    assert found is not None and found.value == PartialDate(2021, 2, 3) and found.page == 4


def test_an_ocr_damaged_date_still_dates_its_document() -> None:
    # Tesseract on a faxed consult (written fresh): "Date of visit: O3/ll/2O2O", year 2020 read as "7020".
    text = "RIVERBEND ORTHOPEDICS\nPatient: T. Lindgren   DOB: O5/O2/1961\nDate of visit: O3/ll/7020\nHPI: knee pain"
    found = document_date_of([(1, text)], "private_treatment")
    assert found is not None and found.value == PartialDate(2020, 3, 11) and found.line == 3


def test_a_statement_is_never_dated_by_a_year_its_story_mentions() -> None:
    # A relative's letter whose date line OCR lost (written fresh): "In 2004" and "since 2011" are events.
    text = "Novenb#r 2O!9\nTo the VA:\nI am Tomas's sister. In 2004 he came back from Iraq limping and\n" \
           "since 2011 he cannot lift his daughter.\nInes Varga"
    assert document_date_of([(1, text)], "buddy_statement") is None
    signed = text + "\nSigned 03/02/2020"
    found = document_date_of([(1, signed)], "buddy_statement")
    assert found is not None and found.value == PartialDate(2020, 3, 2)


def test_a_birth_date_whose_label_ocr_garbled_is_still_no_record_date() -> None:
    # Written fresh: "DOB" read as "DOS." beside the patient's name; the exam date is decades later.
    text = "HILLCREST IMAGING\nPatient: ABARA, RUTH   DOS. 11/30/1968\nExam Dafe: 04/12/2022\nEXAM: CT CHEST"
    found = document_date_of([(1, text)], "imaging_report")
    assert found is not None and found.value == PartialDate(2022, 4, 12)
    # The same date beside a name but as old as the record is the record's.
    recent = "Patient: ABARA, RUTH   DOS: 04/12/2022\nEXAM: CT CHEST"
    found = document_date_of([(1, recent)], "imaging_report")
    assert found is not None and found.value == PartialDate(2022, 4, 12)


def test_a_decision_whose_dated_heading_ocr_lost_is_not_dated_by_a_year_in_its_reasons() -> None:
    # Written fresh: the decision date line is unreadable; page 2 mentions the 1994 injury.
    first = "BOARD OF VETERANS' APPEALS\nDECISI0N DAT: Jnne l?, 2O!8\nTHE ISSUE\nService connection, lumbar spine."
    second = "REASONS AND BASES\nThe Veteran first sought care in 1994 at a private clinic.\nORDER\nGranted."
    assert document_date_of([(3, first), (4, second)], "board_decision") is None


def test_a_year_ocr_misread_by_one_digit_is_read_from_its_twin_on_the_same_document() -> None:
    # Written fresh (not corpus text): the cover sheet's date line OCR'd "2028" for 2023; the fax banner,
    # printed when it was sent, gives the same day in 2023, and nothing is dated after it was sent.
    cover = ("05/09/2023 14:22 FAX 4095550163 HARBOR POINT ORTHO PAGE 01/04\nFAX COVER SHEET\n\n"
             "DATE: May 9, 2028\nTO: VA Evidence Intake\nFROM: Harbor Point Orthopedics\nPAGES: 4")
    dated = document_date_of([(1, cover)], "other")
    assert dated is not None and dated.value == PartialDate(2023, 5, 9)
    assert dated.line == 4  # still the date line, its year read from the banner
    # A letter whose date line reads 2071 and whose signature line gives the same day in 2021, among
    # events of 2015-2020: the year nearer the document's other dates.
    letter = ("March 3, 2071\n\nDear Sir or Madam:\n\nI treated him from 2015 to 2020 and saw him last on "
              "06/11/2020.\n\nSincerely,\n\nJonah Avery, MD\nSigned 03/03/2021")
    assert document_date_of([(1, letter)], "medical_opinion").value == PartialDate(2021, 3, 3)
    # Two different days are no twins, whatever their years.
    assert document_date_of([(1, letter.replace("Signed 03/03/2021", "Signed 03/04/2021"))],
                            "medical_opinion").value == PartialDate(2071, 3, 3)


def test_a_list_of_dated_entries_never_dates_a_document_that_is_not_made_of_entries() -> None:
    # Written fresh: a pharmacy refill history whose "Statement date" OCR destroyed. Its refills are items
    # of a list, not the day the history is of: better no date than a refill's.
    text = ("RIVERSIDE PHARMACY - REFILL HISTORY\nMember: Odile Fanshawe   Statemnt dXte: ll/3?/2O18\n"
            "08/14/2018  Meloxicam 15 mg   #30\n06/02/2018  Cyclobenzaprine 10 mg   #20\n"
            "07/19/2018  Meloxicam 15 mg   #30")
    assert document_date_of([(1, text)], "other") is None
    assert document_date_of([(1, text)], "va_treatment") is None
    # An SF 600 is made of its entries: its first entry dates it.
    assert dated("CHRONOLOGICAL RECORD OF MEDICAL CARE\n" + text.split("\n", 2)[2], "service_treatment") == (
        "2018-08-14", "entry line", 7, 2)


def test_a_single_entry_line_or_a_date_line_run_into_a_list_still_dates_its_document() -> None:
    # Written fresh: OCR ran a letter's date line into its first sentence, and a pain diary's date into its
    # first item; neither is an item of a list.
    assert dated("Lakeshore Spine Clinic\n04/09/2016 Dear Claims Officer, I treat Mr. Oyelowo.", "medical_opinion") == (
        "2016-04-09", "entry line", 7, 2)
    diary = "Pain diary\nby Imre Kallas\n11/30/2019 11/30/2019 - could not sit through church\n11/23/2019 - iced knee"
    found = document_date_of([(1, diary)], "personal_statement")
    assert found is not None and found.value == PartialDate(2019, 11, 30)
