"""SQL system of record (SQLAlchemy) and the content-addressed blob store."""
