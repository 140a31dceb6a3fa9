"""Celery task events on, so Flower can watch the queue; Flower itself optional in docker-compose."""

from __future__ import annotations

from pathlib import Path

import yaml

from config.celery_config import celery_config
from config.settings import Settings
from workers.embedded_runtime import worker_command

REPO = Path(__file__).resolve().parents[2]


def test_workers_send_task_events(tmp_path: Path) -> None:
    config = celery_config(Settings(data_dir=tmp_path))
    assert config["worker_send_task_events"] is True and config["task_send_sent_event"] is True
    assert "-E" in worker_command(2)


def test_flower_is_an_optional_compose_service_on_loopback_only() -> None:
    services = yaml.safe_load((REPO / "docker-compose.yml").read_text())["services"]
    flower = services["flower"]
    assert flower["profiles"] == ["monitoring"]  # not started by a plain `docker compose up`
    assert all(port.startswith("127.0.0.1:") for port in flower["ports"])
    assert "redis" in flower["depends_on"] and "CLAIMDEX_BROKER_URL" in flower["environment"]["CELERY_BROKER_URL"]
