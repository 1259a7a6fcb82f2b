"""Placing orders through the real checkout pages: methods, the payment link, and what a failed
placement leaves behind."""

import pytest
from django.test import override_settings
from django.urls import reverse
from oscar.apps.checkout.signals import pre_payment
from oscar.core.loading import get_model

from payments.models import Payment
from payments.providers.vietqr.gateway import transfer_reference
from shop.core import vietqr
from tests.shop.checkout.journey import add_to_basket, buyable_products, confirmed_quote, place_order, reach_preview

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")
Source = get_model("payment", "Source")
StockRecord = get_model("partner", "StockRecord")


def _stock(product):
    record = StockRecord.objects.get(product=product)
    return record.num_in_stock, record.num_allocated or 0


def test_guest_orders_from_two_producers_and_pays_cash_on_delivery(client):
    first, second = buyable_products(2)
    before = {p.pk: _stock(p) for p in (first, second)}
    add_to_basket(client, first, 2)
    add_to_basket(client, second, 1)
    preview = reach_preview(client, method="cod").content.decode()
    assert "Thanh toán khi nhận hàng" in preview
    assert 'data-parcels="2"' in preview  # one parcel per producer, each with its charge

    response = place_order(client)

    assert response.status_code == 302 and response["Location"] == reverse("checkout:thank-you")
    order = Order.objects.get(guest_email="khach.vang.lai@example.vn")
    assert {line.partner_id for line in order.lines.all()} == {
        first.stockrecords.get().partner_id,
        second.stockrecords.get().partner_id,
    }
    payment = Payment.objects.get(order=order)
    assert payment.method == "cod" and payment.status == Payment.Status.COLLECT_ON_DELIVERY
    assert payment.amount == int(order.total_incl_tax)
    source = Source.objects.get(order=order)
    assert source.amount_allocated == order.total_incl_tax and source.amount_debited == 0
    # Stock is reserved, not yet taken off the shelf.
    assert _stock(first) == (before[first.pk][0], before[first.pk][1] + 2)
    assert _stock(second) == (before[second.pk][0], before[second.pk][1] + 1)
    assert order.basket.status == Basket.SUBMITTED
    assert order.language_code == "vi"
    thank_you = client.get(reverse("checkout:thank-you")).content.decode()
    assert order.number in thank_you and "Thu tiền khi giao hàng" in thank_you


def test_bank_transfer_shows_a_vietqr_code_for_the_exact_amount(client):
    (product,) = buyable_products(1)
    add_to_basket(client, product, 1)
    reach_preview(client, method="vietqr")
    place_order(client)

    order = Order.objects.get(guest_email="khach.vang.lai@example.vn")
    payment = Payment.objects.get(order=order)
    assert payment.status == Payment.Status.PENDING
    assert payment.provider_reference == transfer_reference(order.number)
    page = client.get(reverse("checkout:thank-you")).content.decode()
    assert "<svg" in page and 'class="qr-code"' in page
    assert payment.provider_reference in page
    # The code carries the platform's account, the exact amount in đồng and the order reference.
    fields = vietqr.parse(payment.provider.qr_payload(payment))
    assert fields["54"] == str(int(order.total_incl_tax))
    assert fields["53"] == "704"
    assert vietqr.nested(fields["62"])["08"] == transfer_reference(order.number)
    assert vietqr.nested(vietqr.nested(fields["38"])["01"]) == {"00": "970436", "01": "0011004299999"}


