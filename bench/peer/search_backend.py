"""The peer's Haystack engine: the docs' simple backend with Oscar's listing filters applied in SQL.

Oscar 4.2.1 lists the catalogue and its categories through Haystack (``search.views.base``). With the
simple backend that its documentation proposes when there is no search engine, the catalogue is *empty*:
``SimpleSearchQuery`` turns Oscar's filters (``is_public="true"``, ``structure__in=[…]``) into search words
("true ['standalone', 'parent']") and the backend keeps only the last one. A peer page without products would
flatter the peer, so this engine reads the same filters as Oscar's index would (public standalone/parent
products, the category and its descendants, the words of the query in the title) and asks the database for one
page of them (a count and a sliced query), as a search engine answers one page. No facets (the simple backend has
none either). Results carry their product, as the simple backend's do (no query per result).
"""

from haystack.backends import BaseEngine, log_query
from haystack.backends.simple_backend import SimpleSearchBackend, SimpleSearchQuery
from haystack.inputs import BaseInput
from haystack.models import SearchResult
from oscar.core.loading import get_model

ORDERING = {"-date_created": "-date_created", "-rating": "-rating", "title_exact": "title", "-title_exact": "-title"}


def leaf_filters(node):
    for child in node.children:
        if hasattr(child, "children"):
            yield from leaf_filters(child)
        else:
            yield child


class ListingSearchQuery(SimpleSearchQuery):
    def build_params(self, spelling_query=None):
        params = super().build_params(spelling_query)
        params["filters"] = list(leaf_filters(self.query_filter))
        return params


class ListingSearchBackend(SimpleSearchBackend):
    @log_query
    def search(self, query_string, start_offset=0, end_offset=None, filters=(), sort_by=None, **kwargs):
        Product = get_model("catalogue", "Product")
        products = Product.objects.filter(is_public=True)
        for expression, value in filters:
            field = expression.split("__")[0]
            if field == "structure":
                products = products.filter(structure__in=value if isinstance(value, list) else [value])
            elif field == "category":
                products = products.filter(categories__in=value if isinstance(value, list) else [value]).distinct()
            elif field in ("content", "text", "title"):
                words = value.query_string if isinstance(value, BaseInput) else str(value)
                for word in words.split():
                    products = products.filter(title__icontains=word)
        ordering = [ORDERING[field] for field in sort_by or () if field in ORDERING] or ["pk"]
        products = products.order_by(*ordering)
        hits = products.count()
        results = []
        for product in products[start_offset:end_offset]:
            result = SearchResult("catalogue", "product", product.pk, 0)
            result._model, result._object = Product, product
            results.append(result)
        return {"results": results, "hits": hits}


class ListingEngine(BaseEngine):
    backend = ListingSearchBackend
    query = ListingSearchQuery
