from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class FinanceDashboardConfig(OscarDashboardConfig):
    """The finance dashboard: the payment desk, the bank statement import and the producers' settlements.

    Included under ``/dashboard/ocop/`` by the ``shop.dashboard`` fork; its URL names (``dashboard:ocop-…``)
    are those the pages had before the split.
    """

    label = "finance_dashboard"
    name = "shop.dashboard.finance"
    verbose_name = _("Tài chính")
    default_permissions = ["is_staff", "payments.change_payment"]
    permissions_map = {
        # Settlements: administrators who may pay producers.
        "ocop-settlements": (["is_staff", "payments.change_settlement"],),
        "ocop-settlement": (["is_staff", "payments.change_settlement"],),
        "ocop-settlement-voucher": (["is_staff", "payments.change_settlement"],),
        "ocop-settlement-batch": (["is_staff", "payments.change_settlement"],),
        "ocop-withholding-declaration": (["is_staff", "payments.change_settlement"],),
        # The payment desk: administrators who may change payments.
        "ocop-payments": (["is_staff", "payments.change_payment"],),
        "ocop-payment-statement": (["is_staff", "payments.change_payment"],),
        # The e-invoice XML of any producer's part of an order (shop/einvoice).
        "ocop-einvoice-xml": (["is_staff", "payments.change_payment"],),
    }

    def ready(self):
        # --- payment desk and bank statement (views/payments.py) ---
        self.payments_view = get_class("finance_dashboard.views.payments", "PaymentDeskView")
        self.statement_view = get_class("finance_dashboard.views.payments", "StatementImportView")
        # --- settlements with producers (views/settlements.py) ---
        self.settlements_view = get_class("finance_dashboard.views.settlements", "SettlementMonthView")
        self.settlement_view = get_class("finance_dashboard.views.settlements", "SettlementDetailView")
        self.settlement_batch_view = get_class("finance_dashboard.views.settlements", "SettlementBatchView")
        # --- e-invoice XML (shop/einvoice/views.py) ---
        from shop.einvoice.views import FinanceEInvoiceXmlView

        self.einvoice_xml_view = FinanceEInvoiceXmlView
        self.voucher_view = get_class("finance_dashboard.views.settlements", "SettlementVoucherView")
        self.declaration_view = get_class("finance_dashboard.views.settlements", "DeclarationView")

    def get_urls(self):
        urls = [
            path("settlements/", self.settlements_view.as_view(), name="ocop-settlements"),
            path("settlements/<int:pk>/", self.settlement_view.as_view(), name="ocop-settlement"),
            path("settlements/batch/", self.settlement_batch_view.as_view(), name="ocop-settlement-batch"),
            path("settlements/<int:pk>/voucher.pdf", self.voucher_view.as_view(), name="ocop-settlement-voucher"),
            path("settlements/declaration/", self.declaration_view.as_view(), name="ocop-withholding-declaration"),
            path("payments/", self.payments_view.as_view(), name="ocop-payments"),
            path("payments/statement/", self.statement_view.as_view(), name="ocop-payment-statement"),
            path(
                "einvoices/<str:number>/<int:partner_id>/xml/",
                self.einvoice_xml_view.as_view(),
                name="ocop-einvoice-xml",
            ),
        ]
        return self.post_process_urls(urls)
