"""Precision, recall and F1 of the evidence flaggers per category, clean and OCR-noisy, plus context accuracy.

Measured on `samples.flag_corpus`: held-out variants (wordings the rule packs were not tuned on) are
the headline; train figures are printed too so over-fitting shows. A prediction is a true positive
when it overlaps a gold span that lists its category; a gold span is found when a prediction of one of
its categories overlaps it. Context accuracy is judged on found spans: negated, historical,
hypothetical and experiencer must all match the label; opinion polarity is scored on its own.
Speed is sentences per second of `find_flags` over the whole corpus.

Caveat on the noisy figures: the matcher's OCR-tolerant glyph classes (clinical_context.OCR_CONFUSABLE)
and the noise simulator's confusion table (samples.flag_corpus) both come from tesseract's usual
confusions, so they overlap; noisy recall is optimistic for real scans. Broken line wraps are the part
of the noise the matcher was not built around.
"""

from __future__ import annotations

import argparse
import json
import time

from classifiers.evidence_flags import FLAG_CATEGORIES, FlagHit, find_flags
from samples.flag_corpus import CorpusSentence, add_ocr_noise, build_flag_corpus

TARGET_CATEGORIES: tuple[str, ...] = ("back_complaint", "injury", "gait", "aging_attribution")
TARGET = 0.90


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict[str, float | int]:
    p = tp_pred / n_pred if n_pred else 1.0
    r = tp_gold / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "predicted": n_pred, "gold": n_gold}


def score_corpus(corpus: list[CorpusSentence]) -> dict[str, object]:
    """Per-category P/R/F1, context accuracy on found spans, polarity accuracy, and the errors."""
    counts = {c: [0, 0, 0, 0] for c in FLAG_CATEGORIES}  # tp_pred, n_pred, tp_gold, n_gold
    ctx_total = ctx_right = pol_total = pol_right = 0
    per_attr = {"negated": [0, 0], "historical": [0, 0], "hypothetical": [0, 0], "experiencer": [0, 0]}
    errors: list[str] = []
    for item in corpus:
        hits: list[FlagHit] = find_flags(item.text)
        for h in hits:
            counts[h.category][1] += 1
            if any(h.category in g.categories and h.start < g.end and g.start < h.end for g in item.spans):
                counts[h.category][0] += 1
            else:
                errors.append(f"FP {h.category}: {h.text!r} in {item.text!r}")
        for g in item.spans:
            for cat in g.categories:
                counts[cat][3] += 1
                found = [h for h in hits if h.category == cat and h.start < g.end and g.start < h.end]
                if not found:
                    errors.append(f"FN {cat}: {item.text[g.start:g.end]!r} in {item.text!r}")
                    continue
                counts[cat][2] += 1
                h = found[0]
                checks = {
                    "negated": h.negated == g.negated,
                    "historical": h.historical == g.historical,
                    "hypothetical": h.hypothetical == g.hypothetical,
                    "experiencer": h.experiencer == g.experiencer,
                }
                for k, ok in checks.items():
                    per_attr[k][0] += 1
                    per_attr[k][1] += int(ok)
                ctx_total += 1
                if all(checks.values()):
                    ctx_right += 1
                else:
                    wrong = [k for k, ok in checks.items() if not ok]
                    errors.append(f"CTX {cat} {wrong}: {item.text[g.start:g.end]!r} in {item.text!r}")
                if cat == "medical_opinion" and g.polarity:
                    pol_total += 1
                    pol_right += int(any(x.polarity == g.polarity for x in found))
                    if not any(x.polarity == g.polarity for x in found):
                        errors.append(f"POL want {g.polarity} got {[x.polarity for x in found]}: {item.text!r}")
    return {
        "categories": {c: _prf(*v) for c, v in counts.items()},
        "context_accuracy": round(ctx_right / ctx_total, 3) if ctx_total else None,
        "context_by_attribute": {k: round(v[1] / v[0], 3) if v[0] else None for k, v in per_attr.items()},
        "polarity_accuracy": round(pol_right / pol_total, 3) if pol_total else None,
        "sentences": len(corpus),
        "errors": errors,
    }


