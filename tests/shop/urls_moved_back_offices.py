"""A URL configuration that mounts the back offices and the checkout elsewhere than shop/urls.py
(tests/shop/test_url_prefixes.py): the prefix lists must follow it."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import include, path

from shop.core import seo


def page(request, *args, **kwargs):
    return HttpResponse("<html><body>ok</body></html>")


urlpatterns = [
    path("robots.txt", seo.robots_txt, name="robots-txt"),
    path("sitemap.xml", page, name="sitemap"),
    path("noi-dung/", page, name="wagtailadmin_home"),
]
urlpatterns += i18n_patterns(
    path("quan-tri/", include(([path("", page, name="index")], "dashboard"))),
    path("gio-hang/", include(([path("", page, name="summary")], "basket"))),
    path("", page, name="home"),
    prefix_default_language=False,
)
