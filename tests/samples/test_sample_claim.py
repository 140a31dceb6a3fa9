"""The sample claim file is everyone's fixture: it must be exactly what its truth JSON says it is."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image

from samples.claim_content import DOCUMENTS, FLAG_CATEGORIES
from samples.make_sample_claim import SampleFiles, load_truth, main, write_sample_claim
from samples.pdf_writer import plain_text


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> SampleFiles:
    return write_sample_claim(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="module")
def truth(sample: SampleFiles) -> dict:
    return load_truth(sample.truth)


def _image_count(page: pdfium.PdfPage) -> int:
    return sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))


def test_pdf_opens_with_promised_pages_and_size(sample: SampleFiles, truth: dict) -> None:
    pdf = pdfium.PdfDocument(str(sample.pdf))
    assert len(pdf) == truth["page_count"] == len(truth["pages"]) == sum(len(d.pages) for d in DOCUMENTS)
    assert 22 <= len(pdf) <= 28
    assert 8 <= sum(p["scanned"] for p in truth["pages"]) <= 10
    assert sample.pdf.stat().st_size < 10_000_000
    assert truth["pdf"]["sha256"] == hashlib.sha256(sample.pdf.read_bytes()).hexdigest()


def test_born_digital_pages_have_their_text_and_scans_only_an_image(sample: SampleFiles, truth: dict) -> None:
    pdf = pdfium.PdfDocument(str(sample.pdf))
    for row in truth["pages"]:
        page = pdf[row["page"] - 1]
        layer = page.get_textpage().get_text_range()
        if row["scanned"]:
            assert layer.strip() == "", f"scanned page {row['page']} has a text layer"
            assert _image_count(page) == 1, f"scanned page {row['page']} should be one full-page image"
        else:
            assert _norm(layer) == _norm(row["text"]), f"text layer of page {row['page']} differs"
            assert _image_count(page) == 0


def test_scans_are_300_dpi_and_turned_sheets_are_turned(sample: SampleFiles, truth: dict) -> None:
    pdf = pdfium.PdfDocument(str(sample.pdf))
    rotations = {row["rotation"] for row in truth["pages"] if row["scanned"]}
    assert {0, 90, 180} <= rotations
    for row in truth["pages"]:
        width, height = pdf[row["page"] - 1].get_size()
        if row["rotation"] in (90, 270):
            assert (width, height) == (792, 612)
        else:
            assert (width, height) == (612, 792)
        if row["scanned"]:
            image = next(pdf[row["page"] - 1].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))
            px_w, px_h = image.get_px_size()
            assert round(px_w / (width / 72)) == 300 and round(px_h / (height / 72)) == 300


def test_truth_covers_record_types_and_layout_cases(truth: dict) -> None:
    docs = truth["documents"]
    types = {d["record_type"] for d in docs}
    assert types == {d.record_type for d in DOCUMENTS}
    assert types >= {
        "service_treatment", "service_exam", "service_personnel", "line_of_duty", "va_treatment",
        "private_treatment", "imaging_report", "cp_exam", "medical_opinion", "rating_decision",
        "buddy_statement", "personal_statement", "claim_form",
    }  # fmt: skip
    assert any(
        a["record_type"] == b["record_type"] == "service_treatment" and a["last_page"] + 1 == b["first_page"]
        for a, b in zip(docs, docs[1:], strict=False)
    ), "two STR notes back to back"
    pages = {p["page"]: p["text"] for p in truth["pages"]}

    def numbered(d: dict) -> bool:
        count = d["last_page"] - d["first_page"] + 1
        return all(f"Page {i} of {count}" in pages[d["first_page"] + i - 1] for i in range(1, count + 1))

    multi = [d for d in docs if d["last_page"] > d["first_page"]]
    assert any(numbered(d) and d["last_page"] - d["first_page"] == 2 for d in multi), "a 'Page N of 3' document"
    assert any(not re.search(r"Page \d+ of \d+", pages[d["first_page"]]) for d in multi), "unnumbered multi-page"
    for row in truth["pages"]:
        doc = docs[row["document_index"]]
        assert (row["document_first_page"], row["document_last_page"]) == (doc["first_page"], doc["last_page"])
        assert row["record_type"] == doc["record_type"] and row["date"] == doc["date"]
    assert truth["service_periods"] == [{"start": "1991-06-11", "end": "2011-08-31", "branch": "Army"}]


def test_truth_covers_every_flag_category_and_context(truth: dict) -> None:
    flags = [f for p in truth["pages"] for f in p["flags"]]
    assert {f["category"] for f in flags} == set(FLAG_CATEGORIES)
    polarities = {f["polarity"] for f in flags if f["category"] == "medical_opinion"}
    assert polarities == {"positive", "negative", "speculative"}
    assert any(f["negated"] for f in flags)
    assert any(f["historical"] for f in flags)
    assert any(f["hypothetical"] for f in flags)
    assert any(f["experiencer"] == "other" for f in flags)
    traps = [t for p in truth["pages"] for t in p["not_flags"]]
    assert any(t["phrase"] == "a 54-year-old male" and t["category"] == "aging_attribution" for t in traps)


def test_phrases_are_verbatim_on_their_page() -> None:
    """Consumers locate expected evidence with a plain find, so line breaks must match the page."""
    for doc in DOCUMENTS:
        for page, flags, traps in zip(doc.pages, doc.flags, doc.not_flags, strict=True):
            text = plain_text(page)
            for item in [*flags, *traps]:
                assert item.phrase in text, (doc.title, item.phrase)


def test_flag_offsets_point_at_their_phrase(truth: dict) -> None:
    for row in truth["pages"]:
        for item in row["flags"] + row["not_flags"]:
            assert _norm(row["text"][item["start"] : item["end"]]) == item["phrase"], (row["page"], item)


REQUIRED_WORDING = [
    # record types
    "CERTIFICATE OF RELEASE OR DISCHARGE FROM ACTIVE DUTY",
    "11B40 INFANTRYMAN",
    "CHRONOLOGICAL RECORD OF MEDICAL CARE",
    "STANDARD FORM 600",
    "DA FORM 2173",
    "IN LINE OF DUTY",
    "REPORT OF MEDICAL EXAMINATION",
    "DD FORM 2808",
    "LOCAL TITLE:",
    "STANDARD TITLE:",
    "/es/",
    "Chief Complaint",
    "EXAM:",
    "TECHNIQUE:",
    "FINDINGS:",
    "IMPRESSION:",
    "DISABILITY BENEFITS QUESTIONNAIRE",
    "BACK (THORACOLUMBAR SPINE) CONDITIONS",
    "OMB Control No. 2900-0808",
    "RATING DECISION",
    "REASONS FOR DECISION",
    "21-10210",
    "LAY/WITNESS STATEMENT",
    "I served with",
    "21-4138",
    "STATEMENT IN SUPPORT OF CLAIM",
    "21-526EZ",
    "2900-0747",
    # evidence
    "12-mile ruck march with 80 lb",
    "hard landing on a parachute jump",
    "Recurrent back pain",
    "Antalgic gait favoring the right",
    "uses a cane",
    "has had back pain ever since service",
    "Disc desiccation at L4-5 with mild foraminal narrowing",
    "less likely than not",
    "incurred in or caused by",
    "consistent with the natural aging process",
    "age-related degenerative changes",
    "at least as likely as not",
    "The altered gait from the back has strained the left knee",
    "cannot resolve this issue without resort to mere speculation",
    "Works as a roofer since 2013",
    "BMI 36",
    # traps
    "denies radiating pain",
    "No evidence of fracture",
    "Negative for spondylolisthesis",
    "Father had back surgery",
    "If pain worsens, return to clinic",
    "history of lumbar strain in 2008",
    "a 54-year-old male",
    # date formats
    "14 MAR 2009",
    "03/02/2021",
    "September 17, 2024",
    "20110831",
]


@pytest.mark.parametrize("phrase", REQUIRED_WORDING)
def test_required_wording_is_in_the_file(truth: dict, phrase: str) -> None:
    assert any(phrase.lower() in _norm(p["text"]).lower() for p in truth["pages"]), phrase


def test_lines_fit_the_page_layouts(truth: dict) -> None:
    for row in truth["pages"]:
        assert all(len(line) <= 80 for line in row["text"].split("\n")), row["page"]


def test_tiff_and_zip_for_multi_file_uploads(sample: SampleFiles, truth: dict) -> None:
    assert sample.tiff is not None and sample.zip is not None
    with Image.open(sample.tiff) as tiff:
        assert tiff.n_frames == len(truth["tiff"]["pages"]) >= 3
        assert tiff.info.get("compression") == "group4"
    assert {p["rotation"] for p in truth["tiff"]["pages"]} >= {0, 90, 180}
    with zipfile.ZipFile(sample.zip) as zf:
        names = zf.namelist()
        assert names == truth["zip"]["members"]
        assert zf.read(names[0]) == sample.pdf.read_bytes()
        assert zf.read(names[1]) == sample.tiff.read_bytes()


def test_generation_is_deterministic(sample: SampleFiles, tmp_path: Path) -> None:
    """Same bytes every run: ids derive from sha256, so a drifting sample would defeat dedup tests."""
    out = tmp_path / "again"
    args = [
        str(out / "sample_claim.pdf"),
        "--tiff",
        str(out / "sample_scans.tiff"),
        "--zip",
        str(out / "sample_upload.zip"),
    ]
    assert main(args) == 0
    for name in ("sample_claim.pdf", "sample_claim.truth.json", "sample_scans.tiff", "sample_upload.zip"):
        assert (out / name).read_bytes() == (sample.pdf.parent / name).read_bytes(), name
    assert json.loads((out / "sample_claim.truth.json").read_text())["page_count"] == len(
        [t for d in DOCUMENTS for t in d.pages]
    )
