"""The rule packs under config/rules/: clinician-readable YAML, read once per process.

Classifiers get their vocabularies from here, so reading configuration files has one home and the
classifiers themselves stay pure (text and rules in, results out).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

RULES_DIR = Path(__file__).resolve().parent / "rules"
# libyaml's safe loader when PyYAML was built with it (the same data, ~10x faster: the flag packs are
# read on every worker pool's start), else PyYAML's own.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def rule_pack_path(name: str) -> Path:
    """config/rules/<name>.yaml; `name` may hold a folder ("flags/gait")."""
    path = (RULES_DIR / f"{name}.yaml").resolve()
    if RULES_DIR not in path.parents:
        raise ValueError(f"no rule pack {name!r}")
    return path


def parse_rule_yaml(text: str) -> Any:
    """YAML text parsed by the safe loader (data only, never code)."""
    loader = SAFE_LOADER(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


@lru_cache(maxsize=64)
def load_rule_pack(name: str) -> Any:
    """The parsed YAML of one rule pack."""
    return parse_rule_yaml(rule_pack_path(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=64)
def rule_pack_digest(name: str) -> str:
    """sha256 of the pack's bytes: a model trained with other rules must be retrained."""
    return hashlib.sha256(rule_pack_path(name).read_bytes()).hexdigest()
