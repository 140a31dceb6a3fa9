"""Commands that process files: ingest, worker, demo (which alone may read samples/), retry."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from api.cli.common import cli_user, prepared_settings, refused
from api.cli.progress_display import print_ingest_summary, wait_for_claim
from api.cli.training import train_models
from claims.errors import UseCaseError
from claims.intake import add_uploads
from claims.page_results import requeue_claim
from claims.trained_models import model_status
from store.db import session_scope
from workers.embedded_runtime import EmbeddedRuntime, start_embedded_redis, worker_command, worker_env
from workers.queueing import CeleryWorkQueue


def require_models() -> None:
    """Processing needs the trained models: say so before anything is queued."""
    problem = model_status(prepared_settings(schema=False))
    if problem:
        raise click.ClickException(problem)


def run_ingest(paths: list[Path], claim_id: str, wait: bool = True, workers: bool | None = None,
               concurrency: int | None = None, quiet: bool = False) -> dict[str, Any]:
    settings = prepared_settings()
    require_models()
    uploads: list[tuple[str, Path]] = []
    for path in paths:
        if path.is_dir():
            uploads += [(str(q.relative_to(path.parent)), q) for q in sorted(path.rglob("*")) if q.is_file()]
        else:
            uploads.append((path.name, path))
    start_workers = settings.uses_embedded_broker if workers is None else workers
    with EmbeddedRuntime(settings, concurrency=concurrency, start_workers=start_workers and wait) as rt:
        try:
            with session_scope() as s:
                result = add_uploads(s, claim_id, uploads, created_by=cli_user())
        except UseCaseError as exc:
            raise refused(exc) from exc
        CeleryWorkQueue().ingest_files(result.queued_file_ids)
        if not quiet:
            click.echo(f"job {result.job_id}: {len(result.file_ids)} file(s), "
                       f"{len(result.queued_file_ids)} to process", err=True)
        if not wait:
            return {"job_id": result.job_id, "file_ids": result.file_ids}
        progress = wait_for_claim(claim_id, result.file_ids, quiet=quiet, runtime=rt)
    if not quiet:
        print_ingest_summary(progress, claim_id, result.errors)
    progress["job_id"] = result.job_id
    return progress


@click.command()
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


@click.command()
@click.option("--concurrency", type=int, default=None)
def worker(concurrency: int | None) -> None:
    """Run a Celery worker (starts the embedded Redis first when no broker URL is set)."""
    settings = prepared_settings()
    require_models()
    if settings.uses_embedded_broker:
        start_embedded_redis(settings)
    cmd = worker_command(concurrency or settings.effective_concurrency)
    os.execvpe(cmd[0], cmd, worker_env(settings))


@click.command()
def demo() -> None:
    """Generate the bundled sample claim file, ingest it, and print what was found."""
    from samples.make_sample_claim import write_sample_claim  # only demo, train and eval read samples/

    settings = prepared_settings()
    if model_status(settings):
        click.echo("no trained model in this data dir yet: training it first (about 10 s)", err=True)
        train_models(settings.resolved_model_dir, with_corrections=False)
    files = write_sample_claim(settings.data_dir / "sample")
    click.echo(f"sample claim file: {files.pdf}", err=True)
    run_ingest([files.pdf], "sample")
    click.echo("\nNext: claimdex summary sample | claimdex search 'antalgic gait' --claim sample"
               " | claimdex export sample")


@click.command()
@click.argument("claim_id")
@click.option("--wait/--no-wait", default=True)
@click.option("--failed/--no-failed", "include_failed", default=True,
              help="Also give failed pages fresh attempts (default), or only re-queue unfinished work.")
def retry(claim_id: str, wait: bool, include_failed: bool) -> None:
    """Queue a claim's unfinished work again: failed pages, pending pages, unstarted files."""
    settings = prepared_settings()
    require_models()
    with EmbeddedRuntime(settings, start_workers=settings.uses_embedded_broker and wait) as rt:
        n = requeue_claim(claim_id, CeleryWorkQueue(), include_failed=include_failed)
        click.echo(f"{n} page(s)/file(s) queued again", err=True)
        if wait and n:
            p = wait_for_claim(claim_id, [], runtime=rt)
            click.echo(f"claim {claim_id}: {p['status']}, {p['pages_failed']} page(s) still failed")
