"""Acting once on what a provider tells us: a Stripe webhook event, a VNPay IPN, a bank statement row.

``act_once`` writes the ``ProviderEvent`` row first — unique per (provider, event id) — and runs the
handler in the same transaction, storing its outcome on the row. A redelivered event, even copies arriving
at the same moment, is a no-op: a copy's insert waits for the first transaction and then fails on the
unique constraint, and the caller gets the first one's outcome instead of acting again. If the handler
raises, nothing is recorded and the next delivery acts.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from payments.models import ProviderEvent


@dataclass(frozen=True)
class Acted:
    """What became of an event: ``outcome`` is the handler's answer, or the first delivery's stored
    outcome when ``duplicate`` (empty if that one cannot be read)."""

    outcome: str
    duplicate: bool = False


def act_once(provider, event_id, handler, *, payment=None, event_type="", payload=None):
    """Record the event ``(provider, event_id)`` and, the first time only, run ``handler()`` (returns the
    outcome, a short string) in the same transaction."""
    event_id = str(event_id)[:255]
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = ProviderEvent.objects.create(
                    provider=provider, event_id=event_id, event_type=event_type, payment=payment, payload=payload or {}
                )
        except IntegrityError:
            earlier = ProviderEvent.objects.filter(provider=provider, event_id=event_id).first()
            return Acted(outcome=earlier.outcome if earlier is not None else "", duplicate=True)
        record.outcome = handler()
        record.save(update_fields=["outcome"])
    return Acted(outcome=record.outcome)
