"""Worker benchmark (issue 19): how far one worker falls behind a stream of orders' index updates, before and
after its two changes, in the same run.

    bash -c 'source scripts/postgres.sh && source scripts/elasticsearch.sh && pg_start && es_start \
             && .venv/bin/python bench/worker_benchmark.py; es_stop; pg_stop'
    # options: --changes N (200)  --rate R (changes per second, 4)

Needs ``DATABASE_URL`` (a PostgreSQL server: a throwaway database ``ocop_workerbench_<pid>`` is created on it,
migrated, given the demo market, and dropped at the end) and ``ELASTICSEARCH_URL`` (indexes under a prefix of
this run, deleted at the end).

In the soak of 5 Dec 2026 the one worker ran ~3 tasks/s while orders queued ~4/s (a reindex and two deliveries
each), so mails went out up to 9 minutes late. Every order announces its products changed
(``shop.core.changes.product_changed``); the search listener marks them and queues a reindex task after commit.
Twice, on the same data, one ``manage.py db_worker`` runs the database queue while a thread of this process
announces N changes of the demo's listed products at R per second, each in its own transaction as an order does:

- **before**: each change queues its own reindex task, and each task's write waits for Elasticsearch's next
  refresh (``OCOP_SEARCH_WAIT_FOR_REFRESH=1``), as the code did before;
- **no wait**: as before, but the write does not wait for the refresh (the first change alone);
- **after**: a change committed while a reindex task still waits in the queue queues none (that task takes every
  marked product), and a write does not wait for the refresh (the code now).

Printed per run: reindex tasks queued, tasks the worker ran per second, and the lag — how long after the last
change the index was up to date (no task waiting or running, no product still marked).
"""

import argparse
import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

REINDEX = "shop.search.tasks.reindex_products"


def _admin(url):
    from dj_database_url import parse

    db = parse(url)
    params = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"], "password": db["PASSWORD"]}
    conn = psycopg.connect(dbname="postgres", autocommit=True, **{k: v for k, v in params.items() if v})
    return conn, db


def _announce(product_ids, count, rate, done):
    """``count`` product changes at ``rate`` per second, each in its own transaction; records the last one's time."""
    from django.db import connection, transaction

    from shop.core import changes

    start = time.monotonic()
    for number in range(count):
        wait = start + number / rate - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        with transaction.atomic():
            changes.product_changed(product_ids[number % len(product_ids)])
    done["last"] = time.monotonic()
    connection.close()


def _run(label, product_ids, count, rate, env, coalesce):
    from django_tasks_db.models import DBTaskResult
    from oscar.core.loading import get_model

    from shop.search import listeners

    ReindexMark = get_model("search", "ReindexMark")
    DBTaskResult.objects.all().delete()
    ReindexMark.objects.all().delete()
    real_waiting = listeners.waiting_in_queue
    if not coalesce:
        listeners.waiting_in_queue = lambda task: False  # as before: one task per change
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(3)  # the worker imports the site
        done = {}
        started = time.monotonic()
        announcer = threading.Thread(target=_announce, args=(product_ids, count, rate, done))
        announcer.start()
        announcer.join()
        while (
            DBTaskResult.objects.filter(task_path=REINDEX, status__in=["READY", "RUNNING"]).exists()
            or ReindexMark.objects.exists()
        ):
            time.sleep(0.1)
        finished = time.monotonic()
    finally:
        listeners.waiting_in_queue = real_waiting
        worker.terminate()
        worker.wait(timeout=30)
    tasks = DBTaskResult.objects.filter(task_path=REINDEX)
    ran = tasks.filter(status="SUCCESSFUL").count()
    return {
        "label": label,
        "queued": tasks.count(),
        "ran": ran,
        "per_second": ran / (finished - started),
        "lag": finished - done["last"],
        "seconds": finished - started,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--rate", type=float, default=4.0)
    args = parser.parse_args()
    url, search_url = os.environ.get("DATABASE_URL", ""), os.environ.get("ELASTICSEARCH_URL", "")
    if not url.startswith("postgres") or not search_url:
        sys.exit("DATABASE_URL (PostgreSQL) and ELASTICSEARCH_URL are needed: see the docstring.")
    admin, db = _admin(url)
    name = f"ocop_workerbench_{os.getpid()}"
    admin.execute(f'CREATE DATABASE "{name}"')
    env = {
        **os.environ,
        "DATABASE_URL": url.rsplit("/", 1)[0] + f"/{name}",
        "DJANGO_SETTINGS_MODULE": "shop.settings.dev",
        "OCOP_TASKS_BACKEND": "database",
        "ELASTICSEARCH_INDEX_PREFIX": f"ocop-workerbench-{uuid.uuid4().hex[:8]}",
        "OCOP_VAR_DIR": f"/tmp/{name}",
    }
    os.environ.update(env)
    try:
        import django
        from django.core.management import call_command

        django.setup()
        from catalogue.listing import for_sale
        from shop.search import indexing

        print("Preparing: migrate, demo data, index…", flush=True)
        for command in (["migrate", "-v", "0"], ["load_demo_data"], ["search_index", "rebuild"]):
            call_command(*command)
        product_ids = list(for_sale().order_by("pk").values_list("pk", flat=True))
        print(f"{len(product_ids)} listed products; {args.changes} changes at {args.rate}/s, one worker", flush=True)
        rows = [
            _run("before", product_ids, args.changes, args.rate, {**env, "OCOP_SEARCH_WAIT_FOR_REFRESH": "1"}, False),
            _run("no wait", product_ids, args.changes, args.rate, {**env, "OCOP_SEARCH_WAIT_FOR_REFRESH": "0"}, False),
            _run("after", product_ids, args.changes, args.rate, {**env, "OCOP_SEARCH_WAIT_FOR_REFRESH": "0"}, True),
        ]
        print(f"{'':8} {'tasks queued':>13} {'tasks run/s':>12} {'lag after the last change':>26}")
        for row in rows:
            print(f"{row['label']:8} {row['queued']:>13} {row['per_second']:>12.1f} {row['lag']:>24.1f} s")
        es = indexing.client()
        for index in es.indices.get(index=f"{env['ELASTICSEARCH_INDEX_PREFIX']}*"):
            es.indices.delete(index=index)
    finally:
        from django.db import connections

        connections.close_all()
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
