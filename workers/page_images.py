"""The viewer's picture of a page: the original rendered at ~100 dpi, turned upright, cached as PNG.

Rendering reuses the extraction loader (same limits on untrusted input: pixel caps, page-range checks).
The browser draws word and flag highlights over it from boxes in PDF points, so the image only has to
keep the page's aspect ratio.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PIL import Image

from config.settings import Settings
from workers.rendering import load_page_image

VIEW_DPI = 100
MAX_SIDE_PX = 2200


def cache_path(settings: Settings, sha256: str, page: int, rotation: int) -> Path:
    return settings.data_dir / "page_images" / sha256[:2] / f"{sha256}-{page}-r{rotation}-{VIEW_DPI}.png"


def render_page_png(settings: Settings, original: Path, sha256: str, kind: str, page: int, rotation: int) -> Path:
    """Render (or reuse) the PNG of one page of a stored original; InputError when it cannot be rendered."""
    out = cache_path(settings, sha256, page, rotation)
    if out.is_file():
        return out
    image = load_page_image(original, kind, page, settings.model_copy(update={"ocr_dpi": VIEW_DPI})).image
    if rotation in (90, 180, 270):
        # The OCR turned the page by `rotation` to read it upright; word boxes refer to the upright page.
        image = image.rotate(-rotation, expand=True)
    if max(image.size) > MAX_SIDE_PX:
        image.thumbnail((MAX_SIDE_PX, MAX_SIDE_PX), Image.Resampling.LANCZOS)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, suffix=".png")
    with os.fdopen(fd, "wb") as fh:
        image.save(fh, format="PNG", optimize=False)
    os.replace(tmp, out)  # atomic: two concurrent requests never serve a half-written file
    return out
