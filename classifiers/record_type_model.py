"""The statistical half of record typing, inference only: TF-IDF over OCR-folded text plus the rule
points, into linear SVMs with sigmoid (Platt) calibration.

The model is fitted by `claimdex train` (claims/record_type_training.py) and kept as an artifact of
plain arrays and JSON (claims/model_artifacts.py): nothing here fits, reads or writes a file, and
nothing that is loaded can execute code. `to_arrays()` / `from_arrays()` are the artifact's two ends;
predictions from a model rebuilt from its arrays are bit for bit those of the fitted one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.special import expit
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import LabelEncoder
from sklearn.utils.extmath import safe_sparse_dot

from classifiers.record_types import RECORD_TYPES, RuleSet, fold, score_page

ARTIFACT_FORMAT = "claimdex.record_type_model"
ARTIFACT_VERSION = 1
# Bump when the feature set or the training recipe changes (the rule points are features: a change to
# how record_types.py scores a page counts), so `claimdex train` must be run again.
MODEL_RECIPE_VERSION = "7"
RULE_POINT_SCALE = 6.0
# The vectorizer parameters that shape features at prediction time (fit-only ones are left out).
_VECTORIZER_PARAMS = ("analyzer", "ngram_range", "lowercase", "strip_accents", "token_pattern", "binary",
                      "norm", "use_idf", "smooth_idf", "sublinear_tf")


def rule_matrix(texts: Sequence[str], rules: RuleSet) -> sp.csr_matrix:
    """The rule pack's opinion of each page as features: capped points and "titled here" per type."""
    rows = []
    for text in texts:
        scores = score_page(text, rules)
        rows.append([min(scores.points.get(t, 0.0), 2 * RULE_POINT_SCALE) / RULE_POINT_SCALE for t in RECORD_TYPES]
                    + [1.0 if t in scores.zone_titled else 0.0 for t in RECORD_TYPES])
    return sp.csr_matrix(np.asarray(rows, dtype=np.float64))


@dataclass(frozen=True)
class CalibratedMember:
    """One calibration fold: a linear SVM's weights and one sigmoid per class it scores."""

    coef: np.ndarray  # (n_estimator_classes, n_features)
    intercept: np.ndarray  # (n_estimator_classes,)
    class_index: np.ndarray  # column of the full class list each estimator class fills
    sigmoid_a: np.ndarray
    sigmoid_b: np.ndarray

    def predict_proba(self, features: sp.csr_matrix, n_classes: int) -> np.ndarray:
        # The same operations, in the same order, as sklearn's _CalibratedClassifier.predict_proba.
        scores = safe_sparse_dot(features, self.coef.T, dense_output=True) + self.intercept
        proba = np.zeros((features.shape[0], n_classes))
        if n_classes == 2:  # one score column: it is the second class's
            proba[:, 1] = expit(-(self.sigmoid_a[0] * scores[:, 0] + self.sigmoid_b[0]))
            proba[:, 0] = 1.0 - proba[:, 1]
        else:
            for k, column in enumerate(self.class_index):
                proba[:, column] = expit(-(self.sigmoid_a[k] * scores[:, k] + self.sigmoid_b[k]))
            denominator = np.sum(proba, axis=1)[:, np.newaxis]
            uniform = np.full_like(proba, 1 / n_classes)
            proba = np.divide(proba, denominator, out=uniform, where=denominator != 0)
        proba[(proba > 1.0) & (proba <= 1.0 + 1e-5)] = 1.0
        return proba


def _vectorizer_arrays(prefix: str, vectorizer: TfidfVectorizer) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    vocabulary = vectorizer.vocabulary_
    terms = np.empty(len(vocabulary), dtype=object)
    for term, index in vocabulary.items():
        terms[index] = term
    params = {k: v for k, v in vectorizer.get_params().items() if k in _VECTORIZER_PARAMS}
    params["ngram_range"] = list(params["ngram_range"])
    params["dtype"] = np.dtype(vectorizer.dtype).name
    return {f"{prefix}_terms": terms.astype(str), f"{prefix}_idf": np.asarray(vectorizer.idf_)}, params


def _vectorizer_from(arrays: Mapping[str, np.ndarray], prefix: str, params: Mapping[str, Any]) -> TfidfVectorizer:
    terms = [str(t) for t in arrays[f"{prefix}_terms"]]
    kwargs = {k: params[k] for k in _VECTORIZER_PARAMS if k in params}
    kwargs["ngram_range"] = tuple(kwargs["ngram_range"])
    vectorizer = TfidfVectorizer(vocabulary={t: i for i, t in enumerate(terms)}, dtype=np.dtype(params["dtype"]),
                                 **kwargs)
    vectorizer.idf_ = arrays[f"{prefix}_idf"]
    return vectorizer


