"""Faults a real deployment meets, against the real Redis, real workers and real Tesseract.

Each test ends by checking the one promise that matters: every page done exactly once (or, for a
poison page, failed with its reason while the rest of the claim completes).
"""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import psutil
import pytest

from tests.conftest import WorkerPool, wait_until
from tests.workers.pipeline_support import page_rows, pages_done, queue_files, wait_for_claim

pytestmark = pytest.mark.slow

# Small pages at a modest resolution keep each OCR run near a second on this 2-core machine.
FAST_OCR = {"CLAIMDEX_OCR_DPI": "150"}


@pytest.fixture
def fast_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    from config.settings import reset_settings_cache

    for key, value in FAST_OCR.items():
        monkeypatch.setenv(key, value)
    reset_settings_cache()


def scanned_pdf(tmp_path: Path, pages: int, seed: int) -> Path:
    from samples.bench_files import write_scanned_pdf

    path = tmp_path / f"scanned-{seed}.pdf"
    write_scanned_pdf(path, pages, seed=seed)
    return path


def born_digital_pdf(tmp_path: Path, pages: int) -> Path:
    from samples.bench_files import write_born_digital_pdf

    path = tmp_path / "digital.pdf"
    write_born_digital_pdf(path, pages)
    return path


def assert_each_page_done_once(claim_id: str, expected_pages: int) -> None:
    rows = page_rows(claim_id)
    keys = Counter((r.file_id, r.page_number) for r in rows)
    assert len(rows) == expected_pages, f"{len(rows)} page rows for {expected_pages} pages"
    assert max(keys.values()) == 1
    assert all(r.status == "done" and r.text.strip() for r in rows), [(r.page_number, r.status) for r in rows]


def _ocr_busy_child(pool: WorkerPool) -> int | None:
    """A pool process that is running Tesseract right now (so killing it interrupts real work): Tesseract
    runs inside it (its library is loaded, which happens at the process's first OCR, and the process is
    busy on a core; an idle pool process waiting for a task uses none), or as its child (the command)."""
    for pid in pool.children():
        try:
            process = psutil.Process(pid)
            if any("tesseract" in c.name() for c in process.children()):
                return pid
            if any("libtesseract" in m.path for m in process.memory_maps()) and \
                    process.cpu_percent(interval=0.05) > 50:
                return pid
        except psutil.NoSuchProcess:
            continue
    return None


def test_sigkill_of_a_pool_process_mid_ocr_loses_no_page(
    data_dir: Path, clean_broker: None, fast_ocr: None, tmp_path: Path
) -> None:
    pdf = scanned_pdf(tmp_path, 6, seed=11)
    pool = WorkerPool(tmp_path / "worker.log", concurrency=2, extra_env=FAST_OCR)
    try:
        queue_files("kill-child", [pdf])
        victim: list[int] = []

        def busy() -> bool:
            pid = _ocr_busy_child(pool)
            if pid:
                victim.append(pid)
            return bool(pid)

        wait_until(busy, timeout=120, interval=0.1, what="a pool process running tesseract")
        os.kill(victim[0], signal.SIGKILL)
        p = wait_for_claim("kill-child", timeout=240)
    finally:
        pool.stop()
    assert p["status"] == "done", p
    assert_each_page_done_once("kill-child", 6)
    # The interrupted page was attempted again: proof the kill hit a running task and it was redelivered.
    assert sum(r.attempts for r in page_rows("kill-child")) > 6


