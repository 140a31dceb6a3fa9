"""Evidence flags, scored per category and unit: the generated corpus, the real notes, the Board sets.

Scoring (the same everywhere, per `LABELS.md`): the unit is a sentence (a corpus sentence, a labelled
unit of a real note or a Board decision). A predicted (unit, category) is a true positive when the
unit's gold labels have that category, whatever the context; a gold (unit, category) is found when a
flag of that category has a span in the unit. A *context error* is a true positive whose negated,
hypothetical or experiencer value disagrees with the gold label (opinion polarity is counted apart).
Several flags of one category in one unit count once, with the context of the plainest of them (a
present, affirmed, patient flag wins), as the physician reads the unit.

Mapping flags to units mirrors production, where the finder sees a whole page: the units of one note
(or decision) are joined in order with newlines into one page, `find_flags` runs over it, and each
span of a flag lands in the unit that holds its first character.

Data and honesty:
- generated corpus (`samples.flag_corpus`): the held-out variants are the headline; the sentence
  model is fitted on the corpus's train variants only (plus the other repo data), never on held-out.
- real notes (`../shared/benchmarks/clinical-notes`, read where they lie, never copied): split BY NOTE
  into four folds, fold = int(sha256(note name, UTF-8).hexdigest(), 16) % 4. Folds 0 and 1 are DEV
  (read, tuned on), folds 2 and 3 are TEST (figures only, run at the very end; `--errors` refuses them).
  The notes are never training data: the shipped model is fitted on repo data only.
- Board decision openings (`samples/data/board_openings/A`, `.../B`, `.../C`): A is dev and also training
  data, so A is scored by 4-fold cross-fitting BY DECISION (each fold scored by a model fitted without it);
  B is held out: only its aggregate figures are printed, never a unit or an error. C (round 3, labelled
  blind by another annotator) is split by decision with `doc_fold`: its dev folds (0, 1) are read, tuned
  on and trained on (scored cross-fitted, `--board-split dev`); its test folds (2, 3) are held out like B
  (`--board-split test`, aggregate figures only).
- web clinical text (`samples/data/web_clinical`, round 3, labelled blind): published example notes (PT,
  chiropractic, imaging reports, consults, lay accounts, blank forms) found through the search tool, cut
  and labelled per LABELS.md by an annotator who never saw the rules. Evaluation only (never training),
  split by document with `doc_fold`: dev folds read and tuned on (`--part web --web-split dev`), test
  folds held out (`--web-split test`, aggregate figures only).

The finder is evaluated as shipped: rules and layout plus the sentence model, fitted in-process on repo
data only (`repo_training_texts`: corpus training variants, written sentences, Board set A; ~5 s);
`--rules-only` leaves the model out. `--typed` reads each note or web document as the pipeline reads a page:
typed first by the trained record-type model (an MRI report read as an imaging report), instead of untyped
(record type "other", the default, which the finder must handle too). `--sweep` shows, on the notes' dev
folds, what the model adds per category and threshold (how `claims.flag_model_training.DEFAULT_THRESHOLDS` were chosen).

Speed is sentences per second of `find_flags` in CPU time of one process (one core); the sample claim
(`samples.claim_content`) gives flags per page, repeats (a second flag of one category on one sentence)
and recall of the evidence a reviewer must see on it.

Usage (from the repo root): `PYTHONPATH=. python bench/eval_flags.py` (corpus, notes dev folds, Board
set A, sample claim); `--part notes --split dev0` / `--split dev1` score one dev fold (round 2's inner
validation: read the errors of one half, keep a change only if the other half does not get worse, alternate);
`--part notes --split test` and `--part board --board-set B` only to report, at the very end; `--errors`
lists the errors of readable sets (refused for test folds and set B).
"""

from __future__ import annotations

