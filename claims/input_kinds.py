"""What an uploaded file really is, decided from its first bytes; and the error bad input raises.

Names and extensions come from the uploader and prove nothing (a text file renamed ``.pdf`` is
common), so every later step trusts only the kind returned here (DESIGN.md §6).
"""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input, with a stable code for machines and a message for people (file, page, reason)."""

    def __init__(self, code: str, message: str, page: int | None = None, member: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.page = page
        # For a refused ZIP member: its number in the archive (one error row per member).
        self.member = member


SUPPORTED = "PDF, TIFF, PNG, JPEG or ZIP"
# How many first bytes decide the kind (sniff_head needs at most this many).
HEAD_BYTES = 2048
_HEAD_BYTES = HEAD_BYTES
# The PDF spec lets readers accept a header within the first 1024 bytes (scanners and mailers
# sometimes prepend junk); Acrobat opens such files, so we do too.
_PDF_HEADER_WINDOW = 1024

_KNOWN_OTHERS: tuple[tuple[bytes, int, str], ...] = (
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"BM", 0, "a BMP image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old Microsoft Office document (DOC/XLS/MSG)"),
    (b"{\\rtf", 0, "an RTF document"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"\x00\x00\x00\x0cjP  ", 0, "a JPEG 2000 image"),
    (b"ftypheic", 4, "a HEIC photo"),
    (b"ftypmif1", 4, "a HEIC photo"),
)


def sniff_kind(path: Path) -> str:
    """Return "pdf", "tiff", "png", "jpeg" or "zip"; raise InputError for anything else."""
    with open(path, "rb") as fh:
        head = fh.read(_HEAD_BYTES)
    return sniff_head(head)


def sniff_head(head: bytes) -> str:
    """The kind of a file from its first HEAD_BYTES bytes (all of them for a shorter file)."""
    if not head:
        raise InputError("empty_file", "the file is empty (0 bytes)")
    kind = _kind_of(head)
    if kind is not None:
        return kind
    raise InputError("unsupported_type", f"looks like {describe(head)}, not a {SUPPORTED} file")


def _kind_of(head: bytes) -> str | None:
    # Exact magic numbers at offset 0 first: an uncompressed ZIP holding a PDF has "%PDF-" within its
    # first kilobyte too, and must still be read as the archive it is.
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):  # classic and BigTIFF
        return "tiff"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        if b"[Content_Types].xml" in head[:200]:
            return None  # an Office document is a ZIP of XML, not an archive of records
        return "zip"
    if b"%PDF-" in head[:_PDF_HEADER_WINDOW]:
        return "pdf"
    return None


def describe(head: bytes) -> str:
    """A short human guess at what unsupported bytes are, for the error message."""
    if head.startswith(b"PK\x03\x04") and b"[Content_Types].xml" in head[:200]:
        return "a Microsoft Office document (DOCX/XLSX/PPTX)"
    for magic, offset, what in _KNOWN_OTHERS:
        if head[offset : offset + len(magic)] == magic:
            return what
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "a WebP image"
    lowered = head[:512].lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "an HTML page"
    if lowered.startswith(b"<?xml") or lowered.startswith(b"<"):
        return "XML or markup text"
    if _is_text(head):
        return "plain text"
    return "binary data of an unknown type"


def _is_text(head: bytes) -> bool:
    try:
        decoded = head.decode("utf-8")
    except UnicodeDecodeError:
        # A multi-byte character cut at the end of the sample is still text.
        try:
            decoded = head[:-4].decode("utf-8")
        except UnicodeDecodeError:
            decoded = head.decode("latin-1")
    printable = sum(1 for c in decoded if c.isprintable() or c in "\r\n\t\f")
    return b"\x00" not in head and printable >= 0.95 * len(decoded)
