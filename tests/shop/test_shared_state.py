"""State shared by several web nodes: the page cache and the throttles in Redis, sessions in PostgreSQL.

Two web nodes are two cache connections to the same Redis (``caches.create_connection``), each put in turn
under the requests the test client makes. When Redis is away (a cache pointed at a closed port, or the
test's own Redis stopped and started again with scripts/redis.sh), the storefront still answers and each
throttle applies its outage rule (shop/core/throttle.py)."""

import logging
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shop.core import cache as shared_cache
from shop.core import page_cache
from shop.core.throttle import Throttle

pytestmark = pytest.mark.django_db
REPO = Path(__file__).resolve().parents[2]
needs_redis = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="needs the Redis that `make test` starts (REDIS_URL)"
)
OUTAGE_LOGIN_MESSAGE = "bộ đếm chống dò mật khẩu đang gặp sự cố"


@contextmanager
def on_node(node):
    """Requests and code in this block use ``node`` as the default cache, as another web process would."""
    previous = getattr(caches._connections, "default", None)
    setattr(caches._connections, "default", node)
    try:
        yield node
    finally:
        setattr(caches._connections, "default", previous)


def two_nodes():
    return caches.create_connection("default"), caches.create_connection("default")


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def redis_cache_at(url, prefix="ocop-test-down"):
    return {
        "default": {
            "BACKEND": "shop.core.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
            "OPTIONS": django_settings.REDIS_CACHE_OPTIONS,
        }
    }


@pytest.fixture
def redis_down(settings):
    """The default cache is a Redis nobody listens to."""
    settings.CACHES = redis_cache_at(f"redis://127.0.0.1:{closed_port()}/0")
    settings.OCOP_PAGE_CACHE_SECONDS = 300
    yield


def failed_login(client, email="khach@example.vn"):
    return client.post(
        reverse("customer:login"), {"login-username": email, "login-password": "doan-sai", "login_submit": "1"}
    )


# --- Several nodes, one Redis ------------------------------------------------------------------------------


@needs_redis
def test_a_page_cached_by_one_node_is_served_by_another(settings):
    settings.OCOP_PAGE_CACHE_SECONDS = 300
    node_a, node_b = two_nodes()
    assert node_a is not node_b and node_a._cache is not node_b._cache  # two connection pools
    with on_node(node_a):
        assert Client().get("/").get("X-Page-Cache") == "miss"
    with on_node(node_b):
        second = Client().get("/")
    assert second.status_code == 200 and second.get("X-Page-Cache") == "hit"


@needs_redis
def test_a_change_announced_on_one_node_drops_the_pages_cached_by_another(settings, django_capture_on_commit_callbacks):
    settings.OCOP_PAGE_CACHE_SECONDS = 300
    node_a, node_b = two_nodes()
    with on_node(node_b):
        Client().get("/")
        assert Client().get("/").get("X-Page-Cache") == "hit"
    with on_node(node_a), django_capture_on_commit_callbacks(execute=True):
        page_cache.content_changed()
    with on_node(node_b):
        assert Client().get("/").get("X-Page-Cache") == "miss"


@needs_redis
def test_login_failures_counted_on_one_node_lock_the_account_on_the_other(customer):
    node_a, node_b = two_nodes()
    limit = Throttle("login-account").limit
    with on_node(node_a):
        for _ in range(limit):
            assert failed_login(Client(REMOTE_ADDR="203.0.113.7"), customer.email).status_code == 200
    with on_node(node_b):
        refused = failed_login(Client(REMOTE_ADDR="198.51.100.9"), customer.email)
    assert refused.status_code == 429
    assert "Đăng nhập sai quá nhiều lần" in refused.content.decode()


@needs_redis
def test_clearing_the_cache_drops_only_this_sites_keys():
    """The parallel test workers (and several sites) share one Redis: clear() deletes its own prefix only."""
    neighbour = caches.create_connection("default")
    neighbour.key_prefix = "ocop-test-neighbour"
    neighbour.set("kept", "yes")
    cache.set("dropped", "yes")
    try:
        cache.clear()
        assert cache.get("dropped") is None
        assert neighbour.get("kept") == "yes"
    finally:
        neighbour.clear()
    assert neighbour.get("kept") is None


