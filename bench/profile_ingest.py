"""Where an ingest spends its time: the work (cProfile, in-process) and the fixed cost (the real command).

    python -m bench.profile_ingest                       # 500 born-digital pages + a 1-page fixed-cost run
    python -m bench.profile_ingest --digital 200 --scanned 4 --top 30
    python -m bench.profile_ingest --fixed-only          # only the timeline of a 1-page `claimdex ingest`
    python -m bench.profile_ingest --scanned-timeline 30 # only the timeline of a 30-scanned-page ingest
    python -m bench.profile_ingest --digital-timeline 500  # only the timeline of a 500-page born-digital ingest
    python -m bench.profile_ingest --step-cpu 500        # CPU a page of each step of the tasks (no cProfile)
    CLAIMDEX_OCR_IN_PROCESS=false python -m bench.profile_ingest --scanned-timeline 30   # with the command

Part 1 runs every task of a real ingest eagerly in this process (Celery ``task_always_eager``: the same
task code, no broker, no pool) under cProfile, and prints the time per task (its own time, children
excluded) and the functions that cost most. Part 2 runs the real `claimdex ingest` of a 1-page file in a
fresh data dir and splits its wall time with the timestamps SQL keeps (file queued, page stored, file
analysed, claim indexed) and the moment the command exits: start-up, queue-to-first-page, analysis,
indexing, shutdown. With --scanned-timeline N (or --digital-timeline N), part 3 does the same for N scanned
pages (OCR) or N born-digital pages and says how many cores the command's processes kept busy in each phase
(sampled CPU of its whole process tree): the start-up, the page phase (first to last page stored) and the
tail (last page stored to exit), and the CPU seconds of each kind of process (the command, its Redis,
Celery's main process, the pool processes). With --step-cpu N, the tasks of an N-page born-digital ingest
run eagerly in one process warmed as a pool process is, each step timed with time.process_time (no
profiler overhead): reading, typing, flags, storing, indexing, finish_file and its parts.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import os
import pstats
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import psutil

from bench.pipeline_run import REPO, ensure_model_dir


def _fresh_env(data_dir: Path) -> None:
    for key in [k for k in os.environ if k.startswith("CLAIMDEX_") and k != "CLAIMDEX_MODEL_DIR"]:
        del os.environ[key]
    os.environ["CLAIMDEX_DATA_DIR"] = str(data_dir)
    os.environ["CLAIMDEX_BROKER_URL"] = "memory://"  # eager: never used, but no private Redis is started


def profile_work(paths: list[Path], top: int) -> None:
    """Every task of one ingest, eagerly in this process, under cProfile."""
    from celery.signals import task_postrun, task_prerun

    from claims.intake import add_uploads
    from claims.trained_models import model_status
    from config.settings import get_settings, reset_settings_cache
    from store.db import create_schema, session_scope

    reset_settings_cache()
    settings = get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    create_schema()
    if problem := model_status(settings):  # main() trained them (ensure_model_dir) before this
        raise SystemExit(problem)
    from workers.celery_app import app
    from workers.tasks import CeleryWorkQueue

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True

    own: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    stack: list[list[Any]] = []

    def before(task: Any = None, **_: Any) -> None:
        stack.append([task.name.split(".")[-1], time.perf_counter(), 0.0])

    def after(task: Any = None, **_: Any) -> None:
        name, started, children = stack.pop()
        elapsed = time.perf_counter() - started
        own[name] += elapsed - children
        calls[name] += 1
        if stack:
            stack[-1][2] += elapsed

    task_prerun.connect(before, weak=False)
    task_postrun.connect(after, weak=False)
    with session_scope() as s:
        result = add_uploads(s, "profile", [(p.name, p) for p in paths])
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    CeleryWorkQueue().ingest_files(result.queued_file_ids)
    profiler.disable()
    total = time.perf_counter() - started
    n_pages = _pages(settings.data_dir / "claimdex.sqlite3")
    print(f"work of one ingest, in-process ({n_pages} pages): {total:.2f} s = "
          f"{1000 * total / max(1, n_pages):.1f} ms a page")
    for name, seconds in sorted(own.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<16} {seconds:7.2f} s  {100 * seconds / total:5.1f}%  ({calls[name]} task(s), "
              f"{1000 * seconds / max(1, n_pages):.2f} ms a page)")
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    print(_trim(out.getvalue()))


# (module, function) of each step --step-cpu times; a step's time includes the steps it calls.
STEPS = (
    ("workers.tasks", "read_text_layers"), ("workers.page_extraction", "read_page_text_layer"),
    ("workers.text_layer", "_pdfium_words"), ("workers.page_extraction", "assemble_text"),
    ("workers.tasks", "page_caches"), ("claims.page_analysis", "page_features"),
    ("claims.page_analysis", "predict_pages"), ("claims.page_analysis", "find_flags"),
    ("claims.page_results", "begin_chunk"), ("claims.page_results", "store_pages"),
    ("workers.tasks", "_index_new_pages"), ("workers.tasks", "analyse_and_close_file"),
    ("claims.analysis", "_documents_for"), ("claims.analysis", "_store_flags"),
    ("workers.tasks", "index_file_fields"),
)


def step_cpu(pdf: Path, pages: int) -> None:
    """CPU a page of each step of an ingest's tasks, eagerly in one process warmed as a pool process is."""
    import functools
    import importlib

    from claims.intake import add_uploads
    from config.settings import get_settings, reset_settings_cache
    from store.db import create_schema, session_scope

    reset_settings_cache()
    get_settings().data_dir.mkdir(parents=True, exist_ok=True)
    create_schema()
    import workers.tasks as tasks
    from workers.celery_app import app

    tasks._warm_up_before_fork()
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    spent: dict[str, float] = defaultdict(float)

    def timed(label: str, f: Any) -> Any:
        @functools.wraps(f)
        def run(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return f(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - started
        return run

    for module_name, name in STEPS:
        module = importlib.import_module(module_name)
        setattr(module, name, timed(name, getattr(module, name)))
    with session_scope() as s:
        result = add_uploads(s, "steps", [(pdf.name, pdf)])
    started, wall = time.process_time(), time.perf_counter()
    tasks.CeleryWorkQueue().ingest_files(result.queued_file_ids)
    total = time.process_time() - started
    print(f"CPU of every task of a {pages}-page born-digital ingest, one warmed process: {1000 * total / pages:.2f} ms "
          f"a page ({total:.2f} s; wall {time.perf_counter() - wall:.2f} s)")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<24} {1000 * seconds / pages:6.2f} ms a page")


def _trim(report: str) -> str:
    """pstats output without its long absolute paths."""
    return report.replace(str(REPO) + "/", "").replace(sys.prefix + "/lib/python3.11/site-packages/", "")


def _pages(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("select count(*) from pages where status = 'done'").fetchone()[0])


def fixed_cost_timeline(pdf: Path, runs: int) -> None:
    """The real command on a 1-page file, its wall time split by the timestamps SQL keeps."""
    print(f"\nfixed cost: `claimdex ingest` of a 1-page file, fresh data dir, embedded defaults ({runs} run(s))")
    rows: list[dict[str, float]] = []
    model_dir = ensure_model_dir()  # a fresh data dir has no model: trained once, outside the timing
    for _ in range(runs):
        data = Path(tempfile.mkdtemp(prefix="claimdex-fixed-"))
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMDEX_")}
        env["CLAIMDEX_DATA_DIR"] = str(data)
        env["CLAIMDEX_MODEL_DIR"] = model_dir
        t0 = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        w0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "api.cli", "ingest", str(pdf), "--claim", "fixed"],
                              cwd=REPO, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - w0
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr[-2000:])
        with sqlite3.connect(data / "claimdex.sqlite3") as conn:
            created, finished = conn.execute("select created_at, finished_at from files").fetchone()
            stored = conn.execute("select min(processed_at) from pages").fetchone()[0]
            indexed = conn.execute("select indexed_at from claims").fetchone()[0]

        def since(stamp: str | None, t0: dt.datetime = t0) -> float:
            return (dt.datetime.fromisoformat(stamp) - t0).total_seconds() if stamp else float("nan")

        rows.append({"queued": since(created), "page": since(stored), "analysed": since(finished),
                     "indexed": since(indexed), "exit": wall})
    for r in rows:
        print(f"  start-up to file queued {r['queued']:5.2f} s | to page stored {r['page'] - r['queued']:5.2f} s | "
              f"analysis {r['analysed'] - r['page']:5.2f} s | indexing {r['indexed'] - r['analysed']:5.2f} s | "
              f"until exit {r['exit'] - r['indexed']:5.2f} s | total {r['exit']:5.2f} s")


