"""Soak: N minutes of mixed traffic against the gunicorn site, then checks that nothing went wrong.

    bash bench/soak.sh                       # starts PostgreSQL, Elasticsearch, prepares data, runs this
    bash bench/soak.sh --minutes 2 --clients 4   # arguments are passed on

Expects the environment of bench/common.sh (prepared database, Elasticsearch, bench.settings). Starts
gunicorn (sync workers, the page cache as configured: OCOP_PAGE_CACHE_SECONDS, 300 s by default), then
C client threads, each a visitor with its own cookies, loop over a weighted mix with a short think
time: the home page, category pages (pages 1–3), product pages, searches, and guest checkouts paying
cash on delivery — add 1–3 products to the basket (a third of the lines from 5 "hot" products, so
buyers contend for the same stock rows), the basket, the guest step, the delivery address, shipping,
payment method, preview, place order, the thank-you page — after which the visitor starts afresh.
Forms are posted as a browser would: their hidden fields and CSRF token from the page, our values
on top (the address of tests/shop/checkout/journey.py).

At the end it checks, and exits non-zero when one fails:
- no 5xx answer and no failed request (connection error, timeout);
- a checkout step may send the buyer back to the basket only when another buyer took the last units
  meanwhile (the basket page then says which product ran out), and place order may refuse only then;
- orders: every checkout that reached the thank-you page has exactly one order (its guest email, its
  number as shown), and no soak order exists without a checkout that reached the thank-you page;
- stock: for every stock record, ``num_allocated`` equals the quantities of its open order lines
  (pending or confirmed), and no record has negative availability or allocation;
- worker memory: the RSS of each gunicorn worker, sampled every few seconds, grows by at most
  --rss-tolerance (10 %) from the median of the minute after warm-up (--warmup, default 2 minutes)
  to the median of the last minute; no worker was replaced during the run.
"""

import argparse
import html.parser
import math
import os
import random
import re
import statistics
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlencode

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count, F, Q, Sum  # noqa: E402
from django.db.models.functions import Coalesce  # noqa: E402
from django.urls import reverse  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

from bench.harness import Gunicorn, loadavg, percentile, rss_kib  # noqa: E402
from catalogue.listing import for_sale  # noqa: E402
from shop.core import order_statuses as statuses  # noqa: E402
from tests.shop.checkout.journey import lao_cai_address  # noqa: E402

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")
Order = get_model("order", "Order")
Line = get_model("order", "Line")

SEARCHES = [
    "chè shan tuyết",
    "mật ong",
    "que bao yen",
    "cá hồi sa pa",
    "thổ cẩm",
    "tinh dầu quế",
    "gạo",
    "măng",
    "rượu ngô bắc hà",
    "mien dong",
    "chè",
    "táo mèo",
    "thảo dược",
    "xà phòng",
    "tam that",
    "hạt dẻ",
    "nấm",
    "không có gì như thế này",
]
OPEN_LINE_STATUSES = (statuses.LINE_PENDING, statuses.LINE_CONFIRMED)


