"""The kinds of misses of issue 10, each on text written for this test (not in any training data).

Every sentence here is fresh: none is in the generated corpus, the written training sentences, Board
set A or the real notes (`test_test_sentences_are_not_training_data` checks the repository's data).
"""

from __future__ import annotations

import pytest

from classifiers.evidence_flags import find_flags
from tests.classifiers.flag_reading import by_category as flags
from tests.classifiers.flag_reading import plain

# ------------------------------------------------------------------ narrative and lay language

NARRATIVE_BACK = [
    "The enlistment medical folder shows he kept returning to the aid station for lumbar pain.",
    "His sister remembers he could scarcely bend down to lace his boots that winter.",
    "Straight leg raising on the right brought on his back pain at about 35 degrees.",
    "She told the examiner her back seized up while she was vacuuming the stairs.",
    "Tenderness is elicited over the L3 and L4 spinous processes.",
]


@pytest.mark.parametrize("sentence", NARRATIVE_BACK)
def test_narrative_lay_and_exam_test_language_is_a_back_complaint(sentence: str) -> None:
    hit = flags(sentence).get("back_complaint")
    assert hit is not None and plain(hit), sentence


STORIES = [
    "Coming home from the range, a pickup truck rear-ended his sedan at a stop sign.",
    "In January he skidded on black ice in the motor pool and came down on his hip.",
    "He tripped over a cable in the hangar and fell face first onto the concrete.",
    "She was thrown against the door when the bus braked hard.",
]


@pytest.mark.parametrize("sentence", STORIES)
def test_accidents_told_as_stories_are_injuries(sentence: str) -> None:
    assert "injury" in flags(sentence), sentence


def test_a_chronology_line_of_a_letter_carries_its_events() -> None:
    letter = (
        "Timeline of his back condition:\n"
        "1996 - wrenched his back carrying a field stove during an exercise.\n"
        "1998 - seen twice for low back spasms after a unit run.\n"
    )
    hits = find_flags(letter)
    assert {h.category for h in hits if "1996" in h.sentence} >= {"injury"}
    assert {h.category for h in hits if "1998" in h.sentence} >= {"back_complaint"}


# ------------------------------------------------------------------ context

def test_sick_call_is_a_visit_not_a_conditional() -> None:
    hit = flags("Went to sick call the next morning for a stiff lower back.")["back_complaint"]
    assert plain(hit)
    assert flags("Call sick call if the low back pain spreads to your legs.")["back_complaint"].hypothetical


def test_a_negated_verb_does_not_reach_into_a_relative_clause() -> None:
    hit = flags("The reviewer never addressed the lay statements that recount his chronic back pain.")
    assert plain(hit["back_complaint"])
    assert flags("He did not report back pain at that visit.")["back_complaint"].negated


def test_a_negation_governs_its_own_clause_only() -> None:
    hits = flags("There is no acute fracture, but he is tender over the right sacroiliac joint.")
    assert hits["diagnosis"].negated
    assert plain(hits["back_complaint"])


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Gait is non-antalgic and even.", "gait"),
        ("She has a steady gait across the room.", "gait"),
        ("Lumbar vertebral body heights are maintained.", "imaging_finding"),
        ("The thoracolumbar spine is nontender to palpation.", "back_complaint"),
    ],
)
def test_normal_findings_are_flagged_negated(sentence: str, category: str) -> None:
    hit = flags(sentence, "imaging_report" if category == "imaging_finding" else "other").get(category)
    assert hit is not None and hit.negated, sentence


def test_an_abnormal_word_blocks_a_normal_cue() -> None:
    hit = flags("Strength is normal but the gait is slow and wide-based.")["gait"]
    assert plain(hit)


def test_a_checked_box_answers_the_item_on_its_own_line() -> None:
    form = (
        "Does the Veteran have guarding of the thoracolumbar spine?  [ ] YES  [X] NO\n"
        "Does the Veteran use a cane?  [X] YES  [ ] NO\n"
    )
    hits = {h.category: h for h in find_flags(form, "cp_exam")}
    assert hits["back_complaint"].negated and not hits["back_complaint"].hypothetical
    assert plain(hits["gait"])


