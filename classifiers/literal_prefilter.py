"""Which rule regexes cannot match a page, known before running them.

Most of the evidence finder's time went into running ~1,000 case-insensitive, OCR-tolerant regexes over
every page, most of which cannot match it: a note about a knee holds no "parachute" and no "ruck". Each
compiled regex is read once (its parse tree) for the literal strings every match must contain (at least
one of a set: "lumbar" in `lumbar\\s+pain`, "pain" or "ache" in `(?:pain|ache)`); a page is folded
once (case, and the OCR confusions the patterns accept: "1ow" and "low" fold alike); a regex whose
literals are all absent from the folded page is skipped. The requirement is a necessary condition of a
match, so skipping never changes what is found (tests/classifiers/test_literal_prefilter.py compares
every rule's matches with and without it); a regex it cannot read is always run.

The same reading also gives an `Anchor`: strings one of which every match contains together with a bound
(`lead`) on how far before that string a match can start. Where the anchor's strings are rare on a page,
`anchored_search` tries the regex only at the few positions that bound leaves (`rx.match` there), instead
of entering it at every character; it returns what `rx.search` returns.

Pure: no I/O.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from classifiers.clinical_context import OCR_CONFUSABLE

try:  # Python 3.11+: the parser `re` itself uses (sre_parse is its deprecated alias)
    from re import _constants as _sre_constants
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

# A literal of fewer characters is in nearly every page: not worth a check.
MIN_LITERAL = 3


def _ocr_components() -> dict[str, str]:
    """Characters the OCR-tolerant patterns treat as one ("l", "i", "1", "|", "!") -> one representative."""
    parent: dict[str, str] = {}

    def find(c: str) -> str:
        while parent.setdefault(c, c) != c:
            c = parent[c]
        return c

    for letter, cls in OCR_CONFUSABLE.items():
        for member in cls.strip("[]"):
            parent[find(member.lower())] = find(letter)
    return {c: find(c) for c in list(parent)}


_CANONICAL = _ocr_components()
# Case-insensitive matching of ASCII letters also accepts four non-ASCII characters (checked over every
# code point in the tests): fold them with the letters they match.
_CASE_SPECIALS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_FOLD: dict[int, str] = {}
for _ch in string.ascii_letters + string.digits + string.punctuation:
    _low = _ch.lower()
    _FOLD[ord(_ch)] = _CANONICAL.get(_low, _low)
for _ch, _low in _CASE_SPECIALS.items():
    _FOLD[ord(_ch)] = _CANONICAL.get(_low, _low)


def fold_text(text: str) -> str:
    """The page as the requirements are checked against it: ASCII case and OCR confusions folded."""
    return text.translate(_FOLD)


def _literal_char(op: Any, av: Any) -> str | None:
    """The one folded character a node always matches, or None (a class of unlike characters, \\w...)."""
    if op is _sre_constants.LITERAL:
        return _FOLD.get(av, chr(av)) if av < 128 else None
    if op is _sre_constants.IN:
        key = tuple(av)
        if key not in _CLASS_CHARS:
            _CLASS_CHARS[key] = _class_char(av)
        return _CLASS_CHARS[key]
    return None


def _class_char(members: Sequence[tuple[Any, Any]]) -> str | None:
    folded: set[str] = set()
    for member_op, member_av in members:
        if member_op is not _sre_constants.LITERAL or member_av >= 128:
            return None  # a range, a negation, a category, a non-ASCII letter
        folded.add(_FOLD.get(member_av, chr(member_av)))
    return folded.pop() if len(folded) == 1 else None


_CLASS_CHARS: dict[tuple[Any, ...], str | None] = {}


Requirement = frozenset[str]


def _selectivity(req: Requirement) -> tuple[int, int]:
    return (min(len(s) for s in req), -len(req))


# A set of exact strings larger than this is not worth expanding (a check per string per page).
MAX_STRINGS = 64


def _exact_strings(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    """Every (folded) string the sequence can match, when they are few: literals, alternatives and groups
    of them (a phrase trie), zero-width assertions ignored; None otherwise."""
    out: frozenset[str] = frozenset([""])
    for op, av in items:
        ch = _literal_char(op, av)
        if ch is not None:
            out = frozenset(s + ch for s in out)
            continue
        if op is _sre_constants.AT:
            continue
        if op is _sre_constants.SUBPATTERN:
            sub = _exact_strings(av[-1])
        elif op is _sre_constants.BRANCH:
            alternatives = [_exact_strings(alt) for alt in av[1]]
            if any(alt is None for alt in alternatives):
                return None
            sub = frozenset().union(*(alt for alt in alternatives if alt is not None))
        elif op in (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT) and av[0] == av[1] == 1:
            sub = _exact_strings(av[2])
        else:
            return None
        if sub is None or len(out) * len(sub) > MAX_STRINGS:
            return None
        out = frozenset(a + b for a in out for b in sub)
    return out


# One parse tree at a time, by node: its opcode and the identity of its argument (an int argument, a
# literal's code point, is shared by every node with that value, hence the opcode in the key).
_NODE_STRINGS: dict[tuple[Any, int], frozenset[str] | None] = {}


def _node_exact_strings(op: Any, av: Any) -> frozenset[str] | None:
    """`_exact_strings` of one node, remembered while its parse tree is read (the requirement walk asks
    again for every node inside a group it could not expand)."""
    key = (op, id(av))
    if key not in _NODE_STRINGS:
        _NODE_STRINGS[key] = _exact_strings([(op, av)])
    return _NODE_STRINGS[key]


def _sequence_requirement(items: Sequence[tuple[Any, Any]]) -> Requirement | None:
    """At least one of these (folded) strings is inside every match of the sequence, or None."""
    candidates: list[Requirement] = []
    run: frozenset[str] = frozenset([""])  # the strings the contiguous exact part so far can be

    def flush() -> None:
        nonlocal run
        if run != frozenset([""]):
            candidates.append(run)
        run = frozenset([""])

    for op, av in items:
        # literals, phrase tries and zero-width assertions (\b, ^: the characters on both sides are still
        # adjacent) extend the exact run
        exact = _node_exact_strings(op, av)
        if exact is not None and len(run) * len(exact) <= MAX_STRINGS:
            run = frozenset(a + b for a in run for b in exact)
            continue
        flush()
        sub: Requirement | None = None
        if op is _sre_constants.SUBPATTERN:
            sub = _sequence_requirement(av[-1])
        elif op is _sre_constants.ATOMIC_GROUP:
            sub = _sequence_requirement(av)
        elif op in (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT, _sre_constants.POSSESSIVE_REPEAT):
            low, _high, body = av
            sub = _sequence_requirement(body) if low >= 1 else None
        elif op is _sre_constants.BRANCH:
            alternatives = [_sequence_requirement(alt) for alt in av[1]]
            if alternatives and all(alt is not None for alt in alternatives):
                union = frozenset().union(*(alt for alt in alternatives if alt is not None))
                sub = union if len(union) <= MAX_STRINGS else None
        if sub:
            candidates.append(sub)
    flush()
    if not candidates:
        return None
    return max(candidates, key=_selectivity)


# Requirements already read, by the regex's (pattern, flags): reading a parse tree costs ~1 ms for the
# large phrase tries, ~0.2 s for all rules, once per process. A worker pool may hand in the ones a
# previous start read (`adopt_requirements`), as plain strings.
_KNOWN: dict[tuple[str, int], Requirement | None] = {}


def required_literals(rx: re.Pattern[str]) -> Requirement | None:
    """The strings (folded) of which every match of `rx` contains at least one; None when no such set
    of useful length is known (the regex must then always run)."""
    key = (rx.pattern, rx.flags)
    if key in _KNOWN:
        return _KNOWN[key]
    try:
        parsed = _sre_parser.parse(rx.pattern, rx.flags)
    except (re.error, RecursionError, TypeError):  # pragma: no cover - compiled patterns parse
        return None
    try:
        req = _sequence_requirement(list(parsed))
    finally:
        _NODE_STRINGS.clear()
    if req is not None and min(len(s) for s in req) < MIN_LITERAL:
        req = None
    _KNOWN[key] = req
    return req


def known_requirements() -> dict[tuple[str, int], tuple[str, ...] | None]:
    """Every requirement read in this process, by (pattern, flags), as sorted strings (to keep them)."""
    return {key: (tuple(sorted(req)) if req is not None else None) for key, req in _KNOWN.items()}


def adopt_requirements(entries: Mapping[tuple[str, int], Iterable[str] | None]) -> None:
    """Take requirements read by an earlier process of the same rules (they are data: strings, or None
    for 'always run'). A wrong entry could only skip a regex that would have matched, so the caller must
    bring them from where it keeps its own data, for the same rule files."""
    for key, strings in entries.items():
        _KNOWN[key] = frozenset(strings) if strings is not None else None


def may_match(req: Requirement | None, folded_text: str) -> bool:
    """False only when the regex with requirement `req` cannot match the text `folded_text` was folded from."""
    return req is None or any(s in folded_text for s in req)


def requirements_of(patterns: Iterable[re.Pattern[str]]) -> tuple[Requirement | None, ...]:
    """`required_literals` of each pattern, in order."""
    return tuple(required_literals(rx) for rx in patterns)


# An anchor of more strings than this costs more to look up on a page than it saves.
MAX_ANCHOR_STRINGS = 64
_UNBOUNDED = 1 << 30


@dataclass(frozen=True)
class Anchor:
    """Folded strings one of which every match contains, beginning at most `lead` characters after the
    match's start."""

    strings: frozenset[str]
    lead: int


