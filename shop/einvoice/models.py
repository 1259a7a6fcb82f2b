"""What the e-invoice app stores: the business buyer's request for a VAT invoice (one per order) and the
e-invoice of each producer's part of an order, with what its provider returned and the chain of
cancellations and replacements (Decree 123/2020/NĐ-CP, Articles 19–20 as amended by Decree 70/2025/NĐ-CP)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from shop.core.tax_ids import validate_tax_code


class InvoiceRequest(models.Model):
    """A business buyer asked at checkout for a VAT invoice in its company's name."""

    order = models.OneToOneField(
        "order.Order", on_delete=models.CASCADE, related_name="invoice_request", verbose_name=_("Đơn hàng")
    )
    company_name = models.CharField(_("Tên công ty"), max_length=400)
    tax_code = models.CharField(_("Mã số thuế"), max_length=14, validators=[validate_tax_code])
    address = models.CharField(_("Địa chỉ"), max_length=400)
    email = models.EmailField(_("Email nhận hoá đơn"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Yêu cầu xuất hoá đơn")
        verbose_name_plural = _("Yêu cầu xuất hoá đơn")

    def __str__(self):
        return f"{self.company_name} ({self.tax_code})"


class EInvoice(models.Model):
    """The e-invoice of one producer's part of an order. At most one draft or issued invoice per part; a
    cancelled or replaced one stays as the record of what was issued."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Nháp")
        ISSUED = "issued", _("Đã phát hành")
        CANCELLED = "cancelled", _("Đã huỷ")
        REPLACED = "replaced", _("Đã bị thay thế")

    # At most one of these per part (the constraint below); the others are records of what was issued.
    CURRENT_STATUSES = (Status.DRAFT, Status.ISSUED)

    order = models.ForeignKey("order.Order", on_delete=models.PROTECT, related_name="einvoices")
    partner = models.ForeignKey("partner.Partner", on_delete=models.PROTECT, related_name="einvoices")
    status = models.CharField(_("Trạng thái"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    provider = models.CharField(_("Nhà cung cấp hoá đơn"), max_length=64, blank=True)
    series = models.CharField(_("Ký hiệu hoá đơn"), max_length=16, blank=True)
    number = models.CharField(_("Số hoá đơn"), max_length=16, blank=True)
    lookup_code = models.CharField(_("Mã tra cứu"), max_length=64, blank=True)
    issued_at = models.DateTimeField(_("Phát hành lúc"), null=True, blank=True)
    replaces = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("Thay thế cho hoá đơn"),
    )
    xml = models.TextField(_("Dữ liệu XML"), blank=True)
    reason = models.TextField(_("Lý do huỷ hoặc thay thế"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Hoá đơn điện tử")
        verbose_name_plural = _("Hoá đơn điện tử")
        ordering = ["order", "partner", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["order", "partner"],
                condition=Q(status__in=["draft", "issued"]),
                name="einvoice_one_current_per_part",
            )
        ]

    def __str__(self):
        return f"{self.series}{self.number or '—'} ({self.order_id}/{self.partner_id})"
