"""Tax business categories and the one dated table of withholding rates (Decree 117/2025/NĐ-CP).

Owns: ``TaxCategory`` (what a product is, for tax), ``tax_category_of(product)`` (the one rule that
decides a product's category) and ``rates_on(category, day)`` (the rates in force on a day).

Categories are those of Circular 40/2021/TT-BTC (Appendix I: the lines of business and their
rates on revenue for households and individuals), which Decree 117/2025/NĐ-CP, Article 5 clause 2,
applies to e-commerce platforms withholding for households and individuals:

- goods distribution/supply ............... VAT 1 %, PIT 0,5 %
- services (accommodation — homestay nights — is a service) ... VAT 5 %, PIT 2 %
- production, transport, services with goods ..... VAT 3 %, PIT 1,5 %
- other business: Circular 40 sets VAT 2 %, PIT 1 %. Decree 117 lists only the three lines above and
  says a transaction whose line cannot be identified is withheld at the highest rate; from 1 July 2025
  we therefore withhold "other" at the services rates (5 % / 2 %). (Our reading of the published
  summaries of Article 5; the Decree's full text was not reachable from here.)

PIT rates are those for *resident* individuals; OCOP sellers are Vietnamese households, so the
non-resident rates of Article 5 (1 % / 5 % / 2 %) are not in the table.

Rates change: a row applies from its ``effective_from`` (a month's first day: statements are monthly) until the
next row of its category.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from shop.core.tax_categories import TaxCategory

# The categories themselves live in shop.core (the catalogue's products carry one; payments sits above it).

# A line whose category cannot be known (its product was deleted) is withheld at the highest rates
# (Decree 117/2025/NĐ-CP, Article 5 clause 2).
UNKNOWN_CATEGORY = TaxCategory.SERVICES


@dataclass(frozen=True)
class RateRow:
    category: str
    effective_from: datetime.date
    vat_rate: Decimal
    pit_rate: Decimal
    source: str

    def __post_init__(self) -> None:
        # A statement covers a calendar month and takes the rates of its first day (payments.settlements): a
        # change in the middle of a month would need its lines split by payment day. Refused, not assumed.
        if self.effective_from.day != 1:
            raise ValueError(
                f"A withholding rate must take effect on a month's first day, not {self.effective_from.isoformat()}"
            )


CIRCULAR_40 = "Thông tư 40/2021/TT-BTC, Phụ lục I"
DECREE_117 = "Nghị định 117/2025/NĐ-CP, Điều 5 khoản 2"
_C40_FROM = datetime.date(2021, 8, 1)  # Circular 40/2021/TT-BTC in force
_D117_FROM = datetime.date(2025, 7, 1)  # Decree 117/2025/NĐ-CP in force

RATE_TABLE: tuple[RateRow, ...] = (
    RateRow(TaxCategory.GOODS, _C40_FROM, Decimal("0.01"), Decimal("0.005"), CIRCULAR_40),
    RateRow(TaxCategory.SERVICES, _C40_FROM, Decimal("0.05"), Decimal("0.02"), CIRCULAR_40),
    RateRow(TaxCategory.PRODUCTION, _C40_FROM, Decimal("0.03"), Decimal("0.015"), CIRCULAR_40),
    RateRow(TaxCategory.OTHER, _C40_FROM, Decimal("0.02"), Decimal("0.01"), CIRCULAR_40),
    RateRow(TaxCategory.GOODS, _D117_FROM, Decimal("0.01"), Decimal("0.005"), DECREE_117),
    RateRow(TaxCategory.SERVICES, _D117_FROM, Decimal("0.05"), Decimal("0.02"), DECREE_117),
    RateRow(TaxCategory.PRODUCTION, _D117_FROM, Decimal("0.03"), Decimal("0.015"), DECREE_117),
    # Not one of Decree 117's lines: the highest rate (see the module docstring).
    RateRow(TaxCategory.OTHER, _D117_FROM, Decimal("0.05"), Decimal("0.02"), DECREE_117),
)


class NoRate(LookupError):
    """No row of the table covers that category on that day."""


def rates_on(category: str, day: datetime.date, table: tuple[RateRow, ...] = RATE_TABLE) -> RateRow:
    """The row in force for ``category`` on ``day``: the latest whose effective_from ≤ day."""
    rows = [row for row in table if row.category == category and row.effective_from <= day]
    if not rows:
        raise NoRate(f"No withholding rate for {category!r} on {day.isoformat()}")
    return max(rows, key=lambda row: row.effective_from)


def category_label(category: str) -> str:
    return str(TaxCategory(category).label) if category in TaxCategory.values else category


def tax_category_of(product: Any) -> str:
    """The product's tax category: its own, else (a variant) its parent's, else its product class's;
    GOODS when none is set (OCOP products are goods unless said otherwise); the highest-rate
    category when there is no product any more."""
    if product is None:
        return UNKNOWN_CATEGORY
    if product.tax_category:
        return product.tax_category
    parent = product.parent if product.parent_id else None
    if parent is not None and parent.tax_category:
        return parent.tax_category
    product_class = product.get_product_class()
    if product_class is not None and product_class.tax_category:
        return product_class.tax_category
    return TaxCategory.GOODS


def line_category_expression(product: str = "product") -> Any:
    """The same rule as ``tax_category_of``, as a query expression over ``<product>__…`` (for
    aggregating order lines by category in one query)."""
    from django.db.models import Case, CharField, Value, When
    from django.db.models.functions import Coalesce, NullIf

    def field(path: str) -> Any:
        return NullIf(f"{product}__{path}", Value(""))

    return Coalesce(
        field("tax_category"),
        field("parent__tax_category"),
        field("product_class__tax_category"),
        field("parent__product_class__tax_category"),
        Case(
            When(**{f"{product}__isnull": True}, then=Value(str(UNKNOWN_CATEGORY))),
            default=Value(str(TaxCategory.GOODS)),
        ),
        output_field=CharField(),
    )
