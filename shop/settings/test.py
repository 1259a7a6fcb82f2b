"""pytest: PostgreSQL (started by scripts/services), fast hashing, media folders kept with the test database."""

import hashlib
import os
import tempfile
from pathlib import Path

import dj_database_url

from .base import *  # noqa: F401,F403
from .base import POSTGRES_OPTIONS

# Tests run against the real database. `make test` starts PostgreSQL and sets
# DATABASE_URL; running pytest without it is an error, not a silent SQLite run.
if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
    raise RuntimeError("Tests need PostgreSQL: run `make test`, or set DATABASE_URL=postgresql://… yourself.")
DATABASES = {"default": {**dj_database_url.parse(os.environ["DATABASE_URL"]), "OPTIONS": POSTGRES_OPTIONS}}

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Messages go through the outbox (EMAIL_BACKEND from base) and are delivered into mail.outbox.
OCOP_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The test database's files (the demo's pictures, certificate scans…) live beside that database, one folder per
# server, database and xdist worker: a run with pytest-django's --reuse-db finds the files its reused rows name, and
# tests/conftest.py empties the folder when the database is created afresh.
_test_db = DATABASES["default"]
_test_files_key = hashlib.sha1(
    f"{_test_db.get('HOST')}:{_test_db.get('PORT')}/{_test_db['NAME']}".encode(), usedforsecurity=False
).hexdigest()
TEST_FILES_ROOT = (
    Path(tempfile.gettempdir())
    / f"ocop-test-files-{_test_files_key[:12]}-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
)
MEDIA_ROOT = TEST_FILES_ROOT / "media"
PRIVATE_MEDIA_ROOT = TEST_FILES_ROOT / "private"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# The shared cache as in production: the Redis that `make test` starts (scripts/redis.sh sets REDIS_URL). Each
# process (each xdist worker) has its own key prefix, like its test database and indexes, and cache.clear()
# deletes only that prefix's keys (shop.core.cache), so parallel workers never see or drop each other's keys.
# Without REDIS_URL (pytest run by hand, no Redis started) an in-memory cache per process stands in; the tests
# that need Redis itself (tests/shop/test_shared_state.py) are then skipped. The page cache is off (tests
# change rows directly and roll them back, which no invalidation sees); its own tests turn it on.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "shop.core.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": f"ocop-test-{os.getpid()}",
            "OPTIONS": REDIS_CACHE_OPTIONS,  # noqa: F405
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Django's {% cache %} tag: the default cache, with each process's copies of its fragments in front (their keys hold
# the content version: shop/core/fragments.py).
CACHES["template_fragments"] = {"BACKEND": "shop.core.fragments.FragmentCache"}
# Tasks run inline where they are enqueued, so a test sees their effect; the queue itself — the database backend, the
# worker, retries and the scheduler — is tested against the real worker in tests/shop/test_jobs.py.
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[os.environ.get("OCOP_TASKS_BACKEND", "immediate")]}}
OCOP_PAGE_CACHE_SECONDS = 0

# Tests run against the Elasticsearch that `make test` starts (scripts/elasticsearch.sh);
# the database backend is tested by overriding this setting in its tests.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if not ELASTICSEARCH_URL:
    raise RuntimeError("Tests need Elasticsearch: run `make test`, or set ELASTICSEARCH_URL yourself.")
ELASTICSEARCH_INDEX_PREFIX = f"ocop-test-{os.getpid()}"
# A test that makes a search fail must not send the tests after it to the database: no cool-down here
# (the breaker's own tests, tests/shop/search/test_search_outage.py, set one).
OCOP_SEARCH_BREAKER_SECONDS = 0
# A test searches right after the write it made (production does not wait: shop/settings/base.py).
OCOP_SEARCH_WAIT_FOR_REFRESH = True

# The collecting account the VietQR tests expect (Vietcombank's BIN).
VIETQR_BANK_BIN = "970436"
VIETQR_BANK_NAME = "Vietcombank"
VIETQR_ACCOUNT_NUMBER = "0011004299999"
VIETQR_ACCOUNT_NAME = "CONG TY OCOP MARKET"
VNPAY_TMN_CODE = "OCOPTEST"
VNPAY_HASH_SECRET = "ocop-test-vnpay-secret"

# Stripe in tests talks to stripe-mock (scripts/stripe-mock.sh, started by `make test`), which accepts
# any sk_test_ key; webhook events are signed locally with this secret.
STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "")
if not STRIPE_API_BASE:
    raise RuntimeError(
        "Tests need stripe-mock: run `make test`, or start scripts/stripe-mock.sh and set STRIPE_API_BASE."
    )
STRIPE_SECRET_KEY = "sk_test_123ocopmarket"
STRIPE_PUBLISHABLE_KEY = "pk_test_123ocopmarket"
STRIPE_WEBHOOK_SECRET = "whsec_ocop_test_secret"

# Text messages are recorded in the outbox, not sent (shop.notifications.channels.RecordingSmsBackend).
OCOP_SMS_BACKEND = os.environ.get("OCOP_SMS_BACKEND", "shop.notifications.channels.RecordingSmsBackend")
