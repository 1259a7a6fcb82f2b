"""The life of a bank-transfer (VietQR) payment after checkout: producers wait for the money, the
administrator's confirmation counts once, a wrong amount is held for a person, refunds of paid lines
and money that arrives for a cancelled order."""

import pytest
from django.core import mail
from oscar.core.loading import get_model

from payments import states
from payments.models import Payment
from shop.core import order_statuses as statuses
from shop.order import fulfilment
from tests.shop.checkout.journey import add_to_basket, buyable_products, place_order, producer_actor, reach_preview

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")
Source = get_model("payment", "Source")


@pytest.fixture
def transfer_order(client):
    (product,) = buyable_products(1)
    add_to_basket(client, product, 2)
    reach_preview(client, method="vietqr", email="chuyen.khoan@example.vn")
    assert place_order(client).status_code == 302
    order = Order.objects.get(guest_email="chuyen.khoan@example.vn")
    mail.outbox.clear()
    return order


def _producer_and_user(order):
    partner = order.lines.first().partner
    user = producer_actor(partner)
    return partner, user


def test_producers_prepare_but_cannot_ship_until_the_transfer_arrives(
    transfer_order, staff_user, django_capture_on_commit_callbacks
):
    partner, user = _producer_and_user(transfer_order)
    lines = fulfilment.producer_lines(transfer_order, partner)
    fulfilment.confirm_lines(transfer_order, partner, user, lines)
    with pytest.raises(fulfilment.FulfilmentRefused, match="chưa thanh toán"):
        fulfilment.ship_lines(transfer_order, partner, user, lines, "Viettel Post", "VTP123")

    payment = Payment.objects.get(order=transfer_order)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = states.record_payment(payment, payment.amount, "FT2611240001", confirmed_by=staff_user)

    assert outcome == states.PAID
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID and payment.confirmed_by == staff_user
    source = Source.objects.get(order=transfer_order)
    assert source.amount_debited == transfer_order.total_incl_tax
    assert transfer_order.payment_events.filter(event_type__code="paid").count() == 1
    assert [m.to for m in mail.outbox] == [["chuyen.khoan@example.vn"]]
    assert transfer_order.number in mail.outbox[0].subject
    mail.outbox.clear()
    fulfilment.ship_lines(transfer_order, partner, user, lines, "Viettel Post", "VTP123")
    transfer_order.refresh_from_db()
    assert transfer_order.status == statuses.ORDER_SHIPPED


def test_confirming_the_same_transfer_twice_counts_once(transfer_order, staff_user, django_capture_on_commit_callbacks):
    payment = Payment.objects.get(order=transfer_order)
    with django_capture_on_commit_callbacks(execute=True):
        assert states.record_payment(payment, payment.amount, "FT1", confirmed_by=staff_user) == states.PAID
        assert states.record_payment(payment, payment.amount, "FT1", confirmed_by=staff_user) == states.ALREADY_PAID
    assert Source.objects.get(order=transfer_order).amount_debited == transfer_order.total_incl_tax
    assert len(mail.outbox) == 1


def test_a_transfer_of_another_amount_is_held_for_an_administrator(transfer_order, django_capture_on_commit_callbacks):
    payment = Payment.objects.get(order=transfer_order)
    with django_capture_on_commit_callbacks(execute=True):
        assert states.record_payment(payment, payment.amount - 1000, "FT2") == states.AMOUNT_MISMATCH
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING and payment.needs_attention
    assert "khác số tiền đơn hàng" in payment.attention_note
    assert Source.objects.get(order=transfer_order).amount_debited == 0
    assert mail.outbox == []


def test_a_late_failure_never_unpays(transfer_order):
    payment = Payment.objects.get(order=transfer_order)
    states.record_payment(payment, payment.amount, "FT3")
    assert states.record_failure(payment, "late event") is False
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID


def test_cancelling_a_paid_line_refunds_it_in_the_ledger_and_asks_for_the_transfer_back(transfer_order):
    partner, user = _producer_and_user(transfer_order)
    payment = Payment.objects.get(order=transfer_order)
    states.record_payment(payment, payment.amount, "FT4")
    lines = list(fulfilment.producer_lines(transfer_order, partner))

    fulfilment.cancel_lines(transfer_order, partner, user, lines, "Hết hàng do mưa lũ")

    payment.refresh_from_db()
    # Every line of the order is cancelled: the delivery charge is refunded with them.
    refund = int(sum(line.line_price_incl_tax for line in lines) + transfer_order.shipping_incl_tax)
    assert payment.amount_refunded == refund == payment.amount
    assert payment.needs_attention and "chuyển trả" in payment.attention_note.lower()
    assert Source.objects.get(order=transfer_order).amount_refunded == refund


def test_money_for_an_order_already_cancelled_is_given_back(transfer_order):
    partner, user = _producer_and_user(transfer_order)
    fulfilment.cancel_lines(
        transfer_order, partner, user, fulfilment.producer_lines(transfer_order, partner), "Khách không chuyển khoản"
    )
    payment = Payment.objects.get(order=transfer_order)

    assert states.record_payment(payment, payment.amount, "FT5") == states.REFUNDED_UNKEPT
    payment.refresh_from_db()
    assert payment.status == Payment.Status.REFUNDED and payment.amount_refunded == payment.amount
    assert payment.needs_attention
    assert Source.objects.get(order=transfer_order).amount_debited == 0
