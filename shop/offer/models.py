from django.utils.functional import cached_property
from oscar.apps.offer.abstract_models import AbstractRange


class Range(AbstractRange):
    """Oscar's range, answering "is this product in it?" from one query per range and request instead of
    one per basket line (offers ask it for every line, twice: condition and benefit)."""

    class Meta(AbstractRange.Meta):
        pass

    def contains_product(self, product):
        if self.proxy:
            return super().contains_product(product)
        return product.id in self._product_ids

    @cached_property
    def _product_ids(self):
        return set(self.product_queryset.values_list("id", flat=True))

    def invalidate_cached_queryset(self):
        super().invalidate_cached_queryset()
        self.__dict__.pop("_product_ids", None)


from oscar.apps.offer.models import *  # noqa: E402,F401,F403 — Oscar's other offer models
