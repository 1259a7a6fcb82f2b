"""Announcing that something the storefront shows changed: the one door domain services call.

A service that changes a product (its text, price, stock, certificate, review) or a producer calls
``product_changed`` / ``producer_changed`` here, explicitly (ARCHITECTURE.md: explicit calls over signals).
This module tells, by explicit calls, whoever keeps a copy of what was shown: the search index
(``shop.search.indexing``: marks in the caller's transaction, reindex once it commits) and the storefront's
page cache (``shop.core.page_cache``). Neither of them announces changes; the catalogue, orders and
partners never import them for this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from oscar.core.loading import get_model

from shop.core import page_cache
from shop.search import indexing

if TYPE_CHECKING:
    from shop.partner.models import Partner

Product = get_model("catalogue", "Product")


def product_changed(*product_ids: int, pages: bool = True) -> None:
    """These products changed: their search documents follow once the caller's transaction commits, and the
    storefront's cached pages are dropped — unless the caller says the change shows on no page
    (``pages=False``, e.g. a sale that only moves popularity)."""
    if product_ids and pages:
        page_cache.content_changed()
    indexing.mark_changed(product_ids, stories=pages)


def producer_changed(producer: Partner) -> None:
    """The producer's name, place or verification changed: its story page and all its products follow."""
    page_cache.content_changed()  # its story page shows it even when it has no product yet
    product_ids = Product.objects.filter(stockrecords__partner=producer).values_list("pk", flat=True)
    product_changed(*product_ids)