def _role(p: psutil.Process, root: psutil.Process) -> str:
    """What a process of the command's tree is: the command, its Redis, the Celery main process, a pool
    process, or another child."""
    if p.pid == root.pid:
        return "command"
    cmd = " ".join(p.cmdline())
    if "redis-server" in cmd:
        return "redis"
    if "celery" in cmd and "worker" in cmd:
        parent = p.parent()
        return "pool process" if parent is not None and "celery" in " ".join(parent.cmdline()) else "celery main"
    return "other"


def _sample_cpu(root: psutil.Process, samples: list[tuple[float, float]], stop: Any,
                by_role: dict[str, float] | None = None) -> None:
    """(seconds since start, CPU seconds of the whole tree) every 0.1 s; a finished process keeps its last
    reading (one shorter than the interval is missed). `by_role` gets the CPU seconds of each kind of
    process at the end (_role)."""
    started = time.perf_counter()
    seen: dict[int, float] = {}
    roles: dict[int, str] = {}
    while not stop.is_set():
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for p in procs:
            try:
                t = p.cpu_times()
                seen[p.pid] = t.user + t.system
                if p.pid not in roles:
                    roles[p.pid] = _role(p, root)
            except psutil.Error:
                continue
        samples.append((time.perf_counter() - started, sum(seen.values())))
        time.sleep(0.1)
    if by_role is not None:
        for pid, seconds in seen.items():
            by_role[roles.get(pid, "other")] = by_role.get(roles.get(pid, "other"), 0.0) + seconds


