"""Regular expressions kept between pool starts (workers/compiled_patterns.py) come back as the very
patterns a compilation gives, or not at all."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path
from re import _compiler

import pytest

from workers import compiled_patterns

pytestmark = pytest.mark.skipif(not compiled_patterns.SUPPORTED, reason="another interpreter compiles as usual")

PATTERNS = [
    (r"(?P<side>left|right)\s+(?:knee|hip)\b(?# kept-1)", re.I),
    (r"\b[ÀÉÎõü\w]{2,}[-–—]\s*(?:strain|sprain)s?\b(?# kept-2)", re.I | re.M),
    (r"^\s*(?:/e?s/|Signed)\b[^\n]{0,40}(?# kept-3)", re.M),
]
TEXTS = ["Left knee and RIGHT HIP", "chronic lumbo–strain, Ému-sprains", "  /es/ J. KIM, PA-C\nSigned by"]


def _forget(patterns: list[tuple[str, int]]) -> None:
    for pattern, flags in patterns:
        re._cache.pop((str, pattern, flags), None)  # type: ignore[attr-defined]


def test_restored_patterns_are_the_compiled_ones(tmp_path: Path) -> None:
    keys = [(p, int(f)) for p, f in PATTERNS]
    for pattern, flags in keys:
        re.compile(pattern, flags)
    assert set(keys) <= set(compiled_patterns.cached_patterns())
    path = compiled_patterns.patterns_file(tmp_path)
    compiled_patterns.save(path, keys)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    _forget(keys)

    forms = compiled_patterns.restore(path)
    assert set(forms) == set(keys)
    for pattern, flags in keys:
        restored = re._cache[(str, pattern, flags)]  # type: ignore[attr-defined]
        assert re.compile(pattern, flags) is restored  # re.compile finds it
        fresh = _compiler.compile(pattern, flags)
        assert restored == fresh  # same flags, pattern and code
        assert restored.groupindex == fresh.groupindex and restored.groups == fresh.groups
        for text in TEXTS:
            assert [m.span() for m in restored.finditer(text)] == [m.span() for m in fresh.finditer(text)]
            assert [m.groupdict() for m in restored.finditer(text)] == [m.groupdict() for m in fresh.finditer(text)]
    _forget(keys)


def _saved(tmp_path: Path) -> Path:
    keys = [(p, int(f)) for p, f in PATTERNS]
    path = compiled_patterns.patterns_file(tmp_path)
    compiled_patterns.save(path, keys)
    _forget(keys)
    return path


def test_a_file_others_could_write_is_ignored(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    os.chmod(path, 0o666)
    assert compiled_patterns.restore(path) == {}
    assert (str, PATTERNS[0][0], int(PATTERNS[0][1])) not in re._cache  # type: ignore[attr-defined]


def test_code_that_is_not_sre_code_is_refused(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    data = json.loads(path.read_text())
    garbage = base64.b64encode(zlib.compress(bytes(range(64)))).decode()
    data["patterns"][0]["code"] = garbage
    path.write_text(json.dumps(data))
    assert compiled_patterns.restore(path) == {}  # the whole file: nothing half-restored
    assert (str, PATTERNS[1][0], int(PATTERNS[1][1])) not in re._cache  # type: ignore[attr-defined]


def test_a_file_of_another_interpreter_or_format_is_ignored(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    data = json.loads(path.read_text())
    path.write_text(json.dumps({**data, "version": "3.11.0 (elsewhere)"}))
    assert compiled_patterns.restore(path) == {}
    path.write_text(json.dumps({**data, "format": 0}))
    assert compiled_patterns.restore(path) == {}
    assert compiled_patterns.restore(tmp_path / "missing.json") == {}


def test_only_patterns_the_warm_up_compiled_are_worth_a_new_file() -> None:
    imported, restored, compiled = ("(?# by an import)", 0), ("(?# restored)", 0), ("(?# by the warm-up)", 0)
    known = {restored: {"pattern": restored[0]}}
    assert compiled_patterns.patterns_to_keep({imported}, known, [imported, restored]) is None
    assert compiled_patterns.patterns_to_keep({imported}, known, [imported, restored, compiled]) == [restored, compiled]


POOL_START = """
import gc, json, sys
import workers.tasks
workers.tasks._warm_up_before_fork()
print(json.dumps({"collector_on": gc.isenabled(), "frozen": gc.get_freeze_count()}))
"""


def _pool_start(model_dir: Path, hash_seed: str) -> dict[str, int]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMDEX_")}
    env.update({"CLAIMDEX_MODEL_DIR": str(model_dir), "CLAIMDEX_DATA_DIR": str(model_dir / "data"),
                "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    done = subprocess.run([sys.executable, "-c", POOL_START], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_pool_start_after_the_first_writes_no_file_and_leaves_the_collector_on(tmp_path: Path,
                                                                              trained_model_dir: Path) -> None:
    """The warm-up before the fork (workers/tasks.py), in processes of their own with different hash seeds
    (some imported modules build their patterns from sets): the first writes the compiled patterns, the
    next ones find them all and write nothing; each ends with the collector on and start-up frozen."""
    for artifact in trained_model_dir.glob("*_model.*"):
        shutil.copy(artifact, tmp_path / artifact.name)
    first = _pool_start(tmp_path, "1")
    path = compiled_patterns.patterns_file(tmp_path)
    written = path.read_bytes()
    stamp = path.stat().st_mtime_ns
    second = _pool_start(tmp_path, "2")
    third = _pool_start(tmp_path, "3")
    assert path.stat().st_mtime_ns == stamp and path.read_bytes() == written
    for state in (first, second, third):
        assert state["collector_on"] and state["frozen"] > 10_000
