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

from django.db.models import Case, Exists, F, Min, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils import translation
from elasticsearch import ApiError, TransportError
from elasticsearch.dsl import Q as EsQ
from elasticsearch.dsl import Search
from oscar.core.loading import get_model

from catalogue import listing
from catalogue.listing import product_cards
from shop.core import addresses
from shop.core.text import fold, normalize
from shop.search import breaker, facets, indexing, spelling
from shop.search.documents import for_sale_filter, index_name

logger = logging.getLogger(__name__)
StockRecord = get_model("partner", "StockRecord")


def _cards():
    return product_cards().annotate(min_price=Min("stockrecords__price"))


# Text around a word: where a word starts or ends in the folded text.
EDGE, GAP, END = "(^|[^a-z0-9])", "[^a-z0-9]+", "([^a-z0-9]|$)"
LETTER = "[a-z0-9]"


def one_edit(word):
    """A regular expression for ``word`` with at most one typo — a letter wrong, missing, added, or two letters
    swapped — the first letter kept (Elasticsearch's fuzziness, one edit). Words under three letters, or not
    plain letters and digits, stay as typed."""
    word = re.escape(word)
    if len(word) < 3 or not re.fullmatch("[a-z0-9]+", word):
        return word
    n, variants = len(word), {word}
    for i in range(1, n + 1):
        variants.add(word[:i] + LETTER + word[i:])  # a letter added
        if i < n:
            variants.add(word[:i] + LETTER + word[i + 1 :])  # a letter wrong
            variants.add(word[:i] + word[i + 1 :])  # a letter missing
        if i < n - 1:
            variants.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])  # two letters swapped
    return "(" + "|".join(sorted(variants)) + ")"


def _spelling_pattern(spelling, fuzzy):
    words = spelling.split()
    return GAP.join(one_edit(word) if fuzzy else re.escape(word) for word in words)


def slot_pattern(spellings, fuzzy):
    """A slot (``spelling.slots``) as a regular expression: any of its spellings, starting a word; with
    ``fuzzy`` each word whole, a typo allowed."""
    options = "|".join(_spelling_pattern(spelling, fuzzy) for spelling in spellings)
    return EDGE + "(" + options + ")" + (END if fuzzy else "")


def phrase_pattern(query_slots, fuzzy):
    """The slots one after another: the phrase in any of its spellings (whole words)."""
    slots = (
        "(" + "|".join(_spelling_pattern(spelling, fuzzy) for spelling in spellings) + ")" for spellings in query_slots
    )
    return GAP.join(slots) + END


def english_page():
    """Whether the page is in English (sorting by name follows the names it shows: catalogue/translation.py)."""
    return (translation.get_language() or "").startswith("en")


