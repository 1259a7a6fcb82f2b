#!/usr/bin/env bash
# The main pages at 360 px and 1280 px in Vietnamese and English, as JPEGs under docs/screenshots/: starts what
# the browser tests need as scripts/test.sh does (PostgreSQL, Redis, Elasticsearch, stripe-mock, Chromium), runs
# tests/e2e/test_main_pages.py with OCOP_SCREENSHOTS_DIR set, stops what it started and lists the files written.
# Extra arguments go to pytest (e.g. `-k en-360` for one language and width).
set -euo pipefail
cd "$(dirname "$0")/.."

OCOP_REQUIREMENTS=test scripts/bootstrap.sh
source scripts/postgres.sh
source scripts/elasticsearch.sh
source scripts/stripe-mock.sh
source scripts/redis.sh
trap 'stripe_mock_stop; es_stop; redis_stop; pg_stop' EXIT
pg_start
redis_start
es_start
stripe_mock_start
scripts/chromium.sh

export DJANGO_SETTINGS_MODULE=shop.settings.test
export OCOP_SCREENSHOTS_DIR=docs/screenshots
mkdir -p "$OCOP_SCREENSHOTS_DIR"
if [ "$#" -eq 0 ]; then rm -f "$OCOP_SCREENSHOTS_DIR"/*.jpg; fi  # a full run leaves only what it captured
set +e
.venv/bin/python -m pytest -n 0 -p no:cacheprovider tests/e2e/test_main_pages.py "$@"
status=$?
set -e
echo "Written to $OCOP_SCREENSHOTS_DIR:"
ls -1 "$OCOP_SCREENSHOTS_DIR"/*.jpg 2>/dev/null || echo "  (none)"
du -sh "$OCOP_SCREENSHOTS_DIR"
exit "$status"
