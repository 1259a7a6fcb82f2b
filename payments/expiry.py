"""When a payment is overdue: online payments not received in time, and cash-on-delivery payments still
waiting for the delivery.

An order paid by transfer, card or VNPay holds its stock while it waits, at most
``settings.OCOP_UNPAID_ORDER_HOURS[method]`` hours; a cash-on-delivery order holds it until its producers
confirm (``settings.OCOP_COD_CONFIRM_HOURS``). Payments sits below orders: releasing what those orders hold
(cancelling lines, emailing the buyer, voiding the payment) is ``shop.order.expiry``'s job, which asks here.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from payments.models import Payment


def overdue_payments(now=None):
    """Online payments (with an order) still pending or failed after their method's hours."""
    now = now or timezone.now()
    overdue = []
    for method, hours in settings.OCOP_UNPAID_ORDER_HOURS.items():
        overdue += list(
            Payment.objects.filter(
                method=method,
                status__in=[Payment.Status.PENDING, Payment.Status.FAILED],
                created_at__lt=now - timedelta(hours=hours),
            )
            .exclude(order=None)
            .select_related("order")
        )
    return overdue


def cod_awaiting_delivery():
    """Cash-on-delivery payments still to be collected: their orders wait for their producers and the courier."""
    return Payment.objects.filter(method="cod", status=Payment.Status.COLLECT_ON_DELIVERY)
