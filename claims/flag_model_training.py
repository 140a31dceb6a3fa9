"""Fit the evidence finder's sentence model (`classifiers.flag_sentence_model.FlagSentenceModel`).

Use case, not classifier: it takes labelled text as arguments and returns a fitted model; it reads no
file and writes none (the caller chooses the data and where the arrays go, e.g. `numpy.savez`).
The data the shipped model is fitted on must be in the repository: the generated corpus's training
variants (`samples.flag_corpus`), the labelled Board openings of set A (`samples/data/board_openings/A`)
and the sentences written for the finder (`samples/data/flag_sentences.jsonl`); see
`samples.labelled_text.repo_training_texts`.

Recipe: per category, an L2 logistic regression over the binary features of
`classifiers.evidence_flags.read_sentences` (words, word pairs, stems, lexicon concepts, section kind),
features seen at least `min_count` times; then Platt scaling fitted on
out-of-fold decision values (3 folds), so the probabilities are calibrated rather than the training
fit's. Thresholds per category: `DEFAULT_THRESHOLDS` (chosen on the real notes' dev folds) unless given.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from classifiers.evidence_flags import read_sentences
from classifiers.flag_sentence_model import FlagSentenceModel
from config.vocabulary import FLAG_CATEGORIES

# Where the rules are silent, the model flags a category at this calibrated probability. Chosen on the
# real notes' DEV folds (`python bench/eval_flags.py --sweep`): the model adds recall on back complaints
# (+3 units for +1 false positive at 0.85) and injuries (+1 at 0.8). Elsewhere it added nothing (gait,
# opinions, continuity, links: also none on Board set A cross-fitted) or only false positives (imaging
# findings, alternative causes, diagnoses, service strain on the corpus), so those stay off (above 1).
DEFAULT_THRESHOLDS: dict[str, float] = {"back_complaint": 0.85, "injury": 0.8}
CALIBRATION_FOLDS = 3


@dataclass(frozen=True)
class LabelledText:
    """A page (or one sentence) and its labelled stretches: (start, end, categories) in its offsets.

    Each sentence of the text takes the categories of the stretch holding its middle character; a
    sentence in no stretch is a negative example.
    """

    text: str
    stretches: tuple[tuple[int, int, frozenset[str]], ...]
    record_type: str = "other"
    group: str = ""  # a document name, for callers that split by document


@dataclass
class _Examples:
    features: list[tuple[str, ...]] = field(default_factory=list)
    labels: list[frozenset[str]] = field(default_factory=list)


def sentence_examples(texts: Sequence[LabelledText]) -> tuple[list[tuple[str, ...]], list[frozenset[str]]]:
    """Feature names and categories of every sentence of the texts, read as `find_flags` reads them."""
    out = _Examples()
    for doc in texts:
        for reading in read_sentences(doc.text, doc.record_type):
            mid = (reading.start + reading.end) // 2
            cats: frozenset[str] = frozenset()
            for s, e, c in doc.stretches:
                if s <= mid < e:
                    cats = c
                    break
            out.features.append(reading.features)
            out.labels.append(cats)
    return out.features, out.labels


def _design(
    features: list[tuple[str, ...]], min_count: int
) -> tuple[list[str], csr_matrix]:
    counts = Counter(f for row in features for f in set(row))
    vocabulary = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(vocabulary)}
    rows: list[int] = []
    cols: list[int] = []
    for r, row in enumerate(features):
        for f in set(row):
            if (i := index.get(f)) is not None:
                rows.append(r)
                cols.append(i)
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(features), len(vocabulary)))
    return vocabulary, x


def _platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Sigmoid calibration p = 1 / (1 + exp(-(a z + b))) fitted on out-of-fold decision values."""
    lr = LogisticRegression(C=1e4, solver="lbfgs")
    lr.fit(z.reshape(-1, 1), y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def fit_flag_model(
    texts: Sequence[LabelledText],
    thresholds: Mapping[str, float] | None = None,
    c: float = 0.5,
    min_count: int = 2,
    seed: int = 0,
) -> FlagSentenceModel:
    """A calibrated per-category model fitted on the texts' sentences (deterministic for a seed).

    A category without positive examples gets zero weights and a threshold of 1 (it never fires).
    """
    features, labels = sentence_examples(texts)
    vocabulary, x = _design(features, min_count)
    k = len(FLAG_CATEGORIES)
    weights = np.zeros((len(vocabulary), k), dtype=np.float32)
    calib_a = np.ones(k)
    calib_b = np.zeros(k)
    chosen = np.full(k, 1.01)  # a category without positive examples never fires
    bias_col = vocabulary.index("bias") if "bias" in vocabulary else None
    for j, category in enumerate(FLAG_CATEGORIES):
        y = np.array([category in lab for lab in labels], dtype=int)
        if y.sum() < CALIBRATION_FOLDS or y.sum() > len(y) - CALIBRATION_FOLDS:
            calib_b[j] = -20.0
            continue
        model = LogisticRegression(C=c, solver="liblinear", class_weight="balanced", random_state=seed)
        model.fit(x, y)
        coef = model.coef_[0].astype(np.float32)
        if bias_col is not None:
            coef[bias_col] += np.float32(model.intercept_[0])
        weights[:, j] = coef
        oof = np.zeros(len(y))
        folds = StratifiedKFold(n_splits=CALIBRATION_FOLDS, shuffle=True, random_state=seed)
        for train, held in folds.split(x, y):
            m = LogisticRegression(C=c, solver="liblinear", class_weight="balanced", random_state=seed)
            m.fit(x[train], y[train])
            oof[held] = m.decision_function(x[held])
        calib_a[j], calib_b[j] = _platt(oof, y)
        chosen[j] = (thresholds if thresholds is not None else DEFAULT_THRESHOLDS).get(category, 1.01)
    return FlagSentenceModel(FLAG_CATEGORIES, vocabulary, weights, calib_a, calib_b, chosen)
