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

``--cluster`` (issue 19, item 6; run by ``bash bench/cluster_soak.sh`` after the soak, on its prepared
database, Elasticsearch and Redis): two gunicorn nodes and, with the database queue, the worker; W buyers
(8) press "place order" at the same moment, R rounds (``--rounds``, 10), first each buying a *different*
product (of different producers), then different products all discounted by the demo's campaign, then all the
*same* product, each buyer prepared up to the preview page
over HTTP (not timed). The same twice: tasks on the database queue run by the worker
(``OCOP_TASKS_BACKEND=database``: placing an order only queues its reindexing and mails) and tasks in the
request (``immediate``: the figures before issue 19), same data, same run, printed side by side with
whether the p95 target (≤ 300 ms, different products, database queue) is met. With ``PEER_DATABASE_URL`` (the
stock django-oscar peer, ``bench/peer``, prepared by ``bench_prepare_peer``), the same rounds on the peer under two
gunicorn nodes alike, its guests checking out the same way: stock Oscar's place order (its confirmation mail
rendered inside the request) beside ours, in the same run.
"""

import argparse
import itertools
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
    parser.add_argument("--cluster", action="store_true", help="two gunicorn nodes and the worker (see above)")
    parser.add_argument("--rounds", type=int, default=10, help="--cluster: rounds of W buyers at once")
    args = parser.parse_args()
    if args.cluster:
        return cluster_run(args)
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


# --- --cluster ------------------------------------------------------------------------------------------

TARGET_P95_MS = 300


CAMPAIGN_LABEL = "× different, one campaign"


def SCENARIOS(different, same, workers, campaign=None):  # noqa: N802 (a table)
    """(label, products, buyers at once): W buyers of W different products, of the same one, one buyer alone;
    with ``campaign``, W buyers of W different products that one campaign discounts (every order then counts in
    the campaign's row: shop.order.utils.OrderCreator._record_usage)."""
    return [
        (f"{workers} × different products", different, workers),
        *([(f"{workers} {CAMPAIGN_LABEL}", campaign, workers)] if campaign else []),
        (f"{workers} × the same product", same, workers),
        ("1 at a time", different, 1),
    ]


def campaign_products(offer, products):
    """The products put in the campaign's ranges (its condition's and its benefit's), so that it discounts them."""
    from oscar.core.loading import get_model

    Product = get_model("catalogue", "Product")
    for product in Product.objects.filter(pk__in=[pk for pk, _path in products]):
        for offer_range in {offer.condition.range, offer.benefit.range} - {None}:
            offer_range.add_product(product)
    return products


_BUYER_NUMBERS = itertools.count(1)


def buyer_identity():
    """What makes a guest a buyer of their own for the COD limits (``payments.cod_limits``): a client address, a
    mobile number and a street line that no other buyer of the run has. The address comes as the deployment's load
    balancer sends it (X-Forwarded-For; the nodes trust 127.0.0.1 as their proxy, ``OCOP_TRUSTED_PROXIES``). Shared,
    the run's buyers were one buyer holding every open COD order of the run, which the limits refuse after 5."""
    number = next(_BUYER_NUMBERS)
    return {
        "ip": f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}",
        "phone_number": f"091{number:07d}",
        "line1": f"Số {number} đường Hoàng Liên",
    }


def reach_preview(visitor, product, email):
    """One guest buyer of their own (``buyer_identity``) over HTTP: the product into the basket, every checkout step
    up to the preview page (cash on delivery); returns the preview page."""
    from tests.shop.checkout.journey import lao_cai_address

    who = buyer_identity()
    visitor.session.headers["X-Forwarded-For"] = who.pop("ip")
    pk, path = product
    page = visitor.request("product", "GET", path)
    fields = form_fields_of(page.text, f"/basket/add/{pk}/")
    fields["quantity"] = 1
    visitor.request("add to basket", "POST", f"/basket/add/{pk}/", expect=(302,), data=fields)
    urls = visitor.urls
    page = visitor.request("checkout", "GET", urls["checkout"])
    visitor.post_form(
        "checkout", urls["checkout"], page, {"username": email, "options": "anonymous", "personal_data_consent": "on"}
    )
    page = visitor.request("checkout", "GET", urls["address"])
    visitor.post_form("checkout", urls["address"], page, lao_cai_address(**who))
    visitor.request("checkout", "GET", urls["shipping"], expect=(302, 200))
    page = visitor.request("checkout", "GET", urls["payment"])
    visitor.post_form("checkout", urls["payment"], page, {"method": "cod"})
    return visitor.request("checkout", "GET", urls["preview"])


