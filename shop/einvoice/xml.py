"""The e-invoice XML of the tax authority's format (Decision 1450/QĐ-TCT of 7 October 2021, applying Decree
123/2020/NĐ-CP and Circular 78/2021/TT-BTC), written from ``data.InvoiceData`` with the standard library.

We write the invoice's data part, ``HDon/DLHDon``, unsigned: the provider signs it (DSCKS) and, for an invoice
with the tax authority's code, adds MCCQT. Element names, order and lengths are those of ``fields.FIELDS``,
which tests check every export against.
"""

import xml.etree.ElementTree as ET
from decimal import Decimal

from shop.core.money import dong_in_words
from shop.einvoice.data import InvoiceData

FORMAT_VERSION = "2.0.0"  # PBan of Decision 1450/QĐ-TCT
REPLACEMENT = "1"  # TCHDon: 1 replaces, 2 adjusts the related invoice
DECREE_123_INVOICE = "1"  # LHDCLQuan: the related invoice is one of Decree 123/2020


def to_xml(data: InvoiceData) -> bytes:
    root = ET.Element("HDon")
    invoice = ET.SubElement(root, "DLHDon", Id="DLHDon")
    general = ET.SubElement(invoice, "TTChung")
    _add(general, "PBan", FORMAT_VERSION)
    _add(general, "THDon", data.title)
    _add(general, "KHMSHDon", data.form)
    _add(general, "KHHDon", data.series)
    _add(general, "SHDon", data.number)
    _add(general, "NLap", data.issue_date.isoformat())
    _add(general, "DVTTe", data.currency)
    _add(general, "HTTToan", data.payment_method)
    if data.replaces:
        related = ET.SubElement(general, "TTHDLQuan")
        _add(related, "TCHDon", REPLACEMENT)
        _add(related, "LHDCLQuan", DECREE_123_INVOICE)
        _add(related, "KHMSHDCLQuan", data.replaces["form"])
        _add(related, "KHHDCLQuan", data.replaces["series"])
        _add(related, "SHDCLQuan", data.replaces["number"])
        _add(related, "NLHDCLQuan", data.replaces["date"].isoformat() if data.replaces["date"] else "")
        if data.replaces.get("note"):
            _add(related, "GChu", data.replaces["note"][:255])

    content = ET.SubElement(invoice, "NDHDon")
    seller = ET.SubElement(content, "NBan")
    _add(seller, "Ten", data.seller.name)
    _add(seller, "MST", data.seller.tax_code)
    _add(seller, "DChi", data.seller.address)
    _optional(seller, "SDThoai", data.seller.phone)
    _optional(seller, "DCTDTu", data.seller.email)
    buyer = ET.SubElement(content, "NMua")
    _optional(buyer, "Ten", data.buyer.name)
    _optional(buyer, "MST", data.buyer.tax_code)
    _optional(buyer, "DChi", data.buyer.address)
    _optional(buyer, "SDThoai", data.buyer.phone)
    _optional(buyer, "DCTDTu", data.buyer.email)
    _optional(buyer, "HVTNMHang", data.buyer.person)

    items = ET.SubElement(content, "DSHHDVu")
    for line in data.lines:
        item = ET.SubElement(items, "HHDVu")
        _add(item, "TChat", str(line.kind))
        _add(item, "STT", str(line.number))
        _optional(item, "MHHDVu", line.code)
        _add(item, "THHDVu", line.name)
        _add(item, "SLuong", str(line.quantity))
        _add(item, "DGia", str(line.unit_price))
        _add(item, "TLCKhau", _decimal(line.discount_percent))
        _add(item, "STCKhau", str(line.discount))
        _add(item, "ThTien", str(line.amount))
        if line.vat_rate is not None:
            _add(item, "TSuat", rate_text(line.vat_rate))

    totals = ET.SubElement(content, "TToan")
    groups = data.vat_groups
    if groups:
        by_rate = ET.SubElement(totals, "THTTLTSuat")
        for group in groups:
            rate = ET.SubElement(by_rate, "LTSuat")
            _add(rate, "TSuat", rate_text(group.rate))
            _add(rate, "ThTien", str(group.amount))
            _add(rate, "TThue", str(group.vat))
    _add(totals, "TgTCThue", str(data.amount_total))
    _add(totals, "TgTThue", str(data.vat_total))
    _add(totals, "TTCKTMai", "0")  # discounts are per line (STCKhau), none on the whole invoice
    _add(totals, "TgTTTBSo", str(data.total))
    _add(totals, "TgTTTBChu", dong_in_words(data.total))
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def rate_text(rate: Decimal) -> str:
    return f"{_decimal(rate)}%"


def _decimal(value: Decimal) -> str:
    text = format(Decimal(value).normalize(), "f")
    return text


def _add(parent, tag, text):
    ET.SubElement(parent, tag).text = text or ""


def _optional(parent, tag, text):
    if text:
        _add(parent, tag, text)
