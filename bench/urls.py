"""The site's URLs plus the benchmark's floor: a bare Django view served by the same gunicorn and middleware."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import path, re_path
from django.views.static import serve

from shop.urls import urlpatterns as site_urlpatterns


def bare(request):
    """The framework's floor: the whole middleware stack, no template, no query."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [
    path("bench/bare/", bare, name="bench-bare"),
    # In production a web server serves media in front of gunicorn; here the application does.
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
