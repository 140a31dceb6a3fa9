"""Deterministic ids (DESIGN.md §6): a retried task computes the same id and overwrites, never duplicates."""

from __future__ import annotations

import hashlib


def _digest(*parts: object, length: int = 24) -> str:
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode())
    return h.hexdigest()[:length]


def file_id_for(claim_id: str, sha256: str) -> str:
    """The same bytes in the same claim are one file; in another claim they are that claim's own file."""
    return "f_" + _digest(claim_id, sha256)


def page_id_for(file_id: str, page: int) -> str:
    return "p_" + _digest(file_id, page)


def document_id_for(file_id: str, first_page: int) -> str:
    return "d_" + _digest(file_id, first_page)


def encounter_id_for(document_id: str, first_page: int, start: int) -> str:
    return "e_" + _digest(document_id, first_page, start)


def flag_id_for(page_id: str, category: str, start: int, end: int) -> str:
    return "g_" + _digest(page_id, category, start, end)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
