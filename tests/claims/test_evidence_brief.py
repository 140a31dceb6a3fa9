"""Evidence summary from a hand-built export: checklist found / not found, dismissed and negated excluded."""

from __future__ import annotations

from typing import Any

from claims.evidence_brief import build_evidence_summary, render_summary_markdown


def flag(flag_id: str, category: str, page: int, doc: str, **kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "flag_id": flag_id, "category": category, "file_id": "f1", "page": page, "document_id": doc,
        "record_type": kw.pop("record_type", "other"), "text": kw.pop("text", category), "sentence": "",
        "start": 0, "end": 1, "negated": False, "historical": False, "hypothetical": False,
        "experiencer": "patient", "polarity": None, "in_service": None, "status": "pending",
    }
    base.update(kw)
    return base


def make_export() -> dict[str, Any]:
    return {
        "schema_version": 1,
        "claim_id": "c1",
        "service_periods": [{"start": "2001-06-01", "end": "2005-05-31"}],
        "files": [{"file_id": "f1", "filename": "cfile.pdf", "sha256": "0" * 64, "page_count": 300,
                   "status": "done", "errors": []}],
        "pages": [],
        "documents": [
            {"document_id": "d1", "file_id": "f1", "first_page": 10, "last_page": 11,
             "record_type": "service_treatment", "confidence": 0.9, "date": "2003-04-02", "title": "Sick call"},
            {"document_id": "d2", "file_id": "f1", "first_page": 212, "last_page": 212,
             "record_type": "imaging_report", "confidence": 0.9, "date": "2019-05-02", "title": "MRI lumbar spine"},
            {"document_id": "d3", "file_id": "f1", "first_page": 250, "last_page": 254,
             "record_type": "cp_exam", "confidence": 0.9, "date": "2020-01-15", "title": None},
        ],
        "flags": [
            flag("a", "back_complaint", 10, "d1", record_type="service_treatment", in_service=True,
                 text="c/o LBP", date="2003-04-02"),
            flag("b", "injury", 11, "d1", record_type="service_treatment", in_service=True, status="dismissed"),
            flag("c", "imaging_finding", 212, "d2", record_type="imaging_report", text="disc desiccation"),
            flag("d", "diagnosis", 252, "d3", record_type="cp_exam", text="lumbar DDD"),
            flag("e", "medical_opinion", 253, "d3", record_type="cp_exam", polarity="negative",
                 text="less likely than not", status="confirmed"),
            flag("f", "continuity", 251, "d3", negated=True, text="ever since"),
            flag("g", "alternative_cause", 251, "d3", status="dismissed", text="BMI 36"),
            flag("h", "back_complaint", 251, "d3", experiencer="other", text="back pain"),
        ],
    }


def test_checklist_items_found_and_not_found() -> None:
    summary = build_evidence_summary(make_export())
    items = {i["item"]: i for i in summary["checklist"]}
    assert items["diagnosis"]["status"] == "found"
    assert items["diagnosis"]["citations"][0]["cite"] == "cfile.pdf p. 252"
    assert items["in_service_event"]["status"] == "found"
    assert [c["flag_id"] for c in items["in_service_event"]["citations"]] == ["a"]  # injury b was dismissed
    assert items["imaging"]["status"] == "found"
    assert items["adverse_opinion"]["status"] == "found"
    assert items["continuity"]["status"] == "not found"  # only a negated mention
    assert items["alternative_causes"]["status"] == "not found"  # dismissed by the reviewer
    assert items["buddy_statements"]["status"] == "not found"
    assert items["secondary_mechanics"]["status"] == "not found"


def test_dismissed_negated_and_other_experiencer_are_not_evidence() -> None:
    summary = build_evidence_summary(make_export())
    ids = {c["flag_id"] for cites in summary["flags_by_category"].values() for c in cites}
    assert ids == {"a", "c", "d", "e"}
    assert summary["set_aside"] == {"dismissed": 2, "negated": 1, "other_experiencer": 1}


def test_records_reviewed_and_chronology() -> None:
    summary = build_evidence_summary(make_export())
    labels = [d["label"] for group in summary["records_reviewed"] for d in group["documents"]]
    assert "MRI lumbar spine, 2019-05-02, cfile.pdf p. 212" in labels
    assert "Sick call, 2003-04-02, cfile.pdf pp. 10-11" in labels
    dates = [c["date"] for c in summary["chronology"]]
    assert dates == sorted(dates) and dates[0] == "2003-04-02"
    # undated flags take their document's date
    assert {c["flag_id"] for c in summary["chronology"]} == {"a", "c", "d", "e"}


def test_markdown_lists_checklist_and_citations() -> None:
    md = render_summary_markdown(build_evidence_summary(make_export()))
    assert "# Evidence summary — claim c1" in md
    assert "- [x] Is there a diagnosed spine/joint condition? — found" in md
    assert "- [ ] Are there buddy / lay statements? — not found" in md
    assert "cfile.pdf p. 253" in md and "negative" in md
    assert "BMI 36" not in md


def test_empty_export() -> None:
    summary = build_evidence_summary({"claim_id": "x", "files": [], "pages": [], "documents": [], "flags": []})
    assert all(i["status"] == "not found" for i in summary["checklist"])
    assert "No dated flags." in render_summary_markdown(summary)
