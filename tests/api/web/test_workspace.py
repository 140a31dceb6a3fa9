"""The letter workspace over HTTP (issue 13) on the seeded API claims: the brief's citations are working
links in the HTML and in the PDF's link annotations, the physician's reviews change it, hostile names
cannot break it (issue 14, finding 5); the review queue groups and filters; the chronology screen;
the page viewer upright for OCR-turned scans with every box over its words."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import shutil
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.conftest import Env, audit_rows


def _annotations(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    uris = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") == "/Link" and "/A" in a and a["/A"].get("/S") == "/URI":
                uris.append(str(a["/A"]["/URI"]))
    return uris


def _pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.inside = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "article" and a.get("id") == "brief":
            self.inside = 1
        if tag == "a" and self.inside and a.get("href"):
            self.hrefs.append(a["href"] or "")


def _edit(fn: Any) -> None:
    from store.db import session_scope

    with session_scope() as s:
        fn(s)


def test_brief_citations_are_working_links_in_the_pdf_and_the_html(env: Env) -> None:
    a = env.claims["A"]
    c = env.client("doc_a")
    pdf = c.get("/api/claims/A/summary.pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    uris = _annotations(pdf.content)
    viewer = [u for u in uris if u.startswith("http://testserver/claims/A/files/")]
    assert len(viewer) == len(uris) >= 4  # every link annotation opens the viewer, absolute
    assert f"http://testserver/claims/A/files/{a.file_id}/pages/1?flag={a.flag_ids[0]}" in viewer
    for uri in set(viewer):
        assert c.get(uri.removeprefix("http://testserver")).status_code == 200, uri
    html = c.get("/claims/A/summary")
    links = _Links()
    links.feed(html.text)
    assert links.hrefs and all(h.startswith(("/claims/A/files/", "#")) for h in links.hrefs)
    for href in set(links.hrefs):
        if href.startswith("#"):
            assert href[1:] in links.ids, href
        else:
            assert c.get(href).status_code == 200, href
    assert "service_treatment" not in html.text and "back_complaint" not in html.text
    md = c.get("/api/claims/A/summary.md").text
    assert f"](/claims/A/files/{a.file_id}/pages/2?flag={a.flag_ids[1]})" in md


def test_brief_pdf_links_use_the_public_url_when_set(env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    from config.settings import reset_settings_cache

    monkeypatch.setenv("CLAIMDEX_PUBLIC_URL", "https://claimdex.example.org/")
    reset_settings_cache()
    uris = _annotations(env.client("doc_a").get("/api/claims/A/summary.pdf").content)
    assert uris and all(u.startswith("https://claimdex.example.org/claims/A/files/") for u in uris)


def test_reviews_change_the_brief(env: Env) -> None:
    a = env.claims["A"]
    c = env.client("doc_a")
    before = c.get("/api/claims/A/summary.md").text
    assert "since the ruck march" in before and "confirmed]" not in before
    c.post(f"/api/claims/A/flags/{a.flag_ids[0]}/review", json={"status": "confirmed", "note": "Limp <b>noted</b>"})
    c.post(f"/api/claims/A/flags/{a.flag_ids[1]}/review", json={"status": "dismissed"})
    after = c.get("/api/claims/A/summary.md").text
    assert "**[confirmed]**" in after and "Limp \\<b\\>noted\\</b\\>" in after
    assert "since the ruck march" not in after  # dismissed: out of the brief
    html = c.get("/claims/A/summary").text
    assert "Limp &lt;b&gt;noted&lt;/b&gt;" in html and "<b>noted" not in html
    assert "Limp <b>noted</b>" in _pdf_text(c.get("/api/claims/A/summary.pdf").content)


HOSTILE = ["**a *b** c*.pdf", "<b>bold</b> & <i>it", "</para><para>", "x <a href='y'>z", "`code` [l](u) _u_ #",
           "&amp; &lt; &#0; &bogus;", "<font name='nope'>f</font>", "\x00\x01\x1b[31m", "\ud800 surrogate",
           "ünïcödé ✓ 漢字 🙂", "<br/>\n\n- [ ] |a|b|"]


def test_hostile_names_and_titles_do_not_break_the_brief(env: Env) -> None:
    """Issue 14 finding 5: a file named `**a *b** c*.pdf`, or such text in a title line, made summary.pdf 500."""
    from store.models import Document, Flag, SourceFile

    a = env.claims["A"]

    def hostile(s: Any) -> None:
        s.get(SourceFile, a.file_id).filename = HOSTILE[0]
        s.get(Document, a.document_id).title = HOSTILE[1] + " " + HOSTILE[2]
        s.get(Flag, a.flag_ids[0]).sentence = "walks with an antalgic gait " + HOSTILE[3] + HOSTILE[4]
        s.get(Flag, a.flag_ids[1]).note = HOSTILE[6]

    _edit(hostile)
    c = env.client("doc_a")
    pdf = c.get("/api/claims/A/summary.pdf")
    assert pdf.status_code == 200
    text = _pdf_text(pdf.content)
    assert "**a *b** c*.pdf" in text and "<b>bold</b> & <i>it" in text and "</para><para>" in text
    html = c.get("/claims/A/summary").text
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "<b>bold" not in html and "<a href='y'>" not in html
    md = c.get("/api/claims/A/summary.md")
    assert md.status_code == 200 and "\\*\\*a \\*b\\*\\* c\\*.pdf" in md.text
    assert c.get(f"/claims/A/files/{a.file_id}/pages/1").status_code == 200
    assert c.get("/claims/A/review", params={"status": ""}).status_code == 200
    assert c.get("/claims/A/chronology").status_code == 200


_hostile_text = st.one_of(st.sampled_from(HOSTILE), st.text(
    alphabet=st.one_of(st.sampled_from("*_`<>&[]()#|\\\"'/;=!-\n\t "), st.characters()), max_size=60))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(filename=_hostile_text, title=_hostile_text, sentence=_hostile_text, note=_hostile_text,
       claim_id=st.sampled_from(["c1", "A-1_x", "claim.2024"]))
def test_fuzz_the_brief_renderers_with_hostile_text(filename: str, title: str, sentence: str, note: str,
                                                    claim_id: str) -> None:
    from api.web.brief_pdf import brief_to_pdf
    from api.web.rendering import brief_html
    from claims.brief_layout import layout, markdown
    from claims.evidence_brief import build_evidence_summary

    text = f"{sentence} antalgic gait {sentence}"
    start = text.index("antalgic gait")
    export = {
        "claim_id": claim_id, "service_periods": [],
        "files": [{"file_id": "f1", "filename": filename, "page_count": 1}],
        "pages": [{"file_id": "f1", "page": 1, "text": text}],
        "documents": [{"document_id": "d1", "file_id": "f1", "first_page": 1, "last_page": 1,
                       "record_type": "cp_exam", "date": "2020-01-02", "title": title}],
        "flags": [{"flag_id": "g1", "category": "gait", "file_id": "f1", "page": 1, "document_id": "d1",
                   "record_type": "cp_exam", "text": "antalgic gait", "sentence": text, "start": start,
                   "end": start + 13, "status": "confirmed", "note": note},
                  {"flag_id": "g2", "category": "medical_opinion", "file_id": "f1", "page": 1, "document_id": "d1",
                   "record_type": "cp_exam", "text": title, "sentence": title + " " + sentence, "start": 0, "end": 1,
                   "polarity": "negative", "note": note},
                  {"flag_id": "g3", "category": "aging_attribution", "file_id": "f1", "page": 1,
                   "document_id": "d1", "record_type": "cp_exam", "text": filename, "sentence": filename,
                   "start": 0, "end": 1}],
    }
    blocks = layout(build_evidence_summary(export))
    pdf = brief_to_pdf(blocks, "http://h", title=f"Evidence brief: claim {claim_id} {title}")
    assert _annotations(pdf)  # parses, and its citations are links
    html = str(brief_html(blocks))
    assert "<script" not in html.lower() or "&lt;script" in html.lower()
    assert not re.search(r"<(?!/?(?:h[1-6]|p|ul|li|a|strong|em|span|section|div|table|thead|tbody|tr|th|td)\b)",
                         html), html
    markdown(blocks, "")


def _seed_more(s: Any, a: Any) -> None:
    """A VA note after service and a C&P exam in claim A's file, for grouping, filters and sorting."""
    from store.ids import document_id_for, flag_id_for
    from store.models import Document, Flag, ServicePeriod

    s.add(ServicePeriod(claim_id="A", file_id=a.file_id, page=1, start=dt.date(2001, 1, 1), end=dt.date(2005, 12, 31)))
    doc = s.get(Document, a.document_id)
    doc.last_page = 1
    d2 = document_id_for(a.file_id, 2)
    s.add(Document(document_id=d2, claim_id="A", file_id=a.file_id, first_page=2, last_page=2,
                   record_type="cp_exam", confidence=0.9, date=dt.date(2019, 5, 1), date_precision="month",
                   title="DBQ BACK"))
    g = s.get(Flag, a.flag_ids[1])
    g.document_id, g.record_type, g.in_service, g.record_date = d2, "cp_exam", None, dt.date(2019, 5, 1)
    s.get(Flag, a.flag_ids[0]).record_date = dt.date(2004, 3, 2)
    s.add(Flag(flag_id=flag_id_for(a.page_ids[1], "continuity", 0, 9), claim_id="A", file_id=a.file_id,
               page_id=a.page_ids[1], page_number=2, document_id=d2, record_type="cp_exam", category="continuity",
               text="Follow-up", sentence="Follow-up visit.", start=0, end=9, spans=[[0, 9]],
               record_date=dt.date(2019, 5, 1)))


