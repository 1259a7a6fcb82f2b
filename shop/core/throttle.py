"""Counting attempts in the shared cache: the one rule behind every throttle of the site.

A ``Throttle`` allows at most ``limit`` events per ``window`` seconds for each value it is given
(a normalised email, a client address, a session key), as ``settings.OCOP_THROTTLES[name]`` says.
The window is fixed: it starts at the first event of a value and the count is forgotten when it
ends. Values are hashed into the key, so addresses and emails are not stored in clear and any value
is a valid key. The counters live in ``django.core.cache.cache``, which every worker process shares
(settings.base), so a limit holds across workers.

Users: the guest order lookup (shop/order/views.py) and the login and password-reset doors
(shop/users/throttling.py).
"""

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import cache


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

    def count(self, value):
        return cache.get(self._key(value)) or 0

    def exceeded(self, value):
        """The value has used up its events in the current window."""
        return self.count(value) >= self.limit

    def hit(self, value):
        """Counts one event for the value; returns the count in the window."""
        key = self._key(value)
        if cache.add(key, 1, self.window):
            return 1
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, self.window)
            return 1

    def clear(self, value):
        cache.delete(self._key(value))


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
