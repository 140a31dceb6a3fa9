"""The statistical half of record typing: TF-IDF over OCR-folded text plus the rule points, into a
linear SVM with sigmoid (Platt) calibration, trained on the generated labelled corpus (samples/record_corpus.py)
and, through `claimdex train`, on provider corrections.

No model binary is checked in: default_model() trains one deterministically in a few seconds and
caches it. This module is the only place in classifiers/ that touches the disk (the YAML rule pack
and the model cache), and it does so only in default_rules(), default_model(), save() and load().
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import scipy.sparse as sp
import sklearn
import yaml
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

from classifiers.record_types import RECORD_TYPES, RuleSet, fold, parse_rules, score_page

RULES_PATH = Path(__file__).resolve().parent.parent / "config" / "rules" / "record_types.yaml"
MODEL_FILENAME = "record_type_model.joblib"
# Bump when the feature set or the training recipe changes (the rule points are features: a change to
# how record_types.py scores a page counts), so cached models are retrained.
MODEL_RECIPE_VERSION = "5"
RULE_POINT_SCALE = 6.0
CALIBRATION_FOLDS = 3

# A labelled page: (text, record_type) or (text, record_type, group). Pages of one template variant
# share a group, so calibration is fitted on variants the fold never saw.
Example = tuple[str, str] | tuple[str, str, str]


@lru_cache(maxsize=4)
def _rules_from_path(path: str) -> RuleSet:
    return parse_rules(yaml.safe_load(Path(path).read_text(encoding="utf-8")))


def default_rules(path: Path | None = None) -> RuleSet:
    """The clinician-readable rule pack, config/rules/record_types.yaml, parsed once."""
    return _rules_from_path(str(path or RULES_PATH))


def _rule_matrix(texts: Sequence[str], rules: RuleSet) -> sp.csr_matrix:
    rows = []
    for text in texts:
        scores = score_page(text, rules)
        rows.append([min(scores.points.get(t, 0.0), 2 * RULE_POINT_SCALE) / RULE_POINT_SCALE for t in RECORD_TYPES]
                    + [1.0 if t in scores.zone_titled else 0.0 for t in RECORD_TYPES])
    return sp.csr_matrix(np.asarray(rows, dtype=np.float64))


@dataclass
class RecordTypeModel:
    """A fitted page classifier. predict_page_proba() gives calibrated P(record_type | page text)."""

    char_vectorizer: TfidfVectorizer
    word_vectorizer: TfidfVectorizer
    classifier: CalibratedClassifierCV
    rules: RuleSet

    def _features(self, folded: Sequence[str], raw: Sequence[str]) -> sp.csr_matrix:
        return sp.hstack(
            [self.char_vectorizer.transform(folded), self.word_vectorizer.transform(folded),
             _rule_matrix(raw, self.rules)]
        ).tocsr()

    def predict_proba(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """For each text, record type → probability (the model's classes; sums to 1)."""
        if not texts:
            return []
        folded = [fold(t) for t in texts]
        probs = self.classifier.predict_proba(self._features(folded, texts))
        classes = [str(c) for c in self.classifier.classes_]
        return [dict(zip(classes, (float(p) for p in row), strict=True)) for row in probs]

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

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Several worker processes may train and save at once: each writes its own temp file.
        tmp = path.with_suffix(f"{path.suffix}.{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)

    @staticmethod
    def load(path: Path) -> RecordTypeModel:
        model = pickle.loads(Path(path).read_bytes())
        if not isinstance(model, RecordTypeModel):
            raise TypeError(f"{path} does not hold a RecordTypeModel")
        return model


def _calibration_splits(groups: Sequence[str], labels: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Folds that hold out whole template variants, a different share of each type's variants per fold."""
    by_type: dict[str, list[str]] = {}
    for g, y in zip(groups, labels, strict=True):
        if g not in by_type.setdefault(y, []):
            by_type[y].append(g)
    fold_of_group = {g: i % CALIBRATION_FOLDS for gs in by_type.values() for i, g in enumerate(sorted(gs))}
    fold_ids = np.asarray([fold_of_group[g] for g in groups])
    splits = []
    for k in range(CALIBRATION_FOLDS):
        test = np.flatnonzero(fold_ids == k)
        train = np.flatnonzero(fold_ids != k)
        if len(test) and len(set(labels[i] for i in train)) == len(set(labels)):
            splits.append((train, test))
    return splits


def train_model(examples: Iterable[Example], rules: RuleSet | None = None) -> RecordTypeModel:
    """Fits a model on labelled pages: (text, record_type) or (text, record_type, group).

    Provider corrections come in as plain (text, record_type) pairs and are each their own group.
    Deterministic for a given input.
    """
    rules = rules or default_rules()
    texts: list[str] = []
    labels: list[str] = []
    groups: list[str] = []
    for i, example in enumerate(examples):
        text, label = example[0], example[1]
        if label not in RECORD_TYPES:
            raise ValueError(f"unknown record type {label!r}")
        texts.append(text)
        labels.append(label)
        groups.append(example[2] if len(example) > 2 else f"extra-{i}")  # type: ignore[misc]
    if len(set(labels)) < 2:
        raise ValueError("training needs pages of at least two record types")
    folded = [fold(t) for t in texts]
    char_vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True,
                                      max_features=120_000, dtype=np.float32)
    word_vectorizer = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=2, sublinear_tf=True,
                                      max_features=60_000, dtype=np.float32)
    features = sp.hstack(
        [char_vectorizer.fit_transform(folded), word_vectorizer.fit_transform(folded), _rule_matrix(texts, rules)]
    ).tocsr()
    base = LinearSVC(C=0.1)  # chosen on the development folds (bench/eval_classify.py --dev)
    splits = _calibration_splits(groups, labels)
    classifier = CalibratedClassifierCV(base, method="sigmoid", cv=splits if len(splits) >= 2 else 3)
    classifier.fit(features, np.asarray(labels))
    return RecordTypeModel(char_vectorizer, word_vectorizer, classifier, rules)


def training_examples(seed: int = 0, variants: tuple[int, ...] | None = None) -> list[Example]:
    """The generated corpus's training split: clean and OCR-noised pages of the training variants
    (all of them, or a subset for development folds)."""
    from samples.record_corpus import TRAIN_VARIANTS, training_pages

    pages = training_pages(seed=seed, variants=variants or TRAIN_VARIANTS)
    return [(p.text, p.record_type, p.group) for p in pages]


def _cache_key(rules_path: Path) -> str:
    from samples.record_corpus import CORPUS_VERSION

    h = hashlib.sha256()
    for part in (rules_path.read_bytes(), CORPUS_VERSION.encode(), MODEL_RECIPE_VERSION.encode(),
                 sklearn.__version__.encode()):
        h.update(part)
    return h.hexdigest()[:16]


def default_model(cache_dir: Path | None = None) -> RecordTypeModel:
    """A ready model: the one `claimdex train` saved in cache_dir, else a cached default, else a fresh
    one trained on the generated corpus (deterministic, a few seconds) and cached when cache_dir is given."""
    if cache_dir is not None:
        retrained = Path(cache_dir) / MODEL_FILENAME
        if retrained.exists():
            try:
                return RecordTypeModel.load(retrained)
            except Exception:  # noqa: BLE001 - an unreadable or stale file is retrained, not fatal
                pass
        cached = Path(cache_dir) / f"record_type_model-{_cache_key(RULES_PATH)}.pickle"
        if cached.exists():
            try:
                return RecordTypeModel.load(cached)
            except Exception:  # noqa: BLE001
                pass
    model = train_model(training_examples())
    if cache_dir is not None:
        model.save(Path(cache_dir) / f"record_type_model-{_cache_key(RULES_PATH)}.pickle")
    return model


def rule_points(text: str, rules: RuleSet) -> Mapping[str, float]:
    """The rule pack's points for a text (a convenience for reports and tests)."""
    return score_page(text, rules).points
