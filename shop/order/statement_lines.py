"""One set of figures for a producer's part of an order, used by every document that shows it: the sales
record PDF (``shop.order.invoices``), the buyer's and the producer's order emails and the order pages
(thank-you, account, guest lookup, portal).

Per line: title, quantity, unit list price, line list total, discount (with the offers that gave it), net and —
only where the seller charges it separately — the VAT rate and amount; then the part's shipping and totals.
Every figure is in whole đồng (``shop.core.money.to_dong``) and the figures add up exactly, as printed:
list − discount = net on every line, Σ net + shipping = total. Oscar stores a line's price after discounts
with its own decimals (a 10 % offer on 45.555 ₫ leaves 40.999,5 ₫), so the part's goods total is rounded
once, as the payment and the refunds round it (``payments.refunds.line_refund_amount``), and the
rounding is spread over the lines by largest remainder instead of rounding each line on its own.

Tax: our partner strategy records no tax (``OcopStrategy``: prices are what the producer asks, tax
included), so a line's VAT is known only when Oscar recorded a price excluding tax below the price
including it; otherwise the documents print no VAT rate rather than an invented one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal

from oscar.core.loading import get_model

from shop.core import order_statuses as statuses
from shop.core.money import to_dong

OrderDiscount = get_model("order", "OrderDiscount")
OrderLineDiscount = get_model("order", "OrderLineDiscount")


@dataclass(frozen=True)
class StatementLine:
    line: object  # the Oscar order line
    title: str
    quantity: int
    unit_list_price: int
    list_total: int
    discount: int
    net: int
    offers: tuple = ()  # ((offer name, its part of the discount in whole đồng), ...)
    vat_rate: Decimal | None = None  # a fraction (0.08), only where the seller charges VAT separately
    vat_amount: int | None = None

    @property
    def offer_names(self):
        return ", ".join(name for name, _amount in self.offers)

    @property
    def vat_percent(self):
        """The VAT rate as printed ("8 %", "5,5 %"), or "" when not charged separately."""
        if self.vat_rate is None:
            return ""
        percent = (self.vat_rate * 100).quantize(Decimal("0.1")).normalize()
        return f"{percent:f} %".replace(".", ",")


@dataclass
class Statement:
    lines: list  # StatementLine of the lines not cancelled
    cancelled: list = field(default_factory=list)  # the part's cancelled Oscar lines (shown, never counted)
    shipping: int = 0

    @property
    def list_total(self):
        return sum(line.list_total for line in self.lines)

    @property
    def discount_total(self):
        return sum(line.discount for line in self.lines)

    @property
    def goods_total(self):
        return sum(line.net for line in self.lines)

    @property
    def has_vat(self):
        return any(line.vat_rate is not None for line in self.lines)

    @property
    def vat_total(self):
        return sum(line.vat_amount or 0 for line in self.lines)

    @property
    def total(self):
        return self.goods_total + self.shipping

    @property
    def offers(self):
        """The offers that discounted this part, with their total per offer: [(name, amount), ...]."""
        totals: dict[str, int] = {}
        for line in self.lines:
            for name, amount in line.offers:
                totals[name] = totals.get(name, 0) + amount
        return list(totals.items())

    def check(self):
        """Raise ``ValueError`` unless the printed figures add up (list − discount = net on every line, every
        discount shared out exactly among its offers, Σ net + shipping = total)."""
        for line in self.lines:
            if line.list_total - line.discount != line.net or sum(a for _n, a in line.offers) not in (0, line.discount):
                raise ValueError(f"Line {line.title!r} does not add up: {line}")
        if self.list_total - self.discount_total != self.goods_total or self.goods_total + self.shipping != self.total:
            raise ValueError("The part's total is not its lines' nets plus shipping.")
        return self


def _spread(exact: list[Decimal], total: int) -> list[int]:
    """Whole-đồng amounts for ``exact`` that sum to ``total``: floors, then the đồng left over go to the largest
    remainders (ties: first come)."""
    floors = [int(value.to_integral_value(rounding=ROUND_FLOOR)) for value in exact]
    left = total - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[: max(left, 0)]:
        floors[i] += 1
    return floors


def _offers(discount: int, records: list, basket: list):
    """The offers behind a line's whole-đồng ``discount``: its order line discounts (``records``), or the order's
    only basket offer (of ``basket``) when the line kept none; the discount shared among them by ``_spread``."""
    if records:
        amounts = [Decimal(record.amount) for record in records]
        total = sum(amounts, Decimal(0))
        shares = _spread([amount * discount / total for amount in amounts], discount) if total else [0] * len(records)
        merged: dict[str, int] = {}
        for record, amount in zip(records, shares, strict=True):
            name = record.order_discount.description()
            merged[name] = merged.get(name, 0) + amount
        return tuple(merged.items())
    if len(basket) == 1:
        return ((basket[0].description(), discount),)
    return (("", discount),)


def statement_for(part) -> Statement:
    """The figures of ``part`` (a ``shop.order.parts.ProducerPart``): no query unless a line was discounted, then
    two (its offers)."""
    live = [line for line in part.lines if line.status != statuses.LINE_CANCELLED]
    cancelled = [line for line in part.lines if line.status == statuses.LINE_CANCELLED]
    exact_nets = [Decimal(line.line_price_incl_tax) for line in live]
    nets = _spread(exact_nets, to_dong(sum(exact_nets, Decimal(0))))
    list_totals = [max(to_dong(line.line_price_before_discounts_incl_tax), net) for line, net in zip(live, nets)]
    records: dict[int, list] = {}
    basket: list = []
    discounted = [line.pk for line, net, listed in zip(live, nets, list_totals) if listed > net]
    if discounted:
        for record in (
            OrderLineDiscount.objects.filter(line_id__in=discounted).select_related("order_discount").order_by("pk")
        ):
            records.setdefault(record.line_id, []).append(record)
        basket = list(OrderDiscount.objects.filter(order_id=live[0].order_id, category=OrderDiscount.BASKET))
    lines = []
    for line, net, list_total in zip(live, nets, list_totals, strict=True):
        discount = list_total - net
        incl, excl = Decimal(line.line_price_incl_tax), Decimal(line.line_price_excl_tax)
        vat_rate = vat_amount = None
        if excl and incl > excl:
            vat_rate = ((incl - excl) / excl).quantize(Decimal("0.001"))
            vat_amount = to_dong(incl - excl)
        lines.append(
            StatementLine(
                line=line,
                title=line.title,
                quantity=line.quantity,
                unit_list_price=to_dong(line.unit_price_incl_tax),
                list_total=list_total,
                discount=discount,
                net=net,
                offers=_offers(discount, records.get(line.pk, []), basket) if discount else (),
                vat_rate=vat_rate,
                vat_amount=vat_amount,
            )
        )
    return Statement(lines=lines, cancelled=cancelled, shipping=to_dong(part.shipping_charge)).check()


def _address_name(address):
    """The name on an address, family name first ("Trần Thị Hương"): our forms keep the whole name in
    ``first_name``; older addresses split it (``last_name`` "Trần Thị", ``first_name`` "Hương")."""
    if address is None:
        return ""
    return " ".join(part.strip() for part in (address.last_name, address.first_name) if part and part.strip())


def buyer_name(order) -> str:
    """The buyer's full name: the account holder's (``User.get_full_name``, family name first), else the
    billing then the shipping address's name (guest orders)."""
    name = order.user.get_full_name() if order.user_id else ""
    return name or _address_name(order.billing_address) or _address_name(order.shipping_address)


def recipient_name(order) -> str:
    """Who receives the parcel: the shipping address's full name, else the buyer."""
    return _address_name(order.shipping_address) or buyer_name(order)
