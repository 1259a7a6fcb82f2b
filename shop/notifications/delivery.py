"""Delivery of outbox rows (the worker's side of ``shop.notifications``): one pending row through its channel,
with retries and backoff, and the periodic sweep. Imports no sender: ``outbox`` queues, ``tasks`` run this.

- ``deliver`` sends one pending row through its channel (``channels``): sent, or the error is kept and a retry
  planned (``BACKOFF``); after ``MAX_ATTEMPTS`` the row is failed, listed for administrators (Wagtail admin,
  "Hộp thư đi") who can send it again.
- ``deliver_due`` is the sweep (``manage.py deliver_notifications``, every minute) that picks up retries and
  anything a lost worker left behind.
- ``record_history``: once sent, a message for a customer's account is listed on their "emails" page.
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from shop.notifications.channels import CHANNELS
from shop.notifications.models import OutboxMessage

logger = logging.getLogger(__name__)

# Wait before the 2nd, 3rd… attempt; after the last one fails the message is failed.
BACKOFF = [
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
    datetime.timedelta(hours=12),
]
MAX_ATTEMPTS = len(BACKOFF) + 1


def deliver(message_id):
    """Send one pending message now; returns it (None if it is not pending or another process holds it)."""
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, status=OutboxMessage.PENDING)
            .first()
        )
        if message is None:
            return None
        message.attempts += 1
        try:
            CHANNELS[message.channel].send(message)
        except Exception as error:  # any failure of the channel: keep it, retry later
            logger.warning(
                "Notification %s to %s failed (attempt %s): %s", message.pk, message.recipient, message.attempts, error
            )
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            if message.attempts >= MAX_ATTEMPTS:
                message.status, message.next_attempt_at = OutboxMessage.FAILED, None
            else:
                message.next_attempt_at = timezone.now() + BACKOFF[message.attempts - 1]
        else:
            message.status, message.sent_at, message.next_attempt_at = OutboxMessage.SENT, timezone.now(), None
            record_history(message)
        message.save(update_fields=["attempts", "last_error", "status", "next_attempt_at", "sent_at"])
        return message


def record_history(message):
    """The customer's "emails" page (Oscar's ``communication.Email``) lists a message once it is sent."""
    if message.user_id:
        get_model("communication", "Email").objects.create(
            user_id=message.user_id,
            email=message.recipient,
            subject=message.subject,
            body_text=message.body_text,
            body_html=message.body_html,
        )


def deliver_due(now=None, limit=500):
    """Deliver the pending messages whose time has come; returns how many were sent."""
    now = now or timezone.now()
    ids = list(
        OutboxMessage.objects.filter(status=OutboxMessage.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
    sent = 0
    for message_id in ids:
        message = deliver(message_id)
        sent += message is not None and message.status == OutboxMessage.SENT
    return sent
