from django.utils.functional import cached_property
from oscar.apps.offer.abstract_models import AbstractRange

from shop.core import fragments, request_memo


class Range(AbstractRange):
    """Oscar's range, answering "is this product in it?" from its product ids, read once per content version
    (kept in the shared cache, ``shop.core.fragments``; every change to a range or the products' pages announces a
    new version: ``shop.offer.signal_handlers``, ``shop.core.changes``) and once per request at most, instead of
    one query per basket line (offers ask it for every line, twice: condition and benefit, each time through a
    fresh instance: hence the request memo)."""

    class Meta(AbstractRange.Meta):
        pass

    def contains_product(self, product):
        if self.proxy:
            return super().contains_product(product)
        return product.id in self._product_ids

    @cached_property
    def _product_ids(self):
        def read():
            return set(self.product_queryset.values_list("id", flat=True))

        if not self.pk:
            return read()
        return request_memo.remember(
            self._memo_key(), lambda: fragments.remember("offer-range-products", read, self.pk)
        )

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.invalidate_cached_queryset()  # its classes or categories may have changed

    def _memo_key(self):
        return f"offer-range-products:{self.pk}"

    def invalidate_cached_queryset(self):
        super().invalidate_cached_queryset()
        self.__dict__.pop("_product_ids", None)
        request_memo.forget(self._memo_key())


from oscar.apps.offer.models import *  # noqa: E402,F401,F403 — Oscar's other offer models
