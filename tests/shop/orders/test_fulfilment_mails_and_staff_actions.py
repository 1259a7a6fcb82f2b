"""What the buyer hears as the parcel moves, in the order's language (shipped, cancelled, and now delivered with
an invitation to review), and the administrators' order page moving lines only through the producers' rules:
Oscar's own actions set a line's status by hand (no stock returned, no refund, no email, the order's status left
behind), set the order's status by hand and recorded payment events that settlements would count as money."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from cms.demo import loader
from shop.core import order_statuses as statuses
from shop.order import fulfilment
from tests import factories

pytestmark = pytest.mark.django_db
User = get_user_model()
PaymentEvent = get_model("order", "PaymentEvent")
StockRecord = get_model("partner", "StockRecord")

CARRIER, TRACKING = "Bưu điện (VNPost)", "EB123456789VN"


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


@pytest.fixture
def order(buyer, product):
    return factories.order(buyer, product)


@pytest.fixture
def admin():
    return User.objects.get(email=loader.STAFF_EMAIL)


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def html_of(message):
    (part,) = [content for content, kind in message.alternatives if kind == "text/html"]
    return part


def act(callbacks, function, *args, **kwargs):
    mail.outbox.clear()
    with callbacks(execute=True):
        function(*args, **kwargs)


def ship(order, producer, callbacks):
    lines = list(order.lines.all())
    fulfilment.confirm_lines(order, producer, producer.director, lines)
    act(callbacks, fulfilment.ship_lines, order, producer, producer.director, lines, CARRIER, TRACKING)


# --- the buyer's mails -----------------------------------------------------------------------------------


def test_an_english_order_hears_of_its_shipment_in_english_with_the_link_to_follow_it(
    order, producer, buyer, django_capture_on_commit_callbacks
):
    order.language_code = "en"
    order.save(update_fields=["language_code"])
    ship(order, producer, django_capture_on_commit_callbacks)
    (message,) = mails_to(buyer.email)
    for part in (message.subject, message.body, html_of(message)):
        assert "has shipped" in part or "shipped the following" in part, part
        assert "Kính gửi" not in part and "đã gửi hàng" not in part and "Mã vận đơn" not in part
    assert TRACKING in message.body
    assert f"/en/accounts/orders/{order.number}/" in message.body


def test_a_vietnamese_order_hears_of_its_shipment_in_vietnamese(
    order, producer, buyer, django_capture_on_commit_callbacks
):
    ship(order, producer, django_capture_on_commit_callbacks)
    (message,) = mails_to(buyer.email)
    assert "đã gửi hàng" in message.subject and "Mã vận đơn" in message.body
    assert re.search(rf"https?://\S+/accounts/orders/{order.number}/", message.body)


def test_an_english_order_hears_of_a_cancellation_in_english(
    order, producer, buyer, django_capture_on_commit_callbacks
):
    order.language_code = "en"
    order.save(update_fields=["language_code"])
    act(
        django_capture_on_commit_callbacks,
        fulfilment.cancel_lines,
        order,
        producer,
        producer.director,
        list(order.lines.all()),
        "Hết mùa thu hoạch",
    )
    (message,) = mails_to(buyer.email)
    assert "cancelled" in message.subject and "Kính gửi" not in message.body and "Lý do" not in message.body
    assert "Hết mùa thu hoạch" in message.body  # the producer's own words stay as written


def test_the_producer_recording_the_delivery_mails_the_buyer_with_a_link_to_review_each_product(
    order, producer, product, buyer, django_capture_on_commit_callbacks
):
    ship(order, producer, django_capture_on_commit_callbacks)
    act(
        django_capture_on_commit_callbacks,
        fulfilment.deliver_lines,
        order,
        producer,
        producer.director,
        list(order.lines.all()),
    )
    (message,) = mails_to(buyer.email)
    assert "đã được giao" in message.subject
    review = reverse("catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk})
    assert review in message.body and review in html_of(message)
    assert "chưa nhận được hàng" in message.body  # the buyer can say at once that nothing arrived
    order.refresh_from_db()
    assert order.status == statuses.ORDER_DELIVERED


def test_a_buyer_who_confirms_receipt_is_not_mailed_about_it(
    order, producer, buyer, django_capture_on_commit_callbacks
):
    ship(order, producer, django_capture_on_commit_callbacks)
    act(
        django_capture_on_commit_callbacks,
        fulfilment.deliver_lines,
        order,
        producer,
        buyer,
        list(order.lines.all()),
        buyer=True,
    )
    assert mails_to(buyer.email) == []
    assert order.lines.get().status == statuses.LINE_DELIVERED


# --- the administrators' order page ----------------------------------------------------------------------


def detail(order):
    return reverse("dashboard:order-detail", kwargs={"number": order.number})


def line_action(order, new_status, **extra):
    line = order.lines.get()
    return {
        "line_action": "change_line_statuses",
        "selected_line": [line.pk],
        f"selected_line_qty_{line.pk}": line.quantity,
        "new_status": new_status,
        **extra,
    }


def test_staff_cancelling_a_line_returns_its_stock_mails_the_buyer_and_derives_the_order_status(
    order, admin, buyer, product, django_capture_on_commit_callbacks
):
    stockrecord = StockRecord.objects.get(product=product)
    allocated = stockrecord.num_allocated
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(admin).post(
            detail(order), line_action(order, statuses.LINE_CANCELLED, reason="Sản phẩm bị hỏng khi đóng gói")
        )
    assert response.status_code == 302
    line = order.lines.get()
    assert line.status == statuses.LINE_CANCELLED
    stockrecord.refresh_from_db()
    assert stockrecord.num_allocated == allocated - line.quantity
    order.refresh_from_db()
    assert order.status == statuses.ORDER_CANCELLED
    (message,) = mails_to(buyer.email)
    assert "Sản phẩm bị hỏng khi đóng gói" in message.body
    event = order.shipping_events.get(event_type__code=statuses.EVENT_CANCELLED)
    assert event.actor == admin


def test_staff_cannot_cancel_without_a_reason_nor_ship_without_carrier_and_tracking(order, admin):
    client = signed_in(admin)
    response = client.post(detail(order), line_action(order, statuses.LINE_CANCELLED), follow=True)
    assert "lý do" in response.content.decode().lower()
    response = client.post(detail(order), line_action(order, statuses.LINE_SHIPPED, carrier=CARRIER), follow=True)
    assert "Hãy nhập mã vận đơn." in response.content.decode()
    assert order.lines.get().status == statuses.LINE_PENDING


def test_staff_shipping_consumes_the_stock_and_moves_the_order(order, admin, product):
    stockrecord = StockRecord.objects.get(product=product)
    in_stock = stockrecord.num_in_stock
    response = signed_in(admin).post(
        detail(order), line_action(order, statuses.LINE_SHIPPED, carrier=CARRIER, tracking_number=TRACKING)
    )
    assert response.status_code == 302
    stockrecord.refresh_from_db()
    assert stockrecord.num_in_stock == in_stock - order.lines.get().quantity
    order.refresh_from_db()
    assert order.status == statuses.ORDER_SHIPPED


def test_the_order_status_and_payments_are_not_set_by_hand_on_the_order_page(order, admin):
    client = signed_in(admin)
    before = order.status
    client.post(detail(order), {"order_action": "change_order_status", "new_status": statuses.ORDER_CANCELLED})
    client.post(
        reverse("dashboard:order-list"),
        {"action": "change_order_statuses", "selected_order": [order.pk], "new_status": statuses.ORDER_CANCELLED},
    )
    line = order.lines.get()
    client.post(
        detail(order),
        {
            "line_action": "create_payment_event",
            "selected_line": [line.pk],
            f"selected_line_qty_{line.pk}": 1,
            "payment_event_type": "paid",
            "amount": "999999",
        },
    )
    order.refresh_from_db()
    assert order.status == before
    assert not PaymentEvent.objects.filter(order=order, amount=999999).exists()
    page = client.get(detail(order)).content.decode()
    assert 'value="change_order_status"' not in page and 'value="create_payment_event"' not in page
    assert "Trạng thái đơn hàng được tính từ trạng thái các dòng hàng" in page


def test_staff_who_may_only_view_orders_cannot_act(order):
    viewer = factories.customer()
    viewer.is_staff = True
    viewer.save(update_fields=["is_staff"])
    viewer.user_permissions.add(
        Permission.objects.get(codename="view_order", content_type__app_label="order"),
        Permission.objects.get(codename="dashboard_access", content_type__app_label="partner"),
    )
    client = signed_in(viewer)
    assert client.get(detail(order)).status_code == 200
    response = client.post(detail(order), line_action(order, statuses.LINE_CANCELLED, reason="thử"))
    assert response.status_code == 403
    assert order.lines.get().status == statuses.LINE_PENDING
