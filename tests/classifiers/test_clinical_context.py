"""ConText-style context: negation, history, hypotheticals, experiencer, with pseudo-triggers and terminations."""

from __future__ import annotations

import pytest

from classifiers.clinical_context import Context, assess_context


def context_of(sentence: str, concept: str) -> Context:
    start = sentence.index(concept)
    return assess_context(sentence, start, start + len(concept))


@pytest.mark.parametrize(
    ("sentence", "concept"),
    [
        ("Veteran denies back pain.", "back pain"),
        ("No evidence of foraminal narrowing.", "foraminal narrowing"),
        ("Negative for radiculopathy.", "radiculopathy"),
        ("Gait steady without a cane.", "cane"),
        ("Straight leg raise was negative.", "Straight leg raise"),
        ("Extremities reveal no cyanosis, clubbing or edema.", "edema"),
    ],
)
def test_negation_triggers(sentence: str, concept: str) -> None:
    assert context_of(sentence, concept).negated


def test_affirmed_concept_is_not_negated() -> None:
    ctx = context_of("Reports low back pain x 3 days.", "low back pain")
    assert ctx == Context(negated=False, historical=False, hypothetical=False, experiencer="patient", possible=False)


def test_pseudo_trigger_is_not_a_negation() -> None:
    assert not context_of("No increase in back pain since last visit.", "back pain").negated
    assert not context_of("It is at least as likely as not related to service.", "related to service").negated


def test_termination_ends_the_scope() -> None:
    sentence = "Denies numbness but reports back pain."
    assert context_of(sentence, "numbness").negated
    assert not context_of(sentence, "back pain").negated


def test_family_history_is_another_experiencer() -> None:
    assert context_of("Father had back surgery in 1990.", "back surgery").experiencer == "other"
    family = context_of("Family history: mother with degenerative disc disease.", "degenerative disc disease")
    assert family.experiencer == "other"
    assert context_of("He has degenerative disc disease.", "degenerative disc disease").experiencer == "patient"


def test_hypotheticals() -> None:
    assert context_of("Return to clinic if back pain worsens.", "back pain").hypothetical
    assert context_of("Call if unable to bear weight.", "unable to bear weight").hypothetical
    assert not context_of("Back pain worsens with bending.", "Back pain").hypothetical


def test_historical() -> None:
    assert context_of("History of lumbar strain.", "lumbar strain").historical
    assert context_of("Status post fall from a ladder in 2009.", "fall from a ladder").historical
    assert not context_of("History of present illness: low back pain x 2 weeks.", "low back pain").historical


def test_plain_age_is_not_historical() -> None:
    assert not context_of("A 54-year-old male with back pain.", "back pain").historical


def test_possible() -> None:
    assert context_of("Possible L5 radiculopathy.", "L5 radiculopathy").possible
    assert not context_of("L5 radiculopathy.", "L5 radiculopathy").possible


def test_span_outside_sentence_is_rejected() -> None:
    with pytest.raises(ValueError):
        assess_context("short", 2, 40)


def test_an_unquoted_yaml_no_still_means_the_word() -> None:
    from classifiers.clinical_context import compile_phrases

    rx = compile_phrases([False, "denies"])
    assert rx is not None and [m.group(0) for m in rx.finditer("No pain; denies fever")] == ["No", "denies"]


def test_a_relative_reporting_the_veterans_symptom_is_not_the_experiencer() -> None:
    assert context_of("Wife states his back hurts.", "back hurts").experiencer == "patient"
    assert context_of("Wife states her back hurts.", "back hurts").experiencer == "other"


def test_no_longer_and_no_further_negate() -> None:
    assert context_of("He no longer has back pain.", "back pain").negated
    assert context_of("No further episodes of back pain.", "back pain").negated


def test_a_negated_verb_ends_at_a_relative_clause() -> None:
    sentence = "The nurse did not chart the complaints that mention lumbar spasm."
    assert not context_of(sentence, "lumbar spasm").negated
    assert context_of("He does not limp today.", "limp").negated


def test_a_denied_relation_leaves_its_object_affirmed() -> None:
    sentence = "The tear is not related to the ankle sprain he had in service."
    assert not context_of(sentence, "ankle sprain").negated
    assert context_of("The arthritis is not due to age.", "due to age").negated


@pytest.mark.parametrize(
    ("sentence", "concept"),
    [
        ("Station and gait are normal.", "Station and gait"),
        ("Normal lumbar lordosis.", "lumbar lordosis"),
        ("Disc heights are well preserved.", "Disc heights"),
        ("He walks on his heels without difficulty.", "walks on his heels"),
    ],
)
def test_normal_cues(sentence: str, concept: str) -> None:
    ctx = context_of(sentence, concept)
    assert ctx.normal and not ctx.negated  # the finder turns normal into negated for findings


def test_an_abnormal_word_blocks_the_normal_cue_and_normal_aging_is_no_cue() -> None:
    assert not context_of("Sensation normal, gait antalgic.", "gait antalgic").normal
    assert not context_of("Reflexes normal; shuffling gait.", "shuffling gait").normal
    assert not context_of("These are normal aging changes of the spine.", "aging changes").normal


def test_cue_words_are_recognised_whole() -> None:
    from classifiers.clinical_context import is_cue

    assert is_cue("without difficulty") and is_cue("negative") and is_cue("within normal limits")
    assert not is_cue("walking") and not is_cue("negative for fracture")


def test_a_trigger_swallowed_by_a_cancelled_one_is_found_again() -> None:
    sentence = "Go to sick call if the numbness spreads."
    assert context_of(sentence, "numbness").hypothetical
    assert not context_of("Seen at sick call for numbness.", "numbness").hypothetical


def test_board_dispositions_are_no_negations() -> None:
    sentence = "The RO denied service connection for lumbar spondylosis in 2011."
    assert not context_of(sentence, "lumbar spondylosis").negated
    sentence = "Service connection for the knee strain was previously and finally denied."
    assert not context_of(sentence, "knee strain").negated
    assert context_of("He denied knee pain at separation.", "knee pain").negated


def test_persisting_symptoms_and_causal_speculation() -> None:
    assert not context_of("The hip pain never resolved after basic training.", "hip pain").negated
    assert not context_of("Knee pain, possibly due to overuse at the gym.", "overuse at the gym").hypothetical
    assert context_of("Rule out stress fracture of the tibia.", "stress fracture").hypothetical
