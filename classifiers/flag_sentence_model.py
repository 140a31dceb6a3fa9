"""A statistical sentence model for evidence flags: where the rules are silent, it decides.

One calibrated logistic regression per category over a sentence's features: its words and word pairs
(lower-cased, digits folded), word stems, the concepts of the lexicon it holds (`flag_lexicon`) and the
kind of section it sits in (`flag_sections`). It does not see what the rules found: it is a second,
independent reader (given the rules' categories it learnt to echo them, and added nothing where they
were silent; measured on the real notes' dev folds). The model is
plain numpy arrays and a vocabulary: `to_arrays()` gives numeric and unicode arrays only (saved with
`numpy.savez`, loaded with `allow_pickle=False`, so loading cannot execute code), `from_arrays()` reads
them back. Fitting lives in `claims.flag_model_training`; this module only applies a fitted model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import numpy as np

MODEL_FORMAT = 1
_TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|\d+")
_STEM_MIN = 6  # words this long also give their first five letters ("ambulat", "radiat" -> "ambul", "radia")


def _norm(token: str) -> str:
    return "0" if token.isdigit() else token.lower()


def sentence_tokens(sentence: str) -> list[tuple[str, int, int]]:
    """Normalised tokens with their offsets in the sentence."""
    return [(_norm(m.group(0)), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]


def sentence_features(sentence: str, section_kind: str | None, concepts: Iterable[str]) -> list[str]:
    """The feature names of a sentence (the same function for fitting and for predicting)."""
    words = [t for t, _s, _e in sentence_tokens(sentence)]
    feats = {"w:" + w for w in words}
    feats.update("b:" + a + "_" + b for a, b in zip(words, words[1:], strict=False))
    feats.update("p:" + w[:5] for w in words if len(w) >= _STEM_MIN)
    feats.update("c:" + c for c in concepts)
    feats.add("s:" + (section_kind or "none"))
    if sentence.rstrip().endswith("?"):
        feats.add("q:question")
    feats.add("bias")
    return sorted(feats)


class FlagSentenceModel:
    """Per-category calibrated probabilities that a sentence holds evidence of that category."""

    def __init__(
        self,
        categories: Iterable[str],
        vocabulary: Iterable[str],
        weights: np.ndarray,
        calib_a: np.ndarray,
        calib_b: np.ndarray,
        thresholds: np.ndarray,
    ) -> None:
        self.categories: tuple[str, ...] = tuple(categories)
        self.vocabulary: tuple[str, ...] = tuple(vocabulary)
        self._index: dict[str, int] = {f: i for i, f in enumerate(self.vocabulary)}
        self.weights = np.asarray(weights, dtype=np.float32)
        self.calib_a = np.asarray(calib_a, dtype=np.float64)
        self.calib_b = np.asarray(calib_b, dtype=np.float64)
        self.thresholds = np.asarray(thresholds, dtype=np.float64)
        n, k = len(self.vocabulary), len(self.categories)
        if self.weights.shape != (n, k) or self.calib_a.shape != (k,) or self.thresholds.shape != (k,):
            raise ValueError("model arrays do not match its vocabulary and categories")
        self._cat_index = {c: i for i, c in enumerate(self.categories)}

    # ------------------------------------------------------------------ persistence as plain arrays

    def to_arrays(self) -> dict[str, np.ndarray]:
        """Numeric and unicode arrays only: `numpy.savez(path, **model.to_arrays())`."""
        return {
            "format": np.array([MODEL_FORMAT], dtype=np.int64),
            "categories": np.array(self.categories, dtype=np.str_),
            "vocabulary": np.array(self.vocabulary, dtype=np.str_),
            "weights": self.weights,
            "calib_a": self.calib_a,
            "calib_b": self.calib_b,
            "thresholds": self.thresholds,
        }

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray]) -> FlagSentenceModel:
        """The model back from `to_arrays()` output (e.g. `numpy.load(path, allow_pickle=False)`)."""
        fmt = int(np.asarray(arrays["format"])[0])
        if fmt != MODEL_FORMAT:
            raise ValueError(f"flag model format {fmt}, this code reads {MODEL_FORMAT}")
        return cls(
            categories=[str(c) for c in arrays["categories"]],
            vocabulary=[str(v) for v in arrays["vocabulary"]],
            weights=np.asarray(arrays["weights"]),
            calib_a=np.asarray(arrays["calib_a"]),
            calib_b=np.asarray(arrays["calib_b"]),
            thresholds=np.asarray(arrays["thresholds"]),
        )

    # ------------------------------------------------------------------ inference

    def decision(self, features: Iterable[str]) -> np.ndarray:
        """Raw linear scores per category."""
        idx = [i for f in features if (i := self._index.get(f)) is not None]
        if not idx:
            return np.zeros(len(self.categories))
        return self.weights[idx].sum(axis=0, dtype=np.float64)

    def probabilities(self, features: Iterable[str]) -> np.ndarray:
        z = self.decision(features)
        return 1.0 / (1.0 + np.exp(-(self.calib_a * z + self.calib_b)))

    def scores(self, features: Iterable[str]) -> dict[str, float]:
        """Calibrated probability per category, from a sentence's feature names."""
        return {c: float(p) for c, p in zip(self.categories, self.probabilities(features), strict=True)}

    def predict(self, sentence: str, section_kind: str | None, concepts: Iterable[str]) -> dict[str, float]:
        """Calibrated probability per category for one sentence."""
        probs = self.probabilities(sentence_features(sentence, section_kind, concepts))
        return {c: float(p) for c, p in zip(self.categories, probs, strict=True)}

    def threshold(self, category: str) -> float:
        i = self._cat_index.get(category)
        return float(self.thresholds[i]) if i is not None else 1.0

    def evidence(self, sentence: str, category: str, top: int = 3) -> list[tuple[int, int]]:
        """The sentence's words that weigh most for `category` (offsets in the sentence), sorted."""
        ci = self._cat_index.get(category)
        if ci is None:
            return []
        scored: list[tuple[float, int, int]] = []
        for token, s, e in sentence_tokens(sentence):
            i = self._index.get("w:" + token)
            if i is not None and self.weights[i, ci] > 0:
                scored.append((float(self.weights[i, ci]), s, e))
        best = sorted(scored, reverse=True)[:top]
        return sorted((s, e) for _w, s, e in best)
