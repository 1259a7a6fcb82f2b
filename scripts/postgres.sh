#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests, from Debian's packages, on a free
# loopback port. Source it, then: pg_start (exports DATABASE_URL) and pg_stop.
# Installs the server with apt-get when it is missing; never uses or needs a
# system service.

pg_bindir() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pg_install_if_missing() {
    if [ -n "$(pg_bindir)" ] && [ -x "$(pg_bindir)/initdb" ]; then return 0; fi
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing PostgreSQL from Debian's packages…"
        apt-get update -qq
        # The package would try to start a system cluster; we start our own instead.
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
        echo "PostgreSQL is not installed: run as root on Debian, or install the 'postgresql' package." >&2
        return 1
    fi
}

# Runs a PostgreSQL binary as an unprivileged user: the server refuses root.
pg_as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_start() {
    pg_install_if_missing || return 1
    local bindir port
    bindir=$(pg_bindir)
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    # Outside the checkout, because the postgres user may not be able to reach it.
    OCOP_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ocop-pg.XXXXXX")
    export OCOP_PG_DIR
    if [ "$(id -u)" = 0 ]; then chown postgres: "$OCOP_PG_DIR"; fi
    chmod 700 "$OCOP_PG_DIR"
    pg_as_owner "$bindir/initdb" -D "$OCOP_PG_DIR/data" -U ocop --auth=trust -E UTF8 --locale=C.UTF-8 >"$OCOP_PG_DIR/initdb.log" 2>&1 \
        || pg_as_owner "$bindir/initdb" -D "$OCOP_PG_DIR/data" -U ocop --auth=trust -E UTF8 --no-locale >"$OCOP_PG_DIR/initdb.log" 2>&1 \
        || { cat "$OCOP_PG_DIR/initdb.log" >&2; return 1; }
    # Durability settings off: this database lives for one test run.
    pg_as_owner "$bindir/pg_ctl" -D "$OCOP_PG_DIR/data" -l "$OCOP_PG_DIR/server.log" -w -t 60 \
        -o "-p $port -k $OCOP_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null || { cat "$OCOP_PG_DIR/server.log" >&2; return 1; }
    pg_as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U ocop ocop
    export DATABASE_URL="postgresql://ocop@127.0.0.1:$port/ocop"
    echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') running on 127.0.0.1:$port"
}

pg_stop() {
    [ -n "${OCOP_PG_DIR:-}" ] && [ -d "$OCOP_PG_DIR" ] || return 0
    pg_as_owner "$(pg_bindir)/pg_ctl" -D "$OCOP_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$OCOP_PG_DIR"
    unset OCOP_PG_DIR
}
