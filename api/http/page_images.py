"""The page image: the original page rendered on demand, cached as PNG under the data dir.
Access is checked before anything is read from disk."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import FileResponse

from api.dependencies import OpenClaim, PageNumber, read_claim
from claims.documents import page_original
from claims.input_kinds import InputError
from config.settings import get_settings
from workers.page_images import render_page_png

router = APIRouter(tags=["pages"])


@router.get("/api/claims/{claim_id}/files/{file_id}/pages/{page}/image", response_class=FileResponse,
            responses={200: {"content": {"image/png": {}}}})
def page_image(file_id: str, page: int = PageNumber, c: OpenClaim = Depends(read_claim("page_image_read"))
               ) -> FileResponse:
    settings = get_settings()
    original = page_original(c.db, settings, c.claim_id, file_id, page)
    try:
        path = render_page_png(settings, original.path, original.sha256, original.kind, page, original.rotation)
    except InputError as exc:
        raise HTTPException(status_code=422, detail=f"page cannot be rendered ({exc.code})") from exc
    # A picture of a medical record: never kept by a browser or proxy cache (api/app.py sets no-store).
    return FileResponse(path, media_type="image/png")
