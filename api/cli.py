"""The `claimdex` command line: ingest, watch, export, search, review tooling and operations."""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

import click

from config.settings import Settings, get_settings


def _settings() -> Settings:
    settings = get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return settings


def _schema() -> None:
    from store.db import create_schema

    create_schema()


@click.group()
@click.option("--data-dir", type=click.Path(path_type=Path), help="Overrides CLAIMDEX_DATA_DIR.")
def main(data_dir: Path | None) -> None:
    """claimdex: the evidence engine behind VA disability nexus letters."""
    if data_dir is not None:
        os.environ["CLAIMDEX_DATA_DIR"] = str(data_dir.resolve())
        from config.settings import reset_settings_cache

        reset_settings_cache()
    from config.logging_config import configure_logging

    configure_logging(os.environ.get("CLAIMDEX_LOG_LEVEL", "WARNING"))


# ---------------------------------------------------------------- ingest


def _render_progress(p: dict[str, Any], started: float) -> str:
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
    from api.export import claim_progress
    from store.db import session_scope
    from store.models import Claim, SourceFile

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
            from workers.tasks import requeue_claim

            n = requeue_claim(claim_id, include_failed=False)
            click.echo(f"\nno progress for {stall_limit} s: re-queued {n} unfinished item(s)", err=True)
            last_change = now
        if not quiet and (tty or now - last_line > 5 or finished):
            line = _render_progress(sub, started)
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


def _print_ingest_summary(p: dict[str, Any], claim_id: str, intake_errors: list[tuple[str, str, str]]) -> None:
    from store.db import session_scope
    from store.models import Document, Flag, Page

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


def run_ingest(paths: list[Path], claim_id: str, wait: bool = True, workers: bool | None = None,
               concurrency: int | None = None, quiet: bool = False) -> dict[str, Any]:
    from store.db import session_scope
    from workers.embedded_runtime import EmbeddedRuntime
    from workers.intake import add_uploads, enqueue_files

    settings = _settings()
    _schema()
    uploads: list[tuple[str, Path]] = []
    for path in paths:
        if path.is_dir():
            uploads += [(str(q.relative_to(path.parent)), q) for q in sorted(path.rglob("*")) if q.is_file()]
        else:
            uploads.append((path.name, path))
    start_workers = settings.uses_embedded_broker if workers is None else workers
    with EmbeddedRuntime(settings, concurrency=concurrency, start_workers=start_workers and wait) as rt:
        with session_scope() as s:
            result = add_uploads(s, claim_id, uploads, created_by=os.environ.get("USER", "cli"))
        enqueue_files(result.queued_file_ids)
        if not quiet:
            click.echo(f"job {result.job_id}: {len(result.file_ids)} file(s), "
                       f"{len(result.queued_file_ids)} to process", err=True)
        if not wait:
            return {"job_id": result.job_id, "file_ids": result.file_ids}
        progress = wait_for_claim(claim_id, result.file_ids, quiet=quiet, runtime=rt)
    if not quiet:
        _print_ingest_summary(progress, claim_id, result.errors)
    progress["job_id"] = result.job_id
    return progress


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--claim", "claim_id", required=True, help="Claim id (created if new).")
@click.option("--wait/--no-wait", default=True, help="Wait with a progress bar (default) or return at once.")
@click.option("--workers/--no-workers", default=None,
              help="Start a local worker pool for this command (default: yes with the embedded broker).")
@click.option("--concurrency", type=int, default=None, help="Worker processes (default: one per core).")
def ingest(paths: tuple[Path, ...], claim_id: str, wait: bool, workers: bool | None,
           concurrency: int | None) -> None:
    """Queue PDFs, TIFFs, images, ZIPs or folders of them into a claim and process every page."""
    p = run_ingest(list(paths), claim_id, wait=wait, workers=workers, concurrency=concurrency)
    if wait and p.get("status") == "failed":
        sys.exit(2)


@main.command()
@click.option("--concurrency", type=int, default=None)
def worker(concurrency: int | None) -> None:
    """Run a Celery worker (starts the embedded Redis first when no broker URL is set)."""
    from workers.embedded_runtime import start_embedded_redis, worker_command, worker_env

    settings = _settings()
    _schema()
    if settings.uses_embedded_broker:
        start_embedded_redis(settings)
    cmd = worker_command(concurrency or settings.effective_concurrency)
    os.execvpe(cmd[0], cmd, worker_env(settings))


