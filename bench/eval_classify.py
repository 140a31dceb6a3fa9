"""Record typing and document segmentation, measured on the held-out split of the generated corpus.

    python bench/eval_classify.py [--ocr-pages 80] [--test-files 30] [--seed 0] [--cache-dir DIR]

The model is trained on the training template variants only (0-2 and 5-7, samples/record_corpus.py);
every test file is built from the held-out variants 3-4, whose titles, layouts and wording the model never saw. Three
conditions over those files: the clean text, the text through simulated OCR damage, and real
Tesseract output of pages rendered as skewed, blurred, speckled scans (cached under the cache dir, so
only the first run pays for OCR). Prints page accuracy, per-type precision/recall, boundary
precision/recall/F1 (a boundary = a page where a new document starts, the file's first page
excluded), document-date accuracy, and mean confidence against accuracy (calibration).
Nothing is tuned on these figures: thresholds and the model's C were chosen with `--dev` (leave
training variants out, held-out variants untouched) and on training files; cues come from the forms
themselves. Run `--dev` to tune (training variants in three folds of two), this to report.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claims.record_type_training import train_record_type_model
from classifiers.document_segmentation import DocumentSegment, segment_and_classify
from classifiers.record_type_model import RecordTypeModel
from classifiers.record_types import RECORD_TYPES
from samples.record_corpus import (
    TRAIN_VARIANTS,
    CorpusFile,
    CorpusPage,
    generate_files,
    iter_documents,
    noisy_copy,
    render_and_ocr_pages,
    rng_level,
    training_examples,
)

TARGETS = {"page_accuracy_clean": 0.95, "page_accuracy_ocr": 0.92, "boundary_f1": 0.90}
DEFAULT_CACHE_DIR = Path(os.environ.get("CLAIMDEX_EVAL_CACHE", Path.home() / ".cache" / "claimdex-eval"))
DEFAULT_OCR_PAGES = 80
DEFAULT_TEST_FILES = 30


def _score(files: Sequence[CorpusFile], model: RecordTypeModel) -> dict[str, Any]:
    gold_types: list[str] = []
    pred_types: list[str] = []
    confidences: list[float] = []
    tp = fp = fn = 0
    dates_right = dates_total = 0
    for f in files:
        segments: list[DocumentSegment] = segment_and_classify(f.page_tuples(), model=model)
        page_type: dict[int, tuple[str, float]] = {}
        for seg in segments:
            for n in range(seg.first_page, seg.last_page + 1):
                page_type[n] = (seg.record_type, seg.confidence)
        for n, page in enumerate(f.pages, start=1):
            gold_types.append(page.record_type)
            predicted, confidence = page_type[n]
            pred_types.append(predicted)
            confidences.append(confidence)
        gold_starts = f.document_starts() - {1}
        pred_starts = {s.first_page for s in segments} - {1}
        tp += len(gold_starts & pred_starts)
        fp += len(pred_starts - gold_starts)
        fn += len(gold_starts - pred_starts)
        predicted_docs = {(s.first_page, s.last_page): s for s in segments}
        for first, last, _record_type, gold_date in iter_documents(f):
            seg = predicted_docs.get((first, last))
            if seg is None or gold_date is None:
                continue
            dates_total += 1
            dates_right += seg.date == gold_date
    n = len(gold_types)
    correct = [g == p for g, p in zip(gold_types, pred_types, strict=True)]
    per_type: dict[str, dict[str, float]] = {}
    for t in RECORD_TYPES:
        predicted = sum(p == t for p in pred_types)
        actual = sum(g == t for g in gold_types)
        hit = sum(g == p == t for g, p in zip(gold_types, pred_types, strict=True))
        per_type[t] = {
            "precision": hit / predicted if predicted else float("nan"),
            "recall": hit / actual if actual else float("nan"),
            "support": actual,
        }
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    confused = Counter((g, p) for g, p in zip(gold_types, pred_types, strict=True) if g != p)
    return {
        "pages": n,
        "files": len(files),
        "page_accuracy": sum(correct) / n if n else 0.0,
        "per_type": per_type,
        "boundary_precision": precision,
        "boundary_recall": recall,
        "boundary_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "document_date_accuracy": dates_right / dates_total if dates_total else float("nan"),
        "mean_confidence": sum(confidences) / n if n else 0.0,
        "top_confusions": [(g, p, c) for (g, p), c in confused.most_common(6)],
    }


def _ocr_files(ocr_pages: int, seed: int, cache_dir: Path) -> list[CorpusFile]:
    """Whole held-out files (a fresh seed: not the clean/noisy files) until ocr_pages pages, OCRed."""
    candidates = generate_files("test", 40, seed=seed + 1000, docs_per_file=(5, 10))
    chosen: list[CorpusFile] = []
    total = 0
    for f in candidates:
        if total >= ocr_pages:
            break
        if total + len(f.pages) > ocr_pages and chosen:
            continue
        chosen.append(f)
        total += len(f.pages)
    texts = [p.text for f in chosen for p in f.pages]
    ocred = iter(render_and_ocr_pages(texts, cache_dir / "ocr", workers=2))
    return [
        CorpusFile(f.name + "-ocr", [
            CorpusPage(next(ocred), p.record_type, p.group, p.starts_document, p.document_date) for p in f.pages
        ])
        for f in chosen
    ]


def run_classification_eval(
    ocr_pages: int = DEFAULT_OCR_PAGES,
    test_files: int = DEFAULT_TEST_FILES,
    seed: int = 0,
    cache_dir: Path | None = None,
    model: RecordTypeModel | None = None,
) -> dict[str, Any]:
    """Figures for clean, simulated-noise and real-OCR held-out files; ocr_pages=0 skips real OCR."""
    cache_dir = Path(cache_dir or DEFAULT_CACHE_DIR)
    started = time.perf_counter()
    model = model or train_record_type_model(training_examples(seed=seed))
    trained = time.perf_counter()
    clean = generate_files("test", test_files, seed=seed)
    results: dict[str, Any] = {"conditions": {}, "targets": TARGETS}
    results["conditions"]["clean"] = _score(clean, model)
    noisy = [noisy_copy(f, seed, level=rng_level(f.name)) for f in clean]
    results["conditions"]["simulated_ocr"] = _score(noisy, model)
    if ocr_pages > 0:
        ocr_started = time.perf_counter()
        results["conditions"]["real_ocr"] = _score(_ocr_files(ocr_pages, seed, cache_dir), model)
        results["real_ocr_seconds"] = round(time.perf_counter() - ocr_started, 1)
    results["model_seconds"] = round(trained - started, 1)
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    return results


def format_report(results: dict[str, Any]) -> str:
    conditions = results["conditions"]
    names = list(conditions)
    lines = ["Record typing & segmentation, held-out template variants (never seen in training)", ""]
    header = f"{'':28}" + "".join(f"{n:>16}" for n in names)
    lines.append(header)
    for key, label in [("files", "files"), ("pages", "pages"), ("page_accuracy", "page accuracy"),
                       ("boundary_precision", "boundary precision"), ("boundary_recall", "boundary recall"),
                       ("boundary_f1", "boundary F1"), ("document_date_accuracy", "document date accuracy"),
                       ("mean_confidence", "mean confidence")]:
        row = f"{label:28}"
        for n in names:
            v = conditions[n][key]
            row += f"{v:>16}" if isinstance(v, int) else f"{v:>16.3f}"
        lines.append(row)
    lines += ["", "per type, precision / recall (support)"]
    lines.append(f"{'':20}" + "".join(f"{n:>22}" for n in names))
    for t in RECORD_TYPES:
        row = f"{t:20}"
        for n in names:
            m = conditions[n]["per_type"][t]
            row += f"{m['precision']:>8.2f} / {m['recall']:.2f} ({m['support']:>3})"
        lines.append(row)
    lines.append("")
    for n in names:
        confusions = ", ".join(f"{g}→{p} ×{c}" for g, p, c in conditions[n]["top_confusions"]) or "none"
        lines.append(f"top confusions, {n}: {confusions}")
    lines.append("")
    ocr_acc = conditions.get("real_ocr", conditions["simulated_ocr"])["page_accuracy"]
    checks = [
        ("page accuracy, clean", conditions["clean"]["page_accuracy"], TARGETS["page_accuracy_clean"]),
        ("page accuracy, OCR", ocr_acc, TARGETS["page_accuracy_ocr"]),
        ("boundary F1 (worst condition)", min(c["boundary_f1"] for c in conditions.values()), TARGETS["boundary_f1"]),
    ]
    for label, value, target in checks:
        lines.append(f"target {label}: {value:.3f} vs ≥ {target:.2f}  {'OK' if value >= target else 'MISSED'}")
    lines.append(f"model ready in {results['model_seconds']} s; total {results['total_seconds']} s"
                 + (f" (real OCR {results['real_ocr_seconds']} s)" if "real_ocr_seconds" in results else ""))
    return "\n".join(lines)


def development_folds() -> list[tuple[int, ...]]:
    """Training variants split into three folds of two (like the two held-out variants): (0, 5), (1, 6), (2, 7)."""
    n = len(TRAIN_VARIANTS)
    k = 3 if n >= 6 else n
    return [tuple(TRAIN_VARIANTS[i::k]) for i in range(k)]


def run_development_folds(test_files: int = 20, seed: int = 0) -> dict[str, Any]:
    """Leave-some-training-variants-out figures, for tuning without touching the held-out variants:
    for each fold, train on the other training variants and score files made only of the fold's."""
    folds: dict[str, Any] = {}
    for held in development_folds():
        others = tuple(v for v in TRAIN_VARIANTS if v not in held)
        model = train_record_type_model(training_examples(seed=seed, variants=others))
        files = generate_files("dev", test_files, seed=seed + 500, variants=held)
        noisy = [noisy_copy(f, seed, level=rng_level(f.name)) for f in files]
        folds["v" + "+".join(map(str, held))] = {"clean": _score(files, model), "simulated_ocr": _score(noisy, model)}
    return folds


