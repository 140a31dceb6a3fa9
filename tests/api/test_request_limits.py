"""Finding 7 of issue 14 (memory from form fields: 4,000 fields of an upload body were held in memory,
148 -> 399 MB before the 422) and the claim-id half of finding 12 (one documented pattern at every entry)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.api.conftest import Env, audit_rows, make_pdf

BOUNDARY = "xxBOUNDARYxx"


def _part(name: str, value: bytes, filename: str | None = None, extra_headers: str = "") -> bytes:
    disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
    return (f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n{extra_headers}\r\n").encode() + value + b"\r\n"


def _body(*parts: bytes) -> bytes:
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


def _post(env: Env, body: bytes, claim: str = "A") -> tuple[int, str]:
    r = env.client("staff1").post(f"/api/claims/{claim}/uploads", content=body,
                                  headers={"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})
    return r.status_code, r.text


def test_upload_form_fields_are_capped_in_number_and_size(env: Env) -> None:
    pdf = _part("files", make_pdf(["x"]), "a.pdf")
    status, text = _post(env, _body(*[_part(f"f{i}", b"v") for i in range(40)], pdf))
    assert status == 413 and "form fields" in text
    status, text = _post(env, _body(*[_part(f"f{i}", b"v" * 40_000) for i in range(3)], pdf))
    assert status == 413 and "form fields" in text
    status, text = _post(env, _body(_part("files", make_pdf(["x"]), "a.pdf", "X-Junk: " + "j" * 20_000 + "\r\n")))
    assert status == 413 and "header" in text
    assert _post(env, _body(_part("note", b"fine"), pdf))[0] == 202


class _Request:
    """What receive_multipart reads from: headers and a body stream, counting what was consumed."""

    def __init__(self, chunks: AsyncIterator[bytes]) -> None:
        self.headers = {"content-type": f"multipart/form-data; boundary={BOUNDARY}"}
        self.chunks = chunks
        self.consumed = 0

    async def stream(self) -> AsyncIterator[bytes]:
        async for chunk in self.chunks:
            self.consumed += len(chunk)
            yield chunk


@pytest.mark.anyio
async def test_four_thousand_fields_are_refused_after_a_few_not_after_the_body(tmp_path: Path) -> None:
    from api.http.uploads import UploadRefused, receive_multipart

    async def fields() -> AsyncIterator[bytes]:
        for i in range(4000):
            yield _part(f"field{i}", b"v" * 60_000)

    request = _Request(fields())
    with pytest.raises(UploadRefused) as err:
        await receive_multipart(request, tmp_path, 10**9)  # type: ignore[arg-type]
    assert err.value.status == 413
    assert request.consumed < 2_000_000  # the 240 MB body was not read, let alone kept


def test_an_upload_body_over_the_budget_is_refused_while_it_streams(env: Env, monkeypatch: pytest.MonkeyPatch,
                                                                    data_dir: Path) -> None:
    from config.settings import reset_settings_cache

    monkeypatch.setenv("CLAIMDEX_MAX_UPLOAD_BYTES", "300000")
    reset_settings_cache()
    parts = [_part("files", b"%PDF-1.4\n" + bytes(120_000 + i), f"f{i}.pdf") for i in range(3)]
    status, text = _post(env, _body(*parts))
    assert status == 413 and "CLAIMDEX_MAX_UPLOAD_BYTES" in text
    assert not any((data_dir / "incoming").iterdir())


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def test_other_request_bodies_are_capped_before_they_are_parsed(env: Env) -> None:
    from fastapi.testclient import TestClient

    c = TestClient(env.app)
    big = b"username=" + b"a" * (2 * 1024 * 1024) + b"&password=x"
    r = c.post("/login", content=big, headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413

    def chunked() -> object:  # no Content-Length: counted as it arrives
        for _ in range(40):
            yield b"a" * 65536

    r = c.post("/api/login", content=chunked(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    assert env.client("doc_a").get("/api/me").status_code == 200


def test_claim_ids_are_checked_at_every_entry(env: Env, data_dir: Path) -> None:
    from api.cli import main

    staff = env.client("staff1")
    hostile = 'q"x; filename=evil.html'
    for url in (f"/api/audit?claim_id={hostile}", f"/audit?claim_id={hostile}", f"/upload?claim_id={hostile}"):
        assert staff.get(url).status_code == 422, url
    assert staff.post("/api/claims", json={"claim_id": "A\r\nX: y"}).status_code == 422
    run = CliRunner().invoke(main, ["--data-dir", str(data_dir), "user", "grant", "doc_a", hostile])
    assert run.exit_code != 0 and "a claim id is" in run.output
    assert not [e for e in audit_rows() if e.claim_id == hostile]
