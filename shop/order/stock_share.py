"""Telling the producer and the provincial OCOP office when one order takes most of a product's stock.

Called by ``order.utils.OrderCreator.place_order`` with what each stock record had to sell before the
order. A line taking more than ``settings.OCOP_LARGE_ORDER_SHARE["share"]`` of that (and at least
``min_units``) is reported after commit: its producer gets its own lines (email + portal inbox, event
``OCOP_LARGE_STOCK_SHARE``), the office (``settings.OCOP_OFFICE_EMAILS``, else the active superusers)
gets every such line of the order. Someone hoarding a stock with orders never received (issue 17) is
then seen by people who can cancel them.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from catalogue.ocop import notifications
from shop.notifications import outbox

CommunicationEventType = get_model("communication", "CommunicationEventType")

LARGE_STOCK_SHARE = "OCOP_LARGE_STOCK_SHARE"
EVENT_NAME = "Đơn hàng đặt phần lớn số hàng còn lại"


def large_lines(lines, available_before):
    """The lines taking more than the configured share of the stock that was available, each with
    ``available_before`` and ``share_percent`` set."""
    rule = settings.OCOP_LARGE_ORDER_SHARE
    large = []
    for line in lines:
        available = available_before.get(line.stockrecord_id)
        if not available or line.quantity < rule["min_units"] or line.quantity <= rule["share"] * available:
            continue
        line.available_before = available
        line.share_percent = round(100 * line.quantity / available)
        large.append(line)
    return large


def office_recipients():
    if settings.OCOP_OFFICE_EMAILS:
        return list(settings.OCOP_OFFICE_EMAILS)
    return list(
        get_user_model()
        .objects.filter(is_superuser=True, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def order_placed(order, lines, available_before):
    """``lines``: the order's new lines; ``available_before``: stock record id → units it had to sell."""
    if notifications.is_paused() or not available_before:
        return
    lines = large_lines(lines, available_before)
    if not lines:
        return
    CommunicationEventType.objects.get_or_create(
        code=LARGE_STOCK_SHARE, defaults={"name": EVENT_NAME, "category": CommunicationEventType.ORDER_RELATED}
    )
    by_producer = {}
    for line in lines:
        if line.partner_id is not None:
            by_producer.setdefault(line.partner_id, (line.partner, []))[1].append(line)
    for producer, own in by_producer.values():
        notifications.notify_producer(producer, LARGE_STOCK_SHARE, {"order": order, "lines": own, "for_office": False})

    # Queued with the order, sent after commit: the order is placed whatever the mail server does.
    messages = outbox.render(LARGE_STOCK_SHARE, {"order": order, "lines": lines, "for_office": True})
    for email in office_recipients():
        outbox.queue(email, LARGE_STOCK_SHARE, messages, language=settings.LANGUAGE_CODE, about=order)
