"""Provider corrections win over rules and model, and replay in order."""

from __future__ import annotations

import pytest

from classifiers.document_corrections import Correction, corrections_for_pages, resolve_corrections
from classifiers.document_segmentation import segment_and_classify

NOTE = "LOCAL TITLE: PRIMARY CARE NOTE\nDATE OF NOTE: MAR {d}, 2019@10:15\nVeteran seen for low back pain. /es/ MD"
CONTINUATION = "PLAN: physical therapy, follow up in 4 weeks\nmore plan text for this page\n/es/ JOHN DOE"
PAGES = [(1, NOTE.format(d=14)), (2, CONTINUATION), (3, NOTE.format(d=20)), (4, CONTINUATION)]


def ranges(segments) -> list[tuple[int, int, str, float]]:  # noqa: ANN001 - test helper
    return [(s.first_page, s.last_page, s.record_type, s.confidence) for s in segments]


def test_without_corrections() -> None:
    assert [(a, b) for a, b, _, _ in ranges(segment_and_classify(PAGES))] == [(1, 2), (3, 4)]


def test_split_forces_a_new_document() -> None:
    segments = segment_and_classify(PAGES, [Correction("split", 2)])
    assert [(s.first_page, s.last_page) for s in segments] == [(1, 1), (2, 2), (3, 4)]


def test_merge_forces_a_continuation() -> None:
    segments = segment_and_classify(PAGES, [Correction("merge", 3)])
    assert [(s.first_page, s.last_page) for s in segments] == [(1, 4)]


def test_type_sets_the_document_type_with_full_confidence() -> None:
    segments = segment_and_classify(PAGES, [Correction("type", 3, "cp_exam")])
    assert ranges(segments)[1] == (3, 4, "cp_exam", 1.0)
    assert segments[1].vbms_type_id == 316
    assert segments[0].record_type == "va_treatment"


def test_type_on_a_continuation_page_makes_it_a_document_start() -> None:
    segments = segment_and_classify(PAGES, [Correction("type", 4, "imaging_report")])
    assert [(s.first_page, s.last_page, s.record_type) for s in segments][-1] == (4, 4, "imaging_report")


def test_the_last_correction_of_a_page_wins() -> None:
    segments = segment_and_classify(PAGES, [Correction("split", 2), Correction("merge", 2)])
    assert [(s.first_page, s.last_page) for s in segments] == [(1, 2), (3, 4)]
    overrides = resolve_corrections([Correction("merge", 3), Correction("split", 3)])
    assert 3 in overrides.forced_starts and 3 not in overrides.forced_continuations


def test_merge_on_the_first_page_is_ignored() -> None:
    segments = segment_and_classify(PAGES, [Correction("merge", 1)])
    assert segments[0].first_page == 1


def test_invalid_corrections_are_refused() -> None:
    with pytest.raises(ValueError):
        Correction("rename", 1)
    with pytest.raises(ValueError):
        Correction("type", 1, None)


def test_corrections_for_pages_drops_pages_the_file_no_longer_has() -> None:
    kept = corrections_for_pages([Correction("split", 2), Correction("split", 9)], range(1, 5))
    assert kept == [Correction("split", 2)]
