"""OCR of one page image (workers/ocr.py): the second, closer read of a line holding a damaged date.

A recording engine stands in for Tesseract where what is re-read, at what resolution and mode, and what
the page keeps must be exact; the last test runs the whole second read with the real engine.
"""

from __future__ import annotations

import time

import pytest
from PIL import Image

import workers.ocr
from classifiers.dates import find_dates
from tests.fixture_files import SCAN_DPI, render_lines
from workers.ocr import MAX_DATE_REREADS, REREAD_DPIS, ocr_image, reread_date_lines, tsv_to_data
from workers.tesseract_engine import PSM_AUTO, PSM_SINGLE_LINE, EngineError
from workers.text_layer import WordBox

PAGE_DPI = 200


def _line(words: list[str], top: float, left: float = 150.0, height: float = 24.0) -> list[WordBox]:
    boxes: list[WordBox] = []
    x = left
    for w in words:
        width = 14.0 * len(w)
        boxes.append((w, x, top, x + width, top + height, 71.0))
        x += width + 12.0
    return boxes


def _tsv(words: list[str], height: float = 48.0) -> str:
    """Tesseract's TSV rows (no header) of one line of words, boxes in the crop's pixels."""
    rows = []
    x = 10
    for i, w in enumerate(words, start=1):
        rows.append(f"5\t1\t1\t1\t1\t{i}\t{x}\t12\t{28 * len(w)}\t{height:.0f}\t93.5\t{w}")
        x += 28 * len(w) + 24
    return "\n".join(rows) + "\n"


class RecordingEngine:
    """Answers its reads with the given lines in turn (the last one ever after), and remembers what it was
    asked to read."""

    def __init__(self, *answers: list[str], fail: bool = False) -> None:
        self.answers = list(answers)
        self.fail = fail
        self.reads: list[tuple[tuple[int, int], float, int]] = []

    def recognise_tsv(self, image: Image.Image, dpi: float, timeout_s: float, psm: int = 3) -> str:
        if self.fail:
            raise EngineError("recognition failed")
        self.reads.append((image.size, dpi, psm))
        return _tsv(self.answers[min(len(self.reads), len(self.answers)) - 1])


def _page() -> Image.Image:
    return Image.new("L", (1700, 2200), 255)


def _text(line: list[WordBox]) -> str:
    return " ".join(w[0] for w in line)


def test_a_damaged_date_line_is_read_again_alone_and_replaced_in_page_coordinates() -> None:
    header = _line(["Riverside", "Orthopaedics", "Clinic"], top=150)
    dated = _line(["Procedure", "date:", "O4/l7", "2OI9x"], top=400)  # no full date can be read here
    body = _line(["Mild", "narrowing", "at", "L5-S1."], top=450)
    engine = RecordingEngine(["Procedure", "date:", "04/17/2019"])
    lines, rereads = reread_date_lines(engine, _page(), [header, dated, body], PAGE_DPI, time.monotonic() + 60)  # type: ignore[arg-type]

    assert rereads == 1
    assert lines[0] == header and lines[2] == body
    assert [str(d.value) for d in find_dates(_text(lines[1]))] == ["2019-04-17"]
    (size, dpi, psm), = engine.reads
    assert psm == PSM_SINGLE_LINE and dpi == REREAD_DPIS[0]
    scale = REREAD_DPIS[0] / PAGE_DPI
    left = min(w[1] for w in dated)
    assert size[0] > (max(w[3] for w in dated) - left) * scale  # the whole line, enlarged, with a margin
    # The second reading's boxes are in the page's pixels, inside the margin around the first line's box.
    first_word = lines[1][0]
    assert left - 24 <= first_word[1] <= left + 24 and 400 - 24 <= first_word[2] <= 424


def test_second_readings_without_a_full_date_keep_the_first() -> None:
    dated = _line(["Signed", "88", "NOV", "2019"], top=300)
    engine = RecordingEngine(["Signed", "B8", "NOV", "2019"])
    lines, rereads = reread_date_lines(engine, _page(), [dated], PAGE_DPI, time.monotonic() + 60)  # type: ignore[arg-type]
    assert lines == [dated]
    assert rereads == len(REREAD_DPIS) and [dpi for _, dpi, _ in engine.reads] == list(REREAD_DPIS)


def test_a_line_the_first_enlargement_leaves_unread_is_read_at_the_next() -> None:
    dated = _line(["Signed", "88", "NOV", "2019"], top=300)
    engine = RecordingEngine(["Signed", "B8", "NOV", "2019"], ["Signed", "08", "NOV", "2019"])
    lines, rereads = reread_date_lines(engine, _page(), [dated], PAGE_DPI, time.monotonic() + 60)  # type: ignore[arg-type]
    assert rereads == 2 and [str(d.value) for d in find_dates(_text(lines[0]))] == ["2019-11-08"]
    (first_size, _, _), (second_size, _, _) = engine.reads
    assert second_size[0] < first_size[0]  # the same crop, enlarged less
    scale = REREAD_DPIS[1] / PAGE_DPI
    assert abs(lines[0][0][1] - (dated[0][1] - 0.35 * 24 + 10 / scale)) <= 2  # boxes at that enlargement


