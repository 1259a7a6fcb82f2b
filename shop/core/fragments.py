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

Local copies: a fragment's key holds the content version, so what is stored under it never changes. Each process
therefore keeps the fragments it read in memory too (``LOCAL_SECONDS``, at most ``LOCAL_ENTRIES``), and asks the
shared cache only for the content version (once per request) and for fragments it has not seen. A product page
read a dozen fragments from Redis, a listing one per card: each read cost a round trip and unpickling, a fifth of
the page's CPU (issue 20). A change still shows at once: it replaces the version, and no key of the new version
is in any process's copies. A change nobody announced can now be ``LOCAL_SECONDS`` later than the shared
fragment's expiry. The tag's store is ``FragmentCache`` (``CACHES["template_fragments"]``, which Django's tag
uses when it exists). Values other than text are kept pickled and unpickled for each reader, as the shared cache
gives them: a reader may change what it got (Oscar's offers keep state), and must not change it for the next.
"""

import hashlib
import pickle
import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
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


def _key(name, *parts):
    place = "|".join(str(part) for part in parts)
    return (
        f"ocop-fragment:{content_version()}:{translation.get_language()}:{name}:"
        f"{hashlib.sha256(place.encode()).hexdigest()[:32]}"
    )


def remember(name, compute, *parts):
    """``compute()``'s value for this content version, language and ``parts``; computed on a miss."""
    if seconds() <= 0:
        return compute()
    key = _key(name, *parts)
    value = local_copies.get(key)
    if value is None:
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, seconds())
        local_copies.put(key, value)
    return value


# What remember_each keeps for an id ``compute_missing`` did not return (a product no longer for sale, say).
ABSENT = False


def remember_each(name, compute_missing, ids):
    """``remember`` for many ids at once: {id: value}, each id's value kept under its own key for this content
    version and language. The ids not kept yet are computed together, ``compute_missing(ids)`` → {id: value};
    an id it leaves out is kept as absent and left out of the answer."""
    ids = list(dict.fromkeys(ids))
    if seconds() <= 0:
        return compute_missing(ids) if ids else {}
    keys = {pk: _key(name, pk) for pk in ids}
    found = {}
    for pk, key in keys.items():
        value = local_copies.get(key)
        if value is not None:
            found[pk] = value
    shared = cache.get_many([keys[pk] for pk in ids if pk not in found]) if len(found) < len(ids) else {}
    for pk in ids:
        if pk not in found and shared.get(keys[pk]) is not None:
            found[pk] = shared[keys[pk]]
            local_copies.put(keys[pk], found[pk])
    missing = [pk for pk in ids if pk not in found]
    if missing:
        computed = compute_missing(missing)
        for pk in missing:
            found[pk] = computed.get(pk, ABSENT)
            cache.set(keys[pk], found[pk], seconds())
            local_copies.put(keys[pk], found[pk])
    return {pk: value for pk, value in found.items() if value is not ABSENT}


LOCAL_SECONDS = 60
LOCAL_ENTRIES = 2000


class LocalCopies:
    """This process's copies of fragments (see the module's docstring): least recently used out first."""

    def __init__(self, entries=LOCAL_ENTRIES, lifetime=LOCAL_SECONDS):
        self.entries, self.lifetime = entries, lifetime
        self._copies = OrderedDict()  # key -> (until, is_text, value or its pickle)
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            copy = self._copies.get(key)
            if copy is None:
                return None
            until, is_text, value = copy
            if until < time.monotonic():
                del self._copies[key]
                return None
            self._copies.move_to_end(key)
        return value if is_text else pickle.loads(value)

    def put(self, key, value):
        if value is None:
            return
        is_text = isinstance(value, str)
        copy = (time.monotonic() + self.lifetime, is_text, value if is_text else pickle.dumps(value))
        with self._lock:
            self._copies[key] = copy
            self._copies.move_to_end(key)
            while len(self._copies) > self.entries:
                self._copies.popitem(last=False)

    def discard(self, key):
        with self._lock:
            self._copies.pop(key, None)

    def clear(self):
        with self._lock:
            self._copies.clear()


local_copies = LocalCopies()


class FragmentCache(BaseCache):
    """The store of Django's ``{% cache %}`` tag (``CACHES["template_fragments"]``): the default (shared) cache,
    with this process's ``local_copies`` in front. Only for keys that hold the content version: every ``{% cache %}``
    of our templates varies on ``content_version``."""

    def __init__(self, _location, params):  # Django passes the LOCATION (none: the default cache is the store)
        super().__init__(params)

    @property
    def shared(self):
        from django.core.cache import caches

        return caches["default"]

    def get(self, key, default=None, version=None):
        value = local_copies.get(key)
        if value is None:
            value = self.shared.get(key, version=version)
            local_copies.put(key, value)
        return default if value is None else value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.shared.set(key, value, timeout=timeout, version=version)
        local_copies.put(key, value)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.shared.add(key, value, timeout=timeout, version=version)

    def delete(self, key, version=None):
        local_copies.discard(key)
        return self.shared.delete(key, version=version)

    def clear(self):
        local_copies.clear()
        self.shared.clear()
