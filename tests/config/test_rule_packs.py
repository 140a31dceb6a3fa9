"""Every rule pack reads the same with the fast loader as with PyYAML's own safe loader."""

from __future__ import annotations

import pytest
import yaml

from config.rule_packs import RULES_DIR, SAFE_LOADER, load_rule_pack

PACKS = sorted(str(p.relative_to(RULES_DIR).with_suffix("")) for p in RULES_DIR.rglob("*.yaml"))


def test_the_loader_is_a_safe_one() -> None:
    assert SAFE_LOADER in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", None))


@pytest.mark.parametrize("name", PACKS)
def test_a_rule_pack_reads_as_pyyaml_s_safe_loader_reads_it(name: str) -> None:
    text = (RULES_DIR / f"{name}.yaml").read_text(encoding="utf-8")
    expected = yaml.safe_load(text)
    assert load_rule_pack(name) == expected
    assert repr(load_rule_pack(name)) == repr(expected)  # the same types too (1 is not 1.0)