def test_lines_with_their_dates_read_or_without_dates_are_not_read_again() -> None:
    lines = [_line(["Visit", "date:", "04/17/2019"], top=200), _line(["MRN", "55512345"], top=250),
             _line(["VA", "FORM", "21-4138,", "JUN", "2021"], top=300)]
    engine = RecordingEngine(["Visit", "date:", "04/17/2019"])
    out, rereads = reread_date_lines(engine, _page(), lines, PAGE_DPI, time.monotonic() + 60)  # type: ignore[arg-type]
    assert rereads == 0 and engine.reads == [] and out == lines


def test_a_page_gets_at_most_its_share_of_second_reads() -> None:
    damaged = [_line(["Date:", f"O{i}/l7", "2OI9x"], top=100 + 60 * i) for i in range(MAX_DATE_REREADS + 3)]
    engine = RecordingEngine(["Date:", "no", "date"])
    _, rereads = reread_date_lines(engine, _page(), damaged, PAGE_DPI, time.monotonic() + 60)  # type: ignore[arg-type]
    assert rereads == len(engine.reads) == MAX_DATE_REREADS


def test_a_failed_second_read_keeps_the_first_reading_and_the_page() -> None:
    dated = _line(["Procedure", "date:", "O4/l7", "2OI9x"], top=400)
    engine = RecordingEngine([], fail=True)
    lines, rereads = reread_date_lines(engine, _page(), [dated], PAGE_DPI, time.monotonic() + 60)  # type: ignore[arg-type]
    assert rereads == 0 and lines == [dated]


def test_no_time_left_means_no_second_read() -> None:
    dated = _line(["Procedure", "date:", "O4/l7", "2OI9x"], top=400)
    engine = RecordingEngine(["Procedure", "date:", "04/17/2019"])
    lines, rereads = reread_date_lines(engine, _page(), [dated], PAGE_DPI, time.monotonic() + 1)  # type: ignore[arg-type]
    assert rereads == 0 and engine.reads == [] and lines == [dated]


class LowConfidencePageEngine:
    """A page read with low confidence (it goes to orientation detection), holding a damaged date line;
    that line read alone holds its date."""

    def __init__(self) -> None:
        self.modes: list[int] = []

    def recognise_tsv(self, image: Image.Image, dpi: float, timeout_s: float, psm: int = PSM_AUTO) -> str:
        self.modes.append(psm)
        if psm == PSM_SINGLE_LINE:
            return _tsv(["Procedure", "date:", "04/17/2019"])
        rows = [f"5\t1\t1\t1\t{n}\t{i}\t{150 + 90 * i}\t{200 + 50 * n}\t80\t24\t31.0\t{w}"
                for n, line in enumerate((["Riverside", "Orthopaedics"], ["Procedure", "date:", "O4/l7", "2OI9x"]),
                                         start=1)
                for i, w in enumerate(line, start=1)]
        return "\n".join(rows) + "\n"


def test_a_page_sent_to_orientation_detection_and_kept_upright_gets_its_date_lines_read_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    engine = LowConfidencePageEngine()
    monkeypatch.setattr(workers.ocr, "engine_for", lambda languages: engine)
    monkeypatch.setattr(workers.ocr, "_detect_rotation", lambda path, dpi, deadline: 0)  # OSD: upright
    out = ocr_image(_page(), PAGE_DPI, "eng", orientation_check_confidence=60.0, time_budget_s=60)

    assert out.rotation == 0 and out.tesseract_calls == 3  # the page, orientation detection, the line
    assert engine.modes == [PSM_AUTO, PSM_SINGLE_LINE]
    assert [str(d.value) for line in out.lines for d in find_dates(_text(line))] == ["2019-04-17"]


def test_the_real_engine_reads_a_damaged_date_line_again_from_the_page_image() -> None:
    """The whole second read with real Tesseract: the page rendered from known text, its first reading's
    date line damaged as OCR damages it (boxes kept), read again from the image and replaced."""
    engine = workers.ocr.engine_for("eng")
    assert engine is not None, "libtesseract with English must load here (scripts/install.sh installs it)"
    image = render_lines(["Procedure date: 04/17/2019", "Mild narrowing at L5-S1."])
    first, _conf = workers.ocr._parse_data(tsv_to_data(engine.recognise_tsv(image, SCAN_DPI, 60)))
    dated = next(line for line in first if "Procedure" in _text(line))
    assert find_dates(_text(dated)), "the clean page's own reading holds its date"
    # its date word as OCR breaks it on a poor scan, every box where it was
    damaged = [("O4/l7/2OI9x" if any(ch.isdigit() for ch in w[0]) else w[0], *w[1:]) for w in dated]
    assert not any(d.precision == "day" for d in find_dates(_text(damaged)))

    lines, rereads = reread_date_lines(engine, image, [damaged if line is dated else line for line in first],
                                       SCAN_DPI, time.monotonic() + 60)

    assert rereads >= 1
    recovered = next(line for line in lines if "Procedure" in _text(line))
    assert [str(d.value) for d in find_dates(_text(recovered))] == ["2019-04-17"]
    top, bottom = min(w[2] for w in dated), max(w[4] for w in dated)
    assert all(top - 20 <= w[2] and w[4] <= bottom + 20 for w in recovered)  # in the page's pixels, on that line
