"""The progress of a command that waits for a claim, in phases, and the summary it prints at the end.

Rates count only the pages this command saw read (a re-run that finds everything done says so instead
of dividing old pages by a short wait), and the summary splits the time by phase from the timestamps SQL
keeps: reading pages, analysis, indexing.
"""

from __future__ import annotations

import datetime as dt
import html
import sys
import time
from typing import Any

import click
from sqlalchemy import func, select

from claims.page_results import requeue_claim
from claims.progress import PHASES, claim_phase, claim_progress
from config.settings import get_settings
from store.db import session_scope
from store.models import Claim, Document, Flag, Page, SourceFile, utcnow
from workers.progress_events import ProgressEvents
from workers.queueing import CeleryWorkQueue

# Without a terminal, a line at most this often (and at each change of phase).
LOG_LINE_EVERY_S = 5.0
# Longest wait between two looks at SQL when no event arrives.
POLL_S = 1.0


def upload_view(p: dict[str, Any], ids: set[str]) -> dict[str, Any]:
    """The claim's progress restricted to this upload's files."""
    files = [f for f in p["files"] if f["file_id"] in ids] if ids else p["files"]
    processable = [f for f in files if f["kind"] != "zip"]
    finished = all(f["status"] in ("done", "partial", "failed") for f in files)
    return {
        "files": files,
        "finished": finished,
        "phase": claim_phase(files, "finished"),
        "pages_total": sum(f["page_count"] for f in processable),
        "pages_done": sum(f["pages_done"] for f in processable),
        "pages_failed": sum(f["pages_failed"] for f in processable),
        "pages_text_layer": sum(f["pages_text_layer"] for f in processable),
        "pages_ocr": sum(f["pages_ocr"] for f in processable),
    }


def render_progress(view: dict[str, Any], read_now: int, elapsed: float) -> str:
    total, done, failed = view["pages_total"], view["pages_done"], view["pages_failed"]
    phase = view["phase"]
    width = 30
    filled = int(width * (done + failed) / total) if total else 0
    bar = "#" * filled + "." * (width - filled)
    if phase in ("queued", "counting pages"):
        what = "counting pages"
    elif phase == "reading pages":
        what = (f"reading pages {done + failed}/{total} (text layer {view['pages_text_layer']}, "
                f"OCR {view['pages_ocr']}{f', {failed} failed' if failed else ''})")
    elif phase == "analysis":
        what = f"analysis of {done} page(s): documents, dates, flags"
    elif phase == "indexing":
        what = "indexing documents and flags"
    else:
        what = f"{done + failed}/{total} pages, {failed} failed"
    rate = f"  {read_now / elapsed:.1f} pages/s" if read_now and elapsed > 0 else ""
    return f"[{bar}] {what}{rate}"


def _read_since(file_ids: set[str], since: dt.datetime) -> tuple[int, dt.datetime | None, dt.datetime | None]:
    """Pages of these files stored since `since`: how many, the first and the last stamp."""
    with session_scope() as s:
        n, first, last = s.execute(
            select(func.count(), func.min(Page.processed_at), func.max(Page.processed_at))
            .where(Page.file_id.in_(file_ids), Page.processed_at >= since)).one()
    return int(n or 0), first, last


def wait_for_claim(claim_id: str, file_ids: list[str], quiet: bool = False, timeout: float | None = None,
                   runtime: Any = None) -> dict[str, Any]:
    """Wait until every file of this upload is finished and its pages indexed (or the index failing).

    Wakes on the workers' progress events, re-reading SQL at least every POLL_S; while waiting it
    supervises the runtime (a Redis or pool that died is restarted, lost work queued again).
    """
    settings = get_settings()
    started = time.monotonic()
    since = utcnow() - dt.timedelta(seconds=1)
    tty = sys.stderr.isatty()
    ids = set(file_ids)
    events = ProgressEvents(settings, claim_id)
    index_wait_started: float | None = None
    # No progress for longer than any task may run means the queue lost work (a broker without
    # persistence restarted): SQL knows what is unfinished, so queue it again.
    stall_limit = settings.task_time_limit + 60
    last_change, last_state = time.monotonic(), None
    last_line, last_phase = 0.0, None
    try:
        while True:
            with session_scope() as s:
                p = claim_progress(s, claim_id)
                claim = s.get(Claim, claim_id)
                index_failed = claim is not None and claim.index_status == "error"
            view = upload_view(p, ids)
            now = time.monotonic()
            read_now = _read_since({f["file_id"] for f in view["files"]}, since)[0] if view["files"] else 0
            state = (view["pages_done"], view["pages_failed"], view["phase"])
            if state != last_state:
                last_change, last_state = now, state
            elif not view["finished"] and now - last_change > stall_limit:
                n = requeue_claim(claim_id, CeleryWorkQueue(), include_failed=False)
                click.echo(f"\nno progress for {stall_limit} s: re-queued {n} unfinished item(s)", err=True)
                last_change = now
            if not quiet and (tty or now - last_line > LOG_LINE_EVERY_S or view["phase"] != last_phase):
                line = render_progress(view, read_now, now - started)
                click.echo(("\r\x1b[2K" + line) if tty else line, err=True, nl=not tty)
                last_line, last_phase = now, view["phase"]
            if view["finished"]:
                index_wait_started = index_wait_started or now
                indexing = view["phase"] == "indexing" and not index_failed
                if not indexing or now - index_wait_started > 120:
                    break
            if runtime is not None:
                note = runtime.supervise()
                if note and not quiet:
                    click.echo(f"\n{note}", err=True)
            if timeout is not None and now - started > timeout:
                raise click.ClickException(f"claim {claim_id} not finished after {timeout:.0f} s")
            events.wait(POLL_S)
    finally:
        events.close()
    if not quiet and tty:
        click.echo("", err=True)
    p["elapsed_seconds"] = round(time.monotonic() - started, 2)
    p["upload"] = view
    p["read_now"], p["read_first"], p["read_last"] = _read_since({f["file_id"] for f in view["files"]}, since) \
        if view["files"] else (0, None, None)
    return p


