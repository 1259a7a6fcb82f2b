"""How the search indexes follow announced changes (``shop.core.changes``; ``shop.search.apps`` subscribes
``products_changed`` and ``pages.page_changed``).

A changed product is marked in the caller's transaction and reindexed by the worker once it commits
(``indexing.mark`` then ``tasks.reindex_products``; the sweep catches anything lost). A change that shows on
pages may also publish or unpublish its producer's story, so those pages follow (``pages.stories_changed``).
"""

from django.db import transaction

from shop.search import indexing, pages
from shop.search.tasks import reindex_products


def products_changed(product_ids, shown_on_pages):
    if not indexing.enabled():
        return
    ids = indexing.mark(product_ids)
    transaction.on_commit(lambda: reindex_products.enqueue(ids))
    if shown_on_pages:
        pages.stories_changed(ids)
