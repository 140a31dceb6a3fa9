"""Engine and session factory, and the schema's migrations. SQLite (embedded) and PostgreSQL
(production) behind one URL."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from config.settings import get_settings

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
FIRST_RELEASE = "0001"
# PostgreSQL advisory lock held while migrating (any number; the same in every process).
MIGRATION_LOCK_KEY = 7_304_221


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


def _alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def head_revision() -> str:
    """The newest migration in store/migrations/versions."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The database's migration, or None for a database without one (new, or made by the first release)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """One process migrates at a time (every worker and the server call create_schema at start)."""
    database = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    lock_path = Path(database).with_name(Path(database).name + ".migrate.lock")
    with open(lock_path, "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def create_schema(engine: Engine | None = None) -> None:
    """Bring the database to the newest schema with the Alembic migrations (SQLite and PostgreSQL).

    A new database gets every migration; a database made by the first release (tables, no migration
    record) is stamped at 0001 and upgraded from there. Cheap when already at the head: one query.
    """
    engine = engine or get_engine()
    if current_revision(engine) == head_revision():
        return
    with _migration_lock(engine), engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        config = _alembic_config(conn)
        tables = set(inspect(conn).get_table_names())
        if "alembic_version" not in tables and "claims" in tables:
            command.stamp(config, FIRST_RELEASE)
        command.upgrade(config, "head")


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
