"""Keeping the Elasticsearch index true: full rebuild behind an alias, and updates
of single products scheduled after the transaction that changed them commits.

Domain services announce changes through ``shop.core.changes`` (explicit calls,
ARCHITECTURE.md); ``shop.search.listeners`` calls ``mark`` here. Each call leaves a
``ReindexMark`` in the same transaction; the update task clears it once
Elasticsearch has the document, and ``sweep`` (run periodically) reindexes whatever
is still marked — so a change made while Elasticsearch was down, or a lost task,
catches up. ``check``/``fix`` compare the whole index with the database for drift
no call announced (a ``queryset.update()`` somewhere). Nothing here runs when no
ELASTICSEARCH_URL is configured.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import urllib3
from django.conf import settings
from django.utils import timezone
from elastic_transport import Urllib3HttpNode
from elasticsearch import Elasticsearch, helpers
from oscar.core.loading import get_model

from catalogue.sales import units_sold  # popularity: units sold, cancelled lines excluded
from shop.search.documents import ProductDocument, index_name, to_document

if TYPE_CHECKING:
    from django.db.models.query import QuerySet

    from catalogue.models import Product as ProductModel

logger = logging.getLogger(__name__)
Product = get_model("catalogue", "Product")
ReindexMark = get_model("search", "ReindexMark")
BULK_CHUNK = 500


def enabled() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


@lru_cache(maxsize=None)
def _client(url: str) -> Elasticsearch:
    return Elasticsearch(url, request_timeout=10, retry_on_timeout=True, max_retries=2)


def client() -> Elasticsearch:
    """For indexing (the worker, management commands): patient, with retries."""
    return _client(settings.ELASTICSEARCH_URL)


class QuickConnectNode(Urllib3HttpNode):
    """Gives up connecting after ``connect_timeout`` seconds (a stopped or unreachable cluster), while an answer
    may take up to the client's request timeout."""

    connect_timeout = 0.5

    def __init__(self, config: Any) -> None:
        super().__init__(config)
        self.pool.timeout = urllib3.Timeout(connect=self.connect_timeout, read=config.request_timeout)


@lru_cache(maxsize=None)
def _search_client(url: str, connect_timeout: float, timeout: float) -> Elasticsearch:
    node_class = type("StorefrontNode", (QuickConnectNode,), {"connect_timeout": connect_timeout})
    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False, node_class=node_class)


def search_client() -> Elasticsearch:
    """For the storefront's queries: a short connect timeout and no retries — a visitor gets the database's
    answer instead of waiting (``shop.search.breaker`` then skips Elasticsearch for a while)."""
    return _search_client(
        settings.ELASTICSEARCH_URL, settings.OCOP_SEARCH_CONNECT_TIMEOUT, settings.OCOP_SEARCH_TIMEOUT
    )


def products_to_index() -> QuerySet[ProductModel]:
    return (
        Product.objects.filter(parent=None)
        .annotate(units_sold=units_sold())
        .prefetch_related(
            "stockrecords__partner",
            "ocop_certificates",
            "categories",
            "attribute_values__attribute",
            "attribute_values__value_option",
            "attribute_values__value_multi_option",
        )
    )


def _actions(products: QuerySet[ProductModel], index: str) -> Iterator[dict[str, Any]]:
    today = timezone.localdate()
    for product in products.iterator(chunk_size=BULK_CHUNK):
        document = to_document(product, today=today).to_dict(include_meta=True)
        document["_index"] = index
        yield document


def create_for_bulk_load(es: Elasticsearch, index: str) -> None:
    """A new, empty product index set up for a bulk load: no refreshes while loading (measured
    about +40 % documents/s). The rebuild and the benchmark both load this way."""
    ProductDocument._index.clone(name=index).settings(refresh_interval="-1").create(using=es)


def finish_bulk_load(es: Elasticsearch, index: str) -> None:
    """Refreshes back to the default, and everything loaded made searchable."""
    es.indices.put_settings(index=index, settings={"index": {"refresh_interval": None}})
    es.indices.refresh(index=index)


def rebuild(progress: Callable[[int, int], object] | None = None) -> tuple[str, int]:
    """Index every product into a new index, then move the alias to it (no downtime).

    Returns (new index name, number of documents). ``progress(done, total)`` is
    called as chunks are sent.
    """
    es, alias = client(), index_name()
    new_index = f"{alias}-{timezone.now():%Y%m%d%H%M%S%f}"
    create_for_bulk_load(es, new_index)
    products = products_to_index()
    total, done = products.count(), 0
    for ok, _item in helpers.streaming_bulk(
        es, _actions(products, new_index), chunk_size=BULK_CHUNK, raise_on_error=True
    ):
        done += ok
        if progress and (done % BULK_CHUNK == 0 or done == total):
            progress(done, total)
    finish_bulk_load(es, new_index)
    old_indexes = (
        list(es.indices.get_alias(name=alias, ignore_unavailable=True).keys())
        if es.indices.exists_alias(name=alias)
        else []
    )
    actions = [{"remove": {"index": old, "alias": alias}} for old in old_indexes]
    actions.append({"add": {"index": new_index, "alias": alias}})
    es.indices.update_aliases(actions=actions)
    for old in old_indexes:
        es.indices.delete(index=old)
    return new_index, done


