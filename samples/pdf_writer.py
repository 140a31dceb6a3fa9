"""Turn page text into PDF pages that behave like a real C-file: text-layer pages and scanned images.

The ingest pipeline decides per page whether to read a text layer or to OCR, and OCR quality is
tested against the source text, so the two kinds of page must be honest: born-digital pages carry a
real text layer (reportlab core fonts, the text extractable verbatim) and scanned pages carry *only*
an image (no invisible text), with the defects a document scanner adds — skew, grey paper, speckle,
slight blur, and sometimes a sheet fed in sideways or upside down.

Everything is seeded, and reportlab runs in invariant mode (no timestamps, no random document id), so
the same input gives the same bytes on the same machine.

Page text may use one markup: a line starting with ``^`` is a heading (bold, centred). The marker is
not part of the page's text; :func:`plain_text` gives the text exactly as a reader sees it.
"""

from __future__ import annotations

import io
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

LETTER_PT = (612.0, 792.0)
SCAN_DPI = 300
HEADING_MARK = "^"
#: Longest line the layouts fit without wrapping (Courier 10 pt and the scan font at 10 pt).
MAX_LINE_CHARS = 80

# Monospace TrueType fonts in the order we prefer them. DejaVu ships with fontconfig on Debian (and with
# Tesseract's dependencies), Liberation and Noto are common elsewhere; reportlab's bundled Vera is the
# last resort that exists wherever our Python deps are installed.
_FONT_CANDIDATES: tuple[tuple[str, str], ...] = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"),
    (
        "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationMono-Bold.ttf",
    ),
    (
        "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationMono-Bold.ttf",
    ),
    ("/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoSansMono-Bold.ttf"),
)


@dataclass(frozen=True)
class PageSpec:
    """One page to write: its marked-up text and how it was 'produced'.

    ``rotation`` is how far (clockwise, degrees) the sheet was turned when scanned; turning the image
    counter-clockwise by that much makes it upright again. Born-digital pages are always upright.
    ``font`` picks the core font of a born-digital page (``"Courier"`` for system printouts,
    ``"Helvetica"`` or ``"Times-Roman"`` for letters) so not every page looks alike.
    """

    text: str
    scanned: bool = False
    rotation: int = 0
    seed: int = 0
    font: str = "Courier"


def plain_text(marked: str) -> str:
    """The page's text as printed: heading markers dropped, trailing spaces and blank edges trimmed."""
    lines = [line[len(HEADING_MARK) :] if line.startswith(HEADING_MARK) else line for line in marked.split("\n")]
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def _lines(marked: str) -> list[tuple[bool, str]]:
    out: list[tuple[bool, str]] = []
    for line in marked.strip("\n").split("\n"):
        if line.startswith(HEADING_MARK):
            out.append((True, line[len(HEADING_MARK) :].rstrip()))
        else:
            out.append((False, line.rstrip()))
    return out


# ---------------------------------------------------------------- fonts


@lru_cache(maxsize=1)
def scan_font_paths() -> tuple[str | None, str | None]:
    """Regular and bold TTF for scanned pages; (None, None) means Pillow's built-in scalable font."""
    for regular, bold in _FONT_CANDIDATES:
        if Path(regular).is_file():
            return regular, bold if Path(bold).is_file() else regular
    import reportlab

    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    if vera.is_file():
        bold = vera.with_name("VeraBd.ttf")
        return str(vera), str(bold if bold.is_file() else vera)
    return None, None


@lru_cache(maxsize=8)
def _font(size_px: int, bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    regular, bold_path = scan_font_paths()
    path = bold_path if bold else regular
    if path is None:
        return ImageFont.load_default(size=size_px)
    return ImageFont.truetype(path, size_px)


# ---------------------------------------------------------------- scanned pages

#: A 3x3 binomial kernel: the softening of a 300 dpi scanner's optics, at a fraction of GaussianBlur's cost.
_SCANNER_BLUR = ImageFilter.Kernel((3, 3), (1, 2, 1, 2, 4, 2, 1, 2, 1), scale=16)


def render_scan(marked_text: str, *, seed: int, rotation: int = 0, dpi: int = SCAN_DPI) -> Image.Image:
    """Render page text as a greyscale letter-size scan with realistic defects.

    The defects are mild on purpose: the pipeline's OCR must get the text back within a few percent
    character error, as it would from a decent office scanner, while still having to cope with skew,
    a grey background, speckle and orientation.
    """
    if rotation not in (0, 90, 180, 270):
        raise ValueError(f"rotation must be 0, 90, 180 or 270, not {rotation}")
    rng = random.Random(seed)
    width, height = int(8.5 * dpi), int(11 * dpi)
    paper = rng.randint(222, 238)
    ink = rng.randint(18, 45)
    img = Image.new("L", (width, height), paper)
    draw = ImageDraw.Draw(img)

    size = round(10.2 / 72 * dpi)  # 10 pt type
    line_h = round(size * 1.32)
    left = round(0.62 * dpi) + rng.randint(-12, 12)
    top = round(0.7 * dpi) + rng.randint(-15, 15)
    max_w = width - left - round(0.45 * dpi)
    y = top
    for heading, line in _lines(marked_text):
        if line:
            font = _font(size, heading)
            x = left
            if heading:
                w = draw.textlength(line, font=font)
                x = max(left, int((width - w) / 2))
            elif draw.textlength(line, font=font) > max_w:
                raise ValueError(f"line too wide for a scanned page ({len(line)} chars): {line!r}")
            draw.text((x, y), line, fill=ink, font=font)
        y += line_h
        if y > height - round(0.5 * dpi):
            raise ValueError("page text does not fit on one scanned page")

    arr = np.asarray(img, dtype=np.int16).copy()
    nprng = np.random.default_rng(seed)
    # Uneven illumination: a smooth low-frequency field, as from a lid that does not close flat.
    field = nprng.normal(0.0, 1.0, (6, 5))
    field_img = Image.fromarray(((field - field.min()) / (np.ptp(field) + 1e-9) * 255).astype(np.uint8))
    shade = np.asarray(field_img.resize((width, height), Image.Resampling.BICUBIC), dtype=np.int16)
    arr -= (shade * 10) // 255
    # Speckle: dust and toner dots, 2x2 so they survive the blur as specks, never big enough to be a glyph.
    n_dots = nprng.integers(300, 700)
    ys = nprng.integers(0, height - 2, n_dots)
    xs = nprng.integers(0, width - 2, n_dots)
    for dy in (0, 1):
        for dx in (0, 1):
            arr[ys + dy, xs + dx] = ink + 70
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")

    skew = rng.uniform(-1.0, 1.0)
    img = img.rotate(skew, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=paper)
    img = img.filter(_SCANNER_BLUR)
    if rotation:
        img = img.rotate(-rotation, expand=True)  # PIL turns counter-clockwise; the sheet went in clockwise
    return img


def encode_jpeg(img: Image.Image, dpi: int = SCAN_DPI, quality: int = 72) -> bytes:
    """JPEG bytes of a scan; reportlab embeds JPEG as-is (DCTDecode), which keeps the PDF small."""
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=quality, dpi=(dpi, dpi), optimize=True)
    return buf.getvalue()


