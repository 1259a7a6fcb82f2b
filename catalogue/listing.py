"""What the storefront lists, and with what a product card needs.

The listing rule, in one place (its query form ``listable`` and its Python form ``is_listable``, kept
side by side like ``OcopCertificate.backs_mark_on``): a product is listed when it is public (approved
through the OCOP workflow), its producer is verified, and either a certificate backs the OCOP mark
today or an administrator explicitly decided to keep it on sale without the mark (revoking its
certificate with "keep on sale", recorded in the review log). A product whose certificate merely
expired is therefore not listed until it is re-certified or an administrator decides.
"""
from django.db.models import Exists, OuterRef
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.models import ReviewStatus

Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
OcopCertificate = get_model("catalogue", "OcopCertificate")
ReviewLogEntry = get_model("catalogue", "ReviewLogEntry")

KEPT_ON_SALE_ACTION = "revoke_certificate"  # with to_status approved: "sell it as a plain local product"


def _kept_on_sale_entries():
    return ReviewLogEntry.objects.filter(action=KEPT_ON_SALE_ACTION, to_status=ReviewStatus.APPROVED)


def listable(products=None, today=None):
    """The query form of the listing rule."""
    today = today or timezone.localdate()
    products = Product.objects.browsable() if products is None else products
    backed = OcopCertificate.objects.backing_mark_on(today).filter(product=OuterRef("pk"))
    kept = _kept_on_sale_entries().filter(product=OuterRef("pk"))
    verified = StockRecord.objects.filter(product=OuterRef("pk"),
                                          partner__verification_status=Partner.Verification.VERIFIED)
    return products.filter(Exists(verified)).filter(Exists(backed) | Exists(kept))


def is_listable(product, today=None):
    """The Python form of the listing rule, for a product with certificates and stock records
    prefetched (one more query only for a product without a certificate backing the mark)."""
    today = today or timezone.localdate()
    producer = product.producer
    if not (product.is_public and producer is not None and producer.is_verified):
        return False
    if product.current_certificate(today=today) is not None:
        return True
    return _kept_on_sale_entries().filter(product=product).exists()


def product_cards():
    """Listable products, prefetched for cards: price, stock, image, OCOP mark, producer.

    The number of queries stays fixed however many products a page shows.
    """
    return (
        listable()
        .base_queryset()
        .prefetch_related("ocop_certificates", "stockrecords__partner")
    )
