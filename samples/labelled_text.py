"""Labelled text for the evidence finder, from the repository only: the generated corpus's training
variants, the sentences written for the finder (samples/data/flag_sentences.jsonl) and the Board
decision openings labelled per LABELS.md (samples/data/board_openings/: set A for training and
development, set B held out for reporting, set C split by decision: its DEV folds train and develop, its
TEST folds are held out). `claimdex train` fits the sentence model on repo_training_texts();
bench/eval_flags.py scores the finder with the same loaders and the same folds (`doc_fold`).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claims.flag_model_training import LabelledText
from samples.flag_corpus import CorpusSentence, add_ocr_noise, build_flag_corpus

DATA_DIR = Path(__file__).resolve().parent / "data"
BOARD_OPENINGS = DATA_DIR / "board_openings"
FLAG_SENTENCES = DATA_DIR / "flag_sentences.jsonl"
N_FOLDS = 4
DEV_FOLDS: tuple[int, ...] = (0, 1)
TEST_FOLDS: tuple[int, ...] = (2, 3)


def doc_fold(name: str, folds: int = N_FOLDS) -> int:
    """The fold of a note or decision: sha256 of its name (UTF-8) mod `folds`. Never by unit."""
    return int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16) % folds


def is_dev_doc(name: str) -> bool:
    return doc_fold(name) in DEV_FOLDS


@dataclass(frozen=True)
class GoldLabel:
    category: str
    negated: bool = False
    hypothetical: bool = False
    experiencer: str = "patient"
    polarity: str | None = None


@dataclass(frozen=True)
class LabelledUnit:
    """One scoring unit: a sentence of a document, with its gold labels (one per category)."""

    doc: str
    unit: int
    text: str
    labels: tuple[GoldLabel, ...]


def _label(raw: dict[str, Any]) -> GoldLabel:
    return GoldLabel(
        category=raw["category"],
        negated=bool(raw.get("negated")),
        hypothetical=bool(raw.get("hypothetical")),
        experiencer=raw.get("experiencer") or "patient",
        polarity=raw.get("polarity"),
    )


def _doc_key(row: dict[str, Any]) -> str:
    for key in ("note", "doc", "decision", "document"):
        if key in row:
            return str(row[key])
    raise KeyError(f"no document key in {sorted(row)}")


def load_labelled_units(folder: Path) -> list[LabelledUnit]:
    """`units.jsonl` + `labels.jsonl` of a labelled set, in reading order."""
    labels: dict[tuple[str, int], tuple[GoldLabel, ...]] = {}
    with (folder / "labels.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                labels[(_doc_key(row), int(row["unit"]))] = tuple(_label(x) for x in row.get("labels") or [])
    units: list[LabelledUnit] = []
    with (folder / "units.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                key = (_doc_key(row), int(row["unit"]))
                units.append(LabelledUnit(key[0], key[1], row["text"], labels.get(key, ())))
    return units


def by_doc(units: Iterable[LabelledUnit]) -> dict[str, list[LabelledUnit]]:
    docs: dict[str, list[LabelledUnit]] = defaultdict(list)
    for u in units:
        docs[u.doc].append(u)
    return dict(docs)


def _corpus_texts(items: Sequence[CorpusSentence], group: str) -> list[LabelledText]:
    out = []
    for item in items:
        cats = frozenset(c for span in item.spans for c in span.categories)
        out.append(LabelledText(item.text, ((0, len(item.text), cats),), group=group))
    return out


def units_as_texts(units: Sequence[LabelledUnit], record_type: str = "other") -> list[LabelledText]:
    """Each document's units joined by newlines (as `predict_doc` reads them), with one labelled
    stretch per unit."""
    out = []
    for name, doc_units in by_doc(units).items():
        stretches = []
        pos = 0
        for u in doc_units:
            stretches.append((pos, pos + len(u.text), frozenset(g.category for g in u.labels)))
            pos += len(u.text) + 1
        out.append(LabelledText("\n".join(u.text for u in doc_units), tuple(stretches), record_type, name))
    return out


def written_sentences(path: Path = FLAG_SENTENCES) -> list[LabelledText]:
    """The sentences written for the finder (samples/data/flag_sentences.jsonl), one text each."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                out.append(LabelledText(row["text"], ((0, len(row["text"]), frozenset(row["labels"])),),
                                        group="written"))
    return out


# The Board sets the shipped model learns from, and which of their decisions: all of set A, set C's dev folds.
BOARD_TRAINING: tuple[tuple[str, bool], ...] = (("A", False), ("C", True))  # (set, dev folds only)


def board_training_units(board: Path = BOARD_OPENINGS) -> list[LabelledUnit]:
    """The Board decision units the model is fitted on (never set B, never set C's test folds)."""
    units: list[LabelledUnit] = []
    for name, dev_only in BOARD_TRAINING:
        folder = board / name
        if (folder / "labels.jsonl").exists():
            units += [u for u in load_labelled_units(folder) if not dev_only or is_dev_doc(u.doc)]
    return units


def repo_training_texts(
    board: Path = BOARD_OPENINGS, instances_per_variant: int = 8, exclude_docs: frozenset[str] = frozenset()
) -> list[LabelledText]:
    """All the repository's labelled text the shipped model is fitted on: the corpus's training variants
    (clean and OCR-noisy), the written sentences, and the Board training units (minus `exclude_docs`, for
    cross-fitting)."""
    clean = [c for c in build_flag_corpus(instances_per_variant) if c.split == "train"]
    texts = _corpus_texts(clean, "corpus") + _corpus_texts(add_ocr_noise(clean), "corpus-noisy")
    texts += written_sentences()
    units = [u for u in board_training_units(board) if u.doc not in exclude_docs]
    texts += units_as_texts(units, "board_decision")
    return texts
