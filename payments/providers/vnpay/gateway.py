"""VNPay (redirect protocol 2.1.0): ATM cards, bank QR and wallets through VNPay's page.

``start`` fixes a transaction reference unique per attempt, ``<order number>-<attempt>`` (VNPay refuses
a reused ``vnp_TxnRef``); ``next_url`` is the signed VNPay URL the buyer goes to once the order is
placed. Only the IPN (``views.ipn``, server to server, signed) marks the payment paid,
and then VNPay's own transaction number (``vnp_TransactionNo``) becomes the payment's reference; the
return URL only shows the result.
"""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from payments.models import Payment
from payments.providers.base import PaymentProvider
from payments.providers.vnpay import signing

# How far VNPay's clock may be behind ours when checking vnp_PayDate against the attempt's creation.
CLOCK_SLACK = timedelta(minutes=10)


def txn_ref(payment):
    return f"{payment.order_number}-{payment.attempt}"


def payment_for_txn_ref(reference):
    """The VNPay payment attempt a ``vnp_TxnRef`` names, or None."""
    order_number, _sep, attempt = str(reference).rpartition("-")
    if not order_number or not (attempt.isascii() and attempt.isdigit()) or len(attempt) > 9:
        return None
    return (
        Payment.objects.filter(method=VNPayProvider.code, order_number=order_number, attempt=int(attempt))
        .select_related("order")
        .first()
    )


def paid_during_attempt(payment, pay_date):
    """Whether VNPay's ``vnp_PayDate`` can belong to this attempt: not before the attempt existed.

    This is our form of the issue's "timestamp older than the tolerance" rule. A maximum age would be
    wrong for VNPay: it sends its IPN again later when we did not answer, and a genuine payment must
    not be dropped because it is reported late; a replayed notice is harmless anyway (the
    ProviderEvent log makes it a no-op). What the date does reveal is a notice for an older
    transaction that used the same reference (order numbers starting again after a database reset on
    the same merchant code), which must not pay today's order. A missing date is not held against it."""
    moment = signing.parse_time(pay_date) if pay_date else None
    return moment is None or moment >= payment.created_at - CLOCK_SLACK


def can_pay_again(order):
    """Whether the buyer may start a new VNPay attempt: the order is still kept and its latest
    payment is a VNPay attempt that is waiting or failed."""
    from payments import states
    from shop.core import order_statuses as statuses

    current = states.payment_for_order(order)
    return (
        order.status != statuses.ORDER_CANCELLED
        and current is not None
        and current.method == VNPayProvider.code
        and current.status in (Payment.Status.PENDING, Payment.Status.FAILED)
    )


def buyer_ip(request):
    """The buyer's address for ``vnp_IpAddr`` (a proxy in front must set REMOTE_ADDR, as elsewhere)."""
    return request.META.get("REMOTE_ADDR") or "127.0.0.1"


class VNPayProvider(PaymentProvider):
    code = "vnpay"
    label = _("Thẻ ATM, QR ngân hàng, ví điện tử qua VNPay")
    description = _("Chuyển sang trang VNPay để thanh toán bằng thẻ nội địa, mã QR của ngân hàng hoặc ví.")
    required_settings = ("VNPAY_TMN_CODE", "VNPAY_HASH_SECRET", "VNPAY_PAYMENT_URL")
    instructions_template = "payments/instructions/vnpay.html"
    minutes_to_pay = 15

    def start(self, payment, request):
        payment.provider_reference = txn_ref(payment)
        payment.save(update_fields=["provider_reference"])

    def next_url(self, payment, request):
        now = timezone.now()
        return signing.payment_url(
            settings.VNPAY_PAYMENT_URL,
            settings.VNPAY_TMN_CODE,
            settings.VNPAY_HASH_SECRET,
            txn_ref=txn_ref(payment),
            amount_vnd=payment.amount,
            order_info=f"Thanh toan don hang {payment.order_number}",  # ASCII: VNPay refuses diacritics
            return_url=request.build_absolute_uri(reverse("payments:vnpay-return")),
            ip_address=buyer_ip(request),
            created_at=now,
            expires_at=now + timedelta(minutes=self.minutes_to_pay),
            locale="en" if (translation.get_language() or "").startswith("en") else "vn",
        )

    def refund(self, payment, amount, reason):
        """VNPay's refunds go through its separate merchant API (``vnp_Command=refund``), which is not
        part of the 2.1.0 redirect protocol implemented here: the payment is flagged for an
        administrator, who makes the refund in VNPay's merchant portal (VNPay's transaction number is
        the payment's reference)."""
        return super().refund(payment, amount, reason)

    def instructions_context(self, payment):
        return {"retry_url": reverse("payments:vnpay-retry", kwargs={"order_number": payment.order_number})}
