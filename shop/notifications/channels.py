"""How an outbox message reaches its recipient: email, and SMS (text messages to a Vietnamese phone number).

Another channel (Zalo OA, SMS) is a ``Channel`` subclass with its own ``code`` and a ``send(message)``
that raises on failure (the outbox then retries it), registered in ``CHANNELS``; senders queue for it
with ``outbox.queue(..., channel="zalo")`` and the recipient in that channel's terms (a phone number, a
Zalo user id). Rendering, the outbox row, retries and the admin page stay the same.
"""

import base64
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


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


class SmsChannel(Channel):
    """Text messages, through the provider named by ``OCOP_SMS_BACKEND`` (a class with ``send(phone, text)`` that
    raises on failure): the provider boundary. The text is the row's ``body_text``; the subject is not sent."""

    code = "sms"

    def send(self, message):
        import_string(settings.OCOP_SMS_BACKEND)().send(message.recipient, message.body_text)


def sms_available():
    """Whether text messages can be sent: an SMS provider is configured (``OCOP_SMS_BACKEND``)."""
    return bool(settings.OCOP_SMS_BACKEND)


class RecordingSmsBackend:
    """Development and tests: sends nothing. The outbox row keeps the text (tests read codes from it), and the
    log says a message would have gone."""

    def send(self, phone, text):
        logger.info("SMS not sent (recording backend) to %s", phone)


CHANNELS = {channel.code: channel for channel in (EmailChannel(), SmsChannel())}
