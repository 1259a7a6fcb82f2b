from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Settlement(models.Model):
    """What the platform owes one producer for one period (a calendar month), as computed by
    ``payments.settlements``. Amounts are whole đồng. A statement is recomputed until an
    administrator marks it paid; from then on it is frozen, and later cancellations of its
    sales appear as refunds in the period they happen."""

    class Status(models.TextChoices):
        OPEN = "open", _("Chưa thanh toán")
        PAID = "paid", _("Đã thanh toán")

    partner = models.ForeignKey("partner.Partner", on_delete=models.PROTECT, related_name="settlements",
                                verbose_name=_("Chủ thể"))
    period_start = models.DateField(_("Từ ngày"))
    period_end = models.DateField(_("Đến ngày"))  # inclusive
    gross_sales = models.BigIntegerField(_("Doanh số"), default=0)
    refunds = models.BigIntegerField(_("Hoàn tiền, huỷ hàng"), default=0)
    commission_rate = models.DecimalField(_("Tỷ lệ phí nền tảng"), max_digits=6, decimal_places=4)
    commission = models.BigIntegerField(_("Phí nền tảng"), default=0)
    vat_rate = models.DecimalField(_("Tỷ lệ khấu trừ thuế GTGT"), max_digits=6, decimal_places=4)
    vat_withheld = models.BigIntegerField(_("Thuế GTGT khấu trừ"), default=0)
    pit_rate = models.DecimalField(_("Tỷ lệ khấu trừ thuế TNCN"), max_digits=6, decimal_places=4)
    pit_withheld = models.BigIntegerField(_("Thuế TNCN khấu trừ"), default=0)
    net_amount = models.BigIntegerField(_("Số tiền thanh toán cho chủ thể"), default=0)
    # Copied from the producer when computed (Decree 117/2025 withholding applies to households and
    # individuals only), so a paid statement keeps saying why tax was or was not withheld.
    withholding_applies = models.BooleanField(_("Nền tảng khấu trừ thuế thay chủ thể"), default=False)
    partner_kind = models.CharField(_("Loại hình chủ thể khi lập bảng"), max_length=32, blank=True)
    status = models.CharField(_("Trạng thái"), max_length=8, choices=Status.choices, default=Status.OPEN)
    computed_at = models.DateTimeField(_("Tính lúc"), auto_now=True)
    paid_at = models.DateTimeField(_("Ngày thanh toán"), null=True, blank=True)
    paid_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+", verbose_name=_("Người xác nhận thanh toán"))
    payment_reference = models.CharField(_("Mã giao dịch chuyển khoản"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("Bảng đối soát")
        verbose_name_plural = _("Bảng đối soát")
        ordering = ["-period_start", "partner__name"]
        constraints = [models.UniqueConstraint(fields=["partner", "period_start"], name="unique_settlement_period")]

    @property
    def is_paid(self):
        return self.status == self.Status.PAID

    @property
    def withheld(self):
        return self.vat_withheld + self.pit_withheld

    @property
    def taxable_base(self):
        return self.gross_sales - self.refunds

    # Rates as percentages for display ("5", "0,5" with floatformat:"-2").
    @property
    def commission_percent(self):
        return self.commission_rate * 100

    @property
    def vat_percent(self):
        return self.vat_rate * 100

    @property
    def pit_percent(self):
        return self.pit_rate * 100

    @property
    def partner_kind_label(self):
        from django.apps import apps

        Partner = apps.get_model("partner", "Partner")
        return Partner.Kind(self.partner_kind).label if self.partner_kind in Partner.Kind.values else ""
