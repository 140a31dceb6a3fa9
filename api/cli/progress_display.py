"""The progress bar of a command that waits for a claim, and the summary it prints at the end."""

from __future__ import annotations

import sys
import time
from typing import Any

import click

from claims.page_results import requeue_claim
from claims.progress import claim_progress
from config.settings import get_settings
from store.db import session_scope
from store.models import Claim, Document, Flag, Page, SourceFile
from workers.queueing import CeleryWorkQueue


def render_progress(p: dict[str, Any], started: float) -> str:
    total, done, failed = p["pages_total"], p["pages_done"], p["pages_failed"]
    elapsed = max(time.monotonic() - started, 1e-6)
    rate = (done + failed) / elapsed
    width = 30
    filled = int(width * (done + failed) / total) if total else 0
    bar = "#" * filled + "." * (width - filled)
    return f"[{bar}] {done + failed}/{total} pages  {rate:4.1f} pages/s  {failed} failed"


def wait_for_claim(claim_id: str, file_ids: list[str], quiet: bool = False, timeout: float | None = None,
                   runtime: Any = None) -> dict[str, Any]:
    """Poll SQL until every file of this upload is finished and its pages are indexed (or index delayed)."""
    started = time.monotonic()
    tty = sys.stderr.isatty()
    last_line = 0.0
    ids = set(file_ids)
    index_wait_started: float | None = None
    # No progress for longer than any task may run means the queue lost work (a broker without
    # persistence restarted): SQL knows what is unfinished, so queue it again.
    stall_limit = get_settings().task_time_limit + 60
    last_change, last_state = time.monotonic(), None
    while True:
        with session_scope() as s:
            p = claim_progress(s, claim_id)
            files = [f for f in p["files"] if f["file_id"] in ids] if ids else p["files"]
            finished = all(f["status"] in ("done", "partial", "failed") for f in files)
            claim = s.get(Claim, claim_id)
            last_finish = max((f.finished_at for f in s.query(SourceFile).filter(SourceFile.file_id.in_(ids))
                               if f.finished_at), default=None) if ids else None
            indexed = claim is not None and (
                claim.index_status == "error"
                or (claim.indexed_at is not None and (last_finish is None or claim.indexed_at >= last_finish))
            )
        sub = {"pages_total": sum(f["page_count"] for f in files if f["kind"] != "zip"),
               "pages_done": sum(f["pages_done"] for f in files),
               "pages_failed": sum(f["pages_failed"] for f in files)}
        now = time.monotonic()
        state = (sub["pages_done"], sub["pages_failed"], tuple(f["status"] for f in files))
        if state != last_state:
            last_change, last_state = now, state
        elif not finished and now - last_change > stall_limit:
            n = requeue_claim(claim_id, CeleryWorkQueue(), include_failed=False)
            click.echo(f"\nno progress for {stall_limit} s: re-queued {n} unfinished item(s)", err=True)
            last_change = now
        if not quiet and (tty or now - last_line > 5 or finished):
            line = render_progress(sub, started)
            click.echo(("\r" + line) if tty else line, err=True, nl=not tty)
            last_line = now
        if finished:
            index_wait_started = index_wait_started or now
            if indexed or now - index_wait_started > 120:
                break
        if runtime is not None:
            runtime.ensure_worker_alive()
        if timeout is not None and now - started > timeout:
            raise click.ClickException(f"claim {claim_id} not finished after {timeout:.0f} s")
        time.sleep(0.25)
    if not quiet and tty:
        click.echo("", err=True)
    p["elapsed_seconds"] = round(time.monotonic() - started, 2)
    return p


def print_ingest_summary(p: dict[str, Any], claim_id: str, intake_errors: list[tuple[str, str, str]]) -> None:
    with session_scope() as s:
        pages = list(s.query(Page.source).filter(Page.claim_id == claim_id))
        n_docs = s.query(Document).filter(Document.claim_id == claim_id).count()
        n_flags = s.query(Flag).filter(Flag.claim_id == claim_id).count()
    by_source: dict[str, int] = {}
    for (src,) in pages:
        by_source[src or "pending"] = by_source.get(src or "pending", 0) + 1
    rate = (p["pages_done"] + p["pages_failed"]) / p["elapsed_seconds"] if p.get("elapsed_seconds") else 0.0
    click.echo(f"claim {claim_id}: {p['status']}")
    click.echo(f"  pages: {p['pages_done']} done / {p['pages_total']} total, {p['pages_failed']} failed "
               f"(text layer {by_source.get('text_layer', 0)}, OCR {by_source.get('ocr', 0)})"
               f" in {p.get('elapsed_seconds', 0)} s ({rate:.2f} pages/s)")
    click.echo(f"  documents: {n_docs}   flags: {n_flags}   search index: {p['index_status']}"
               + (f" ({p['index_error']})" if p.get("index_error") else ""))
    for f in p["files"]:
        click.echo(f"  {f['status']:>10}  {f['filename']}  ({f['pages_done']}/{f['page_count']} pages)")
        for e in f["errors"]:
            where = f" page {e['page']}" if e.get("page") else ""
            click.echo(f"              {e['code']}{where}: {e['message']}")
    for filename, code, message in intake_errors:
        if not any(f["filename"] == filename for f in p["files"]):
            click.echo(f"      refused  {filename}: {code}: {message}")