import argparse
import json
import re
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from claims.flag_model_training import fit_flag_model
from claims.trained_models import ModelUnavailable, record_type_model
from classifiers.document_segmentation import predict_pages
from classifiers.evidence_flags import FLAG_CATEGORIES, find_flags
from classifiers.flag_sentence_model import FlagSentenceModel
from classifiers.page_features import page_features
from classifiers.sentences import split_sentences
from config.settings import get_settings
from samples.flag_corpus import CorpusSentence, add_ocr_noise, build_flag_corpus
from samples.labelled_text import (
    BOARD_OPENINGS,
    BOARD_TRAINING,
    DEV_FOLDS,
    N_FOLDS,
    TEST_FOLDS,
    GoldLabel,
    LabelledUnit,
    by_doc,
    doc_fold,
    load_labelled_units,
    repo_training_texts,
)

REPO = Path(__file__).resolve().parent.parent

MISSION_CATEGORIES: tuple[str, ...] = ("back_complaint", "injury", "gait", "aging_attribution")
DEFAULT_NOTES = REPO.parent / "shared" / "benchmarks" / "clinical-notes"
DEFAULT_BOARD = BOARD_OPENINGS
# Board sets split by decision into dev and test folds (set C is also training data, set F never is).
FOLDED_BOARD_SETS: frozenset[str] = frozenset({"C", "F"})
BOARD_TRAINING_SETS: frozenset[str] = frozenset(name for name, _dev_only in BOARD_TRAINING)
WEB_SETS: dict[str, Path] = {
    "D": BOARD_OPENINGS.parent / "web_clinical",
    "E": BOARD_OPENINGS.parent / "web_clinical_e",
    "G": BOARD_OPENINGS.parent / "web_clinical_g",
}
# The dev folds' halves for inner validation (round 2): read the errors of one half, keep a change only if
# the other half does not get worse, alternate. `--split dev0` / `--split dev1` pick a half.
SPLIT_FOLDS: dict[str, tuple[int, ...]] = {"dev": DEV_FOLDS, "dev0": (0,), "dev1": (1,), "test": TEST_FOLDS}
COMMAND = "PYTHONPATH=. python bench/eval_flags.py"  # add --rules-only for the rules and layout alone

Finder = Callable[[str, str], Sequence[Any]]  # (page text, record type) -> flags


@dataclass(frozen=True)
class Predicted:
    negated: bool
    hypothetical: bool
    experiencer: str
    polarity: str | None


@dataclass
class UnitScores:
    """Counts per category and the listed errors (only ever printed for readable sets)."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    context_errors: Counter[str] = field(default_factory=Counter)
    polarity_errors: int = 0
    polarity_total: int = 0
    units: int = 0
    docs: int = 0
    errors: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- folds and loading


def select_folds(units: list[LabelledUnit], folds: Iterable[int]) -> list[LabelledUnit]:
    wanted = set(folds)
    return [u for u in units if doc_fold(u.doc) in wanted]


# ---------------------------------------------------------------- mapping flags to units


def _spans_of(hit: Any) -> tuple[tuple[int, int], ...]:
    spans = getattr(hit, "spans", None)
    return tuple(spans) if spans else ((hit.start, hit.end),)


def _plainness(p: Predicted) -> tuple[bool, bool, bool]:
    return (p.negated, p.hypothetical, p.experiencer != "patient")


def predict_doc(units: list[LabelledUnit], finder: Finder, record_type: str = "other") -> list[dict[str, Predicted]]:
    """Run the finder over the document's units joined by newlines; per unit, category -> context."""
    starts: list[int] = []
    parts: list[str] = []
    pos = 0
    for u in units:
        starts.append(pos)
        parts.append(u.text)
        pos += len(u.text) + 1
    return predict_in_text("\n".join(parts), starts, finder, record_type)


def published_notes(notes: Path, names: Iterable[str]) -> dict[str, str]:
    """Benchmark notes as published, by name: the four header lines and the trailing "Keywords:" line
    left out."""
    out: dict[str, str] = {}
    for name in names:
        raw = (notes / "notes" / f"{name}.txt").read_text(encoding="utf-8")
        marker = raw.find("(Medical Transcription Sample Report)")
        body = raw.find("\n", marker) + 1 if marker >= 0 else 0
        keywords = raw.rfind("\nKeywords:")
        out[name] = raw[body : keywords if keywords > body else len(raw)]
    return out


