"""The provider-neutral data of one producer's part of an order, as an e-invoice states it: the seller, the
buyer (the company and its tax code when the buyer asked for a VAT invoice at checkout), the lines with their
VAT rate and discount, the totals and the payment method. ``xml.to_xml`` writes it in the tax authority's
format; a provider (``providers.py``) receives it as it is.

The part comes from ``shop.order.parts`` and its figures from the part's statement
(``shop.order.statement_lines``: list price, discount, net, VAT where charged, shipping, in whole đồng that add
up), so the e-invoice says what the order pages and the sales record say. Cancelled lines are left out.

VAT rate per line: the rate Oscar recorded on the line. Our price strategy records no tax today (prices are
what the producer asks), so such a line carries no rate (``None``) and the XML has no TSuat for it: the rate
must be settled with the seller's provider before issuing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from shop.core.addresses import delivery_address
from shop.core.money import to_dong
from shop.order.parts import part_for
from shop.order.statement_lines import buyer_name

# Decree 123/2020/NĐ-CP, Article 8: a VAT invoice (form 1) for sellers declaring VAT by the credit method, a
# sales invoice (form 2) for those using the direct method, households and individuals included. The kinds of
# producer we record do not say which method an enterprise or cooperative uses: we take the credit method.
VAT_INVOICE_KINDS = frozenset({"enterprise", "cooperative"})
VAT_INVOICE, SALES_INVOICE = "1", "2"
INVOICE_TITLES = {VAT_INVOICE: "HÓA ĐƠN GIÁ TRỊ GIA TĂNG", SALES_INVOICE: "HÓA ĐƠN BÁN HÀNG"}

# HTTToan is free text in the format; the words a buyer reads on the invoice.
PAYMENT_METHODS = {
    "cod": "Tiền mặt",
    "vietqr": "Chuyển khoản",
    "vnpay": "Chuyển khoản",
    "stripe": "Thẻ",
}
DEFAULT_PAYMENT_METHOD = "TM/CK"  # cash or transfer: the usual wording when nothing was recorded


@dataclass
class Party:
    name: str = ""
    tax_code: str = ""
    address: str = ""
    email: str = ""
    phone: str = ""
    person: str = ""  # the buyer's own name (HVTNMHang) beside a company name


@dataclass
class InvoiceLine:
    number: int
    code: str
    name: str
    quantity: int
    unit_price: int  # before discount, VAT excluded
    discount: int
    amount: int  # after discount, VAT excluded
    vat_rate: Decimal | None
    vat_amount: int
    kind: int = 1  # TChat: 1 goods or service, 2 promotion, 3 trade discount, 4 note

    @property
    def discount_percent(self) -> Decimal:
        gross = self.unit_price * self.quantity
        return (Decimal(self.discount) * 100 / gross).quantize(Decimal("0.01")) if gross else Decimal(0)


@dataclass
class VatGroup:
    rate: Decimal
    amount: int
    vat: int


@dataclass
class InvoiceData:
    order_number: str
    form: str  # KHMSHDon: VAT_INVOICE or SALES_INVOICE
    issue_date: datetime.date
    seller: Party
    buyer: Party
    lines: list[InvoiceLine] = field(default_factory=list)
    payment_method: str = DEFAULT_PAYMENT_METHOD
    currency: str = "VND"
    series: str = ""  # KHHDon, given by the provider
    number: str = ""  # SHDon, given by the provider
    replaces: dict | None = None  # the replaced invoice: form, series, number, date, note

    @property
    def title(self) -> str:
        return INVOICE_TITLES[self.form]

    @property
    def amount_total(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def vat_total(self) -> int:
        return sum(line.vat_amount for line in self.lines)

    @property
    def discount_total(self) -> int:
        return sum(line.discount for line in self.lines)

    @property
    def total(self) -> int:
        return self.amount_total + self.vat_total

    @property
    def vat_groups(self) -> list[VatGroup]:
        groups: dict[Decimal, VatGroup] = {}
        for line in self.lines:
            if line.vat_rate is None:
                continue
            group = groups.setdefault(line.vat_rate, VatGroup(line.vat_rate, 0, 0))
            group.amount += line.amount
            group.vat += line.vat_amount
        return [groups[rate] for rate in sorted(groups)]


def seller_of(partner) -> Party:
    return Party(
        name=partner.legal_name or partner.name,
        tax_code=getattr(partner, "tax_code", "") or partner.registration_number,
        address=partner.address,
        email=partner.email,
        phone=partner.phone,
    )


def buyer_of(order) -> Party:
    shipping = order.shipping_address
    person = buyer_name(order)
    request = getattr(order, "invoice_request", None)
    if request is not None:
        return Party(
            name=request.company_name,
            tax_code=request.tax_code,
            address=request.address,
            email=request.email,
            person=person,
        )
    return Party(
        person=person,
        address=delivery_address(shipping) if shipping else "",
        email=order.email,
        phone=str(shipping.phone_number or "") if shipping else "",
    )


def payment_method_of(order) -> str:
    from payments.models import Payment

    payment = Payment.objects.filter(order=order).order_by("-pk").first()
    if payment is not None:
        return PAYMENT_METHODS.get(payment.method, DEFAULT_PAYMENT_METHOD)
    source = order.sources.select_related("source_type").first()  # Oscar's ledger (demo card payments)
    return source.source_type.name[:50] if source else DEFAULT_PAYMENT_METHOD


def invoice_lines(part) -> list[InvoiceLine]:
    """The part's lines from its statement (``part.statement``, the figures every document shows), VAT
    excluded where the seller charges it, then its shipping charge as a service line."""
    statement = part.statement
    lines = []
    for row in statement.lines:
        vat = row.vat_amount or 0
        amount = row.net - vat
        unit_price = to_dong(row.line.unit_price_excl_tax) if vat else row.unit_list_price
        lines.append(
            InvoiceLine(
                number=len(lines) + 1,
                code=row.line.partner_sku or row.line.upc or "",
                name=row.title,
                quantity=row.quantity,
                unit_price=unit_price,
                discount=max(unit_price * row.quantity - amount, 0),
                amount=amount,
                vat_rate=None if row.vat_rate is None else (row.vat_rate * 100).normalize(),
                vat_amount=vat,
            )
        )
    if statement.shipping:
        lines.append(
            InvoiceLine(
                number=len(lines) + 1,
                code="",
                name=_("Phí vận chuyển"),
                quantity=1,
                unit_price=statement.shipping,
                discount=0,
                amount=statement.shipping,
                vat_rate=None,
                vat_amount=0,
            )
        )
    return lines


def invoice_data(order, partner, einvoice=None) -> InvoiceData | None:
    """The e-invoice data of ``partner``'s part of ``order`` (None when it has no lines in it). With
    ``einvoice``, its series, number and issue date, and what it replaces."""
    part = part_for(order, partner)
    if part is None:
        return None
    issued = einvoice.issued_at if einvoice is not None and einvoice.issued_at else None
    data = InvoiceData(
        order_number=order.number,
        form=VAT_INVOICE if partner.kind in VAT_INVOICE_KINDS else SALES_INVOICE,
        issue_date=timezone.localtime(issued).date() if issued else timezone.localdate(),
        seller=seller_of(partner),
        buyer=buyer_of(order),
        lines=invoice_lines(part),
        payment_method=payment_method_of(order),
        series=einvoice.series if einvoice is not None else "",
        number=einvoice.number if einvoice is not None else "",
    )
    replaced = einvoice.replaces if einvoice is not None else None
    if replaced is not None:
        data.replaces = {
            "form": data.form,
            "series": replaced.series,
            "number": replaced.number,
            "date": timezone.localtime(replaced.issued_at).date() if replaced.issued_at else None,
            "note": einvoice.reason,
        }
    return data
