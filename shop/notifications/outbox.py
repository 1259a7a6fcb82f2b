"""One door for every message the site sends (issue 18): producers, applicants, customers, team members,
administrators — and every email Django, Oscar or Wagtail send themselves.

- ``send(recipient, event_code, context, language=…)`` renders Oscar's ``CommunicationEventType`` templates
  (oscar/communication/emails/commtype_<code>_*) NOW, in the recipient's language, and ``queue``\\s the result.
- ``queue`` writes an ``OutboxMessage`` row in the caller's transaction (a rolled-back change sends nothing)
  and, after commit, enqueues the ``tasks.deliver_messages`` task (the worker; the immediate backend runs it at
  once), which calls ``delivery``: outbox → tasks → delivery, no cycle. That callback is robust: the person who
  acted never gets an error from the mail server; ``delivery`` retries with backoff, then marks the row failed
  for administrators (Wagtail admin, "Hộp thư đi") who can ``retry`` it.
- ``OutboxConnection``: an email "connection" whose ``send_messages`` writes rows, keeping the HTML part, the
  attachments and other alternatives (``pack_parts``), so they survive every retry. It is behind
  ``EMAIL_BACKEND`` (``backends.OutboxBackend``): ``django.core.mail.send_mail``, Wagtail's moderation and
  workflow notifications and its admin password reset all queue here. Delivery uses
  ``OCOP_EMAIL_DELIVERY_BACKEND`` (the mail server). Only ``AdminEmailHandler``'s error mails go direct: they
  report failures, the database's among them (settings ``LOGGING``).
- ``OutboxDispatcher``: Oscar's dispatchers (orders, customer accounts, stock alerts) queue with the event code
  they render; the customer's "emails" history row (``communication.Email``) is written when it is sent.
- ``paused()``: bulk imports send nothing.
"""

import base64
import contextlib
import threading
from email.mime.base import MIMEBase

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone, translation
from oscar.core.loading import get_class, get_model

from shop.notifications import tasks
from shop.notifications.models import OutboxMessage

EMAIL = "email"

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


def queue(
    recipient,
    event_code,
    messages,
    language=None,
    about=None,
    channel=EMAIL,
    from_address="",
    headers=None,
    attachments=None,
    user=None,
):
    """Write one outbox row for already rendered ``messages`` ({"subject", "body", "html"}) and deliver it
    after commit. ``attachments``: as ``pack_parts`` returns them; ``user``: the account whose Oscar "emails"
    history gets the message once it is sent."""
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
        attachments=attachments or [],
        user=user,
        content_type=ContentType.objects.get_for_model(about) if about is not None else None,
        object_id=str(about.pk) if about is not None else "",
        next_attempt_at=timezone.now(),
    )
    deliver_soon([message.pk])
    return message


def deliver_soon(ids):
    """After commit, the worker delivers these rows; nothing here can fail the caller's request.

    The rows one transaction writes go in one task (placing an order writes three): the first call registers
    a ``_DeliveryBatch`` to run on commit, later calls at the same level of the same transaction add their ids
    to it. Once it has run, or was dropped with a rolled-back savepoint, the next call starts a new one."""
    connection = transaction.get_connection()
    batch = getattr(_state, "delivery_batch", None)
    if batch is not None and batch.waits_on(connection):
        batch.ids.update(ids)
        return
    batch = _state.delivery_batch = _DeliveryBatch(connection, ids)
    transaction.on_commit(batch, robust=True)


class _DeliveryBatch:
    """Outbox rows written at one level of one transaction, enqueued as one task when it commits."""

    def __init__(self, connection, ids):
        self.ids, self.done = set(ids), False
        self.savepoints = list(connection.savepoint_ids)

    def waits_on(self, connection):
        return (
            not self.done
            and connection.in_atomic_block
            and list(connection.savepoint_ids) == self.savepoints
            and any(func is self for _sids, func, _robust in connection.run_on_commit)
        )

    def __call__(self):
        self.done = True
        tasks.deliver_messages.enqueue(sorted(self.ids))


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

    def __init__(self, event_code="", about=None, user=None):
        self.event_code = event_code
        self.about = about
        self.user = user

    def send_messages(self, email_messages):
        count = 0
        for email in email_messages:
            html, attachments = pack_parts(email)
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
                        attachments=attachments,
                        user=self.user,
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

    def send_user_email_messages(self, user, messages, attachments=None):
        """The customer's "emails" history row is written when the message is sent (``delivery``), not now."""
        if not isinstance(self.mail_connection, OutboxConnection):
            return super().send_user_email_messages(user, messages, attachments)
        if not user.email:
            return super().send_user_email_messages(user, messages, attachments)  # logs, sends nothing
        keep = user.is_authenticated and settings.OSCAR_SAVE_SENT_EMAILS_TO_DB
        self.mail_connection.user = user if keep else None
        try:
            return self.send_email_messages(user.email, messages, attachments=attachments)
        finally:
            self.mail_connection.user = None


def pack_parts(email):
    """The HTML alternative of ``email`` and its other parts (attachments, non-HTML alternatives) as JSON for
    the outbox row: ``[{"filename", "mimetype", "content" (base64), "alternative"}]``."""
    html, parts = "", []
    for content, mimetype in getattr(email, "alternatives", []):
        if mimetype == "text/html" and not html:
            html = content
        else:
            parts.append(_part("", content, mimetype, alternative=True))
    for attachment in email.attachments:
        if isinstance(attachment, MIMEBase):
            payload = attachment.get_payload(decode=True) or b""
            parts.append(_part(attachment.get_filename() or "", payload, attachment.get_content_type()))
        else:
            filename, content, mimetype = attachment
            parts.append(_part(filename or "", content, mimetype or "application/octet-stream"))
    return html, parts


def _part(filename, content, mimetype, alternative=False):
    if isinstance(content, str):
        content = content.encode()
    return {
        "filename": filename,
        "mimetype": mimetype,
        "content": base64.b64encode(content).decode("ascii"),
        "alternative": alternative,
    }
