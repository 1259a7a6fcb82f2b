"""Availability policies of our partner strategy (Oscar's ``partner.availability``, forked by adding one).

Oscar's class loader finds ``NotForSale`` here and Oscar's own policies in Oscar's module.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.apps.partner.availability import Unavailable


class NotForSale(Unavailable):
    """The product may not be sold now (``catalogue.listing``: not approved, producer not verified, no valid
    OCOP certificate): nothing may put it in a basket or an order. A subclass of Oscar's ``Unavailable``, so
    every Oscar door (add to basket, basket lines, the checkout's basket check) already refuses it."""

    code = "not-for-sale"
    message = gettext_lazy("Sản phẩm này hiện không được bán")

    def is_purchase_permitted(self, quantity):
        return False, _("sản phẩm này hiện không được bán trên sàn")