def stored_documents(folder: Path) -> dict[str, str]:
    """A labelled web set's documents as stored (`docs.jsonl`): the record with its headings and the
    lines that were not cut into units."""
    out: dict[str, str] = {}
    with (folder / "docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                out[str(row["note"])] = row["text"]
    return out


def unit_spans(text: str, units: list[LabelledUnit]) -> tuple[list[int], list[int]]:
    """Where each unit starts and ends in its document's text, found in reading order, whitespace-tolerant;
    a unit whose text differs from the document's, as a few do, is taken to run from where the previous
    one ended to the next unit found."""
    starts: list[int] = []
    ends: list[int | None] = []
    pos = 0
    for u in units:
        m = re.compile(r"\s*".join(re.escape(w) for w in u.text.split())).search(text, pos)
        if m is None:
            starts.append(pos)
            ends.append(None)
            continue
        starts.append(m.start())
        ends.append(m.end())
        pos = m.end()
    filled = [e if e is not None else (starts[i + 1] if i + 1 < len(starts) else len(text))
              for i, e in enumerate(ends)]
    return starts, filled


def predict_in_text(
    text: str, starts: list[int], finder: Finder, record_type: str = "other", ends: list[int] | None = None
) -> list[dict[str, Predicted]]:
    """The finder's flags on `text`, per unit (units start at `starts`; with `ends`, a flag on text
    between units, a heading or a line nobody labelled, counts for none): category -> context."""
    out: list[dict[str, Predicted]] = [{} for _ in starts]
    for hit in finder(text, record_type):
        pred = Predicted(bool(hit.negated), bool(hit.hypothetical), hit.experiencer, getattr(hit, "polarity", None))
        for i in sorted({bisect_right(starts, s) - 1 for s, _e in _spans_of(hit)}):
            if i < 0 or (ends is not None and not any(starts[i] <= s < ends[i] for s, _e in _spans_of(hit))):
                continue
            old = out[i].get(hit.category)
            if old is None or _plainness(pred) < _plainness(old):
                out[i][hit.category] = pred
    return out


def _context_wrong(pred: Predicted, gold: GoldLabel) -> list[str]:
    wrong = []
    if pred.negated != gold.negated:
        wrong.append("negated")
    if pred.hypothetical != gold.hypothetical:
        wrong.append("hypothetical")
    if pred.experiencer != gold.experiencer:
        wrong.append("experiencer")
    return wrong


def score_units(
    units: list[LabelledUnit], finder: Finder, keep_errors: bool = False, record_type: str = "other",
    texts: Mapping[str, str] | None = None,
) -> UnitScores:
    """Scores of the finder on labelled units: each document's units joined by newlines, or, with
    `texts`, each document's whole text (as published or stored) with its units found in it."""
    scores = UnitScores()
    docs = by_doc(units)
    scores.docs = len(docs)
    for name, doc_units in docs.items():
        if texts is None:
            preds = predict_doc(doc_units, finder, record_type)
        else:
            starts, ends = unit_spans(texts[name], doc_units)
            preds = predict_in_text(texts[name], starts, finder, record_type, ends)
        for u, pred in zip(doc_units, preds, strict=True):
            scores.units += 1
            gold = {g.category: g for g in u.labels}
            where = f"[{u.doc} #{u.unit}] {u.text!r}"
            for cat, p in pred.items():
                if cat not in gold:
                    scores.fp[cat] += 1
                    if keep_errors:
                        scores.errors.append(f"FP {cat} {_ctx_text(p)}: {where}")
                    continue
                scores.tp[cat] += 1
                g = gold[cat]
                wrong = _context_wrong(p, g)
                if wrong:
                    scores.context_errors[cat] += 1
                    if keep_errors:
                        scores.errors.append(f"CTX {cat} {wrong} gold {_ctx_text(g)}: {where}")
                if cat == "medical_opinion" and g.polarity:
                    scores.polarity_total += 1
                    if p.polarity != g.polarity:
                        scores.polarity_errors += 1
                        if keep_errors:
                            scores.errors.append(f"POL want {g.polarity} got {p.polarity}: {where}")
            for cat, g in gold.items():
                if cat not in pred:
                    scores.fn[cat] += 1
                    if keep_errors:
                        scores.errors.append(f"FN {cat} {_ctx_text(g)}: {where}")
    return scores


def _ctx_text(x: Predicted | GoldLabel) -> str:
    bits = [k for k, v in (("neg", x.negated), ("hyp", x.hypothetical), ("other", x.experiencer != "patient")) if v]
    return "(" + ",".join(bits) + ")" if bits else "()"


# ---------------------------------------------------------------- tables


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def summary(scores: UnitScores) -> dict[str, Any]:
    """Per category and micro P/R/F1, context errors; JSON-ready."""
    cats: dict[str, Any] = {}
    for c in FLAG_CATEGORIES:
        tp, fp, fn = scores.tp[c], scores.fp[c], scores.fn[c]
        p, r, f = _prf(tp, fp, fn)
        cats[c] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp,
                   "fn": fn, "gold": tp + fn, "context_errors": scores.context_errors[c]}

    def micro(names: Iterable[str]) -> dict[str, float]:
        names = list(names)
        p, r, f = _prf(sum(scores.tp[c] for c in names), sum(scores.fp[c] for c in names),
                       sum(scores.fn[c] for c in names))
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}

    present = [c for c in FLAG_CATEGORIES if scores.tp[c] + scores.fn[c] > 0]
    flags = sum(scores.tp.values()) + sum(scores.fp.values())
    ctx = sum(scores.context_errors.values())
    return {
        "docs": scores.docs,
        "units": scores.units,
        "categories": cats,
        "micro_mission": micro(c for c in MISSION_CATEGORIES if c in present),
        "micro_present": micro(present),
        "micro_all": micro(FLAG_CATEGORIES),
        "flags": flags,
        "context_errors": ctx,
        "context_error_rate": round(ctx / flags, 4) if flags else 0.0,
        "polarity": f"{scores.polarity_total - scores.polarity_errors}/{scores.polarity_total}",
    }


