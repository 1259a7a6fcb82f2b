from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class OcopDashboardConfig(OscarDashboardConfig):
    """Administrators' OCOP sections of the dashboard: review queue and programme figures."""

    label = "ocop_dashboard"
    name = "shop.dashboard.ocop"
    verbose_name = _("OCOP")
    default_permissions = ["is_staff", "catalogue.review_ocop_product"]
    # Producers' own pages (their products' OCOP status, certificates, submission);
    # the views also check that the product is the user's.
    permissions_map = {
        "ocop-my-products": (["is_staff"], ["partner.dashboard_access"]),
        "ocop-product": (["is_staff"], ["partner.dashboard_access"]),
        # A certificate's scan: reviewers and the producer's team; the view checks which (404 otherwise).
        "ocop-certificate-scan": (["is_staff"], ["partner.dashboard_access"]),
        # Assisted entry grants: administrators who may change producers.
        "ocop-assistants": (["is_staff", "partner.change_partner"],),
        # Settlements: administrators who may pay producers.
        "ocop-settlements": (["is_staff", "payments.change_settlement"],),
        "ocop-settlement": (["is_staff", "payments.change_settlement"],),
        # Shipping rates: administrators who may change them.
        "ocop-shipping": (["is_staff", "shipping.change_zonerate"],),
        "ocop-payments": (["is_staff", "payments.change_payment"],),
        "ocop-payment-statement": (["is_staff", "payments.change_payment"],),
        "ocop-shipping-zone": (["is_staff", "shipping.change_zonerate"],),
    }

    def ready(self):
        self.review_queue_view = get_class("ocop_dashboard.views", "ReviewQueueView")
        self.review_detail_view = get_class("ocop_dashboard.views", "ReviewDetailView")
        self.my_products_view = get_class("ocop_dashboard.views", "ProducerProductListView")
        self.product_ocop_view = get_class("ocop_dashboard.views", "ProducerProductOcopView")
        self.producer_list_view = get_class("ocop_dashboard.views", "ProducerVerificationView")
        self.application_view = get_class("ocop_dashboard.views_applications", "ApplicationDetailView")
        self.application_scan_view = get_class("ocop_dashboard.views_applications", "ApplicationScanView")
        self.certificate_scan_view = get_class("ocop_dashboard.views_certificates", "CertificateScanView")
        self.assistants_view = get_class("ocop_dashboard.views_assistants", "AssistedEntryView")
        self.figures_view = get_class("ocop_dashboard.views_figures", "FiguresView")
        self.figures_csv_view = get_class("ocop_dashboard.views_figures", "FiguresCsvView")
        self.settlements_view = get_class("ocop_dashboard.views_settlements", "SettlementMonthView")
        self.settlement_view = get_class("ocop_dashboard.views_settlements", "SettlementDetailView")
        self.shipping_view = get_class("ocop_dashboard.views_shipping", "ShippingRatesView")
        self.payments_view = get_class("ocop_dashboard.views_payments", "PaymentDeskView")
        self.statement_view = get_class("ocop_dashboard.views_payments", "StatementImportView")
        self.shipping_zone_view = get_class("ocop_dashboard.views_shipping", "ShippingZoneView")
        self.uncertified_view = get_class("ocop_dashboard.views_uncertified", "UncertifiedProductsView")
        self.revocations_view = get_class("ocop_dashboard.views_revocation", "RevocationView")
        self.certificate_checks_view = get_class("ocop_dashboard.views_certificate_checks",
                                                 "CertificateChecksView")

    def get_urls(self):
        urls = [
            path("review/", self.review_queue_view.as_view(), name="ocop-review-queue"),
            path("review/<int:pk>/", self.review_detail_view.as_view(), name="ocop-review-detail"),
            path("products/", self.my_products_view.as_view(), name="ocop-my-products"),
            path("products/<int:pk>/", self.product_ocop_view.as_view(), name="ocop-product"),
            path("producers/", self.producer_list_view.as_view(), name="ocop-producers"),
            path("producers/<int:pk>/application/", self.application_view.as_view(), name="ocop-application"),
            path("producers/<int:pk>/application/scan/", self.application_scan_view.as_view(),
                 name="ocop-application-scan"),
            path("certificates/<int:pk>/scan/", self.certificate_scan_view.as_view(), name="ocop-certificate-scan"),
            path("assistants/", self.assistants_view.as_view(), name="ocop-assistants"),
            path("figures/", self.figures_view.as_view(), name="ocop-figures"),
            path("figures.csv", self.figures_csv_view.as_view(), name="ocop-figures-csv"),
            path("settlements/", self.settlements_view.as_view(), name="ocop-settlements"),
            path("settlements/<int:pk>/", self.settlement_view.as_view(), name="ocop-settlement"),
            path("shipping/", self.shipping_view.as_view(), name="ocop-shipping"),
            path("payments/", self.payments_view.as_view(), name="ocop-payments"),
            path("payments/statement/", self.statement_view.as_view(), name="ocop-payment-statement"),
            path("shipping/<str:zone>/", self.shipping_zone_view.as_view(), name="ocop-shipping-zone"),
            # Approved products without a valid certificate, and revocation decisions (reviewers).
            path("uncertified/", self.uncertified_view.as_view(), name="ocop-uncertified"),
            path("revocations/", self.revocations_view.as_view(), name="ocop-revocations"),
            path("certificates/checks/", self.certificate_checks_view.as_view(), name="ocop-certificate-checks"),
        ]
        return self.post_process_urls(urls)
