"""Giving back the stock that unpaid orders hold: what is released when (the order side of payment expiry).

- An order paid by transfer, card or VNPay holds its stock while it waits. After
  ``settings.OCOP_UNPAID_ORDER_HOURS[method]`` hours without the money, its open lines are cancelled
  ("Quá hạn thanh toán": stock returns, the buyer is emailed) and the payment is voided. Money that
  still arrives later is refunded by ``states.record_payment``.
- A cash-on-delivery order is paid only when delivered, so it cannot wait for money: instead each producer
  must confirm its lines within ``settings.OCOP_COD_CONFIRM_HOURS`` hours of the order. The lines a producer
  left unconfirmed are then cancelled ("Chủ thể chưa xác nhận đơn": stock returns, the buyer is emailed);
  lines another producer confirmed stay. Once nothing is left to deliver the COD payment is voided.
  (How much unpaid COD a buyer may hold at all: ``payments.cod_limits``.)

``release_expired_orders`` runs both (the hourly task ``shop.order.tasks.release_unpaid_orders_task`` and the
``release_unpaid_orders`` command). Which payments are overdue is ``payments.expiry``'s to say; payments sits
below orders, so cancelling lines (``shop.order.fulfilment``) is done from here.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from oscar.core.loading import get_model

from payments import expiry, states
from shop.core import order_statuses as statuses
from shop.order import fulfilment

logger = logging.getLogger("payments")
Line = get_model("order", "Line")
REASON = "Quá hạn thanh toán"
COD_REASON = "Chủ thể chưa xác nhận đơn trong thời hạn"


def release_unpaid_orders(now=None):
    """Cancel the open lines of overdue unpaid orders; returns the order numbers released."""
    released = []
    for payment in expiry.overdue_payments(now):
        order = payment.order
        if states.payment_for_order(order).pk != payment.pk:
            continue  # a newer attempt is running
        fulfilment.cancel_open_lines(order, REASON)
        states.void(payment)
        released.append(order.number)
        logger.info("Released unpaid order %s (%s)", order.number, payment.method)
    return released


def unconfirmed_cod_lines(now=None):
    """Lines still waiting for their producer's confirmation in COD orders placed more than
    ``OCOP_COD_CONFIRM_HOURS`` ago, with their order."""
    now = now or timezone.now()
    cod_orders = expiry.cod_awaiting_delivery().values("order_id")
    return (
        Line.objects.filter(
            order_id__in=cod_orders,
            status=statuses.LINE_PENDING,
            order__date_placed__lt=now - timedelta(hours=settings.OCOP_COD_CONFIRM_HOURS),
        )
        .select_related("order", "partner")
        .order_by("order_id", "partner_id", "pk")
    )


def release_unconfirmed_cod_orders(now=None):
    """Cancel the COD lines their producer did not confirm in time, producer by producer; returns the order
    numbers touched."""
    by_part = {}
    for line in unconfirmed_cod_lines(now):
        by_part.setdefault((line.order, line.partner), []).append(line)
    released = []
    for (order, partner), lines in by_part.items():
        if partner is None:
            continue
        try:
            fulfilment.cancel_lines(order, partner, None, lines, COD_REASON, system=True)
        except fulfilment.FulfilmentRefused as refused:  # confirmed meanwhile: nothing to release
            logger.info("COD order %s of %s not released: %s", order.number, partner.pk, refused.message)
            continue
        order.refresh_from_db(fields=["status"])
        if order.status == statuses.ORDER_CANCELLED:
            payment = states.payment_for_order(order)
            if payment is not None:
                states.void(payment)
        if order.number not in released:
            released.append(order.number)
        logger.info("Released unconfirmed COD lines of order %s (producer %s)", order.number, partner.pk)
    return released


def release_expired_orders(now=None):
    """Everything above: unpaid online orders, then unconfirmed COD lines. Returns both lists of numbers."""
    return {"unpaid": release_unpaid_orders(now), "unconfirmed_cod": release_unconfirmed_cod_orders(now)}
