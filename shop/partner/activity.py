"""Recording portal changes with both names (``ProducerActivity``): call ``record`` from every service
or view that changes a producer's data outside the workflow and fulfilment logs."""

from oscar.core.loading import get_model

from shop.partner import access

ProducerActivity = get_model("portal_dashboard", "ProducerActivity")


def record(user, producer, action, summary, obj=None, need=access.SELL):
    """Log that ``user`` did ``action`` for ``producer``; raises PermissionDenied if they may not do
    ``need`` for it. ``summary`` is a short Vietnamese sentence shown to the producer's director."""
    on_behalf_of = access.on_behalf_of(user, producer, need)
    return ProducerActivity.objects.create(
        partner=producer,
        actor=user,
        on_behalf_of=on_behalf_of,
        action=action,
        summary=str(summary)[:500],
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
    )
