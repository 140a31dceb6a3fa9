"""Finding 4 of issue 14: PHI world-readable on disk. A fresh data dir was 755 and the SQLite database,
its WAL, the search index, worker.log and redis.log were 644. Every entry point (the CLI, which serve and
worker go through; the app factory) now makes the data dir private whatever the umask: new files 0600,
folders 0700, and what an earlier run left readable is fixed, and said so."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LEGACY_FILES = ("claimdex.sqlite3", "search.sqlite3", "worker.log", "redis.log", "secret_key",
                "appendonlydir/appendonly.aof.1.incr.aof", "blobs/ab/ab12cd", "page_images/ab/ab12cd-1-r0-100.png",
                "incoming/tmpx/part-00000", "models/record_type_model.npz")


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _open_to_others(root: Path) -> list[str]:
    paths = [root, *root.rglob("*")]
    return [f"{p.relative_to(root.parent)} {stat.filemode(p.lstat().st_mode)}" for p in paths
            if not p.is_symlink() and p.lstat().st_mode & 0o077]


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMDEX_DATA")}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run([sys.executable, "-m", "api.cli", "--data-dir", str(data_dir), *args], cwd=REPO,
                          capture_output=True, text=True, timeout=120, env=env)


def test_a_fresh_data_dir_is_private_whatever_the_umask(tmp_path: Path, loose_umask: None) -> None:
    data_dir = tmp_path / "fresh"
    run = _cli(data_dir, "user", "list")
    assert run.returncode == 0, run.stderr
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert (data_dir / "claimdex.sqlite3").is_file()
    assert _open_to_others(data_dir) == []


def test_an_old_data_dir_left_readable_is_fixed_at_start_and_said_so(tmp_path: Path, loose_umask: None) -> None:
    data_dir = tmp_path / "old"
    for name in LEGACY_FILES:
        path = data_dir / name
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o755)
        path.write_bytes(b"" if name.endswith("sqlite3") else b"x")
    for p in [data_dir, *data_dir.rglob("*")]:
        p.chmod(0o755 if p.is_dir() else 0o644)
    run = _cli(data_dir, "user", "list")
    assert run.returncode == 0, run.stderr
    assert _open_to_others(data_dir) == []
    assert f"made {len(LEGACY_FILES) + 9} path(s) in the data dir private" in run.stderr


def test_the_server_makes_its_files_private_sqlite_wal_and_shm_included(tmp_path: Path, loose_umask: None,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from api.app import create_app
    from config.settings import reset_settings_cache
    from store.db import engine_for, get_engine

    data_dir = tmp_path / "served"
    monkeypatch.setenv("CLAIMDEX_DATA_DIR", str(data_dir))
    monkeypatch.delenv("CLAIMDEX_DATABASE_URL", raising=False)
    reset_settings_cache()
    try:
        create_app()
        with get_engine().connect() as conn:  # an open connection keeps the WAL and SHM files
            conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS t (x)")
            conn.exec_driver_sql("INSERT INTO t VALUES (1)")
            conn.commit()
            assert {"claimdex.sqlite3-wal", "claimdex.sqlite3-shm"} <= {p.name for p in data_dir.iterdir()}
            assert _open_to_others(data_dir) == []
            with sqlite3.connect(data_dir / "search.sqlite3") as index:  # created later, by another module
                index.execute("CREATE TABLE IF NOT EXISTS x (y)")
            assert _open_to_others(data_dir) == []
    finally:
        get_engine().dispose()
        engine_for.cache_clear()
        reset_settings_cache()


def test_a_data_dir_of_another_user_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from store.data_dir import DataDirRefused, secure_data_dir

    data_dir = tmp_path / "theirs"
    data_dir.mkdir()
    owner = data_dir.stat().st_uid
    monkeypatch.setattr(os, "getuid", lambda: owner + 4242)
    monkeypatch.setattr(os, "geteuid", lambda: owner + 4242)
    old = os.umask(0o022)
    try:
        with pytest.raises(DataDirRefused, match="owned by another user"):
            secure_data_dir(data_dir)
    finally:
        os.umask(old)
