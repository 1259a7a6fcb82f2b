"""The storefront's circuit breaker in front of Elasticsearch: during an outage searches go straight to the
database instead of each waiting for a connection that will fail.

A storefront query that fails for want of Elasticsearch (no connection, a time-out, a 5xx or 429 answer)
opens the breaker for ``OCOP_SEARCH_BREAKER_SECONDS``: until then searches, suggestions and the content
search do not ask Elasticsearch at all. After the cool-down one request tries again (the half-open state;
the others keep using the database meanwhile): a good answer closes the breaker, a failure opens it again.

The state is shared by the web processes of a node (or all nodes) through the default cache — Redis when
``REDIS_URL`` is set — and kept per process as well, which is what counts while the cache itself is down.
Indexing (the worker, ``shop.search.indexing``) does not use it: it has its own client with retries and the
sweep to catch up. Nor does the readiness check (``shop.core.health``), which asks the cluster itself.
"""

import hashlib
import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache
from elasticsearch import ApiError, TransportError

logger = logging.getLogger(__name__)

CLOSED, PROBE, OPEN = "closed", "probe", "open"
# How long the request elected to try again has before another one may (it died, or never reported).
PROBE_SECONDS = 10
# How long the shared state outlives the cool-down: after that, without a word from anyone, it is closed.
FORGET_SECONDS = 60 * 60

now = time.time  # wall-clock time, the same on every process of a node (tests replace it)

# This process's copy: {url: open until}, {url: the probe's deadline}.
_open_until: dict[str, float] = {}
_probing_until: dict[str, float] = {}
_lock = threading.Lock()


def cool_down() -> float:
    return float(getattr(settings, "OCOP_SEARCH_BREAKER_SECONDS", 30))


def _keys(url):
    digest = hashlib.sha1(url.encode()).hexdigest()[:16]
    return f"search-breaker:{digest}:open-until", f"search-breaker:{digest}:probe"


def _shared():
    """The cache whose operations raise while it is down (``ResilientRedisCache.strict``), else the cache."""
    return getattr(cache, "strict", cache)


def state(url=None) -> str:
    """CLOSED (ask Elasticsearch), OPEN (use the database) or PROBE (this caller tries Elasticsearch once
    after the cool-down; report the outcome with ``succeeded``/``failed``)."""
    url = url or settings.ELASTICSEARCH_URL
    open_key, probe_key = _keys(url)
    moment = now()
    try:
        until = _shared().get(open_key)
    except Exception:  # the cache is down: this process's own view
        return _local_state(url, moment)
    if until is None:
        return CLOSED
    if moment < until:
        return OPEN
    try:
        return PROBE if _shared().add(probe_key, moment, PROBE_SECONDS) else OPEN
    except Exception:
        return _local_state(url, moment)


def _local_state(url, moment):
    with _lock:
        until = _open_until.get(url)
        if until is None:
            return CLOSED
        if moment < until:
            return OPEN
        if _probing_until.get(url, 0) > moment:
            return OPEN
        _probing_until[url] = moment + PROBE_SECONDS
        return PROBE


def is_outage(error) -> bool:
    """Whether this error means Elasticsearch cannot answer (rather than a query it refused)."""
    if isinstance(error, ApiError):
        return error.meta.status >= 500 or error.meta.status == 429
    return isinstance(error, TransportError)


def failed(error, seen, url=None) -> None:
    """A storefront query failed (``seen``: what ``state()`` said before it). If Elasticsearch is the cause,
    open the breaker (again) for the cool-down; a query it refused (4xx) still means it answers."""
    if not is_outage(error):
        succeeded(seen, url)
        return
    url = url or settings.ELASTICSEARCH_URL
    open_key, probe_key = _keys(url)
    seconds = cool_down()
    until = now() + seconds
    with _lock:
        _open_until[url] = until
        _probing_until.pop(url, None)
    try:
        _shared().set(open_key, until, seconds + FORGET_SECONDS)
        _shared().delete(probe_key)
    except Exception:
        logger.info("The cache is down: the search breaker is kept by this process only.")
    logger.warning("Elasticsearch unavailable (%s): storefront searches use the database for %s s.", error, seconds)


def succeeded(seen, url=None) -> None:
    """A storefront query was answered; ``seen`` is what ``state()`` said before it. A successful probe closes
    the breaker."""
    if seen != PROBE:
        return
    url = url or settings.ELASTICSEARCH_URL
    with _lock:
        _open_until.pop(url, None)
        _probing_until.pop(url, None)
    try:
        _shared().delete_many(list(_keys(url)))
    except Exception:
        pass  # the cache is down: its state is stale anyway, and this process's copy is closed
    logger.warning("Elasticsearch answers again: storefront searches use it.")


def reset() -> None:
    """Forget this process's copy (tests)."""
    with _lock:
        _open_until.clear()
        _probing_until.clear()
