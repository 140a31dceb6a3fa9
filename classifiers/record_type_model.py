"""The statistical half of record typing, inference only: TF-IDF over OCR-folded text plus the rule
points, into linear SVMs with sigmoid (Platt) calibration.

The model is fitted by `claimdex train` (claims/record_type_training.py, with scikit-learn) and kept as
an artifact of plain arrays and JSON (claims/model_artifacts.py): nothing here fits, reads or writes a
file, and nothing that is loaded can execute code. Inference needs numpy and scipy only (scikit-learn
costs ~0.75 s of import on every pool start): `TfidfTerms` applies a fitted TfidfVectorizer's
vocabulary and idf with the same operations, in the same order, so the features and probabilities are
bit for bit those of the fitted model (tests/classifiers/test_record_type_model.py checks it).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

import numpy as np
import scipy.sparse as sp

from classifiers.record_types import RECORD_TYPES, RuleSet, fold, score_page

ARTIFACT_FORMAT = "claimdex.record_type_model"
ARTIFACT_VERSION = 1
# Bump when the feature set or the training recipe changes (the rule points are features: a change to
# how record_types.py scores a page counts), so `claimdex train` must be run again.
MODEL_RECIPE_VERSION = "8"
RULE_POINT_SCALE = 6.0
# Words whose character n-grams a vectorizer remembers (~10 MiB); then it starts again.
KNOWN_WORDS = 50_000
# Pages whose features are computed together (about 10 MiB of feature matrices).
PREDICT_BATCH = 100
# The vectorizer parameters that shape features at prediction time (fit-only ones are left out).
VECTORIZER_PARAMS = ("analyzer", "ngram_range", "lowercase", "strip_accents", "token_pattern", "binary",
                     "norm", "use_idf", "smooth_idf", "sublinear_tf")
# scikit-learn's run of whitespace, collapsed before character n-grams.
_WHITE_SPACES = re.compile(r"\s\s+")


def rule_matrix(texts: Sequence[str], rules: RuleSet) -> sp.csr_matrix:
    """The rule pack's opinion of each page as features: capped points and "titled here" per type."""
    rows = []
    for text in texts:
        scores = score_page(text, rules)
        rows.append([min(scores.points.get(t, 0.0), 2 * RULE_POINT_SCALE) / RULE_POINT_SCALE for t in RECORD_TYPES]
                    + [1.0 if t in scores.zone_titled else 0.0 for t in RECORD_TYPES])
    return sp.csr_matrix(np.asarray(rows, dtype=np.float64))


def _expit_one(value: float) -> float:
    try:
        return 1.0 / (1.0 + math.exp(-value))
    except OverflowError:  # exp(-value) beyond a double: 1 / (1 + inf)
        return 0.0


def expit(values: np.ndarray) -> np.ndarray:
    """scipy.special.expit, 1 / (1 + exp(-x)), with the C library's exp as scipy's computes it, so the same
    doubles (numpy's own exp differs in the last bit for some values), without importing scipy.special:
    ~0.1 s of every worker pool's start-up for two calls."""
    return np.fromiter(map(_expit_one, values.tolist()), np.float64, len(values))


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
        scores = features @ self.coef.T + self.intercept  # what safe_sparse_dot does for sparse @ dense
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