def test_a_blank_form_question_and_an_unchecked_option() -> None:
    blank = flags("Does the Veteran have radicular pain in the legs?  [ ] YES  [ ] NO", "cp_exam")
    assert blank["back_complaint"].hypothetical
    option = find_flags("[ ] Uses a walker   [X] No assistive device", "cp_exam")
    assert not any("walker" in h.sentence[h.start - h.sentence_start : h.end - h.sentence_start] for h in option)


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Please opine whether the lumbar disc disease is related to the 2004 vehicle rollover.", "diagnosis"),
        ("Does the Veteran have a diagnosis of lumbar stenosis?", "diagnosis"),
        ("The examiner must state whether the knee condition was caused by the back disability.", "secondary_link"),
    ],
)
def test_remand_and_dbq_questions_are_hypothetical(sentence: str, category: str) -> None:
    hits = flags(sentence)
    assert hits[category].hypothetical
    assert "medical_opinion" not in hits or hits["medical_opinion"].hypothetical


def test_therapy_goals_are_hypothetical() -> None:
    page = "GOALS:\n1. Patient will walk 300 feet with a quad cane in 3 weeks.\n2. Climb 12 stairs with one rail."
    gait = [h for h in find_flags(page) if h.category == "gait"]
    assert gait and all(h.hypothetical for h in gait)
    assert flags("She will ambulate 100 feet with a walker by week 2.")["gait"].hypothetical


def test_family_history_section_is_another_experiencer() -> None:
    page = "FAMILY HISTORY:\nFather with lumbar spinal stenosis.\nSOCIAL HISTORY:\nWorks in an office."
    dx = [h for h in find_flags(page) if h.category == "diagnosis"]
    assert dx and all(h.experiencer == "other" for h in dx)


# ------------------------------------------------------------------ wrong categories

def test_a_referral_reason_is_no_secondary_link() -> None:
    hits = flags("She was sent to the spine clinic secondary to persistent low back pain.")
    assert "secondary_link" not in hits
    assert "back_complaint" in hits
    assert "secondary_link" in flags("His altered gait from the ankle has aggravated his lower back.")


@pytest.mark.parametrize(
    "sentence", ["Former two-pack-a-day smoker, quit in 2012.", "BMI 28.7 today.", "Smokes cigars."]
)
def test_smoking_and_bmi_under_30_are_no_alternative_cause(sentence: str) -> None:
    assert "alternative_cause" not in flags(sentence)


def test_obesity_is_an_alternative_cause() -> None:
    assert "alternative_cause" in flags("BMI 34.2, obese.")


@pytest.mark.parametrize("sentence", ["BP 152/94, HR 88.", "Blood pressure 138/86 at the first sick call visit."])
def test_blood_pressure_is_no_service_strain(sentence: str) -> None:
    assert "service_strain" not in flags(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        'The attorney enclosed "Acute Low Back Pain in Young Adults" from a medical journal.',
        "Jones RL et al. Back pain among infantry recruits. Mil Med 2009;174:1-6.",
    ],
)
def test_literature_titles_are_no_back_complaint(sentence: str) -> None:
    assert "back_complaint" not in flags(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "MRI of the brain shows a small old infarct in the left basal ganglia.",
        "CT chest demonstrated a 6 mm nodule in the right upper lobe.",
    ],
)
def test_brain_and_chest_imaging_are_out_of_scope(sentence: str) -> None:
    assert "imaging_finding" not in flags(sentence)
    assert "imaging_finding" in flags("MRI of the lumbar spine shows a disc extrusion at L4-5.")


# ------------------------------------------------------------------ one flag per sentence, spans

def test_one_flag_per_sentence_and_category_with_every_span_sorted() -> None:
    sentence = "Low back pain today; also back spasms at night and a sore tailbone."
    hits = [h for h in find_flags(sentence) if h.category == "back_complaint"]
    assert len(hits) == 1
    spans = hits[0].spans
    assert len(spans) >= 2 and list(spans) == sorted(spans)
    assert (hits[0].start, hits[0].end) == spans[0] and hits[0].text == sentence[spans[0][0] : spans[0][1]]


# ------------------------------------------------------------------ round 6: onsets, lost abilities, blows

ONSET_WITH_ACTIVITY = [
    "His low back pain came on two days ago while he was shoveling wet snow off the driveway.",
    "She first noticed the ache in her lower back after an afternoon of moving furniture.",
    "The pain began during a pickup basketball game last spring.",
    "While picking up a toolbox in the garage he felt a sharp twinge in his back.",
    "Her sacroiliac pain was initiated after shoveling gravel last fall.",
    "As she was lifting a carton of files she had an onset of sharp back pain.",
]


@pytest.mark.parametrize("sentence", ONSET_WITH_ACTIVITY)
def test_a_symptom_onset_told_with_its_activity_is_an_injury(sentence: str) -> None:
    hit = flags(sentence).get("injury")
    assert hit is not None and plain(hit), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Pain is worse with lifting and bending.",  # an aggravating factor, not an onset
        "The pain started gradually and has no clear cause.",
        "Symptoms began in 2019.",
    ],
)
def test_an_onset_without_an_activity_or_an_aggravating_factor_is_no_injury(sentence: str) -> None:
    assert "injury" not in flags(sentence), sentence