def draw_scan(canvas: Canvas, jpeg: bytes | ImageReader, *, landscape: bool) -> None:
    """Start a page sized to the scan and fill it with the image; no text is drawn."""
    page_w, page_h = (LETTER_PT[1], LETTER_PT[0]) if landscape else LETTER_PT
    canvas.setPageSize((page_w, page_h))
    reader = jpeg if isinstance(jpeg, ImageReader) else ImageReader(io.BytesIO(jpeg))
    canvas.drawImage(reader, 0, 0, width=page_w, height=page_h)


# ---------------------------------------------------------------- born-digital pages


def draw_text_page(canvas: Canvas, marked_text: str, font: str = "Courier") -> None:
    """Lay page text out as a printed record: real, extractable text in a core font."""
    canvas.setPageSize(LETTER_PT)
    page_w, page_h = LETTER_PT
    size = 9.6 if font == "Courier" else 10.0
    leading = size * 1.3
    bold = {"Courier": "Courier-Bold", "Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold"}[font]
    left = 62.0
    y = page_h - 58.0
    for heading, line in _lines(marked_text):
        if line:
            face = bold if heading else font
            fsize = size + 1 if heading else size
            canvas.setFont(face, fsize)
            if heading:
                canvas.drawCentredString(page_w / 2, y, line)
            else:
                if canvas.stringWidth(line, face, fsize) > page_w - left - 40:
                    raise ValueError(f"line too wide for a text page ({len(line)} chars): {line!r}")
                canvas.drawString(left, y, line)
        y -= leading + (2 if heading else 0)
        if y < 36:
            raise ValueError("page text does not fit on one text page")


# ---------------------------------------------------------------- whole files


def new_canvas(path: Path | str | io.BytesIO, title: str = "") -> Canvas:
    """A reportlab canvas in invariant mode, so output bytes do not depend on the clock."""
    canvas = Canvas(str(path) if isinstance(path, Path) else path, pagesize=LETTER_PT, invariant=1, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor("")
    canvas.setCreator("claimdex sample generator")
    canvas.setProducer("claimdex")
    return canvas


#: (page text, seed, rotation) of one scan to render.
ScanJob = tuple[str, int, int]


def _render_job(job: ScanJob) -> bytes:
    text, seed, rotation = job
    return encode_jpeg(render_scan(text, seed=seed, rotation=rotation))


def render_jpegs(jobs: Sequence[ScanJob]) -> list[bytes]:
    """Render scans to JPEG, one after another.

    Deliberately serial: with threads there was no measurable gain (font rendering holds the GIL, and
    a shared FreeType face is not safe to use from several threads), and worker processes would
    make callers pay for forking threaded test/CLI processes or for spawn re-importing ``__main__``.
    """
    return [_render_job(job) for job in jobs]


def render_scans(pages: Sequence[PageSpec]) -> dict[int, bytes]:
    """JPEG of every scanned page (0-based index -> bytes): rendering is most of the generator's time."""
    todo = [i for i, spec in enumerate(pages) if spec.scanned]
    jpegs = render_jpegs([(pages[i].text, pages[i].seed, pages[i].rotation) for i in todo])
    return dict(zip(todo, jpegs, strict=True))


def write_pdf(path: Path, pages: Sequence[PageSpec], title: str = "", scans: dict[int, bytes] | None = None) -> None:
    """Write the pages, in order, to one PDF (``scans``: JPEGs from :func:`render_scans`, if already made)."""
    if scans is None:
        scans = render_scans(pages)
    canvas = new_canvas(path, title)
    for i, spec in enumerate(pages):
        if spec.scanned:
            draw_scan(canvas, scans[i], landscape=spec.rotation in (90, 270))
        else:
            draw_text_page(canvas, spec.text, spec.font)
        canvas.showPage()
    canvas.save()


def write_tiff(path: Path, images: Iterable[Image.Image], dpi: int = SCAN_DPI) -> None:
    """Multi-page bilevel CCITT G4 TIFF, the format fax servers and document scanners produce."""
    frames = [img.point(lambda v: 255 if v > 150 else 0).convert("1") for img in images]
    if not frames:
        raise ValueError("a TIFF needs at least one page")
    frames[0].save(path, format="TIFF", save_all=True, append_images=frames[1:], compression="group4", dpi=(dpi, dpi))
