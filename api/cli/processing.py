"""Commands that process files: ingest, worker, demo (which alone may read samples/), retry."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from api.cli.common import (
    EXIT_CODES_HELP,
    activate_hint,
    claimdex_command,
    cli_user,
    exit_code_for,
    model_files_problem,
    prepared_settings,
    refused,
)
from api.cli.progress_display import print_ingest_summary, upload_status, upload_view, wait_for_claim
from claims.errors import UseCaseError
from claims.intake import add_uploads
from claims.page_results import requeue_claim
from claims.progress import claim_progress
from config.settings import Settings
from store.db import create_schema, session_scope
from workers.embedded_runtime import EmbeddedRuntime, EmbeddedRuntimeError, runtime_pids, terminate_on_signals
from workers.queueing import CeleryWorkQueue


def require_models(settings: Settings) -> None:
    """Processing needs the trained models: say so before anything is queued."""
    problem = model_files_problem(settings)
    if problem:
        raise click.ClickException(problem)


def _uploads(paths: list[Path]) -> list[tuple[str, Path]]:
    uploads: list[tuple[str, Path]] = []
    for path in paths:
        if path.is_dir():
            uploads += [(str(q.relative_to(path.parent)), q) for q in sorted(path.rglob("*")) if q.is_file()]
        else:
            uploads.append((path.name, path))
    return uploads


def run_ingest(paths: list[Path], claim_id: str, wait: bool = True, workers: bool | None = None,
               concurrency: int | None = None, quiet: bool = False) -> dict[str, Any]:
    """Store the files in the claim, queue them, and (by default) wait with progress in phases.

    The runtime (private Redis, worker pool) is started first, or found running and shared, so the
    pool boots while the files are stored.
    """
    settings = prepared_settings(schema=False)
    require_models(settings)
    uploads = _uploads(paths)
    start_workers = settings.uses_embedded_broker if workers is None else workers
    with terminate_on_signals(), _runtime(settings, concurrency, start_workers and wait) as rt:
        create_schema()
        try:
            with session_scope() as s:
                result = add_uploads(s, claim_id, uploads, created_by=cli_user())
        except UseCaseError as exc:
            raise refused(exc) from exc
        CeleryWorkQueue().ingest_files(result.queued_file_ids)
        if not quiet:
            note = " (using the worker pool already running)" if rt.reused_pool and rt.start_workers else ""
            click.echo(f"claim {claim_id}, job {result.job_id}: {len(result.file_ids)} file(s), "
                       f"{len(result.queued_file_ids)} to process{note}", err=True)
        if not wait:
            return {"job_id": result.job_id, "file_ids": result.file_ids}
        if result.queued_file_ids and settings.uses_embedded_broker and not runtime_pids(settings)["pool"] \
                and not quiet:
            click.echo(f"no worker pool is running for this data dir: start `{claimdex_command()} worker` "
                       "(or run ingest without --no-workers); waiting", err=True)
        if result.queued_file_ids:
            progress = wait_for_claim(claim_id, result.file_ids, quiet=quiet, runtime=rt)
        else:  # nothing can be processed (refused at intake, or already done): the answer is now
            with session_scope() as s:
                progress = claim_progress(s, claim_id) if result.file_ids else _empty(claim_id)
            progress["upload"] = upload_view(progress, set(result.file_ids)) if result.file_ids else \
                upload_view({"files": []}, set())
    if not quiet:
        print_ingest_summary(progress, claim_id, result.errors)
    progress["job_id"] = result.job_id
    progress["upload_status"] = _final_status(progress, result.errors)
    return progress


def _runtime(settings: Settings, concurrency: int | None, start_workers: bool) -> EmbeddedRuntime:
    return EmbeddedRuntime(settings, concurrency=concurrency, start_workers=start_workers)


def _empty(claim_id: str) -> dict[str, Any]:
    return {"claim_id": claim_id, "status": "failed", "files": [], "pages_total": 0, "pages_done": 0,
            "pages_failed": 0, "index_status": "nothing to index", "index_error": None}


def _final_status(progress: dict[str, Any], intake_errors: list[tuple[str, str, str]]) -> str:
    view = progress["upload"]
    if not view["files"]:
        return "failed" if intake_errors else "done"
    status = upload_status(view)
    return "partial" if status == "done" and intake_errors else status


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--claim", "claim_id", required=True, help="Claim id (created if new).")
@click.option("--wait/--no-wait", default=True, help="Wait with progress in phases (default) or return at once.")
@click.option("--workers/--no-workers", default=None,
              help="Run a worker pool for this command (default: yes with the embedded broker; a pool "
                   "already running for this data dir, e.g. `claimdex worker` or `serve`, is used instead).")
@click.option("--concurrency", type=int, default=None, help="Worker processes (default: one per core).")
def ingest(paths: tuple[Path, ...], claim_id: str, wait: bool, workers: bool | None,
           concurrency: int | None) -> None:
    """Queue PDFs, TIFFs, images, ZIPs or folders of them into a claim and process every page."""
    try:
        p = run_ingest(list(paths), claim_id, wait=wait, workers=workers, concurrency=concurrency)
    except EmbeddedRuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    if wait:
        sys.exit(exit_code_for(p["upload_status"]))


@click.command()
@click.option("--concurrency", type=int, default=None)
def worker(concurrency: int | None) -> None:
    """Run a worker pool (starting the embedded Redis first when no broker URL is set) until stopped.

    Other commands on this data dir (ingest, retry, serve) use this pool instead of starting their own.
    SIGTERM or Ctrl-C: tasks under way finish, then the pool and the Redis it started stop (the Redis
    only when no other command still uses it).
    """
    settings = prepared_settings()
    require_models(settings)
    try:
        with terminate_on_signals(), EmbeddedRuntime(settings, start_workers=False) as rt:
            code = rt.run_worker(concurrency or settings.effective_concurrency)
    except EmbeddedRuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    sys.exit(code)


@click.command(epilog=EXIT_CODES_HELP)
def demo() -> None:
    """Generate the bundled sample claim file, ingest it as claim `sample`, and print what was found."""
    from api.cli.training import train_models
    from samples.make_sample_claim import write_sample_claim  # only demo, train and eval read samples/

    settings = prepared_settings()
    if model_files_problem(settings):
        click.echo("no trained model in this data dir yet: training it first (about 10 s)", err=True)
        train_models(settings.resolved_model_dir, with_corrections=False)
    files = write_sample_claim(settings.data_dir / "sample")
    click.echo(f"sample claim file: {files.pdf}\nclaim id: sample", err=True)
    try:
        p = run_ingest([files.pdf], "sample")
    except EmbeddedRuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo("\n" + next_steps("sample"))
    sys.exit(exit_code_for(p["upload_status"]))


def next_steps(claim_id: str) -> str:
    cmd = claimdex_command()
    lines = [f"Next, with claim id `{claim_id}`:",
             f"  {cmd} summary {claim_id}",
             f"  {cmd} search 'antalgic gait' --claim {claim_id}",
             f"  {cmd} export {claim_id} --out {claim_id}.json",
             f"  {cmd} user add admin --role staff  &&  {cmd} serve   # then open the web page it prints"]
    hint = activate_hint()
    return "\n".join(lines + ([hint] if hint else []))


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("claim_id")
@click.option("--wait/--no-wait", default=True)
@click.option("--failed/--no-failed", "include_failed", default=True,
              help="Also give failed pages fresh attempts (default), or only re-queue unfinished work.")
def retry(claim_id: str, wait: bool, include_failed: bool) -> None:
    """Queue a claim's unfinished work again: failed pages, pending pages, unstarted files."""
    settings = prepared_settings()
    require_models(settings)
    with session_scope() as s:
        try:
            claim_progress(s, claim_id)
        except UseCaseError as exc:
            raise click.ClickException(f"no claim {claim_id}") from exc
    try:
        with terminate_on_signals(), EmbeddedRuntime(settings, start_workers=settings.uses_embedded_broker and wait
                                                     ) as rt:
            n = requeue_claim(claim_id, CeleryWorkQueue(), include_failed=include_failed)
            click.echo(f"{n} page(s)/file(s) queued again", err=True)
            if not (wait and n):
                return
            p = wait_for_claim(claim_id, [], runtime=rt)
    except EmbeddedRuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"claim {claim_id}: {p['status']}, {p['pages_failed']} page(s) still failed")
    sys.exit(exit_code_for(p["status"]))
