"""What a customer's own pages show of a product — wish lists, stock alerts, recently viewed products —
under the sale rule (``catalogue.listing``): a product that is not for sale is not added to anything, and
where a wish-list line or an alert already names it, the page shows a placeholder instead of its title,
picture or link."""

from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalogue import listing

Product = get_model("catalogue", "Product")

NOT_FOR_SALE = _("Sản phẩm này hiện không được bán")
NOT_ADDED_TO_WISHLIST = _("Sản phẩm này hiện không được bán trên sàn nên không thể thêm vào danh sách yêu thích.")


def product_for_sale(pk):
    """The product for sale with this id, or None: the same answer for a product not for sale and for no
    product at all, so an id tells nothing."""
    return listing.for_sale(Product.objects.filter(pk=pk)).first()


def for_sale_ids(product_ids):
    """The ids among ``product_ids`` of products for sale (one query)."""
    ids = {pk for pk in product_ids if pk is not None}
    if not ids:
        return set()
    return set(listing.for_sale(Product.objects.filter(pk__in=ids)).values_list("pk", flat=True))


def mark_for_sale(items):
    """Sets ``product_for_sale`` on wish-list lines or alerts (anything with a ``product_id``) with one
    query for all of them; returns them as a list."""
    items = list(items)
    selling = for_sale_ids(item.product_id for item in items)
    for item in items:
        item.product_for_sale = item.product_id in selling
    return items


def shown_title(line):
    """The title a page or message gives a wish-list line: the placeholder when its product is not for sale."""
    if not hasattr(line, "product_for_sale"):
        mark_for_sale([line])
    return line.get_title() if line.product_for_sale else str(NOT_FOR_SALE)