def format_table(title: str, command: str, s: dict[str, Any]) -> str:
    lines = [f"== {title}: {s['docs']} documents, {s['units']} units", f"   reproduce: {command}"]
    lines.append(f"{'category':<20}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}{'ctx err':>9}")
    for cat, m in s["categories"].items():
        if m["tp"] + m["fp"] + m["fn"] == 0:
            continue
        mark = " *" if cat in MISSION_CATEGORIES else ""
        lines.append(f"{cat:<20}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}{m['tp']:>6}{m['fp']:>6}"
                     f"{m['fn']:>6}{m['context_errors']:>9}{mark}")
    for key, name in (("micro_mission", "micro, four mission *"), ("micro_present", "micro, categories present"),
                      ("micro_all", "micro, all eleven")):
        m = s[key]
        lines.append(f"{name:<27}P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    lines.append(f"context errors {s['context_errors']} of {s['flags']} flags ({100 * s['context_error_rate']:.1f}%); "
                 f"opinion polarity right {s['polarity']}")
    return "\n".join(lines)


# ---------------------------------------------------------------- the generated corpus as units


def corpus_units(corpus: Sequence[CorpusSentence], prefix: str) -> list[LabelledUnit]:
    """Each corpus sentence is one unit (its own document); per category the plainest gold span's context."""
    out: list[LabelledUnit] = []
    for i, item in enumerate(corpus):
        gold: dict[str, GoldLabel] = {}
        for span in item.spans:
            for cat in span.categories:
                g = GoldLabel(cat, span.negated, span.hypothetical, span.experiencer,
                              span.polarity if cat == "medical_opinion" else None)
                old = gold.get(cat)
                if old is None or (g.negated, g.hypothetical, g.experiencer != "patient") < (
                    old.negated, old.hypothetical, old.experiencer != "patient"
                ):
                    gold[cat] = g
        out.append(LabelledUnit(f"{prefix}{i}", 0, item.text, tuple(gold.values())))
    return out


