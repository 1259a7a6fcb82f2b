"""Giving back the stock of orders whose online payment never came.

An order paid by transfer, card or VNPay holds its stock while it waits. After
``settings.OCOP_UNPAID_ORDER_HOURS[method]`` hours without the money, its open lines are cancelled
("Quá hạn thanh toán": stock returns, the buyer is emailed) and the payment is voided. Money that
still arrives later is refunded by ``states.record_payment``. Cash on delivery never expires.
"""
import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from oscar.core.loading import get_model

from payments import states
from payments.models import Payment
from shop.order import fulfilment

logger = logging.getLogger("payments")
Line = get_model("order", "Line")
REASON = "Quá hạn thanh toán"


def overdue_payments(now=None):
    now = now or timezone.now()
    overdue = []
    for method, hours in settings.OCOP_UNPAID_ORDER_HOURS.items():
        overdue += list(Payment.objects.filter(method=method, status__in=[Payment.Status.PENDING, Payment.Status.FAILED],
                                               created_at__lt=now - timedelta(hours=hours))
                        .exclude(order=None).select_related("order"))
    return overdue


def release_unpaid_orders(now=None):
    """Cancel the open lines of overdue unpaid orders; returns the order numbers released."""
    released = []
    for payment in overdue_payments(now):
        order = payment.order
        if states.payment_for_order(order).pk != payment.pk:
            continue  # a newer attempt is running
        fulfilment.cancel_open_lines(order, REASON)
        states.void(payment)
        released.append(order.number)
        logger.info("Released unpaid order %s (%s)", order.number, payment.method)
    return released
