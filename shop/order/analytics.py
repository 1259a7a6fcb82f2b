"""Oscar's purchase counters (``analytics.ProductRecord.num_purchases``), kept in one statement per order:
Oscar's ``receive_order_placed`` updates one product at a time, which made placing an order cost more queries
the more lines it had. The order's placement (``shop.order.utils.OrderCreator``) calls ``record_purchases`` in its
transaction with the lines it has just written; ``OrderConfig.ready`` swaps Oscar's receiver for
``receive_order_placed``, which keeps Oscar's user counters."""

from collections import Counter

from oscar.apps.analytics import receivers as oscar_analytics
from oscar.core.loading import get_model

from catalogue.analytics import add_counts

ProductRecord = get_model("analytics", "ProductRecord")


def receive_order_placed(sender, order, user, **kwargs):
    if kwargs.get("raw", False):
        return
    if user and user.is_authenticated:
        oscar_analytics._record_user_order(user, order)


def record_purchases(lines):
    """Add the units of these order lines to their products' purchase counters (``add_counts``: one statement,
    rows in product order)."""
    bought = Counter()
    for line in lines:
        if line.product_id is not None:
            bought[line.product_id] += line.quantity
    add_counts(ProductRecord, "product", {"num_purchases": bought})
