#!/usr/bin/env bash
# `make lint` (and the first step of `make test`): ruff's checks as configured in pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
OCOP_REQUIREMENTS=test scripts/bootstrap.sh
.venv/bin/ruff check .
