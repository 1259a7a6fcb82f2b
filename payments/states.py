"""The payment state machine: the only code that changes ``Payment.status``.

Every transition locks the payment row (``select_for_update``) and checks where it stands, so a
webhook delivered three times at once, a late "failed" event after "succeeded", or an administrator
clicking "received" twice all change the state once. Money received is mirrored into Oscar's ledger
(``payment.Source`` debit + ``Transaction``, and an order ``PaymentEvent`` "paid") here and nowhere else.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Case, Max, When
from django.utils import timezone
from oscar.core.loading import get_model

from payments.models import Payment
from shop.core.money import format_vnd, to_dong

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from payments.providers.base import PaymentProvider
    from shop.order.models import Order

    PaymentListener = Callable[[Order, Payment], None]

logger = logging.getLogger("payments")

Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
PaymentEventType = get_model("order", "PaymentEventType")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventQuantity = get_model("order", "PaymentEventQuantity")

PAID_EVENT_CODE = "paid"
PAYMENT_RECEIVED_EVENT = "ocop_payment_received"

# What record_payment reports, for webhook responses, logs and tests.
PAID = "paid"
ALREADY_PAID = "already-paid"
AMOUNT_MISMATCH = "amount-mismatch"
REFUNDED_UNKEPT = "refunded-order-not-kept"
NOT_PAYABLE = "not-payable"

# Told when ``record_payment`` keeps money for an order: payments sits below orders, so the order side
# registers what follows (the buyer's "payment received" email) at app ready (``shop.order.apps``).
_payment_received_listeners: list[PaymentListener] = []


def on_payment_received(listener: PaymentListener) -> None:
    """Call ``listener(order, payment)`` each time money is recorded as paid for a kept order."""
    if listener not in _payment_received_listeners:
        _payment_received_listeners.append(listener)


def create_payment(order_number: str, provider: PaymentProvider, amount: Decimal | int) -> Payment:
    """A new attempt to pay ``amount`` for ``order_number`` with ``provider``."""
    with transaction.atomic():
        last = Payment.objects.filter(order_number=order_number).aggregate(n=Max("attempt"))["n"] or 0
        return Payment.objects.create(
            order_number=order_number,
            method=provider.code,
            amount=to_dong(amount),
            attempt=last + 1,
            status=provider.initial_status(),
        )


def attach_order(payment: Payment, order: Order) -> None:
    """Called inside order placement: link the payment and open Oscar's ledger ``Source`` for it
    (allocated = what the buyer owes; debited only when the money arrives)."""
    payment.order = order
    payment.save(update_fields=["order"])
    source_type, _created = SourceType.objects.get_or_create(
        code=payment.method, defaults={"name": str(payment.provider.label)}
    )
    Source.objects.create(
        order=order,
        source_type=source_type,
        amount_allocated=payment.amount,
        reference=payment.provider_reference or payment.idempotency_key,
    )


def payment_for_order(order: Order) -> Payment | None:
    """The order's current payment: the attempt that was paid if any (an earlier VNPay page may be
    paid after a newer attempt was started), else its latest attempt; None for orders without one."""
    paid_first = Case(When(status=Payment.Status.PAID, then=0), default=1)
    return Payment.objects.filter(order=order).order_by(paid_first, "-attempt").first()


def flag(payment: Payment, note: str) -> None:
    """Leave a note for an administrator (the payment list shows flagged payments first)."""
    logger.warning("Payment %s (order %s) needs attention: %s", payment.pk, payment.order_number, note)
    Payment.objects.filter(pk=payment.pk).update(needs_attention=True)
    payment.needs_attention = True
    stamp = timezone.localtime().strftime("%d/%m/%Y %H:%M")
    payment.attention_note = f"{payment.attention_note}\n{stamp} {note}".strip()
    Payment.objects.filter(pk=payment.pk).update(attention_note=payment.attention_note)


def _order_is_kept(order: Order | None) -> bool:
    """An order that still wants the money: placed and not entirely cancelled."""
    from shop.core import order_statuses as statuses

    return order is not None and order.status != statuses.ORDER_CANCELLED


@transaction.atomic
def record_payment(
    payment: Payment, amount: Decimal | int | str, reference: str = "", confirmed_by: AbstractBaseUser | None = None
) -> str:
    """Money for ``payment`` arrived (``amount`` đồng). Returns one of the outcome constants."""
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    amount = to_dong(amount)
    if payment.status == Payment.Status.PAID:
        return ALREADY_PAID
    if payment.status in (Payment.Status.REFUNDED,):
        return NOT_PAYABLE
    if amount != payment.amount:
        flag(
            payment,
            f"Số tiền nhận {format_vnd(amount)} khác số tiền đơn hàng {format_vnd(payment.amount)} "
            f"(mã giao dịch {reference or '—'}); chưa ghi nhận đã thanh toán.",
        )
        return AMOUNT_MISMATCH
    if reference:
        payment.provider_reference = reference[:128]
    payment.amount_received = amount
    order = payment.order
    paid_by_another_attempt = (
        order is not None
        and Payment.objects.filter(order=order, status=Payment.Status.PAID).exclude(pk=payment.pk).exists()
    )
    if not _order_is_kept(order) or paid_by_another_attempt:
        # The money came for an order that could not be placed, was cancelled meanwhile (stock gone,
        # unpaid for too long) or was already paid by another attempt: give it back, never keep it twice.
        payment.status = Payment.Status.REFUNDED
        payment.save(update_fields=["status", "amount_received", "provider_reference"])
        refund_reference = payment.provider.refund(payment, amount, "đơn hàng không còn hiệu lực")
        Payment.objects.filter(pk=payment.pk).update(amount_refunded=amount)
        flag(
            payment,
            f"Đã nhận {format_vnd(amount)} cho đơn hàng không còn hiệu lực; hoàn tiền "
            f"{refund_reference or 'cần làm bằng tay'}.",
        )
        return REFUNDED_UNKEPT
    payment.status = Payment.Status.PAID
    payment.paid_at = timezone.now()
    payment.confirmed_by = confirmed_by
    payment.save(update_fields=["status", "amount_received", "provider_reference", "paid_at", "confirmed_by"])
    _ledger_debit(payment, order, amount)
    for listener in _payment_received_listeners:
        listener(order, payment)
    return PAID


def _ledger_debit(payment: Payment, order: Order, amount: int) -> None:
    source = (
        Source.objects.select_for_update().filter(order=order, source_type__code=payment.method).order_by("-pk").first()
    )
    if source is None:
        source_type, _created = SourceType.objects.get_or_create(
            code=payment.method, defaults={"name": str(payment.provider.label)}
        )
        source = Source.objects.create(order=order, source_type=source_type, amount_allocated=amount)
    source.reference = payment.provider_reference or source.reference
    source.debit(Decimal(amount), reference=payment.provider_reference)
    event_type, _created = PaymentEventType.objects.get_or_create(
        code=PAID_EVENT_CODE, defaults={"name": "Đã thanh toán"}
    )
    event = PaymentEvent.objects.create(
        order=order, amount=Decimal(amount), event_type=event_type, reference=payment.provider_reference[:128]
    )
    for line in order.lines.all():
        PaymentEventQuantity.objects.create(event=event, line=line, quantity=line.quantity)


@transaction.atomic
def record_failure(payment: Payment, reason: str = "") -> bool:
    """The provider says this attempt failed. A paid payment never moves back; the buyer may try
    again (a new attempt) while the order waits."""
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.status != Payment.Status.PENDING:
        return False
    payment.status = Payment.Status.FAILED
    payment.save(update_fields=["status"])
    if reason:
        logger.info("Payment %s failed: %s", payment.pk, reason)
    return True


@transaction.atomic
def void(payment: Payment) -> bool:
    """The order for this payment could not be placed: release what the provider holds."""
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.status not in (Payment.Status.PENDING, Payment.Status.FAILED, Payment.Status.COLLECT_ON_DELIVERY):
        return False
    payment.provider.void(payment)
    payment.status = Payment.Status.VOIDED
    payment.save(update_fields=["status"])
    return True


def refund(payment: Payment, amount: Decimal | int, reason: str) -> str:
    """Give back ``amount`` đồng of a received payment (a cancelled line). Returns the provider's
    reference. Called by ``payments.refunds`` inside the cancellation's transaction."""
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    amount = to_dong(amount)
    reference = payment.provider.refund(payment, amount, reason)
    payment.amount_refunded += amount
    if payment.amount_refunded >= payment.amount_received:
        payment.status = Payment.Status.REFUNDED
    payment.save(update_fields=["amount_refunded", "status"])
    return reference
