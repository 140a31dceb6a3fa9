"""Commands that operate the service: serve, reindex, correct."""

from __future__ import annotations

import threading

import click

from api.cli.common import cli_user, prepared_settings, refused
from claims.corrections import correct_document, reanalyse_file_now
from claims.errors import UseCaseError
from claims.indexing import index_claim_pages, reindex_all, reindex_claim
from config.vocabulary import RECORD_TYPES
from indexers.base import SearchIndexUnavailable
from indexers.factory import get_search_index
from store.db import session_scope
from workers.embedded_runtime import EmbeddedRuntime


@click.command()
@click.option("--host", default="127.0.0.1")
@click.option("--port", type=int, default=8000)
@click.option("--workers/--no-workers", "with_workers", default=None,
              help="Run a local worker pool beside the server (default: yes with the embedded broker).")
def serve(host: str, port: int, with_workers: bool | None) -> None:
    """Run the provider web application and HTTP API."""
    import uvicorn  # the web server: loaded by this command only

    settings = prepared_settings()
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


@click.command()
@click.argument("claim_id", required=False)
def reindex(claim_id: str | None) -> None:
    """Rebuild the search index from SQL (one claim, or all)."""
    prepared_settings()
    index = get_search_index()
    with session_scope() as s:
        n = reindex_claim(s, index, claim_id) if claim_id else reindex_all(s, index)
    click.echo(f"reindexed {n} page(s)")


@click.command()
@click.argument("claim_id")
@click.option("--file", "file_ref", required=True, help="The file's name as uploaded, or its id (`claimdex export`).")
@click.option("--page", type=int, required=True)
@click.option("--type", "record_type", type=click.Choice(RECORD_TYPES), default=None,
              help="Set the record type of the document holding PAGE.")
@click.option("--split", is_flag=True, help="A new document starts at PAGE.")
@click.option("--merge", is_flag=True, help="PAGE continues the previous document.")
def correct(claim_id: str, file_ref: str, page: int, record_type: str | None, split: bool, merge: bool) -> None:
    """Record a provider's correction of a document's type or boundary, and re-segment the file."""
    prepared_settings()
    kinds = [k for k, on in (("type", record_type is not None), ("split", split), ("merge", merge)) if on]
    if len(kinds) != 1:
        raise click.UsageError("give exactly one of --type T, --split, --merge")
    try:
        with session_scope() as s:
            done = correct_document(s, cli_user(), claim_id, file_ref, page, kinds[0], record_type)
            reanalyse_file_now(s, done.file_id)
    except UseCaseError as exc:
        raise refused(exc) from exc
    try:
        with session_scope() as s:
            index_claim_pages(s, get_search_index(), claim_id)
    except SearchIndexUnavailable:
        click.echo("search index unavailable: run `claimdex reindex` when it is back", err=True)
    click.echo(f"correction recorded; file {done.file_id} re-segmented")
