"""Schema changes are Alembic migrations: a database made by the first release upgrades to the newest
schema without losing a row, on SQLite and on PostgreSQL; a new database gets every migration; and the
migrations describe exactly the tables the models declare."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from store import auth_models  # noqa: F401 - its tables join Base.metadata
from store.db import SCHEMA_HEAD, create_schema, current_revision, engine_for
from store.migrate import FIRST_RELEASE, head_revision
from store.models import Base

FIRST_RELEASE_DUMP = Path(__file__).parent / "fixtures" / "first_release.sql"


def _row_counts(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        tables = [t for t in inspect(conn).get_table_names() if t != "alembic_version"]
        return {t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() for t in tables}


def test_a_first_release_sqlite_database_upgrades_without_losing_a_row(tmp_path: Path) -> None:
    path = tmp_path / "claimdex.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(FIRST_RELEASE_DUMP.read_text())
    engine = create_engine(f"sqlite:///{path}")
    before = _row_counts(engine)
    assert current_revision(engine) is None and all(before.values()), before
    create_schema(engine)
    assert current_revision(engine) == head_revision()
    after = _row_counts(engine)
    assert {t: after[t] for t in before} == before
    with engine.connect() as conn:
        note = conn.execute(text("SELECT note FROM flags WHERE status = 'confirmed'")).scalar()
    assert note == "seen"  # a physician's review survives the upgrade
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    create_schema(engine)  # at the head: nothing to do
    assert _row_counts(engine) == after


def test_the_head_store_db_checks_without_alembic_is_alembic_s_head() -> None:
    assert head_revision() == SCHEMA_HEAD, "a new migration: set store.db.SCHEMA_HEAD to its revision"


def test_a_new_database_gets_every_migration_and_matches_the_models(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    create_schema(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], f"the models and the migrations disagree: write a migration for {diff}"


def test_a_first_release_postgresql_database_upgrades_without_losing_a_row(postgres_url: str) -> None:
    from alembic import command

    from store.migrate import _alembic_config

    # postgres_url's fixture made the newest schema; rebuild this database as the first release left it.
    engine = engine_for(postgres_url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), FIRST_RELEASE)
        conn.execute(text("DROP TABLE alembic_version"))  # the first release kept no migration record
        conn.execute(text("INSERT INTO claims (claim_id, created_at, index_status) VALUES ('rel1', now(), 'indexed')"))
        conn.execute(text("INSERT INTO files (file_id, claim_id, filename, sha256, size, kind, page_count, status, "
                          "created_at, updated_at) "
                          "VALUES ('f1', 'rel1', 'a.pdf', 'ab', 1, 'pdf', 1, 'done', now(), now())"))
        conn.execute(text("INSERT INTO flags (flag_id, claim_id, file_id, page_id, page_number, record_type, category, "
                          "text, sentence, start, \"end\", negated, historical, hypothetical, experiencer, status, "
                          "note, stale) VALUES ('g1', 'rel1', 'f1', 'p1', 1, 'other', 'gait', 'limp', 'A limp.', 2, 6, "
                          "false, false, false, 'patient', 'confirmed', 'seen', false)"))
    before = _row_counts(engine)
    create_schema(engine)
    assert current_revision(engine) == head_revision()
    after = _row_counts(engine)
    assert {t: after[t] for t in before} == before
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_a_0004_database_gains_the_page_type_cache_and_keeps_its_pages(tmp_path: Path) -> None:
    from alembic import command

    from store.migrate import _alembic_config

    engine = create_engine(f"sqlite:///{tmp_path / 'at-0004.sqlite3'}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0004")
        conn.execute(text("INSERT INTO claims (claim_id, created_at, index_status) "
                          "VALUES ('c1', '2026-01-01', 'indexed')"))
        conn.execute(text("INSERT INTO files (file_id, claim_id, filename, sha256, size, kind, page_count, status, "
                          "created_at, updated_at) VALUES ('f1', 'c1', 'a.pdf', 'ab', 1, 'pdf', 1, 'done', "
                          "'2026-01-01', '2026-01-01')"))
        conn.execute(text("INSERT INTO pages (page_id, file_id, claim_id, page_number, status, text, attempts, "
                          "rotation, flag_cache) VALUES ('p1', 'f1', 'c1', 1, 'done', 'A limp.', 1, 0, "
                          "'{\"format\": 1}')"))
    assert "type_cache" not in {c["name"] for c in inspect(engine).get_columns("pages")}
    create_schema(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        row = conn.execute(text("SELECT text, flag_cache, type_cache FROM pages WHERE page_id = 'p1'")).one()
    assert tuple(row) == ("A limp.", '{"format": 1}', None)  # no typing stored: the next analysis computes it
