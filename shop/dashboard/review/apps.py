from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class ReviewDashboardConfig(OscarDashboardConfig):
    """The reviewers' dashboard (OCOP review, producers' applications, programme figures).

    Included under ``/dashboard/ocop/`` by the ``shop.dashboard`` fork, with the finance and operations
    apps; its URL names (``dashboard:ocop-…``) are those the pages had before the split.
    """

    label = "review_dashboard"
    name = "shop.dashboard.review"
    verbose_name = _("Duyệt OCOP")
    default_permissions = ["is_staff", "catalogue.review_ocop_product"]
    permissions_map = {
        # Assisted entry grants: administrators who may change producers.
        "ocop-assistants": (["is_staff", "partner.change_partner"],),
        # The provinces' counts of certified OCOP products (the figures' denominator).
        "ocop-registry-count": (["is_staff", "registry.add_provinceregistry"],),
        # Assigning officers to provinces: the national role (shop.users.offices).
        "ocop-officers": (["is_staff", "users.see_all_provinces", "users.add_officerprovince"],),
    }

    def ready(self):
        # --- review queue and decisions (views/queue.py) ---
        self.review_queue_view = get_class("review_dashboard.views.queue", "ReviewQueueView")
        self.review_detail_view = get_class("review_dashboard.views.queue", "ReviewDetailView")
        # --- producers and their applications (views/producers.py) ---
        self.producer_list_view = get_class("review_dashboard.views.producers", "ProducerVerificationView")
        self.application_view = get_class("review_dashboard.views.producers", "ApplicationDetailView")
        self.application_scan_view = get_class("review_dashboard.views.producers", "ApplicationScanView")
        # --- assisted entry (views/assistants.py) ---
        self.assistants_view = get_class("review_dashboard.views.assistants", "AssistedEntryView")
        # --- programme figures (views/figures.py) ---
        self.figures_view = get_class("review_dashboard.views.figures", "FiguresView")
        self.figures_csv_view = get_class("review_dashboard.views.figures", "FiguresCsvView")
        self.registry_count_view = get_class("review_dashboard.views.figures", "RegistryCountView")
        # --- products without a valid certificate, revocations, rule breaches ---
        self.uncertified_view = get_class("review_dashboard.views.uncertified", "UncertifiedProductsView")
        self.revocations_view = get_class("review_dashboard.views.revocations", "RevocationView")
        self.certificate_checks_view = get_class("review_dashboard.views.certificate_checks", "CertificateChecksView")
        # --- importing a province's OCOP list (shop/registry/views.py) ---
        from shop.registry import views as registry_views

        self.registry_import_view = registry_views.RegistryImportView
        self.registry_import_detail_view = registry_views.RegistryImportDetailView
        self.registry_import_progress_view = registry_views.RegistryImportProgressView
        self.registry_import_report_view = registry_views.RegistryImportReportView
        # --- officers of the provincial offices (views/officers.py) ---
        self.officers_view = get_class("review_dashboard.views.officers", "OfficersView")
        # --- certified products not listed, per commune; assisted entry for a commune (views/communes.py) ---
        self.communes_view = get_class("review_dashboard.views.communes", "CommunesView")
        self.commune_view = get_class("review_dashboard.views.communes", "CommuneDetailView")
        # --- producers' new payout accounts, re-verified by their province's office (views/payout_accounts.py) ---
        self.payout_accounts_view = get_class("review_dashboard.views.payout_accounts", "PayoutAccountQueueView")

    def get_urls(self):
        urls = [
            path("review/", self.review_queue_view.as_view(), name="ocop-review-queue"),
            path("review/<int:pk>/", self.review_detail_view.as_view(), name="ocop-review-detail"),
            path("producers/", self.producer_list_view.as_view(), name="ocop-producers"),
            path("producers/<int:pk>/application/", self.application_view.as_view(), name="ocop-application"),
            path(
                "producers/<int:pk>/application/scan/",
                self.application_scan_view.as_view(),
                name="ocop-application-scan",
            ),
            path("assistants/", self.assistants_view.as_view(), name="ocop-assistants"),
            path("figures/", self.figures_view.as_view(), name="ocop-figures"),
            path("figures.csv", self.figures_csv_view.as_view(), name="ocop-figures-csv"),
            path("figures/registry/", self.registry_count_view.as_view(), name="ocop-registry-count"),
            # Approved products without a valid certificate, and revocation decisions.
            path("uncertified/", self.uncertified_view.as_view(), name="ocop-uncertified"),
            path("revocations/", self.revocations_view.as_view(), name="ocop-revocations"),
            path("certificates/checks/", self.certificate_checks_view.as_view(), name="ocop-certificate-checks"),
            # Importing a province's OCOP list: upload and dry run, report, real run's progress, line report.
            path("registry/imports/", self.registry_import_view.as_view(), name="ocop-registry-import"),
            path(
                "registry/imports/<int:pk>/",
                self.registry_import_detail_view.as_view(),
                name="ocop-registry-import-detail",
            ),
            path(
                "registry/imports/<int:pk>/progress/",
                self.registry_import_progress_view.as_view(),
                name="ocop-registry-import-progress",
            ),
            path(
                "registry/imports/<int:pk>/report.csv",
                self.registry_import_report_view.as_view(),
                name="ocop-registry-import-report",
            ),
            path("officers/", self.officers_view.as_view(), name="ocop-officers"),
            path("communes/", self.communes_view.as_view(), name="ocop-communes"),
            path("communes/<int:province>/<int:ward>/", self.commune_view.as_view(), name="ocop-commune"),
            path("payout-accounts/", self.payout_accounts_view.as_view(), name="ocop-payout-accounts"),
        ]
        return self.post_process_urls(urls)
