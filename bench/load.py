"""Load benchmark: the storefront under gunicorn at C concurrent clients, next to a bare Django view.

    bash bench/run.sh            # starts PostgreSQL, Elasticsearch, prepares the data, runs this, stops all
    # options (environment): BENCH_PRODUCTS (10000) BENCH_DURATION (15 s) BENCH_CONNECTIONS (20)
    #                        BENCH_WORKERS (2 × cores + 1) BENCH_CACHE_SECONDS (300, the "on" run)

Expects the environment of bench/common.sh (a prepared database, Elasticsearch, bench.settings). For
each page-cache setting — off (OCOP_PAGE_CACHE_SECONDS=0) and on, when the setting exists — it starts
gunicorn (sync workers), warms every URL, then runs ``wrk`` with C connections (closed loop: each
connection sends its next request when the previous answer is in) for D seconds per URL:

- bare: ``bench.urls.bare`` — Django's whole middleware stack, no template, no query (the floor);
- home: the Wagtail home page (StreamField blocks, live product queries);
- category: the category page with the most listed products (24 cards, facets from Elasticsearch);
- product: a listed product's page;
- search: ``/search/?q=chè shan tuyết`` (Elasticsearch, facets, 24 cards);
- catalogue: ``/catalogue/``, the all-products list (the issue's comparison with stock Oscar's list);
- add to basket: a POST of the product form by C prepared visitors (each with its CSRF cookie and token,
  its session and basket cookies, taken from a real GET of the product page and a first add), in turn.

The stock django-oscar peer (``bench/peer``, when PEER_DATABASE_URL names its populated database and
BENCH_PEER is not 0; bench/run.sh prepares it): its own gunicorn with the same workers and options, once, rows
``peer`` bare, catalogue and product, measured with the same wrk; then the ratios of issue 20 (ours ÷ the peer's
catalogue list for catalogue, category, search and home; ours ÷ the peer's product page for product).

The GET pages are requested as first-time anonymous visitors (no cookies), which the page cache serves.
It prints requests/s, p50/p95/p99 latency, non-2xx/3xx answers and socket errors per URL, the ratio to
the bare view of the same run, the CPU the load generator used, the load average, and a Markdown table.
Then it measures the page weight of the all-products and the category page (bench/page_weight.py).
"""

import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count, Q, Sum  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

from bench.harness import Gunicorn, cpu_ticks, loadavg  # noqa: E402
from catalogue.listing import for_sale  # noqa: E402

HERE = Path(__file__).resolve().parent
Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")
BasketLine = get_model("basket", "Line")

DURATION = int(os.environ.get("BENCH_DURATION", 15))
WARMUP = int(os.environ.get("BENCH_WARMUP", 3))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 20))
WORKERS = int(os.environ.get("BENCH_WORKERS", 0)) or None
CACHE_ON_SECONDS = os.environ.get("BENCH_CACHE_SECONDS", "300")
SEARCH_QUERY = "chè shan tuyết"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PEER = bool(os.environ.get("PEER_DATABASE_URL")) and os.environ.get("BENCH_PEER", "1") != "0"
PEER_PRODUCT_LINK = re.compile(r'href="(/catalogue/[^"/?]+_\d+/)"')


def pick_targets():
    listed = for_sale()
    category = (
        Category.objects.filter(depth__gt=1)
        .annotate(listed=Count("product", filter=Q(product__in=listed)))
        .order_by("-listed", "pk")
        .first()
    )
    goods = listed.filter(upc__startswith="BENCH-", product_class__requires_shipping=True).order_by("pk")
    product = goods.first()
    basket_products = list(goods[1 : CONNECTIONS + 1])
    # Enough stock that no add is refused however long the run (and no page shows "out of stock").
    StockRecord.objects.filter(product__in=[product, *basket_products]).update(num_in_stock=1_000_000)
    return (
        {
            "bare": "/bench/bare/",
            "home": "/",
            "catalogue": "/catalogue/",
            "category": category.get_absolute_url(),
            "product": product.get_absolute_url(),
            "search": "/search/?" + urlencode({"q": SEARCH_QUERY}),
        },
        basket_products,
        category,
    )


