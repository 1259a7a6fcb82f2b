from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class PortalDashboardConfig(OscarDashboardConfig):
    """The producers' portal: their products, orders, sales, settlements and team.

    Open to accounts with ``partner.dashboard_access`` (producers' users and named assistants); every
    view narrows to the producers the user works for through ``shop.partner.access``.

    Its pages live under ``/dashboard/portal/``, except the OCOP side of the producer's products (their
    certificates and submission for review, ``views/certificates.py``), which keeps its
    ``/dashboard/ocop/`` paths and ``dashboard:ocop-…`` names: the ``shop.dashboard`` fork includes this
    app at the dashboard's root. The user's exports and imports (``views/files.py``, ``/dashboard/ocop/files/``)
    are here too, for producers and administrators alike: each view narrows to ``request.user``'s own jobs.
    """

    label = "portal_dashboard"
    name = "shop.dashboard.portal"
    verbose_name = _("Cổng chủ thể")
    default_permissions = ["partner.dashboard_access"]
    permissions_map = {
        # The OCOP side of the producer's products; the views also check that the product is the user's.
        "ocop-my-products": (["is_staff"], ["partner.dashboard_access"]),
        "ocop-product": (["is_staff"], ["partner.dashboard_access"]),
        # A certificate's scan: reviewers and the producer's team; the view checks which (404 otherwise).
        "ocop-certificate-scan": (["is_staff"], ["partner.dashboard_access"]),
        # The user's own exports and imports (producers and administrators); a job of someone else is a 404.
        "ocop-files": (["is_staff"], ["partner.dashboard_access"]),
        "ocop-file": (["is_staff"], ["partner.dashboard_access"]),
        "ocop-file-download": (["is_staff"], ["partner.dashboard_access"]),
    }

    def ready(self):
        # --- products (views/products.py) ---
        self.products_view = get_class("portal_dashboard.views.products", "ProductListView")
        self.product_form_view = get_class("portal_dashboard.views.products", "ProductFormView")
        self.product_images_view = get_class("portal_dashboard.views.products", "ProductImagesView")
        self.stock_prices_view = get_class("portal_dashboard.views.products", "StockPricesView")
        # --- orders and fulfilment (views/orders.py) ---
        self.home_view = get_class("portal_dashboard.views.orders", "PortalHomeView")
        self.orders_view = get_class("portal_dashboard.views.orders", "OrderListView")
        self.order_view = get_class("portal_dashboard.views.orders", "OrderDetailView")
        # --- sales and settlements (views/sales.py) ---
        self.sales_view = get_class("portal_dashboard.views.sales", "SalesView")
        self.sales_csv_view = get_class("portal_dashboard.views.sales", "SalesCsvView")
        self.settlements_view = get_class("portal_dashboard.views.sales", "SettlementListView")
        self.settlement_view = get_class("portal_dashboard.views.sales", "SettlementDetailView")
        self.settlement_voucher_view = get_class("portal_dashboard.views.sales", "SettlementVoucherView")
        # --- team and assisted entry (views/team.py) ---
        self.team_view = get_class("portal_dashboard.views.team", "TeamView")
        self.switch_view = get_class("portal_dashboard.views.team", "SwitchProducerView")
        # --- the producer's profile and payout account (views/profile.py) ---
        self.profile_view = get_class("portal_dashboard.views.profile", "ProfileView")
        self.payout_account_view = get_class("portal_dashboard.views.profile", "PayoutAccountView")
        # --- the OCOP side of the products: certificates, submission (views/certificates.py) ---
        self.my_products_view = get_class("portal_dashboard.views.certificates", "ProducerProductListView")
        self.product_ocop_view = get_class("portal_dashboard.views.certificates", "ProducerProductOcopView")
        self.certificate_scan_view = get_class("portal_dashboard.views.certificates", "CertificateScanView")
        # --- the user's exports and imports, run by the worker (views/files.py) ---
        self.files_view = get_class("portal_dashboard.views.files", "FileJobListView")
        self.file_view = get_class("portal_dashboard.views.files", "FileJobView")
        self.file_download_view = get_class("portal_dashboard.views.files", "FileJobDownloadView")
        # --- the e-invoice XML of the producer's part of an order (shop/einvoice) ---
        from shop.einvoice.views import PortalEInvoiceXmlView

        self.einvoice_xml_view = PortalEInvoiceXmlView
        self.einvoice_view = get_class("portal_dashboard.views.einvoices", "OrderEInvoiceView")

    def get_urls(self):
        portal = [
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
            path("orders/<str:number>/einvoice.xml", self.einvoice_xml_view.as_view(), name="portal-order-einvoice"),
            path("orders/<str:number>/einvoice/", self.einvoice_view.as_view(), name="portal-order-einvoice-action"),
            # --- sales and settlements ---
            path("sales/", self.sales_view.as_view(), name="portal-sales"),
            path("sales.csv", self.sales_csv_view.as_view(), name="portal-sales-csv"),
            path("settlements/", self.settlements_view.as_view(), name="portal-settlements"),
            path("settlements/<int:pk>/", self.settlement_view.as_view(), name="portal-settlement"),
            path(
                "settlements/<int:pk>/voucher.pdf",
                self.settlement_voucher_view.as_view(),
                name="portal-settlement-voucher",
            ),
            # --- team and assisted entry ---
            path("team/", self.team_view.as_view(), name="portal-team"),
            path("switch/", self.switch_view.as_view(), name="portal-switch"),
            # --- the producer's profile and payout account ---
            path("profile/", self.profile_view.as_view(), name="portal-profile"),
            path("payout-account/", self.payout_account_view.as_view(), name="portal-payout-account"),
        ]
        ocop = [
            # --- the OCOP side of the products ---
            path("products/", self.my_products_view.as_view(), name="ocop-my-products"),
            path("products/<int:pk>/", self.product_ocop_view.as_view(), name="ocop-product"),
            path("certificates/<int:pk>/scan/", self.certificate_scan_view.as_view(), name="ocop-certificate-scan"),
            # --- the user's exports and imports ---
            path("files/", self.files_view.as_view(), name="ocop-files"),
            path("files/<int:pk>/", self.file_view.as_view(), name="ocop-file"),
            path("files/<int:pk>/download/", self.file_download_view.as_view(), name="ocop-file-download"),
        ]
        # Named patterns (not include()s), so Oscar's menu finds this app's permissions for every name.
        urls = [
            *(_prefixed("portal/", pattern) for pattern in portal),
            *(_prefixed("ocop/", pattern) for pattern in ocop),
        ]
        return self.post_process_urls(urls)


def _prefixed(prefix, pattern):
    """The pattern with its route under ``prefix``."""
    return path(prefix + str(pattern.pattern), pattern.callback, pattern.default_args, pattern.name)