def _cores(samples: list[tuple[float, float]], start: float, end: float) -> float:
    """Average cores busy between two moments (seconds since the command started)."""
    inside = [(t, c) for t, c in samples if start <= t <= end]
    if len(inside) < 2 or inside[-1][0] <= inside[0][0]:
        return float("nan")
    return (inside[-1][1] - inside[0][1]) / (inside[-1][0] - inside[0][0])


def ingest_timeline(pdf: Path, pages: int, runs: int, kind: str = "scanned") -> None:
    """The real command on one file: where its wall time goes and how busy the cores were."""
    import threading

    print(f"\n{kind}: `claimdex ingest` of {pages} {kind} pages, fresh data dir, embedded defaults, "
          f"{os.cpu_count()} cores ({runs} run(s))")
    model_dir = ensure_model_dir()
    for _ in range(runs):
        data = Path(tempfile.mkdtemp(prefix="claimdex-timeline-"))
        # CLAIMDEX_OCR_* pass through: CLAIMDEX_OCR_IN_PROCESS=false times the `tesseract` command instead.
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMDEX_") or k.startswith("CLAIMDEX_OCR_")}
        env.update({"CLAIMDEX_DATA_DIR": str(data), "CLAIMDEX_MODEL_DIR": model_dir, "OMP_THREAD_LIMIT": "1"})
        samples: list[tuple[float, float]] = []
        stop = threading.Event()
        t0 = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        w0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "api.cli", "ingest", str(pdf), "--claim", "timeline"],
                                cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        by_role: dict[str, float] = {}
        sampler = threading.Thread(target=_sample_cpu, args=(psutil.Process(proc.pid), samples, stop, by_role),
                                   daemon=True)
        sampler.start()
        _, err = proc.communicate()
        wall = time.perf_counter() - w0
        stop.set()
        sampler.join()
        if proc.returncode != 0:
            raise RuntimeError(err[-2000:])
        with sqlite3.connect(data / "claimdex.sqlite3") as conn:
            created, finished = conn.execute("select created_at, finished_at from files").fetchone()
            stamps = sorted(r[0] for r in conn.execute("select processed_at from pages"))
            indexed = conn.execute("select indexed_at from claims").fetchone()[0]

        def since(stamp: str | None, t0: dt.datetime = t0) -> float:
            return (dt.datetime.fromisoformat(stamp) - t0).total_seconds() if stamp else float("nan")

        queued, first, last = since(created), since(stamps[0]), since(stamps[-1])
        analysed, done = since(finished), since(indexed)
        rate = (len(stamps) - 1) / max(last - first, 1e-9)
        print(f"  total {wall:5.1f} s: start-up to file queued {queued:4.1f} s | to first page stored "
              f"{first - queued:4.1f} s | page phase {last - first:5.1f} s ({rate:.2f} "
              f"pages/s) | analysis {analysed - last:4.2f} s | indexing {done - analysed:4.2f} s | "
              f"until exit {wall - done:4.2f} s")
        print(f"    cores busy: start-up {_cores(samples, 0, first):.2f} | page phase "
              f"{_cores(samples, first, last):.2f} | tail {_cores(samples, last, wall):.2f} | whole run "
              f"{_cores(samples, 0, wall):.2f}")
        print("    CPU seconds (sampled): " + " | ".join(f"{role} {seconds:.2f}" for role, seconds in
                                                       sorted(by_role.items(), key=lambda kv: -kv[1])))