@dataclass(frozen=True)
class TfidfTerms:
    """A fitted TfidfVectorizer's transform, without scikit-learn: its analyzer ("char_wb" or "word",
    lower-cased, no accent stripping), its vocabulary and idf, sublinear tf and l2 rows, reproduced
    operation by operation (CountVectorizer._count_vocab, TfidfTransformer.transform, and
    sparsefuncs_fast._inplace_csr_row_normalize_l2, which sums each row's squares in order in double)."""

    vocabulary: Mapping[str, int]
    idf: np.ndarray
    params: Mapping[str, Any]  # VECTORIZER_PARAMS and "dtype", as the artifact keeps them
    # Each word's character n-gram indices, as looked up (KNOWN_WORDS words at most).
    _known_words: dict[str, tuple[np.ndarray, int]] = field(default_factory=dict, init=False, repr=False,
                                                            compare=False)

    def __post_init__(self) -> None:
        p = self.params
        if (p["analyzer"] not in ("char_wb", "word") or not p["lowercase"] or p["strip_accents"] is not None
                or p["binary"] or not p["use_idf"] or p["norm"] not in ("l2", None)):
            raise ValueError(f"a TF-IDF configuration this model cannot apply: {dict(p)}")
        if len(self.idf) != len(self.vocabulary):
            raise ValueError("idf and vocabulary sizes differ")

    @property
    def dtype(self) -> np.dtype:
        return np.dtype(self.params["dtype"])

    def analyze(self, text: str) -> list[str]:
        """The terms of a text, in order, as the vectorizer's analyzer gives them."""
        low, high = self.params["ngram_range"]
        text = text.lower()
        if self.params["analyzer"] == "char_wb":
            return _char_wb_grams(_WHITE_SPACES.sub(" ", text), low, high)
        return _word_grams(_token_pattern(self.params["token_pattern"]).findall(text), low, high)

    def term_ids(self, text: str) -> tuple[np.ndarray, int]:
        """The vocabulary indices of the text's terms (one per occurrence, in no particular order), and
        how many terms it has in all, known or not."""
        if self.params["analyzer"] != "char_wb":
            terms = self.analyze(text)
            ids = np.fromiter(map(self.vocabulary.get, terms, repeat(-1)), dtype=np.int64, count=len(terms))
            return ids[ids >= 0], len(terms)
        # A word's character n-grams do not depend on its neighbours: each word is looked up once.
        words = [self._word_grams(w) for w in _WHITE_SPACES.sub(" ", text.lower()).split()]
        if not words:
            return np.zeros(0, dtype=np.int64), 0
        return np.concatenate([ids for ids, _n in words]), sum(n for _ids, n in words)

    def _word_grams(self, word: str) -> tuple[np.ndarray, int]:
        known = self._known_words.get(word)
        if known is None:
            low, high = self.params["ngram_range"]
            grams = _char_wb_grams(word, low, high)
            ids = np.fromiter(map(self.vocabulary.get, grams, repeat(-1)), dtype=np.int64, count=len(grams))
            if len(self._known_words) >= KNOWN_WORDS:
                self._known_words.clear()
            known = self._known_words[word] = (ids[ids >= 0], len(grams))
        return known

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        rows = [np.unique(self.term_ids(text)[0], return_counts=True) for text in texts]  # sorted indices
        indptr = np.zeros(len(texts) + 1, dtype=np.int32)
        np.cumsum([len(ids) for ids, _counts in rows], out=indptr[1:])
        index_array = np.concatenate([ids for ids, _counts in rows] or [np.zeros(0)]).astype(np.int32)
        data = np.concatenate([counts for _ids, counts in rows] or [np.zeros(0)]).astype(np.intc).astype(self.dtype)
        if self.params["sublinear_tf"]:
            np.log(data, data)
            data += 1.0
        data *= self.idf[index_array]
        if self.params["norm"] == "l2":
            for a, b in zip(indptr[:-1].tolist(), indptr[1:].tolist(), strict=True):
                if a == b:
                    continue
                row = data[a:b]
                total = np.cumsum(row * row, dtype=np.float64)[-1]  # in order, in double, as sklearn's loop
                if total == 0.0:
                    continue
                data[a:b] = row.astype(np.float64) / np.sqrt(total)
        return sp.csr_matrix((data, index_array, indptr), shape=(len(texts), len(self.vocabulary)))

    def to_arrays(self, prefix: str) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
        terms = np.empty(len(self.vocabulary), dtype=object)
        for term, index in self.vocabulary.items():
            terms[index] = term
        params = dict(self.params)
        params["ngram_range"] = list(params["ngram_range"])
        return {f"{prefix}_terms": terms.astype(str), f"{prefix}_idf": np.asarray(self.idf)}, params

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray], prefix: str, params: Mapping[str, Any]) -> TfidfTerms:
        terms = [str(t) for t in arrays[f"{prefix}_terms"]]
        kept = {k: params[k] for k in (*VECTORIZER_PARAMS, "dtype") if k in params}
        kept["ngram_range"] = tuple(kept["ngram_range"])
        return cls({t: i for i, t in enumerate(terms)}, np.asarray(arrays[f"{prefix}_idf"]), kept)


