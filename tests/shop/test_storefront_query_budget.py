"""Every storefront page costs at most 15 SQL queries — for an anonymous visitor and for a signed-in buyer
holding a basket (the visitor the page cache cannot help) — and at most 2 Elasticsearch requests.

The pages are every kind a shopper reaches: each Wagtail page type listed in sitemap.xml (home, news, an
article, a campaign, a producer's story, policy and contact pages, in Vietnamese and English), the
catalogue, a category, a product, a search, the basket and the offers list. Fragments (``shop.core.fragments``)
are on, as in production; the page cache is off (tests' settings), as for a buyer with a basket. Each page is
asked once before it is counted: what a running site keeps between requests (the fragments, Wagtail's
site root paths, content types) is then in place, as it is for the thousandth buyer of the day."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from elastic_transport import Transport
from oscar.core.loading import get_model

from catalogue import listing
from shop.core.seo import PageSitemap
from tests.shop.checkout.journey import add_to_basket, buyable_products

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")

MAX_QUERIES = 15
MAX_SEARCH_REQUESTS = 2


def _one_page_of_each_kind():
    """One live page per Wagtail page type and language, as the sitemap lists them."""
    chosen = {}
    for page in PageSitemap().items():
        chosen.setdefault((type(page).__name__, page.locale.language_code), page.url)
    assert len(chosen) >= 8, chosen
    return chosen


def storefront_pages():
    product = listing.for_sale().filter(images__isnull=False).order_by("pk").first()
    pages = {f"{kind} ({language})": url for (kind, language), url in _one_page_of_each_kind().items()}
    pages |= {
        "catalogue": reverse("catalogue:index"),
        "category": product.categories.first().get_absolute_url(),
        "product": product.get_absolute_url(),
        "search": reverse("search:search") + "?q=m%E1%BA%ADt+ong",
        "search, filtered": reverse("search:search") + "?q=che&stars=5",
        "basket": reverse("basket:summary"),
        "offers": reverse("offer:list"),
        "producer shop": reverse("producer-shop", kwargs={"code": product.producer.code}),
    }
    return pages


class Counted:
    def __init__(self, monkeypatch):
        self.search_requests = 0
        perform = Transport.perform_request

        def counted(transport, method, target, *args, **kwargs):
            if target.endswith("/_search") or target.endswith("/_msearch"):
                self.search_requests += 1
            return perform(transport, method, target, *args, **kwargs)

        monkeypatch.setattr(Transport, "perform_request", counted)


def _over_budget(client, monkeypatch):
    counted = Counted(monkeypatch)
    over = {}
    for name, url in storefront_pages().items():
        assert client.get(url).status_code == 200, name
        counted.search_requests = 0
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, name
        if len(queries) > MAX_QUERIES or counted.search_requests > MAX_SEARCH_REQUESTS:
            over[name] = (len(queries), counted.search_requests)
    return over


def test_every_storefront_page_fits_the_budget_for_an_anonymous_visitor(monkeypatch):
    over = _over_budget(Client(), monkeypatch)
    assert not over, f"(SQL queries, search requests) over the budget: {over}"


def test_every_storefront_page_fits_the_budget_for_a_signed_in_buyer_with_a_basket(monkeypatch, django_user_model):
    buyer = django_user_model.objects.create_user(email="nguoi.mua@example.vn", password="mat-khau-dai-2026")
    client = Client()
    client.force_login(buyer)
    for product in buyable_products(2):
        add_to_basket(client, product)
    assert client.get(reverse("basket:summary")).context["basket"].num_lines == 2
    over = _over_budget(client, monkeypatch)
    assert not over, f"(SQL queries, search requests) over the budget: {over}"
