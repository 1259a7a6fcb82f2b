"""sitemap.xml (Wagtail's live pages in every language, and every listed product in every language)
and robots.txt (keeps crawlers out of accounts, basket, checkout, payments and the back offices)."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from oscar.core.loading import get_model
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from catalogue.listing import for_sale
from cms.models import hidden_story_pages
from shop.core import url_prefixes

Product = get_model("catalogue", "Product")


class ProductSitemap(Sitemap):
    """Listed products, on the host the sitemap was asked from (like Wagtail's pages), not the
    placeholder domain of django.contrib.sites."""

    i18n = True
    languages = [code for code, _name in settings.LANGUAGES]
    alternates = True
    x_default = True
    changefreq = "weekly"
    limit = 5000

    def __init__(self, request):
        self.request = request

    def get_domain(self, site=None):
        return self.request.get_host()

    def items(self):
        return for_sale(Product.objects.all()).only("pk", "slug", "date_updated").order_by("pk")

    def lastmod(self, product):
        return product.date_updated


class PageSitemap(WagtailSitemap):
    """Wagtail's live public pages of the site, in every language (each language has its own home page
    beside the site's root, so Wagtail's default — the root's descendants — would miss the English ones),
    without the stories of producers that are not published (``cms.models.hidden_story_pages``)."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        pages = pages.exclude(pk__in=hidden_story_pages().values("pk"))
        return pages.live().public().order_by("path").defer_streamfields().specific()


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": PageSitemap, "products": ProductSitemap(request)})


@require_GET
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    lines = ["User-agent: *"]
    lines += [f"Disallow: {prefix}" for prefix in url_prefixes.private()]  # in every language
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
