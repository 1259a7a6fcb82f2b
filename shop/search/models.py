from django.db import models


class ReindexMark(models.Model):
    """ "This product's document needs reindexing": written in the same transaction as the change
    (``indexing.mark_changed``), cleared once Elasticsearch has the new document. Marks left
    behind — Elasticsearch was down, a worker died — are picked up by the sweep
    (``indexing.sweep``, ``manage.py search_index sweep``), so the index catches up.

    ``product_id`` is a plain number, not a foreign key: a deleted product's mark must survive to
    delete its document.
    """

    product_id = models.PositiveIntegerField(unique=True)
    marked_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"reindex product {self.product_id} (since {self.marked_at:%Y-%m-%d %H:%M:%S})"
