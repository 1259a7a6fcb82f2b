"""URLs of the stock Oscar peer: Oscar's as its documentation includes them, i18n, and the peer's own floor."""

from django.apps import apps
from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    """The peer's floor: its whole middleware stack (Oscar's basket middleware included), no template, no query."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [
    path("bench/bare/", bare, name="bench-bare"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include(apps.get_app_config("oscar").urls[0])),
]
