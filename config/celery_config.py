"""Celery settings that make a killed worker, a restarted broker or a poison page lose nothing.

DESIGN.md §6: acks late, reject on worker lost, prefetch 1, time limits, visibility timeout longer
than any task's time limit (else Redis redelivers a message whose task is still running).
"""

from __future__ import annotations

from typing import Any

from config.settings import Settings


def celery_config(settings: Settings) -> dict[str, Any]:
    return {
        "broker_url": settings.resolved_broker_url,
        "broker_connection_retry_on_startup": True,
        "broker_connection_max_retries": None,
        "broker_transport_options": {
            "visibility_timeout": settings.broker_visibility_timeout,
            "socket_keepalive": True,
            "retry_on_timeout": True,
        },
        "task_ignore_result": True,
        "result_backend": None,
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "task_acks_on_failure_or_timeout": True,
        "worker_prefetch_multiplier": 1,
        "task_soft_time_limit": settings.task_soft_time_limit,
        "task_time_limit": settings.task_time_limit,
        "task_default_queue": settings.task_queue,
        "task_serializer": "json",
        "accept_content": ["json"],
        "worker_max_memory_per_child": settings.worker_max_memory_kb,
        "worker_hijack_root_logger": False,
        # Task events (as `celery worker -E`), so Flower or `celery events` can watch the queue: one small
        # PUBLISH per task state change.
        "worker_send_task_events": True,
        "task_send_sent_event": True,
    }
