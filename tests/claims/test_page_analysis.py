"""A page's features, type and flags found by the task that stores it (claims/page_analysis.py) are
reused by the file's analysis only when they are exactly what it would compute: the same page, type,
text and versions.

In-process (Celery eager mode: the same task code, no broker) against a real data dir.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.fixture_files import NOTE_LINES, OTHER_LINES, text_pdf_bytes, write
from tests.workers.pipeline_support import eager_tasks, progress, queue_files

IMAGING_LINES = [
    "MRI LUMBAR SPINE WITHOUT CONTRAST",
    "EXAM: MRI lumbar spine. TECHNIQUE: sagittal and axial images.",
    "FINDINGS: Disc desiccation at L4-5 with a broad-based disc bulge and mild foraminal narrowing.",
    "IMPRESSION: Degenerative disc disease at L4-5.",
    "Report Status: Verified",
]


@pytest.fixture
def eager(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from config.settings import reset_settings_cache

    monkeypatch.setenv("CLAIMDEX_TEXT_CHUNK_PAGES", "2")
    reset_settings_cache()
    with eager_tasks():
        yield


def _flags(claim_id: str) -> list[str]:
    from store.db import session_scope
    from store.models import Flag

    skip = {"created_at", "updated_at", "reviewed_at"}
    with session_scope() as s:
        rows = s.scalars(select(Flag).where(Flag.claim_id == claim_id).order_by(Flag.flag_id))
        return [json.dumps({c.name: getattr(r, c.name) for c in Flag.__table__.columns if c.name not in skip},
                           default=str, sort_keys=True) for r in rows]


def _documents(claim_id: str) -> list[str]:
    from store.db import session_scope
    from store.models import Document, Encounter

    skip = {"created_at", "updated_at"}
    with session_scope() as s:
        return [json.dumps({c.name: getattr(r, c.name) for c in table.__table__.columns if c.name not in skip},
                           default=str, sort_keys=True)
                for table in (Document, Encounter)
                for r in s.scalars(select(table).where(table.claim_id == claim_id).order_by(table.first_page))]


def _reanalyse(claim_id: str, edit: Any = None, column: str = "flag_cache") -> None:
    """Edit each page's stored flags or typing (or drop them: edit None), then analyse the claim's files
    again."""
    from claims.analysis import analyse_and_close_file
    from store.db import session_scope
    from store.models import Page

    with session_scope() as s:
        pages = list(s.scalars(select(Page).where(Page.claim_id == claim_id)))
        for p in pages:
            setattr(p, column, edit(copy.deepcopy(getattr(p, column))) if edit else None)
        file_ids = {p.file_id for p in pages}
    for file_id in file_ids:
        analyse_and_close_file(file_id)


def test_a_page_s_own_flags_are_what_find_flags_gives_for_its_predicted_type(data_dir: Path,
                                                                             flag_model: Any) -> None:
    from claims.page_analysis import cached_flags, flags_version, page_caches
    from classifiers.evidence_flags import find_flags
    from config.settings import get_settings

    texts = {1: "\n".join(NOTE_LINES), 2: "\n".join(IMAGING_LINES), 3: ""}
    caches = {n: c.flags for n, c in page_caches([(n, text, []) for n, text in sorted(texts.items())],
                                                  get_settings()).items()}
    version = flags_version(get_settings())
    assert caches[2]["record_type"] == "imaging_report"
    for n, text in texts.items():
        record_type = caches[n]["record_type"]
        expected = find_flags(text, record_type, flag_model)
        assert cached_flags(caches[n], text, record_type, version) == (expected, [None] * len(expected))
        assert expected or n == 3
        assert cached_flags(caches[n], text, "board_decision", version) is None  # another type: found again
        assert cached_flags(caches[n], text + " ", record_type, version) is None  # other text
        assert cached_flags(caches[n], text, record_type, "another version") is None
    json.dumps(caches)  # stored as JSON


def test_the_file_analysis_gives_the_same_flags_with_or_without_the_pages_own(eager: None, tmp_path: Path) -> None:
    pdf = write(tmp_path / "mixed.pdf", text_pdf_bytes([NOTE_LINES, IMAGING_LINES, OTHER_LINES, NOTE_LINES[1:]]))
    queue_files("pages-own", [pdf])
    assert progress("pages-own")["status"] == "done"
    from store.db import session_scope
    from store.models import Page

    with session_scope() as s:
        caches = [p.flag_cache for p in s.scalars(select(Page).where(Page.claim_id == "pages-own"))]
    assert len(caches) == 4 and all(c and c["hits"] is not None for c in caches)
    found_by_pages = _flags("pages-own")
    assert found_by_pages

    _reanalyse("pages-own")  # nothing stored by the pages: the analysis finds every flag itself
    assert _flags("pages-own") == found_by_pages


def test_stored_page_flags_are_used_only_while_type_text_and_versions_agree(eager: None, tmp_path: Path) -> None:
    pdf = write(tmp_path / "notes.pdf", text_pdf_bytes([NOTE_LINES, IMAGING_LINES]))
    queue_files("reuse", [pdf])
    found = _flags("reuse")

    def marked(cache: dict[str, Any]) -> dict[str, Any]:
        for hit in cache["hits"]:
            hit["text"] = "MARKED"
        cache["boxes"] = [[[1.0, 2.0, 3.0, 4.0]] for _ in cache["boxes"]]
        return cache

    _reanalyse("reuse", marked)  # proves the stored flags and boxes are what the analysis used
    assert found and all(json.loads(f)["text"] == "MARKED" for f in _flags("reuse"))
    assert all(json.loads(f)["boxes"] == [[1.0, 2.0, 3.0, 4.0]] for f in _flags("reuse"))

    def other_type(cache: dict[str, Any]) -> dict[str, Any]:
        return {**marked(cache), "record_type": "board_decision"}

    def other_version(cache: dict[str, Any]) -> dict[str, Any]:
        return {**marked(cache), "version": "0" * 32}

    def other_text(cache: dict[str, Any]) -> dict[str, Any]:
        return {**marked(cache), "text": "0" * 32}

    for edit in (other_type, other_version, other_text):
        _reanalyse("reuse", edit)
        assert _flags("reuse") == found, edit.__name__


def test_a_page_s_stored_typing_is_what_segmentation_computes_for_it(data_dir: Path, flag_model: Any) -> None:
    from claims.page_analysis import cached_typing, page_caches, typing_version
    from claims.trained_models import record_type_model
    from classifiers.document_segmentation import predict_pages
    from classifiers.page_features import page_features
    from config.settings import get_settings

    settings = get_settings()
    model = record_type_model(settings)
    texts = {1: "\n".join(NOTE_LINES), 2: "\n".join(IMAGING_LINES), 3: "", 4: "\n".join(OTHER_LINES)}
    caches = page_caches([(n, text, []) for n, text in sorted(texts.items())], settings)
    version = typing_version(settings)
    for n, text in texts.items():
        features = page_features(n, text, model.rules)
        [prediction] = predict_pages([text], [features], model)
        stored = json.loads(json.dumps(caches[n].typing))  # as the JSON column gives it back
        assert cached_typing(stored, n, text, version) == (features, prediction)
        assert cached_typing(stored, n + 1, text, version) is None  # the page number is a feature
        assert cached_typing(stored, n, text + " ", version) is None
        assert cached_typing(stored, n, text, "another version") is None
        assert cached_typing({**stored, "features": {"page": n}}, n, text, version) is None  # unreadable
    assert caches[2].typing["prediction"]["record_type"] == "imaging_report"


def test_the_file_analysis_gives_the_same_documents_with_or_without_the_pages_own_typing(
        eager: None, tmp_path: Path) -> None:
    pdf = write(tmp_path / "typed.pdf", text_pdf_bytes([NOTE_LINES, IMAGING_LINES, OTHER_LINES, NOTE_LINES[1:]]))
    queue_files("typed", [pdf])
    documents, flags = _documents("typed"), _flags("typed")
    assert documents and flags

    def board_decision(cache: dict[str, Any]) -> dict[str, Any]:
        cache["prediction"].update(record_type="board_decision", strong=True, confidence=0.99)
        return cache

    _reanalyse("typed", board_decision, column="type_cache")  # proves the stored typing is what is used
    assert {json.loads(d).get("record_type") for d in _documents("typed")} == {"board_decision", None}

    def other_version(cache: dict[str, Any]) -> dict[str, Any]:
        return {**cache, "version": "0" * 32}

    _reanalyse("typed", other_version, column="type_cache")
    assert (_documents("typed"), _flags("typed")) == (documents, flags)

    _reanalyse("typed", column="type_cache")  # nothing stored by the pages: segmentation computes it all
    assert (_documents("typed"), _flags("typed")) == (documents, flags)


def test_two_analyses_of_one_file_at_once_on_postgresql_both_end_well(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A redelivered finish task can run while the first is still analysing: on PostgreSQL the second waits
    for the first (the file's row is locked), then replaces its documents; neither ends in an error."""
    import threading

    from claims.analysis import analyse_and_close_file
    from config.settings import reset_settings_cache
    from store.db import session_scope
    from store.models import FileError, SourceFile

    monkeypatch.setenv("CLAIMDEX_TEXT_CHUNK_PAGES", "2")
    reset_settings_cache()
    pdf = write(tmp_path / "twice.pdf", text_pdf_bytes([NOTE_LINES, IMAGING_LINES, OTHER_LINES]))
    with eager_tasks():
        queue_files("twice", [pdf])
    assert progress("twice")["status"] == "done"
    documents, flags = _documents("twice"), _flags("twice")
    with session_scope() as s:
        file_id = s.scalars(select(SourceFile.file_id).where(SourceFile.claim_id == "twice")).one()
    barrier = threading.Barrier(2)
    results: list[tuple[str, str | None]] = []

    def finish() -> None:
        barrier.wait()
        results.append(analyse_and_close_file(file_id))

    threads = [threading.Thread(target=finish) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [status for status, _claim in results] == ["done", "done"]
    with session_scope() as s:
        assert list(s.scalars(select(FileError.code).where(FileError.file_id == file_id))) == []
    assert _documents("twice") == documents and _flags("twice") == flags
