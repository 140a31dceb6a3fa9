"""The sentence model, fitted once per test session from the repository's own data (a few seconds)."""

from __future__ import annotations

import pytest

from classifiers.flag_sentence_model import FlagSentenceModel


@pytest.fixture(scope="session")
def flag_model() -> FlagSentenceModel:
    eval_flags = pytest.importorskip("bench.eval_flags")
    return eval_flags.fit_repo_model()
