"""The platform's monthly withholding declaration export: the list of households and individuals it
withheld for, with revenue and tax withheld per business category, as CSV and XLSX.

Form: Decree 117/2025/NĐ-CP has the platform declare monthly the VAT and PIT it withheld for
households and individuals, with an appendix listing each of them (name, tax code or citizen ID,
revenue, tax withheld). The form's exact number and column layout could not be read from the
published text here (only summaries were reachable), so the columns below are the data that appendix
requires, one row per seller and business category, and a total row; map them onto the form in the
tax authority's software (HTKK / eTax) when filing.

Rows come from the stored statements (``payments.settlements.prepare_period`` first recomputes the
open ones; paid ones stay as paid), so the declaration sums to the statements. Only statements with
withholding (households, individuals) are listed. CSV: UTF-8 with a BOM, every text cell through
``shop.core.spreadsheets.spreadsheet_safe``. XLSX with openpyxl (in requirements.txt).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from payments import settlements
from payments.models import SettlementTaxLine
from shop.core.spreadsheets import spreadsheet_safe


@dataclass
class DeclarationRow:
    number: int
    name: str
    tax_code: str
    citizen_id: str
    address: str
    category: str
    revenue: int
    vat_rate: Decimal
    vat_withheld: int
    pit_rate: Decimal
    pit_withheld: int


@dataclass
class Declaration:
    year: int
    month: int
    rows: list[DeclarationRow] = field(default_factory=list)

    @property
    def revenue(self) -> int:
        return sum(row.revenue for row in self.rows)

    @property
    def vat_withheld(self) -> int:
        return sum(row.vat_withheld for row in self.rows)

    @property
    def pit_withheld(self) -> int:
        return sum(row.pit_withheld for row in self.rows)


def declaration_for(year: int, month: int, *, prepare: bool = True) -> Declaration:
    """The declaration of the month; with ``prepare``, open statements are recomputed first."""
    if prepare:
        settlements.prepare_period(year, month)
    period_start, _period_end = settlements.period_bounds(year, month)
    lines = (
        SettlementTaxLine.objects.filter(settlement__period_start=period_start, settlement__withholding_applies=True)
        .select_related("settlement__partner")
        .order_by("settlement__partner__name", "settlement__partner_id", "category")
    )
    declaration = Declaration(year=year, month=month)
    for number, line in enumerate(lines, start=1):
        partner = line.settlement.partner
        declaration.rows.append(
            DeclarationRow(
                number=number,
                name=partner.legal_name or partner.name,
                tax_code=partner.tax_code,
                citizen_id=partner.citizen_id,
                address=partner.address,
                category=line.category_label,
                revenue=line.taxable_base,
                vat_rate=line.vat_rate,
                vat_withheld=line.vat_withheld,
                pit_rate=line.pit_rate,
                pit_withheld=line.pit_withheld,
            )
        )
    return declaration


def header() -> list[str]:
    return [
        _("STT"),
        _("Tên hộ, cá nhân kinh doanh"),
        _("Mã số thuế"),
        _("Số căn cước công dân"),
        _("Địa chỉ"),
        _("Nhóm ngành nghề"),
        _("Doanh thu tính thuế (đồng)"),
        _("Tỷ lệ thuế GTGT (%)"),
        _("Thuế GTGT đã khấu trừ (đồng)"),
        _("Tỷ lệ thuế TNCN (%)"),
        _("Thuế TNCN đã khấu trừ (đồng)"),
    ]


def _percent(rate: Decimal) -> str:
    return f"{rate * 100:.2f}".rstrip("0").rstrip(".")


def table(declaration: Declaration) -> list[list]:
    """Header, one row per seller and category, and the total row."""
    rows: list[list] = [header()]
    for row in declaration.rows:
        rows.append(
            [
                row.number,
                spreadsheet_safe(row.name),
                spreadsheet_safe(row.tax_code),
                spreadsheet_safe(row.citizen_id),
                spreadsheet_safe(row.address),
                row.category,
                row.revenue,
                _percent(row.vat_rate),
                row.vat_withheld,
                _percent(row.pit_rate),
                row.pit_withheld,
            ]
        )
    rows.append(
        [
            "",
            _("Tổng cộng"),
            "",
            "",
            "",
            "",
            declaration.revenue,
            "",
            declaration.vat_withheld,
            "",
            declaration.pit_withheld,
        ]
    )
    return rows


def as_csv(declaration: Declaration) -> bytes:
    """UTF-8 with a BOM (Excel shows Vietnamese)."""
    out = io.StringIO()
    csv.writer(out).writerows(table(declaration))
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def as_xlsx(declaration: Declaration) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "%02d-%04d" % (declaration.month, declaration.year)
    for row in table(declaration):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def filename(declaration: Declaration, fmt: str) -> str:
    return "khau-tru-thue-%04d-%02d.%s" % (declaration.year, declaration.month, fmt)