BLOWS_AND_MISSED_STEPS = [
    "He banged his head against the turret hatch.",
    "She struck her tailbone on the bathtub edge.",
    "He missed the bottom rung of the ladder.",
]


@pytest.mark.parametrize("sentence", BLOWS_AND_MISSED_STEPS)
def test_a_blow_against_something_and_a_missed_step_are_injuries(sentence: str) -> None:
    assert "injury" in flags(sentence), sentence


def test_a_date_of_injury_field_refers_to_an_injury_and_a_doi_citation_does_not() -> None:
    assert "injury" in flags("Date of injury: 04/19/2016")
    assert "injury" in flags("DOI: 9/3/2018")
    assert "injury" not in flags("Spine J. 2017;17(4):512. doi: 10.1016/j.spinee.2016.11.007")


@pytest.mark.parametrize(
    "sentence",
    [
        "After the fall he crawled to the kitchen to reach the phone.",
        "She now requires some assistance with transfers.",
        "He had to be carried to the truck by his squad leader.",
    ],
)
def test_moving_about_crawling_or_only_with_help_is_gait(sentence: str) -> None:
    hit = flags(sentence).get("gait")
    assert hit is not None and plain(hit), sentence


@pytest.mark.parametrize(
    ("sentence", "category", "negated", "hypothetical"),
    [
        ("After the jump he couldn't stand up straight for an hour.", "gait", False, False),
        ("Straight leg raise: negative right SLR at 80 degrees.", "back_complaint", True, False),
        ("The exam findings suggested a lumbosacral sprain with paraspinal spasm.", "back_complaint", False, False),
        ("I suggested heat and gentle stretching for the low back pain.", "back_complaint", False, True),
        ("Before the fall she was independent with ambulation in the community.", "gait", True, False),
        ("Lumbar films taken at urgent care showed nothing abnormal.", "imaging_finding", True, False),
    ],
)
def test_cue_scopes_of_round_six(sentence: str, category: str, negated: bool, hypothetical: bool) -> None:
    hit = flags(sentence)[category]
    assert (hit.negated, hit.hypothetical) == (negated, hypothetical), sentence


LOST_ABILITIES = [
    "Since the flare he is no longer able to walk to the mailbox.",
    "She can no longer stand long enough to cook a meal.",
    "He is only able to walk about half a block before stopping.",
]


@pytest.mark.parametrize("sentence", LOST_ABILITIES)
def test_an_ability_lost_is_a_positive_gait_finding(sentence: str) -> None:
    hit = flags(sentence).get("gait")
    assert hit is not None and plain(hit), sentence


def test_an_ability_kept_is_still_a_normal_finding() -> None:
    hit = flags("She is able to walk on her heels and toes.")["gait"]
    assert hit.negated


def test_thoracic_pain_is_a_back_complaint_and_a_thoracic_organ_is_not() -> None:
    hit = flags("Reports aching mid thoracic pain between the shoulder blades.").get("back_complaint")
    assert hit is not None and plain(hit)
    assert "back_complaint" not in flags("The thoracic surgeon found the thoracic aorta dilated.")


def test_an_exam_list_on_a_page_about_the_back_is_the_backs_unless_another_site_is_its_subject() -> None:
    page = (
        "Reason for visit: aching across the low back since moving house.\n"
        "He rates his lumbar pain 6/10 today.\n"
        "Objective:\n"
        "- Marked hypomobility with guarding\n"
        "NECK: Range of motion full.\n"
        "Trigger points were palpated as well.\n"
        "Tenderness throughout the left forearm was reported.\n"
        "Muscle spasm was also present.\n"
    )
    backs = {h.sentence for h in find_flags(page) if h.category == "back_complaint"}
    assert "- Marked hypomobility with guarding" in backs
    assert not any("Trigger points" in s for s in backs)  # under the NECK heading
    assert not any("Muscle spasm" in s for s in backs)  # continues the forearm sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "At his separation physical in May 1994 the examiner found the spine normal.",
        "Clinical evaluation: spine/other musculoskeletal within normal limits.",
    ],
)
def test_a_normal_spine_on_examination_is_a_negated_back_complaint(sentence: str) -> None:
    hit = flags(sentence)["back_complaint"]
    assert hit.negated and not hit.hypothetical


