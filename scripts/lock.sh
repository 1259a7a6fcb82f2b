#!/usr/bin/env bash
# `make lock`: compiles requirements.in and requirements-test.in into the locks with hashes,
# requirements.txt and requirements-test.txt (pip-tools, in a throwaway virtualenv so it never
# enters .venv). Existing pins are kept unless a .in file asks otherwise; to move every
# transitive package to its newest allowed version, run `scripts/lock.sh --upgrade`.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
tools=$(mktemp -d "${TMPDIR:-/tmp}/ocop-pip-tools.XXXXXX")
trap 'rm -rf "$tools"' EXIT
"$PYTHON" -m venv "$tools"
"$tools/bin/python" -m pip install --quiet pip-tools

compile() {
    CUSTOM_COMPILE_COMMAND="make lock" "$tools/bin/pip-compile" --quiet --generate-hashes --allow-unsafe \
        --strip-extras --no-emit-index-url --no-emit-trusted-host --no-emit-find-links \
        --resolver=backtracking "$@"
}
compile "$@" --output-file requirements.txt requirements.in
compile "$@" --output-file requirements-test.txt requirements-test.in
