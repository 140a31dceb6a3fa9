"""The rewritten regexes (classifiers.regex_speedup) find exactly what the regexes as written find."""

from __future__ import annotations

import random
import re
import sys

import pytest

from classifiers.evidence_flags import _all_matches, find_flags, fold_ocr_digits, load_flag_rules
from classifiers.flag_lexicon import _compiled_concepts
from classifiers.regex_speedup import CASE_SPECIALS, FastRegex, fast_regex, fold_case
from samples.flag_corpus import add_ocr_noise, build_flag_corpus

# Characters case-insensitive matching treats specially, and their neighbours.
_UNICODE_EDGES = "\u212a\u0130\u0131\u017f\u00df\u1e9e\u00c5\u212b\u03a3\u03c2\u0345\u00b5\u1fbe"


def _rule_patterns() -> list[re.Pattern[str]]:
    packs = [rx for pack in load_flag_rules() for m in pack.matchers for rx in m.patterns]
    return packs + [rx for _name, rx in _compiled_concepts()]


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


def _fast_spans(fast: FastRegex, text: str) -> list[tuple[int, int]]:
    return _spans(fast.compiled, fold_case(text) if fast.on_folded else text)


@pytest.fixture(scope="module")
def page_texts() -> list[str]:
    corpus = build_flag_corpus(2)
    sentences = [c.text for c in corpus] + [c.text for c in add_ocr_noise(corpus, char_rate=0.05)]
    pages = ["\n".join(sentences[i : i + 20]) for i in range(0, len(sentences), 20)]
    rng = random.Random(3)
    edged = [
        "".join(rng.choice(_UNICODE_EDGES) if c.isalpha() and rng.random() < 0.08 else c for c in p)
        for p in pages[::3]
    ]
    swapped = [p.translate({ord("k"): "\u212a", ord("i"): "\u0131", ord("I"): "\u0130", ord("s"): "\u017f"})
               for p in pages[::4]]
    return pages + [fold_ocr_digits(p) for p in pages[::2]] + [p.upper() for p in pages[::5]] + edged + swapped


def test_case_fold_maps_exactly_what_an_ascii_letter_matches() -> None:
    """A case-insensitive ASCII letter matches a character iff the fold maps that character to the letter."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    folded = fold_case(everything)
    assert len(folded) == len(everything)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        matched = {m.group(0) for m in re.finditer(letter, everything, re.IGNORECASE)}
        assert matched == {c for c, f in zip(everything, folded, strict=True) if f == letter}, letter
    changed = {c for c, f in zip(everything, folded, strict=True) if c != f}
    assert changed == set("ABCDEFGHIJKLMNOPQRSTUVWXYZ") | set(CASE_SPECIALS)
    for c in changed:  # word characters, spaces and digits stay what they were
        for category in (r"\w", r"\s", r"\d"):
            assert bool(re.match(category, c)) == bool(re.match(category, fold_case(c)))


def test_every_rule_and_concept_finds_the_same_matches(page_texts: list[str]) -> None:
    patterns = _rule_patterns()
    fast = [fast_regex(rx) for rx in patterns]
    assert sum(f.on_folded for f in fast) > len(patterns) * 0.9, "most rules run case-folded"
    matched = 0
    for text in page_texts:
        for rx, f in zip(patterns, fast, strict=True):
            want = _spans(rx, text)
            assert _fast_spans(f, text) == want, rx.pattern[:100]
            matched += bool(want)
    assert matched > 500


def test_every_match_start_is_the_same(page_texts: list[str]) -> None:
    """The finder searches from every match start + 1 (overlapping matches), inside sentences too."""
    patterns = [rx for pack in load_flag_rules() for m in pack.matchers for rx in m.patterns]
    for text in page_texts[::4]:
        folded = fold_case(text)
        for rx in patterns:
            f = fast_regex(rx)
            haystack = folded if f.on_folded else text
            for pos, endpos in ((0, len(text)), (7, len(text) // 2)):
                assert _all_matches(f.compiled, haystack, pos, endpos) == _all_matches(rx, text, pos, endpos)


@pytest.mark.parametrize(
    ("pattern", "flags", "texts"),
    [
        (r"\bbac?k\b|\bneck\b|(?<!\w)hip|\bspine", re.I, ["Back NECK hip Spine", "ba\u212a nec\u212a", "xback"]),
        (r"[a-z]+ing\b", re.I, ["WALKING", "wal\u212aıng", "\u017fitting", "\u0130NG"]),
        (r"[^k]\w", re.I, ["\u212aa", "ka", "Ka", "\u00e9k"]),
        (r"caf\u00e9", re.I, ["CAF\u00c9", "caf\u00e9"]),  # non-ASCII letter: not folded, still the same
        (r"(?-i:Falls)\b|\bfalls", re.I, ["Falls falls FALLS"]),  # a case-sensitive group: not folded
        (r"(\w)\1", re.I, ["aA bb Cc"]),  # a backreference: not folded
        (r"\bk\b", re.I | re.ASCII, ["\u212a k K"]),  # ASCII matching: the Kelvin sign is no k
        (r"\b(?:a|b)\b|\b(?:c)|x", 0, ["a C c x"]),  # case-sensitive: hoisting only
    ],
)
def test_edge_cases_match_the_original(pattern: str, flags: int, texts: list[str]) -> None:
    rx = re.compile(pattern, flags)
    f = fast_regex(rx)
    for text in texts:
        assert _fast_spans(f, text) == _spans(rx, text), (pattern, text)


def test_which_patterns_are_folded() -> None:
    assert fast_regex(re.compile(r"\bback", re.I)).on_folded
    assert not fast_regex(re.compile(r"caf\u00e9", re.I)).on_folded
    assert not fast_regex(re.compile(r"(?-i:Falls)", re.I)).on_folded
    assert not fast_regex(re.compile(r"(\w)\1", re.I)).on_folded
    assert not fast_regex(re.compile(r"\bk", re.I | re.ASCII)).on_folded
    assert not fast_regex(re.compile(r"back")).on_folded


def test_findings_do_not_change_with_the_rewrite(page_texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    pages = page_texts[::5]
    fast = [find_flags(p, "other") for p in pages]
    matchers = [matcher for rules in load_flag_rules() for matcher in rules.matchers]
    kept = [matcher.fast for matcher in matchers]
    plain = {name: FastRegex(rx, False) for name, rx in _compiled_concepts()}
    monkeypatch.setattr("classifiers.flag_lexicon._fast_concepts", lambda: plain)
    try:
        for matcher in matchers:  # frozen: the regexes as written, for this test only
            object.__setattr__(matcher, "fast", tuple(FastRegex(rx, False) for rx in matcher.patterns))
        assert [find_flags(p, "other") for p in pages] == fast
    finally:
        for matcher, was in zip(matchers, kept, strict=True):
            object.__setattr__(matcher, "fast", was)
    assert sum(len(f) for f in fast) > 50
