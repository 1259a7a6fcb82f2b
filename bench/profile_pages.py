"""Where a page's time goes: one request at a time, in-process, page cache off.

    .venv/bin/python bench/profile_pages.py /path/ [/other/ …]   # bench/load.py runs it for its pages

Expects the environment of bench/common.sh. For each path: a warm-up request, then 5 through Django's
test client (the whole middleware stack, no network), printing the median time, SQL queries and their
time, and Elasticsearch requests and their time. It explains the load table: a page's throughput on
2 cores is roughly 2 / its CPU time.
"""

import os
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


def profile(path, repeat=5):
    client = Client(raise_request_exception=True)
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


def main(paths):
    print(
        f"{'page':<60} {'status':>6} {'ms':>7} {'cpu ms':>7} {'SQL':>5} {'SQL ms':>7} {'ES':>4} {'ES ms':>6} {'KB':>6}"
    )
    for path in paths:
        try:
            rows = profile(path)
        except Exception as error:  # noqa: BLE001 — one page failing must not hide the others
            print(f"{path[:60]:<60} failed: {type(error).__name__}: {str(error).splitlines()[0][:120]}")
            continue
        median = lambda index: statistics.median(row[index] for row in rows)  # noqa: E731
        print(
            f"{path[:60]:<60} {rows[-1][6]:>6} {median(0) * 1000:>7.0f} {median(1) * 1000:>7.0f} "
            f"{median(2):>5.0f} {median(3) * 1000:>7.0f} {median(4):>4.0f} {median(5) * 1000:>6.0f} "
            f"{rows[-1][7] / 1024:>6.0f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:] or ["/bench/bare/", "/", "/catalogue/", "/search/?q=ch%C3%A8+shan+tuy%E1%BA%BFt"])
