"""docker-compose.yml cannot run here (no Docker engine): check what can be checked without one."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from config.settings import Settings

REPO = Path(__file__).resolve().parent.parent


def _compose() -> dict:
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())


def _env_example() -> dict[str, str]:
    pairs = {}
    for line in (REPO / ".env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            pairs[key.strip()] = value.strip()
    return pairs


def test_compose_has_every_service_with_health_checks_and_volumes() -> None:
    services = _compose()["services"]
    assert {"redis", "postgres", "elasticsearch", "api", "worker"} <= set(services)
    for name in ("redis", "postgres", "elasticsearch", "api", "worker"):
        assert "healthcheck" in services[name], name
    for name in ("redis", "postgres", "elasticsearch"):
        assert services[name].get("volumes"), f"{name} keeps its data in a volume"
    assert set(_compose()["volumes"]) >= {"claimdex-data", "redis-data", "postgres-data", "es-data"}


def test_worker_scales_and_shares_the_data_volume_with_the_api() -> None:
    services = _compose()["services"]
    worker, api = services["worker"], services["api"]
    # `--scale worker=N` is impossible with a fixed container name or a published port.
    assert "container_name" not in worker and "ports" not in worker
    assert worker["command"][:2] == ["claimdex", "worker"]
    assert "claimdex-data:/data" in worker["volumes"] and "claimdex-data:/data" in api["volumes"]
    for dep in ("redis", "postgres", "elasticsearch"):
        assert worker["depends_on"][dep]["condition"] == "service_healthy"


def test_redis_keeps_queued_work_across_restarts() -> None:
    command = _compose()["services"]["redis"]["command"]
    assert "--appendonly" in command and command[command.index("--appendonly") + 1] == "yes"


def test_elasticsearch_security_is_explicit() -> None:
    env = _compose()["services"]["elasticsearch"]["environment"]
    assert env["xpack.security.enabled"] == "true"
    assert env["discovery.type"] == "single-node"
    assert "ELASTIC_PASSWORD" in env


def test_every_claimdex_variable_is_a_settings_field() -> None:
    fields = {name.upper() for name in Settings.model_fields}
    env_vars = set(_env_example())
    compose_text = (REPO / "docker-compose.yml").read_text()
    env_vars |= set(re.findall(r"\b(CLAIMDEX_[A-Z_]+)\b", compose_text))
    claimdex_vars = {v for v in env_vars if v.startswith("CLAIMDEX_")}
    assert claimdex_vars, "the example configures claimdex"
    unknown = {v for v in claimdex_vars if v.removeprefix("CLAIMDEX_") not in fields}
    assert not unknown, f"variables no setting reads: {unknown}"


def test_env_example_parses_into_settings_for_the_distributed_mode(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for key, value in _env_example().items():
        if key.startswith("CLAIMDEX_"):
            monkeypatch.setenv(key, value)
    s = Settings()
    assert s.resolved_database_url.startswith("postgresql+psycopg://")
    assert s.resolved_broker_url == "redis://redis:6379/0"
    assert not s.uses_embedded_broker
    assert s.broker_visibility_timeout > s.task_time_limit > s.task_soft_time_limit


def test_dockerfile_installs_tesseract_and_copies_every_package() -> None:
    text = (REPO / "Dockerfile").read_text()
    assert "tesseract-ocr-osd" in text
    for package in ("config", "workers", "classifiers", "indexers", "store", "api", "samples"):
        assert f"COPY {package} ./{package}" in text


# Issue 14, finding 11: compose published plain HTTP on 0.0.0.0:8000, the `change-me` secrets of
# .env.example started fine, and forwarded headers were trusted only from 127.0.0.1 (cookies lost Secure
# behind a proxy container).


def test_only_a_tls_proxy_is_published_and_it_alone_reaches_the_api() -> None:
    services = _compose()["services"]
    published = {name for name, svc in services.items() if svc.get("ports") and not svc.get("profiles")}
    assert published == {"proxy"}, f"services published on the host: {published}"
    for name, svc in services.items():  # optional tools (Flower) listen on this host's loopback only
        if svc.get("profiles"):
            assert all(str(p).startswith("127.0.0.1:") for p in svc.get("ports", [])), name
    proxy, api = services["proxy"], services["api"]
    assert proxy["image"].startswith("caddy:")
    assert {str(p).split(":")[-1] for p in proxy["ports"]} <= {"443", "80"}
    assert "8000" not in " ".join(str(p) for p in proxy["ports"])
    assert set(proxy["networks"]) == {"edge"} and "edge" in api["networks"]
    for name in ("redis", "postgres", "elasticsearch", "worker"):
        assert "edge" not in services[name].get("networks", ["default"]), name
    caddyfile = (REPO / "deploy" / "Caddyfile").read_text()
    assert "reverse_proxy api:8000" in caddyfile and "tls " in caddyfile
    mounts = " ".join(proxy["volumes"])
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in mounts


def test_the_api_trusts_forwarded_headers_from_the_proxy_network_only() -> None:
    compose = _compose()
    subnet = compose["networks"]["edge"]["ipam"]["config"][0]["subnet"]
    env = compose["services"]["api"]["environment"]
    assert env["CLAIMDEX_TRUSTED_PROXIES"] == subnet
    assert str(env["CLAIMDEX_SECURE_COOKIES"]).lower() == "true"


def test_serve_and_worker_refuse_the_example_secrets(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import os

    import uvicorn
    from click.testing import CliRunner

    from api.cli import main
    from config.settings import reset_settings_cache

    for key, value in _env_example().items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("CLAIMDEX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CLAIMDEX_DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")

    def started(*_args: object, **_kwargs: object) -> None:
        raise SystemExit("the server started with the example secrets")

    monkeypatch.setattr(uvicorn, "run", started)
    monkeypatch.setattr(os, "execvpe", started)
    reset_settings_cache()
    try:
        for command in (["serve", "--no-workers"], ["worker"]):
            run = CliRunner().invoke(main, command)
            assert run.exit_code == 1, (command, run.output)
            for name in ("CLAIMDEX_SECRET_KEY", "POSTGRES_PASSWORD", "ELASTIC_PASSWORD"):
                assert name in run.output, (command, run.output)
            assert "change-me" not in run.output.replace("`change-me`", "")  # names, never the values
        monkeypatch.setenv("CLAIMDEX_SECRET_KEY", "x" * 48)
        monkeypatch.setenv("POSTGRES_PASSWORD", "a-real-secret-0f3c9")
        monkeypatch.setenv("ELASTIC_PASSWORD", "another-real-secret-77a")
        monkeypatch.setenv("CLAIMDEX_ELASTICSEARCH_URL", "http://elastic:another-real-secret-77a@elasticsearch:9200")
        monkeypatch.setenv("CLAIMDEX_DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
        reset_settings_cache()
        run = CliRunner().invoke(main, ["serve", "--no-workers"])
        assert "the server started" in str(run.exception) or "the server started" in run.output, run.output
    finally:
        reset_settings_cache()


def test_the_app_refuses_the_example_secret_key(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from api.app import create_app
    from config.settings import reset_settings_cache

    monkeypatch.setenv("CLAIMDEX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CLAIMDEX_SECRET_KEY", _env_example()["CLAIMDEX_SECRET_KEY"])
    reset_settings_cache()
    try:
        with pytest.raises(RuntimeError, match="CLAIMDEX_SECRET_KEY"):
            create_app()
    finally:
        reset_settings_cache()


def test_the_caddyfile_parses_with_the_internal_ca_and_with_operator_certificates() -> None:
    import json
    import os
    import shutil
    import subprocess

    import pytest

    caddy = shutil.which("caddy")
    if caddy is None:
        pytest.skip("caddy is not installed here: the Caddyfile is checked by text only")
    for tls, issuer in (("internal", True), ("/certs/c.pem /certs/k.pem", False)):
        run = subprocess.run([caddy, "adapt", "--config", str(REPO / "deploy" / "Caddyfile"), "--adapter", "caddyfile"],
                             capture_output=True, text=True, timeout=60,
                             env={**os.environ, "SITE_ADDRESS": "claimdex.example.internal", "TLS_CERTIFICATES": tls})
        assert run.returncode == 0, run.stderr
        config = json.loads(run.stdout)
        server = config["apps"]["http"]["servers"]["srv0"]
        assert server["listen"] == [":443"] and "api:8000" in run.stdout
        assert ("automation" in config["apps"]["tls"]) is issuer
        assert config["admin"]["disabled"] is True
