#!/usr/bin/env bash
# Creates .venv with Python 3.11+, installs requirements.txt (again only when it
# changed) and compiles the translation catalogues. Safe to run repeatedly.
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

if [ ! -f .venv/.installed ] || [ requirements.txt -nt .venv/.installed ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -r requirements.txt
    touch .venv/.installed
fi

# Translation catalogues: .po files are the source, .mo files are built here.
for po in locale/*/LC_MESSAGES/django.po; do
    [ -f "$po" ] || continue
    mo="${po%.po}.mo"
    if [ ! -f "$mo" ] || [ "$po" -nt "$mo" ]; then
        .venv/bin/pybabel compile --statistics -i "$po" -o "$mo"
    fi
done
