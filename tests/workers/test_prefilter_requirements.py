"""The flag finder's literal requirements kept between pool starts (workers/prefilter_requirements.py):
back exactly as read, or not at all."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from classifiers import literal_prefilter
from workers import prefilter_requirements

RULES = [re.compile(r"\b(?:fell|slipped)\s+(?:on|off)\b", re.I), re.compile(r"[l1|]umbar\s+pain", re.I),
         re.compile(r"\d+", re.I)]


@pytest.fixture()
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(literal_prefilter, "_KNOWN", {})


def test_kept_requirements_come_back_and_are_not_read_again(
    tmp_path: Path, fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = [literal_prefilter.required_literals(rx) for rx in RULES]
    assert read[0] and read[1] and read[2] is None
    path = prefilter_requirements.requirements_file(tmp_path)
    prefilter_requirements.save(path)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    monkeypatch.setattr(literal_prefilter, "_KNOWN", {})
    assert prefilter_requirements.restore(path) == 3
    monkeypatch.setattr(literal_prefilter, "_sre_parser", None)  # a regex read again would fail here
    assert [literal_prefilter.required_literals(rx) for rx in RULES] == read


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
    path.write_text(json.dumps({"format": 1, "code": code, "requirements": [[1, 2, 3]]}))
    os.chmod(path, 0o600)
    assert prefilter_requirements.restore(path) == 0
    path.write_text("not json")
    assert prefilter_requirements.restore(path) == 0
