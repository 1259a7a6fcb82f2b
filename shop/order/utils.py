"""Oscar's order placement, plus what a marketplace of producers needs once an order exists.

Checkout (``checkout.mixins``) and ``oscar.test.factories.create_order`` both load
``order.utils.OrderCreator`` through ``get_class``, so every order goes through ``place_order`` here:
after Oscar has written the order and allocated stock, each producer with lines in it is told about
its own lines (``shop.order.fulfilment.order_placed``) and the ordered products' listings are
refreshed (their reserved stock and popularity changed).
"""
from oscar.apps.order.utils import OrderCreator as CoreOrderCreator
from oscar.apps.order.utils import OrderDispatcher, OrderNumberGenerator  # noqa: F401 — get_class finds them here


class OrderCreator(CoreOrderCreator):
    def place_order(self, *args, **kwargs):
        order = super().place_order(*args, **kwargs)
        from shop.order import fulfilment
        from shop.search.indexing import product_changed

        fulfilment.order_placed(order)
        product_changed(*order.lines.exclude(product=None).values_list("product_id", flat=True))
        return order
