"""Shared fixtures: the real Redis on this machine as broker, a fresh data dir per test, real workers.

The broker URL is set before anything imports the Celery app, so the test process and the worker
processes it starts talk to the same Redis database (number 9, flushed per pipeline test).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

TEST_REDIS_URL = os.environ.get("CLAIMDEX_TEST_REDIS_URL", "redis://127.0.0.1:6379/9")
TEST_POSTGRES_URL = os.environ.get("CLAIMDEX_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
os.environ["CLAIMDEX_BROKER_URL"] = TEST_REDIS_URL
# A queue of this test session's own: two sessions on one machine never take each other's tasks.
TEST_QUEUE = f"claimdex-test-{os.getpid()}"
os.environ["CLAIMDEX_TASK_QUEUE"] = TEST_QUEUE
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
# The model artifacts `claimdex train` builds, trained once for the whole test session (see
# trained_model_dir) and read by this process and by every worker it starts.
TEST_MODEL_DIR = Path(tempfile.mkdtemp(prefix="claimdex-test-models-"))
os.environ["CLAIMDEX_MODEL_DIR"] = str(TEST_MODEL_DIR)


def redis_available(url: str = TEST_REDIS_URL) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_timeout=2).ping())
    except redis.RedisError:
        return False


def postgres_available(url: str = TEST_POSTGRES_URL) -> bool:
    from sqlalchemy import create_engine, text

    try:
        with create_engine(url).connect() as conn:
            conn.execute(text("select 1"))
        return True
    except Exception:  # noqa: BLE001 - any failure means "not reachable" here
        return False


@pytest.fixture(scope="session", autouse=True)
def trained_model_dir() -> Path:
    """What `claimdex train` does on install, once per session: the model artifacts in TEST_MODEL_DIR."""
    from api.cli.training import train_models

    train_models(TEST_MODEL_DIR, with_corrections=False)
    return TEST_MODEL_DIR


@pytest.fixture(scope="session")
def flag_model(trained_model_dir: Path):  # type: ignore[no-untyped-def]  # -> FlagSentenceModel
    """The evidence finder's sentence model as the pipeline loads it: from its artifact."""
    from claims.trained_models import flag_model as load_flag_model
    from config.settings import Settings

    return load_flag_model(Settings(model_dir=trained_model_dir))


@pytest.fixture(scope="session")
def model(trained_model_dir: Path):  # type: ignore[no-untyped-def]  # -> RecordTypeModel
    """The record-type model as the pipeline loads it: from its artifact."""
    from claims.trained_models import record_type_model
    from config.settings import Settings

    return record_type_model(Settings(model_dir=trained_model_dir))


@pytest.fixture
def settings(tmp_path: Path):  # type: ignore[no-untyped-def]  # -> Settings
    """Settings over a fresh data dir, scans rendered at 150 dpi (quick, accurate Tesseract runs)."""
    from config.settings import Settings

    return Settings(data_dir=tmp_path / "data", ocr_dpi=150)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh CLAIMDEX_DATA_DIR (SQLite, blobs, embedded index) with settings reloaded."""
    from config.settings import reset_settings_cache

    d = tmp_path / "data"
    d.mkdir()
    monkeypatch.setenv("CLAIMDEX_DATA_DIR", str(d))
    monkeypatch.delenv("CLAIMDEX_DATABASE_URL", raising=False)
    reset_settings_cache()
    from store.db import create_schema

    create_schema()
    yield d
    reset_settings_cache()


@pytest.fixture
def clean_broker() -> None:
    """Pipeline tests start from an empty queue: a task left by an earlier test must not leak in."""
    import redis

    if not redis_available():
        pytest.skip(f"no Redis at {TEST_REDIS_URL}: pipeline tests need the real broker")
    client = redis.Redis.from_url(TEST_REDIS_URL)
    client.delete(TEST_QUEUE, f"{TEST_QUEUE}\x06\x163", f"{TEST_QUEUE}\x06\x166", f"{TEST_QUEUE}\x06\x169")


class WorkerPool:
    """A real `celery worker` subprocess against the test broker and the test's data dir."""

    def __init__(self, log_path: Path, concurrency: int = 2, extra_env: dict[str, str] | None = None) -> None:
        from config.settings import get_settings
        from workers.embedded_runtime import worker_command, worker_env

        env = worker_env(get_settings())
        env.update(extra_env or {})
        self.log_path = log_path
        self.proc = subprocess.Popen(
            worker_command(concurrency, name=f"test{time.monotonic_ns()}"),
            env=env, stdout=open(log_path, "ab"), stderr=subprocess.STDOUT, start_new_session=True,  # noqa: SIM115
        )

    def children(self) -> list[int]:
        import psutil

        try:
            return [c.pid for c in psutil.Process(self.proc.pid).children(recursive=False)]
        except psutil.NoSuchProcess:
            return []

    def stop(self) -> None:
        from workers.embedded_runtime import stop_process

        stop_process(self.proc, timeout=30)


@pytest.fixture
def worker_pool(data_dir: Path, clean_broker: None, tmp_path: Path) -> Iterator[WorkerPool]:
    pool = WorkerPool(tmp_path / "worker.log")
    yield pool
    pool.stop()


def wait_until(predicate, timeout: float, interval: float = 0.5, what: str = "condition") -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


@pytest.fixture
def postgres_url(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh database on the real PostgreSQL, used as CLAIMDEX_DATABASE_URL for this test."""
    import uuid

    from sqlalchemy import create_engine, text

    from config.settings import reset_settings_cache

    if not postgres_available():
        pytest.skip(f"no PostgreSQL at {TEST_POSTGRES_URL}: start it (see .ci/run) to run this test")
    name = f"claimdex_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(TEST_POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = TEST_POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"
    monkeypatch.setenv("CLAIMDEX_DATABASE_URL", url)
    reset_settings_cache()
    from store.db import create_schema, engine_for

    create_schema()
    yield url
    engine_for(url).dispose()
    engine_for.cache_clear()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
    reset_settings_cache()
