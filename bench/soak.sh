#!/usr/bin/env bash
# Soak: starts a throwaway PostgreSQL and Elasticsearch, prepares the demo market scaled to
# BENCH_PRODUCTS (10000) listed products, runs bench/soak.py (gunicorn and mixed traffic for
# --minutes, 10 by default; arguments are passed on) and stops everything on exit. Exits non-zero
# when a check fails. See bench/README.md.
set -o pipefail
cd "$(dirname "$0")/.." || exit 1
source bench/common.sh
bench_start || exit 1
bench_prepare || exit 1
"$BENCH_PYTHON" bench/soak.py "$@"
