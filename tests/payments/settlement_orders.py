"""Orders with known line values for the settlement and sales tests, dated in Vietnam time.

Built directly (not through checkout) so every line's value is exactly what the test says; a
cancellation is a "cancelled" line with a cancellation ShippingEvent dated as the test says, as
``shop.order.fulfilment.cancel_lines`` records it.
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

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
_numbers = itertools.count(1)


def vn(year, month, day, hour=10, minute=0, second=0):
    """An aware moment given in Vietnam time."""
    return datetime.datetime(year, month, day, hour, minute, second, tzinfo=VN)


def place_order(placed_at, lines, user=None):
    """An order placed at ``placed_at`` with lines ``(producer, product_or_None, quantity, value)``
    or ``(…, status)``; returns (order, [lines])."""
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
    return order, created


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


def cancel(line, when):
    """Cancel the line at ``when``: status and cancellation event."""
    Line.objects.filter(pk=line.pk).update(status=statuses.LINE_CANCELLED)
    line.refresh_from_db()
    return record_event(line, statuses.EVENT_CANCELLED, when)
