"""The page image: the original page rendered on demand at ~100 dpi, cached as PNG under the data dir.

Rendering reuses the workers' loader (same limits on untrusted input: pixel caps, page-range checks).
The browser draws word and flag highlights over it from boxes in PDF points, so the image only has to
keep the page's aspect ratio. Access is checked before anything is read from disk.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import FileResponse
from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from api import audit
from api.access import require_claim
from api.auth import Principal, current_principal, get_db
from api.routes_claims import ClaimId, PageNumber
from config.settings import Settings, get_settings
from store.blobs import BlobStore
from store.models import Page, SourceFile

router = APIRouter(tags=["pages"])

VIEW_DPI = 100
MAX_SIDE_PX = 2200


def cache_path(settings: Settings, sha256: str, page: int, rotation: int) -> Path:
    return settings.data_dir / "page_images" / sha256[:2] / f"{sha256}-{page}-r{rotation}-{VIEW_DPI}.png"


def render_page_png(settings: Settings, f: SourceFile, page: int, rotation: int) -> Path:
    """Render (or reuse) the PNG of one page of a stored original."""
    from workers.page_result import InputError
    from workers.rendering import load_page_image

    out = cache_path(settings, f.sha256, page, rotation)
    if out.is_file():
        return out
    source = BlobStore(settings.blob_dir).path_for(f.sha256)
    try:
        image = load_page_image(source, f.kind, page, settings.model_copy(update={"ocr_dpi": VIEW_DPI})).image
    except InputError as exc:
        raise HTTPException(status_code=422, detail=f"page cannot be rendered ({exc.code})") from exc
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


@router.get("/api/claims/{claim_id}/files/{file_id}/pages/{page}/image", response_class=FileResponse,
            responses={200: {"content": {"image/png": {}}}})
def page_image(file_id: str, page: int = PageNumber, claim_id: str = ClaimId,
               principal: Principal = Depends(current_principal), db: Session = Depends(get_db)) -> FileResponse:
    require_claim(db, principal, claim_id)
    f = db.scalar(select(SourceFile).where(SourceFile.file_id == file_id, SourceFile.claim_id == claim_id))
    if f is None or f.kind not in ("pdf", "tiff", "png", "jpeg") or not 1 <= page <= max(f.page_count, 0):
        raise HTTPException(status_code=404, detail="no such page")
    row = db.scalar(select(Page).where(Page.file_id == file_id, Page.page_number == page))
    rotation = row.rotation if row is not None and row.rotation in (90, 180, 270) else 0
    settings = get_settings()
    if not BlobStore(settings.blob_dir).exists(f.sha256):
        raise HTTPException(status_code=404, detail="original not in the blob store")
    path = render_page_png(settings, f, page, rotation)
    audit.record(db, principal, "page_image_read", claim_id, file_id=file_id, page=page)
    return FileResponse(path, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})
