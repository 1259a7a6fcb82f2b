"""Settings shared by every environment.

Everything that differs between machines comes from the environment
(12-factor); the defaults here are safe for a laptop.
"""

import os
from decimal import Decimal
from email import utils as email
from pathlib import Path

import dj_database_url
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from oscar import INSTALLED_APPS as OSCAR_INSTALLED_APPS
from oscar.defaults import *  # noqa: F401,F403 — Oscar's settings are the base we override

from shop.core.storage import media_storages
from shop.core.themes import DEFAULT_THEME, theme_dirs
from shop.navigation import files_access, portal_access, wagtail_admin_access

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("OCOP_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Only for development and tests; production.py refuses to start with it.
INSECURE_DEFAULT_SECRET_KEY = "insecure-dev-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", INSECURE_DEFAULT_SECRET_KEY)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

# --- Applications ----------------------------------------------------------
# Oscar's app list, with our forks swapped in by AppConfig path. Forks keep
# Oscar's labels so get_class/get_model find them.
OSCAR_FORKS = {
    "oscar.config.Shop": "shop.config.OcopShop",
    "oscar.apps.catalogue.apps.CatalogueConfig": "catalogue.apps.CatalogueConfig",
    "oscar.apps.partner.apps.PartnerConfig": "shop.partner.apps.PartnerConfig",
    "oscar.apps.order.apps.OrderConfig": "shop.order.apps.OrderConfig",
    "oscar.apps.checkout.apps.CheckoutConfig": "shop.checkout.apps.CheckoutConfig",
    "oscar.apps.shipping.apps.ShippingConfig": "shop.shipping.apps.ShippingConfig",
    "oscar.apps.basket.apps.BasketConfig": "shop.basket.apps.BasketConfig",
    "oscar.apps.address.apps.AddressConfig": "shop.address.apps.AddressConfig",
    "oscar.apps.offer.apps.OfferConfig": "shop.offer.apps.OfferConfig",
    "oscar.apps.search.apps.SearchConfig": "shop.search.apps.SearchConfig",
    "oscar.apps.customer.apps.CustomerConfig": "shop.customer.apps.CustomerConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig": "shop.wishlists.apps.WishlistsConfig",
    "oscar.apps.dashboard.apps.DashboardConfig": "shop.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.catalogue.apps.CatalogueDashboardConfig": "shop.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig": "shop.dashboard.orders.apps.OrdersDashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig": "shop.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig": "shop.dashboard.users.apps.UsersDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig": "shop.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig": "shop.dashboard.vouchers.apps.VouchersDashboardConfig",
}
# Haystack has no Elasticsearch 8 backend; our search app replaces it.
OSCAR_APPS_DROPPED = {"haystack"}

INSTALLED_APPS = [
    "shop.users",
    "shop.core",
    "shop.notifications",
    "shop.jobs",
    "shop.registry",  # the provinces' counts of certified OCOP products (the figures' denominator)
    "shop.einvoice",  # e-invoice data, XML export and the provider boundary (shop/einvoice)
    "django_tasks",
    "django_tasks_db",  # the task queue: a table in the database, run by `manage.py db_worker` (shop/jobs)
    *[OSCAR_FORKS.get(app, app) for app in OSCAR_INSTALLED_APPS if app not in OSCAR_APPS_DROPPED],
    # Our dashboard apps, one per audience (shop/dashboard/apps.py includes them).
    "shop.dashboard.review.apps.ReviewDashboardConfig",
    "shop.dashboard.finance.apps.FinanceDashboardConfig",
    "shop.dashboard.operations.apps.OperationsDashboardConfig",
    "shop.dashboard.portal.apps.PortalDashboardConfig",
    "sorl.thumbnail",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",  # editors' "Translate" action: copies a page to English
    "django.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Ours
    "cms",
    "payments",
]

SITE_ID = 1
AUTH_USER_MODEL = "users.User"

