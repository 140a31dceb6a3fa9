"""Errors on a file or one of its pages, as the export schema lists them: one per (file, page, member,
code). `member` numbers a refused member of a ZIP, so each refused member keeps its own row."""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from config.settings import get_settings
from store.models import FileError

SERVER_PATH = "<server path>"
# Where the server's own files live; a path under one of these in a message is the server's business.
_SYSTEM_ROOTS = ("/tmp/", "/var/", "/usr/", "/opt/", "/srv/", "/home/", "/root/", "/app/", "/data/", "/proc/",
                 "/dev/", "/mnt/", "/run/")
_CODE_ROOT = str(Path(__file__).resolve().parents[1])


def _server_roots() -> list[str]:
    settings = get_settings()
    roots = {str(settings.data_dir), str(settings.resolved_model_dir), tempfile.gettempdir(), str(Path.home()),
             sys.prefix, sys.base_prefix, _CODE_ROOT, *_SYSTEM_ROOTS}
    return sorted((r for r in roots if r and r != "/"), key=len, reverse=True)


def public_message(message: str) -> str:
    """A message fit to show to users: the reason kept, every path on the server replaced (an exception's
    text often names the file it failed on: the blob store, a temp dir, the index)."""
    for root in _server_roots():
        message = re.sub(re.escape(root) + r"[^\s'\"(),;]*", SERVER_PATH, message)
    return message


def record_file_error(session: Session, file_id: str, page: int | None, code: str, message: str,
                      member: int | None = None) -> None:
    """One error per (file, page, member, code): a retried task re-records, never duplicates."""
    existing = session.scalar(
        select(FileError).where(FileError.file_id == file_id, FileError.page == page, FileError.member == member,
                                FileError.code == code)
    )
    message = public_message(message)
    if existing is None:
        session.add(FileError(file_id=file_id, page=page, member=member, code=code, message=message))
    else:
        existing.message = message
    session.flush()
