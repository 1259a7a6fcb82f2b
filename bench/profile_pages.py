"""Where a page's time goes: one request at a time, in-process, page cache off.

    .venv/bin/python bench/profile_pages.py /path/ [/other/ …]   # bench/load.py runs it for its pages
    .venv/bin/python bench/profile_pages.py --signed-in --cprofile 25 /path/

Expects the environment of bench/common.sh. For each path: a warm-up request, then 5 through Django's
test client (the whole middleware stack, no network), printing the median time, SQL queries and their
time, and Elasticsearch requests and their time. It explains the load table: a page's throughput on
2 cores is roughly 2 / its CPU time.

``--signed-in``: as the load run's signed-in row, a customer of the bench database signed in and holding a
basket with one product in it (the pages are rendered for them). ``--cprofile N``: then one more request per
path under cProfile, printing its N most expensive functions by cumulative time.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from elastic_transport import Transport  # noqa: E402

settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
settings.OCOP_PAGE_CACHE_SECONDS = 0

ES = {"count": 0, "seconds": 0.0}
_perform = Transport.perform_request


def _counted(self, *args, **kwargs):
    started = time.perf_counter()
    try:
        return _perform(self, *args, **kwargs)
    finally:
        ES["count"] += 1
        ES["seconds"] += time.perf_counter() - started


Transport.perform_request = _counted


class Queries:
    def __init__(self):
        self.count, self.seconds = 0, 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.count += 1
            self.seconds += time.perf_counter() - started


def signed_in_client():
    """A customer (created once in the bench database) signed in, with one listed product in the basket."""
    from django.contrib.auth import get_user_model
    from oscar.core.loading import get_model

    from catalogue.listing import for_sale

    email = "bench-profile-customer@example.vn"
    user = get_user_model().objects.filter(email=email).first() or get_user_model().objects.create_user(
        email=email, password=None
    )
    client = Client(raise_request_exception=True)
    client.force_login(user)
    Basket = get_model("basket", "Basket")
    if not Basket.objects.filter(owner=user, status=Basket.OPEN, lines__isnull=False).exists():
        product = for_sale().filter(product_class__requires_shipping=True).order_by("pk").first()
        added = client.post(f"/basket/add/{product.pk}/", {"quantity": 1})
        assert added.status_code == 302, added.status_code
    return client


def profile(path, repeat=5, client=None):
    client = client or Client(raise_request_exception=True)
    client.get(path)
    rows = []
    for _ in range(repeat):
        ES.update(count=0, seconds=0.0)
        queries = Queries()
        with connection.execute_wrapper(queries):
            started = time.perf_counter()
            cpu = time.process_time()
            response = client.get(path)
            rows.append(
                (
                    time.perf_counter() - started,
                    time.process_time() - cpu,
                    queries.count,
                    queries.seconds,
                    ES["count"],
                    ES["seconds"],
                    response.status_code,
                    len(response.content),
                )
            )
    return rows


def top_functions(path, client, count):
    client.get(path)  # warm: the first request of a client also loads the middleware
    profiler = cProfile.Profile()
    profiler.runcall(client.get, path)
    print(f"\n{path}: the {count} most expensive functions (cumulative)")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(count)


def main(paths, signed_in=False, cprofile=0):
    client = signed_in_client() if signed_in else None
    print(
        f"{'page':<60} {'status':>6} {'ms':>7} {'cpu ms':>7} {'SQL':>5} {'SQL ms':>7} {'ES':>4} {'ES ms':>6} {'KB':>6}"
    )
    for path in paths:
        try:
            rows = profile(path, client=client)
        except Exception as error:  # noqa: BLE001 — one page failing must not hide the others
            print(f"{path[:60]:<60} failed: {type(error).__name__}: {str(error).splitlines()[0][:120]}")
            continue
        median = lambda index: statistics.median(row[index] for row in rows)  # noqa: E731
        print(
            f"{path[:60]:<60} {rows[-1][6]:>6} {median(0) * 1000:>7.0f} {median(1) * 1000:>7.0f} "
            f"{median(2):>5.0f} {median(3) * 1000:>7.0f} {median(4):>4.0f} {median(5) * 1000:>6.0f} "
            f"{rows[-1][7] / 1024:>6.0f}"
        )

    if cprofile:
        for path in paths:
            top_functions(path, client or Client(raise_request_exception=True), cprofile)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--signed-in", action="store_true")
    parser.add_argument("--cprofile", type=int, default=0, metavar="N")
    arguments = parser.parse_args()
    main(
        arguments.paths or ["/bench/bare/", "/", "/catalogue/", "/search/?q=ch%C3%A8+shan+tuy%E1%BA%BFt"],
        signed_in=arguments.signed_in,
        cprofile=arguments.cprofile,
    )
