from oscar.apps.dashboard.catalogue import mixins as oscar_mixins
from oscar.apps.dashboard.catalogue.bulk_actions import SetProductPriceAction


class ProductBulkActionMixin(oscar_mixins.ProductBulkActionMixin):
    """Only the price action stays; Oscar's bulk publish actions use queryset.update()."""

    intermediate_actions = {"set_product_price": SetProductPriceAction()}