MIDDLEWARE = [
    "shop.core.request_id.RequestIdMiddleware",  # first: every log line of the request carries its id
    "shop.core.health_views.HealthProbeMiddleware",  # /healthz and /readyz, before host checks and sessions
    "shop.core.request_memo.RequestMemoMiddleware",  # tariff and offer ranges read once per request
    "django.middleware.security.SecurityMiddleware",
    # HTML and JSON gzipped for phones on slow connections (a list page: 79 KB → about 9 KB). Outside the
    # page cache, so cached pages are stored once and compressed per response; production puts WhiteNoise
    # before it, which serves (pre-compressed) static files without reaching it. Django's gzip pads its
    # output against BREACH and our CSRF tokens are masked per response.
    "django.middleware.gzip.GZipMiddleware",
    "shop.core.csp.ContentSecurityPolicyMiddleware",  # the storefront's CSP (outside the back offices)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "shop.core.page_cache.AnonymousPageCacheMiddleware",  # after CSRF, locale and messages (see its module)
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "shop.users.throttling.LoginThrottleMiddleware",  # login and password-reset doors
    "oscar.apps.basket.middleware.BasketMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "shop.urls"
WSGI_APPLICATION = "shop.wsgi.application"

AUTHENTICATION_BACKENDS = [
    "shop.users.throttling.LockoutBackend",  # first: a locked account or address is refused at every door
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# --- Themes ----------------------------------------------------------------
# OCOP_THEME picks the theme; templates and static files not found in it
# fall back to the "default" theme, then to the apps (Oscar, Wagtail).
THEMES_DIR = BASE_DIR / "themes"
THEME_DIRS = theme_dirs(THEMES_DIR, os.environ.get("OCOP_THEME", DEFAULT_THEME))
OCOP_THEME = THEME_DIRS[0].name

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [theme / "templates" for theme in THEME_DIRS],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "shop.search.context_processors.search_form",
                "shop.core.context_processors.notifications",  # Oscar's, counted only when shown
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.core.context_processors.metadata",
                "shop.core.context_processors.site_chrome",
                "shop.basket.context_processors.basket_badge",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Cache: shared by every worker process ---------------------------------
# The page cache's invalidation and the login/lookup throttles must be seen by every worker: Redis when
# REDIS_URL is set (production, the benchmarks), else a file cache on this machine (`make run`). When Redis is
# unreachable the site answers without it (shop/core/cache.py): short timeouts, so an outage costs milliseconds.
REDIS_CACHE_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 1.0}
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "shop.core.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("OCOP_CACHE_KEY_PREFIX", "ocop"),
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "shop.core.cache.MachineFileCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
# Django's {% cache %} tag: the default cache, with each process's copies of its fragments in front (their keys hold
# the content version: shop/core/fragments.py).
CACHES["template_fragments"] = {"BACKEND": "shop.core.fragments.FragmentCache"}
# Sessions are kept in PostgreSQL and read through the shared cache (``cached_db``): a signed-in page costs no
# session query, and a Redis restart or a cache flush still signs nobody out nor empties a checkout in progress
# (a miss reads the database row).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Whole pages for anonymous visitors (shop/core/page_cache.py), at most this many seconds old; 0 = off.
OCOP_PAGE_CACHE_SECONDS = int(os.environ.get("OCOP_PAGE_CACHE_SECONDS", 300))
# Parts of a cached page's key for what changes on the clock without an announcement (shop/core/page_cache.py):
# the site offers open now (a campaign starting or ending at its time changes the prices cards show).
OCOP_PAGE_CACHE_KEY_PARTS = ["shop.offer.campaign.offers_key"]

# --- Security --------------------------------------------------------------
# Every response (SecurityMiddleware); production.py adds HSTS and secure cookies.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Throttles (shop/core/throttle.py): name → (events allowed, per this many seconds), counted per key.
OCOP_THROTTLES = {
    "login-account": (5, 15 * 60),  # failed logins per account (email), every login door
    "login-ip": (20, 15 * 60),  # failed logins per client address
    "password-reset-account": (3, 60 * 60),  # reset emails asked for per email, existing or not
    "password-reset-ip": (10, 60 * 60),  # reset emails asked for per client address
    "view-password-ip": (10, 15 * 60),  # wrong page or document privacy passwords per client address
    "order-lookup": (10, 15 * 60),  # failed guest order lookups per client address and per session
    "registration-ip": (10, 60 * 60),  # registrations and resent confirmation links per client address
    "guest-orders-ip": (
        int(os.environ.get("OCOP_GUEST_ORDERS_PER_IP", 10)),
        60 * 60,
    ),  # guest orders placed per client address
    "guest-orders-email": (int(os.environ.get("OCOP_GUEST_ORDERS_PER_EMAIL", 5)), 60 * 60),  # guest orders per email
    "claim-account": (5, 60 * 60),  # claim codes sent and wrong registration numbers per account (claiming)
    "claim-producer": (3, 60 * 60),  # claim codes sent per registry stub, whoever asks (its owner's phone)
}
# Addresses or networks of the proxies (load balancers) in front of the site, comma-separated: only a request
# coming from one of them has its X-Forwarded-For read for the client's address (shop.core.throttle.client_ip).
# Empty (the default everywhere, production included): REMOTE_ADDR is the client.
OCOP_TRUSTED_PROXIES = env_list("OCOP_TRUSTED_PROXIES")

# --- Database --------------------------------------------------------------
DEFAULT_DATABASE_URL = f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
# No JIT compilation: PostgreSQL compiles any query its planner costs high (the programme figures' grouped
# subqueries at national size), which took ~1 s of a 1.3 s query (bench/national_scale.py); the shop's are short.
POSTGRES_OPTIONS = {"options": "-c jit=off"}
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL), conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has no row locks: take the write lock when a transaction starts (placing an order
    # checks and reserves stock in one), and wait for it instead of failing "database is locked".
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 30}
    # The file's folder (var/ by default) is made here, so `manage.py migrate` works in a fresh clone.
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["OPTIONS"] = POSTGRES_OPTIONS
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

