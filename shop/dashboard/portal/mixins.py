"""What every portal view shares: the producer it works for, checked through ``shop.partner.access``."""
from django.utils.functional import SimpleLazyObject, cached_property

from shop.order import fulfilment
from shop.partner import access


class PortalMixin:
    """For portal views: ``self.producer`` is the producer the user works for now (the one picked in
    the producer switcher, kept in the session), never one they may not manage — 404 otherwise.
    Querysets must be narrowed to ``self.producer``; templates get ``portal_producer`` and
    ``portal_acting_for`` (set when an assistant acts on the producer's behalf)."""

    @cached_property
    def producer(self):
        return access.producer_for_request(self.request)

    @cached_property
    def capacity(self):
        return access.capacity(self.request.user, self.producer)

    @property
    def is_director(self):
        return access.is_director(self.request.user, self.producer)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({
            "portal_producer": self.producer,
            "portal_acting_for": self.producer if self.capacity == access.ASSISTANT else None,
            "portal_producers": access.manageable_producers(self.request.user),
            "portal_is_director": self.is_director,
            # Orders waiting for this producer's confirmation, shown in every portal page's header.
            "portal_new_orders": SimpleLazyObject(lambda: fulfilment.orders_to_confirm(self.producer)),
        })
        return context
