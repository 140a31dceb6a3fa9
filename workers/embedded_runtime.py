"""The one-machine default: a private Redis on a unix socket and a Celery worker pool, shared by commands.

`claimdex ingest`, `retry`, `serve` and `worker` use this so a fresh machine needs no server set up by
hand. The Redis keeps an append-only file under the data dir, so queued work survives a restart of it.

One runtime per data dir, shared and reference-counted (DATA_DIR/run/):

* every command using it holds a lease (run/clients/<pid>@<host>); a command that finds the Redis or a pool
  already running uses them instead of starting its own;
* when a command leaves and no other live command holds a lease, it stops the pool and the Redis, so a
  second command never loses the runtime under it, and nothing outlives the last one;
* `claimdex worker` owns the pool it runs and stops it when told to stop;
* the commands that wait (ingest, retry, serve, worker) supervise it: a Redis that died is restarted
  (its queue comes back from the append-only file), a dead pool is restarted, and when the broker comes
  back, work SQL knows is unfinished is queued again (what was in flight or never sent is not lost);
* SIGTERM, SIGHUP and Ctrl-C end a command through its clean-up (terminate_on_signals), which stops
  only what no other command uses.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import psutil
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from claims.page_results import requeue_unfinished
from config.settings import Settings
from workers.queueing import CeleryWorkQueue

log = logging.getLogger(__name__)

REDIS_START_TIMEOUT_S = 15.0
# A stop asked for by a signal (the user wants the command gone) waits this long for running tasks
# before killing the pool; they are redelivered later (acks late). A normal end waits for them.
INTERRUPTED_GRACE_S = 10.0
# After the broker comes back, unfinished work is queued again now and once more this much later, for
# tasks that were running when it died and could not send their follow-up work.
SECOND_REQUEUE_AFTER_S = 15.0
# Where kombu's Redis transport keeps messages delivered to a worker and not yet acknowledged.
UNACKED_KEY = "unacked"
ACK_GRACE_S = 1.0


class EmbeddedRuntimeError(RuntimeError):
    pass


# ------------------------------------------------------------------------------------ probes


def _no_retry_client(**kwargs: object) -> redis.Redis:
    # redis-py retries a refused connection with backoff by default (seconds per probe): a probe answers at once.
    return redis.Redis(socket_timeout=1, socket_connect_timeout=1, retry=Retry(NoBackoff(), 0), **kwargs)  # type: ignore[arg-type]


def redis_is_up(socket_path: Path) -> bool:
    if not Path(socket_path).exists():
        return False
    try:
        return bool(_no_retry_client(unix_socket_path=str(socket_path)).ping())
    except (redis.RedisError, OSError):
        return False


def broker_is_up(settings: Settings) -> bool | None:
    """True/False for the embedded Redis or a redis:// broker; None for a broker this cannot probe."""
    if settings.uses_embedded_broker:
        return redis_is_up(settings.embedded_redis_socket)
    if not settings.broker_url.startswith(("redis://", "rediss://", "unix://")):
        return None
    try:
        pool = redis.ConnectionPool.from_url(settings.broker_url, socket_timeout=1, socket_connect_timeout=1)
        return bool(redis.Redis(connection_pool=pool, retry=Retry(NoBackoff(), 0)).ping())
    except (redis.RedisError, OSError, ValueError):
        return False


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return False


# ------------------------------------------------------------------------------------ the run dir


def run_dir(settings: Settings) -> Path:
    path = settings.data_dir / "run"
    (path / "clients").mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


