"""A page's features and prediction come back from JSON equal to what was stored, or not at all."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import pytest

from claims.dataclass_json import UnsupportedValue, from_json, to_json
from classifiers.dates import PartialDate
from classifiers.document_segmentation import PagePrediction
from classifiers.page_features import PageFeatures, page_features
from classifiers.record_types import default_rules

PAGES = [
    "LOCAL TITLE: PRIMARY CARE NOTE\nDATE OF NOTE: JAN 09, 2020@13:40\nPage 1 of 2\nSeen 03/04/2019 and 2019.",
    "FAX 05/06/2021 10:02 FROM: LAW OFFICE P.2/5\nRATING DECISION\nDear Veteran:\n(continued)\nSincerely,",
    "",
]


@pytest.mark.parametrize("text", PAGES)
def test_page_features_come_back_equal(text: str) -> None:
    features = page_features(3, text, default_rules())
    stored = json.loads(json.dumps(to_json(features)))
    assert from_json(stored, PageFeatures) == features


def test_a_prediction_comes_back_with_its_exact_probabilities() -> None:
    prediction = PagePrediction("va_treatment", 0.1 + 0.2, False, {"va_treatment": 1 / 3, "other": 2 / 3})
    assert from_json(json.loads(json.dumps(to_json(prediction))), PagePrediction) == prediction


def test_partial_dates_keep_their_precision() -> None:
    dates = frozenset({PartialDate(2005), PartialDate(2008, 4), PartialDate(2008, 4, 22)})
    assert from_json(json.loads(json.dumps(to_json(dates))), frozenset[PartialDate]) == dates


@dataclass(frozen=True)
class _WithADate:
    day: dt.date


def test_what_it_cannot_keep_exactly_is_refused_both_ways() -> None:
    with pytest.raises(UnsupportedValue):
        to_json(_WithADate(dt.date(2020, 1, 1)))
    with pytest.raises(UnsupportedValue):
        from_json({"day": "2020-01-01"}, _WithADate)
    with pytest.raises(UnsupportedValue):
        from_json({"record_type": "other"}, PagePrediction)  # fields missing
    with pytest.raises(UnsupportedValue):
        from_json(True, int)
