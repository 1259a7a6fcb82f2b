"""Demo shipping: the launch tariff (``shop.shipping.tariff``: e.g. 22.000 ₫ for up to 500 g within the
producer's province, 38.000 ₫ across regions), parcels free from 500.000 ₫ of goods, and the service
date asked of community-tourism bookings. Idempotent; rates an administrator changed are kept."""

from oscar.core.loading import get_model

from shop.shipping.service_dates import ensure_service_date_option
from shop.shipping.tariff import install_tariff

DEMO_FREE_SHIPPING_THRESHOLD = 500_000


def ensure_demo_shipping():
    install_tariff(get_model("shipping", "ZoneRate"), get_model("shipping", "RateBand"))
    settings = get_model("shipping", "ShippingSettings").load()
    if settings.free_shipping_threshold is None:
        settings.free_shipping_threshold = DEMO_FREE_SHIPPING_THRESHOLD
        settings.save(update_fields=["free_shipping_threshold"])
    ensure_service_date_option()
