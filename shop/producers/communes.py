"""Listing at scale, commune by commune: which certified OCOP products of a province are not on sale and why,
and assisted entry granted for several producers of a commune at once.

- "Certified" is a product with a certificate backing the OCOP mark today (``OcopCertificate.objects.
  backing_mark_on``: the registry's imports are approved certificates); "listed" is the one rule of what is for
  sale, ``catalogue.listing.for_sale``. A product's commune is its producer's (``Partner.ward_code``), its
  producer the partner of its first stock record, as in ``catalogue.listing``.
- ``why_not_listed`` is the one function saying why a product is not on sale, in the order the office would
  fix it: the producer (unclaimed stub, claim waiting for verification, not verified or suspended), the
  product's review, price and stock, the certificate (expiring, expired).
- ``grant_assisted_entry_for``: a commune official or post-office agent lists products for producers who cannot
  do it themselves (``shop.producers.team.grant_assisted_entry``, one grant per producer). A registry stub
  cannot act under ``shop.partner.access.ALLOWED`` — and that rule stays the only one — so granting assisted
  entry for a stub first verifies it on the registry's evidence (the office's own list, the office granting),
  through ``shop.producers.verification.verify_producer``. Its owner can no longer claim it then; the office
  adds the owner later if asked. All or nothing, in the granting officer's provinces only (``shop.users.offices``).

Every page built on this stays at a fixed number of queries however many communes and products it shows.
"""

from __future__ import annotations

import dataclasses

from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalogue import listing
from catalogue.programme import rules
from catalogue.programme.review import ReviewStatus
from shop.core import addresses
from shop.producers import team, verification
from shop.users import offices

Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
OcopCertificate = get_model("catalogue", "OcopCertificate")
AssistedEntryGrant = get_model("partner", "AssistedEntryGrant")
ProducerClaim = get_model("users", "ProducerClaim")

UNKNOWN_WARD = 0  # producers whose commune the registry did not give
_STATUS = Partner.Verification
REVIEW_REASONS = {
    ReviewStatus.DRAFT: lambda: _("sản phẩm còn là bản nháp, chưa gửi duyệt"),
    ReviewStatus.SUBMITTED: lambda: _("sản phẩm đang chờ duyệt"),
    ReviewStatus.CHANGES_REQUESTED: lambda: _("cán bộ duyệt yêu cầu chỉnh sửa, chủ thể chưa sửa"),
    ReviewStatus.REJECTED: lambda: _("sản phẩm bị từ chối khi duyệt"),
    ReviewStatus.SUSPENDED: lambda: _("sản phẩm đang bị tạm ngừng bán"),
}


@dataclasses.dataclass
class CommuneRow:
    ward_code: int
    name: str
    certified: int = 0
    listed: int = 0

    @property
    def not_listed(self) -> int:
        return self.certified - self.listed

    @property
    def share(self) -> float | None:
        """Percentage of the certified products that are listed (None without certified products)."""
        return round(100 * self.listed / self.certified, 1) if self.certified else None


@dataclasses.dataclass
class NotListed:
    product: object
    producer: object
    reasons: list[str]


def _first_stockrecord():
    return StockRecord.objects.filter(product=OuterRef("pk")).order_by("pk")


def certified_products(province_code, today=None):
    """Standalone products of the province's producers with a certificate backing the mark on ``today``,
    annotated with ``producer_ward`` and ``listed`` (the one rule)."""
    today = today or timezone.localdate()
    backed = OcopCertificate.objects.backing_mark_on(today).filter(product=OuterRef("pk"))
    on_sale = listing.for_sale(Product.objects.filter(pk=OuterRef("pk")), today)
    return (
        Product.objects.filter(parent__isnull=True)
        .annotate(
            producer_province=Subquery(_first_stockrecord().values("partner__province_code")[:1]),
            producer_ward=Subquery(_first_stockrecord().values("partner__ward_code")[:1]),
        )
        .filter(producer_province=province_code)
        .filter(Exists(backed))
        .annotate(listed=Exists(on_sale))
    )


def commune_rows(province_code, today=None) -> list[CommuneRow]:
    """One row per commune of the province with certified products (one query), most not listed first."""
    rows: dict[int, CommuneRow] = {}
    for ward, listed in certified_products(province_code, today).values_list("producer_ward", "listed"):
        ward = ward or UNKNOWN_WARD
        row = rows.get(ward) or rows.setdefault(ward, CommuneRow(ward, commune_name(ward)))
        row.certified += 1
        row.listed += bool(listed)
    return sorted(rows.values(), key=lambda row: (-row.not_listed, row.name))


def commune_name(ward_code) -> str:
    return addresses.ward_name(ward_code) if ward_code else _("Chưa rõ xã/phường")


