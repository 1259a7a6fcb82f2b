from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class WithholdingFigures(models.Model):
    """What a statement and each of its business categories both hold: sales received, refunds, the withholding
    rates copied when computed and the tax withheld (``payments.settlements``)."""

    gross_sales = models.BigIntegerField(_("Doanh số"), default=0)
    refunds = models.BigIntegerField(_("Hoàn tiền, huỷ hàng"), default=0)
    vat_rate = models.DecimalField(_("Tỷ lệ khấu trừ thuế GTGT"), max_digits=6, decimal_places=4)
    vat_withheld = models.BigIntegerField(_("Thuế GTGT khấu trừ"), default=0)
    pit_rate = models.DecimalField(_("Tỷ lệ khấu trừ thuế TNCN"), max_digits=6, decimal_places=4)
    pit_withheld = models.BigIntegerField(_("Thuế TNCN khấu trừ"), default=0)

    class Meta:
        abstract = True

    @property
    def taxable_base(self):
        return self.gross_sales - self.refunds

    @property
    def withheld(self):
        return self.vat_withheld + self.pit_withheld

    # Rates as percentages for display ("5", "0,5" with floatformat:"-2").
    @property
    def vat_percent(self):
        return self.vat_rate * 100

    @property
    def pit_percent(self):
        return self.pit_rate * 100


