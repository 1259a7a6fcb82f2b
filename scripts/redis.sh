#!/usr/bin/env bash
# A throwaway Redis for the tests (the shared cache: page cache, throttles), from Debian's packages, on a
# free loopback port. Source it, then: redis_start (exports REDIS_URL) and redis_stop. Installs the server
# with apt-get when it is missing; never uses or needs a system service. Nothing is written to disk: the
# data lives for one test run (redis_stop then redis_start on the same OCOP_REDIS_PORT is a restart that
# loses every key, as a production Redis without persistence would).

redis_install_if_missing() {
    if command -v redis-server >/dev/null && command -v redis-cli >/dev/null; then return 0; fi
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing Redis from Debian's packages…"
        apt-get update -qq
        # No init system is started by the package in a container; we start our own server anyway.
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
    else
        echo "Redis is not installed: run as root on Debian, or install the 'redis-server' package." >&2
        return 1
    fi
}

redis_start() {
    redis_install_if_missing || return 1
    local port deadline
    # A restart (redis_stop; redis_start) keeps the port, so clients reconnect to the same URL.
    port=${OCOP_REDIS_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
    OCOP_REDIS_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ocop-redis.XXXXXX")
    export OCOP_REDIS_DIR
    # Loopback only, no snapshots or append-only file, 64 databases; a bounded memory evicting the keys
    # that expire first (page cache entries) rather than refusing writes.
    redis-server --bind 127.0.0.1 --port "$port" --dir "$OCOP_REDIS_DIR" --daemonize yes \
        --pidfile "$OCOP_REDIS_DIR/redis.pid" --logfile "$OCOP_REDIS_DIR/redis.log" \
        --save "" --appendonly no --databases 64 --maxmemory 256mb --maxmemory-policy volatile-lru \
        || { cat "$OCOP_REDIS_DIR/redis.log" >&2 2>/dev/null; redis_stop; return 1; }
    deadline=$((SECONDS + 30))
    until [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ]; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo "Redis did not become ready on 127.0.0.1:$port:" >&2
            tail -n 40 "$OCOP_REDIS_DIR/redis.log" >&2
            redis_stop
            return 1
        fi
        sleep 0.2
    done
    OCOP_REDIS_PORT=$port
    export OCOP_REDIS_PORT
    export REDIS_URL="redis://127.0.0.1:$port/0"
    echo "Redis $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') running on 127.0.0.1:$port"
}

redis_stop() {
    [ -n "${OCOP_REDIS_DIR:-}" ] && [ -d "$OCOP_REDIS_DIR" ] || return 0
    local pid waited=0
    pid=$(cat "$OCOP_REDIS_DIR/redis.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 50 ]; do
            sleep 0.2
            waited=$((waited + 1))
        done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -rf "$OCOP_REDIS_DIR"
    unset OCOP_REDIS_DIR
}
