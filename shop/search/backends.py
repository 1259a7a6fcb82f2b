"""Product search behind one interface.

``DatabaseProductSearch`` is the embedded default (no Elasticsearch URL
configured). The Elasticsearch backend arrives with the search issue and
implements the same ``search`` method.
"""
from django.db.models import Min, Q

from catalogue.listing import product_cards


class DatabaseProductSearch:
    SORT_ORDERS = {
        "newest": ("-date_created", "id"),
        "price-asc": ("min_price", "id"),
        "price-desc": ("-min_price", "id"),
        "title-asc": ("title", "id"),
        "relevance": ("-date_updated", "id"),
    }

    def search(self, query="", categories=None, sort="relevance"):
        """Browsable products matching ``query`` within ``categories``, sorted."""
        products = product_cards().annotate(min_price=Min("stockrecords__price"))
        if categories is not None:
            products = products.filter(categories__in=categories).distinct()
        for word in query.split():
            products = products.filter(Q(title__icontains=word) | Q(description__icontains=word))
        return products.order_by(*self.SORT_ORDERS.get(sort, self.SORT_ORDERS["relevance"]))


def get_product_search():
    return DatabaseProductSearch()
