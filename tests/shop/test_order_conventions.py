"""The shop conventions of a Vietnamese order (issue 21): the order lookup linked from the footer and the
account, order-status tabs in the order history, "Đã nhận hàng" that marks a shipped parcel delivered and
unlocks reviews (only after delivery), and the producer's packing slip / address label per parcel."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from cms.demo import loader
from shop.core import order_statuses as statuses
from shop.order import fulfilment
from tests import factories
from tests.pdf import pdf_text

pytestmark = pytest.mark.django_db
Payment = get_model("payments", "Payment")
ProductReview = get_model("reviews", "ProductReview")
ShippingEvent = get_model("order", "ShippingEvent")
User = get_user_model()


def signed_in(user):
    client = Client()
    client.force_login(user, backend="oscar.apps.customer.auth_backends.EmailBackend")
    return client


@pytest.fixture
def producer():
    return factories.producer()


@pytest.fixture
def product(producer):
    return factories.product(producer)


@pytest.fixture
def buyer():
    return factories.customer()


def ship(order, producer):
    actor = producer.director
    lines = list(order.lines.filter(partner=producer))
    fulfilment.confirm_lines(order, producer, actor, lines)
    fulfilment.ship_lines(order, producer, actor, lines, "Bưu điện (VNPost)", "EB123456789VN")
    order.refresh_from_db()
    return order


@pytest.fixture
def shipped(buyer, product, producer):
    return ship(factories.order(buyer, product), producer)


def receipt_url(order, producer):
    return reverse("order-receipt", kwargs={"number": order.number, "partner_id": producer.pk})


# --- 1. the order lookup is linked --------------------------------------------------------------------


def test_the_footer_and_the_account_navigation_link_the_order_lookup(client, buyer):
    lookup = reverse("order-lookup")
    assert f'href="{lookup}"' in client.get("/").content.decode()
    page = signed_in(buyer).get(reverse("customer:profile-view")).content.decode()
    assert f'href="{lookup}"' in page and "Tra cứu đơn hàng" in page


# --- 2. order-status tabs -----------------------------------------------------------------------------


def test_the_order_history_has_status_tabs_filtered_on_the_server_with_counts(buyer, product, producer, shipped):
    waiting = factories.order(buyer, product)
    client = signed_in(buyer)
    page = client.get(reverse("customer:order-list")).content.decode()
    for label in ("Tất cả", "Chờ xác nhận", "Đang giao", "Đã giao", "Đã huỷ"):
        assert label in page
    assert shipped.number in page and waiting.number in page

    response = client.get(reverse("customer:order-list"), {"status": "shipping"})
    page = response.content.decode()
    assert shipped.number in page and waiting.number not in page
    tabs = {tab["code"]: tab["count"] for tab in response.context["status_tabs"]}
    assert tabs == {"": 2, "pending": 1, "shipping": 1, "delivered": 0, "cancelled": 0}

    page = client.get(reverse("customer:order-list"), {"status": "pending"}).content.decode()
    assert waiting.number in page and shipped.number not in page
    page = client.get(reverse("customer:order-list"), {"status": "delivered"}).content.decode()
    assert "Không có đơn hàng nào ở trạng thái này." in page
    page = client.get(reverse("customer:order-list"), {"status": "khong-co"}).content.decode()
    assert shipped.number in page and waiting.number in page  # an unknown tab shows every order


def test_the_history_page_does_not_grow_with_the_orders(buyer, product, producer, shipped):
    """The tab counts are one query, the rows' item counts one prefetch: no query per order."""
    client = signed_in(buyer)
    client.get(reverse("customer:order-list"))  # warm caches
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("customer:order-list"))
    factories.order(buyer, product)
    factories.order(buyer, product)
    with CaptureQueriesContext(connection) as three:
        client.get(reverse("customer:order-list"))
    assert len(three) == len(one)


# --- 3. "Đã nhận hàng" and reviews after delivery -----------------------------------------------------


def test_the_buyer_confirms_receipt_of_a_shipped_parcel(buyer, producer, shipped):
    client = signed_in(buyer)
    page = client.get(reverse("customer:order", kwargs={"order_number": shipped.number})).content.decode()
    assert receipt_url(shipped, producer) in page and "Đã nhận hàng" in page

    response = client.post(receipt_url(shipped, producer), follow=True)
    assert "Cảm ơn quý khách đã xác nhận nhận hàng" in response.content.decode()
    shipped.refresh_from_db()
    assert shipped.status == statuses.ORDER_DELIVERED
    assert set(shipped.lines.values_list("status", flat=True)) == {statuses.LINE_DELIVERED}
    event = ShippingEvent.objects.get(order=shipped, event_type__code=statuses.EVENT_DELIVERED)
    assert event.actor == buyer and event.partner == producer
    page = client.get(reverse("customer:order", kwargs={"order_number": shipped.number})).content.decode()
    assert receipt_url(shipped, producer) not in page  # nothing left to confirm
    assert [o.my_status for o in fulfilment.orders_for_producer(producer).filter(pk=shipped.pk)] == [
        statuses.ORDER_DELIVERED
    ]


