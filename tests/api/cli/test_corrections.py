"""A provider's correction survives re-processing, and `claimdex train` learns from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from api.cli import main
from tests.conftest import WorkerPool
from tests.workers.pipeline_support import export_claim, queue_files, wait_for_claim

pytestmark = pytest.mark.slow


def test_type_correction_persists_through_reprocessing_and_feeds_training(
    data_dir: Path, clean_broker: None, tmp_path: Path
) -> None:
    from samples.bench_files import write_born_digital_pdf

    pdf = tmp_path / "records.pdf"
    write_born_digital_pdf(pdf, 3)
    pool = WorkerPool(tmp_path / "worker.log", concurrency=2)
    try:
        queue_files("corr", [pdf])
        wait_for_claim("corr", timeout=180)
    finally:
        pool.stop()
    first = export_claim("corr")["documents"][0]
    new_type = "buddy_statement" if first["record_type"] != "buddy_statement" else "claim_form"
    runner = CliRunner()
    result = runner.invoke(main, ["correct", "corr", "--file", first["file_id"], "--page", str(first["first_page"]),
                                  "--type", new_type])
    assert result.exit_code == 0, result.output
    doc = export_claim("corr")["documents"][0]
    assert (doc["record_type"], doc["origin"], doc["confidence"]) == (new_type, "corrected", 1.0)

    # Re-processing the file (what a retry or a re-segmentation does) replays the correction.
    from workers.tasks import finish_file

    finish_file.run(first["file_id"])
    again = export_claim("corr")["documents"][0]
    assert (again["record_type"], again["origin"]) == (new_type, "corrected")
    assert all(f["record_type"] == new_type for f in export_claim("corr")["flags"]
               if again["first_page"] <= f["page"] <= again["last_page"])

    result = runner.invoke(main, ["train", "--out", str(tmp_path / "models")])
    assert result.exit_code == 0, result.output
    pages = again["last_page"] - again["first_page"] + 1
    assert f"+ {pages} corrected page(s)" in result.output
    assert {p.name for p in (tmp_path / "models").iterdir()} == {
        "record_type_model.npz", "record_type_model.json", "flag_sentence_model.npz", "flag_sentence_model.json"}


def test_a_correction_needs_exactly_one_kind(data_dir: Path) -> None:
    result = CliRunner().invoke(main, ["correct", "c", "--file", "f", "--page", "1", "--split", "--merge"])
    assert result.exit_code != 0 and "exactly one of" in result.output
