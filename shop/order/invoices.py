"""The order confirmation / sales record (PDF, "Xác nhận đơn hàng / Bảng kê bán hàng") of one producer's part
of an order: the seller's name, address, tax code and phone, the buyer's full name, each line's list price,
discount (with the offers) and net, VAT where the seller charges it, the part's shipping and totals in VND —
the figures of ``shop.order.statement_lines``, which add up as printed.

It is the platform's record of the sale for the buyer, not an invoice: the e-invoice (hóa đơn điện tử) is
the seller's, issued through its own provider (Decree 123/2020/NĐ-CP); the title and the footnote say so.
Vietnamese needs a font with its glyphs: DejaVu Sans, shipped in ``shop/core/fonts`` (its licence
beside it) so that a fresh machine renders the same PDF. Every text goes through
``shop.core.pdftext.paragraph``, which escapes it: names, addresses and titles typed by buyers and
producers print as typed and never act as reportlab markup.
"""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from shop.core.addresses import format_address
from shop.core.money import format_vnd
from shop.core.pdftext import paragraph, producer_document
from shop.order.parts import part_for
from shop.order.statement_lines import buyer_name, recipient_name


def seller_tax_code(partner):
    """The seller's tax code: ``Partner.tax_code`` where recorded (issue 22 adds it), else the business
    registration number, which for enterprises and cooperatives is their tax code."""
    return getattr(partner, "tax_code", "") or partner.registration_number


def invoice_pdf(order, partner):
    """The PDF bytes of ``partner``'s part of ``order`` (None when the producer has no lines in it)."""
    part = part_for(order, partner)
    if part is None:
        return None
    statement = part.statement
    buffer = io.BytesIO()
    doc, body, bold = producer_document(
        buffer,
        partner,
        pagesize=A4,
        margin_mm=15,
        title=_("Xác nhận đơn hàng %(number)s") % {"number": order.number},
        font_size=9,
    )
    title = ParagraphStyle("title", parent=bold, fontSize=14, leading=18, spaceAfter=6)
    small = ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5, textColor=colors.grey)
    seller_address = format_address(partner.street, partner.ward_code, partner.province_code)
    address = order.shipping_address
    buyer = buyer_name(order)
    recipient = recipient_name(order)
    buyer_address = ", ".join(p for p in (address.line1, address.line4, address.state) if p) if address else ""
    placed = timezone.localtime(order.date_placed)
    story = [
        paragraph(_("XÁC NHẬN ĐƠN HÀNG / BẢNG KÊ BÁN HÀNG"), style=title),
        paragraph(
            _("Đơn hàng %(number)s · ngày %(date)s") % {"number": order.number, "date": placed.strftime("%d/%m/%Y")},
            style=body,
        ),
        Spacer(1, 4 * mm),
        paragraph(_("Người bán: %(name)s") % {"name": partner.legal_name or partner.name}, style=bold),
        paragraph(_("Địa chỉ: %(address)s") % {"address": seller_address or "—"}, style=body),
        paragraph(_("Mã số thuế: %(code)s") % {"code": seller_tax_code(partner) or "—"}, style=body),
        paragraph(_("Điện thoại: %(phone)s") % {"phone": partner.phone or "—"}, style=body),
        Spacer(1, 3 * mm),
        paragraph(_("Người mua: %(name)s") % {"name": buyer or "—"}, style=bold),
    ]
    if recipient and recipient != buyer:
        story.append(paragraph(_("Người nhận hàng: %(name)s") % {"name": recipient}, style=body))
    story += [
        paragraph(_("Địa chỉ giao hàng: %(address)s") % {"address": buyer_address or "—"}, style=body),
        Spacer(1, 4 * mm),
    ]
    vat = statement.has_vat
    header = [_("Sản phẩm"), _("SL"), _("Đơn giá"), _("Thành tiền"), _("Giảm giá"), _("Còn lại")]
    if vat:
        header[5:5] = [_("Thuế GTGT"), _("Tiền thuế")]
    rows = [header]
    for line in statement.lines:
        cell = [paragraph(line.title, style=body)]
        if line.offer_names:
            cell.append(paragraph(_("Ưu đãi: %(offers)s") % {"offers": line.offer_names}, style=small))
        row = [
            cell,
            str(line.quantity),
            format_vnd(line.unit_list_price),
            format_vnd(line.list_total),
            "-" + format_vnd(line.discount) if line.discount else "—",
            format_vnd(line.net),
        ]
        if vat:
            row[5:5] = [line.vat_percent or "—", format_vnd(line.vat_amount) if line.vat_amount is not None else "—"]
        rows.append(row)
    totals = [(_("Cộng theo giá niêm yết"), format_vnd(statement.list_total))]
    for name, amount in statement.offers:
        totals.append((_("Giảm giá: %(offer)s") % {"offer": name or _("ưu đãi")}, "-" + format_vnd(amount)))
    totals.append((_("Tiền hàng"), format_vnd(statement.goods_total)))
    if vat:
        totals.append((_("Trong đó thuế GTGT"), format_vnd(statement.vat_total)))
    totals += [(_("Phí vận chuyển"), format_vnd(statement.shipping)), (_("Tổng cộng"), format_vnd(statement.total))]
    columns, first_total = len(header), len(rows)
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT)
    rows += [["", paragraph(label, style=right), *[""] * (columns - 3), amount] for label, amount in totals]
    widths = [62, 10, 24, 26, 24, 26] if not vat else [44, 9, 21, 22, 20, 14, 19, 23]
    table = Table(rows, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), "DejaVuSans"),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("FONTNAME", (0, 0), (-1, 0), "DejaVuSans-Bold"),
                ("FONTNAME", (-1, -1), (-1, -1), "DejaVuSans-Bold"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                ("LINEABOVE", (1, first_total), (-1, first_total), 0.4, colors.grey),
                *[("SPAN", (1, row), (columns - 2, row)) for row in range(first_total, len(rows))],
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story += [table]
    if statement.cancelled:
        story += [
            Spacer(1, 3 * mm),
            paragraph(
                _("Đã huỷ, không tính tiền: %(lines)s")
                % {"lines": "; ".join(f"{line.title} × {line.quantity}" for line in statement.cancelled)},
                style=small,
            ),
        ]
    if not vat:
        story += [
            Spacer(1, 2 * mm),
            paragraph(_("Giá bán là giá người bán niêm yết, đã gồm thuế (nếu có)."), style=small),
        ]
    story += [
        Spacer(1, 6 * mm),
        paragraph(
            # Decree 123/2020/NĐ-CP on invoices (amended by Decree 70/2025/NĐ-CP): the invoice is the seller's
            # e-invoice, issued through its own provider; this record is the platform's, not an invoice.
            _(
                "Bảng kê này do OCOP Market lập để xác nhận đơn hàng và ghi nhận việc bán hàng cho người mua; đây "
                "không phải là hoá đơn. Hoá đơn điện tử (nếu có) do người bán lập theo Nghị định 123/2020/NĐ-CP "
                "(sửa đổi bởi Nghị định 70/2025/NĐ-CP)."
            ),
            style=body,
        ),
    ]
    doc.build(story)
    return buffer.getvalue()
