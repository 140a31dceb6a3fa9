"""How the flag tests read the finder's answer for a short text: one flag per category, as a physician
weighs a sentence, and whether a flag is a plain positive."""

from __future__ import annotations

from classifiers.evidence_flags import FlagHit, find_flags


def by_category(text: str, record_type: str = "other") -> dict[str, FlagHit]:
    """The text's flags by category, the plainest when a category repeats across sentences. Checks the
    finder's contract on the way: never two flags of one category on one sentence."""
    hits = find_flags(text, record_type)
    seen = [(h.sentence_start, h.category) for h in hits]
    assert len(seen) == len(set(seen)), f"a category flagged twice on one sentence: {text!r}"
    out: dict[str, FlagHit] = {}
    for h in hits:
        old = out.get(h.category)
        if old is None or (h.negated, h.hypothetical) < (old.negated, old.hypothetical):
            out[h.category] = h
    return out


def plain(hit: FlagHit) -> bool:
    return not hit.negated and not hit.hypothetical and hit.experiencer == "patient"
