"""The flag finder's literal requirements kept from one worker pool start to the next, as plain strings.

`classifiers/literal_prefilter.py` reads, once per process, which literals every match of each rule regex
must contain (~0.2 s for all rules: parse trees of the large phrase tries). A pool's warm-up reads them
before forking; this module keeps what it read next to the models, as JSON (lists of strings), and hands
it back at the next start. A requirement is only ever a reason to skip a regex, so a file made by other
code would lose hits: it is used only when it was written for the same classifier code (the digest the
page caches use) by the same Python (whose parser reads the regexes), and only when it is private,
like the model artifacts. Anything unexpected leaves the requirements to be read again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
from pathlib import Path

from claims.page_analysis import classifier_code_digest
from claims.private_files import write_private, written_by_us_only
from classifiers import literal_prefilter

log = logging.getLogger(__name__)

FORMAT = 1


def requirements_file(directory: Path) -> Path:
    """Where a model dir keeps them: one file per interpreter."""
    return directory / f"literal-requirements-{sys.implementation.cache_tag}.json"


def _code_digest() -> str:
    """The classifiers' code and rules (the prefilter and the OCR confusions it folds among them), and
    the Python whose parser read the regexes."""
    return hashlib.sha256(f"{sys.version}:{classifier_code_digest()}".encode()).hexdigest()


def restore(path: Path) -> int:
    """Hand the kept requirements to the prefilter; returns how many (0 when the file is unusable)."""
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
    except FileNotFoundError:
        return 0
    except (OSError, ValueError, TypeError, KeyError) as exc:
        log.warning("literal requirements ignored", extra={"path": str(path), "error": type(exc).__name__})
        return 0
    literal_prefilter.adopt_requirements(entries)
    return len(entries)


def save(path: Path) -> None:
    """Write every requirement this process has read (private file, replaced atomically)."""
    known = literal_prefilter.known_requirements()
    rows = [[pattern, flags, None if strings is None else list(strings)] for (pattern, flags), strings in known.items()]
    data = json.dumps({"format": FORMAT, "code": _code_digest(), "requirements": rows}).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, data)