def _max_width(state: Any, op: Any, av: Any) -> int:
    width = _sre_parser.SubPattern(state, [(op, av)]).getwidth()[1]
    return width if width < min(_sre_constants.MAXREPEAT - 1, _UNBOUNDED) else _UNBOUNDED


def _anchor_selectivity(anchor: Anchor) -> tuple[int, int, int]:
    return (min(len(s) for s in anchor.strings), -len(anchor.strings), -anchor.lead)


def _sequence_anchor(state: Any, items: Sequence[tuple[Any, Any]]) -> Anchor | None:
    """The most selective anchor of a sequence: an exact run of it, or an anchor of one of its groups,
    branches or repeats, with the widest the nodes before it can be."""
    candidates: list[Anchor] = []
    lead = 0  # the widest the nodes read so far can be
    run: frozenset[str] = frozenset([""])
    run_lead = 0

    def flush() -> None:
        nonlocal run
        if run != frozenset([""]):
            candidates.append(Anchor(run, run_lead))
        run = frozenset([""])

    for op, av in items:
        if lead >= _UNBOUNDED:
            break
        exact = _node_exact_strings(op, av)
        if exact is not None and len(run) * len(exact) <= MAX_ANCHOR_STRINGS:
            if run == frozenset([""]):
                run_lead = lead
            run = frozenset(a + b for a in run for b in exact)
            lead += _max_width(state, op, av)
            continue
        flush()
        sub: Anchor | None = None
        if op is _sre_constants.SUBPATTERN:
            sub = _sequence_anchor(state, av[-1])
        elif op is _sre_constants.ATOMIC_GROUP:
            sub = _sequence_anchor(state, av)
        elif op in (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT, _sre_constants.POSSESSIVE_REPEAT):
            sub = _sequence_anchor(state, av[2]) if av[0] >= 1 else None  # its first repetition's anchor
        elif op is _sre_constants.BRANCH:
            alternatives = [_sequence_anchor(state, alt) for alt in av[1]]
            if alternatives and all(alt is not None for alt in alternatives):
                union = frozenset().union(*(alt.strings for alt in alternatives if alt is not None))
                if len(union) <= MAX_ANCHOR_STRINGS:
                    sub = Anchor(union, max(alt.lead for alt in alternatives if alt is not None))
        if sub is not None and sub.strings and sub.lead < _UNBOUNDED:
            candidates.append(Anchor(sub.strings, lead + sub.lead))
        lead += _max_width(state, op, av)
    flush()
    candidates = [c for c in candidates if min(len(s) for s in c.strings) >= 1 and c.lead < _UNBOUNDED]
    return max(candidates, key=_anchor_selectivity) if candidates else None


