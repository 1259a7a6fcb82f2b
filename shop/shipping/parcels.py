"""The shipping rule, in one place: an order is shipped as one parcel per producer, each charged by its
weight and zone.

- A parcel holds the producer's lines that need shipping; services (community tourism, product classes
  with ``requires_shipping=False``) are in no parcel and cost nothing to ship.
- Its weight is Σ ``Product.weight_grams`` × quantity; a product without a weight counts
  ``DEFAULT_WEIGHT_GRAMS``.
- Its zone comes from the producer's province and the destination province (``zones.zone_for``).
- Its charge is the zone's first band that holds the weight; above the heaviest band, each further
  kilogram or part of one adds the zone's ``extra_kg_charge``.
- A parcel whose goods (after discounts) reach the free-shipping threshold ships free.

``parcels_for_basket`` prices a basket for an address (the checkout's shipping method uses it);
``record_parcels`` writes what an order's parcels were charged when it is placed, and
``parcels_for_order`` reads it back (invoices, order pages).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Subquery
from oscar.core.loading import get_model

from shop.core import request_memo
from shop.core.money import to_dong
from shop.shipping.zones import Zone, zone_for

DEFAULT_WEIGHT_GRAMS = 500  # a product whose weight nobody entered: a typical small OCOP parcel
GRAMS_PER_KG = 1000


class ShippingUnavailable(Exception):
    """The rates of a zone the basket needs have not been set up."""


@dataclass
class Parcel:
    partner: object  # Partner, or None when the producer was deleted after the order
    partner_name: str
    zone: str
    weight_grams: int = 0
    goods_subtotal: int = 0  # whole đồng
    rate_charge: int = 0  # what the tariff asks for this weight and zone
    charge: int = 0  # what is charged: 0 when free
    free_by_threshold: bool = False
    lines: list = field(default_factory=list)

    @property
    def partner_id(self):
        return getattr(self.partner, "pk", None)

    @property
    def is_free(self):
        return self.charge == 0

    @property
    def zone_label(self):
        return Zone(self.zone).label

    @property
    def weight_kg(self):
        return Decimal(self.weight_grams) / GRAMS_PER_KG


class RateTable:
    """The tariff as stored: bands per zone, extra-kilogram prices and the free threshold."""

    def __init__(self, bands=None, extra_kg=None, threshold=None):
        self.bands = bands or {}  # zone → [(max_weight_grams, charge)] ascending
        self.extra_kg = extra_kg or {}  # zone → charge per extra kg
        self.threshold = threshold

    @classmethod
    def load(cls):
        """The tariff; read once per request (``shop.core.request_memo``)."""
        return request_memo.remember("shipping-rate-table", cls._read)

    @classmethod
    def _read(cls):
        """One query (it runs in every checkout request): each zone's bands, a zone without any as one row of
        None, every row carrying the free-shipping threshold."""
        ZoneRate = get_model("shipping", "ZoneRate")
        ShippingSettings = get_model("shipping", "ShippingSettings")
        threshold = ShippingSettings.objects.filter(pk=1).values("free_shipping_threshold")
        rows = ZoneRate.objects.annotate(threshold=Subquery(threshold)).values_list(
            "zone", "extra_kg_charge", "bands__max_weight_grams", "bands__charge", "threshold"
        )
        bands, extra_kg, free_from = {}, {}, None
        for zone, extra_kg_charge, max_weight_grams, charge, free_from in rows:
            extra_kg[zone] = extra_kg_charge
            zone_bands = bands.setdefault(zone, [])
            if max_weight_grams is not None:
                zone_bands.append((max_weight_grams, charge))
        if not bands:  # no zone priced yet: the threshold alone
            free_from = threshold.values_list("free_shipping_threshold", flat=True).first()
        return cls({zone: sorted(zone_bands) for zone, zone_bands in bands.items()}, extra_kg, free_from or None)

    def is_configured(self, zone):
        return bool(self.bands.get(zone))

    def charge_for(self, zone, weight_grams):
        bands = self.bands.get(zone)
        if not bands:
            raise ShippingUnavailable(zone)
        for max_weight, charge in bands:
            if weight_grams <= max_weight:
                return charge
        top_weight, top_charge = bands[-1]
        extra_kg = -(-(weight_grams - top_weight) // GRAMS_PER_KG)  # started kilograms
        return top_charge + extra_kg * self.extra_kg.get(zone, 0)

    def ships_free(self, goods_subtotal):
        return bool(self.threshold) and goods_subtotal >= self.threshold


def product_weight_grams(product):
    weight = getattr(product, "weight_grams", None)
    if weight is None and getattr(product, "parent_id", None):
        weight = product.parent.weight_grams
    return DEFAULT_WEIGHT_GRAMS if weight is None else weight


def _needs_shipping(product):
    # An order line whose product was deleted since is taken as goods.
    return product is None or product.is_shipping_required


def _basket_line_facts(line):
    partner = line.stockrecord.partner if line.stockrecord_id else None
    price = line.line_price_incl_tax_incl_discounts if line.is_tax_known else line.line_price_excl_tax_incl_discounts
    return partner, getattr(partner, "name", ""), line.product, price


def _order_line_facts(line):
    partner_name = line.partner.name if line.partner_id else line.partner_name
    return line.partner, partner_name, line.product, line.line_price_incl_tax


def _build(lines, destination_province, facts, rates, strict=True):
    parcels = {}
    for line in lines:
        partner, partner_name, product, price = facts(line)
        if not _needs_shipping(product):
            continue
        key = getattr(partner, "pk", None) or partner_name
        parcel = parcels.get(key)
        if parcel is None:
            zone = zone_for(getattr(partner, "province_code", None), destination_province)
            parcel = parcels[key] = Parcel(partner=partner, partner_name=partner_name, zone=zone)
        parcel.lines.append(line)
        weight = product_weight_grams(product) if product is not None else DEFAULT_WEIGHT_GRAMS
        parcel.weight_grams += weight * line.quantity
        parcel.goods_subtotal += to_dong(price)
    for parcel in parcels.values():
        if rates.is_configured(parcel.zone) or strict:
            parcel.rate_charge = rates.charge_for(parcel.zone, parcel.weight_grams)
        parcel.free_by_threshold = rates.ships_free(parcel.goods_subtotal)
        parcel.charge = 0 if parcel.free_by_threshold else parcel.rate_charge
    return list(parcels.values())


def parcels_for_basket(basket, province_code, rates=None):
    """The basket's parcels for a destination province (None: unknown, charged as the farthest zone).
    Raises ``ShippingUnavailable`` when a zone it needs has no rates."""
    return _build(basket.all_lines(), province_code, _basket_line_facts, rates or RateTable.load())


def total_charge(parcels):
    return sum(parcel.charge for parcel in parcels)


def _allocate(parcels, total):
    """Make the parcels' charges add up to ``total``, the shipping charge the order was placed with
    (an offer or another shipping method may have changed it): shared in proportion to the computed
    charges (equally if they were all 0), the đồng left over to the largest remainders first."""
    if not parcels or total_charge(parcels) == total:
        return
    weights = [p.charge for p in parcels] if total_charge(parcels) else [1] * len(parcels)
    whole = sum(weights)
    shares = [total * w // whole for w in weights]
    by_remainder = sorted(range(len(parcels)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in by_remainder[: total - sum(shares)]:
        shares[i] += 1
    for parcel, share in zip(parcels, shares):
        parcel.charge = share


def destination_province(order):
    address = order.shipping_address
    return getattr(address, "province_code", None) if address is not None else None


def order_lines(order):
    """The order's lines in id order, with what parcels read of them (partner, product and its class)."""
    return order.lines.select_related("partner", "product__product_class", "product__parent__product_class").order_by(
        "pk"
    )


