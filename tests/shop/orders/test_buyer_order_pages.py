"""What the buyer sees after checkout: the thank-you page per producer, the confirmation email in the
language of the order, guest lookup, account order pages and the invoice PDF per producer part."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from shop.core.money import format_vnd as vnd
from shop.order import fulfilment
from tests.pdf import pdf_text
from tests.shop.checkout.journey import add_to_basket, buyable_products, place_order, producer_actor, reach_preview

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")
GUEST = "khach.tra.cuu@example.vn"


@pytest.fixture
def two_producer_order(client, django_capture_on_commit_callbacks):
    first, second = buyable_products(2)
    add_to_basket(client, first, 1)
    add_to_basket(client, second, 2)
    reach_preview(client, method="cod", email=GUEST)
    with django_capture_on_commit_callbacks(execute=True):
        assert place_order(client).status_code == 302
    return Order.objects.get(guest_email=GUEST)


def test_thank_you_page_shows_each_producers_part_and_invoice_links(client, two_producer_order):
    page = client.get(reverse("checkout:thank-you")).content.decode()
    assert two_producer_order.number in page
    for line in two_producer_order.lines.all():
        assert line.partner_name in page and line.title in page
        assert (
            reverse("order-invoice", kwargs={"number": two_producer_order.number, "partner_id": line.partner_id})
            in page
        )
    assert "Thu tiền khi giao hàng" in page


def test_confirmation_email_is_in_the_language_of_the_order(
    client, two_producer_order, django_capture_on_commit_callbacks
):
    vietnamese = [m for m in mail.outbox if m.to == [GUEST]]
    assert vietnamese and two_producer_order.number in vietnamese[0].subject
    assert two_producer_order.language_code == "vi"

    english_client = type(client)()
    (product,) = buyable_products(1)
    english_client.get("/en/")
    add_to_basket(english_client, product, 1)
    mail.outbox.clear()
    english_client.cookies["django_language"] = "en"
    from django.utils import translation

    with translation.override("en"):
        preview = reach_preview(english_client, method="cod", email="english.buyer@example.vn")
        with django_capture_on_commit_callbacks(execute=True):
            place_order(english_client, preview)
    order = Order.objects.get(guest_email="english.buyer@example.vn")
    assert order.language_code == "en"
    english = [m for m in mail.outbox if m.to == ["english.buyer@example.vn"]][0]
    assert "order" in english.subject.lower() and english.subject != vietnamese[0].subject


def test_guest_finds_the_order_by_number_and_email_and_sees_tracking(client, two_producer_order, staff_user):
    line = two_producer_order.lines.first()
    producer = line.partner
    user = producer_actor(producer)
    lines = fulfilment.producer_lines(two_producer_order, producer)
    fulfilment.confirm_lines(two_producer_order, producer, user, lines)
    fulfilment.ship_lines(two_producer_order, producer, user, lines, "Bưu điện Việt Nam", "VNP123456789")

    stranger = type(client)()
    response = stranger.post(reverse("order-lookup"), {"number": two_producer_order.number, "email": GUEST.upper()})
    assert response.status_code == 302
    page = stranger.get(response["Location"]).content.decode()
    assert "VNP123456789" in page and "Bưu điện Việt Nam" in page
    for other in two_producer_order.lines.exclude(partner=producer):
        assert other.partner_name in page


def test_a_wrong_email_gets_the_same_message_as_a_wrong_number(client, two_producer_order):
    stranger = type(client)()
    wrong_email = stranger.post(
        reverse("order-lookup"), {"number": two_producer_order.number, "email": "ai.do@example.vn"}
    ).content.decode()
    wrong_number = stranger.post(reverse("order-lookup"), {"number": "999999999", "email": GUEST}).content.decode()
    message = "Không tìm thấy đơn hàng với mã và email này"
    assert message in wrong_email and message in wrong_number
    detail = stranger.get(reverse("order-lookup-detail", kwargs={"number": two_producer_order.number}))
    assert detail.status_code == 404


def test_guessing_order_numbers_is_throttled(client, two_producer_order):
    stranger = type(client)()
    for attempt in range(10):
        stranger.post(reverse("order-lookup"), {"number": f"1{attempt}", "email": GUEST})
    blocked = stranger.post(reverse("order-lookup"), {"number": two_producer_order.number, "email": GUEST})
    assert blocked.status_code == 429
    assert "quá nhiều lần" in blocked.content.decode()


def test_invoice_pdf_holds_the_seller_lines_vat_and_totals(client, two_producer_order):
    line = two_producer_order.lines.first()
    producer = line.partner
    response = client.get(
        reverse("order-invoice", kwargs={"number": two_producer_order.number, "partner_id": producer.pk})
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert (producer.legal_name or producer.name) in text
    assert producer.registration_number and producer.registration_number in text
    assert line.title[:20] in text
    assert "Mã số thuế" in text and "Tổng cộng" in text
    assert two_producer_order.number in text
    assert vnd(line.line_price_incl_tax) in text
    others = two_producer_order.lines.exclude(partner=producer)
    assert all(other.title[:20] not in text for other in others)  # only this producer's part


def test_invoices_and_orders_are_private(client, two_producer_order, customer):
    producer = two_producer_order.lines.first().partner
    url = reverse("order-invoice", kwargs={"number": two_producer_order.number, "partner_id": producer.pk})
    stranger = type(client)()
    assert stranger.get(url).status_code == 404
    stranger.force_login(customer)
    assert stranger.get(url).status_code == 404
    assert (
        stranger.get(reverse("customer:order", kwargs={"order_number": two_producer_order.number})).status_code == 404
    )
    seller = type(client)()
    seller.force_login(producer_actor(producer))
    assert seller.get(url).status_code == 200


def test_account_order_page_shows_parts_with_tracking(client):
    user = get_user_model().objects.get(email="khachhang@ocop.example.vn")
    order = Order.objects.filter(user=user, shipping_events__tracking_number__gt="").distinct().first()
    assert order is not None, "the demo has a shipped order"
    client.force_login(user)
    page = client.get(reverse("customer:order", kwargs={"order_number": order.number})).content.decode()
    tracking = order.shipping_events.exclude(tracking_number="").latest("date_created").tracking_number
    assert tracking in page
    assert "Tải xác nhận đơn hàng (PDF)" in page
