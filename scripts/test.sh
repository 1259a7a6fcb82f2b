#!/usr/bin/env bash
# `make test`: installs what the tests need, starts PostgreSQL, Elasticsearch and Redis, runs the whole
# pytest suite against it, and stops what it started. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

OCOP_REQUIREMENTS=test scripts/bootstrap.sh  # requirements-test.txt: the runtime lock plus pytest & co.
scripts/lint.sh  # ruff (pyproject.toml [tool.ruff]): a lint error fails the run before any service starts
source scripts/postgres.sh
source scripts/elasticsearch.sh
source scripts/stripe-mock.sh
source scripts/redis.sh
trap 'stripe_mock_stop; es_stop; redis_stop; pg_stop' EXIT
pg_start
redis_start  # REDIS_URL: the shared cache (settings/test.py), as in production
es_start
stripe_mock_start
scripts/chromium.sh  # Debian's Chromium for the browser journeys (tests/e2e)

export DJANGO_SETTINGS_MODULE=shop.settings.test
# In parallel (pytest-xdist): one worker per core, at most 4 (each loads the demo into its own test database
# and indexes it, ~1 min); OCOP_TEST_WORKERS=0 runs serially. `--dist loadgroup` keeps the tests that share
# an xdist_group on one worker (pyproject.toml, [tool.pytest.ini_options]).
cores=$(nproc 2>/dev/null || echo 1)
workers=${OCOP_TEST_WORKERS:-$(( cores < 4 ? cores : 4 ))}
set +e
.venv/bin/python -m pytest -n "$workers" --dist loadgroup "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
    echo "pytest collected no tests: that is a failure, not a pass." >&2
    exit 1
fi
exit "$status"