class FormParser(html.parser.HTMLParser):
    """The fields a browser would submit for the form whose action ends with ``action`` (or the first
    form with a CSRF token): hidden inputs, text defaults, checked boxes, selected options."""

    def __init__(self, action=None):
        super().__init__()
        self.action, self.forms, self.current, self.select = action, [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = {"action": attrs.get("action", ""), "fields": {}}
            self.forms.append(self.current)
        elif self.current is None:
            return
        elif tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind in ("submit", "button", "image", "file"):
                return
            self.current["fields"].setdefault(attrs["name"], attrs.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "select" and attrs.get("name"):
            self.select = attrs["name"]
        elif tag == "option" and self.select:
            if "selected" in attrs or self.select not in self.current["fields"]:
                self.current["fields"][self.select] = attrs.get("value", "")
        elif tag == "textarea" and attrs.get("name"):
            self.current["fields"].setdefault(attrs["name"], "")

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "form":
            self.current = None

    def fields(self):
        """The form posting to ``action`` (a path), or else the page's one form without an action
        attribute (it posts to the page itself)."""
        for form in self.forms:
            if form["action"] and form["action"].split("?")[0].endswith(self.action):
                return dict(form["fields"])
        for form in self.forms:
            if not form["action"] and "csrfmiddlewaretoken" in form["fields"]:
                return dict(form["fields"])
        raise LookupError(f"no form posting to {self.action!r}")


def form_fields(page_html, action=None):
    parser = FormParser(action)
    parser.feed(page_html)
    return parser.fields()


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.times = defaultdict(list)
        self.codes = Counter()
        self.page_cache = Counter()  # (kind, "hit" | "miss") from the X-Page-Cache header
        self.server_errors = []
        self.failures = []
        self.checkouts = Counter()
        self.completed = {}  # guest email -> order number shown on the thank-you page
        self.started_emails = set()
        self.completed_signed_in = defaultdict(list)  # account email -> order numbers shown
        self.refused = []  # (email, status, location) of place-order answers other than the thank-you page

    def record(self, kind, seconds, status, url, page_cache=None):
        with self.lock:
            if page_cache:
                self.page_cache[kind, page_cache] += 1
            self.times[kind].append(seconds)
            self.codes[status // 100 * 100] += 1
            if status >= 500:
                self.server_errors.append((kind, status, url))


class Visitor:
    def __init__(self, base, stats, targets, rng, run_id, number):
        self.base, self.stats, self.targets, self.rng = base, stats, targets, rng
        self.run_id, self.number, self.checkouts = run_id, number, 0
        self.urls = targets["urls"]
        self.new_session()

    def new_session(self):
        self.session = requests.Session()

    def request(self, kind, method, path, expect=(200,), **kwargs):
        url = path if path.startswith("http") else self.base + path
        started = time.perf_counter()
        try:
            response = self.session.request(method, url, timeout=60, allow_redirects=False, **kwargs)
        except requests.RequestException as error:
            with self.stats.lock:
                self.stats.failures.append((kind, url, repr(error)))
            raise
        self.stats.record(
            kind, time.perf_counter() - started, response.status_code, url, response.headers.get("X-Page-Cache")
        )
        if response.status_code not in expect:
            raise UnexpectedAnswer(kind, url, response)
        return response

    def post_form(self, kind, path, page, values, expect=(302,)):
        fields = form_fields(page.text, path)
        fields.update(values)
        return self.request(kind, "POST", path, expect=expect, data=fields, headers={"Referer": self.base + path})

    def sent_back_to_basket(self, answer):
        """Every checkout step first checks the basket (Oscar's ``check_basket_is_valid``): when another
        buyer took the last units meanwhile, it redirects to the basket, which says which product ran out.
        Right only then."""
        response = answer.response
        if response.status_code != 302 or not response.headers.get("Location", "").endswith(self.urls["basket"]):
            return False
        basket = self.request("basket", "GET", self.urls["basket"])
        if BASKET_NO_LONGER_AVAILABLE not in basket.text:
            return False
        with self.stats.lock:
            self.stats.checkouts["sent back to the basket"] += 1
        self.new_session()
        return True

    # --- the mix -------------------------------------------------------------------------------

    def home(self):
        self.request("home", "GET", "/")

    def category(self):
        self.request("category", "GET", self.rng.choice(self.targets["categories"]))

    def product(self):
        self.request("product", "GET", self.rng.choice(self.targets["products"])[1])

    def search(self):
        self.request("search", "GET", self.urls["search"] + "?" + urlencode({"q": self.rng.choice(SEARCHES)}))

    def log_in(self, email, password):
        """Sign in on the storefront's login page as a browser does (a new session)."""
        self.new_session()
        page = self.request("log in", "GET", self.urls["login"])
        self.post_form(
            "log in",
            self.urls["login"],
            page,
            {"login-username": email, "login-password": password, "login_submit": "1"},
        )

    def checkout(self, method="cod", account=None):
        """A guest checkout paying by ``method``, or, with ``account`` ((email, password)), a signed-in one."""
        self.checkouts += 1
        email = self.buyer = account[0] if account else f"soak.{self.run_id}.{self.number}.{self.checkouts}@example.vn"
        with self.stats.lock:
            self.stats.checkouts["started"] += 1
            self.stats.checkouts[f"started: {'signed in' if account else 'guest'}, {method}"] += 1
        if account:
            self.log_in(*account)
        lines = self.rng.choice([1, 1, 2, 3])
        added = 0
        for _ in range(lines):
            pk, path = self.rng.choice(self.targets["hot"] if self.rng.random() < 1 / 3 else self.targets["products"])
            page = self.request("product", "GET", path)
            try:
                fields = form_fields(page.text, f"/basket/add/{pk}/")
            except LookupError:
                # No add-to-basket form: right only when the product is sold out (checked in the database).
                if not sold_out(pk):
                    raise
                with self.stats.lock:
                    self.stats.checkouts["sold-out product skipped"] += 1
                continue
            fields.update({"quantity": self.rng.choice([1, 1, 2])})
            self.request(
                "add to basket",
                "POST",
                f"/basket/add/{pk}/",
                expect=(302,),
                data=fields,
                headers={"Referer": self.base + path},
            )
            added += 1
        if not added:
            with self.stats.lock:
                self.stats.checkouts["abandoned: all sold out"] += 1
            self.new_session()  # a signed-in buyer who gives up must not stay signed in for a guest checkout
            return
        self.request("basket", "GET", self.urls["basket"])
        try:
            if account:  # a signed-in buyer goes straight to the delivery address
                self.request("checkout", "GET", self.urls["checkout"], expect=(302,))
            else:
                page = self.request("checkout", "GET", self.urls["checkout"])
                self.post_form(
                    "checkout",
                    self.urls["checkout"],
                    page,
                    {"username": email, "options": "anonymous", "personal_data_consent": "on"},
                )
                with self.stats.lock:
                    self.stats.started_emails.add(email)
            page = self.request("checkout", "GET", self.urls["address"])
            self.post_form("checkout", self.urls["address"], page, lao_cai_address())
            self.request("checkout", "GET", self.urls["shipping"], expect=(302, 200))
            page = self.request("checkout", "GET", self.urls["payment"])
            paid = self.post_form("checkout", self.urls["payment"], page, {"method": method}, expect=(302, 200))
            if paid.status_code == 200 and method == "cod" and COD_REFUSED in paid.text:
                # A basket above the COD order limits (payments/cod_limits.py: 5,000,000 ₫ by default; two units
                # of a 2.6-million gift set) may not be paid on delivery: the buyer pays by transfer instead.
                with self.stats.lock:
                    self.stats.checkouts["COD refused for the basket: paid by transfer"] += 1
                paid = self.post_form("checkout", self.urls["payment"], paid, {"method": "vietqr"}, expect=(302, 200))
            if paid.status_code != 302:
                raise UnexpectedAnswer("checkout", self.urls["payment"], paid)
            page = self.request("checkout", "GET", self.urls["preview"])
        except UnexpectedAnswer as answer:
            if not self.sent_back_to_basket(answer):
                raise
            self.new_session()
            return
        # 200: the preview again. Correct only when the stock ran out since the basket was filled
        # (another buyer took the last units): Oscar keeps the basket and says so.
        placed = self.post_form("place order", self.urls["preview"], page, {"action": "place_order"}, expect=(302, 200))
        if placed.status_code == 200 and any(words in placed.text for words in PRICE_CHANGED):
            # A producer changed a price since the preview (the soak's producer edits): the preview shows
            # the new total; the buyer confirms it once.
            with self.stats.lock:
                self.stats.checkouts["price changed: confirmed again"] += 1
            placed = self.post_form(
                "place order", self.urls["preview"], placed, {"action": "place_order"}, expect=(302, 200)
            )
        if placed.status_code == 200 and OUT_OF_STOCK not in placed.text:
            raise UnexpectedAnswer("place order", self.urls["preview"], placed)
        location = placed.headers.get("Location", "")
        if not location.rstrip("/").endswith(self.urls["thank_you"].rstrip("/")):
            with self.stats.lock:
                self.stats.checkouts["refused"] += 1  # e.g. out of stock: Oscar sends the buyer back
                self.stats.refused.append((email, placed.status_code, location))
            self.new_session()
            return
        page = self.request("thank you", "GET", location)
        number = self.targets["order_number"](page.text)
        with self.stats.lock:
            self.stats.checkouts["completed"] += 1
            if account:
                self.stats.completed_signed_in[email].append(number)
            else:
                self.stats.completed[email] = number
        self.new_session()

    def run(self, stop_at):
        actions = [(self.home, 15), (self.category, 20), (self.product, 25), (self.search, 20), (self.checkout, 20)]
        functions, weights = zip(*actions)
        while time.monotonic() < stop_at:
            action = self.rng.choices(functions, weights)[0]
            try:
                action()
            except UnexpectedAnswer as answer:
                with self.stats.lock:
                    self.stats.failures.append((answer.kind, answer.url, f"HTTP {answer.response.status_code}"))
                self.new_session()
            except (requests.RequestException, LookupError) as error:
                with self.stats.lock:
                    self.stats.failures.append((action.__name__, "", repr(error)))
                self.new_session()
            time.sleep(self.rng.uniform(0, 0.2))


def sold_out(product_pk):
    try:
        return not StockRecord.objects.filter(product_id=product_pk, num_in_stock__gt=F("num_allocated")).exists()
    finally:
        connection.close()


# The words of shop.order.utils.OutOfStock's two messages, as the buyer reads them.
OUT_OF_STOCK = "Giỏ hàng của bạn vẫn được giữ nguyên"
# The end of Oscar's "'…' is no longer available to buy (…). Please adjust your basket to continue".
BASKET_NO_LONGER_AVAILABLE = "Vui lòng điều chỉnh giỏ hàng của bạn để tiếp tục"
# The preview shown again because a price changed since the buyer saw it (shop/checkout/views.py,
# shop.order.utils.PricesChanged).
PRICE_CHANGED = ("Đơn hàng đã thay đổi kể từ khi bạn xem", "vừa thay đổi. Đơn hàng chưa được đặt")
# The payment step refusing cash on delivery for the basket alone (payments.cod_limits.order_refusal).
COD_REFUSED = "Thanh toán khi nhận hàng chỉ áp dụng cho đơn"


class UnexpectedAnswer(Exception):
    def __init__(self, kind, url, response):
        super().__init__(f"{kind} {url}: HTTP {response.status_code}")
        self.kind, self.url, self.response = kind, url, response

    @property
    def said(self):
        """Where a redirect went, or what a page answered instead (its error messages), for the report."""
        if self.response.is_redirect:
            return self.response.headers.get("Location", "")
        return page_errors(self.response.text)[:300]


# What a form page says went wrong: field errors, Bootstrap's alerts and Oscar's messages.
ERROR_TEXT = re.compile(
    r'<(?:ul|div|li|p|span)[^>]*class="[^"]*(?:errorlist|invalid-feedback|alert-danger|alert-warning|alert-error)'
    r'[^"]*"[^>]*>(.*?)</(?:ul|div|li|p|span)>',
    re.S,
)


def page_errors(page_html):
    texts = (re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found)).strip() for found in ERROR_TEXT.findall(page_html))
    return " | ".join(text for text in texts if text)


ORDER_NUMBER = re.compile(r'class="order-number">([^<]+)<')


def order_number_from(page_html):
    """The order number as the thank-you page shows it (checked against the database at the end)."""
    found = ORDER_NUMBER.search(page_html)
    return found.group(1).strip() if found else None


def targets():
    listed = for_sale()
    goods = list(listed.filter(product_class__requires_shipping=True).order_by("pk").values_list("pk", flat=True))
    rng = random.Random(7)
    sample = rng.sample(goods, min(400, len(goods)))
    products = [(p.pk, p.get_absolute_url()) for p in Product.objects.filter(pk__in=sample)]
    hot = products[:5]
    categories = category_pages(listed, sample)
    return {
        "products": products,
        "hot": hot,
        "categories": categories,
        "urls": {
            "search": reverse("search:search"),
            "basket": reverse("basket:summary"),
            "checkout": reverse("checkout:index"),
            "address": reverse("checkout:shipping-address"),
            "shipping": reverse("checkout:shipping-method"),
            "payment": reverse("checkout:payment-method"),
            "preview": reverse("checkout:preview"),
            "thank_you": reverse("checkout:thank-you"),
            "login": reverse("customer:login"),
        },
        "order_number": order_number_from,
    }


def category_pages(listed, bought):
    """Category pages that exist, and keep existing through the run: categories with ``listed`` products, their
    pages 1 to 3 within the count (24 a page) of the listed products outside ``bought``. A product bought may sell
    out and leave its category's pages: with a catalogue of 1,000 a category's page 3 went away during a soak (404)."""
    categories = []
    for category in (
        Category.objects.filter(is_public=True)
        .annotate(
            listed=Count("product", filter=Q(product__in=listed)),
            kept=Count("product", filter=Q(product__in=listed) & ~Q(product__in=bought)),
        )
        .filter(listed__gt=0)
    ):
        pages = max(1, math.ceil(category.kept / settings.OSCAR_PRODUCTS_PER_PAGE))
        categories += [
            category.get_absolute_url() + (f"?page={n}" if n > 1 else "") for n in range(1, min(3, pages) + 1)
        ]
    return categories


def sample_memory(server, stop, samples, started):
    while not stop.wait(5):
        now = time.monotonic() - started
        for pid in server.worker_pids():
            rss = rss_kib(pid)
            if rss is not None:
                samples.append((now, pid, rss))


def check_orders(stats, run_id, in_flight=()):
    """``in_flight``: buyers whose place-order request was lost with a node that died (cluster_soak.py): one
    order without a thank-you page is right for them (placed before the node died, or not)."""
    problems = []
    orders = defaultdict(list)
    for number, email in Order.objects.filter(guest_email__startswith=f"soak.{run_id}.").values_list(
        "number", "guest_email"
    ):
        orders[email].append(number)
    for email, shown in stats.completed.items():
        found = orders.get(email, [])
        if len(found) != 1:
            problems.append(f"{email}: reached the thank-you page, {len(found)} orders {found}")
        elif shown is not None and shown != found[0]:
            problems.append(f"{email}: the thank-you page showed {shown}, the order is {found[0]}")
    for email, numbers in orders.items():
        if email in in_flight and len(numbers) == 1 and email not in stats.completed:
            continue
        if email not in stats.completed:
            problems.append(f"{email}: orders {numbers} without a checkout that reached the thank-you page")
    return sum(len(v) for v in orders.values()), problems


def check_stock():
    records = StockRecord.objects.annotate(
        open_quantity=Coalesce(Sum("line__quantity", filter=Q(line__status__in=OPEN_LINE_STATUSES)), 0)
    )
    mismatched = records.exclude(num_allocated=F("open_quantity")).exclude(
        Q(num_allocated__isnull=True) & Q(open_quantity=0)
    )
    negative = StockRecord.objects.filter(
        Q(num_allocated__lt=0) | Q(num_in_stock__lt=0) | Q(num_in_stock__lt=F("num_allocated"))
    )
    problems = [
        f"stock record {r.pk} ({r.partner_sku}): allocated {r.num_allocated}, open lines {r.open_quantity}"
        for r in mismatched[:20]
    ]
    problems += [
        f"stock record {r.pk} ({r.partner_sku}): in stock {r.num_in_stock}, allocated {r.num_allocated}"
        for r in negative[:20]
    ]
    return records.count(), mismatched.count(), negative.count(), problems


def check_memory(samples, warmup, duration, tolerance):
    by_pid = defaultdict(list)
    for moment, pid, rss in samples:
        by_pid[pid].append((moment, rss))
    rows, problems = [], []
    for pid, points in sorted(by_pid.items()):
        after = [rss for moment, rss in points if warmup <= moment < warmup + 60]
        last = [rss for moment, rss in points if moment >= duration - 60]
        if not after or not last:
            problems.append(f"worker {pid}: not alive for the whole run (replaced or died)")
            continue
        base, end = statistics.median(after), statistics.median(last)
        growth = (end - base) / base
        rows.append((pid, points[0][1], base, end, max(rss for _m, rss in points), growth))
        if growth > tolerance:
            problems.append(f"worker {pid}: RSS grew {growth:.1%} ({base / 1024:.1f} → {end / 1024:.1f} MiB)")
    return rows, problems


def report_latency(stats, wall):
    """Requests, answers, latency per request kind, page-cache hits and checkouts (soak.py, cluster_soak.py)."""
    total = sum(len(t) for t in stats.times.values())
    print()
    print(
        f"{total} requests in {wall:.0f} s ({total / wall:.1f}/s); answers {dict(sorted(stats.codes.items()))}; "
        f"load at the end {loadavg()}"
    )
    print(f"{'kind':<14} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind, times in sorted(stats.times.items(), key=lambda kv: -len(kv[1])):
        print(
            f"{kind:<14} {len(times):>8} {percentile(times, 0.5) * 1000:>8.0f} {percentile(times, 0.95) * 1000:>8.0f} "
            f"{percentile(times, 0.99) * 1000:>8.0f} {max(times) * 1000:>8.0f}"
        )
    if stats.page_cache:
        print(
            "page cache (X-Page-Cache): "
            + ", ".join(
                f"{kind} {stats.page_cache[kind, 'hit']} hits / {stats.page_cache[kind, 'miss']} misses"
                for kind in sorted({kind for kind, _state in stats.page_cache})
            )
        )
    print(
        f"checkouts: {stats.checkouts['started']} started, {stats.checkouts['completed']} reached the thank-you page, "
        f"{stats.checkouts['refused']} sent back by place order, {stats.checkouts['sent back to the basket']} sent "
        f"back to the basket by an earlier step (sold out meanwhile), {stats.checkouts['abandoned: all sold out']} "
        f"abandoned (everything chosen sold out); sold-out products met: {stats.checkouts['sold-out product skipped']}"
    )


def parse_arguments(default_minutes):
    """The soaks' common options (this one and bench/cluster_soak.py)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=default_minutes)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--warmup", type=float, default=2, help="minutes of warm-up before memory is judged")
    parser.add_argument("--rss-tolerance", type=float, default=0.10)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", 0)) or None)
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args()


def main():
    args = parse_arguments(default_minutes=10)
    duration = args.minutes * 60
    warmup = min(args.warmup * 60, duration / 3)
    run_id = f"{int(time.time())}"
    goal = targets()
    orders_before = Order.objects.count()
    connection.close()
    stats = Stats()
    samples = []
    print(
        f"Soak {args.minutes:g} min, {args.clients} clients, page cache {settings.OCOP_PAGE_CACHE_SECONDS} s, "
        f"{len(goal['products'])} products ({len(goal['hot'])} hot), load {loadavg()}",
        flush=True,
    )
    with Gunicorn(workers=args.workers) as server:
        workers_at_start = sorted(server.worker_pids())
        print(f"gunicorn {server.url}, workers {workers_at_start}", flush=True)
        started = time.monotonic()
        stop_at = started + duration
        stop = threading.Event()
        sampler = threading.Thread(target=sample_memory, args=(server, stop, samples, started), daemon=True)
        sampler.start()
        visitors = [
            Visitor(server.url, stats, goal, random.Random(args.seed * 1000 + n), run_id, n)
            for n in range(args.clients)
        ]
        threads = [threading.Thread(target=v.run, args=(stop_at,)) for v in visitors]
        for thread in threads:
            thread.start()
        while any(thread.is_alive() for thread in threads):
            time.sleep(min(60, max(1, stop_at - time.monotonic())))
            elapsed = time.monotonic() - started
            if elapsed < duration - 1:
                print(
                    f"  {elapsed / 60:4.1f} min: {sum(len(t) for t in stats.times.values())} requests, "
                    f"{stats.checkouts['completed']} checkouts, {len(stats.server_errors)} 5xx, "
                    f"{len(stats.failures)} failures, load {loadavg()}",
                    flush=True,
                )
        for thread in threads:
            thread.join()
        stop.set()
        sampler.join()
        wall = time.monotonic() - started
        workers_at_end = sorted(server.worker_pids())
        error_log = server.error_log.read_text() if server.error_log.exists() else ""

    report_latency(stats, wall)
    hot = list(
        StockRecord.objects.filter(product_id__in=[pk for pk, _path in goal["hot"]]).values_list(
            "product_id", "num_in_stock", "num_allocated"
        )
    )
    print("hot products (id, in stock, allocated): " + ", ".join(f"{p} {n} {a}" for p, n, a in hot))

    failed = []
    if stats.server_errors:
        failed.append(f"{len(stats.server_errors)} 5xx answers, e.g. {stats.server_errors[:5]}")
    if stats.failures:
        kinds = Counter(
            (kind, error if error.startswith("HTTP") else error[:60]) for kind, _url, error in stats.failures
        )
        failed.append(f"{len(stats.failures)} failed requests or steps: {dict(kinds)}; e.g. {stats.failures[:5]}")
    soak_orders, order_problems = check_orders(stats, run_id)
    print(
        f"orders: {soak_orders} soak orders in the database for {len(stats.completed)} completed checkouts "
        f"({Order.objects.count() - orders_before} new orders in all); problems: {len(order_problems)}"
    )
    failed += order_problems
    records, mismatched, negative, stock_problems = check_stock()
    print(
        f"stock: {records} stock records; allocation ≠ open order lines: {mismatched}; negative availability: {negative}"
    )
    failed += stock_problems
    rows, memory_problems = check_memory(samples, warmup, wall, args.rss_tolerance)
    print(
        f"worker RSS (MiB): first sample, median of the minute after {warmup / 60:g} min warm-up, "
        f"median of the last minute, max; tolerance {args.rss_tolerance:.0%}"
    )
    for pid, first, base, end, peak, growth in rows:
        print(
            f"  worker {pid}: {first / 1024:7.1f} {base / 1024:7.1f} {end / 1024:7.1f} {peak / 1024:7.1f}  "
            f"growth {growth:+.1%}"
        )
    if workers_at_start != workers_at_end:
        memory_problems.append(f"workers changed during the run: {workers_at_start} → {workers_at_end}")
    failed += memory_problems
    if "Traceback" in error_log or "[CRITICAL]" in error_log or "WORKER TIMEOUT" in error_log:
        failed.append("gunicorn's error log has errors:\n" + error_log[-3000:])
    print()
    if failed:
        print("SOAK FAILED:")
        for problem in failed[:40]:
            print(f"  - {problem}")
        return 1
    print("SOAK PASSED: no 5xx, no lost or duplicated orders, stock consistent, worker memory flat.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
