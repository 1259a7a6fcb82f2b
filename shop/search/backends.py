"""Product search behind one interface: ``get_product_search().search(query, categories, sort)``.

- ``ElasticsearchProductSearch`` when ELASTICSEARCH_URL is configured (production, CI);
  if Elasticsearch cannot be reached the results fall back to the database, with a
  logged warning, so the storefront keeps working. Queries use the storefront client
  (short connect timeout, no retries) behind ``shop.search.breaker``: during an outage
  searches go straight to the database instead of waiting for Elasticsearch each time.
- ``DatabaseProductSearch`` otherwise (the embedded default of `make run`).

Both return something Django's paginator can page: a count and slices of products
prepared for product cards (``catalogue.listing.product_cards``) with ``min_price``.
"""

import logging
import re

from django.db.models import Case, F, Min, When
from elasticsearch import ApiError, TransportError
from elasticsearch.dsl import Q as EsQ
from elasticsearch.dsl import Search

from catalogue.listing import product_cards
from shop.core.text import fold, normalize
from shop.search import breaker, facets, indexing
from shop.search.documents import for_sale_filter, index_name

logger = logging.getLogger(__name__)


def _cards():
    return product_cards().annotate(min_price=Min("stockrecords__price"))


class DatabaseProductSearch:
    def suggest(self, query):
        return _database_suggestions(query)

    SORT_ORDERS = {
        "newest": ("-date_created", "id"),
        "price-asc": ("min_price", "id"),
        "price-desc": ("-min_price", "id"),
        "title-asc": ("title", "id"),
        "stars": (F("current_stars").desc(nulls_last=True), "-date_created", "id"),
        "best-selling": ("-units_sold", "-date_created", "id"),
        "relevance": ("-date_updated", "id"),
    }

    def search(self, query="", categories=None, sort="relevance", selections=None):
        """Browsable products matching ``query`` within ``categories`` and the facet selections, sorted."""
        selections = selections or {}
        products = _cards()
        if categories is not None:
            products = products.filter(categories__in=categories)
        # The same Vietnamese folding as the Elasticsearch documents: "mat ong" finds "Mật ong";
        # each word must start a word ("ong" does not match "khong").
        folded = fold(query)
        for word in folded.split():
            products = products.filter(search_folded__iregex=r"(^|[^a-z0-9])" + re.escape(word))
        if sort == "best-selling":
            products = products.annotate(units_sold=indexing.units_sold())
        order = self.SORT_ORDERS.get(sort, self.SORT_ORDERS["relevance"])
        if folded.strip() and sort in ("relevance", ""):
            # The phrase opening the text (the title comes first) ranks first, then the phrase
            # anywhere: the database's rough version of Elasticsearch's title and phrase boosts.
            phrase = Case(
                When(search_folded__startswith=folded.strip(), then=0),
                When(search_folded__contains=folded.strip(), then=1),
                default=2,
            )
            order = (phrase, *order)
        listed = facets.db_apply(products, selections).order_by(*order)
        return DatabaseResults(listed, lambda: facets.db_counts(products, selections), selections)


class DatabaseResults:
    """A queryset page source with the facets of the same search."""

    def __init__(self, queryset, counts, selections):
        self.queryset, self._counts, self._selections = queryset, counts, selections

    def count(self):
        return self.queryset.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        return self.queryset[window]

    @property
    def facets(self):
        return facets.present(self._counts(), self._selections)


SUGGESTIONS = 8


def _database_suggestions(query):
    products = DatabaseProductSearch().search(query).queryset
    # Titles that begin with what was typed come first.
    products = products.annotate(begins=Case(When(search_folded__startswith=fold(query), then=0), default=1))
    products = list(products.order_by("begins", "title")[:SUGGESTIONS])
    producers = list(dict.fromkeys(p.producer.name for p in products if p.producer))
    return {"products": products, "producers": producers[:4]}


