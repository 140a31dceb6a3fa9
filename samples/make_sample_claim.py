"""Write the bundled sample claim file and its ground truth.

    python -m samples.make_sample_claim OUT.pdf [--tiff OUT.tiff] [--zip OUT.zip]

The sample is generated, never checked in: the script is reviewable, the binary is not, and the
ground truth (``OUT.truth.json``) is written from the same data as the pages so it cannot drift.
The optional TIFF (a few of the scanned pages, as a fax server would deliver them) and ZIP (the PDF
plus that TIFF) exist for multi-file and archive upload tests.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import sys
import time
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image

from samples.claim_content import DOCUMENTS, SERVICE_PERIODS, VETERAN, SampleDocument
from samples.pdf_writer import PageSpec, plain_text, render_scans, write_pdf, write_tiff

_ZIP_DATE = (2025, 3, 3, 12, 0, 0)
TRUTH_VERSION = 1


@dataclass(frozen=True)
class SampleFiles:
    """Where the generated files are; ``tiff``/``zip`` are None when not asked for."""

    pdf: Path
    truth: Path
    tiff: Path | None = None
    zip: Path | None = None


def _page_seed(page_no: int) -> int:
    """A fixed seed per page so each scan has its own defects, identical on every run."""
    return 20090314 + 7919 * page_no


def phrase_span(text: str, phrase: str) -> tuple[int, int] | None:
    """Offsets of ``phrase`` in ``text`` when line breaks and indentation may sit between its words."""
    words = phrase.split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    match = re.search(pattern, text)
    return (match.start(), match.end()) if match else None


def tiff_source_pages(specs: list[PageSpec]) -> list[int]:
    """Scanned pages that also go into the TIFF: the first upright scan and every turned one.

    An STR note plus the sideways and upside-down sheets, so the TIFF path meets rotation too.
    """
    upright = [i + 1 for i, s in enumerate(specs) if s.scanned and not s.rotation][:1]
    turned = [i + 1 for i, s in enumerate(specs) if s.scanned and s.rotation]
    return sorted(upright + turned)


def page_specs(documents: list[SampleDocument] = DOCUMENTS) -> list[PageSpec]:
    """The PDF's pages in order, each with its production details."""
    specs: list[PageSpec] = []
    for doc in documents:
        for text in doc.pages:
            page_no = len(specs) + 1
            specs.append(
                PageSpec(text=text, scanned=doc.scanned, rotation=doc.rotation, seed=_page_seed(page_no), font=doc.font)
            )
    return specs


def build_truth(documents: list[SampleDocument] = DOCUMENTS) -> dict:
    """Ground truth for every page: text, how it was produced, its document and expected evidence."""
    pages: list[dict] = []
    docs: list[dict] = []
    page_no = 0
    for index, doc in enumerate(documents):
        first = page_no + 1
        last = page_no + len(doc.pages)
        docs.append(
            {
                "index": index,
                "record_type": doc.record_type,
                "title": doc.title,
                "date": doc.date,
                "first_page": first,
                "last_page": last,
                "scanned": doc.scanned,
                "rotation": doc.rotation,
                "vbms_type_id": doc.vbms_type_id,
            }
        )
        for text, flags, not_flags in zip(doc.pages, doc.flags, doc.not_flags, strict=True):
            page_no += 1
            plain = plain_text(text)
            flag_rows = []
            for flag in flags:
                span = phrase_span(plain, flag.phrase)
                if span is None:
                    raise ValueError(f"page {page_no}: expected phrase not on the page: {flag.phrase!r}")
                row = asdict(flag)
                row["phrase"] = " ".join(flag.phrase.split())
                row["start"], row["end"] = span
                flag_rows.append(row)
            trap_rows = []
            for trap in not_flags:
                span = phrase_span(plain, trap.phrase)
                if span is None:
                    raise ValueError(f"page {page_no}: trap phrase not on the page: {trap.phrase!r}")
                trap_rows.append(
                    {
                        "category": trap.category,
                        "phrase": " ".join(trap.phrase.split()),
                        "why": trap.why,
                        "start": span[0],
                        "end": span[1],
                    }
                )
            pages.append(
                {
                    "page": page_no,
                    "text": plain,
                    "scanned": doc.scanned,
                    "rotation": doc.rotation,
                    "record_type": doc.record_type,
                    "document_index": index,
                    "document_first_page": first,
                    "document_last_page": last,
                    "date": doc.date,
                    "flags": flag_rows,
                    "not_flags": trap_rows,
                }
            )
    return {
        "truth_version": TRUTH_VERSION,
        "note": (
            "Fictional veteran. 'rotation' = degrees clockwise the sheet was turned when scanned. "
            "'flags' lists the evidence a reviewer must see on the page (negated/historical/hypothetical/"
            "other-experiencer ones carry that context); 'not_flags' are look-alikes that must not be "
            "reported as that category. Offsets index into 'text'. Flags are thorough, not exhaustive: "
            "score recall and context against them, precision only with care."
        ),
        "veteran": VETERAN,
        "service_periods": SERVICE_PERIODS,
        "page_count": page_no,
        "documents": docs,
        "pages": pages,
    }


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")


