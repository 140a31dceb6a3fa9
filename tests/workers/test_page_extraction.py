"""One page in, text + words + boxes out: text layer when real, OCR (cached) otherwise.

Real pdfplumber, pypdfium2 and Tesseract throughout; scanned fixtures are rendered from known text so
OCR quality is measured, not assumed.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

import workers.page_extraction as page_extraction
from claims.input_kinds import InputError
from config.settings import Settings
from store.page_content import PageResult
from tests.fixture_files import (
    NOTE_LINES,
    OTHER_LINES,
    SCAN_DPI,
    RecordingCache,
    cer,
    image_pdf_bytes,
    png_header_only,
    render_lines,
    scanned_with_layer_bytes,
    text_pdf_bytes,
    write,
)
from workers.page_extraction import extract_page_content

NOTE_TEXT = "\n".join(NOTE_LINES)


@pytest.fixture(scope="module")
def note_image() -> Image.Image:
    return render_lines(NOTE_LINES)


@pytest.fixture
def no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    """Makes any Tesseract run fail the test: proves a path does not OCR."""

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("OCR was run")

    monkeypatch.setattr(page_extraction, "ocr_image", forbidden)


def assert_offsets_match(result: PageResult) -> None:
    assert result.words
    for text, start, end, *_ in result.words:
        assert result.text[start:end] == text


def word_box(result: PageResult, word: str) -> list[float]:
    return next(w[3:7] for w in result.words if w[0] == word)


def test_born_digital_page_reads_the_text_layer_without_ocr(
    tmp_path: Path, settings: Settings, no_ocr: None
) -> None:
    path = write(tmp_path / "note.pdf", text_pdf_bytes([NOTE_LINES]))
    cache = RecordingCache()
    result = extract_page_content(path, "pdf", 1, settings, cache)

    assert result.source == "text_layer" and result.ocr_confidence == 100.0
    assert result.text == NOTE_TEXT
    assert cache.gets == 0 and cache.puts == 0 and result.image_sha256 is None
    assert_offsets_match(result)
    x0, y0, x1, y1 = word_box(result, "CHRONOLOGICAL")
    # Drawn at x=72pt, baseline y=720pt from the bottom of a 792pt page: top-left coordinates.
    assert x0 == pytest.approx(72, abs=1) and 60 < y0 < y1 < 75 and x1 > x0
    assert (result.width, result.height) == (612, 792)


@pytest.mark.parametrize("in_process", [True, False])
def test_scanned_page_is_ocred_accurately_in_one_tesseract_run(
    tmp_path: Path, settings: Settings, note_image: Image.Image, monkeypatch: pytest.MonkeyPatch, in_process: bool
) -> None:
    import pytesseract

    from workers.tesseract_engine import TesseractEngine

    runs: list[str] = []
    for owner, name in ((pytesseract, "image_to_data"), (pytesseract, "image_to_osd"),
                        (TesseractEngine, "recognise_tsv")):
        real = getattr(owner, name)

        def counted(*args: object, _real=real, _name=name, **kwargs: object) -> object:  # type: ignore[no-untyped-def]
            runs.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)
    settings = settings.model_copy(update={"ocr_in_process": in_process})
    path = write(tmp_path / "scan.pdf", image_pdf_bytes([note_image]))
    result = extract_page_content(path, "pdf", 1, settings, None)

    # An upright page costs exactly one Tesseract run (no OSD): in this process, or the command.
    assert runs == (["recognise_tsv"] if in_process else ["image_to_data"])
    assert result.source == "ocr" and result.rotation == 0
    assert cer(result.text, NOTE_TEXT) < 0.05
    assert result.ocr_confidence is not None and result.ocr_confidence > 80
    assert result.text.count("\n") == len(NOTE_LINES) - 1
    assert_offsets_match(result)
    x0, y0, x1, y1 = word_box(result, "CHRONOLOGICAL")
    assert x0 == pytest.approx(72, abs=3) and 60 < y0 < y1 < 76  # boxes in points, like the text layer
    assert result.width == pytest.approx(612, abs=1) and result.image_sha256


@pytest.mark.parametrize("turned_ccw", [90, 180, 270])
def test_rotated_scan_is_detected_and_read(
    tmp_path: Path, settings: Settings, note_image: Image.Image, turned_ccw: int
) -> None:
    turned = note_image.rotate(turned_ccw, expand=True)
    path = write(tmp_path / "turned.pdf", image_pdf_bytes([turned]))
    result = extract_page_content(path, "pdf", 1, settings, None)

    assert result.rotation == turned_ccw  # clockwise degrees that undo a counter-clockwise turn
    assert cer(result.text, NOTE_TEXT) < 0.05
    # Boxes stay on the page as stored (sideways / upside down), where a viewer draws them.
    x0, y0, x1, y1 = word_box(result, "CHRONOLOGICAL")
    if turned_ccw == 270:  # Tesseract reads this one as vertical text: no OSD, rotation from the boxes
        assert (result.width, result.height) == (pytest.approx(792, abs=1), pytest.approx(612, abs=1))
        assert x0 > 700 and y0 == pytest.approx(72, abs=4) and y1 - y0 > x1 - x0
    elif turned_ccw == 180:
        assert (result.width, result.height) == (pytest.approx(612, abs=1), pytest.approx(792, abs=1))
        assert x1 == pytest.approx(612 - 72, abs=4) and y1 > 792 - 76 and y0 > 700
    else:
        assert (result.width, result.height) == (pytest.approx(792, abs=1), pytest.approx(612, abs=1))
        assert y1 == pytest.approx(612 - 72, abs=4) and 60 < x0 < x1 < 76 and y1 - y0 > x1 - x0


def test_mixed_pdf_uses_text_layer_and_ocr_per_page(
    tmp_path: Path, settings: Settings, note_image: Image.Image
) -> None:
    writer = PdfWriter()
    for data in (text_pdf_bytes([OTHER_LINES]), image_pdf_bytes([note_image])):
        writer.append(PdfReader(io.BytesIO(data)))
    path = tmp_path / "mixed.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)

    first = extract_page_content(path, "pdf", 1, settings, None)
    second = extract_page_content(path, "pdf", 2, settings, None)
    assert (first.source, second.source) == ("text_layer", "ocr")
    assert first.text == "\n".join(OTHER_LINES)
    assert cer(second.text, NOTE_TEXT) < 0.05


@pytest.mark.parametrize(
    ("layer", "invisible"),
    [
        (["~ ' ,. ;; ^^ ` -- ~ '' ., ~~ ; '' ` ,, ^ ~ ;. `` -"] * 3, True),  # a scanner's junk OCR layer
        (["VBMS Document ID 4501 Received 04/02/2019 Veteran File Number 123456789 Page 3 of 120"], False),
    ],
)
def test_scan_with_a_junk_or_thin_text_layer_goes_to_ocr(
    tmp_path: Path, settings: Settings, note_image: Image.Image, layer: list[str], invisible: bool
) -> None:
    path = write(tmp_path / "layered.pdf", scanned_with_layer_bytes(note_image, layer, invisible))
    result = extract_page_content(path, "pdf", 1, settings, None)
    assert result.source == "ocr"
    assert "paraspinal" in result.text


def test_multipage_group4_tiff_reads_the_requested_frame(tmp_path: Path, settings: Settings) -> None:
    frames = [render_lines(lines).point(lambda v: 255 if v > 128 else 0).convert("1")
              for lines in (["Cover sheet, nothing else here"], OTHER_LINES)]
    path = tmp_path / "fax.tif"
    frames[0].save(path, save_all=True, append_images=frames[1:], compression="group4", dpi=(SCAN_DPI, SCAN_DPI))
    result = extract_page_content(path, "tiff", 2, settings, None)
    assert result.source == "ocr" and result.page_number == 2
    assert cer(result.text, "\n".join(OTHER_LINES)) < 0.05


def test_fax_resolution_tiff_is_squared_before_ocr(tmp_path: Path, settings: Settings) -> None:
    full = render_lines(OTHER_LINES, dpi=200)
    squashed = full.resize((full.width, full.height * 98 // 200))  # normal-mode fax: 204 x 98 dpi
    path = tmp_path / "fax98.tif"
    squashed.save(path, dpi=(200, 98))
    result = extract_page_content(path, "tiff", 1, settings, None)
    assert result.height == pytest.approx(792, abs=2)
    assert cer(result.text, "\n".join(OTHER_LINES)) < 0.05


def test_jpeg_is_one_page(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "photo.jpg"
    render_lines(OTHER_LINES).save(path, quality=90, dpi=(SCAN_DPI, SCAN_DPI))
    result = extract_page_content(path, "jpeg", 1, settings, None)
    assert cer(result.text, "\n".join(OTHER_LINES)) < 0.05
    with pytest.raises(InputError) as err:
        extract_page_content(path, "jpeg", 2, settings, None)
    assert err.value.code == "page_out_of_range" and err.value.page == 2


def test_ocr_cache_second_call_is_a_hit_without_tesseract(
    tmp_path: Path, settings: Settings, note_image: Image.Image, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "scan.pdf", image_pdf_bytes([note_image]))
    cache = RecordingCache()
    first = extract_page_content(path, "pdf", 1, settings, cache)
    assert not first.ocr_cache_hit and cache.puts == 1

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("OCR was run on a cached page")

    monkeypatch.setattr(page_extraction, "ocr_image", forbidden)
    # The same image inside a different file (a re-upload, a ZIP member) hits the same entry.
    again = write(tmp_path / "again.pdf", image_pdf_bytes([note_image]) + b"\n% another file\n")
    second = extract_page_content(again, "pdf", 1, settings, cache)
    assert second.ocr_cache_hit and cache.puts == 1
    assert (second.text, second.words, second.image_sha256) == (first.text, first.words, first.image_sha256)

    other_languages = Settings(data_dir=tmp_path, ocr_dpi=SCAN_DPI, ocr_languages="eng+osd")
    with pytest.raises(AssertionError, match="OCR was run"):
        extract_page_content(path, "pdf", 1, other_languages, cache)  # a different key: not a hit


def test_text_over_the_limit_is_capped_and_reported(tmp_path: Path, no_ocr: None) -> None:
    settings = Settings(data_dir=tmp_path, max_page_text_chars=60)
    path = write(tmp_path / "note.pdf", text_pdf_bytes([NOTE_LINES]))
    result = extract_page_content(path, "pdf", 1, settings, None)
    assert len(result.text) == 60 and NOTE_TEXT.startswith(result.text)
    assert result.error_code == "text_truncated" and str(len(NOTE_TEXT)) in (result.error_message or "")
    assert all(w[2] <= 60 for w in result.words) and result.source == "text_layer"


def test_huge_image_page_is_refused_before_decoding(tmp_path: Path, settings: Settings, no_ocr: None) -> None:
    path = write(tmp_path / "huge.png", png_header_only(30_000, 30_000))
    with pytest.raises(InputError) as err:
        extract_page_content(path, "png", 1, settings, None)
    assert err.value.code == "image_too_large"


def test_page_out_of_range_is_an_input_error_with_the_page(tmp_path: Path, settings: Settings) -> None:
    path = write(tmp_path / "note.pdf", text_pdf_bytes([NOTE_LINES]))
    for n in (0, 2):
        with pytest.raises(InputError) as err:
            extract_page_content(path, "pdf", n, settings, None)
        assert err.value.code == "page_out_of_range" and err.value.page == n


def test_blank_scanned_page_gives_empty_text_not_an_error(tmp_path: Path, settings: Settings) -> None:
    path = write(tmp_path / "blank.pdf", image_pdf_bytes([Image.new("L", (1275, 1650), 255)]))
    result = extract_page_content(path, "pdf", 1, settings, None)
    assert (result.source, result.text, result.words, result.rotation) == ("ocr", "", [], 0)


def test_scan_with_a_good_invisible_ocr_layer_keeps_that_layer(
    tmp_path: Path, settings: Settings, note_image: Image.Image, no_ocr: None
) -> None:
    path = write(tmp_path / "ocred.pdf", scanned_with_layer_bytes(note_image, NOTE_LINES, invisible=True))
    result = extract_page_content(path, "pdf", 1, settings, None)
    assert result.source == "text_layer" and result.text == NOTE_TEXT


@pytest.mark.parametrize(
    ("tokens", "real"),
    [
        (["Patient", "reports", "low", "back", "pain", "since", "the", "jump", "in", "2004"], True),
        (["(cid:12)(cid:40)(cid:7)"] * 30 + ["back", "pain", "since", "the", "jump"], False),  # no usable font map
        (["\ufffd\ufffd"] * 20 + ["back", "pain", "since", "the", "jump", "again"], False),
        (["Page", "3", "of", "12"], False),
        (list("a;l,.I'~n][") + ["back", "pain", "since", "the", "jump"] + list(",;.'`~-_=+|abc"), False),
    ],
)
def test_text_layer_quality_judgement(tokens: list[str], real: bool) -> None:
    from workers.text_layer import judge_text

    assert judge_text(tokens)[0] is real


def test_tesseract_failure_is_a_retryable_error_not_bad_input(
    tmp_path: Path, settings: Settings, note_image: Image.Image, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pytesseract

    from workers.ocr import OcrError

    def crash(*args: object, **kwargs: object) -> None:
        raise pytesseract.TesseractError(-11, "Segmentation fault")

    monkeypatch.setattr(pytesseract, "image_to_data", crash)
    path = write(tmp_path / "scan.pdf", image_pdf_bytes([note_image]))
    with pytest.raises(OcrError, match="exit status -11") as err:
        extract_page_content(path, "pdf", 1, settings.model_copy(update={"ocr_in_process": False}), RecordingCache())
    assert not isinstance(err.value, InputError)


def test_in_process_tesseract_failure_is_a_retryable_error_not_bad_input(
    tmp_path: Path, settings: Settings, note_image: Image.Image, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workers.ocr import OcrError, OcrTimeout
    from workers.tesseract_engine import EngineError, EngineTimeout, TesseractEngine

    path = write(tmp_path / "scan.pdf", image_pdf_bytes([note_image]))
    for raised, expected in ((EngineError("recognition failed (status -1)"), OcrError),
                             (EngineTimeout("stopped"), OcrTimeout)):
        def fail(*args: object, _exc: Exception = raised, **kwargs: object) -> str:
            raise _exc

        monkeypatch.setattr(TesseractEngine, "recognise_tsv", fail)
        with pytest.raises(expected) as err:
            extract_page_content(path, "pdf", 1, settings, RecordingCache())
        assert not isinstance(err.value, InputError)


def test_tesseract_over_its_time_budget_is_stopped(
    tmp_path: Path, note_image: Image.Image, monkeypatch: pytest.MonkeyPatch
) -> None:
    import workers.ocr as ocr
    from workers.ocr import OcrTimeout

    monkeypatch.setattr(ocr, "MIN_CALL_TIMEOUT_S", 0.0)
    # A Tesseract that hangs (as one stuck on a pathological image does), whatever the machine's speed.
    hanging = tmp_path / "slow-tesseract.sh"
    hanging.write_text('#!/bin/sh\n[ "$1" = "--version" ] && exec tesseract --version\nexec sleep 30\n')
    hanging.chmod(0o755)
    settings = Settings(data_dir=tmp_path, ocr_dpi=SCAN_DPI, task_soft_time_limit=1,  # 0.8 s for Tesseract
                        tesseract_cmd=str(hanging))
    path = write(tmp_path / "scan.pdf", image_pdf_bytes([note_image]))
    started = time.monotonic()
    with pytest.raises(OcrTimeout, match="did not finish within"):
        extract_page_content(path, "pdf", 1, settings, None)
    assert time.monotonic() - started < 10


def test_a_page_of_a_3000_page_pdf_parses_only_that_page(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch, no_ocr: None
) -> None:
    from pdfminer.pdfpage import PDFPage

    page = PdfReader(io.BytesIO(text_pdf_bytes([OTHER_LINES]))).pages[0]
    writer = PdfWriter()
    for _ in range(3000):
        writer.add_page(page)
    path = tmp_path / "c-file.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)

    built: list[int] = []
    original_init = PDFPage.__init__

    def counting_init(self: PDFPage, *args: object, **kwargs: object) -> None:
        built.append(1)
        original_init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(PDFPage, "__init__", counting_init)
    result = extract_page_content(path, "pdf", 2999, settings, None)
    assert result.source == "text_layer" and result.text == "\n".join(OTHER_LINES)
    assert len(built) < 5  # pdfplumber.open(path, pages=[n]) builds all 3,000 (1.2 s per page task)


def test_png_with_a_transparent_background_is_read_as_black_on_white(tmp_path: Path, settings: Settings) -> None:
    ink = render_lines(OTHER_LINES)
    transparent = Image.new("RGBA", ink.size, (0, 0, 0, 0))
    transparent.putalpha(ink.point(lambda v: 255 - v))  # black text, see-through paper
    path = tmp_path / "clip.png"
    transparent.save(path, dpi=(SCAN_DPI, SCAN_DPI))
    result = extract_page_content(path, "png", 1, settings, None)
    assert cer(result.text, "\n".join(OTHER_LINES)) < 0.05


def _rotated_page_pdf(path: Path, data: bytes, rotate: int) -> Path:
    writer = PdfWriter()
    page = PdfReader(io.BytesIO(data)).pages[0]
    page.rotate(rotate)
    writer.add_page(page)
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


def test_landscape_page_shown_upright_by_its_rotate_key_reads_its_text_layer(
    tmp_path: Path, settings: Settings, no_ocr: None
) -> None:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(612, 792))
    c.rotate(90)  # content drawn up the portrait sheet; /Rotate 90 shows it as an upright landscape page
    c.setFont("Helvetica", 13)
    for i, line in enumerate(NOTE_LINES):
        c.drawString(72, -72 - 23 * i, line)
    c.showPage()
    c.save()
    result = extract_page_content(_rotated_page_pdf(tmp_path / "land.pdf", buf.getvalue(), 90), "pdf", 1,
                                  settings, None)
    assert result.source == "text_layer" and result.text == NOTE_TEXT
    assert (result.width, result.height) == (792, 612)  # boxes in the displayed page's coordinates
    x0, y0, x1, y1 = word_box(result, "CHRONOLOGICAL")
    assert x0 == pytest.approx(72, abs=1) and x1 - x0 > y1 - y0


def test_text_layer_shown_sideways_goes_to_ocr_which_reads_it(tmp_path: Path, settings: Settings) -> None:
    path = _rotated_page_pdf(tmp_path / "sideways.pdf", text_pdf_bytes([NOTE_LINES]), 90)
    result = extract_page_content(path, "pdf", 1, settings, None)
    assert result.source == "ocr" and result.rotation in (90, 270)
    assert cer(result.text, NOTE_TEXT) < 0.05


def test_encrypted_or_truncated_pdf_page_is_an_input_error(tmp_path: Path, settings: Settings) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf_bytes([NOTE_LINES]))))
    writer.encrypt(user_password="pw", algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    data = text_pdf_bytes([NOTE_LINES])
    for name, content, code in (("locked.pdf", buf.getvalue(), "encrypted_pdf"),
                                ("cut.pdf", data[: len(data) // 2], "corrupt_pdf")):
        with pytest.raises(InputError) as err:
            extract_page_content(write(tmp_path / name, content), "pdf", 1, settings, None)
        assert err.value.code == code


def test_missing_osd_data_is_an_error_not_a_silent_upright_read(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pytesseract

    from workers.ocr import OcrError

    def no_osd(*args: object, **kwargs: object) -> None:
        raise pytesseract.TesseractError(1, "Failed loading language 'osd'")

    monkeypatch.setattr(pytesseract, "image_to_osd", no_osd)
    path = write(tmp_path / "blank.pdf", image_pdf_bytes([Image.new("L", (600, 800), 255)]))
    with pytest.raises(OcrError, match="tesseract-ocr-osd"):
        extract_page_content(path, "pdf", 1, settings, None)


def test_page_pdfium_cannot_render_is_an_input_error_on_that_page(
    tmp_path: Path, settings: Settings, note_image: Image.Image, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pypdfium2 as pdfium

    def broken(*args: object, **kwargs: object) -> None:
        raise pdfium.PdfiumError("Failed to render page.")

    monkeypatch.setattr(pdfium.PdfPage, "render", broken)
    path = write(tmp_path / "scan.pdf", image_pdf_bytes([note_image, note_image]))
    with pytest.raises(InputError) as err:
        extract_page_content(path, "pdf", 2, settings, None)
    assert err.value.code == "corrupt_page" and err.value.page == 2 and "render" in err.value.message
