from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    """Payment providers (COD, VietQR transfer, Stripe, VNPay) behind one interface
    (``payments.providers``), the payment state machine (``payments.states``) and its bridge to
    Oscar's ledger, webhook/IPN endpoints, settlements."""

    name = "payments"
    label = "payments"
    verbose_name = _("Thanh toán")

    def ready(self):
        from oscar.apps.checkout.signals import post_checkout

        post_checkout.connect(_count_checkout, dispatch_uid="payments-cod-limits-placed")


def _count_checkout(sender, order, request, **kwargs):
    """A checkout placed an order: the guest throttles and the COD buyer memory count it (payments.cod_limits)."""
    from payments import cod_limits

    payment = getattr(sender, "_payment", None)  # the checkout view's payment for this order, if any
    cod_limits.order_placed(order, request, payment.method if payment else "")
