"""Encounters: one per dated entry, with its pages and character span, in document order."""

from __future__ import annotations

from classifiers.encounters import find_encounters

SF600 = """CHRONOLOGICAL RECORD OF MEDICAL CARE
12 JAN 2004   TMC 2, FORT HOOD TX   0800 HRS
S: LBP after loading trucks. O: paraspinal spasm. A: lumbar strain. P: Motrin, light duty x 3 days.
   /s/ K. ODOM, PA-C
19 JAN 2004   TMC 2, FORT HOOD TX - F/U
S: improved. A: resolving strain. P: RTD.
   /s/ K. ODOM, PA-C
STANDARD FORM 600"""

CAPRI = """LOCAL TITLE: PRIMARY CARE NOTE
DATE OF NOTE: FEB 02, 2020@09:00   ENTRY DATE: FEB 02, 2020@09:30
AUTHOR: RAMOS,ELENA
Chronic LBP. Plan PT.
/es/ ELENA RAMOS, MD
LOCAL TITLE: PHYSICAL THERAPY CONSULT
DATE OF NOTE: FEB 20, 2020@13:00
AUTHOR: CHEN,DAVID
Gait antalgic. Issued cane.
/es/ DAVID CHEN, DPT"""


def test_sick_call_entries_are_encounters_with_their_spans() -> None:
    first, second = find_encounters([(4, SF600)], "service_treatment")
    assert (str(first.date), first.kind, first.provider) == ("2004-01-12", "sick call", "K. Odom, PA-C")
    assert (str(second.date), second.kind) == ("2004-01-19", "sick-call follow-up")
    assert first.facility == "TMC 2, Fort Hood TX"
    assert first.end == second.start == SF600.index("19 JAN 2004")
    assert second.contains(4, SF600.index("RTD")) and not first.contains(4, SF600.index("RTD"))


def test_va_notes_printed_together_are_two_encounters() -> None:
    notes = find_encounters([(9, CAPRI)], "va_treatment")
    assert [(str(e.date), e.kind, e.provider) for e in notes] == [
        ("2020-02-02", "primary care note", "Elena Ramos, MD"),
        ("2020-02-20", "physical therapy consult", "David Chen, DPT"),
    ]
    assert notes[1].start == CAPRI.index("LOCAL TITLE: PHYSICAL")  # the entry opens at its title line


def test_a_single_visit_document_is_one_encounter_of_the_document() -> None:
    [only] = find_encounters([(1, "Board decision text\nORDER\nGranted.")], "board_decision")
    assert only.date is None and (only.first_page, only.last_page, only.start) == (1, 1, 0)


def test_an_ocr_read_entry_line_gives_the_clinic_without_the_entrys_date_and_time() -> None:
    from classifiers.encounters import _facility

    line = "02 NOV 2010 TROOP MEDICAL CLINIC 12, FORT HOOD TX 1410 HRS"
    assert _facility(line + "\nS: 31 y/o SGT c/o back pain after a fall from a truck.", line) == \
        "Troop Medical Clinic 12, Fort Hood TX"


def test_entry_lines_with_a_clinic_code_and_ocr_damaged_military_dates_open_entries() -> None:
    # Written fresh: one word after each date ("BAS 2-7  S/C"), and OCR's o for 0 in a two-digit year.
    sheet = ("CHRONOLOGICAL RECORD OF MEDICAL CARE\nVOSS, ELLEN  SPC  HHC 2-7 IN\n"
             "03Febo4  BAS 2-7  S/C\n  CC: right heel pain on runs\n  Plan: stretching\n\n"
             "11Feb04  BAS 2-7  F/U\n  CC: heel pain better\n  Plan: RTD\nSF 600")
    dates = [str(e.date) for e in find_encounters([(2, sheet)], "service_treatment")]
    assert dates == ["2004-02-03", "2004-02-11"]
