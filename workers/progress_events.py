"""A nudge on the broker's Redis when a claim moves (pages stored, a file analysed, a file indexed), so a
waiting command wakes at once instead of polling. Best effort: SQL stays the truth, and without a Redis
broker (or while it is away) the waiter simply re-reads SQL on a timer.
"""

from __future__ import annotations

import contextlib
import logging
import time
from functools import lru_cache

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from config.settings import Settings, get_settings

log = logging.getLogger(__name__)
RESUBSCRIBE_AFTER_S = 5.0


def channel(settings: Settings, claim_id: str) -> str:
    return f"{settings.task_queue}:progress:{claim_id}"


def _client(settings: Settings) -> redis.Redis | None:
    retry = Retry(NoBackoff(), 0)
    if settings.uses_embedded_broker:
        return redis.Redis(unix_socket_path=str(settings.embedded_redis_socket), socket_timeout=2,
                           socket_connect_timeout=1, retry=retry)
    if settings.broker_url.startswith(("redis://", "rediss://", "unix://")):
        pool = redis.ConnectionPool.from_url(settings.broker_url, socket_timeout=2, socket_connect_timeout=1)
        return redis.Redis(connection_pool=pool, retry=retry)
    return None


@lru_cache(maxsize=4)
def _publisher(broker: str, socket_path: str, queue: str) -> redis.Redis | None:
    return _client(get_settings())


def publish(claim_id: str) -> None:
    settings = get_settings()
    client = _publisher(settings.resolved_broker_url, str(settings.embedded_redis_socket), settings.task_queue)
    if client is None:
        return
    with contextlib.suppress(redis.RedisError, OSError):  # the waiter re-reads SQL on its timer
        client.publish(channel(settings, claim_id), "1")


class ProgressEvents:
    """Wait for a claim to move, or for `timeout` seconds, whichever comes first."""

    def __init__(self, settings: Settings, claim_id: str) -> None:
        self.settings = settings
        self.claim_id = claim_id
        self._pubsub: redis.client.PubSub | None = None
        self._next_try = 0.0
        self._subscribe()

    def _subscribe(self) -> None:
        self._next_try = time.monotonic() + RESUBSCRIBE_AFTER_S
        client = _client(self.settings)
        if client is None:
            return
        try:
            pubsub = client.pubsub(ignore_subscribe_messages=True)
            pubsub.subscribe(channel(self.settings, self.claim_id))
            self._pubsub = pubsub
        except (redis.RedisError, OSError):
            self._pubsub = None

    def wait(self, timeout: float) -> bool:
        """True when woken by an event (then anything else already waiting is drained too)."""
        if self._pubsub is None and time.monotonic() >= self._next_try:
            self._subscribe()
        if self._pubsub is None:
            time.sleep(timeout)
            return False
        try:
            message = self._pubsub.get_message(timeout=timeout)
            while message is not None and self._pubsub.get_message(timeout=0) is not None:
                pass
            return message is not None
        except (redis.RedisError, OSError, ValueError):
            self.close()
            return False

    def close(self) -> None:
        if self._pubsub is not None:
            with contextlib.suppress(redis.RedisError, OSError):
                self._pubsub.close()
            self._pubsub = None
