"""The request id and the log lines: shop.core.request_id, shop.core.logs, the LOGGING setting."""

import io
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from shop.core import health
from shop.core.logs import JsonFormatter
from shop.core.request_id import RequestContextFilter

ROOT = Path(__file__).resolve().parents[2]
GENERATED = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def log_lines():
    """What the configured console handler (settings LOGGING) writes, formatted as JSON, one parsed dict a line."""
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    stream, formatter = io.StringIO(), handler.formatter
    previous = handler.setStream(stream)
    handler.setFormatter(JsonFormatter())
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        handler.setStream(previous)
        handler.setFormatter(formatter)


def test_an_id_is_made_when_none_comes(client):
    assert GENERATED.fullmatch(client.get("/healthz")["X-Request-ID"])


def test_the_proxys_id_round_trips(client):
    incoming = "5f2b9c1e-0d4a-4e7b-9a61-3c8f0b2d7e11"
    assert client.get("/healthz", HTTP_X_REQUEST_ID=incoming)["X-Request-ID"] == incoming


@pytest.mark.parametrize(
    "incoming", ["short", "x" * 129, "abc def ghi", 'a"b;c<d>e', "abcdefgh\nforged line", "abcdefgé-unicode"]
)
def test_an_unsafe_id_is_replaced(client, incoming):
    returned = client.get("/healthz", HTTP_X_REQUEST_ID=incoming)["X-Request-ID"]
    assert returned != incoming
    assert GENERATED.fullmatch(returned)


@pytest.mark.django_db
def test_lines_logged_while_answering_carry_the_request_id(client, monkeypatch, log_lines):
    """The view's own line and the readiness check's line, logged from the check's thread."""

    def failing():
        raise ConnectionError("no route to host")

    monkeypatch.setitem(health.READINESS_CHECKS, "cache", (failing, True))
    response = client.get("/readyz", HTTP_X_REQUEST_ID="req-0123456789")
    assert response.status_code == 503
    lines = {line["message"]: line for line in log_lines()}
    view_line = lines["Not ready: cache"]
    check_line = lines["Readiness check cache failed: ConnectionError: no route to host"]
    for line in (view_line, check_line):
        assert line["request_id"] == "req-0123456789"
        assert line["method"] == "GET"
        assert line["path"] == "/readyz"
    assert check_line["level"] == "WARNING" and check_line["logger"] == "shop.core.health"


def test_lines_outside_a_request_have_no_request_id(log_lines):
    logging.getLogger("shop.test").warning("from a worker")
    (line,) = [line for line in log_lines() if line["message"] == "from a worker"]
    assert "request_id" not in line


def _record(name="shop.test", msg="hello %s", args=("world",), **extra):
    record = logging.LogRecord(name, logging.ERROR, __file__, 1, msg, args, None)
    record.__dict__.update(extra)
    RequestContextFilter().filter(record)
    return record


def test_json_lines_parse_with_the_exception_as_a_string():
    try:
        raise ValueError("Giá không hợp lệ")
    except ValueError:
        record = _record()
        record.exc_info = sys.exc_info()
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["logger"] == "shop.test" and entry["message"] == "hello world"
    assert entry["time"].endswith("+00:00")
    assert entry["exception"].startswith("Traceback") and "ValueError: Giá không hợp lệ" in entry["exception"]


def test_gunicorn_access_line_has_status_duration_and_the_request_id():
    atoms = {
        "h": "10.0.0.2",
        "m": "GET",
        "U": "/san-pham/",
        "s": "200",
        "B": 5120,
        "D": 12345,
        "{x-request-id}o": "abcdef0123456789",
    }
    record = logging.LogRecord(
        "gunicorn.access", logging.INFO, __file__, 1, '%(h)s "%(m)s %(U)s" %(s)s', (atoms,), None
    )
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == '10.0.0.2 "GET /san-pham/" 200'
    assert {k: entry[k] for k in ("method", "path", "status", "duration_ms", "request_id", "bytes")} == {
        "method": "GET",
        "path": "/san-pham/",
        "status": 200,
        "duration_ms": 12.3,
        "request_id": "abcdef0123456789",
        "bytes": 5120,
    }


def _production_log_output(**env):
    full_env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "OCOP_LOG_FORMAT"}}
    full_env.update(
        {
            "DJANGO_SETTINGS_MODULE": "shop.settings.production",
            "SECRET_KEY": "q8#Zt1-vX9@pLw3!mN7^rB2&kY5*eH0(uJ4)sD6_fG8+cV1=aQ3~oI9",
            "ALLOWED_HOSTS": "ocop.example.vn",
            "DATABASE_URL": "sqlite:///:memory:",
            **env,
        }
    )
    code = "import logging; logging.getLogger('shop.test').warning('Xin chào')"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=full_env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stderr.strip().splitlines()[-1]


def test_production_logs_json_by_default_and_text_when_asked():
    entry = json.loads(_production_log_output())
    assert entry["message"] == "Xin chào" and entry["level"] == "WARNING" and entry["logger"] == "shop.test"
    text = _production_log_output(OCOP_LOG_FORMAT="text")
    assert text.endswith("WARNING shop.test [-] Xin chào")


@pytest.mark.django_db
def test_the_header_is_on_error_pages_too(client):
    assert GENERATED.fullmatch(client.get("/khong-co-trang-nay/")["X-Request-ID"])
