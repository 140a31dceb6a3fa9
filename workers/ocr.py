"""OCR one page image with Tesseract: words, boxes, confidence, and orientation when needed.

Cost matters more than anywhere else in the pipeline (the benchmark allows 15% over raw Tesseract),
so an upright page costs exactly one Tesseract run: orientation detection (OSD) runs only when that
first result looks wrong. Tesseract runs inside the worker process by default (workers/tesseract_engine.py:
the language model loaded once per process instead of once per page, about a fifth of a page's OCR), its
pixels handed over in memory. With `ocr_in_process` off, or an operator's own `tesseract_cmd`, the
command runs instead, on an uncompressed BMP file: pytesseract's default PNG encoding of a 300 dpi page
costs about a tenth of the OCR time, and Leptonica reads BMP markedly faster than PGM or uncompressed
TIFF (measured: PGM cost ~12% more). Orientation detection (OSD, rare) always runs the command.

A line of the upright reading that seems to hold a date OCR damaged past reading
(`classifiers.dates.damaged_date_line`: "DATE OF NOTE: MAR 15, 7417009", "(ATE Ob 1620L5") is read a
second time alone, in the engine: its crop enlarged to about 400 dpi (then 300 dpi if that reading holds
no full date) and read as one line. A second reading replaces the line only when a full date can be read
in it. At most MAX_DATE_REREADS such runs a page, and only for such lines (a few pages in a hundred have
one), so the page phase stays within a per cent or so of one Tesseract run.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytesseract
from PIL import Image

from classifiers.dates import damaged_date_line, find_dates
from workers.tesseract_engine import PSM_SINGLE_LINE, EngineError, EngineTimeout, TesseractEngine, engine_for
from workers.text_layer import WordBox

log = logging.getLogger(__name__)

# One thread per Tesseract: workers already run one process per core, and OpenMP threads on top
# of that make throughput worse, not better. Set before any Tesseract process is started.
os.environ["OMP_THREAD_LIMIT"] = "1"

# A result with fewer words than this, or a lower mean confidence, gets an orientation check.
MIN_WORDS_UPRIGHT = 3
# OSD's own confidence below this is a guess; such a rotation is not acted on.
MIN_OSD_CONFIDENCE = 1.5
MIN_CALL_TIMEOUT_S = 5.0
DEFAULT_TESSERACT_CMD = "tesseract"
# The second read of a line holding a damaged date: its crop enlarged to about each of these resolutions in
# turn until one reading holds a full date (a 200 dpi scan's line read at 400, then at 300 dpi), with this
# share of the line's height as margin; at most MAX_DATE_REREADS such Tesseract runs a page. Chosen on the
# dev folds' Tesseract pages (30 such lines): 400 dpi alone gave 10 lines their own full date, 300 dpi
# alone 10 and one line another day, 400 then 300 gave 14 and none another day.
REREAD_DPIS = (400, 300)
REREAD_MARGIN = 0.35
MAX_DATE_REREADS = 4
TSV_COLUMNS = ("level", "page_num", "block_num", "par_num", "line_num", "word_num", "left", "top", "width", "height",
               "conf", "text")


class OcrError(RuntimeError):
    """Tesseract failed on a page (crash, bad output). May be transient: the task retries it."""


class OcrTimeout(OcrError):
    """Tesseract ran past its time budget on a page."""


@dataclass
class OcrOutput:
    lines: list[list[WordBox]]  # in pixels of the image as given (not the rotated one)
    confidence: float | None
    rotation: int  # clockwise degrees the image was turned to read it: 0, 90, 180, 270
    tesseract_calls: int


def ocr_image(image: Image.Image, dpi: float, languages: str, orientation_check_confidence: float,
              time_budget_s: float, tesseract_cmd: str = DEFAULT_TESSERACT_CMD, in_process: bool = True) -> OcrOutput:
    deadline = time.monotonic() + time_budget_s
    # Per process, not per call: pytesseract keeps the executable in a module global.
    pytesseract.pytesseract.tesseract_cmd = tesseract_cmd
    # An operator's own executable (a wrapper with nice or ulimit) is respected: the command runs.
    engine = engine_for(languages) if in_process and tesseract_cmd == DEFAULT_TESSERACT_CMD else None
    with tempfile.TemporaryDirectory(prefix="claimdex-ocr-") as tmp:
        upright_path = Path(tmp) / "page.bmp"
        lines, conf = _read(engine, image, upright_path, dpi, languages, deadline)
        calls = 1
        if _looks_upright(lines, conf, orientation_check_confidence):
            # Tesseract reads some sideways pages as vertical text, well; only the boxes tell.
            rotation = _sideways_rotation(lines)
            if rotation != 0:
                return OcrOutput(lines, conf, rotation, calls)
            return _upright_output(engine, image, lines, conf, calls, dpi, deadline)
        if not upright_path.exists():
            image.save(upright_path)  # OSD runs the command, on a file
        rotation = _detect_rotation(upright_path, dpi, deadline)
        calls += 1
        if rotation == 0:
            return _upright_output(engine, image, lines, conf, calls, dpi, deadline)
        turned = image.rotate(-rotation, expand=True)  # PIL turns counter-clockwise
        turned_lines, turned_conf = _read(engine, turned, Path(tmp) / "turned.bmp", dpi, languages, deadline)
        calls += 1
    if _score(turned_lines, turned_conf) <= _score(lines, conf):
        # OSD was wrong: keep the upright reading
        return _upright_output(engine, image, lines, conf, calls, dpi, deadline)
    mapped = [[_unrotate(w, rotation, image.width, image.height) for w in line] for line in turned_lines]
    return OcrOutput(mapped, turned_conf, rotation, calls)


def _read(engine: TesseractEngine | None, image: Image.Image, path: Path, dpi: float, languages: str,
          deadline: float) -> tuple[list[list[WordBox]], float | None]:
    """One Tesseract run over the image: in this process when there is an engine, else the command on
    `path` (written here)."""
    if engine is None:
        image.save(path)
        return _ocr_file(path, dpi, languages, deadline)
    timeout = _remaining(deadline)
    try:
        tsv = engine.recognise_tsv(image, dpi, timeout)
    except EngineTimeout as exc:
        raise OcrTimeout(f"Tesseract OCR did not finish within {timeout:.0f} s and was stopped") from exc
    except EngineError as exc:
        raise OcrError(f"Tesseract OCR failed: {exc}") from exc
    return _parse_data(tsv_to_data(tsv))


def _upright_output(engine: TesseractEngine | None, image: Image.Image, lines: list[list[WordBox]],
                    conf: float | None, calls: int, dpi: float, deadline: float) -> OcrOutput:
    """The upright reading, its damaged date lines read again when the engine runs in this process (a
    page whose low confidence sent it to orientation detection too: such pages are where dates break)."""
    if engine is None:
        return OcrOutput(lines, conf, 0, calls)
    lines, rereads = reread_date_lines(engine, image, lines, dpi, deadline)
    return OcrOutput(lines, conf, 0, calls + rereads)


def reread_date_lines(engine: TesseractEngine, image: Image.Image, lines: list[list[WordBox]], dpi: float,
                      deadline: float) -> tuple[list[list[WordBox]], int]:
    """The lines of a page's reading, each line that seems to hold a damaged date read again alone and
    replaced when its second reading holds a full date; and how many second reads were made. A second
    read that fails or finds no time left keeps the first reading (the page is not failed for it)."""
    out = list(lines)
    rereads = 0
    for i, line in enumerate(lines):
        if rereads >= MAX_DATE_REREADS:
            break
        if not line or not damaged_date_line(" ".join(w[0] for w in line)):
            continue
        margin = max(2.0, REREAD_MARGIN * (max(w[4] for w in line) - min(w[2] for w in line)))
        left, top = max(0, int(min(w[1] for w in line) - margin)), max(0, int(min(w[2] for w in line) - margin))
        right = min(image.width, int(max(w[3] for w in line) + margin) + 1)
        bottom = min(image.height, int(max(w[4] for w in line) + margin) + 1)
        crop = image.crop((left, top, right, bottom))
        for target_dpi in REREAD_DPIS:
            if rereads >= MAX_DATE_REREADS:
                break
            scale = max(1.0, target_dpi / dpi)
            enlarged = crop.resize((round(crop.width * scale), round(crop.height * scale)),
                                   Image.Resampling.BICUBIC) if scale > 1.0 else crop
            try:
                tsv = engine.recognise_tsv(enlarged, dpi * scale, _remaining(deadline), psm=PSM_SINGLE_LINE)
            except (EngineError, OcrTimeout):
                log.info("second read of a date line failed; the first reading is kept")
                return out, rereads
            rereads += 1
            second, _ = _parse_data(tsv_to_data(tsv))
            words = [w for second_line in second for w in second_line]
            if any(d.precision == "day" for d in find_dates(" ".join(w[0] for w in words))):
                out[i] = [(text, left + x0 / scale, top + y0 / scale, left + x1 / scale, top + y1 / scale, conf)
                          for text, x0, y0, x1, y1, conf in words]
                break
    return out, rereads


def tsv_to_data(tsv: str) -> dict[str, list]:
    """Tesseract's TSV rows (no header) as the columns pytesseract's image_to_data gives: numbers as ints
    (pytesseract truncates confidences the same way), text as is."""
    data: dict[str, list] = {name: [] for name in TSV_COLUMNS}
    text_col = len(TSV_COLUMNS) - 1
    for row in tsv.rstrip("\n").split("\n"):
        cells = row.split("\t")
        if len(cells) == text_col:
            cells.append("")  # a last empty text cell
        if len(cells) != len(TSV_COLUMNS):
            continue
        for i, name in enumerate(TSV_COLUMNS):
            data[name].append(cells[i] if i == text_col else int(float(cells[i])))
    return data


def _looks_upright(lines: list[list[WordBox]], conf: float | None, threshold: float) -> bool:
    n_words = sum(len(line) for line in lines)
    return n_words >= MIN_WORDS_UPRIGHT and conf is not None and conf >= threshold


def _sideways_rotation(lines: list[list[WordBox]]) -> int:
    """90 or 270 when the words read were set vertically (a sideways page read as is), else 0.

    Costs no Tesseract run: a word of several letters taller than it is wide is vertical text, and
    the direction the words of a line advance in says which way the page was turned.
    """
    tall = wide = 0
    advance = 0.0
    for line in lines:
        for w in line:
            if len(w[0]) >= 3:
                if (w[4] - w[2]) > 1.5 * (w[3] - w[1]):
                    tall += 1
                else:
                    wide += 1
        for a, b in zip(line, line[1:], strict=False):
            advance += b[2] - a[2]
    if tall < MIN_WORDS_UPRIGHT or tall <= 2 * wide:
        return 0
    # Lines running down the image: the page was turned clockwise and needs 270 more to be upright.
    return 270 if advance > 0 else 90


def _score(lines: list[list[WordBox]], conf: float | None) -> float:
    """Confidence weighted by how much was read: a rotated page read upright yields few, bad words."""
    n_chars = sum(len(w[0]) for line in lines for w in line if w[5] >= 0)
    return (conf or 0.0) * n_chars


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left < MIN_CALL_TIMEOUT_S:
        raise OcrTimeout("no time left in the page's OCR budget for another Tesseract run")
    return left


def _config(dpi: float, extra: str = "") -> str:
    return f"--dpi {round(dpi)} {extra}".strip()


def _ocr_file(path: Path, dpi: float, languages: str, deadline: float) -> tuple[list[list[WordBox]], float | None]:
    timeout = _remaining(deadline)
    try:
        data = pytesseract.image_to_data(
            str(path), lang=languages, config=_config(dpi), output_type=pytesseract.Output.DICT, timeout=timeout
        )
    except RuntimeError as exc:
        _raise_ocr_error(exc, timeout, "OCR")
    return _parse_data(data)


def _raise_ocr_error(exc: RuntimeError, timeout: float, what: str) -> None:
    if isinstance(exc, pytesseract.TesseractError):
        raise OcrError(f"Tesseract {what} failed (exit status {exc.status}): {str(exc.message)[:300]}") from exc
    if "timeout" in str(exc).lower():
        raise OcrTimeout(f"Tesseract {what} did not finish within {timeout:.0f} s and was stopped") from exc
    raise OcrError(f"Tesseract {what} failed: {exc}") from exc


def _parse_data(data: dict[str, list]) -> tuple[list[list[WordBox]], float | None]:
    lines: dict[tuple[int, int, int], list[WordBox]] = {}
    confs: list[float] = []
    for i, raw_text in enumerate(data["text"]):
        text = str(raw_text).strip()
        if int(data["level"][i]) != 5 or not text:
            continue
        conf = float(data["conf"][i])
        left, top = float(data["left"][i]), float(data["top"][i])
        box: WordBox = (text, left, top, left + float(data["width"][i]), top + float(data["height"][i]), conf)
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        lines.setdefault(key, []).append(box)
        if conf >= 0 and any(c.isalnum() for c in text):
            confs.append(conf)
    mean = round(sum(confs) / len(confs), 2) if confs else None
    return list(lines.values()), mean


def _detect_rotation(path: Path, dpi: float, deadline: float) -> int:
    """Clockwise degrees to turn the image upright, per Tesseract OSD; 0 when OSD cannot tell."""
    timeout = _remaining(deadline)
    try:
        osd = pytesseract.image_to_osd(
            str(path), config=_config(dpi, "--psm 0"), output_type=pytesseract.Output.DICT, timeout=timeout
        )
    except pytesseract.TesseractError as exc:
        message = str(exc.message)
        if "Failed loading language" in message or "osd.traineddata" in message:
            # A broken install, not a page problem: fail loudly rather than never correct rotation.
            raise OcrError(f"orientation detection unavailable (install tesseract-ocr-osd): {message[:200]}") from exc
        # Near-empty or picture-only pages: "Too few characters. Skipping this page". Keep the upright read.
        log.info("orientation detection gave no answer", extra={"status": exc.status})
        return 0
    except RuntimeError as exc:
        _raise_ocr_error(exc, timeout, "orientation detection")
    rotate = int(osd.get("rotate", 0)) % 360
    if rotate not in (90, 180, 270) or float(osd.get("orientation_conf", 0.0)) < MIN_OSD_CONFIDENCE:
        return 0
    return rotate


def _unrotate(w: WordBox, rotation: int, width: int, height: int) -> WordBox:
    """Map a box from the image turned `rotation` degrees clockwise back onto the original image."""
    text, u0, v0, u1, v1, conf = w
    if rotation == 90:  # turned (u, v) = original (v, H - u)
        x0, y0, x1, y1 = v0, height - u1, v1, height - u0
    elif rotation == 180:
        x0, y0, x1, y1 = width - u1, height - v1, width - u0, height - v0
    elif rotation == 270:  # turned (u, v) = original (W - v, u)
        x0, y0, x1, y1 = width - v1, u0, width - v0, u1
    else:
        x0, y0, x1, y1 = u0, v0, u1, v1
    return (text, x0, y0, x1, y1, conf)
