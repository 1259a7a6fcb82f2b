"""Oscar's order emails (``OrderDispatcher``), sent through the outbox. Oscar finds it as
``order.utils.OrderDispatcher`` (``shop.order.utils`` imports it); our own code — ``fulfilment.notify_customer`` —
imports it from here, below both placement and fulfilment."""

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