def form_fields_of(page_html, action):
    from bench.soak import form_fields

    return form_fields(page_html, action)


def in_parallel(jobs, workers):
    """Run the callables with ``workers`` threads; returns their results in order."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda job: job(), jobs))


def cluster_scenario(cluster, goal, products, label, args, run_id, width, reach=reach_preview):
    """``args.rounds`` rounds of ``width`` buyers pressing "place order" together; the times of the POSTs.
    ``reach`` takes each buyer to the preview page (ours, or the peer's: ``peer_reach_preview``)."""
    import random

    from bench import cluster_soak, soak
    from bench.harness import cpu_by_role

    stats = soak.Stats()
    stats.node_errors, stats.server_error_times = [], []
    buyers = []
    for number in range(args.rounds * width):
        visitor = cluster_soak.ClusterVisitor(cluster, stats, goal, random.Random(number), run_id, number)
        buyers.append((visitor, products[number % len(products)], f"po.{run_id}.{label}.{number}@example.vn"))
    previews = in_parallel([lambda b=b: reach(*b) for b in buyers], width)
    times, refused = [], 0
    cpu_before = cpu_by_role()
    started = time.perf_counter()
    for round_start in range(0, len(buyers), width):
        barrier = threading.Barrier(width)

        def press(index):
            visitor = buyers[index][0]
            path = visitor.urls["preview"]
            # What the client can do is done before the clock starts: the preview's form read (parsing HTML in
            # Python, 8 threads sharing one interpreter lock), the request encoded with its cookies. The client
            # runs on the nodes' cores: its CPU while the buyers wait would be counted as theirs.
            fields = {**form_fields_of(previews[index].text, path), "action": "place_order"}
            request = visitor.prepare("POST", path, fields)
            barrier.wait()
            before = time.perf_counter()
            answer = visitor.send("place order", request, expect=(302, 200))
            return time.perf_counter() - before, answer

        for seconds, answer in in_parallel(
            [lambda i=i: press(i) for i in range(round_start, round_start + width)], width
        ):
            if answer.status_code == 302 and "thank-you" in answer.headers.get("Location", ""):
                times.append(seconds)
            else:
                refused += 1
    wall = time.perf_counter() - started
    # The worker may still be at this scenario's tasks: what it spends after is not counted here.
    cpu = {role: seconds - cpu_before.get(role, 0) for role, seconds in cpu_by_role().items()}
    assert not stats.failures and not stats.server_errors, (stats.failures[:5], stats.server_errors[:5])
    return times, refused, wall, cpu


# --- the stock django-oscar peer (bench/peer) ---------------------------------------------------------------

PEER_URLS = {"preview": "/checkout/preview/", "basket": "/basket/"}
PEER_ADDRESS = {  # Oscar's address form: its required fields (postcode included), Viet Nam its shipping country
    "first_name": "Văn An",
    "last_name": "Nguyễn",
    "line1": "Số 5 đường Hoàng Liên",
    "line4": "Sa Pa",
    "postcode": "330000",
    "country": "VN",
}


class PeerCluster:
    """The peer on two gunicorn nodes like ours (same workers); what ``ClusterVisitor`` needs: ``nodes``."""

    def __init__(self, workers, log_dir):
        from bench.harness import DEPLOYED, Gunicorn

        env = {"DJANGO_SETTINGS_MODULE": "bench.peer.settings"}
        self.nodes = {  # under our deployed gunicorn configuration too: the same web process, another application
            name: Gunicorn(
                workers=workers, log_dir=log_dir, env=env, app="bench.peer.wsgi:application", config=DEPLOYED
            )
            for name in ("A", "B")
        }

    def start(self):
        for node in self.nodes.values():
            node.start()
        return self

    def stop(self):
        for node in self.nodes.values():
            node.stop()


def peer_products(base_url, count):
    """``count`` products listed on the peer's first catalogue page, as (pk, path), their stock topped up."""
    import re

    import requests

    listing = requests.get(base_url + "/catalogue/", timeout=60)
    listing.raise_for_status()
    paths = list(dict.fromkeys(re.findall(r'href="(/catalogue/[^"/?]+_(\d+)/)"', listing.text)))[:count]
    assert len(paths) == count, f"the peer's catalogue lists {len(paths)} products, {count} needed"
    products = [(int(pk), path) for path, pk in paths]
    # Each page seen once first: stock Oscar counts a product's views in a row it creates on the first view, and
    # buyers opening a product never viewed at the same moment race to create it (IntegrityError: a 500).
    for _pk, path in products:
        requests.get(base_url + path, timeout=60).raise_for_status()
    with psycopg.connect(os.environ["PEER_DATABASE_URL"], autocommit=True) as peer:
        peer.execute(
            "UPDATE partner_stockrecord SET num_in_stock = num_allocated + 100000 WHERE product_id = ANY(%s)",
            ([pk for pk, _path in products],),
        )
    return products


def peer_reach_preview(visitor, product, email):
    """One guest buyer of the peer over HTTP, up to its preview page, through Oscar's own steps: the gateway's
    guest form, the address, the one shipping method and the payment steps (both pass straight on)."""
    pk, path = product
    page = visitor.request("product", "GET", path)
    fields = form_fields_of(page.text, f"/basket/add/{pk}/")
    fields["quantity"] = 1
    visitor.request("add to basket", "POST", f"/basket/add/{pk}/", expect=(302,), data=fields)
    page = visitor.request("checkout", "GET", "/checkout/")
    visitor.post_form("checkout", "/checkout/", page, {"username": email, "options": "anonymous"})
    page = visitor.request("checkout", "GET", "/checkout/shipping-address/")
    visitor.post_form("checkout", "/checkout/shipping-address/", page, PEER_ADDRESS)
    visitor.request("checkout", "GET", "/checkout/shipping-method/", expect=(302,))
    visitor.request("checkout", "GET", "/checkout/payment-method/", expect=(302,))
    return visitor.request("checkout", "GET", PEER_URLS["preview"])


def peer_run(args, workers, log_dir, run_id, results):
    """The different-products, same-product and one-at-a-time rounds on the peer; adds ``results["peer", label]``."""
    peer = PeerCluster(workers, log_dir).start()
    try:
        products = peer_products(peer.nodes["A"].url, args.workers + 1)
        different, same = products[: args.workers], products[args.workers :]
        for index, (label, chosen, width) in enumerate(SCENARIOS(different, same, args.workers)):
            print(f"  stock Oscar (bench/peer): {label}, {args.rounds} rounds of {width} buyers…", flush=True)
            results["peer", label] = cluster_scenario(
                peer, {"urls": PEER_URLS}, chosen, f"peer.{index}", args, run_id, width, reach=peer_reach_preview
            )
    finally:
        peer.stop()


def cluster_run(args):
    """Place order on two gunicorn nodes, tasks on the database queue (the worker) and in the request."""
    from django.db.models import F
    from oscar.core.loading import get_model

    from bench import cluster_soak, soak
    from bench.harness import loadavg, percentile

    StockRecord = get_model("partner", "StockRecord")
    run_id = f"{int(time.time())}"
    goal = soak.targets()
    # W products of different producers (none of the soak's hot ones), W more of other producers for the campaign
    # (the demo's site offer), and one product for all.
    different, campaign, producers = [], [], set()
    for pk, path in goal["products"][len(goal["hot"]) :]:
        producer = StockRecord.objects.filter(product_id=pk).values_list("partner_id", flat=True).first()
        if producer not in producers:
            producers.add(producer)
            (different if len(different) < args.workers else campaign).append((pk, path))
        if len(campaign) == args.workers:
            break
    used = {pk for pk, _path in different + campaign}
    same = [next(product for product in goal["products"][len(goal["hot"]) :] if product[0] not in used)]
    ConditionalOffer = get_model("offer", "ConditionalOffer")
    offer = (
        ConditionalOffer.objects.filter(offer_type=ConditionalOffer.SITE, status=ConditionalOffer.OPEN)
        .order_by("pk")
        .first()
    )
    campaign = campaign_products(offer, campaign) if offer and len(campaign) == args.workers else None
    StockRecord.objects.filter(product_id__in=[pk for pk, _p in different + (campaign or []) + same]).update(
        num_in_stock=F("num_allocated") + 100_000
    )
    log_dir = os.environ.get("OCOP_VAR_DIR", "/tmp")
    workers = int(os.environ.get("BENCH_WORKERS", 0)) or os.cpu_count() + 1
    results = {}
    for backend in ("database", "immediate"):
        cluster = cluster_soak.Cluster(
            workers, log_dir, env={"OCOP_TASKS_BACKEND": backend, "OCOP_TRUSTED_PROXIES": "127.0.0.1"}
        )
        try:
            cluster.start(background=backend == "database")
            for index, (label, products, width) in enumerate(SCENARIOS(different, same, args.workers, campaign)):
                print(f"  {backend}: {label}, {args.rounds} rounds of {width} buyers…", flush=True)
                results[backend, label] = cluster_scenario(
                    cluster, goal, products, f"{backend}.{index}", args, run_id, width
                )
                if label.endswith(CAMPAIGN_LABEL):  # the scenario measures what it says: every order discounted
                    discounted = (
                        get_model("order", "Order")
                        .objects.filter(guest_email__startswith=f"po.{run_id}.{backend}.{index}.")
                        .filter(discounts__offer_id=offer.id)
                        .distinct()
                        .count()
                    )
                    assert discounted == len(results[backend, label][0]), (discounted, len(results[backend, label][0]))
            if backend == "database":
                drain_started = time.perf_counter()
                cluster_soak.drain()
                results["drain"] = time.perf_counter() - drain_started
        finally:
            cluster.stop()
    if os.environ.get("PEER_DATABASE_URL"):
        peer_run(args, workers, log_dir, run_id, results)
    backends = [("database", "database queue + worker"), ("immediate", "in the request")]
    peer = ("peer", "stock Oscar, mail in request")
    print()
    print(
        f"place order, {args.workers} buyers at once × {args.rounds} rounds, 2 gunicorn nodes × {workers} workers, "
        f"PostgreSQL, Redis; load {loadavg()}"
    )
    print(f"{'buyers':<28} {'tasks':<29} {'orders':>6} {'refused':>7} {'orders/s':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for label, _products, _width in SCENARIOS(different, same, args.workers, campaign):
        for backend, text in [*backends, peer]:
            if (backend, label) not in results:  # the peer has no campaign
                continue
            times, refused, wall, _cpu = results[backend, label]
            print(
                f"{label:<28} {text:<29} {len(times):>6} {refused:>7} {len(times) / wall:>8.1f} "
                f"{percentile(times, 0.5) * 1000:>8.0f} {percentile(times, 0.95) * 1000:>8.0f}"
            )
    print("CPU per order (ms) while the buyers pressed, by process:")
    roles = ("web nodes", "PostgreSQL", "worker", "Elasticsearch", "Redis", "scheduler", "client")
    print(f"{'buyers':<28} {'tasks':<29} " + " ".join(f"{role[:10]:>10}" for role in roles))
    for label, _products, _width in SCENARIOS(different, same, args.workers, campaign):
        for backend, text in [*backends, peer]:
            if (backend, label) not in results:
                continue
            times, _refused, _wall, cpu = results[backend, label]
            per_order = {role: cpu.get(role, 0) * 1000 / max(len(times), 1) for role in roles}
            print(f"{label:<28} {text:<29} " + " ".join(f"{per_order[role]:>10.0f}" for role in roles))
    print(f"the worker finished the queued tasks {results['drain']:.1f} s after the last database-queue order")
    different_label = f"{args.workers} × different products"
    p95 = percentile(results["database", different_label][0], 0.95) * 1000
    verdict = "met" if p95 <= TARGET_P95_MS else "NOT met"
    print(f"target p95 ≤ {TARGET_P95_MS} ms for different products with the worker: {verdict} ({p95:.0f} ms)")
    if ("peer", different_label) in results:
        peer_p95 = percentile(results["peer", different_label][0], 0.95) * 1000
        print(
            f"stock Oscar beside it (bench/peer, same run): p95 {peer_p95:.0f} ms; ours ÷ the peer's: {p95 / peer_p95:.2f}"
        )


if __name__ == "__main__":
    main()
