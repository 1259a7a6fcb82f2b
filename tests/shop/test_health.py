"""The load balancer's probes: /healthz and /readyz (shop.core.health, shop.core.health_views)."""

import json
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import override_settings
from django.utils import timezone

from shop.core import health

TOKEN = "health-token-for-tests-0123456789"
DUMMY_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def _body(response):
    return json.loads(response.content)


def _fails(secret="password=hunter2 host=db.internal"):
    def check():
        raise OperationalError(f"connection failed: {secret}")

    return check


class _BrokenConnection:
    def cursor(self):
        raise OperationalError("connection to server at db.internal failed: password authentication failed")


@pytest.mark.django_db
def test_liveness_answers_without_the_database(client, django_assert_num_queries, monkeypatch):
    monkeypatch.setattr(health, "connection", _BrokenConnection())
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert _body(response) == {"status": "ok"}


@pytest.mark.django_db
def test_ready_when_every_service_answers(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert _body(response) == {"status": "ok"}


@pytest.mark.django_db
@override_settings(OCOP_HEALTH_TOKEN=TOKEN)
def test_real_checks_named_with_the_token(client):
    response = client.get("/readyz", HTTP_X_HEALTH_TOKEN=TOKEN)
    # Elasticsearch runs in the tests; the immediate task backend has no queue.
    assert _body(response) == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "search": "ok", "queue": "not used"},
    }


@pytest.mark.django_db
def test_database_failing_makes_the_node_unready_without_saying_why(client, monkeypatch):
    monkeypatch.setattr(health, "connection", _BrokenConnection())
    response = client.get("/readyz")
    assert response.status_code == 503
    assert _body(response) == {"status": "unavailable"}
    assert b"hunter2" not in response.content and b"db.internal" not in response.content


@pytest.mark.django_db
@override_settings(CACHES=DUMMY_CACHE)
def test_cache_not_keeping_a_key_makes_the_node_unready(client):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert _body(response) == {"status": "unavailable"}


@pytest.mark.django_db
@override_settings(
    OCOP_HEALTH_TOKEN=TOKEN,
    CACHES={"default": {"BACKEND": "shop.core.cache.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:9/0"}},
)
def test_redis_away_is_reported_but_the_node_stays_ready(client):
    """The resilient Redis cache answers as an empty cache while Redis is away (shop.core.cache)."""
    assert _body(client.get("/readyz")) == {"status": "ok"}
    response = client.get("/readyz", HTTP_X_HEALTH_TOKEN=TOKEN)
    assert response.status_code == 200
    assert _body(response)["status"] == "degraded"
    assert _body(response)["checks"]["cache"] == "failed"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["database", "cache"])
def test_each_critical_check_raising_gives_503_and_no_exception_text(client, monkeypatch, name):
    monkeypatch.setitem(health.READINESS_CHECKS, name, (_fails(), True))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert _body(response) == {"status": "unavailable"}
    assert b"hunter2" not in response.content


@pytest.mark.django_db
@override_settings(OCOP_HEALTH_TIMEOUT=0.2, OCOP_HEALTH_TOKEN=TOKEN)
def test_a_check_that_hangs_times_out(client, monkeypatch):
    monkeypatch.setitem(health.READINESS_CHECKS, "database", (lambda: time.sleep(2) or health.OK, True))
    response = client.get("/readyz", HTTP_X_HEALTH_TOKEN=TOKEN)
    assert response.status_code == 503
    # "timeout", not "ok": the probe answered without waiting for the check to end (no clock in the assertion —
    # a loaded machine slows the test, not the rule).
    assert _body(response)["checks"]["database"] == "timeout"


@pytest.mark.django_db
@override_settings(OCOP_HEALTH_TOKEN=TOKEN)
def test_detail_names_the_failing_check_only_with_the_right_token(client, monkeypatch):
    monkeypatch.setitem(health.READINESS_CHECKS, "cache", (_fails(), True))
    assert _body(client.get("/readyz")) == {"status": "unavailable"}
    assert _body(client.get("/readyz", HTTP_X_HEALTH_TOKEN="wrong")) == {"status": "unavailable"}
    assert _body(client.get("/readyz", HTTP_X_HEALTH_TOKEN=TOKEN)) == {
        "status": "unavailable",
        "checks": {"database": "ok", "cache": "failed", "search": "ok", "queue": "not used"},
    }


@pytest.mark.django_db
def test_no_detail_when_no_token_is_configured(client, monkeypatch):
    assert settings.OCOP_HEALTH_TOKEN == ""
    monkeypatch.setitem(health.READINESS_CHECKS, "cache", (_fails(), True))
    assert _body(client.get("/readyz", HTTP_X_HEALTH_TOKEN="")) == {"status": "unavailable"}


@pytest.mark.django_db
@override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9", OCOP_HEALTH_TOKEN=TOKEN)
def test_search_down_is_reported_but_the_node_stays_ready(client):
    """The storefront falls back to the database when Elasticsearch is down (shop.search.backends)."""
    assert _body(client.get("/readyz")) == {"status": "ok"}
    response = client.get("/readyz", HTTP_X_HEALTH_TOKEN=TOKEN)
    assert response.status_code == 200
    assert _body(response)["status"] == "degraded"
    assert _body(response)["checks"]["search"] == "failed"