class RecordTypeModel:
    """A fitted page classifier. predict_proba() gives calibrated P(record_type | page text)."""

    def __init__(self, char_vectorizer: TfidfVectorizer, word_vectorizer: TfidfVectorizer,
                 classes: Sequence[str], members: Sequence[CalibratedMember], rules: RuleSet) -> None:
        self.char_vectorizer = char_vectorizer
        self.word_vectorizer = word_vectorizer
        self.classes = tuple(classes)
        self.members = tuple(members)
        self.rules = rules

    @classmethod
    def from_fitted(cls, char_vectorizer: TfidfVectorizer, word_vectorizer: TfidfVectorizer,
                    classifier: CalibratedClassifierCV, rules: RuleSet) -> RecordTypeModel:
        """Keep what prediction needs of a fitted CalibratedClassifierCV(LinearSVC, sigmoid)."""
        classes = [str(c) for c in classifier.classes_]
        members = []
        for calibrated in classifier.calibrated_classifiers_:
            estimator = calibrated.estimator
            index = LabelEncoder().fit(calibrated.classes).transform(estimator.classes_)
            members.append(CalibratedMember(
                coef=np.asarray(estimator.coef_), intercept=np.asarray(estimator.intercept_),
                class_index=np.asarray(index, dtype=np.int64),
                sigmoid_a=np.asarray([c.a_ for c in calibrated.calibrators], dtype=np.float64),
                sigmoid_b=np.asarray([c.b_ for c in calibrated.calibrators], dtype=np.float64)))
        return cls(char_vectorizer, word_vectorizer, classes, members, rules)

    def to_arrays(self) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
        """(arrays, metadata): numbers and strings only, for numpy.savez and JSON."""
        char_arrays, char_params = _vectorizer_arrays("char", self.char_vectorizer)
        word_arrays, word_params = _vectorizer_arrays("word", self.word_vectorizer)
        arrays: dict[str, np.ndarray] = {**char_arrays, **word_arrays, "classes": np.asarray(self.classes, dtype=str)}
        for k, m in enumerate(self.members):
            arrays.update({f"m{k}_coef": m.coef, f"m{k}_intercept": m.intercept, f"m{k}_class_index": m.class_index,
                           f"m{k}_sigmoid_a": m.sigmoid_a, f"m{k}_sigmoid_b": m.sigmoid_b})
        meta = {"format": ARTIFACT_FORMAT, "version": ARTIFACT_VERSION, "recipe": MODEL_RECIPE_VERSION,
                "members": len(self.members), "char": char_params, "word": word_params}
        return arrays, meta

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray], meta: Mapping[str, Any], rules: RuleSet
                    ) -> RecordTypeModel:
        if meta.get("format") != ARTIFACT_FORMAT or meta.get("version") != ARTIFACT_VERSION:
            raise ValueError("not a record-type model artifact of this version")
        if meta.get("recipe") != MODEL_RECIPE_VERSION:
            raise ValueError(f"record-type model recipe {meta.get('recipe')} is not {MODEL_RECIPE_VERSION}: "
                             "run `claimdex train`")
        members = [CalibratedMember(coef=arrays[f"m{k}_coef"], intercept=arrays[f"m{k}_intercept"],
                                    class_index=arrays[f"m{k}_class_index"], sigmoid_a=arrays[f"m{k}_sigmoid_a"],
                                    sigmoid_b=arrays[f"m{k}_sigmoid_b"])
                   for k in range(int(meta["members"]))]
        return cls(_vectorizer_from(arrays, "char", meta["char"]), _vectorizer_from(arrays, "word", meta["word"]),
                   [str(c) for c in arrays["classes"]], members, rules)

    def features(self, texts: Sequence[str]) -> sp.csr_matrix:
        folded = [fold(t) for t in texts]
        return sp.hstack(
            [self.char_vectorizer.transform(folded), self.word_vectorizer.transform(folded),
             rule_matrix(texts, self.rules)]
        ).tocsr()

    def predict_proba(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """For each text, record type → probability (the model's classes; sums to 1)."""
        if not texts:
            return []
        features = self.features(texts)
        probs = np.zeros((features.shape[0], len(self.classes)))
        for member in self.members:
            probs += member.predict_proba(features, len(self.classes))
        probs /= len(self.members)
        return [dict(zip(self.classes, (float(p) for p in row), strict=True)) for row in probs]

    def familiarity(self, text: str) -> float:
        """How much the page looks like anything in training (0..1): the mean of the shares of its
        character n-grams and of its words the model has seen. Low means "nothing like this". Character
        n-grams keep OCR-broken words familiar; words keep ordinary English about other things unfamiliar."""
        folded = fold(text)
        grams = self.char_vectorizer.build_analyzer()(folded)
        words = [w for w in folded.lower().split() if len(w) >= 3 and w.isalpha()]
        if not grams or not words:
            return 0.0
        char_share = sum(g in self.char_vectorizer.vocabulary_ for g in grams) / len(grams)
        word_share = sum(w in self.word_vectorizer.vocabulary_ for w in words) / len(words)
        return (char_share + word_share) / 2


def rule_points(text: str, rules: RuleSet) -> Mapping[str, float]:
    """The rule pack's points for a text (a convenience for reports and tests)."""
    return score_page(text, rules).points
