"""The page layout the finder reads: headings and their kinds, form items and their boxes, questions."""

from __future__ import annotations

import pytest

from classifiers.flag_sections import heading_kind, read_boxes, read_layout, sentence_asks


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("FAMILY HISTORY", "family"),
        ("Fam Hx", "family"),
        ("SHORT TERM GOALS", "goals"),
        ("Discharge Instructions", "instructions"),
        ("REASON FOR EXAM", "indication"),
        ("TECHNIQUE", "technique"),
        ("OPERATIVE PROCEDURE", "procedure"),
        ("X-RAYS", "imaging"),
        ("IMPRESSION", "findings"),
        ("ASSESSMENT", "diagnosis"),
        ("PLAN", "plan"),
        ("SOCIAL HISTORY", "social"),
        ("HISTORY OF PRESENT ILLNESS", "history"),
        ("MUSCULOSKELETAL", "exam"),
        ("SIGNATURE", "other"),
    ],
)
def test_heading_kinds(heading: str, kind: str) -> None:
    assert heading_kind(heading) == kind


def test_sections_run_to_the_next_heading_even_inside_a_line() -> None:
    text = "CC: knee pain.HX: twisted it at work.\nFAMILY HISTORY: mother with gout.\nPlan: ice."
    layout = read_layout(text)
    assert [(s.name, s.kind) for s in layout.sections] == [
        ("CC", "history"), ("HX", "history"), ("FAMILY HISTORY", "family"), ("Plan", "plan")
    ]
    mother = text.index("mother")
    section = layout.section_at(mother)
    assert section is not None and section.kind == "family"


def test_imaging_page_by_record_type_by_title_or_by_its_language() -> None:
    findings = "FINDINGS:\nThe conus ends at L1. Neural foramina are patent. Alignment is normal.\n"
    assert read_layout(findings).imaging_page  # three imaging-only words in the findings
    assert read_layout("MRI LUMBAR SPINE\nFINDINGS:\nUnremarkable.").imaging_page
    assert read_layout("Unremarkable.", "imaging_report").imaging_page
    assert not read_layout("MAJOR FINDINGS: pleasant woman walking with a cane.").imaging_page


def test_a_report_printed_without_headings_is_an_imaging_page_by_its_language() -> None:
    report = (
        "Sagittal and axial T2 images of the thoracic spine were reviewed.\n"
        "Vertebral alignment is anatomic. Marrow signal is within normal limits.\n"
        "The neural foramina are widely patent. The thecal sac is not effaced.\n"
    )
    assert read_layout(report).imaging_page
    # the same words in an operative note are the surgeon's: fluoroscopy guided the needle
    operation = (
        "PREOPERATIVE DIAGNOSIS: Thoracic radiculitis.\nPROCEDURE: Transforaminal injection under fluoroscopy.\n"
        "Alignment was confirmed on the lateral view. Contrast outlined the neural foramina and the thecal sac.\n"
        "Marrow and foraminal anatomy were unremarkable.\n"
    )
    assert not read_layout(operation).imaging_page
    # a clinic note that speaks of an x-ray is still a clinic note
    clinic = (
        "HISTORY: Mid back pain since a fall. An x-ray was taken.\nEXAM: Alignment of the spine is straight, "
        "foramina not assessed, signal not applicable, thecal sac n/a.\n"
    )
    assert not read_layout(clinic).imaging_page


def test_a_yes_no_group_answers_the_item_before_it_on_its_line() -> None:
    text = "Spasm:  [X] Yes  [ ] No     Guarding:  [ ] Yes  [X] No"
    items = read_boxes(text)
    assert [(text[i.start : i.end].strip(), i.answer) for i in items] == [
        ("Spasm:  [X] Yes  [ ] No", "yes"),
        ("Guarding:  [ ] Yes  [X] No", "no"),
    ]


def test_a_line_of_boxes_alone_answers_the_line_above() -> None:
    text = "Does the Veteran use a brace?\n     [ ] YES   [X] NO\nNext item"
    (item,) = read_boxes(text)
    assert item.answer == "no" and text[item.start : item.end].startswith("Does the Veteran use a brace?")


def test_option_boxes_label_their_own_items() -> None:
    text = "[X] Antalgic gait   [ ] Normal gait"
    items = read_boxes(text)
    assert [(text[i.start : i.end], i.answer) for i in items] == [
        ("Antalgic gait", "checked"), ("Normal gait", "unchecked")
    ]


def test_an_answer_keeps_the_words_that_follow_it() -> None:
    text = "Localized tenderness? [X] Yes - over L5 and S1"
    (item,) = read_boxes(text)
    assert item.answer == "yes" and text[item.start : item.end].endswith("over L5 and S1")


@pytest.mark.parametrize(
    ("sentence", "asks"),
    [
        ("Does the Veteran have intervertebral disc syndrome?", True),
        ("Is there pain on weight-bearing? [X] Yes", True),
        ("Opine whether the hip disorder was caused by the service-connected knee.", True),
        ("The examiner is asked to provide a rationale.", True),
        ("Provide an opinion as to whether the back disability began in service.", True),
        ("He was seen at sick call for back pain.", False),
        ("The examiner opined that the condition began in service.", False),
    ],
)
def test_questions_and_opinion_requests(sentence: str, asks: bool) -> None:
    assert sentence_asks(sentence) is asks


def test_a_clinic_note_typed_as_an_imaging_report_is_not_read_as_one() -> None:
    consult = (
        "HISTORY OF PRESENT ILLNESS: Numb left thumb for two months.\nPHYSICAL EXAMINATION: Weak wrist "
        "extension.\nMRI: C5-6 foraminal narrowing.\nIMPRESSION: Left C6 radiculopathy.\n"
    )
    assert not read_layout(consult, "imaging_report").imaging_page
    with_plan = "MRI of the lumbar spine was reviewed.\nFINDINGS: small L4-5 bulge.\nPLAN: home exercise.\n"
    assert not read_layout(with_plan, "imaging_report").imaging_page
    # a report's own headings (EXAM, HISTORY as its indication, COMPARISON) are a report's
    report = "EXAM: MRI LUMBAR SPINE\nHISTORY: Back pain.\nCOMPARISON: None.\nFINDINGS: Normal alignment.\n"
    assert read_layout(report, "imaging_report").imaging_page
