"""Fitting the record-type model (`claimdex train`): labelled pages in, a RecordTypeModel out.

The examples come from the caller: the generated corpus (the CLI's train command reads it from
samples/) and providers' type corrections from SQL (correction_examples). Deterministic for a given
input. The fitted model is kept as an artifact by claims/trained_models.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import LabelEncoder
from sklearn.svm import LinearSVC
from sqlalchemy import select
from sqlalchemy.orm import Session

from classifiers.record_type_model import VECTORIZER_PARAMS, CalibratedMember, RecordTypeModel, TfidfTerms, rule_matrix
from classifiers.record_types import RECORD_TYPES, RuleSet, default_rules, fold
from store.models import Document, DocumentCorrection, Page

CALIBRATION_FOLDS = 3
# C of the linear SVM, chosen on the development folds (bench/eval_classify.py --dev).
SVM_C = 0.1

# A labelled page: (text, record_type) or (text, record_type, group). Pages of one template variant
# share a group, so calibration is fitted on variants the fold never saw.
Example = tuple[str, str] | tuple[str, str, str]


def calibration_splits(groups: Sequence[str], labels: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
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


def train_record_type_model(examples: Iterable[Example], rules: RuleSet | None = None) -> RecordTypeModel:
    """Fits a model on labelled pages: (text, record_type) or (text, record_type, group).

    Provider corrections come in as plain (text, record_type) pairs and are each their own group.
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
        [char_vectorizer.fit_transform(folded), word_vectorizer.fit_transform(folded), rule_matrix(texts, rules)]
    ).tocsr()
    splits = calibration_splits(groups, labels)
    # random_state: liblinear shuffles its coordinates; a fixed seed makes `claimdex train` reproducible.
    classifier = CalibratedClassifierCV(LinearSVC(C=SVM_C, random_state=0), method="sigmoid",
                                        cv=splits if len(splits) >= 2 else 3)
    classifier.fit(features, np.asarray(labels))
    return model_from_fitted(char_vectorizer, word_vectorizer, classifier, rules)


def tfidf_terms_of(vectorizer: TfidfVectorizer) -> TfidfTerms:
    """What prediction needs of a fitted vectorizer: its vocabulary, idf and transform parameters."""
    params: dict[str, object] = {k: v for k, v in vectorizer.get_params().items() if k in VECTORIZER_PARAMS}
    params["ngram_range"] = tuple(params["ngram_range"])  # type: ignore[arg-type]
    params["dtype"] = np.dtype(vectorizer.dtype).name
    return TfidfTerms(dict(vectorizer.vocabulary_), np.asarray(vectorizer.idf_), params)


def model_from_fitted(char_vectorizer: TfidfVectorizer, word_vectorizer: TfidfVectorizer,
                      classifier: CalibratedClassifierCV, rules: RuleSet) -> RecordTypeModel:
    """Keep what prediction needs of the fitted vectorizers and CalibratedClassifierCV(LinearSVC, sigmoid)."""
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
    return RecordTypeModel(tfidf_terms_of(char_vectorizer), tfidf_terms_of(word_vectorizer), classes, members, rules)


def correction_examples(session: Session) -> list[Example]:
    """Providers' type corrections as labelled pages: every page of each corrected document."""
    examples: list[Example] = []
    for c in session.scalars(select(DocumentCorrection).where(DocumentCorrection.kind == "type")
                             .order_by(DocumentCorrection.id)):
        doc = session.scalar(select(Document).where(Document.file_id == c.file_id, Document.first_page == c.page))
        if doc is None or not c.record_type:
            continue
        for text in session.scalars(select(Page.text).where(Page.document_id == doc.document_id)
                                    .order_by(Page.page_number)):
            examples.append((text or "", c.record_type, f"correction-{doc.document_id}"))
    return examples