# --- Internationalisation: Vietnamese first --------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# locale/: our strings' English and corrections of Oscar's and Wagtail's Vietnamese (first: they win);
# locale/wagtail/: the Vietnamese of Wagtail's strings its own catalogues lack (scripts/wagtail_missing_vi.py).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "ocop_language"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Slugs are ASCII; Vietnamese letters are folded (đ → d) by shop.core.text.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# --- Money: VND only, no minor unit ----------------------------------------
OSCAR_DEFAULT_CURRENCY = "VND"
# Babel pattern: dot thousands (Vietnamese locale), no decimals, symbol after a no-break space (U+00A0), so
# "450.000 ₫" never breaks before the "₫" on a narrow screen, in a table cell or a mail.
# The locale is fixed so English pages show the same Vietnamese amount.
OSCAR_CURRENCY_FORMAT = {
    "VND": {"format": "#,##0\u00a0¤", "locale": "vi_VN", "currency_digits": False},
}

# --- Oscar -----------------------------------------------------------------
OSCAR_SHOP_NAME = "OCOP Market"
OSCAR_SHOP_TAGLINE = _("Sản phẩm OCOP Lào Cai")
OSCAR_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@ocop.example.vn")
OSCAR_SLUG_FUNCTION = "shop.core.text.ascii_slugify"
OSCAR_ALLOW_ANON_CHECKOUT = True
# Reviews: only buyers (catalogue.models.Product.is_review_permitted), shown once an administrator approves.
OSCAR_ALLOW_ANON_REVIEWS = False
OSCAR_MODERATE_REVIEWS = True
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_IMAGE_FOLDER = "images/products/%Y/%m/"
OSCAR_MISSING_IMAGE_URL = "image_not_found.jpg"
# One full-name field, the street, the commune/ward and province codes (shop/address), a phone.
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "line1", "province_code", "ward_code", "phone_number")
# The Wagtail home page, in the visitor's language ("/" or "/en/").
OSCAR_HOMEPAGE = reverse_lazy("wagtail_serve", args=[""])
OSCAR_THUMBNAILER = "oscar.core.thumbnails.SorlThumbnail"
THUMBNAIL_KVSTORE = "shop.core.thumbnails.KVStore"  # sorl's cached-db store without a race between workers


