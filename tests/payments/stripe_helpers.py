"""Stripe webhook events signed locally with Stripe's real scheme (``Stripe-Signature: t=…,v1=…``,
HMAC-SHA256 over "<timestamp>.<payload>" keyed with the endpoint's signing secret)."""

import hashlib
import hmac
import json
import time
import uuid

from django.conf import settings
from django.urls import reverse


def event_payload(event_type, intent_id, amount, event_id=None):
    return json.dumps(
        {
            "id": event_id or f"evt_{uuid.uuid4().hex[:24]}",
            "object": "event",
            "type": event_type,
            "api_version": "2024-06-20",
            "created": int(time.time()),
            "livemode": False,
            "data": {
                "object": {
                    "id": intent_id,
                    "object": "payment_intent",
                    "amount": amount,
                    "amount_received": amount if event_type == "payment_intent.succeeded" else 0,
                    "currency": "vnd",
                    "status": "succeeded",
                }
            },
        }
    )


def signature(payload, timestamp=None, secret=None):
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(
        (secret or settings.STRIPE_WEBHOOK_SECRET).encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256
    ).hexdigest()
    return f"t={timestamp},v1={digest}"


def deliver(client, payload, header=None):
    return client.post(
        reverse("payments:stripe-webhook"),
        data=payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=header if header is not None else signature(payload),
    )
