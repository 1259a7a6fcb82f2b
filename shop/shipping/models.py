"""Shipping rates per zone and weight, the free-shipping threshold, and what each producer's parcel of
an order was charged.

Oscar's ``WeightBased``/``WeightBand`` (kept below, unused) price one basket in kilograms and repeat the
top band above it; a marketplace needs one charge per producer parcel, by zone, in grams, with a price
per extra kilogram above the last band — hence these small models. The rule that reads them is
``shop.shipping.parcels``. Money is whole đồng (``BigIntegerField``), as in ``payments``.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from shop.shipping.zones import Zone


class ZoneRate(models.Model):
    """The tariff of one zone: its weight bands, and the price of each kilogram (or part of one)
    above the heaviest band."""

    zone = models.CharField(_("Vùng giao hàng"), max_length=16, choices=Zone.choices, unique=True)
    extra_kg_charge = models.BigIntegerField(
        _("Giá mỗi kg vượt mốc cuối (đồng)"),
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("Cộng cho mỗi kg (phần lẻ tính tròn 1 kg) vượt quá mốc khối lượng cao nhất."),
    )

    class Meta:
        app_label = "shipping"
        verbose_name = _("Biểu phí vùng giao hàng")
        verbose_name_plural = _("Biểu phí vùng giao hàng")

    def __str__(self):
        return self.get_zone_display()


class RateBand(models.Model):
    """A parcel weighing up to ``max_weight_grams`` (and more than the band below) costs ``charge``."""

    zone_rate = models.ForeignKey(
        ZoneRate, on_delete=models.CASCADE, related_name="bands", verbose_name=_("Vùng giao hàng")
    )
    max_weight_grams = models.PositiveIntegerField(_("Đến khối lượng (gam)"), validators=[MinValueValidator(1)])
    charge = models.BigIntegerField(_("Phí vận chuyển (đồng)"), validators=[MinValueValidator(0)])

    class Meta:
        app_label = "shipping"
        ordering = ["zone_rate", "max_weight_grams"]
        constraints = [
            models.UniqueConstraint(fields=["zone_rate", "max_weight_grams"], name="shipping_rateband_unique_weight")
        ]
        verbose_name = _("Mốc khối lượng")
        verbose_name_plural = _("Mốc khối lượng")

    def __str__(self):
        return f"{self.zone_rate} ≤ {self.max_weight_grams} g: {self.charge}"


class ShippingSettings(models.Model):
    """One row (pk 1): settings that are not per zone."""

    free_shipping_threshold = models.BigIntegerField(
        _("Miễn phí vận chuyển cho kiện hàng từ (đồng)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_(
            "Kiện hàng của một chủ thể có tiền hàng đạt mức này được miễn phí vận chuyển. "
            "Để trống hoặc 0: không miễn phí."
        ),
    )

    class Meta:
        app_label = "shipping"
        verbose_name = _("Cài đặt vận chuyển")
        verbose_name_plural = _("Cài đặt vận chuyển")

    @classmethod
    def load(cls):
        settings, _created = cls.objects.get_or_create(pk=1)
        return settings

    @property
    def threshold(self):
        """The threshold in force, or None when nothing ships free."""
        return self.free_shipping_threshold or None


class OrderParcel(models.Model):
    """What one producer's parcel of an order weighed and was charged, written once at placement
    (``parcels.record_parcels``). The charges of an order's parcels add up to its shipping charge."""

    order = models.ForeignKey(
        "order.Order", on_delete=models.CASCADE, related_name="parcels", verbose_name=_("Đơn hàng")
    )
    partner = models.ForeignKey(
        "partner.Partner",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="order_parcels",
        verbose_name=_("Chủ thể"),
    )
    partner_name = models.CharField(_("Tên chủ thể"), max_length=255)
    weight_grams = models.PositiveIntegerField(_("Khối lượng (gam)"))
    zone = models.CharField(_("Vùng giao hàng"), max_length=16, choices=Zone.choices)
    goods_subtotal = models.BigIntegerField(_("Tiền hàng của kiện (đồng)"))
    rate_charge = models.BigIntegerField(_("Phí theo biểu phí (đồng)"))
    charge = models.BigIntegerField(_("Phí vận chuyển đã tính (đồng)"))
    free_by_threshold = models.BooleanField(_("Miễn phí do đạt ngưỡng"), default=False)

    class Meta:
        app_label = "shipping"
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["order", "partner"], name="shipping_orderparcel_unique")]
        verbose_name = _("Kiện hàng của đơn")
        verbose_name_plural = _("Kiện hàng của đơn")

    def __str__(self):
        return f"{self.order_id} · {self.partner_name}"


from oscar.apps.shipping.models import *  # noqa: E402,F401,F403 — Oscar's own shipping models
