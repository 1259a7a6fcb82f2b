"""The sales invoice (PDF) of one producer's part of an order: the seller's name, address, tax code
and phone, the buyer, the lines with VAT, the part's shipping and totals in VND.

It is the platform's record of the sale for the buyer, not the legal e-invoice (hóa đơn điện tử),
which a VAT-registered seller issues through its own e-invoice provider; the PDF says so.
Vietnamese needs a font with its glyphs: DejaVu Sans, shipped in ``shop/order/fonts`` (its licence
beside it) so that a fresh machine renders the same PDF. Every text goes through
``shop.core.pdftext.paragraph``, which escapes it: names, addresses and titles typed by buyers and
producers print as typed and never act as reportlab markup.
"""

import io
from decimal import Decimal
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from shop.core import order_statuses as statuses
from shop.core.addresses import format_address
from shop.core.money import format_vnd
from shop.core.pdftext import paragraph
from shop.order.parts import part_for

FONTS = Path(__file__).resolve().parent / "fonts"
_registered = False


def _fonts():
    global _registered
    if not _registered:
        pdfmetrics.registerFont(TTFont("DejaVuSans", FONTS / "DejaVuSans.ttf"))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", FONTS / "DejaVuSans-Bold.ttf"))
        _registered = True


def producer_document(buffer, partner, *, pagesize, margin_mm, title, font_size):
    """A PDF document of one producer's (the author) with our fonts registered, and its text styles: ``body`` and
    ``bold`` at ``font_size``. Shared by the sales record and the packing slip."""
    _fonts()
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=font_size, leading=round(font_size * 1.3))
    bold = ParagraphStyle("bold", parent=body, fontName="DejaVuSans-Bold")
    margin = margin_mm * mm
    document = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        author=partner.legal_name or partner.name,
    )
    return document, body, bold


def vat_percent(line):
    excl, incl = Decimal(line.line_price_excl_tax), Decimal(line.line_price_incl_tax)
    if not excl:
        return "0 %"
    return f"{((incl - excl) / excl * 100).quantize(Decimal('0.1')).normalize()} %".replace(".", ",")


def invoice_pdf(order, partner):
    """The PDF bytes of ``partner``'s part of ``order`` (None when the producer has no lines in it)."""
    part = part_for(order, partner)
    if part is None:
        return None
    buffer = io.BytesIO()
    doc, body, bold = producer_document(
        buffer,
        partner,
        pagesize=A4,
        margin_mm=15,
        title=_("Hoá đơn bán hàng %(number)s") % {"number": order.number},
        font_size=9,
    )
    title = ParagraphStyle("title", parent=bold, fontSize=14, leading=18, spaceAfter=6)
    seller_address = format_address(partner.street, partner.ward_code, partner.province_code)
    address = order.shipping_address
    buyer = (address.first_name if address else "") or (order.user.get_full_name() if order.user else "")
    buyer_address = ", ".join(p for p in (address.line1, address.line4, address.state) if p) if address else ""
    placed = timezone.localtime(order.date_placed)
    story = [
        paragraph(_("HOÁ ĐƠN BÁN HÀNG"), style=title),
        paragraph(
            _("Đơn hàng %(number)s · ngày %(date)s") % {"number": order.number, "date": placed.strftime("%d/%m/%Y")},
            style=body,
        ),
        Spacer(1, 4 * mm),
        paragraph(_("Người bán: %(name)s") % {"name": partner.legal_name or partner.name}, style=bold),
        paragraph(_("Địa chỉ: %(address)s") % {"address": seller_address or "—"}, style=body),
        paragraph(
            _("Mã số thuế / mã số đăng ký kinh doanh: %(code)s") % {"code": partner.registration_number or "—"},
            style=body,
        ),
        paragraph(_("Điện thoại: %(phone)s") % {"phone": partner.phone or "—"}, style=body),
        Spacer(1, 3 * mm),
        paragraph(_("Người mua: %(name)s") % {"name": buyer or "—"}, style=bold),
        paragraph(_("Địa chỉ giao hàng: %(address)s") % {"address": buyer_address or "—"}, style=body),
        Spacer(1, 4 * mm),
    ]
    rows = [[_("Sản phẩm"), _("SL"), _("Đơn giá"), _("Thuế GTGT"), _("Tiền thuế"), _("Thành tiền")]]
    vat_total = Decimal(0)
    for line in part.lines:
        if line.status == statuses.LINE_CANCELLED:
            continue
        vat = Decimal(line.line_price_incl_tax) - Decimal(line.line_price_excl_tax)
        vat_total += vat
        rows.append(
            [
                paragraph(line.title, style=body),
                str(line.quantity),
                format_vnd(line.unit_price_excl_tax),
                vat_percent(line),
                format_vnd(vat),
                format_vnd(line.line_price_incl_tax),
            ]
        )
    rows += [
        ["", "", "", "", _("Tiền hàng"), format_vnd(part.goods_total)],
        ["", "", "", "", _("Trong đó thuế GTGT"), format_vnd(vat_total)],
        ["", "", "", "", _("Phí vận chuyển"), format_vnd(part.shipping_charge)],
        ["", "", "", "", _("Tổng cộng"), format_vnd(part.total)],
    ]
    table = Table(rows, colWidths=[70 * mm, 12 * mm, 25 * mm, 20 * mm, 28 * mm, 27 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), "DejaVuSans"),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("FONTNAME", (0, 0), (-1, 0), "DejaVuSans-Bold"),
                ("FONTNAME", (4, -1), (-1, -1), "DejaVuSans-Bold"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                ("LINEABOVE", (4, -4), (-1, -4), 0.4, colors.grey),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story += [
        table,
        Spacer(1, 6 * mm),
        paragraph(
            _(
                "Chứng từ bán hàng do OCOP Market lập cho người mua; không thay thế hoá đơn điện tử. Người bán đã đăng ký "
                "thuế GTGT xuất hoá đơn điện tử theo quy định khi người mua yêu cầu."
            ),
            style=body,
        ),
    ]
    doc.build(story)
    return buffer.getvalue()
