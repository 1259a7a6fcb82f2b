"""Starting and stopping gunicorn for the load runs and the soak, and small shared helpers.

The environment (DATABASE_URL, ELASTICSEARCH_URL, bench.settings, SECRET_KEY, …) comes from
bench/common.sh; ``Gunicorn`` adds the page-cache setting per run and serves ``shop.wsgi`` with
sync workers on a free loopback port.
"""

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
DEPLOYED = ROOT / "deploy" / "gunicorn.conf.py"  # the web process as deployed (``Gunicorn(config=…)``)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def loadavg():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def rss_kib(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None


def children(pid):
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def cpu_ticks(pids):
    """utime + stime of these processes, in clock ticks."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (FileNotFoundError, IndexError):
            pass
    return total


ROLES = (  # (role, a word of the command line); the first that matches names the process
    ("web nodes", "gunicorn"),
    ("worker", "db_worker"),
    ("scheduler", "run_scheduler"),
    ("PostgreSQL", "postgres"),
    ("Elasticsearch", "elasticsearch"),
    ("Redis", "redis-server"),
)


def cpu_by_role(roles=ROLES):
    """CPU seconds used so far by the machine's processes, summed by their role in the cluster (``ROLES``; this
    process, the benchmark's client, is "client"). The difference of two readings says where a run's time went.

    Each process counts with what its ended children used (``cutime``/``cstime``): a PostgreSQL backend that closes
    between two readings stays counted, on its postmaster, where summing the living alone made the difference
    negative (-370 ms per order in one run)."""
    own, totals = os.getpid(), {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        role = "client" if int(entry.name) == own else next((r for r, word in roles if word in command), None)
        if role:
            totals[role] = totals.get(role, 0) + sum(int(ticks) for ticks in fields[11:15])  # utime … cstime
    tick = os.sysconf("SC_CLK_TCK")
    return {role: ticks / tick for role, ticks in totals.items()}


class Gunicorn:
    """``gunicorn shop.wsgi`` with ``workers`` sync workers (default 2 × cores + 1, gunicorn's advice).

    ``app`` serves another WSGI application with the same options (the stock Oscar peer, ``bench/peer``);
    its settings module then comes with ``env``. ``config`` (``DEPLOYED``: deploy/gunicorn.conf.py) runs it as
    deployed (full collections between requests, JSON access lines to the app log), the options here still
    overriding it, and without its worker recycling."""

    def __init__(
        self,
        workers=None,
        env=None,
        log_dir=None,
        timeout=60,
        probe="/bench/bare/",
        port=None,
        app_log=False,
        app="shop.wsgi:application",
        config=None,
    ):
        self.app, self.config = app, config
        self.workers = workers or 2 * os.cpu_count() + 1
        self.env = {**os.environ, **(env or {})}
        self.port = port or free_port()
        self.probe = probe  # the path that answers 200 once the node serves (bench.urls' bare view, /healthz)
        self.app_log = app_log  # the site's own log lines to app-<port>.log rather than the terminal
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_dir = Path(log_dir or os.environ.get("OCOP_VAR_DIR", "/tmp"))
        self.timeout = timeout
        self.process = None
        self.first_ok_s = None  # seconds from spawning the master to the probe's first 200
        self.ready_s = None  # … to the first 200 with every worker forked
        self.rss_start = {}  # worker pid -> VmRSS KiB once ready
        self.served = 0  # requests the load scripts counted against this server (bench/load.py adds them)

    @property
    def error_log(self):
        return self.log_dir / f"gunicorn-{self.port}.log"

    def start(self):
        command = [
            str(VENV_BIN / "gunicorn"),
            self.app,
            "--chdir",
            str(ROOT),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--worker-class",
            "sync",
            "--timeout",
            str(self.timeout),
            "--graceful-timeout",
            "10",
            "--error-logfile",
            str(self.error_log),
            "--log-level",
            "warning",
            # As deployed, but no worker recycling: the soaks judge each worker's memory over the whole run, which
            # replacing workers every ~1,000 requests would cut short (and hide growth).
            *(["--config", str(self.config), "--max-requests", "0"] if self.config else []),
        ]
        logged = self.app_log or self.config  # the deployed configuration logs every request on stdout
        output = open(self.log_dir / f"app-{self.port}.log", "ab") if logged else None
        spawned = time.monotonic()
        self.process = subprocess.Popen(
            command,
            env=self.env,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=output,
            start_new_session=True,
        )
        if output:
            output.close()
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}{self.probe}", timeout=5) as response:
                    if response.status == 200 and self.first_ok_s is None:
                        self.first_ok_s = time.monotonic() - spawned
                    if response.status == 200 and len(self.worker_pids()) == self.workers:
                        self.ready_s = time.monotonic() - spawned
                        break
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                logs = [self.error_log, self.log_dir / f"app-{self.port}.log"]
                tail = "".join(log.read_text()[-3000:] for log in logs if log.exists())
                self.stop()
                raise RuntimeError(f"gunicorn did not start on {self.url}:\n{tail}")
            time.sleep(0.05 if self.first_ok_s is None else 0.3)
        self.rss_start = self.worker_rss()
        return self

    def worker_pids(self):
        return children(self.process.pid) if self.process else []

    def worker_rss(self):
        """VmRSS of each worker now, in KiB, by pid."""
        return {pid: kib for pid in self.worker_pids() if (kib := rss_kib(pid)) is not None}

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def kill(self):
        """SIGKILL the master and its workers at once (a node lost), then reap them."""
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
