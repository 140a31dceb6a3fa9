"""The exact mappings and request bodies the Elasticsearch backend sends, checked without a cluster.

Pure builders are asserted directly; then the real client (with a recording node) proves the bodies pass
its API signatures (indices.create(index, mappings, settings), update_aliases(actions), search(...)) and
serialise to the requests we expect.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from config.settings import Settings
from indexers.base import PageDoc, SearchIndexUnavailable, SearchQuery
from indexers.elasticsearch_index import (
    HIGHLIGHT_MAX_ANALYZED_OFFSET,
    BulkIndexingError,
    ElasticsearchIndex,
    alias_swap_actions,
    build_index_body,
    build_search_body,
    facets_from_aggs,
    page_source,
    result_from_response,
)
from indexers.embedded_index import EmbeddedSearchIndex, decode_cursor, encode_cursor
from indexers.factory import clear_cache, get_search_index
from tests.indexers.fake_es import RecordingNode, make_client

MAPPING = Path(__file__).resolve().parents[2] / "config" / "index_mappings" / "pages.json"


def doc(n: int, claim: str = "c1") -> PageDoc:
    return PageDoc(page_id=f"p{n}", claim_id=claim, file_id="f1", filename="a.pdf", page=n, text=f"page {n} LBP",
                   document_id="d1", record_type="service_treatment", date=dt.date(1999, 1, n), in_service=True,
                   flag_categories=["gait", "back_complaint", "gait"])


# ------------------------------------------------------------------------------ mapping


def test_index_body_is_strict_and_complete() -> None:
    body = build_index_body()
    mappings, settings = body["mappings"], body["settings"]
    assert mappings["dynamic"] == "strict"
    props = mappings["properties"]
    for field, kind in {"claim_id": "keyword", "file_id": "keyword", "page_id": "keyword", "document_id": "keyword",
                        "filename": "keyword", "record_type": "keyword", "flag_categories": "keyword",
                        "in_service": "boolean", "date": "date", "page": "integer", "text": "text"}.items():
        assert props[field]["type"] == kind, field
    text = props["text"]
    assert text["index_options"] == "offsets"
    assert text["analyzer"] == "clinical_english" and text["search_analyzer"] == "clinical_english_search"
    analysis = settings["analysis"]
    assert "porter_stem" in analysis["analyzer"]["clinical_english"]["filter"]
    search_filters = analysis["analyzer"]["clinical_english_search"]["filter"]
    assert search_filters.index("clinical_synonyms") < search_filters.index("porter_stem")
    assert "clinical_synonyms" not in analysis["analyzer"]["clinical_english"]["filter"]  # search-time only
    syn = analysis["filter"]["clinical_synonyms"]
    assert syn["type"] == "synonym_graph"
    assert "lbp, low back pain, lower back pain" in syn["synonyms"]
    assert "c p, compensation and pension" in syn["synonyms"]
    assert len(syn["synonyms"]) >= 25
    assert settings["index"]["highlight"]["max_analyzed_offset"] >= 1_000_000
    assert "_comment" not in body
    # The source document has exactly the mapped fields (strict mapping would reject anything else).
    assert set(page_source(doc(1))) == set(props)
    assert page_source(doc(1))["flag_categories"] == ["back_complaint", "gait"]


def test_mapping_file_is_valid_json_with_empty_synonym_placeholder() -> None:
    raw = json.loads(MAPPING.read_text())
    assert raw["settings"]["analysis"]["filter"]["clinical_synonyms"]["synonyms"] == []


# ------------------------------------------------------------------------------ search body


def test_search_body_filters_facets_highlight_and_sort() -> None:
    q = SearchQuery(claim_id="c1", text='LBP "antalgic gait" lumb* -knee', record_types=["va_treatment"],
                    flag_categories=["gait"], in_service=False, date_from=dt.date(2010, 1, 1),
                    date_to=dt.date(2020, 12, 31), size=10)
    body = build_search_body(q)
    boolean = body["query"]["bool"]
    assert boolean["filter"] == [
        {"term": {"claim_id": "c1"}},
        {"terms": {"record_type": ["va_treatment"]}},
        {"terms": {"flag_categories": ["gait"]}},
        {"term": {"in_service": False}},
        {"range": {"date": {"gte": "2010-01-01", "lte": "2020-12-31"}}},
    ]
    sqs = boolean["must"][0]["simple_query_string"]
    assert sqs["query"] == '(lbp | "low back pain" | "lower back pain") "antalgic gait" lumb*'
    assert sqs["fields"] == ["text"] and sqs["default_operator"] == "and"
    assert "FUZZY" not in sqs["flags"] and "NEAR" not in sqs["flags"] and "SLOP" not in sqs["flags"]
    assert boolean["must_not"][0]["simple_query_string"]["query"] == "knee"
    assert body["size"] == 11 and body["track_total_hits"] is True
    assert body["sort"][0] == {"_score": "desc"} and body["sort"][-1] == {"page_id": "asc"}
    assert set(body["aggs"]) == {"record_type", "flag", "in_service", "in_service_unknown"}
    hl = body["highlight"]
    assert hl["pre_tags"] == ["<mark>"] and hl["post_tags"] == ["</mark>"] and hl["encoder"] == "html"
    assert hl["max_analyzed_offset"] == HIGHLIGHT_MAX_ANALYZED_OFFSET
    assert body["source"] == {"excludes": ["text"]}


def test_search_body_date_sort_and_cursor() -> None:
    cursor = encode_cursor({"b": "es", "s": "date", "a": [946684800000, "f1", 3, "p3"]})
    body = build_search_body(SearchQuery(claim_id="c1", text="", sort="date", cursor=cursor))
    assert body["sort"][0] == {"date": {"order": "asc", "missing": "_last"}}
    assert body["track_scores"] is True
    assert body["search_after"] == [946684800000, "f1", 3, "p3"]
    assert "must" not in body["query"]["bool"] and "highlight" not in body
    with pytest.raises(ValueError):
        build_search_body(SearchQuery(claim_id="c1", sort="relevance", cursor=cursor))  # other sort
    with pytest.raises(ValueError):
        build_search_body(SearchQuery(claim_id="c1", cursor=encode_cursor({"b": "fts5", "s": "relevance",
                                                                            "k": [1, "a", 1, "b"]})))
    with pytest.raises(ValueError):
        build_search_body(SearchQuery(claim_id="c1", cursor=encode_cursor({"b": "es", "s": "relevance",
                                                                            "a": [{"x": 1}, "a", 1, "b"]})))
    with pytest.raises(ValueError):
        build_search_body(SearchQuery(claim_id=""))


@pytest.mark.parametrize("text", ['"unbalanced', "AND OR NOT (", "*", "field:(a OR b)", "back^10 ~2 /re/",
                                  "\\\"", "{text} : x", "a" * 3000])
def test_hostile_text_renders_only_safe_syntax(text: str) -> None:
    body = build_search_body(SearchQuery(claim_id="c1", text=text))
    for clause in ("must", "must_not"):
        for q in body["query"]["bool"].get(clause, []):
            rendered = q["simple_query_string"]["query"]
            assert not set(rendered) - set('abcdefghijklmnopqrstuvwxyz0123456789 "|()*'), rendered


def test_response_parsing_and_facets() -> None:
    resp = {
        "hits": {"total": {"value": 3, "relation": "eq"}, "hits": [
            {"_id": "p1", "_score": 2.5, "sort": [2.5, "f1", 1, "p1"], "highlight": {"text": ["<mark>LBP</mark> x"]},
             "_source": {"page_id": "p1", "file_id": "f1", "filename": "a.pdf", "page": 1, "document_id": "d1",
                         "record_type": "va_treatment", "date": "2016-01-20"}},
            {"_id": "p2", "_score": 1.0, "sort": [1.0, "f1", 2, "p2"],
             "_source": {"page_id": "p2", "file_id": "f1", "filename": "a.pdf", "page": 2, "document_id": None,
                         "record_type": "other", "date": None}},
        ]},
        "aggregations": {
            "record_type": {"buckets": [{"key": "va_treatment", "doc_count": 2}, {"key": "other", "doc_count": 1}]},
            "flag": {"buckets": [{"key": "gait", "doc_count": 1}]},
            "in_service": {"buckets": [{"key": 0, "key_as_string": "false", "doc_count": 2}]},
            "in_service_unknown": {"doc_count": 1},
        },
    }
    result = result_from_response(resp, SearchQuery(claim_id="c1", text="lbp", size=1))
    assert result.total == 3 and len(result.hits) == 1
    hit = result.hits[0]
    assert (hit.page_id, hit.page, hit.date, hit.highlights) == ("p1", 1, dt.date(2016, 1, 20), ["<mark>LBP</mark> x"])
    assert decode_cursor(result.next_cursor or "") == {"b": "es", "s": "relevance", "a": [2.5, "f1", 1, "p1"]}
    assert result.facets == {"record_type": {"va_treatment": 2, "other": 1}, "flag": {"gait": 1},
                             "in_service": {"false": 2, "unknown": 1}}
    assert facets_from_aggs({}) == {"record_type": {}, "flag": {}, "in_service": {}}
    last = result_from_response(resp, SearchQuery(claim_id="c1", text="lbp", size=2))
    assert last.next_cursor is None


def test_alias_swap_is_one_atomic_request() -> None:
    assert alias_swap_actions("cx-pages", ["cx-pages-v1"], "cx-pages-v2") == [
        {"remove": {"index": "cx-pages-v1", "alias": "cx-pages"}},
        {"add": {"index": "cx-pages-v2", "alias": "cx-pages", "is_write_index": True}},
    ]


# ------------------------------------------------------------------------------ through the real client


def test_requests_through_the_client() -> None:
    index = ElasticsearchIndex(prefix="cx", client=make_client())
    index.ensure_ready()
    create = [r for r in RecordingNode.requests if r.method == "PUT"]
    assert len(create) == 1 and create[0].target.startswith("/cx-pages-v1")
    assert create[0].body["mappings"] == build_index_body()["mappings"]
    assert create[0].body["settings"] == build_index_body()["settings"]
    assert create[0].body["aliases"] == {"cx-pages": {"is_write_index": True}}

    index.upsert_pages([doc(n) for n in range(1, 4)])
    bulk = [r for r in RecordingNode.requests if r.target.startswith("/_bulk")][-1]
    assert bulk.body[0] == {"index": {"_index": "cx-pages", "_id": "p1"}}
    assert bulk.body[1] == page_source(doc(1))

    RecordingNode.search_response = {"hits": {"total": {"value": 0}, "hits": []}, "aggregations": {}}
    index.search(SearchQuery(claim_id="c1", text="antalgic gait"))
    search = [r for r in RecordingNode.requests if r.target.startswith("/cx-pages/_search")][-1]
    expected = build_search_body(SearchQuery(claim_id="c1", text="antalgic gait"))
    expected["_source"] = expected.pop("source")  # the client's keyword for the _source body key
    assert search.body == expected

    index.delete_claim("c1")
    dbq = [r for r in RecordingNode.requests if "_delete_by_query" in r.target][-1]
    assert dbq.body == {"query": {"term": {"claim_id": "c1"}}}
    assert index.prune_claim("c1", {"p1"}) == 2
    dbq = [r for r in RecordingNode.requests if "_delete_by_query" in r.target][-1]
    assert dbq.body["query"]["bool"]["must_not"] == [{"ids": {"values": ["p1"]}}]
    assert index.count("c1") == 7


def test_rebuild_builds_a_new_version_and_swaps_the_alias() -> None:
    index = ElasticsearchIndex(prefix="cx", client=make_client())
    index.ensure_ready()
    assert index.rebuild([[doc(1), doc(2)], [doc(3)]]) == 3
    puts = [r.target.split("?")[0] for r in RecordingNode.requests if r.method == "PUT" and "_bulk" not in r.target]
    assert puts == ["/cx-pages-v1", "/cx-pages-v2"]
    bulk = [r for r in RecordingNode.requests if r.target.startswith("/_bulk")][-1]
    assert bulk.body[0] == {"index": {"_index": "cx-pages-v2", "_id": "p1"}}
    swap = [r for r in RecordingNode.requests if r.target.startswith("/_aliases")][-1]
    assert swap.body["actions"] == alias_swap_actions("cx-pages", ["cx-pages-v1"], "cx-pages-v2")
    assert RecordingNode.aliases == {"cx-pages-v2": ["cx-pages"]}
    assert "cx-pages-v1" not in RecordingNode.indices  # old version dropped after the swap


def test_failed_rebuild_keeps_the_old_alias() -> None:
    index = ElasticsearchIndex(prefix="cx", client=make_client())
    index.ensure_ready()
    RecordingNode.bulk_item_status = staticmethod(lambda _id: 400 if _id == "p2" else 201)
    with pytest.raises(BulkIndexingError) as info:
        index.rebuild([[doc(1), doc(2), doc(3)]])
    assert info.value.errors == [("p2", 400, "mapping rejected")]
    assert RecordingNode.aliases == {"cx-pages-v1": ["cx-pages"]}
    assert "cx-pages-v2" not in RecordingNode.indices


def test_per_item_errors_are_reported_not_swallowed() -> None:
    index = ElasticsearchIndex(prefix="cx", client=make_client())
    RecordingNode.bulk_item_status = staticmethod(lambda _id: 400 if _id in {"p1", "p3"} else 201)
    with pytest.raises(BulkIndexingError) as info:
        index.upsert_pages([doc(n) for n in range(1, 5)])
    assert [e[0] for e in info.value.errors] == ["p1", "p3"]


def test_connection_errors_become_unavailable() -> None:
    index = ElasticsearchIndex(prefix="cx", client=make_client())
    RecordingNode.down = True
    with pytest.raises(SearchIndexUnavailable):
        index.upsert_pages([doc(1)])
    with pytest.raises(SearchIndexUnavailable):
        index.search(SearchQuery(claim_id="c1", text="x"))
    with pytest.raises(SearchIndexUnavailable):
        index.count()


def test_factory_picks_the_backend(tmp_path: Path) -> None:
    clear_cache()
    embedded = get_search_index(Settings(data_dir=tmp_path, elasticsearch_url=""))
    assert isinstance(embedded, EmbeddedSearchIndex)
    assert embedded.path == tmp_path / "search.sqlite3"
    assert get_search_index(Settings(data_dir=tmp_path, elasticsearch_url="")) is embedded
    es = get_search_index(Settings(data_dir=tmp_path, elasticsearch_url="http://127.0.0.1:1",
                                   elasticsearch_index_prefix="cz"))
    assert isinstance(es, ElasticsearchIndex) and es.alias == "cz-pages"
    clear_cache()


def test_writes_require_the_alias_and_recreate_it_once_when_gone() -> None:
    index = ElasticsearchIndex(prefix="cx", client=make_client())
    index.ensure_ready()
    calls = {"n": 0}

    def first_missing(_id: str) -> int:
        calls["n"] += 1
        return 404 if calls["n"] == 1 else 201

    RecordingNode.bulk_item_status = staticmethod(first_missing)
    RecordingNode.aliases.clear()
    RecordingNode.indices.clear()
    index.upsert_pages([doc(1)])
    bulks = [r for r in RecordingNode.requests if r.target.startswith("/_bulk")]
    assert len(bulks) == 2 and all("require_alias=true" in r.target for r in bulks)
    assert RecordingNode.aliases == {"cx-pages-v1": ["cx-pages"]}
    index.rebuild([[doc(2)]])
    last = [r for r in RecordingNode.requests if r.target.startswith("/_bulk")][-1]
    assert "require_alias=false" in last.target  # a rebuild writes to the concrete new version


def test_an_index_from_an_older_mapping_asks_for_a_rebuild(caplog: pytest.LogCaptureFixture) -> None:
    client = make_client()
    ElasticsearchIndex(prefix="cx", client=client).ensure_ready()
    again = ElasticsearchIndex(prefix="cx", client=client)
    assert not again.needs_rebuild()
    RecordingNode.mapping_version = 0
    assert again.needs_rebuild()
    again.ensure_ready()
    assert "claimdex reindex" in caplog.text


def test_analysis_fields_are_partial_updates_and_missing_pages_are_reported() -> None:
    from indexers.base import PageFields

    index = ElasticsearchIndex(prefix="cx", client=make_client())
    index.ensure_ready()
    RecordingNode.bulk_item_status = staticmethod(lambda _id: 404 if _id == "p9" else 200)
    fields = [PageFields(page_id="p1", claim_id="c1", document_id="d1", record_type="cp_exam",
                         date=dt.date(2017, 4, 11), in_service=False, flag_categories=["gait", "gait", "injury"]),
              PageFields(page_id="p9", claim_id="c1")]
    assert index.update_page_fields(fields) == {"p9"}
    bulk = [r for r in RecordingNode.requests if r.target.startswith("/_bulk")][-1]
    assert bulk.target.startswith("/_bulk?require_alias=true")
    assert bulk.body[0] == {"update": {"_index": "cx-pages", "_id": "p1"}}
    # Only the analysis fields: the page text is not sent again.
    assert bulk.body[1] == {"doc": {"document_id": "d1", "record_type": "cp_exam", "date": "2017-04-11",
                                    "in_service": False, "flag_categories": ["gait", "injury"]}}
    RecordingNode.bulk_item_status = staticmethod(lambda _id: 400)
    with pytest.raises(BulkIndexingError):
        index.update_page_fields(fields)
    RecordingNode.bulk_item_status = staticmethod(lambda _id: 503)
    with pytest.raises(SearchIndexUnavailable):
        index.update_page_fields(fields)
