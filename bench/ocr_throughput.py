"""OCR throughput: our pipeline vs raw Tesseract vs OCRmyPDF on the same scanned PDF, in one run.

    python bench/ocr_throughput.py [--pages 20] [--digital-pages 300] [--memory-pages 1000]

Prints pages/second for each and the ratios (machines here are noisy: only ratios measured in the
same run mean anything). Also born-digital pages/second and a worker's peak memory on a long PDF.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.pipeline_run import run_pipeline


def _fmt(times: list[float]) -> str:
    return "/".join(f"{t:.1f}" for t in times)


def raw_tesseract(images: list[Path], cores: int, lang: str = "eng") -> float:
    """One `tesseract` process per core over pre-rendered page images; returns seconds."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    out_dir = Path(tempfile.mkdtemp(prefix="raw-tess-"))

    def one(img: Path) -> None:
        subprocess.run(["tesseract", str(img), str(out_dir / img.stem), "-l", lang, "tsv"], env=env,
                       check=True, capture_output=True)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=cores) as pool:
        list(pool.map(one, images))
    return time.perf_counter() - started


def ocrmypdf(pdf: Path, cores: int) -> float:
    out_dir = Path(tempfile.mkdtemp(prefix="ocrmypdf-"))
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    started = time.perf_counter()
    subprocess.run(["ocrmypdf", "--output-type", "pdf", "--sidecar", str(out_dir / "out.txt"), "-j", str(cores),
                    "--force-ocr", str(pdf), str(out_dir / "out.pdf")], check=True, capture_output=True, env=env)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    from samples.bench_files import render_pages_to_images, write_born_digital_pdf, write_scanned_pdf

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=20, help="scanned pages for the OCR comparison")
    ap.add_argument("--digital-pages", type=int, default=300)
    ap.add_argument("--memory-pages", type=int, default=1000)
    ap.add_argument("--dpi", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    cores = os.cpu_count() or 1
    work = Path(tempfile.mkdtemp(prefix="bench-ocr-"))

    scanned = work / "scanned.pdf"
    write_scanned_pdf(scanned, args.pages, seed=2026)
    images_dir = work / "images"
    images = render_pages_to_images(scanned, images_dir, args.dpi)
    print(f"{args.pages} distinct scanned pages, {args.dpi} dpi, {cores} cores")

    # Rounds alternate the three methods and each keeps its best time: a burst of load from another
    # process then hurts one round of one method, not the comparison.
    have_ocrmypdf = shutil.which("ocrmypdf") is not None
    ours_s, ours_phase, raw_s, omp_s = [], [], [], []
    for _ in range(args.rounds):
        run = run_pipeline([scanned], args.pages, env={"CLAIMDEX_OCR_DPI": str(args.dpi)})
        ours_s.append(run.seconds)
        if run.page_phase_seconds:
            ours_phase.append(run.page_phase_seconds)
        raw_s.append(raw_tesseract(images, cores))
        if have_ocrmypdf:
            omp_s.append(ocrmypdf(scanned, cores))
    ours_pps, raw_pps = args.pages / min(ours_s), args.pages / min(raw_s)
    print(f"best of {args.rounds} alternating rounds")
    print(f"  pipeline end to end     {ours_pps:6.2f} pages/s  ({min(ours_s):.1f} s; all {_fmt(ours_s)}; "
          f"incl. start-up, classification, flags, indexing)")
    print(f"  raw tesseract (-P {cores})    {raw_pps:6.2f} pages/s  ({min(raw_s):.1f} s; all {_fmt(raw_s)}; "
          f"images pre-rendered)")
    print(f"  pipeline / raw tesseract   {ours_pps / raw_pps:5.2f}  (overhead {100 * (raw_pps / ours_pps - 1):+.1f}%)")
    if ours_phase:
        phase_pps = args.pages / min(ours_phase)
        phase_overhead = 100 * (raw_pps / phase_pps - 1)
        print(f"  pipeline page phase     {phase_pps:6.2f} pages/s  (first to last page stored, "
              f"{min(ours_phase):.1f} s: the rate a long claim file sees)")
        print(f"  page phase / raw tesseract {phase_pps / raw_pps:5.2f}  (overhead {phase_overhead:+.1f}%)")
    if omp_s:
        omp_pps = args.pages / min(omp_s)
        print(f"  ocrmypdf -j {cores}            {omp_pps:6.2f} pages/s  ({min(omp_s):.1f} s; all {_fmt(omp_s)})")
        print(f"  pipeline / ocrmypdf        {ours_pps / omp_pps:5.2f}")
    else:
        print("  ocrmypdf: not installed (bash scripts/install.sh --dev)")

    digital = work / "digital.pdf"
    write_born_digital_pdf(digital, args.digital_pages)
    d = run_pipeline([digital], args.digital_pages)
    print(f"born-digital: {d.pages_per_second:.1f} pages/s over {args.digital_pages} pages ({d.seconds:.1f} s)")

    if args.memory_pages:
        from samples.bench_files import write_large_mixed_pdf

        small_n = max(100, args.memory_pages // 5)
        small, large = work / "mem-small.pdf", work / "mem-large.pdf"
        write_large_mixed_pdf(small, small_n)
        write_large_mixed_pdf(large, args.memory_pages)
        a = run_pipeline([small], small_n)
        b = run_pipeline([large], args.memory_pages)
        print(f"worker peak memory: {a.max_pool_mib:.0f} MiB on {small_n} pages, {b.max_pool_mib:.0f} MiB on "
              f"{args.memory_pages} pages (ratio {b.max_pool_mib / a.max_pool_mib:.2f} for "
              f"{args.memory_pages / small_n:.0f}x the pages); celery main {b.main_peak_mib:.0f} MiB")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
