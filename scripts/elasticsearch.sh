#!/usr/bin/env bash
# A throwaway Elasticsearch for the tests: the minimal distribution published
# on Maven Central (integ-test-zip, no bundled JDK), single node on free
# loopback ports. Source it, then: es_start (exports ELASTICSEARCH_URL) and
# es_stop. Installs Java 17 and Maven with apt-get when they are missing;
# fetches the distribution with Maven once and keeps it unpacked in a cache.

# Keep in step with the elasticsearch client pin in requirements.txt.
ELASTICSEARCH_VERSION=8.19.3
# Elasticsearch refuses to run as root: as root, it runs as this user.
ES_RUN_USER=ocop-search

source "$(dirname "${BASH_SOURCE[0]}")/cache.sh"
es_cache_dir() { ocop_cache_dir; }

es_home() {
    echo "$(es_cache_dir)/elasticsearch-$ELASTICSEARCH_VERSION"
}

es_apt_install() {
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

es_install_if_missing() {
    if ! command -v java >/dev/null; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            echo "Installing Java 17 from Debian's packages…"
            es_apt_install openjdk-17-jre-headless || return 1
        else
            echo "Java is not installed: run as root on Debian, or install the 'openjdk-17-jre-headless' package." >&2
            return 1
        fi
    fi
    if [ -x "$(es_home)/bin/elasticsearch" ]; then return 0; fi
    if ! command -v mvn >/dev/null; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            echo "Installing Maven from Debian's packages…"
            es_apt_install maven || return 1
        else
            echo "Maven is not installed: run as root on Debian, or install the 'maven' package." >&2
            return 1
        fi
    fi
}

# Fetches the distribution with Maven and unpacks it into the cache, once.
es_fetch_if_missing() {
    local home download
    home=$(es_home)
    if [ -x "$home/bin/elasticsearch" ]; then return 0; fi
    echo "Fetching Elasticsearch $ELASTICSEARCH_VERSION with Maven…"
    mkdir -p "$(es_cache_dir)" || return 1
    download=$(mktemp -d "$(es_cache_dir)/download.XXXXXX") || return 1
    # From the download directory, so that no project pom.xml is picked up.
    (cd "$download" && mvn -q -B dependency:copy \
        "-Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ELASTICSEARCH_VERSION:zip" \
        -DoutputDirectory="$download" >"$download/mvn.log" 2>&1) \
        && python3 -m zipfile -e "$download/elasticsearch-$ELASTICSEARCH_VERSION.zip" "$download/unpacked" \
        || { cat "$download/mvn.log" >&2; echo "Could not fetch or unpack Elasticsearch $ELASTICSEARCH_VERSION." >&2
             rm -rf "$download"; return 1; }
    # Unpacked aside and moved into place, so an interrupted fetch leaves no half distribution.
    chmod -R a+rX "$download/unpacked"
    chmod a+x "$download/unpacked/elasticsearch-$ELASTICSEARCH_VERSION"/bin/*
    # Another run may have finished first: keep its copy, it may be in use.
    if [ ! -x "$home/bin/elasticsearch" ]; then
        rm -rf "$home"
        mv "$download/unpacked/elasticsearch-$ELASTICSEARCH_VERSION" "$home"
    fi
    rm -rf "$download"
}

es_java_home() {
    if [ -n "${ES_JAVA_HOME:-}" ]; then echo "$ES_JAVA_HOME"; return; fi
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

# Runs a command as an unprivileged user: Elasticsearch refuses root.
es_as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u "$ES_RUN_USER" -- "$@"
    else
        "$@"
    fi
}

es_start() {
    es_install_if_missing || return 1
    es_fetch_if_missing || return 1
    local home http_port transport_port pid deadline
    home=$(es_home)
    if [ "$(id -u)" = 0 ]; then
        id -u "$ES_RUN_USER" >/dev/null 2>&1 \
            || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_RUN_USER" || return 1
        runuser -u "$ES_RUN_USER" -- test -r "$home/lib/elasticsearch-$ELASTICSEARCH_VERSION.jar" \
            || { echo "$ES_RUN_USER cannot read $home: set OCOP_CACHE_DIR to a directory it can reach." >&2; return 1; }
    fi
    read -r http_port transport_port < <(python3 -c 'import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*(x.getsockname()[1] for x in s))')
    # Data, logs and configuration for this run only, outside the checkout,
    # because the unprivileged user may not be able to reach it.
    OCOP_ES_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ocop-es.XXXXXX")
    export OCOP_ES_DIR
    mkdir "$OCOP_ES_DIR/data" "$OCOP_ES_DIR/logs" "$OCOP_ES_DIR/tmp"
    cp -R "$home/config" "$OCOP_ES_DIR/config"
    # Security off (it would need passwords and TLS); disk watermarks off, so a
    # full disk on a build machine does not make indices read-only.
    cat >>"$OCOP_ES_DIR/config/elasticsearch.yml" <<EOF

# Written by scripts/elasticsearch.sh for one test run.
cluster.name: ocop-test
node.name: ocop-test-1
discovery.type: single-node
network.host: 127.0.0.1
http.port: $http_port
transport.port: $transport_port
path.data: $OCOP_ES_DIR/data
path.logs: $OCOP_ES_DIR/logs
xpack.security.enabled: false
action.destructive_requires_name: false
cluster.routing.allocation.disk.threshold_enabled: false
EOF
    if [ "$(id -u)" = 0 ]; then chown -R "$ES_RUN_USER": "$OCOP_ES_DIR"; fi
    chmod 700 "$OCOP_ES_DIR"
    (cd "$OCOP_ES_DIR" && es_as_owner env \
        ES_JAVA_HOME="$(es_java_home)" ES_PATH_CONF="$OCOP_ES_DIR/config" ES_TMPDIR="$OCOP_ES_DIR/tmp" \
        ES_JAVA_OPTS="-Xms512m -Xmx512m" \
        "$home/bin/elasticsearch" -d -p "$OCOP_ES_DIR/elasticsearch.pid" </dev/null >"$OCOP_ES_DIR/start.log" 2>&1) \
        || { tail -n 40 "$OCOP_ES_DIR/start.log" >&2; es_stop; return 1; }
    deadline=$((SECONDS + 120))
    until curl -sf "http://127.0.0.1:$http_port/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null; do
        pid=$(cat "$OCOP_ES_DIR/elasticsearch.pid" 2>/dev/null || true)
        if [ "$SECONDS" -ge "$deadline" ] || { [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; }; then
            echo "Elasticsearch did not become ready on 127.0.0.1:$http_port:" >&2
            tail -n 40 "$OCOP_ES_DIR/logs/ocop-test.log" >&2
            es_stop
            return 1
        fi
        sleep 1
    done
    export ELASTICSEARCH_URL="http://127.0.0.1:$http_port"
    echo "Elasticsearch $ELASTICSEARCH_VERSION running on 127.0.0.1:$http_port"
}

es_stop() {
    [ -n "${OCOP_ES_DIR:-}" ] && [ -d "$OCOP_ES_DIR" ] || { unset OCOP_ES_DIR ELASTICSEARCH_URL; return 0; }
    local pid waited=0
    pid=$(cat "$OCOP_ES_DIR/elasticsearch.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 30 ]; do
            sleep 1
            waited=$((waited + 1))
        done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -rf "$OCOP_ES_DIR"
    unset OCOP_ES_DIR ELASTICSEARCH_URL
}
