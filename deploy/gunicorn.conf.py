"""Gunicorn, the web process (docs/DEPLOY.md): ``.venv/bin/gunicorn -c deploy/gunicorn.conf.py``.

Every value below can be changed from the environment named beside it. Gunicorn's own ``GUNICORN_CMD_ARGS`` and
command-line options override this file too.
"""

import os
from pathlib import Path

# The project's root, so ``shop`` imports whichever directory gunicorn is started from.
chdir = str(Path(__file__).resolve().parent.parent)
wsgi_app = "shop.wsgi:application"  # production settings unless DJANGO_SETTINGS_MODULE says otherwise
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000").split(",")


def _cpus():
    """The cores this process may use (a container's or systemd's CPU affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# Synchronous workers, two per core plus one (gunicorn's rule of thumb: a request waits on PostgreSQL,
# Elasticsearch or Redis part of its time). Each takes about 150–250 MB.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * _cpus() + 1))
# A request running longer than this is killed and its worker replaced (the balancer's timeout must be longer);
# on SIGTERM or a restart, requests under way get graceful_timeout seconds to finish.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
keepalive = 5  # longer than nothing, shorter than the balancer's idle timeout
# A worker is replaced after about this many requests, so memory stays flat whatever a library keeps.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 1000))
max_requests_jitter = max_requests // 10


# Full garbage collections between requests, not inside a buyer's (shop.core.collector).
def post_worker_init(worker):
    from shop.core import collector

    collector.hold_full_collections()


def post_request(worker, req, environ, resp):
    from shop.core import collector

    collector.between_requests(worker.nr)  # requests this worker has served, this one included


# The balancer's addresses: only from them are X-Forwarded-Proto and friends believed (wsgi.url_scheme). The
# same list as OCOP_TRUSTED_PROXIES (the throttles' client address) unless FORWARDED_ALLOW_IPS says otherwise.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS") or os.environ.get("OCOP_TRUSTED_PROXIES") or "127.0.0.1,::1"

# Logs: access lines on stdout, gunicorn's own on stderr, as JSON (shop.core.logs: method, path, status,
# duration_ms, request_id from the X-Request-ID the application sets) unless OCOP_LOG_FORMAT=text. The
# application's own lines go to stderr through Django's LOGGING in the same format.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
_formatter = "json" if os.environ.get("OCOP_LOG_FORMAT", "json") == "json" else "generic"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "shop.core.logs.JsonFormatter"},
        "generic": {"format": "%(asctime)s [%(process)d] [%(levelname)s] %(message)s"},
    },
    "handlers": {
        "access": {"class": "logging.StreamHandler", "formatter": _formatter, "stream": "ext://sys.stdout"},
        "error": {"class": "logging.StreamHandler", "formatter": _formatter, "stream": "ext://sys.stderr"},
    },
    "root": {"level": "INFO", "handlers": []},  # the application's logging is Django's (settings LOGGING)
    "loggers": {
        "gunicorn.access": {"level": "INFO", "handlers": ["access"], "propagate": False},
        "gunicorn.error": {"level": "INFO", "handlers": ["error"], "propagate": False},
    },
}

# Gunicorn's control socket (gunicornc) only when given a path: its default, one per user, would be shared by two
# nodes on one machine. systemd and compose manage the process by signals (HUP reloads, TERM stops gracefully).
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True