def format_development_report(folds: dict[str, Any]) -> str:
    lines = ["Development folds (leave TRAINING variants out; held-out variants untouched)"]
    for name, fold in folds.items():
        for condition, m in fold.items():
            lines.append(f"{name} {condition:14} page acc {m['page_accuracy']:.3f}  boundary F1 {m['boundary_f1']:.3f}"
                         f"  date {m['document_date_accuracy']:.3f}  conf {m['mean_confidence']:.3f}")
            confusions = ", ".join(f"{g}→{p} ×{c}" for g, p, c in m["top_confusions"][:4])
            lines.append(f"    {confusions}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ocr-pages", type=int, default=DEFAULT_OCR_PAGES,
                        help="pages rendered and OCRed with Tesseract (0 to skip)")
    parser.add_argument("--test-files", type=int, default=DEFAULT_TEST_FILES)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument("--dev", action="store_true",
                        help="development folds inside the training variants, for tuning (no held-out data)")
    args = parser.parse_args(argv)
    if args.dev:
        folds = run_development_folds(seed=args.seed)
        print(format_development_report(folds))
        return folds
    results = run_classification_eval(args.ocr_pages, args.test_files, args.seed, args.cache_dir)
    print(format_report(results))
    return results


if __name__ == "__main__":
    main()
