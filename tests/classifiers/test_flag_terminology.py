"""Round 2 of issue 10: knowledge over phrases, on sentences written for this test (in no training data).

Each group checks one generalisation: diagnosis names from ICD-10-CM's musculoskeletal and injury
chapters, imaging findings that need an image, hedged causal opinions, physical strain that is duty only
in service, and context read once for a composed finding.
"""

from __future__ import annotations

import pytest

from classifiers.evidence_flags import find_flags
from tests.classifiers.flag_reading import by_category, plain

# ------------------------------------------------------------------ ICD-10-CM diagnosis names

ICD_DIAGNOSES = [
    "Assessment: adhesive capsulitis of the left shoulder.",
    "She was treated for osteonecrosis of the right femoral head last spring.",
    "Problem list includes failed back surgery syndrome.",
    "CT confirmed an L1 burst fracture.",
    "Admitted with discitis at L3-4 on IV antibiotics.",
    "Chronic right ACL insufficiency with recurrent giving way.",
    "Known seronegative spondyloarthropathy followed by rheumatology.",
    "Diagnoses: left knee hemarthrosis after anticoagulation.",
]


@pytest.mark.parametrize("sentence", ICD_DIAGNOSES)
def test_icd10cm_spine_joint_and_bone_disorders_are_diagnoses(sentence: str) -> None:
    hit = by_category(sentence).get("diagnosis")
    assert hit is not None and plain(hit), sentence


NOT_DIAGNOSES = [
    "THE ISSUE: Entitlement to service connection for a left ankle disorder.",
    "Keeping the back straight will prevent further strain on the lower back.",
]


@pytest.mark.parametrize("sentence", NOT_DIAGNOSES)
def test_a_claimed_disorder_and_a_load_are_no_diagnosis(sentence: str) -> None:
    hit = by_category(sentence).get("diagnosis")
    assert hit is None or not plain(hit), sentence


# ------------------------------------------------------------------ imaging findings need an image


def test_what_a_surgeon_saw_is_no_imaging_finding() -> None:
    page = (
        "OPERATIONS: The patient was positioned prone.\n"
        "Large osteophytes and a bulging annulus were removed at L4-5 with a Kerrison rongeur.\n"
    )
    assert not [h for h in find_flags(page) if h.category == "imaging_finding"]


def test_a_finding_an_image_showed_is_one() -> None:
    hit = by_category("Her MRI last month showed a broad-based disc bulge at L4-5.").get("imaging_finding")
    assert hit is not None and plain(hit)


def test_words_only_images_speak_make_a_finding_without_the_image_named() -> None:
    hit = by_category("Moderate disc desiccation with Modic type 2 endplate changes at L5-S1.").get(
        "imaging_finding"
    )
    assert hit is not None


def test_a_planned_image_states_no_finding() -> None:
    page = "Consider MRI if symptoms persist.\nWill obtain lumbar x-rays today.\n"
    assert not [h for h in find_flags(page) if h.category == "imaging_finding"]


def test_a_consults_impression_is_the_clinicians_not_an_images() -> None:
    page = (
        "HISTORY OF PRESENT ILLNESS: Two weeks of low back pain; x-rays at urgent care were negative.\n"
        "PHYSICAL EXAMINATION: Right paraspinal spasm.\n"
        "IMPRESSION: Acute lumbosacral strain.\n"
        "PLAN: Ibuprofen and home exercises.\n"
    )
    impression = [h for h in find_flags(page) if h.sentence.startswith("IMPRESSION")]
    assert {h.category for h in impression} == {"diagnosis"}


# ------------------------------------------------------------------ opinions, causes, strain


def test_a_hedged_judgement_of_a_cause_is_an_opinion() -> None:
    hit = by_category("I suspect his knee pain is largely due to the way he walks to spare his back.").get(
        "medical_opinion"
    )
    assert hit is not None and hit.polarity == "positive"


def test_a_possible_cause_is_a_speculative_opinion() -> None:
    hit = by_category("Her lumbar strain was possibly due to carrying the twins up the stairs.").get(
        "medical_opinion"
    )
    assert hit is not None and hit.polarity == "speculative"


def test_a_hedge_about_another_organ_is_no_opinion() -> None:
    assert "medical_opinion" not in by_category("The anemia is most likely due to slow gastrointestinal loss.")


def test_an_occupation_of_heavy_work_is_an_alternative_cause() -> None:
    assert "alternative_cause" in by_category("A 51-year-old bricklayer with two months of low back pain.")


def test_heavy_lifting_is_duty_only_in_service() -> None:
    civilian = "He was advised to avoid heavy lifting for two weeks."
    assert "service_strain" not in by_category(civilian)
    assert "service_strain" in by_category("Duty required heavy lifting on the flight line.")
    assert "service_strain" in by_category("Pt reports heavy lifting all week.", "service_treatment")


def test_an_operations_harm_to_a_structure_is_no_injury() -> None:
    text = "Risks including bleeding, infection, nerve injury and dural tear were discussed."
    assert "injury" not in by_category(text)


def test_a_fall_denied_as_a_verb_is_a_negated_injury() -> None:
    hit = by_category("She caught the railing and did not fall.").get("injury")
    assert hit is not None and hit.negated


# ------------------------------------------------------------------ context read once per finding

CONTEXT = [
    ("Range of motion of the thoracolumbar spine is full and pain-free.", "back_complaint", "neg"),
    ("On review today her gait is normal.", "gait", "neg"),
    ("MRI of the left knee to evaluate for a meniscal tear.", "diagnosis", "hyp"),
    ("No other acute fracture is seen.", "diagnosis", "neg"),
    ("Negative straight leg raise on the left.", "back_complaint", "neg"),
    ("Standing films show joint space narrowing without fracture.", "diagnosis", "neg"),
    ("There is no injection that would relieve her sacroiliac pain for long.", "back_complaint", "plain"),
]


@pytest.mark.parametrize(("sentence", "category", "context"), CONTEXT)
def test_a_findings_context_is_read_once_for_the_whole_finding(sentence: str, category: str, context: str) -> None:
    hit = by_category(sentence).get(category)
    assert hit is not None, sentence
    got = "neg" if hit.negated else "hyp" if hit.hypothetical else "plain"
    assert got == context, sentence


def test_the_necks_paraspinal_muscles_are_no_back() -> None:
    assert "back_complaint" not in by_category("Cervical paraspinal tenderness with reduced rotation to the right.")


def test_a_cue_word_a_heading_lends_the_back_to_is_a_normal_finding() -> None:
    hits = [h for h in find_flags("Spine: normal.\n") if h.category == "back_complaint"]
    assert all(h.negated for h in hits)


def test_these_sentences_are_not_training_data() -> None:
    labelled_text = pytest.importorskip("samples.labelled_text")
    joined = "\n".join(" ".join(t.text.split()) for t in labelled_text.repo_training_texts())
    sentences = [*ICD_DIAGNOSES, *NOT_DIAGNOSES, *(s for s, _c, _x in CONTEXT)]
    for sentence in sentences:
        assert " ".join(sentence.split()) not in joined, sentence


def test_a_denial_runs_along_its_list_however_long() -> None:
    sentence = (
        "Review of systems: she denies fever, chills, night sweats, weight loss, nausea, vomiting, cough, "
        "dyspnea, abdominal pain, dysuria, bowel or bladder incontinence, saddle numbness, or low back pain."
    )
    hit = by_category(sentence).get("back_complaint")
    assert hit is not None and hit.negated

