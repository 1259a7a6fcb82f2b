"""``EMAIL_BACKEND`` of the site: every email Django, Oscar or Wagtail send (``send_mail``, ``EmailMessage.send``,
Wagtail's moderation/workflow notifications, password resets) becomes outbox rows, written in the caller's
transaction and delivered after commit through ``OCOP_EMAIL_DELIVERY_BACKEND`` (``shop.notifications.outbox``)."""

from django.core.mail.backends.base import BaseEmailBackend

from shop.notifications.outbox import OutboxConnection


class OutboxBackend(BaseEmailBackend):
    """Queues each message (one row per recipient, attachments kept); returns how many rows were written."""

    def send_messages(self, email_messages):
        return OutboxConnection().send_messages(email_messages)
