"""Multi-node fault soak (issue 19, item 5): two web nodes, a worker, a scheduler, mixed traffic, faults.

    bash bench/cluster_soak.sh                  # PostgreSQL, Elasticsearch, Redis, prepared data, then this
    bash bench/cluster_soak.sh --minutes 6      # arguments are passed on

A separate script rather than an option of soak.py, because it owns processes soak.py does not (a second
node, the worker, the scheduler, the services' faults) and judges the end differently (failover windows,
the outbox, the search index); it reuses soak.py's visitors, checkout, checks and report.

Expects the environment of bench/cluster_soak.sh (bench/common.sh + Redis, ``OCOP_TASKS_BACKEND=database``,
mail delivered to files in ``EMAIL_FILE_PATH``). Starts two gunicorn nodes (separate processes, ports),
``manage.py db_worker`` and ``manage.py run_scheduler``, then C visitors whose every request goes to a node
picked at random — a request refused by a node (connection error) is sent to the other one, as a load
balancer would. The mix is soak.py's (home, categories, products, searches, guest checkouts) with guest and
signed-in checkouts paying cash on delivery or by VietQR transfer, plus a back office thread: the demo
producer changing a price and stock on the portal's price page, the demo reviewer approving a submitted
product. Faults, at fractions of the run: 15 % the worker SIGKILLed while a task runs, restarted 5 s later;
30 % Elasticsearch stopped for a minute (a tenth of the run when shorter); 50 % Redis restarted (its keys
lost); 65 % web node B SIGKILLed, restarted a minute (or a tenth) later.

At the end — traffic stopped, the queue drained (tasks a dead worker left are requeued as the scheduled job
does), the index swept — it checks, and exits non-zero when one fails: every checkout that reached the
thank-you page has exactly one order (guests by email, accounts by the numbers shown); stock allocations
equal open order lines; every outbox row sent, and each delivered exactly once (the mail files, counted by
recipient and subject against the sent rows); the search index equals the database (``indexing.check``);
no 5xx and no failed request, except requests refused by node B while it was down (sent to node A:
counted); memory flat for node A's workers, the worker (since its restart) and the scheduler.
"""

import email
import email.policy
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import requests
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_tasks.base import TaskResultStatus  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

from bench import soak  # noqa: E402
from bench.harness import DEPLOYED, ROOT, VENV_BIN, Gunicorn, loadavg, rss_kib  # noqa: E402
from catalogue.listing import for_sale  # noqa: E402
from catalogue.programme.review import ReviewStatus  # noqa: E402
from cms.demo import logins  # noqa: E402
from shop.core import changes  # noqa: E402
from shop.jobs import retries  # noqa: E402
from shop.jobs.models import ScheduledRun  # noqa: E402
from shop.notifications.models import OutboxMessage  # noqa: E402
from shop.search import indexing  # noqa: E402
from shop.users import offices  # noqa: E402

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
User = get_user_model()
BUYER_PASSWORD = "soak-buyer-2026"
LOG_LINE = re.compile(r'"level": "(?P<level>[A-Z]+)", "logger": "(?P<logger>[^"]+)"')
PYTHON = str(VENV_BIN / "python")
# The worker's share of contended cores, as deployed (deploy/systemd/ocop-worker.service: CPUWeight=12, compose:
# cpu_shares 128): niceness 10 is a weight of 110 against the web nodes' 1,024.
WORKER_NICENESS = int(os.environ.get("BENCH_WORKER_NICENESS", 10))


def lower_priority(pid, niceness):
    """Lower the CPU share of the session ``pid`` leads. A nice value counts only against the threads of its own
    scheduling group (sched(7)); with the kernel's autogroups on, every session is a group, so the web nodes, each in
    its own session, never saw the worker's niceness and it took a node's share of the cores. The group's own nice
    value (/proc/PID/autogroup) weighs it against the others, as ``CPUWeight=`` does a systemd unit's cgroup."""
    os.setpriority(os.PRIO_PROCESS, pid, niceness)
    autogroup = Path(f"/proc/{pid}/autogroup")
    if autogroup.exists():  # Linux with CONFIG_SCHED_AUTOGROUP
        try:
            autogroup.write_text(str(niceness))
        except OSError as error:
            print(f"The worker keeps a full share of the CPU ({autogroup}: {error}).", file=sys.stderr)


