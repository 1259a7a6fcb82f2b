"""Values read many times while one request is answered, computed once for it.

Placing an order asks for the shipping tariff four times (each shipping-method lookup and the parcels
recorded with the order) and for an offer range's products three times (Oscar's offers ask per condition and
benefit, each time through a fresh ``Range`` instance). ``remember(key, compute)`` keeps the first answer for
the rest of the request; ``RequestMemoMiddleware`` gives each request an empty memo and drops it at the end.
Outside a request (the worker, commands, tests calling services), nothing is kept: every call computes.
Only for data that does not change while a request is answered; ``forget`` drops a key that did.
"""

from contextvars import ContextVar

_memo: ContextVar[dict | None] = ContextVar("ocop_request_memo", default=None)


def remember(key, compute):
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def forget(key):
    memo = _memo.get()
    if memo is not None:
        memo.pop(key, None)


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
