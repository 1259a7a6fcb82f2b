"""How an outbox message reaches its recipient. Email is the only channel today.

Another channel (Zalo OA, SMS) is a ``Channel`` subclass with its own ``code`` and a ``send(message)``
that raises on failure (the outbox then retries it), registered in ``CHANNELS``; senders queue for it
with ``outbox.queue(..., channel="zalo")`` and the recipient in that channel's terms (a phone number, a
Zalo user id). Rendering, the outbox row, retries and the admin page stay the same.
"""

import base64

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection


class Channel:
    code = ""

    def send(self, message):
        """Deliver ``message`` (an ``OutboxMessage``) or raise."""
        raise NotImplementedError


def message_id(message):
    """One Message-ID per outbox row, the same at every attempt: a mail sent again because the worker died between
    the mail server's acceptance and the row's commit is the same message, which mail servers and clients
    drop as a duplicate."""
    domain = settings.OSCAR_FROM_EMAIL.rpartition("@")[2].strip("> ") or "ocop.local"
    return f"<outbox-{message.pk}@{domain}>"


class EmailChannel(Channel):
    """Sends through ``OCOP_EMAIL_DELIVERY_BACKEND`` (the mail server), never ``EMAIL_BACKEND`` (which is the
    outbox itself, ``backends.OutboxBackend``)."""

    code = "email"

    def send(self, message):
        email = EmailMultiAlternatives(
            message.subject,
            message.body_text,
            message.from_address or settings.OSCAR_FROM_EMAIL,
            [message.recipient],
            headers={"Message-ID": message_id(message), **(message.headers or {})},
            connection=get_connection(settings.OCOP_EMAIL_DELIVERY_BACKEND),
        )
        if message.body_html:
            email.attach_alternative(message.body_html, "text/html")
        for part in message.attachments or []:
            content = base64.b64decode(part["content"])
            if part.get("alternative"):
                email.attach_alternative(content.decode(), part["mimetype"])
            else:
                email.attach(part["filename"], content, part["mimetype"])
        email.send()


CHANNELS = {channel.code: channel for channel in (EmailChannel(),)}
