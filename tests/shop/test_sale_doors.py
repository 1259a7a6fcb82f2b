"""Only what may be sold is sold — at every door (catalogue.listing, the one rule).

For each state a product can be in that takes it off sale, anonymous and signed-in buyers are refused at
add-to-basket, on the product page, in the basket, at the checkout's preview and at "place order" (the
state changing between adding and paying), and the product is absent from every public listing.
"""

import datetime

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from catalogue import listing
from catalogue.programme.review import ReviewStatus
from shop.search import indexing
from shop.search.backends import DatabaseProductSearch, ElasticsearchProductSearch
from tests import factories
from tests.shop.checkout.journey import add_to_basket, place_order, reach_preview

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")
OrderCreator = get_class("order.utils", "OrderCreator")
Selector = get_class("partner.strategy", "Selector")


def _yesterday():
    return timezone.localdate() - datetime.timedelta(days=1)


def _status(product, status):
    Product.objects.filter(pk=product.pk).update(review_status=status, is_public=False)


def _unverified(product):
    Partner.objects.filter(pk=product.producer.pk).update(verification_status=Partner.Verification.PENDING)


def _expired(product):
    product.ocop_certificates.update(expires_on=_yesterday())


def _revoked(product):
    product.ocop_certificates.update(revoked_at=timezone.now())  # the product itself left approved


def _kept_on_sale_ended(product):
    product.ocop_certificates.update(revoked_at=timezone.now())
    Product.objects.filter(pk=product.pk).update(
        kept_on_sale_until=_yesterday(), kept_on_sale_at=timezone.now(), kept_on_sale_reason="Chờ đánh giá lại"
    )


STATES = {
    "draft": lambda p: _status(p, ReviewStatus.DRAFT),
    "submitted": lambda p: _status(p, ReviewStatus.SUBMITTED),
    "changes_requested": lambda p: _status(p, ReviewStatus.CHANGES_REQUESTED),
    "rejected": lambda p: _status(p, ReviewStatus.REJECTED),
    "suspended": lambda p: _status(p, ReviewStatus.SUSPENDED),
    "unverified_producer": _unverified,
    "expired_certificate": _expired,
    "revoked_certificate": _revoked,
    "kept_on_sale_ended": _kept_on_sale_ended,
}


def take_off_sale(product, state):
    """Put the product in ``state`` the way a stored row would be, and reindex it as the services do."""
    STATES[state](product)
    product = Product.objects.get(pk=product.pk)
    assert not listing.is_for_sale(product), state
    # As the services would: a producer's verification changes all its products' documents.
    indexing.update_products(
        list(Product.objects.filter(stockrecords__partner=product.producer).values_list("pk", flat=True))
    )
    return product


@pytest.fixture
def on_sale():
    """A product of its own producer, built for the test (tests/factories.py): taking it off sale — its
    producer unverified among the ways — changes no demo row."""
    product = factories.product()
    assert listing.is_for_sale(product)
    return product


@pytest.fixture(params=["anonymous", "customer"])
def buyer(request, client, customer):
    if request.param == "customer":
        client.force_login(customer)
    return client


def _basket_products(client):
    response = client.get(reverse("basket:summary"))
    return response, [line.product_id for line in response.context["basket"].all_lines()]


# --- Each state, each door -------------------------------------------------------------------------------


@pytest.mark.parametrize("state", STATES)
def test_add_to_basket_is_refused_with_a_message(buyer, on_sale, state):
    product = take_off_sale(on_sale, state)
    response = buyer.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1}, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert any("không được bán" in m for m in messages), messages
    assert _basket_products(buyer)[1] == []


@pytest.mark.parametrize("state", STATES)
def test_product_page_is_not_found(buyer, on_sale, state):
    product = take_off_sale(on_sale, state)
    response = buyer.get(product.get_absolute_url())
    assert response.status_code == 404
    assert product.title not in response.content.decode()


@pytest.mark.parametrize("state", STATES)
def test_absent_from_every_public_listing(client, on_sale, state):
    product = take_off_sale(on_sale, state)
    for url in (
        reverse("catalogue:index"),
        product.categories.first().get_absolute_url(),
        "/sitemap.xml",
        reverse("search:suggest") + f"?q={product.title[:12]}",
    ):
        html = client.get(url).content.decode()
        assert product.get_absolute_url() not in html and product.title not in html, url
    searched = client.get(reverse("search:search"), {"q": product.title})  # the page repeats what was typed
    assert product.get_absolute_url() not in searched.content.decode()
    assert product.pk not in [p.pk for p in searched.context["products"]]
    for backend in (ElasticsearchProductSearch, DatabaseProductSearch):
        assert product.pk not in [p.pk for p in backend().search(product.title)[0:50]], backend
        # The facets count what is listed: the producer's bucket holds only its products for sale.
        facets = backend().search("").facets
        counts = {b["value"]: b["count"] for f in facets if f.key == "producer" for b in f.buckets}
        selling = listing.for_sale(Product.objects.filter(stockrecords__partner=product.producer)).count()
        assert counts.get(str(product.producer.pk), 0) == selling, backend