class Service:
    """A ``manage.py`` process (the worker, the scheduler), its output in a log file, its share of the CPU lowered
    by ``niceness`` (as deploy/systemd's ``CPUWeight=``)."""

    def __init__(self, name, *arguments, log_dir, env=None, niceness=0):
        self.name, self.arguments, self.log_path = name, arguments, Path(log_dir) / f"{name}.log"
        self.env = {**os.environ, **(env or {})}
        self.niceness = niceness
        self.process, self.started_at = None, None

    def start(self):
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [PYTHON, "manage.py", *self.arguments],
                cwd=ROOT,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        if self.niceness:
            lower_priority(self.process.pid, self.niceness)
        self.started_at = time.monotonic()
        return self

    @property
    def pid(self):
        return self.process.pid if self.process and self.process.poll() is None else None

    def kill(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()


class Cluster:
    """The two web nodes, the worker and the scheduler; ``down`` is the node the client must not count on."""

    def __init__(self, workers, log_dir, env=None):
        self.nodes = {
            name: Gunicorn(workers=workers, log_dir=log_dir, probe="/healthz", env=env, app_log=True, config=DEPLOYED)
            for name in ("A", "B")
        }
        # The worker yields the cores to the web nodes while buyers wait, as deployed (deploy/systemd).
        self.worker = Service(
            "db_worker",
            "db_worker",
            "--interval",
            "0.5",
            "--no-startup-delay",
            log_dir=log_dir,
            env=env,
            niceness=WORKER_NICENESS,
        )
        self.scheduler = Service("run_scheduler", "run_scheduler", "--interval", "5", log_dir=log_dir, env=env)
        self.windows = []  # (node name, from, to) in monotonic time: the node was down
        self.redis_restart = None  # (from, to) in monotonic time
        self.started = time.monotonic()  # the traffic's start (set by main)
        self.events = []  # (monotonic time, what happened)

    def start(self, background=True):
        """Both nodes, and (``background``) the worker and the scheduler."""
        for node in self.nodes.values():
            node.start()
        if background:
            self.worker.start()
            self.scheduler.start()
        return self

    def stop(self):
        self.scheduler.stop()
        self.worker.stop()
        for node in self.nodes.values():
            node.stop()

    def near_redis_restart(self, grace=15):
        """Now is within the Redis restart, or ``grace`` seconds after (the cache's 5 s retry, slow nodes)."""
        if self.redis_restart is None:
            return False
        start, end = self.redis_restart
        return start <= time.monotonic() <= (end or time.monotonic()) + grace

    def event(self, text):
        self.events.append((time.monotonic(), text))
        print(f"  [fault] {text}", flush=True)


class ClusterVisitor(soak.Visitor):
    """soak.py's visitor, each request sent to a node picked at random; refused by one, sent to the other."""

    def __init__(self, cluster, stats, goal, rng, run_id, number, account=None):
        self.cluster, self.account, self.node_errors = cluster, account, stats.node_errors
        super().__init__(cluster.nodes["A"].url, stats, goal, rng, run_id, number)

    def request(self, kind, method, path, expect=(200,), **kwargs):
        if path.startswith("http"):
            parts = urlsplit(path)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
        names = list(self.cluster.nodes)
        self.rng.shuffle(names)
        for attempt, name in enumerate(names):
            self.base = self.cluster.nodes[name].url
            url = self.base + path
            started = time.perf_counter()
            try:
                response = self.session.request(method, url, timeout=60, allow_redirects=False, **kwargs)
            except requests.ConnectionError as error:
                with self.stats.lock:
                    self.node_errors.append((time.monotonic(), name, kind, repr(error)[:200]))
                    if kind == "place order":  # it may have been placed before the node died
                        self.stats.in_flight.append((getattr(self, "buyer", ""), name, self.moment()))
                if attempt < len(names) - 1:
                    continue  # the other node
                with self.stats.lock:
                    self.stats.failures.append((kind, url, repr(error)))
                raise
            except requests.RequestException as error:
                with self.stats.lock:
                    self.stats.failures.append((kind, url, repr(error)))
                raise
            self.stats.record(
                kind, time.perf_counter() - started, response.status_code, url, response.headers.get("X-Page-Cache")
            )
            if response.status_code >= 500:
                with self.stats.lock:
                    self.stats.server_error_times.append((time.monotonic(), name, kind, response.status_code))
            if response.status_code not in expect:
                raise soak.UnexpectedAnswer(kind, url, response)
            return response

    def prepare(self, method, path, data):
        """A form's request to one node picked at random, encoded with the session's cookies and the Referer a
        browser sends, ready for ``send``: what the client does before the clock starts."""
        self.base = self.cluster.nodes[self.rng.choice(list(self.cluster.nodes))].url
        request = requests.Request(method, self.base + path, data=data, headers={"Referer": self.base + path})
        return self.session.prepare_request(request)

    def send(self, kind, prepared, expect=(200,)):
        """``prepare``'s request sent as it is; no retry on the other node (the place-order benchmark, no faults)."""
        started = time.perf_counter()
        response = self.session.send(prepared, timeout=60, allow_redirects=False)
        self.stats.record(kind, time.perf_counter() - started, response.status_code, prepared.url)
        if response.status_code not in expect:
            raise soak.UnexpectedAnswer(kind, prepared.url, response)
        return response

    def log_in(self, email, password):
        """While the shared cache is away, the login throttle cannot count and refuses (429, by design:
        shop.core.throttle); the cache is tried again every 5 s. A person tries again a moment later."""
        for _attempt in range(10):
            try:
                return super().log_in(email, password)
            except soak.UnexpectedAnswer as answer:
                if answer.response.status_code != 429 or not self.cluster.near_redis_restart():
                    raise
                with self.stats.lock:
                    self.stats.checkouts["log in refused (429) while Redis restarted"] += 1
                time.sleep(2)
        raise LookupError(f"{email}: log in still refused after Redis came back")

    def guest_cod(self):
        self.checkout("cod")

    def guest_vietqr(self):
        self.checkout("vietqr")

    def signed_in(self):
        self.checkout(self.rng.choice(["cod", "vietqr"]), account=self.account)

    def run(self, stop_at):
        actions = [
            (self.home, 15),
            (self.category, 20),
            (self.product, 25),
            (self.search, 20),
            (self.guest_cod, 10),
            (self.guest_vietqr, 5),
            (self.signed_in, 5),
        ]
        self.loop(actions, stop_at, think=0.2)

    def loop(self, actions, stop_at, think):
        functions, weights = zip(*actions)
        while time.monotonic() < stop_at:
            action = self.rng.choices(functions, weights)[0]
            try:
                action()
            except soak.UnexpectedAnswer as answer:
                with self.stats.lock:
                    self.stats.failures.append(
                        (answer.kind, answer.url, f"HTTP {answer.response.status_code}", answer.said, self.moment())
                    )
                self.new_session()
            except (requests.RequestException, LookupError) as error:
                with self.stats.lock:
                    self.stats.failures.append((action.__name__, "", repr(error), "", self.moment()))
                self.new_session()
            time.sleep(self.rng.uniform(0, think))

    def moment(self):
        """Minutes into the run (failures say when they happened, next to the faults)."""
        return f"{(time.monotonic() - self.cluster.started) / 60:.2f} min"


class BackOffice(ClusterVisitor):
    """The demo producer on the portal's price page and the demo reviewer on the review page, in turn."""

    def __init__(self, cluster, stats, goal, rng, run_id, submitted):
        super().__init__(cluster, stats, goal, rng, run_id, "office")
        self.submitted = list(submitted)
        self.prices_url = reverse("dashboard:portal-stock-prices")

    def producer_edit(self):
        """Change one product's price by 1,000 đ and add 1–3 units to its stock, as the producer would."""
        self.log_in(logins.PRODUCER_EMAIL, logins.PRODUCER_PASSWORD)
        page = self.request("producer edit", "GET", self.prices_url)
        fields = soak.form_fields(page.text, self.prices_url)
        rows = sorted({name.split("-")[1] for name in fields if name.startswith("form-") and name.endswith("-price")})
        row = self.rng.choice(rows)
        price = int(float(fields[f"form-{row}-price"]))
        fields[f"form-{row}-price"] = str(price + (1000 if price < 5000 or self.rng.random() < 0.5 else -1000))
        fields[f"form-{row}-num_in_stock"] = str(int(fields[f"form-{row}-num_in_stock"]) + self.rng.randint(1, 3))
        self.request("producer edit", "POST", self.prices_url, expect=(302,), data=fields)
        with self.stats.lock:
            self.stats.checkouts["producer edits"] += 1

    def reviewer_approve(self):
        """Approve the next submitted product from its review page, with the version the page showed."""
        if not self.submitted:
            return
        pk = self.submitted.pop()
        self.log_in(logins.REVIEWER_EMAIL, logins.REVIEWER_PASSWORD)
        url = reverse("dashboard:ocop-review-detail", kwargs={"pk": pk})
        page = self.request("reviewer approve", "GET", url)
        form = next(
            (
                form
                for form in BeautifulSoup(page.text, "html.parser").select("form.review-action")
                if form.select_one("input[name=action][value=approve]")
            ),
            None,
        )
        if form is None:
            raise LookupError(f"no approve form on the review page of product {pk}")
        data = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
        self.request("reviewer approve", "POST", url, expect=(302,), data=data)
        with self.stats.lock:
            self.stats.checkouts["reviewer approvals"] += 1
            self.stats.approved.append(pk)

    def run(self, stop_at):
        self.loop([(self.producer_edit, 1), (self.reviewer_approve, 1)], stop_at, think=20)


def prepare(goal, run_id, clients, pool_size):
    """Buyers' accounts (one a visitor: an account's basket is shared by its sessions) and products waiting
    for review (listed products of the reviewer's province outside the visitors' sample, sent back to the
    reviewers as a content edit does; their reindexing is queued for the worker)."""
    accounts = []
    for number in range(clients):
        address = f"soak.buyer.{run_id}.{number}@example.vn"
        User.objects.create_user(email=address, password=BUYER_PASSWORD)
        accounts.append((address, BUYER_PASSWORD))
    sampled = [pk for pk, _path in goal["products"]]
    # In the demo reviewer's own province: an officer acts on nothing else (issue 23; another province's answers 404).
    reviewer = User.objects.get(email=logins.REVIEWER_EMAIL)
    outside_sample = for_sale(Product.objects.exclude(pk__in=sampled))
    pool = list(offices.scope_products(outside_sample, reviewer).order_by("?").values_list("pk", flat=True)[:pool_size])
    with transaction.atomic():
        Product.objects.filter(pk__in=pool).update(
            review_status=ReviewStatus.SUBMITTED, is_public=False, submitted_at=timezone.now()
        )
        changes.product_changed(*pool)
    connection.close()
    return accounts, pool


def inject_faults(cluster, duration, started, stop):
    """The faults at their moments (fractions of the run); each waits for the previous one."""
    down = min(60.0, duration / 10)

    def wait_until(fraction):
        return not stop.wait(max(0.0, started + fraction * duration - time.monotonic()))

    def service(action):
        subprocess.run(["bash", str(ROOT / "bench" / "cluster_services.sh"), action], check=True)

    if wait_until(0.15):
        deadline, running = time.monotonic() + 30, False
        while time.monotonic() < deadline and not running:
            running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).exists()
            if not running:
                time.sleep(0.02)
        cluster.worker.kill()
        cluster.event(f"worker SIGKILLed ({'a task RUNNING' if running else 'no task seen running in 30 s'})")
        time.sleep(5)
        cluster.worker.start()
        cluster.event("worker restarted")
        connection.close()
    if wait_until(0.30):
        service("es-stop")
        cluster.event(f"Elasticsearch stopped for {down:.0f} s")
        stop.wait(down)
        service("es-start")
        cluster.event("Elasticsearch started again")
    if wait_until(0.50):
        cluster.redis_restart = (time.monotonic(), None)
        service("redis-restart")
        cluster.redis_restart = (cluster.redis_restart[0], time.monotonic())
        cluster.event("Redis restarted (every key lost)")
    if wait_until(0.65):
        node = cluster.nodes["B"]
        killed = time.monotonic()
        node.kill()
        cluster.event(f"web node B ({node.url}) SIGKILLed")
        stop.wait(down)
        node.start()
        cluster.windows.append(("B", killed, time.monotonic()))
        cluster.event("web node B started again")


