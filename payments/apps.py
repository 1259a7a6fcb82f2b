from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    """Payment providers (COD, VietQR transfer, Stripe, VNPay) behind one interface
    (``payments.providers``), the payment state machine (``payments.states``) and its bridge to
    Oscar's ledger, webhook/IPN endpoints, settlements."""

    name = "payments"
    label = "payments"
    verbose_name = _("Thanh toán")
