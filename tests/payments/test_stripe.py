"""Card payments through Stripe, against stripe-mock (Stripe's own API description) with webhook events
signed locally: the PaymentIntent at checkout, the webhook as the only source of "paid", idempotency,
replays, out-of-order and wrong-amount events, voids and refunds."""

import threading
import time

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from oscar.apps.checkout.signals import pre_payment
from oscar.core.loading import get_model

from payments import states
from payments.models import Payment, ProviderEvent
from payments.providers.stripe import gateway as stripe_card
from shop.order import fulfilment
from tests.payments.stripe_helpers import deliver, event_payload, signature
from tests.shop.checkout.journey import add_to_basket, buyable_products, place_order, producer_actor, reach_preview

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")
EMAIL = "the.quoc.te@example.vn"


def _received_emails():
    return [m for m in mail.outbox if m.to == [EMAIL] and "Đã nhận thanh toán" in m.subject]


@pytest.fixture
def stripe_calls(monkeypatch):
    """Every call our code makes to Stripe (still sent to stripe-mock), with its parameters."""
    calls, real = [], stripe_card.client

    def recording_client():
        api = real()
        for service_name in ("payment_intents", "refunds"):
            service = getattr(api.v1, service_name)
            for method in ("create", "cancel", "retrieve"):
                original = getattr(service, method, None)
                if original is None:
                    continue

                def wrapper(*args, _original=original, _name=f"{service_name}.{method}", **kwargs):
                    calls.append((_name, args, kwargs))
                    return _original(*args, **kwargs)

                setattr(service, method, wrapper)
        return api

    monkeypatch.setattr(stripe_card, "client", recording_client)
    return calls


def _card_order(client):
    first, second = buyable_products(2)
    add_to_basket(client, first, 1)
    add_to_basket(client, second, 1)
    reach_preview(client, method="stripe", email=EMAIL)
    response = place_order(client)
    order = Order.objects.get(guest_email=EMAIL)
    return order, Payment.objects.get(order=order), response


