"""URL order: admin and webhooks first, Oscar's tree next, Wagtail's catch-all last."""

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from django.views.decorators.http import require_POST
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from catalogue.producers import ProducerShopView
from shop.core import health_views, seo

# Wagtail's admin logout answers a GET with 405 but deletes the session cookie all the same, so a link on
# another site logs staff out: refuse the GET before its view runs. Logging out is a POST everywhere.
decorate_urlpatterns(
    [pattern for pattern in wagtailadmin_urls.urlpatterns if getattr(pattern, "name", None) == "wagtailadmin_logout"],
    require_POST,
)

urlpatterns = [
    # The load balancer's probes (shop.core.health_views; its middleware answers them before these routes).
    path("healthz", health_views.liveness, name="healthz"),
    path("readyz", health_views.readiness, name="readyz"),
    path("robots.txt", seo.robots_txt, name="robots-txt"),
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path("cms-admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("shop.address.urls")),  # the address forms' commune list (JSON, one for all languages)
    path("", include("payments.urls")),  # payment pages, webhooks and IPNs: no language prefix
]

# Vietnamese pages have no prefix; English ones live under /en/.
# The language switch sits inside too: set_language can only translate the
# "next" URL when it runs in the language that URL is written in.
urlpatterns += i18n_patterns(
    path("i18n/setlang/", set_language, name="set_language"),
    path("ban-hang/", include("shop.producers.urls")),
    path("nha-san-xuat/<slug:code>/", ProducerShopView.as_view(), name="producer-shop"),  # a producer's shop page
    path(
        "", include("shop.order.urls")
    ),  # guest order lookup and invoices  # selling on OCOP Market: application, invitations
    path("", include(apps.get_app_config("oscar").urls[0])),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# Our 403 page (layout, language, why and where to go) instead of Django's bare "403 Forbidden".
handler403 = "shop.core.errors.permission_denied"
handler404 = "shop.core.errors.page_not_found"

if settings.DEBUG:
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
