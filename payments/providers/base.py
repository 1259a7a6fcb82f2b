"""What every payment method implements. Checkout, webhooks and the dashboard call only these.

The life of a payment (``payments.models.Payment``):

1. ``start(payment, request)`` — in ``PaymentDetailsView.handle_payment``, *before* the order is
   placed: create what the provider needs (a Stripe PaymentIntent, …). Raise
   ``oscar.apps.payment.exceptions.UnableToTakePayment`` with a message for the buyer, or
   ``PaymentError`` when the provider is down; the basket is then restored.
2. The order is placed (stock checked and reserved atomically). If that fails, checkout calls
   ``void(payment)`` so no money stays held, and restores the basket.
3. ``next_url(payment, request)`` — after placement: where the buyer goes to pay (VNPay's signed
   URL, the card page) or None to go straight to the thank-you page.
4. The money arrives: only ``payments.states.record_payment`` marks a payment paid — called by the
   provider's webhook / IPN view, or by an administrator confirming a transfer or cash.
5. ``refund(payment, amount, reason)`` — give money back (a cancelled line, a payment for an order
   that could not be kept); returns the provider's refund reference.
"""

from django.conf import settings

from shop.core.money import format_vnd


class PaymentProvider:
    code = ""
    label = ""
    description = ""
    # Settings that must be non-empty for the method to be offered.
    required_settings = ()
    # Whether the buyer pays online before the producers ship (False: cash on delivery).
    prepaid = True
    # Shown on the thank-you and order pages (payment instructions, QR code…).
    instructions_template = ""

    def is_configured(self):
        return all(getattr(settings, name, "") for name in self.required_settings)

    def initial_status(self):
        from payments.models import Payment

        return Payment.Status.PENDING

    def start(self, payment, request):
        """Prepare the payment before the order is placed (nothing by default)."""

    def next_url(self, payment, request):
        """Where the buyer goes after the order is placed; None for the thank-you page."""
        return None

    def void(self, payment):
        """Release anything held for ``payment`` because its order could not be placed."""

    def refund(self, payment, amount, reason):
        """Return ``amount`` đồng of a received payment; return the provider's reference. Methods
        without an API for it (bank transfer, cash) leave the transfer to an administrator and flag it."""
        from payments import states

        states.flag(payment, f"Cần chuyển trả {format_vnd(amount)} cho khách bằng tay: {reason}")
        return ""

    def instructions_context(self, payment):
        return {}
