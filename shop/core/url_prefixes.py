"""Path prefixes of the parts of the site, derived from the URL configuration, never copied by hand.

Each part is named by one URL inside it; its prefix is the first segment of that URL as ``reverse()`` writes
it in every language (``/dashboard/`` and ``/en/dashboard/``), so moving a mount point in the URL
configuration moves the prefix with it. Who uses them: the back-office Content-Security-Policy
(``shop.core.csp``), the page cache's pages never cached (``shop.core.page_cache``) and robots.txt
(``shop.core.seo``). The URL configuration is not loaded at import time: each list is computed on first use
and kept per URL configuration and languages (a test's ``override_settings(ROOT_URLCONF=…)`` gets its own).
A part its URL configuration does not mount (no such URL name) has no prefix.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import NoReverseMatch, get_urlconf, reverse
from django.utils import translation

# One URL (name, args) inside each part.
BACK_OFFICES = (
    ("dashboard:index", ()),  # Oscar's dashboard and the producers' portal
    ("wagtailadmin_home", ()),  # Wagtail's admin
    ("admin:index", ()),  # Django's admin, where one is mounted
)
VISITOR_PAGES = (
    ("customer:summary", ()),  # the account
    ("basket:summary", ()),
    ("checkout:index", ()),
    ("order-lookup", ()),  # guest order lookup and invoices
    ("payments:vnpay-ipn", ()),  # payment pages, webhooks and IPNs
    ("selling:apply", ()),  # applying to sell, invitations
    ("address-wards", (10,)),  # the address forms' commune list (JSON)
)
ENDPOINTS = (
    ("set_language", ()),  # the language switch
    ("wagtaildocs_serve", (1, "x")),  # Wagtail's documents
)


def _mount(url, language):
    """The first segment of ``url`` after its language prefix: "/en/dashboard/x/" → "/en/dashboard/"."""
    head = f"/{language}/"
    if not url.startswith(head):
        head = "/"
    return head + url[len(head) :].split("/", 1)[0] + "/"


@lru_cache(maxsize=None)
def _prefixes(urls, urlconf, languages):
    prefixes = []
    for language in languages:
        with translation.override(language):
            for name, args in urls:
                try:
                    url = reverse(name, urlconf=urlconf, args=args)
                except NoReverseMatch:
                    continue
                prefix = _mount(url, language)
                if prefix not in prefixes:
                    prefixes.append(prefix)
    return tuple(prefixes)


def prefixes(urls):
    """The path prefixes of the parts ``urls`` name, in every language of the site (a tuple for startswith)."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _prefixes(tuple(urls), urlconf, tuple(code for code, _name in settings.LANGUAGES))


def back_office():
    """The Oscar dashboard (with the producers' portal) and the Wagtail admin."""
    return prefixes(BACK_OFFICES)


def private():
    """Pages for one person or for forms (back offices, account, basket, checkout, orders, payments, selling,
    the address lookup): kept out of search engines (robots.txt) and of the page cache."""
    return prefixes(BACK_OFFICES + VISITOR_PAGES)


def never_cached():
    """What the anonymous page cache leaves alone: private pages, the endpoints, static and media files."""
    return prefixes(BACK_OFFICES + VISITOR_PAGES + ENDPOINTS) + (settings.STATIC_URL, settings.MEDIA_URL)