def main(argv: list[str] | None = None) -> None:
    from samples.bench_files import write_born_digital_pdf, write_scanned_pdf

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--digital", type=int, default=500, help="born-digital pages to profile")
    ap.add_argument("--scanned", type=int, default=0, help="scanned pages to profile (OCR)")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--fixed-runs", type=int, default=2)
    ap.add_argument("--fixed-only", action="store_true")
    ap.add_argument("--scanned-timeline", type=int, default=0, metavar="N",
                    help="only the timeline of an N-scanned-page ingest (OCR)")
    ap.add_argument("--digital-timeline", type=int, default=0, metavar="N",
                    help="only the timeline of an N-page born-digital ingest")
    ap.add_argument("--step-cpu", type=int, default=0, metavar="N",
                    help="only the CPU a page of each task step of an N-page born-digital ingest")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-profile-"))
    if args.scanned_timeline:
        n = args.scanned_timeline
        ingest_timeline(write_scanned_pdf(work / "timeline.pdf", n, seed=2026), n, args.fixed_runs)
        return
    if args.step_cpu:
        pdf = write_born_digital_pdf(work / "steps.pdf", args.step_cpu)
        ensure_model_dir()
        _fresh_env(work / "data")
        step_cpu(pdf, args.step_cpu)
        return
    if args.digital_timeline:
        n = args.digital_timeline
        ingest_timeline(write_born_digital_pdf(work / "timeline.pdf", n), n, args.fixed_runs, "born-digital")
        return
    one = write_born_digital_pdf(work / "one-page.pdf", 1, seed=3)
    if not args.fixed_only:
        paths = []
        if args.digital:
            paths.append(write_born_digital_pdf(work / "digital.pdf", args.digital))
        if args.scanned:
            paths.append(write_scanned_pdf(work / "scanned.pdf", args.scanned, seed=5))
        ensure_model_dir()
        _fresh_env(work / "data")  # keeps CLAIMDEX_MODEL_DIR
        profile_work(paths, args.top)
    fixed_cost_timeline(one, args.fixed_runs)


if __name__ == "__main__":
    main()
