"""The bundled sample claim file through the whole pipeline: real workers, real Redis, real Tesseract.

One ingest per module (OCR is the expensive part); each test checks one promise against the
sample's ground truth (samples/claim_content.py writes the pages and the truth from the same data).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from rapidfuzz.distance import Levenshtein

from tests.conftest import redis_available
from tests.workers.pipeline_support import SCHEMA_PATH, export_claim, page_rows, validate_export

pytestmark = pytest.mark.slow
CLAIM = "sample"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    from config.settings import reset_settings_cache

    if not redis_available():
        pytest.skip("no Redis on 127.0.0.1:6379: the pipeline tests need the real broker")
    tmp = tmp_path_factory.mktemp("sample")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CLAIMDEX_DATA_DIR", str(tmp / "data"))
        mp.delenv("CLAIMDEX_DATABASE_URL", raising=False)
        reset_settings_cache()
        from api.cli.processing import run_ingest
        from samples.make_sample_claim import write_sample_claim

        files = write_sample_claim(tmp / "sample")
        progress = run_ingest([files.pdf], CLAIM, workers=True, quiet=True)
        truth = json.loads(files.truth.read_text())
        yield {"progress": progress, "truth": truth, "files": files, "export": export_claim(CLAIM)}
    reset_settings_cache()


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_page_is_processed(ingested: dict[str, Any]) -> None:
    p, truth = ingested["progress"], ingested["truth"]
    assert p["status"] == "done", p
    assert p["pages_total"] == p["pages_done"] == truth["page_count"]
    sources = {page["page"]: page["source"] for page in ingested["export"]["pages"]}
    for page in truth["pages"]:
        assert sources[page["page"]] == ("ocr" if page["scanned"] else "text_layer"), page["page"]


def test_export_is_valid_against_the_schema(ingested: dict[str, Any]) -> None:
    validate_export(ingested["export"], SCHEMA_PATH)


def test_ocr_text_of_scanned_pages_is_close_to_the_source(ingested: dict[str, Any]) -> None:
    texts = {page["page"]: page["text"] for page in ingested["export"]["pages"]}
    errors = chars = 0
    per_page = {}
    for page in ingested["truth"]["pages"]:
        if not page["scanned"]:
            continue
        want, got = _norm(page["text"]), _norm(texts[page["page"]])
        d = Levenshtein.distance(want, got)
        per_page[page["page"]] = round(d / len(want), 3)
        errors, chars = errors + d, chars + len(want)
    assert chars > 0
    assert errors / chars < 0.05, f"character error rate {errors / chars:.3f}; per page {per_page}"


def test_rotated_pages_are_turned_upright(ingested: dict[str, Any]) -> None:
    rotations = {page["page"]: page.get("rotation", 0) for page in ingested["export"]["pages"]}
    turned = [page for page in ingested["truth"]["pages"] if page["scanned"] and page["rotation"]]
    assert turned, "the sample has rotated scans"
    for page in turned:
        # The scan was put in turned by `rotation`; reading it upright takes the opposite turn.
        assert rotations[page["page"]] in (page["rotation"], (360 - page["rotation"]) % 360), page["page"]


def test_text_layer_pages_carry_word_boxes_in_points(ingested: dict[str, Any]) -> None:
    rows = page_rows(CLAIM)
    for row in rows:
        assert row.words, f"page {row.page_number} has no word boxes"
        text, start, end, x0, y0, x1, y1, _conf = row.words[0]
        assert row.text[start:end] == text
        assert 0 <= x0 < x1 <= row.width and 0 <= y0 < y1 <= row.height


def test_documents_match_the_truth(ingested: dict[str, Any]) -> None:
    got = {(d["first_page"], d["last_page"]): d for d in ingested["export"]["documents"]}
    wrong = []
    for doc in ingested["truth"]["documents"]:
        found = got.get((doc["first_page"], doc["last_page"]))
        if found is None or found["record_type"] != doc["record_type"]:
            wrong.append((doc["first_page"], doc["last_page"], doc["record_type"],
                          found and found["record_type"]))
    assert not wrong, f"documents with wrong boundaries or types: {wrong}"


def test_document_dates_match_the_truth(ingested: dict[str, Any]) -> None:
    got = {d["first_page"]: d["date"] for d in ingested["export"]["documents"]}
    wrong = [(d["first_page"], d["date"], got.get(d["first_page"])) for d in ingested["truth"]["documents"]
             if d["date"] and got.get(d["first_page"]) != d["date"]]
    assert len(wrong) <= 1, f"documents with a wrong date: {wrong}"


def test_service_period_comes_from_the_dd214(ingested: dict[str, Any]) -> None:
    periods = [(p["start"], p["end"]) for p in ingested["export"]["service_periods"]]
    want = [(p["start"], p["end"]) for p in ingested["truth"]["service_periods"]]
    assert periods == want
    # The OCR garbles block 12's days; the exact dates come from the form's remarks, so they are
    # exported at day precision (a month-precision fallback would say so).
    assert [(p["start_precision"], p["end_precision"]) for p in ingested["export"]["service_periods"]] == [
        ("day", "day")
    ]


def test_flags_of_all_eleven_categories_with_citations(ingested: dict[str, Any]) -> None:
    flags = ingested["export"]["flags"]
    categories = {f["category"] for f in flags}
    assert len(categories) == 11, sorted(categories)
    texts = {(p["file_id"], p["page"]): p["text"] for p in ingested["export"]["pages"]}
    for f in flags:
        assert texts[(f["file_id"], f["page"])][f["start"]:f["end"]] == f["text"]
    ocr_pages = {p["page"] for p in ingested["export"]["pages"] if p["source"] == "ocr"}
    assert any(f["boxes"] for f in flags if f["page"] in ocr_pages), "OCRed flags carry word boxes"


def test_expected_flags_are_found_with_their_context(ingested: dict[str, Any]) -> None:
    by_page: dict[int, list[dict[str, Any]]] = {}
    for f in ingested["export"]["flags"]:
        by_page.setdefault(f["page"], []).append(f)
    missing = []
    for page in ingested["truth"]["pages"]:
        for want in page["flags"]:
            hits = [f for f in by_page.get(page["page"], []) if f["category"] == want["category"]
                    and _norm(want["phrase"]).lower()[:12] in _norm(f["sentence"]).lower()]
            if not any(h["negated"] == want["negated"] and h["experiencer"] == want["experiencer"] for h in hits):
                missing.append((page["page"], want["category"], want["phrase"]))
    total = sum(len(p["flags"]) for p in ingested["truth"]["pages"])
    assert len(missing) <= 0.1 * total, f"{len(missing)}/{total} expected flags missing: {missing[:15]}"


def test_in_service_follows_the_service_period(ingested: dict[str, Any]) -> None:
    flags = ingested["export"]["flags"]
    for f in flags:
        if f["record_type"] in ("service_treatment", "service_exam", "line_of_duty"):
            assert f["in_service"] is True, f
        if f["date"] and f["date"] >= "2012-01-01" and f["record_type"] not in ("service_personnel",):
            assert f["in_service"] is False, (f["page"], f["date"], f["text"])


def test_reingesting_the_same_file_adds_nothing_and_runs_no_ocr(ingested: dict[str, Any]) -> None:
    from api.cli.processing import run_ingest
    from store.db import session_scope
    from store.models import OcrCacheEntry

    before = {(r.page_id, r.processed_at) for r in page_rows(CLAIM)}
    with session_scope() as s:
        cache_before = s.query(OcrCacheEntry).count()
    again = run_ingest([ingested["files"].pdf], CLAIM, workers=True, quiet=True)
    assert again["status"] == "done"
    assert {(r.page_id, r.processed_at) for r in page_rows(CLAIM)} == before
    with session_scope() as s:
        assert s.query(OcrCacheEntry).count() == cache_before


# query → phrases whose pages must all be in the top 10 (found in the sample's source text, so the
# expected pages follow the sample if it changes). "LBP" must also find "low back pain" (synonyms).
SEARCHES = {
    "antalgic gait": ["antalgic gait"],
    "MRI lumbar": ["MRI LUMBAR", "MRI of the lumbar"],
    "12-mile ruck": ["12-mile ruck"],
    "LBP": ["LBP"],
    "hard landing": ["hard landing", "hard parachute landing"],
    "cane": [" cane"],
    "natural aging process": ["natural aging process"],
    '"less likely than not"': ["less likely than not"],
    '"at least as likely as not"': ["at least as likely as not"],
    "roofer": ["roofer"],
    "disc desiccation": ["disc desiccation"],
    "chiropractic": ["chiropractic"],
    "radiculopathy": ["radiculopathy"],
}


def _pages_with(truth: dict[str, Any], phrases: list[str]) -> set[int]:
    return {p["page"] for p in truth["pages"]
            if any(ph.lower() in _norm(p["text"]).lower() for ph in phrases)}


@pytest.mark.parametrize("query", list(SEARCHES))
def test_search_returns_the_right_pages_first(ingested: dict[str, Any], query: str) -> None:
    from indexers.base import SearchQuery
    from indexers.factory import get_search_index

    expected = _pages_with(ingested["truth"], SEARCHES[query])
    assert expected, f"the sample has no page for {query!r}"
    result = get_search_index().search(SearchQuery(claim_id=CLAIM, text=query, size=10))
    top = {h.page for h in result.hits}
    assert expected <= top, f"{query!r}: missing pages {sorted(expected - top)} from top 10 {sorted(top)}"
    assert all("<mark>" in "".join(h.highlights) for h in result.hits)


def test_synonyms_lbp_finds_low_back_pain(ingested: dict[str, Any]) -> None:
    from indexers.base import SearchQuery
    from indexers.factory import get_search_index

    only_long_form = _pages_with(ingested["truth"], ["low back pain"]) - _pages_with(ingested["truth"], ["LBP"])
    assert only_long_form
    hits = get_search_index().search(SearchQuery(claim_id=CLAIM, text="LBP", size=50)).hits
    assert only_long_form <= {h.page for h in hits}


def test_a_claims_hits_never_include_another_claims_pages(ingested: dict[str, Any]) -> None:
    from indexers.base import SearchQuery
    from indexers.factory import get_search_index

    assert get_search_index().search(SearchQuery(claim_id="some-other-claim", text="antalgic gait")).total == 0