def test_only_the_buyer_may_confirm_receipt_by_post_with_csrf(buyer, producer, shipped):
    assert signed_in(factories.customer()).post(receipt_url(shipped, producer)).status_code == 404
    assert Client().post(receipt_url(shipped, producer)).status_code == 404
    assert signed_in(buyer).get(receipt_url(shipped, producer)).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(buyer, backend="oscar.apps.customer.auth_backends.EmailBackend")
    assert strict.post(receipt_url(shipped, producer)).status_code == 403
    shipped.refresh_from_db()
    assert shipped.status == statuses.ORDER_SHIPPED


def test_a_parcel_not_shipped_yet_cannot_be_confirmed(buyer, product, producer):
    order = factories.order(buyer, product)
    response = signed_in(buyer).post(receipt_url(order, producer), follow=True)
    assert "chưa thể xác nhận đã nhận hàng" in response.content.decode()
    assert set(order.lines.values_list("status", flat=True)) == {statuses.LINE_PENDING}


def test_confirming_receipt_of_a_cod_parcel_moves_no_money(buyer, producer, shipped):
    before = Payment.objects.get(order=shipped)
    assert before.status == Payment.Status.COLLECT_ON_DELIVERY
    signed_in(buyer).post(receipt_url(shipped, producer))
    after = Payment.objects.get(pk=before.pk)
    assert (after.status, after.amount) == (before.status, before.amount)


def review_url(product):
    return reverse("catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk})


def test_reviews_only_after_delivery_and_the_form_says_why(buyer, product, producer, shipped):
    assert not product.is_review_permitted(buyer)
    client = signed_in(buyer)
    response = client.get(review_url(product), follow=True)
    assert "Bạn có thể đánh giá sau khi nhận hàng." in response.content.decode()
    client.post(receipt_url(shipped, producer))
    assert product.is_review_permitted(buyer)
    assert client.get(review_url(product)).status_code == 200


def test_the_product_page_tells_a_buyer_waiting_for_the_parcel_when_they_may_review(buyer, product, producer, shipped):
    client = signed_in(buyer)
    waiting = client.get(product.get_absolute_url()).content.decode()
    assert "Bạn có thể đánh giá sau khi nhận hàng." in waiting and review_url(product) not in waiting
    client.post(receipt_url(shipped, producer))
    received = client.get(product.get_absolute_url()).content.decode()
    assert "Bạn có thể đánh giá sau khi nhận hàng." not in received and review_url(product) in received


def test_the_producer_marking_delivered_unlocks_the_review(buyer, product, producer, shipped):
    portal = signed_in(producer.director)
    line = shipped.lines.get()
    page = portal.get(reverse("dashboard:portal-order", kwargs={"number": shipped.number})).content.decode()
    assert 'id="deliver_form"' in page
    response = portal.post(
        reverse("dashboard:portal-order", kwargs={"number": shipped.number}),
        {"action": "deliver", "deliver-lines": [line.pk]},
    )
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.status == statuses.LINE_DELIVERED
    assert product.is_review_permitted(buyer)


def test_staff_marking_the_line_delivered_in_the_dashboard_unlocks_the_review(buyer, product, shipped):
    admin = User.objects.get(email=loader.STAFF_EMAIL)
    line = shipped.lines.get()
    response = signed_in(admin).post(
        reverse("dashboard:order-detail", kwargs={"number": shipped.number}),
        {
            "line_action": "change_line_statuses",
            "selected_line": [line.pk],
            f"selected_line_qty_{line.pk}": line.quantity,
            "new_status": statuses.LINE_DELIVERED,
        },
    )
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.status == statuses.LINE_DELIVERED
    assert product.is_review_permitted(buyer)


# --- 5. packing slip / address label ------------------------------------------------------------------


def slip_url(order, producer):
    return reverse("order-packing-slip", kwargs={"number": order.number, "partner_id": producer.pk})


def test_the_producer_downloads_the_packing_slip_of_its_parcel(buyer, product, producer):
    order = factories.order(buyer, product)
    portal = signed_in(producer.director)
    page = portal.get(reverse("dashboard:portal-order", kwargs={"number": order.number})).content.decode()
    assert slip_url(order, producer) in page
    response = portal.get(slip_url(order, producer))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    text = pdf_text(response.content)
    address = order.shipping_address
    assert address.first_name in text and str(address.phone_number) in text
    assert order.number in text and product.title in text
    assert "THU HỘ (COD)" in text  # cash on delivery: the courier collects the parcel's total
    assert "PHIẾU ĐÓNG GÓI" in text


def test_a_prepaid_parcel_has_nothing_to_collect(buyer, product, producer):
    order = factories.order(buyer, product, method="vietqr")
    text = pdf_text(signed_in(producer.director).get(slip_url(order, producer)).content)
    assert "THU HỘ" not in text and "Không thu tiền người nhận" in text


def test_only_the_producer_and_staff_may_download_the_packing_slip(buyer, product, producer):
    order = factories.order(buyer, product)
    other = factories.producer()
    assert signed_in(other.director).get(slip_url(order, producer)).status_code == 404
    assert signed_in(other.director).get(slip_url(order, other)).status_code == 404  # no lines of its own
    assert signed_in(buyer).get(slip_url(order, producer)).status_code == 404
    assert Client().get(slip_url(order, producer)).status_code == 404
    reviewer = User.objects.get(email=loader.REVIEWER_EMAIL)  # staff without the order permission
    assert signed_in(reviewer).get(slip_url(order, producer)).status_code == 404
    admin = User.objects.get(email=loader.STAFF_EMAIL)
    assert signed_in(admin).get(slip_url(order, producer)).status_code == 200
