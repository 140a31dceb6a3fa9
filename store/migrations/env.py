"""Alembic environment: the connection comes from store/migrate.py (config.attributes["connection"])."""

from __future__ import annotations

from alembic import context

from store import auth_models  # noqa: F401 - its tables join Base.metadata
from store.models import Base

config = context.config
connection = config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()