def not_listed_in(province_code, ward_code, today=None) -> list[NotListed]:
    """The commune's certified products that are not on sale, each with why (four queries, whatever the count)."""
    today = today or timezone.localdate()
    products = certified_products(province_code, today).filter(listed=False)
    products = (
        products.filter(producer_ward__isnull=True)
        if ward_code == UNKNOWN_WARD
        else products.filter(producer_ward=ward_code)
    )
    products = list(
        products.select_related("product_class")
        .prefetch_related(
            Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner")), "ocop_certificates"
        )
        .order_by("title", "pk")
    )
    producer_ids = {product.producer.pk for product in products if product.producer}
    claimed = set(
        ProducerClaim.objects.filter(partner__in=producer_ids, proven_at__isnull=False).values_list(
            "partner_id", flat=True
        )
    )
    return [
        NotListed(product, product.producer, why_not_listed(product, today, claimed=claimed)) for product in products
    ]


def why_not_listed(product, today=None, *, claimed=frozenset()) -> list[str]:
    """Why ``product`` is not on sale on ``today``, first what to fix first (Vietnamese, empty when it is on
    sale). ``claimed``: ids of producers with a proven claim (``ProducerClaim``). No query with stock records
    (and their partners) and certificates prefetched."""
    today = today or timezone.localdate()
    if listing.is_for_sale(product, today):
        return []
    reasons = _producer_reasons(product.producer, claimed)
    if product.review_status != ReviewStatus.APPROVED and product.review_status in REVIEW_REASONS:
        reasons.append(REVIEW_REASONS[product.review_status]())
    reasons += _stock_reasons(product)
    reasons += _certificate_reasons(product, today)
    return reasons or listing.sale_blockers(product, today)


def _producer_reasons(producer, claimed) -> list[str]:
    if producer is None:
        return [_("sản phẩm chưa gắn với chủ thể nào")]
    status = producer.verification_status
    if status == _STATUS.UNCLAIMED:
        return [_("chủ thể chưa có người nhận quản lý")]
    if status == _STATUS.PENDING and producer.pk in claimed:
        return [_("chủ thể đã được nhận quản lý, chờ văn phòng xác minh")]
    if status != _STATUS.VERIFIED:
        return [
            _("chủ thể chưa được xác minh hoặc đang bị tạm ngừng (%(status)s)")
            % {"status": producer.get_verification_status_display()}
        ]
    return []


def _stock_reasons(product) -> list[str]:
    records = sorted(product.stockrecords.all(), key=lambda record: record.pk)
    record = records[0] if records else None
    tracked = product.product_class is None or product.product_class.track_stock
    if record is None or record.price is None or (tracked and not record.num_in_stock):
        return [_("chưa có giá hoặc hết hàng")]
    return []


def _certificate_reasons(product, today) -> list[str]:
    approved = [
        c
        for c in product.ocop_certificates.all()
        if c.review == OcopCertificate.Review.APPROVED and c.revoked_at is None and c.decision_date <= today
    ]
    latest = max(approved, key=lambda c: c.expires_on, default=None)
    if latest is None:
        return []
    if rules.is_expired(latest.expires_on, today):
        return [_("giấy chứng nhận đã hết hạn ngày %(date)s") % {"date": rules.dmy(latest.expires_on)}]
    if rules.is_expiring(latest.expires_on, today):
        return [_("giấy chứng nhận sắp hết hạn (ngày %(date)s)") % {"date": rules.dmy(latest.expires_on)}]
    return []


def grants_for(producers) -> dict[int, list]:
    """The assisted-entry grants of these producers, by producer id (one query)."""
    found: dict[int, list] = {}
    for grant in AssistedEntryGrant.objects.filter(partner__in=producers).select_related("user"):
        found.setdefault(grant.partner_id, []).append(grant)
    return found


def grant_assisted_entry_for(producers, email, user, note=""):
    """Let the account ``email`` enter data on behalf of each of ``producers`` (all in ``user``'s provinces, else
    Http404); registry stubs are verified on the registry's evidence first. Returns (granted, skipped: already
    granted). All or nothing."""
    reason = _("Xác minh theo danh sách OCOP của tỉnh khi cấp quyền nhập liệu hỗ trợ cho %(email)s.") % {
        "email": (email or "").strip()
    }
    granted, skipped = [], []
    with transaction.atomic():
        for producer in producers:
            offices.check_producer(user, producer)
            if AssistedEntryGrant.objects.filter(partner=producer, user__email__iexact=(email or "").strip()).exists():
                skipped.append(producer)
                continue
            if producer.verification_status == _STATUS.UNCLAIMED:
                producer = verification.verify_producer(producer, user, reason)
            granted.append(team.grant_assisted_entry(producer, email, user, note))
    return granted, skipped