@pytest.mark.django_db
def test_checkout_creates_a_payment_intent_in_dong_with_an_idempotency_key(client, stripe_calls):
    order, payment, response = _card_order(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("payments:stripe-card", kwargs={"order_number": order.number})
    name, _args, kwargs = stripe_calls[0]
    assert name == "payment_intents.create"
    assert kwargs["params"]["amount"] == int(order.total_incl_tax)  # VND is zero-decimal: đồng, not ×100
    assert kwargs["params"]["currency"] == "vnd"
    assert kwargs["options"]["idempotency_key"] == f"ocop-{order.number}-1"
    assert payment.provider_reference.startswith("pi_") and payment.status == Payment.Status.PENDING
    page = client.get(response["Location"]).content.decode()
    assert 'data-client-secret="pi_' in page and "js.stripe.com/v3" in page
    # The return page alone never marks anything paid.
    client.get(reverse("payments:stripe-return", kwargs={"order_number": order.number}))
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING


@pytest.mark.django_db
def test_another_visitor_cannot_open_the_card_page(client):
    order, _payment, _response = _card_order(client)
    assert Client().get(reverse("payments:stripe-card", kwargs={"order_number": order.number})).status_code == 404


@pytest.mark.django_db
def test_signed_success_marks_paid_once_even_when_delivered_three_times(client, django_capture_on_commit_callbacks):
    order, payment, _response = _card_order(client)
    payload = event_payload("payment_intent.succeeded", payment.provider_reference, payment.amount)

    with django_capture_on_commit_callbacks(execute=True):
        answers = [deliver(Client(), payload) for _ in range(3)]

    assert [a.status_code for a in answers] == [200, 200, 200]
    assert [a.json()["outcome"] for a in answers] == ["paid", "duplicate", "duplicate"]
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID
    assert len(_received_emails()) == 1
    assert order.sources.get().amount_debited == order.total_incl_tax


@pytest.mark.django_db
def test_a_tampered_or_stale_signature_is_refused_and_changes_nothing(client):
    _order, payment, _response = _card_order(client)
    payload = event_payload("payment_intent.succeeded", payment.provider_reference, payment.amount)
    tampered = payload.replace('"amount": ', '"amount": 1')
    stale = signature(payload, timestamp=int(time.time()) - 3600)

    assert deliver(Client(), tampered, header=signature(payload)).status_code == 400
    assert deliver(Client(), payload, header=stale).status_code == 400
    assert deliver(Client(), payload, header=signature(payload, secret="whsec_wrong")).status_code == 400
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING
    assert not ProviderEvent.objects.filter(provider="stripe").exists()


@pytest.mark.django_db
def test_a_failure_arriving_after_success_never_unpays(client):
    _order, payment, _response = _card_order(client)
    deliver(Client(), event_payload("payment_intent.succeeded", payment.provider_reference, payment.amount))
    answer = deliver(
        Client(), event_payload("payment_intent.payment_failed", payment.provider_reference, payment.amount)
    )
    assert answer.json()["outcome"] == "ignored"
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID


@pytest.mark.django_db
def test_an_amount_that_does_not_match_is_not_paid_and_flagged(client):
    _order, payment, _response = _card_order(client)
    answer = deliver(
        Client(), event_payload("payment_intent.succeeded", payment.provider_reference, payment.amount - 1)
    )
    assert answer.json()["outcome"] == states.AMOUNT_MISMATCH
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING and payment.needs_attention


@pytest.mark.django_db
def test_money_for_a_cancelled_order_is_refunded_through_stripe(client, stripe_calls):
    order, payment, _response = _card_order(client)
    for line in order.lines.all():
        producer = line.partner
        fulfilment.cancel_lines(order, producer, producer_actor(producer), [line], "Hết hàng")
    del stripe_calls[:]

    answer = deliver(Client(), event_payload("payment_intent.succeeded", payment.provider_reference, payment.amount))

    assert answer.json()["outcome"] == states.REFUNDED_UNKEPT
    assert [c[0] for c in stripe_calls] == ["refunds.create"]
    assert stripe_calls[0][2]["params"] == {
        "payment_intent": payment.provider_reference,
        "amount": payment.amount,
        "metadata": stripe_calls[0][2]["params"]["metadata"],
    }
    payment.refresh_from_db()
    assert payment.status == Payment.Status.REFUNDED and payment.needs_attention


@pytest.mark.django_db
def test_cancelling_a_paid_line_refunds_that_line_through_stripe(client, stripe_calls):
    order, payment, _response = _card_order(client)
    deliver(Client(), event_payload("payment_intent.succeeded", payment.provider_reference, payment.amount))
    line = order.lines.first()
    del stripe_calls[:]

    fulfilment.cancel_lines(order, line.partner, producer_actor(line.partner), [line], "Sản phẩm bị hỏng khi đóng gói")

    assert [c[0] for c in stripe_calls] == ["refunds.create"]
    assert stripe_calls[0][2]["params"]["amount"] == int(line.line_price_incl_tax)
    payment.refresh_from_db()
    assert payment.amount_refunded == int(line.line_price_incl_tax) and payment.status == Payment.Status.PAID
    assert order.sources.get().amount_refunded == line.line_price_incl_tax


@pytest.mark.django_db
def test_when_the_order_cannot_be_placed_the_intent_is_cancelled_and_the_basket_kept(client, stripe_calls):
    (product,) = buyable_products(1)
    add_to_basket(client, product, 2)
    reach_preview(client, method="stripe", email=EMAIL)
    record = StockRecord.objects.get(product=product)

    def stock_gone(**kwargs):
        StockRecord.objects.filter(pk=record.pk).update(num_allocated=record.num_in_stock)

    pre_payment.connect(stock_gone)
    try:
        response = place_order(client)
    finally:
        pre_payment.disconnect(stock_gone)

    assert response.status_code == 200 and "vừa hết hàng" in response.content.decode()
    payment = Payment.objects.get(method="stripe", order=None)
    assert payment.status == Payment.Status.VOIDED
    assert [c[0] for c in stripe_calls] == ["payment_intents.create", "payment_intents.cancel"]
    assert stripe_calls[1][1][0] == payment.provider_reference
    assert client.get(reverse("basket:summary")).context["basket"].num_items == 2


@pytest.mark.django_db(transaction=True)
def test_three_copies_of_an_event_arriving_at_once_change_the_state_once(client):
    _order, payment, _response = _card_order(client)
    mail.outbox.clear()
    payload = event_payload("payment_intent.succeeded", payment.provider_reference, payment.amount)
    barrier, answers = threading.Barrier(3), []

    def deliver_copy():
        try:
            barrier.wait()
            answers.append(deliver(Client(), payload).json()["outcome"])
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver_copy) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(answers) == ["duplicate", "duplicate", "paid"]
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID
    assert len(_received_emails()) == 1


@pytest.mark.django_db
def test_an_administrator_refunds_a_card_order_in_full_from_the_payment_desk(client, stripe_calls, staff_user):
    order, payment, _response = _card_order(client)
    deliver(Client(), event_payload("payment_intent.succeeded", payment.provider_reference, payment.amount))
    del stripe_calls[:]
    desk = Client()
    desk.force_login(staff_user)

    refused = desk.post(
        reverse("dashboard:ocop-payments"), {"payment": payment.pk, "action": "cancel_refund"}, follow=True
    )
    assert "Hãy ghi lý do huỷ đơn" in refused.content.decode() and stripe_calls == []
    desk.post(
        reverse("dashboard:ocop-payments"),
        {"payment": payment.pk, "action": "cancel_refund", "reason": "Khách đổi ý trước khi gửi hàng"},
    )

    refunds = [c[2]["params"]["amount"] for c in stripe_calls if c[0] == "refunds.create"]
    assert sum(refunds) == payment.amount  # goods of both producers and the delivery charge
    payment.refresh_from_db()
    order.refresh_from_db()
    assert payment.status == Payment.Status.REFUNDED and payment.amount_refunded == payment.amount
    assert order.status == "cancelled"
