"""Oscar's stock-alert emails and notifications, sent only for products for sale (``catalogue.listing``): a
product back in stock but not for sale (a draft, suspended, its producer unverified, no valid certificate)
sends nothing, and its alerts stay active until it is for sale and in stock again.

Oscar's class loader looks here first for "customer.alerts.utils" (the stock-record receiver and
``oscar_send_alerts`` both use ``AlertsDispatcher``).
"""

from oscar.apps.customer.alerts import utils

from catalogue import listing
from shop.notifications.outbox import OutboxDispatcher

ProductAlert = utils.ProductAlert


class AlertsDispatcher(utils.AlertsDispatcher):
    def __init__(self, logger=None, mail_connection=None):
        # Queued in the outbox (shop.notifications), delivered after commit.
        self.dispatcher = OutboxDispatcher(logger=logger or utils.alerts_logger, mail_connection=mail_connection)

    def get_queryset(self):
        return listing.for_sale(super().get_queryset())

    def send_product_alert_email_for_user(self, product):
        # Every stock-record save comes here: with no active alert (the usual case) one query, and done.
        alerts = ProductAlert.objects.filter(product_id__in=(product.id, product.parent_id), status=ProductAlert.ACTIVE)
        if not alerts.exists():
            return
        if not listing.is_for_sale(product):
            self.dispatcher.logger.info("No alerts sent for product %s: it is not for sale", product.pk)
            return
        super().send_product_alert_email_for_user(product)

    def send_product_alert_confirmation_email_for_user(self, alert, extra_context=None):
        if not listing.is_for_sale(alert.product):
            return
        super().send_product_alert_confirmation_email_for_user(alert, extra_context)
