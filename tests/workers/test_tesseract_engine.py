"""Tesseract in the worker process (workers/tesseract_engine.py): the command's result, its model loaded once.

Real libtesseract and the real `tesseract` command on a page rendered from known text.
"""

from __future__ import annotations

from pathlib import Path

import pytesseract
import pytest
from PIL import Image

from tests.fixture_files import NOTE_LINES, SCAN_DPI, render_lines
from workers.ocr import tsv_to_data
from workers.tesseract_engine import PSM_SINGLE_LINE, EngineTimeout, engine_for


@pytest.fixture(scope="module")
def note_image() -> Image.Image:
    return render_lines(NOTE_LINES)


def test_in_process_result_is_the_commands_result(tmp_path: Path, note_image: Image.Image) -> None:
    engine = engine_for("eng")
    assert engine is not None
    path = tmp_path / "page.bmp"
    note_image.save(path)
    command = pytesseract.image_to_data(str(path), lang="eng", config=f"--dpi {SCAN_DPI}",
                                        output_type=pytesseract.Output.DICT)

    in_process = tsv_to_data(engine.recognise_tsv(note_image, SCAN_DPI, 60))

    assert in_process == command  # same words, boxes, confidences and layout
    assert "CHRONOLOGICAL" in in_process["text"]


def test_the_engine_is_made_once_per_process_and_reused(note_image: Image.Image) -> None:
    engine = engine_for("eng")
    first = engine.recognise_tsv(note_image, SCAN_DPI, 60) if engine else None

    assert engine_for("eng") is engine
    assert engine is not None and engine.recognise_tsv(note_image, SCAN_DPI, 60) == first  # no state kept


def test_a_page_past_its_deadline_is_stopped(note_image: Image.Image) -> None:
    engine = engine_for("eng")
    assert engine is not None
    with pytest.raises(EngineTimeout):
        engine.recognise_tsv(note_image, SCAN_DPI, 0.001)
    assert "CHRONOLOGICAL" in engine.recognise_tsv(note_image, SCAN_DPI, 60)  # still usable after


def _line_count(tsv: str) -> int:
    data = tsv_to_data(tsv)
    return len({(b, p, n) for lvl, b, p, n, t in zip(data["level"], data["block_num"], data["par_num"],
                                                    data["line_num"], data["text"], strict=True)
                if lvl == 5 and t.strip()})


def test_a_single_line_read_leaves_the_next_page_segmented_automatically(note_image: Image.Image) -> None:
    engine = engine_for("eng")
    assert engine is not None
    automatic = engine.recognise_tsv(note_image, SCAN_DPI, 60)
    as_one_line = engine.recognise_tsv(note_image, SCAN_DPI, 60, psm=PSM_SINGLE_LINE)

    assert _line_count(automatic) == len(NOTE_LINES)
    assert _line_count(as_one_line) == 1  # the whole image taken as one line, as asked
    assert engine.recognise_tsv(note_image, SCAN_DPI, 60) == automatic  # the page mode is back


def test_languages_that_cannot_load_mean_no_engine() -> None:
    # The caller then runs the command, which reports the missing language as an OCR error.
    assert engine_for("xx-not-a-language") is None


def test_tsv_rows_become_the_columns_pytesseract_gives() -> None:
    tsv = ("1\t1\t0\t0\t0\t0\t0\t0\t100\t50\t-1\t\n"
           "5\t1\t1\t1\t1\t1\t10\t12\t30\t9\t96.368050\tLBP\n"
           "5\t1\t1\t1\t1\t2\t45\t12\t20\t9\t91.000000\t")
    data = tsv_to_data(tsv)

    assert data["level"] == [1, 5, 5]
    assert data["text"] == ["", "LBP", ""]
    assert data["conf"] == [-1, 96, 91]  # truncated, as pytesseract's image_to_data dict does
    assert data["left"] == [0, 10, 45]