@main.command()
def demo() -> None:
    """Generate the bundled sample claim file, ingest it, and print what was found."""
    from samples.make_sample_claim import write_sample_claim

    settings = _settings()
    files = write_sample_claim(settings.data_dir / "sample")
    click.echo(f"sample claim file: {files.pdf}", err=True)
    run_ingest([files.pdf], "sample")
    click.echo("\nNext: claimdex summary sample | claimdex search 'antalgic gait' --claim sample"
               " | claimdex export sample")


# ---------------------------------------------------------------- read


def _queue_depth(settings: Settings) -> int | None:
    import redis

    from workers.embedded_runtime import redis_is_up

    try:
        if settings.uses_embedded_broker:
            if not redis_is_up(settings.embedded_redis_socket):
                return None
            client = redis.Redis(unix_socket_path=str(settings.embedded_redis_socket), socket_timeout=2)
        else:
            client = redis.Redis.from_url(settings.broker_url, socket_timeout=2)
        return int(client.llen(settings.task_queue))
    except Exception:  # noqa: BLE001 - status must print even when the broker is down
        return None


def _live_workers() -> list[str]:
    from workers.celery_app import app

    try:
        return sorted(name for reply in app.control.ping(timeout=1.0) for name in reply)
    except Exception:  # noqa: BLE001 - status must print even when the broker is down
        return []


@main.command()
@click.argument("claim_id", required=False)
@click.option("--json", "as_json", is_flag=True)
def status(claim_id: str | None, as_json: bool) -> None:
    """Progress of one claim, or every claim with the queue depth and failures."""
    from api.export import ClaimNotFound, claim_progress
    from store.db import session_scope
    from store.models import Claim

    settings = _settings()
    _schema()
    with session_scope() as s:
        ids = [claim_id] if claim_id else [c.claim_id for c in s.query(Claim).order_by(Claim.created_at)]
        try:
            progress = [claim_progress(s, cid) for cid in ids]
        except ClaimNotFound as exc:
            raise click.ClickException(f"no claim {exc}") from exc
    depth = _queue_depth(settings)
    workers = _live_workers() if depth is not None else []
    if as_json:
        click.echo(json.dumps({"queue_depth": depth, "workers": workers, "claims": progress}, indent=2))
        return
    click.echo(f"queue: {depth if depth is not None else 'broker not running'} task(s) waiting; "
               f"{len(workers)} worker(s) answering" + (f" ({', '.join(workers)})" if workers else ""))
    for p in progress:
        click.echo(f"{p['claim_id']}: {p['status']}  {p['pages_done']}/{p['pages_total']} pages, "
                   f"{p['pages_failed']} failed, index {p['index_status']}")
        for f in p["files"]:
            for e in f["errors"]:
                where = f" page {e['page']}" if e.get("page") else ""
                click.echo(f"    {f['filename']}{where}: {e['code']}: {e['message']}")


def _load_export(claim_id: str) -> dict[str, Any]:
    from api.export import ClaimNotFound, build_export
    from store.db import session_scope

    _settings()
    _schema()
    with session_scope() as s:
        try:
            return build_export(s, claim_id)
        except ClaimNotFound as exc:
            raise click.ClickException(f"no claim {claim_id}") from exc


@main.command()
@click.argument("claim_id")
@click.option("--out", type=click.Path(path_type=Path), help="Write to a file instead of stdout.")
def export(claim_id: str, out: Path | None) -> None:
    """Print the claim as JSON valid against contracts/export.schema.json."""
    text = json.dumps(_load_export(claim_id), indent=2, ensure_ascii=False)
    if out:
        out.write_text(text)
    else:
        click.echo(text)


@main.command()
@click.argument("claim_id")
def summary(claim_id: str) -> None:
    """The evidence summary (Markdown): records reviewed, chronology, flags, nexus-letter checklist."""
    from api.evidence_summary import build_evidence_summary, render_summary_markdown

    click.echo(render_summary_markdown(build_evidence_summary(_load_export(claim_id))))


