"""Upload: many files or a ZIP, streamed to disk part by part, never held whole in memory.

The multipart body is parsed as it arrives (python-multipart's push parser): each file part goes
straight into a temp file under the data dir with running size checks, so an oversized file, or a body
over the upload's budget (`settings.max_upload_bytes`), is refused with 413 as soon as it crosses the
limit instead of after it filled the disk. What is held in memory is capped too: a few small form
fields, and part headers of a few kilobytes. Intake (blob store, ZIP expansion, rows) and queueing then
run, and the answer is the job at once; the pages are processed by the workers.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from python_multipart.multipart import MultipartParser, parse_options_header

from api.dependencies import ClaimId, csrf_protect, require_staff, work_queue
from claims.access import can_open
from claims.accounts import Principal
from claims.intake import IntakeResult, StagedFile, known_file, stage_uploads, upload_files
from claims.work_queue import WorkQueue
from config.settings import get_settings
from store.db import session_scope
from store.models import Claim

router = APIRouter(tags=["upload"])

MAX_FILES_PER_REQUEST = 10_000
# Non-file form fields are kept in memory: few, and small together.
MAX_FIELDS = 16
MAX_FIELD_BYTES = 64 * 1024
# The headers of one part (Content-Disposition with a long folder path, Content-Type).
MAX_PART_HEADER_BYTES = 8 * 1024


class UploadRefused(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status, self.detail = status, detail


def clean_filename(name: str) -> str:
    """Keep a folder upload's relative path for display, but no absolute paths, `..` or control chars."""
    name = re.sub(r"[\x00-\x1f\x7f]", "", name.replace("\\", "/"))
    parts = [p for p in name.split("/") if p not in ("", ".", "..")]
    return "/".join(parts)[-1024:] or "upload"


@dataclass
class MultipartSink:
    """Callbacks for the push parser: files to temp files (size-capped), small fields to memory."""

    tmp_dir: Path
    max_file_bytes: int
    max_total_bytes: int = 2**62
    files: list[tuple[str, Path]] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    _headers: dict[bytes, bytes] = field(default_factory=dict)
    _hname: bytearray = field(default_factory=bytearray)
    _hvalue: bytearray = field(default_factory=bytearray)
    _name: str = ""
    _filename: str | None = None
    _out: IO[bytes] | None = None
    _size: int = 0
    _total: int = 0  # bytes of every file part so far
    _field_bytes: int = 0  # bytes of every non-file field so far
    _fields_seen: int = 0
    _header_bytes: int = 0
    _buf: bytearray = field(default_factory=bytearray)

    def callbacks(self) -> dict[str, Any]:
        return {"on_part_begin": self.part_begin, "on_header_field": self.header_field,
                "on_header_value": self.header_value, "on_header_end": self.header_end,
                "on_headers_finished": self.headers_finished, "on_part_data": self.part_data,
                "on_part_end": self.part_end}

    def part_begin(self) -> None:
        self._headers, self._name, self._filename, self._size = {}, "", None, 0
        self._buf = bytearray()
        self._header_bytes = 0

    def _count_header(self, n: int) -> None:
        self._header_bytes += n
        if self._header_bytes > MAX_PART_HEADER_BYTES:
            raise UploadRefused(413, f"a part's headers are larger than {MAX_PART_HEADER_BYTES} bytes")

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self._count_header(end - start)
        self._hname += data[start:end]

    def header_value(self, data: bytes, start: int, end: int) -> None:
        self._count_header(end - start)
        self._hvalue += data[start:end]

    def header_end(self) -> None:
        self._headers[bytes(self._hname).lower()] = bytes(self._hvalue)
        self._hname, self._hvalue = bytearray(), bytearray()

    def headers_finished(self) -> None:
        _, params = parse_options_header(self._headers.get(b"content-disposition", b""))
        self._name = params.get(b"name", b"").decode("utf-8", "replace")
        filename = params.get(b"filename")
        if filename is not None:
            if len(self.files) >= MAX_FILES_PER_REQUEST:
                raise UploadRefused(413, f"more than {MAX_FILES_PER_REQUEST} files in one upload")
            self._filename = clean_filename(filename.decode("utf-8", "replace"))
            path = self.tmp_dir / f"part-{len(self.files):05d}"
            self._out = open(path, "wb")  # noqa: SIM115 - closed in part_end or on abort
            self.files.append((self._filename, path))
        else:
            self._fields_seen += 1
            if self._fields_seen > MAX_FIELDS:
                raise UploadRefused(413, f"more than {MAX_FIELDS} form fields besides the files")

    def part_data(self, data: bytes, start: int, end: int) -> None:
        n = end - start
        if self._out is not None:
            self._size += n
            self._total += n
            if self._size > self.max_file_bytes:
                raise UploadRefused(413, f"{self._filename}: larger than the limit of {self.max_file_bytes} bytes")
            if self._total > self.max_total_bytes:
                raise UploadRefused(413, f"the upload is larger than {self.max_total_bytes} bytes "
                                         "(limit CLAIMDEX_MAX_UPLOAD_BYTES); send the rest in another upload")
            self._out.write(data[start:end])
        else:
            self._field_bytes += n
            if self._field_bytes > MAX_FIELD_BYTES:
                raise UploadRefused(413, f"the form fields besides the files are larger than {MAX_FIELD_BYTES} bytes")
            self._buf += data[start:end]

    def part_end(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None
        elif self._name:
            self.fields[self._name] = self._buf.decode("utf-8", "replace")

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None


async def receive_multipart(request: Request, tmp_dir: Path, max_file_bytes: int,
                            max_total_bytes: int = 2**62) -> MultipartSink:
    ctype, params = parse_options_header(request.headers.get("content-type", ""))
    boundary = params.get(b"boundary")
    if ctype != b"multipart/form-data" or not boundary:
        raise UploadRefused(415, "send multipart/form-data with one or more `files` parts")
    sink = MultipartSink(tmp_dir, max_file_bytes, max_total_bytes)
    parser = MultipartParser(boundary, sink.callbacks())
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    except UploadRefused:
        raise
    except Exception as exc:  # noqa: BLE001 - a malformed body is the client's error, not ours
        if "header size" in str(exc):  # python-multipart's own cap on a part's headers
            raise UploadRefused(413, f"a part's headers are larger than {MAX_PART_HEADER_BYTES} bytes") from exc
        raise UploadRefused(400, "malformed multipart body") from exc
    finally:
        sink.close()
    return sink


UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {"multipart/form-data": {"schema": {
            "type": "object", "required": ["files"],
            "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}},
        }}},
    }
}


