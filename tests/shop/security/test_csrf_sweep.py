"""Every URL of the project refuses a POST without the CSRF token, bar the provider callbacks that
prove themselves by signature (listed below with the reason). The walk covers every pattern of the
resolver, so a new URL is checked as soon as it exists: a view that is CSRF-exempt and not listed
fails the test, and so does a pattern the walk cannot build a path for.

The POSTs come from the logged-in administrator, so every view would let them through to its own
checks: the 403 must be the CSRF middleware's (a probe failure view marks it) or, for Wagtail's admin
API, Django REST framework's CSRF check of session logins."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.urls import reverse

from .conftest import ADMIN
from .csrf_probe import MARKER
from .urlwalk import endpoints

pytestmark = pytest.mark.django_db

EXEMPT = {
    # Stripe calls it, without a session or a token: the Stripe-Signature header (HMAC with
    # STRIPE_WEBHOOK_SECRET, 5-minute tolerance) is checked before anything is read.
    "payments:stripe-webhook": "signed by Stripe",
    # VNPay's server calls it by GET (a POST is answered 405); the vnp_SecureHash signature (HMAC-SHA512
    # with VNPAY_HASH_SECRET) is checked before anything is read.
    "payments:vnpay-ipn": "signed by VNPay",
    # The load balancer's probes (shop/core/health_views.py) are answered before the CSRF middleware; they read
    # and change nothing, and a POST is answered 405.
    "healthz": "a probe: GET only",
    "readyz": "a probe: GET only",
}


def _refused_by_csrf(response):
    """Django's CSRF middleware (the probe's marker), or Django REST framework's own check, which Wagtail's
    admin API uses: DRF views are exempt from the middleware and enforce CSRF for session logins."""
    if response.status_code != 403:
        return False
    return MARKER in response or b"CSRF Failed" in response.content


@pytest.fixture
def logged_in():
    """The administrator (staff and superuser): every back-office view would let the request through
    to its own checks, so a 403 can only be the CSRF middleware's."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(email=ADMIN[0]))
    return client


def _sweep(client):
    """(URLs that accepted a POST without the token, the EXEMPT names met, patterns without a path)."""
    walked = list(endpoints())
    unbuildable = [e.name for e in walked if e.path is None]
    accepted, seen_exempt = [], set()
    for endpoint in walked:
        response = client.post(endpoint.path, {"q": "x"})
        if endpoint.name in EXEMPT:
            seen_exempt.add(endpoint.name)
            assert response.status_code in (400, 405) and MARKER not in response, endpoint
        elif not _refused_by_csrf(response):
            accepted.append((endpoint.name, endpoint.path, response.status_code))
    return accepted, seen_exempt, unbuildable, len(walked)


@override_settings(CSRF_FAILURE_VIEW="tests.shop.security.csrf_probe.failure")
def test_every_post_without_the_token_is_refused(logged_in):
    accepted, seen_exempt, unbuildable, walked = _sweep(logged_in)
    assert walked > 300  # Oscar, its dashboard, Wagtail's admin and ours
    assert unbuildable == [], "build a path for these patterns (tests/shop/security/urlwalk.py)"
    assert accepted == [], "CSRF-exempt views: protect them or list them in EXEMPT with the reason:\n" + "\n".join(
        f"{name} {path} {status}" for name, path, status in accepted
    )
    assert seen_exempt == set(EXEMPT), "EXEMPT lists a URL that no longer exists"


@override_settings(
    CSRF_FAILURE_VIEW="tests.shop.security.csrf_probe.failure",
    ROOT_URLCONF="tests.shop.security.urls_with_an_exempt_view",
)
def test_the_sweep_catches_a_new_exempt_view(logged_in):
    accepted, _seen, _unbuildable, _walked = _sweep(logged_in)
    assert accepted == [("forgotten-exempt", "/quen-bao-ve/", 200)]


def test_with_the_token_the_same_post_gets_past_the_csrf_check(logged_in):
    """The sweep's 403s come from the missing token: the lookup form with its token is answered."""
    page = logged_in.get(reverse("order-lookup"))
    assert page.status_code == 200
    token = logged_in.cookies["csrftoken"].value
    response = logged_in.post(
        reverse("order-lookup"), {"number": "1", "email": "a@example.vn", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 200 and "Không tìm thấy đơn hàng" in response.content.decode()
