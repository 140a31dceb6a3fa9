"""Record typing, segmentation, document dates, encounters and titles, measured on held-out layouts.

    python bench/eval_classify.py [--ocr-pages 80] [--test-files 30] [--kind-files 30] [--seed 0]
                                  [--cache-dir DIR] [--dev [--dev-ocr-pages 80]]

The model is trained on the training template variants only (0-2 and 5-7, samples/record_corpus.py)
and on the training variants (0-1) of the new layouts written for the issue's kinds of error (KINDS:
multi-page letters and Board decisions without headers on later pages, a two-page ER visit, a codesheet
with its rating decision, a fax cover sheet before its records, documents whose first date is not
theirs, runs of sick-call entries). Two sets are scored: files of the held-out template variants 3-4,
and files built on the held-out new layouts (variants 2-3) among held-out records; each in three
conditions: clean text, simulated OCR damage, and real Tesseract output of pages rendered as skewed,
blurred, speckled scans, read by the product's own OCR (workers/ocr.py at the scan's 200 dpi, the page text
built from its words as workers/page_extraction.py builds it; cached under the cache dir by the text and
the OCR's version, so only the first run pays for OCR).

Prints page accuracy, per-type precision/recall, boundary precision/recall/F1 (a boundary = a page
where a new document starts, the file's first page excluded), document date accuracy (the exact date
where the record gives a day; else the right precision and month or year; over the documents found
with the right boundaries, and end to end over all dated documents; and the share of documents given a
date that is not theirs, worse for a reader than no date), encounter date accuracy
and count error, title checks (words a title must hold, e.g. modality and body part, and must not: the
patient's name, a fax banner), per-kind figures, and mean confidence. Nothing is tuned on these
figures: thresholds and the model's C were chosen with `--dev` (leave training variants out, held-out
variants untouched) and on training files; cues come from the forms themselves. `--dev --dev-ocr-pages N`
adds each fold's files read back by real Tesseract (cached), so OCR damage is studied on dev text only.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PIL import Image

from claims.record_type_training import train_record_type_model
from classifiers.document_segmentation import DocumentSegment, segment_and_classify
from classifiers.record_type_model import RecordTypeModel
from classifiers.record_types import RECORD_TYPES
from config.settings import Settings
from samples.record_corpus import (
    KIND_TRAIN_VARIANTS,
    TRAIN_VARIANTS,
    CorpusFile,
    CorpusPage,
    generate_files,
    generate_kind_files,
    iter_labelled_documents,
    noisy_copy,
    render_and_ocr_pages,
    rng_level,
    training_examples,
)
from workers.ocr import ocr_image
from workers.page_extraction import OCR_PIPELINE_VERSION, assemble_text

# The targets, on held-out variants and on the new layouts, in every condition.
TARGETS = {"page_accuracy": 0.97, "boundary_f1": 0.95, "document_date_accuracy": 0.95}
DEFAULT_CACHE_DIR = Path(os.environ.get("CLAIMDEX_EVAL_CACHE", Path.home() / ".cache" / "claimdex-eval"))
DEFAULT_OCR_PAGES = 80
DEFAULT_TEST_FILES = 30
DEFAULT_KIND_FILES = 30
# A page's OCR may take this long (the product gives a share of its task's time limit).
OCR_PAGE_BUDGET_S = 300.0
# Names the OCR that read the cached pages: a change to the product's OCR output bumps it.
PRODUCT_OCR_VERSION = f"product-ocr-v{OCR_PIPELINE_VERSION}"


def read_scan(image: Image.Image, dpi: int) -> str:
    """A rendered scan read as the product reads a scanned page: workers/ocr.py, then the page text
    built from its words (workers/page_extraction.py), at the scan's resolution."""
    out = ocr_image(image, dpi, "eng", Settings().ocr_orientation_check_confidence, OCR_PAGE_BUDGET_S)
    return assemble_text(out.lines)[0]