def test_review_queue_groups_by_record_and_filters(env: Env) -> None:
    a = env.claims["A"]
    _edit(lambda s: _seed_more(s, a))
    c = env.client("doc_a")
    page = c.get("/claims/A/review").text
    assert page.count('class="flag-group"') == 2 and page.count('class="flag-row"') == 3
    assert page.index("Sick call") < page.index("DBQ BACK")  # file order
    assert "2004-03-02" in page and "May 2019" in page
    by_date = c.get("/claims/A/review", params={"sort": "date_desc"}).text
    assert by_date.index("DBQ BACK") < by_date.index("Sick call")
    primary = c.get("/claims/A/review", params={"primary": "1"}).text
    assert primary.count('class="flag-row"') == 1 and "DBQ BACK" not in primary
    in_service = c.get("/claims/A/review", params={"in_service": "true"}).text
    assert in_service.count('class="flag-row"') == 1 and "antalgic" in in_service
    after = c.get("/claims/A/review", params={"in_service": "false"}).text
    assert after.count('class="flag-row"') == 2  # no in-service call: the date is after the DD 214 period
    dated = c.get("/claims/A/review", params={"from": "2019-01-01", "to": "2019-12-31"}).text
    assert dated.count('class="flag-row"') == 2 and "Sick call" not in dated
    cat = c.get("/claims/A/review", params={"category": "continuity"}).text
    assert cat.count('class="flag-row"') == 1
    assert 'class="note-input"' in page and "prompt(" not in page
    assert 'id="bulk-confirm"' in page and 'class="sel-group"' in page
    assert c.get("/claims/A/review", params={"from": "nonsense", "sort": "evil", "in_service": "x"}).status_code == 200
    api = c.get("/api/claims/A/flags").json()["flags"]
    assert all("spans" in g and "record_date" in g for g in api)


