"""Tell a producer what happened to its products: an email in Vietnamese and a
notification in its dashboard inbox, through Oscar's communication app.

Templates: oscar/communication/emails/commtype_<event>_{subject.txt,body.txt,body.html}
in the theme, with the context documented on ``notify_producer``.
"""
import contextlib
import threading

from django.conf import settings
from django.db import transaction
from django.utils import translation
from oscar.core.loading import get_class, get_model

CommunicationEventType = get_model("communication", "CommunicationEventType")
Dispatcher = get_class("communication.utils", "Dispatcher")

# Event codes (each has its templates).
PRODUCT_REVIEWED = "OCOP_REVIEW"
CERTIFICATE_EXPIRING = "OCOP_CERTIFICATE_EXPIRING"
CERTIFICATE_EXPIRED = "OCOP_CERTIFICATE_EXPIRED"
PRODUCER_VERIFICATION = "OCOP_PRODUCER_VERIFICATION"


_state = threading.local()


@contextlib.contextmanager
def paused():
    """Send nothing inside this block: for bulk imports whose producers are told otherwise."""
    previous = getattr(_state, "paused", False)
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = previous


def is_paused():
    """Whether notifications are paused (see ``paused``): other senders follow the same switch."""
    return getattr(_state, "paused", False)


def producer_recipients(producer):
    """The producer's own address and those of its users, without duplicates."""
    emails = [producer.email] + [user.email for user in producer.users.filter(is_active=True)]
    return list(dict.fromkeys(email for email in emails if email))


def notify_producer(producer, event_code, context):
    """Email and inbox notification after the current transaction commits.

    ``context`` is given to the templates together with ``producer`` and
    ``site_name``; the messages are rendered in Vietnamese whatever language
    the acting user browses in.
    """
    if is_paused():
        return
    context = {"producer": producer, "site_name": settings.OSCAR_SHOP_NAME, **context}

    def send():
        with translation.override(settings.LANGUAGE_CODE):
            messages = CommunicationEventType.objects.get_and_render(event_code, context)
        dispatcher = Dispatcher()
        for email in producer_recipients(producer):
            dispatcher.dispatch_direct_messages(email, messages)
        dispatcher.notify_users(producer.users.filter(is_active=True), messages["subject"],
                                body=messages["body"])

    transaction.on_commit(send)
