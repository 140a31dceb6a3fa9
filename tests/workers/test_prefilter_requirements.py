"""What the flag finder reads off its regexes (literal requirements, anchors, rewritten regexes), kept
between pool starts (workers/prefilter_requirements.py): back exactly as read, or not at all."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from classifiers import literal_prefilter, regex_speedup
from workers import prefilter_requirements

RULES = [re.compile(r"\b(?:fell|slipped)\s+(?:on|off)\b", re.I), re.compile(r"[l1|]umbar\s+pain", re.I),
         re.compile(r"\d+", re.I)]


@pytest.fixture()
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    _forget(monkeypatch)


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(literal_prefilter, "_KNOWN", {})
    monkeypatch.setattr(literal_prefilter, "_ANCHORS", {})
    monkeypatch.setattr(regex_speedup, "_FAST", {})
    monkeypatch.setattr(regex_speedup, "_FORMS", {})


def test_kept_requirements_come_back_and_are_not_read_again(
    tmp_path: Path, fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = [literal_prefilter.required_literals(rx) for rx in RULES]
    anchors = [literal_prefilter.anchor_of(rx) for rx in RULES]
    fast = [regex_speedup.fast_regex(rx) for rx in RULES]
    assert read[0] and read[1] and read[2] is None and anchors[0] is not None
    path = prefilter_requirements.requirements_file(tmp_path)
    prefilter_requirements.save(path)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    _forget(monkeypatch)
    kept = 9 if regex_speedup.SUPPORTED else 6  # rewritten regexes are kept on CPython 3.11 only
    assert prefilter_requirements.restore(path) == kept
    monkeypatch.setattr(literal_prefilter, "_sre_parser", None)  # a regex read again would fail here
    if regex_speedup.SUPPORTED:
        monkeypatch.setattr(regex_speedup, "_sre_parser", None)
    assert [literal_prefilter.required_literals(rx) for rx in RULES] == read
    assert [literal_prefilter.anchor_of(rx) for rx in RULES] == anchors
    again = [regex_speedup.fast_regex(rx) for rx in RULES]
    assert again == fast  # the same sre code, flags and folding
    text = "He slipped on ice; 1umbar pain since 2019. SLIPPED OFF the K\u212aerb"
    for f, g in zip(fast, again, strict=True):
        folded = regex_speedup.fold_case(text) if f.on_folded else text
        assert [m.span() for m in g.compiled.finditer(folded)] == [m.span() for m in f.compiled.finditer(folded)]


def test_a_file_for_other_code_or_not_private_is_ignored(tmp_path: Path, fresh: None) -> None:
    literal_prefilter.required_literals(RULES[0])
    path = prefilter_requirements.requirements_file(tmp_path)
    prefilter_requirements.save(path)
    data = json.loads(path.read_text())
    data["code"] = "0" * 64  # written by another prefilter: its skips could lose hits
    path.write_text(json.dumps(data))
    assert prefilter_requirements.restore(path) == 0
    prefilter_requirements.save(path)
    os.chmod(path, 0o666)
    assert prefilter_requirements.restore(path) == 0
    assert prefilter_requirements.restore(tmp_path / "missing.json") == 0


def test_a_damaged_file_is_ignored(tmp_path: Path, fresh: None) -> None:
    path = prefilter_requirements.requirements_file(tmp_path)
    code = prefilter_requirements._code_digest()
    path.write_text(json.dumps({"format": prefilter_requirements.FORMAT, "code": code,
                                "requirements": [[1, 2, 3]], "anchors": [], "fast": []}))
    os.chmod(path, 0o600)
    assert prefilter_requirements.restore(path) == 0
    path.write_text("not json")
    assert prefilter_requirements.restore(path) == 0


@pytest.mark.skipif(not regex_speedup.SUPPORTED, reason="rewritten regexes are kept as sre code on CPython 3.11 only")
def test_a_rewritten_regex_sre_refuses_is_rewritten_again(tmp_path: Path, fresh: None,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    good = regex_speedup.fast_regex(RULES[0])
    path = prefilter_requirements.requirements_file(tmp_path)
    prefilter_requirements.save(path)
    data = json.loads(path.read_text())
    data["fast"][0][2] = prefilter_requirements._words((1, 2, 3))  # not sre code
    path.write_text(json.dumps(data))
    os.chmod(path, 0o600)
    _forget(monkeypatch)
    prefilter_requirements.restore(path)
    assert regex_speedup.known_fast_forms() == {}
    assert regex_speedup.fast_regex(RULES[0]) == good  # rewritten again, as if nothing had been kept
