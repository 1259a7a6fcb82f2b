#!/usr/bin/env bash
# Multi-node fault soak (issue 19, item 5): a throwaway PostgreSQL, Elasticsearch and Redis, the demo market
# scaled to BENCH_PRODUCTS (10000) listed products, then bench/cluster_soak.py: two gunicorn nodes, one
# db_worker, one run_scheduler, round-robin traffic for --minutes (30 by default; arguments are passed on) with
# faults, the end state checked. Then the place-order benchmark on the same data (skip with NO_PLACE_ORDER=1;
# PLACE_ORDER_ONLY=1 runs it without the soak).
# Exits non-zero when a check fails. See bench/README.md.
set -o pipefail
cd "$(dirname "$0")/.." || exit 1
source bench/common.sh

# Redis comes with bench_start (bench/common.sh): the cluster needs it, whatever BENCH_REDIS says.
BENCH_REDIS=1 bench_start || exit 1
# Every process of the cluster queues its tasks in the database; the worker runs them.
export OCOP_TASKS_BACKEND=database
# A task left RUNNING by the killed worker is requeued after a minute (30 by default), so a short run sees it.
export OCOP_TASK_LOST_AFTER_SECONDS=${OCOP_TASK_LOST_AFTER_SECONDS:-60}
# Delivered mail goes to files that every process writes and the soak counts at the end.
export OCOP_EMAIL_DELIVERY_BACKEND=django.core.mail.backends.filebased.EmailBackend
export EMAIL_FILE_PATH="$OCOP_VAR_DIR/mails"
# The platform's bank account, so VietQR transfer is offered (the values of settings/dev.py).
export VIETQR_BANK_BIN=970436 VIETQR_BANK_NAME=Vietcombank VIETQR_ACCOUNT_NUMBER=0011004299999
export VIETQR_ACCOUNT_NAME="CONG TY OCOP MARKET"
# Every visitor comes from 127.0.0.1 and a few accounts buy again and again: the anti-hoarding limits
# (per client address, per buyer's open COD orders) would refuse them after a handful of orders.
export OCOP_GUEST_ORDERS_PER_IP=1000000 OCOP_COD_BUYER_OPEN_ORDERS=1000000
export OCOP_COD_BUYER_UNITS=1000000 OCOP_COD_BUYER_VALUE=1000000000000
bench_prepare || exit 1
# The stock django-oscar peer beside the place-order benchmark, on its own database (BENCH_PEER=0 skips it).
if [ -z "${NO_PLACE_ORDER:-}" ]; then
    bench_prepare_peer || exit 1
fi
status=0
# PLACE_ORDER_ONLY=1: the place-order benchmark alone, on a quiet machine (no soak before it).
if [ -z "${PLACE_ORDER_ONLY:-}" ]; then
    "$BENCH_PYTHON" bench/cluster_soak.py "$@" || status=$?
fi
if [ -z "${NO_PLACE_ORDER:-}" ]; then
    "$BENCH_PYTHON" bench/place_order_benchmark.py --cluster || status=$?
fi
exit "$status"