def test_sigkill_of_the_whole_worker_is_recovered_by_a_new_worker(
    data_dir: Path, clean_broker: None, fast_ocr: None, tmp_path: Path
) -> None:
    # A short visibility timeout (above the task time limit, as in production) so the unacknowledged
    # messages of the dead worker are handed to the new one within the test.
    env = {**FAST_OCR, "CLAIMDEX_BROKER_VISIBILITY_TIMEOUT": "45", "CLAIMDEX_TASK_SOFT_TIME_LIMIT": "30",
           "CLAIMDEX_TASK_TIME_LIMIT": "40"}
    pdf = scanned_pdf(tmp_path, 6, seed=12)
    first = WorkerPool(tmp_path / "worker1.log", concurrency=2, extra_env=env)
    queue_files("kill-all", [pdf])
    wait_until(lambda: _ocr_busy_child(first) is not None, timeout=120, interval=0.1, what="OCR under way")
    os.killpg(first.proc.pid, signal.SIGKILL)
    first.proc.wait(timeout=10)
    done_at_kill = pages_done("kill-all")
    assert done_at_kill < 6
    second = WorkerPool(tmp_path / "worker2.log", concurrency=2, extra_env=env)
    try:
        p = wait_for_claim("kill-all", timeout=240)
    finally:
        second.stop()
    assert p["status"] == "done", p
    assert_each_page_done_once("kill-all", 6)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_redis(port: int, directory: Path) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--dir", str(directory),
         "--appendonly", "yes", "--appendfsync", "always", "--save", ""],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    wait_until(lambda: subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True).stdout
               .strip() == b"PONG", timeout=15, interval=0.1, what="redis to start")
    return proc


def test_redis_restart_mid_claim_loses_nothing(data_dir: Path, fast_ocr: None, tmp_path: Path) -> None:
    """Redis with an append-only file (as docker-compose and the embedded broker run it) is restarted."""
    port = _free_port()
    redis_dir = tmp_path / "redis"
    redis_dir.mkdir()
    broker = f"redis://127.0.0.1:{port}/0"
    redis_proc = _start_redis(port, redis_dir)
    pdf = scanned_pdf(tmp_path, 6, seed=13)
    env = {**FAST_OCR, "CLAIMDEX_BROKER_URL": broker}
    # Queue through the real CLI, in its own process, against this Redis.
    subprocess.run(
        [sys.executable, "-m", "api.cli", "ingest", str(pdf), "--claim", "redis-restart", "--no-wait",
         "--no-workers"],
        env={**os.environ, **env}, check=True, capture_output=True, timeout=120,
    )
    pool = WorkerPool(tmp_path / "worker.log", concurrency=2, extra_env=env)
    try:
        wait_until(lambda: pages_done("redis-restart") >= 1, timeout=120, what="first page done")
        subprocess.run(["redis-cli", "-p", str(port), "shutdown"], capture_output=True, timeout=30)
        redis_proc.wait(timeout=30)
        time.sleep(2)
        redis_proc = _start_redis(port, redis_dir)
        p = wait_for_claim("redis-restart", timeout=300)
    finally:
        pool.stop()
        redis_proc.terminate()
        redis_proc.wait(timeout=10)
    assert p["status"] == "done", p
    assert_each_page_done_once("redis-restart", 6)