@pytest.mark.django_db
@override_settings(ELASTICSEARCH_URL="", OCOP_HEALTH_TOKEN=TOKEN)
def test_search_not_configured_is_not_used(client):
    assert _body(client.get("/readyz", HTTP_X_HEALTH_TOKEN=TOKEN))["checks"]["search"] == "not used"


@pytest.mark.django_db
@override_settings(OCOP_HEALTH_TOKEN=TOKEN)
def test_queue_behind_is_degraded_not_unready(client, monkeypatch):
    """A slow worker must not take the web nodes out of the balancer."""
    monkeypatch.setattr(health, "_database_backends", lambda: ["default"])
    monkeypatch.setattr(health, "overdue_tasks", lambda aliases, older_than: 12)
    assert client.get("/readyz").status_code == 200
    assert _body(client.get("/readyz")) == {"status": "ok"}
    response = client.get("/readyz", HTTP_X_HEALTH_TOKEN=TOKEN)
    assert response.status_code == 200
    assert _body(response)["status"] == "degraded"
    assert _body(response)["checks"]["queue"] == "degraded"


@pytest.mark.django_db
def test_overdue_tasks_counts_ready_tasks_waiting_too_long():
    from django_tasks_db.models import DBTaskResult, get_date_max

    def task(status, enqueued_minutes_ago, run_after=None, backend="default"):
        row = DBTaskResult.objects.create(
            status=status,
            task_path="shop.search.tasks.sweep_index",
            args_kwargs={"args": [], "kwargs": {}},
            backend_name=backend,
            run_after=run_after or get_date_max(),
        )
        DBTaskResult.objects.filter(pk=row.pk).update(
            enqueued_at=timezone.now() - timedelta(minutes=enqueued_minutes_ago)
        )

    task("READY", 30)  # overdue
    task("READY", 2)  # just enqueued
    task("RUNNING", 30)  # a worker has it
    task("READY", 30, run_after=timezone.now() + timedelta(hours=1))  # deferred, not due
    task("READY", 30, backend="other")  # another backend's queue
    assert health.overdue_tasks(["default"], timedelta(minutes=10)) == 1


@pytest.mark.django_db(transaction=True)  # the checks run in their own threads: they see committed rows only
@override_settings(
    OCOP_HEALTH_TOKEN=TOKEN,
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
    OCOP_HEALTH_QUEUE_MINUTES=10,
)
def test_queue_of_the_database_backend_is_checked(client):
    from django_tasks_db.models import DBTaskResult, get_date_max

    assert _body(client.get("/readyz", HTTP_X_HEALTH_TOKEN=TOKEN))["checks"]["queue"] == "ok"
    row = DBTaskResult.objects.create(
        status="READY",
        task_path="shop.search.tasks.sweep_index",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=get_date_max(),
    )
    DBTaskResult.objects.filter(pk=row.pk).update(enqueued_at=timezone.now() - timedelta(minutes=11))
    response = client.get("/readyz", HTTP_X_HEALTH_TOKEN=TOKEN)
    assert response.status_code == 200
    assert _body(response) == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "ok", "search": "ok", "queue": "degraded"},
    }


@pytest.mark.django_db
@override_settings(OCOP_PAGE_CACHE_SECONDS=300)
def test_never_cached_and_no_cookie(client, monkeypatch):
    first = client.get("/readyz")
    assert first.status_code == 200
    assert "no-store" in first["Cache-Control"]
    assert not first.cookies
    monkeypatch.setitem(health.READINESS_CHECKS, "database", (_fails(), True))
    assert client.get("/readyz").status_code == 503  # the page cache did not keep the first answer
    assert not client.get("/healthz").cookies
    assert "no-store" in client.get("/healthz")["Cache-Control"]


@pytest.mark.django_db
@override_settings(ALLOWED_HOSTS=["ocop.example.vn"], SECURE_SSL_REDIRECT=True)
def test_probe_by_the_nodes_address_over_plain_http_is_answered(client):
    """A balancer asks http://10.0.0.5:8000/readyz: neither ALLOWED_HOSTS nor the HTTPS redirect stops it."""
    assert client.get("/readyz", HTTP_HOST="10.0.0.5:8000").status_code == 200
    assert client.get("/healthz", HTTP_HOST="10.0.0.5:8000").status_code == 200
    assert client.get("/", HTTP_HOST="10.0.0.5:8000").status_code == 400  # the rest of the site still checks


@pytest.mark.django_db
def test_the_routes_answer_without_the_probe_middleware(client):
    middleware = [m for m in settings.MIDDLEWARE if m != "shop.core.health_views.HealthProbeMiddleware"]
    with override_settings(MIDDLEWARE=middleware):
        response = client.get("/readyz")
        assert response.status_code == 200
        assert _body(response) == {"status": "ok"}
        assert not response.cookies
        assert client.post("/healthz").status_code == 405
