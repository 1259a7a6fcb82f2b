"""Tell a producer what happened to its products: an email in Vietnamese (through the outbox,
``shop.notifications.outbox``) and a notification in its dashboard inbox (Oscar's communication app).

Templates: oscar/communication/emails/commtype_<event>_{subject.txt,body.txt,body.html}
in the theme, with the context documented on ``notify_producer``.
"""

from django.conf import settings
from oscar.core.loading import get_model

from shop.notifications import outbox
from shop.notifications.outbox import is_paused, paused  # noqa: F401 — the switch bulk imports use

Notification = get_model("communication", "Notification")

# Event codes (each has its templates).
PRODUCT_REVIEWED = "OCOP_REVIEW"
CERTIFICATE_EXPIRING = "OCOP_CERTIFICATE_EXPIRING"
CERTIFICATE_EXPIRED = "OCOP_CERTIFICATE_EXPIRED"
PRODUCER_VERIFICATION = "OCOP_PRODUCER_VERIFICATION"


def producer_recipients(producer):
    """The producer's own address and those of its users, without duplicates."""
    emails = [producer.email] + [user.email for user in producer.users.filter(is_active=True)]
    return list(dict.fromkeys(email for email in emails if email))


def notify_producer(producer, event_code, context):
    """Queue the email to each of the producer's addresses and write its inbox notifications, in the
    current transaction (the email goes out after commit, never failing the caller).

    ``context`` is given to the templates together with ``producer`` and
    ``site_name``; the messages are rendered in Vietnamese whatever language
    the acting user browses in.
    """
    if is_paused():
        return
    context = {"producer": producer, **context}
    messages = outbox.render(event_code, context, settings.LANGUAGE_CODE)
    for email in producer_recipients(producer):
        outbox.queue(email, event_code, messages, language=settings.LANGUAGE_CODE, about=producer)
    for user in producer.users.filter(is_active=True):
        Notification.objects.create(recipient=user, subject=messages["subject"], body=messages["body"])
