"""Check the finder's diagnosis vocabulary against ICD-10-CM (a rule-build aid, never run by the product).

The diagnosis words of `config/rules/flag_lexicon.yaml` (`dx_strong`, `dx_noun`, `joint_site`) were
broadened from medical terminology rather than from the benchmark notes' wording: the public-domain
ICD-10-CM descriptions of the dorsopathies (M40-M54), the joint disorders (M15-M25), soft tissue and bone
disorders (M60-M99, chosen blocks) and the injuries of the spine, pelvis and limbs (S13, S23, S32, S33,
S43, S72-S93). This script lists the disorder words of those blocks (words ending like a disorder:
-itis, -osis, -opathy, -listhesis ..., and the head nouns of injuries) and says which of them the
lexicon does not know, so that a reviewer can extend it; the derived words are baked into the YAML
(reviewable data). Needs the optional package `simple-icd-10-cm` (`pip install simple-icd-10-cm`).

Usage: `PYTHONPATH=. python bench/icd10_vocabulary.py [--all]` (--all also prints the covered words).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter

from classifiers.flag_lexicon import concept_regex

M_BLOCKS: tuple[tuple[int, int], ...] = ((15, 25), (40, 54), (60, 67), (70, 79), (80, 89), (91, 96), (99, 99))
S_CATEGORIES: frozenset[int] = frozenset({13, 23, 32, 33, 43, 72, 73, 76, 82, 83, 86, 92, 93, 96})
DISORDER_WORD = re.compile(
    r"^[a-z-]+(?:itis|osis|opathy|opathies|algia|lysis|listhesis|malacia|physis|desis|ectasia)$"
)
INJURY_HEADS: frozenset[str] = frozenset(
    {"fracture", "sprain", "strain", "dislocation", "subluxation", "tear", "rupture", "derangement",
     "instability", "ankylosis", "contracture", "effusion", "hemarthrosis", "deformity", "stenosis"}
)


def _in_scope(code: str) -> bool:
    if len(code) < 3 or not code[1:3].isdigit():
        return False
    n = int(code[1:3])
    if code[0] == "M":
        return any(lo <= n <= hi for lo, hi in M_BLOCKS)
    return code[0] == "S" and n in S_CATEGORIES


def disorder_words() -> Counter[str]:
    """Disorder words of the chosen ICD-10-CM blocks, with how many codes use each."""
    import simple_icd_10_cm as cm  # optional: a rule-build aid only

    words: Counter[str] = Counter()
    for code in cm.get_all_codes(True):
        if not _in_scope(code):
            continue
        for word in re.findall(r"[a-z][a-z'-]+", cm.get_description(code).lower()):
            if DISORDER_WORD.match(word) or word in INJURY_HEADS:
                words[word] += 1
    return words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="also list the words the lexicon knows")
    args = parser.parse_args(argv)
    known = [concept_regex(name) for name in ("dx_strong", "dx_noun")]
    missing = 0
    for word, n in disorder_words().most_common():
        covered = any(rx.fullmatch(word) for rx in known)
        missing += not covered
        if args.all or not covered:
            print(f"{'known  ' if covered else 'MISSING'} {word} ({n} codes)")
    print(f"{missing} disorder words of the chosen blocks are not in dx_strong/dx_noun")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
