"""Helpers for the pipeline tests: queue files the way the CLI does and wait on SQL for the result."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from config.contracts import EXPORT_SCHEMA_PATH


def queue_files(claim_id: str, paths: list[Path]) -> list[str]:
    from claims.intake import add_uploads
    from store.db import session_scope
    from workers.tasks import CeleryWorkQueue

    with session_scope() as s:
        result = add_uploads(s, claim_id, [(p.name, p) for p in paths])
    CeleryWorkQueue().ingest_files(result.queued_file_ids)
    return result.file_ids


def progress(claim_id: str) -> dict[str, Any]:
    from claims.progress import claim_progress
    from store.db import session_scope

    with session_scope() as s:
        return claim_progress(s, claim_id)


def wait_for_claim(claim_id: str, timeout: float = 240) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        p = progress(claim_id)
        if p["status"] in ("done", "partial", "failed"):
            return p
        time.sleep(0.5)
    raise AssertionError(f"claim {claim_id} not finished after {timeout} s: {progress(claim_id)}")


def page_rows(claim_id: str) -> list[Any]:
    from store.db import session_scope
    from store.models import Page

    with session_scope() as s:
        return list(s.scalars(select(Page).where(Page.claim_id == claim_id).order_by(Page.file_id, Page.page_number)))


def pages_done(claim_id: str) -> int:
    from store.db import session_scope
    from store.models import Page

    with session_scope() as s:
        return s.scalar(select(func.count()).select_from(Page)
                        .where(Page.claim_id == claim_id, Page.status == "done")) or 0


def export_claim(claim_id: str) -> dict[str, Any]:
    from claims.export import build_export
    from store.db import session_scope

    with session_scope() as s:
        return build_export(s, claim_id)


def validate_export(data: dict[str, Any], schema_path: Path) -> None:
    import json

    import jsonschema

    schema = json.loads(schema_path.read_text())
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


SCHEMA_PATH = EXPORT_SCHEMA_PATH  # the repository's copy, version 2 (config/contracts/)


@contextlib.contextmanager
def eager_tasks() -> Iterator[None]:
    """Celery tasks run in this process as they are queued (the same task code, no broker, no pool)."""
    import workers.tasks  # noqa: F401 - registers the tasks
    from workers.celery_app import app

    app.conf.task_always_eager = True
    try:
        yield
    finally:
        app.conf.task_always_eager = False
