"""The programme's figures for administrators (dashboard "Số liệu chương trình").

What the provincial OCOP office reports (shared/OCOP.md): OCOP products by star
and by Decision 148 group, the share of the province's certified products that
are on sale here, the share of producers with an e-payment account, the
certificates about to expire, and sales through the platform by group and by
province over a period.

Sales are the lines that count as sales under the order code's one rule
(``shop.core.order_statuses.sold_lines``: not cancelled, not refunded). The
denominator of the listed share is the latest count the province's registry
gave (``shop.registry``), shown with its date and source; a province without
one has no share ("chưa có số liệu").

Plain functions over ORM aggregates: each figure is one query whatever the
number of products, producers or orders. The views (views/figures.py) only
read the request and render what `programme_figures` returns.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, Subquery, Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalogue import listing
from catalogue.programme import rules, taxonomy
from catalogue.programme.review import ReviewStatus
from shop.core import addresses
from shop.core import order_statuses as statuses
from shop.core.spreadsheets import spreadsheet_safe
from shop.registry import counts as registry

Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Line = get_model("order", "Line")

# Certificates expiring within these many days are listed; the first is the
# programme's own warning period.
EXPIRY_HORIZONS = (rules.EXPIRY_WARNING_DAYS, 90)
UNGROUPED = ""  # products (or order lines) with no Decision 148 group
UNKNOWN_PROVINCE = None


# --- Rules, each in one place -------------------------------------------------


def valid_certificates(today):
    """Certificates that back the OCOP mark on `today`.

    The query form of OcopCertificate.backs_mark_on: approved, not revoked,
    between the decision date and the expiry date.
    """
    return OcopCertificate.objects.backing_mark_on(today)


def current_certificate_of_product(today):
    """For Subquery: the product's current certificate (Product.current_certificate)."""
    return valid_certificates(today).filter(product=OuterRef("pk")).order_by("-decision_date", "-pk")


def certified_products(today):
    """Products with a current valid certificate, annotated with its star rating."""
    return Product.objects.filter(Exists(valid_certificates(today).filter(product=OuterRef("pk")))).annotate(
        current_stars=Subquery(current_certificate_of_product(today).values("star_rating")[:1])
    )


def listed(today):
    """On sale here on `today`: the one rule of what is for sale (catalogue.listing.for_sale)."""
    return Q(pk__in=listing.for_sale(today=today).values("pk"))


def counted_order_lines():
    """Order lines that count as sales: the order code's one rule (not cancelled, not refunded)."""
    return statuses.sold_lines(Line.objects.all())


# --- Labels and bars ----------------------------------------------------------


def group_label(key):
    if key == UNGROUPED:
        return _("Chưa xếp nhóm")
    try:
        group = taxonomy.group(key)
    except KeyError:
        return key
    english = (translation.get_language() or "").startswith("en")
    return group.name_en if english else group.name


def province_label(code):
    if code is UNKNOWN_PROVINCE:
        return _("Chưa rõ tỉnh")
    return addresses.province_name(code) or str(code)


def share(part, whole):
    """Percentage (Decimal, one decimal place), or None when there is no base."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))


def _bar_width(value, largest):
    """Whole percent of the longest bar, for CSS widths (never localised)."""
    if not largest or not value:
        return 0
    return max(1, round(Decimal(value) * 100 / Decimal(largest)))


# --- Results ------------------------------------------------------------------


@dataclass
class Period:
    """A closed range of days in Vietnam's time."""

    date_from: datetime.date
    date_to: datetime.date

    @property
    def start(self):
        return timezone.make_aware(datetime.datetime.combine(self.date_from, datetime.time.min))

    @property
    def end(self):
        """Exclusive: midnight at the start of the day after date_to."""
        next_day = self.date_to + datetime.timedelta(days=1)
        return timezone.make_aware(datetime.datetime.combine(next_day, datetime.time.min))

    @property
    def days(self):
        return (self.date_to - self.date_from).days + 1


@dataclass
class CertifiedRow:
    key: object
    label: str
    certified: int = 0  # products with a current valid certificate
    listed: int = 0  # …of which approved and on sale here
    certified_width: int = 0
    listed_width: int = 0


