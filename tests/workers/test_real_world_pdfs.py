"""Real-world PDFs, malformed ones included (pypdf's own test corpus, from its PyPI source
distribution), through the real pipeline: none may crash a worker or hang past its limit.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.conftest import WorkerPool
from tests.workers.pipeline_support import queue_files, wait_for_claim

pytestmark = pytest.mark.slow
CORPUS_CACHE = Path.home() / ".cache" / "claimdex-test-corpora"
PYPDF_SDIST = "pypdf==7.1.0"


def _pypdf_corpus() -> list[Path]:
    target = CORPUS_CACHE / "pypdf-7.1.0"
    if not target.exists():
        CORPUS_CACHE.mkdir(parents=True, exist_ok=True)
        got = subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
                              PYPDF_SDIST, "-d", str(CORPUS_CACHE)], capture_output=True, text=True, timeout=300)
        if got.returncode != 0:
            pytest.skip(f"cannot download the {PYPDF_SDIST} source distribution from PyPI: {got.stderr[-300:]}")
        with tarfile.open(CORPUS_CACHE / "pypdf-7.1.0.tar.gz") as tar:
            members = [m for m in tar.getmembers() if m.name.startswith("pypdf-7.1.0/resources/")
                       and m.name.endswith(".pdf") and m.isfile()]
            tar.extractall(CORPUS_CACHE, members=members, filter="data")
    return sorted((target / "resources").rglob("*.pdf"))


def test_pypdf_corpus_never_crashes_a_worker(data_dir: Path, clean_broker: None, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from config.settings import reset_settings_cache

    pdfs = _pypdf_corpus()
    assert len(pdfs) > 50
    env = {"CLAIMDEX_OCR_DPI": "100", "CLAIMDEX_TASK_SOFT_TIME_LIMIT": "60", "CLAIMDEX_TASK_TIME_LIMIT": "75"}
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    reset_settings_cache()
    pool = WorkerPool(tmp_path / "worker.log", concurrency=2, extra_env=env)
    try:
        queue_files("real-world", pdfs)
        p = wait_for_claim("real-world", timeout=900)
    finally:
        pool.stop()
    log = (tmp_path / "worker.log").read_text(errors="replace")
    assert not re.search(r"WorkerLostError|exited with 'signal|Hard time limit", log), log[-3000:]
    files = p["files"]
    assert all(f["status"] in ("done", "partial", "failed") for f in files)
    failed = [f for f in files if f["status"] != "done"]
    for f in failed:
        assert f["errors"], f"{f['filename']} is {f['status']} without a reason"
        for e in f["errors"]:
            assert e["code"] and f["filename"] in e["message"], e
    encrypted = {f["filename"] for f in files if any(e["code"] == "encrypted_pdf" for e in f["errors"])}
    assert {"encrypted-file.pdf", "r6-user-password.pdf"} <= encrypted
    # The corpus is mostly readable: most files must come through whole.
    done = sum(f["status"] == "done" for f in files)
    assert done >= 0.75 * len(files), [(f["filename"], f["errors"]) for f in failed]