def test_stock_taken_by_another_buyer_at_the_last_moment_keeps_the_basket_and_voids_the_payment(client):
    (product,) = buyable_products(1)
    add_to_basket(client, product, 2)
    reach_preview(client, method="vietqr")
    in_stock, allocated = _stock(product)

    def another_buyer_takes_the_rest(**kwargs):
        # Between the checks on the preview and the placement, someone else reserves what is left.
        StockRecord.objects.filter(product=product).update(num_allocated=in_stock - 1)

    pre_payment.connect(another_buyer_takes_the_rest)
    try:
        response = place_order(client)
    finally:
        pre_payment.disconnect(another_buyer_takes_the_rest)

    html = response.content.decode()
    assert response.status_code == 200
    assert "chỉ còn 1 sản phẩm" in html and "Giỏ hàng của bạn vẫn được giữ nguyên" in html
    assert not Order.objects.filter(guest_email="khach.vang.lai@example.vn").exists()
    payment = Payment.objects.get(method="vietqr", order=None, status=Payment.Status.VOIDED)
    assert payment.amount > 0
    basket = client.get(reverse("basket:summary")).context["basket"]
    assert basket.status == Basket.OPEN and basket.num_items == 2
    assert _stock(product) == (in_stock, in_stock - 1)  # nothing of ours was reserved


def test_a_method_the_deployment_does_not_offer_is_refused(client):
    (product,) = buyable_products(1)
    add_to_basket(client, product, 1)
    with override_settings(OCOP_PAYMENT_METHODS=["cod"]):
        try:
            reach_preview(client, method="vietqr")
        except AssertionError:
            pass
        page = client.get(reverse("checkout:payment-method")).content.decode()
        assert 'value="cod"' in page and 'value="vietqr"' not in page
        response = client.post(reverse("checkout:payment-method"), {"method": "vietqr"})
    assert response.status_code == 200
    assert "Phương thức thanh toán này hiện không dùng được" in response.content.decode()


def test_a_method_with_missing_settings_is_not_offered_instead_of_crashing(client):
    (product,) = buyable_products(1)
    add_to_basket(client, product, 1)
    with override_settings(VIETQR_ACCOUNT_NUMBER="", STRIPE_SECRET_KEY="", VNPAY_HASH_SECRET=""):
        try:
            reach_preview(client, method="cod")
        except AssertionError:
            pass
        page = client.get(reverse("checkout:payment-method")).content.decode()
    assert 'value="cod"' in page
    for missing in ("vietqr", "stripe", "vnpay"):
        assert f'value="{missing}"' not in page


def test_the_preview_cannot_be_skipped_without_choosing_a_method(client):
    (product,) = buyable_products(1)
    add_to_basket(client, product, 1)
    preview = reach_preview(client, method="cod")
    session = client.session
    session["checkout_data"]["payment"] = {}
    session.save()
    response = client.post(reverse("checkout:preview"), {"action": "place_order", **confirmed_quote(preview)})
    assert response.status_code == 302 and response["Location"] == reverse("checkout:payment-method")
    assert not Order.objects.filter(guest_email="khach.vang.lai@example.vn").exists()


def test_a_failure_after_the_order_committed_shows_the_order_with_its_payment_and_closed_basket(client, monkeypatch):
    """The order and its payment commit together. Something failing after that (the session, the response) voided the
    payment of an order that stands, and then Oscar reopened the ordered basket beside an apology, where ordering
    again made a second order. The order stands, paid as chosen, its basket closed, and the buyer is shown it."""
    from oscar.core.loading import get_class

    PaymentDetailsView = get_class("checkout.views", "PaymentDetailsView")
    Basket = get_model("basket", "Basket")
    (product,) = buyable_products(1)
    add_to_basket(client, product, 1)
    preview = reach_preview(client, method="vietqr")

    def fails_after_the_commit(self, order):
        raise RuntimeError("the session store went away")

    monkeypatch.setattr(PaymentDetailsView, "handle_successful_order", fails_after_the_commit)
    response = place_order(client, preview)
    monkeypatch.undo()

    assert response.status_code == 302 and response["Location"] == reverse("checkout:thank-you")
    order = Order.objects.get(guest_email="khach.vang.lai@example.vn")
    assert Payment.objects.get(order=order).status == Payment.Status.PENDING
    assert Basket.objects.get(pk=order.basket_id).status == Basket.SUBMITTED
    again = place_order(client, preview)  # a second click
    assert again.status_code == 302 and again["Location"] == reverse("checkout:thank-you")
    assert Order.objects.filter(guest_email="khach.vang.lai@example.vn").count() == 1
    assert order.number in client.get(again["Location"]).content.decode()
