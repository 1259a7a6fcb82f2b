"""Readiness checks for a load balancer (issue 19, item 4): small functions, each saying whether one service
this web node needs answers, run together under a short timeout.

Each check returns a ``Result``: ``ok``, ``failed`` (an exception, a wrong answer), ``timeout`` (no answer within
``OCOP_HEALTH_TIMEOUT`` seconds), ``degraded`` (works, but something is behind) or ``not used`` (this deployment
has no such service). Only the checks marked ``critical`` make the node unready:

- ``database`` (``SELECT 1``) is critical: without it no page can be answered.
- ``cache`` (set a key, read it back) is critical unless the cache is ``ResilientRedisCache``
  (shop/core/cache.py): that one answers as an empty cache while Redis is away, so the site keeps working, and
  every web node shares the same Redis — failing readiness would take the whole site out for a Redis restart.
- ``search`` (Elasticsearch's cluster health, when ``ELASTICSEARCH_URL`` is set) is not: the storefront falls back to the
  database when Elasticsearch cannot be reached (shop.search.backends), and every web node shares the same
  Elasticsearch, so failing readiness would take the whole site out of the balancer for a search outage.
- ``queue`` (tasks waiting longer than ``OCOP_HEALTH_QUEUE_MINUTES`` in django-tasks-db's queue) is not either,
  for the same reason: a slow or stopped worker is the worker's problem, and taking web nodes out of the balancer
  would not make it faster. A queue behind is reported as ``degraded``; the node stays ready.

The answer a load balancer sees says nothing more than ready or not (shop.core.health_views); the names and
states of the checks are shown only to a caller holding ``OCOP_HEALTH_TOKEN``. Exception text is never shown:
it is logged.
"""

import contextvars
import logging
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.db import connection, connections
from django.utils import timezone

logger = logging.getLogger(__name__)

OK, FAILED, TIMEOUT, DEGRADED, NOT_USED = "ok", "failed", "timeout", "degraded", "not used"


@dataclass(frozen=True)
class Result:
    name: str
    state: str
    critical: bool = True

    @property
    def blocks_readiness(self) -> bool:
        return self.critical and self.state in (FAILED, TIMEOUT)


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return OK if cursor.fetchone() == (1,) else FAILED


def check_cache() -> str:
    key, value = f"ocop-health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 30)
    try:
        return OK if cache.get(key) == value else FAILED
    finally:
        cache.delete(key)


@lru_cache(maxsize=None)
def _search_client(url: str, timeout: float):
    """A client of its own: a failed probe must not mark the node down in the pool the searches use."""
    from elasticsearch import Elasticsearch

    return Elasticsearch(url, request_timeout=timeout, max_retries=0)


def check_search() -> str:
    """The cluster's health (``/_cluster/health``: what scripts/elasticsearch.sh waits for): red is a failure."""
    if not settings.ELASTICSEARCH_URL:
        return NOT_USED
    health = _search_client(settings.ELASTICSEARCH_URL, settings.OCOP_HEALTH_TIMEOUT).cluster.health()
    return FAILED if health["status"] == "red" else OK


def _database_backends():
    """The aliases of the TASKS backends that keep their queue in django-tasks-db's table."""
    from django_tasks import task_backends

    try:
        from django_tasks_db.backend import DatabaseBackend
    except ImportError:  # the package is not installed: no such backend can be configured
        return []
    return [alias for alias in settings.TASKS if isinstance(task_backends[alias], DatabaseBackend)]


def overdue_tasks(aliases, older_than: timedelta) -> int:
    """Tasks of these backends ready to run for longer than ``older_than`` and still not taken by a worker."""
    from django.db.models import Q
    from django_tasks_db.models import DBTaskResult, get_date_max

    cutoff = timezone.now() - older_than
    due_long_ago = Q(run_after=get_date_max(), enqueued_at__lt=cutoff) | Q(run_after__lt=cutoff)
    return DBTaskResult.objects.filter(backend_name__in=aliases, status="READY").filter(due_long_ago).count()


def check_queue() -> str:
    aliases = _database_backends()
    if not aliases:
        return NOT_USED  # the immediate backend (make run, tests): tasks run in the request, no queue
    overdue = overdue_tasks(aliases, timedelta(minutes=settings.OCOP_HEALTH_QUEUE_MINUTES))
    if overdue:
        logger.warning(
            "Task queue behind: %d task(s) waiting more than %d minutes", overdue, settings.OCOP_HEALTH_QUEUE_MINUTES
        )
        return DEGRADED
    return OK


def _cache_is_critical() -> bool:
    from django.core.cache import caches

    from shop.core.cache import ResilientRedisCache

    return not isinstance(caches["default"], ResilientRedisCache)


# name → (check, critical: a bool, or a function saying it). Read at call time, so a test can replace one.
READINESS_CHECKS = {
    "database": (check_database, True),
    "cache": (check_cache, _cache_is_critical),
    "search": (check_search, False),
    "queue": (check_queue, False),
}

# A few threads shared by every request: a hung service keeps at most these busy, and a probe arriving while they
# all wait gets "timeout" instead of piling up new threads.
_executor = ThreadPoolExecutor(max_workers=8, thread_name_prefix="ocop-health")


def _run_one(name, check):
    try:
        return check()
    except Exception as error:  # a probe every few seconds: one line, no traceback
        logger.warning("Readiness check %s failed: %s: %s", name, type(error).__name__, error)
        return FAILED
    finally:
        connections.close_all()  # this thread's own connections: a pool thread must not keep one open


def run_readiness_checks() -> list[Result]:
    """Every readiness check, run at once; each one not answered within ``OCOP_HEALTH_TIMEOUT`` is a timeout."""
    timeout = settings.OCOP_HEALTH_TIMEOUT
    checks = dict(READINESS_CHECKS)
    # Each check runs in the request's context: what it logs carries the request id (shop.core.request_id).
    futures = {
        name: _executor.submit(contextvars.copy_context().run, _run_one, name, check)
        for name, (check, _critical) in checks.items()
    }
    deadline = time.monotonic() + timeout
    results = []
    for name, future in futures.items():
        remaining = max(0.0, deadline - time.monotonic())
        try:
            state = future.result(timeout=remaining)
        except FutureTimeout:
            future.cancel()
            logger.warning("Readiness check %s did not answer within %s s", name, timeout)
            state = TIMEOUT
        critical = checks[name][1]
        results.append(Result(name, state, critical=critical() if callable(critical) else critical))
    return results
