"""A command's exit (api/cli/__init__.py): its database connections closed as before, and what it made kept
out of the interpreter's last garbage collection."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from api import cli
from store.db import get_engine, session_scope

REPO = Path(__file__).resolve().parents[3]


def test_leaving_closes_the_connections_and_freezes_what_the_command_made(data_dir: Path) -> None:
    with session_scope() as s:
        s.execute(text("select 1"))
    assert get_engine().pool.checkedin() == 1  # type: ignore[attr-defined]
    try:
        cli._leave_quickly()
        assert get_engine().pool.checkedin() == 0  # type: ignore[attr-defined]
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_a_command_that_wrote_leaves_no_write_ahead_log_behind(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMDEX_")}
    env.update({"CLAIMDEX_DATA_DIR": str(tmp_path / "data"), "CLAIMDEX_MODEL_DIR": os.environ["CLAIMDEX_MODEL_DIR"],
                "PYTHONPATH": str(REPO)})
    done = subprocess.run([sys.executable, "-m", "api.cli", "user", "add", "drlee", "--role", "physician",
                           "--password-stdin"], input="a long enough password 1\n", cwd=REPO, env=env, text=True,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "data" / "claimdex.sqlite3").exists()
    assert not (tmp_path / "data" / "claimdex.sqlite3-wal").exists()  # checkpointed and removed at close
