"""The FastAPI application: the JSON API (api/http/) and the provider pages (api/web/) over one app.

`claimdex serve` runs `create_app()` with uvicorn. Tests call `create_app(search_index=..., queue=...)`
to swap the search backend and the work queue for fakes. Use cases raise claims.errors; this is the one
place that turns them into HTTP answers (JSON under /api, a readable page for the browser).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from api.dependencies import NotAuthenticated
from api.http import (
    audit,
    auth,
    claims,
    corrections,
    documents,
    exports,
    flags,
    health,
    page_images,
    search,
    uploads,
    users,
)
from api.web import views
from api.web.rendering import render
from claims.errors import Conflict, Invalid, NotFound, Unavailable, UseCaseError
from claims.login_throttle import TooManyAttempts
from claims.work_queue import WorkQueue
from config.logging_config import configure_logging, is_configured
from config.settings import get_settings, insecure_settings
from indexers.base import SearchIndex
from indexers.factory import get_search_index
from store.data_dir import secure_data_dir
from store.db import create_schema
from workers.tasks import CeleryWorkQueue

STATIC_DIR = Path(__file__).parent / "web" / "static"
_TITLES = {403: "Not allowed", 404: "Not found", 409: "Already exists", 422: "Cannot do that",
           429: "Too many attempts", 503: "Temporarily unavailable"}
_STATUS_OF: tuple[tuple[type[UseCaseError], int], ...] = (
    (NotFound, 404), (Invalid, 422), (Conflict, 409), (TooManyAttempts, 429), (Unavailable, 503))
log = logging.getLogger(__name__)


class BestEffortQueue:
    """The Celery queue for follow-up work after a committed change (re-index, re-analysis): a down
    broker must not fail what is already stored; `claimdex retry` / `reindex` catch up later."""

    def __init__(self, queue: WorkQueue) -> None:
        self.queue = queue

    def _try(self, what: str, call: Callable[[], None]) -> None:
        try:
            call()
        except Exception:  # noqa: BLE001 - SQL holds the work; the queue only schedules it
            log.warning("follow-up work not queued", extra={"task": what})

    def ingest_files(self, file_ids: Iterable[str]) -> None:
        self.queue.ingest_files(file_ids)  # the upload route reports a down broker itself

    def extract_pages(self, pages: Iterable[tuple[str, int]]) -> None:
        self._try("extract_pages", lambda: self.queue.extract_pages(pages))

    def analyse_file(self, file_id: str) -> None:
        self._try("analyse_file", lambda: self.queue.analyse_file(file_id))

    def index_claim(self, claim_id: str) -> None:
        self._try("index_claim", lambda: self.queue.index_claim(claim_id))


# The upload route streams its body to disk under its own limits (api/http/uploads.py).
_STREAMED_BODY = re.compile(r"^/api/claims/[^/]+/uploads$")


class RequestBodyLimit:
    """Every other request body (JSON, forms, including the log-in form anyone may post) is read only up
    to `limit` bytes: a larger Content-Length is refused before reading, a chunked body once it crosses
    the limit. Nothing is parsed or held beyond it."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or _STREAMED_BODY.match(scope["path"]):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            response = JSONResponse({"detail": f"request body larger than {self.limit} bytes"}, status_code=413,
                                    headers={"Connection": "close"})
            await response(scope, receive, send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise StarletteHTTPException(status_code=413,
                                                 detail=f"request body larger than {self.limit} bytes")
            return message

        await self.app(scope, limited, send)


def _unauthenticated(request: Request, _exc: Exception) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": "not authenticated"}, status_code=401,
                            headers={"WWW-Authenticate": "Bearer"})
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target)}", status_code=303)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", "")


async def _http_error(request: Request, exc: Exception) -> Response:
    """JSON for the API; a readable page (same status) for the browser."""
    assert isinstance(exc, StarletteHTTPException)
    if _wants_json(request):
        return await http_exception_handler(request, exc)
    principal = getattr(request.state, "principal", None)
    return render(request, "error.html", principal, status_code=exc.status_code,
                  title=_TITLES.get(exc.status_code, "Something went wrong"), message=str(exc.detail))


async def _use_case_error(request: Request, exc: Exception) -> Response:
    status = next((code for kind, code in _STATUS_OF if isinstance(exc, kind)), 400)
    return await _http_error(request, StarletteHTTPException(status_code=status, detail=str(exc)))


def create_app(search_index: Callable[[], SearchIndex | None] | None = None,
               queue: WorkQueue | None = None) -> FastAPI:
    # Uvicorn has just installed its own log handlers: route them through ours (with the PHI filter).
    settings = get_settings()
    configure_logging(None if is_configured() else settings.log_level)
    problems = insecure_settings(settings)
    if problems:
        raise RuntimeError("refusing to start with example secrets: " + "; ".join(problems))
    fixed = secure_data_dir(settings.data_dir)
    if fixed:
        log.warning("made paths in the data dir private (they were readable by other users)",
                    extra={"count": len(fixed)})
    create_schema()
    app = FastAPI(title="claimdex", version="1", description=__doc__,
                  docs_url="/api/docs", redoc_url=None, openapi_url="/openapi.json")
    app.state.search_index = search_index or get_search_index
    app.state.work_queue = queue or BestEffortQueue(CeleryWorkQueue())
    app.add_exception_handler(NotAuthenticated, _unauthenticated)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(UseCaseError, _use_case_error)
    for module in (health, auth, claims, uploads, search, documents, page_images, flags, corrections, exports,
                   audit, users, views):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(RequestBodyLimit, limit=settings.max_request_bytes)
    # Outermost: the client's address and scheme as the trusted proxy forwarded them (CLAIMDEX_TRUSTED_PROXIES),
    # whatever uvicorn was told; forwarded headers from anyone else are ignored.
    app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=[h.strip() for h in settings.trusted_proxies.split(",")
                                                               if h.strip()])

    @app.middleware("http")
    async def _security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        # Pages of medical records must not be cached by shared caches or framed by other sites.
        response.headers.setdefault("Cache-Control", "no-store")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if request.url.scheme == "https":
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response

    return app
