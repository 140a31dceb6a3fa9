"""Finding 2 of issue 14: PHI in logs. Uvicorn's error log bypassed the project's log filter (a SQL
error printed a physician's note with its parameters; a PDF crash printed a document title taken from
page text). Here markers are planted in page text, a flag note, a document title and a search query;
every error path is forced through a real uvicorn server configured as `claimdex serve` configures it,
through Celery's task-failure logging, plain stdlib loggers and an uncaught exception; no marker may
appear in anything the process writes."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from tests.api.conftest import PASSWORD, Env
from tests.api.live_server import live_server

PAGE_MARKER = "Zebediah Quartermaine SSN 078-05-1120"
NOTE_MARKER = "told me about his divorce and the Percocet"
TITLE_MARKER = "Psychiatry note for Zebediah Quartermaine"
QUERY_MARKER = "quartermaine percocet"
MARKERS = (PAGE_MARKER, NOTE_MARKER, TITLE_MARKER, QUERY_MARKER, "Quartermaine", "Percocet", "078-05-1120")
REPO = Path(__file__).resolve().parents[2]


def _plant(env: Env) -> None:
    from store.db import get_engine, session_scope
    from store.models import Document, Flag, Page

    a = env.claims["A"]
    with session_scope() as s:
        s.get(Page, a.page_ids[0]).text += f"\n{PAGE_MARKER}"
        s.get(Flag, a.flag_ids[1]).note = NOTE_MARKER
        s.get(Document, a.document_id).title = TITLE_MARKER
    with get_engine().begin() as conn:  # the database refuses the next review: a genuine SQL error
        conn.execute(text("CREATE TRIGGER refuse_review BEFORE UPDATE OF status ON flags "
                          "BEGIN SELECT RAISE(ABORT, 'review refused by the test trigger'); END"))


def _assert_clean(captured: str) -> None:
    leaked = [m for m in MARKERS if m.lower() in captured.lower()]
    assert not leaked, f"PHI in the logs: {leaked}\n{captured[-3000:]}"


def test_no_marker_reaches_any_log(env: Env, capfd: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import api.http.documents
    import api.http.page_images
    import api.web.views
    from api.app import create_app

    _plant(env)

    def pdf_crash(*_args: object, **_kwargs: object) -> bytes:  # reportlab's own error quotes the paragraph
        from reportlab.lib.styles import getSampleStyleSheet
        from reportlab.platypus import Paragraph

        Paragraph(f"{TITLE_MARKER} <i>{PAGE_MARKER}", getSampleStyleSheet()["Normal"])
        raise AssertionError("reportlab accepted broken markup")

    def render_crash(*_args: object) -> Path:
        raise RuntimeError(f"pdfium could not draw the page titled {TITLE_MARKER!r}")

    def route_crash(*_args: object) -> dict[str, object]:
        raise KeyError(PAGE_MARKER)

    monkeypatch.setattr(api.web.views, "brief_to_pdf", pdf_crash)
    monkeypatch.setattr(api.http.page_images, "render_page_png", render_crash)
    monkeypatch.setattr(api.http.documents, "page_detail", route_crash)
    a = env.claims["A"]

    app_factory = lambda: create_app(search_index=lambda: env.index, queue=env.queue)  # noqa: E731
    # A 500 closes the connection under the client: one connection per request.
    with live_server(app_factory, log_level="info") as url, \
            httpx.Client(base_url=url, timeout=30, headers={"Connection": "close"}) as c:
        r = c.post("/api/login", json={"username": "doc_a", "password": PASSWORD})
        c.headers["X-CSRF-Token"] = r.json()["csrf_token"]
        assert c.post(f"/api/claims/A/flags/{a.flag_ids[0]}/review",
                      json={"status": "confirmed", "note": NOTE_MARKER}).status_code == 500
        assert c.get("/api/claims/A/summary.pdf").status_code == 500
        assert c.get(f"/api/claims/A/files/{a.file_id}/pages/1/image").status_code == 500
        assert c.get(f"/api/claims/A/files/{a.file_id}/pages/1").status_code == 500
        assert c.get("/api/claims/A/search", params={"q": QUERY_MARKER}).status_code == 200

    # Celery's task-failure log, configured as a worker is: our configuration first (worker_init),
    # then Celery's own logging set-up.
    from celery import Celery
    from celery.app.trace import build_tracer

    from config.celery_config import celery_config
    from config.logging_config import configure_logging
    from config.settings import get_settings

    configure_logging("INFO")
    celery = Celery("phi-test", set_as_current=False)
    celery.conf.update(celery_config(get_settings()))
    celery.log.setup_logging_subsystem(loglevel="INFO")

    @celery.task(name="extract_page")
    def extract_page(file_id: str, page: int) -> None:
        raise RuntimeError(f"page {page} says {PAGE_MARKER}")

    build_tracer(extract_page.name, extract_page, app=celery, eager=False, propagate=False)(
        "task-1", (a.file_id, 1), {}, {"delivery_info": {}})

    # Libraries log whatever they were handed.
    logging.getLogger("pdfminer.psparser").error("cannot parse %r", PAGE_MARKER)
    try:
        raise ValueError(NOTE_MARKER)
    except ValueError:
        logging.getLogger("sqlalchemy.pool.impl").exception("Exception during reset or similar")
        logging.getLogger("claims.analysis").exception("file analysis failed", extra={"note": NOTE_MARKER})

    out, err = capfd.readouterr()
    captured = out + err
    _assert_clean(captured)
    # ... while the errors themselves are logged, by type.
    for expected in ("IntegrityError", "ValueError", "RuntimeError", "KeyError", "Exception in ASGI application",
                     "/api/claims/A/search", "raised unexpected", "file analysis failed"):
        assert expected in captured, f"{expected!r} missing from the logs:\n{captured[-3000:]}"


def test_database_errors_carry_no_parameters(env: Env) -> None:
    from sqlalchemy.exc import StatementError

    from store.db import get_engine

    with pytest.raises(StatementError) as err, get_engine().begin() as conn:
        conn.execute(text("INSERT INTO claims (claim_id) VALUES (:v)"), {"v": NOTE_MARKER})
    assert NOTE_MARKER not in str(err.value)


def test_an_uncaught_exception_prints_no_record_text(tmp_path: Path) -> None:
    code = ("from config.logging_config import configure_logging\n"
            "configure_logging('WARNING')\n"
            f"raise RuntimeError({PAGE_MARKER!r})\n")
    run = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60,
                         env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert run.returncode != 0
    _assert_clean(run.stdout + run.stderr)
    assert "RuntimeError" in run.stderr
