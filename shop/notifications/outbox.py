"""One door for every message the site sends (issue 18): producers, applicants, customers, team members,
administrators.

- ``send(recipient, event_code, context, language=…)`` renders Oscar's ``CommunicationEventType`` templates
  (oscar/communication/emails/commtype_<code>_*) NOW, in the recipient's language, and ``queue``\\s the result.
- ``queue`` writes an ``OutboxMessage`` row in the caller's transaction (a rolled-back change sends nothing)
  and, after commit, hands it to the ``deliver_messages`` task (the worker; the immediate backend runs it at
  once). That callback is robust: the person who acted never gets an error from the mail server.
- ``deliver`` sends one pending row through its channel (``channels``): sent, or the error is kept and a retry
  planned (``BACKOFF``); after ``MAX_ATTEMPTS`` the row is failed, listed for administrators (Wagtail admin,
  "Hộp thư đi") who can send it again. ``deliver_due`` is the sweep (``manage.py deliver_notifications``,
  every minute) that picks up retries and anything a lost worker left behind.
- Oscar's dispatchers (orders, customer accounts, stock alerts) and Django/Wagtail mail code queue through
  ``OutboxConnection`` / ``OutboxDispatcher``: an email "connection" whose ``send_messages`` writes rows.
- ``paused()``: bulk imports send nothing.
"""

import contextlib
import datetime
import logging
import threading

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone, translation
from oscar.core.loading import get_class, get_model

from shop.notifications.channels import CHANNELS
from shop.notifications.models import OutboxMessage

logger = logging.getLogger(__name__)

EMAIL = "email"
# Wait before the 2nd, 3rd… attempt; after the last one fails the message is failed.
BACKOFF = [
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
    datetime.timedelta(hours=12),
]
MAX_ATTEMPTS = len(BACKOFF) + 1

_state = threading.local()


@contextlib.contextmanager
def paused():
    """Send nothing inside this block: for bulk imports whose recipients are told otherwise."""
    previous = getattr(_state, "paused", False)
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = previous


def is_paused():
    return getattr(_state, "paused", False)


def render(event_code, context, language=None):
    """The subject, text and html of ``event_code`` for ``context``, in ``language`` (default: Vietnamese)."""
    CommunicationEventType = get_model("communication", "CommunicationEventType")
    context = {"site_name": settings.OSCAR_SHOP_NAME, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        return CommunicationEventType.objects.get_and_render(event_code, context)


def send(recipient, event_code, context, language=None, about=None, channel=EMAIL):
    """Render ``event_code`` for ``recipient`` in ``language`` and queue it; returns the row (None when paused
    or there is nothing to send)."""
    if is_paused() or not recipient:
        return None
    language = language or settings.LANGUAGE_CODE
    messages = render(event_code, context, language)
    return queue(recipient, event_code, messages, language=language, about=about, channel=channel)


def queue(recipient, event_code, messages, language=None, about=None, channel=EMAIL, from_address="", headers=None):
    """Write one outbox row for already rendered ``messages`` ({"subject", "body", "html"}) and deliver it
    after commit."""
    if (
        is_paused()
        or not recipient
        or not messages.get("subject")
        or not (messages.get("body") or messages.get("html"))
    ):
        return None
    message = OutboxMessage.objects.create(
        channel=channel,
        recipient=recipient,
        event_code=event_code or "",
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
        from_address=from_address or "",
        subject=messages["subject"],
        body_text=messages.get("body") or "",
        body_html=messages.get("html") or "",
        headers=headers or {},
        content_type=ContentType.objects.get_for_model(about) if about is not None else None,
        object_id=str(about.pk) if about is not None else "",
        next_attempt_at=timezone.now(),
    )
    deliver_soon([message.pk])
    return message


def deliver_soon(ids):
    """After commit, the worker delivers these rows; nothing here can fail the caller's request."""

    def enqueue():
        from shop.notifications.tasks import deliver_messages

        deliver_messages.enqueue(list(ids))

    transaction.on_commit(enqueue, robust=True)


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
        message.save(update_fields=["attempts", "last_error", "status", "next_attempt_at", "sent_at"])
        return message


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


def retry(message):
    """An administrator's "send again": the message is pending again with fresh attempts, delivered after
    commit."""
    OutboxMessage.objects.filter(pk=message.pk).exclude(status=OutboxMessage.SENT).update(
        status=OutboxMessage.PENDING, attempts=0, next_attempt_at=timezone.now()
    )
    deliver_soon([message.pk])


class OutboxConnection:
    """An email connection whose ``send_messages`` queues each message (one row per recipient) instead of
    sending: give it to Django's mail functions or Oscar's dispatchers (``mail_connection``)."""

    def __init__(self, event_code="", about=None):
        self.event_code = event_code
        self.about = about

    def send_messages(self, email_messages):
        count = 0
        for email in email_messages:
            html = next(
                (content for content, mimetype in getattr(email, "alternatives", []) if mimetype == "text/html"), ""
            )
            if email.attachments:
                logger.warning("Attachments of %s are not kept in the outbox", self.event_code)
            headers = dict(email.extra_headers)
            if email.reply_to:
                headers["Reply-To"] = ", ".join(email.reply_to)
            for recipient in email.recipients():
                count += (
                    queue(
                        recipient,
                        self.event_code,
                        {"subject": email.subject, "body": email.body, "html": html},
                        about=self.about,
                        from_address=email.from_email,
                        headers=headers,
                    )
                    is not None
                )
        return count


class OutboxDispatcher(get_class("communication.utils", "Dispatcher")):
    """Oscar's Dispatcher, queueing into the outbox (with the event code it last rendered)."""

    def __init__(self, logger=None, mail_connection=None):
        super().__init__(logger=logger, mail_connection=mail_connection or OutboxConnection())

    def get_messages(self, event_code, extra_context=None):
        self.mail_connection.event_code = event_code
        return super().get_messages(event_code, extra_context)
