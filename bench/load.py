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
BENCH_PEER is not 0; bench/run.sh prepares it): its own gunicorn with the same workers and options, started before
our first run and kept up (idle) to the end, measured with the same wrk right after each run of ours that is judged
against it: rows ``peer`` (bare, catalogue, product) after the cache-off run and ``peer again`` after the signed-in
one. The machine's speed drifts during a run (by 10–50 %, either way), so each
ratio divides ours by the peer's figure measured next to it: ours ÷ the peer's catalogue list for catalogue,
category, search and home; ours ÷ its product page for product. The signed-in product page is also measured
against the peer's in interleaved rounds (BENCH_INTERLEAVED_ROUNDS, 6, of BENCH_INTERLEAVED_SECONDS, 5, each
side, alternating which goes first) and judged by the median of the rounds' ratios, which drift moves least.

The signed-in customer (issue 20): a third gunicorn with the page cache on (as in production; a signed-in
visitor's pages are never served from it), rows ``signed-in``: a customer created in the bench database signs in
over HTTP (the login page), adds a product to the basket and opens the basket; wrk then sends its session and CSRF
cookies (``-H Cookie``) to bare, home, catalogue, category, product, search and ``/basket/``; add to basket is a
POST by C signed-in customers, each with its own basket. Before wrk every page is checked: 200, rendered for that
customer (the header's logout button, not a page-cache hit) and the basket page shows its line. Ratios: lists,
home and search ÷ the peer's list, product ÷ its product page (targets ≥ 2×), basket and add to basket ÷ its
list (≥ 1×).

Memory and start-up: for every gunicorn (ours cache off, the peer, ours cache on, signed-in) the time from
spawning the master to the first 200 of the bare view (and to every worker forked), each worker's VmRSS once
started and after the run, with the requests that gunicorn served and the growth per worker.

The anonymous GET pages are requested as first-time visitors (no cookies), which the page cache serves.
It prints requests/s, p50/p95/p99 latency, non-2xx/3xx answers and socket errors per URL, the ratio to
the bare view of the same run, the CPU the load generator used, the load average, and a Markdown table.
Then it measures the page weight of the all-products and the category page (bench/page_weight.py).
"""

import contextlib
import html
import json
import os
import re
import resource
import statistics
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
from django.contrib.auth import get_user_model  # noqa: E402
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
Basket = get_model("basket", "Basket")

DURATION = int(os.environ.get("BENCH_DURATION", 15))
WARMUP = int(os.environ.get("BENCH_WARMUP", 3))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 20))
WORKERS = int(os.environ.get("BENCH_WORKERS", 0)) or None
CACHE_ON_SECONDS = os.environ.get("BENCH_CACHE_SECONDS", "300")
SEARCH_QUERY = "chè shan tuyết"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PEER = bool(os.environ.get("PEER_DATABASE_URL")) and os.environ.get("BENCH_PEER", "1") != "0"
PEER_PRODUCT_LINK = re.compile(r'href="(/catalogue/[^"/?]+_\d+/)"')
SIGNED_IN_MARK = 'id="logout_link"'  # the header's logout button: the page was rendered for a signed-in visitor
CUSTOMER_PASSWORD = "bench-customer-Pa55word!"
MEMORY_MIN_REQUESTS = 10_000
# The signed-in product page against the peer's, interleaved: rounds of a few seconds, alternately (see
# ``interleaved_rounds``).
INTERLEAVED_ROUNDS = int(os.environ.get("BENCH_INTERLEAVED_ROUNDS", 6))
INTERLEAVED_SECONDS = int(os.environ.get("BENCH_INTERLEAVED_SECONDS", 5))
# Issue 20's targets: row -> (the peer's row it is divided by, the least ratio).
PEER_TARGETS = {
    "catalogue": ("catalogue", 2),
    "category": ("catalogue", 2),
    "search": ("catalogue", 2),
    "home": ("catalogue", 2),
    "product": ("product", 2),
    "basket": ("catalogue", 1),
    "add to basket": ("catalogue", 1),
}


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


def customer(number):
    """A customer account of the bench database (created once; active, so it may sign in)."""
    email = f"bench-customer-{number}@example.vn"
    user = get_user_model().objects.filter(email=email).first()
    if user is None:
        user = get_user_model().objects.create_user(email=email, password=CUSTOMER_PASSWORD)
    return user


def sign_in(base_url, session, user):
    """The login page as a browser uses it: its CSRF token, then the login form; Oscar answers 302."""
    page = session.get(base_url + "/accounts/login/", timeout=30)
    page.raise_for_status()
    token = CSRF_INPUT.search(page.text).group(1)
    answer = session.post(
        base_url + "/accounts/login/",
        data={
            "csrfmiddlewaretoken": token,
            "login-username": user.email,
            "login-password": CUSTOMER_PASSWORD,
            "login_submit": "1",
        },
        headers={"Referer": base_url + "/accounts/login/"},
        allow_redirects=False,
        timeout=30,
    )
    if answer.status_code != 302:
        raise RuntimeError(f"signing {user.email} in answered {answer.status_code}, not 302")


def prepare_visitors(base_url, products, path, signed_in=False):
    """One visitor per product: GET the product page (CSRF cookie and token), add it once (basket
    cookie), open the basket (the message is shown, the session is written). Writes the wrk input.
    ``signed_in``: each visitor is a customer of its own who signs in first (its basket is the account's)."""
    lines, baskets = [], []
    for number, product in enumerate(products, start=1):
        session = requests.Session()
        user = None
        if signed_in:
            user = customer(number)
            connection.close()
            sign_in(base_url, session, user)
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
        if user is None:
            basket_id = int(session.cookies[settings.OSCAR_BASKET_COOKIE_OPEN].split(":")[0])
        else:
            basket_id = Basket.objects.get(owner=user, status=Basket.OPEN).pk
            connection.close()
        baskets.append(basket_id)
        lines.append(f"{add_path}\t{cookie}\t{body}")
    Path(path).write_text("\n".join(lines) + "\n")
    return baskets


def basket_units(baskets):
    return BasketLine.objects.filter(basket_id__in=baskets).aggregate(units=Sum("quantity"))["units"] or 0


def wrk(url, duration, script, env=None, headers=None, server=None):
    """``headers``: extra request headers (the signed-in customer's Cookie); ``server``: the Gunicorn whose
    ``served`` count the answers add to (the memory report)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    extra = [arg for name, value in (headers or {}).items() for arg in ("-H", f"{name}: {value}")]
    result = subprocess.run(
        ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{duration}s", "--timeout", "30s", "-s", str(HERE / script), *extra, url],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    line = next(line for line in result.stdout.splitlines() if line.startswith("BENCH-JSON "))
    figures = json.loads(line.split(" ", 1)[1])
    figures["client_cpu_s"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if server is not None:
        server.served += figures["requests"]
    return figures


def settle(server, window=0.5, most_ticks=2, longest=60):
    """Wait until the workers are idle: wrk stops after the warm-up with its requests still queued in gunicorn,
    which would otherwise be served inside the measured run (at ~1 s a page, 20 of them take seconds)."""
    deadline = time.monotonic() + longest
    before = cpu_ticks(server.worker_pids())
    while time.monotonic() < deadline:
        time.sleep(window)
        now = cpu_ticks(server.worker_pids())
        if now - before <= most_ticks:
            return
        before = now


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
            wrk(url, WARMUP, script, extra, server=server)
            settle(server)
            units_before = basket_units(baskets) if path is None else 0
            ticks_before, started = cpu_ticks(server.worker_pids()), time.monotonic()
            figures = wrk(url, DURATION, script, extra, server=server)
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
        MEMORY.append(memory_row(label, server))
    return rows, errors


def memory_row(label, server):
    """Start-up time and each worker's RSS once started and now (call it before the server stops)."""
    return {
        "label": label,
        "workers": server.workers,
        "first_ok_s": server.first_ok_s,
        "ready_s": server.ready_s,
        "served": server.served,
        "start": dict(server.rss_start),
        "end": server.worker_rss(),
    }


MEMORY = []


def measure_get(server, label, name, path, headers=None):
    """Warm-up, then wrk on one GET path of ``server``; the row as ``run_once`` makes it (no page cache column)."""
    url = server.url + quote(path, safe="/?=&%")
    wrk(url, WARMUP, "wrk_report.lua", headers=headers, server=server)
    settle(server)
    ticks_before, started = cpu_ticks(server.worker_pids()), time.monotonic()
    figures = wrk(url, DURATION, "wrk_report.lua", headers=headers, server=server)
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


class PeerSite:
    """Stock django-oscar (bench/peer) under the same gunicorn, up for the whole load run; ``measure`` runs wrk on
    its bare view, catalogue list and a product page now."""

    def __init__(self):
        self.server = Gunicorn(
            workers=WORKERS, env={"DJANGO_SETTINGS_MODULE": "bench.peer.settings"}, app="bench.peer.wsgi:application"
        )
        self.paths = None

    def __enter__(self):
        self.server.__enter__()
        listing = requests.get(self.server.url + "/catalogue/", timeout=30)
        listing.raise_for_status()
        product = PEER_PRODUCT_LINK.search(listing.text)
        if product is None:
            self.server.__exit__(None, None, None)
            raise RuntimeError("the peer's /catalogue/ lists no product: is its database populated?")
        self.paths = {"bare": "/bench/bare/", "catalogue": "/catalogue/", "product": product.group(1)}
        return self

    def measure(self, label):
        print(f"Run: stock django-oscar peer (bench/peer), {label}", flush=True)
        return [measure_get(self.server, label, name, path) for name, path in self.paths.items()]

    def errors(self):
        log = self.server.error_log
        return log.read_text() if log.exists() else ""

    def __exit__(self, *exc):
        MEMORY.append(memory_row("peer", self.server))
        return self.server.__exit__(*exc)


def interleaved_rounds(ours, our_path, peer, peer_path, headers):
    """Our page and the peer's in short rounds, alternately (ours first in even rounds, the peer's in odd ones); the
    ratio of each round's req/s. This machine's speed drifts by up to 1.7× within minutes, so a peer measured
    15 s after ours may have met another machine; a round pairs two measurements a few seconds apart, and the
    median of the rounds' ratios is what a drift in either direction moves least. Used for the product page, whose
    peer answers fast enough (40–100 req/s) for rounds of a few seconds; the peer's list, at ~2 s a request
    under load, would complete too few in one."""
    sides = {
        "ours": (ours, ours.url + quote(our_path, safe="/?=&%"), headers),
        "peer": (peer, peer.url + peer_path, None),
    }
    ratios = []
    for number in range(INTERLEAVED_ROUNDS):
        rates = {}
        for side in ("ours", "peer") if number % 2 == 0 else ("peer", "ours"):
            server, url, extra = sides[side]
            figures = wrk(url, INTERLEAVED_SECONDS, "wrk_report.lua", headers=extra, server=server)
            settle(server)  # what wrk left queued is served before the other side's round
            rates[side] = figures["requests"] / (figures["duration_us"] / 1e6)
        ratios.append(rates["ours"] / rates["peer"] if rates["peer"] else float("inf"))
    return ratios


def check_signed_in(base_url, cookie, paths, basket_title):
    """Every page answers 200 to the customer's cookies, rendered for that customer (the logout button, never the
    anonymous page cache's copy); the basket page shows the customer's line. Raises otherwise."""
    for name, path in paths.items():
        answer = requests.get(
            base_url + quote(path, safe="/?=&%"), headers={"Cookie": cookie}, allow_redirects=False, timeout=30
        )
        problems = []
        if answer.status_code != 200:
            problems.append(f"answered {answer.status_code}")
        elif name != "bare":
            if SIGNED_IN_MARK not in answer.text:
                problems.append("has no logout button (not rendered for the signed-in customer)")
            if answer.headers.get("X-Page-Cache") == "hit":
                problems.append("came from the page cache")
            if name == "basket" and html.escape(basket_title) not in answer.text:
                problems.append(f"does not show the customer's line {basket_title!r}")
        if problems:
            raise RuntimeError(f"signed-in {name} {path}: " + "; ".join(problems))


def run_signed_in(cache_seconds, targets, basket_products, visitors_file, peer=None):
    """A signed-in customer holding a basket (one line), on a gunicorn with the page cache as in production: the
    GET pages with its cookies, then add to basket by C signed-in customers; rows ``signed-in``."""
    env = {} if cache_seconds is None else {"OCOP_PAGE_CACHE_SECONDS": str(cache_seconds)}
    label = "signed-in"
    rows = []
    with Gunicorn(workers=WORKERS, env=env) as server:
        session = requests.Session()
        user = customer(0)
        line_product = basket_products[0]
        title = line_product.get_title()
        Basket.objects.filter(owner=user, status=Basket.OPEN).delete()  # one line, whatever an earlier run left
        connection.close()
        sign_in(server.url, session, user)
        page = session.get(server.url + line_product.get_absolute_url(), timeout=30)
        page.raise_for_status()
        added = session.post(
            server.url + f"/basket/add/{line_product.pk}/",
            data={"csrfmiddlewaretoken": CSRF_INPUT.search(page.text).group(1), "quantity": 1},
            allow_redirects=False,
            timeout=30,
        )
        if added.status_code != 302:
            raise RuntimeError(f"the signed-in customer's add to basket answered {added.status_code}")
        session.get(server.url + "/basket/", timeout=30).raise_for_status()  # shows and clears the message
        cookie = "; ".join(f"{name}={value}" for name, value in session.cookies.items())
        paths = {**targets, "basket": "/basket/"}
        check_signed_in(server.url, cookie, paths, title)
        print(f"  {label}: {user.email} with 1 line ({title}); every page 200 and rendered for the customer")
        rows = [measure_get(server, label, name, path, headers={"Cookie": cookie}) for name, path in paths.items()]
        if peer is not None:
            INTERLEAVED["product"] = interleaved_rounds(
                server, targets["product"], peer.server, peer.paths["product"], {"Cookie": cookie}
            )
        baskets = prepare_visitors(server.url, basket_products, visitors_file, signed_in=True)
        connection.close()
        url = server.url + "/"
        extra = {"BENCH_VISITORS": visitors_file}
        wrk(url, WARMUP, "wrk_basket.lua", extra, server=server)
        settle(server)
        units_before = basket_units(baskets)
        ticks_before, started = cpu_ticks(server.worker_pids()), time.monotonic()
        figures = wrk(url, DURATION, "wrk_basket.lua", extra, server=server)
        server_cores = (cpu_ticks(server.worker_pids()) - ticks_before) / os.sysconf("SC_CLK_TCK")
        figures.update(
            name="add to basket",
            run=label,
            server_cores=server_cores / (time.monotonic() - started),
            load=loadavg(),
            cache="—",
            units_added=basket_units(baskets) - units_before,
        )
        connection.close()
        rows.append(figures)
        print(
            f"  {label:<10} {'add to basket':<14} {figures['requests'] / (figures['duration_us'] / 1e6):>8.1f} req/s"
            f"  p50 {figures['p50'] / 1000:.1f} ms  (load {figures['load']})",
            flush=True,
        )
        # Still the customer's own basket after the run: one line, its product (no other visitor's lines).
        check_signed_in(server.url, cookie, {"basket": "/basket/"}, title)
        lines = list(BasketLine.objects.filter(basket__owner=user, basket__status=Basket.OPEN))
        connection.close()
        if len(lines) != 1 or lines[0].product_id != line_product.pk:
            raise RuntimeError(f"the signed-in customer's basket holds {len(lines)} line(s) after the run, not its 1")
        errors = server.error_log.read_text() if server.error_log.exists() else ""
        MEMORY.append(memory_row(label, server))
    return rows, errors


def print_memory():
    """Issue 20's "memory and start-up": per gunicorn, spawn → first 200, and each worker's RSS and growth."""
    print("Memory and start-up (gunicorn sync workers; RSS = VmRSS of /proc/<pid>/status):")
    for entry in MEMORY:
        judged = "" if entry["served"] >= MEMORY_MIN_REQUESTS else f" (fewer than {MEMORY_MIN_REQUESTS:,}: not judged)"
        print(
            f"  {entry['label']:<10} start-up {entry['first_ok_s']:.2f} s from spawning gunicorn to the first 200 of "
            f"the bare view ({entry['workers']} workers forked {entry['ready_s']:.2f} s); "
            f"{entry['served']:,} requests served{judged}"
        )
        for pid, start in sorted(entry["start"].items()):
            end = entry["end"].get(pid)
            if end is None:
                print(f"    worker {pid}: {start / 1024:.1f} MiB at start, gone by the end (replaced)")
                continue
            print(
                f"    worker {pid}: {start / 1024:.1f} MiB at start → {end / 1024:.1f} MiB after the run, "
                f"growth {end - start:+,} KiB ({100 * (end - start) / start:+.1f} %)"
            )
        for pid in sorted(entry["end"].keys() - entry["start"].keys()):
            print(f"    worker {pid}: new during the run (a worker was replaced), {entry['end'][pid] / 1024:.1f} MiB")


# Signed-in page → the ratios of its interleaved rounds against the peer's page (``interleaved_rounds``).
INTERLEAVED = {}

# Which measurement of the peer each run of ours is divided by: the one taken right after it.
PEER_BESIDE = {"signed-in": "peer again"}


def print_peer_ratios(rows):
    """Issue 20's ratios: ours ÷ stock Oscar's catalogue list (catalogue, category, search, home) and ours ÷ its
    product page (product), in req/s, each against the peer's figures measured next to it in this run; the target
    (≥ 2×) judged for the runs without the page cache."""

    def rps(row):
        return row["requests"] / (row["duration_us"] / 1e6)

    peers = {}
    for row in rows:
        if row["run"].startswith("peer"):
            peers.setdefault(row["run"], {})[row["name"]] = rps(row)
    if "peer" not in peers or not {"catalogue", "product"} <= peers["peer"].keys():
        return
    for label, peer in peers.items():
        print(
            f"Stock django-oscar 4.2.1 ({label}): its catalogue list {peer['catalogue']:.1f} req/s, "
            f"its product page {peer['product']:.1f} req/s, its bare view {peer['bare']:.1f} req/s"
        )
    for run in dict.fromkeys(row["run"] for row in rows if not row["run"].startswith("peer")):
        peer_label = PEER_BESIDE.get(run) if PEER_BESIDE.get(run) in peers else "peer"
        peer = peers[peer_label]
        ours = {row["name"]: rps(row) for row in rows if row["run"] == run}
        judged = "cache on" not in run
        for name, (against, target) in PEER_TARGETS.items():
            if name not in ours:
                continue
            if not peer[against]:
                print(f"  {run:<10} {name:<14} no ratio: the peer's {against} completed no request")
                continue
            ratio = ours[name] / peer[against]
            verdict = f"  target ≥ {target}×: {'met' if ratio >= target else 'NOT met'}" if judged else ""
            print(f"  {run:<10} {name:<14} ÷ {peer_label:<10} {against:<9} {ratio:>6.2f}×{verdict}")
    for name, ratios in INTERLEAVED.items():
        against, target = PEER_TARGETS[name]
        median = statistics.median(ratios)
        print(
            f"  signed-in  {name:<14} ÷ peer       {against:<9} {median:>6.2f}×  target ≥ {target}×: "
            f"{'met' if median >= target else 'NOT met'} — median of {len(ratios)} interleaved rounds of "
            f"{INTERLEAVED_SECONDS} s each side: " + ", ".join(f"{ratio:.2f}" for ratio in ratios)
        )


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
        times = row["p50"] / floor["p50"] if floor["p50"] else float("nan")
        share = 100 * rps / floor_rps if floor_rps else float("nan")
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
    print(f"Shared cache: {settings.CACHES['default']['BACKEND']} ({settings.CACHES['default']['LOCATION']})")
    if not has_cache:
        print("OCOP_PAGE_CACHE_SECONDS is not a setting here: one run, no page cache.")
    rows, failures = [], []
    visitors_file = Path(os.environ.get("OCOP_VAR_DIR", "/tmp")) / "bench-visitors.tsv"
    with PeerSite() if PEER else contextlib.nullcontext() as peer:
        for label, seconds in runs:
            print(
                f"Run: {label}" + (f" (OCOP_PAGE_CACHE_SECONDS={seconds})" if seconds is not None else ""), flush=True
            )
            run_rows, errors = run_once(label, seconds, targets, basket_products, str(visitors_file))
            rows.extend(run_rows)
            if "Traceback" in errors or "[ERROR]" in errors:
                failures.append(f"{label}: gunicorn's error log:\n{errors[-4000:]}")
            if peer and label == runs[0][0]:
                rows.extend(peer.measure("peer"))
            fallbacks = errors.count("Elasticsearch unavailable")
            print(
                f"  {label}: {fallbacks} 'Elasticsearch unavailable' fallbacks to the database in gunicorn's log"
                + (f", {errors.count('WORKER TIMEOUT')} worker timeouts" if "WORKER TIMEOUT" in errors else "")
            )
        seconds = runs[-1][1]
        print(
            "Run: signed-in customer holding a basket"
            + (f" (OCOP_PAGE_CACHE_SECONDS={seconds})" if seconds is not None else ""),
            flush=True,
        )
        signed_rows, errors = run_signed_in(seconds, targets, basket_products, str(visitors_file), peer)
        rows.extend(signed_rows)
        if "Traceback" in errors or "[ERROR]" in errors:
            failures.append(f"signed-in: gunicorn's error log:\n{errors[-4000:]}")
        if peer:
            rows.extend(peer.measure(PEER_BESIDE["signed-in"]))
            peer_errors = peer.errors()
            if "Traceback" in peer_errors or "[ERROR]" in peer_errors:
                failures.append(f"peer: gunicorn's error log:\n{peer_errors[-4000:]}")
    print()
    markdown = print_table(rows)
    print()
    print("\n".join(markdown))
    print()
    print_peer_ratios(rows)
    print()
    print_memory()
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
