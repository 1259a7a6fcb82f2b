import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def reindex_products(product_ids):
    """Bring these products' documents up to date (safe to retry: indexing is idempotent)."""
    from shop.search import indexing

    try:
        indexing.update_products(product_ids)
    except Exception:  # the rebuild command catches up; the site keeps working meanwhile
        logger.warning("Search index update failed for products %s", product_ids, exc_info=True)
        return False
    return True