def sample_memory(cluster, stop, samples, started):
    while not stop.wait(5):
        now = time.monotonic() - started
        for pid in cluster.nodes["A"].worker_pids():
            samples.append((now, f"node A worker {pid}", rss_kib(pid)))
        for service in (cluster.worker, cluster.scheduler):
            if service.pid:
                samples.append((now, service.name, rss_kib(service.pid)))


def drain(limit=900):
    """Wait until no task is ready or running (the worker caught up); requeue what a dead worker left, as the
    scheduled job does. Returns (seconds, tasks ready when it began, lost tasks requeued, tasks waiting for a
    later retry)."""
    started, deadline = time.monotonic(), time.monotonic() + limit
    backlog, requeued = DBTaskResult.objects.ready().count(), 0
    while time.monotonic() < deadline:
        ready, running = DBTaskResult.objects.ready().exists(), DBTaskResult.objects.running().exists()
        if not ready and not running:
            break
        if not ready:
            requeued += retries.requeue_lost()
        time.sleep(1)
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY).count()
    return time.monotonic() - started, backlog, requeued, waiting


def delivered_mails(directory):
    """(recipient, subject) of every mail the file backend wrote, from every process."""
    found = Counter()
    for path in Path(directory).glob("*.log") if Path(directory).exists() else []:
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                message = email.message_from_bytes(chunk, policy=email.policy.default)
                found[str(message["To"]), str(message["Subject"])] += 1
    return found