def _same_date(seg: DocumentSegment, gold: CorpusPage) -> bool:
    """The exact day where the record gives one; else the right precision and the right month or year."""
    found = seg.partial_date
    if found is None or gold.document_date is None or found.precision != gold.date_precision:
        return False
    return found.earliest == gold.document_date


def _gold_encounters(gold: CorpusPage) -> list[str]:
    if gold.encounter_dates is not None:
        return list(gold.encounter_dates)
    if gold.document_date is None:
        return []
    d = gold.document_date
    return [{"day": d.isoformat(), "month": f"{d.year:04d}-{d.month:02d}"}.get(gold.date_precision, f"{d.year:04d}")]


def _score(files: Sequence[CorpusFile], model: RecordTypeModel) -> dict[str, Any]:
    gold_types: list[str] = []
    pred_types: list[str] = []
    confidences: list[float] = []
    tp = fp = fn = 0
    dates_right = dates_total = 0
    dates_wrong = 0  # dated, but not by the document's own date (worse than no date for a reader)
    dated_documents = 0  # every gold document with a date, found or not (end to end)
    enc_right = enc_total = 0
    multi_right = multi_total = 0
    count_errors: list[int] = []
    titles_right = titles_total = 0
    by_kind: dict[str, Counter[str]] = {}
    failures: list[str] = []
    ordinary_failures: list[str] = []  # documents of the template variants (dates only), for development
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
        for first, last, gold in iter_labelled_documents(f):
            seg = predicted_docs.get((first, last))
            kind = by_kind.setdefault(gold.kind or "ordinary", Counter())
            kind["documents"] += 1
            dated_documents += gold.document_date is not None
            if seg is None:
                if gold.kind:
                    failures.append(f"{f.name} p{first}-{last} {gold.group}: boundaries")
                continue
            kind["found"] += 1
            kind["typed"] += seg.record_type == gold.record_type
            if gold.kind and seg.record_type != gold.record_type:
                failures.append(f"{f.name} p{first}-{last} {gold.group}: typed {seg.record_type}")
            if gold.document_date is not None:
                right = _same_date(seg, gold)
                dates_total += 1
                dates_right += right
                dates_wrong += seg.partial_date is not None and not right
                kind["dated"] += 1
                kind["date_right"] += right
                if not right:
                    (failures if gold.kind else ordinary_failures).append(
                        f"{f.name} p{first} {gold.group}: date {seg.partial_date} for {gold.document_date} "
                        f"({gold.date_precision}, from {seg.date_source.describe() if seg.date_source else '-'})")
            wanted = _gold_encounters(gold)
            if wanted:
                got = Counter(str(e.date) for e in seg.encounters if e.date is not None)
                hits = sum((Counter(wanted) & got).values())
                enc_right += hits
                enc_total += len(wanted)
                count_errors.append(abs(len(seg.encounters) - len(wanted)))
                if gold.encounter_dates is not None:
                    multi_right += hits
                    multi_total += len(wanted)
            if gold.title_words or gold.title_forbidden:
                title = (seg.title or "").lower()
                right = all(w in title for w in gold.title_words) and not any(w in title for w in gold.title_forbidden)
                titles_total += 1
                titles_right += right
                if gold.kind and not right:
                    failures.append(f"{f.name} p{first} {gold.group}: title {seg.title!r}")
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
    nan = float("nan")
    return {
        "pages": n,
        "files": len(files),
        "page_accuracy": sum(correct) / n if n else 0.0,
        "per_type": per_type,
        "boundary_precision": precision,
        "boundary_recall": recall,
        "boundary_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "document_date_accuracy": dates_right / dates_total if dates_total else nan,
        "document_date_end_to_end": dates_right / dated_documents if dated_documents else nan,
        "document_date_wrong": dates_wrong / dates_total if dates_total else nan,
        "encounter_date_accuracy": enc_right / enc_total if enc_total else nan,
        "multi_encounter_date_accuracy": multi_right / multi_total if multi_total else nan,
        "encounter_count_error": sum(count_errors) / len(count_errors) if count_errors else nan,
        "title_accuracy": titles_right / titles_total if titles_total else nan,
        "mean_confidence": sum(confidences) / n if n else 0.0,
        "top_confusions": [(g, p, c) for (g, p), c in confused.most_common(6)],
        "by_kind": {k: dict(v) for k, v in sorted(by_kind.items())},
        "failures": failures,
        "ordinary_failures": ordinary_failures,
    }


