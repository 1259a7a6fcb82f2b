"""Sales report of one producer for a date range: orders, units and revenue per product.

Definitions (a product decision, tested in ``tests/shop/portal/test_sales.py``):

- The range is ``date_from``..``date_to``, whole calendar days in Asia/Ho_Chi_Minh, both inclusive
  (``payments.settlements.date_range_bounds``).
- A line is in the report when it is the producer's (``Line.partner = producer``), its order was
  placed in the range (``order.date_placed``) and it counts as a sale (``shop.core.order_statuses.sold_lines``:
  not cancelled, not refunded).
  Unlike the settlement statement, which books a later cancellation as a refund of the later month,
  this report shows what was sold and not cancelled, as of now.
- Per product: number of distinct orders, units (sum of quantities), revenue (sum of
  ``line_price_incl_tax``, whole đồng). Totals: distinct orders over all products, units, revenue.
- CSV export: UTF-8 with a BOM (so Excel shows Vietnamese), header in Vietnamese, amounts as plain
  integers, text cells made safe for spreadsheets (no formulas).

Every figure comes from aggregate queries (one grouped query for the rows, one for the totals).
"""

import csv
from dataclasses import dataclass, field

from django.db.models import Count, Max, Sum
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from payments.settlements import date_range_bounds
from shop.core import order_statuses as statuses
from shop.core.money import to_dong
from shop.core.spreadsheets import spreadsheet_safe

Line = get_model("order", "Line")


@dataclass
class SalesRow:
    product_id: int
    sku: str
    title: str
    orders: int
    units: int
    revenue: int


@dataclass
class SalesReport:
    date_from: object
    date_to: object
    rows: list = field(default_factory=list)
    orders: int = 0
    units: int = 0
    revenue: int = 0


def counted_lines(producer, date_from, date_to):
    """The producer's lines that count as sales, in orders placed from date_from to date_to."""
    start, end = date_range_bounds(date_from, date_to)
    return statuses.sold_lines(
        Line.objects.filter(partner=producer, order__date_placed__gte=start, order__date_placed__lt=end)
    )


def sales_report(producer, date_from, date_to):
    """The producer's sales per product in the range, best revenue first, with totals."""
    lines = counted_lines(producer, date_from, date_to)
    grouped = (
        lines.values("product_id")
        .annotate(
            title=Max("title"),
            sku=Max("partner_sku"),
            orders=Count("order", distinct=True),
            units=Sum("quantity"),
            revenue=Sum("line_price_incl_tax"),
        )
        .order_by("-revenue", "title", "product_id")
    )
    rows = [
        SalesRow(
            product_id=row["product_id"],
            sku=row["sku"] or "",
            title=row["title"] or "",
            orders=row["orders"],
            units=row["units"] or 0,
            revenue=to_dong(row["revenue"] or 0),
        )
        for row in grouped
    ]
    totals = lines.aggregate(
        orders=Count("order", distinct=True), units=Sum("quantity"), revenue=Sum("line_price_incl_tax")
    )
    return SalesReport(
        date_from=date_from,
        date_to=date_to,
        rows=rows,
        orders=totals["orders"] or 0,
        units=totals["units"] or 0,
        revenue=to_dong(totals["revenue"] or 0),
    )


# Text a spreadsheet will not run as a formula (titles come from producers).
csv_safe = spreadsheet_safe


def csv_header():
    return [_("Mã sản phẩm"), _("Sản phẩm"), _("Số đơn hàng"), _("Số lượng"), _("Doanh thu (đồng)")]


def write_csv(report, out):
    """Write the report to a text stream (the caller writes the BOM first)."""
    writer = csv.writer(out)
    writer.writerow(csv_header())
    for row in report.rows:
        writer.writerow([csv_safe(row.sku), csv_safe(row.title), row.orders, row.units, row.revenue])
    writer.writerow(["", _("Tổng cộng"), report.orders, report.units, report.revenue])
