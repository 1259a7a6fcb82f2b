"""Oscar's purchase counters (``analytics.ProductRecord.num_purchases``), kept in one statement per order:
Oscar's ``receive_order_placed`` updates one product at a time, which made placing an order cost more queries
the more lines it had. The order's placement (``shop.order.utils.OrderCreator``) calls ``record_purchases`` in its
transaction with the lines it has just written; ``OrderConfig.ready`` swaps Oscar's receiver for
``receive_order_placed``, which keeps Oscar's user counters."""

from collections import Counter

from django.db import connection
from oscar.apps.analytics import receivers as oscar_analytics
from oscar.core.loading import get_model

ProductRecord = get_model("analytics", "ProductRecord")
COUNTERS = ("num_views", "num_basket_additions", "num_purchases", "score")  # a new record's start at 0


def receive_order_placed(sender, order, user, **kwargs):
    if kwargs.get("raw", False):
        return
    if user and user.is_authenticated:
        oscar_analytics._record_user_order(user, order)


def record_purchases(lines):
    """Add the units of these order lines to their products' purchase counters, creating the counters a product
    sold for the first time lacks: one insert-or-add statement (the ORM's upsert can only overwrite a count). Rows
    are written in product order, so two placements cannot deadlock on each other's counters."""
    bought = Counter()
    for line in lines:
        if line.product_id is not None:
            bought[line.product_id] += line.quantity
    if not bought:
        return
    quote = connection.ops.quote_name
    table = quote(ProductRecord._meta.db_table)
    column = {name: quote(ProductRecord._meta.get_field(name).column) for name in ("product", *COUNTERS)}
    columns = ", ".join(column.values())
    row = "(%s, " + ", ".join("%s" if name == "num_purchases" else "0" for name in COUNTERS) + ")"
    product, purchases = column["product"], column["num_purchases"]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({columns}) VALUES {', '.join([row] * len(bought))} "
            f"ON CONFLICT ({product}) DO UPDATE SET {purchases} = {table}.{purchases} + EXCLUDED.{purchases}",
            [value for product_id in sorted(bought) for value in (product_id, bought[product_id])],
        )