# ---------------------------------------------------------------- sample claim, speed


def sample_claim_report(finder: Finder) -> dict[str, Any] | None:
    """Flags per page, repeats per sentence and recall of the expected evidence on the sample claim."""
    try:
        from samples.make_sample_claim import build_truth
    except ImportError:
        return None
    truth = build_truth()
    flags = repeats = expected = found = ctx_wrong = traps_hit = 0
    sentences = 0
    for page in truth["pages"]:
        text = page["text"]
        hits = list(finder(text, page["record_type"]))
        sentences += len(split_sentences(text))
        flags += len(hits)
        keys = Counter((h.sentence_start, h.category) for h in hits)
        repeats += sum(n - 1 for n in keys.values())
        for want in page["flags"]:
            expected += 1
            same = [h for h in hits if h.category == want["category"]
                    and any(s < want["end"] and want["start"] < e for s, e in _spans_of(h))
                    or h.category == want["category"]
                    and h.sentence_start <= want["start"] < h.sentence_start + len(h.sentence)]
            if same:
                found += 1
                if not any(h.negated == want["negated"] and h.hypothetical == want["hypothetical"]
                           and h.experiencer == want["experiencer"] for h in same):
                    ctx_wrong += 1
        for trap in page["not_flags"]:
            traps_hit += any(h.category == trap["category"] and not (h.negated or h.hypothetical)
                             and h.experiencer == "patient"
                             and any(s < trap["end"] and trap["start"] < e for s, e in _spans_of(h)) for h in hits)
    pages = len(truth["pages"])
    return {"pages": pages, "sentences": sentences, "flags": flags, "flags_per_page": round(flags / pages, 2),
            "repeats": repeats, "expected": expected, "found": found, "recall": round(found / expected, 3),
            "context_wrong": ctx_wrong, "traps_flagged": traps_hit}


def measure_speed(texts: Sequence[str], finder: Finder, repeats: int = 3) -> float:
    """Sentences per second of the finder over `texts` (each one call), best of `repeats`, counted in CPU
    time of this one process (the machine's other work does not count against it): one core's rate."""
    n = sum(len(split_sentences(t)) for t in texts)
    best = float("inf")
    for _ in range(repeats):
        _clear_caches()
        t0 = time.process_time()
        for t in texts:
            finder(t, "other")
        best = min(best, time.process_time() - t0)
    return round(n / best, 1) if best > 0 else float("inf")


def _clear_caches() -> None:
    from classifiers import clinical_context

    for name in dir(clinical_context):
        fn = getattr(clinical_context, name)
        if name.startswith("_sentence") and hasattr(fn, "cache_clear"):
            fn.cache_clear()


def fit_repo_model(exclude_docs: frozenset[str] = frozenset()) -> FlagSentenceModel:
    """The shipped recipe: repo data, the default (dev-chosen) thresholds."""
    return fit_flag_model(repo_training_texts(exclude_docs=exclude_docs))


# ---------------------------------------------------------------- finders


def rules_finder() -> Finder:
    return lambda text, record_type: find_flags(text, record_type)


def model_finder(model: FlagSentenceModel) -> Finder:
    return lambda text, record_type: find_flags(text, record_type, model)


def typed_finder(finder: Finder) -> Finder:
    """The finder behind the product's page typing: a text the eval has no record type for ("other") is
    typed first by the trained record-type model, one page alone, as `claims.page_analysis` types a page
    before reading its flags. Needs `claimdex train`'s model (CLAIMDEX_MODEL_DIR or the data dir's)."""
    try:
        model = record_type_model(get_settings())
    except ModelUnavailable as exc:
        raise SystemExit(f"--typed needs the trained record-type model (run `claimdex train`): {exc}") from exc

    def find(text: str, record_type: str) -> Sequence[Any]:
        if record_type == "other":
            features = page_features(1, text, model.rules)
            record_type = predict_pages([text], [features], model)[0].record_type
        return finder(text, record_type)

    return find


