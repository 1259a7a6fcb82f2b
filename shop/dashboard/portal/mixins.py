"""What every portal view shares: the producer it works for, and what the user may do for it, checked
through ``shop.partner.access`` (per account *and* producer)."""

from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject, cached_property

from shop.order import fulfilment
from shop.partner import access


class PortalMixin:
    """For portal views: ``self.producer`` is the producer the user works for now (the one picked in
    the producer switcher, kept in the session), never one they may not manage — 404 otherwise.
    Querysets must be narrowed to ``self.producer``; templates get ``portal_producer`` and
    ``portal_acting_for`` (set when an assistant acts on the producer's behalf).

    ``self.producer`` is one the user may view (``access.VIEW``: verified or suspended, never pending or
    rejected). Changes (any method but GET/HEAD/OPTIONS) need ``post_needs`` — ``access.SELL`` unless the
    view names less (``access.FULFIL`` for orders and the team) — else a 403 page saying which rule, and
    nothing changes. The services check the same rule again."""

    post_needs = access.SELL
    SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

    def dispatch(self, request, *args, **kwargs):
        if request.method not in self.SAFE_METHODS and request.user.is_authenticated:
            # manageable_producers holds only producers the user may view; 404 for none.
            if access.capacity(request.user, self.producer, self.post_needs) is None:
                return TemplateResponse(
                    request,
                    "oscar/dashboard/portal/refused.html",
                    {
                        **self.portal_context(),
                        "refusal": access.refusal(self.producer, self.post_needs),
                    },
                    status=403,
                )
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def producer(self):
        return access.producer_for_request(self.request)

    @cached_property
    def capacity(self):
        """MEMBER or ASSISTANT: how the user works for ``self.producer`` (viewing it)."""
        return access.capacity(self.request.user, self.producer, access.VIEW)

    @property
    def is_director(self):
        return access.is_director(self.request.user, self.producer)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.portal_context())
        return context

    def portal_context(self):
        return {
            "portal_producer": self.producer,
            "portal_acting_for": self.producer if self.capacity == access.ASSISTANT else None,
            "portal_producers": access.manageable_producers(self.request.user),
            # False for a suspended producer, for templates to hide catalogue changes (refused server-side anyway).
            "portal_may_sell": access.capacity(self.request.user, self.producer, access.SELL) is not None,
            "portal_is_director": self.is_director,
            # Orders waiting for this producer's confirmation, shown in every portal page's header.
            "portal_new_orders": SimpleLazyObject(lambda: fulfilment.orders_to_confirm(self.producer)),
        }
