"""Production: refuses to start with DEBUG on or an insecure secret key."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import INSECURE_DEFAULT_SECRET_KEY, SECRET_KEY, env_bool, env_list

if env_bool("DEBUG", False):
    raise ImproperlyConfigured("DEBUG must be off in production (unset DEBUG).")
DEBUG = False

if (
    not SECRET_KEY
    or SECRET_KEY == INSECURE_DEFAULT_SECRET_KEY
    or len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or SECRET_KEY.startswith("django-insecure-")
):
    raise ImproperlyConfigured("Set SECRET_KEY to a long random value (at least 50 characters) for production.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS (comma-separated) for production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# HTTPS everywhere (the load balancer sets X-Forwarded-Proto).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
OSCAR_BASKET_COOKIE_SECURE = True
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Static files served by the application itself, compressed and cache-busted: WhiteNoise right after
# SecurityMiddleware, as its documentation asks (the request id and health probes stay before them).
_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1  # noqa: F405
MIDDLEWARE = [*MIDDLEWARE[:_security], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[_security:]]  # noqa: F405

# Log lines as JSON, one object a line (shop.core.logs), unless OCOP_LOG_FORMAT=text.
OCOP_LOG_FORMAT = os.environ.get("OCOP_LOG_FORMAT", "json")
LOGGING["handlers"]["console"]["formatter"] = OCOP_LOG_FORMAT  # noqa: F405

# The mail server the outbox delivers through (EMAIL_BACKEND is the outbox, settings/base.py).
OCOP_EMAIL_DELIVERY_BACKEND = os.environ.get(
    "OCOP_EMAIL_DELIVERY_BACKEND", os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
)
# Media and private files as settings/base.py configured them (local directories, or S3 buckets).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Behind a load balancer, list its addresses in OCOP_TRUSTED_PROXIES (settings/base.py): the login and lookup
# throttles then count the client's address it appends to X-Forwarded-For, not the balancer's. Nothing is
# trusted by default: a forged header from a client reaching the site directly changes nothing.
