"""The first hour of a new user, item by item (issue 15): each stumble found on a fresh clone, checked.

Commands run in-process through click's runner; processing, where a test needs it, runs the real tasks
in this process (Celery eager mode) against a fresh data dir.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from api.cli import main
from tests.fixture_files import OTHER_LINES, text_pdf_bytes, write
from tests.workers.pipeline_support import eager_tasks

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def eager(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from config.settings import reset_settings_cache

    monkeypatch.setenv("CLAIMDEX_OCR_DPI", "150")
    reset_settings_cache()
    with eager_tasks():
        yield


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def pdf(tmp_path: Path, name: str, lines: list[str]) -> Path:
    return write(tmp_path / name, text_pdf_bytes([lines, [f"Second page of {name}", *OTHER_LINES]]))


# ---------------------------------------------------------------------------- finding claimdex and the demo


def test_readme_puts_claimdex_on_the_path_and_names_the_demo_claim_and_the_first_user() -> None:
    readme = (REPO / "README.md").read_text()
    assert "source .venv/bin/activate" in readme
    assert ".venv/bin/claimdex demo" in readme or "source .venv/bin/activate && claimdex demo" in readme
    assert "claim id `sample`" in readme or "claim `sample`" in readme
    assert "claimdex user add" in readme and "--role staff" in readme
    assert re.search(r"install.*--dev.*(installs|takes)", readme, re.S | re.I)


def test_demo_next_steps_name_the_claim_and_a_command_that_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from api.cli import common
    from api.cli.processing import next_steps

    monkeypatch.setattr(common.shutil, "which", lambda _name: None)  # a fresh shell: the venv not activated
    text = next_steps("sample")
    assert "claim id `sample`" in text
    first = text.splitlines()[1].split()[0]
    assert first != "claimdex" and (Path(first).exists() or first.endswith("python") or "-m api.cli" in text)
    assert "summary sample" in text and "search 'antalgic gait' --claim sample" in text
    assert "user add" in text and "serve" in text

    monkeypatch.setattr(common.shutil, "which", lambda _name: str(Path(common.sys.executable).parent / "claimdex"))
    assert next_steps("sample").splitlines()[1].split()[0] == "claimdex"


# ---------------------------------------------------------------------------- ingest that cannot process


def test_a_text_file_renamed_pdf_ends_at_once_with_the_reason_and_exit_4(eager: None, tmp_path: Path) -> None:
    fake = tmp_path / "records.pdf"
    fake.write_text("just some notes, not a PDF at all\n" * 20)
    result = run("ingest", str(fake), "--claim", "txt")
    assert result.exit_code == 4, result.output
    assert "records.pdf" in result.output and "failed" in result.output
    assert "counting pages" not in result.output and "0/0" not in result.output  # no waiting loop
    status = run("status", "txt")
    assert "index pending" not in status.output and "nothing to index" in status.output


def test_partial_exits_3_and_done_exits_0(eager: None, tmp_path: Path) -> None:
    good = pdf(tmp_path, "good.pdf", ["CHRONOLOGICAL RECORD OF MEDICAL CARE", "Low back pain after a ruck march."])
    bad = tmp_path / "bad.pdf"
    bad.write_text("not a pdf\n")
    assert run("ingest", str(good), "--claim", "ok").exit_code == 0
    mixed = run("ingest", str(pdf(tmp_path, "other.pdf", ["REPORT OF MEDICAL EXAMINATION",
                                                                "Spine abnormal with recurrent back pain."])), str(bad),
                "--claim", "mixed")
    assert mixed.exit_code == 3, mixed.output
    assert "Exit codes: 0" in run("ingest", "--help").output


def test_a_rerun_says_nothing_new_was_read_instead_of_a_rate(eager: None, tmp_path: Path) -> None:
    doc = pdf(tmp_path, "note.pdf", ["CHRONOLOGICAL RECORD OF MEDICAL CARE", "Antalgic gait noted."])
    first = run("ingest", str(doc), "--claim", "again")
    assert first.exit_code == 0 and "this run: 2 page(s) read" in first.output
    second = run("ingest", str(doc), "--claim", "again")
    assert second.exit_code == 0
    assert "nothing new to read" in second.output and "pages/s" not in second.output


def test_progress_names_each_phase() -> None:
    from api.cli.progress_display import render_progress

    view = {"pages_total": 57, "pages_done": 30, "pages_failed": 1, "pages_text_layer": 25, "pages_ocr": 5}
    assert "counting pages" in render_progress({**view, "phase": "counting pages"}, 0, 1.0)
    line = render_progress({**view, "phase": "reading pages"}, 31, 10.0)
    assert "reading pages 31/57 (text layer 25, OCR 5, 1 failed)" in line and "3.1 pages/s" in line
    assert "analysis" in render_progress({**view, "phase": "analysis"}, 31, 10.0)
    assert "indexing" in render_progress({**view, "phase": "indexing"}, 31, 10.0)
    assert "pages/s" not in render_progress({**view, "phase": "analysis"}, 0, 10.0)  # nothing read by this run


# ---------------------------------------------------------------------------- status without a broker


def test_status_without_the_private_redis_answers_plainly_without_retry_sleeps(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from config.settings import reset_settings_cache

    monkeypatch.delenv("CLAIMDEX_BROKER_URL")  # the embedded default, and its Redis not running
    reset_settings_cache()

    def no_sleeping(seconds: float) -> None:
        raise AssertionError(f"status slept {seconds} s (a retry loop)")

    monkeypatch.setattr(time, "sleep", no_sleeping)
    result = run("status")
    assert result.exit_code == 0, result.output
    assert "the private Redis is not running" in result.output
    assert "broker not running task(s)" not in result.output


# ---------------------------------------------------------------------------- search


def test_search_refuses_an_unknown_claim_type_or_flag_and_lists_the_valid_values(eager: None, tmp_path: Path) -> None:
    run("ingest", str(pdf(tmp_path, "s.pdf", ["LOCAL TITLE: PRIMARY CARE NOTE", "Antalgic gait."])), "--claim", "s")
    unknown = run("search", "gait", "--claim", "nope")
    assert unknown.exit_code == 1 and "no claim nope" in unknown.output
    bad_type = run("search", "gait", "--claim", "s", "--type", "xray")
    assert bad_type.exit_code == 2 and "cp_exam" in bad_type.output
    bad_flag = run("search", "gait", "--claim", "s", "--flag", "limp")
    assert bad_flag.exit_code == 2 and "back_complaint" in bad_flag.output
    helptext = run("search", "--help").output
    assert "service_treatment" in helptext and "aging_attribution" in helptext


def test_search_output_has_no_html_entities(eager: None, tmp_path: Path) -> None:
    doc = pdf(tmp_path, "vitals.pdf", ["LOCAL TITLE: PRIMARY CARE NOTE",
                                       "Pain score > 7 & worse with lifting <heavy>."])
    run("ingest", str(doc), "--claim", "ent")
    result = run("search", "lifting", "--claim", "ent")
    assert result.exit_code == 0 and "1 page(s)" in result.output
    assert "&gt;" not in result.output and "&amp;" not in result.output and "&lt;" not in result.output
    assert "> 7 & worse with [lifting] <heavy>" in result.output


# ---------------------------------------------------------------------------- export and correct


def test_export_to_a_missing_folder_is_a_clear_error(eager: None, tmp_path: Path) -> None:
    run("ingest", str(pdf(tmp_path, "e.pdf", ["RATING DECISION", "Service connection is denied."])), "--claim", "e")
    result = run("export", "e", "--out", str(tmp_path / "missing" / "dir" / "x.json"))
    assert result.exit_code == 1
    assert "does not exist" in result.output and "Traceback" not in result.output
    ok = run("export", "e", "--out", str(tmp_path / "e.json"))
    assert ok.exit_code == 0 and json.loads((tmp_path / "e.json").read_text())["claim_id"] == "e"


def test_correct_takes_the_file_name_as_uploaded(eager: None, tmp_path: Path) -> None:
    run("ingest", str(pdf(tmp_path, "sample_claim.pdf", ["LOCAL TITLE: PRIMARY CARE NOTE", "Gait antalgic."])),
        "--claim", "c")
    result = run("correct", "c", "--file", "sample_claim.pdf", "--page", "1", "--type", "cp_exam")
    assert result.exit_code == 0, result.output
    assert "correction recorded" in result.output


def test_the_progress_json_the_web_reads_has_phases_and_honest_rates(eager: None, tmp_path: Path) -> None:
    import datetime as dt

    from claims.progress import claim_progress, file_phase
    from store.db import session_scope
    from store.models import Claim

    claim = Claim(claim_id="x", index_status="pending")
    now = dt.datetime(2026, 1, 1, 12, 0)
    assert file_phase("queued", 0, 0, 0, None, claim) == "queued"
    assert file_phase("processing", 0, 0, 0, None, claim) == "counting pages"
    assert file_phase("processing", 57, 20, 37, None, claim) == "reading pages"
    assert file_phase("processing", 57, 0, 57, None, claim) == "analysis"
    assert file_phase("done", 57, 0, 57, now, claim) == "indexing"
    claim.indexed_at = now
    assert file_phase("done", 57, 0, 57, now, claim) == "done"

    run("ingest", str(pdf(tmp_path, "p.pdf", ["LOCAL TITLE: PRIMARY CARE NOTE", "Antalgic gait noted today."])),
        "--claim", "phases")
    with session_scope() as s:
        p = claim_progress(s, "phases")
    assert (p["phase"], p["pages_text_layer"], p["pages_ocr"]) == ("done", 2, 0)
    f = p["files"][0]
    assert f["phase"] == "done" and f["pages_text_layer"] == 2
    # Measured from the pages' own timestamps, never from pages read before (None when it cannot be).
    assert f["pages_per_second"] is None or f["pages_per_second"] > 0


def test_the_data_dir_option_also_moves_the_broker(tmp_path: Path, data_dir: Path) -> None:
    """`claimdex --data-dir X ...` must queue to X's embedded broker: the Celery app, configured when the
    commands were imported, used to keep the default data dir's socket ("demo" failed to connect)."""
    from config.settings import reset_settings_cache
    from workers.celery_app import app, apply_settings

    other = tmp_path / "elsewhere"
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.delenv("CLAIMDEX_BROKER_URL", raising=False)  # the embedded broker of the data dir
            mp.setenv("CLAIMDEX_DATA_DIR", str(data_dir))
            run("--data-dir", str(other), "status")
            assert str(other.resolve() / "redis.sock") in str(app.conf.broker_url)
    finally:
        reset_settings_cache()
        apply_settings()
    assert str(other) not in str(app.conf.broker_url)
