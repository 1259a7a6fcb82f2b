"""Counting attempts in the shared cache: the one rule behind every throttle of the site.

A ``Throttle`` allows at most ``limit`` events per ``window`` seconds for each value it is given
(a normalised email, a client address, a session key), as ``settings.OCOP_THROTTLES[name]`` says.
The window is fixed: it starts at the first event of a value and the count is forgotten when it
ends. Values are hashed into the key, so addresses and emails are not stored in clear and any value
is a valid key. The counters live in ``django.core.cache.cache``, which every worker process shares
(settings.base), so a limit holds across workers.

Users: the guest order lookup (shop/order/views.py) and the login and password-reset doors
(shop/users/throttling.py).

When the shared cache cannot be reached (Redis down or restarting; shop/core/cache.py) a throttle cannot
count, and each decides by what it guards (``FAILS_CLOSED``), logging every such decision:
- throttles against guessing a secret — ``login-account``, ``login-ip`` (passwords), ``view-password-ip``
  (page and document passwords), ``order-lookup`` (order number + email) — fail **closed**: the attempt is
  refused as if over the limit, because failing open would let a brute force run unbounded for as long as
  Redis is down (an attacker able to disturb Redis would get exactly that). Signed-in visitors stay signed
  in (sessions are in the database); only new logins wait.
- throttles of volume — ``password-reset-*`` (emails to an address its owner asked for), ``registration-ip``,
  ``guest-orders-*`` (checkout: cash on delivery keeps its per-order limits, read from the database) — fail
  **open**: refusing would stop sales and sign-ups for the outage, and one attempt gains an attacker
  nothing secret.
"""

import hashlib
import ipaddress
import logging

from django.conf import settings
from django.core.cache import cache

from shop.core.cache import ERRORS as CACHE_ERRORS

logger = logging.getLogger(__name__)

FAILS_CLOSED = frozenset({"login-account", "login-ip", "view-password-ip", "order-lookup"})


def _store():
    """The cache, raising on an outage rather than answering "no attempts" (shop.core.cache)."""
    return getattr(cache, "strict", cache)


class Throttle:
    def __init__(self, name):
        self.name = name

    @property
    def limit(self):
        return settings.OCOP_THROTTLES[self.name][0]

    @property
    def window(self):
        """Seconds."""
        return settings.OCOP_THROTTLES[self.name][1]

    def _key(self, value):
        digest = hashlib.sha256(str(value).encode()).hexdigest()[:32]
        return f"ocop-throttle:{self.name}:{digest}"

    @property
    def fails_closed(self):
        return self.name in FAILS_CLOSED

    def count(self, value):
        """Raises the cache's connection error when the count cannot be read."""
        return _store().get(self._key(value)) or 0

    def exceeded(self, value):
        """The value has used up its events in the current window — or, for a throttle that fails closed,
        the count cannot be read (see the module's docstring)."""
        try:
            return self.count(value) >= self.limit
        except CACHE_ERRORS as error:
            self._outage("check", error)
            return self.fails_closed

    def unavailable(self):
        """Whether the shared cache cannot be reached now: tells a refusal for an outage from one for
        too many attempts."""
        try:
            _store().get("ocop-throttle:reachable")
        except CACHE_ERRORS:
            return True
        return False

    def hit(self, value):
        """Counts one event for the value; returns the count in the window (0: not counted, the cache is
        unreachable)."""
        key = self._key(value)
        store = _store()
        try:
            if store.add(key, 1, self.window):
                return 1
            try:
                return store.incr(key)
            except ValueError:  # expired between add and incr
                store.set(key, 1, self.window)
                return 1
        except CACHE_ERRORS as error:
            self._outage("count", error)
            return 0

    def clear(self, value):
        try:
            _store().delete(self._key(value))
        except CACHE_ERRORS as error:
            self._outage("clear", error)

    def _outage(self, action, error):
        if action != "check":
            outcome = "the attempt is not recorded"
        elif self.fails_closed:
            outcome = "refusing the attempt"
        else:
            outcome = "letting the attempt through uncounted"
        logger.error("Throttle %s cannot %s (shared cache unreachable: %s): %s.", self.name, action, error, outcome)


def client_ip(request):
    """The client's address: REMOTE_ADDR — or, when the request came through one of the proxies listed in
    ``OCOP_TRUSTED_PROXIES`` (addresses or networks of the load balancers in front), the last address
    in X-Forwarded-For that is not one of those proxies: the one the outermost trusted proxy saw. A header
    sent by anyone else is ignored, so a client cannot choose its own address to escape the throttles.
    IPv6 clients are counted per /64 network, the block one subscriber usually gets."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = trusted_proxies()
    if proxies and _is_one_of(address, proxies):
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        for hop in reversed(forwarded):
            address = hop
            if not _is_one_of(hop, proxies):
                break
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def trusted_proxies():
    """``OCOP_TRUSTED_PROXIES`` as networks (a plain address is a network of one)."""
    return [
        ipaddress.ip_network(value.strip(), strict=False) for value in settings.OCOP_TRUSTED_PROXIES if value.strip()
    ]


def _is_one_of(address, networks):
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in networks)


def normalise_account(value):
    """An email or username as typed into a login or reset form, so "An@X.vn " and "an@x.vn" share
    one counter."""
    return str(value or "").strip().casefold()