def prepare_visitors(base_url, products, path):
    """One visitor per product: GET the product page (CSRF cookie and token), add it once (basket
    cookie), open the basket (the message is shown, the session is written). Writes the wrk input."""
    lines, baskets = [], []
    for product in products:
        session = requests.Session()
        page = session.get(base_url + product.get_absolute_url(), timeout=30)
        page.raise_for_status()
        token = CSRF_INPUT.search(page.text).group(1)
        add_path = f"/basket/add/{product.pk}/"
        body = urlencode({"csrfmiddlewaretoken": token, "quantity": 1})
        added = session.post(
            base_url + add_path,
            data=body,
            allow_redirects=False,
            timeout=30,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert added.status_code == 302 and added.headers["Location"].endswith("/basket/"), added.status_code
        session.get(base_url + "/basket/", timeout=30).raise_for_status()
        cookie = "; ".join(f"{name}={value}" for name, value in session.cookies.items())
        basket_id = int(session.cookies[settings.OSCAR_BASKET_COOKIE_OPEN].split(":")[0])
        baskets.append(basket_id)
        lines.append(f"{add_path}\t{cookie}\t{body}")
    Path(path).write_text("\n".join(lines) + "\n")
    return baskets


def basket_units(baskets):
    return BasketLine.objects.filter(basket_id__in=baskets).aggregate(units=Sum("quantity"))["units"] or 0


def wrk(url, duration, script, env=None):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{duration}s", "--timeout", "30s", "-s", str(HERE / script), url],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    line = next(line for line in result.stdout.splitlines() if line.startswith("BENCH-JSON "))
    figures = json.loads(line.split(" ", 1)[1])
    figures["client_cpu_s"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return figures


def cache_header(base_url, path):
    requests.get(base_url + path, timeout=30)
    return requests.get(base_url + path, timeout=30).headers.get("X-Page-Cache", "—")


def run_once(label, cache_seconds, targets, basket_products, visitors_file):
    env = {} if cache_seconds is None else {"OCOP_PAGE_CACHE_SECONDS": str(cache_seconds)}
    rows = []
    with Gunicorn(workers=WORKERS, env=env) as server:
        baskets = prepare_visitors(server.url, basket_products, visitors_file)
        connection.close()
        hits = {name: cache_header(server.url, path) for name, path in targets.items()}
        for name, path in [*targets.items(), ("add to basket", None)]:
            script, extra = ("wrk_report.lua", None) if path else ("wrk_basket.lua", {"BENCH_VISITORS": visitors_file})
            url = server.url + (quote(path, safe="/?=&%") if path else "/")
            wrk(url, WARMUP, script, extra)
            units_before = basket_units(baskets) if path is None else 0
            ticks_before, started = cpu_ticks(server.worker_pids()), time.monotonic()
            figures = wrk(url, DURATION, script, extra)
            server_cores = (
                (cpu_ticks(server.worker_pids()) - ticks_before)
                / os.sysconf("SC_CLK_TCK")
                / (time.monotonic() - started)
            )
            if path is None:
                figures["units_added"] = basket_units(baskets) - units_before
                connection.close()
            figures.update(
                name=name,
                run=label,
                server_cores=server_cores,
                load=loadavg(),
                cache=hits.get(name, "—") if path else "—",
            )
            rows.append(figures)
            print(
                f"  {label:<10} {name:<14} {figures['requests'] / (figures['duration_us'] / 1e6):>8.1f} req/s"
                f"  p50 {figures['p50'] / 1000:.1f} ms  (load {figures['load']})",
                flush=True,
            )
        errors = server.error_log.read_text() if server.error_log.exists() else ""
    return rows, errors


def measure_get(server, label, name, path):
    """Warm-up, then wrk on one GET path of ``server``; the row as ``run_once`` makes it (no page cache column)."""
    url = server.url + quote(path, safe="/?=&%")
    wrk(url, WARMUP, "wrk_report.lua")
    ticks_before, started = cpu_ticks(server.worker_pids()), time.monotonic()
    figures = wrk(url, DURATION, "wrk_report.lua")
    figures.update(
        name=name,
        run=label,
        server_cores=(cpu_ticks(server.worker_pids()) - ticks_before)
        / os.sysconf("SC_CLK_TCK")
        / (time.monotonic() - started),
        load=loadavg(),
        cache="—",
    )
    print(
        f"  {label:<10} {name:<14} {figures['requests'] / (figures['duration_us'] / 1e6):>8.1f} req/s"
        f"  p50 {figures['p50'] / 1000:.1f} ms  (load {figures['load']})",
        flush=True,
    )
    return figures


def run_peer():
    """Stock django-oscar (bench/peer) under the same gunicorn: its bare view, its catalogue list, a product page."""
    env = {"DJANGO_SETTINGS_MODULE": "bench.peer.settings"}
    with Gunicorn(workers=WORKERS, env=env, app="bench.peer.wsgi:application") as server:
        listing = requests.get(server.url + "/catalogue/", timeout=30)
        listing.raise_for_status()
        product = PEER_PRODUCT_LINK.search(listing.text)
        if product is None:
            raise RuntimeError("the peer's /catalogue/ lists no product: is its database populated?")
        paths = {"bare": "/bench/bare/", "catalogue": "/catalogue/", "product": product.group(1)}
        rows = [measure_get(server, "peer", name, path) for name, path in paths.items()]
        errors = server.error_log.read_text() if server.error_log.exists() else ""
    return rows, errors


def print_peer_ratios(rows):
    """Issue 20's ratios: ours ÷ stock Oscar's catalogue list (catalogue, category, search, home) and ours ÷ its
    product page (product), in req/s of this run; the target (≥ 2×) judged for the runs without the page cache."""

    def rps(row):
        return row["requests"] / (row["duration_us"] / 1e6)

    peer = {row["name"]: rps(row) for row in rows if row["run"] == "peer"}
    if not {"catalogue", "product"} <= peer.keys():
        return
    print(
        f"Against stock django-oscar 4.2.1 (same run): its catalogue list {peer['catalogue']:.1f} req/s, "
        f"its product page {peer['product']:.1f} req/s"
    )
    for run in dict.fromkeys(row["run"] for row in rows if row["run"] != "peer"):
        ours = {row["name"]: rps(row) for row in rows if row["run"] == run}
        judged = "cache on" not in run
        for name in ("catalogue", "category", "search", "home", "product"):
            if name not in ours:
                continue
            against = "product" if name == "product" else "catalogue"
            ratio = ours[name] / peer[against]
            verdict = f"  target ≥ 2×: {'met' if ratio >= 2 else 'NOT met'}" if judged else ""
            print(f"  {run:<10} {name:<10} ÷ peer {against:<9} {ratio:>6.2f}×{verdict}")


def print_table(rows):
    header = (
        f"{'run':<10} {'page':<14} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'bad':>5} {'err':>4} {'× bare p50':>10} {'% bare req/s':>12} {'srv cores':>9} {'wrk cpu':>7} cache"
    )
    print(header)
    markdown = [
        "| cache | page | req/s | p50 ms | p95 ms | p99 ms | non-2xx/3xx | × bare p50 | % of bare req/s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    bare = {row["run"]: row for row in rows if row["name"] == "bare"}
    for row in rows:
        rps = row["requests"] / (row["duration_us"] / 1e6)
        floor = bare[row["run"]]
        floor_rps = floor["requests"] / (floor["duration_us"] / 1e6)
        bad = row["status"] + (row["others"] if row["others"] > 0 else 0)
        errors = row["connect"] + row["read"] + row["write"] + row["timeout"]
        times = row["p50"] / floor["p50"]
        share = 100 * rps / floor_rps
        print(
            f"{row['run']:<10} {row['name']:<14} {rps:>8.1f} {row['p50'] / 1000:>8.1f} {row['p95'] / 1000:>8.1f} "
            f"{row['p99'] / 1000:>8.1f} {bad:>5} {errors:>4} {times:>10.1f} {share:>11.1f}% "
            f"{row['server_cores']:>9.2f} {row['client_cpu_s'] / (row['duration_us'] / 1e6):>7.2f} {row['cache']}"
        )
        markdown.append(
            f"| {row['run']} | {row['name']} | {rps:,.1f} | {row['p50'] / 1000:,.1f} | "
            f"{row['p95'] / 1000:,.1f} | {row['p99'] / 1000:,.1f} | {bad} | {times:.1f} | {share:.1f} % |"
        )
        if row["name"] == "add to basket":
            print(
                f"{'':<25} add to basket: {row['redirects']} answered 302, {row['others']} otherwise; "
                f"basket units grew by {row['units_added']} (the requests still in flight at the end add a few)"
            )
    return markdown


def main():
    targets, basket_products, category = pick_targets()
    connection.close()
    has_cache = hasattr(settings, "OCOP_PAGE_CACHE_SECONDS")
    runs = [("cache off", 0), ("cache on", int(CACHE_ON_SECONDS))] if has_cache else [("no cache", None)]
    print(
        f"Listed products: {for_sale().count()}; category: {category.name} ({category.listed} listed) "
        f"{targets['category']}; product: {targets['product']}"
    )
    connection.close()
    print(
        f"wrk: 1 thread, {CONNECTIONS} connections, {WARMUP} s warm-up + {DURATION} s per URL; gunicorn: "
        f"{WORKERS or 2 * os.cpu_count() + 1} sync workers; {os.cpu_count()} cores; "
        f"load before preparing: {os.environ.get('BENCH_LOAD_BEFORE', '?')}, now {loadavg()}"
    )
    if not has_cache:
        print("OCOP_PAGE_CACHE_SECONDS is not a setting here: one run, no page cache.")
    rows, failures = [], []
    visitors_file = Path(os.environ.get("OCOP_VAR_DIR", "/tmp")) / "bench-visitors.tsv"
    for label, seconds in runs:
        print(f"Run: {label}" + (f" (OCOP_PAGE_CACHE_SECONDS={seconds})" if seconds is not None else ""), flush=True)
        run_rows, errors = run_once(label, seconds, targets, basket_products, str(visitors_file))
        rows.extend(run_rows)
        if "Traceback" in errors or "[ERROR]" in errors:
            failures.append(f"{label}: gunicorn's error log:\n{errors[-4000:]}")
        if PEER and label == runs[0][0]:
            print("Run: stock django-oscar peer (bench/peer)", flush=True)
            peer_rows, peer_errors = run_peer()
            rows.extend(peer_rows)
            if "Traceback" in peer_errors or "[ERROR]" in peer_errors:
                failures.append(f"peer: gunicorn's error log:\n{peer_errors[-4000:]}")
        fallbacks = errors.count("Elasticsearch unavailable")
        print(
            f"  {label}: {fallbacks} 'Elasticsearch unavailable' fallbacks to the database in gunicorn's log"
            + (f", {errors.count('WORKER TIMEOUT')} worker timeouts" if "WORKER TIMEOUT" in errors else "")
        )
    print()
    markdown = print_table(rows)
    print()
    print("\n".join(markdown))
    print()
    print_peer_ratios(rows)
    bad = [row for row in rows if row["status"] or row["others"] > 0 or row["connect"] + row["read"] + row["timeout"]]
    print()
    print("Page weight of the product list (Chromium, 360 px, cold cache):", flush=True)
    from bench import page_weight

    with Gunicorn(workers=WORKERS, env={"OCOP_PAGE_CACHE_SECONDS": "0"} if has_cache else {}) as server:
        weights = page_weight.measure(server.url, ["/catalogue/", targets["category"]])
    page_weight.print_results(weights)
    print()
    print("One request at a time, in-process, page cache off (bench/profile_pages.py):", flush=True)
    subprocess.run([sys.executable, str(HERE / "profile_pages.py"), *targets.values()], check=False)
    print(f"load average at the end: {loadavg()}")
    for failure in failures:
        print(failure)
    if bad or failures:
        print(f"FAILED: {len(bad)} URL(s) with errors or unexpected answers; {len(failures)} error log(s).")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
