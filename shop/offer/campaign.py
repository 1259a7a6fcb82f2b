"""What one unit of a product costs under today's site offers: the campaign price that cards and the product page
show (the discounted price, the list price struck through, "-10%").

Not a second pricing rule: one unit of the product is put in an unsaved basket and priced by Oscar's own offer
machinery with the offers the basket itself uses while browsing (``shop.offer.applicator``: the open site offers,
cached per content version, their dates checked now). So the price shown is the price the basket charges for that
unit, whatever the benefit (percentage, absolute, fixed price) and whichever offer wins by priority. An offer
whose condition one unit does not meet (spend 500.000 ₫, buy three) gives no campaign price: the product does not
cost less on its own.

Read per request once (``shop.core.request_memo``); ``offers_key`` names the offers open now, for the key of a
cached card (an offer starting or ending at its time changes no content version).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from oscar.core.loading import get_model

from shop.core import request_memo
from shop.core.money import whole_percent
from shop.offer.applicator import Applicator


@dataclass(frozen=True)
class CampaignPrice:
    """One unit's price under the site offers, beside the list price it is discounted from."""

    list_price: Decimal
    price: Decimal
    currency: str
    offer_name: str

    @property
    def saving(self) -> Decimal:
        return self.list_price - self.price

    @property
    def percent(self) -> int:
        """The discount in whole per cent, as the badge shows it ("-10%")."""
        return whole_percent(self.saving, self.list_price)


def _offers(request):
    """The offers a browsing basket gets (site offers open now; no voucher: the basket is nobody's)."""
    Basket = get_model("basket", "Basket")
    return request_memo.remember(
        "campaign-offers", lambda: Applicator().get_offers(Basket(), user=None, request=request)
    )


def offers_key(request=None) -> str:
    """The ids of the offers open now (empty when none): part of the key of anything that shows a campaign price."""
    return ",".join(str(offer.pk) for offer in _offers(request))


def campaign_price(product, purchase_info, request=None) -> CampaignPrice | None:
    """The price of one unit of ``product`` (priced by ``purchase_info``, the visitor's strategy) under the site
    offers open now, or None when no offer lowers it."""
    price = purchase_info.price
    if not price.exists or purchase_info.stockrecord is None or not purchase_info.availability.is_available_to_buy:
        return None
    offers = _offers(request)
    if not offers:
        return None
    Basket, Line = get_model("basket", "Basket"), get_model("basket", "Line")
    basket = Basket()
    line = Line(
        basket=basket,
        product=product,
        stockrecord=purchase_info.stockrecord,
        quantity=1,
        price_currency=price.currency,
        price_excl_tax=price.excl_tax,
        price_incl_tax=price.incl_tax if price.is_tax_known else None,
    )
    line._info = purchase_info  # Line.purchase_info: priced as the visitor's strategy priced the product
    lines = [line]
    basket.all_lines = lambda: lines  # an unsaved basket has no lines in the database
    Applicator().apply_offers(basket, offers)
    if not line.has_discount:
        return None
    if price.is_tax_known:
        list_price, discounted = line.line_price_incl_tax, line.line_price_incl_tax_incl_discounts
    else:
        list_price, discounted = line.line_price_excl_tax, line.line_price_excl_tax_incl_discounts
    if discounted >= list_price:
        return None
    names = [application["offer"].name for application in basket.offer_applications]
    return CampaignPrice(
        list_price=list_price, price=discounted, currency=price.currency, offer_name=names[0] if names else ""
    )
