"""The `claimdex` command line, grouped by job: processing files, reading a claim, operating the
service, users, training and evaluation.

Commands import what they need lazily where it is heavy (the web server, Celery's control API, the
evaluations), so `claimdex --help` and small commands start fast.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
from pathlib import Path

import click

from api.cli.common import EXIT_CODES_HELP
from api.cli.evals import eval_group
from api.cli.operations import correct, reindex, serve
from api.cli.processing import demo, ingest, retry, worker
from api.cli.reading import export, search, status, summary
from api.cli.training import train
from api.cli.users import user
from config.logging_config import configure_logging
from config.settings import get_settings, insecure_settings, reset_settings_cache
from store.data_dir import DataDirRefused, secure_data_dir
from store.db import get_engine
from workers.celery_app import apply_settings

# Commands that serve or process records: they refuse to start with the example's secrets.
SERVICES = ("serve", "worker")


def _leave_quickly() -> None:
    """At the command's exit: its database connections closed (SQLite folds its write-ahead log back, as
    the interpreter's own clean-up did), then everything the command made frozen out of the garbage
    collector's reach, so the interpreter's last collection does not walk it again: ~0.2 s of CPU at the
    end of every command (a fifth of a 1-page ingest's own work with a pool running)."""
    with contextlib.suppress(Exception):  # a command that failed on its settings has no engine to close
        get_engine().dispose()
    gc.freeze()


@click.group(epilog=EXIT_CODES_HELP)
@click.option("--data-dir", type=click.Path(path_type=Path), help="Overrides CLAIMDEX_DATA_DIR.")
@click.pass_context
def main(ctx: click.Context, data_dir: Path | None) -> None:
    """claimdex: the evidence engine behind VA disability nexus letters."""
    atexit.unregister(_leave_quickly)  # once per process, however many commands it runs (tests)
    atexit.register(_leave_quickly)
    if data_dir is not None:
        os.environ["CLAIMDEX_DATA_DIR"] = str(data_dir.resolve())
        reset_settings_cache()
        apply_settings()  # the Celery app was configured when the commands were imported
    configure_logging(os.environ.get("CLAIMDEX_LOG_LEVEL", "WARNING"))
    if ctx.invoked_subcommand in SERVICES:
        problems = insecure_settings(get_settings())
        if problems:
            raise click.ClickException("refusing to start with example secrets:\n  - " + "\n  - ".join(problems))
    data = get_settings().data_dir
    try:
        fixed = secure_data_dir(data)
    except DataDirRefused as exc:
        raise click.ClickException(str(exc)) from exc
    if fixed:
        click.echo(f"made {len(fixed)} path(s) in the data dir private (they were readable by other users): "
                   f"{', '.join(str(p) for p in fixed[:3])}{' ...' if len(fixed) > 3 else ''}", err=True)


for command in (ingest, worker, demo, retry, status, export, summary, search, serve, reindex, correct, train,
                user, eval_group):
    main.add_command(command)

__all__ = ["main"]
