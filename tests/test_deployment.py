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
