from oscar.apps.dashboard.offers import apps as offers_apps


class OffersDashboardConfig(offers_apps.OffersDashboardConfig):
    """Oscar's offers dashboard, forked for its search form (``forms.py``): yes/no choices in the page's language."""

    name = "shop.dashboard.offers"