def _ocr_copy(files: Sequence[CorpusFile], ocr_pages: int, cache_dir: Path) -> list[CorpusFile]:
    """Whole files until ocr_pages pages, each page rendered as a damaged scan and read by Tesseract."""
    chosen: list[CorpusFile] = []
    total = 0
    for f in files:
        if total >= ocr_pages:
            break
        if total + len(f.pages) > ocr_pages and chosen:
            continue
        chosen.append(f)
        total += len(f.pages)
    texts = [p.text for f in chosen for p in f.pages]
    ocred = iter(render_and_ocr_pages(texts, cache_dir / "ocr", read_scan, PRODUCT_OCR_VERSION, workers=2))
    return [CorpusFile(f.name + "-ocr", [p.relabelled(next(ocred)) for p in f.pages]) for f in chosen]


def _ocr_files(ocr_pages: int, seed: int, cache_dir: Path) -> list[CorpusFile]:
    """Whole held-out files (a fresh seed: not the clean/noisy files) until ocr_pages pages, OCRed."""
    return _ocr_copy(generate_files("test", 40, seed=seed + 1000, docs_per_file=(5, 10)), ocr_pages, cache_dir)


def run_classification_eval(
    ocr_pages: int = DEFAULT_OCR_PAGES,
    test_files: int = DEFAULT_TEST_FILES,
    seed: int = 0,
    cache_dir: Path | None = None,
    model: RecordTypeModel | None = None,
    kind_files: int = DEFAULT_KIND_FILES,
) -> dict[str, Any]:
    """Figures for clean, simulated-noise and real-OCR held-out files, then the same for files built on
    the held-out new layouts (KINDS, variants 2-3); ocr_pages=0 skips real OCR."""
    cache_dir = Path(cache_dir or DEFAULT_CACHE_DIR)
    started = time.perf_counter()
    model = model or train_record_type_model(training_examples(seed=seed))
    trained = time.perf_counter()
    results: dict[str, Any] = {"conditions": {}, "kinds": {}, "targets": TARGETS}
    clean = generate_files("test", test_files, seed=seed)
    results["conditions"]["clean"] = _score(clean, model)
    noisy = [noisy_copy(f, seed, level=rng_level(f.name)) for f in clean]
    results["conditions"]["simulated_ocr"] = _score(noisy, model)
    kinds = generate_kind_files("test", kind_files, seed=seed)
    results["kinds"]["clean"] = _score(kinds, model)
    results["kinds"]["simulated_ocr"] = _score([noisy_copy(f, seed, level=rng_level(f.name)) for f in kinds], model)
    if ocr_pages > 0:
        ocr_started = time.perf_counter()
        results["conditions"]["real_ocr"] = _score(_ocr_files(ocr_pages, seed, cache_dir), model)
        kind_ocr = _ocr_copy(generate_kind_files("test", 20, seed=seed + 1000), ocr_pages, cache_dir)
        results["kinds"]["real_ocr"] = _score(kind_ocr, model)
        results["real_ocr_seconds"] = round(time.perf_counter() - ocr_started, 1)
    results["model_seconds"] = round(trained - started, 1)
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    return results


FIGURES = [("files", "files"), ("pages", "pages"), ("page_accuracy", "page accuracy"),
           ("boundary_precision", "boundary precision"), ("boundary_recall", "boundary recall"),
           ("boundary_f1", "boundary F1"), ("document_date_accuracy", "document date accuracy"),
           ("document_date_end_to_end", "  of all dated documents"),
           ("document_date_wrong", "  given a date not theirs"),
           ("encounter_date_accuracy", "encounter date accuracy"),
           ("multi_encounter_date_accuracy", "  of multi-entry documents"),
           ("encounter_count_error", "encounter count error (mean)"), ("title_accuracy", "title checks passed"),
           ("mean_confidence", "mean confidence")]


