"""Titles a physician can cite: what, then who; never the patient's name or a fax banner."""

from __future__ import annotations

import pytest

from classifiers.document_titles import document_title, fuzzy_phrase


@pytest.mark.parametrize(
    ("record_type", "text", "title"),
    [
        ("imaging_report", "PUGET SOUND VA HCS - IMAGING\nNELSON, TERRY  XXX-XX-1188\n"
         "EXAM: CT LUMBAR SPINE W/O CONTRAST\nStudy Date: 05/05/2022", "CT, lumbar spine — Puget Sound VA HCS"),
        ("imaging_report", "Northside Imaging Center\nMRI RIGHT SHOULDER WITHOUT CONTRAST\nTerry Nelson 05/05/2022",
         "MRI, right shoulder — Northside Imaging Center"),
        ("cp_exam", "Knee and Lower Leg Conditions\nDisability Benefits Questionnaire\nName of patient/Veteran: Terry "
         "Nelson", "C&P exam, knee and lower leg DBQ"),
        ("claim_form", "VA FORM 20-0995\nDECISION REVIEW REQUEST: SUPPLEMENTAL CLAIM\nClaimant: Terry Nelson",
         "VA Form 20-0995, Decision Review Request: Supplemental Claim"),
        ("va_treatment", "NELSON,TERRY  XXX-XX-1188  Progress Notes  Printed at PUGET SOUND VA HCS\n"
         "LOCAL TITLE: PAIN CLINIC NOTE\nDATE OF NOTE: MAY 05, 2022@09:00", "VA pain clinic note — Puget Sound VA HCS"),
        ("medical_opinion", "To Whom It May Concern:\nIn my medical opinion the condition is at least as likely as "
         "not related to service.\nSincerely,\nMaria Velasquez, MD", "Medical opinion letter — Maria Velasquez, MD"),
        ("other", "FAX COVER SHEET\nTo: Evidence Intake\nFrom: Nelson Law\nPages: 4", "Fax cover sheet"),
    ],
)
def test_titles(record_type: str, text: str, title: str) -> None:
    assert document_title(record_type, [text]) == title


def test_a_fax_banner_and_a_patient_header_are_never_the_title() -> None:
    text = ("05/06/2022 10:01  FROM: SOUND PT  206 555 0100  P.2/4\nNELSON, TERRY  DOB 01/02/1970\n"
            "PHYSICAL THERAPY DAILY NOTE\nDOS 05/05/2022")
    title = document_title("private_treatment", [text])
    assert title == "Physical therapy progress note"
    assert "NELSON" not in title.upper() and "FROM" not in title.upper()


# OCR-damaged title words (written fresh, not corpus text).
def test_an_ocr_damaged_court_heading_still_titles_a_cavc_decision() -> None:
    text = "UNlTED STATES C0URT OF APPEAI S F0R VETERANS CLA1MS\nNo. 21-0447\nMEMORANDUM DECISION"
    assert "Court of Appeals" in document_title("board_decision", [text])


def test_an_ocr_broken_clinic_kind_still_titles_a_private_record() -> None:
    text = "HARBORVIEW CH IROPRACT~IC & WELLNESS\nDaily visit\nPatient: R. Abara  DOS: 04/02/2021\nS: neck pain"
    assert document_title("private_treatment", [text]).startswith("Chiropractic")


def test_a_short_word_is_never_matched_fuzzily() -> None:
    assert not fuzzy_phrase("ED VISIT", "FED VISITOR LOG")


def test_a_codesheet_whose_title_ocr_damaged_is_still_titled_a_code_sheet() -> None:
    # Written fresh (not corpus text): one page, its title misread by OCR.
    page = ("RAT1NG C0DE SHFET\nVANCE, ORLANDO   XX XXX 4471\nDATE OF RATING: 09/30/2024\n\n"
            "5243  Intervertebral disc syndrome, cervical   20%   from 01/12/2024")
    assert document_title("rating_decision", [page]) == "Rating code sheet"