class ElasticsearchProductSearch:
    SORT_ORDERS = {
        "newest": [{"created": "desc"}],
        "price-asc": [{"price": {"order": "asc", "missing": "_last"}}, {"created": "desc"}],
        "price-desc": [{"price": {"order": "desc", "missing": "_last"}}, {"created": "desc"}],
        "title-asc": [{"title.raw": "asc"}],
        "stars": [{"stars": "desc"}, {"created": "desc"}],
        "best-selling": [{"popularity": {"order": "desc", "missing": "_last"}}, {"created": "desc"}],
        "relevance": ["_score", {"created": "desc"}],
    }
    # Typo tolerance only for longer words: none under 5 letters, one edit to 7, two beyond.
    FUZZINESS = "AUTO:5,8"

    def build(self, query="", categories=None, sort="relevance", selections=None):
        search = Search(using=indexing.search_client(), index=index_name()).filter(for_sale_filter())
        if categories is not None:
            search = search.filter("terms", category_ids=[category.pk for category in categories])
        if query.strip():
            exact = EsQ(
                "multi_match",
                query=normalize(query),
                operator="and",
                boost=3,
                fields=["title^4", "producer^2", "place^2", "attributes", "description"],
            )
            folded = EsQ(
                "multi_match",
                query=fold(query),
                operator="and",
                fuzziness=self.FUZZINESS,
                prefix_length=1,
                fields=[
                    "title_folded^4",
                    "producer_folded^2",
                    "place_folded^2",
                    "attributes_folded",
                    "description_folded",
                ],
            )
            search = search.query(EsQ("bool", should=[exact, folded], minimum_should_match=1))
        if query.strip() or sort != "relevance":
            search = search.sort(*self.SORT_ORDERS.get(sort, self.SORT_ORDERS["relevance"]))
        else:
            search = search.sort(*self.SORT_ORDERS["newest"])
        if selections:  # narrows the hits, not the facet counts (multi-select)
            search = search.post_filter(
                "bool", filter=[facets.es_filter(key, values) for key, values in selections.items()]
            )
        return search.source(False).extra(track_total_hits=True)

    def suggest(self, query):
        """Products whose title or producer starts like what is typed (last word as a prefix)."""
        search = (
            Search(using=indexing.search_client(), index=index_name())
            .filter(for_sale_filter())
            .query("multi_match", query=fold(query), type="bool_prefix", fields=["title_folded^3", "producer_folded"])
            .source(["producer"])
            .extra(size=SUGGESTIONS)
        )
        seen = breaker.state()
        if seen == breaker.OPEN:
            return _database_suggestions(query)
        try:
            hits = search.execute()
        except (TransportError, ApiError) as error:
            logger.warning("Elasticsearch unavailable for suggestions: %s", error)
            breaker.failed(error, seen)
            return _database_suggestions(query)
        breaker.succeeded(seen)
        ids = [int(hit.meta.id) for hit in hits]
        products = {p.pk: p for p in _cards().filter(pk__in=ids)}
        ordered = [products[pk] for pk in ids if pk in products]
        producers = list(dict.fromkeys(p.producer.name for p in ordered if p.producer))
        return {"products": ordered, "producers": producers[:4]}

    def search(self, query="", categories=None, sort="relevance", selections=None):
        selections = selections or {}
        return ElasticsearchResults(
            self.build(query, categories, sort, selections),
            selections,
            fallback=lambda: DatabaseProductSearch().search(query, categories, sort, selections),
        )


class ElasticsearchResults:
    """Lazy, pageable results; products come from the database in Elasticsearch's order."""

    def __init__(self, search, selections, fallback):
        self._search, self._selections = search, selections
        self._fallback_factory, self._fallback, self._summary = fallback, None, None
        self._breaker = None  # what the breaker said before this search's first request

    def _use_database(self, error=None):
        if error is not None:
            logger.warning("Elasticsearch unavailable, searching the database instead: %s", error)
            breaker.failed(error, self._breaker)
        self._fallback = self._fallback_factory()
        return self._fallback

    def _database_only(self):
        """Whether the database answers: it already did, or the breaker is open (asked once per search, so its
        count and its pages come from the same place)."""
        if self._fallback is None and self._breaker is None:
            self._breaker = breaker.state()
            if self._breaker == breaker.OPEN:
                self._use_database()
        return self._fallback is not None

    def _execute(self, search):
        response = search.execute()
        breaker.succeeded(self._breaker)
        self._breaker = breaker.CLOSED  # one report per search is enough
        return response

    def _summary_response(self):
        """Total and facet counts, in one request without hits."""
        if self._summary is None:
            self._summary = self._execute(facets.es_aggregations(self._search[:0], self._selections))
        return self._summary

    def count(self):
        if self._database_only():
            return self._fallback.count()
        try:
            return self._summary_response().hits.total.value
        except (TransportError, ApiError) as error:
            return self._use_database(error).count()

    @property
    def facets(self):
        if self._database_only():
            return self._fallback.facets
        try:
            return facets.present(facets.es_counts(self._summary_response()), self._selections)
        except (TransportError, ApiError) as error:
            return self._use_database(error).facets

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        if self._database_only():
            return self._fallback[window]
        if not isinstance(window, slice):
            return self[window : window + 1][0]
        try:
            hits = self._execute(self._search[window])
        except (TransportError, ApiError) as error:
            return self._use_database(error)[window]
        ids = [int(hit.meta.id) for hit in hits]
        products = {product.pk: product for product in _cards().filter(pk__in=ids)}
        return [products[pk] for pk in ids if pk in products]


def get_product_search():
    return ElasticsearchProductSearch() if indexing.enabled() else DatabaseProductSearch()