def test_a_normal_spine_on_an_image_is_no_back_complaint() -> None:
    assert "back_complaint" not in flags("Lumbar spine radiographs: alignment of the spine is normal.")


def test_duty_strain_documented_by_the_service_records_is_service_strain() -> None:
    sentence = "His service medical records note that he strained his back loading heavy crates onto a deuce."
    assert "service_strain" in flags(sentence, "board_decision")
    assert "alternative_cause" not in flags(sentence, "board_decision")


def test_a_veterans_contention_told_with_an_adverb_or_in_the_past_is_no_medical_opinion() -> None:
    for sentence in (
        "The Veteran essentially contends that his lumbar strain is related to the 1992 truck accident in service.",
        "The appellant argued that his knee arthritis was caused by parachute landings.",
    ):
        assert "medical_opinion" not in flags(sentence, "board_decision"), sentence


GENERAL_PROSE = [
    "Spinal stenosis is a narrowing of the canal that most commonly affects older adults.",
    "A pars defect can lead to slippage of one vertebra and to chronic low back pain.",
    "Lumbar strain is a type of soft tissue injury characterized by muscle spasm.",
]


@pytest.mark.parametrize("sentence", GENERAL_PROSE)
def test_teaching_prose_about_a_condition_in_general_is_no_finding(sentence: str) -> None:
    found = flags(sentence)
    assert not {"back_complaint", "diagnosis", "injury", "gait"} & set(found), (sentence, sorted(found))


def test_the_same_wording_about_the_patient_or_in_a_record_section_is_kept() -> None:
    assert "back_complaint" in flags("His pars defect can lead to flares of low back pain after long drives.")
    assert "diagnosis" in flags("ASSESSMENT: Lumbar strain, which can cause muscle spasm.")


TEST_SENTENCES = (
    NARRATIVE_BACK
    + STORIES
    + ONSET_WITH_ACTIVITY
    + BLOWS_AND_MISSED_STEPS
    + LOST_ABILITIES
    + [
        "Went to sick call the next morning for a stiff lower back.",
        "The reviewer never addressed the lay statements that recount his chronic back pain.",
        "There is no acute fracture, but he is tender over the right sacroiliac joint.",
        "She was sent to the spine clinic secondary to persistent low back pain.",
        "MRI of the brain shows a small old infarct in the left basal ganglia.",
    ]
)


def test_test_sentences_are_not_training_data() -> None:
    """The sentences above are not in the data the sentence model is fitted on."""
    labelled_text = pytest.importorskip("samples.labelled_text")
    training = {" ".join(t.text.split()) for t in labelled_text.repo_training_texts()}
    joined = "\n".join(training)
    for sentence in TEST_SENTENCES:
        assert " ".join(sentence.split()) not in joined, sentence


# A radiology report printed without headings: it names its image first, then speaks only of what it shows.
UNHEADED_REPORT = (
    "Sagittal and axial T2 images of the thoracic spine were reviewed.\n"
    "Vertebral alignment is anatomic.\nThe neural foramina are widely patent.\n"
    "The thecal sac is not effaced.\nThere is a small central disc extrusion at T7-8.\n"
)


def test_normal_statements_of_an_unheaded_radiology_report_are_negated_imaging_findings() -> None:
    imaging = [h for h in find_flags(UNHEADED_REPORT, "other") if h.category == "imaging_finding"]
    assert any("extrusion" in h.sentence and not h.negated for h in imaging)
    assert any("foramina are widely patent" in h.sentence and h.negated for h in imaging)


def test_a_radiology_report_among_private_records_reads_as_the_report_it_is() -> None:
    as_private = [h for h in find_flags(UNHEADED_REPORT, "private_treatment") if h.category == "imaging_finding"]
    as_report = [h for h in find_flags(UNHEADED_REPORT, "imaging_report") if h.category == "imaging_finding"]
    assert [h.sentence for h in as_private] == [h.sentence for h in as_report]
    assert any("foramina are widely patent" in h.sentence for h in as_private)


def test_a_consult_typed_as_an_imaging_report_keeps_its_symptoms_out_of_imaging_findings() -> None:
    consult = (
        "HISTORY OF PRESENT ILLNESS: Tingling that runs down the spine when she bends her head forward.\n"
        "PHYSICAL EXAMINATION: Brisk reflexes in both arms.\nMRI: Disc osteophyte complex at C4-5.\n"
    )
    imaging = [h.sentence for h in find_flags(consult, "imaging_report") if h.category == "imaging_finding"]
    assert not any("Tingling" in s for s in imaging)
    assert any("osteophyte" in s for s in imaging)  # its MRI section is still read as an image's