@needs_redis
def test_cache_operations_reuse_one_redis_client():
    """Every operation used to build a new redis-py client (a third of a read's cost); one client per connection
    pool now serves them all (Django gives each thread its own cache object, so a client is never shared)."""
    client = cache._cache.get_client()
    cache.set("reused", "yes")
    assert cache.get("reused") == "yes" and cache.get_many(["reused"]) == {"reused": "yes"}
    assert cache._cache.get_client() is client and cache._cache.get_client(write=True) is client


def test_the_file_cache_of_one_machine_counts_its_files_now_and_then_not_on_every_write(tmp_path, monkeypatch):
    """Without Redis the cache is a directory of files. Django's file cache listed the whole directory on every
    write (5 ms and more with a few thousand entries, on every product view); ours counts once per interval and
    still drops entries when there are too many."""
    machine_cache = shared_cache.MachineFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10}})
    listings = []
    list_files = machine_cache._list_cache_files
    monkeypatch.setattr(machine_cache, "_list_cache_files", lambda: listings.append(1) or list_files())

    for number in range(30):
        machine_cache.set(f"entry-{number}", number)
    assert len(listings) == 1  # the first write counted; the next 29, within the interval, did not
    assert len(list_files()) == 30 and machine_cache.get("entry-29") == 29

    machine_cache._next_cull_check = time.monotonic()  # CULL_CHECK_SECONDS have passed
    machine_cache.set("one-more", "yes")
    assert len(listings) == 2
    assert len(list_files()) == 30 - 30 // 3 + 1  # Django's cull: a third of the entries dropped at random
    assert machine_cache.get("one-more") == "yes"


def _count_in_the_file_cache(directory, key, times, added):
    """One process of the machine: tries to start the counter, then counts ``times`` times."""
    machine_cache = shared_cache.MachineFileCache(directory, {})
    added.put(machine_cache.add(key, 0, 900))
    for _ in range(times):
        machine_cache.incr(key)


def test_the_file_cache_counts_every_event_of_processes_counting_at_once(tmp_path):
    """The throttles count with ``add`` and ``incr``. Django's file cache reads and then writes in both, so
    processes counting one key at once overwrote each other's counts (parallel login attempts counted as a few);
    ours holds a lock across the machine's processes for both."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    added = context.Queue()
    processes = [
        context.Process(target=_count_in_the_file_cache, args=(str(tmp_path), "attempts", 150, added)) for _ in range(4)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
        assert process.exitcode == 0
    assert sorted(added.get(timeout=5) for _ in processes) == [False, False, False, True]  # one started it
    assert shared_cache.MachineFileCache(str(tmp_path), {}).get("attempts") == 4 * 150


def test_a_count_in_the_file_cache_keeps_its_window(tmp_path):
    """Counting again does not restart the window the first count opened (Django's file cache set the key again
    with the default timeout at every count, as if the window began at the last attempt)."""
    machine_cache = shared_cache.MachineFileCache(str(tmp_path), {"TIMEOUT": 300})
    assert machine_cache.add("attempts", 1, 1)
    assert machine_cache.incr("attempts") == 2 and machine_cache.incr("attempts", 3) == 5
    time.sleep(1.2)
    assert machine_cache.get("attempts") is None
    with pytest.raises(ValueError):
        machine_cache.incr("attempts")
    machine_cache.set("forever", 1, None)
    assert machine_cache.incr("forever") == 2 and machine_cache.get("forever") == 2


def test_the_site_uses_the_counting_file_cache_when_no_redis_is_configured():
    environment = {
        name: value for name, value in os.environ.items() if name not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    backend = subprocess.run(
        [sys.executable, "-c", "import shop.settings.base as s; print(s.CACHES['default']['BACKEND'])"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert backend == "shop.core.cache.MachineFileCache"


# --- Redis away --------------------------------------------------------------------------------------------


def test_the_storefront_answers_without_its_cache_and_says_so_once_in_the_log(redis_down, caplog):
    product_url = _a_product_url()
    with caplog.at_level(logging.WARNING, logger="shop.core.cache"):
        for url in ("/", reverse("catalogue:index"), product_url, "/"):
            response = Client().get(url)
            assert response.status_code == 200, url
            assert response.get("X-Page-Cache") != "hit"
    warnings = [r for r in caplog.records if r.name == "shop.core.cache"]
    assert len(warnings) == 1 and "Shared cache unreachable" in warnings[0].getMessage()


def test_login_is_refused_with_the_reason_while_the_login_throttle_cannot_count(redis_down, customer, caplog):
    with caplog.at_level(logging.ERROR, logger="shop.core.throttle"):
        response = Client().post(
            reverse("customer:login"),
            {"login-username": customer.email, "login-password": "mat-khau-2026", "login_submit": "1"},
        )
    assert response.status_code == 429
    assert OUTAGE_LOGIN_MESSAGE in response.content.decode()
    assert "_auth_user_id" not in response.wsgi_request.session
    assert any("refusing the attempt" in r.getMessage() for r in caplog.records)


def test_throttles_against_guessing_fail_closed_and_throttles_of_volume_fail_open(redis_down, caplog):
    with caplog.at_level(logging.ERROR, logger="shop.core.throttle"):
        for name in ("login-account", "login-ip", "view-password-ip", "order-lookup"):
            assert Throttle(name).exceeded("203.0.113.7"), name
        for name in ("password-reset-account", "password-reset-ip", "registration-ip", "guest-orders-ip"):
            assert not Throttle(name).exceeded("203.0.113.7"), name
            assert Throttle(name).hit("203.0.113.7") == 0  # not counted, and no error raised
    assert any("letting the attempt through uncounted" in r.getMessage() for r in caplog.records)


def test_a_redis_restart_loses_the_cached_pages_but_not_the_site(tmp_path, settings, monkeypatch):
    """The test's own Redis from scripts/redis.sh: stopped under the site, then started again on its port."""
    server = _ScriptRedis(tmp_path)
    server.start()
    try:
        settings.CACHES = redis_cache_at(server.url, prefix="ocop-test-restart")
        settings.OCOP_PAGE_CACHE_SECONDS = 300
        monkeypatch.setattr(shared_cache, "RETRY_SECONDS", 0)  # retry at once after the restart
        Client().get("/")
        assert Client().get("/").get("X-Page-Cache") == "hit"
        server.stop()
        assert Client().get("/").status_code == 200
        assert Throttle("login-ip").exceeded("203.0.113.7")  # closed while Redis is away
        server.start()
        assert Client().get("/").get("X-Page-Cache") == "miss"  # a restarted Redis starts empty
        assert Client().get("/").get("X-Page-Cache") == "hit"
        assert not Throttle("login-ip").exceeded("203.0.113.7")
    finally:
        server.stop()