_TOKEN_PATTERNS: dict[str, re.Pattern[str]] = {}


def _token_pattern(pattern: str) -> re.Pattern[str]:
    compiled = _TOKEN_PATTERNS.get(pattern)
    if compiled is None:
        compiled = _TOKEN_PATTERNS[pattern] = re.compile(pattern)
        if compiled.groups > 1:
            raise ValueError("a token pattern with more than one group")
    return compiled


def _char_wb_grams(text: str, low: int, high: int) -> list[str]:
    """Character n-grams inside words padded with a space, each word's n-grams by size (a word shorter
    than n gives itself once, and no longer n-grams)."""
    grams: list[str] = []
    extend = grams.extend
    for word in text.split():
        w = " " + word + " "
        size = len(w)
        for n in range(low, high + 1):
            extend([w[i : i + n] for i in range(max(size - n + 1, 1))])
            if size <= n:
                break
    return grams


def _word_grams(tokens: list[str], low: int, high: int) -> list[str]:
    """Word n-grams: the tokens themselves when low is 1, then each longer n-gram size in turn."""
    if high == 1:
        return tokens
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high + 1, len(tokens) + 1)):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


class RecordTypeModel:
    """A fitted page classifier. predict_proba() gives calibrated P(record_type | page text)."""

    def __init__(self, char_terms: TfidfTerms, word_terms: TfidfTerms,
                 classes: Sequence[str], members: Sequence[CalibratedMember], rules: RuleSet) -> None:
        self.char_terms = char_terms
        self.word_terms = word_terms
        self.classes = tuple(classes)
        self.members = tuple(members)
        self.rules = rules

    def to_arrays(self) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
        """(arrays, metadata): numbers and strings only, for numpy.savez and JSON."""
        char_arrays, char_params = self.char_terms.to_arrays("char")
        word_arrays, word_params = self.word_terms.to_arrays("word")
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
        return cls(TfidfTerms.from_arrays(arrays, "char", meta["char"]),
                   TfidfTerms.from_arrays(arrays, "word", meta["word"]),
                   [str(c) for c in arrays["classes"]], members, rules)

    def features(self, texts: Sequence[str]) -> sp.csr_matrix:
        folded = [fold(t) for t in texts]
        return sp.hstack(
            [self.char_terms.transform(folded), self.word_terms.transform(folded),
             rule_matrix(texts, self.rules)]
        ).tocsr()

    def predict_proba(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """For each text, record type → probability (the model's classes; sums to 1)."""
        out: list[dict[str, float]] = []
        # PREDICT_BATCH pages at a time: a long file's feature matrices are never held at once. Each row's
        # features and probabilities depend on its own text only, so batching changes no figure.
        for i in range(0, len(texts), PREDICT_BATCH):
            features = self.features(texts[i : i + PREDICT_BATCH])
            probs = np.zeros((features.shape[0], len(self.classes)))
            for member in self.members:
                probs += member.predict_proba(features, len(self.classes))
            probs /= len(self.members)
            out += [dict(zip(self.classes, (float(p) for p in row), strict=True)) for row in probs]
        return out

    def familiarity(self, text: str) -> float:
        """How much the page looks like anything in training (0..1): the mean of the shares of its
        character n-grams and of its words the model has seen. Low means "nothing like this". Character
        n-grams keep OCR-broken words familiar; words keep ordinary English about other things unfamiliar."""
        folded = fold(text)
        known_grams, grams = self.char_terms.term_ids(folded)
        words = [w for w in folded.lower().split() if len(w) >= 3 and w.isalpha()]
        if not grams or not words:
            return 0.0
        char_share = len(known_grams) / grams
        word_share = sum(w in self.word_terms.vocabulary for w in words) / len(words)
        return (char_share + word_share) / 2


def rule_points(text: str, rules: RuleSet) -> Mapping[str, float]:
    """The rule pack's points for a text (a convenience for reports and tests)."""
    return score_page(text, rules).points
