#!/usr/bin/env bash
# The Stripe API mock for tests (github.com/stripe/stripe-mock, a Go module that answers from Stripe's
# own OpenAPI description). Source it, then: stripe_mock_start (exports STRIPE_API_BASE) and
# stripe_mock_stop. Installs it once with `go install` into a cache; listens on a free loopback port.

STRIPE_MOCK_VERSION=${STRIPE_MOCK_VERSION:-v0.203.0}

source "$(dirname "${BASH_SOURCE[0]}")/cache.sh"
stripe_mock_cache_dir() { ocop_cache_dir; }

stripe_mock_bin() {
    echo "$(stripe_mock_cache_dir)/stripe-mock-$STRIPE_MOCK_VERSION/bin/stripe-mock"
}

stripe_mock_install_if_missing() {
    [ -x "$(stripe_mock_bin)" ] && return 0
    if ! command -v go >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing Go from Debian's packages (to go install stripe-mock)…"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go >/dev/null
    fi
    command -v go >/dev/null || { echo "Go is needed to install stripe-mock (go install)." >&2; return 1; }
    local gopath
    gopath="$(stripe_mock_cache_dir)/stripe-mock-$STRIPE_MOCK_VERSION"
    mkdir -p "$gopath" || return 1
    echo "Installing stripe-mock $STRIPE_MOCK_VERSION with go install…"
    GOPATH="$gopath" GOBIN="$gopath/bin" GOCACHE="$gopath/cache" GOFLAGS=-modcacherw \
        go install "github.com/stripe/stripe-mock@$STRIPE_MOCK_VERSION" || return 1
    rm -rf "$gopath/cache" "$gopath/pkg"
}

stripe_mock_start() {
    stripe_mock_install_if_missing || return 1
    local port deadline
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    OCOP_STRIPE_MOCK_LOG=$(mktemp "${TMPDIR:-/tmp}/ocop-stripe-mock.XXXXXX")
    # HTTPS (unused) on a port the system picks: its default 12112 may be taken by another run.
    "$(stripe_mock_bin)" -http-addr "127.0.0.1:$port" -https-addr "127.0.0.1:" >"$OCOP_STRIPE_MOCK_LOG" 2>&1 &
    OCOP_STRIPE_MOCK_PID=$!
    export OCOP_STRIPE_MOCK_PID OCOP_STRIPE_MOCK_LOG
    deadline=$((SECONDS + 30))
    until curl -s -o /dev/null "http://127.0.0.1:$port/v1/charges" -H "Authorization: Bearer sk_test_123"; do
        if [ "$SECONDS" -ge "$deadline" ] || ! kill -0 "$OCOP_STRIPE_MOCK_PID" 2>/dev/null; then
            echo "stripe-mock did not start on 127.0.0.1:$port:" >&2
            cat "$OCOP_STRIPE_MOCK_LOG" >&2
            stripe_mock_stop
            return 1
        fi
        sleep 0.2
    done
    export STRIPE_API_BASE="http://127.0.0.1:$port"
    echo "stripe-mock $STRIPE_MOCK_VERSION running on 127.0.0.1:$port"
}

stripe_mock_stop() {
    if [ -n "${OCOP_STRIPE_MOCK_PID:-}" ]; then
        kill "$OCOP_STRIPE_MOCK_PID" 2>/dev/null || true
        wait "$OCOP_STRIPE_MOCK_PID" 2>/dev/null || true
    fi
    [ -n "${OCOP_STRIPE_MOCK_LOG:-}" ] && rm -f "$OCOP_STRIPE_MOCK_LOG"
    unset OCOP_STRIPE_MOCK_PID OCOP_STRIPE_MOCK_LOG
}
