"""Pages cost the same number of SQL queries whatever the number of items on them: a list of one
product and a list of 24, a basket of one line and a basket of ten."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue import listing
from tests.shop.checkout.journey import add_to_basket

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")


def _queries(client, url):
    client.get(url)  # per-process caches (site root paths, content types, the menu)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


@pytest.fixture
def database_search(settings):
    """The listing's own queries, without Elasticsearch choosing the page (its backend fetches the
    page's products by id: the same product queries)."""
    settings.ELASTICSEARCH_URL = ""


@pytest.mark.parametrize(
    "url",
    [lambda: reverse("catalogue:index"), lambda: listing.for_sale().first().categories.first().get_absolute_url()],
    ids=["all-products", "category"],
)
def test_a_list_of_24_products_costs_the_queries_of_a_list_of_one(client, database_search, url):
    address = url()
    many, response = _queries(client, address)
    assert len(response.context["products"]) == 24 or address != reverse("catalogue:index")
    shown = len(response.context["products"])
    keep = response.context["products"][0]
    Product.objects.exclude(pk=keep.pk).update(is_public=False)
    one, response = _queries(client, address)
    assert [p.pk for p in response.context["products"]] == [keep.pk]
    assert shown > 1 and one == many, f"{shown} products: {many} queries; 1 product: {one}"


def _buyable(count):
    products = (
        listing.for_sale()
        .filter(stockrecords__num_in_stock__gte=2, product_class__requires_shipping=True)
        .order_by("pk")
        .distinct()
    )
    chosen = list(products[:count])
    assert len(chosen) == count
    return chosen


@pytest.mark.parametrize("url", ["basket:summary", "checkout:index"], ids=["basket", "checkout-start"])
def test_a_basket_of_ten_lines_costs_the_queries_of_a_basket_of_one(client, url):
    products = _buyable(10)
    add_to_basket(client, products[0])
    one, _response = _queries(client, reverse(url))
    for product in products[1:]:
        add_to_basket(client, product)
    ten, response = _queries(client, reverse(url))
    assert response.context["basket"].num_lines == 10
    assert ten == one, f"1 line: {one} queries; 10 lines: {ten}"
