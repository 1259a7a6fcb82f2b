"""Place-order benchmark: orders placed concurrently on PostgreSQL, through the real checkout.

    bash -c 'source scripts/postgres.sh && pg_start && .venv/bin/python bench/place_order_benchmark.py; pg_stop'
    # options: --orders N (200)  --workers W (8)  --lines L (3)

Needs ``DATABASE_URL`` pointing at a PostgreSQL server (``pg_start`` exports it). The script creates a
throwaway database ``ocop_bench_<pid>`` on that server, migrates it and loads the demo market, gives the
products enough stock, and prepares N buyers (each a Django test client with L products from different
producers in the basket, a Vietnamese address and cash on delivery, up to the preview page — not timed).
It then times "place order" (the POST that checks and reserves stock and writes the order):

1. baseline: N/2 buyers one after another (one worker);
2. concurrent: the other N/2 with W workers pressing the button at the same time.

It prints orders/s and p50/p95 for both in the same run, and their ratio, then drops the database
(also on error or Ctrl-C). Requests go through Django's full request handling in this process (test
client: no network server), so the figures are the application's and the database's cost.
"""

import argparse
import os
import statistics
import sys
import threading
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _admin_connection(url):
    from dj_database_url import parse

    db = parse(url)
    params = {
        "host": db["HOST"],
        "port": db["PORT"],
        "user": db["USER"],
        "password": db["PASSWORD"],
        "dbname": "postgres",
        "autocommit": True,
    }
    return psycopg.connect(**{k: v for k, v in params.items() if v not in (None, "")}), db


def _percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=200)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--lines", type=int, default=3)
    args = parser.parse_args()
    server_url = os.environ.get("DATABASE_URL", "")
    if not server_url.startswith(("postgres://", "postgresql://")):
        sys.exit("Set DATABASE_URL to a PostgreSQL server (scripts/postgres.sh: pg_start).")
    admin, db = _admin_connection(server_url)
    name = f"ocop_bench_{os.getpid()}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        os.environ["DATABASE_URL"] = server_url.rsplit("/", 1)[0] + "/" + name
        run(args)
    finally:
        from django.db import connections

        connections.close_all()
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def run(args):
    import tempfile

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings.dev")
    os.environ["ELASTICSEARCH_URL"] = ""
    os.environ["OCOP_VAR_DIR"] = tempfile.mkdtemp(prefix="ocop-bench-")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from oscar.core.loading import get_model

    from tests.shop.checkout.journey import add_to_basket, buyable_products, place_order, reach_preview

    settings.ALLOWED_HOSTS = ["*"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    setup_test_environment()
    print(f"Preparing: migrate, demo data, {args.orders} buyers with {args.lines} lines each…", flush=True)
    call_command("migrate", verbosity=0)
    call_command("load_demo_data", verbosity=0)
    StockRecord = get_model("partner", "StockRecord")
    products = buyable_products(args.lines)
    StockRecord.objects.filter(product__in=products).update(num_in_stock=10 * args.orders + 1000)

    buyers = []
    for number in range(args.orders):
        client = Client()
        for product in products:
            add_to_basket(client, product, 1)
        reach_preview(client, method="cod", email=f"bench.{number}@example.vn")
        buyers.append(client)
    connection.close()
    half = args.orders // 2

    def timed(client, times):
        started = time.perf_counter()
        response = place_order(client)
        times.append(time.perf_counter() - started)
        assert response.status_code == 302, response.content[:500]

    serial = []
    started = time.perf_counter()
    for client in buyers[:half]:
        timed(client, serial)
    serial_wall = time.perf_counter() - started

    concurrent = []
    queue = list(buyers[half:])
    lock = threading.Lock()

    def worker():
        try:
            while True:
                with lock:
                    if not queue:
                        return
                    client = queue.pop()
                timed(client, concurrent)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(args.workers)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    concurrent_wall = time.perf_counter() - started
    Order = get_model("order", "Order")
    placed = Order.objects.filter(guest_email__startswith="bench.").count()

    def row(label, times, wall):
        return (
            f"{label:<28} {len(times):>6} {len(times) / wall:>9.1f} {statistics.median(times) * 1000:>9.1f} "
            f"{_percentile(times, 0.95) * 1000:>9.1f}"
        )

    print()
    print(f"{'place order':<28} {'orders':>6} {'orders/s':>9} {'p50 ms':>9} {'p95 ms':>9}")
    print(row("baseline: 1 worker", serial, serial_wall))
    print(row(f"concurrent: {args.workers} workers", concurrent, concurrent_wall))
    print(
        f"throughput ratio (concurrent / baseline): {(len(concurrent) / concurrent_wall) / (len(serial) / serial_wall):.2f}"
    )
    print(f"p95 ratio (concurrent / baseline): {_percentile(concurrent, 0.95) / _percentile(serial, 0.95):.2f}")
    print(f"orders in the database: {placed} of {len(serial) + len(concurrent)} placed; lines per order: {args.lines}")


if __name__ == "__main__":
    main()
