"""Each endpoint does its job: claims, upload, progress, search, documents, pages, images, review,
corrections, export, summary, audit, health, and the HTML pages."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from config.contracts import EXPORT_SCHEMA_PATH
from tests.api.conftest import PAGE_TEXT, Env, audit_rows, make_pdf

SCHEMA = EXPORT_SCHEMA_PATH


def test_health_and_readiness(env: Env) -> None:
    from fastapi.testclient import TestClient

    c = TestClient(env.app)
    assert c.get("/healthz").json() == {"status": "ok"}
    r = c.get("/readyz")
    assert r.status_code in (200, 503) and r.json()["checks"]["database"] is True


def test_create_claim_grants_creator_and_refuses_taken_ids(env: Env) -> None:
    staff = env.client("staff1")
    r = staff.post("/api/claims", json={"claim_id": "C-2024.1", "title": "New veteran"})
    assert r.status_code == 201 and r.json()["claim_id"] == "C-2024.1"
    assert staff.get("/api/claims/C-2024.1").status_code == 200
    assert staff.post("/api/claims", json={"claim_id": "C-2024.1"}).status_code == 409
    assert staff.post("/api/claims", json={"claim_id": "../etc"}).status_code == 422
    # A staff member without access to A is answered as for a claim that does not exist (issue 14, finding 12).
    assert env.client("staff_b").post("/api/claims", json={"claim_id": "A"}).status_code == 404


def test_upload_many_files_and_a_zip_streams_to_intake(env: Env) -> None:
    staff = env.client("staff1")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("inner/one.pdf", make_pdf(["zip member page"]))
    files = [("files", ("a.pdf", make_pdf(["first file"]), "application/pdf")),
             ("files", ("b.pdf", make_pdf(["second file", "two pages"]), "application/pdf")),
             ("files", ("bundle.zip", buf.getvalue(), "application/zip"))]
    r = staff.post("/api/claims/NEWCLAIM/uploads", files=files)
    assert r.status_code == 202, r.text
    body = r.json()
    assert body["claim_id"] == "NEWCLAIM" and body["job_id"] and len(body["queued_file_ids"]) == 3
    assert env.enqueued == [body["queued_file_ids"]]
    # the uploader was granted the new claim; the same bytes again change nothing
    p = staff.get("/api/claims/NEWCLAIM/progress").json()
    assert {f["filename"] for f in p["files"]} == {"a.pdf", "b.pdf", "bundle.zip", "bundle.zip/inner/one.pdf"}
    again = staff.post("/api/claims/NEWCLAIM/uploads", files=files[:1]).json()
    assert again["file_ids"] == body["file_ids"][:1] and again["queued_file_ids"] == [body["file_ids"][0]]
    assert [e for e in audit_rows("upload") if e.claim_id == "NEWCLAIM"]


def test_upload_refuses_oversize_bad_bodies_and_leaves_no_temp_files(env: Env, data_dir: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from config.settings import reset_settings_cache

    monkeypatch.setenv("CLAIMDEX_MAX_FILE_BYTES", "1000")
    reset_settings_cache()
    staff = env.client("staff1")
    r = staff.post("/api/claims/A/uploads", files={"files": ("big.pdf", b"%PDF" + b"x" * 5000, "application/pdf")})
    assert r.status_code == 413 and "limit" in r.json()["detail"]
    assert staff.post("/api/claims/A/uploads", content=b"not multipart",
                      headers={"Content-Type": "text/plain"}).status_code == 415
    bad = staff.post("/api/claims/A/uploads", content=b"--xx\r\ngarbage",
                     headers={"Content-Type": "multipart/form-data; boundary=zz"})
    assert bad.status_code in (400, 422)
    assert staff.post("/api/claims/A/uploads", data={"note": "no files"}, files={}).status_code in (415, 422)
    assert staff.post("/api/claims/bad id!/uploads", files={"files": ("a.pdf", b"x")}).status_code in (404, 422)
    assert not any((data_dir / "incoming").iterdir())
    assert env.enqueued == []


def test_upload_reports_refused_files(env: Env) -> None:
    r = env.client("staff1").post("/api/claims/A/uploads", files={"files": ("notes.txt", b"hello", "text/plain")})
    assert r.status_code == 202
    body = r.json()
    assert body["queued_file_ids"] == [] and body["errors"] and body["errors"][0]["filename"] == "notes.txt"


def test_claim_overview_progress_and_events(env: Env) -> None:
    c = env.client("doc_a")
    o = c.get("/api/claims/A").json()
    assert o["progress"]["pages_total"] == 2 and o["progress"]["pages_done"] == 2
    assert o["progress"]["files"][0]["errors"][0]["code"] == "example_warning"
    assert list(o["documents_by_type"]) == ["service_treatment"]
    assert o["flags_by_category"] == {"back_complaint": {"pending": 1}, "gait": {"pending": 1}}
    with c.stream("GET", "/api/claims/A/events?interval=0.2") as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        body = "".join(r.iter_text())
    assert "event: progress" in body and "event: end" in body
    data = json.loads(body.split("data: ", 1)[1].split("\n", 1)[0])
    assert data["status"] == "partial"


def test_search_params_citations_and_audit_without_query_text(env: Env) -> None:
    c = env.client("doc_a")
    r = c.get("/api/claims/A/search", params={"q": "antalgic gait", "type": "service_treatment", "flag": "gait",
                                              "in_service": "true", "from": "2000-01-01", "to": "2010-01-01",
                                              "sort": "date", "size": 5})
    assert r.status_code == 200
    q = env.index.queries[-1]
    assert (q.text, q.record_types, q.flag_categories, q.in_service, q.sort, q.size) == (
        "antalgic gait", ["service_treatment"], ["gait"], True, "date", 5)
    assert str(q.date_from) == "2000-01-01" and str(q.date_to) == "2010-01-01"
    hit = r.json()["hits"][0]
    assert (hit["filename"], hit["page"], hit["document_title"]) == ("A-str.pdf", 1, "Sick call")
    assert c.get("/api/claims/A/search", params={"q": "x", "type": "nonsense"}).status_code == 422
    assert c.get("/api/claims/A/search", params={"q": "x", "sort": "random"}).status_code == 422
    ev = audit_rows("search")[-1]
    assert "antalgic" not in (ev.target or "") and "len=13" in ev.target


def test_search_unavailable_is_503(env: Env) -> None:
    from indexers.base import SearchIndexUnavailable

    def down(_q: object) -> None:
        raise SearchIndexUnavailable("down")

    env.index.search = down  # type: ignore[method-assign]
    assert env.client("doc_a").get("/api/claims/A/search", params={"q": "x"}).status_code == 503
    env.app.state.search_index = lambda: None
    assert env.client("doc_a").get("/api/claims/A/search", params={"q": "x"}).status_code == 503


def test_documents_pages_and_image(env: Env) -> None:
    a = env.claims["A"]
    c = env.client("doc_a")
    docs = c.get("/api/claims/A/documents").json()["documents"]
    assert [d["document_id"] for d in docs] == [a.document_id]
    assert c.get("/api/claims/A/documents", params={"type": "cp_exam"}).json()["documents"] == []
    d = c.get(f"/api/claims/A/documents/{a.document_id}").json()
    assert d["pages"] == [1, 2] and len(d["flags"]) == 2
    assert c.get("/api/claims/A/documents/d_nope").status_code == 404
    p = c.get(f"/api/claims/A/files/{a.file_id}/pages/1").json()
    assert p["text"] == PAGE_TEXT[0] and p["words"][0][0] == "CHRONOLOGICAL" and p["next_page"] == 2
    assert p["prev_page"] is None and p["flags"][0]["category"] == "gait" and p["document"]["title"] == "Sick call"
    assert c.get(f"/api/claims/A/files/{a.file_id}/pages/3").status_code == 404
    img = c.get(f"/api/claims/A/files/{a.file_id}/pages/2/image")
    assert img.status_code == 200 and img.content[:8] == b"\x89PNG\r\n\x1a\n"
    from PIL import Image

    w, h = Image.open(io.BytesIO(img.content)).size
    assert abs(w / h - 612 / 792) < 0.01 and 700 < w < 900  # ~100 dpi of a letter page
    assert c.get(f"/api/claims/A/files/{a.file_id}/pages/2/image").content == img.content  # cached
    assert c.get(f"/api/claims/A/files/{a.file_id}/pages/9/image").status_code == 404
    assert c.get(f"/api/claims/A/files/{env.claims['B'].file_id}/pages/1/image").status_code == 404


def test_flag_filters_review_and_bulk(env: Env) -> None:
    a = env.claims["A"]
    c = env.client("doc_a")
    assert len(c.get("/api/claims/A/flags").json()["flags"]) == 2
    assert [g["category"] for g in c.get("/api/claims/A/flags", params={"category": "gait"}).json()["flags"]] == [
        "gait"]
    assert len(c.get("/api/claims/A/flags", params={"page": 2}).json()["flags"]) == 1
    assert len(c.get("/api/claims/A/flags", params={"record_type": "cp_exam"}).json()["flags"]) == 0
    assert c.get("/api/claims/A/flags", params={"category": "bogus"}).status_code == 422
    r = c.post(f"/api/claims/A/flags/{a.flag_ids[0]}/review", json={"status": "confirmed", "note": "clear gait"})
    g = r.json()
    assert (g["status"], g["note"], g["reviewed_by"]) == ("confirmed", "clear gait", "doc_a") and g["reviewed_at"]
    assert env.reindexed == ["A"]
    assert c.get("/api/claims/A/flags", params={"status": "confirmed"}).json()["flags"][0]["flag_id"] == a.flag_ids[0]
    assert c.post(f"/api/claims/A/flags/{a.flag_ids[0]}/review", json={"status": "maybe"}).status_code == 422
    assert c.post("/api/claims/A/flags/g_nope/review", json={"status": "confirmed"}).status_code == 404
    # bulk; a flag of claim B in the list makes the whole request 404 and changes nothing
    mixed = {"flag_ids": [a.flag_ids[1], env.claims["B"].flag_ids[0]], "status": "dismissed"}
    assert c.post("/api/claims/A/flags/review", json=mixed).status_code == 404
    r = c.post("/api/claims/A/flags/review", json={"flag_ids": a.flag_ids, "status": "dismissed"})
    assert r.json()["updated"] == 2 and {g["status"] for g in r.json()["flags"]} == {"dismissed"}
    assert env.client("doc_b").get("/api/claims/B/flags").json()["flags"][0]["status"] == "pending"
    ev = audit_rows("flag_review")[-1]
    assert "clear gait" not in ev.target and a.flag_ids[0] in ev.target


def test_reclassify_and_boundary_fix_record_corrections(env: Env) -> None:
    from sqlalchemy import select

    from store.db import session_scope
    from store.models import Document, DocumentCorrection, Flag

    a = env.claims["A"]
    c = env.client("doc_a")
    r = c.post(f"/api/claims/A/documents/{a.document_id}/reclassify", json={"record_type": "va_treatment"})
    assert r.json() == {"document_id": a.document_id, "record_type": "va_treatment", "origin": "corrected"}
    assert c.post(f"/api/claims/A/documents/{a.document_id}/reclassify", json={"record_type": "x"}).status_code == 422
    r = c.post("/api/claims/A/documents/boundary", json={"file_id": a.file_id, "page": 2, "kind": "split"})
    # Both corrections re-analyse the file (a type correction too: its flags follow the new type).
    assert r.status_code == 202 and env.resegmented == [a.file_id, a.file_id]
    assert c.post("/api/claims/A/documents/boundary",
                  json={"file_id": a.file_id, "page": 5, "kind": "merge"}).status_code == 422
    assert c.post("/api/claims/A/documents/boundary",
                  json={"file_id": a.file_id, "page": 1, "kind": "merge"}).status_code == 422
    with session_scope() as s:
        corr = [(x.kind, x.page, x.record_type, x.created_by) for x in s.scalars(select(DocumentCorrection))]
        assert corr == [("type", 1, "va_treatment", "doc_a"), ("split", 2, None, "doc_a")]
        assert s.get(Document, a.document_id).record_type == "va_treatment"
        assert {g.record_type for g in s.scalars(select(Flag).where(Flag.claim_id == "A"))} == {"va_treatment"}


def test_export_is_schema_valid(env: Env) -> None:
    out = env.client("doc_a").get("/api/claims/A/export").json()
    assert out["claim_id"] == "A" and len(out["pages"]) == 2 and len(out["flags"]) == 2
    import jsonschema

    jsonschema.validate(out, json.loads(SCHEMA.read_text()))


def test_summary_markdown_and_pdf(env: Env) -> None:
    c = env.client("doc_a")
    md = c.get("/api/claims/A/summary.md")
    assert md.status_code == 200 and md.text.startswith("# Evidence brief: claim A")
    assert "attachment" in md.headers["content-disposition"]
    pdf = c.get("/api/claims/A/summary.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-type"] == "application/pdf"
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "Evidence brief: claim A" in text and "Opinions to answer" in text and "Sick call" in text
    page = c.get("/claims/A/summary")
    assert page.status_code == 200 and "Download PDF" in page.text and "1. Opinions to answer" in page.text


def test_audit_rows_for_reads_and_staff_query(env: Env) -> None:
    a = env.claims["A"]
    doc = env.client("doc_a")
    doc.get("/api/claims/A")
    doc.get(f"/api/claims/A/files/{a.file_id}/pages/1")
    doc.get(f"/api/claims/A/files/{a.file_id}/pages/1/image")
    doc.get("/api/claims/A/export")
    actions = [(e.username, e.action, e.claim_id) for e in audit_rows()]
    for action in ("claim_read", "page_read", "page_image_read", "export_json"):
        assert ("doc_a", action, "A") in actions
    page_ev = audit_rows("page_read")[-1]
    assert json.loads(page_ev.target) == {"file_id": a.file_id, "page": 1}
    all_text = " ".join(e.target or "" for e in audit_rows())
    assert "antalgic" not in all_text and "CHRONOLOGICAL" not in all_text
    staff = env.client("staff1")
    events = staff.get("/api/audit", params={"claim_id": "A", "user": "doc_a"}).json()["events"]
    assert events and {e["user"] for e in events} == {"doc_a"} and {e["claim_id"] for e in events} == {"A"}
    # staff_b (claim B only) sees no event of claim A
    seen = env.client("staff_b").get("/api/audit").json()["events"]
    assert "A" not in {e["claim_id"] for e in seen}
    assert "audit_read" in [e.action for e in audit_rows()]


def test_html_pages_render(env: Env) -> None:
    a = env.claims["A"]
    doc = env.client("doc_a")
    assert "A-str.pdf" in doc.get("/claims").text or "A" in doc.get("/claims").text
    overview = doc.get("/claims/A").text
    assert "Service treatment record" in overview and "example_warning" in overview and "Gait" in overview
    s = doc.get("/claims/A/search", params={"q": "antalgic"}).text
    assert "A-str.pdf · page 1" in s and "<mark>antalgic</mark>" in s
    assert "Type words to search" in doc.get("/claims/A/search").text
    p = doc.get(f"/claims/A/files/{a.file_id}/pages/1", params={"q": "antalgic gait"}).text
    assert p.count('class="hl hit"') == 2 and 'class="hl flag cat-gait lead"' in p and "Next →" in p
    assert 'data-status="pending"' in p
    assert '<mark class="hit">antalgic</mark>' in p
    assert 'id="corrections"' in p and 'data-boundary="split"' not in p  # page 1: no boundary before it
    p2 = doc.get(f"/claims/A/files/{a.file_id}/pages/2").text
    assert 'data-boundary="split"' in p2 and 'data-boundary="merge"' in p2
    assert 'id="corrections"' not in env.client("staff1").get(f"/claims/A/files/{a.file_id}/pages/2").text
    r = doc.get("/claims/A/review").text
    assert "Review queue" in r and r.count('class="flag-row"') == 2 and "Confirm selected" in r
    assert "No flags match" in doc.get("/claims/A/review", params={"status": "confirmed"}).text
    staff = env.client("staff1")
    assert "Upload a claim file" in staff.get("/upload").text
    assert "Audit log" in staff.get("/audit").text
    assert "Read-only" in staff.get("/claims/A/review").text
    nf = doc.get("/claims/B", headers={"Accept": "text/html"})
    assert nf.status_code == 404 and "Not found" in nf.text


def test_users_list_for_staff(env: Env) -> None:
    users = env.client("staff1").get("/api/users").json()["users"]
    assert {"username": "doc_a", "role": "physician", "disabled": False} in users
    assert all(set(u) == {"username", "role", "disabled"} for u in users)  # no hashes, no tokens


def test_openapi_lists_the_api(env: Env) -> None:
    from fastapi.testclient import TestClient

    spec = TestClient(env.app).get("/openapi.json").json()
    for path in ("/api/claims/{claim_id}/uploads", "/api/claims/{claim_id}/search", "/api/audit", "/readyz"):
        assert path in spec["paths"]
    assert "multipart/form-data" in spec["paths"]["/api/claims/{claim_id}/uploads"]["post"]["requestBody"]["content"]


def test_tiff_frame_renders_as_page_image(env: Env) -> None:
    from PIL import Image

    from config.settings import get_settings
    from store.blobs import BlobStore
    from store.db import session_scope
    from store.ids import file_id_for
    from store.models import SourceFile

    frames = [Image.new("L", (850, 1100), 255), Image.new("L", (850, 1100), 0)]
    buf = io.BytesIO()
    frames[0].save(buf, format="TIFF", save_all=True, append_images=frames[1:], dpi=(100, 100))
    sha, size = BlobStore(get_settings().blob_dir).put_bytes(buf.getvalue())
    fid = file_id_for("A", sha)
    with session_scope() as s:
        s.add(SourceFile(file_id=fid, claim_id="A", filename="fax.tiff", sha256=sha, size=size, kind="tiff",
                         page_count=2, status="done"))
    r = env.client("doc_a").get(f"/api/claims/A/files/{fid}/pages/2/image")
    assert r.status_code == 200
    img = Image.open(io.BytesIO(r.content))
    assert img.size == (850, 1100) and img.getpixel((10, 10)) == 0  # the second (black) frame
