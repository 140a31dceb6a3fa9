"""The sentence model: plain arrays in and out, calibrated scores, deciding only where the rules are silent."""

from __future__ import annotations

import io

import numpy as np
import pytest

from claims.flag_model_training import DEFAULT_THRESHOLDS, LabelledText, fit_flag_model, sentence_examples
from classifiers.evidence_flags import find_flags, read_sentences
from classifiers.flag_sentence_model import FlagSentenceModel, sentence_features
from config.vocabulary import FLAG_CATEGORIES


def test_arrays_round_trip_through_npz_without_pickle(flag_model: FlagSentenceModel) -> None:
    arrays = flag_model.to_arrays()
    assert all(a.dtype.kind in "iufU" for a in arrays.values()), {k: a.dtype for k, a in arrays.items()}
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    buffer.seek(0)
    with np.load(buffer, allow_pickle=False) as loaded:
        again = FlagSentenceModel.from_arrays(dict(loaded))
    sentence = "He hurt his lower back lifting a tire off the truck."
    features = sentence_features(sentence, None, {"back_site"})
    assert again.scores(features) == pytest.approx(flag_model.scores(features))
    assert again.categories == FLAG_CATEGORIES


def test_a_model_of_another_format_is_refused(flag_model: FlagSentenceModel) -> None:
    arrays = flag_model.to_arrays()
    arrays["format"] = np.array([99])
    with pytest.raises(ValueError):
        FlagSentenceModel.from_arrays(arrays)


def test_probabilities_are_calibrated_between_zero_and_one(flag_model: FlagSentenceModel) -> None:
    for sentence in ("Blood pressure is 120/80.", "Severe low back pain radiating to the left calf."):
        scores = flag_model.predict(sentence, None, set())
        assert all(0.0 <= p <= 1.0 for p in scores.values())
    back = flag_model.predict("Severe low back pain radiating to the left calf.", None, {"back_site", "symptom"})
    vitals = flag_model.predict("Blood pressure is 120/80.", None, set())
    assert back["back_complaint"] > 0.9 > vitals["back_complaint"]


def test_shipped_thresholds_turn_the_model_on_only_where_it_helped(flag_model: FlagSentenceModel) -> None:
    for category in FLAG_CATEGORIES:
        expected = DEFAULT_THRESHOLDS.get(category, 1.01)
        assert flag_model.threshold(category) == pytest.approx(expected)


def test_the_model_decides_where_the_rules_are_silent(flag_model: FlagSentenceModel) -> None:
    arrays = flag_model.to_arrays()
    arrays["thresholds"] = np.full(len(FLAG_CATEGORIES), 1.01)
    arrays["thresholds"][FLAG_CATEGORIES.index("back_complaint")] = 0.5
    eager = FlagSentenceModel.from_arrays(arrays)
    page = "Patient has had intractable pain for years after the discectomy."
    rules_only = {h.category for h in find_flags(page)}
    with_model = [h for h in find_flags(page, model=eager) if h.category == "back_complaint"]
    assert "back_complaint" not in rules_only
    assert with_model and with_model[0].source == "model" and with_model[0].score is not None
    hit = with_model[0]
    assert all(hit.sentence_start <= s < e <= hit.sentence_start + len(hit.sentence) for s, e in hit.spans)


def test_a_rule_flag_keeps_its_source_and_gets_a_score(flag_model: FlagSentenceModel) -> None:
    hits = find_flags("Chronic low back pain since the fall.", model=flag_model)
    (hit,) = [h for h in hits if h.category == "back_complaint"]
    assert hit.source in ("rule", "rule+model") and hit.score is not None


def test_fitting_is_deterministic_and_learns_from_the_labels() -> None:
    texts = [
        LabelledText(f"The wobble in his walk is worse on day {i}.", ((0, 40, frozenset({"gait"})),)) for i in range(6)
    ] + [LabelledText(f"The invoice for day {i} was paid.", ((0, 30, frozenset()),)) for i in range(6)]
    a = fit_flag_model(texts, thresholds={"gait": 0.5})
    b = fit_flag_model(texts, thresholds={"gait": 0.5})
    assert np.array_equal(a.weights, b.weights)
    gait = a.predict("A wobble in the walk.", None, set())["gait"]
    paid = a.predict("The invoice was paid.", None, set())["gait"]
    assert gait > paid
    assert a.threshold("injury") > 1  # no positive example: never fires


def test_training_reads_sentences_as_the_finder_does() -> None:
    text = "HPI: fell off a roof.\nIMPRESSION: L5 radiculopathy."
    doc = LabelledText(text, ((0, 21, frozenset({"injury"})), (22, len(text), frozenset({"diagnosis"}))))
    features, labels = sentence_examples([doc])
    readings = read_sentences(text)
    assert [r.features for r in readings] == features
    assert labels == [frozenset({"injury"}), frozenset({"diagnosis"})]
    assert "s:history" in features[0] and "s:findings" in features[1]
