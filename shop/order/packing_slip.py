"""The packing slip of one producer's parcel (PDF, A6): page 1 is the address label stuck on the parcel
(recipient, phone, address, order number, sender, what is inside, the cash to collect when the buyer pays on
delivery), page 2 the packing list the producer ticks while packing.

One parcel per producer (``shop.order.parts``): the cash to collect is that part's total (its goods not
cancelled and its shipping charge), since each producer's courier collects for its own parcel. Same fonts
and escaping as the invoices (``shop.order.invoices``): everything typed by buyers and producers prints as
typed.
"""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A6
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

from shop.core import order_statuses as statuses
from shop.core.addresses import delivery_address, format_address
from shop.core.money import format_vnd
from shop.core.pdftext import paragraph, producer_document
from shop.order.parts import part_for


def cash_to_collect(order, part):
    """What the courier collects for this parcel: its total when the buyer pays cash on delivery and has
    not paid yet, else 0."""
    from payments.states import payment_for_order

    payment = payment_for_order(order)
    if payment is None or payment.provider.prepaid or payment.is_paid:
        return 0
    return part.total


def packing_slip_pdf(order, partner):
    """The PDF bytes of ``partner``'s parcel of ``order`` (None when the producer has no lines in it)."""
    part = part_for(order, partner)
    if part is None:
        return None
    buffer = io.BytesIO()
    doc, body, bold = producer_document(
        buffer,
        partner,
        pagesize=A6,
        margin_mm=6,
        title=_("Phiếu giao hàng %(number)s") % {"number": order.number},
        font_size=8,
    )
    big = ParagraphStyle("big", parent=bold, fontSize=11, leading=14)
    title = ParagraphStyle("title", parent=bold, fontSize=9, leading=12, textColor=colors.grey)
    address = order.shipping_address
    recipient = " ".join(p for p in (address.last_name, address.first_name) if p) if address else ""
    recipient = recipient or (order.user.get_full_name() if order.user else "")
    phone = str(address.phone_number or "") if address else ""
    live = [line for line in part.lines if line.status != statuses.LINE_CANCELLED]
    items = sum(line.quantity for line in live)
    cod = cash_to_collect(order, part)
    placed = timezone.localtime(order.date_placed)
    label = [
        paragraph(_("NGƯỜI NHẬN"), style=title),
        paragraph(recipient or "—", style=big),
        paragraph(_("Điện thoại: %(phone)s") % {"phone": phone or "—"}, style=bold),
        paragraph(delivery_address(address) or "—", style=body),
        Spacer(1, 3 * mm),
        paragraph(
            _("Đơn hàng: %(number)s · %(date)s") % {"number": order.number, "date": placed.strftime("%d/%m/%Y")},
            style=bold,
        ),
        paragraph(
            _("Trong kiện: %(lines)s sản phẩm, %(items)s món") % {"lines": len(live), "items": items}, style=body
        ),
        Spacer(1, 3 * mm),
        paragraph(
            _("THU HỘ (COD): %(amount)s") % {"amount": format_vnd(cod)}
            if cod
            else _("Không thu tiền người nhận (đã thanh toán)"),
            style=big,
        ),
        Spacer(1, 3 * mm),
        paragraph(_("NGƯỜI GỬI"), style=title),
        paragraph(partner.legal_name or partner.name, style=bold),
        paragraph(_("Điện thoại: %(phone)s") % {"phone": partner.phone or "—"}, style=body),
        paragraph(format_address(partner.street, partner.ward_code, partner.province_code) or "—", style=body),
    ]
    rows = [[_("Sản phẩm"), _("SL"), "✓"]]
    for line in live:
        rows.append([paragraph(line.title, " · ", line.partner_sku or "", style=body), str(line.quantity), "☐"])
    table = Table(rows, colWidths=[68 * mm, 12 * mm, 10 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), "DejaVuSans"),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("FONTNAME", (0, 0), (-1, 0), "DejaVuSans-Bold"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.grey),
                ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    packing = [
        PageBreak(),
        paragraph(_("PHIẾU ĐÓNG GÓI · đơn %(number)s") % {"number": order.number}, style=big),
        paragraph(partner.legal_name or partner.name, style=body),
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 3 * mm),
        paragraph(_("Tiền hàng: %(amount)s") % {"amount": format_vnd(part.goods_total)}, style=body),
        paragraph(_("Phí vận chuyển: %(amount)s") % {"amount": format_vnd(part.shipping_charge)}, style=body),
    ]
    if address and address.notes:
        packing.append(paragraph(_("Ghi chú của khách: %(notes)s") % {"notes": address.notes}, style=body))
    doc.build(label + packing)
    return buffer.getvalue()