def compute_order_parcels(order, rates=None, lines=None):
    """The order's parcels computed from its lines and address, their charges adding up to the order's
    shipping charge. Zones without rates count 0 before that sharing: the order's charge is the fact.
    ``lines``: the order's lines in id order, with their partner and product, when the caller holds them
    (placement); read otherwise."""
    lines = order_lines(order) if lines is None else lines
    parcels = _build(lines, destination_province(order), _order_line_facts, rates or RateTable.load(), strict=False)
    _allocate(parcels, to_dong(order.shipping_incl_tax))
    return parcels


def record_parcels(order, lines=None, new=False):
    """Write the order's parcels (``OrderParcel``). Called once when the order is placed, inside the
    placement transaction, with the lines it has just written (reading them back with their products cost
    4–5 ms of CPU, a fifteenth of placing the order) and ``new`` (it has no parcels to replace yet); calling it
    again rewrites them."""
    OrderParcel = get_model("shipping", "OrderParcel")
    parcels = compute_order_parcels(order, lines=lines)
    if not new:
        OrderParcel.objects.filter(order=order).delete()
    OrderParcel.objects.bulk_create(
        [
            OrderParcel(
                order=order,
                partner=p.partner,
                partner_name=p.partner_name,
                weight_grams=p.weight_grams,
                zone=p.zone,
                goods_subtotal=p.goods_subtotal,
                rate_charge=p.rate_charge,
                charge=p.charge,
                free_by_threshold=p.free_by_threshold,
            )
            for p in parcels
        ]
    )
    return parcels


def parcels_for_order(order, lines=None):
    """The order's parcels as recorded at placement, each with its order lines; computed (and not
    saved) for an order placed before parcels were recorded. ``lines``: the order's lines as ``order_lines``
    reads them, when the caller holds them (the mails of an order: a wide query less)."""
    lines = order_lines(order) if lines is None else lines
    rows = list(order.parcels.select_related("partner").order_by("pk"))
    if not rows:
        return compute_order_parcels(order, lines=lines)
    lines_by_partner = {}
    for line in lines:
        if _needs_shipping(line.product):
            lines_by_partner.setdefault(line.partner_id, []).append(line)
    return [
        Parcel(
            partner=row.partner,
            partner_name=row.partner_name,
            zone=row.zone,
            weight_grams=row.weight_grams,
            goods_subtotal=row.goods_subtotal,
            rate_charge=row.rate_charge,
            charge=row.charge,
            free_by_threshold=row.free_by_threshold,
            lines=lines_by_partner.get(row.partner_id, []),
        )
        for row in rows
    ]
