"""Concepts that compose: within a window of words, in one clause, two distinct stretches."""

from __future__ import annotations

import pytest

from classifiers.flag_lexicon import Composition, composed_spans, concept_regex, concept_spans, expand


def joined(text: str, members: list[str], window: int = 6) -> list[str]:
    concepts = concept_spans(text, frozenset(members))
    hits = composed_spans(text, concepts, Composition(tuple(members), window))
    return [" ".join(text[a:b] for a, b in hit) for hit in hits]


def test_site_and_symptom_join_in_either_order_within_the_window() -> None:
    assert joined("Soreness across the lower back today.", ["back_site", "symptom"]) == ["Soreness lower back"]
    assert joined("His lower back is stiff.", ["back_site", "symptom"]) == ["lower back stiff"]
    assert joined("Pain began in the knee and, weeks later, spread to the buttocks.", ["back_site", "symptom"], 3) == []


@pytest.mark.parametrize(
    "text",
    [
        "No stiffness; lumbar flexion is full.",
        "There is pain, but the lumbar exam is otherwise normal.",
        "Pain noted. Lumbar exam deferred.",
    ],
)
def test_a_clause_break_stops_a_composition(text: str) -> None:
    concepts = concept_spans(text, frozenset({"back_site", "symptom"}))
    hits = composed_spans(text, concepts, Composition(("back_site", "symptom"), 8))
    assert not any(text[a[0] : a[1]].lower() in ("pain", "stiffness") for hit in hits for a in hit[:1] if hit), hits


def test_one_word_cannot_be_both_members() -> None:
    text = "Rear-ended last week."
    assert composed_spans(text, concept_spans(text), Composition(("injury_event", "civilian_setting"), 5)) == []


def test_a_single_concept_entry_returns_every_match() -> None:
    text = "Uses a cane and a walker."
    hits = composed_spans(text, concept_spans(text, frozenset({"gait_word"})), Composition.parse("gait_word"))
    assert [text[h[0][0] : h[0][1]] for h in hits] == ["cane", "walker"]


def test_placeholders_expand_and_unknown_concepts_fail_loudly() -> None:
    assert concept_regex("leg_site").pattern in expand("<<leg_site>>")
    with pytest.raises(KeyError):
        expand("<<no_such_concept>>")
    with pytest.raises(KeyError):
        Composition.parse({"all": ["back_site", "no_such_concept"]})


def test_exact_patterns_are_not_ocr_tolerant() -> None:
    assert concept_regex("injury_not").search("the Board fails to ensure compliance")
    assert not concept_regex("injury_not").search("he had two unexpected falls")
