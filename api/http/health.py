"""Liveness and readiness probes: the only endpoints besides login that need no credentials.

They reveal nothing about claims: /healthz says the process answers, /readyz whether the database
and the broker can be reached (a load balancer stops routing here when either is down).
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from kombu import Connection
from sqlalchemy import text

from config.settings import get_settings
from store.db import get_engine

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


def _database_ok() -> bool:
    try:
        with get_engine().connect() as conn:
            conn.execute(text("select 1"))
        return True
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        return False


def _broker_ok() -> bool:
    try:
        with Connection(get_settings().resolved_broker_url, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        return False


@router.get("/readyz")
def readyz() -> JSONResponse:
    checks = {"database": _database_ok(), "broker": _broker_ok()}
    ok = all(checks.values())
    return JSONResponse({"status": "ready" if ok else "not ready", "checks": checks},
                        status_code=200 if ok else 503)
