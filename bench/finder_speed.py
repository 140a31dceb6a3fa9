"""The evidence finder's speed and its output on a fixed set of pages (issue 16: born-digital ingest).

    PYTHONPATH=. python bench/finder_speed.py --time [--rounds 5]
        CPU ms/page of `find_flags` on the bench pages, regexes as written ("plain") against the rewritten
        ones (`classifiers.regex_speedup`, "fast"), alternating in one process.
    PYTHONPATH=<tree> python bench/finder_speed.py --dump out.pickle
        Every page's FlagHit list (with and without the sentence model) for the equivalence check: run it
        with the tree before a change and after, then `--compare a.pickle b.pickle`.

Pages: the generated flag corpus (clean, OCR-noisy at two rates, upper-cased, with the non-ASCII
characters case-insensitive matching takes for ASCII letters), the sample claim's pages with their
record types, the bench pages, and the labelled web documents (units joined per document).
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEB_SETS = ("web_clinical", "web_clinical_e")
UNICODE_SWAPS = {"k": "\u212a", "K": "\u212a", "i": "\u0131", "I": "\u0130", "s": "\u017f", "S": "\u017f"}


def _pages_of(sentences: list[str], per_page: int = 20) -> list[str]:
    return ["\n".join(sentences[i : i + per_page]) for i in range(0, len(sentences), per_page)]


def _with_unicode_specials(text: str, rng: random.Random, rate: float = 0.05) -> str:
    return "".join(UNICODE_SWAPS[c] if c in UNICODE_SWAPS and rng.random() < rate else c for c in text)


def page_sets() -> dict[str, list[tuple[str, str]]]:
    """(text, record type) per named set."""
    from samples.bench_files import _text_page
    from samples.flag_corpus import add_ocr_noise, build_flag_corpus
    from samples.make_sample_claim import build_truth

    corpus = build_flag_corpus(2)
    clean = _pages_of([c.text for c in corpus])
    noisy = _pages_of([c.text for c in add_ocr_noise(corpus)])
    noisier = _pages_of([c.text for c in add_ocr_noise(corpus, seed=11, char_rate=0.05)])
    rng = random.Random(16)
    sets: dict[str, list[tuple[str, str]]] = {
        "corpus": [(p, "other") for p in clean] + [(p, "imaging_report") for p in clean[::5]],
        "corpus_ocr": [(p, "other") for p in noisy + noisier],
        "corpus_upper": [(p.upper(), "other") for p in clean[::3]],
        "corpus_unicode": [(_with_unicode_specials(p, rng), "other") for p in clean[::2] + noisy[::4]],
    }
    sets["sample_claim"] = [(p["text"], p["record_type"]) for p in build_truth()["pages"]]
    sets["bench"] = [(_text_page(i, 0), "other") for i in range(200)]
    web: list[tuple[str, str]] = []
    for name in WEB_SETS:
        docs: dict[str, list[str]] = {}
        with (ROOT / "samples" / "data" / name / "units.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    docs.setdefault(row["note"], []).append(row["text"])
        web += [("\n".join(units), "other") for units in docs.values()]
    sets["web"] = web
    return sets


def _dump(path: Path) -> None:
    from claims.flag_model_training import fit_flag_model
    from classifiers.evidence_flags import find_flags
    from samples.labelled_text import repo_training_texts

    model = fit_flag_model(repo_training_texts())
    out: dict[str, list[list[dict]]] = {}
    for name, pages in page_sets().items():
        out[name] = [[asdict(h) for h in find_flags(t, rt)] for t, rt in pages]
        out[name + "+model"] = [[asdict(h) for h in find_flags(t, rt, model)] for t, rt in pages]
        print(name, len(pages), "pages", sum(map(len, out[name])), "hits", sum(map(len, out[name + "+model"])),
              "with the model")
    path.write_bytes(pickle.dumps(out))


def _compare(a: Path, b: Path) -> int:
    old, new = pickle.loads(a.read_bytes()), pickle.loads(b.read_bytes())
    differ = 0
    for name in old:
        pages_differ = sum(x != y for x, y in zip(old[name], new[name], strict=True))
        hits = sum(map(len, old[name]))
        print(f"{name:22s} {len(old[name]):4d} pages {hits:6d} hits  pages that differ: {pages_differ}")
        differ += pages_differ
    return 1 if differ or old.keys() != new.keys() else 0


def _plain_regexes() -> None:
    """Run every regex as written (the finder before classifiers.regex_speedup)."""
    from classifiers import evidence_flags, flag_lexicon
    from classifiers.regex_speedup import FastRegex

    for rules in evidence_flags.load_flag_rules():
        for matcher in rules.matchers:
            object.__setattr__(matcher, "fast", tuple(FastRegex(rx, False) for rx in matcher.patterns))
            object.__setattr__(matcher, "anchors", tuple(None for _rx in matcher.patterns))
    flag_lexicon._fast_concepts.cache_clear()
    flag_lexicon._fast_concepts()  # noqa: B018 - fill the cache, then replace its values
    plain = {name: FastRegex(rx, False) for name, rx in flag_lexicon._compiled_concepts()}
    flag_lexicon._fast_concepts().update(plain)


def _fast_regexes() -> None:
    from classifiers import evidence_flags, flag_lexicon
    from classifiers.literal_prefilter import anchor_of
    from classifiers.regex_speedup import fast_regex

    for rules in evidence_flags.load_flag_rules():
        for matcher in rules.matchers:
            object.__setattr__(matcher, "fast", tuple(fast_regex(rx) for rx in matcher.patterns))
            object.__setattr__(matcher, "anchors", tuple(anchor_of(rx) for rx in matcher.patterns))
    fast = {name: fast_regex(rx) for name, rx in flag_lexicon._compiled_concepts()}
    flag_lexicon._fast_concepts().update(fast)


def _time(rounds: int) -> None:
    from classifiers.evidence_flags import find_flags
    from samples.bench_files import _text_page

    pages = [_text_page(i, 0) for i in range(200)]
    for p in pages[:5]:
        find_flags(p, "other")
    modes: dict[str, Callable[[], None]] = {"plain": _plain_regexes, "fast": _fast_regexes}
    results: dict[str, list[float]] = {m: [] for m in modes}
    outputs: dict[str, list] = {}
    for _ in range(rounds):
        for mode, switch in modes.items():
            switch()
            t0 = time.process_time()
            outputs[mode] = [find_flags(p, "other") for p in pages]
            results[mode].append(1000 * (time.process_time() - t0) / len(pages))
    for mode, ms in results.items():
        print(f"{mode:6s} ms/page CPU: min {min(ms):.2f}  median {sorted(ms)[len(ms) // 2]:.2f}  "
              f"rounds {' '.join(f'{x:.1f}' for x in ms)}")
    print("same output:", outputs["plain"] == outputs["fast"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--compare", type=Path, nargs=2)
    ap.add_argument("--time", action="store_true")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    if args.dump:
        _dump(args.dump)
    if args.compare:
        return _compare(*args.compare)
    if args.time:
        _time(args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
