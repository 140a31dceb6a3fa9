"""Structured logs (one JSON object a line) that carry ids and counts, never record text."""

from __future__ import annotations

import json
import logging
import sys
from typing import Any

# Only these extra keys reach the log line: ids, codes and numbers. Anything else a caller attaches
# (for example a page's text) is dropped, so PHI cannot leak through a careless `extra=`.
SAFE_FIELDS = frozenset(
    {"claim_id", "file_id", "page", "task", "code", "attempt", "pages", "seconds", "status", "count", "job_id"}
)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key in SAFE_FIELDS:
            if key in record.__dict__:
                entry[key] = record.__dict__[key]
        if record.exc_info and record.exc_info[0] is not None:
            entry["error"] = record.exc_info[0].__name__
        return json.dumps(entry)


def configure_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("pdfminer", "PIL", "urllib3", "elastic_transport"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
