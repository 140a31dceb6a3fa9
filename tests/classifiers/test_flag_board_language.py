"""Round 3 of issue 10: the kinds of miss found on Board set C's dev folds, each tested on a sentence
written for this test (not in any training data, not in set C: `test_sentences_are_not_training_data`).

Board decisions retell the record: treatment sought for the back, a documented gap after service, an
examiner's opinion "not connected with" service, the questions a remand puts to an examiner, duty
limitations, and cues that belong to a clause of their own ("none of which", "did not discuss").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from classifiers.evidence_flags import FlagHit, find_flags
from samples.labelled_text import BOARD_OPENINGS, load_labelled_units, repo_training_texts
from tests.classifiers.flag_reading import by_category, plain


def flags(text: str) -> dict[str, FlagHit]:
    return by_category(text, "board_decision")


# ------------------------------------------------------------------ narrative retold by the Board

def test_treatment_sought_for_the_back_is_a_back_complaint_but_a_claimed_disability_is_not() -> None:
    hit = flags("In March 1982 she went to the dispensary and was treated for her lower back.").get("back_complaint")
    assert hit is not None and plain(hit)
    assert "back_complaint" not in flags("He seeks treatment for a back disability he says began in service.")


def test_a_documented_first_mention_after_service_is_negated_continuity() -> None:
    hit = flags("The earliest record of hip pain is a 2011 note; the first documentation post-service "
                "of any hip complaint is in 2011.").get("continuity")
    assert hit is not None and hit.negated
    hit = flags("A neck strain was not treated in the years immediately thereafter.").get("continuity")
    assert hit is not None and hit.negated


def test_symptoms_that_continued_after_separation_are_continuity() -> None:
    hit = flags("Her recurrent knee pain persisted after separation from active duty.").get("continuity")
    assert hit is not None and plain(hit)


def test_an_opinion_not_connected_with_service_is_a_negative_opinion() -> None:
    hit = flags("The examiner concluded that the lumbar strain was not connected with his time on active duty."
                ).get("medical_opinion")
    assert hit is not None and hit.polarity == "negative"


def test_an_opinion_named_by_its_polarity() -> None:
    hit = flags("The 2016 unfavorable nexus opinion for the knee did not weigh his lay reports.").get("medical_opinion")
    assert hit is not None and hit.polarity == "negative"
    hit = flags("A favorable private opinion about the spine was received in 2019.").get("medical_opinion")
    assert hit is not None and hit.polarity == "positive"


@pytest.mark.parametrize("sentence", [
    "Arrange for an examination to address the etiology of the claimed right ankle condition.",
    "The AOJ should secure a medical opinion as to the cause of any lumbar spine disorder found.",
    "Further development is needed to determine whether the hip arthritis is related to service.",
])
def test_what_a_remand_asks_an_examiner_is_a_hypothetical_opinion_without_polarity(sentence: str) -> None:
    hit = flags(sentence).get("medical_opinion")
    assert hit is not None and hit.hypothetical and hit.polarity is None, sentence


def test_a_claimed_secondary_theory_in_an_issue_line_is_a_hypothetical_link() -> None:
    hit = flags("2. Entitlement to service connection for a left hip disorder, secondary to a lower back "
                "disorder.").get("secondary_link")
    assert hit is not None and hit.hypothetical


def test_a_duty_limitation_and_its_reason_are_neither_opinion_nor_link() -> None:
    found = flags("He was kept on limited duty due to lumbar pain and a suspected disc bulge for two months.")
    assert "medical_opinion" not in found and "secondary_link" not in found
    assert "back_complaint" in found


def test_duty_running_and_marches_counted_in_words_are_service_strain() -> None:
    assert "service_strain" in flags("She said her unit ran five miles in combat boots every morning at Fort Hood.")
    assert "service_strain" in flags("His ankles gave out during a fifteen-mile road march in Germany.")


def test_damage_to_a_meniscus_is_a_diagnosis() -> None:
    assert "diagnosis" in flags("Years of jumping left damage to the lateral meniscus of the right knee.")


# ------------------------------------------------------------------ cues with a clause of their own

def test_none_of_which_governs_what_follows_not_what_precedes() -> None:
    found = flags("He logged 52 static-line jumps, none of which led to an injury.")
    assert plain(found["service_strain"])
    assert found["injury"].negated
    assert plain(flags("He logged 52 static-line jumps, none in combat.")["service_strain"])
    assert flags("Fractures: none.")["diagnosis"].negated


def test_an_opinion_that_did_not_discuss_an_event_leaves_the_event_standing() -> None:
    hit = flags("The opinion is inadequate because the examiner failed to discuss a 1998 motorcycle accident."
                ).get("injury")
    assert hit is not None and not hit.negated
    hit = flags("The examiner did not address the 2004 fall from a ladder.").get("injury")
    assert hit is not None and not hit.negated


def test_a_denied_increased_rating_is_no_denied_diagnosis() -> None:
    hit = flags("In 2015 the Board denied higher ratings for his lumbar spondylosis.").get("diagnosis")
    assert hit is not None and not hit.negated


def test_relatives_who_write_a_statement_are_its_source_not_its_subject() -> None:
    found = flags("His mother and a neighbor wrote statements indicating that the claimant has had back pain "
                  "since service.")
    assert found["back_complaint"].experiencer == "patient"
    assert found["continuity"].experiencer == "patient"
    # a relative's own condition stays the relative's
    assert flags("His mother has chronic back pain.")["back_complaint"].experiencer == "other"


TEST_SENTENCES = [
    "In March 1982 she went to the dispensary and was treated for her lower back.",
    "Her recurrent knee pain persisted after separation from active duty.",
    "The examiner concluded that the lumbar strain was not connected with his time on active duty.",
    "He logged 52 static-line jumps, none of which led to an injury.",
    "The examiner did not address the 2004 fall from a ladder.",
    "In 2015 the Board denied higher ratings for his lumbar spondylosis.",
]


def test_sentences_are_not_training_data() -> None:
    training = "\n".join(" ".join(t.text.split()) for t in repo_training_texts())
    set_c = "\n".join(u.text for u in load_labelled_units(Path(BOARD_OPENINGS) / "C"))
    for sentence in TEST_SENTENCES:
        assert sentence not in training and sentence not in set_c, sentence


# ------------------------------------------------------------------ lay accounts, forms and reports (web set)

def test_a_lifting_strain_told_as_it_happened_is_an_injury_and_a_back_complaint() -> None:
    found = by_category("While carrying a crate of paint up the stairs he felt his lower back 'give out'.")
    assert "injury" in found and "back_complaint" in found
    found = by_category("Reaching for a bag of mulch, I felt a pop in my back and dropped it.")
    assert "back_complaint" in found


def test_walking_in_pain_told_in_lay_words_is_gait() -> None:
    assert "gait" in by_category("Most mornings it is hard for him to walk to the mailbox.")
    assert "gait" in by_category("By Friday she was walking like a hunchback around the office.")


def test_being_unable_to_move_on_a_page_about_the_back_is_a_back_complaint() -> None:
    # (a page's topic takes two sentences of the category: TOPIC_MIN_SENTENCES)
    page = ("He has had low back pain since Tuesday.\nHis lumbar muscles are in spasm.\n"
            "That night he could barely move.")
    hits = [h for h in find_flags(page, "other") if h.category == "back_complaint"]
    assert page.index("That night") in {h.sentence_start for h in hits}
    assert "back_complaint" not in by_category("After the flu she could hardly move.")


def test_questionnaire_pain_down_your_leg_is_a_hypothetical_back_complaint() -> None:
    hit = by_category("Does the aching travel down your thigh when you sit?").get("back_complaint")
    assert hit is not None and hit.hypothetical


def test_blank_form_items_are_hypothetical_and_a_blank_back_item_is_no_complaint() -> None:
    form = ("4.1 Antalgic gait ______________________\n"
            "4.2 Lumbar paraspinal spasm ______________________\n"
            "Date of injury: __ __ / __ __ / __ __")
    found = {h.category: h for h in find_flags(form, "other")}
    assert found["gait"].hypothetical and not found["gait"].negated
    assert "back_complaint" not in found
    assert found["injury"].hypothetical


def test_form_column_headers_answer_nothing_and_a_colon_no_does() -> None:
    found = by_category("SPINE EXAM YES NO 1.1 Trendelenburg gait observed")
    assert not found["gait"].negated
    assert by_category("Radiating leg pain: no.")["back_complaint"].negated


def test_a_future_condition_and_a_question_put_as_an_issue_are_hypothetical() -> None:
    hit = by_category("She can return to full duty once the back spasm settles.").get("back_complaint")
    assert hit is not None and hit.hypothetical
    hit = by_category("Issue: whether the claimant's knee arthritis is related to the 2003 work accident."
                      ).get("medical_opinion")
    assert hit is not None and hit.hypothetical


def test_fear_of_falling_is_no_fall_and_job_demands_are_no_gait() -> None:
    assert "injury" not in by_category("Balance training today to reduce her fear of falling on ice.")
    assert "gait" not in by_category("Occupation: warehouse lead; the job requires constant walking and lifting.")


def test_an_abnormal_curve_of_a_normal_lordosis_is_not_a_normal_finding() -> None:
    for finding in ("reversal of the normal cervical lordosis", "straightening of normal lumbar lordosis"):
        hit = by_category(f"X-ray: {finding}.").get("imaging_finding")
        assert hit is not None and not hit.negated, finding


def test_retrolisthesis_is_a_diagnosis_and_aging_as_its_consequence_is_an_attribution() -> None:
    assert "diagnosis" in by_category("Mild retrolisthesis of L3 on L4 is noted.")
    assert "aging_attribution" in by_category("The facet arthrosis is an expected consequence of normal aging.")


def test_a_shipping_job_of_lifting_boxes_is_an_alternative_cause_and_weight_gain_is_not() -> None:
    assert "alternative_cause" in by_category("He works at a moving company, lifting boxes ten hours a day.")
    assert "alternative_cause" not in by_category("Review of systems: no weight gain, no fever.")
