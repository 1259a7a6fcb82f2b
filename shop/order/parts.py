"""An order as the buyer sees it: one part per producer, each shipped as its own parcel.

One place for what the thank-you page, order history, guest lookup, emails and invoices show per
producer: its lines, the part's status (``statuses.order_status_for`` over its lines), the latest
carrier and tracking number, and the part's shipping charge as recorded at placement. Its figures
(list price, discount, net, totals) are its ``statement`` (``shop.order.statement_lines``).
"""

import contextlib
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from oscar.core.loading import get_model

from shop.core import order_statuses as statuses

ShippingEvent = get_model("order", "ShippingEvent")


@dataclass
class ProducerPart:
    partner: object
    partner_name: str
    lines: list = field(default_factory=list)
    shipping_charge: int = 0
    carrier: str = ""
    tracking_number: str = ""

    @property
    def status(self):
        return statuses.order_status_for(line.status for line in self.lines)

    @property
    def status_label(self):
        return statuses.ORDER_LABELS.get(self.status, self.status)

    @property
    def awaiting_receipt(self):
        """Some lines were shipped and the buyer has not confirmed receiving them ("Đã nhận hàng")."""
        return any(line.status == statuses.LINE_SHIPPED for line in self.lines)

    @property
    def goods_total(self):
        return sum(
            (line.line_price_incl_tax for line in self.lines if line.status != statuses.LINE_CANCELLED), Decimal(0)
        )

    @property
    def total(self):
        return self.goods_total + self.shipping_charge

    @cached_property
    def statement(self):
        """The part's figures as every document shows them (``shop.order.statement_lines``): list price,
        discount and offers, net, VAT where charged, shipping and totals, in whole đồng that add up."""
        from shop.order.statement_lines import statement_for

        return statement_for(self)


_kept: ContextVar[dict | None] = ContextVar("ocop_kept_order_parts", default=None)


@contextlib.contextmanager
def parts_kept():
    """Inside this block each order's parts (and their statements) are read once. Placing an order renders
    them for every producer's email (text and HTML each) and for the buyer's confirmation: eight readings of
    the same parts, a third of the place-order request (issue 19). Only around work that changes no line,
    parcel or shipment of an order after its parts are first read (the mails of a placed order, whose parcels are
    recorded before anyone reads them: ``fulfilment.announce_placed_order``)."""
    token = _kept.set({})
    try:
        yield
    finally:
        _kept.reset(token)


def producer_parts(order):
    """The order's parts, in the order the producers first appear in it (three queries; none again inside
    ``parts_kept``)."""
    kept = _kept.get()
    if kept is None:
        return _read_parts(order)
    if order.pk not in kept:
        kept[order.pk] = _read_parts(order)
    return kept[order.pk]


def _read_parts(order):
    from shop.shipping.parcels import order_lines, parcels_for_order

    parts = {}
    lines = list(order_lines(order))
    for line in lines:
        part = parts.get(line.partner_id)
        if part is None:
            part = parts[line.partner_id] = ProducerPart(partner=line.partner, partner_name=line.partner_name)
        part.lines.append(line)
    for parcel in parcels_for_order(order, lines=lines):
        pk = getattr(parcel, "partner_id", None) or getattr(parcel.partner, "pk", None)
        if pk in parts:
            parts[pk].shipping_charge = parcel.charge
    events = (
        ShippingEvent.objects.filter(order=order)
        .exclude(tracking_number="")
        .order_by("date_created", "pk")
        .values_list("partner_id", "carrier", "tracking_number")
    )
    for partner_id, carrier, tracking_number in events:
        if partner_id in parts:  # the latest shipment of the part wins
            parts[partner_id].carrier, parts[partner_id].tracking_number = carrier, tracking_number
    return list(parts.values())


def part_for(order, partner):
    return next((part for part in producer_parts(order) if part.partner and part.partner.pk == partner.pk), None)
