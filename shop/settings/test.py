"""pytest: PostgreSQL (started by scripts/services), fast hashing, throwaway media."""

import os
import tempfile
from pathlib import Path

import dj_database_url

from .base import *  # noqa: F401,F403

# Tests run against the real database. `make test` starts PostgreSQL and sets
# DATABASE_URL; running pytest without it is an error, not a silent SQLite run.
if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
    raise RuntimeError("Tests need PostgreSQL: run `make test`, or set DATABASE_URL=postgresql://… yourself.")
DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="ocop-test-media-"))
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="ocop-test-private-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# One process: an in-memory cache, empty at each run. The page cache is off (tests change rows
# directly and roll them back, which no invalidation sees); its own tests turn it on.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
OCOP_PAGE_CACHE_SECONDS = 0

# Tests run against the Elasticsearch that `make test` starts (scripts/elasticsearch.sh);
# the database backend is tested by overriding this setting in its tests.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if not ELASTICSEARCH_URL:
    raise RuntimeError("Tests need Elasticsearch: run `make test`, or set ELASTICSEARCH_URL yourself.")
ELASTICSEARCH_INDEX_PREFIX = f"ocop-test-{os.getpid()}"

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