@dataclass
class ProvinceListing:
    province_code: object
    province_name: str
    listed: int
    registry: object = None  # the province's latest ProvinceRegistry row; None = no figure

    @property
    def programme_total(self):
        return self.registry.certified_products if self.registry else None

    @property
    def share(self):
        return share(self.listed, self.programme_total)

    @property
    def bar_width(self):
        return _bar_width(min(self.share, 100), 100) if self.share is not None else 0


@dataclass
class Epayment:
    with_account: int
    base: int
    basis: str  # "verified" or "all"
    total_producers: int
    verified_producers: int

    @property
    def share(self):
        return share(self.with_account, self.base)

    @property
    def basis_label(self):
        if self.basis == "verified":
            return _("Tỷ lệ trên số chủ thể đã xác minh.")
        return _("Tỷ lệ trên tất cả chủ thể, vì chưa có chủ thể nào được xác minh.")

    @property
    def basis_short(self):
        return _("chủ thể đã xác minh") if self.basis == "verified" else _("tất cả chủ thể")

    @property
    def bar_width(self):
        return int(self.share) if self.share is not None else 0


@dataclass
class ExpiringProduct:
    product_id: int
    upc: str
    title: str
    producer: str
    stars: int
    decision_number: str
    expires_on: datetime.date
    review_status: str
    days_left: int

    @property
    def review_status_label(self):
        return ReviewStatus(self.review_status).label if self.review_status in ReviewStatus.values else ""


@dataclass
class SalesRow:
    key: object
    label: str
    revenue: Decimal = Decimal(0)
    quantity: int = 0
    width: int = 0


@dataclass
class Sales:
    period: Period
    by_group: list
    by_province: list
    revenue: Decimal
    quantity: int
    orders: int


@dataclass
class Figures:
    today: datetime.date
    by_stars: list
    by_group: list
    total_certified: int
    total_listed: int
    listing: list
    epayment: Epayment
    expiring: dict = field(default_factory=dict)  # {days: [ExpiringProduct]} — cumulative
    sales: Sales | None = None

    @property
    def expiry_sections(self):
        """For the page: each horizon's total, and only the products not listed under a shorter one."""
        sections, earlier = [], []
        for days in EXPIRY_HORIZONS:
            products = self.expiring[days]
            sections.append(
                {
                    "days": days,
                    "total": len(products),
                    "earlier": len(earlier) or None,
                    "products": products[len(earlier) :],
                }
            )
            earlier = products
        return sections


# --- Computations -------------------------------------------------------------


def certified_counts(today):
    """Rows by star (3, 4, 5) and by group (the six of Decision 148), one query."""
    matrix = (
        certified_products(today)
        .values("current_stars", "ocop_group")
        .annotate(certified=Count("pk"), listed=Count("pk", filter=listed(today)))
        .order_by()
    )
    by_stars = {stars: CertifiedRow(stars, _("%(stars)s sao") % {"stars": stars}) for stars in rules.OCOP_STARS}
    by_group = {group.key: CertifiedRow(group.key, group_label(group.key)) for group in taxonomy.GROUPS_148}
    for cell in matrix:
        star_row = by_stars.setdefault(
            cell["current_stars"],
            CertifiedRow(cell["current_stars"], _("%(stars)s sao") % {"stars": cell["current_stars"]}),
        )
        group_key = cell["ocop_group"] if cell["ocop_group"] in by_group else UNGROUPED
        group_row = by_group.setdefault(group_key, CertifiedRow(group_key, group_label(group_key)))
        for row in (star_row, group_row):
            row.certified += cell["certified"]
            row.listed += cell["listed"]
    rows = (list(by_stars.values()), list(by_group.values()))
    for row_list in rows:
        largest = max((row.certified for row in row_list), default=0)
        for row in row_list:
            row.certified_width = _bar_width(row.certified, largest)
            row.listed_width = _bar_width(row.listed, largest)
    return rows


def listing_by_province(today):
    """Listed products against the province registry's latest count, per province of the producer."""
    counts = (
        certified_products(today)
        .values("stockrecords__partner__province_code")
        .annotate(listed=Count("pk", distinct=True, filter=listed(today)))
        .order_by()
    )
    found = {row["stockrecords__partner__province_code"]: row for row in counts}
    totals = registry.latest_by_province()
    rows = [
        ProvinceListing(
            province_code=code,
            province_name=province_label(code),
            listed=found.get(code, {}).get("listed", 0),
            registry=totals.get(code),
        )
        for code in set(totals) | set(found)
    ]
    # Provinces with a registry count first, then by name; "unknown" last.
    return sorted(
        rows, key=lambda row: (row.province_code is UNKNOWN_PROVINCE, row.programme_total is None, row.province_name)
    )


