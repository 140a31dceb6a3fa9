"""A data dir made by an earlier version keeps working after an upgrade that adds columns."""

from pathlib import Path

from sqlalchemy import create_engine, inspect, text

from store.db import create_schema


def test_missing_columns_are_added_with_their_defaults(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    create_schema(engine)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE service_periods DROP COLUMN start_precision"))
        conn.execute(text("INSERT INTO service_periods (claim_id, file_id, page, end_precision) "
                          "VALUES ('c', 'f', 1, 'day')"))
    assert "start_precision" not in {c["name"] for c in inspect(engine).get_columns("service_periods")}
    create_schema(engine)
    assert "start_precision" in {c["name"] for c in inspect(engine).get_columns("service_periods")}
    with engine.connect() as conn:
        assert conn.execute(text("SELECT start_precision FROM service_periods")).scalar() == "day"


def test_upgrade_on_postgresql(postgres_url: str) -> None:
    from store.db import add_missing_columns, engine_for

    engine = engine_for(postgres_url)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE service_periods DROP COLUMN end_precision"))
    assert add_missing_columns(engine) == ["service_periods.end_precision"]
    assert add_missing_columns(engine) == []
