"""Commands that operate the service: serve, reindex, correct."""

from __future__ import annotations

import threading

import click
from sqlalchemy import func, select

from api.cli.common import claimdex_command, cli_user, prepared_settings, refused
from claims.errors import UseCaseError
from claims.indexing import index_claim_pages, reindex_all, reindex_claim
from config.vocabulary import RECORD_TYPES
from indexers.base import SearchIndexUnavailable
from indexers.factory import get_search_index
from store.auth_models import User
from store.db import session_scope
from workers.embedded_runtime import EmbeddedRuntime, EmbeddedRuntimeError, terminate_on_signals

SUPERVISE_EVERY_S = 1.0


@click.command()
@click.option("--host", default="127.0.0.1")
@click.option("--port", type=int, default=8000)
@click.option("--workers/--no-workers", "with_workers", default=None,
              help="Run a local worker pool beside the server (default: yes with the embedded broker).")
def serve(host: str, port: int, with_workers: bool | None) -> None:
    """Run the provider web application and HTTP API.

    With the embedded broker it also runs (or shares) the private Redis and a worker pool, and stops
    them on Ctrl-C or SIGTERM unless another command still uses them.
    """
    import uvicorn  # the web server: loaded by this command only

    settings = prepared_settings()
    start = settings.uses_embedded_broker if with_workers is None else with_workers
    with session_scope() as s:
        users = s.scalar(select(func.count()).select_from(User)) or 0
    try:
        with terminate_on_signals(), EmbeddedRuntime(settings, start_workers=start) as runtime:
            stop = threading.Event()

            def supervise() -> None:
                # A Redis or pool that died is restarted; when the broker comes back, work accepted while
                # it was away ("processing starts when the queue is back") is queued from SQL.
                while not stop.wait(SUPERVISE_EVERY_S):
                    runtime.supervise()

            watcher = threading.Thread(target=supervise, name="runtime-supervisor", daemon=True)
            watcher.start()
            shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
            click.echo(f"claimdex is serving on http://{shown}:{port}/  (Ctrl-C to stop)", err=True)
            if not users:
                click.echo(f"no user yet: create one first with `{claimdex_command()} user add NAME --role staff` "
                           "(in another terminal), then sign in", err=True)
            try:
                uvicorn.run("api.app:create_app", factory=True, host=host, port=port, log_level="warning")
            finally:
                stop.set()
                watcher.join(timeout=5)
    except EmbeddedRuntimeError as exc:
        raise click.ClickException(str(exc)) from exc


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
    from claims.corrections import correct_document, reanalyse_file_now  # the analysis: this command only

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
