"""What the flag finder reads off its rule regexes, kept from one worker pool start to the next as data.

Once per process the finder reads, from each rule regex's parse tree, which literals every match must
contain (`classifiers/literal_prefilter.py`: requirements, ~0.2 s for all rules), where a match can start
around them (anchors), and a faster regex with the same matches (`classifiers/regex_speedup.py`, ~1 s:
the rewritten regexes as sre's numbers, CPython 3.11 only, rebuilt by `_sre.compile`, which checks them;
never pickled, nothing executed). A pool's warm-up reads them before forking; this module keeps what it
read next to the models, as JSON, and hands it back at the next start. Each is only ever a reason to skip
or narrow a search, so a file made by other code could lose hits: it is used only when it was written for
the same classifier code (the digest the page caches use) by the same Python (whose parser and compiler
read the regexes), and only when it is private, like the model artifacts. Anything unexpected leaves
them to be read again.
"""

from __future__ import annotations

import array
import base64
import hashlib
import json
import logging
import sys
import zlib
from pathlib import Path

from claims.page_analysis import classifier_code_digest
from claims.private_files import write_private, written_by_us_only
from classifiers import literal_prefilter, regex_speedup
from classifiers.regex_speedup import FastForm

log = logging.getLogger(__name__)

FORMAT = 2


def requirements_file(directory: Path) -> Path:
    """Where a model dir keeps them: one file per interpreter."""
    return directory / f"literal-requirements-{sys.implementation.cache_tag}.json"


def _code_digest() -> str:
    """The classifiers' code and rules (the prefilter and the OCR confusions it folds among them), and
    the Python whose parser read the regexes."""
    return hashlib.sha256(f"{sys.version}:{classifier_code_digest()}".encode()).hexdigest()


def restore(path: Path) -> int:
    """Hand the kept requirements, anchors and rewritten regexes to the finder; returns how many entries
    (0 when the file is unusable)."""
    try:
        if not written_by_us_only(path):
            log.warning("literal requirements ignored: the file is not private", extra={"path": str(path)})
            return 0
        data = json.loads(path.read_bytes())
        if data.get("format") != FORMAT or data.get("code") != _code_digest():
            return 0
        entries: dict[tuple[str, int], tuple[str, ...] | None] = {}
        for pattern, flags, strings in data["requirements"]:
            if not isinstance(pattern, str) or not (strings is None or all(isinstance(x, str) for x in strings)):
                raise ValueError("not a requirement")
            entries[(pattern, int(flags))] = None if strings is None else tuple(strings)
        anchors: dict[tuple[str, int], tuple[tuple[str, ...], int] | None] = {}
        for pattern, flags, strings, lead in data["anchors"]:
            if not isinstance(pattern, str) or not (strings is None or all(isinstance(x, str) for x in strings)):
                raise ValueError("not an anchor")
            anchors[(pattern, int(flags))] = None if strings is None else (tuple(strings), int(lead))
        forms = {(row[0], int(row[1])): _form(row[2:]) for row in data["fast"]}
    except FileNotFoundError:
        return 0
    except (OSError, ValueError, TypeError, KeyError, IndexError, zlib.error) as exc:
        log.warning("literal requirements ignored", extra={"path": str(path), "error": type(exc).__name__})
        return 0
    literal_prefilter.adopt_requirements(entries)
    literal_prefilter.adopt_anchors(anchors)
    return len(entries) + len(anchors) + regex_speedup.adopt_fast_forms(forms)


def known_count() -> int:
    """How many entries this process could keep (to tell whether the file is behind)."""
    return (len(literal_prefilter.known_requirements()) + len(literal_prefilter.known_anchors())
            + len(regex_speedup.known_fast_forms()))


def _words(code: tuple[int, ...]) -> str:
    return base64.b64encode(zlib.compress(array.array("I", code).tobytes())).decode("ascii")


def _form(row: list) -> FastForm:
    code_words, flags, groups, groupindex, indexgroup, on_folded = row
    if not isinstance(code_words, str) or not isinstance(groupindex, dict):
        raise ValueError("not a rewritten regex")
    words = array.array("I")
    words.frombytes(zlib.decompress(base64.b64decode(code_words, validate=True)))
    return FastForm(tuple(words.tolist()), int(flags), int(groups),
                    tuple(sorted((str(k), int(v)) for k, v in groupindex.items())),
                    tuple(None if g is None else str(g) for g in indexgroup), bool(on_folded))


def save(path: Path) -> None:
    """Write every requirement, anchor and rewritten regex this process has read (private file, replaced
    atomically)."""
    known = literal_prefilter.known_requirements()
    rows = [[pattern, flags, None if strings is None else list(strings)] for (pattern, flags), strings in known.items()]
    anchors = [[pattern, flags, None if a is None else list(a[0]), None if a is None else a[1]]
               for (pattern, flags), a in literal_prefilter.known_anchors().items()]
    fast = [[pattern, flags, _words(f.code), f.flags, f.groups, dict(f.groupindex), list(f.indexgroup), f.on_folded]
            for (pattern, flags), f in regex_speedup.known_fast_forms().items()]
    data = json.dumps({"format": FORMAT, "code": _code_digest(), "requirements": rows, "anchors": anchors,
                       "fast": fast}).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, data)
