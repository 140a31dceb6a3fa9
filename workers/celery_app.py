"""The Celery application. Workers import this module; tasks live in workers.tasks."""

from __future__ import annotations

import os

from celery import Celery
from celery.signals import worker_init, worker_process_init

from config.celery_config import celery_config
from config.logging_config import configure_logging
from config.settings import get_settings
from store.db import create_schema, get_engine

# Tesseract must not spawn a thread per core inside each of our per-core worker processes.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def make_celery_app() -> Celery:
    app = Celery("claimdex")
    app.conf.update(celery_config(get_settings()))
    app.conf.include = ["workers.tasks"]
    return app


app = make_celery_app()


def apply_settings() -> None:
    """Configure the app again from the settings as they are now: a command that changes them after this
    module was imported (`claimdex --data-dir X ...`) must reach that data dir's broker, not the default's."""
    app.conf.update(celery_config(get_settings()))


@worker_init.connect
def _prepare_database(**_kwargs: object) -> None:
    configure_logging(get_settings().log_level)
    create_schema()


@worker_process_init.connect
def _fresh_connections_after_fork(**_kwargs: object) -> None:
    # A forked child must not reuse the parent's pooled database connections.
    get_engine().dispose(close=False)
