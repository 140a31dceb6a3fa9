"""Run `claimdex ingest` as a user would and watch it: wall time and per-process peak memory.

Shared by the benchmarks so each measures the same thing: the real command, embedded defaults,
a fresh data dir, workers on every core unless told otherwise.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent


@dataclass
class PipelineRun:
    seconds: float
    pages: int
    # Peak resident memory (MiB) of each worker pool process seen, and of the Celery main process.
    pool_peak_mib: list[float] = field(default_factory=list)
    main_peak_mib: float = 0.0
    # Steady state: from the first page stored to the last (no start-up, analysis or indexing).
    page_phase_seconds: float | None = None
    data_dir: Path | None = None
    # CPU seconds the command and everything it started used (sampled; short-lived processes are
    # undercounted by up to one sampling interval each).
    cpu_seconds: float = 0.0

    @property
    def cores_used(self) -> float:
        """Average number of cores the run got: below the worker count means other load took the rest."""
        return self.cpu_seconds / self.seconds if self.seconds else 0.0

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    @property
    def max_pool_mib(self) -> float:
        return max(self.pool_peak_mib, default=0.0)


def _watch(root: psutil.Process, stop: threading.Event, peaks: dict[int, float], roles: dict[int, str],
           cpu: dict[int, float]) -> None:
    while not stop.is_set():
        try:
            for p in [root, *root.children(recursive=True)]:
                try:
                    times = p.cpu_times()
                    cpu[p.pid] = max(cpu.get(p.pid, 0.0), times.user + times.system)
                    cmd = " ".join(p.cmdline())
                    rss = p.memory_info().rss / 2**20
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                if "celery" in cmd and "worker" in cmd:
                    parent_cmd = " ".join(p.parent().cmdline()) if p.parent() else ""
                    roles[p.pid] = "pool" if ("celery" in parent_cmd and "worker" in parent_cmd) else "main"
                    peaks[p.pid] = max(peaks.get(p.pid, 0.0), rss)
        except psutil.NoSuchProcess:
            return
        time.sleep(0.1)


def ensure_model_dir() -> str:
    """The model artifacts every bench run reads: CLAIMDEX_MODEL_DIR when set, else trained once into a
    temporary folder (outside any timing) and put in the environment. A fresh data dir has no models."""
    if not os.environ.get("CLAIMDEX_MODEL_DIR"):
        out = tempfile.mkdtemp(prefix="claimdex-bench-models-")
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMDEX_")}
        env["CLAIMDEX_DATA_DIR"] = out
        subprocess.run([sys.executable, "-m", "api.cli", "train", "--no-corrections", "--out", out], cwd=REPO,
                       env=env, check=True, capture_output=True)
        os.environ["CLAIMDEX_MODEL_DIR"] = out
    return os.environ["CLAIMDEX_MODEL_DIR"]


@dataclass
class WatchedRun:
    """A command run to its end with its process tree watched: output, wall time, peak RSS and CPU."""

    stdout: bytes
    seconds: float
    peaks: dict[int, float]
    roles: dict[int, str]
    cpu: dict[int, float]


def run_watched(cmd: list[str], cwd: Path, env: dict[str, str]) -> WatchedRun:
    """Run `cmd` to its end, sampling its process tree; raises with the tail of stderr if it fails."""
    peaks: dict[int, float] = {}
    roles: dict[int, str] = {}
    cpu: dict[int, float] = {}
    stop = threading.Event()
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    watcher = threading.Thread(target=_watch, args=(psutil.Process(proc.pid), stop, peaks, roles, cpu),
                               daemon=True)
    watcher.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    watcher.join(timeout=2)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[2:4])} from {cwd} failed ({proc.returncode}): {err.decode()[-2000:]}")
    return WatchedRun(out, seconds, peaks, roles, cpu)


def run_pipeline(paths: list[Path], pages: int, concurrency: int | None = None, env: dict[str, str] | None = None,
                 data_dir: Path | None = None) -> PipelineRun:
    """Ingest into a fresh embedded data dir and wait; returns timing and memory."""
    tmp = Path(tempfile.mkdtemp(prefix="claimdex-bench-")) if data_dir is None else data_dir
    # A model directory set by the caller (trained once) is kept; everything else is the embedded default.
    ensure_model_dir()
    run_env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMDEX_") or k == "CLAIMDEX_MODEL_DIR"}
    run_env.update({"CLAIMDEX_DATA_DIR": str(tmp), "OMP_THREAD_LIMIT": "1", **(env or {})})
    cmd = [sys.executable, "-m", "api.cli", "ingest", *map(str, paths), "--claim", "bench"]
    if concurrency:
        cmd += ["--concurrency", str(concurrency)]
    watched = run_watched(cmd, REPO, run_env)
    peaks, roles = watched.peaks, watched.roles
    run = PipelineRun(seconds=watched.seconds, pages=pages, data_dir=tmp, cpu_seconds=sum(watched.cpu.values()))
    run.pool_peak_mib = sorted((v for pid, v in peaks.items() if roles.get(pid) == "pool"), reverse=True)
    run.main_peak_mib = max((v for pid, v in peaks.items() if roles.get(pid) == "main"), default=0.0)
    summary = watched.stdout.decode()
    if f"{pages} done" not in summary:
        raise RuntimeError(f"not every page was processed:\n{summary}")
    run.page_phase_seconds = _page_phase(tmp / "claimdex.sqlite3")
    return run


def _page_phase(db: Path) -> float | None:
    """Seconds between the first and the last page stored, plus one page's share so N pages count N."""
    import datetime as dt
    import sqlite3

    with sqlite3.connect(db) as conn:
        stamps = sorted(dt.datetime.fromisoformat(r[0]) for r in conn.execute(
            "select processed_at from pages where processed_at is not null"))
    if len(stamps) < 2:
        return None
    span = (stamps[-1] - stamps[0]).total_seconds()
    return span * len(stamps) / (len(stamps) - 1)
