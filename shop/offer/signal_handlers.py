"""Announcing offer changes: the site's offers and their ranges' products are cached per content version
(``shop.offer.applicator``, ``shop.offer.models.Range``), so every save or delete of an offer, condition,
benefit, range or range product — from Oscar's dashboard or anywhere else — replaces the version. Vouchers and their offers are read per basket, not cached: they need no announcement."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from oscar.core.loading import get_model

from shop.core import changes


def _changed(sender, **kwargs):
    changes.content_changed()


def connect():
    ConditionalOffer = get_model("offer", "ConditionalOffer")
    # An order placed under an offer adds to its counters without saving it (``shop.order.utils``), unless the
    # offer has a limit: that save may mark it consumed, which changes prices.
    post_save.connect(_changed, sender=ConditionalOffer, dispatch_uid="ocop-offer-saved")
    post_delete.connect(_changed, sender=ConditionalOffer, dispatch_uid="ocop-offer-deleted")
    for name in ("Condition", "Benefit", "Range", "RangeProduct"):
        model = get_model("offer", name)
        post_save.connect(_changed, sender=model, dispatch_uid=f"ocop-offer-{name}-saved")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"ocop-offer-{name}-deleted")
    Range = get_model("offer", "Range")
    for field in ("included_categories", "classes", "excluded_products"):
        through = getattr(Range, field).through
        m2m_changed.connect(_changed, sender=through, dispatch_uid=f"ocop-range-{field}")
