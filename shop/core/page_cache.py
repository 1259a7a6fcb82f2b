"""Whole-page cache for anonymous visitors of the storefront.

Most visitors arrive without an account, a basket or a message waiting: for them a page (home, a
category, a product, a search) is the same for everybody who speaks the same language, so it is
rendered once and served from the cache until something it shows changes.

What may be served from the cache (``is_cacheable_request``): a GET or HEAD of a storefront page by a
visitor whose cookies are only the CSRF cookie, the language cookie and Oscar's recently-viewed list
(part of the key: the product page shows that list). Anyone with a session (signed in, messages,
checkout), a basket cookie or a messages cookie gets the page rendered for them. What is stored
(``is_cacheable_response``): a 200 HTML response that sets no cookie but the CSRF one and the
recently-viewed one.

Two details keep a cached page correct for the next visitor:
- the CSRF tokens of the page's forms (the language switch, add to basket) are replaced by a placeholder
  when the page is stored, and by this visitor's own token when it is served;
- a product page served from the cache still adds the product to the visitor's recently-viewed list.

Invalidation is generational: every key holds the current *content version* (``shop.core.fragments``, shared
with the cached fragments of pages rendered per visitor), and ``content_changed()`` replaces it, so every cached
page is dropped at once. The domain
services announce their changes through ``shop.core.changes.product_changed`` (products, prices,
stock, certificates, producers), which calls it — an order placed only when it sold a product out (seen
as the placement reserves the stock: ``shop.order.utils.OrderCreator``), since only then does it change
what cached pages offer (the "N available" a product page shows may lag by at most
``OCOP_PAGE_CACHE_SECONDS``; placing an order checks the stock again); Wagtail's publish signals, the
site settings and review moderation call it too. ``OCOP_PAGE_CACHE_SECONDS`` bounds how stale a page can be for a change
nobody announced (an Oscar dashboard edit of a category, say). The cache must be shared by all worker
processes (``CACHES``: Redis in production, a file cache on one machine), or a change seen by one
worker would not reach the pages cached by another.
"""

import hashlib
import json
import re
from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.module_loading import import_string

from shop.core import fragments, url_prefixes

CSRF_PLACEHOLDER = "__OCOP_CSRF_TOKEN__"
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
# Headers worth keeping with a stored page; cookies never are.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Vary",
    "X-Frame-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Content-Type-Options",
)


def seconds():
    return getattr(settings, "OCOP_PAGE_CACHE_SECONDS", 0)


def content_changed():
    """Something a storefront page may show has changed: drop every cached page and fragment (the content
    version is ``shop.core.fragments``'), at once and again when the current transaction commits."""
    fragments.content_changed()


def products_changed(product_ids, shown_on_pages):
    """Listens to ``shop.core.changes`` (subscribed in ``shop.core.apps``), like ``page_changed``."""
    if shown_on_pages:
        content_changed()


def page_changed(page_id):
    content_changed()  # the page, and the lists, menus and blocks that show it


def _allowed_cookies():
    return {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME, settings.OSCAR_RECENTLY_VIEWED_COOKIE_NAME}


def is_cacheable_request(request):
    if seconds() <= 0 or request.method not in ("GET", "HEAD"):
        return False
    if not set(request.COOKIES) <= _allowed_cookies():
        return False
    return not request.path.startswith(url_prefixes.never_cached())


def is_cacheable_response(response):
    if response.status_code != 200 or response.streaming or "text/html" not in response.get("Content-Type", ""):
        return False
    if "private" in response.get("Cache-Control", "") or "no-store" in response.get("Cache-Control", ""):
        return False
    return set(response.cookies) <= {settings.CSRF_COOKIE_NAME, settings.OSCAR_RECENTLY_VIEWED_COOKIE_NAME}


def _key(request):
    version = fragments.content_version()
    # Only the product page shows the recently-viewed list: elsewhere the list does not split the cache.
    history = request.COOKIES.get(settings.OSCAR_RECENTLY_VIEWED_COOKIE_NAME, "") if _is_product_page(request) else ""
    # The day is part of the key: what is for sale changes at midnight without anyone announcing it (a
    # certificate expiring, a decision to keep a product on sale ending — catalogue.listing).
    place = (
        f"{timezone.localdate().isoformat()}|{request.get_host()}|{translation.get_language()}|"
        f"{request.get_full_path()}|{history}|{_key_parts(request)}"
    )
    return f"ocop-page:{version}:{hashlib.sha256(place.encode()).hexdigest()}"


def _key_parts(request):
    """What else changes a page at its own time, announced by nobody (``OCOP_PAGE_CACHE_KEY_PARTS``: the site
    offers open now, whose campaign prices cards show — an offer starts and ends on the clock)."""
    return "|".join(str(import_string(path)(request)) for path in settings.OCOP_PAGE_CACHE_KEY_PARTS)


def _is_product_page(request):
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.view_name == "catalogue:detail"


def _viewed_product(response):
    """The product a product page added to the recently-viewed list (the list's last id), or None."""
    morsel = response.cookies.get(settings.OSCAR_RECENTLY_VIEWED_COOKIE_NAME)
    try:
        ids = json.loads(morsel.value) if morsel is not None else []
    except ValueError:
        return None
    return ids[-1] if ids and isinstance(ids, list) and isinstance(ids[-1], int) else None


def store(request, response):
    entry = {
        "content": CSRF_INPUT.sub(rb"\g<1>" + CSRF_PLACEHOLDER.encode() + rb"\g<2>", response.content),
        "headers": {name: response[name] for name in KEPT_HEADERS if name in response},
        "viewed_product": _viewed_product(response),
    }
    cache.set(request._ocop_page_cache_key, entry, seconds())


def serve(request, entry):
    content = entry["content"]
    if CSRF_PLACEHOLDER.encode() in content:
        content = content.replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode())
    response = HttpResponse(b"" if request.method == "HEAD" else content)
    for name, value in entry["headers"].items():
        response[name] = value
    if entry["viewed_product"] is not None:
        from oscar.core.loading import get_class

        history = get_class("customer.history", "CustomerHistoryManager")
        history.update(SimpleNamespace(id=entry["viewed_product"]), request, response)
    response["X-Page-Cache"] = "hit"
    return response


class AnonymousPageCacheMiddleware:
    """Serves and stores pages for anonymous visitors (see the module's docstring). It sits after the
    CSRF, locale and message middleware, so the language is known and a served page still gets its CSRF
    cookie, and before Oscar's basket middleware, which a cached page does not need."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        request._ocop_page_cache_key = _key(request)
        entry = cache.get(request._ocop_page_cache_key)
        if entry is not None:
            return serve(request, entry)
        response = self.get_response(request)
        if is_cacheable_response(response) and not request.user.is_authenticated:
            store(request, response)
            response["X-Page-Cache"] = "miss"
        return response
