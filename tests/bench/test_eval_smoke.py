"""Smoke tests of the evaluations: they run, and the figures the issue asks for hold."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_flag_eval_meets_the_target_on_held_out_variants() -> None:
    eval_flags = load("eval_flags")
    result = eval_flags.run_flag_eval(instances_per_variant=3)
    held = result["held_out_clean"]["categories"]
    for cat in ("back_complaint", "injury", "gait", "aging_attribution"):
        assert held[cat]["precision"] >= 0.9 and held[cat]["recall"] >= 0.9, (cat, held[cat])
    assert result["sentences_per_second"] > 200


def test_negex_eval_beats_the_references() -> None:
    eval_negex = load("eval_negex")
    kit = eval_negex.resolve_kit_path()
    if not kit.exists():
        pytest.skip(f"NegEx kit not present at {kit}")
    whole = eval_negex.run_negex_eval()["whole"]
    assert whole["negation"]["precision"] > 0.891 and whole["negation"]["recall"] > 0.919
    assert whole["historical"]["precision"] > 0.722 and whole["historical"]["recall"] > 0.556
