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
        ocr_pages=0, test_files=4, cache_dir=tmp_path, model=model, kind_files=4
    )
    clean, noisy = results["conditions"]["clean"], results["conditions"]["simulated_ocr"]
    kinds = results["kinds"]["clean"]
    for figures in (clean, noisy, kinds, results["kinds"]["simulated_ocr"]):
        assert set(figures) >= {"page_accuracy", "per_type", "boundary_precision", "boundary_recall", "boundary_f1",
                                "document_date_accuracy", "document_date_wrong", "encounter_date_accuracy",
                                "encounter_count_error", "title_accuracy", "by_kind"}
        assert figures["pages"] > 20
    # A floor, not the targets: four files are too few to measure; the eval command reports those.
    assert clean["page_accuracy"] >= 0.7 and clean["boundary_f1"] >= 0.8
    assert kinds["boundary_f1"] >= 0.8 and kinds["multi_encounter_date_accuracy"] >= 0.8
    assert set(kinds["by_kind"]) - {"ordinary"}  # the new layouts are measured apart
    report = eval_classify.format_report(results)
    for figure in ("page accuracy", "boundary F1", "document date accuracy", "encounter date accuracy",
                   "title checks passed", "New layouts"):
        assert figure in report
    # Held-out errors are counted, never listed (they are read on the dev folds only).
    for condition in results["kinds"].values():
        assert not any(failure in report for failure in condition["failures"])


def test_training_variants_and_dev_folds_never_touch_the_held_out_variants() -> None:
    from samples.record_corpus import HELD_OUT_VARIANTS, TRAIN_VARIANTS, VARIANTS

    eval_classify = _load_eval_classify()
    assert not set(TRAIN_VARIANTS) & set(HELD_OUT_VARIANTS)
    assert all(len(variants) >= 8 for variants in VARIANTS.values())  # 6 training + 2 held-out per type
    folds = eval_classify.development_folds()
    assert sorted(v for fold in folds for v in fold) == sorted(TRAIN_VARIANTS)
    assert all(len(fold) == 2 for fold in folds)


def test_new_layouts_keep_their_held_out_variants_out_of_training_and_dev_folds() -> None:
    from samples.record_corpus import KIND_HELD_OUT_VARIANTS, KIND_TRAIN_VARIANTS, KINDS, training_pages

    eval_classify = _load_eval_classify()
    assert not set(KIND_TRAIN_VARIANTS) & set(KIND_HELD_OUT_VARIANTS)
    # Every kind has its held-out variants, and every variant of a kind is either for training or held out
    # (some kinds have more training families than others).
    for variants in KINDS.values():
        assert set(KIND_HELD_OUT_VARIANTS) < set(range(len(variants))) <= set(KIND_TRAIN_VARIANTS) | set(
            KIND_HELD_OUT_VARIANTS)
    for index in range(len(eval_classify.development_folds())):
        assert set(eval_classify.development_kind_fold(index)) <= set(KIND_TRAIN_VARIANTS)
    try:
        training_pages(kind_variants=KIND_HELD_OUT_VARIANTS)
    except ValueError:
        pass
    else:
        raise AssertionError("held-out new layouts must not be trainable")