@main.command()
@click.argument("query")
@click.option("--claim", "claim_id", required=True)
@click.option("--type", "record_types", multiple=True, help="Record type filter (repeatable).")
@click.option("--flag", "flags", multiple=True, help="Flag category filter (repeatable).")
@click.option("--in-service/--post-service", "in_service", default=None)
@click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), default=None)
@click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), default=None)
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance")
@click.option("--size", type=int, default=20)
@click.option("--json", "as_json", is_flag=True)
def search(query: str, claim_id: str, record_types: tuple[str, ...], flags: tuple[str, ...],
           in_service: bool | None, date_from: Any, date_to: Any, sort: str, size: int, as_json: bool) -> None:
    """Search a claim's pages: page-level hits with citations and highlights."""
    from indexers.base import SearchQuery
    from indexers.factory import get_search_index

    _settings()
    q = SearchQuery(claim_id=claim_id, text=query, record_types=list(record_types), flag_categories=list(flags),
                    in_service=in_service, date_from=date_from.date() if date_from else None,
                    date_to=date_to.date() if date_to else None, sort=sort, size=size)
    result = get_search_index().search(q)
    if as_json:
        click.echo(json.dumps(result.to_json(), indent=2))
        return
    click.echo(f"{result.total} page(s)")
    for h in result.hits:
        date = h.date.isoformat() if h.date else "undated"
        click.echo(f"- {h.filename} p.{h.page}  [{h.record_type}, {date}]  score {h.score:.2f}")
        for frag in h.highlights[:2]:
            click.echo("    " + frag.replace("<mark>", "[").replace("</mark>", "]").replace("\n", " "))


# ---------------------------------------------------------------- operate


@main.command()
@click.argument("claim_id", required=False)
def reindex(claim_id: str | None) -> None:
    """Rebuild the search index from SQL (one claim, or all)."""
    from indexers.factory import get_search_index
    from indexers.page_documents import reindex_all, reindex_claim
    from store.db import session_scope

    _settings()
    _schema()
    index = get_search_index()
    with session_scope() as s:
        n = reindex_claim(s, index, claim_id) if claim_id else reindex_all(s, index)
    click.echo(f"reindexed {n} page(s)")


@main.command()
@click.argument("claim_id")
@click.option("--wait/--no-wait", default=True)
@click.option("--failed/--no-failed", "include_failed", default=True,
              help="Also give failed pages fresh attempts (default), or only re-queue unfinished work.")
def retry(claim_id: str, wait: bool, include_failed: bool) -> None:
    """Queue a claim's unfinished work again: failed pages, pending pages, unstarted files."""
    from workers.embedded_runtime import EmbeddedRuntime
    from workers.tasks import requeue_claim

    settings = _settings()
    _schema()
    with EmbeddedRuntime(settings, start_workers=settings.uses_embedded_broker and wait) as rt:
        n = requeue_claim(claim_id, include_failed=include_failed)
        click.echo(f"{n} page(s)/file(s) queued again", err=True)
        if wait and n:
            p = wait_for_claim(claim_id, [], runtime=rt)
            click.echo(f"claim {claim_id}: {p['status']}, {p['pages_failed']} page(s) still failed")


@main.command()
@click.argument("claim_id")
@click.option("--file", "file_id", required=True, help="file id (see `claimdex export`).")
@click.option("--page", type=int, required=True)
@click.option("--type", "record_type", default=None, help="Set the record type of the document at PAGE.")
@click.option("--split", is_flag=True, help="A new document starts at PAGE.")
@click.option("--merge", is_flag=True, help="PAGE continues the previous document.")
def correct(claim_id: str, file_id: str, page: int, record_type: str | None, split: bool, merge: bool) -> None:
    """Record a provider's correction of a document's type or boundary, and re-segment the file."""
    from store.db import session_scope
    from store.models import DocumentCorrection, SourceFile
    from workers.file_analysis import analyse_file

    _settings()
    _schema()
    kinds = [k for k, on in (("type", record_type is not None), ("split", split), ("merge", merge)) if on]
    if len(kinds) != 1:
        raise click.UsageError("give exactly one of --type T, --split, --merge")
    with session_scope() as s:
        f = s.get(SourceFile, file_id)
        if f is None or f.claim_id != claim_id:
            raise click.ClickException(f"no file {file_id} in claim {claim_id}")
        s.add(DocumentCorrection(file_id=file_id, kind=kinds[0], page=page, record_type=record_type,
                                 created_by=os.environ.get("USER", "cli")))
        s.flush()
        analyse_file(s, f)
    click.echo(f"correction recorded; file {file_id} re-segmented")