def run_flag_eval(instances_per_variant: int = 8, finder: Finder | None = None) -> dict[str, Any]:
    """The generated corpus's figures (held-out clean/noisy, train clean) and the speed, as a dict:
    `result["held_out_clean"]["categories"][category]["precision"]`, `result["sentences_per_second"]`."""
    finder = finder or rules_finder()
    clean = build_flag_corpus(instances_per_variant)
    noisy = add_ocr_noise(clean)
    result: dict[str, Any] = {}
    for key, items in (("held_out_clean", [c for c in clean if c.split == "test"]),
                       ("held_out_noisy", [c for c in noisy if c.split == "test"]),
                       ("train_clean", [c for c in clean if c.split == "train"])):
        result[key] = summary(score_units(corpus_units(items, key), finder))
    result["sentences_per_second"] = measure_speed([c.text for c in clean + noisy], finder)
    return result


def cross_fitted_scores(units: list[LabelledUnit], keep_errors: bool = False) -> UnitScores:
    """Board set A with the model: 4 folds by decision (doc_fold), each scored by a model fitted on the
    repo data without that fold's decisions."""
    total = UnitScores()
    docs = sorted({u.doc for u in units})
    for fold in range(N_FOLDS):
        held = frozenset(d for d in docs if doc_fold(d) == fold)
        if not held:
            continue
        sc = score_units([u for u in units if u.doc in held], model_finder(fit_repo_model(exclude_docs=held)),
                         keep_errors=keep_errors, record_type="board_decision")
        for key in ("tp", "fp", "fn", "context_errors"):
            getattr(total, key).update(getattr(sc, key))
        total.polarity_errors += sc.polarity_errors
        total.polarity_total += sc.polarity_total
        total.units += sc.units
        total.docs += sc.docs
        total.errors.extend(sc.errors)
    return total


SWEEP_GRID: tuple[float, ...] = (0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 1.01)


def sweep_thresholds(model: FlagSentenceModel, units: list[LabelledUnit]) -> dict[str, dict[float, tuple[int, ...]]]:
    """Per category and threshold, (tp, fp, fn, context errors) on `units` (the notes' DEV folds only),
    every other category's model switched off: what the model adds where the rules are silent."""
    out: dict[str, dict[float, tuple[int, ...]]] = {}
    for j, category in enumerate(model.categories):
        out[category] = {}
        for t in SWEEP_GRID:
            arrays = model.to_arrays()
            thresholds = np.full(len(model.categories), 1.01)
            thresholds[j] = t
            arrays["thresholds"] = thresholds
            sc = score_units(units, model_finder(FlagSentenceModel.from_arrays(arrays)))
            out[category][t] = (sc.tp[category], sc.fp[category], sc.fn[category], sc.context_errors[category])
    return out


# ---------------------------------------------------------------- main


def _report(blocks: list[str], title: str, command: str, sc: UnitScores, errors: bool) -> dict[str, Any]:
    """One scored set: its table (and its errors when asked) added to `blocks`; its summary returned."""
    s = summary(sc)
    blocks.append(format_table(title, command, s))
    if errors:
        blocks.extend("   " + e for e in sc.errors)
    return s


