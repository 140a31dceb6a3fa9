"""Scaling: throughput with 1 and 2 worker processes, memory on 1,000 and 3,000 pages, first-page latency.

    python bench/scale.py [--pages 12] [--sizes 1000,3000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from bench.pipeline_run import run_pipeline


def time_to_first_searchable_page(pdf: Path, pages: int) -> float:
    """Seconds from upload to the first page a search can find (indexed after its file finishes)."""
    import os
    import subprocess
    import threading

    data = Path(tempfile.mkdtemp(prefix="claimdex-first-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMDEX_")}
    env["CLAIMDEX_DATA_DIR"] = str(data)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "api.cli", "ingest", str(pdf), "--claim", "first"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    found: list[float] = []

    def poll() -> None:
        from config.settings import Settings
        from indexers.embedded_index import EmbeddedSearchIndex

        path = Settings(data_dir=data).embedded_index_path
        while proc.poll() is None and not found:
            if path.exists():
                try:
                    if EmbeddedSearchIndex(path).count("first") > 0:
                        found.append(time.perf_counter() - started)
                        return
                except Exception:  # noqa: BLE001 - the index may be mid-creation
                    pass
            time.sleep(0.1)

    t = threading.Thread(target=poll)
    t.start()
    proc.wait()
    t.join()
    return found[0] if found else time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    from samples.bench_files import write_large_mixed_pdf, write_scanned_pdf

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", type=int, default=12, help="scanned pages for the 1-vs-2-worker comparison")
    ap.add_argument("--sizes", default="1000,3000", help="page counts for the memory comparison")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))

    scanned = work / "scanned.pdf"
    write_scanned_pdf(scanned, args.pages, seed=7)
    one = run_pipeline([scanned], args.pages, concurrency=1)
    two = run_pipeline([scanned], args.pages, concurrency=2)
    print(f"{args.pages} scanned pages: 1 worker {one.pages_per_second:.2f} pages/s, 2 workers "
          f"{two.pages_per_second:.2f} pages/s, ratio {two.pages_per_second / one.pages_per_second:.2f}")

    sizes = [int(s) for s in args.sizes.split(",") if s]
    peaks = []
    for n in sizes:
        pdf = work / f"mixed-{n}.pdf"
        write_large_mixed_pdf(pdf, n)
        run = run_pipeline([pdf], n)
        peaks.append(run.max_pool_mib)
        print(f"{n} pages: {run.seconds:.1f} s ({run.pages_per_second:.1f} pages/s), peak pool process "
              f"{run.max_pool_mib:.0f} MiB, celery main {run.main_peak_mib:.0f} MiB")
    if len(peaks) >= 2:
        print(f"peak memory ratio {sizes[-1]}/{sizes[0]} pages: {peaks[-1] / peaks[0]:.2f} "
              f"(page ratio {sizes[-1] / sizes[0]:.1f})")
    first = time_to_first_searchable_page(scanned, args.pages)
    print(f"upload to first searchable page: {first:.1f} s ({args.pages}-page scanned file)")


if __name__ == "__main__":
    main()
