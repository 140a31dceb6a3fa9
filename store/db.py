"""Engine and session factory, and whether the schema needs its migrations (store/migrate.py). SQLite
(embedded) and PostgreSQL (production) behind one URL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from config.settings import get_settings

# The newest migration in store/migrations/versions (tests/store/test_migrations.py checks it against
# Alembic's own reading of that folder): a database at it needs no migration and no Alembic import.
SCHEMA_HEAD = "0005"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # WAL lets the web server read while several worker processes write; busy_timeout makes
    # concurrent writers wait instead of failing with "database is locked". No request holds a write
    # transaction while it sends or receives a body (api/dependencies.Db, claims/audit.record_now), so a
    # writer waits only for other short transactions; the timeout covers a worker storing a large file's
    # analysis. Readers never block writers in WAL mode (pysqlite opens no transaction for a SELECT), and
    # journal_size_limit truncates the WAL after a checkpoint so a burst of writes does not keep the space.
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=60000")
    cur.execute("PRAGMA journal_size_limit=67108864")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """The engine of a database URL. Errors never quote a statement's parameters (hide_parameters):
    they are record text (a note, a page), and exception messages end up in logs and tracebacks."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        eng = create_engine(url, connect_args={"timeout": 60}, hide_parameters=True)
        event.listen(eng, "connect", _sqlite_pragmas)
    else:
        eng = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5, hide_parameters=True)
    return eng


def get_engine() -> Engine:
    return engine_for(get_settings().resolved_database_url)


def current_revision(engine: Engine) -> str | None:
    """The database's migration, or None for a database without one (new, or made by the first release)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def create_schema(engine: Engine | None = None) -> None:
    """Bring the database to the newest schema with the Alembic migrations (SQLite and PostgreSQL).

    Cheap when already at the head: one query, and Alembic (about 0.1-0.2 s to import, on the start-up
    path of every command and worker) is not even imported; store/migrate.py runs the migrations.
    """
    engine = engine or get_engine()
    if current_revision(engine) == SCHEMA_HEAD:
        return
    from store import migrate  # only when the schema is behind (a new or older database)

    migrate.upgrade(engine)


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A unit of work: commit on success, roll back on error."""
    factory = sessionmaker(bind=engine or get_engine(), expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