def _portal_entry(label, url_name):
    return {"label": label, "url_name": url_name, "access_fn": portal_access}


OSCAR_DASHBOARD_NAVIGATION = [
    *OSCAR_DASHBOARD_NAVIGATION,  # noqa: F405
    {
        # The producers' portal: shown to those who work for a producer (shop.navigation.portal_access).
        "label": _("Cơ sở của tôi"),
        "icon": "fas fa-store",
        "children": [
            _portal_entry(_("Tổng quan"), "dashboard:portal-home"),
            _portal_entry(_("Đơn hàng"), "dashboard:portal-orders"),
            _portal_entry(_("Sản phẩm của tôi"), "dashboard:portal-products"),
            _portal_entry(_("Giá và tồn kho"), "dashboard:portal-stock-prices"),
            _portal_entry(_("Giấy chứng nhận OCOP, gửi duyệt"), "dashboard:ocop-my-products"),
            _portal_entry(_("Doanh số"), "dashboard:portal-sales"),
            _portal_entry(_("Tệp xuất và nhập"), "dashboard:ocop-files"),
            _portal_entry(_("Đối soát, thanh toán"), "dashboard:portal-settlements"),
            _portal_entry(_("Người dùng của cơ sở"), "dashboard:portal-team"),
            _portal_entry(_("Hồ sơ cơ sở"), "dashboard:portal-profile"),
            _portal_entry(_("Tài khoản nhận tiền"), "dashboard:portal-payout-account"),
        ],
    },
    # The OCOP back office, one menu per audience like its apps (shop/dashboard/review|finance|operations). No
    # access_fn: Oscar's default shows an entry only to those its app's permissions_map lets in, and a menu
    # only if one of its entries is shown.
    {
        "label": _("Duyệt OCOP"),
        "icon": "fas fa-star",
        "children": [
            {"label": _("Duyệt sản phẩm"), "url_name": "dashboard:ocop-review-queue"},
            {"label": _("Sản phẩm không có giấy chứng nhận còn hiệu lực"), "url_name": "dashboard:ocop-uncertified"},
            {"label": _("Thu hồi giấy chứng nhận"), "url_name": "dashboard:ocop-revocations"},
            {"label": _("Giấy chứng nhận vi phạm quy định"), "url_name": "dashboard:ocop-certificate-checks"},
            {"label": _("Xác minh chủ thể"), "url_name": "dashboard:ocop-producers"},
            {"label": _("Xác minh tài khoản nhận tiền"), "url_name": "dashboard:ocop-payout-accounts"},
            {"label": _("Nhập liệu hỗ trợ"), "url_name": "dashboard:ocop-assistants"},
            {"label": _("Niêm yết theo xã/phường"), "url_name": "dashboard:ocop-communes"},
            {"label": _("Số liệu chương trình"), "url_name": "dashboard:ocop-figures"},
            {"label": _("Nhập danh sách OCOP của tỉnh"), "url_name": "dashboard:ocop-registry-import"},
            {"label": _("Cán bộ theo tỉnh"), "url_name": "dashboard:ocop-officers"},
            {
                "label": _("Tệp xuất và nhập"),
                "url_name": "dashboard:ocop-files",
                "access_fn": files_access("catalogue.review_ocop_product"),
            },
        ],
    },
    {
        "label": _("Tài chính"),
        "icon": "fas fa-money-bill",
        "children": [
            {"label": _("Thanh toán của khách"), "url_name": "dashboard:ocop-payments"},
            {"label": _("Nhập sao kê ngân hàng"), "url_name": "dashboard:ocop-payment-statement"},
            {
                "label": _("Tệp xuất và nhập"),
                "url_name": "dashboard:ocop-files",
                "access_fn": files_access("payments.change_payment"),
            },
            {"label": _("Đối soát với chủ thể"), "url_name": "dashboard:ocop-settlements"},
        ],
    },
    {
        "label": _("Vận hành"),
        "icon": "fas fa-truck",
        "children": [
            {"label": _("Phí vận chuyển"), "url_name": "dashboard:ocop-shipping"},
        ],
    },
    {
        "label": _("Nội dung (Wagtail)"),
        "icon": "fas fa-newspaper",
        "url_name": "wagtailadmin_home",
        "access_fn": wagtail_admin_access,
    },
]

