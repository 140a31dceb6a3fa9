"""Born-digital pages are read in chunks (one task, the PDF opened once); OCR pages keep a task each.

In-process (Celery eager mode: the same task code, no broker) against a real data dir, real pdfium and,
for the scanned page, real Tesseract.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from tests.fixture_files import NOTE_LINES, OTHER_LINES, image_pdf_bytes, render_lines, text_pdf_bytes
from tests.workers.pipeline_support import eager_tasks, page_rows, progress, queue_files


@pytest.fixture
def eager(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from config.settings import reset_settings_cache

    monkeypatch.setenv("CLAIMDEX_OCR_DPI", "150")
    monkeypatch.setenv("CLAIMDEX_TEXT_CHUNK_PAGES", "4")
    reset_settings_cache()
    with eager_tasks():
        yield


def mixed_pdf(path: Path, scanned: set[int], pages: int) -> Path:
    """`pages` pages; those in `scanned` are an image only, the others carry a real text layer."""
    writer = PdfWriter()
    image = render_lines(NOTE_LINES)
    for n in range(1, pages + 1):
        data = image_pdf_bytes([image]) if n in scanned else text_pdf_bytes([[f"Page {n} of the print", *OTHER_LINES]])
        writer.append(PdfReader(io.BytesIO(data)))
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


def test_names_sent_are_the_tasks_registered() -> None:
    import workers.queueing as q
    from workers.celery_app import app
    from workers.tasks import extract_chunk, extract_page, finish_file, index_claim, index_file, ingest_file

    names = {q.INGEST_FILE, q.EXTRACT_PAGE, q.EXTRACT_CHUNK, q.FINISH_FILE, q.INDEX_FILE, q.INDEX_CLAIM}
    assert names == {t.name for t in (ingest_file, extract_page, extract_chunk, finish_file, index_file, index_claim)}
    assert names <= set(app.tasks)


def test_page_runs_split_contiguous_pages_into_chunks() -> None:
    from workers.queueing import page_runs

    assert page_runs([1, 2, 3, 4, 5, 6, 7, 9, 10, 12], 3) == [(1, 3), (4, 6), (7, 7), (9, 10), (12, 12)]
    assert page_runs([], 25) == []


def test_the_last_pages_of_a_file_are_read_in_smaller_chunks() -> None:
    from workers.queueing import TAPER_CHUNKS, TAPER_DIVISOR, tapered_runs

    size = 25
    runs = tapered_runs(range(1, 501), size)
    # Every page once, in order, in contiguous runs.
    assert [n for first, last in runs for n in range(first, last + 1)] == list(range(1, 501))
    lengths = [last - first + 1 for first, last in runs]
    tail = TAPER_CHUNKS * size
    assert lengths[: (500 - tail) // size] == [size] * ((500 - tail) // size)
    assert lengths[(500 - tail) // size :] == [size // TAPER_DIVISOR] * (tail // (size // TAPER_DIVISOR))
    # A file no longer than the tail is read in small chunks only, so both cores get a share of it.
    assert max(last - first + 1 for first, last in tapered_runs(range(1, 31), size)) == size // TAPER_DIVISOR
    # Chunks too small to taper are left alone; gaps still split runs.
    assert tapered_runs([1, 2, 3, 7, 8], 4) == [(1, 3), (7, 8)]


def test_a_text_layer_page_never_reaches_tesseract(eager: None, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import workers.page_extraction as extraction
    from indexers.base import SearchQuery
    from indexers.factory import get_search_index

    rendered: list[int] = []
    real_load = extraction.load_page_image

    def recording_load(path: Path, kind: str, page_number: int, settings: object) -> object:
        rendered.append(page_number)
        return real_load(path, kind, page_number, settings)  # type: ignore[arg-type]

    ocr_calls: list[int] = []
    real_ocr = extraction.ocr_image

    def recording_ocr(*args: object, **kwargs: object) -> object:
        ocr_calls.append(rendered[-1])
        return real_ocr(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(extraction, "load_page_image", recording_load)
    monkeypatch.setattr(extraction, "ocr_image", recording_ocr)
    pdf = mixed_pdf(tmp_path / "mixed.pdf", scanned={6}, pages=10)
    queue_files("chunks", [pdf])

    p = progress("chunks")
    assert p["status"] == "done" and p["pages_done"] == 10, p
    assert rendered == [6] and ocr_calls == [6]  # only the scanned page was rendered and OCRed
    sources = {r.page_number: r.source for r in page_rows("chunks")}
    assert sources == {n: ("ocr" if n == 6 else "text_layer") for n in range(1, 11)}
    assert all(r.attempts == 1 for r in page_rows("chunks"))  # the chunk's read counts once, OCR's once
    hits = get_search_index().search(SearchQuery(claim_id="chunks", text='"page 9 of the print"'))
    assert [h.page for h in hits.hits] == [9]


def test_a_chunk_failing_on_one_page_fails_that_page_alone(eager: None, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import workers.page_extraction as extraction
    import workers.text_layer as text_layer

    real = text_layer.read_page_text_layer

    def breaks_on_page_3(pdf: object, page_number: int) -> object:
        if page_number == 3:
            raise RuntimeError("pdfium blew up on this page")
        return real(pdf, page_number)  # type: ignore[arg-type]

    monkeypatch.setattr(text_layer, "read_page_text_layer", breaks_on_page_3)  # the single-page task's read
    monkeypatch.setattr(extraction, "read_page_text_layer", breaks_on_page_3)  # the chunk's
    pdf = mixed_pdf(tmp_path / "digital.pdf", scanned=set(), pages=8)
    queue_files("one-bad", [pdf])

    p = progress("one-bad")
    assert p["status"] == "partial", p
    rows = {r.page_number: r for r in page_rows("one-bad")}
    assert [n for n, r in rows.items() if r.status != "done"] == [3]
    # Page 3 was retried in a task of its own until its attempts ran out, then recorded with the reason.
    assert rows[3].status == "failed" and rows[3].error_code == "extraction_error"
    assert rows[3].attempts == 3 and "blew up" in (rows[3].error_message or "")
    assert [(e["page"], e["code"]) for e in p["files"][0]["errors"]] == [(3, "extraction_error")]


def test_a_chunk_delivered_again_after_its_worker_died_hands_each_page_its_own_task(
        eager: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The run that killed its worker is not repeated whole: each page is then read alone, so a page that
    crashes pdfium every time fails alone after its attempts and the others are read."""
    from claims import page_results
    from config.settings import get_settings
    from workers import tasks

    sent: list[tuple[str, tuple[object, ...]]] = []
    monkeypatch.setattr(tasks, "send", lambda name, *args, **_: sent.append((name, args)))
    pdf = mixed_pdf(tmp_path / "digital.pdf", scanned=set(), pages=4)
    monkeypatch.setattr(tasks, "queue_pages", lambda *_: None)  # fan out nothing: the test drives the chunk
    file_id = queue_files("redelivered", [pdf])[0]
    # The first delivery began (attempts counted) and its worker died before storing anything.
    assert page_results.begin_chunk(file_id, 1, 4, get_settings()).pages == [1, 2, 3, 4]
    assert tasks.extract_chunk.apply(args=(file_id, 1, 4)).get() == "handed out"
    assert sent == [("claimdex.extract_page", (file_id, n)) for n in (1, 2, 3, 4)]
    # The crashed delivery counts as one attempt on each page; handing out took back the second.
    assert [r.attempts for r in page_rows("redelivered")] == [1, 1, 1, 1]


