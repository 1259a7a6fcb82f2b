"""The WSGI entry point (``shop.wsgi:application``); production settings unless told otherwise."""

import os

from django.core.wsgi import get_wsgi_application

# A server started without DJANGO_SETTINGS_MODULE runs production, which refuses to start without its
# settings (SECRET_KEY, ALLOWED_HOSTS…) rather than serve the public with DEBUG on and a known key.
# `manage.py runserver` (make run), the tests and the benchmarks name their settings themselves.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings.production")
application = get_wsgi_application()
