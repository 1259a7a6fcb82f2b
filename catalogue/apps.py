import oscar.apps.catalogue.apps as apps
from django.urls import re_path
from oscar.core.loading import get_class


class CatalogueConfig(apps.CatalogueConfig):
    """Oscar's catalogue, forked for OCOP data (certificates, product groups) and traceability."""

    name = "catalogue"

    # pylint: disable=attribute-defined-outside-init
    def ready(self):
        super().ready()
        from catalogue import receivers

        receivers.register()
        self._count_behind_the_request()
        self.origin_view = get_class("catalogue.views", "ProductOriginView")
        self.origin_qr_view = get_class("catalogue.views", "ProductOriginQrView")

    @staticmethod
    def _count_behind_the_request():
        """Oscar's view and basket-addition counters are buffered, not written in the request
        (catalogue/analytics.py)."""
        from oscar.apps.analytics import receivers as oscar_analytics
        from oscar.apps.basket.signals import basket_addition
        from oscar.apps.catalogue.signals import product_viewed

        from catalogue import analytics

        product_viewed.disconnect(oscar_analytics.receive_product_view)
        basket_addition.disconnect(oscar_analytics.receive_basket_addition)
        product_viewed.connect(analytics.receive_product_view, dispatch_uid="ocop-product-view-counter")
        basket_addition.connect(analytics.receive_basket_addition, dispatch_uid="ocop-basket-addition-counter")

    def get_urls(self):
        urls = super().get_urls()
        product = r"^(?P<product_slug>[\w-]*)_(?P<pk>\d+)/nguon-goc/"
        urls += [
            re_path(product + r"$", self.origin_view.as_view(), name="origin"),
            re_path(product + r"qr\.png$", self.origin_qr_view.as_view(format="png"), name="origin-qr-png"),
            re_path(product + r"qr\.svg$", self.origin_qr_view.as_view(format="svg"), name="origin-qr-svg"),
        ]
        return self.post_process_urls(urls)
