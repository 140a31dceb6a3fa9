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
