"""The classification evaluation runs end to end on a few held-out files (no real OCR: that is the
slow path, exercised by `python bench/eval_classify.py`)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from classifiers.record_type_model import RecordTypeModel

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _load_eval_classify():  # noqa: ANN202 - a module loaded from a file path
    spec = importlib.util.spec_from_file_location("eval_classify", BENCH / "eval_classify.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_classify"] = module
    spec.loader.exec_module(module)
    return module


def test_eval_reports_every_figure_on_held_out_files(tmp_path: Path, model: RecordTypeModel) -> None:
    eval_classify = _load_eval_classify()
    results = eval_classify.run_classification_eval(
        ocr_pages=0, test_files=4, cache_dir=tmp_path, model=model
    )
    clean, noisy = results["conditions"]["clean"], results["conditions"]["simulated_ocr"]
    for figures in (clean, noisy):
        assert set(figures) >= {"page_accuracy", "per_type", "boundary_precision", "boundary_recall", "boundary_f1"}
        assert figures["pages"] > 20
    # A floor, not the targets: four files are too few to measure; the eval command reports those.
    assert clean["page_accuracy"] >= 0.7 and clean["boundary_f1"] >= 0.8
    report = eval_classify.format_report(results)
    assert "page accuracy" in report and "boundary F1" in report


def test_training_variants_and_dev_folds_never_touch_the_held_out_variants() -> None:
    from samples.record_corpus import HELD_OUT_VARIANTS, TRAIN_VARIANTS, VARIANTS

    eval_classify = _load_eval_classify()
    assert not set(TRAIN_VARIANTS) & set(HELD_OUT_VARIANTS)
    assert all(len(variants) >= 8 for variants in VARIANTS.values())  # 6 training + 2 held-out per type
    folds = eval_classify.development_folds()
    assert sorted(v for fold in folds for v in fold) == sorted(TRAIN_VARIANTS)
    assert all(len(fold) == 2 for fold in folds)
