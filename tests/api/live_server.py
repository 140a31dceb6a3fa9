"""A real uvicorn server in a thread, for what TestClient cannot show: bytes on a socket (a client that
stops reading) and uvicorn's own logging. Configured the way `claimdex serve` runs the app (a factory,
uvicorn's default log configuration), on a socket bound before the thread starts so requests can be sent
at once (they wait in the listen backlog until the server accepts them)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn


@contextmanager
def live_server(app_factory: Callable[[], Any], log_level: str = "warning") -> Iterator[str]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(256)
    port = sock.getsockname()[1]
    config = uvicorn.Config(app_factory, factory=True, log_level=log_level, lifespan="off", timeout_keep_alive=5)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="live-uvicorn", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        server.force_exit = True
        thread.join(timeout=15)
        sock.close()
