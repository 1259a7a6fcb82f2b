"""Approved products that no certificate backs today: the administrators' list of what to decide.

An approved product whose certificates have all expired or been revoked leaves the shop the same day
(``catalogue.listing``) unless an administrator decided to keep it on sale as a plain local product
(``Product.kept_on_sale_until``, set by ``catalogue.ocop.workflow.keep_on_sale``). This module says which
products are in that situation, in two groups — kept on sale by a decision, and off sale since their
certificate ended — with when and how the certificate ended. The dashboard page
(``shop/dashboard/review/views/uncertified.py``) shows it; the decisions themselves are the workflow's.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.programme.review import ReviewStatus

Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")

EXPIRED, REVOKED, NEVER = "expired", "revoked", "never"


def approved_without_certificate(today=None):
    """Approved products (not variants) with no certificate backing the OCOP mark on ``today``:
    the one query of this situation, whatever is decided about them."""
    today = today or timezone.localdate()
    backed = OcopCertificate.objects.backing_mark_on(today).filter(product=OuterRef("pk"))
    return Product.objects.filter(review_status=ReviewStatus.APPROVED, parent__isnull=True).exclude(Exists(backed))


@dataclass
class UncertifiedProduct:
    """One product of the list, with how its mark ended."""

    product: object
    certificate: object  # the approved certificate that ended last, or None
    ended_on: datetime.date | None  # the last day it backed the mark (expiry), or the revocation day
    how: str  # EXPIRED, REVOKED or NEVER (no approved certificate that ever took effect)
    kept: bool  # an administrator's decision keeps it on sale today

    @property
    def producer(self):
        return self.product.producer


@dataclass
class UncertifiedReport:
    today: datetime.date
    kept: list  # UncertifiedProduct kept on sale by a decision, the decision ending soonest first
    off_sale: list  # UncertifiedProduct off sale, the mark lost most recently first

    @property
    def total(self):
        return len(self.kept) + len(self.off_sale)


def _how_it_ended(product, today):
    """(certificate, last day, how) of the approved certificate whose backing ended last before ``today``."""
    ends = []
    for certificate in product.ocop_certificates.all():
        if certificate.review != OcopCertificate.Review.APPROVED or certificate.decision_date > today:
            continue
        if certificate.revoked_at is not None:
            revoked_on = timezone.localdate(certificate.revoked_at)
            if revoked_on <= certificate.expires_on:
                ends.append((revoked_on, REVOKED, certificate))
                continue
        ends.append((certificate.expires_on, EXPIRED, certificate))
    if not ends:
        return None, None, NEVER
    ended_on, how, certificate = max(ends, key=lambda end: (end[0], end[2].pk))
    return certificate, ended_on, how


def uncertified_products(today=None, scope=None):
    """The report of approved products without a certificate backing the mark on ``today``, in two
    groups, in a fixed number of queries. ``scope``: narrows the products (an office's provinces)."""
    today = today or timezone.localdate()
    products = approved_without_certificate(today)
    if scope is not None:
        products = scope(products)
    products = products.select_related("kept_on_sale_by").prefetch_related("ocop_certificates", "stockrecords__partner")
    kept, off_sale = [], []
    for product in products:
        certificate, ended_on, how = _how_it_ended(product, today)
        entry = UncertifiedProduct(
            product=product, certificate=certificate, ended_on=ended_on, how=how, kept=product.kept_on_sale_on(today)
        )
        (kept if entry.kept else off_sale).append(entry)
    kept.sort(key=lambda e: (e.product.kept_on_sale_until, e.product.pk))
    off_sale.sort(key=lambda e: (e.ended_on or datetime.date.min, e.product.pk), reverse=True)
    return UncertifiedReport(today=today, kept=kept, off_sale=off_sale)
