"""The vocabulary every module imports is the one the export contract allows."""

import json
from pathlib import Path

from config.vocabulary import FLAG_CATEGORIES, RECORD_TYPES

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "contracts" / "export.schema.json"


def test_record_types_and_flag_categories_match_the_export_schema() -> None:
    defs = json.loads(SCHEMA.read_text())["$defs"]
    assert list(RECORD_TYPES) == defs["record_type"]["enum"]
    assert list(FLAG_CATEGORIES) == defs["flag_category"]["enum"]


def test_every_flag_category_has_a_rule_pack() -> None:
    rules = Path(__file__).resolve().parents[1] / "config" / "rules" / "flags"
    assert {p.stem for p in rules.glob("*.yaml")} == set(FLAG_CATEGORIES)
