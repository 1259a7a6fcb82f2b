"""A web worker's full garbage collections between requests, not inside them (deploy/gunicorn.conf.py's hooks).

CPython starts a full collection whenever enough objects have survived the younger generations, which in a web
worker is always inside some request: the buyer whose request crossed the line waited for it (18–129 ms in a
place-order benchmark, 441 ms before ``shop.wsgi`` froze the start-up objects; bench/README.md). Gunicorn
calls ``between_requests`` once a response is sent. Collections of the two younger generations stay automatic:
they take well under a millisecond.

- ``hold_full_collections`` (the worker starts): no automatic full collection in this process.
- ``between_requests``: after ``WARM_UP_REQUESTS`` requests, a full collection, then what survived it (the
  compiled templates, the caches the first requests filled) is frozen like the start-up objects, so later
  passes walk only what later requests left; then a full collection every ``FULL_PASS_EVERY`` requests, which
  frees the reference cycles requests leave. Something that is frozen and later becomes garbage stays until
  gunicorn replaces the worker (``max_requests``).

Standard library only: the stock Oscar peer of the benchmarks (bench/peer) runs under the same configuration.
"""

import gc

WARM_UP_REQUESTS = 50
FULL_PASS_EVERY = 100
NEVER = 2**31 - 1  # the largest threshold CPython accepts


def hold_full_collections():
    young, middle, _oldest = gc.get_threshold()
    gc.set_threshold(young, middle, NEVER)


def between_requests(served):
    """After the ``served``-th request of this worker (counting from 1)."""
    if served == WARM_UP_REQUESTS:
        gc.collect()
        gc.freeze()
    elif served % FULL_PASS_EVERY == 0:
        gc.collect()