@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the model artifacts (default: CLAIMDEX_MODEL_DIR, else DATA_DIR/models).")
@click.option("--corrections/--no-corrections", default=True,
              help="Also learn from providers' type corrections in this data dir's database (default).")
def train(out_dir: Path | None, corrections: bool) -> None:
    """Build the model artifacts the pipeline reads: the generated corpus plus providers' corrections."""
    from claims.record_type_training import correction_examples, train_record_type_model
    from claims.trained_models import save_record_type_model
    from samples.record_corpus import training_examples
    from store.db import session_scope

    settings = _settings()
    extra = []
    if corrections:
        _schema()
        with session_scope() as s:
            extra = correction_examples(s)
    model = train_record_type_model(training_examples() + extra)
    path = save_record_type_model(out_dir or settings.resolved_model_dir, model)
    click.echo(f"trained on the generated corpus + {len(extra)} corrected page(s); saved to {path.parent}")


@main.group(name="eval")
def eval_group() -> None:
    """Quality evaluations over the generated labelled corpora and the NegEx kit."""


@eval_group.command(name="classify")
@click.option("--ocr-pages", type=int, default=None)
def eval_classify(ocr_pages: int | None) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.eval_classify import main as run

    run(["--ocr-pages", str(ocr_pages)] if ocr_pages is not None else [])


@eval_group.command(name="flags")
def eval_flags() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.eval_flags import main as run

    run([])


@eval_group.command(name="negex")
@click.option("--path", type=click.Path(exists=True, path_type=Path), default=None)
def eval_negex(path: Path | None) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.eval_negex import main as run

    run(["--path", str(path)] if path else [])


@main.command()
@click.option("--host", default="127.0.0.1")
@click.option("--port", type=int, default=8000)
@click.option("--workers/--no-workers", "with_workers", default=None,
              help="Run a local worker pool beside the server (default: yes with the embedded broker).")
def serve(host: str, port: int, with_workers: bool | None) -> None:
    """Run the provider web application and HTTP API."""
    import uvicorn

    from workers.embedded_runtime import EmbeddedRuntime

    settings = _settings()
    _schema()
    start = settings.uses_embedded_broker if with_workers is None else with_workers
    with EmbeddedRuntime(settings, start_workers=start) as runtime:
        stop = threading.Event()

        def watch_pool() -> None:
            # A pool killed from outside (OOM killer, a stray signal) is restarted; its queued and
            # unacknowledged work is redelivered to the new one.
            while not stop.wait(5):
                runtime.ensure_worker_alive()

        watcher = threading.Thread(target=watch_pool, name="pool-watchdog", daemon=True)
        watcher.start()
        try:
            uvicorn.run("api.app:create_app", factory=True, host=host, port=port, log_level="warning")
        finally:
            stop.set()


@main.group()
def user() -> None:
    """Manage users, API tokens and claim access."""


@user.command(name="add")
@click.argument("username")
@click.option("--role", type=click.Choice(["staff", "physician"]), required=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
def user_add(username: str, role: str, password: str) -> None:
    from api.auth import create_user
    from store.db import session_scope

    _settings()
    _schema()
    try:
        with session_scope() as s:
            create_user(s, username, password, role)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"user {username} ({role}) created")


@user.command(name="token")
@click.argument("username")
@click.option("--label", default="cli")
def user_token(username: str, label: str) -> None:
    from api.auth import create_api_token
    from store.db import session_scope

    _settings()
    _schema()
    try:
        with session_scope() as s:
            token = create_api_token(s, username, label)
    except LookupError as exc:
        raise click.ClickException(f"no user {username}") from exc
    click.echo(token)


@user.command(name="grant")
@click.argument("username")
@click.argument("claim_id")
def user_grant(username: str, claim_id: str) -> None:
    from api.access import grant_claim
    from store.db import session_scope

    _settings()
    _schema()
    try:
        with session_scope() as s:
            grant_claim(s, username, claim_id)
    except (LookupError, ValueError) as exc:
        raise click.ClickException(str(exc) or f"no user {username}") from exc
    click.echo(f"{username} may now open claim {claim_id}")


if __name__ == "__main__":
    main()
