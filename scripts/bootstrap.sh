#!/usr/bin/env bash
# Creates .venv with Python 3.11+, installs a lock with hashes (again only when it changed) and
# compiles the translation catalogues. Safe to run repeatedly.
#   OCOP_REQUIREMENTS=runtime (default, `make run`): requirements.txt, what the shop needs to run;
#   OCOP_REQUIREMENTS=test (`make test`): requirements-test.txt, the runtime lock plus tests and benchmarks.
# Both are compiled from requirements*.in by `make lock`.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "OCOP Market needs Python 3.11 or newer (found: $("$PYTHON" --version 2>&1))." >&2
    exit 1
fi

if [ ! -x .venv/bin/python ]; then
    if ! "$PYTHON" -m venv .venv 2>/dev/null; then
        # Debian ships venv separately; install it when we may.
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
            rm -rf .venv && "$PYTHON" -m venv .venv
        else
            echo "Cannot create a virtualenv: install your Python's venv module (Debian: python3-venv)." >&2
            exit 1
        fi
    fi
fi

case "${OCOP_REQUIREMENTS:-runtime}" in
    runtime) lock=requirements.txt ;;
    test) lock=requirements-test.txt ;;
    *) echo "OCOP_REQUIREMENTS must be 'runtime' or 'test' (found: $OCOP_REQUIREMENTS)." >&2; exit 1 ;;
esac
marker=".venv/.installed-$lock"
if [ ! -f "$marker" ] || [ "$lock" -nt "$marker" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet --require-hashes -r "$lock"
    touch "$marker"
    # The test lock holds the runtime lock's pins (requirements-test.in constrains to it).
    if [ "$lock" = requirements-test.txt ]; then touch .venv/.installed-requirements.txt; fi
fi

# Translation catalogues: .po files are the source, .mo files are built here.
for po in locale/*/LC_MESSAGES/*.po locale/*/*/LC_MESSAGES/*.po; do
    [ -f "$po" ] || continue
    mo="${po%.po}.mo"
    if [ ! -f "$mo" ] || [ "$po" -nt "$mo" ]; then
        .venv/bin/pybabel compile --statistics -i "$po" -o "$mo"
    fi
done
