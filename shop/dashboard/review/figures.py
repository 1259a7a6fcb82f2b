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

Provincial offices (``shop.users.offices``): an officer sees the figures of
their province; the national role sees the whole country with the national
table (one row per province of the 34, with a chart) and may pick one province.
``figures_for(user, …)`` is the one place choosing what a user sees, for the page
and its CSV alike.

Plain functions over ORM aggregates: each figure is one query whatever the
number of products, producers, orders or provinces. The views (views/figures.py)
only read the request and render what `figures_for` returns.
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
from shop.users import offices
from shop.users.offices import ALL

Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Line = get_model("order", "Line")

# Certificates expiring within these many days are listed; the first is the
# programme's own warning period.
EXPIRY_HORIZONS = (rules.EXPIRY_WARNING_DAYS, 90)
EXPIRING_SHOWN = 100  # rows per horizon on the page; the CSV export has every one
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


def certified_products(today, provinces=ALL):
    """Products with a current valid certificate (of producers in ``provinces``), annotated with its star rating."""
    products = Product.objects.filter(Exists(valid_certificates(today).filter(product=OuterRef("pk"))))
    return offices.products_in(products, provinces).annotate(
        current_stars=Subquery(current_certificate_of_product(today).values("star_rating")[:1])
    )


def listed(today):
    """On sale here on `today`: the one rule of what is for sale (catalogue.listing.for_sale)."""
    return Q(pk__in=listing.for_sale(today=today).values("pk"))


def counted_order_lines(provinces=ALL):
    """Order lines that count as sales: the order code's one rule (not cancelled, not refunded)."""
    lines = statuses.sold_lines(Line.objects.all())
    return lines if provinces is ALL else lines.filter(partner__province_code__in=provinces)


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
    province: int | None = None  # the one province shown; None: the whole country (or an officer without one)
    national: list | None = None  # [NationalRow] per province of the 34, for the national role's whole-country view

    @property
    def province_name(self):
        return province_label(self.province) if self.province is not None else ""

    @property
    def national_by_share(self):
        """The national table's rows for its chart: highest listed share first, provinces without a count last."""
        return sorted(
            self.national or (),
            key=lambda row: (row.share is None, -(row.share or 0), addresses.place_sort_key(row.province_name)),
        )

    @property
    def expiry_sections(self):
        """For the page: each horizon's total, and only the products not listed under a shorter one — the soonest
        ``EXPIRING_SHOWN`` of them (at national size thousands expire within 90 days; the CSV lists them all)."""
        sections, earlier = [], []
        for days in EXPIRY_HORIZONS:
            products = self.expiring[days]
            own = products[len(earlier) :]
            sections.append(
                {
                    "days": days,
                    "total": len(products),
                    "earlier": len(earlier) or None,
                    "products": own[:EXPIRING_SHOWN],
                    "not_shown": max(len(own) - EXPIRING_SHOWN, 0),
                }
            )
            earlier = products
        return sections


# --- Computations -------------------------------------------------------------


