"""The partner strategy: how Oscar prices a product and decides whether it can be bought.

Oscar asks the strategy at every door that sells — the add-to-basket form, the basket's lines, the checkout's
basket check before each step and before placing the order — so the one rule of what is for sale
(``catalogue.listing``) is enforced here once for all of them: a product not for sale gets the ``NotForSale``
availability. ``order.utils.OrderCreator`` checks the rule again inside the placement transaction.
"""

from oscar.apps.partner import strategy as oscar_strategy
from oscar.core.loading import get_class

from catalogue import listing

NotForSale = get_class("partner.availability", "NotForSale")


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return OcopStrategy(request)


class OcopStrategy(oscar_strategy.Default):
    """Oscar's default (first stock record, stock required, no tax: prices are what the producer asks), with
    the OCOP sale rule in front of the stock check."""

    def availability_policy(self, product, stockrecord):
        if stockrecord is None or not listing.is_for_sale(product) or not stockrecord.partner.is_verified:
            return NotForSale()
        return super().availability_policy(product, stockrecord)