def _table(conditions: dict[str, Any]) -> list[str]:
    names = list(conditions)
    lines = [f"{'':32}" + "".join(f"{n:>16}" for n in names)]
    for key, label in FIGURES:
        row = f"{label:32}"
        for n in names:
            v = conditions[n][key]
            row += f"{v:>16}" if isinstance(v, int) else (f"{'-':>16}" if v != v else f"{v:>16.3f}")
        lines.append(row)
    return lines


def _targets(label: str, conditions: dict[str, Any]) -> list[str]:
    lines = []
    for key, name in (("page_accuracy", "page accuracy"), ("boundary_f1", "boundary F1"),
                      ("document_date_accuracy", "document date accuracy")):
        worst_condition = min(conditions, key=lambda c: conditions[c][key])
        worst = conditions[worst_condition][key]
        target = TARGETS[key]
        lines.append(f"target {name}, {label} (worst: {worst_condition}): {worst:.3f} vs >= {target:.2f}  "
                     f"{'OK' if worst >= target else 'MISSED'}")
    return lines


def format_report(results: dict[str, Any]) -> str:
    conditions = results["conditions"]
    names = list(conditions)
    lines = ["Record typing, segmentation, dates, encounters and titles", "",
             "Held-out template variants (never seen in training)"]
    lines += _table(conditions)
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
    kinds = results.get("kinds") or {}
    if kinds:
        lines += ["", "New layouts of the issue's kinds of error, held-out variants (KINDS 2-3)"]
        lines += _table(kinds)
        lines += ["", "by kind: documents found with the right boundaries / typed right / dated right"]
        kind_names = sorted({k for c in kinds.values() for k in c["by_kind"]})
        lines.append(f"{'':14}" + "".join(f"{n:>24}" for n in kinds))
        for k in kind_names:
            row = f"{k:14}"
            for n in kinds:
                c = kinds[n]["by_kind"].get(k, {})
                found = f"{c.get('found', 0)}/{c.get('documents', 0)}"
                dated = f"{c.get('date_right', 0)}/{c.get('dated', 0)}"
                row += f"{found:>10}{c.get('typed', 0):>5}{dated:>9}"
            lines.append(row)
        # Held-out errors are counted, never listed: they are read on the dev folds only (--dev).
        for n in kinds:
            failures = kinds[n]["failures"]
            if failures:
                lines.append(f"errors on new layouts, {n}: {len(failures)} (listed with --dev only)")
    lines.append("")
    lines += _targets("held-out", conditions)
    if kinds:
        lines += _targets("new layouts", kinds)
    lines.append(f"model ready in {results['model_seconds']} s; total {results['total_seconds']} s"
                 + (f" (real OCR {results['real_ocr_seconds']} s)" if "real_ocr_seconds" in results else ""))
    return "\n".join(lines)


def development_folds() -> list[tuple[int, ...]]:
    """Training variants split into three folds of two (like the two held-out variants): (0, 5), (1, 6), (2, 7)."""
    n = len(TRAIN_VARIANTS)
    k = 3 if n >= 6 else n
    return [tuple(TRAIN_VARIANTS[i::k]) for i in range(k)]


def development_kind_fold(index: int) -> tuple[int, ...]:
    """The two new-layout training variants a development fold leaves out (like the two held-out ones):
    (0, 1), (1, 4), (4, 5)."""
    n = len(KIND_TRAIN_VARIANTS)
    return (KIND_TRAIN_VARIANTS[index % n], KIND_TRAIN_VARIANTS[(index + 1) % n])


