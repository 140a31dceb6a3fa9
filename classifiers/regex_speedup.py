"""Rule regexes recompiled to run faster with the same matches: case folded into the text, and a
zero-width assertion shared by consecutive alternatives tested once.

Python's `re` (sre) spends most of a case-insensitive search entering the pattern at every position of
the page: a case-insensitive literal or class gives it no first-character check, so every alternative
of a branch is entered in turn (~100-1,000 ns per character for a concept of the flag lexicon). Two
rewrites of the parse tree, each exact:

1. Case folded into the text. A pattern whose letters are all ASCII (no `(?-i:)` group, no
   backreference) is compiled case-sensitive with its letters lower-cased, and run on `fold_case(text)`:
   ASCII capitals lower-cased, and the four non-ASCII characters case-insensitive matching takes for an
   ASCII letter (Kelvin sign, dotted and dotless i, long s) replaced by that letter. The folded text has
   the same length, the same word characters and spaces, so every position, `\\b`, `\\w` and `\\s` reads
   as before; a letter or class matches a folded character exactly when the case-insensitive one matched
   the original. sre then checks a branch's first literal or class before entering it.
2. A leading zero-width assertion shared by consecutive alternatives (`\\bfoo|\\bbar|...`, the concepts'
   `(?:(?:trie)|(?:\\b...)|(?:\\b...))`) is moved in front of them: `\\b(?:foo|bar)`. An assertion consumes
   nothing and cannot backtrack, so testing it once is the same as testing it per alternative, and the
   alternatives keep their order. Inside a word, one failed `\\b` replaces a dozen.

Whatever the rewrite cannot read is kept as it was (`FastRegex.on_folded` False: run on the text).
Rewriting every rule costs ~1 s of CPU once per process; on CPython 3.11 each rewritten regex is also
known as the numbers sre compiled it to (`FastForm`), so a worker pool can keep them between starts
(`known_fast_forms` / `adopt_fast_forms`: data in, data out; workers/prefilter_requirements.py does the I/O).
tests/classifiers/test_regex_speedup.py compares every rule's and concept's matches with the original
regex on the generated corpus, OCR noise and Unicode edge cases. Pure: no I/O.
"""

from __future__ import annotations

import _sre
import re
import string
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

try:  # Python 3.11+: the parser and compiler `re` itself uses
    from re import _compiler as _sre_compiler
    from re import _constants as _sre_constants
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover - older Pythons
    import sre_compile as _sre_compiler  # type: ignore[no-redef]
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

# sre's compiled code is kept as numbers only where its compiler's internals are those read here.
SUPPORTED = sys.implementation.name == "cpython" and sys.version_info[:2] == (3, 11)

# Non-ASCII characters case-insensitive matching takes for an ASCII letter (checked over every code point
# in the tests), and that letter.
CASE_SPECIALS: dict[str, str] = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_CASE_FOLD: dict[int, str] = {ord(c): c.lower() for c in string.ascii_uppercase}
_CASE_FOLD.update({ord(c): letter for c, letter in CASE_SPECIALS.items()})
_FOLDABLE = re.compile("[A-Z" + "".join(CASE_SPECIALS) + "]")
_REPEATS = (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT, _sre_constants.POSSESSIVE_REPEAT)
_ASSERTS = (_sre_constants.ASSERT, _sre_constants.ASSERT_NOT)


def fold_case(text: str) -> str:
    """The text a case-folded regex runs on: same length, ASCII capitals and CASE_SPECIALS lower-cased."""
    return text.translate(_CASE_FOLD) if _FOLDABLE.search(text) else text


class _Unfoldable(Exception):
    """The pattern holds something case folding cannot carry over exactly."""


def _lower(code: int) -> int:
    if code >= 128:
        raise _Unfoldable  # a non-ASCII letter has case partners the fold does not map
    return code + 32 if 65 <= code <= 90 else code