# Image files are deleted after the deletion commits (catalogue/receivers.py), not inside it.
OSCAR_DELETE_IMAGE_FILES = False

# --- Orders: each producer moves its own lines; the order's status follows (shop/core/order_statuses.py)
from shop.core import order_statuses as _order_statuses  # noqa: E402 — a plain module, no models

OSCAR_INITIAL_ORDER_STATUS = _order_statuses.ORDER_PENDING
OSCAR_INITIAL_LINE_STATUS = _order_statuses.LINE_PENDING
OSCAR_ORDER_STATUS_PIPELINE = _order_statuses.ORDER_PIPELINE
OSCAR_LINE_STATUS_PIPELINE = _order_statuses.LINE_PIPELINE

# --- Producers: onboarding consent, settlements ----------------------------
# The versions of the documents an applicant agrees to; bump when the text changes.
OCOP_TERMS_VERSION = os.environ.get("OCOP_TERMS_VERSION", "2026-01")
OCOP_PERSONAL_DATA_NOTICE_VERSION = os.environ.get("OCOP_PERSONAL_DATA_NOTICE_VERSION", "2026-01")
# Platform commission on each producer's sales (a fraction).
OCOP_PLATFORM_COMMISSION_RATE = Decimal(os.environ.get("OCOP_PLATFORM_COMMISSION_RATE", "0.05"))
# The platform operator that withholds and declares (printed on withholding vouchers and the declaration).
OCOP_PLATFORM_OPERATOR = {
    "name": os.environ.get("OCOP_OPERATOR_NAME", "Sàn thương mại điện tử OCOP Market"),
    "tax_code": os.environ.get("OCOP_OPERATOR_TAX_CODE", ""),
    "address": os.environ.get("OCOP_OPERATOR_ADDRESS", ""),
}
# Withholding rates (Decree 117/2025/NĐ-CP) depend on the line's business category and the date: they
# live in one dated table, payments/tax_rates.py, not in settings.

# --- Wagtail ---------------------------------------------------------------
WAGTAIL_SITE_NAME = "OCOP Market"
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# Editors choose the admin's language among the site's two (Wagtail offers every language it has a catalogue for).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The admin asks no third-party host for anything (issue 17, shop/core/csp.py's back-office policy):
# no Gravatar avatars (initials instead), no release check against releases.wagtail.io, no "what's new"
# banner pointing at wagtail.org.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Wagtail checks an image's content against its extension; these bound its size (decompression bombs:
# Pillow's own limit is set from shop.core.uploads at start-up, shop/core/apps.py).
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Documents: these kinds only, checked by content (cms/document_forms.py), downloaded as attachments
# except PDF and plain text.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.document_forms.DocumentForm"

