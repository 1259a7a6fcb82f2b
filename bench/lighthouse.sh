#!/usr/bin/env bash
# Lighthouse (mobile) on home, catalogue, a product page and a search page: starts a throwaway PostgreSQL and
# Elasticsearch, prepares the demo market scaled to BENCH_PRODUCTS (1000 here) listed products, runs
# bench/lighthouse.py (its own gunicorn, Lighthouse 12.2.3 installed once into var/lighthouse, Debian's
# Chromium) and stops everything on exit. bench/run.sh runs the same step after the load run
# (BENCH_LIGHTHOUSE=0 skips it). See bench/README.md, "Lighthouse".
set -o pipefail
cd "$(dirname "$0")/.." || exit 1
source bench/common.sh
export BENCH_PRODUCTS=${BENCH_PRODUCTS:-1000}
bench_start || exit 1
bench_prepare || exit 1
"$BENCH_PYTHON" bench/lighthouse.py "$@"
