import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def reindex_products(product_ids):
    """Bring these products' documents up to date, and other marked ones with them (``indexing.with_other_marks``:
    changes whose own task was not queued because this one was waiting). Safe to retry: indexing is idempotent."""
    from shop.search import indexing

    try:
        indexing.reindex_marked(indexing.with_other_marks(product_ids))
    except Exception:  # the marks stay: the sweep catches up; the site keeps working meanwhile
        logger.warning("Search index update failed for products %s; the sweep will retry.", product_ids, exc_info=True)
        return False
    return True


@task()
def sweep_index():
    """Reindex products whose update was missed (Elasticsearch down, lost task). Schedule every few minutes."""
    from shop.search import indexing

    return indexing.sweep()


@task()
def update_page_document(page_id):
    """Bring one content page's search document up to date (``pages.update_page``; idempotent). If Elasticsearch
    cannot take it, the task fails and is retried with back-off (``shop.jobs.retries``); `search_index rebuild`
    also catches up."""
    from shop.search import pages

    try:
        pages.update_page(page_id)
    except Exception:
        logger.warning("Search index update failed for page %s; retried later.", page_id, exc_info=True)
        raise
    return True
