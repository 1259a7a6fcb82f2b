"""VNPay (redirect protocol 2.1.0): ATM cards, bank QR and wallets through VNPay's page.

``start`` fixes a transaction reference unique per attempt (VNPay refuses a reused ``vnp_TxnRef``);
``next_url`` is the signed VNPay URL the buyer goes to once the order is placed. Only the IPN
(``payments.vnpay_views.ipn``, server to server, signed) marks the payment paid; the return URL shows
the result. VNPay's refund is a separate merchant API that this integration does not call: a refund
is flagged for an administrator to make in VNPay's merchant portal (the base class does this).
"""
from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from payments import vnpay
from payments.providers.base import PaymentProvider


def txn_ref(payment):
    return f"{payment.order_number}-{payment.attempt}"


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
        return vnpay.payment_url(
            settings.VNPAY_PAYMENT_URL, settings.VNPAY_TMN_CODE, settings.VNPAY_HASH_SECRET,
            txn_ref=payment.provider_reference, amount_vnd=payment.amount,
            order_info=f"Thanh toan don hang {payment.order_number}",
            return_url=request.build_absolute_uri(reverse("payments:vnpay-return")),
            ip_address=request.META.get("REMOTE_ADDR", "127.0.0.1"),
            created_at=now, expires_at=now + timedelta(minutes=self.minutes_to_pay),
            locale="en" if (translation.get_language() or "").startswith("en") else "vn")

    def instructions_context(self, payment):
        return {"retry_url": reverse("payments:vnpay-retry", kwargs={"order_number": payment.order_number})}
