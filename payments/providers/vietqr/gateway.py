"""Bank transfer by VietQR: the thank-you page shows the NAPAS QR for the exact amount with the
order reference in the purpose field; an administrator confirms receipt by hand or by importing
the bank statement (``payments.providers.vietqr.statements``)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from payments.providers.base import PaymentProvider
from payments.providers.vietqr import deeplink
from shop.core import vietqr as payload


def transfer_reference(order_number):
    """What the buyer types (and the QR carries) as the transfer's purpose: "OCOP 100023"."""
    return payload.purpose_text(f"OCOP {order_number}")


class VietQRTransferProvider(PaymentProvider):
    code = "vietqr"
    label = _("Chuyển khoản ngân hàng (VietQR)")
    description = _("Quét mã VietQR bằng ứng dụng ngân hàng bất kỳ; đơn hàng được xác nhận khi tiền về.")
    required_settings = ("VIETQR_BANK_BIN", "VIETQR_ACCOUNT_NUMBER", "VIETQR_ACCOUNT_NAME")
    instructions_template = "payments/instructions/vietqr.html"

    def start(self, payment, request):
        payment.provider_reference = transfer_reference(payment.order_number)
        payment.save(update_fields=["provider_reference"])

    def qr_payload(self, payment):
        return payload.payload(
            settings.VIETQR_BANK_BIN,
            settings.VIETQR_ACCOUNT_NUMBER,
            amount=payment.amount,
            purpose=transfer_reference(payment.order_number),
        )

    def instructions_context(self, payment):
        return {
            "qr_payload": self.qr_payload(payment),
            "bank_name": settings.VIETQR_BANK_NAME,
            "account_number": settings.VIETQR_ACCOUNT_NUMBER,
            "account_name": settings.VIETQR_ACCOUNT_NAME,
            "reference": transfer_reference(payment.order_number),
            # Buttons for the phone that shows the QR and cannot scan it (payments.providers.vietqr.deeplink).
            "bank_apps": deeplink.app_links(payment.amount, transfer_reference(payment.order_number)),
        }
