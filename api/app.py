"""The FastAPI application: JSON API under /api, server-rendered provider pages, static files.

`claimdex serve` runs `create_app()` with uvicorn. Tests call `create_app(search_index=..., enqueue=...)`
to swap the search backend and the Celery queue for fakes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.auth import NotAuthenticated
from indexers.base import SearchIndex

STATIC_DIR = Path(__file__).parent / "static"


def _default_search_index() -> SearchIndex | None:
    """The configured backend, or None while indexers.factory is not installed (search answers 503)."""
    try:
        from indexers.factory import get_search_index
    except ImportError:
        return None
    return get_search_index()


def _default_enqueue(file_ids: list[str]) -> None:
    from workers.intake import enqueue_files

    enqueue_files(file_ids)


def _default_reindex(claim_id: str) -> None:
    """Re-index after provider work, best effort: SQL already holds it and `claimdex reindex` rebuilds."""
    try:
        from workers.tasks import index_claim

        index_claim.delay(claim_id)
    except Exception:  # noqa: BLE001 - a down broker must not fail a review that is already committed
        logging.getLogger(__name__).warning("re-index not queued", extra={"claim_id": claim_id})


def _default_resegment(file_id: str) -> None:
    try:
        from workers.tasks import resegment_file

        resegment_file.delay(file_id)
    except Exception:  # noqa: BLE001 - the correction is stored; the next processing replays it
        logging.getLogger(__name__).warning("re-segmentation not queued", extra={"file_id": file_id})


def _unauthenticated(request: Request, _exc: Exception) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": "not authenticated"}, status_code=401,
                            headers={"WWW-Authenticate": "Bearer"})
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target)}", status_code=303)


_TITLES = {403: "Not allowed", 404: "Not found", 422: "Cannot do that", 503: "Temporarily unavailable"}


async def _http_error(request: Request, exc: Exception) -> Response:
    """JSON for the API; a readable page (same status) for the browser."""
    from fastapi.exception_handlers import http_exception_handler

    from api.routes_web import render

    assert isinstance(exc, StarletteHTTPException)
    if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
        return await http_exception_handler(request, exc)
    principal = getattr(request.state, "principal", None)
    return render(request, "error.html", principal, status_code=exc.status_code,
                  title=_TITLES.get(exc.status_code, "Something went wrong"), message=str(exc.detail))


def create_app(search_index: Callable[[], SearchIndex | None] | None = None,
               enqueue: Callable[[list[str]], None] | None = None,
               reindex: Callable[[str], None] | None = None,
               resegment: Callable[[str], None] | None = None) -> FastAPI:
    from api import (
        routes_audit,
        routes_auth,
        routes_claims,
        routes_export,
        routes_flags,
        routes_health,
        routes_page_image,
        routes_pages,
        routes_search,
        routes_upload,
        routes_web,
        routes_web_review,
    )
    from store.db import create_schema

    create_schema()
    app = FastAPI(title="claimdex", version="1", description=__doc__,
                  docs_url="/api/docs", redoc_url=None, openapi_url="/openapi.json")
    app.state.search_index = search_index or _default_search_index
    app.state.enqueue = enqueue or _default_enqueue
    app.state.reindex = reindex or _default_reindex
    app.state.resegment = resegment or _default_resegment
    app.add_exception_handler(NotAuthenticated, _unauthenticated)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    for module in (routes_health, routes_auth, routes_claims, routes_upload, routes_search, routes_pages,
                   routes_page_image, routes_flags, routes_export, routes_audit, routes_web, routes_web_review):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.middleware("http")
    async def _security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        # Pages of medical records must not be cached by shared caches or framed by other sites.
        response.headers.setdefault("Cache-Control", "no-store")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    return app
