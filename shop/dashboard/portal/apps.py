from django.urls import path  # noqa: F401 — used by the sections below
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class  # noqa: F401 — used by the sections below


class PortalDashboardConfig(OscarDashboardConfig):
    """The producers' portal: their products, orders, sales, settlements and team.

    Open to accounts with ``partner.dashboard_access`` (producers' users and named assistants); every
    view narrows to the producers the user works for through ``shop.partner.access``.
    """

    label = "portal_dashboard"
    name = "shop.dashboard.portal"
    verbose_name = _("Cổng chủ thể")
    default_permissions = ["partner.dashboard_access"]

    def ready(self):
        # --- products (views_products.py) ---
        self.products_view = get_class("portal_dashboard.views_products", "ProductListView")
        self.product_form_view = get_class("portal_dashboard.views_products", "ProductFormView")
        self.product_images_view = get_class("portal_dashboard.views_products", "ProductImagesView")
        self.stock_prices_view = get_class("portal_dashboard.views_products", "StockPricesView")
        # --- orders and fulfilment (views_orders.py) ---
        self.home_view = get_class("portal_dashboard.views_orders", "PortalHomeView")
        self.orders_view = get_class("portal_dashboard.views_orders", "OrderListView")
        self.order_view = get_class("portal_dashboard.views_orders", "OrderDetailView")
        # --- sales and settlements (views_sales.py) ---
        self.sales_view = get_class("portal_dashboard.views_sales", "SalesView")
        self.sales_csv_view = get_class("portal_dashboard.views_sales", "SalesCsvView")
        self.settlements_view = get_class("portal_dashboard.views_sales", "SettlementListView")
        self.settlement_view = get_class("portal_dashboard.views_sales", "SettlementDetailView")
        # --- team and assisted entry (views_team.py) ---
        self.team_view = get_class("portal_dashboard.views_team", "TeamView")
        self.switch_view = get_class("portal_dashboard.views_team", "SwitchProducerView")
        pass

    def get_urls(self):
        urls = [
            # --- products ---
            path("products/", self.products_view.as_view(), name="portal-products"),
            path("products/create/", self.product_form_view.as_view(), name="portal-product-create"),
            path("products/<int:pk>/", self.product_form_view.as_view(), name="portal-product-edit"),
            path("products/<int:pk>/images/", self.product_images_view.as_view(), name="portal-product-images"),
            path("products/stock-prices/", self.stock_prices_view.as_view(), name="portal-stock-prices"),
            # --- orders and fulfilment ---
            path("", self.home_view.as_view(), name="portal-home"),
            path("orders/", self.orders_view.as_view(), name="portal-orders"),
            path("orders/<str:number>/", self.order_view.as_view(), name="portal-order"),
            # --- sales and settlements ---
            path("sales/", self.sales_view.as_view(), name="portal-sales"),
            path("sales.csv", self.sales_csv_view.as_view(), name="portal-sales-csv"),
            path("settlements/", self.settlements_view.as_view(), name="portal-settlements"),
            path("settlements/<int:pk>/", self.settlement_view.as_view(), name="portal-settlement"),
            # --- team and assisted entry ---
            path("team/", self.team_view.as_view(), name="portal-team"),
            path("switch/", self.switch_view.as_view(), name="portal-switch"),
        ]
        return self.post_process_urls(urls)
