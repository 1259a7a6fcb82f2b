"""Oscar's pages of the offers, of an offer and of a range, listing only the products for sale
(``catalogue.listing``).

Oscar's class loader looks here first for "offer.views"; the views not defined here are Oscar's.
"""

from oscar.apps.offer import views

from catalogue import listing


class OfferListView(views.OfferListView):
    """The site's running offers, each with up to 12 of its products for sale as cards. Oscar's page listed
    ``offer.products`` — products not for sale among them — at a dozen queries per card; here a query per
    offer for its ids, then one cards query for all (``listing.product_cards``)."""

    SHOWN = 12

    def get_queryset(self):
        return super().get_queryset().select_related("condition__range")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        offers = list(context["offers"])
        shown = {
            offer.pk: list(listing.for_sale(offer.products()).values_list("pk", flat=True)[: self.SHOWN])
            for offer in offers
        }
        wanted = {pk for ids in shown.values() for pk in ids}
        cards = listing.product_cards().in_bulk(wanted) if wanted else {}
        for offer in offers:
            offer.cards = [cards[pk] for pk in shown[offer.pk] if pk in cards]
        context["offers"] = offers
        return context


class OfferDetailView(views.OfferDetailView):
    def get_queryset(self):
        return listing.for_sale(super().get_queryset())


class RangeDetailView(views.RangeDetailView):
    def get_queryset(self):
        return listing.for_sale(super().get_queryset())
