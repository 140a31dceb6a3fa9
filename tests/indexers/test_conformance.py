"""One conformance suite, run against every backend (see conftest: Elasticsearch only with a cluster)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from indexers.base import PageDoc, SearchIndex, SearchQuery, SearchResult
from tests.indexers.sample_claim import CLAIM, EXPECTED, FILE, OTHER, OTHER_FILE, page_id, sample_docs

HOSTILE = [
    '"unbalanced quote',
    "AND OR NOT (",
    "*",
    '"',
    '""',
    "-",
    "--",
    "|||",
    "OR",
    "NOT",
    "((((",
    ")",
    "a*b*c*",
    "x*",
    "NEAR(back pain, 3)",
    "back:pain",
    "text : back",
    "claimtok : k123",
    "{text claimtok} : back",
    "^back",
    "back ~2",
    "back~",
    "'; DROP TABLE pages; --",
    "1=1 OR 'a'='a'",
    "\\\"escaped\\\"",
    "\x00\x01\x02",
    "\ue000mark\ue001",
    "back AND",
    "AND back",
    "- back",
    "back -",
    '"back pain" OR',
    "OR OR OR back",
    "-lbp -ddd -knee",
    "ü ö ß é ñ 中文 😀",
    "a" * 5000,
    " ".join(["back"] * 300),
    "/regex.*/",
    "field:(a OR b)",
    "back^10",
    "[1 TO 5]",
    "<script>alert(1)</script>",
]


def ids(result: SearchResult) -> set[str]:
    return {h.page_id for h in result.hits}


def pages_of(result: SearchResult) -> set[int]:
    return {h.page for h in result.hits if h.file_id == FILE}


@pytest.fixture
def loaded(backend: SearchIndex) -> SearchIndex:
    backend.upsert_pages(sample_docs())
    return backend


@pytest.mark.parametrize("text", sorted(EXPECTED))
def test_realistic_queries_find_the_right_pages(loaded: SearchIndex, text: str) -> None:
    result = loaded.search(SearchQuery(claim_id=CLAIM, text=text, size=10))
    assert pages_of(result) == EXPECTED[text], text  # recall@10 = 1.0 and nothing else
    assert result.total == len(EXPECTED[text])


def test_phrase_requires_order(loaded: SearchIndex) -> None:
    assert pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text='"antalgic gait"'))) == {5}
    assert pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text='"gait antalgic"'))) == set()


def test_boolean_and_default_or_and_exclude(loaded: SearchIndex) -> None:
    both = loaded.search(SearchQuery(claim_id=CLAIM, text="roofer hiking"))
    assert pages_of(both) == {7}
    assert pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="roofer cane"))) == set()
    assert pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="roofer OR cane"))) == {5, 7}
    assert pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="roofer | cane"))) == {5, 7}
    assert pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="gait -cane"))) == {10}
    assert pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="gait NOT cane"))) == {10}


def test_prefix(loaded: SearchIndex) -> None:
    assert pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="lumb*"))) == {4, 6, 8}
    assert pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="parasp*"))) == {1}
    # The prefix itself goes through the English stemmer in both backends (FTS5 porter tokenizer;
    # Elasticsearch analyze_wildcard), so "paras*" means "para*": parachute, parachutist, paraspinals.
    assert pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="paras*"))) == {1, 2, 11}


def test_stemming(loaded: SearchIndex) -> None:
    assert 3 in pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="ruck")))  # "rucking"
    assert {1, 7, 9} <= pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="march")))  # "marches"
    assert 3 in pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="aggravating")))  # "aggravated"


def test_synonyms_both_directions(loaded: SearchIndex) -> None:
    lbp = pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="LBP")))
    assert {5, 7} <= lbp  # "low back pain", "lower back pain"
    assert 1 in pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="low back pain")))  # "LBP"
    assert 1 in pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text='"low back pain"')))
    assert 8 in pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="DDD")))
    assert 4 in pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="DDD")))  # "degenerative disc disease"
    assert 8 in pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="C&P examination")))
    assert 4 in pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="magnetic resonance imaging")))


def test_filters(loaded: SearchIndex) -> None:
    q = SearchQuery(claim_id=CLAIM, text="back", record_types=["service_treatment"])
    assert pages_of(loaded.search(q)) == {1, 2}
    q = SearchQuery(claim_id=CLAIM, text="back", record_types=["service_treatment", "service_exam"])
    assert pages_of(loaded.search(q)) == {1, 2, 3}
    assert pages_of(loaded.search(SearchQuery(claim_id=CLAIM, flag_categories=["gait"]))) == {5, 10}
    assert pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="back", in_service=True))) == {1, 2, 3}
    assert pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="back", in_service=False))) == {5, 6, 7, 10}
    ranged = SearchQuery(claim_id=CLAIM, date_from=dt.date(2015, 1, 1), date_to=dt.date(2017, 12, 31))
    assert pages_of(loaded.search(ranged)) == {4, 5, 6}
    assert pages_of(loaded.search(SearchQuery(claim_id=CLAIM, date_from=dt.date(2019, 1, 1)))) == {10, 12}


def test_facets_count_the_filtered_query(loaded: SearchIndex) -> None:
    result = loaded.search(SearchQuery(claim_id=CLAIM, text="back"))
    assert result.facets["record_type"] == {
        "service_treatment": 2, "private_treatment": 2, "service_exam": 1, "va_treatment": 1, "cp_exam": 1,
        "buddy_statement": 1,
    }
    assert result.facets["flag"]["back_complaint"] == 5
    assert result.facets["flag"]["gait"] == 2
    assert result.facets["in_service"] == {"true": 3, "false": 4, "unknown": 1}
    filtered = loaded.search(SearchQuery(claim_id=CLAIM, text="back", in_service=True))
    assert filtered.facets["record_type"] == {"service_treatment": 2, "service_exam": 1}
    assert filtered.facets["in_service"] == {"true": 3}


def test_highlights_mark_the_matches(loaded: SearchIndex) -> None:
    hit = loaded.search(SearchQuery(claim_id=CLAIM, text="antalgic gait")).hits[0]
    joined = " ".join(hit.highlights)
    assert re.search(r"<mark>antalgic( gait)?</mark>", joined)
    assert "gait</mark>" in joined
    syn = loaded.search(SearchQuery(claim_id=CLAIM, text="LBP"))
    marked = {h.page: " ".join(h.highlights) for h in syn.hits}
    assert "<mark>LBP</mark>" in marked[1]
    assert "<mark>" in marked[5] and "back" in marked[5]


def test_highlights_on_a_very_long_page(backend: SearchIndex) -> None:
    filler = "The patient was seen for routine follow up and vital signs were stable today. " * 2600  # ~200 KB
    text = filler + "Final impression: grade one spondylolisthesis at L5-S1."
    assert len(text) > 200_000
    backend.upsert_pages([PageDoc(page_id="long-1", claim_id="claim-long", file_id="f_long", filename="long.pdf",
                                  page=1, text=text)])
    result = backend.search(SearchQuery(claim_id="claim-long", text="spondylolisthesis"))
    assert result.total == 1
    assert any("<mark>spondylolisthesis</mark>" in f for f in result.hits[0].highlights)


def test_highlights_escape_page_markup(backend: SearchIndex) -> None:
    backend.upsert_pages([PageDoc(page_id="x-1", claim_id="claim-x", file_id="f_x", filename="x.pdf", page=1,
                                  text="<script>alert(1)</script> lumbar strain & <b>spasm</b>")])
    hit = backend.search(SearchQuery(claim_id="claim-x", text="lumbar")).hits[0]
    joined = " ".join(hit.highlights)
    assert "<mark>lumbar</mark>" in joined
    assert "<script>" not in joined and "<b>" not in joined


def _many(backend: SearchIndex, claim: str, n: int) -> None:
    backend.upsert_pages([
        PageDoc(page_id=f"{claim}-{i}", claim_id=claim, file_id=f"f_{claim}", filename="big.pdf", page=i,
                text=f"Ruck march number {i}. " + ("ruck " * (i % 7)),
                date=dt.date(2000, 1, 1) + dt.timedelta(days=i * 13) if i % 5 else None)
        for i in range(1, n + 1)
    ])


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_cursor_pagination_visits_every_hit_once(backend: SearchIndex, sort: str) -> None:
    _many(backend, "claim-many", 47)
    seen: list[str] = []
    cursor = None
    for _ in range(10):
        result = backend.search(SearchQuery(claim_id="claim-many", text="ruck", size=10, sort=sort, cursor=cursor))
        assert result.total == 47
        seen.extend(h.page_id for h in result.hits)
        cursor = result.next_cursor
        if cursor is None:
            break
    assert len(seen) == 47 and len(set(seen)) == 47
    if sort == "date":
        everything = backend.search(SearchQuery(claim_id="claim-many", text="ruck", size=100, sort="date")).hits
        dates = [h.date for h in everything]
        dated = [d for d in dates if d is not None]
        assert dated == sorted(dated)
        assert dates[-1] is None  # undated pages last
        assert [h.page_id for h in everything] == seen
    else:
        everything = backend.search(SearchQuery(claim_id="claim-many", text="ruck", size=100)).hits
        scores = [h.score for h in everything]
        assert scores == sorted(scores, reverse=True)


def test_invalid_cursor_is_a_value_error(loaded: SearchIndex) -> None:
    with pytest.raises(ValueError):
        loaded.search(SearchQuery(claim_id=CLAIM, text="back", cursor="not-a-cursor!!"))


def test_claim_isolation(loaded: SearchIndex) -> None:
    for text in [*EXPECTED, "", "antalgic", "lifting", "scheduled", "-zzz"]:
        mine = loaded.search(SearchQuery(claim_id=CLAIM, text=text, size=200))
        assert all(h.file_id == FILE for h in mine.hits), text
        theirs = loaded.search(SearchQuery(claim_id=OTHER, text=text, size=200))
        assert all(h.file_id == OTHER_FILE for h in theirs.hits), text
    assert pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="lifting"))) == set()
    assert loaded.search(SearchQuery(claim_id="no-such-claim", text="back")).total == 0


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_query_strings_never_error(loaded: SearchIndex, text: str) -> None:
    result = loaded.search(SearchQuery(claim_id=CLAIM, text=text))
    assert all(h.file_id == FILE for h in result.hits)


def test_hostile_filter_values_never_error(loaded: SearchIndex) -> None:
    q = SearchQuery(claim_id="x' OR '1'='1", text="back", record_types=["') OR 1=1 --"], flag_categories=["%", "|"])
    assert loaded.search(q).total == 0


def test_empty_query_lists_the_claim(loaded: SearchIndex) -> None:
    result = loaded.search(SearchQuery(claim_id=CLAIM, size=100))
    assert result.total == 12
    assert {h.page for h in result.hits} == set(range(1, 13))


def test_upsert_is_idempotent_and_replaces(loaded: SearchIndex) -> None:
    loaded.upsert_pages(sample_docs())
    assert loaded.count(CLAIM) == 12
    assert loaded.count(OTHER) == 3
    changed = [d for d in sample_docs() if d.page_id == page_id(FILE, 5)][0]
    changed.text = "Veteran ambulates with a steppage gait."
    loaded.upsert_pages([changed])
    assert pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="antalgic"))) == set()
    assert pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="steppage"))) == {5}
    assert loaded.count(CLAIM) == 12


def test_delete_claim(loaded: SearchIndex) -> None:
    loaded.delete_claim(OTHER)
    assert loaded.count(OTHER) == 0
    assert loaded.search(SearchQuery(claim_id=OTHER, text="LBP")).total == 0
    assert loaded.count(CLAIM) == 12
    assert pages_of(loaded.search(SearchQuery(claim_id=CLAIM, text="LBP"))) == {1, 5, 7}


def test_prune_claim_drops_vanished_pages(loaded: SearchIndex) -> None:
    keep = {page_id(FILE, n) for n in range(1, 7)}
    assert loaded.prune_claim(CLAIM, keep) == 6
    assert loaded.count(CLAIM) == 6
    assert loaded.count(OTHER) == 3


def _text_only(docs: list[PageDoc]) -> list[PageDoc]:
    """Pages as the pipeline indexes them when extracted: text, no document, date or flags yet."""
    return [PageDoc(page_id=d.page_id, claim_id=d.claim_id, file_id=d.file_id, filename=d.filename, page=d.page,
                    text=d.text) for d in docs]


def test_pages_indexed_as_extracted_then_their_analysis_fields(backend: SearchIndex) -> None:
    from indexers.base import PageFields

    docs = sample_docs()
    backend.upsert_pages(_text_only(docs))
    # Searchable by text at once, before the file's analysis: every page is "other", undated, unflagged.
    assert pages_of(backend.search(SearchQuery(claim_id=CLAIM, text="antalgic gait"))) == {5}
    assert backend.search(SearchQuery(claim_id=CLAIM, flag_categories=["gait"])).total == 0
    assert backend.search(SearchQuery(claim_id=CLAIM)).facets["record_type"] == {"other": 12}

    unknown = PageFields(page_id="never-indexed", claim_id=CLAIM, record_type="cp_exam")
    missing = backend.update_page_fields([PageFields.of(d) for d in docs] + [unknown])
    assert missing == {"never-indexed"}
    # The analysis fields now filter and facet exactly as if the pages had been indexed whole.
    assert pages_of(backend.search(SearchQuery(claim_id=CLAIM, flag_categories=["gait"]))) == {5, 10}
    assert pages_of(backend.search(SearchQuery(claim_id=CLAIM, text="back", in_service=True))) == {1, 2, 3}
    ranged = SearchQuery(claim_id=CLAIM, date_from=dt.date(2015, 1, 1), date_to=dt.date(2017, 12, 31))
    assert pages_of(backend.search(ranged)) == {4, 5, 6}
    result = backend.search(SearchQuery(claim_id=CLAIM, text="back"))
    assert result.facets["flag"]["back_complaint"] == 5
    assert result.facets["in_service"] == {"true": 3, "false": 4, "unknown": 1}
    hit = backend.search(SearchQuery(claim_id=CLAIM, text="antalgic gait")).hits[0]
    assert (hit.record_type, hit.document_id, hit.date) == ("va_treatment", "d5", dt.date(2016, 1, 20))
    assert backend.count(CLAIM) == 12 and backend.count(OTHER) == 3

    # A later analysis (a correction) replaces the fields, flag categories included; the text stays.
    again = PageFields.of([d for d in docs if d.page_id == page_id(FILE, 5)][0])
    again.flag_categories, again.record_type = ["injury"], "private_treatment"
    assert backend.update_page_fields([again]) == set()
    assert pages_of(backend.search(SearchQuery(claim_id=CLAIM, flag_categories=["gait"]))) == {10}
    assert pages_of(backend.search(SearchQuery(claim_id=CLAIM, text="antalgic", record_types=["private_treatment"]))
                    ) == {5}


def test_claims_indexed_page_by_page_at_once_stay_apart(backend: SearchIndex) -> None:
    """Pages are indexed as they are extracted, so two claims being ingested at once interleave."""
    for n in range(1, 21):
        for claim in ("claim-left", "claim-right"):
            backend.upsert_pages([PageDoc(page_id=f"{claim}-{n}", claim_id=claim, file_id=f"f-{claim}",
                                          filename=f"{claim}.pdf", page=n, text=f"antalgic gait visit {n} of {claim}")])
    for claim in ("claim-left", "claim-right"):
        result = backend.search(SearchQuery(claim_id=claim, text="antalgic gait", size=50))
        assert result.total == 20 and {h.file_id for h in result.hits} == {f"f-{claim}"}
        assert backend.search(SearchQuery(claim_id=claim, text="gait -antalgic")).total == 0
