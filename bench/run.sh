#!/usr/bin/env bash
# Load benchmark and page weight: starts a throwaway PostgreSQL and Elasticsearch, prepares the demo
# market scaled to BENCH_PRODUCTS (10000) listed products and the stock Oscar peer (bench/peer) with as many,
# runs bench/load.py (gunicorn, wrk, Chromium),
# then Lighthouse (bench/lighthouse.py, skipped with BENCH_LIGHTHOUSE=0), and stops everything on exit. See
# bench/README.md.
set -o pipefail
cd "$(dirname "$0")/.." || exit 1
source bench/common.sh
bench_start || exit 1
bench_prepare || exit 1
bench_prepare_peer || exit 1
"$BENCH_PYTHON" bench/load.py "$@"
status=$?
# Lighthouse on the same data (bench/lighthouse.py); BENCH_LIGHTHOUSE=0 skips it.
if [ "${BENCH_LIGHTHOUSE:-1}" != 0 ]; then
    "$BENCH_PYTHON" bench/lighthouse.py || status=1
fi
exit "$status"
