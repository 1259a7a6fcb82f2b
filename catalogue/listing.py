"""The product querysets the storefront lists, with what a product card needs."""
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")


def product_cards():
    """Browsable products, prefetched for cards: price, stock, image, OCOP mark, producer.

    The number of queries stays fixed however many products a page shows.
    """
    return (
        Product.objects.browsable()
        .base_queryset()
        .prefetch_related("ocop_certificates", "stockrecords__partner")
    )