# --- Search (Elasticsearch in production and CI; database otherwise) -------
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
# Indexes are named "<prefix>-products" (an alias) so several sites or test runs can share a server.
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "ocop")
# Storefront queries (not indexing) give up connecting after this many seconds and answering after this many,
# without retries; after a failure they use the database for this many seconds (shop/search/breaker.py).
OCOP_SEARCH_CONNECT_TIMEOUT = float(os.environ.get("OCOP_SEARCH_CONNECT_TIMEOUT", 0.5))
OCOP_SEARCH_TIMEOUT = float(os.environ.get("OCOP_SEARCH_TIMEOUT", 2))
OCOP_SEARCH_BREAKER_SECONDS = float(os.environ.get("OCOP_SEARCH_BREAKER_SECONDS", 30))
# Whether a write to the search index waits for Elasticsearch's next refresh (up to its 1 s interval) before the
# worker's task returns. Off in production: a waiting task held the one worker ~0.5 s per order in the soak, and
# the change is searchable within the refresh interval anyway. The tests turn it on to search right after a write.
OCOP_SEARCH_WAIT_FOR_REFRESH = os.environ.get("OCOP_SEARCH_WAIT_FOR_REFRESH", "0") == "1"

# --- Payments ----------------------------------------------------------------
# The methods this deployment offers, in the order shown at checkout. A method whose settings are
# missing (keys, bank account) is left out instead of failing: see payments.registry.
OCOP_PAYMENT_METHODS = [
    m.strip() for m in os.environ.get("OCOP_PAYMENT_METHODS", "cod,vietqr,stripe,vnpay").split(",") if m.strip()
]
# Unpaid online orders (VietQR, card, VNPay) give their stock back after this long.
OCOP_UNPAID_ORDER_HOURS = {"vietqr": 48, "stripe": 2, "vnpay": 2}
# Cash on delivery holds stock without money (payments.cod_limits): per order, and per buyer over all their
# open unpaid COD orders (a buyer = same email, delivery phone, delivery address or client address), at most
# this many units / this much (đồng) / this many orders. Above it COD is refused; paying online stays open.
OCOP_COD_LIMITS = {
    "order_units": int(os.environ.get("OCOP_COD_ORDER_UNITS", 30)),
    "order_value": int(os.environ.get("OCOP_COD_ORDER_VALUE", 5_000_000)),
    "buyer_units": int(os.environ.get("OCOP_COD_BUYER_UNITS", 60)),
    "buyer_value": int(os.environ.get("OCOP_COD_BUYER_VALUE", 10_000_000)),
    "buyer_open_orders": int(os.environ.get("OCOP_COD_BUYER_OPEN_ORDERS", 5)),
}
# COD lines a producer has not confirmed this many hours after the order are cancelled and their stock
# returns (shop.order.expiry.release_unconfirmed_cod_orders).
OCOP_COD_CONFIRM_HOURS = int(os.environ.get("OCOP_COD_CONFIRM_HOURS", 48))
# A placed line taking more than this share of the stock that was available (and at least min_units) is
# reported to its producer and the office (shop.order.stock_share).
OCOP_LARGE_ORDER_SHARE = {
    "share": float(os.environ.get("OCOP_LARGE_ORDER_SHARE", 0.5)),
    "min_units": int(os.environ.get("OCOP_LARGE_ORDER_MIN_UNITS", 5)),
}
# The provincial OCOP office's addresses for such reports, comma-separated; empty: the active superusers.
OCOP_OFFICE_EMAILS = env_list("OCOP_OFFICE_EMAILS")
# The platform's collecting bank account, shown as a VietQR code (the bank's 6-digit NAPAS BIN).
VIETQR_BANK_BIN = os.environ.get("VIETQR_BANK_BIN", "")
VIETQR_BANK_NAME = os.environ.get("VIETQR_BANK_NAME", "")
VIETQR_ACCOUNT_NUMBER = os.environ.get("VIETQR_ACCOUNT_NUMBER", "")
VIETQR_ACCOUNT_NAME = os.environ.get("VIETQR_ACCOUNT_NAME", "")
VNPAY_TMN_CODE = os.environ.get("VNPAY_TMN_CODE", "")
VNPAY_HASH_SECRET = os.environ.get("VNPAY_HASH_SECRET", "")
VNPAY_PAYMENT_URL = os.environ.get("VNPAY_PAYMENT_URL", "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html")
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = os.environ.get("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "")  # stripe-mock in tests

# --- Email -----------------------------------------------------------------
# Every email goes through the outbox (shop.notifications): EMAIL_BACKEND writes rows; the outbox delivers them
# after commit through OCOP_EMAIL_DELIVERY_BACKEND (the mail server). Only error mails to ADMINS go direct.
EMAIL_BACKEND = "shop.notifications.backends.OutboxBackend"
# Who gets the server-error mails: OCOP_ADMINS="Tên <email>, other@example.vn" (comma-separated).
ADMINS = [email.parseaddr(entry) for entry in os.environ.get("OCOP_ADMINS", "").split(",") if email.parseaddr(entry)[1]]
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@ocop.example.vn"))
OCOP_EMAIL_DELIVERY_BACKEND = os.environ.get(
    "OCOP_EMAIL_DELIVERY_BACKEND", os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
)
# The SMS provider (shop.notifications.channels.SmsChannel): a class with send(phone, text); the default records only.
# Empty: no provider, so nothing is offered by text message (claim codes and invitations go by email only);
# development and tests use the recording backend (settings/dev.py, test.py).
OCOP_SMS_BACKEND = os.environ.get("OCOP_SMS_BACKEND", "")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = OSCAR_FROM_EMAIL

# --- Static and media ------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [theme / "static" for theme in THEME_DIRS if (theme / "static").is_dir()]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Personal papers (business registration scans): never published; see shop/core/storage.py.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
# Media ("default") and private files ("private"): these directories, or S3-compatible buckets when
# OCOP_MEDIA_S3_BUCKET is set (shop.core.storage.media_storages lists the variables).
STORAGES = {
    **media_storages(os.environ),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Tasks (django-tasks backport, a Wagtail dependency) -------------------
# Background work goes to the database queue and runs in `manage.py db_worker` (shop/jobs: retries, the scheduler).
# OCOP_TASKS_BACKEND=immediate runs each task inline where it is enqueued (the tests' default, the benchmarks' peer).
TASKS_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[os.environ.get("OCOP_TASKS_BACKEND", "database")]}}
# A task RUNNING longer than this is presumed lost with its worker and requeued (shop/jobs/retries.py).
OCOP_TASK_LOST_AFTER_SECONDS = int(os.environ.get("OCOP_TASK_LOST_AFTER_SECONDS", 30 * 60))

