"""Signing in spends the same password work whether or not the user exists (claims/accounts.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from claims import accounts
from store.db import session_scope


def _scrypt_costs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, int, int]]:
    """Every scrypt computed from now on, as (n, r, p, digest length)."""
    calls: list[tuple[int, int, int, int]] = []
    real = hashlib.scrypt

    def recording(password: bytes, **kwargs: Any) -> bytes:
        calls.append((kwargs["n"], kwargs["r"], kwargs["p"], kwargs["dklen"]))
        return real(password, **kwargs)

    monkeypatch.setattr(hashlib, "scrypt", recording)
    return calls


def test_an_unknown_user_costs_the_scrypt_work_of_a_known_one(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with session_scope() as s:
        accounts.create_user(s, "drlee", "a long enough password 1", "physician")
    calls = _scrypt_costs(monkeypatch)
    with session_scope() as s:
        assert accounts.authenticate(s, "drlee", "a wrong password 22") is None
        assert accounts.authenticate(s, "nobody", "a wrong password 22") is None
        assert accounts.authenticate(s, "nobody", "a long enough password 1") is None
        assert accounts.authenticate(s, "drlee", "a long enough password 1") is not None
    assert len(calls) == 4
    assert len(set(calls)) == 1  # the same cost parameters and digest length for every attempt