def measure_speed(corpus: list[CorpusSentence], repeats: int = 3) -> float:
    """Sentences per second of find_flags (each corpus item is one sentence; context cache cleared)."""
    from classifiers.clinical_context import _sentence_triggers

    best = float("inf")
    for _ in range(repeats):
        _sentence_triggers.cache_clear()
        t0 = time.perf_counter()
        for item in corpus:
            find_flags(item.text)
        best = min(best, time.perf_counter() - t0)
    return round(len(corpus) / best, 1) if best > 0 else float("inf")


def measure_page_speed() -> dict[str, float | int] | None:
    """Pages per second of find_flags on the sample claim's pages (whole OCR-like pages), when present."""
    try:
        from samples.claim_content import DOCUMENTS
    except ImportError:
        return None
    from classifiers.clinical_context import _sentence_triggers

    pages = [(page.replace("^", ""), doc.record_type) for doc in DOCUMENTS for page in doc.pages]
    _sentence_triggers.cache_clear()
    t0 = time.perf_counter()
    for text, record_type in pages:
        find_flags(text, record_type)
    elapsed = time.perf_counter() - t0
    return {"pages": len(pages), "pages_per_second": round(len(pages) / elapsed, 1) if elapsed else 0.0,
            "ms_per_page": round(1000 * elapsed / len(pages), 2) if pages else 0.0}


def run_flag_eval(instances_per_variant: int = 8) -> dict[str, object]:
    """Scores on held-out (clean, noisy) and train (clean), speed, and whether the target is met."""
    clean = build_flag_corpus(instances_per_variant)
    noisy = add_ocr_noise(clean)
    result: dict[str, object] = {
        "held_out_clean": score_corpus([c for c in clean if c.split == "test"]),
        "held_out_noisy": score_corpus([c for c in noisy if c.split == "test"]),
        "train_clean": score_corpus([c for c in clean if c.split == "train"]),
        "train_noisy": score_corpus([c for c in noisy if c.split == "train"]),
        "sentences_per_second": measure_speed(clean + noisy),
        "sample_claim_pages": measure_page_speed(),
    }
    held = result["held_out_clean"]
    assert isinstance(held, dict)
    result["target_met"] = all(
        held["categories"][c]["precision"] >= TARGET and held["categories"][c]["recall"] >= TARGET
        for c in TARGET_CATEGORIES
    )
    return result


def format_report(result: dict[str, object], show_errors: bool = False) -> str:
    lines: list[str] = []
    for split in ("held_out_clean", "held_out_noisy", "train_clean", "train_noisy"):
        res = result[split]
        assert isinstance(res, dict)
        lines.append(f"== {split} ({res['sentences']} sentences)")
        lines.append(f"{'category':<20}{'P':>7}{'R':>7}{'F1':>7}{'pred':>6}{'gold':>6}")
        for cat, m in res["categories"].items():
            mark = " *" if cat in TARGET_CATEGORIES else ""
            lines.append(
                f"{cat:<20}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}{m['predicted']:>6}{m['gold']:>6}{mark}"
            )
        lines.append(
            f"context accuracy {res['context_accuracy']} {res['context_by_attribute']}; "
            f"opinion polarity accuracy {res['polarity_accuracy']}"
        )
        if show_errors:
            lines.extend("   " + e for e in res["errors"])
        lines.append("")
    lines.append(f"* target: P and R >= {TARGET} held-out clean -> {'met' if result['target_met'] else 'NOT met'}")
    lines.append(f"speed: {result['sentences_per_second']} sentences/s (find_flags, one process)")
    pages = result.get("sample_claim_pages")
    if isinstance(pages, dict):
        lines.append(
            f"       {pages['pages_per_second']} pages/s, {pages['ms_per_page']} ms/page on the sample claim "
            f"({pages['pages']} pages; OCR takes seconds per page)"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list false positives/negatives and context misses")
    args = parser.parse_args(argv)
    result = run_flag_eval()
    if args.json:
        print(json.dumps(result, indent=2, default=str))
    else:
        print(format_report(result, show_errors=args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
