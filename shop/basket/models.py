from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.utils.encoding import smart_str
from django.utils.translation import gettext as _
from oscar.apps.basket.abstract_models import AbstractBasket, AbstractLine
from oscar.core.loading import get_model


class Basket(AbstractBasket):
    def all_lines(self):
        """Oscar's cached lines, with what pricing, availability, shipping parcels and order placement
        read for every line fetched once (a 10-line checkout costs the queries of a 1-line one)."""
        if self.id is not None and self._lines is None:
            super().all_lines()
            StockRecord = get_model("partner", "StockRecord")
            self._lines = self._lines.select_related("stockrecord__partner", "product__product_class").prefetch_related(
                Prefetch("product__stockrecords", queryset=StockRecord.objects.select_related("partner")),
                "product__ocop_certificates",
                "product__parent__product_class",
                "attributes__option",
            )
        return super().all_lines()

    @property
    def num_lines(self):
        """Counted from the lines, loaded anyway wherever the basket is priced, not by a second query."""
        return len(self.all_lines())


class Line(AbstractLine):
    def save(self, *args, **kwargs):
        """Oscar's refusal to change a basket being paid for or already ordered, in the visitor's own words: Oscar's
        put the basket's status in English inside the Vietnamese sentence ("…thay đổi submitted giỏ hàng"). The
        403 page shows it (shop.core.errors)."""
        if not self.basket.can_be_edited:
            raise PermissionDenied(
                _("Giỏ hàng này đang được thanh toán hoặc đã thành đơn hàng nên không thể thay đổi nữa.")
            )
        return super().save(*args, **kwargs)

    def get_warning(self):
        """Oscar's warnings (price changed, unavailable), with the reason when the product stopped being for
        sale since it was put in the basket: the checkout refuses the basket until the line goes."""
        from oscar.core.loading import get_class

        if isinstance(self.purchase_info.availability, get_class("partner.availability", "NotForSale")):
            return _(
                "“%(product)s” hiện không còn được bán trên sàn. Hãy xoá sản phẩm này khỏi giỏ hàng để "
                "tiếp tục đặt hàng."
            ) % {"product": self.product.get_title()}
        return super().get_warning()

    @property
    def description(self):
        """Oscar's "title (option = 'value')", with the service date written the Vietnamese way."""
        from shop.shipping.service_dates import SERVICE_DATE, service_date_of

        day = service_date_of(self)
        if day is None:
            return super().description
        others = [f"{a.option.name} = '{a.value}'" for a in self.attributes.all() if a.option.code != SERVICE_DATE]
        service = [f"{a.option.name}: {day:%d/%m/%Y}" for a in self.attributes.all() if a.option.code == SERVICE_DATE]
        return "%s (%s)" % (smart_str(self.product), ", ".join(service + others))


from oscar.apps.basket.models import *  # noqa: E402,F401,F403 — Oscar's other basket models
