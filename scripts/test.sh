#!/usr/bin/env bash
# `make test`: installs what the tests need, starts PostgreSQL and Elasticsearch, runs the whole
# pytest suite against it, and stops what it started. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

OCOP_REQUIREMENTS=test scripts/bootstrap.sh  # requirements-test.txt: the runtime lock plus pytest & co.
source scripts/postgres.sh
source scripts/elasticsearch.sh
source scripts/stripe-mock.sh
trap 'stripe_mock_stop; es_stop; pg_stop' EXIT
pg_start
es_start
stripe_mock_start
scripts/chromium.sh  # Debian's Chromium for the browser journeys (tests/e2e)

export DJANGO_SETTINGS_MODULE=shop.settings.test
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
    echo "pytest collected no tests: that is a failure, not a pass." >&2
    exit 1
fi
exit "$status"
