"""The shared cache (Redis) when it goes away: the site keeps answering.

Everything in the default cache can be computed again — whole pages (shop/core/page_cache.py), the main
menu, Wagtail's site roots, thumbnails' lookups — so ``ResilientRedisCache`` treats an unreachable Redis
as an empty cache: a read is a miss, a write is dropped, and a warning is logged when it goes away and
when it is back. After a failure it does not try again for ``RETRY_SECONDS``, so a page that reads the
cache twenty times waits for one refused connection, not twenty.

Throttles (shop/core/throttle.py) must not mistake an outage for "no attempts yet": they use
``strict``, the same cache whose operations raise ``CacheUnavailable`` instead, and decide themselves.

``clear()`` deletes only the keys under this cache's ``KEY_PREFIX`` when it has one (a Redis shared by
several sites, or by the parallel test workers), every key of the database otherwise.

Without Redis (one machine: ``make run``, a small deployment) the cache is ``MachineFileCache``, Django's file
cache that counts its files now and then rather than on every write, and whose ``add`` and ``incr`` are atomic
across the machine's processes, as Redis's are (the throttles count with them).
"""

import fcntl
import logging
import os
import pickle
import tempfile
import threading
import time
import zlib
from contextlib import contextmanager

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5


class CacheUnavailable(RedisConnectionError):
    """The shared cache cannot be reached (raised by ``ResilientRedisCache.strict``)."""


ERRORS = (RedisConnectionError, RedisTimeoutError)
# Until when each Redis (by location) is known to be down, for every thread of this process.
_down_until = {}
_lock = threading.Lock()


class SharedClientRedisCacheClient(RedisCacheClient):
    """Django's client, with one ``redis.Redis`` per connection pool instead of a new one per operation: building
    one (its table of some 200 reply callbacks) cost 0.14 ms, a third of a cache read, and a page reads the cache
    ten times and more. redis-py's clients are thread-safe; the connections stay the pool's, as before."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))  # pools live as long as this object: an id is never reused
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
        self._location = server if isinstance(server, str) else ",".join(server)
        self.strict = _Strict(self)

    def _call(self, name, *args, **kwargs):
        """Runs Django's RedisCache operation; raises CacheUnavailable while Redis is down."""
        if _down_until.get(self._location, 0) > time.monotonic():
            raise CacheUnavailable(f"the cache at {self._location} is down")
        try:
            if name == "clear":
                result = self._clear_own_keys()
            else:
                result = getattr(RedisCache, name)(self, *args, **kwargs)
        except ERRORS as error:
            with _lock:
                was_up = self._location not in _down_until
                _down_until[self._location] = time.monotonic() + RETRY_SECONDS
            if was_up:
                logger.warning(
                    "Shared cache unreachable (%s): pages are rendered without it, throttles apply their "
                    "outage rule; retrying every %s s.",
                    error,
                    RETRY_SECONDS,
                )
            raise CacheUnavailable(str(error)) from error
        if self._location in _down_until and _down_until.pop(self._location, None) is not None:
            logger.warning("Shared cache reachable again (%s).", self._location)
        return result

    def _tolerant(self, name, fallback, *args, **kwargs):
        try:
            return self._call(name, *args, **kwargs)
        except CacheUnavailable:
            return fallback

    def get(self, key, default=None, version=None):
        return self._tolerant("get", default, key, default=default, version=version)

    def get_many(self, keys, version=None):
        return self._tolerant("get_many", {}, keys, version=version)

    def has_key(self, key, version=None):
        return self._tolerant("has_key", False, key, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant("add", False, key, value, timeout=timeout, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._tolerant("set", None, key, value, timeout=timeout, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant("set_many", list(data), data, timeout=timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant("touch", False, key, timeout=timeout, version=version)

    def delete(self, key, version=None):
        return self._tolerant("delete", False, key, version=version)

    def delete_many(self, keys, version=None):
        self._tolerant("delete_many", None, keys, version=version)

    def incr(self, key, delta=1, version=None):
        try:
            return self._call("incr", key, delta=delta, version=version)
        except CacheUnavailable:
            # As for a key that is not there: callers already handle ValueError by setting it again.
            raise ValueError(f"Key '{key}' not found (the cache is unreachable)") from None

    def clear(self):
        self._tolerant("clear", None)

    def _clear_own_keys(self):
        """Django's clear() flushes the whole Redis database; with a KEY_PREFIX only our keys go."""
        if not self.key_prefix:
            return self._cache.clear()
        client = self._cache.get_client(None, write=True)
        for keys in _batches(client.scan_iter(match=f"{_glob_escape(self.key_prefix)}:*", count=1000), 500):
            client.delete(*keys)
        return True


class _Strict:
    """The cache's operations, raising ``CacheUnavailable`` instead of answering "missing"."""

    def __init__(self, cache):
        self._cache = cache

    def __getattr__(self, name):
        def call(*args, **kwargs):
            return self._cache._call(name, *args, **kwargs)

        return call


def _batches(iterable, size):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _glob_escape(text):
    return "".join(f"\\{c}" if c in "*?[]\\" else c for c in text)


class MachineFileCache(FileBasedCache):
    """Django's file cache, which lists its whole directory on every write to see whether it holds more than
    ``MAX_ENTRIES`` files. A storefront writes on every page (the product-view counters, pages and fragments
    kept), so each write cost a listing of thousands of files: 5 ms and more per write, growing with the traffic
    (issue 20). This one counts at most once per ``CULL_CHECK_SECONDS`` per cache object (Django makes one per
    thread of each process); the directory may hold what they write in that time beyond ``MAX_ENTRIES`` before
    random entries are dropped, as Django drops them."""

    CULL_CHECK_SECONDS = 30

    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._next_cull_check = 0.0

    def _cull(self):
        now = time.monotonic()
        if now < self._next_cull_check:
            return
        self._next_cull_check = now + self.CULL_CHECK_SECONDS
        super()._cull()

    # Django's file cache reads, then writes, in ``add`` (is the key there?) and in ``incr`` (BaseCache's get + set):
    # two processes counting the same key at once both wrote the same count, so parallel attempts against a throttle
    # (shop/core/throttle.py) were counted once; and ``incr`` set the key again with the default timeout, so a
    # throttle's window restarted at every count. Here both run under one lock file for the whole cache (shared by
    # every process of the machine: flock), and ``incr`` keeps the key's expiry.

    @contextmanager
    def _exclusive(self):
        self._createdir()
        with open(os.path.join(self._dir, "read-then-write.lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._exclusive():
            return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        with self._exclusive():
            fname = self._key_to_file(key, version)
            try:
                with open(fname, "rb") as f:
                    expiry = pickle.load(f)
                    value = pickle.loads(zlib.decompress(f.read()))
            except (FileNotFoundError, EOFError):
                value, expiry = None, 0
            if value is None or (expiry is not None and expiry < time.time()):
                raise ValueError(f"Key '{key}' not found")
            value += delta
            # Written beside and moved in place, as ``set`` does: a reader sees the old file or the new one.
            fd, tmp_path = tempfile.mkstemp(dir=self._dir)
            try:
                with open(fd, "wb") as f:
                    f.write(pickle.dumps(expiry, self.pickle_protocol))
                    f.write(zlib.compress(pickle.dumps(value, self.pickle_protocol)))
                os.replace(tmp_path, fname)
            except BaseException:
                os.remove(tmp_path)
                raise
            return value
