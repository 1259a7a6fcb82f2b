"""What is for sale: the one rule, and what a product card needs.

The rule (its query form ``for_sale`` and its Python form ``sale_blockers`` / ``is_for_sale``, kept side
by side like ``OcopCertificate.backs_mark_on``): on a given day a product may be sold — listed, shown,
put in a basket, ordered — when

1. the provincial OCOP office approved it (``review_status`` approved, ``is_public``: only
   ``catalogue/ocop/workflow.py`` sets them) and it is not a variant (the portal makes standalone
   products only);
2. its producer (the partner of its first stock record) is verified;
3. a certificate approved by a reviewer, not revoked, backs the OCOP mark that day (decision date ≤ day ≤
   expiry), or an administrator explicitly decided to keep it on sale without one until a date on or
   after that day (``Product.kept_on_sale_until``: it then sells without the mark or stars).

The day is today unless said otherwise, so a certificate that expires takes the product off sale at once,
before any job runs. Every door uses this module: the product page, the partner strategy (basket,
checkout, order placement), search (the index stores ``for_sale_until`` and is filtered by today's date),
the sitemap, choosers, home blocks, wish lists, alerts and recently viewed products.
"""

import datetime

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalogue import sales
from catalogue.programme.review import ReviewStatus

Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
OcopCertificate = get_model("catalogue", "OcopCertificate")


def for_sale(products=None, today=None):
    """The query form of the rule: the products (default: all) that may be sold on ``today``."""
    today = today or timezone.localdate()
    products = Product.objects.all() if products is None else products
    backed = OcopCertificate.objects.backing_mark_on(today).filter(product=OuterRef("pk"))
    producer_status = (
        StockRecord.objects.filter(product=OuterRef("pk")).order_by("pk").values("partner__verification_status")[:1]
    )
    return (
        products.filter(is_public=True, review_status=ReviewStatus.APPROVED, parent__isnull=True)
        .annotate(producer_status=Subquery(producer_status))
        .filter(producer_status=Partner.Verification.VERIFIED)
        .filter(Exists(backed) | Q(kept_on_sale_until__gte=today))
    )


def sale_blockers(product, today=None):
    """The Python form of the rule: why the product may not be sold on ``today`` (messages in the
    active language), empty when it may. For a product with certificates and stock records prefetched
    it makes no query."""
    today = today or timezone.localdate()
    blockers = []
    if not (product.is_public and product.review_status == ReviewStatus.APPROVED) or product.parent_id:
        blockers.append(
            _("chưa được ban quản lý OCOP duyệt mở bán (trạng thái: %(status)s)")
            % {"status": product.get_review_status_display()}
        )
    producer = product.producer
    if producer is None or not producer.is_verified:
        blockers.append(_("chủ thể sản xuất chưa được xác minh"))
    if product.current_certificate(today=today) is None and not product.kept_on_sale_on(today):
        blockers.append(_("không có giấy chứng nhận OCOP còn hiệu lực"))
    return blockers


def is_for_sale(product, today=None):
    return not sale_blockers(product, today)


def for_sale_until(product, today=None):
    """The last day of the product's time on sale that includes ``today``, or None when it is not for
    sale today: the date the search index filters on (certificates and a decision to keep it on sale
    may follow each other without a gap)."""
    today = today or timezone.localdate()
    if not is_for_sale(product, today):
        return None
    periods = [
        (c.decision_date, c.expires_on)
        for c in product.ocop_certificates.all()
        if c.review == OcopCertificate.Review.APPROVED and c.revoked_at is None
    ]
    if product.kept_on_sale_until is not None:
        periods.append((datetime.date.min, product.kept_on_sale_until))
    last = today - datetime.timedelta(days=1)
    extended = True
    while extended:
        extended = False
        for start, end in periods:
            if start <= last + datetime.timedelta(days=1) and end > last:
                last, extended = end, True
    return last


def public_producers(today=None):
    """Producers the public may see: verified, with at least one product for sale."""
    selling = for_sale(today=today).filter(stockrecords__partner=OuterRef("pk"))
    return Partner.objects.filter(verification_status=Partner.Verification.VERIFIED).filter(Exists(selling))


def product_cards():
    """Products for sale, prefetched for cards: price, stock, image, OCOP mark, producer, and annotated with the
    units sold (``units_sold``, ``catalogue.sales``) and the approved reviews (``approved_reviews``; the average is
    Oscar's ``rating``, kept over approved reviews) — four queries however many products a page shows.

    Not Oscar's ``base_queryset()``: it also prefetches the children and both option lists, which a card never
    reads (``has_options`` comes from its annotations, and ``Product.options`` queries anew whatever was
    prefetched) — three queries more on every list, shelf and search page.
    """
    StockRecord = get_model("partner", "StockRecord")
    Option = get_model("catalogue", "Option")
    ProductReview = get_model("reviews", "ProductReview")
    approved_reviews = (
        ProductReview.objects.filter(product=OuterRef("pk"), status=ProductReview.APPROVED)
        .order_by()
        .values("product")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        for_sale()
        .select_related("product_class")
        .annotate(
            has_product_class_options=Exists(Option.objects.filter(productclass=OuterRef("product_class"))),
            has_product_options=Exists(Option.objects.filter(product=OuterRef("pk"))),
            units_sold=sales.units_sold(),
            approved_reviews=Coalesce(Subquery(approved_reviews), 0),
        )
        .prefetch_related(
            Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner")),
            "images",
            "ocop_certificates",
        )
    )
