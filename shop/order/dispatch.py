"""Oscar's order emails (``OrderDispatcher``), sent through the outbox, and what the buyer's order confirmation
shows (``confirmation_context``). Oscar finds the dispatcher as ``order.utils.OrderDispatcher``
(``shop.order.utils`` imports it); our own code — ``fulfilment.notify_customer`` — imports it from here, below
both placement and fulfilment."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from oscar.apps.order.utils import OrderDispatcher as CoreOrderDispatcher


class OrderDispatcher(CoreOrderDispatcher):
    """Oscar's order emails, queued in the outbox (``shop.notifications``) with the order they are about."""

    def __init__(self, logger=None, mail_connection=None):
        from shop.notifications.outbox import OutboxDispatcher

        self.dispatcher = OutboxDispatcher(logger=logger, mail_connection=mail_connection)

    def dispatch_order_messages(self, order, messages, event_code, attachments=None, **kwargs):
        connection = self.dispatcher.mail_connection
        if getattr(connection, "about", False) is None:
            connection.event_code, connection.about = event_code, order
        return super().dispatch_order_messages(order, messages, event_code, attachments=attachments, **kwargs)

    def send_order_placed_email_for_user(self, order, extra_context, attachments=None):
        """The confirmation in the language the buyer ordered in."""
        with translation.override(order.language_code or settings.LANGUAGE_CODE):
            return super().send_order_placed_email_for_user(order, extra_context, attachments=attachments)


def follow_path(order):
    """Where the buyer follows the order, in the order's language: the account's order page for a signed-in
    buyer, the order lookup (number filled in; the buyer adds the email) for a guest."""
    with translation.override(order.language_code or settings.LANGUAGE_CODE):
        if order.user_id:
            return reverse("customer:order", kwargs={"order_number": order.number})
        return f"{reverse('order-lookup')}?{urlencode({'number': order.number})}"


def absolute_url(path, base_url=""):
    """``path`` on the site the buyer used (``base_url``, taken from the request that placed the order), else on
    ``SITE_URL``."""
    return (base_url or settings.WAGTAILADMIN_BASE_URL).rstrip("/") + path


def confirmation_context(order, base_url=""):
    """What the order confirmation (``commtype_order_placed_*``) shows besides the order: the shop's name, the
    absolute link to follow the order (also as Oscar's ``status_url``, never Django's ``example.com`` Site),
    the payment and, for a bank transfer waiting for the money, the provider's transfer details — the same
    ``instructions_context`` as the thank-you page."""
    from payments import states
    from shop.core.addresses import delivery_address

    path = follow_path(order)
    url = absolute_url(path, base_url)
    payment = states.payment_for_order(order)
    instructions = {}
    if payment is not None and payment.status == payment.Status.PENDING and payment.provider is not None:
        instructions = payment.provider.instructions_context(payment)
    return {
        "site_name": settings.OSCAR_SHOP_NAME,
        "follow_url": url,
        "status_path": path,
        "status_url": url,
        "payment": payment,
        "instructions": instructions,
        "delivery_address": delivery_address(order.shipping_address),
    }
