"""The withholding voucher (chứng từ khấu trừ thuế) of one seller for one settlement, as a PDF.

What it follows: the contents a tax withholding voucher must carry under Decree 123/2020/NĐ-CP, Article
32 (as amended by Decree 70/2025/NĐ-CP): the withholding organisation's name, address and tax code; the
taxpayer's name, address, tax code or citizen ID; the kind of income, the period, the amount paid and the
tax withheld; the date it is made. Decree 117/2025/NĐ-CP has platforms give households and individuals
such a voucher for the VAT and PIT withheld for them. Here it is the platform's printed voucher for
the statement: it carries no series/number issued through the tax authority's e-voucher system (no
connection to it exists here), and it says so. Amounts come from the stored statement
(``payments.models.Settlement`` and its ``SettlementTaxLine`` rows): nothing is recomputed.

Fonts and styles: ``shop.core.pdftext.producer_document``; text through ``shop.core.pdftext.paragraph``.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from shop.core.money import format_vnd
from shop.core.pdftext import paragraph, producer_document

if TYPE_CHECKING:
    from payments.models import Settlement


def voucher_filename(settlement: Settlement) -> str:
    return "chung-tu-khau-tru-%s-%s.pdf" % (
        settlement.partner.code or settlement.partner_id,
        settlement.period_start.strftime("%Y-%m"),
    )


def _percent(rate) -> str:
    text = f"{rate * 100:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + " %"


def voucher_pdf(settlement: Settlement) -> bytes:
    """The voucher's PDF bytes for the stored statement (withholding statements and others alike: a
    producer not withheld gets a voucher saying nothing was withheld)."""
    partner = settlement.partner
    operator = settings.OCOP_PLATFORM_OPERATOR
    month = settlement.period_start.strftime("%m/%Y")
    buffer = io.BytesIO()
    doc, body, bold = producer_document(
        buffer,
        partner,
        pagesize=A4,
        margin_mm=18,
        title=_("Chứng từ khấu trừ thuế tháng %(month)s") % {"month": month},
        font_size=10,
    )
    title = ParagraphStyle("voucher_title", parent=bold, fontSize=14, leading=18, alignment=1, spaceAfter=4)
    centre = ParagraphStyle("voucher_centre", parent=body, alignment=1)
    small = ParagraphStyle("voucher_small", parent=body, fontSize=8, leading=10, textColor=colors.grey)
    story = [
        paragraph(_("CHỨNG TỪ KHẤU TRỪ THUẾ GTGT, THUẾ TNCN"), style=title),
        paragraph(_("Hoạt động kinh doanh trên nền tảng thương mại điện tử — Nghị định 117/2025/NĐ-CP"), style=centre),
        paragraph(_("Kỳ: tháng %(month)s") % {"month": month}, style=centre),
        Spacer(1, 6 * mm),
        paragraph(_("I. TỔ CHỨC KHẤU TRỪ, NỘP THAY"), style=bold),
        paragraph(_("Tên tổ chức: %(name)s") % {"name": operator["name"]}, style=body),
        paragraph(_("Mã số thuế: %(code)s") % {"code": operator["tax_code"] or "—"}, style=body),
        paragraph(_("Địa chỉ: %(address)s") % {"address": operator["address"] or "—"}, style=body),
        Spacer(1, 4 * mm),
        paragraph(_("II. NGƯỜI NỘP THUẾ"), style=bold),
        paragraph(_("Tên: %(name)s") % {"name": partner.legal_name or partner.name}, style=body),
        paragraph(_("Loại hình: %(kind)s") % {"kind": settlement.partner_kind_label or "—"}, style=body),
        paragraph(_("Mã số thuế: %(code)s") % {"code": partner.tax_code or "—"}, style=body),
        paragraph(_("Số căn cước công dân: %(id)s") % {"id": partner.citizen_id or "—"}, style=body),
        paragraph(_("Địa chỉ: %(address)s") % {"address": partner.address or "—"}, style=body),
        Spacer(1, 4 * mm),
        paragraph(_("III. DOANH THU VÀ SỐ THUẾ ĐÃ KHẤU TRỪ"), style=bold),
    ]
    header = [_("Nhóm ngành nghề"), _("Doanh thu"), _("Tỷ lệ GTGT"), _("Thuế GTGT"), _("Tỷ lệ TNCN"), _("Thuế TNCN")]
    rows = [[paragraph(cell, style=bold) for cell in header]]
    for line in settlement.tax_lines.all():
        rows.append(
            [
                paragraph(line.category_label, style=body),
                format_vnd(line.taxable_base),
                _percent(line.vat_rate),
                format_vnd(line.vat_withheld),
                _percent(line.pit_rate),
                format_vnd(line.pit_withheld),
            ]
        )
    rows.append(
        [
            paragraph(_("Tổng cộng"), style=bold),
            format_vnd(settlement.taxable_base),
            "",
            format_vnd(settlement.vat_withheld),
            "",
            format_vnd(settlement.pit_withheld),
        ]
    )
    table = Table(rows, colWidths=[w * mm for w in (52, 28, 18, 26, 18, 26)], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), "DejaVuSans"),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("FONTNAME", (0, -1), (-1, -1), "DejaVuSans-Bold"),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ]
        )
    )
    story += [table, Spacer(1, 4 * mm)]
    if settlement.withholding_applies:
        story.append(
            paragraph(
                _("Tổng số thuế đã khấu trừ, nộp thay: %(amount)s") % {"amount": format_vnd(settlement.withheld)},
                style=bold,
            )
        )
    else:
        story.append(
            paragraph(
                _("Không khấu trừ thuế: chủ thể là %(kind)s, tự kê khai và nộp thuế.")
                % {"kind": (settlement.partner_kind_label or _("tổ chức")).lower()},
                style=bold,
            )
        )
    status = (
        _("Đã thanh toán ngày %(day)s, mã giao dịch %(ref)s.")
        % {"day": timezone.localtime(settlement.paid_at).strftime("%d/%m/%Y"), "ref": settlement.payment_reference}
        if settlement.is_paid and settlement.paid_at
        else _("Bảng đối soát chưa thanh toán: số liệu có thể còn thay đổi.")
    )
    story += [
        paragraph(status, style=body),
        Spacer(1, 6 * mm),
        paragraph(
            _("Lập ngày %(day)s.") % {"day": timezone.localdate().strftime("%d/%m/%Y")},
            style=body,
        ),
        Spacer(1, 4 * mm),
        paragraph(
            _(
                "Nội dung theo Nghị định 123/2020/NĐ-CP, Điều 32 (sửa đổi bởi Nghị định 70/2025/NĐ-CP). Chứng từ "
                "do nền tảng lập từ bảng đối soát; chưa mang ký hiệu, số chứng từ điện tử cấp qua hệ thống của cơ "
                "quan thuế."
            ),
            style=small,
        ),
    ]
    doc.build(story)
    return buffer.getvalue()


def voucher_response(settlement: Settlement) -> HttpResponse:
    """The voucher as a PDF download (the views check who may have it first)."""
    response = HttpResponse(voucher_pdf(settlement), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{voucher_filename(settlement)}"'
    return response