# --- Operations: health probes and logs (docs/DEPLOY.md) ---------------------
# /readyz (shop.core.health): each check's time limit, and how long a task may wait in the queue before the
# queue is reported behind. The checks' names and states are shown only to a request carrying this token in
# X-Health-Token; empty: never shown.
OCOP_HEALTH_TIMEOUT = float(os.environ.get("OCOP_HEALTH_TIMEOUT", 2))
OCOP_HEALTH_QUEUE_MINUTES = int(os.environ.get("OCOP_HEALTH_QUEUE_MINUTES", 10))
OCOP_HEALTH_TOKEN = os.environ.get("OCOP_HEALTH_TOKEN", "")
# Log lines: "text" (readable; the default here) or "json" (one object a line, shop.core.logs; production's
# default). Either way each line carries the request id (shop.core.request_id).
OCOP_LOG_FORMAT = os.environ.get("OCOP_LOG_FORMAT", "text")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        "request_context": {"()": "shop.core.request_id.RequestContextFilter"},
    },
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "shop.core.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request_context"], "formatter": OCOP_LOG_FORMAT},
        # Django's error mails to ADMINS, sent direct, not through the outbox (shop/notifications/admin_errors.py).
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "shop.notifications.admin_errors.DirectAdminEmailHandler",
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Per-object chatter (stock alerts, page revisions, task runs, each Elasticsearch request) only when asked for.
    "loggers": {
        **{
            name: {"level": os.environ.get("LIBRARY_LOG_LEVEL", "WARNING")}
            for name in ("oscar", "wagtail", "django_tasks", "elastic_transport")
        },
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
    },
}

# Oscar's own search views import Haystack at module level; our search app
# replaces them, but Oscar's class loader still imports its module, so Haystack
# gets a harmless engine it never uses.
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
