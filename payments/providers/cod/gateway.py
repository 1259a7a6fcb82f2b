"""Cash on delivery: the order is placed unpaid, the producers collect, an administrator records
the cash as received (``payments.states.record_payment`` with the administrator as confirmer)."""

from django.utils.translation import gettext_lazy as _

from payments.providers.base import PaymentProvider


class CashOnDeliveryProvider(PaymentProvider):
    code = "cod"
    label = _("Thanh toán khi nhận hàng (COD)")
    description = _("Trả tiền mặt cho người giao hàng khi nhận hàng.")
    prepaid = False
    instructions_template = "payments/instructions/cod.html"

    def initial_status(self):
        from payments.models import Payment

        return Payment.Status.COLLECT_ON_DELIVERY
