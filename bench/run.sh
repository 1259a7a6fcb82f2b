#!/usr/bin/env bash
# Load benchmark and page weight: starts a throwaway PostgreSQL and Elasticsearch, prepares the demo
# market scaled to BENCH_PRODUCTS (10000) listed products and the stock Oscar peer (bench/peer) with as many,
# runs bench/load.py (gunicorn, wrk, Chromium),
# and stops everything on exit. See bench/README.md.
set -o pipefail
cd "$(dirname "$0")/.." || exit 1
source bench/common.sh
bench_start || exit 1
bench_prepare || exit 1
bench_prepare_peer || exit 1
"$BENCH_PYTHON" bench/load.py "$@"
