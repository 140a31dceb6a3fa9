"""Finding 11 of issue 14, the application's side: forwarded headers are believed only from the
configured proxies (CLAIMDEX_TRUSTED_PROXIES), so behind the compose proxy the client address (log-in
throttle, audit) and the scheme (Secure cookies, HSTS) are right, and nobody else can fake them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import PASSWORD, Env

PROXY = ("172.30.0.2", 51000)
FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.50"}


@pytest.fixture
def behind_proxy(env: Env, monkeypatch: pytest.MonkeyPatch) -> Iterator[Env]:
    from api.app import create_app
    from config.settings import reset_settings_cache

    monkeypatch.setenv("CLAIMDEX_TRUSTED_PROXIES", "172.30.0.0/24")
    reset_settings_cache()
    env.app = create_app(search_index=lambda: env.index, queue=env.queue)
    yield env
    reset_settings_cache()


def _login(app: object, client: tuple[str, int], headers: dict[str, str], password: str = PASSWORD) -> object:
    return TestClient(app, client=client).post("/api/login", json={"username": "doc_a", "password": password},
                                                headers=headers)


def test_cookies_are_secure_behind_the_trusted_proxy(behind_proxy: Env) -> None:
    r = _login(behind_proxy.app, PROXY, FORWARDED)
    assert r.status_code == 200  # type: ignore[attr-defined]
    assert "secure" in r.headers["set-cookie"].lower()  # type: ignore[attr-defined]
    assert "max-age" in r.headers.get("strict-transport-security", "").lower()  # type: ignore[attr-defined]


def test_forwarded_headers_from_anyone_else_are_ignored(behind_proxy: Env) -> None:
    from claims.login_throttle import ADDRESS_LIMIT

    stranger = ("198.51.100.1", 51000)
    r = _login(behind_proxy.app, stranger, FORWARDED)
    assert "secure" not in r.headers["set-cookie"].lower()  # type: ignore[attr-defined]
    # The address the throttle counts is the real client behind the proxy, and only the proxy says so.
    for _ in range(ADDRESS_LIMIT):
        _login(behind_proxy.app, PROXY, FORWARDED, password="guess-guess")
    assert _login(behind_proxy.app, PROXY, FORWARDED).status_code == 429  # type: ignore[attr-defined]
    other_client = {**FORWARDED, "X-Forwarded-For": "203.0.113.51"}
    assert _login(behind_proxy.app, PROXY, other_client).status_code == 200  # type: ignore[attr-defined]
    # A stranger cannot pose as the blocked client, nor escape its own block by claiming another address.
    assert _login(behind_proxy.app, stranger, FORWARDED).status_code == 200  # type: ignore[attr-defined]


def test_secure_cookies_can_be_required(env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    from api.app import create_app
    from config.settings import reset_settings_cache

    monkeypatch.setenv("CLAIMDEX_SECURE_COOKIES", "true")
    reset_settings_cache()
    try:
        app = create_app(search_index=lambda: env.index, queue=env.queue)
        r = _login(app, ("198.51.100.1", 1), {})
        assert "secure" in r.headers["set-cookie"].lower()  # type: ignore[attr-defined]
    finally:
        reset_settings_cache()
