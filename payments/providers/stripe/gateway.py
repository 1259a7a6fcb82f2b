"""Card payments through Stripe (PaymentIntents; card data goes from Stripe.js to Stripe, never here).

- ``start`` (before the order is written) creates the PaymentIntent for the order total — VND is a
  zero-decimal currency, so the amount is the number of đồng — with the attempt's idempotency key,
  so a retried request cannot create a second charge.
- After placement the buyer pays on the card page (``payments.providers.stripe.views.card_page``), where
  Stripe Elements confirms the intent with its client secret.
- Only the signed webhook (``payment_intent.succeeded``) marks the payment paid.
- ``void`` cancels the intent when the order could not be placed; ``refund`` refunds part or all.

The client points at ``STRIPE_API_BASE`` when set (stripe-mock in tests).
"""

import logging

import stripe
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.apps.payment.exceptions import PaymentError, UnableToTakePayment

from payments.providers.base import PaymentProvider

logger = logging.getLogger("payments")


def client():
    base = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else None
    return stripe.StripeClient(settings.STRIPE_SECRET_KEY, base_addresses=base, max_network_retries=2)


class StripeCardProvider(PaymentProvider):
    code = "stripe"
    label = _("Thẻ quốc tế (Visa, Mastercard, JCB…) qua Stripe")
    description = _("Thanh toán bằng thẻ trên trang bảo mật của Stripe; số thẻ không đi qua máy chủ của chúng tôi.")
    required_settings = ("STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET")
    instructions_template = "payments/instructions/stripe.html"

    def start(self, payment, request):
        try:
            intent = client().v1.payment_intents.create(
                params={
                    "amount": payment.amount,
                    "currency": "vnd",
                    "payment_method_types": ["card"],
                    "description": f"OCOP Market {payment.order_number}",
                    "metadata": {"order_number": payment.order_number, "payment_id": str(payment.pk)},
                },
                options={"idempotency_key": payment.idempotency_key},
            )
        except stripe.CardError as error:
            raise UnableToTakePayment(_("Thẻ bị từ chối: %(reason)s") % {"reason": error.user_message or ""}) from error
        except stripe.StripeError as error:
            logger.error("Stripe PaymentIntent for %s failed: %s", payment.order_number, error)
            raise PaymentError(
                _("Cổng thanh toán thẻ đang không phản hồi; hãy thử lại sau ít phút hoặc chọn cách thanh toán khác.")
            ) from error
        payment.provider_reference = intent.id
        payment.save(update_fields=["provider_reference"])

    def next_url(self, payment, request):
        return reverse("payments:stripe-card", kwargs={"order_number": payment.order_number})

    def client_secret(self, payment):
        return client().v1.payment_intents.retrieve(payment.provider_reference).client_secret

    def void(self, payment):
        if not payment.provider_reference:
            return
        try:
            client().v1.payment_intents.cancel(payment.provider_reference)
        except stripe.InvalidRequestError as error:  # already cancelled or succeeded: nothing held
            logger.warning("Stripe cancel of %s: %s", payment.provider_reference, error)

    def refund(self, payment, amount, reason):
        refund = client().v1.refunds.create(
            params={
                "payment_intent": payment.provider_reference,
                "amount": int(amount),
                "metadata": {"order_number": payment.order_number, "reason": reason[:450]},
            },
            options={"idempotency_key": f"{payment.idempotency_key}-refund-{payment.amount_refunded}-{int(amount)}"},
        )
        return refund.id

    def instructions_context(self, payment):
        return {"card_url": self.next_url(payment, None)}
