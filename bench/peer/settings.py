"""Settings of the stock django-oscar peer of the load benchmark (issue 20): Oscar as its documentation builds it.

Written from Oscar 4.2's "Building your own shop" (``docs/source/internals/getting_started.rst``) and
``oscar/defaults.py``: Oscar's default settings and its own templates, its core apps and the third-party apps it
depends on, Haystack's simple backend (no search engine), sessions in the database. Production-like where the
load run needs it: DEBUG off, a local-memory cache (no page cache), no WhiteNoise (static files are not measured).

Environment: ``PEER_DATABASE_URL`` (required; ``sqlite:////tmp/peer.sqlite3`` or the bench's PostgreSQL),
``SECRET_KEY`` (bench/common.sh exports one; every gunicorn worker must share it, since Oscar signs the basket
cookie), ``ALLOWED_HOSTS``, ``PEER_VAR_DIR`` (media and static roots; a directory under /tmp by default).
"""

import os
import secrets
import tempfile
from pathlib import Path

import dj_database_url
from oscar.defaults import *  # noqa: F401,F403

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("PEER_VAR_DIR") or Path(tempfile.gettempdir()) / "ocop-bench-peer")

DEBUG = False
SECRET_KEY = os.environ.get("PEER_SECRET_KEY") or os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50)
ALLOWED_HOSTS = [host for host in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if host]
ALLOWED_HOSTS += ["testserver"]  # Django's test client (the light checks of the peer)

# The docs recommend ATOMIC_REQUESTS; persistent connections as our site has them (shop/settings/base.py),
# so the comparison is of the applications, not of connection set-up.
DATABASES = {
    "default": dj_database_url.parse(os.environ["PEER_DATABASE_URL"], conn_max_age=60),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "oscar.apps.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "oscar.apps.shipping.apps.ShippingConfig",
    "oscar.apps.catalogue.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "oscar.apps.partner.apps.PartnerConfig",
    "oscar.apps.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "oscar.apps.order.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    "oscar.apps.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "oscar.apps.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig",
    "oscar.apps.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    # Third-party apps that Oscar depends on.
    "widget_tweaks",
    "haystack",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
]
SITE_ID = 1

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.template.context_processors.i18n",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
            ],
        },
    },
]

AUTHENTICATION_BACKENDS = [
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "bench.peer.urls"
WSGI_APPLICATION = "bench.peer.wsgi.application"

# Haystack's simple backend, "if you're happy with basic search for now" (no search engine) — except that with
# Oscar 4.2.1 it lists no product at all (bench/peer/search_backend.py says why); ``PEER_SEARCH=simple`` keeps
# the docs' engine as it is, the default is the same backend with Oscar's listing filters applied in SQL.
HAYSTACK_CONNECTIONS = {
    "default": {
        "ENGINE": "haystack.backends.simple_backend.SimpleEngine"
        if os.environ.get("PEER_SEARCH") == "simple"
        else "bench.peer.search_backend.ListingEngine"
    }
}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Two languages, so the i18n URLs and Oscar's language form are in play as on our site (vi, en).
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en-gb", "English")]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True

OSCAR_SHOP_NAME = "Oscar (peer)"
OSCAR_DEFAULT_CURRENCY = "VND"
# Guests check out, as on our site (the place-order benchmark's buyers are guests): Oscar's own setting.
OSCAR_ALLOW_ANON_CHECKOUT = True
# Oscar sends the order confirmation inside the place-order request; the benchmark renders it and sends nowhere.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or "django.core.mail.backends.dummy.EmailBackend"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
