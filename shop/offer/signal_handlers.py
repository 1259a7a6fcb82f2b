"""Announcing offer changes: the site's offers and their ranges' products are cached per content version
(``shop.offer.applicator``, ``shop.offer.models.Range``), so every save or delete of an offer, condition,
benefit, range or range product — from Oscar's dashboard or anywhere else — replaces the version. Vouchers and their offers are read per basket, not cached: they need no announcement."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from oscar.core.loading import get_model

from shop.core import changes

# What an order placed under an offer updates (``ConditionalOffer.record_usage``): not worth dropping every cached
# page for, unless the offer has a global limit (then its count decides whether it still applies).
USAGE_FIELDS = {"num_applications", "total_discount", "num_orders"}


def _changed(sender, **kwargs):
    changes.content_changed()


def _offer_before_save(sender, instance, **kwargs):
    instance._ocop_saved_row = sender.objects.filter(pk=instance.pk).values().first() if instance.pk else None


def _offer_saved(sender, instance, **kwargs):
    before = getattr(instance, "_ocop_saved_row", None)
    if before is not None and not instance.max_global_applications:
        differing = {field for field, value in before.items() if getattr(instance, field, value) != value}
        if differing <= USAGE_FIELDS:
            return
    changes.content_changed()


def connect():
    ConditionalOffer = get_model("offer", "ConditionalOffer")
    pre_save.connect(_offer_before_save, sender=ConditionalOffer, dispatch_uid="ocop-offer-before-save")
    post_save.connect(_offer_saved, sender=ConditionalOffer, dispatch_uid="ocop-offer-saved")
    post_delete.connect(_changed, sender=ConditionalOffer, dispatch_uid="ocop-offer-deleted")
    for name in ("Condition", "Benefit", "Range", "RangeProduct"):
        model = get_model("offer", name)
        post_save.connect(_changed, sender=model, dispatch_uid=f"ocop-offer-{name}-saved")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"ocop-offer-{name}-deleted")
    Range = get_model("offer", "Range")
    for field in ("included_categories", "classes", "excluded_products"):
        through = getattr(Range, field).through
        m2m_changed.connect(_changed, sender=through, dispatch_uid=f"ocop-range-{field}")
