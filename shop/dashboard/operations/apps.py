from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class OperationsDashboardConfig(OscarDashboardConfig):
    """The operations dashboard: the shipping rates of the three zones and the free-shipping threshold.

    Included under ``/dashboard/ocop/`` by the ``shop.dashboard`` fork; its URL names (``dashboard:ocop-…``)
    are those the pages had before the split.
    """

    label = "operations_dashboard"
    name = "shop.dashboard.operations"
    verbose_name = _("Vận hành")
    # Shipping rates: administrators who may change them.
    default_permissions = ["is_staff", "shipping.change_zonerate"]
    permissions_map = {
        "ocop-shipping": (["is_staff", "shipping.change_zonerate"],),
        "ocop-shipping-zone": (["is_staff", "shipping.change_zonerate"],),
    }

    def ready(self):
        # --- shipping rates (views/shipping.py) ---
        self.shipping_view = get_class("operations_dashboard.views.shipping", "ShippingRatesView")
        self.shipping_zone_view = get_class("operations_dashboard.views.shipping", "ShippingZoneView")

    def get_urls(self):
        urls = [
            path("shipping/", self.shipping_view.as_view(), name="ocop-shipping"),
            path("shipping/<str:zone>/", self.shipping_zone_view.as_view(), name="ocop-shipping-zone"),
        ]
        return self.post_process_urls(urls)
