"""The WSGI entry point (``shop.wsgi:application``); production settings unless told otherwise."""

import gc
import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver
from django.utils import translation

# A server started without DJANGO_SETTINGS_MODULE runs production, which refuses to start without its
# settings (SECRET_KEY, ALLOWED_HOSTS…) rather than serve the public with DEBUG on and a known key.
# `manage.py runserver` (make run), the tests and the benchmarks name their settings themselves.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings.production")
application = get_wsgi_application()


def freeze_startup_objects():
    """Load what the first requests would (every view behind the URLconf, both languages' catalogues), then take
    the process's objects out of the garbage collector's full passes. They live as long as the process: about
    300,000 of them, which each full pass walked, 180 ms on an idle core and 440 ms under load, two or three times
    per web worker in a benchmark run, each time inside some buyer's request. What requests leave behind is
    collected as before."""
    get_resolver().url_patterns  # noqa: B018 — imports the URLconf and the views
    for code, _name in settings.LANGUAGES:
        translation.trans_real.translation(code)
    gc.collect()
    gc.freeze()


freeze_startup_objects()
