"""Orders with known line values for the settlement and sales tests, dated in Vietnam time.

Built directly (not through checkout) so every line's value is exactly what the test says; a
cancellation is a "cancelled" line with a cancellation ShippingEvent dated as the test says, as
``shop.order.fulfilment.cancel_lines`` records it. Money received is the order's "paid" PaymentEvent
naming every line (``pay`` / ``place_order(paid_at=…)``, as ``payments.states`` writes it); money given
back is a "refund" PaymentEvent naming the lines (``refund`` / ``cancel(refund=True)``, as
``payments.refunds`` writes it).
"""

import datetime
import itertools
import zoneinfo
from decimal import Decimal

from oscar.core.loading import get_model

from shop.core import order_statuses as statuses

Order = get_model("order", "Order")
Line = get_model("order", "Line")
ShippingEvent = get_model("order", "ShippingEvent")
ShippingEventType = get_model("order", "ShippingEventType")
ShippingEventQuantity = get_model("order", "ShippingEventQuantity")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")
PaymentEventQuantity = get_model("order", "PaymentEventQuantity")

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
_numbers = itertools.count(1)


def vn(year, month, day, hour=10, minute=0, second=0):
    """An aware moment given in Vietnam time."""
    return datetime.datetime(year, month, day, hour, minute, second, tzinfo=VN)


def place_order(placed_at, lines, user=None, paid_at=None):
    """An order placed at ``placed_at`` with lines ``(producer, product_or_None, quantity, value)``
    or ``(…, status)``, paid at ``paid_at`` when given; returns (order, [lines])."""
    number = f"TEST-SETTLE-{next(_numbers):05d}-{placed_at:%Y%m%d%H%M}"
    total = sum(Decimal(spec[3]) for spec in lines)
    order = Order.objects.create(
        number=number,
        user=user,
        currency="VND",
        total_incl_tax=total,
        total_excl_tax=total,
        shipping_incl_tax=0,
        shipping_excl_tax=0,
        status=statuses.ORDER_PENDING,
        date_placed=placed_at,
    )
    Order.objects.filter(pk=order.pk).update(date_placed=placed_at)
    created = []
    for spec in lines:
        producer, product, quantity, value = spec[:4]
        status = spec[4] if len(spec) > 4 else statuses.LINE_CONFIRMED
        value = Decimal(value)
        created.append(
            Line.objects.create(
                order=order,
                partner=producer,
                partner_name=producer.name,
                partner_sku=product.upc if product else f"SKU-{next(_numbers)}",
                product=product,
                title=product.title if product else f"Sản phẩm thử {value}",
                upc=product.upc if product else None,
                quantity=quantity,
                line_price_incl_tax=value,
                line_price_excl_tax=value,
                line_price_before_discounts_incl_tax=value,
                line_price_before_discounts_excl_tax=value,
                unit_price_incl_tax=value / quantity,
                unit_price_excl_tax=value / quantity,
                status=status,
                num_allocated=quantity,
            )
        )
    if paid_at is not None:
        pay(order, paid_at)
    return order, created


def _payment_event(order, code, lines, when):
    event_type = PaymentEventType.objects.get_or_create(code=code, defaults={"name": code})[0]
    amount = sum(Decimal(line.line_price_incl_tax) for line in lines)
    event = PaymentEvent.objects.create(order=order, amount=amount, event_type=event_type, reference=f"test-{code}")
    for line in lines:
        PaymentEventQuantity.objects.create(event=event, line=line, quantity=line.quantity)
    PaymentEvent.objects.filter(pk=event.pk).update(date_created=when)
    return event


def pay(order, when):
    """The order's money arrived at ``when``: a "paid" event naming every line."""
    return _payment_event(order, "paid", list(order.lines.all()), when)


def refund(lines, when):
    """The lines' money went back at ``when``: one "refund" event naming them."""
    return _payment_event(lines[0].order, "refund", lines, when)


def event_type(code):
    return ShippingEventType.objects.get_or_create(code=code, defaults={"name": str(statuses.EVENT_NAMES[code])})[0]


def record_event(line, code, when):
    """A shipping event of ``code`` for the whole line, dated ``when`` (as the fulfilment service
    records it, with the producer)."""
    event = ShippingEvent.objects.create(
        order=line.order,
        event_type=event_type(code),
        partner=line.partner,
        notes="Hết hàng" if code == statuses.EVENT_CANCELLED else "",
    )
    ShippingEventQuantity.objects.create(event=event, line=line, quantity=line.quantity)
    ShippingEvent.objects.filter(pk=event.pk).update(date_created=when)
    return event


def cancel(line, when, refund_money=False):
    """Cancel the line at ``when``: status and cancellation event (and its refund when the order was paid)."""
    Line.objects.filter(pk=line.pk).update(status=statuses.LINE_CANCELLED)
    line.refresh_from_db()
    event = record_event(line, statuses.EVENT_CANCELLED, when)
    if refund_money:
        refund([line], when)
    return event