@contextlib.contextmanager
def _locked(settings: Settings) -> Iterator[Path]:
    """One command at a time starts, stops or counts the runtime (two starting Redis at once on one
    socket was how a second command broke the first)."""
    directory = run_dir(settings)
    with open(directory / "lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield directory
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


HOST = socket.gethostname()


def _read_pid(path: Path) -> int | None:
    """The pid a run file names, if it was written on this host (a pid means nothing on another)."""
    try:
        fields = path.read_text().split()
        return int(fields[0]) if len(fields) > 1 and fields[1] == HOST else None
    except (OSError, ValueError, IndexError):
        return None


def _write_pid(path: Path, pid: int, *extra: object) -> None:
    path.write_text(" ".join(str(v) for v in (pid, HOST, *extra)))


def _lease(directory: Path) -> Path:
    return directory / "clients" / f"{os.getpid()}@{HOST}"


def _live_clients(directory: Path) -> list[int]:
    """Commands of this host holding a lease (stale leases of dead ones are removed)."""
    live = []
    for lease in (directory / "clients").iterdir():
        pid, _, host = lease.name.partition("@")
        if host != HOST or not pid.isdigit():
            continue
        if _alive(int(pid)):
            live.append(int(pid))
        else:
            lease.unlink(missing_ok=True)
    return live


def runtime_pids(settings: Settings) -> dict[str, int | None]:
    """The running Redis and pool of this data dir, as recorded (for status and tests)."""
    directory = settings.data_dir / "run"
    pids = {"redis": _read_pid(directory / "redis.pid"), "pool": _read_pid(directory / "pool.pid")}
    return {name: pid if _alive(pid) else None for name, pid in pids.items()}


# ------------------------------------------------------------------------------------ processes


def start_embedded_redis(settings: Settings) -> subprocess.Popen[bytes] | None:
    """Start the private Redis unless one is already serving the socket; returns the process started.

    Readiness is an event, not a poll: Redis tells a notify socket (the systemd protocol) when it accepts
    connections. Call it holding the runtime lock (EmbeddedRuntime does).
    """
    sock = settings.embedded_redis_socket
    if redis_is_up(sock):
        return None
    binary = shutil.which("redis-server")
    if binary is None:
        raise EmbeddedRuntimeError(
            "redis-server is not installed: run scripts/install.sh, or set CLAIMDEX_BROKER_URL to a Redis"
        )
    directory = run_dir(settings)
    sock.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="claimdex-notify-") as tmp:
        notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        notify.bind(str(Path(tmp) / "notify"))
        try:
            proc = subprocess.Popen(
                [binary, "--port", "0", "--unixsocket", str(sock), "--unixsocketperm", "700",
                 "--dir", str(settings.data_dir), "--appendonly", "yes", "--appendfsync", "everysec",
                 "--save", "", "--daemonize", "no", "--supervised", "systemd",
                 "--logfile", str(settings.data_dir / "redis.log")],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                env={**os.environ, "NOTIFY_SOCKET": str(Path(tmp) / "notify")}, preexec_fn=_unblock_signals,
            )
            deadline = time.monotonic() + REDIS_START_TIMEOUT_S
            while time.monotonic() < deadline:
                notify.settimeout(max(0.01, deadline - time.monotonic()))
                try:
                    message = notify.recv(4096)
                except TimeoutError:
                    break
                if b"READY=1" in message:
                    _write_pid(directory / "redis.pid", proc.pid)
                    return proc
        finally:
            notify.close()
    if proc.poll() is not None:
        raise EmbeddedRuntimeError(f"redis-server exited with code {proc.returncode}; see redis.log")
    proc.kill()
    raise EmbeddedRuntimeError(f"redis-server did not start within {REDIS_START_TIMEOUT_S:.0f} s; see redis.log")


def worker_command(concurrency: int, name: str = "claimdex") -> list[str]:
    # -E: task events, so Flower (or `celery events`) can watch the queue. workers.celery_worker is
    # Celery's own command with the garbage collector held through the pool's start-up.
    return [
        sys.executable, "-m", "workers.celery_worker", "-A", "workers.celery_app", "worker",
        "--concurrency", str(concurrency), "--loglevel", "WARNING", "-n", f"{name}-{os.getpid()}@%h",
        "--without-gossip", "--without-mingle", "--without-heartbeat", "-O", "fair", "-E",
    ]


def worker_env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env["CLAIMDEX_DATA_DIR"] = str(settings.data_dir)
    env.setdefault("OMP_THREAD_LIMIT", "1")
    return env


def start_worker(settings: Settings, concurrency: int | None = None, log_path: Path | None = None,
                 inherit_output: bool = False) -> subprocess.Popen[bytes]:
    """A `celery worker` pool: output to `log_path`, or this process's own (`claimdex worker`), or nowhere."""
    out: int | IO[bytes] | None = None if inherit_output else subprocess.DEVNULL
    if log_path and not inherit_output:
        out = open(log_path, "ab")  # noqa: SIM115 - owned by the child
    return subprocess.Popen(
        worker_command(concurrency or settings.effective_concurrency),
        env=worker_env(settings), stdout=out, stderr=out, start_new_session=True, preexec_fn=_unblock_signals,
    )


def _unblock_signals() -> None:
    """In the child, before exec: a child inherits the signal mask, and runtime processes are started
    while the command holds its signals (_signals_held): unblocked, they hear our SIGTERM."""
    signal.pthread_sigmask(signal.SIG_SETMASK, set())


def stop_process(proc: subprocess.Popen[bytes] | None, timeout: float = 60) -> None:
    """Warm shutdown, then kill.

    SIGTERM goes to the main process only: Celery then lets its pool finish the tasks under way.
    Sent to the whole group it would kill the pool processes mid-task. Only if the main process has
    not exited in time is the whole group killed (unacknowledged tasks are redelivered later).
    """
    if proc is None or proc.poll() is not None:
        return
    stop_pid(proc.pid, timeout)
    proc.wait(timeout=5)


