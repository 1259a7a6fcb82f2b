import re

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests.conftest import VND_AMOUNT

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")


def test_catalogue_lists_products_with_vnd_prices(client):
    response = client.get(reverse("catalogue:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["paginator"].count == Product.objects.browsable().count()
    assert len(response.context["products"]) == 24
    amounts = VND_AMOUNT.findall(html)
    assert len(amounts) >= 24
    assert not re.search(r"\d,\d{2}\s*₫|₫\s*\d", html), "no decimals, symbol after the amount"


def test_catalogue_page_query_count_does_not_grow_with_products(client, django_assert_max_num_queries):
    client.get(reverse("catalogue:index"))
    with django_assert_max_num_queries(30):
        client.get(reverse("catalogue:index"))


def test_product_detail_shows_price_ocop_mark_and_producer(client):
    product = Product.objects.get(upc="LC-001")
    stockrecord = product.stockrecords.get()
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert product.title in html
    expected_price = f"{int(stockrecord.price):,}".replace(",", ".") + " ₫"
    assert expected_price in html
    assert 'class="ocop-mark"' in html
    assert stockrecord.partner.name in html
    assert stockrecord.partner.registration_number in html


def test_category_page_lists_only_that_groups_products(client):
    drinks = Category.get_root_nodes().get(name="Đồ uống")
    response = client.get(drinks.get_absolute_url())
    assert response.status_code == 200
    products = list(response.context["paginator"].object_list)
    assert products
    assert {p.ocop_group for p in products} == {"drinks"}


def test_search_finds_products_by_vietnamese_words(client):
    response = client.get(reverse("search:search"), {"q": "Shan tuyết"})
    assert response.status_code == 200
    results = list(response.context["paginator"].object_list)
    assert any("Shan tuyết" in p.title for p in results)
    for product in results:
        text = (product.title + product.description).lower()
        assert "shan" in text and "tuyết" in text


def test_sorting_by_price_ascending(client):
    response = client.get(reverse("catalogue:index"), {"sort_by": "price-asc"})
    prices = [p.min_price for p in response.context["products"]]
    assert prices == sorted(prices)


def test_unknown_product_is_404(client):
    assert client.get("/catalogue/khong-ton-tai_999999/").status_code == 404
