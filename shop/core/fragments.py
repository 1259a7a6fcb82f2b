"""Pieces of storefront pages that are the same for every visitor, kept in the shared cache until something
they show changes.

One *content version* (a random token in the shared cache) stands for everything the storefront shows. The
anonymous page cache (``shop.core.page_cache``) puts it in every key, and so does every cached fragment: a
home block, the main menu, the category navigation. ``content_changed()`` — called for every announcement in
``shop.core.changes`` — replaces it, so every cached page and fragment is dropped at once and a change shows on
the next request. It is replaced at once (the announcing request, or a test, sees its change) and again when
the announcing transaction commits: a page rendered meanwhile from the old rows cannot outlive the commit.

A fragment holds nothing per visitor: no CSRF token, basket, message, or price under a visitor's own offer.
It is keyed by language and day too (what is for sale changes at midnight without an announcement:
``catalogue.listing``), and expires after ``OCOP_FRAGMENT_CACHE_SECONDS`` at the latest, which bounds how stale
a change nobody announced can be (an Oscar dashboard edit of a category, say).

In templates: ``{% cache FRAGMENT_SECONDS "home-blocks" content_version LANGUAGE_CODE page.pk %}`` (Django's
own tag; ``content_version`` and ``FRAGMENT_SECONDS`` come from ``shop.core.context_processors``). In code:
``fragments.remember("menu", compute, site_id)``.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation

from shop.core import request_memo

VERSION_KEY = "ocop-content-version"


def seconds():
    return getattr(settings, "OCOP_FRAGMENT_CACHE_SECONDS", 600)


def content_version():
    """The current version, read from the cache once per request; with the day in it."""
    return request_memo.remember(VERSION_KEY, _read_version)


def _read_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return f"{version}-{timezone.localdate().isoformat()}"


def content_changed():
    """Something the storefront shows changed: drop every cached page and fragment, now and at commit."""
    _replace_version()
    transaction.on_commit(_replace_version)


def _replace_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    request_memo.forget(VERSION_KEY)


def remember(name, compute, *parts):
    """``compute()``'s value for this content version, language and ``parts``; computed on a miss."""
    if seconds() <= 0:
        return compute()
    place = "|".join(str(part) for part in parts)
    key = (
        f"ocop-fragment:{content_version()}:{translation.get_language()}:{name}:"
        f"{hashlib.sha256(place.encode()).hexdigest()[:32]}"
    )
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds())
    return value
