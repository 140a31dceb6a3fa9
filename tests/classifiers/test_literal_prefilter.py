"""The literal prefilter may only skip a regex that cannot match: never a hit lost."""

from __future__ import annotations

import re
import sys

import pytest

from classifiers.evidence_flags import find_flags, fold_ocr_digits, load_flag_rules
from classifiers.flag_lexicon import _compiled_concepts
from classifiers.literal_prefilter import (
    _CASE_SPECIALS,
    anchor_of,
    anchor_positions,
    anchored_search,
    fold_text,
    may_match,
    required_literals,
)
from samples.flag_corpus import add_ocr_noise, build_flag_corpus


def _rule_patterns() -> list[re.Pattern[str]]:
    packs = [rx for pack in load_flag_rules() for m in pack.matchers for rx in m.patterns]
    return packs + [rx for _name, rx in _compiled_concepts()]


@pytest.fixture(scope="module")
def page_texts() -> list[str]:
    corpus = build_flag_corpus(2)
    sentences = [c.text for c in corpus] + [c.text for c in add_ocr_noise(corpus, char_rate=0.05)]
    # pages of ~20 sentences, as the finder sees them, in plain and OCR-folded form
    pages = ["\n".join(sentences[i : i + 20]) for i in range(0, len(sentences), 20)]
    return pages + [fold_ocr_digits(p) for p in pages] + [p.upper() for p in pages[:20]]


def test_no_rule_regex_is_skipped_where_it_matches(page_texts: list[str]) -> None:
    patterns = _rule_patterns()
    with_literals = [(rx, required_literals(rx)) for rx in patterns]
    assert sum(req is not None for _rx, req in with_literals) > len(patterns) // 2, "the prefilter reads most rules"
    skipped_somewhere = 0
    for text in page_texts:
        folded = fold_text(text)
        for rx, req in with_literals:
            if not may_match(req, folded):
                skipped_somewhere += 1
                assert rx.search(text) is None, (rx.pattern[:80], req)
    assert skipped_somewhere > 0


def test_literals_of_plain_patterns() -> None:
    req = required_literals(re.compile(r"\blumbar\s+(?:pain|ache)s?\b", re.IGNORECASE))
    assert req == frozenset({fold_text("lumbar")})
    assert required_literals(re.compile(r"(?:low\s+)?back", re.IGNORECASE)) == frozenset({fold_text("back")})
    # an optional part never becomes a requirement; an alternation is one of its alternatives
    assert required_literals(re.compile(r"(?:parachute)?\d+", re.IGNORECASE)) is None
    alternatives = required_literals(re.compile(r"\b(?:fell|slipped|tripped)\b", re.IGNORECASE))
    assert alternatives == frozenset(fold_text(w) for w in ("fell", "slipped", "tripped"))


def test_ocr_confusions_and_case_fold_alike() -> None:
    rx = re.compile(r"[l1I|]ow\s+[b8h]ack", re.IGNORECASE)
    req = required_literals(rx)
    assert req is not None
    for text in ("1ow back pain", "LOW BACK", "|ow hack", "low 8ack"):
        assert rx.search(text) and may_match(req, fold_text(text)), text
    assert not may_match(req, fold_text("neck pain only"))


def test_every_non_ascii_character_an_ascii_letter_matches_is_folded() -> None:
    """Case-insensitive ASCII letters also match a few non-ASCII characters; each must fold to its letter."""
    everything = "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    matched = {m.group(0) for m in re.finditer(r"[a-z]", everything, re.IGNORECASE)}
    assert matched == set(_CASE_SPECIALS)
    for ch, letter in _CASE_SPECIALS.items():
        assert fold_text(ch) == fold_text(letter)


def test_findings_do_not_change_with_the_prefilter(page_texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    pages = page_texts[::7]
    with_prefilter = [find_flags(p, "other") for p in pages]
    monkeypatch.setattr("classifiers.evidence_flags.may_match", lambda _req, _text: True)
    monkeypatch.setattr("classifiers.flag_lexicon.may_match", lambda _req, _text: True)
    without = [find_flags(p, "other") for p in pages]
    assert with_prefilter == without
    assert sum(len(f) for f in with_prefilter) > 50


def test_requirements_kept_as_strings_come_back_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    from classifiers import literal_prefilter

    rxs = _rule_patterns()[:40]
    read = {(rx.pattern, rx.flags): required_literals(rx) for rx in rxs}
    kept = literal_prefilter.known_requirements()
    monkeypatch.setattr(literal_prefilter, "_KNOWN", {})
    literal_prefilter.adopt_requirements(kept)
    monkeypatch.setattr(literal_prefilter, "_sre_parser", None)  # nothing is parsed again
    assert {(rx.pattern, rx.flags): required_literals(rx) for rx in rxs} == read


def _unicode_specials(text: str) -> str:
    return text.translate({ord("k"): "\u212a", ord("i"): "\u0131", ord("I"): "\u0130", ord("s"): "\u017f"})


def test_anchored_search_finds_what_search_finds(page_texts: list[str]) -> None:
    """From every start the finder searches from (each match start + 1) and inside a stretch, the search
    near the anchor's strings returns the match `rx.search` returns."""
    patterns = _rule_patterns()
    anchored = [(rx, a) for rx in patterns if (a := anchor_of(rx)) is not None]
    assert len(anchored) > len(patterns) // 2, "most rules have an anchor"
    found = 0
    for text in page_texts[::3] + [_unicode_specials(p) for p in page_texts[::9]]:
        folded = fold_text(text)
        for rx, anchor in anchored:
            positions = anchor_positions(anchor, folded, len(text))
            assert positions is not None
            for pos, endpos in ((0, len(text)), (5, len(text) // 2)):
                i = pos
                while i < endpos:
                    want = rx.search(text, i, endpos)
                    got = anchored_search(rx, text, positions, anchor.lead, i, endpos)
                    assert (got and got.span()) == (want and want.span()), (rx.pattern[:80], i)
                    if want is None:
                        break
                    found += 1
                    i = want.start() + 1
    assert found > 1000


def test_anchor_bounds_where_a_match_starts() -> None:
    anchor = anchor_of(re.compile(r"\b(?:low|lower)\s+back\s+pain", re.IGNORECASE))
    assert anchor is not None and anchor.strings == frozenset({fold_text("low"), fold_text("lower")})
    assert anchor.lead == 0
    anchor = anchor_of(re.compile(r"(?:a|the)\s{1,3}parachute", re.IGNORECASE))
    assert anchor is not None and anchor.strings == frozenset({fold_text("parachute")}) and anchor.lead == 6
    assert anchor_of(re.compile(r"\w+\s+fell", re.IGNORECASE)) is None  # no bound on how far before
    assert anchor_of(re.compile(r"(?:parachute)?\d+", re.IGNORECASE)) is None
    rx = re.compile(r"\bback\b", re.IGNORECASE)
    text = "BACK pain, bac\u212a, back."
    anchor = anchor_of(rx)
    assert anchor is not None
    positions = anchor_positions(anchor, fold_text(text), 10)
    assert positions is not None and len(positions) == 3
    assert anchor_positions(anchor, fold_text(text), 2) is None  # more than the limit
    assert [m.span() for m in rx.finditer(text)] == [(0, 4), (11, 15), (17, 21)]
    assert anchored_search(rx, text, positions, anchor.lead, 1, len(text)).span() == (11, 15)  # type: ignore[union-attr]