def _fold_class(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    negate: list[tuple[Any, Any]] = []
    categories: list[tuple[Any, Any]] = []
    chars: set[int] = set()
    for op, av in items:
        if op is _sre_constants.LITERAL:
            chars.add(_lower(av))
        elif op is _sre_constants.RANGE:
            chars.update(_lower(c) for c in range(av[0], av[1] + 1))
        elif op is _sre_constants.NEGATE:
            negate.append((op, av))
        elif op is _sre_constants.CATEGORY:
            categories.append((op, av))  # \w, \s, \d: the fold keeps every character's category
        else:
            raise _Unfoldable
    return [*negate, *((_sre_constants.LITERAL, c) for c in sorted(chars)), *categories]


def _with_bodies(op: Any, av: Any, rewrite: Callable[[Any], Any]) -> tuple[Any, Any] | None:
    """A group, branch, repeat or assertion node with `rewrite` applied to the trees inside it; None for a
    node holding no tree (a literal, a class, an anchor...)."""
    if op is _sre_constants.SUBPATTERN:
        group, add_flags, del_flags, body = av
        return op, (group, add_flags, del_flags, rewrite(body))
    if op is _sre_constants.BRANCH:
        return op, (av[0], [rewrite(alt) for alt in av[1]])
    if op in _REPEATS:
        return op, (av[0], av[1], rewrite(av[2]))
    if op is _sre_constants.ATOMIC_GROUP:
        return op, rewrite(av)
    if op in _ASSERTS:
        return op, (av[0], rewrite(av[1]))
    return None


def _fold_tree(sub: Any) -> Any:
    """The parse tree with every letter lower-cased, for case-sensitive matching of folded text."""
    data: list[tuple[Any, Any]] = []
    for op, av in sub:
        if op in (_sre_constants.LITERAL, _sre_constants.NOT_LITERAL):
            data.append((op, _lower(av)))
        elif op is _sre_constants.IN:
            data.append((op, _fold_class(av)))
        elif op in (_sre_constants.AT, _sre_constants.ANY):
            data.append((op, av))
        elif op is _sre_constants.SUBPATTERN and (av[1] or av[2]):
            raise _Unfoldable  # (?-i:...) must tell case apart
        elif (node := _with_bodies(op, av, _fold_tree)) is not None:
            data.append(node)
        else:
            raise _Unfoldable  # a backreference compares case-insensitively
    return _sre_parser.SubPattern(sub.state, data)


def _dump(node: Any) -> str:
    if isinstance(node, _sre_parser.SubPattern):
        return "[" + ",".join(f"({op},{_dump(av)})" for op, av in node) + "]"
    if isinstance(node, (tuple, list)):
        return "(" + ",".join(_dump(x) for x in node) + ")"
    return repr(node)


def _assertion_key(node: tuple[Any, Any]) -> str | None:
    """A key equal for equal zero-width assertions (\\b, (?<!\\w)...); None for anything else."""
    op, av = node
    if op is _sre_constants.AT or op in _ASSERTS:
        return f"{op}{_dump(av)}"
    return None


def _hoist_assertions(sub: Any) -> Any:
    """The parse tree with a leading assertion shared by consecutive alternatives of a branch tested once."""
    data: list[tuple[Any, Any]] = []
    for op, av in sub:
        if op is _sre_constants.BRANCH:
            runs: list[tuple[str | None, list[Any]]] = []
            for alt in (_hoist_assertions(a) for a in av[1]):
                key = _assertion_key(alt.data[0]) if alt.data else None
                if key is not None and runs and runs[-1][0] == key:
                    runs[-1][1].append(alt)
                else:
                    runs.append((key, [alt]))
            alternatives = []
            for key, alts in runs:
                if key is None or len(alts) == 1:
                    alternatives.extend(alts)
                    continue
                rests = [_sre_parser.SubPattern(sub.state, alt.data[1:]) for alt in alts]
                shared = (_sre_constants.BRANCH, (None, rests))
                alternatives.append(_sre_parser.SubPattern(sub.state, [alts[0].data[0], shared]))
            if len(alternatives) == 1:
                data.extend(alternatives[0].data)
            else:
                data.append((op, (av[0], alternatives)))
        else:
            data.append(_with_bodies(op, av, _hoist_assertions) or (op, av))
    return _sre_parser.SubPattern(sub.state, data)


@dataclass(frozen=True)
class FastRegex:
    """A regex rewritten for speed: run `compiled` on `fold_case(text)` when `on_folded`, else on the
    text; its matches (positions) are the original's."""

    compiled: re.Pattern[str]
    on_folded: bool


def _fold_flags_ok(flags: int) -> bool:
    return bool(flags & re.IGNORECASE) and not flags & (re.ASCII | re.LOCALE)


@dataclass(frozen=True)
class FastForm:
    """A rewritten regex as sre compiled it (what `_sre.compile` takes), to keep between processes."""

    code: tuple[int, ...]
    flags: int
    groups: int
    groupindex: tuple[tuple[str, int], ...]
    indexgroup: tuple[str | None, ...]
    on_folded: bool


_FAST: dict[tuple[str, int], FastRegex] = {}
_FORMS: dict[tuple[str, int], FastForm] = {}


def _compiled(form: FastForm) -> re.Pattern[str]:
    return _sre.compile(None, form.flags, list(form.code), form.groups, dict(form.groupindex), form.indexgroup)


def _fast_regex(pattern: str, flags: int) -> FastRegex:
    key = (pattern, flags)
    if key in _FAST:
        return _FAST[key]
    tree = _sre_parser.parse(pattern, flags)
    on_folded = False
    if _fold_flags_ok(tree.state.flags):
        try:
            tree = _fold_tree(tree)
            tree.state.flags &= ~re.IGNORECASE
            on_folded = True
        except _Unfoldable:
            tree = _sre_parser.parse(pattern, flags)
    tree = _hoist_assertions(tree)
    if SUPPORTED:  # as re._compiler.compile does it, keeping the numbers
        groupindex = dict(tree.state.groupdict)
        indexgroup: list[str | None] = [None] * tree.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        form = FastForm(tuple(_sre_compiler._code(tree, tree.state.flags)), tree.state.flags,
                        tree.state.groups - 1, tuple(sorted(groupindex.items())), tuple(indexgroup), on_folded)
        _FORMS[key] = form
        fast = FastRegex(_compiled(form), on_folded)
    else:
        fast = FastRegex(_sre_compiler.compile(tree, tree.state.flags), on_folded)
    _FAST[key] = fast
    return fast


def known_fast_forms() -> dict[tuple[str, int], FastForm]:
    """Every regex this process rewrote, by the original's (pattern, flags), as numbers (CPython 3.11)."""
    return dict(_FORMS)


def adopt_fast_forms(forms: Mapping[tuple[str, int], FastForm]) -> int:
    """Take regexes an earlier process of the same rewrite code rewrote; `_sre.compile` checks each code
    and one it refuses is rewritten again when needed. The caller must bring them from where it keeps
    its own data, for the same classifier code and Python. Returns how many were taken."""
    if not SUPPORTED:
        return 0
    taken = 0
    for key, form in forms.items():
        try:
            compiled = _compiled(form)
        except (RuntimeError, TypeError, ValueError, OverflowError):
            continue
        _FAST[key] = FastRegex(compiled, form.on_folded)
        _FORMS[key] = form
        taken += 1
    return taken


def fast_regex(rx: re.Pattern[str]) -> FastRegex:
    """`rx` rewritten (once per process) to find the same matches faster; `rx` itself when unreadable."""
    try:
        return _fast_regex(rx.pattern, rx.flags)
    except (re.error, RecursionError, TypeError, OverflowError):  # pragma: no cover - compiled patterns parse
        return FastRegex(rx, False)