def test_chronology_screen_rows_filters_and_links(env: Env) -> None:
    a = env.claims["A"]
    _edit(lambda s: _seed_more(s, a))
    c = env.client("doc_a")
    page = c.get("/claims/A/chronology").text
    assert page.count('class="chrono-row') == 2
    assert page.index("2004-03-02") < page.index("May 2019")
    assert 'class="chrono-row in-service"' in page
    assert f'href="/claims/A/files/{a.file_id}/pages/1?flag={a.flag_ids[0]}"' in page
    only = c.get("/claims/A/chronology", params={"in_service": "false"}).text
    assert only.count('class="chrono-row') == 1 and "C&amp;P examination" in only
    typed = c.get("/claims/A/chronology", params={"record_type": "service_treatment"}).text
    assert typed.count('class="chrono-row') == 1
    flagged = c.get("/claims/A/chronology", params={"category": "continuity"}).text
    assert flagged.count('class="chrono-row') == 1 and "May 2019" in flagged
    assert "No rows match" in c.get("/claims/A/chronology", params={"category": "imaging_finding"}).text
    assert ("doc_a", "chronology_read") in {(e.username, e.action) for e in audit_rows()}


def test_page_view_provenance_focus_and_every_span(env: Env) -> None:
    from store.models import Flag, Page

    a = env.claims["A"]
    text = "Follow-up visit.\nLow back pain since the ruck march. Denies numbness."
    second = text.index("ruck march")

    def spans(s: Any) -> None:
        g = s.get(Flag, a.flag_ids[1])
        g.spans = [[g.start, g.end], [second, second + len("ruck march")]]
        p = s.get(Page, a.page_ids[1])
        p.source, p.ocr_confidence = "ocr", 92.4

    _edit(spans)
    c = env.client("doc_a")
    page = c.get(f"/claims/A/files/{a.file_id}/pages/2", params={"flag": a.flag_ids[1]}).text
    assert "OCR, 92% confident" in page and "text_layer" not in page and "OCR confidence" not in page
    assert f'class="flag-item focus" id="flag-{a.flag_ids[1]}"' in page
    assert page.count('<mark class="flag cat-back_complaint status-pending focus">') == 2  # both spans, lit
    boxes = re.findall(rf'class="hl flag cat-back_complaint[^"]*" data-flag="{a.flag_ids[1]}"', page)
    assert len(boxes) == 2  # and both on the image
    assert 'id="zoom-in"' in page and 'id="rotate-right"' in page and "prompt(" not in page
    one = c.get(f"/claims/A/files/{a.file_id}/pages/1").text
    assert "Read from the PDF&#39;s text" in one or "Read from the PDF's text" in one


