"""CSRF_FAILURE_VIEW for the sweep: marks a 403 as CSRF's, not a permission check's."""

from django.http import HttpResponseForbidden

MARKER = "X-Ocop-Csrf-Rejected"


def failure(request, reason=""):
    response = HttpResponseForbidden(reason)
    response[MARKER] = reason
    return response