def run(args: argparse.Namespace) -> int:
    parts = set(args.part)
    board_held_out = args.board_set == "B" or (args.board_set in FOLDED_BOARD_SETS and args.board_split == "test")
    held_out = (("notes" in parts and args.split == "test") or ("board" in parts and board_held_out)
                or ("web" in parts and args.web_split == "test"))
    if args.errors and held_out:
        raise SystemExit("errors are printed for the notes' dev folds and Board set A only: test folds and set B "
                         "stay unseen")
    if args.split not in SPLIT_FOLDS:
        raise SystemExit("--split must be dev, dev0, dev1 or test")
    out: dict[str, Any] = {}
    blocks: list[str] = []
    if args.sweep:
        units = select_folds(load_labelled_units(Path(args.notes)), DEV_FOLDS)
        for category, row in sweep_thresholds(fit_repo_model(), units).items():
            print(category, "  ".join(f"{t}:{tp}/{fp}/{fn}/{ctx}" for t, (tp, fp, fn, ctx) in row.items()))
        return 0
    model = None if args.rules_only else fit_repo_model()
    command = COMMAND + (" --rules-only" if args.rules_only else "") + (" --typed" if args.typed else "")
    finder = model_finder(model) if model is not None else rules_finder()
    if args.typed:
        finder = typed_finder(finder)
    if "corpus" in parts:
        clean = build_flag_corpus(args.instances)
        noisy = add_ocr_noise(clean)
        for name, items in (("corpus held-out clean", [c for c in clean if c.split == "test"]),
                            ("corpus held-out noisy", [c for c in noisy if c.split == "test"]),
                            ("corpus train clean", [c for c in clean if c.split == "train"])):
            units = corpus_units(items, name)
            sc = score_units(units, finder, keep_errors=args.errors)
            out[name] = _report(blocks, name, f"{command} --part corpus", sc, args.errors)
        out["corpus_sentences_per_second"] = measure_speed([c.text for c in clean + noisy], finder)
        blocks.append(f"speed: {out['corpus_sentences_per_second']} sentences/s on the corpus (one core, "
                      f"{'rules only' if model is None else 'with the model'})")
    if "notes" in parts:
        notes = Path(args.notes)
        if not (notes / "units.jsonl").exists():
            blocks.append(f"real notes: not found at {notes} (pass --notes PATH); skipped")
        else:
            units = load_labelled_units(notes)
            folds = SPLIT_FOLDS[args.split]
            chosen = select_folds(units, folds)
            sc = score_units(chosen, finder, keep_errors=args.errors)
            out[f"notes_{args.split}"] = _report(blocks, f"real notes, {args.split} folds {folds}",
                                                 f"{command} --part notes --split {args.split}", sc, args.errors)
            sc = score_units(chosen, finder, keep_errors=args.errors,
                             texts=published_notes(notes, by_doc(chosen)))
            out[f"notes_{args.split}_published"] = _report(
                blocks, f"real notes as published (headings glued, one paragraph), {args.split} folds {folds}",
                f"{command} --part notes --split {args.split}", sc, args.errors)
            texts = ["\n".join(u.text for u in d) for d in by_doc(chosen).values()]
            out["notes_sentences_per_second"] = measure_speed(texts, finder)
            blocks.append(f"speed: {out['notes_sentences_per_second']} sentences/s on these notes (one core, "
                          f"{'rules only' if model is None else 'with the model'})")
    if "board" in parts:
        folder = Path(args.board) / args.board_set
        if not (folder / "labels.jsonl").exists():
            blocks.append(f"Board set {args.board_set}: no labels at {folder}; skipped")
        else:
            units = load_labelled_units(folder)
            title = f"set {args.board_set}"
            if args.board_set in FOLDED_BOARD_SETS:
                units = select_folds(units, DEV_FOLDS if args.board_split == "dev" else TEST_FOLDS)
                title += f", {args.board_split} folds"
            if model is not None and not board_held_out and args.board_set in BOARD_TRAINING_SETS:
                # sets A and C-dev are training data too: each decision is scored by a model fitted without its fold
                sc = cross_fitted_scores(units, keep_errors=args.errors)
            else:
                sc = score_units(units, finder, keep_errors=args.errors, record_type="board_decision")
            folded = args.board_set in FOLDED_BOARD_SETS
            key = f"board_{args.board_set}" + (f"_{args.board_split}" if folded else "")
            split = f" --board-split {args.board_split}" if folded else ""
            out[key] = _report(blocks, f"Board decision openings, {title}",
                               f"{command} --part board --board-set {args.board_set}{split}", sc, args.errors)
    if "web" in parts:
        folder = Path(args.web) if args.web else WEB_SETS[args.web_set]
        units = select_folds(load_labelled_units(folder), DEV_FOLDS if args.web_split == "dev" else TEST_FOLDS)
        reproduce = f"{command} --part web --web-set {args.web_set} --web-split {args.web_split}"
        sc = score_units(units, finder, keep_errors=args.errors)
        out[f"web_{args.web_set}_{args.web_split}"] = _report(
            blocks, f"web clinical text, set {args.web_set}, {args.web_split} folds", reproduce, sc, args.errors)
        if (folder / "docs.jsonl").exists():
            sc = score_units(units, finder, keep_errors=args.errors, texts=stored_documents(folder))
            out[f"web_{args.web_set}_{args.web_split}_stored"] = _report(
                blocks, f"web clinical text, set {args.web_set}, {args.web_split} folds, whole documents as stored "
                "(headings and lines not cut into units included)", reproduce, sc, args.errors)
    if "claim" in parts:
        rep = sample_claim_report(finder)
        out["sample_claim"] = rep
        if rep:
            blocks.append(
                f"== sample claim ({rep['pages']} pages, {rep['sentences']} sentences)\n   reproduce: "
                f"{command} --part claim\n"
                f"flags {rep['flags']} = {rep['flags_per_page']} per page; repeats (same sentence and category) "
                f"{rep['repeats']}; expected evidence found {rep['found']}/{rep['expected']} "
                f"(recall {rep['recall']}), context wrong on {rep['context_wrong']}; "
                f"traps flagged {rep['traps_flagged']}"
            )
    if args.json:
        print(json.dumps(out, indent=1, default=str))
    else:
        print("\n\n".join(blocks))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", nargs="+", default=["corpus", "notes", "board", "web", "claim"],
                        choices=["corpus", "notes", "board", "web", "claim"])
    parser.add_argument("--web", default="", help="a labelled web clinical text folder (default: --web-set's)")
    parser.add_argument("--web-set", default="D", choices=sorted(WEB_SETS),
                        help="D: samples/data/web_clinical (round 3); E: samples/data/web_clinical_e (round 4); "
                             "G: samples/data/web_clinical_g (round 6)")
    parser.add_argument("--web-split", default="dev", choices=["dev", "test"],
                        help="dev folds (readable) or test folds (held out: aggregate figures only)")
    parser.add_argument("--board", default=str(DEFAULT_BOARD), help="the Board openings folder (holds A/, B/)")
    parser.add_argument("--board-set", default="A", choices=["A", "B", "C", "F"],
                        help="A is dev (readable); B is held out: aggregate figures only, at the very end; C and "
                             "F: see --board-split")
    parser.add_argument("--board-split", default="dev", choices=["dev", "test"],
                        help="set C's or F's dev folds (readable; C's are also trained on, F's never) or test folds "
                             "(held out, aggregate only)")
    parser.add_argument("--notes", default=str(DEFAULT_NOTES), help="the clinical-notes benchmark folder")
    parser.add_argument("--split", default="dev",
                        help="dev (folds 0,1), dev0 / dev1 (one dev fold: the halves of inner validation) or test "
                             "(folds 2,3) of the notes")
    parser.add_argument("--instances", type=int, default=8, help="corpus instances per template variant")
    parser.add_argument("--errors", action="store_true", help="list errors (dev folds and readable sets only)")
    parser.add_argument("--rules-only", action="store_true",
                        help="without the sentence model (by default it is fitted on repo data, a few seconds, and "
                             "decides where the rules are silent)")
    parser.add_argument("--sweep", action="store_true",
                        help="per category, what the model adds at each threshold on the notes' DEV folds")
    parser.add_argument("--typed", action="store_true",
                        help="type each note or web document with the product's record-type model first, as the "
                             "pipeline types a page (default: read untyped, record type 'other')")
    parser.add_argument("--json", action="store_true")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