def check_outbox(directory):
    statuses = Counter(OutboxMessage.objects.values_list("status", flat=True))
    sent = Counter(
        (recipient, " ".join(subject.split()))
        for recipient, subject in OutboxMessage.objects.filter(status=OutboxMessage.SENT).values_list(
            "recipient", "subject"
        )
    )
    mails = Counter({(to, " ".join(subject.split())): n for (to, subject), n in delivered_mails(directory).items()})
    problems = [f"outbox rows not sent at the end: {dict(statuses)}"] if set(statuses) - {OutboxMessage.SENT} else []
    twice = {key: n for key, n in mails.items() if n > sent.get(key, 0)}
    lost = {key: n for key, n in sent.items() if mails.get(key, 0) < n}
    problems += [f"delivered more often than sent rows: {key} {n} × for {sent.get(key, 0)}" for key, n in twice.items()]
    problems += [f"sent rows never delivered: {key} {n} rows, {mails.get(key, 0)} mails" for key, n in lost.items()]
    return statuses, sum(mails.values()), problems[:40]


def check_accounts(stats, accounts, since, in_flight):
    """Each account's orders are the ones its thank-you pages showed, plus at most one per place-order request
    lost with a dying node."""
    problems = []
    for address, _password in accounts:
        found = sorted(
            Order.objects.filter(user__email=address, date_placed__gte=since).values_list("number", flat=True)
        )
        shown = sorted(stats.completed_signed_in.get(address, []))
        extra = Counter(found) - Counter(shown)
        if Counter(shown) - Counter(found) or sum(extra.values()) > in_flight.get(address, 0):
            problems.append(f"{address}: thank-you pages showed {shown}, orders {found}")
    return sum(len(v) for v in stats.completed_signed_in.values()), problems