def epayment_accounts():
    """Producers with an e-payment account, as a share of the verified ones (or of all, if none is)."""
    verified = Q(verification_status=Partner.Verification.VERIFIED)
    counts = Partner.objects.aggregate(
        total=Count("pk"),
        verified=Count("pk", filter=verified),
        with_account=Count("pk", filter=Q(has_epayment_account=True)),
        verified_with_account=Count("pk", filter=verified & Q(has_epayment_account=True)),
    )
    if counts["verified"]:
        return Epayment(
            counts["verified_with_account"], counts["verified"], "verified", counts["total"], counts["verified"]
        )
    return Epayment(counts["with_account"], counts["total"], "all", counts["total"], counts["verified"])


def expiring_certificates(today):
    """{days: products whose current certificate expires within `days`}, one query, soonest first."""
    current = current_certificate_of_product(today)
    last_day = today + datetime.timedelta(days=max(EXPIRY_HORIZONS))
    rows = (
        Product.objects.annotate(
            cert_expires=Subquery(current.values("expires_on")[:1]),
            cert_stars=Subquery(current.values("star_rating")[:1]),
            cert_number=Subquery(current.values("decision_number")[:1]),
            producer_name=Subquery(
                StockRecord.objects.filter(product=OuterRef("pk")).order_by("pk").values("partner__name")[:1]
            ),
        )
        .filter(cert_expires__gte=today, cert_expires__lte=last_day)
        .order_by("cert_expires", "upc", "pk")
        .values("pk", "upc", "title", "review_status", "producer_name", "cert_expires", "cert_stars", "cert_number")
    )
    products = [
        ExpiringProduct(
            product_id=row["pk"],
            upc=row["upc"] or "",
            title=row["title"],
            producer=row["producer_name"] or "",
            stars=row["cert_stars"],
            decision_number=row["cert_number"],
            expires_on=row["cert_expires"],
            review_status=row["review_status"],
            days_left=(row["cert_expires"] - today).days,
        )
        for row in rows
    ]
    return {days: [p for p in products if p.days_left <= days] for days in EXPIRY_HORIZONS}


def sales(period):
    """Sales through the platform in the period, by group and by the producer's province."""
    lines = counted_order_lines().filter(order__date_placed__gte=period.start, order__date_placed__lt=period.end)
    money = {"revenue": Sum("line_price_incl_tax"), "quantity": Sum("quantity")}
    totals = lines.aggregate(**money, orders=Count("order", distinct=True))

    by_group = {group.key: SalesRow(group.key, group_label(group.key)) for group in taxonomy.GROUPS_148}
    for row in lines.values("product__ocop_group").annotate(**money).order_by():
        key = row["product__ocop_group"] if row["product__ocop_group"] in by_group else UNGROUPED
        target = by_group.setdefault(key, SalesRow(key, group_label(key)))
        target.revenue += row["revenue"] or 0
        target.quantity += row["quantity"] or 0

    by_province = [
        SalesRow(
            row["partner__province_code"],
            province_label(row["partner__province_code"]),
            row["revenue"] or Decimal(0),
            row["quantity"] or 0,
        )
        for row in (
            lines.values("partner__province_code").annotate(**money).order_by("-revenue", "partner__province_code")
        )
    ]
    for rows in (by_group.values(), by_province):
        largest = max((row.revenue for row in rows), default=0)
        for row in rows:
            row.width = _bar_width(row.revenue, largest)
    return Sales(
        period=period,
        by_group=list(by_group.values()),
        by_province=by_province,
        revenue=totals["revenue"] or Decimal(0),
        quantity=totals["quantity"] or 0,
        orders=totals["orders"],
    )


def programme_figures(period=None, today=None):
    """Every figure of the page; sales only when a (valid) period is given."""
    today = today or timezone.localdate()
    by_stars, by_group = certified_counts(today)
    return Figures(
        today=today,
        by_stars=by_stars,
        by_group=by_group,
        total_certified=sum(row.certified for row in by_stars),
        total_listed=sum(row.listed for row in by_stars),
        listing=listing_by_province(today),
        epayment=epayment_accounts(),
        expiring=expiring_certificates(today),
        sales=sales(period) if period else None,
    )