@pytest.mark.parametrize("state", STATES)
def test_basket_holding_it_warns_and_cannot_be_checked_out(buyer, on_sale, state):
    """The product stopped being for sale after it was put in the basket."""
    add_to_basket(buyer, on_sale)
    guest = not buyer.session.get("_auth_user_id")
    preview = reach_preview(buyer, guest=guest)
    stock_before = StockRecord.objects.get(product=on_sale).num_allocated
    take_off_sale(on_sale, state)

    response, in_basket = _basket_products(buyer)
    assert in_basket == [on_sale.pk]  # nothing is lost: the buyer sees the line and why
    assert "hiện không còn được bán trên sàn" in response.content.decode()

    response = buyer.get(reverse("checkout:preview"))
    assert response.status_code == 302 and response["Location"] == reverse("basket:summary")

    orders_before = Order.objects.count()
    response = place_order(buyer, preview)  # "Đặt hàng" on the preview the buyer saw before
    assert response.status_code == 302 and response["Location"] == reverse("basket:summary")
    assert Order.objects.count() == orders_before
    assert StockRecord.objects.get(product=on_sale).num_allocated == stock_before
    assert _basket_products(buyer)[1] == [on_sale.pk]


@pytest.mark.parametrize("state", STATES)
def test_order_placement_refuses_it_inside_its_transaction(on_sale, state):
    """Even when the checkout's earlier checks passed (the state changed a moment before placement),
    ``OrderCreator.place_order`` refuses the line: no order, no stock reserved."""
    from oscar.test.factories import create_order

    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    basket.add_product(on_sale, 1)
    take_off_sale(on_sale, state)
    allocated, orders = StockRecord.objects.get(product=on_sale).num_allocated, Order.objects.count()
    with pytest.raises(get_class("order.utils", "NotForSale")) as refusal:
        create_order(basket=basket)
    assert on_sale.title in str(refusal.value) and "không còn được bán" in str(refusal.value)
    assert Order.objects.count() == orders
    assert StockRecord.objects.get(product=on_sale).num_allocated == allocated


# --- Previews -------------------------------------------------------------------------------------------


def test_staff_and_the_producers_people_get_a_preview_with_the_reasons(client, staff_user, on_sale):
    product = take_off_sale(on_sale, "submitted")
    client.force_login(staff_user)
    html = client.get(product.get_absolute_url()).content.decode()
    assert "preview-banner" in html and "chưa được ban quản lý OCOP duyệt mở bán" in html
    assert 'id="add_to_basket_form"' not in html
    director = product.producer.users.first()
    client.force_login(director)
    assert "preview-banner" in client.get(product.get_absolute_url()).content.decode()


def test_another_producer_gets_no_preview(client, on_sale):
    product = take_off_sale(on_sale, "draft")
    other = Partner.objects.exclude(pk=product.producer.pk).filter(users__isnull=False).first()
    client.force_login(other.users.first())
    assert client.get(product.get_absolute_url()).status_code == 404


# --- An expired certificate takes the product off sale at midnight, with no job run ---------------------


def test_expiry_takes_it_off_sale_at_once_in_the_database_and_the_index(client, on_sale):
    today = timezone.localdate()
    on_sale.ocop_certificates.update(expires_on=today)
    indexing.update_products([on_sale.pk])  # indexed today, as the services would
    title = on_sale.title
    assert on_sale.pk in [p.pk for p in ElasticsearchProductSearch().search(title)[0:50]]
    with time_machine.travel(
        datetime.datetime.combine(
            today + datetime.timedelta(days=1), datetime.time(0, 1), tzinfo=timezone.get_current_timezone()
        )
    ):
        listed = listing.for_sale().count()
        es = ElasticsearchProductSearch().search("")
        assert es.count() == listed  # the listing, the count and the facets agree
        stars = {b["value"]: b["count"] for f in es.facets if f.key == "stars" for b in f.buckets}
        assert (
            sum(stars.values())
            == listing.for_sale()
            .filter(
                pk__in=OcopCertificate.objects.backing_mark_on(today + datetime.timedelta(days=1)).values("product")
            )
            .count()
        )
        assert on_sale.pk not in [p.pk for p in ElasticsearchProductSearch().search(title)[0:50]]
        with override_settings(ELASTICSEARCH_URL=""):
            assert client.get(reverse("catalogue:index")).context["paginator"].count == listed
        assert client.get(on_sale.get_absolute_url()).status_code == 404


def test_recommendations_on_a_product_page_skip_products_not_for_sale(client, on_sale):
    other, hidden = factories.product(), factories.product()
    ProductRecommendation = get_model("catalogue", "ProductRecommendation")
    ProductRecommendation.objects.create(primary=on_sale, recommendation=other, ranking=2)
    ProductRecommendation.objects.create(primary=on_sale, recommendation=hidden, ranking=1)
    take_off_sale(hidden, "draft")
    html = client.get(on_sale.get_absolute_url()).content.decode()
    assert other.title in html and hidden.title not in html
