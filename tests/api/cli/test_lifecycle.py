"""Commands and the embedded runtime they start, as real processes: nothing outlives its command, a second
command shares the runtime instead of stopping it, and a private Redis that dies comes back by itself.

The embedded default throughout (no CLAIMDEX_BROKER_URL): each test's own private Redis on a socket in
its data dir, and real `celery worker` pools.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from tests.conftest import wait_until

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def embedded_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMDEX_")}
    env.update({"CLAIMDEX_DATA_DIR": str(tmp_path / "data"), "CLAIMDEX_MODEL_DIR": os.environ["CLAIMDEX_MODEL_DIR"],
                "CLAIMDEX_OCR_DPI": "150", "CLAIMDEX_WORKER_CONCURRENCY": "2", "PYTHONPATH": str(REPO)})
    return env


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    from samples.bench_files import write_born_digital_pdf, write_scanned_pdf

    return {"digital": write_born_digital_pdf(tmp_path / "digital.pdf", 3, seed=21),
            "scanned": write_scanned_pdf(tmp_path / "scanned.pdf", 8, seed=22)}


def cli(env: dict[str, str], *args: str, log: Path | None = None) -> subprocess.Popen[str]:
    out = open(log, "w") if log else subprocess.PIPE  # noqa: SIM115 - closed with the process
    return subprocess.Popen([sys.executable, "-m", "api.cli", *args], cwd=REPO, env=env, text=True,
                            stdout=out, stderr=subprocess.STDOUT)


def runtime(env: dict[str, str]) -> dict[str, int | None]:
    from config.settings import Settings
    from workers.embedded_runtime import runtime_pids

    return runtime_pids(Settings(data_dir=Path(env["CLAIMDEX_DATA_DIR"])))


def family(pid: int) -> set[int]:
    """A process and all its descendants."""
    try:
        proc = psutil.Process(pid)
        return {pid, *(c.pid for c in proc.children(recursive=True))}
    except psutil.NoSuchProcess:
        return set()


def gone(pids: set[int]) -> bool:
    def dead(pid: int) -> bool:
        try:
            return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return True

    return all(dead(p) for p in pids)


def pages_done(env: dict[str, str], claim_id: str) -> int:
    import sqlite3

    db = Path(env["CLAIMDEX_DATA_DIR"]) / "claimdex.sqlite3"
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        try:
            return int(conn.execute("select count(*) from pages where claim_id = ? and status = 'done'",
                                    (claim_id,)).fetchone()[0])
        except sqlite3.OperationalError:
            return 0


@pytest.fixture
def reaper() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for proc in started:  # a failed test must not leave its processes behind for the next one
        for pid in family(proc.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def test_sigterm_to_ingest_leaves_no_process_behind(embedded_env: dict[str, str], files: dict[str, Path],
                                                    reaper: list[subprocess.Popen[str]]) -> None:
    ingest = cli(embedded_env, "ingest", str(files["scanned"]), "--claim", "term")
    reaper.append(ingest)
    wait_until(lambda: all(runtime(embedded_env).values()), timeout=60, interval=0.1, what="Redis and pool up")
    wait_until(lambda: len(family(runtime(embedded_env)["pool"] or 0)) >= 3, timeout=60, interval=0.1,
               what="the pool's processes")
    everything = family(ingest.pid) | {p for p in runtime(embedded_env).values() if p}
    assert len(everything) >= 5  # the command, Redis, the pool's main process and two pool processes
    ingest.send_signal(signal.SIGTERM)
    out, _ = ingest.communicate(timeout=90)
    assert ingest.returncode == 128 + signal.SIGTERM, out
    wait_until(lambda: gone(everything), timeout=15, interval=0.1, what="every process of the command to exit")
    assert runtime(embedded_env) == {"redis": None, "pool": None}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_sigterm_to_serve_leaves_no_process_behind_and_it_says_where_it_is(
        embedded_env: dict[str, str], reaper: list[subprocess.Popen[str]]) -> None:
    port = _free_port()
    serve = cli(embedded_env, "serve", "--port", str(port))
    reaper.append(serve)

    def answers() -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as resp:
                return resp.status == 200
        except OSError:
            return False

    wait_until(answers, timeout=90, interval=0.2, what="serve to answer")
    wait_until(lambda: all(runtime(embedded_env).values()), timeout=60, interval=0.1, what="Redis and pool up")
    everything = family(serve.pid) | {p for p in runtime(embedded_env).values() if p}
    serve.send_signal(signal.SIGTERM)
    out, _ = serve.communicate(timeout=90)
    assert serve.returncode == 128 + signal.SIGTERM, out
    wait_until(lambda: gone(everything), timeout=15, interval=0.1, what="every process of serve to exit")
    assert f"http://127.0.0.1:{port}/" in out
    assert "no user yet" in out and "user add" in out


def test_worker_then_ingest_without_workers_on_the_embedded_default_processes_a_file(
        embedded_env: dict[str, str], files: dict[str, Path], reaper: list[subprocess.Popen[str]]) -> None:
    worker = cli(embedded_env, "worker", log=Path(embedded_env["CLAIMDEX_DATA_DIR"]).parent / "worker-cli.log")
    reaper.append(worker)
    # No waiting for the worker: the ingest starts while the worker is still starting its Redis (the race
    # in which an ingest used to start a second Redis on the same socket, then stop it).
    ingest = cli(embedded_env, "ingest", str(files["digital"]), "--claim", "shared", "--no-workers")
    reaper.append(ingest)
    out, _ = ingest.communicate(timeout=240)
    assert ingest.returncode == 0, out
    assert "claim shared: done" in out and "3 done / 3 total" in out
    # The ingest left the worker's runtime running; a second ingest uses the same pool.
    pids = runtime(embedded_env)
    assert pids["redis"] and pids["pool"] and worker.poll() is None
    again = cli(embedded_env, "ingest", str(files["scanned"]), "--claim", "shared2")
    reaper.append(again)
    out2, _ = again.communicate(timeout=300)
    assert again.returncode == 0, out2
    assert "using the worker pool already running" in out2 and runtime(embedded_env) == pids
    everything = family(worker.pid) | {p for p in pids.values() if p}
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=120) == 128 + signal.SIGTERM
    wait_until(lambda: gone(everything), timeout=15, interval=0.1, what="the worker's processes to exit")


def test_the_embedded_redis_killed_mid_claim_restarts_and_the_claim_completes(
        embedded_env: dict[str, str], files: dict[str, Path], reaper: list[subprocess.Popen[str]]) -> None:
    ingest = cli(embedded_env, "ingest", str(files["scanned"]), "--claim", "kill-redis")
    reaper.append(ingest)
    wait_until(lambda: pages_done(embedded_env, "kill-redis") >= 1, timeout=120, interval=0.1,
               what="the first page done")
    redis_pid = runtime(embedded_env)["redis"]
    assert redis_pid
    os.kill(redis_pid, signal.SIGKILL)
    out, _ = ingest.communicate(timeout=300)
    assert ingest.returncode == 0, out  # no manual retry
    assert "the private Redis had stopped: restarted it" in out
    assert "claim kill-redis: done" in out and "8 done / 8 total" in out
    assert pages_done(embedded_env, "kill-redis") == 8
