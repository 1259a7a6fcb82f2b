"""Settings of the load benchmarks and the soak: the production settings, served over plain HTTP on loopback.

``shop.settings.production`` unchanged (DEBUG off, WhiteNoise, manifest static files, its checks on
SECRET_KEY and ALLOWED_HOSTS), except what plain HTTP on 127.0.0.1 needs:
- cookies without the Secure flag (the load clients speak HTTP; a Secure cookie would never come back);
- ``bench.urls``: the site's URLs plus one trivial view (the framework's floor) and the media files,
  which a production web server would serve in front of gunicorn.
Run with SECURE_SSL_REDIRECT=0, a generated SECRET_KEY and ALLOWED_HOSTS=127.0.0.1 (bench/common.sh).
"""

import os

from shop.settings.production import *  # noqa: F401,F403

ROOT_URLCONF = "bench.urls"

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
OSCAR_BASKET_COOKIE_SECURE = False
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0

# Where Django's file-based email backend writes, when the delivery backend is it (bench/cluster_soak.sh).
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH") or None