class DatabaseProductSearch:
    """The same reading of a query as Elasticsearch's (``spelling.slots``, one typo a word of three letters or
    more), with regular expressions on the folded text (``Product.search_folded``: title, description,
    both languages, attributes) and on the producers' folded names and places."""

    def suggest(self, query):
        return _database_suggestions(query)

    SORT_ORDERS = {
        "newest": ("-date_created", "id"),
        "price-asc": ("min_price", "id"),
        "price-desc": ("-min_price", "id"),
        # The folded text opens with the folded title: accents and case ignored, as Elasticsearch's sort_title
        # (the database's C collation would put "Xôi" before "Ấm" and "Đặc").
        "title-asc": ("search_folded", "id"),
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
        query_slots = spelling.slots(query)
        if query.strip() and not query_slots:
            products = products.none()  # only punctuation: nothing, rather than everything
        elif query_slots:
            products = _cards().filter(pk__in=self.matching_ids(query_slots, categories))
        order = self.SORT_ORDERS.get(sort, self.SORT_ORDERS["relevance"])
        if sort == "title-asc" and english_page():
            order = (Lower(Coalesce(NullIf("title_en", Value("")), "title")), "id")  # the names the page shows
        if query_slots and sort in ("relevance", ""):
            order = (self.ranking(query_slots), *order)
        listed = facets.db_apply(products, selections).order_by(*order)
        return DatabaseResults(listed, lambda: facets.db_counts(products, selections), selections)

    @staticmethod
    def matching_ids(query_slots, categories):
        """The ids of the products for sale (within ``categories``) that match every slot, read in one query.

        Each slot from the product's own text, or from its producer's name and place; a word as typed (a word may
        be the start of a longer one) or with one typo. Read once rather than kept as a filter: PostgreSQL cannot
        estimate how many rows a regular expression keeps (it guesses a handful), and the count and facet queries
        built on that filter were planned as nested loops over every stock record — 3 to 12 s each on 10,000
        products (the Elasticsearch outage of the cluster soak). A list of ids gives the planner the real number.
        """
        products = listing.for_sale()
        if categories is not None:
            products = products.filter(categories__in=categories)
        producers = _producer_texts()
        for spellings in query_slots:
            exact, fuzzy = slot_pattern(spellings, fuzzy=False), slot_pattern(spellings, fuzzy=True)
            by_producer = [pk for pk, text in producers if re.search(exact, text) or re.search(fuzzy, text)]
            products = products.filter(
                Q(search_folded__iregex=exact)
                | Q(search_folded__iregex=fuzzy)
                | Exists(StockRecord.objects.filter(product=OuterRef("pk"), partner_id__in=by_producer))
            )
        return list(products.order_by().values_list("pk", flat=True).distinct())

    @staticmethod
    def ranking(query_slots):
        """The database's version of Elasticsearch's boosts: the phrase opening the text (the title comes
        first), the phrase anywhere, the phrase with a typo, every word as typed, then the rest."""
        exact, fuzzy = phrase_pattern(query_slots, fuzzy=False), phrase_pattern(query_slots, fuzzy=True)
        every_word = Q()
        for spellings in query_slots:
            every_word &= Q(search_folded__iregex=slot_pattern(spellings, fuzzy=False))
        return Case(
            When(search_folded__iregex="^" + exact, then=0),
            When(search_folded__iregex=EDGE + exact, then=1),
            When(search_folded__iregex="^" + fuzzy, then=2),
            When(every_word, then=3),
            When(search_folded__iregex=EDGE + fuzzy, then=4),
            default=5,
        )


def _producer_texts():
    """(id, folded names — Vietnamese and English — and place) of the producers the public sees."""
    rows = listing.public_producers().values_list("pk", "name", "name_en", "ward_code", "province_code")
    return [
        (
            pk,
            fold(
                " | ".join(
                    part
                    for part in (name, name_en, addresses.ward_name(ward), addresses.province_name(province))
                    if part
                )
            ),
        )
        for pk, name, name_en, ward, province in rows
    ]


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

    def expect(self, window):
        """The database reads each page when it is asked for (see ``ElasticsearchResults.expect``)."""

    @property
    def facets(self):
        return facets.present(self._counts(), self._selections)


SUGGESTIONS = 8


def _database_suggestions(query):
    products = DatabaseProductSearch().search(query).queryset
    # Titles that begin with what was typed come first.
    products = products.annotate(begins=Case(When(search_folded__startswith=fold(query), then=0), default=1))
    products = list(products.order_by("begins", "title")[:SUGGESTIONS])
    producers = list(dict.fromkeys(p.producer.get_name() for p in products if p.producer))
    return {"products": products, "producers": producers[:4]}


class ElasticsearchProductSearch:
    SORT_ORDERS = {
        "newest": [{"created": "desc"}],
        "price-asc": [{"price": {"order": "asc", "missing": "_last"}}, {"created": "desc"}],
        "price-desc": [{"price": {"order": "desc", "missing": "_last"}}, {"created": "desc"}],
        "title-asc": [{"sort_title": "asc"}, {"created": "desc"}],
        "stars": [{"stars": "desc"}, {"created": "desc"}],
        "best-selling": [{"popularity": {"order": "desc", "missing": "_last"}}, {"created": "desc"}],
        "relevance": ["_score", {"created": "desc"}],
    }
    # Typo tolerance on every syllable of three letters or more (one edit: "ogn" finds "ong", "mamm" finds
    # "mam"), two edits from eight letters; the first letter must be right.
    FUZZINESS = "AUTO:3,8"
    # Both languages whatever the page's (catalogue/translation.py): "mật ong" on /en/, "honey" on a Vietnamese page.
    FOLDED_FIELDS = [
        "title_folded^4",
        "title_en_folded^4",
        "producer_folded^2",
        "producer_en_folded^2",
        "place_folded^2",
        "attributes_folded",
        "description_folded",
        "description_en_folded",
    ]
    EXACT_FIELDS = ["title^4", "title_en^4", "producer^2", "place^2", "attributes", "description", "description_en"]

    def _slot(self, spellings, fuzzy):
        """One slot of the query (``spelling.slots``): any of its spellings, all of its words, in any field."""
        options = {"operator": "and", **({"fuzziness": self.FUZZINESS, "prefix_length": 1} if fuzzy else {})}
        clauses = [EsQ("match", text_folded={"query": spelling, **options}) for spelling in spellings]
        return clauses[0] if len(clauses) == 1 else EsQ("bool", should=clauses, minimum_should_match=1)

    def _fuzzy_phrase(self, query_slots, field, boost):
        """The slots one after another in ``field``, a typo allowed in each word (the phrase of ``readings``
        with typos: an intervals query, since a phrase query has no fuzziness)."""

        def word(text):
            return {"fuzzy": {"term": text, "fuzziness": self.FUZZINESS, "prefix_length": 1}}

        def ordered(rules):
            return rules[0] if len(rules) == 1 else {"all_of": {"intervals": rules, "ordered": True, "max_gaps": 0}}

        slots = []
        for spellings in query_slots:
            options = [ordered([word(text) for text in spelling_.split()]) for spelling_ in spellings]
            slots.append(options[0] if len(options) == 1 else {"any_of": {"intervals": options}})
        return EsQ("intervals", **{field: {**ordered(slots), "boost": boost}})

    def relevance_query(self, query):
        """What matches: every slot of the query, its words from any field, typos allowed. What ranks first:
        the phrase as typed (accents included), then the phrase in another spelling, then every word without
        a typo, the title and producer weighing most."""
        query_slots = spelling.slots(query)
        if not query_slots:
            return EsQ("match_none")
        matches = EsQ("bool", must=[self._slot(spellings, fuzzy=True) for spellings in query_slots])
        ranking = [
            EsQ("bool", must=[self._slot(spellings, fuzzy=False) for spellings in query_slots], boost=2),
            EsQ("multi_match", query=normalize(query), type="phrase", fields=self.EXACT_FIELDS, boost=4),
            EsQ("multi_match", query=normalize(query), operator="and", fields=self.EXACT_FIELDS, boost=2),
            *(
                EsQ("multi_match", query=reading, type="phrase", fields=self.FOLDED_FIELDS, boost=3)
                for reading in spelling.readings(query_slots)
            ),
            self._fuzzy_phrase(query_slots, "title_folded", boost=3),
            self._fuzzy_phrase(query_slots, "title_en_folded", boost=3),
            self._fuzzy_phrase(query_slots, "text_folded", boost=1),
        ]
        return EsQ("bool", must=[matches], should=ranking)

    def build(self, query="", categories=None, sort="relevance", selections=None):
        search = Search(using=indexing.search_client(), index=index_name()).filter(for_sale_filter())
        if categories is not None:
            search = search.filter("terms", category_ids=[category.pk for category in categories])
        if query.strip():
            search = search.query(self.relevance_query(query))
        if query.strip() or sort != "relevance":
            order = self.SORT_ORDERS.get(sort, self.SORT_ORDERS["relevance"])
            if sort == "title-asc" and english_page():
                order = [{"sort_title_en": "asc"}, {"created": "desc"}]  # the names the page shows
            search = search.sort(*order)
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
            .query(
                "multi_match",
                query=fold(query),
                type="bool_prefix",
                fields=["title_folded^3", "title_en_folded^3", "producer_folded", "producer_en_folded"],
            )
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
        producers = list(dict.fromkeys(p.producer.get_name() for p in ordered if p.producer))
        return {"products": ordered, "producers": producers[:4]}

    def search(self, query="", categories=None, sort="relevance", selections=None):
        selections = selections or {}
        return ElasticsearchResults(
            self.build(query, categories, sort, selections),
            selections,
            fallback=lambda: DatabaseProductSearch().search(query, categories, sort, selections),
        )


# Elasticsearch refuses a request reaching past this many hits (its ``index.max_result_window``).
MAX_RESULT_WINDOW = 10_000


class ElasticsearchResults:
    """Lazy, pageable results; products come from the database in Elasticsearch's order.

    A list page asks for its count, its facets and its page of hits: when the page is announced beforehand
    (``expect``), one request answers all three (the hits, the total and the facet aggregations, the facets'
    own selections applied as a post filter); otherwise the total and facets come in one request without hits
    and each page in its own."""

    def __init__(self, search, selections, fallback):
        self._search, self._selections = search, selections
        self._fallback_factory, self._fallback, self._summary = fallback, None, None
        self._breaker = None  # what the breaker said before this search's first request
        self._window = slice(0, 0)  # the hits the summary request brings along

    def expect(self, window):
        """The page of hits that will be asked for (a ``slice``): fetched with the total and the facets."""
        if self._summary is None and 0 <= window.start < window.stop <= MAX_RESULT_WINDOW:
            self._window = window

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
        """Total and facet counts, with the expected page of hits, in one request."""
        if self._summary is None:
            self._summary = self._execute(facets.es_aggregations(self._search[self._window], self._selections))
        return self._summary

    def _expected_hits(self, window):
        """The hits of ``window`` when it lies within the expected page (the summary request brings them)."""
        expected = self._window
        start = window.start or 0
        stop = expected.stop if window.stop is None else window.stop
        if window.step is not None or expected.start == expected.stop:
            return None
        if not expected.start <= start <= stop <= expected.stop:
            return None
        return self._summary_response().hits[start - expected.start : stop - expected.start]

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
            hits = self._expected_hits(window)
            if hits is None:
                hits = self._execute(self._search[window])
        except (TransportError, ApiError) as error:
            return self._use_database(error)[window]
        ids = [int(hit.meta.id) for hit in hits]
        products = {product.pk: product for product in _cards().filter(pk__in=ids)}
        return [products[pk] for pk in ids if pk in products]


def get_product_search():
    return ElasticsearchProductSearch() if indexing.enabled() else DatabaseProductSearch()