def certified_counts(today, provinces=ALL):
    """Rows by star (3, 4, 5) and by group (the six of Decision 148), one query."""
    matrix = (
        certified_products(today, provinces)
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


def listing_by_province(today, provinces=ALL, totals=None):
    """Listed products against the province registry's latest count, per province of the producer (each of
    ``provinces`` has a row, with or without figures); ``totals``: the registry's latest rows, if read already."""
    counts = (
        certified_products(today, provinces)
        .values("stockrecords__partner__province_code")
        .annotate(listed=Count("pk", distinct=True, filter=listed(today)))
        .order_by()
    )
    found = {row["stockrecords__partner__province_code"]: row for row in counts}
    totals = registry.latest_by_province() if totals is None else totals
    if provinces is not ALL:
        totals = {code: row for code, row in totals.items() if code in provinces}
        found = {code: row for code, row in found.items() if code in provinces}
    rows = [
        ProvinceListing(
            province_code=code,
            province_name=province_label(code),
            listed=found.get(code, {}).get("listed", 0),
            registry=totals.get(code),
        )
        for code in set(totals) | set(found) | (set() if provinces is ALL else set(provinces))
    ]
    # Provinces with a registry count first, then by name; "unknown" last.
    return sorted(
        rows,
        key=lambda row: (
            row.province_code is UNKNOWN_PROVINCE,
            row.programme_total is None,
            addresses.place_sort_key(row.province_name),
        ),
    )


def epayment_accounts(producers=None):
    """Producers with an e-payment account the office accepted (``Partner.with_verified_payout_account``: a bank
    account or e-wallet in use, never a change still waiting), as a share of the verified ones (or of all, if
    none is)."""
    verified = Q(verification_status=Partner.Verification.VERIFIED)
    account = Partner.with_verified_payout_account()
    counts = (Partner.objects.all() if producers is None else producers).aggregate(
        total=Count("pk"),
        verified=Count("pk", filter=verified),
        with_account=Count("pk", filter=account),
        verified_with_account=Count("pk", filter=verified & account),
    )
    if counts["verified"]:
        return Epayment(
            counts["verified_with_account"], counts["verified"], "verified", counts["total"], counts["verified"]
        )
    return Epayment(counts["with_account"], counts["total"], "all", counts["total"], counts["verified"])


def expiring_certificates(today, provinces=ALL):
    """{days: products whose current certificate expires within `days`}, one query, soonest first."""
    current = current_certificate_of_product(today)
    last_day = today + datetime.timedelta(days=max(EXPIRY_HORIZONS))
    rows = (
        offices.products_in(Product.objects.all(), provinces)
        .annotate(
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


def sales(period, provinces=ALL):
    """Sales through the platform in the period, by group and by the producer's province."""
    lines = counted_order_lines(provinces).filter(
        order__date_placed__gte=period.start, order__date_placed__lt=period.end
    )
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


def programme_figures(period=None, today=None, provinces=ALL, *, national=False):
    """Every figure of the page for the producers of ``provinces`` (``ALL``: the country); sales only when a
    (valid) period is given; the national table too when ``national``."""
    today = today or timezone.localdate()
    by_stars, by_group = certified_counts(today, provinces)
    producers = None if provinces is ALL else Partner.objects.filter(province_code__in=provinces)
    totals = registry.latest_by_province()  # read once for the listing and the national table
    figures = Figures(
        today=today,
        by_stars=by_stars,
        by_group=by_group,
        total_certified=sum(row.certified for row in by_stars),
        total_listed=sum(row.listed for row in by_stars),
        listing=listing_by_province(today, provinces, totals),
        epayment=epayment_accounts(producers),
        expiring=expiring_certificates(today, provinces),
        sales=sales(period, provinces) if period else None,
        province=next(iter(provinces)) if provinces is not ALL and len(provinces) == 1 else None,
    )
    if national:
        figures.national = national_table(today, period, totals)
    return figures


def figures_for(user, requested_province=None, period=None, today=None):
    """The figures ``user`` may see (``shop.users.offices``): one province's — ``requested_province`` if they
    may see it, else their own —; for the national role without a choice, the country with the national
    table. An administrator without a province sees empty figures, never another province's."""
    province = offices.shown_province(user, requested_province)
    if province is not None:
        return programme_figures(period, today, frozenset({province}))
    if offices.is_national(user):
        return programme_figures(period, today, ALL, national=True)
    return programme_figures(period, today, frozenset())


# --- The national table (one row per province) --------------------------------------------------------------------


@dataclass
class NationalRow:
    """One province in the national table: its registry's count, what is listed here, stars, expiring, sales."""

    province_code: int
    province_name: str
    registry: object = None  # the latest ProvinceRegistry row, or None
    certified_here: int = 0  # products with a current valid certificate on the platform
    listed: int = 0
    stars: dict = field(default_factory=dict)  # {3: n, 4: n, 5: n} of certified_here
    expiring: int = 0  # current certificates expiring within the programme's warning period
    revenue: Decimal = Decimal(0)

    @property
    def certified(self):
        return self.registry.certified_products if self.registry else None

    @property
    def share(self):
        return share(self.listed, self.certified)

    @property
    def bar_width(self):
        """The chart's bar: the listed share, whole percent (a share over 100 fills the bar)."""
        return _bar_width(min(self.share, 100), 100) if self.share is not None else 0

    @property
    def star_counts(self):
        return [self.stars.get(stars, 0) for stars in rules.OCOP_STARS]


def national_table(today, period=None, totals=None):
    """One row per province of the 34 in a fixed number of queries (three, and the registry's unless
    ``totals`` is given), sorted by name."""
    rows = {
        code: NationalRow(code, name, stars={stars: 0 for stars in rules.OCOP_STARS})
        for code, name in addresses.province_choices()
    }
    for code, row in (registry.latest_by_province() if totals is None else totals).items():
        if code in rows:
            rows[code].registry = row
    province = "stockrecords__partner__province_code"
    matrix = (
        certified_products(today)
        .values(province, "current_stars")
        .annotate(certified=Count("pk", distinct=True), listed=Count("pk", distinct=True, filter=listed(today)))
        .order_by()
    )
    for cell in matrix:
        row = rows.get(cell[province])
        if row is not None:
            row.certified_here += cell["certified"]
            row.listed += cell["listed"]
            row.stars[cell["current_stars"]] = row.stars.get(cell["current_stars"], 0) + cell["certified"]
    horizon = today + datetime.timedelta(days=rules.EXPIRY_WARNING_DAYS)
    expiring = (
        Product.objects.annotate(cert_expires=Subquery(current_certificate_of_product(today).values("expires_on")[:1]))
        .filter(cert_expires__gte=today, cert_expires__lte=horizon)
        .values(province)
        .annotate(count=Count("pk", distinct=True))
        .order_by()
    )
    for cell in expiring:
        if cell[province] in rows:
            rows[cell[province]].expiring = cell["count"]
    if period:
        lines = counted_order_lines().filter(order__date_placed__gte=period.start, order__date_placed__lt=period.end)
        for cell in lines.values("partner__province_code").annotate(revenue=Sum("line_price_incl_tax")).order_by():
            if cell["partner__province_code"] in rows:
                rows[cell["partner__province_code"]].revenue = cell["revenue"] or Decimal(0)
    return list(rows.values())


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
    for row in figures.national or ():
        yield from _national_csv_rows(row)
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


def _national_csv_rows(row):
    """The national table's row of one province, in the CSV's long format."""
    products = _("sản phẩm")
    name = row.province_name
    yield [
        _("Bảng toàn quốc: sản phẩm OCOP của tỉnh (theo danh sách của tỉnh)"),
        name,
        "" if row.certified is None else row.certified,
        products,
    ]
    yield [_("Bảng toàn quốc: sản phẩm có chứng nhận còn hiệu lực trên sàn"), name, row.certified_here, products]
    yield [_("Bảng toàn quốc: sản phẩm OCOP đang bán trên sàn"), name, row.listed, products]
    yield [_("Bảng toàn quốc: tỷ lệ đang bán trên sàn"), name, _percent(row.share), "%"]
    for stars, count in zip(rules.OCOP_STARS, row.star_counts):
        label = _("Bảng toàn quốc: sản phẩm có chứng nhận còn hiệu lực, %(stars)s sao") % {"stars": stars}
        yield [label, name, count, products]
    yield [
        _("Bảng toàn quốc: chứng nhận hết hạn trong %(days)s ngày tới") % {"days": rules.EXPIRY_WARNING_DAYS},
        name,
        row.expiring,
        products,
    ]
    yield [_("Bảng toàn quốc: doanh số"), name, _money(row.revenue), "VND"]
