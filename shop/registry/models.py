"""One recorded count of a province's certified OCOP products (see the package docstring)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shop.core.addresses import province_name, validate_province_code


class ProvinceRegistry(models.Model):
    """The number of OCOP products a province had certified on ``as_of``, from ``source``.

    Rows are never edited: a new figure (or a correction) is a new row, and the latest one counts
    (``shop.registry.counts.latest_by_province``)."""

    province_code = models.PositiveIntegerField(_("Mã tỉnh/thành phố"), validators=[validate_province_code])
    certified_products = models.PositiveIntegerField(_("Số sản phẩm OCOP đã được công nhận"))
    as_of = models.DateField(_("Số liệu tính đến ngày"))
    source = models.CharField(_("Nguồn số liệu"), max_length=255)
    imported_at = models.DateTimeField(_("Ghi nhận lúc"), default=timezone.now)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người ghi nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Số sản phẩm OCOP của tỉnh")
        verbose_name_plural = _("Số sản phẩm OCOP của tỉnh")
        ordering = ["province_code", "-as_of", "-imported_at", "-pk"]

    @property
    def province_name(self):
        return province_name(self.province_code) or str(self.province_code)

    def __str__(self):
        return f"{self.province_code}: {self.certified_products} ({self.as_of:%d/%m/%Y})"
