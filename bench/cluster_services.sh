#!/usr/bin/env bash
# Faults for bench/cluster_soak.py: stop and start again the Elasticsearch and Redis that bench/cluster_soak.sh
# started (same data directory, same ports, so clients reconnect to the same URLs). Called as
#   bash bench/cluster_services.sh es-stop | es-start | redis-restart
# with the environment cluster_soak.sh exported (OCOP_ES_DIR, ELASTICSEARCH_URL, OCOP_REDIS_DIR, OCOP_REDIS_PORT).
set -u
cd "$(dirname "$0")/.." || exit 1
source scripts/elasticsearch.sh

es_pid() { cat "$OCOP_ES_DIR/elasticsearch.pid" 2>/dev/null || true; }

cluster_es_stop() {
    local pid waited=0
    pid=$(es_pid)
    [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || return 0
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 60 ]; do sleep 1; waited=$((waited + 1)); done
    kill -KILL "$pid" 2>/dev/null || true
}

# es_start's command line again, on the same configuration and data (scripts/elasticsearch.sh).
cluster_es_start() {
    local deadline
    (cd "$OCOP_ES_DIR" && es_as_owner env \
        ES_JAVA_HOME="$(es_java_home)" ES_PATH_CONF="$OCOP_ES_DIR/config" ES_TMPDIR="$OCOP_ES_DIR/tmp" \
        ES_JAVA_OPTS="-Xms512m -Xmx512m" \
        "$(es_home)/bin/elasticsearch" -d -p "$OCOP_ES_DIR/elasticsearch.pid" </dev/null >"$OCOP_ES_DIR/start.log" 2>&1) \
        || { tail -n 40 "$OCOP_ES_DIR/start.log" >&2; return 1; }
    deadline=$((SECONDS + 120))
    until curl -sf "$ELASTICSEARCH_URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null; do
        [ "$SECONDS" -ge "$deadline" ] && { echo "Elasticsearch did not come back" >&2; return 1; }
        sleep 1
    done
}

# A restart loses every key (no persistence), as a production Redis without persistence would.
cluster_redis_restart() {
    local pid waited=0
    pid=$(cat "$OCOP_REDIS_DIR/redis.pid" 2>/dev/null || true)
    if [ -n "$pid" ]; then
        kill -TERM "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 50 ]; do sleep 0.2; waited=$((waited + 1)); done
    fi
    redis-server --bind 127.0.0.1 --port "$OCOP_REDIS_PORT" --dir "$OCOP_REDIS_DIR" --daemonize yes \
        --pidfile "$OCOP_REDIS_DIR/redis.pid" --logfile "$OCOP_REDIS_DIR/redis.log" \
        --save "" --appendonly no --databases 64 --maxmemory 256mb --maxmemory-policy volatile-lru || return 1
    until [ "$(redis-cli -h 127.0.0.1 -p "$OCOP_REDIS_PORT" ping 2>/dev/null)" = PONG ]; do sleep 0.2; done
}

case "${1:-}" in
    es-stop) cluster_es_stop ;;
    es-start) cluster_es_start ;;
    redis-restart) cluster_redis_restart ;;
    *) echo "usage: $0 es-stop | es-start | redis-restart" >&2; exit 2 ;;
esac
