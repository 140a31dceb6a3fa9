"""The vocabulary every module imports is the one the export contract allows."""

import json
from pathlib import Path

import jsonschema
import pytest

from config.contracts import export_schema
from config.vocabulary import FLAG_CATEGORIES, RECORD_TYPES

SHARED_V1 = Path(__file__).resolve().parents[2] / "shared" / "contracts" / "export.schema.json"
EXPORT_V1 = Path(__file__).resolve().parent / "claims" / "fixtures" / "export_v1.json"


def test_record_types_and_flag_categories_match_the_export_schema() -> None:
    defs = export_schema()["$defs"]
    assert list(RECORD_TYPES) == defs["record_type"]["enum"]
    assert list(FLAG_CATEGORIES) == defs["flag_category"]["enum"]


def test_a_version_1_export_still_validates_against_version_2() -> None:
    old = json.loads(EXPORT_V1.read_text())  # exported by the first release from the sample claim
    assert old["schema_version"] == 1
    jsonschema.validate(old, export_schema())


@pytest.mark.skipif(not SHARED_V1.exists(), reason="../shared/contracts is not beside this checkout")
def test_version_2_only_adds_to_the_shared_version_1() -> None:
    v1, v2 = json.loads(SHARED_V1.read_text()), export_schema()
    assert v1["$defs"]["record_type"] == v2["$defs"]["record_type"]
    assert v1["$defs"]["flag_category"] == v2["$defs"]["flag_category"]
    assert set(v1["required"]) == set(v2["required"])
    for section in ("files", "pages", "documents", "flags"):
        old, new = v1["properties"][section]["items"], v2["properties"][section]["items"]
        assert set(old["required"]) == set(new["required"])
        assert set(old["properties"]) <= set(new["properties"])


def test_every_flag_category_has_a_rule_pack() -> None:
    rules = Path(__file__).resolve().parents[1] / "config" / "rules" / "flags"
    assert {p.stem for p in rules.glob("*.yaml")} == set(FLAG_CATEGORIES)
