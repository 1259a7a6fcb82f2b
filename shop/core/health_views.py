"""The load balancer's probes: ``/healthz`` (liveness: this process answers, nothing else is asked) and ``/readyz``
(readiness: shop.core.health's checks).

The body is ``{"status": "ok"}`` (200) or ``{"status": "unavailable"}`` (503) and nothing else, unless the request
carries the ``X-Health-Token`` header equal to ``OCOP_HEALTH_TOKEN`` (compared in constant time): then it also
names each check with its state, and says ``degraded`` when a check that does not block readiness is failing or
behind. Never cached (``Cache-Control: no-store``), no cookie.

``HealthProbeMiddleware``, right after the request id in MIDDLEWARE, answers both paths before any other
middleware runs, so a probe is not subject to ALLOWED_HOSTS (a balancer asks by the node's address), the HTTPS
redirect (it asks over plain HTTP inside the network), sessions, the page cache, the throttles or the basket.
The same views are in the URL configuration (shop/urls.py, outside the language prefixes), for ``reverse()`` and
for a site run without that middleware.
"""

import hmac
import logging

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from shop.core import health

logger = logging.getLogger(__name__)


def _shows_detail(request) -> bool:
    token = settings.OCOP_HEALTH_TOKEN
    given = request.headers.get("X-Health-Token", "")
    return bool(token) and hmac.compare_digest(given.encode(), token.encode())


@never_cache
@require_safe
def liveness(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readiness(request):
    results = health.run_readiness_checks()
    ready = not any(result.blocks_readiness for result in results)
    body = {"status": "ok" if ready else "unavailable"}
    if _shows_detail(request):
        if ready and any(result.state not in (health.OK, health.NOT_USED) for result in results):
            body["status"] = "degraded"
        body["checks"] = {result.name: result.state for result in results}
    response = JsonResponse(body, status=200 if ready else 503)
    if not ready:
        # One warning naming the checks, instead of Django's error for a 503 (mailed to ADMINS) at every probe.
        failing = ", ".join(result.name for result in results if result.blocks_readiness)
        logger.warning("Not ready: %s", failing)
        response._has_been_logged = True
    return response


PROBES = {"/healthz": liveness, "/readyz": readiness}


class HealthProbeMiddleware:
    """Answers ``/healthz`` and ``/readyz`` itself, before the middleware after it (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = PROBES.get(request.path_info)
        if view is None:
            return self.get_response(request)
        return view(request)