# --- CSV ----------------------------------------------------------------------


def _money(value):
    """Whole đồng, plain digits (VND has no minor unit)."""
    return f"{value:.0f}"


def _percent(value):
    """One decimal place with a dot, or empty when there is no figure."""
    return "" if value is None else f"{value:.1f}"


def csv_header():
    return [_("Chỉ tiêu"), _("Phân loại"), _("Giá trị"), _("Đơn vị")]


# Text a spreadsheet will not run as a formula (titles come from producers).
csv_safe = spreadsheet_safe


def csv_rows(figures):
    """The page's figures in long format: (indicator, dimension, value, unit), safe for spreadsheets."""
    for row in _csv_rows(figures):
        yield [csv_safe(cell) for cell in row]


def _csv_rows(figures):
    products, percent, vnd = _("sản phẩm"), "%", "VND"
    yield [_("Ngày lập số liệu"), "", figures.today.isoformat(), ""]
    if figures.sales:
        yield [_("Từ ngày"), "", figures.sales.period.date_from.isoformat(), ""]
        yield [_("Đến ngày"), "", figures.sales.period.date_to.isoformat(), ""]
    for row in figures.by_stars:
        yield [_("Sản phẩm OCOP có chứng nhận còn hiệu lực, theo hạng sao"), row.label, row.certified, products]
    for row in figures.by_stars:
        yield [_("Sản phẩm OCOP đã duyệt và đang bán, theo hạng sao"), row.label, row.listed, products]
    for row in figures.by_group:
        yield [_("Sản phẩm OCOP có chứng nhận còn hiệu lực, theo nhóm"), row.label, row.certified, products]
    for row in figures.by_group:
        yield [_("Sản phẩm OCOP đã duyệt và đang bán, theo nhóm"), row.label, row.listed, products]
    for row in figures.listing:
        yield [_("Sản phẩm OCOP đang bán trên sàn"), row.province_name, row.listed, products]
        yield [
            _("Tổng số sản phẩm OCOP của tỉnh (theo danh sách của tỉnh)"),
            row.province_name,
            "" if row.programme_total is None else row.programme_total,
            products,
        ]
        if row.registry:
            yield [
                _("Ngày của danh sách sản phẩm OCOP của tỉnh"),
                row.province_name,
                row.registry.as_of.isoformat(),
                "",
            ]
            yield [_("Nguồn danh sách sản phẩm OCOP của tỉnh"), row.province_name, row.registry.source, ""]
        yield [_("Tỷ lệ sản phẩm OCOP của tỉnh đang bán trên sàn"), row.province_name, _percent(row.share), percent]
    epayment = figures.epayment
    yield [_("Chủ thể có tài khoản thanh toán điện tử"), epayment.basis_short, epayment.with_account, _("chủ thể")]
    yield [_("Tỷ lệ chủ thể có tài khoản thanh toán điện tử"), epayment.basis_short, _percent(epayment.share), percent]
    for days in EXPIRY_HORIZONS:
        label = _("Chứng nhận hết hạn trong %(days)s ngày tới") % {"days": days}
        yield [label, _("Tổng"), len(figures.expiring[days]), products]
        for product in figures.expiring[days]:
            yield [label, f"{product.upc} {product.title}".strip(), product.expires_on.isoformat(), _("ngày hết hạn")]
    if figures.sales:
        sales_figures = figures.sales
        yield [_("Doanh số"), _("Tổng"), _money(sales_figures.revenue), vnd]
        yield [_("Số lượng bán"), _("Tổng"), sales_figures.quantity, _("đơn vị sản phẩm")]
        yield [_("Số đơn hàng"), _("Tổng"), sales_figures.orders, _("đơn hàng")]
        for row in sales_figures.by_group:
            yield [_("Doanh số theo nhóm"), row.label, _money(row.revenue), vnd]
            yield [_("Số lượng bán theo nhóm"), row.label, row.quantity, _("đơn vị sản phẩm")]
        for row in sales_figures.by_province:
            yield [_("Doanh số theo tỉnh của chủ thể"), row.label, _money(row.revenue), vnd]
            yield [_("Số lượng bán theo tỉnh của chủ thể"), row.label, row.quantity, _("đơn vị sản phẩm")]
