"""Oscar's pages of an offer and of a range, listing only the products for sale (``catalogue.listing``).

Oscar's class loader looks here first for "offer.views"; the views not defined here are Oscar's.
"""

from oscar.apps.offer import views

from catalogue import listing


class OfferDetailView(views.OfferDetailView):
    def get_queryset(self):
        return listing.for_sale(super().get_queryset())


class RangeDetailView(views.RangeDetailView):
    def get_queryset(self):
        return listing.for_sale(super().get_queryset())
