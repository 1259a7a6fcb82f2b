"""The product page's cost in SQL queries (issue 20): at most 15 for anyone, nothing more per visitor than the
news page adds, and the same however many pictures and reviews the product has."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from catalogue import listing
from shop.core import changes
from tests import factories
from tests.shop.checkout.journey import add_to_basket

pytestmark = pytest.mark.django_db

ProductReview = get_model("reviews", "ProductReview")

NEWS = "/tin-tuc/"
# What only a signed-in buyer has on a product page, read once whatever the product: their wish lists (with
# which hold it) and whether they bought it (may review it). Oscar's analytics rows of the view are written
# behind the request (catalogue/analytics.py).
PER_BUYER = 2


def _queries(client, url):
    client.get(url)  # fills the shared fragments, as any earlier visitor would have
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def page_cache_off(settings):
    settings.OCOP_PAGE_CACHE_SECONDS = 0


def test_the_product_page_costs_at_most_15_queries(client, page_cache_off):
    assert _queries(client, listing.for_sale().first().get_absolute_url()) <= 15


def test_a_signed_in_buyer_with_a_basket_costs_no_more_on_the_product_page_than_elsewhere(
    client, page_cache_off, django_user_model
):
    url = listing.for_sale().first().get_absolute_url()
    anonymous = _queries(client, url) - _queries(client, NEWS)
    client.force_login(django_user_model.objects.create_user(email="nguoi.mua@example.vn", password="mk-2026-xyz"))
    add_to_basket(client, listing.for_sale().filter(stockrecords__num_in_stock__gte=2).first())
    signed_in = _queries(client, url) - _queries(client, NEWS)
    assert signed_in <= anonymous + PER_BUYER


def _review(product, number):
    ProductReview.objects.create(
        product=product,
        score=5,
        title=f"Ngon {number}",
        body="Mật ong thơm, đóng gói cẩn thận.",
        user=factories.customer(),
        status=ProductReview.APPROVED,
    )


def test_pictures_and_reviews_do_not_add_queries(client, page_cache_off):
    few, many = factories.product(pictures=1), factories.product(pictures=5)
    _review(few, 1)
    for number in range(5):
        _review(many, number)
    with_many = _queries(client, many.get_absolute_url())
    client.cookies.clear()  # no "recently viewed" card of the other product
    assert _queries(client, few.get_absolute_url()) == with_many


def test_the_product_is_read_once_per_content_version_and_a_change_shows_at_once(client, page_cache_off):
    """The product with what its page reads (certificates, stock records, pictures) is kept per content version:
    a second visit reads no product row; a price change is announced (shop.core.changes) and shows at once."""
    product = listing.for_sale().filter(stockrecords__isnull=False).first()
    url = product.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert not [query for query in queries if 'FROM "catalogue_product"' in query["sql"]]
    stockrecord = product.stockrecords.first()
    stockrecord.price = 123_456
    stockrecord.save()
    changes.product_changed(product.pk)
    assert "123.456\u00a0₫" in client.get(url).content.decode()


def test_the_recently_viewed_shelf_draws_its_cards_from_the_kept_cards(client, page_cache_off):
    """A returning visitor's product page shows the products they viewed before: those cards are kept per content
    version like every other card (``{% product_card %}``). Oscar's ``render_product`` drew each afresh, ~30 ms of
    CPU a card on every product page — what made the page twice as slow for a signed-in buyer under load."""
    viewed = list(listing.for_sale()[:4])
    for product in viewed:
        client.get(product.get_absolute_url())
    current = listing.for_sale().exclude(pk__in=[p.pk for p in viewed]).first()
    client.get(current.get_absolute_url())  # draws the cards once
    response = client.get(current.get_absolute_url())
    shelf = response.content.decode().split("Những sản phẩm bạn đã xem gần đây")[-1]
    for product in viewed:
        assert product.get_absolute_url() in shelf
    assert "oscar/catalogue/partials/product.html" not in [t.name for t in response.templates]


def test_a_returning_visitor_s_product_page_costs_no_more_queries_than_a_first_visit(client, page_cache_off):
    """The viewed products' cards come with their products kept per content version: before, every product page
    of a visitor with a history read the cards' products again (4 queries, ~20 ms)."""
    current = listing.for_sale().first()
    first_visit = _queries(client, current.get_absolute_url())
    for product in listing.for_sale().exclude(pk=current.pk)[:3]:
        client.get(product.get_absolute_url())
    assert _queries(client, current.get_absolute_url()) == first_visit


def _most(response):
    """The add-to-basket form's "most you may add" (the quantity's max), or None when it has none."""
    form = re.search(r'<form id="add_to_basket_form".*?</form>', response.content.decode(), re.S).group(0)
    found = re.search(r'name="quantity"[^>]*max="(\d+)"', form)
    return int(found.group(1)) if found else None


def test_the_buy_box_is_drawn_once_and_each_visitor_gets_their_own_form(client, page_cache_off):
    """The title, price, stars and add-to-basket form are drawn once per content version: another visitor's page
    reuses them with that visitor's own CSRF token and the most *they* may add (the stock less their basket's)."""
    from django.middleware.csrf import _does_token_match
    from django.test import Client

    product = listing.for_sale().filter(stockrecords__num_in_stock__gte=5).first()
    url = product.get_absolute_url()
    first = client.get(url)
    assert "oscar/catalogue/partials/buy_box.html" in [t.name for t in first.templates]
    stock_left = _most(first)
    assert stock_left is not None

    holder = Client()
    add_to_basket(holder, product, 2)
    page = holder.get(url)
    assert "oscar/catalogue/partials/buy_box.html" not in [t.name for t in client.get(url).templates]  # kept
    assert _most(page) == stock_left - 2 and _most(client.get(url)) == stock_left
    token = re.search(
        r'id="add_to_basket_form".*?name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode(), re.S
    )
    assert _does_token_match(token.group(1), holder.cookies["csrftoken"].value)
    assert not _does_token_match(token.group(1), client.cookies["csrftoken"].value)
