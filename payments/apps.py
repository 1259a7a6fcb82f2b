from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    """Payment providers (Stripe, VietQR transfer, COD) and their bridge to Oscar's ledger.

    The foundation only reserves the app and its STRIPE_* settings; the
    providers arrive with the checkout and payments issue.
    """

    name = "payments"
    label = "payments"
    verbose_name = _("Thanh toán")
