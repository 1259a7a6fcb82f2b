"""Oscar's order placement, plus what a marketplace of producers needs once an order exists.

Checkout (``checkout.mixins``) and ``oscar.test.factories.create_order`` both load
``order.utils.OrderCreator`` through ``get_class``, so every order goes through ``place_order`` here:

- stock is locked and checked line by line inside Oscar's placement transaction, so two buyers can
  never both take the last unit (``OutOfStock`` rolls the whole order back);
- the buyer's language is kept on the order (emails are written in it);
- after Oscar has written the order, each producer with lines in it is told about its own lines
  (``shop.order.fulfilment.order_placed``) and the ordered products' listings are refreshed (their
  reserved stock and popularity changed).
"""
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.apps.order.utils import OrderCreator as CoreOrderCreator
from oscar.apps.order.utils import OrderDispatcher, OrderNumberGenerator  # noqa: F401 — get_class finds them here
from oscar.core.loading import get_model

StockRecord = get_model("partner", "StockRecord")


class OutOfStock(UnableToPlaceOrder):
    """A line asks for more than is left. The message is for the buyer; their basket is kept."""

    def __init__(self, title, available):
        if available > 0:
            message = _("Rất tiếc, “%(title)s” chỉ còn %(n)s sản phẩm. Giỏ hàng của bạn vẫn được giữ nguyên: "
                        "hãy giảm số lượng rồi đặt hàng lại.") % {"title": title, "n": available}
        else:
            message = _("Rất tiếc, “%(title)s” vừa hết hàng. Giỏ hàng của bạn vẫn được giữ nguyên: "
                        "hãy bỏ sản phẩm này rồi đặt hàng lại.") % {"title": title}
        super().__init__(message)
        self.title = title
        self.available = available


class OrderCreator(CoreOrderCreator):
    def place_order(self, *args, **kwargs):
        from shop.order import fulfilment
        from shop.search.indexing import product_changed
        try:  # INTEGRATION-TEMP: helper B is writing shop.shipping.parcels
            from shop.shipping.parcels import record_parcels
        except ImportError:
            def record_parcels(order):
                return None

        with transaction.atomic():
            order = super().place_order(*args, **kwargs)
            record_parcels(order)
        fulfilment.order_placed(order)
        product_changed(*order.lines.exclude(product=None).values_list("product_id", flat=True))
        return order

    def create_order_model(self, *args, **extra_order_fields):
        if hasattr(get_model("order", "Order"), "language_code"):  # INTEGRATION-TEMP: helper A adds the field
            extra_order_fields.setdefault("language_code", translation.get_language() or "")
        return super().create_order_model(*args, **extra_order_fields)

    def update_stock_records(self, line):
        """Reserve the line's quantity, or refuse when less is left. Oscar calls this inside its
        placement transaction, for the lines in stock-record order (so concurrent buyers take the
        row locks in the same order and cannot deadlock)."""
        if not line.product.get_product_class().track_stock or line.stockrecord_id is None:
            return
        record = StockRecord.objects.select_for_update().get(pk=line.stockrecord_id)
        available = max((record.num_in_stock or 0) - (record.num_allocated or 0), 0)
        if line.quantity > available:
            raise OutOfStock(line.product.get_title(), available)
        record.allocate(line.quantity)
