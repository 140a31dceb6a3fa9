"""Every record type recognised from text written unlike the training templates, with OCR damage
on some; the rule pack's mechanics; the model's calibrated output and its handling of the unfamiliar."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.record_type_training import train_record_type_model
from claims.trained_models import record_type_model, save_record_type_model
from classifiers.document_segmentation import segment_and_classify
from classifiers.record_type_model import RecordTypeModel
from classifiers.record_types import RECORD_TYPES, default_rules, fold, parse_rules, score_page
from config.settings import Settings

EXAMPLES: dict[str, str] = {
    "service_treatment": (
        "MEDICAL RECORD - CHRONOLOGICAL RECORD OF MEDICAL CARE\n"
        "22 JUN 2006  BAS 2/327 INF, FOB Warrior\n"
        "S: 24 y/o SPC c/o low back pain since dismounted patrol with full kit, no radiation.\n"
        "O: TTP L paraspinals, FROM, neg SLR. A: lumbosacral strain. P: IBU 800, heat, profile 7 days.\n"
        "STANDARD FORM 600 (REV 6-97)"
    ),
    "service_exam": (
        "REPORT 0F MEDlCAL EXAMINATlON\n1. LAST NAME Rivera  4. DATE OF EXAM 19990411\n"
        "5. PURPOSE: ETS  17. Spine, other musculoskeletal: ABNORMAL - chronic LBP\n"
        "DD FORM 2808, AUG 1999"
    ),
    "service_personnel": (
        "DD FORM 214 (MEMBER 4)\nCERTIFICATE OF RELEASE OR DlSCHARGE FROM ACTIVE DUTY\n"
        "1. NAME RIVERA, ANA  2. DEPARTMENT, COMPONENT AND BRANCH: NAVY/USN\n"
        "12a. DATE ENTERED AD THIS PERIOD 19950103  12b. SEPARATION DATE THIS PERIOD 19990502"
    ),
    "line_of_duty": (
        "LINE OF DUTY DETERMINATION (INFORMAL)\nSoldier: SGT Rivera  Unit: 1-501 PIR\n"
        "Injury: hard landing during airborne operation, L ankle and low back.\n"
        "Determination: IN LINE OF DUTY - not due to own misconduct. Approved by the appointing authority."
    ),
    "va_treatment": (
        "LOCAL TITLE: PM&R OUTPATIENT NOTE\nSTANDARD TITLE: PHYSICAL MEDICINE REHAB NOTE\n"
        "DATE OF NOTE: JAN 09, 2020@13:40  ENTRY DATE: JAN 09, 2020@14:02\n"
        "Veteran reports chronic axial back pain, worse with standing. Gait antalgic.\n/es/ ANA LOPEZ, MD"
    ),
    "private_treatment": (
        "Tri-County Chiropractic & Rehab\n4100 W Main St, Suite 2\nDothan, AL 36301\nPh (334) 555-0147\n\n"
        "Chief Complaint: low back pain radiating to right thigh\nSubjective: worse after yard work.\n"
        "Objective: L4-5 fixation, paraspinal hypertonicity. Assessment: lumbar segmental dysfunction."
    ),
    "imaging_report": (
        "RADIOLOGY REPORT\nPatient: RIVERA, ANA  MRN 448812\nEXAM: MRI L-SPINE W/O CONTRAST  DATE: 02/11/2021\n"
        "TECHNIQUE: Sagittal T1/T2/STIR, axial T2.\nFINDINGS: L4-5 disc desiccation with broad-based bulge.\n"
        "IMPRESSION: Mild L4-5 degenerative disc disease with mild left foraminal stenosis."
    ),
    "cp_exam": (
        "Back (Thoracolumbar Spine) Conditions Disability Benefits Questionnaire\n"
        "Name of patient/Veteran: Ana Rivera\nIndicate method used to obtain medical information: In-person exam\n"
        "Initial ROM: forward flexion 0 to 60 degrees, pain noted on exam. Flare-ups: yes."
    ),
    "medical_opinion": (
        "INDEPENDENT MEDICAL OPINION\nRe: Veteran Ana Rivera\n"
        "After review of the complete claims file it is my opinion that the lumbar DDD is at least as likely "
        "as not related to the documented 2006 in-service injury. Rationale follows.\nSincerely, J. Park, MD"
    ),
    "rating_decision": (
        "Department of Veterans Affairs\nRATING DECISION\nNAME OF VETERAN: Ana Rivera\n"
        "DECISION: Service connection for lumbar strain is denied.\nREASONS FOR DECISION: no nexus."
    ),
    "board_decision": (
        "Citation Nr: 23045511\nDecision Date: 08/14/23  Archive Date: 08/14/23\nDOCKET NO. 19-33 412\n"
        "THE ISSUE\nEntitlement to service connection for a low back disability.\nFINDINGS OF FACT"
    ),
    "buddy_statement": (
        "VA FORM 21-10210  LAY/WITNESS STATEMENT\nWITNESS: Mark Ellis\n"
        "I served with Ana in the 2nd Platoon. I saw her fall from the deuce-and-a-half tailgate in 2006."
    ),
    "personal_statement": (
        "STATEMENT IN SUPPORT OF CLAIM\nVA FORM 21-4138\n"
        "I hurt my back in Iraq when our truck hit a berm. I did not go to sick call every time because "
        "we were short on people. My back has hurt ever since."
    ),
    "claim_form": (
        "VA FORM 21-526EZ\nAPPLICATION FOR DISABILITY COMPENSATION AND RELATED COMPENSATION BENEFITS\n"
        "SECTION V: CLAIM INFORMATION  Current disability: lumbar spine"
    ),
    "other": "FAX COVER SHEET\nTo: Records\nFrom: Law office\nPages: 12\nCONFIDENTIALITY NOTICE",
}


def test_every_record_type_has_an_example() -> None:
    assert set(EXAMPLES) == set(RECORD_TYPES)


@pytest.mark.parametrize("record_type", RECORD_TYPES)
def test_each_record_type_is_recognised(record_type: str, model: RecordTypeModel) -> None:
    [segment] = segment_and_classify([(1, EXAMPLES[record_type])], model=model)
    assert segment.record_type == record_type
    assert segment.confidence >= 0.5
    assert segment.vbms_type_id == default_rules().vbms_type_id(record_type)


@pytest.mark.parametrize("record_type", ["va_treatment", "private_treatment", "imaging_report", "medical_opinion"])
def test_the_model_types_pages_without_a_title(record_type: str, model: RecordTypeModel) -> None:
    untitled = {
        "va_treatment": "Veteran seen in PACT clinic for chronic low back pain. Vitals stable. Plan: continue "
                        "meloxicam, refer to PT. /es/ JOHN DOE, NP  Receipt Acknowledged By: /es/ RN",
        "private_treatment": "Subjective: pt reports LBP 6/10. Objective: lumbar paraspinal tenderness. "
                             "Assessment: lumbar strain. Plan: continue POC, home exercise program. NPI 1234567890",
        "imaging_report": "FINDINGS: Vertebral body heights maintained. Mild disc space narrowing at L5-S1.\n"
                          "IMPRESSION: Mild degenerative changes. No acute fracture. Signed, radiologist",
        "medical_opinion": "It is my medical opinion that the veteran's lumbar condition is at least as likely as "
                           "not caused by service. I have reviewed the records. Rationale: medical literature.",
    }[record_type]
    [probabilities] = model.predict_proba([untitled])
    assert max(probabilities, key=probabilities.__getitem__) == record_type


def test_titles_survive_ocr_confusions() -> None:
    scores = score_page("CHR0N0L0GICAL REC0RD 0F MEDlCAL CARE\nsick call", default_rules())
    assert scores.strong_type() == "service_treatment"
    assert fold("Rec0rd l|1") == fold("RECORD III")


def test_a_cp_exam_printed_as_a_vista_note_is_a_cp_exam() -> None:
    text = "LOCAL TITLE: C&P EXAMINATION NOTE\nSTANDARD TITLE: C&P EXAMINATION NOTE\nDATE OF NOTE: MAY 1, 2022"
    assert score_page(text, default_rules()).strong_type() == "cp_exam"


def test_a_letter_that_mentions_forms_is_not_those_forms() -> None:
    text = ("I reviewed the DD 214, the SF 600 entries and the rating decision. " * 2) + "\nSincerely"
    assert score_page(text, default_rules()).strong_type() is None


def test_rule_pack_rejects_unknown_types() -> None:
    with pytest.raises(ValueError, match="unknown record type"):
        parse_rules({"record_types": {"postcard": {"title": ["X"]}}})


def test_probabilities_are_calibrated_distributions(model: RecordTypeModel) -> None:
    [probabilities] = model.predict_proba(["RATING DECISION service connection is denied"])
    assert abs(sum(probabilities.values()) - 1.0) < 1e-6
    assert all(0.0 <= p <= 1.0 for p in probabilities.values())


def test_training_takes_provider_corrections_and_round_trips(tmp_path: Path) -> None:
    examples = [
        ("RATING DECISION service connection denied reasons for decision", "rating_decision"),
        ("Rating decision: evaluation 10 percent granted effective date", "rating_decision"),
        ("Codesheet diagnostic code 5237 rating decision", "rating_decision"),
        ("LOCAL TITLE: PRIMARY CARE NOTE veteran seen /es/", "va_treatment"),
        ("LOCAL TITLE: PAIN CLINIC NOTE veteran seen /es/ signed", "va_treatment"),
        ("STANDARD TITLE: NURSING NOTE vamc veteran /es/", "va_treatment"),
    ]
    trained = train_record_type_model(examples)
    save_record_type_model(tmp_path, trained)
    assert not list(tmp_path.glob("*.pickle")) and not list(tmp_path.glob("*.joblib"))
    loaded = record_type_model(Settings(model_dir=tmp_path))
    [probabilities] = loaded.predict_proba(["LOCAL TITLE: MENTAL HEALTH NOTE /es/"])
    assert max(probabilities, key=probabilities.__getitem__) == "va_treatment"


def test_a_numbered_form_item_quoting_another_forms_title_is_a_field_not_a_title() -> None:
    rules = default_rules()
    item = score_page("WHITFIELD, MARCUS  DATE OF EXAM: 20110518\n76. PHYSICAL PROFILE: P1 U1 L2 H2 E1 S1\n", rules)
    assert "service_treatment" not in item.top_titles
    title = score_page("DA FORM 3349\nPHYSICAL PROFILE\n1. NAME: DOE, JOHN\n", rules)
    assert "service_treatment" in title.top_titles


def test_a_form_number_mentioned_in_a_list_of_records_does_not_title_the_page() -> None:
    rules = default_rules()
    text = ("IME REPORT\nRECORDS REVIEWED: service treatment records, DD 214, VA treatment records, private "
            "records, C&P report.\nHISTORY: the examinee reports low back pain since a hard landing.\n")
    assert "service_personnel" not in score_page(text, rules).zone_titled


def test_a_short_leading_word_of_a_cue_is_not_matched_fuzzily() -> None:
    rules = default_rules()
    scores = score_page("Cape Fear Valley Medical Center\nEMERGENCY DEPARTMENT RECORD\nPatient: DOE, JOHN\n", rules)
    assert "va_treatment" not in scores.top_titles


def test_table_of_contents_entries_are_not_titles() -> None:
    text = "TABLE OF CONTENTS\nTab A  Nexus letter ............ 12\nTab B  Rating decision ........ 40\n"
    assert not score_page(text, default_rules()).top_titles.get("medical_opinion")
