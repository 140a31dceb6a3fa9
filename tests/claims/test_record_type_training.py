"""The record-type model predicts without scikit-learn (classifiers/record_type_model.py), and what it
computes is bit for bit what the fitted scikit-learn objects compute."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
import scipy.sparse as sp
from scipy.special import expit as scipy_expit
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

from claims.record_type_training import model_from_fitted, tfidf_terms_of, train_record_type_model
from classifiers import record_type_model
from classifiers.record_type_model import RecordTypeModel, rule_matrix
from classifiers.record_types import default_rules, fold

PAGES = [
    ("MEDICAL RECORD - CHRONOLOGICAL RECORD OF MEDICAL CARE\n22 JUN 2006  BAS 2/327 INF\n"
     "S: 24 y/o SPC c/o low back pain since dismounted patrol. STANDARD FORM 600 (REV 6-97)", "service_treatment"),
    ("CHRONOLOGICAL RECORD OF MEDICAL CARE  14 MAR 2009 TMC 3  knee pain after PT run, ice, profile. SF 600",
     "service_treatment"),
    ("LOCAL TITLE: PM&R OUTPATIENT NOTE\nSTANDARD TITLE: PHYSICAL MEDICINE REHAB NOTE\n"
     "Veteran reports chronic axial back pain.\t\tGait antalgic.\n/es/ ANA LOPEZ, MD", "va_treatment"),
    ("LOCAL TITLE: PRIMARY CARE NOTE   veteran seen for   follow up, /es/ J KIM", "va_treatment"),
    ("RADIOLOGY REPORT\nEXAM: MRI L-SPINE W/O CONTRAST\nIMPRESSION: Mild L4-5 degenerative disc disease.",
     "imaging_report"),
    ("RADIOLOGY REPORT  X-RAY KNEE 3 VIEWS  IMPRESSION: no acute fracture; mild effusion", "imaging_report"),
    ("Department of Veterans Affairs\nRATING DECISION\nDECISION: Service connection for lumbar strain is denied.",
     "rating_decision"),
    ("RATING DECISION codesheet diagnostic code 5237 evaluation 10 percent", "rating_decision"),
]
# Text the analyzers must treat exactly as scikit-learn does: runs of spaces and tabs, one- and
# two-letter words, words shorter than an n-gram, accents, an empty page, a page of unknown words.
ODD_TEXTS = ["", "a b  c\t\td", "Ré-évaluation of the knée, 2e visite", "zzqx vvwy", "LBP x 3 wks; f/u 2-3 d",
             "LOCAL TITLE: MENTAL HEALTH NOTE /es/", "the the the the back back pain"]


def _fitted() -> tuple[TfidfVectorizer, TfidfVectorizer, CalibratedClassifierCV, sp.csr_matrix]:
    texts = [t for t, _ in PAGES]
    folded = [fold(t) for t in texts]
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, dtype=np.float32)
    word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, dtype=np.float32)
    features = sp.hstack([char.fit_transform(folded), word.fit_transform(folded),
                          rule_matrix(texts, default_rules())]).tocsr()
    classifier = CalibratedClassifierCV(LinearSVC(C=0.1, random_state=0), method="sigmoid", cv=2)
    classifier.fit(features, np.asarray([label for _, label in PAGES]))
    return char, word, classifier, features


@pytest.mark.parametrize("which", [0, 1])
def test_the_tf_idf_terms_are_the_fitted_vectorizers_bit_for_bit(which: int) -> None:
    vectorizer = _fitted()[which]
    texts = [fold(t) for t, _ in PAGES] + [fold(t) for t in ODD_TEXTS] + ODD_TEXTS
    ours, theirs = tfidf_terms_of(vectorizer).transform(texts), sp.csr_matrix(vectorizer.transform(texts))
    assert ours.dtype == theirs.dtype == np.float32
    assert np.array_equal(ours.indptr, theirs.indptr)
    assert np.array_equal(ours.indices, theirs.indices)
    assert np.array_equal(ours.data, theirs.data)  # exact, not close
    terms = tfidf_terms_of(vectorizer)
    for text in texts:
        grams = vectorizer.build_analyzer()(text)
        assert terms.analyze(text) == grams
        ids, total = terms.term_ids(text)
        assert sorted(ids.tolist()) == sorted(vectorizer.vocabulary_[g] for g in grams if g in vectorizer.vocabulary_)
        assert total == len(grams)


def test_the_model_s_probabilities_are_the_fitted_classifier_s_bit_for_bit() -> None:
    char, word, classifier, _features = _fitted()
    model = model_from_fitted(char, word, classifier, default_rules())
    texts = [t for t, _ in PAGES] + ODD_TEXTS
    folded = [fold(t) for t in texts]
    features = sp.hstack([char.transform(folded), word.transform(folded), rule_matrix(texts, default_rules())]).tocsr()
    expected = classifier.predict_proba(features)
    got = model.predict_proba(texts)
    for row, probabilities in zip(expected, got, strict=True):
        assert [probabilities[str(c)] for c in classifier.classes_] == [float(p) for p in row]


def test_a_model_rebuilt_from_its_arrays_predicts_the_same() -> None:
    model = train_record_type_model(PAGES)
    arrays, meta = model.to_arrays()
    rebuilt = RecordTypeModel.from_arrays(arrays, meta, default_rules())
    texts = [t for t, _ in PAGES] + ODD_TEXTS
    assert rebuilt.predict_proba(texts) == model.predict_proba(texts)
    assert [rebuilt.familiarity(t) for t in texts] == [model.familiarity(t) for t in texts]


def test_predicting_imports_no_scikit_learn_nor_scipy_special() -> None:
    code = ("import sys\n"
            "import classifiers.record_type_model, classifiers.document_segmentation, claims.trained_models\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sklearn' or m.startswith('scipy.special')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_sigmoid_is_scipy_s_bit_for_bit() -> None:
    rng = np.random.default_rng(16)
    values = np.concatenate([rng.normal(0, 5, 20_000), rng.normal(0, 60, 5_000), rng.uniform(-800, 800, 5_000),
                             np.array([0.0, -0.0, 1e-300, -709.78, -709.79, 709.9, -745.2, 800.0, np.inf, -np.inf])])
    assert np.array_equal(record_type_model.expit(values), scipy_expit(values))
    assert np.isnan(record_type_model.expit(np.array([np.nan]))[0])