def _rotated_pdf(rotation: int) -> tuple[bytes, float, float]:
    """One landscape page whose only word reads upright once the page is turned `rotation` degrees
    clockwise (what OCR records); the word sits off-centre so a wrong turn puts it elsewhere."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    width, height = (792.0, 612.0) if rotation in (90, 270) else (612.0, 792.0)
    c = canvas.Canvas(buf, pagesize=(width, height))
    c.setFont("Helvetica-Bold", 28)
    c.saveState()
    c.translate(width * 0.3, height * 0.7)
    c.rotate({90: 90, 180: 180, 270: -90}[rotation])  # reportlab turns counter-clockwise
    c.drawString(0, 0, "UPRIGHT")
    c.restoreState()
    c.showPage()
    c.save()
    return buf.getvalue(), width, height


def _dark_box(image: Any) -> tuple[int, int, int, int]:
    gray = image.convert("L").point(lambda v: 255 if v < 128 else 0)
    box = gray.getbbox()
    assert box is not None
    return box


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_an_ocr_turned_page_shows_upright_with_its_boxes_over_its_words(env: Env, rotation: int) -> None:
    import pypdfium2 as pdfium
    from PIL import Image

    from store.blobs import BlobStore
    from store.ids import file_id_for, page_id_for
    from store.models import Page, SourceFile

    pdf, width, height = _rotated_pdf(rotation)
    original = pdfium.PdfDocument(pdf)[0].render(scale=1).to_pil()  # 1 px = 1 pt, as scanned
    x0, y0, x1, y1 = _dark_box(original)  # where OCR found the word on the page as scanned

    def seed(s: Any) -> None:
        from config.settings import get_settings

        sha, size = BlobStore(get_settings().blob_dir).put_bytes(pdf)
        fid = file_id_for("A", sha)
        s.add(SourceFile(file_id=fid, claim_id="A", filename="fax.pdf", sha256=sha, size=size, kind="pdf",
                         page_count=1, status="done"))
        s.flush()
        s.add(Page(page_id=page_id_for(fid, 1), file_id=fid, claim_id="A", page_number=1, status="done",
                   text="UPRIGHT", source="ocr", ocr_confidence=91.0, rotation=rotation, width=width, height=height,
                   words=[["UPRIGHT", 0, 7, x0, y0, x1, y1, 91.0]]))

    _edit(seed)
    fid = file_id_for("A", hashlib.sha256(pdf).hexdigest())
    c = env.client("doc_a")
    detail = c.get(f"/api/claims/A/files/{fid}/pages/1").json()
    image = Image.open(io.BytesIO(c.get(f"/api/claims/A/files/{fid}/pages/1/image").content))
    # The image is served upright, and the page's size is the upright one.
    assert abs(image.width / image.height - detail["width"] / detail["height"]) < 0.01
    assert (detail["width"], detail["height"]) == (612.0, 792.0)
    dx0, dy0, dx1, dy1 = _dark_box(image)
    assert (dx1 - dx0) > 3 * (dy1 - dy0)  # the word runs across: upright (or upside down, checked below)
    # The word's box, in the page's upright points, lies over the word's ink in the upright image.
    bx0, by0, bx1, by1 = detail["words"][0][3:7]
    sx, sy = image.width / detail["width"], image.height / detail["height"]
    assert abs(bx0 * sx - dx0) < 6 and abs(by0 * sy - dy0) < 6 and abs(bx1 * sx - dx1) < 6 and abs(by1 * sy - dy1) < 6
    if shutil.which("tesseract"):
        import pytesseract

        assert "UPRIGHT" in pytesseract.image_to_string(image)
    html = c.get(f"/claims/A/files/{fid}/pages/1").text
    assert f"aspect-ratio: {detail['width']} / {detail['height']}" in html
    assert f"the scan was turned {rotation}° to read it" in html