def write_sample(pdf_path: Path, tiff_path: Path | None = None, zip_path: Path | None = None) -> SampleFiles:
    """Write the PDF, its truth JSON beside it, and optionally the TIFF and the ZIP."""
    pdf_path = Path(pdf_path)
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    specs = page_specs()
    scans = render_scans(specs)
    write_pdf(pdf_path, specs, title="Sample claim file (fictional veteran)", scans=scans)
    truth = build_truth()
    truth["pdf"] = {"filename": pdf_path.name, "sha256": hashlib.sha256(pdf_path.read_bytes()).hexdigest()}

    if zip_path is not None and tiff_path is None:
        tiff_path = Path(zip_path).with_suffix(".tiff")
    if tiff_path is not None:
        tiff_path = Path(tiff_path)
        sources = tiff_source_pages(specs)
        images = [Image.open(io.BytesIO(scans[p - 1])) for p in sources]
        write_tiff(tiff_path, images)
        truth["tiff"] = {
            "filename": tiff_path.name,
            "pages": [
                {"page": i + 1, "source_pdf_page": p, "rotation": specs[p - 1].rotation} for i, p in enumerate(sources)
            ],
        }
    if zip_path is not None:
        zip_path = Path(zip_path)
        with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for member in (pdf_path, tiff_path):
                assert member is not None
                info = zipfile.ZipInfo(f"claim_upload/{member.name}", date_time=_ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, member.read_bytes())
        truth["zip"] = {
            "filename": zip_path.name,
            "members": [f"claim_upload/{pdf_path.name}", f"claim_upload/{tiff_path.name}"],
        }
    truth_path = truth_path_for(pdf_path)
    _write_json(truth_path, truth)
    return SampleFiles(pdf=pdf_path, truth=truth_path, tiff=tiff_path, zip=zip_path)


def truth_path_for(pdf_path: Path) -> Path:
    """``claim.pdf`` -> ``claim.truth.json``, beside the PDF."""
    return Path(pdf_path).with_suffix(".truth.json")


def write_sample_claim(out_dir: Path, *, tiff: bool = True, zip: bool = True) -> SampleFiles:
    """Write the whole sample set into ``out_dir`` under fixed names (what tests and the demo use)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return write_sample(
        out_dir / "sample_claim.pdf",
        tiff_path=out_dir / "sample_scans.tiff" if tiff else None,
        zip_path=out_dir / "sample_upload.zip" if zip else None,
    )


def load_truth(path: Path) -> dict:
    """Read a truth JSON (the PDF's path or the JSON's path)."""
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        path = truth_path_for(path)
    return json.loads(path.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samples.make_sample_claim", description=__doc__.split("\n")[0])
    parser.add_argument("pdf", type=Path, help="where to write the sample claim PDF (truth JSON goes beside it)")
    parser.add_argument("--tiff", type=Path, default=None, help="also write a multi-page TIFF of scanned pages")
    parser.add_argument("--zip", type=Path, default=None, help="also write a ZIP holding the PDF and the TIFF")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    files = write_sample(args.pdf, args.tiff, args.zip)
    truth = load_truth(files.truth)
    scanned = [p["page"] for p in truth["pages"] if p["scanned"]]
    print(
        f"wrote {files.pdf} ({truth['page_count']} pages, {len(scanned)} scanned: {scanned}, "
        f"{files.pdf.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    for extra in (files.truth, files.tiff, files.zip):
        if extra is not None:
            print(f"wrote {extra}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