def stop_pid(pid: int | None, timeout: float) -> None:
    """SIGTERM to one process (ours or another command's), then its whole group killed after `timeout`."""
    if not _alive(pid):
        return
    assert pid is not None
    try:
        process = psutil.Process(pid)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=timeout)
        return
    except psutil.TimeoutExpired:
        pass
    except psutil.NoSuchProcess:
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
    with contextlib.suppress(psutil.NoSuchProcess, psutil.TimeoutExpired):
        psutil.Process(pid).wait(timeout=5)


def _kill_group(pid: int | None) -> None:
    """SIGKILL a process group (a pool: its main process and its pool processes) and reap its leader."""
    if pid is None:
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
    with contextlib.suppress(psutil.NoSuchProcess, psutil.TimeoutExpired):
        psutil.Process(pid).wait(timeout=5)


# ------------------------------------------------------------------------------------ signals


class _Interrupted(SystemExit):
    """A command stopped by SIGTERM or SIGHUP: it exits through its clean-up, with 128 + the signal."""


@contextlib.contextmanager
def terminate_on_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP end the command like Ctrl-C does: through its `finally`s and `with`s.

    Python's default for them is to die at once, leaving the Redis and the pool the command started
    running under PID 1 (and uvicorn re-raises the signal it caught once it has shut down).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def raise_exit(signum: int, _frame: object) -> None:
        raise _Interrupted(128 + signum)

    previous = {sig: signal.signal(sig, raise_exit) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Clean-up is not cut short by a second Ctrl-C or SIGTERM; they arrive when it is done."""
    held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


# ------------------------------------------------------------------------------------ the runtime


class EmbeddedRuntime:
    """Context manager: a lease on this data dir's runtime, the broker (if embedded) and a worker pool
    (if asked for) running while the command runs; see the module's docstring for who stops what.

    With a configured broker (distributed mode) nothing is shared through the data dir (a volume many
    hosts mount): a pool this command starts is its own and stops with it.
    """

    def __init__(self, settings: Settings, concurrency: int | None = None, start_workers: bool = True) -> None:
        self.settings = settings
        self.concurrency = concurrency
        self.start_workers = start_workers
        self.shared = settings.uses_embedded_broker
        self.redis_proc: subprocess.Popen[bytes] | None = None
        self.worker_proc: subprocess.Popen[bytes] | None = None
        self.reused_pool = False
        self.notes: list[str] = []
        self._mutex = threading.RLock()
        self._broker_was_up = True
        self._requeue_at: float | None = None
        self._closed = False

    # ---- entering and leaving

    def __enter__(self) -> EmbeddedRuntime:
        with self._mutex, _signals_held(), self._runtime_lock() as directory:
            if directory is not None:
                _lease(directory).write_text(str(time.time()))
            try:
                if self.shared:
                    self._ensure_redis()
                if self.start_workers:
                    self.reused_pool = not self._ensure_pool(directory)
            except BaseException:
                self._leave(directory, INTERRUPTED_GRACE_S)
                raise
        return self

    def __exit__(self, exc_type: object, exc: object, _tb: object) -> None:
        interrupted = isinstance(exc, (KeyboardInterrupt, SystemExit))
        self.close(grace=INTERRUPTED_GRACE_S if interrupted else None)

    def close(self, grace: float | None = None) -> None:
        """Give up the lease; stop the pool and the Redis if no other live command holds one."""
        with self._mutex, _signals_held(), self._runtime_lock() as directory:
            self._leave(directory, grace)

    @contextlib.contextmanager
    def _runtime_lock(self) -> Iterator[Path | None]:
        if not self.shared:
            yield None
            return
        with _locked(self.settings) as directory:
            yield directory

    def _leave(self, directory: Path | None, grace: float | None) -> None:
        if self._closed:
            return
        self._closed = True
        wait = self.settings.task_time_limit + 30 if grace is None else grace
        if directory is None:  # a configured broker: only our own pool, if any
            stop_process(self.worker_proc, timeout=wait)
            return
        _lease(directory).unlink(missing_ok=True)
        if _live_clients(directory):
            return  # another command uses the runtime: it stops it when it leaves
        pool = _read_pid(directory / "pool.pid")
        if grace is None and _alive(pool) and self._pool_idle():
            # Nothing queued, nothing delivered and unacknowledged: no task can be running, so the pool is
            # stopped at once. A warm shutdown of an idle prefork pool still takes 2-4 s (billiard joining
            # its processes, interpreter teardown); that would be the slowest part of a small ingest.
            _kill_group(pool)
        else:
            stop_pid(pool, wait)
        (directory / "pool.pid").unlink(missing_ok=True)
        stop_pid(_read_pid(directory / "redis.pid"), 10)
        (directory / "redis.pid").unlink(missing_ok=True)
        for proc in (self.worker_proc, self.redis_proc):  # reap our own children
            if proc is not None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(timeout=1)

    def _pool_idle(self) -> bool:
        """Whether the private Redis holds no task: none waiting, none delivered and unacknowledged.

        The last task's acknowledgement follows its end by a few milliseconds, so this looks a few times
        over ACK_GRACE_S before saying no.
        """
        try:
            client = _no_retry_client(unix_socket_path=str(self.settings.embedded_redis_socket))
            deadline = time.monotonic() + ACK_GRACE_S
            while True:
                if int(client.llen(self.settings.task_queue)) == 0 and int(client.hlen(UNACKED_KEY)) == 0:
                    return True
                if time.monotonic() >= deadline:
                    return False
                time.sleep(0.05)
        except (redis.RedisError, OSError):
            return False

    # ---- the parts

    def _ensure_redis(self) -> bool:
        """Start the private Redis if nothing serves its socket; True when started."""
        if redis_is_up(self.settings.embedded_redis_socket):
            return False
        stale = _read_pid(run_dir(self.settings) / "redis.pid")
        if _alive(stale):  # a Redis that stopped answering: replace it
            stop_pid(stale, 5)
        self.redis_proc = start_embedded_redis(self.settings)
        return self.redis_proc is not None

    def _ensure_pool(self, directory: Path | None) -> bool:
        """Start a pool unless one is running (this data dir's, or our own); True when started."""
        if directory is None:
            if self.worker_proc is not None and self.worker_proc.poll() is None:
                return False
            self.worker_proc = start_worker(self.settings, self.concurrency,
                                            log_path=self.settings.data_dir / "worker.log")
            return True
        if _alive(_read_pid(directory / "pool.pid")):
            return False
        self.worker_proc = start_worker(self.settings, self.concurrency, log_path=self.settings.data_dir / "worker.log")
        _write_pid(directory / "pool.pid", self.worker_proc.pid, self.concurrency or 0)
        return True

    def run_worker(self, concurrency: int | None) -> int:
        """`claimdex worker`: run a pool this command owns, supervised, until it exits or we are told
        to stop (then a warm shutdown: tasks under way finish). Returns the pool's exit code."""
        with self._mutex, _signals_held(), self._runtime_lock() as directory:
            self.concurrency = concurrency
            self.worker_proc = start_worker(self.settings, concurrency, inherit_output=True)
            if directory is not None:
                _write_pid(directory / "pool.pid", self.worker_proc.pid, concurrency or 0, "worker")
        proc = self.worker_proc
        try:
            while True:
                try:
                    return proc.wait(timeout=1.0)
                except subprocess.TimeoutExpired:
                    self.supervise()
        finally:
            with _signals_held():
                stop_process(proc, timeout=self.settings.task_time_limit + 30)
                with self._runtime_lock() as directory:
                    if directory is not None and _read_pid(directory / "pool.pid") == proc.pid:
                        (directory / "pool.pid").unlink(missing_ok=True)

    # ---- supervision

    def ensure_worker_alive(self) -> bool:
        """Restart the pool if it died (e.g. the OOM killer): queued work is redelivered to the new one."""
        return self.supervise() is None

    def supervise(self) -> str | None:
        """One round: the broker back (restarted if it is ours), the pool alive, lost work queued again.

        Returns what was done, for the command to show, or None when all was well.
        """
        with self._mutex:
            if self._closed:
                return None
            notes = []
            up = broker_is_up(self.settings)
            if up is False and self.shared:
                self._broker_was_up = False
                with _signals_held(), _locked(self.settings):
                    if self._ensure_redis():
                        notes.append("the private Redis had stopped: restarted it")
                up = broker_is_up(self.settings)
            if up and not self._broker_was_up:
                notes.append(f"broker back: {self._requeue()} unfinished item(s) queued again")
                self._requeue_at = time.monotonic() + SECOND_REQUEUE_AFTER_S
            elif up and self._requeue_at is not None and time.monotonic() >= self._requeue_at:
                self._requeue_at = None
                self._requeue()
            self._broker_was_up = up is not False
            if self.start_workers and up:
                with _signals_held(), self._runtime_lock() as directory:
                    if self._ensure_pool(directory):
                        notes.append("the worker pool had stopped: restarted it")
            note = "; ".join(notes) or None
            if note:
                log.info(note)
                self.notes.append(note)
            return note

    def _requeue(self) -> int:
        """Work SQL knows is unfinished, queued again (idempotent: a page already done is skipped)."""
        try:
            return requeue_unfinished(CeleryWorkQueue())
        except Exception as exc:  # noqa: BLE001 - the next round tries again; the stall check is the backstop
            log.warning("could not queue unfinished work again", extra={"error": type(exc).__name__})
            self._broker_was_up = False
            return 0