def print_ingest_summary(p: dict[str, Any], claim_id: str, intake_errors: list[tuple[str, str, str]]) -> None:
    view = p.get("upload") or upload_view(p, set())
    with session_scope() as s:
        n_docs = s.scalar(select(func.count()).select_from(Document).where(Document.claim_id == claim_id)) or 0
        n_flags = s.scalar(select(func.count()).select_from(Flag).where(Flag.claim_id == claim_id)) or 0
        file_ids = [f["file_id"] for f in view["files"]]
        finished = max((f for f in s.scalars(select(SourceFile.finished_at).where(SourceFile.file_id.in_(file_ids)))
                        if f), default=None) if file_ids else None
        claim = s.get(Claim, claim_id)
        indexed_at = claim.indexed_at if claim else None
    status = p["status"] if not p.get("upload") else upload_status(view)
    click.echo(f"claim {claim_id}: {status}")
    click.echo(f"  pages: {view['pages_done']} done / {view['pages_total']} total, {view['pages_failed']} failed "
               f"(text layer {view['pages_text_layer']}, OCR {view['pages_ocr']})")
    read_now, first, last = p.get("read_now", 0), p.get("read_first"), p.get("read_last")
    elapsed = p.get("elapsed_seconds", 0.0)
    if read_now:
        rate = f" ({read_now / elapsed:.2f} pages/s)" if elapsed >= 0.01 else ""
        line = f"  this run: {read_now} page(s) read in {elapsed} s end to end{rate}"
        parts = []
        if first and last and read_now > 1 and last > first:
            span = (last - first).total_seconds() * read_now / (read_now - 1)
            parts.append(f"reading {span:.1f} s ({read_now / span:.1f} pages/s)")
        if last and finished and finished >= last:
            parts.append(f"analysis {(finished - last).total_seconds():.1f} s")
        if finished and indexed_at and indexed_at >= finished:
            parts.append(f"indexing {(indexed_at - finished).total_seconds():.1f} s")
        click.echo(line + (": " + ", ".join(parts) if parts else ""))
    elif view["pages_total"]:
        click.echo(f"  this run: nothing new to read (all {view['pages_total']} page(s) were processed before)")
    index_status = p["index_status"]
    click.echo(f"  documents: {n_docs}   flags: {n_flags}   search index: {index_status}"
               + (f" ({p['index_error']})" if p.get("index_error") else ""))
    for f in view["files"]:
        pages = f"  ({f['pages_done']}/{f['page_count']} pages)" if f["page_count"] else ""
        click.echo(f"  {f['status']:>10}  {f['filename']}{pages}")
        for e in f["errors"]:
            where = f" page {e['page']}" if e.get("page") else ""
            click.echo(f"              {e['code']}{where}: {e['message']}")
    for filename, code, message in intake_errors:
        if not any(f["filename"] == filename for f in view["files"]):
            click.echo(f"      refused  {filename}: {code}: {message}")


def upload_status(view: dict[str, Any]) -> str:
    """done / partial / failed for this upload's files (ZIP archives count by their members)."""
    files = view["files"]
    processable = [f for f in files if f["kind"] != "zip"]
    if not files:
        return "failed"
    if all(f["status"] == "done" for f in files):
        return "done"
    if not processable or all(f["status"] == "failed" for f in processable):
        return "failed"
    return "partial"


def plain(fragment: str) -> str:
    """A search highlight for the terminal: matches in [brackets], entities decoded, one line."""
    text = fragment.replace("<mark>", "[").replace("</mark>", "]").replace("\n", " ")
    return html.unescape(text)


__all__ = ["PHASES", "plain", "print_ingest_summary", "render_progress", "upload_status", "upload_view",
           "wait_for_claim"]
