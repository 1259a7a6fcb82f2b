"""How the search indexes follow announced changes (``shop.core.changes``; ``shop.search.apps`` subscribes
``products_changed`` and ``page_changed``); nothing here waits for Elasticsearch: the worker does.

A changed product is marked in the caller's transaction and reindexed by the worker once it commits
(``indexing.mark`` then ``tasks.reindex_products``; the sweep catches anything lost). A change that shows on
pages may also publish or unpublish its producer's story, so those pages follow (``stories_changed``); a changed
content page is reindexed by ``tasks.update_page_document`` after commit.
"""

from django.db import transaction

from shop.jobs.retries import waiting_in_queue
from shop.search import indexing, pages
from shop.search.tasks import reindex_products, update_page_document


def products_changed(product_ids, shown_on_pages):
    if not indexing.enabled():
        return
    ids = indexing.mark(product_ids)
    transaction.on_commit(lambda: schedule_reindex(ids))
    if shown_on_pages:
        stories_changed(ids)


def schedule_reindex(ids):
    """After commit: the worker reindexes ``ids`` — one task for many changes. A reindex task still waiting in the
    queue has not read the marks yet and takes every marked product with its own (``tasks.reindex_products``), ours
    committed by now, so a second one is not queued: under a stream of orders the worker sends one bulk request
    per turn instead of one task per order."""
    if waiting_in_queue(reindex_products):
        return
    reindex_products.enqueue(ids)


def page_changed(page_id):
    """After commit the worker brings this page's document up to date (publish, unpublish, move, delete). Once per
    transaction: suspending a producer takes each of its products off sale, and each asks for its stories."""
    if not indexing.enabled():
        return
    if any(
        getattr(callback, "page_id", None) == page_id and not getattr(callback, "done", True)
        for _savepoints, callback, _robust in transaction.get_connection().run_on_commit
    ):
        return  # already waiting for this commit; it reads the page as it is then

    def update():
        update.done = True
        update_page_document.enqueue(page_id)  # the worker: Elasticsearch is never waited for in a request

    update.page_id, update.done = page_id, False
    transaction.on_commit(update, robust=True)


def stories_changed(product_ids):
    """These products changed (on or off sale, their producer verified or suspended): their producers
    may have become published or not, so their story pages are brought up to date after commit."""
    if not indexing.enabled() or not product_ids:
        return
    for page_id in pages.story_page_ids(product_ids):
        page_changed(page_id)