def test_pages_are_searchable_before_their_file_finishes(eager: None, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from indexers.base import SearchQuery
    from indexers.factory import get_search_index
    from workers import tasks

    seen_at_finish: list[tuple[int, set[str]]] = []
    real_finish = tasks.analyse_and_close_file

    def finish(file_id: str) -> tuple[str, str | None]:
        # The moment the file's analysis starts: every page is already in the index, by its text.
        result = get_search_index().search(SearchQuery(claim_id="early", text="desiccation", size=50))
        seen_at_finish.append((result.total, set(result.facets["record_type"])))
        return real_finish(file_id)

    monkeypatch.setattr(tasks, "analyse_and_close_file", finish)
    queue_files("early", [mixed_pdf(tmp_path / "digital.pdf", scanned=set(), pages=6)])
    assert seen_at_finish == [(6, {"other"})]  # searchable, not yet typed
    assert progress("early")["index_status"] == "indexed"


@pytest.mark.slow
def test_with_real_workers_a_page_is_searchable_before_its_file_finishes(
        worker_pool: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from config.settings import reset_settings_cache
    from indexers.base import SearchQuery
    from indexers.factory import get_search_index
    from tests.conftest import wait_until
    from tests.workers.pipeline_support import wait_for_claim

    monkeypatch.setenv("CLAIMDEX_OCR_DPI", "150")
    reset_settings_cache()
    pdf = mixed_pdf(tmp_path / "mixed.pdf", scanned={3, 6, 9, 12, 15, 18}, pages=18)
    queue_files("early-real", [pdf])
    seen: list[str] = []

    def searchable() -> bool:
        result = get_search_index().search(SearchQuery(claim_id="early-real", text='"page 1 of the print"'))
        if result.total:
            seen.append(progress("early-real")["files"][0]["status"])
        return bool(result.total)

    wait_until(searchable, timeout=120, interval=0.05, what="page 1 searchable")
    assert seen[0] == "processing"  # found while the file's scanned pages were still being read
    p = wait_for_claim("early-real", timeout=300)
    assert p["status"] == "done" and p["pages_done"] == 18
