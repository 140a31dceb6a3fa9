"""Commands that read a claim: status, export, summary, search."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from api.cli.common import prepared_settings, refused
from api.cli.progress_display import plain
from claims.errors import UseCaseError
from claims.evidence_brief import build_evidence_summary, render_summary_markdown
from claims.export import build_export
from claims.indexing import search_claim
from claims.progress import claim_progress
from config.settings import Settings
from config.vocabulary import FLAG_CATEGORIES, RECORD_TYPES
from indexers.base import SearchQuery
from indexers.factory import get_search_index
from store.db import session_scope
from store.models import Claim
from workers.embedded_runtime import broker_is_up, runtime_pids


def _queue_depth(settings: Settings) -> int | None:
    """Tasks waiting in the broker, or None when it does not answer (asked once, without retries)."""
    if not broker_is_up(settings):
        return None
    try:
        retry = Retry(NoBackoff(), 0)
        if settings.uses_embedded_broker:
            client = redis.Redis(unix_socket_path=str(settings.embedded_redis_socket), socket_timeout=2, retry=retry)
        else:
            client = redis.Redis.from_url(settings.broker_url, socket_timeout=2, retry=retry)
        return int(client.llen(settings.task_queue))
    except Exception:  # noqa: BLE001 - status must print even when the broker is down
        return None


def _queue_line(settings: Settings, depth: int | None, workers: list[str]) -> str:
    if depth is None:
        if settings.uses_embedded_broker:
            return ("queue: the private Redis is not running, so nothing is being processed now (queued work "
                    "is kept; `claimdex worker`, `serve` or `ingest` start it)")
        return "queue: the broker does not answer at CLAIMDEX_BROKER_URL, so nothing is being processed now"
    answering = f"{len(workers)} worker(s) answering" + (f" ({', '.join(workers)})" if workers else "")
    return f"queue: {depth} task(s) waiting; {answering}"


def _live_workers() -> list[str]:
    from workers.celery_app import app  # loads Celery: only when a broker answered

    try:
        return sorted(name for reply in app.control.ping(timeout=1.0) for name in reply)
    except Exception:  # noqa: BLE001 - status must print even when the broker is down
        return []


@click.command()
@click.argument("claim_id", required=False)
@click.option("--json", "as_json", is_flag=True)
def status(claim_id: str | None, as_json: bool) -> None:
    """Progress of one claim, or every claim with the queue depth and failures."""
    settings = prepared_settings()
    with session_scope() as s:
        ids = [claim_id] if claim_id else [c.claim_id for c in s.query(Claim).order_by(Claim.created_at)]
        try:
            progress = [claim_progress(s, cid) for cid in ids]
        except UseCaseError as exc:
            raise click.ClickException(f"no claim {claim_id}") from exc
    depth = _queue_depth(settings)
    workers = _live_workers() if depth is not None else []
    if as_json:
        click.echo(json.dumps({"queue_depth": depth, "workers": workers, "runtime": runtime_pids(settings),
                               "claims": progress}, indent=2, default=str))
        return
    click.echo(_queue_line(settings, depth, workers))
    for p in progress:
        phase = f" ({p['phase']})" if p["phase"] != p["status"] else ""
        click.echo(f"{p['claim_id']}: {p['status']}{phase}  {p['pages_done']}/{p['pages_total']} pages, "
                   f"{p['pages_failed']} failed, search index {p['index_status']}")
        for f in p["files"]:
            for e in f["errors"]:
                where = f" page {e['page']}" if e.get("page") else ""
                click.echo(f"    {f['filename']}{where}: {e['code']}: {e['message']}")


def _load_export(claim_id: str) -> dict[str, Any]:
    prepared_settings()
    with session_scope() as s:
        try:
            return build_export(s, claim_id)
        except UseCaseError as exc:
            raise click.ClickException(f"no claim {claim_id}") from exc


@click.command()
@click.argument("claim_id")
@click.option("--out", type=click.Path(path_type=Path), help="Write to a file instead of stdout.")
def export(claim_id: str, out: Path | None) -> None:
    """Print the claim as JSON valid against contracts/export.schema.json."""
    if out and not out.parent.is_dir():
        raise click.ClickException(f"cannot write {out}: the folder {out.parent} does not exist")
    text = json.dumps(_load_export(claim_id), indent=2, ensure_ascii=False)
    if out:
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise click.ClickException(f"cannot write {out}: {exc.strerror}") from exc
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text)


@click.command()
@click.argument("claim_id")
def summary(claim_id: str) -> None:
    """The evidence summary (Markdown): records reviewed, chronology, flags, nexus-letter checklist."""
    click.echo(render_summary_markdown(build_evidence_summary(_load_export(claim_id))))


@click.command()
@click.argument("query")
@click.option("--claim", "claim_id", required=True)
@click.option("--type", "record_types", multiple=True, type=click.Choice(RECORD_TYPES),
              help="Record type filter (repeatable).")
@click.option("--flag", "flags", multiple=True, type=click.Choice(FLAG_CATEGORIES),
              help="Flag category filter (repeatable).")
@click.option("--in-service/--post-service", "in_service", default=None)
@click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), default=None)
@click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), default=None)
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance")
@click.option("--size", type=int, default=20)
@click.option("--json", "as_json", is_flag=True)
def search(query: str, claim_id: str, record_types: tuple[str, ...], flags: tuple[str, ...],
           in_service: bool | None, date_from: Any, date_to: Any, sort: str, size: int, as_json: bool) -> None:
    """Search a claim's pages: page-level hits with citations and highlights."""
    prepared_settings()
    q = SearchQuery(claim_id=claim_id, text=query, record_types=list(record_types), flag_categories=list(flags),
                    in_service=in_service, date_from=date_from.date() if date_from else None,
                    date_to=date_to.date() if date_to else None, sort=sort, size=size)
    with session_scope() as s:
        if s.get(Claim, claim_id) is None:
            raise click.ClickException(f"no claim {claim_id} (`claimdex status` lists the claims)")
        try:
            result = search_claim(s, get_search_index(), q)
        except UseCaseError as exc:
            raise refused(exc) from exc
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    click.echo(f"{result['total']} page(s)")
    for h in result["hits"]:
        click.echo(f"- {h['filename']} p.{h['page']}  [{h['record_type']}, {h['date'] or 'undated'}]  "
                   f"score {h['score']:.2f}")
        for frag in h["highlights"][:2]:
            click.echo("    " + plain(frag))
