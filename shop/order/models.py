from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.address.abstract_models import AbstractShippingAddress
from oscar.apps.order.abstract_models import AbstractLine, AbstractOrder, AbstractShippingEvent

from shop.address.models import VietnameseAddressFields
from shop.core import order_statuses as statuses
from shop.core.addresses import STREET_KEY_LENGTH, street_key


class Order(AbstractOrder):
    # The language the buyer was browsing in when ordering: emails about the order are written in it.
    language_code = models.CharField(_("Ngôn ngữ của khách"), max_length=10, blank=True)

    @property
    def status_label(self):
        return statuses.ORDER_LABELS.get(self.status, self.status)


class Line(AbstractLine):
    @property
    def status_label(self):
        return statuses.LINE_LABELS.get(self.status, self.status)


class ShippingAddress(VietnameseAddressFields, AbstractShippingAddress):
    # The street line as compared (``street_key``), kept so that the COD limits find a buyer's orders at one
    # address with the database's index (payments.cod_limits), not by reading every open order of their ward.
    street_key = models.CharField(max_length=STREET_KEY_LENGTH, blank=True, editable=False)

    class Meta(AbstractShippingAddress.Meta):
        indexes = [models.Index(fields=["province_code", "ward_code", "street_key"], name="order_address_street")]

    def save(self, *args, **kwargs):
        self.street_key = street_key(self.line1)
        super().save(*args, **kwargs)


class ShippingEvent(AbstractShippingEvent):
    """Something a producer did to some of its lines: confirmed, shipped (with carrier and tracking
    number) or cancelled (the reason in ``notes``). ``actor`` is who clicked; ``on_behalf_of`` is set
    when an assisting account acted for the producer."""

    partner = models.ForeignKey(
        "partner.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="shipping_events",
        verbose_name=_("Chủ thể"),
    )
    carrier = models.CharField(_("Đơn vị vận chuyển"), max_length=120, blank=True)
    tracking_number = models.CharField(_("Mã vận đơn"), max_length=64, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Người thực hiện"),
    )
    on_behalf_of = models.ForeignKey(
        "partner.Partner",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Thay mặt chủ thể"),
    )


from oscar.apps.order.models import *  # noqa: E402,F401,F403 — Oscar's remaining order models