def in_window(moment, name, windows, grace=5):
    return any(name == node and start <= moment <= end + grace for node, start, end in windows)


def main():
    args = soak.parse_arguments(default_minutes=30)
    duration = args.minutes * 60
    warmup = min(args.warmup * 60, duration / 3)
    run_id = f"{int(time.time())}"
    log_dir = Path(os.environ.get("OCOP_VAR_DIR", "/tmp"))
    goal = soak.targets()
    accounts, pool = prepare(goal, run_id, args.clients, pool_size=max(10, int(args.minutes * 3)))
    # The pool left the category pages until its approval: the pages counted again without it.
    goal["categories"] = soak.category_pages(for_sale(), [pk for pk, _path in goal["products"]])
    since = timezone.now()
    stats = soak.Stats()
    stats.node_errors, stats.server_error_times, stats.approved, stats.in_flight = [], [], [], []
    workers = args.workers or os.cpu_count() + 1  # two nodes share the cores
    print(
        f"Cluster soak {args.minutes:g} min, {args.clients} clients + back office, 2 nodes × {workers} workers, "
        f"worker + scheduler (tasks: {os.environ.get('OCOP_TASKS_BACKEND')}), Redis {os.environ.get('REDIS_URL')}, "
        f"{len(goal['products'])} products ({len(goal['hot'])} hot), {len(pool)} waiting for review, load {loadavg()}",
        flush=True,
    )
    cluster = Cluster(workers, log_dir)
    samples = []
    try:
        cluster.start()
        node_a_workers = sorted(cluster.nodes["A"].worker_pids())
        print("nodes " + ", ".join(f"{n} {node.url}" for n, node in cluster.nodes.items()), flush=True)
        started = cluster.started = time.monotonic()
        stop_at = started + duration
        stop = threading.Event()
        helpers = [
            threading.Thread(target=sample_memory, args=(cluster, stop, samples, started), daemon=True),
            threading.Thread(target=inject_faults, args=(cluster, duration, started, stop), daemon=True),
        ]
        visitors = [
            ClusterVisitor(cluster, stats, goal, random.Random(args.seed * 1000 + n), run_id, n, accounts[n])
            for n in range(args.clients)
        ]
        visitors.append(BackOffice(cluster, stats, goal, random.Random(args.seed), run_id, pool))
        threads = [threading.Thread(target=v.run, args=(stop_at,)) for v in visitors]
        for thread in helpers + threads:
            thread.start()
        while any(thread.is_alive() for thread in threads):
            time.sleep(min(60, max(1, stop_at - time.monotonic())))
            elapsed = time.monotonic() - started
            if elapsed < duration - 1:
                print(
                    f"  {elapsed / 60:4.1f} min: {sum(len(t) for t in stats.times.values())} requests, "
                    f"{stats.checkouts['completed']} checkouts, {len(stats.server_errors)} 5xx, "
                    f"{len(stats.node_errors)} refused by a node, {len(stats.failures)} failures, load {loadavg()}",
                    flush=True,
                )
        for thread in threads:
            thread.join()
        wall = time.monotonic() - started
        helpers[1].join()  # the last fault is over
        drained, backlog, requeued, waiting = drain()
        swept = indexing.sweep()
        stop.set()
        node_a_workers_end = sorted(cluster.nodes["A"].worker_pids())
        scheduled = Counter(ScheduledRun.objects.filter(enqueued_at__gte=since).values_list("job", flat=True))
        task_states = Counter(DBTaskResult.objects.values_list("status", flat=True))
    finally:
        cluster.stop()

    soak.report_latency(stats, wall)
    print("counts: " + ", ".join(f"{k} {v}" for k, v in sorted(stats.checkouts.items())))
    failed = []
    print("faults (min into the run): " + "; ".join(f"{(t - started) / 60:.1f} {what}" for t, what in cluster.events))
    print(
        f"after the traffic: {backlog} tasks ready in the queue, drained in {drained:.0f} s ({requeued} lost tasks "
        f"requeued, {waiting} waiting for a "
        f"later retry); index sweep reindexed {swept}; tasks by status {dict(task_states)}; scheduled runs {dict(scheduled)}"
    )
    refused = [e for e in stats.node_errors if in_window(e[0], e[1], cluster.windows)]
    outside = [e for e in stats.node_errors if not in_window(e[0], e[1], cluster.windows)]
    print(
        f"node B down {', '.join(f'{(b - a):.0f} s' for _n, a, b in cluster.windows)}: {len(refused)} requests refused "
        f"by it and sent to node A; refused outside that window: {len(outside)}"
    )
    if outside:
        failed.append(f"{len(outside)} requests refused by a node that was up, e.g. {outside[:5]}")
    errors_out = [e for e in stats.server_error_times if not in_window(e[0], e[1], cluster.windows)]
    if errors_out:
        failed.append(f"{len(errors_out)} 5xx answers outside node B's down window, e.g. {errors_out[:5]}")
    if stats.failures:
        kinds = Counter((f[0], f[2] if f[2].startswith("HTTP") else f[2][:60]) for f in stats.failures)
        # One example of each kind of failure (status and where it led), not only the first few.
        examples = {(f[0], f[2], f[3] if len(f) > 3 else ""): f for f in stats.failures}
        failed.append(
            f"{len(stats.failures)} failed requests or steps: {dict(kinds)}; one of each: {list(examples.values())}"
        )
    in_flight = Counter(buyer for buyer, _node, _moment in stats.in_flight)
    print(f"place order answered other than by the thank-you page: {stats.refused}")
    print(f"place-order requests lost with a dying node (then sent to the other): {stats.in_flight}")
    guest_orders, order_problems = soak.check_orders(stats, run_id, in_flight)
    account_orders, account_problems = check_accounts(stats, accounts, since, in_flight)
    print(
        f"orders: {guest_orders} guest orders for {len(stats.completed)} guest checkouts, {account_orders} signed-in "
        f"orders shown; problems: {len(order_problems) + len(account_problems)}"
    )
    failed += order_problems + account_problems
    records, mismatched, negative, stock_problems = soak.check_stock()
    print(f"stock: {records} records; allocation ≠ open order lines: {mismatched}; negative: {negative}")
    failed += stock_problems
    statuses, mails, outbox_problems = check_outbox(os.environ.get("EMAIL_FILE_PATH", ""))
    print(f"outbox: rows by status {dict(statuses)}; mails delivered {mails}; problems {len(outbox_problems)}")
    failed += outbox_problems
    missing, orphans, stale = indexing.check()
    print(f"search index vs database: {len(missing)} missing, {len(orphans)} orphans, {len(stale)} stale")
    if missing or orphans or stale:
        failed.append(f"search index differs: missing {missing[:10]}, orphans {orphans[:10]}, stale {stale[:10]}")
    memory_rows, memory_problems = soak.check_memory(
        [s for s in samples if s[1] != "db_worker"], warmup, wall, args.rss_tolerance
    )
    restart = (cluster.worker.started_at - started) if cluster.worker.started_at else 0
    worker_rows, worker_problems = soak.check_memory(
        [s for s in samples if s[1] == "db_worker" and s[0] >= restart],
        max(warmup, restart + 60),
        wall,
        args.rss_tolerance,
    )
    print(
        f"RSS (MiB): first, median of the minute after warm-up, median of the last minute, max; tolerance "
        f"{args.rss_tolerance:.0%} (node B restarted: not judged; the worker from its restart)"
    )
    for label, first, base, end, peak, growth in memory_rows + worker_rows:
        print(
            f"  {label:<24} {first / 1024:7.1f} {base / 1024:7.1f} {end / 1024:7.1f} {peak / 1024:7.1f}  {growth:+.1%}"
        )
    failed += memory_problems + worker_problems
    if node_a_workers != node_a_workers_end:
        failed.append(f"node A's workers changed: {node_a_workers} → {node_a_workers_end}")
    logged = Counter()
    for path in [*log_dir.glob("app-*.log"), cluster.worker.log_path, cluster.scheduler.log_path]:
        for line in path.read_text(errors="replace").splitlines() if path.exists() else []:
            found = LOG_LINE.search(line)
            if found and found["level"] in ("WARNING", "ERROR", "CRITICAL"):
                logged[found["level"], found["logger"]] += 1
    print(
        "logged by the site, the worker, the scheduler: "
        + ", ".join(f"{level} {logger_name} {n}" for (level, logger_name), n in sorted(logged.items()))
    )
    for name, node in cluster.nodes.items():
        log = node.error_log.read_text() if node.error_log.exists() else ""
        if "[CRITICAL]" in log or "WORKER TIMEOUT" in log:
            failed.append(f"node {name}'s gunicorn log has errors:\n" + log[-2000:])
    print()
    if failed:
        print("CLUSTER SOAK FAILED:")
        for problem in failed[:40]:
            print(f"  - {problem}")
        return 1
    print(
        "CLUSTER SOAK PASSED: one order per thank-you page, stock consistent, every notification delivered once, "
        "index equal to the database, no 5xx or failed request outside node B's down window, memory flat."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