_ANCHORS: dict[tuple[str, int], Anchor | None] = {}


def anchor_of(rx: re.Pattern[str]) -> Anchor | None:
    """The anchor of `rx` (read once per process), or None when no string bounds where its matches start."""
    key = (rx.pattern, rx.flags)
    if key not in _ANCHORS:
        try:
            parsed = _sre_parser.parse(rx.pattern, rx.flags)
            _ANCHORS[key] = _sequence_anchor(parsed.state, list(parsed))
        except (re.error, RecursionError, TypeError, OverflowError):  # pragma: no cover - compiled patterns parse
            _ANCHORS[key] = None
        finally:
            _NODE_STRINGS.clear()
    return _ANCHORS[key]


def known_anchors() -> dict[tuple[str, int], tuple[tuple[str, ...], int] | None]:
    """Every anchor read in this process, by (pattern, flags), as (sorted strings, lead) or None."""
    return {key: (tuple(sorted(a.strings)), a.lead) if a is not None else None for key, a in _ANCHORS.items()}


def adopt_anchors(entries: Mapping[tuple[str, int], tuple[Iterable[str], int] | None]) -> None:
    """Take anchors read by an earlier process of the same rules (like `adopt_requirements`: a wrong one
    could only make a search miss, so the caller brings them from its own data, for the same code)."""
    for key, entry in entries.items():
        _ANCHORS[key] = Anchor(frozenset(entry[0]), int(entry[1])) if entry is not None else None


def anchor_positions(anchor: Anchor, folded_text: str, limit: int) -> list[int] | None:
    """Where the anchor's strings begin in `folded_text` (`fold_text` of the text searched), sorted; None
    when there are more than `limit` (searching the whole text is then cheaper)."""
    out: list[int] = []
    for s in anchor.strings:
        i = folded_text.find(s)
        while i >= 0:
            out.append(i)
            if len(out) > limit:
                return None
            i = folded_text.find(s, i + 1)
    out.sort()
    return out


def anchored_search(
    rx: re.Pattern[str], text: str, positions: Sequence[int], lead: int, pos: int, endpos: int
) -> re.Match[str] | None:
    """`rx.search(text, pos, endpos)`, given the anchor's `positions` in the text and its `lead`: the regex
    is tried (`rx.match`) only at the starts those allow, in order."""
    tried = pos  # every start before this is tried (or before pos)
    for i in range(bisect_left(positions, pos), len(positions)):
        at = positions[i]
        if at >= endpos:
            return None
        start = max(at - lead, tried)
        while start <= at:
            m = rx.match(text, start, endpos)
            if m is not None:
                return m
            start += 1
        tried = at + 1
    return None
