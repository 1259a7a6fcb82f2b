"""Oscar's order placement, plus what a marketplace of producers needs once an order exists.

Checkout (``checkout.mixins``) and ``oscar.test.factories.create_order`` both load
``order.utils.OrderCreator`` through ``get_class``, so every order goes through ``place_order`` here:

- stock is locked and checked line by line inside Oscar's placement transaction, so two buyers can
  never both take the last unit (``OutOfStock`` rolls the whole order back);
- the buyer's language is kept on the order (emails are written in it);
- after Oscar has written the order, each producer with lines in it is told about its own lines
  (``shop.order.fulfilment.order_placed``), a line taking most of a product's stock is reported
  (``shop.order.stock_share``), and the ordered products' listings are refreshed (their
  reserved stock and popularity changed).
"""

from django.conf import settings
from django.db import transaction
from django.db.models import F, prefetch_related_objects
from django.utils import translation
from django.utils.translation import gettext as _
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.apps.order.utils import OrderCreator as CoreOrderCreator
from oscar.core.loading import get_model

from shop.order.dispatch import OrderDispatcher  # noqa: F401 — get_class("order.utils", …) finds it here

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
StockAlert = get_model("partner", "StockAlert")
Line = get_model("order", "Line")
LinePrice = get_model("order", "LinePrice")
LineAttribute = get_model("order", "LineAttribute")


def _add(instance, **amounts):
    """Add to counter columns of ``instance``'s row in one UPDATE (no read before, so nothing to lose)."""
    type(instance).objects.filter(pk=instance.pk).update(
        **{field: F(field) + value for field, value in amounts.items()}
    )


class OutOfStock(UnableToPlaceOrder):
    """A line asks for more than is left. The message is for the buyer; their basket is kept."""

    def __init__(self, title, available):
        if available > 0:
            message = _(
                "Rất tiếc, “%(title)s” chỉ còn %(n)s sản phẩm. Giỏ hàng của bạn vẫn được giữ nguyên: "
                "hãy giảm số lượng rồi đặt hàng lại."
            ) % {"title": title, "n": available}
        else:
            message = _(
                "Rất tiếc, “%(title)s” vừa hết hàng. Giỏ hàng của bạn vẫn được giữ nguyên: "
                "hãy bỏ sản phẩm này rồi đặt hàng lại."
            ) % {"title": title}
        super().__init__(message)
        self.title = title
        self.available = available


class NotForSale(UnableToPlaceOrder):
    """A line's product stopped being for sale (``catalogue.listing``) between the basket and the order. The
    message is for the buyer; the whole order is rolled back and their basket kept."""

    def __init__(self, titles):
        super().__init__(
            _(
                "Rất tiếc, %(titles)s hiện không còn được bán trên sàn. Giỏ hàng của bạn vẫn được giữ "
                "nguyên: hãy bỏ sản phẩm này rồi đặt hàng lại."
            )
            % {"titles": ", ".join(f"“{title}”" for title in titles)}
        )
        self.titles = titles


class PricesChanged(UnableToPlaceOrder):
    """A producer changed a line's price while the order was being placed (after the checkout compared the
    buyer's confirmed quote). Nothing is placed; the basket is kept and shows the new price."""

    def __init__(self, titles):
        super().__init__(
            _("Giá của %(titles)s vừa thay đổi. Đơn hàng chưa được đặt; hãy xem lại giá mới rồi đặt hàng lại.")
            % {"titles": ", ".join(f"“{title}”" for title in titles)}
        )
        self.titles = titles