class _ScriptRedis:
    def __init__(self, tmp_path):
        self.env = {**os.environ, "TMPDIR": str(tmp_path)}
        self.env.pop("OCOP_REDIS_DIR", None)
        self.env.pop("OCOP_REDIS_PORT", None)
        self.url = None

    def _run(self, command):
        script = f'source scripts/redis.sh && {command} && echo "$OCOP_REDIS_DIR $OCOP_REDIS_PORT $REDIS_URL"'
        done = subprocess.run(
            ["bash", "-c", script], cwd=REPO, env=self.env, capture_output=True, text=True, timeout=60, check=True
        )
        return done.stdout.strip().splitlines()[-1].split()

    def start(self):
        directory, port, self.url = self._run("redis_start")
        self.env.update(OCOP_REDIS_DIR=directory, OCOP_REDIS_PORT=port)

    def stop(self):
        if self.env.get("OCOP_REDIS_DIR"):
            subprocess.run(["bash", "-c", "source scripts/redis.sh && redis_stop"], cwd=REPO, env=self.env, check=True)
            self.env.pop("OCOP_REDIS_DIR")


# --- Sessions ----------------------------------------------------------------------------------------------


def test_a_session_is_a_database_row_read_through_the_cache(client, customer):
    client.force_login(customer)
    key = client.session.session_key
    assert Session.objects.filter(session_key=key).exists()  # what survives Redis
    client.get(reverse("customer:profile-view"))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("customer:profile-view")).status_code == 200
    assert not [q for q in queries if "django_session" in q["sql"]], "the session was read from the database"


def test_a_signed_in_visitor_stays_signed_in_after_a_cache_flush(client, customer):
    client.force_login(customer)
    assert client.get(reverse("customer:profile-view")).status_code == 200
    cache.clear()
    response = client.get(reverse("customer:profile-view"))
    assert response.status_code == 200 and response.wsgi_request.user == customer


def test_a_signed_in_visitor_stays_signed_in_while_redis_is_down(client, customer, redis_down):
    client.force_login(customer)
    response = client.get(reverse("customer:profile-view"))
    assert response.status_code == 200 and response.wsgi_request.user == customer


def _a_product_url():
    from tests.shop.checkout.journey import buyable_products

    (product,) = buyable_products(1)
    return product.get_absolute_url()
