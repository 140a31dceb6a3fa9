"""Pages rendered as damaged scans and read back by an OCR the caller gives (samples/record_corpus.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PIL import Image

from samples.record_corpus import render_and_ocr_pages

PAGES = ["ORTHOPAEDIC CONSULT\nSeen 02/11/2016 for right knee pain.", "PT DAILY NOTE\nVisit 3 of 12."]


def pixel_digest(image: Image.Image, dpi: int) -> str:
    """A reader that answers with what it was shown: the image's pixels and the resolution given."""
    return hashlib.sha256(image.tobytes()).hexdigest() + f"@{dpi}"


def refusing_reader(image: Image.Image, dpi: int) -> str:
    raise AssertionError("a cached page was read again")


def test_every_reader_version_reads_the_same_scans_and_keeps_its_own_results(tmp_path: Path) -> None:
    first = render_and_ocr_pages(PAGES, tmp_path, pixel_digest, "reader-a", workers=1)
    second = render_and_ocr_pages(PAGES, tmp_path, pixel_digest, "reader-b", workers=1)

    assert first == second  # the scan's damage does not depend on the reader
    assert first[0] != first[1] and all(r.endswith("@200") for r in first)
    assert len(list(tmp_path.glob("*.txt"))) == 4  # each version's results cached apart
    assert render_and_ocr_pages(PAGES, tmp_path, refusing_reader, "reader-a", workers=1) == first
