"""The marketplace's shipping method: one parcel per producer, priced by ``shop.shipping.parcels``.
Oscar's other methods (``Free``, ``NoShippingRequired``…) are found in Oscar's module by ``get_class``."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import Base
from oscar.core import prices

from shop.shipping import parcels as parcel_rules


class ParcelShipping(Base):
    """Each producer ships its own parcel, charged by weight and zone for the address it was built for
    (``province_code``, None when unknown: charged as the farthest zone)."""

    code = "ocop-parcels"
    description = _("Phí vận chuyển tính cho từng kiện hàng theo khối lượng và khoảng cách tới địa chỉ nhận.")

    def __init__(self, province_code=None, rates=None):
        self.province_code = province_code
        self._rates = rates

    @property
    def name(self):
        """What the basket and checkout show beside the charge. Without an address (a guest's basket) the charge is
        the farthest zone's: it says so, rather than show a figure the checkout will lower."""
        if self.province_code is None:
            return _("Giao hàng tận nơi — phí tạm tính tối đa; phí đúng tính theo địa chỉ nhận khi đặt hàng")
        return _("Giao hàng tận nơi (mỗi chủ thể gửi một kiện)")

    @property
    def rates(self):
        if self._rates is None:
            self._rates = parcel_rules.RateTable.load()
        return self._rates

    def parcels(self, basket):
        return parcel_rules.parcels_for_basket(basket, self.province_code, rates=self.rates)

    def calculate(self, basket):
        charge = Decimal(parcel_rules.total_charge(self.parcels(basket)))
        return prices.Price(currency=basket.currency, excl_tax=charge, incl_tax=charge)