def refresh_mode() -> str | bool:
    """What a single write asks of Elasticsearch: wait for the next refresh, or not (``OCOP_SEARCH_WAIT_FOR_REFRESH``)."""
    return "wait_for" if settings.OCOP_SEARCH_WAIT_FOR_REFRESH else False


def update_products(product_ids: Collection[int]) -> None:
    """(Re)index these products now; ids no longer in the database are removed."""
    es, alias = client(), index_name()
    if not es.indices.exists_alias(name=alias):
        # Writing to a missing alias would create a plain index under its name;
        # there is no index yet, and the first rebuild will include these products.
        logger.info("No search index yet: products %s wait for `search_index rebuild`.", product_ids)
        return
    products = {p.pk: p for p in products_to_index().filter(pk__in=product_ids)}
    actions = []
    for pk in product_ids:
        if pk in products:
            document = to_document(products[pk]).to_dict(include_meta=True)
            document["_index"] = alias
            actions.append(document)
        else:
            actions.append({"_op_type": "delete", "_index": alias, "_id": pk})
    _ok, errors = helpers.bulk(es, actions, raise_on_error=False, refresh=refresh_mode())
    # A delete of a document that was never indexed is fine; anything else is a failure.
    # errors is the list of failed items (a count only with stats_only=True, which is not asked here)
    real_errors = [e for e in errors if e.get("delete", {}).get("status") != 404]  # type: ignore[union-attr]
    if real_errors:
        raise RuntimeError(f"Elasticsearch refused {len(real_errors)} documents: {real_errors[:3]}")


def mark(product_ids: Collection[int]) -> list[int]:
    """Mark these products for reindexing, in the caller's transaction (``shop.search.listeners`` schedules the
    reindex once it commits; ``sweep`` picks up marks a lost task left). Returns the ids, sorted, once each."""
    ids = sorted(set(product_ids))
    now = timezone.now()
    ReindexMark.objects.bulk_create(
        [ReindexMark(product_id=pk, marked_at=now) for pk in ids],
        update_conflicts=True,
        unique_fields=["product_id"],
        update_fields=["marked_at"],
    )
    return ids


def reindex_marked(product_ids: Collection[int]) -> None:
    """Reindex these products and clear their marks — only marks not renewed meanwhile, so a change
    made while this ran is indexed again. Raises if Elasticsearch fails (the marks stay)."""
    started = timezone.now()
    update_products(product_ids)
    ReindexMark.objects.filter(product_id__in=product_ids, marked_at__lte=started).delete()


def with_other_marks(product_ids: Collection[int], limit: int = BULK_CHUNK) -> list[int]:
    """These ids, then the products marked longest ago, up to ``limit`` in all (one bulk request). More marks than
    that (after an outage) are left to the next task or the sweep."""
    ids = list(dict.fromkeys(product_ids))
    room = limit - len(ids)
    if room > 0:
        others = ReindexMark.objects.exclude(product_id__in=ids).order_by("marked_at", "product_id")
        ids += others.values_list("product_id", flat=True)[:room]
    return ids


def sweep(limit: int = 5000) -> int:
    """Reindex products still marked (missed updates); returns how many. Run it every few minutes."""
    ids = list(ReindexMark.objects.order_by("marked_at").values_list("product_id", flat=True)[:limit])
    for start in range(0, len(ids), BULK_CHUNK):
        reindex_marked(ids[start : start + BULK_CHUNK])
    return len(ids)


# Fields whose drift makes a document "stale": what decides visibility, facets and sorting.
CHECKED_FIELDS = (
    "for_sale_until",
    "price",
    "stars",
    "stars_until",
    "in_stock",
    "group",
    "title",
    "producer",
    "popularity",
)


def check() -> tuple[list[int], list[int], list[int]]:
    """Compare the index with the database: (missing ids, orphan ids, stale ids)."""
    es, alias = client(), index_name()
    indexed = {
        int(hit["_id"]): hit["_source"]
        for hit in helpers.scan(es, index=alias, query={"query": {"match_all": {}}}, _source=list(CHECKED_FIELDS))
    }
    today = timezone.localdate()
    missing, stale = [], []
    seen = set()
    for product in products_to_index().iterator(chunk_size=BULK_CHUNK):
        seen.add(product.pk)
        if product.pk not in indexed:
            missing.append(product.pk)
            continue
        expected = {
            name: value.isoformat() if hasattr(value, "isoformat") else value  # dates come back as text
            for name, value in to_document(product, today=today).to_dict().items()
        }
        if any(expected.get(name) != indexed[product.pk].get(name) for name in CHECKED_FIELDS):
            stale.append(product.pk)
    orphans = sorted(set(indexed) - seen)
    return missing, orphans, stale