def _write_tesseract_wrapper(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "tesseract-wrapper.sh"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_a_page_that_kills_its_worker_every_time_ends_failed_and_the_claim_partial(
    data_dir: Path, clean_broker: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tesseract that takes its worker process down with it (as a segfaulting native library would).
    wrapper = _write_tesseract_wrapper(tmp_path, 'kill -9 "$PPID"; exit 1')
    env = {**FAST_OCR, "CLAIMDEX_TESSERACT_CMD": str(wrapper), "CLAIMDEX_TASK_MAX_ATTEMPTS": "3"}
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    from config.settings import reset_settings_cache

    reset_settings_cache()
    digital = born_digital_pdf(tmp_path, 3)
    scan = scanned_pdf(tmp_path, 1, seed=14)
    pool = WorkerPool(tmp_path / "worker.log", concurrency=2, extra_env=env)
    try:
        queue_files("poison", [digital, scan])
        p = wait_for_claim("poison", timeout=240)
    finally:
        pool.stop()
    assert p["status"] == "partial", p
    by_name = {f["filename"]: f for f in p["files"]}
    assert by_name[digital.name]["status"] == "done"
    assert by_name[digital.name]["pages_done"] == 3
    poisoned = by_name[scan.name]
    assert poisoned["status"] == "failed"
    assert [e["code"] for e in poisoned["errors"]] == ["page_attempts_exhausted"]
    assert poisoned["errors"][0]["page"] == 1 and scan.name in poisoned["errors"][0]["message"]


def test_a_tesseract_that_crashes_is_retried_then_recorded(
    data_dir: Path, clean_broker: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrapper = _write_tesseract_wrapper(tmp_path, 'kill -SEGV $$')
    env = {**FAST_OCR, "CLAIMDEX_TESSERACT_CMD": str(wrapper), "CLAIMDEX_TASK_MAX_ATTEMPTS": "2"}
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    from config.settings import reset_settings_cache

    reset_settings_cache()
    scan = scanned_pdf(tmp_path, 2, seed=15)
    pool = WorkerPool(tmp_path / "worker.log", concurrency=2, extra_env=env)
    try:
        queue_files("crash", [scan])
        p = wait_for_claim("crash", timeout=180)
    finally:
        pool.stop()
    assert p["status"] == "failed"
    errors = p["files"][0]["errors"]
    assert sorted(e["page"] for e in errors) == [1, 2]
    assert all(e["code"] == "extraction_error" for e in errors), errors
    assert all(r.attempts == 2 for r in page_rows("crash"))

    # The operator fixes the cause (a working Tesseract) and runs `claimdex retry`: fresh attempts.
    from claims.page_results import requeue_claim
    from tests.workers.pipeline_support import progress
    from workers.tasks import CeleryWorkQueue

    monkeypatch.delenv("CLAIMDEX_TESSERACT_CMD")
    reset_settings_cache()
    fixed = WorkerPool(tmp_path / "worker2.log", concurrency=2, extra_env=FAST_OCR)
    try:
        assert requeue_claim("crash", CeleryWorkQueue()) == 2
        assert progress("crash")["status"] == "processing"
        p = wait_for_claim("crash", timeout=180)
    finally:
        fixed.stop()
    assert p["status"] == "done" and p["pages_done"] == 2
    assert p["files"][0]["errors"] == []
    assert_each_page_done_once("crash", 2)


def test_search_index_down_during_processing_loses_nothing_and_reindex_restores_it(
    data_dir: Path, clean_broker: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from indexers.base import SearchQuery
    from indexers.factory import get_search_index
    from store.db import session_scope
    from store.models import Claim

    dead_es = f"http://127.0.0.1:{_free_port()}"
    pdf = born_digital_pdf(tmp_path, 4)
    pool = WorkerPool(tmp_path / "worker.log", concurrency=2, extra_env={"CLAIMDEX_ELASTICSEARCH_URL": dead_es})
    try:
        queue_files("es-down", [pdf])
        p = wait_for_claim("es-down", timeout=120)

        def index_failed() -> bool:
            with session_scope() as s:
                claim = s.get(Claim, "es-down")
                return claim is not None and claim.index_status == "error"

        wait_until(index_failed, timeout=60, what="the index failure to be recorded")
    finally:
        pool.stop()
    assert p["status"] == "done" and p["pages_done"] == 4
    with session_scope() as s:
        assert s.get(Claim, "es-down").index_error
    # The index comes back (here: the embedded backend); reindex rebuilds it from SQL.
    result = subprocess.run([sys.executable, "-m", "api.cli", "reindex", "es-down"], capture_output=True,
                            text=True, env={k: v for k, v in os.environ.items() if k != "CLAIMDEX_ELASTICSEARCH_URL"},
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "reindexed 4 page(s)" in result.stdout
    assert get_search_index().count("es-down") == 4
    assert get_search_index().search(SearchQuery(claim_id="es-down", text="")).total == 4