class Settlement(WithholdingFigures):
    """What the platform owes one producer for one period (a calendar month), as computed by
    ``payments.settlements``. Amounts are whole đồng. A statement is recomputed until an
    administrator marks it paid; from then on it is frozen, and later cancellations of its
    sales appear as refunds in the period they happen."""

    class Status(models.TextChoices):
        OPEN = "open", _("Chưa thanh toán")
        PAID = "paid", _("Đã thanh toán")

    partner = models.ForeignKey(
        "partner.Partner", on_delete=models.PROTECT, related_name="settlements", verbose_name=_("Chủ thể")
    )
    period_start = models.DateField(_("Từ ngày"))
    period_end = models.DateField(_("Đến ngày"))  # inclusive
    commission_rate = models.DecimalField(_("Tỷ lệ phí nền tảng"), max_digits=6, decimal_places=4)
    commission = models.BigIntegerField(_("Phí nền tảng"), default=0)
    net_amount = models.BigIntegerField(_("Số tiền thanh toán cho chủ thể"), default=0)
    # Copied from the producer when computed (Decree 117/2025 withholding applies to households and
    # individuals only), so a paid statement keeps saying why tax was or was not withheld.
    withholding_applies = models.BooleanField(_("Nền tảng khấu trừ thuế thay chủ thể"), default=False)
    partner_kind = models.CharField(_("Loại hình chủ thể khi lập bảng"), max_length=32, blank=True)
    status = models.CharField(_("Trạng thái"), max_length=8, choices=Status.choices, default=Status.OPEN)
    computed_at = models.DateTimeField(_("Tính lúc"), auto_now=True)
    paid_at = models.DateTimeField(_("Ngày thanh toán"), null=True, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Người xác nhận thanh toán"),
    )
    payment_reference = models.CharField(_("Mã giao dịch chuyển khoản"), max_length=64, blank=True)
    # The producer's account the money went to, copied when paid (payments.payouts): the producer may
    # change accounts later, and the statement keeps saying where this payment went.
    paid_bank_bin = models.CharField(_("Mã ngân hàng nhận tiền (BIN)"), max_length=8, blank=True)
    paid_account_number = models.CharField(_("Số tài khoản nhận tiền"), max_length=40, blank=True)
    paid_account_holder = models.CharField(_("Chủ tài khoản nhận tiền"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("Bảng đối soát")
        verbose_name_plural = _("Bảng đối soát")
        ordering = ["-period_start", "partner__name"]
        constraints = [models.UniqueConstraint(fields=["partner", "period_start"], name="unique_settlement_period")]

    @property
    def is_paid(self):
        return self.status == self.Status.PAID

    @property
    def commission_percent(self):
        return self.commission_rate * 100

    @property
    def partner_kind_label(self):
        from django.apps import apps

        Partner = apps.get_model("partner", "Partner")
        return Partner.Kind(self.partner_kind).label if self.partner_kind in Partner.Kind.values else ""


class Payment(models.Model):
    """One attempt to pay for one order with one method: the payment's state machine.

    Created by checkout (``PaymentDetailsView.handle_payment``) before the order exists, so it is keyed
    by the order number; ``order`` is filled in once the order is placed. Money actually received is
    mirrored into Oscar's ledger (``payment.Source`` / ``Transaction`` and the order's ``PaymentEvent``)
    by ``payments.states`` — the only code that changes ``status``. Amounts are whole đồng."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ thanh toán")
        COLLECT_ON_DELIVERY = "cod", _("Thu tiền khi giao hàng")
        PAID = "paid", _("Đã thanh toán")
        FAILED = "failed", _("Thanh toán không thành công")
        VOIDED = "voided", _("Đã huỷ giao dịch")
        REFUNDED = "refunded", _("Đã hoàn tiền")

    order_number = models.CharField(_("Mã đơn hàng"), max_length=128, db_index=True)
    order = models.ForeignKey(
        "order.Order",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payments",
        verbose_name=_("Đơn hàng"),
    )
    method = models.CharField(_("Phương thức"), max_length=16)
    amount = models.BigIntegerField(_("Số tiền"))
    amount_received = models.BigIntegerField(_("Đã nhận"), default=0)
    amount_refunded = models.BigIntegerField(_("Đã hoàn"), default=0)
    status = models.CharField(
        _("Trạng thái"), max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    # The provider's id for this payment: a Stripe PaymentIntent, VNPay's transaction number, the bank
    # transfer's reference from the statement…
    provider_reference = models.CharField(
        _("Mã giao dịch của cổng thanh toán"), max_length=128, blank=True, db_index=True
    )
    # The attempt number makes the provider idempotency key: one key per order attempt.
    attempt = models.PositiveSmallIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(_("Thanh toán lúc"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Người xác nhận đã nhận tiền"),
    )
    # Set when something arrived that a person must look at: an amount that does not match, money
    # received for an order that was already cancelled, a refund the provider refused…
    needs_attention = models.BooleanField(_("Cần quản trị viên xem"), default=False, db_index=True)
    attention_note = models.TextField(_("Ghi chú cho quản trị viên"), blank=True)

    class Meta:
        verbose_name = _("Thanh toán")
        verbose_name_plural = _("Thanh toán")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["order_number", "attempt"], name="unique_payment_attempt")]

    def __str__(self):
        return f"{self.order_number} · {self.method} · {self.amount}"

    @property
    def idempotency_key(self):
        return f"ocop-{self.order_number}-{self.attempt}"

    @property
    def is_paid(self):
        return self.status == self.Status.PAID

    @property
    def provider(self):
        from payments.registry import get_provider

        return get_provider(self.method)


class ProviderEvent(models.Model):
    """Every webhook / IPN / statement row we acted on, once: the unique (provider, event_id) makes a
    redelivered event a no-op even when the copies arrive at the same moment."""

    provider = models.CharField(max_length=16)
    event_id = models.CharField(max_length=255)
    event_type = models.CharField(max_length=64, blank=True)
    payment = models.ForeignKey(Payment, on_delete=models.SET_NULL, null=True, blank=True, related_name="events")
    payload = models.JSONField(default=dict, blank=True)
    outcome = models.CharField(max_length=255, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Sự kiện từ cổng thanh toán")
        verbose_name_plural = _("Sự kiện từ cổng thanh toán")
        ordering = ["-received_at"]
        constraints = [models.UniqueConstraint(fields=["provider", "event_id"], name="unique_provider_event")]


class SettlementTaxLine(WithholdingFigures):
    """One business category's part of a statement (``payments.settlements``): amounts received and
    refunded for lines of that category, the rates in force (copied from ``payments.tax_rates``) and the
    tax withheld. Frozen with its statement once paid."""

    settlement = models.ForeignKey(
        Settlement, on_delete=models.CASCADE, related_name="tax_lines", verbose_name=_("Bảng đối soát")
    )
    category = models.CharField(_("Nhóm ngành nghề tính thuế"), max_length=16)
    rate_source = models.CharField(_("Căn cứ tỷ lệ"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("Khấu trừ thuế theo nhóm ngành nghề")
        verbose_name_plural = _("Khấu trừ thuế theo nhóm ngành nghề")
        ordering = ["settlement", "category"]
        constraints = [models.UniqueConstraint(fields=["settlement", "category"], name="unique_settlement_category")]

    @property
    def category_label(self):
        from payments.tax_rates import category_label

        return category_label(self.category)
