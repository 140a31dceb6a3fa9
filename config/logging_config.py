"""One logging configuration for every process (the CLI, uvicorn, Celery workers): structured lines
(one JSON object each) on stderr that carry ids, codes and counts, never record text.

Record text reaches a log in three ways, each closed here:

- a library formats what it was handed into its message (uvicorn's access log prints the query string,
  Celery prints the exception of a failed task, pdfminer the token it could not parse). Messages of
  loggers outside this project keep their format string, but their string arguments are replaced by
  "<redacted>" (numbers stay); the access log keeps method, path without query, and status.
- an exception's message or traceback (a SQL error quoting its statement's parameters, reportlab quoting
  the paragraph it could not parse). A log line names the exception's type and where it was raised
  (file:line), never its message; uncaught exceptions (sys.excepthook, threads) are logged the same way.
- `extra=` fields: only SAFE_FIELDS reach the line.

Uvicorn installs its own handlers for `uvicorn.error` and `uvicorn.access` when it starts; the app
factory (api/app.py) calls configure_logging again after that, which sends them through this handler.
Celery's worker_init does the same for workers (its own set-up then finds the root logger configured).
"""

from __future__ import annotations

import json
import logging
import sys
import threading
import traceback
from types import TracebackType
from typing import Any

# Only these extra keys reach the log line: ids, codes and numbers. Anything else a caller attaches
# (for example a page's text) is dropped, so PHI cannot leak through a careless `extra=`.
SAFE_FIELDS = frozenset(
    {"claim_id", "file_id", "page", "task", "code", "attempt", "pages", "seconds", "status", "count", "job_id",
     "members", "refused", "bytes", "fixed"}
)
# Loggers whose messages are written in this repository (fixed texts, ids as arguments).
PROJECT_PACKAGES = ("config", "classifiers", "store", "indexers", "claims", "workers", "api", "bench", "samples")
# Arguments of library messages that name things, not record text (Celery's task name, id, outcome).
SAFE_LIBRARY_KEYS = frozenset({"name", "id", "hostname", "runtime", "description"})
REDACTED = "<redacted>"
_MARK = "_claimdex_handler"


def _is_project_logger(name: str) -> bool:
    return name.split(".", 1)[0] in PROJECT_PACKAGES


def _safe_value(value: Any) -> Any:
    return value if value is None or isinstance(value, (bool, int, float)) else REDACTED


def _redacted_args(args: Any) -> Any:
    if isinstance(args, dict):
        return {k: (v if k in SAFE_LIBRARY_KEYS and isinstance(v, str) and len(v) <= 200 else _safe_value(v))
                for k, v in args.items()}
    if isinstance(args, tuple):
        return tuple(_safe_value(v) for v in args)
    return _safe_value(args) if args is not None else None


class PhiFilter(logging.Filter):
    """Strips what could carry record text from every record before it is formatted."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_text = None
        record.stack_info = None
        if record.name == "uvicorn.access" and isinstance(record.args, tuple) and len(record.args) == 5:
            client, method, path, version, status = record.args
            record.args = (client, method, str(path).split("?", 1)[0], version, status)
        elif not _is_project_logger(record.name):
            if not isinstance(record.msg, str):
                record.msg = f"<{type(record.msg).__name__}>"
            record.args = _redacted_args(record.args)
        return True


def _where(tb: TracebackType | None) -> str | None:
    """file:line of the innermost frame: where it broke, without what it was handling."""
    frames = traceback.extract_tb(tb) if tb is not None else []
    if not frames:
        return None
    last = frames[-1]
    return f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno} in {last.name}"


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a message that does not format is shown as its template
            message = str(record.msg)
        entry: dict[str, Any] = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "msg": message,
        }
        for key in SAFE_FIELDS:
            if key in record.__dict__:
                entry[key] = record.__dict__[key]
        if record.exc_info and record.exc_info[0] is not None:
            entry["error"] = record.exc_info[0].__name__
            where = _where(record.exc_info[2])
            if where:
                entry["at"] = where
        return json.dumps(entry, default=lambda v: REDACTED)


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is when a record arrives (pytest and Celery swap it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


def _log_uncaught(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    logging.getLogger("claimdex").critical("uncaught exception", exc_info=(kind, value, tb))


def _log_uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        _log_uncaught(args.exc_type, args.exc_value, args.exc_traceback)


def configure_logging(level: str | None = "INFO") -> None:
    """Install the one handler (JSON, PHI filter) on the root logger and route uvicorn's and Celery's
    loggers through it. Safe to call again (the app factory does, after uvicorn configured itself);
    level None keeps the current level."""
    handler = _StderrHandler()
    handler.setFormatter(JsonFormatter())
    handler.addFilter(PhiFilter())
    setattr(handler, _MARK, True)
    root = logging.getLogger()
    # Test harness handlers (pytest's capture) stay; every other handler is replaced by ours.
    root.handlers[:] = [h for h in root.handlers if type(h).__module__.startswith("_pytest")] + [handler]
    if level is not None:
        root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "uvicorn.asgi", "celery", "celery.task",
                 "celery.redirected", "celery.app.trace", "py.warnings"):
        library = logging.getLogger(name)
        library.handlers[:] = []
        library.propagate = True
    for noisy in ("pdfminer", "PIL", "urllib3", "elastic_transport"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.captureWarnings(True)
    # A broken record must never be printed raw by logging's own error reporting.
    logging.raiseExceptions = False
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_uncaught_in_thread


def is_configured() -> bool:
    return any(getattr(h, _MARK, False) for h in logging.getLogger().handlers)
