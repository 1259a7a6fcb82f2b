"""Receivers for what Oscar's own views change (they call no service of ours).

Image files follow their rows only once the deletion has committed.

Oscar deletes a deleted image's file (and thumbnails) in ``post_delete``, inside the transaction: if the
transaction then rolls back, the row comes back and its file is gone. ``OSCAR_DELETE_IMAGE_FILES`` is
off in our settings, and this receiver does the same work after commit instead.
"""

from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from oscar.core.loading import get_model
from oscar.core.thumbnails import get_thumbnailer

from shop.core import changes


def delete_image_files_after_commit(sender, instance, **kwargs):
    files = [
        getattr(instance, field.name)
        for field in instance._meta.fields
        if isinstance(field, models.ImageField) and getattr(instance, field.name)
    ]

    def delete():
        thumbnailer = get_thumbnailer()
        for field_file in files:
            thumbnailer.delete_thumbnails(field_file)

    transaction.on_commit(delete)


def review_changed(sender, instance, **kwargs):
    """A review approved, rejected or deleted in Oscar's dashboard changes the product's rating, which
    product pages and cards show: cached pages go."""
    changes.content_changed()


def register():
    review = get_model("reviews", "ProductReview")
    post_save.connect(review_changed, sender=review, dispatch_uid="ocop_review_saved")
    post_delete.connect(review_changed, sender=review, dispatch_uid="ocop_review_deleted")
    for model in (get_model("catalogue", "ProductImage"), get_model("catalogue", "Category")):
        post_delete.connect(
            delete_image_files_after_commit,
            sender=model,
            dispatch_uid=f"ocop_delete_image_files_{model._meta.label_lower}",
        )
