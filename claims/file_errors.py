"""Errors on a file or one of its pages, as the export schema lists them: one per (file, page, member,
code). `member` numbers a refused member of a ZIP, so each refused member keeps its own row."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import FileError


def record_file_error(session: Session, file_id: str, page: int | None, code: str, message: str,
                      member: int | None = None) -> None:
    """One error per (file, page, member, code): a retried task re-records, never duplicates."""
    existing = session.scalar(
        select(FileError).where(FileError.file_id == file_id, FileError.page == page, FileError.member == member,
                                FileError.code == code)
    )
    if existing is None:
        session.add(FileError(file_id=file_id, page=page, member=member, code=code, message=message))
    else:
        existing.message = message
    session.flush()