def _may_upload(principal: Principal, claim_id: str) -> bool:
    with session_scope() as s:
        return s.get(Claim, claim_id) is None or can_open(s, principal, claim_id)


def _known(claim_id: str) -> Callable[[str], bool]:
    def known(sha256: str) -> bool:
        with session_scope() as s:
            return known_file(s, claim_id, sha256)

    return known


def _register(principal: Principal, claim_id: str, staged: list[StagedFile]) -> IntakeResult:
    with session_scope() as s:
        return upload_files(s, principal, claim_id, staged)


@router.post("/api/claims/{claim_id}/uploads", status_code=202, openapi_extra=UPLOAD_BODY)
async def upload(request: Request, claim_id: str = ClaimId, principal: Principal = Depends(require_staff),
                 _csrf: Principal = Depends(csrf_protect), queue: WorkQueue = Depends(work_queue)) -> dict[str, Any]:
    """Add files (PDF, TIFF, PNG, JPEG, or ZIPs of them) to a claim, creating it if new (staff only).

    No transaction is open while the body arrives or while the files are stored and ZIPs expanded (that
    can take minutes); the rows are then written in one short transaction."""
    if not await run_in_threadpool(_may_upload, principal, claim_id):
        raise HTTPException(status_code=404, detail="no such claim")
    settings = get_settings()
    tmp_root = settings.data_dir / "incoming"
    tmp_root.mkdir(parents=True, exist_ok=True)
    tmp_dir = Path(tempfile.mkdtemp(dir=tmp_root))
    try:
        try:
            sink = await receive_multipart(request, tmp_dir, settings.max_file_bytes, settings.max_upload_bytes)
        except UploadRefused as exc:
            raise HTTPException(status_code=exc.status, detail=exc.detail) from exc
        if not sink.files:
            raise HTTPException(status_code=422, detail="no files in the upload")
        staged = await run_in_threadpool(stage_uploads, sink.files, settings, _known(claim_id))
        result = await run_in_threadpool(_register, principal, claim_id, staged)
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)
    answer: dict[str, Any] = {
        "job_id": result.job_id, "claim_id": claim_id, "file_ids": result.file_ids,
        "queued_file_ids": result.queued_file_ids,
        "errors": [{"filename": f, "code": c, "message": m} for f, c, m in result.errors]}
    try:
        await run_in_threadpool(queue.ingest_files, result.queued_file_ids)
        answer["queue"] = "queued"
    except Exception:  # noqa: BLE001 - files are recorded as queued in SQL; `claimdex retry` requeues them
        answer["queue"] = "broker unavailable: files recorded, processing starts when the queue is back"
    return answer
