"""The request id: one token per request, in the ``X-Request-ID`` response header and on every log record
emitted while the request is answered, so the lines of one request can be found together (and matched with the
proxy's own log, which sends the id it made up in ``X-Request-ID``).

``RequestIdMiddleware`` is first in MIDDLEWARE. It keeps the proxy's id when it is a sane token (letters, digits
and ``. _ : + / = -``, 8 to 128 characters: nothing that could forge a log line or a header), and otherwise makes
one. ``RequestContextFilter``, on the log handlers (settings ``LOGGING``), copies the id, the method and the path
onto each record; outside a request they are ``-``. Standard library only: gunicorn's master process loads the
logging configuration too (deploy/gunicorn.conf.py).
"""

import logging
import re
import uuid
from contextvars import ContextVar

HEADER = "X-Request-ID"
SANE_ID = re.compile(r"[A-Za-z0-9._:+/=-]{8,128}")
_current: ContextVar[dict | None] = ContextVar("ocop_request", default=None)


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if SANE_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = _current.set({"request_id": request_id, "method": request.method, "path": request.path})
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[HEADER] = request_id
        return response


class RequestContextFilter(logging.Filter):
    """Puts ``request_id``, ``method`` and ``path`` on every record (``-`` outside a request)."""

    def filter(self, record):
        context = _current.get() or {}
        for field in ("request_id", "method", "path"):
            if not hasattr(record, field):
                setattr(record, field, context.get(field, "-"))
        return True
