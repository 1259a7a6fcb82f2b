"""Oscar's account emails (password reset and changed, email changed, Oscar's registration), queued in the
outbox (``shop.notifications``) instead of sent inside the request. Oscar's class loader looks here first
for "customer.utils"; what is not defined here is Oscar's."""

from oscar.apps.customer import utils as oscar_utils

from shop.notifications.outbox import OutboxDispatcher


class CustomerDispatcher(oscar_utils.CustomerDispatcher):
    def __init__(self, logger=None, mail_connection=None):
        self.dispatcher = OutboxDispatcher(logger=logger, mail_connection=mail_connection)
