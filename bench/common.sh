#!/usr/bin/env bash
# Shared by bench/run.sh and bench/soak.sh: a throwaway PostgreSQL, Elasticsearch and Redis (the shared cache,
# as in production; BENCH_REDIS=0 leaves it out: the file cache of a one-machine site) on loopback
# ports, production-like settings (bench.settings), the demo market scaled to BENCH_PRODUCTS listed
# products and indexed. Source it from the repository root, then: bench_start, bench_prepare; the
# trap set by bench_start stops everything (gunicorn is started and stopped by the Python scripts).

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_PYTHON=${BENCH_PYTHON:-$BENCH_ROOT/.venv/bin/python}
source "$BENCH_ROOT/scripts/postgres.sh"
source "$BENCH_ROOT/scripts/elasticsearch.sh"
source "$BENCH_ROOT/scripts/redis.sh"

bench_cleanup() {
    local status=$?
    trap - EXIT INT TERM
    es_stop
    pg_stop
    redis_stop
    [ -n "${OCOP_VAR_DIR:-}" ] && [ -d "$OCOP_VAR_DIR" ] && rm -rf "$OCOP_VAR_DIR"
    exit "$status"
}

bench_start() {
    trap bench_cleanup EXIT
    trap 'exit 130' INT TERM
    if [ ! -x "$BENCH_ROOT/.venv/bin/gunicorn" ]; then
        "$BENCH_ROOT/.venv/bin/pip" install -q "$(grep -E '^gunicorn==' "$BENCH_ROOT/requirements.txt")" || return 1
    fi
    command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get update -qq \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } \
        || { echo "wrk is missing: apt-get install wrk" >&2; return 1; }
    pg_start || return 1
    es_start || return 1
    # A Redis of its own on a free port, whatever the calling shell had (a `make test` Redis is never reused or
    # stopped by the cleanup).
    unset REDIS_URL OCOP_REDIS_DIR OCOP_REDIS_PORT
    if [ "${BENCH_REDIS:-1}" != 0 ]; then redis_start || return 1; fi
    # Production settings (bench.settings derives from shop.settings.production), plain HTTP on loopback.
    export DJANGO_SETTINGS_MODULE=bench.settings
    SECRET_KEY=$("$BENCH_PYTHON" -c 'import secrets; print(secrets.token_urlsafe(64))')
    export SECRET_KEY
    export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0
    export ELASTICSEARCH_INDEX_PREFIX=ocop-bench
    # Emails are rendered and handed to a backend that drops them (no SMTP server here).
    export EMAIL_BACKEND=django.core.mail.backends.dummy.EmailBackend
    # Tasks inline in the request: the figures stay comparable with earlier runs (the worker is measured apart).
    export OCOP_TASKS_BACKEND=${OCOP_TASKS_BACKEND:-immediate}
    export LOG_LEVEL=${LOG_LEVEL:-WARNING}
    OCOP_VAR_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ocop-bench-var.XXXXXX")
    export OCOP_VAR_DIR
    export BENCH_LOAD_BEFORE
    BENCH_LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
}

bench_prepare() {
    local products=${BENCH_PRODUCTS:-10000}
    cd "$BENCH_ROOT" || return 1
    echo "Preparing: migrate, demo data, $products listed products, index, static files…"
    local started=$SECONDS
    "$BENCH_PYTHON" manage.py migrate --verbosity 0 || return 1
    "$BENCH_PYTHON" manage.py load_demo_data >/dev/null || return 1
    "$BENCH_PYTHON" bench/scale_catalogue.py --products "$products" | tail -n 2 || return 1
    "$BENCH_PYTHON" manage.py search_index rebuild | tail -n 2 | tr '\r' '\n' | tail -n 2 || return 1
    "$BENCH_PYTHON" manage.py collectstatic --noinput --verbosity 0 || return 1
    echo "Prepared in $((SECONDS - started)) s."
}

# The stock django-oscar peer of the load run (bench/peer, issue 20): its own database on the same throwaway
# PostgreSQL, BENCH_PRODUCTS products made through Oscar's models. Exports PEER_DATABASE_URL, which is what
# tells bench/load.py to measure the peer. Skipped with BENCH_PEER=0.
bench_prepare_peer() {
    [ "${BENCH_PEER:-1}" = 0 ] && return 0
    local products=${BENCH_PRODUCTS:-10000} port
    port=${DATABASE_URL##*:}
    port=${port%%/*}
    pg_as_owner "$(pg_bindir)/createdb" -h 127.0.0.1 -p "$port" -U ocop ocop_peer || return 1
    export PEER_DATABASE_URL="${DATABASE_URL%/*}/ocop_peer"
    export PEER_VAR_DIR="$OCOP_VAR_DIR/peer"
    echo "Preparing the stock django-oscar peer: $products products…"
    "$BENCH_PYTHON" "$BENCH_ROOT/bench/peer/populate.py" "$products" || return 1
}
