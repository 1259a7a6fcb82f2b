#!/usr/bin/env bash
# Debian's Chromium for the browser journeys (tests/e2e, Playwright's Python package driving it through
# executable_path; Playwright's own browser downloads are never used). Installs the `chromium` package
# with apt-get when /usr/bin/chromium is missing. Run it, or source it and call chromium_install_if_missing.

chromium_install_if_missing() {
    [ -x /usr/bin/chromium ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing Chromium from Debian's packages (for the browser tests)…"
        apt-get update -qq
        # Fonts with Vietnamese letters for the pages and screenshots; no other recommended packages.
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fonts-liberation >/dev/null \
            || { echo "apt-get could not install chromium." >&2; return 1; }
    else
        echo "Chromium is not installed: run as root on Debian, or install the 'chromium' package." >&2
        return 1
    fi
    [ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium is still missing after installing chromium." >&2; return 1; }
    echo "$(/usr/bin/chromium --version 2>/dev/null)"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    chromium_install_if_missing
fi
