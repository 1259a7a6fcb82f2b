"""Log lines as JSON, one object per line (``OCOP_LOG_FORMAT=json``, the default of shop.settings.production).

Fields: ``time`` (UTC, ISO 8601), ``level``, ``logger``, ``message``, and when known ``request_id``, ``method``,
``path`` (shop.core.request_id), ``status`` (Django's request errors), ``exception`` (the traceback, as one string).
Gunicorn's access line (logger ``gunicorn.access``, deploy/gunicorn.conf.py) adds ``status``, ``duration_ms``,
``bytes`` and ``remote_addr``, and takes ``request_id`` from the response's ``X-Request-ID``. Standard library
only: gunicorn's master process uses it before Django is loaded.
"""

import json
import logging
from datetime import UTC, datetime

CONTEXT_FIELDS = ("request_id", "method", "path")


def _gunicorn_access(atoms) -> dict:
    """The fields of gunicorn's access line, from the atoms gunicorn passes as the record's arguments."""
    fields = {
        "method": atoms.get("m"),
        "path": atoms.get("U"),
        "status": int(atoms["s"]) if str(atoms.get("s", "")).isdigit() else atoms.get("s"),
        "duration_ms": round(atoms["D"] / 1000, 1) if isinstance(atoms.get("D"), int) else None,
        "bytes": atoms.get("B"),
        "remote_addr": atoms.get("h"),
        "request_id": atoms.get("{x-request-id}o"),
    }
    return {key: value for key, value in fields.items() if value not in (None, "-")}


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in CONTEXT_FIELDS:
            value = getattr(record, field, None)
            if value not in (None, "-"):
                entry[field] = value
        if isinstance(getattr(record, "status_code", None), int):
            entry["status"] = record.status_code
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            entry.update(_gunicorn_access(record.args))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
