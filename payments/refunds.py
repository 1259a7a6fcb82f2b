"""Refunds for order lines a producer cancelled, in Oscar's payment ledger.

``refund_lines`` is called by ``shop.order.fulfilment.cancel_lines`` inside its transaction. It
refunds the cancelled lines' price (and the delivery charge once every line of the order is cancelled) from the order's payment
``Source`` rows that hold money actually taken (``amount_debited - amount_refunded > 0``), records
each as a ``Transaction`` via ``Source.refund`` and writes one order ``PaymentEvent`` of type
"refund" with the line quantities. Orders paid on delivery (COD: nothing debited) refund nothing.
Amounts are whole đồng.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from oscar.core.loading import get_model

from shop.core import order_statuses as statuses
from shop.core.money import to_dong

if TYPE_CHECKING:
    from oscar.apps.payment.models import Source as SourceModel

    from shop.order.models import Line, Order, ShippingEvent

Source = get_model("payment", "Source")
PaymentEventType = get_model("order", "PaymentEventType")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventQuantity = get_model("order", "PaymentEventQuantity")

REFUND_EVENT_CODE = statuses.PAYMENT_EVENT_REFUND  # what shop.core.order_statuses.sold_lines reads
REFUND_EVENT_NAME = "Hoàn tiền"


def request_provider_refund(source: SourceModel, amount: Decimal, reason: str) -> str:
    """Ask the provider behind the order's payment to return ``amount`` to the customer; returns the
    provider's refund reference ("" when the money goes back by hand: bank transfer, cash).

    Runs inside the cancellation's database transaction: a provider error raised here cancels
    nothing, and the producer sees the error."""
    from payments import states
    from payments.models import Payment

    payment = (
        Payment.objects.filter(
            order=source.order,
            method=source.source_type.code,
            status__in=[Payment.Status.PAID, Payment.Status.REFUNDED],
        )
        .order_by("-attempt")
        .first()
    )
    if payment is None:
        return ""
    return states.refund(payment, amount, reason)


def line_refund_amount(lines: Iterable[Line]) -> Decimal:
    """What the customer paid for these lines (incl. tax, after discounts), in whole đồng."""
    return Decimal(to_dong(sum((Decimal(line.line_price_incl_tax) for line in lines), Decimal(0))))


def refund_lines(
    order: Order, lines: Iterable[Line], reason: str, shipping_event: ShippingEvent | None = None
) -> Decimal:
    """Refund the cancelled ``lines`` of ``order`` where payment was taken; returns the amount
    refunded (0 when nothing had been debited, e.g. cash on delivery)."""
    lines = list(lines)
    wanted = line_refund_amount(lines)
    if not order.lines.exclude(status=statuses.LINE_CANCELLED).exists():
        # Nothing of the order will be delivered any more: the delivery charge goes back too.
        wanted += Decimal(to_dong(order.shipping_incl_tax))
    if wanted <= 0:
        return Decimal(0)
    sources = list(Source.objects.select_for_update().filter(order=order).order_by("pk"))
    remaining = wanted
    refunded = Decimal(0)
    references = []
    for source in sources:
        available = source.amount_available_for_refund
        if remaining <= 0 or available <= 0:
            continue
        amount = min(remaining, available)
        reference = request_provider_refund(source, amount, reason) or f"huy-{order.number}-{source.pk}"
        source.refund(amount, reference=reference)
        references.append(reference)
        refunded += amount
        remaining -= amount
    if refunded <= 0:
        return Decimal(0)
    event_type = PaymentEventType.objects.filter(code=REFUND_EVENT_CODE).first()
    if event_type is None:
        event_type = PaymentEventType.objects.create(code=REFUND_EVENT_CODE, name=REFUND_EVENT_NAME)
    event = PaymentEvent.objects.create(
        order=order,
        amount=refunded,
        event_type=event_type,
        reference=", ".join(references)[:128],
        shipping_event=shipping_event,
    )
    for line in lines:
        PaymentEventQuantity.objects.create(event=event, line=line, quantity=line.quantity)
    return refunded
