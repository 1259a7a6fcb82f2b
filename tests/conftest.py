import os
import re
import shutil

import psycopg
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connections
from django.utils import translation

from cms.demo import loader
from shop.search import indexing, pages

# "1.234.567 ₫": dot thousands, no decimals, the đồng sign after a no-break space (U+00A0).
VND_AMOUNT = re.compile(r"\b\d{1,3}(?:\.\d{3})+\u00a0₫")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo market, loaded once into the PostgreSQL test database and indexed. Under pytest-xdist each
    worker has its own test database (pytest-django adds ``_gw0``, …) and its own indexes (the settings'
    ELASTICSEARCH_INDEX_PREFIX carries the process id); the session's indexes and snapshot go at its end."""
    with django_db_blocker.unblock():
        if not loader.demo_loaded():  # a database created for this session: no file of an earlier one lingers
            _empty_test_files()
        loader.load_demo_data()
        indexing.rebuild()
        pages.rebuild()
    _DemoSnapshot.take()
    yield
    _drop_session_indexes()
    _DemoSnapshot.drop()
    from django.core.cache import cache

    cache.clear()  # this process's keys only (its own KEY_PREFIX in a shared Redis: settings/test.py)


def _empty_test_files():
    """The folders of the test database's files (shop/settings/test.py), emptied when that database is new. A
    database kept by ``--reuse-db`` keeps its files: its demo rows name them, and the loader does not draw a
    picture again for a product that exists."""
    for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT):
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(root)


def _drop_session_indexes():
    """This process's Elasticsearch indexes (by name: wildcard deletes are refused by default)."""
    if not indexing.enabled():
        return
    es = indexing.client()
    for name in es.indices.get(index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*", expand_wildcards="all"):
        es.options(ignore_status=404).indices.delete(index=name)


class _DemoSnapshot:
    """A copy of the test database with the demo loaded (a PostgreSQL template database).

    Most tests run inside a transaction that is rolled back. Tests that need committed data —
    several threads or connections racing, ``django_db(transaction=True)`` — end with pytest-django
    emptying every table, which would take the demo away from the tests after them: the hook below
    puts this copy back after each such test."""

    @staticmethod
    def _admin(action):
        settings = connections["default"].settings_dict
        connections.close_all()
        params = {
            "host": settings["HOST"],
            "port": settings["PORT"],
            "user": settings["USER"],
            "password": settings["PASSWORD"],
            "dbname": "postgres",
            "autocommit": True,
        }
        with psycopg.connect(**{k: v for k, v in params.items() if v not in (None, "")}) as admin:
            action(admin, settings["NAME"], f"{settings['NAME']}_demo_snapshot")

    @classmethod
    def take(cls):
        def copy(admin, name, snapshot):
            admin.execute(f'DROP DATABASE IF EXISTS "{snapshot}"')
            admin.execute(f'CREATE DATABASE "{snapshot}" TEMPLATE "{name}"')

        cls._admin(copy)

    @classmethod
    def drop(cls):
        cls._admin(lambda admin, _name, snapshot: admin.execute(f'DROP DATABASE IF EXISTS "{snapshot}"'))

    @classmethod
    def restore(cls):
        def restore(admin, name, snapshot):
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{snapshot}"')

        cls._admin(restore)


@pytest.hookimpl(tryfirst=True)  # before `-m "not slow"` deselects
def pytest_collection_modifyitems(config, items):
    """The browser journeys (tests/e2e) are ``slow`` too; slow tests go first, so that in a parallel run
    they start at once on their workers instead of ending the run one after the other."""
    for item in items:
        if item.nodeid.startswith("tests/e2e/"):
            item.add_marker(pytest.mark.slow)
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)  # stable: the rest keeps its order


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    if nextitem is None:
        # The session's last test: its fixtures, the test database among them, are already torn down
        # (the connection names the non-test database again), and nothing comes after that needs the demo.
        return
    marker = item.get_closest_marker("django_db")
    transactional = marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    if transactional or "transactional_db" in getattr(item, "fixturenames", ()):
        _DemoSnapshot.restore()


@pytest.fixture(autouse=True)
def search_index_restored(monkeypatch):
    """Each test's database changes are rolled back, but the documents it reindexed would stay in the
    session's Elasticsearch index and mislead later tests: snapshot every document before its first
    update in the test, and put the snapshots back afterwards (rollback order does not matter)."""
    if not indexing.enabled():
        yield
        return
    saved, update_products = {}, indexing.update_products

    def snapshot_then_update(product_ids):
        es, alias = indexing.client(), indexing.index_name()
        for pk in product_ids:
            if pk not in saved:
                found = es.options(ignore_status=404).get(index=alias, id=pk)
                saved[pk] = found["_source"] if found.get("found") else None
        return update_products(product_ids)

    monkeypatch.setattr(indexing, "update_products", snapshot_then_update)
    yield
    es, alias = indexing.client(), indexing.index_name()
    for pk, source in saved.items():
        if source is None:
            es.options(ignore_status=404).delete(index=alias, id=pk, refresh="wait_for")
        else:
            es.index(index=alias, id=pk, document=source, refresh="wait_for")


@pytest.fixture(autouse=True)
def throttle_counters_cleared():
    """Throttle counters (guest orders per client address among them) live in the cache: each test starts with
    none, as if its orders were the first of the hour. With Redis, only this worker's keys go (shop.core.cache)."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(scope="session", autouse=True)
def email_through_the_outbox(django_test_environment):
    """Every email goes through the outbox, as on the site: pytest-django set ``EMAIL_BACKEND`` to locmem; the
    outbox delivers into ``mail.outbox`` (``OCOP_EMAIL_DELIVERY_BACKEND``, settings/test.py) after commit."""
    settings.EMAIL_BACKEND = "shop.notifications.backends.OutboxBackend"


@pytest.fixture(autouse=True)
def vietnamese_by_default():
    """Each test starts in the site's default language, as a new visitor does."""
    translation.activate("vi")
    yield
    translation.activate("vi")


@pytest.fixture
def staff_user(db):
    return get_user_model().objects.get(email=loader.STAFF_EMAIL)


@pytest.fixture
def reviewer_client(client):
    """The test client signed in as the demo OCOP reviewer (review permission, no order permission)."""
    client.force_login(get_user_model().objects.get(email=loader.REVIEWER_EMAIL))
    return client


@pytest.fixture
def reviewer(db):
    """The demo OCOP reviewer (staff with the review permission, no order permission)."""
    return get_user_model().objects.get(email=loader.REVIEWER_EMAIL)


@pytest.fixture
def producer_user(db):
    return get_user_model().objects.get(email=loader.PRODUCER_EMAIL)


@pytest.fixture
def customer(db):
    return get_user_model().objects.create_user(
        email="khach@example.vn", password="mat-khau-2026", last_name="Trần Thị", first_name="Lan"
    )
