from oscar.apps.dashboard.orders import apps as orders_apps
from oscar.core.loading import get_class


class OrdersDashboardConfig(orders_apps.OrdersDashboardConfig):
    """Oscar's order pages, for administrators only.

    Oscar opens them to partner users filtered to orders *containing* their lines, then shows the whole
    order — other producers' lines and prices included. Producers use the portal's order pages
    (``shop/dashboard/portal``), which show only their own lines.
    """

    name = "shop.dashboard.orders"

    def configure_permissions(self):
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        view = DashboardPermission.get("order", "view_order")
        self.permissions_map = {
            "order-list": view,
            "order-stats": view,
            "order-detail": view,
            "order-detail-note": DashboardPermission.get("order", "view_order", "change_order"),
            "order-line-detail": view,
            "order-shipping-address": view,
        }