def run_development_folds(test_files: int = 20, seed: int = 0, ocr_pages: int = 0,
                          cache_dir: Path | None = None) -> dict[str, Any]:
    """Leave-some-training-variants-out figures, for tuning without touching the held-out variants:
    for each fold, train on the other training variants (and the other new-layout training variant) and
    score files made only of the fold's. ocr_pages > 0 also scores that many pages of the fold's files
    (and of its new-layout files) read back by real Tesseract, so OCR damage is tuned on dev text only."""
    cache_dir = Path(cache_dir or DEFAULT_CACHE_DIR)
    folds: dict[str, Any] = {}
    for index, held in enumerate(development_folds()):
        others = tuple(v for v in TRAIN_VARIANTS if v not in held)
        held_kinds = development_kind_fold(index)
        other_kinds = tuple(v for v in KIND_TRAIN_VARIANTS if v not in held_kinds)
        model = train_record_type_model(training_examples(seed=seed, variants=others, kind_variants=other_kinds))
        files = generate_files("dev", test_files, seed=seed + 500, variants=held)
        noisy = [noisy_copy(f, seed, level=rng_level(f.name)) for f in files]
        kind_files = generate_kind_files("dev", test_files // 2, seed=seed + 500, kind_variants=held_kinds,
                                         variants=held)
        kind_noisy = [noisy_copy(f, seed, level=rng_level(f.name)) for f in kind_files]
        fold = {"clean": _score(files, model), "simulated_ocr": _score(noisy, model),
                "kinds_clean": _score(kind_files, model), "kinds_ocr": _score(kind_noisy, model)}
        if ocr_pages > 0:
            fold["real_ocr"] = _score(_ocr_copy(files, ocr_pages, cache_dir), model)
            fold["kinds_real_ocr"] = _score(_ocr_copy(kind_files, ocr_pages, cache_dir), model)
        folds["v" + "+".join(map(str, held)) + "/k" + "+".join(map(str, held_kinds))] = fold
    return folds


DEFAULT_DEV_ERRORS = 6


def format_development_report(folds: dict[str, Any], errors: int = DEFAULT_DEV_ERRORS) -> str:
    lines = ["Development folds (leave TRAINING variants out; held-out variants untouched)"]
    for name, fold in folds.items():
        for condition, m in fold.items():
            lines.append(f"{name} {condition:14} page acc {m['page_accuracy']:.3f}  boundary F1 {m['boundary_f1']:.3f}"
                         f"  date {m['document_date_accuracy']:.3f} (wrong {m['document_date_wrong']:.3f})"
                         f"  encounters {m['encounter_date_accuracy']:.3f}"
                         f"  titles {m['title_accuracy']:.3f}  conf {m['mean_confidence']:.3f}")
            confusions = ", ".join(f"{g}→{p} ×{c}" for g, p, c in m["top_confusions"][:4])
            lines.append(f"    {confusions}")
            if m["failures"]:
                lines.append("    " + "; ".join(m["failures"][:errors]))
            if m["ordinary_failures"] and errors > DEFAULT_DEV_ERRORS:
                lines.append("    template variants: " + "; ".join(m["ordinary_failures"][:errors]))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ocr-pages", type=int, default=DEFAULT_OCR_PAGES,
                        help="pages rendered and OCRed with Tesseract, for each of the two sets (0 to skip)")
    parser.add_argument("--test-files", type=int, default=DEFAULT_TEST_FILES)
    parser.add_argument("--kind-files", type=int, default=DEFAULT_KIND_FILES)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument("--dev", action="store_true",
                        help="development folds inside the training variants, for tuning (no held-out data)")
    parser.add_argument("--dev-ocr-pages", type=int, default=0,
                        help="with --dev: pages of each fold's files (and new-layout files) read by real Tesseract")
    parser.add_argument("--dev-errors", type=int, default=DEFAULT_DEV_ERRORS,
                        help="with --dev: how many errors on the new layouts to print for each fold and condition, "
                             "and above the default the template variants' date errors too (training variants "
                             "only: the place to read errors)")
    args = parser.parse_args(argv)
    if args.dev:
        folds = run_development_folds(seed=args.seed, ocr_pages=args.dev_ocr_pages, cache_dir=args.cache_dir)
        print(format_development_report(folds, errors=args.dev_errors))
        return folds
    results = run_classification_eval(args.ocr_pages, args.test_files, args.seed, args.cache_dir,
                                      kind_files=args.kind_files)
    print(format_report(results))
    return results


if __name__ == "__main__":
    main()
