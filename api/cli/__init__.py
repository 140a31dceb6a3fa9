"""The `claimdex` command line, grouped by job: processing files, reading a claim, operating the
service, users, training and evaluation.

Commands import what they need lazily where it is heavy (the web server, Celery's control API, the
evaluations), so `claimdex --help` and small commands start fast.
"""

from __future__ import annotations

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
from config.settings import reset_settings_cache


@click.group(epilog=EXIT_CODES_HELP)
@click.option("--data-dir", type=click.Path(path_type=Path), help="Overrides CLAIMDEX_DATA_DIR.")
def main(data_dir: Path | None) -> None:
    """claimdex: the evidence engine behind VA disability nexus letters."""
    if data_dir is not None:
        os.environ["CLAIMDEX_DATA_DIR"] = str(data_dir.resolve())
        reset_settings_cache()
    configure_logging(os.environ.get("CLAIMDEX_LOG_LEVEL", "WARNING"))


for command in (ingest, worker, demo, retry, status, export, summary, search, serve, reindex, correct, train,
                user, eval_group):
    main.add_command(command)

__all__ = ["main"]
