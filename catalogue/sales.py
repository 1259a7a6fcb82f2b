"""Units of a product sold: the lines that count as sales (``shop.core.order_statuses.sold_lines``: not cancelled
— a cancelled line's stock went back — and not refunded).

One definition for the "Đã bán N" count of product cards (``listing.product_cards``) and the search index's
popularity (the "best-selling" sort, ``shop.search.indexing``): an annotation, so a page of cards reads it in the
query that loads them.
"""

from django.db.models import OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from oscar.core.loading import get_model

from shop.core.order_statuses import sold_lines


def units_sold() -> Coalesce:
    """Units of the product (``OuterRef("pk")``) in order lines that count as sales, 0 when none."""
    Line = get_model("order", "Line")
    sold = (
        sold_lines(Line.objects.filter(product=OuterRef("pk")))
        .order_by()
        .values("product")
        .annotate(units=Sum("quantity"))
        .values("units")
    )
    return Coalesce(Subquery(sold), 0)
