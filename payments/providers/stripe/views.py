"""Stripe: the card page (Stripe Elements), the return page that only shows the state, and the signed
webhook — the source of truth for card payment state."""

import json
import logging
from functools import partial

import stripe
from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from oscar.core.loading import get_model

from payments import states
from payments.events import act_once
from payments.models import Payment
from shop.core.buyer_session import is_buyer
from shop.core.csp import csp_allow

logger = logging.getLogger("payments")
Order = get_model("order", "Order")

WEBHOOK_TOLERANCE_SECONDS = 300  # Stripe's default: older signed events are refused (replays)


def _buyers_card_payment(request, order_number):
    order = get_object_or_404(Order, number=order_number)
    if not is_buyer(request, order):
        raise Http404
    payment = Payment.objects.filter(order=order, method="stripe").order_by("-attempt").first()
    if payment is None:
        raise Http404
    return order, payment


# Stripe.js, its card frames (3-D Secure included) and its API, as Stripe documents for a CSP.
@csp_allow(
    script_src=["https://js.stripe.com"],
    frame_src=["https://js.stripe.com", "https://hooks.stripe.com"],
    connect_src=["https://api.stripe.com"],
)
@require_GET
def card_page(request, order_number):
    order, payment = _buyers_card_payment(request, order_number)
    context = {"order": order, "payment": payment, "publishable_key": settings.STRIPE_PUBLISHABLE_KEY}
    if payment.status == Payment.Status.PENDING or payment.status == Payment.Status.FAILED:
        try:
            context["client_secret"] = payment.provider.client_secret(payment)
        except stripe.StripeError:
            logger.exception("Stripe: could not read PaymentIntent %s", payment.provider_reference)
            context["provider_down"] = True
    return render(request, "payments/stripe/card.html", context)


@require_GET
def card_return(request, order_number):
    """Where Stripe sends the buyer back: shows the payment's state as we know it. Never marks it
    paid — the webhook does."""
    order, payment = _buyers_card_payment(request, order_number)
    return render(request, "payments/stripe/return.html", {"order": order, "payment": payment})


@csrf_exempt
@require_POST
def webhook(request):
    try:
        event = stripe.Webhook.construct_event(
            request.body,
            request.headers.get("Stripe-Signature", ""),
            settings.STRIPE_WEBHOOK_SECRET,
            tolerance=WEBHOOK_TOLERANCE_SECONDS,
        )
    except (ValueError, stripe.SignatureVerificationError) as error:
        logger.warning("Stripe webhook refused: %s", error)
        return HttpResponseBadRequest("invalid signature or payload")
    outcome = handle_event(event)
    return HttpResponse(json.dumps({"outcome": outcome}), content_type="application/json")


def _succeeded(payment, obj, intent_id):
    return states.record_payment(payment, obj.get("amount_received") or obj.get("amount") or 0, reference=intent_id)


def _failed(payment, obj, intent_id):
    reason = (obj.get("last_payment_error") or {}).get("message", "")
    return "failed" if states.record_failure(payment, reason) else "ignored"


# What each event type does to its payment; any other type is recorded and ignored.
HANDLERS = {
    "payment_intent.succeeded": _succeeded,
    "payment_intent.payment_failed": _failed,
}


def _act(event, payment, obj, intent_id):
    if payment is None:
        return "unknown-payment"
    handler = HANDLERS.get(event.type)
    return handler(payment, obj, intent_id) if handler else "ignored"


def handle_event(event):
    """Apply one verified event once (``payments.events.act_once``): a redelivered event — even three
    copies arriving together — is a no-op, answered "duplicate"."""
    obj = event.data.object.to_dict()
    intent_id = obj.get("id") if event.type.startswith("payment_intent.") else obj.get("payment_intent")
    payment = Payment.objects.filter(method="stripe", provider_reference=intent_id).first() if intent_id else None
    acted = act_once(
        "stripe",
        event.id,
        partial(_act, event, payment, obj, intent_id),
        payment=payment,
        event_type=event.type,
        payload={"intent": intent_id},
    )
    if acted.duplicate:
        return "duplicate"
    logger.info("Stripe event %s (%s): %s", event.id, event.type, acted.outcome)
    return acted.outcome
