"""Compiled regular expressions kept from one worker pool start to the next, as numbers, never pickled.

Compiling the rule packs' regular expressions (~350, many case-insensitive with large character sets)
is most of a pool's warm-up: ~1 s of every cold `claimdex ingest`. Python's `re` keeps the patterns it
compiled in a per-process cache keyed by (type, pattern, flags). After a warm-up, `save` writes each
cached text pattern as what sre's compiler made of it: its integer opcodes (32-bit words, compressed),
its flags, group count and group names (JSON). At the next start, `restore` rebuilds the pattern objects from those
numbers with `_sre.compile` (which validates the code, and refuses what is not sre code) and puts them
in `re`'s cache, where `re.compile` finds them: the same objects a compilation gives (`==` compares
their code). Nothing read is executed or imported; a file for another interpreter (version, sre MAGIC)
is ignored, as is one that someone else could have written (like the model artifacts).

An optimisation only: anything unexpected (no file, another Python, a broken file) leaves `re` to
compile as usual.
"""

from __future__ import annotations

import _sre
import array
import base64
import json
import logging
import re
import sys
import zlib
from pathlib import Path
from re import _compiler, _parser  # internals of CPython's re (see SUPPORTED)
from typing import Any

from claims.private_files import write_private, written_by_us_only

log = logging.getLogger(__name__)

# The internals this relies on (re._cache, re._compiler._code, _sre.compile's arguments) are those of
# CPython 3.11; another version compiles as usual.
SUPPORTED = sys.implementation.name == "cpython" and sys.version_info[:2] == (3, 11)
FORMAT = 1
# A pattern: (its text, its flags), as re's cache keys it.
PatternKey = tuple[str, int]


def patterns_file(directory: Path) -> Path:
    """Where a data dir keeps them: one file per interpreter."""
    tag = f"{sys.implementation.cache_tag}-{sys.version_info.micro}-{_sre.MAGIC}"
    return directory / f"compiled-patterns-{tag}.json"


def _compiled_form(pattern: str, flags: int) -> dict[str, Any]:
    """What re._compiler.compile passes to _sre.compile for this pattern."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    words = base64.b64encode(zlib.compress(array.array("I", code).tobytes())).decode("ascii")
    return {"pattern": pattern, "flags": flags, "compiled_flags": flags | parsed.state.flags, "code": words,
            "groups": parsed.state.groups - 1, "groupindex": groupindex, "indexgroup": indexgroup}


def _rebuilt(form: dict[str, Any]) -> re.Pattern[str]:
    pattern = form["pattern"]
    if not isinstance(pattern, str):
        raise ValueError("not a compiled pattern")
    words = array.array("I")
    words.frombytes(zlib.decompress(base64.b64decode(form["code"], validate=True)))
    code = words.tolist()
    groupindex = {str(k): int(v) for k, v in form["groupindex"].items()}
    indexgroup = tuple(None if g is None else str(g) for g in form["indexgroup"])
    return _sre.compile(pattern, int(form["compiled_flags"]), code, int(form["groups"]), groupindex, indexgroup)


def cached_patterns() -> list[PatternKey]:
    """The text patterns in re's cache now, with their flags."""
    return [(key[1], key[2]) for key in list(re._cache)  # type: ignore[attr-defined]
            if key[0] is str and isinstance(key[2], int) and not key[2] & re.DEBUG]


def patterns_to_keep(compiled_before: set[PatternKey], known: dict[PatternKey, dict[str, Any]],
                     compiled_now: list[PatternKey]) -> list[PatternKey] | None:
    """What to write after a warm-up: the patterns read back from the file and those the warm-up compiled
    itself; None when it compiled none the file lacks (nothing to write).

    Patterns already compiled before the file was read back (by the imports: the standard library's,
    Celery's, SQLAlchemy's) are not kept: they cost this process nothing more, and some are built from
    a set, so their text changes with each process's hash seed (tokenize's): keeping them rewrote the
    file, one pattern larger, on every pool start.
    """
    new = [key for key in dict.fromkeys(compiled_now) if key not in known and key not in compiled_before]
    return [*known, *new] if new else None


def save(path: Path, patterns: list[PatternKey], known: dict[PatternKey, dict[str, Any]] | None = None) -> None:
    """Write the compiled form of the patterns (private file, replaced atomically); known: forms read
    back by `restore`, kept as they are."""
    if not SUPPORTED:
        return
    known = known or {}
    forms = [known.get(key) or _compiled_form(*key) for key in dict.fromkeys(patterns)]
    data = json.dumps({"format": FORMAT, "version": sys.version, "patterns": forms}).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, data)


def restore(path: Path) -> dict[PatternKey, dict[str, Any]]:
    """Put the patterns kept in path into re's cache; returns their forms by pattern (empty when unusable)."""
    if not SUPPORTED:
        return {}
    try:
        if not written_by_us_only(path):
            log.warning("compiled patterns ignored: the file is not private", extra={"path": str(path)})
            return {}
        data = json.loads(path.read_bytes())
        if data.get("format") != FORMAT or data.get("version") != sys.version:
            return {}
        forms = {(form["pattern"], int(form["flags"])): form for form in data["patterns"]}
        rebuilt = {(str, *key): _rebuilt(form) for key, form in forms.items()}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RuntimeError, zlib.error) as exc:
        log.warning("compiled patterns ignored", extra={"path": str(path), "error": type(exc).__name__})
        return {}
    cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    for key, compiled in rebuilt.items():
        cache.setdefault(key, compiled)
    return forms
