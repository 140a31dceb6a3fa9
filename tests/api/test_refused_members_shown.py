"""Finding 6 of issue 14, the display half: of five refused ZIP members, `status`, the progress API and the
UI showed one (errors were kept one per file, page and code). Each now has its own row, and all show."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from click.testing import CliRunner

from tests.api.conftest import Env, make_pdf

REFUSED = ("minutes-1.txt", "minutes-2.txt", "minutes-3.txt", "photo.gif", "../outside.pdf")


def test_five_refused_members_are_five_errors_everywhere(env: Env, data_dir: Path) -> None:
    from api.cli import main

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("good.pdf", make_pdf(["a record"]))
        for i, name in enumerate(REFUSED):
            z.writestr(name, (b"GIF89a" if name.endswith(".gif") else b"plain text ") + bytes([i]) * 40)
    staff = env.client("staff1")
    r = staff.post("/api/claims/Z5/uploads", files={"files": ("bundle.zip", buf.getvalue(), "application/zip")})
    assert r.status_code == 202 and len(r.json()["errors"]) == 5
    progress = staff.get("/api/claims/Z5/progress").json()
    errors = next(f["errors"] for f in progress["files"] if f["filename"] == "bundle.zip")
    assert len(errors) == 5
    page = staff.get("/claims/Z5").text
    run = CliRunner().invoke(main, ["--data-dir", str(data_dir), "status", "Z5", "--json"])
    assert run.exit_code == 0, run.output
    cli = json.loads(run.output[run.output.index("{"):])
    cli_errors = next(f["errors"] for f in cli["claims"][0]["files"] if f["filename"] == "bundle.zip")
    assert len(cli_errors) == 5
    for name in REFUSED:
        shown = name.removeprefix("../")
        assert any(shown in e["message"] for e in errors), name
        assert shown in page, name
        assert any(shown in e["message"] for e in cli_errors), name
