#!/usr/bin/env bash
# `make lint` (and the first step of `make test`): ruff's checks and mypy, as configured in pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
OCOP_REQUIREMENTS=test scripts/bootstrap.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy  # typed signatures of the service modules (pyproject.toml [tool.mypy])
