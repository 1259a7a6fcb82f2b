from oscar.apps.dashboard.vouchers import apps as vouchers_apps


class VouchersDashboardConfig(vouchers_apps.VouchersDashboardConfig):
    """Oscar's vouchers dashboard, forked for its search form (``forms.py``): yes/no choices in the page's language."""

    name = "shop.dashboard.vouchers"
