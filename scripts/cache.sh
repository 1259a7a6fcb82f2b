#!/usr/bin/env bash
# Where the test services' downloads are kept between runs (Elasticsearch, stripe-mock). Source it.
# As root it is /var/cache/ocop-market, readable by the unprivileged users the services run as
# (root's home is mode 0700); OCOP_CACHE_DIR overrides it.
ocop_cache_dir() {
    if [ -n "${OCOP_CACHE_DIR:-}" ]; then
        echo "$OCOP_CACHE_DIR"
    elif [ "$(id -u)" = 0 ]; then
        echo /var/cache/ocop-market
    else
        echo "$HOME/.cache/ocop-market"
    fi
}
