from oscar.apps.dashboard.reports import apps as reports_apps


class ReportsDashboardConfig(reports_apps.ReportsDashboardConfig):
    """Oscar's reports, whose CSV downloads (orders, baskets, products, customers, vouchers, offers) go through
    the spreadsheet-safe writer (``reports.py``)."""

    name = "shop.dashboard.reports"
