"""The one-machine default: a private Redis on a unix socket and Celery workers, started on demand.

`claimdex ingest` and `claimdex serve` use this so a fresh machine needs no server set up by hand.
The Redis keeps an append-only file under the data dir, so queued work survives a restart of it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import redis

from config.settings import Settings


class EmbeddedRuntimeError(RuntimeError):
    pass


def redis_is_up(socket_path: Path) -> bool:
    try:
        return bool(redis.Redis(unix_socket_path=str(socket_path), socket_timeout=1).ping())
    except (redis.RedisError, OSError):
        return False


def start_embedded_redis(settings: Settings) -> subprocess.Popen[bytes] | None:
    """Start the private Redis unless one is already serving the socket. Returns the process we started."""
    sock = settings.embedded_redis_socket
    if redis_is_up(sock):
        return None
    binary = shutil.which("redis-server")
    if binary is None:
        raise EmbeddedRuntimeError(
            "redis-server is not installed: run scripts/install.sh, or set CLAIMDEX_BROKER_URL to a Redis"
        )
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    if sock.exists():
        sock.unlink()
    proc = subprocess.Popen(
        [binary, "--port", "0", "--unixsocket", str(sock), "--unixsocketperm", "700",
         "--dir", str(settings.data_dir), "--appendonly", "yes", "--appendfsync", "everysec",
         "--save", "", "--daemonize", "no", "--logfile", str(settings.data_dir / "redis.log")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if redis_is_up(sock):
            return proc
        if proc.poll() is not None:
            raise EmbeddedRuntimeError(f"redis-server exited with code {proc.returncode}; see redis.log")
        time.sleep(0.05)
    proc.kill()
    raise EmbeddedRuntimeError("redis-server did not start within 15 s")


def worker_command(concurrency: int, name: str = "claimdex") -> list[str]:
    return [
        sys.executable, "-m", "celery", "-A", "workers.celery_app", "worker",
        "--concurrency", str(concurrency), "--loglevel", "WARNING", "-n", f"{name}-{os.getpid()}@%h",
        "--without-gossip", "--without-mingle", "--without-heartbeat", "-O", "fair",
    ]


def worker_env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env["CLAIMDEX_DATA_DIR"] = str(settings.data_dir)
    env.setdefault("OMP_THREAD_LIMIT", "1")
    return env


def start_worker(settings: Settings, concurrency: int | None = None, log_path: Path | None = None
                 ) -> subprocess.Popen[bytes]:
    out = open(log_path, "ab") if log_path else subprocess.DEVNULL  # noqa: SIM115 - owned by the child
    return subprocess.Popen(
        worker_command(concurrency or settings.effective_concurrency),
        env=worker_env(settings), stdout=out, stderr=out, start_new_session=True,
    )


def stop_process(proc: subprocess.Popen[bytes] | None, timeout: float = 60) -> None:
    """Warm shutdown, then kill.

    SIGTERM goes to the main process only: Celery then lets its pool finish the tasks under way.
    Sent to the whole group it would kill the pool processes mid-task. Only if the main process has
    not exited in time is the whole group killed (unacknowledged tasks are redelivered later).
    """
    if proc is None or proc.poll() is not None:
        return
    try:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        pass
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=5)


class EmbeddedRuntime:
    """Context manager: broker (if embedded) and a worker pool for the duration of a command."""

    def __init__(self, settings: Settings, concurrency: int | None = None, start_workers: bool = True) -> None:
        self.settings = settings
        self.concurrency = concurrency
        self.start_workers = start_workers
        self.redis_proc: subprocess.Popen[bytes] | None = None
        self.worker_proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> EmbeddedRuntime:
        if self.settings.uses_embedded_broker:
            self.redis_proc = start_embedded_redis(self.settings)
        if self.start_workers:
            self.worker_proc = start_worker(self.settings, self.concurrency,
                                            log_path=self.settings.data_dir / "worker.log")
        return self

    def ensure_worker_alive(self) -> bool:
        """Restart the pool if it died (e.g. the OOM killer): queued work is redelivered to the new one."""
        if self.start_workers and self.worker_proc is not None and self.worker_proc.poll() is not None:
            self.worker_proc = start_worker(self.settings, self.concurrency,
                                            log_path=self.settings.data_dir / "worker.log")
            return False
        return True

    def __exit__(self, *_exc: object) -> None:
        stop_process(self.worker_proc)
        stop_process(self.redis_proc, timeout=10)
