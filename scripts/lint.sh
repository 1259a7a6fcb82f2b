#!/usr/bin/env bash
# `make lint` (and the first step of `make test`): ruff's checks, vulture (dead code) and mypy, as configured in
# pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
OCOP_REQUIREMENTS=test scripts/bootstrap.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/vulture  # dead code: [tool.vulture] in pyproject.toml, names it cannot see used in scripts/vulture_whitelist.py
.venv/bin/mypy  # typed signatures of the service modules (pyproject.toml [tool.mypy])