class OrderCreator(CoreOrderCreator):
    """Oscar's placement, with the lines, their prices and attributes written in bulk and the stock
    locked, checked and reserved in one statement each: placing an order costs the same number of
    queries for one line as for ten."""

    def place_order(self, basket, *args, **kwargs):
        from shop.core import changes
        from shop.order import analytics, stock_share
        from shop.shipping.parcels import record_parcels

        self._pending_lines = []
        self._usage = []  # ("discount", application) or ("voucher", (order, voucher, user)): see _record_usage
        self._stock_reserved = False
        self._available_before = {}  # stock record id → units it had to sell before this order (stock_share)
        self._sold_out = []  # stock records this order sold out: cached pages that offer them must go
        # What the line models need, fetched once for all lines instead of once per line.
        prefetch_related_objects(
            list(basket.all_lines()),
            "stockrecord__partner",
            "product__product_class",
            "product__parent__product_class",
            "attributes__option",
        )
        with transaction.atomic():
            self._check_for_sale(basket)
            order = super().place_order(basket, *args, **kwargs)
            lines = [line for line, _basket_line in self._pending_lines]
            record_parcels(order, lines=lines, new=True)
            analytics.record_purchases(lines)
            self._record_usage()
        stock_share.order_placed(order, lines, self._available_before)
        bought = {line.product_id for line in lines if line.product_id}
        changes.product_changed(*bought, pages=bool(self._sold_out))
        return order

    def record_discount(self, discount):
        self._usage.append(("discount", discount))

    def record_voucher_usage(self, order, voucher, user):
        self._usage.append(("voucher", (order, voucher, user)))

    def _record_usage(self):
        """Oscar's usage counters of the offers and vouchers, written last in the placement transaction and added
        in the database. Oscar writes them first, by saving the whole offer with counts read before the
        transaction: every order under a campaign updates that campaign's one row, so concurrent buyers of
        different products waited for each other's whole placement on its lock, and two of them could both write
        the same count (one order lost from the campaign's figures)."""
        # Rows locked in one order (offers, then vouchers, each by id), so two placements cannot deadlock.
        discounts = sorted((usage for kind, usage in self._usage if kind == "discount"), key=lambda d: d["offer"].pk)
        for discount in discounts:
            offer = discount["offer"]
            _add(offer, num_applications=discount["freq"], total_discount=discount["discount"], num_orders=1)
            if offer.max_global_applications or offer.max_discount:
                offer.refresh_from_db()
                offer.save()  # Oscar's save marks an offer whose limit is reached consumed
        voucher_amounts = {}  # voucher → (discount given, orders)
        for discount in discounts:
            if discount.get("voucher"):
                given, orders = voucher_amounts.get(discount["voucher"], (0, 0))
                voucher_amounts[discount["voucher"]] = (given + discount["discount"], orders)
        for kind, usage in self._usage:
            if kind == "voucher":
                order, voucher, user = usage
                voucher.applications.create(order=order, user=user if user and user.is_authenticated else None)
                given, orders = voucher_amounts.get(voucher, (0, 0))
                voucher_amounts[voucher] = (given, orders + 1)
        for voucher, (given, orders) in sorted(voucher_amounts.items(), key=lambda item: item[0].pk):
            _add(voucher, total_discount=given, num_orders=orders)

    def _check_for_sale(self, basket):
        """The one rule of what is for sale, once more inside the placement transaction (one query for all
        lines): a product approved a second ago and suspended since, or whose certificate expired at
        midnight, is refused here even if the checkout's earlier checks passed."""
        from catalogue.listing import for_sale

        lines = list(basket.all_lines())
        selling = set(
            for_sale(Product.objects.filter(pk__in={line.product_id for line in lines})).values_list("pk", flat=True)
        )
        refused = [
            line.product.get_title()
            for line in lines
            if line.product_id not in selling or line.stockrecord is None or not line.stockrecord.partner.is_verified
        ]
        if refused:
            raise NotForSale(list(dict.fromkeys(refused)))

    def create_order_model(self, *args, **extra_order_fields):
        extra_order_fields.setdefault("language_code", translation.get_language() or "")
        return super().create_order_model(*args, **extra_order_fields)

    def create_line_models(self, order, basket_line, extra_line_fields=None):
        """Build the order line (saved with the others in ``_write_lines``)."""
        stockrecord = basket_line.stockrecord
        if not stockrecord:
            raise UnableToPlaceOrder("Basket line #%d has no stockrecord" % basket_line.id)
        product = basket_line.product
        line = Line(
            order=order,
            partner=stockrecord.partner,
            partner_name=stockrecord.partner.name,
            partner_sku=stockrecord.partner_sku,
            stockrecord=stockrecord,
            product=product,
            # The product's registered (Vietnamese) name, whatever language the buyer browsed in: the producer
            # packs, invoices and declares by it.
            title=product.title or product.get_title(),
            upc=product.upc,
            quantity=basket_line.quantity,
            line_price_excl_tax=basket_line.line_price_excl_tax_incl_discounts,
            line_price_incl_tax=basket_line.line_price_incl_tax_incl_discounts,
            line_price_before_discounts_excl_tax=basket_line.line_price_excl_tax,
            line_price_before_discounts_incl_tax=basket_line.line_price_incl_tax,
            unit_price_incl_tax=basket_line.unit_price_incl_tax,
            unit_price_excl_tax=basket_line.unit_price_excl_tax,
            tax_code=basket_line.tax_code,
            num_allocated=basket_line.quantity,
            status=settings.OSCAR_INITIAL_LINE_STATUS,
            **(extra_line_fields or {}),
        )
        self._pending_lines.append((line, basket_line))
        return line

    def _write_lines(self, order):
        Line.objects.bulk_create([line for line, _basket_line in self._pending_lines])
        prices, attributes = [], []
        for line, basket_line in self._pending_lines:
            for price_incl_tax, price_excl_tax, quantity in basket_line.get_price_breakdown():
                prices.append(
                    LinePrice(
                        order=order,
                        line=line,
                        quantity=quantity,
                        price_incl_tax=price_incl_tax,
                        price_excl_tax=price_excl_tax,
                        tax_code=basket_line.tax_code,
                    )
                )
            for attribute in basket_line.attributes.all():
                attributes.append(
                    LineAttribute(line=line, option=attribute.option, type=attribute.option.code, value=attribute.value)
                )
            if basket_line.discounts:
                self.create_line_discount_models(order, line, basket_line)
        LinePrice.objects.bulk_create(prices)
        LineAttribute.objects.bulk_create(attributes)

    def update_stock_records(self, line):
        """Oscar calls this once per line after creating them all: the first call writes the lines and
        reserves the stock of every line; the later calls have nothing left to do."""
        if self._stock_reserved:
            return
        self._stock_reserved = True
        order = self._pending_lines[0][0].order
        self._write_lines(order)
        self._reserve_stock()

    def _reserve_stock(self):
        """Lock the stock records (in id order, so concurrent buyers cannot deadlock), refuse when a
        line asks for more than is left or its price is no longer the one the buyer confirmed, and
        reserve all in one update. ``OutOfStock`` / ``PricesChanged`` roll the whole order back."""
        wanted, prices = {}, {}
        for line, basket_line in self._pending_lines:
            prices.setdefault(line.stockrecord_id, (line.unit_price_excl_tax, line.title))
            if line.product.get_product_class().track_stock:
                wanted[line.stockrecord_id] = wanted.get(line.stockrecord_id, 0) + line.quantity
        # Lock the stock rows only, not the products joined for their titles.
        records = list(
            StockRecord.objects.select_for_update(of=("self",))
            .filter(pk__in=prices)
            .order_by("pk")
            .select_related("product")
        )
        # The checkout compared the buyer's confirmed quote with prices read before these locks; a producer
        # who changed a price in between is caught here.
        changed = [title for record in records for price, title in [prices[record.pk]] if record.price != price]
        if changed:
            raise PricesChanged(changed)
        records = [record for record in records if record.pk in wanted]
        for record in records:
            available = max((record.num_in_stock or 0) - (record.num_allocated or 0), 0)
            self._available_before[record.pk] = available
            if wanted[record.pk] > available:
                raise OutOfStock(record.product.get_title(), available)
            record.num_allocated = (record.num_allocated or 0) + wanted[record.pk]
            if wanted[record.pk] == available:
                self._sold_out.append(record)
        if records:
            StockRecord.objects.bulk_update(records, ["num_allocated"])
            self._open_low_stock_alerts(records)

    def _open_low_stock_alerts(self, records):
        """What Oscar's ``update_stock_alerts`` receiver does on each stock record save (the bulk update
        sends no signals): open an alert for records now below their threshold."""
        low = [record for record in records if record.is_below_threshold]
        if not low:
            return
        already = set(
            StockAlert.objects.filter(stockrecord__in=low, status=StockAlert.OPEN).values_list(
                "stockrecord_id", flat=True
            )
        )
        StockAlert.objects.bulk_create(
            [
                StockAlert(stockrecord=record, threshold=record.low_stock_threshold)
                for record in low
                if record.pk not in already
            ]
        )
