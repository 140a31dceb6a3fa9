"""What the browser tests share: why they would be skipped, a free port, the CLI in a subprocess,
starting and stopping `claimdex serve`, logging in, screenshots."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "test-artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
PASSWORD = "e2e-password-123"


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed in the venv (pip install playwright)"
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} not found (apt-get install -y chromium)"
    for module in ("claims.intake", "workers.tasks", "samples.make_sample_claim", "indexers.factory",
                   "claims.evidence_brief"):
        try:
            __import__(module)
        except ImportError as exc:
            return f"pipeline module {module} is not importable yet ({exc})"
    for binary in ("redis-server", "tesseract"):
        if shutil.which(binary) is None:
            return f"{binary} is not installed (scripts/install.sh)"
    return None


def browser_marks() -> list[pytest.MarkDecorator]:
    reason = missing()
    return [pytest.mark.slow, pytest.mark.skipif(reason is not None, reason=reason or "")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_env(data: Path) -> dict[str, str]:
    """A fresh data dir and the session's trained models; no other CLAIMDEX_* setting of the test run
    (its broker and queue belong to the in-process pipeline tests)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMDEX_")}
    env["CLAIMDEX_DATA_DIR"] = str(data)
    if os.environ.get("CLAIMDEX_MODEL_DIR"):
        env["CLAIMDEX_MODEL_DIR"] = os.environ["CLAIMDEX_MODEL_DIR"]
    return env


def cli(env: dict[str, str], *args: str, timeout: float = 120, stdin: str | None = None) -> None:
    subprocess.run([sys.executable, "-m", "api.cli", *args], env=env, cwd=REPO, check=True,
                   capture_output=True, timeout=timeout, input=stdin.encode() if stdin is not None else None)


def add_user(env: dict[str, str], username: str, role: str) -> None:
    """A user made through the CLI, the password on stdin (never on the command line)."""
    cli(env, "user", "add", username, "--role", role, "--password-stdin", stdin=PASSWORD + "\n")


def start_server(env: dict[str, str], log_path: Path, *args: str) -> tuple[subprocess.Popen[bytes], str]:
    """`claimdex serve` on a free port, once /healthz answers."""
    import httpx

    port = free_port()
    log = open(log_path, "wb")  # noqa: SIM115 - the child keeps writing to it; closed with the process
    proc = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--port", str(port), *args], env=env,
                            cwd=REPO, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    log.close()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            stop_server(proc)
            raise AssertionError("server did not start:\n" + log_path.read_text()[-3000:])
        time.sleep(0.3)


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the server (it stops its own workers and Redis); then make sure every process it
    started (they run in their own sessions) is gone, so no worker outlives the test."""
    import psutil

    try:
        started = psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        started = []
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=40)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    for child in started:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.terminate()
    _gone, alive = psutil.wait_procs(started, timeout=20)
    for child in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.kill()


def shot(page, name: str, full_page: bool = False) -> Path:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def login(page, base: str, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base + "/claims")
    assert "/login" in page.url
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/claims")
