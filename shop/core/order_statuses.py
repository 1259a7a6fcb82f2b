"""Order and line statuses: one producer's lines move on their own, the order follows.

A customer order can hold several producers' lines. Each producer confirms, ships or cancels its
own lines (``shop.order.fulfilment``); the order's status is never set by hand — it is derived from
its lines by ``order_status_for`` so it always agrees with them. Codes are stored, labels shown.

Kept free of model imports: the settings read the pipelines from here.
"""

from django.utils.translation import gettext_lazy as _

# Line statuses (Oscar's Line.status)
LINE_PENDING = "pending"
LINE_CONFIRMED = "confirmed"
LINE_SHIPPED = "shipped"
LINE_CANCELLED = "cancelled"
LINE_DELIVERED = "delivered"  # the buyer confirmed receipt, or the producer / staff recorded the delivery

LINE_LABELS = {
    LINE_PENDING: _("Chờ xác nhận"),
    LINE_CONFIRMED: _("Đã xác nhận"),
    LINE_SHIPPED: _("Đã gửi hàng"),
    LINE_CANCELLED: _("Đã huỷ"),
    LINE_DELIVERED: _("Đã giao"),
}

LINE_PIPELINE = {
    LINE_PENDING: (LINE_CONFIRMED, LINE_SHIPPED, LINE_CANCELLED),
    LINE_CONFIRMED: (LINE_SHIPPED, LINE_CANCELLED),
    LINE_SHIPPED: (LINE_DELIVERED,),
    LINE_CANCELLED: (),
    LINE_DELIVERED: (),
}

# Order statuses (Oscar's Order.status), derived from the lines
ORDER_PENDING = "pending"
ORDER_CONFIRMED = "confirmed"
ORDER_PARTIALLY_SHIPPED = "partially_shipped"
ORDER_SHIPPED = "shipped"
ORDER_CANCELLED = "cancelled"
ORDER_DELIVERED = "delivered"

ORDER_LABELS = {
    ORDER_PENDING: _("Chờ xác nhận"),
    ORDER_CONFIRMED: _("Đang chuẩn bị hàng"),
    ORDER_PARTIALLY_SHIPPED: _("Đã gửi một phần"),
    ORDER_SHIPPED: _("Đã gửi hàng"),
    ORDER_CANCELLED: _("Đã huỷ"),
    ORDER_DELIVERED: _("Đã giao"),
}

ORDER_PIPELINE = {
    ORDER_PENDING: (ORDER_CONFIRMED, ORDER_PARTIALLY_SHIPPED, ORDER_SHIPPED, ORDER_CANCELLED),
    ORDER_CONFIRMED: (ORDER_PARTIALLY_SHIPPED, ORDER_SHIPPED, ORDER_CANCELLED),
    ORDER_PARTIALLY_SHIPPED: (ORDER_SHIPPED, ORDER_DELIVERED),
    ORDER_SHIPPED: (ORDER_DELIVERED,),
    ORDER_CANCELLED: (),
    ORDER_DELIVERED: (),
}


def order_status_for(line_statuses):
    """The order's status from its lines' statuses (an iterable of line codes).

    All cancelled → cancelled. Otherwise ignoring cancelled lines: all delivered → delivered; all shipped
    (delivered counts as shipped) → shipped; some shipped → partially shipped; all confirmed → confirmed;
    else pending.
    """
    statuses = list(line_statuses)
    live = [s for s in statuses if s != LINE_CANCELLED]
    if not live:
        return ORDER_CANCELLED if statuses else ORDER_PENDING
    if all(s == LINE_DELIVERED for s in live):
        return ORDER_DELIVERED
    sent = (LINE_SHIPPED, LINE_DELIVERED)
    if all(s in sent for s in live):
        return ORDER_SHIPPED
    if any(s in sent for s in live):
        return ORDER_PARTIALLY_SHIPPED
    if all(s == LINE_CONFIRMED for s in live):
        return ORDER_CONFIRMED
    return ORDER_PENDING


# Shipping event type codes (Oscar's ShippingEventType.code) for what a producer does to its lines.
# ``shop.order.fulfilment`` creates them; settlements date cancellations by the "cancelled" event.
EVENT_CONFIRMED = "confirmed"
EVENT_SHIPPED = "shipped"
EVENT_CANCELLED = "cancelled"
EVENT_DELIVERED = "delivered"
EVENT_NAMES = {
    EVENT_CONFIRMED: _("Xác nhận"),
    EVENT_SHIPPED: _("Gửi hàng"),
    EVENT_CANCELLED: _("Huỷ"),
    EVENT_DELIVERED: _("Đã giao"),
}


# Payment event type code (Oscar's PaymentEventType.code) of money given back for lines (``payments.refunds``).
PAYMENT_EVENT_REFUND = "refund"


def sold_lines(lines):
    """The lines of ``lines`` (an order ``Line`` queryset) that count as sales: the one rule.

    A line counts unless it is cancelled or its money went back (a "refund" payment event naming it). Today a
    refund only follows a cancellation (``payments.refunds.refund_lines`` is called by
    ``shop.order.fulfilment.cancel_lines``, and a payment arriving for a cancelled order is returned whole), so
    the second condition only guards against a refund recorded some other way. An order's status is derived from
    its lines (``order_status_for``): a cancelled order's lines are all cancelled, so no order status is read.
    """
    from django.db.models import Exists, OuterRef
    from oscar.core.loading import get_model

    refunded = get_model("order", "PaymentEventQuantity").objects.filter(
        line=OuterRef("pk"), event__event_type__code=PAYMENT_EVENT_REFUND
    )
    return lines.exclude(status=LINE_CANCELLED).exclude(Exists(refunded))
