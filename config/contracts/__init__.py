"""The export contract, version 2 (an additive superset of ../shared/contracts/export.schema.json v1).

`claimdex export` and GET /api/claims/{id}/export produce JSON valid against it; a version-1 export
still validates."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

EXPORT_SCHEMA_PATH = Path(__file__).resolve().parent / "export.schema.json"
EXPORT_SCHEMA_VERSION = 2


@lru_cache(maxsize=1)
def export_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(EXPORT_SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema
