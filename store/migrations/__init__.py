"""Alembic migrations of the SQL schema (SQLite and PostgreSQL); store/db.py runs them."""
