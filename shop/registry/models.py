"""The provincial OCOP registry as the platform records it: the dated counts (``ProvinceRegistry``) and the
imports of a province's list (``RegistryImport`` and its ``RegistryImportLine`` results)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shop.core.addresses import province_name, validate_province_code
from shop.core.storage import private_storage


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


class Outcome(models.TextChoices):
    """What an import did (or, in a dry run, would do) with one line of the list."""

    CREATED = "created", _("Tạo mới")
    MATCHED = "matched", _("Khớp, cập nhật")
    UNCHANGED = "unchanged", _("Không đổi")
    REFUSED = "refused", _("Từ chối")


class RegistryImport(models.Model):
    """One upload of a province's OCOP list, run as a dry run (nothing written but this report) or for real
    (``shop.registry.importer``). The file stays in private storage so the real run reads what the dry run
    reported on."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang nhập")
        DONE = "done", _("Xong")
        FAILED = "failed", _("Thất bại")

    province_code = models.PositiveIntegerField(_("Tỉnh/thành phố"), validators=[validate_province_code])
    file = models.FileField(
        _("Tệp danh sách"), upload_to="registry/imports/%Y/", storage=private_storage, blank=True, max_length=255
    )
    filename = models.CharField(_("Tên tệp"), max_length=255, blank=True)
    as_of = models.DateField(_("Danh sách tính đến ngày"))
    source = models.CharField(_("Nguồn (quyết định, danh sách)"), max_length=255)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người nhập"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("Lúc"), default=timezone.now)
    finished_at = models.DateTimeField(_("Xong lúc"), null=True, blank=True)
    dry_run = models.BooleanField(_("Chạy thử"), default=True)
    # The real run of a dry run's file points back at it (the page offers "Nhập chính thức" once).
    dry_run_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="real_runs",
        verbose_name=_("Từ lần chạy thử"),
    )
    state = models.CharField(_("Tình trạng"), max_length=16, choices=State.choices, default=State.QUEUED)
    error = models.TextField(_("Lỗi"), blank=True)
    done = models.PositiveIntegerField(_("Đã xử lý"), default=0)
    total = models.PositiveIntegerField(_("Tổng số dòng"), default=0)
    created = models.PositiveIntegerField(_("Tạo mới"), default=0)
    matched = models.PositiveIntegerField(_("Khớp, cập nhật"), default=0)
    unchanged = models.PositiveIntegerField(_("Không đổi"), default=0)
    refused = models.PositiveIntegerField(_("Từ chối"), default=0)
    new_producers = models.PositiveIntegerField(_("Chủ thể mới (chưa nhận quản lý)"), default=0)
    certified_on_as_of = models.PositiveIntegerField(_("Sản phẩm còn hiệu lực ngày của danh sách"), default=0)
    registry_count = models.ForeignKey(
        ProvinceRegistry,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Số liệu đã ghi nhận"),
    )

    class Meta:
        verbose_name = _("Lần nhập danh sách OCOP")
        verbose_name_plural = _("Các lần nhập danh sách OCOP")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.filename} ({self.province_code}, {self.as_of:%d/%m/%Y})"

    @property
    def province_name(self):
        return province_name(self.province_code) or str(self.province_code)

    @property
    def percent(self):
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def is_pending(self):
        return self.state in (self.State.QUEUED, self.State.RUNNING)

    def counts(self):
        """{outcome: count}, in the outcomes' order."""
        return {outcome: getattr(self, outcome) for outcome in Outcome.values}


class RegistryImportLine(models.Model):
    """One line of an imported list: its key values as read, what the import did, why, and what it touched."""

    registry_import = models.ForeignKey(RegistryImport, on_delete=models.CASCADE, related_name="lines")
    line_number = models.PositiveIntegerField(_("Dòng"))
    product_name = models.CharField(_("Tên sản phẩm"), max_length=255, blank=True)
    producer_name = models.CharField(_("Chủ thể"), max_length=255, blank=True)
    registration_number = models.CharField(_("Mã số ĐKKD / MST"), max_length=40, blank=True)
    commune = models.CharField(_("Xã/phường"), max_length=255, blank=True)
    stars = models.CharField(_("Hạng sao"), max_length=16, blank=True)
    decision_number = models.CharField(_("Số quyết định"), max_length=64, blank=True)
    decision_date = models.CharField(_("Ngày quyết định"), max_length=32, blank=True)
    outcome = models.CharField(_("Kết quả"), max_length=16, choices=Outcome.choices, db_index=True)
    reason = models.TextField(_("Lý do"), blank=True)
    producer_created = models.BooleanField(_("Tạo chủ thể mới"), default=False)
    partner = models.ForeignKey(
        "partner.Partner", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("Chủ thể")
    )
    product = models.ForeignKey(
        "catalogue.Product",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Sản phẩm"),
    )
    certificate = models.ForeignKey(
        "catalogue.OcopCertificate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registry_lines",
        verbose_name=_("Giấy chứng nhận"),
    )

    class Meta:
        verbose_name = _("Dòng của lần nhập danh sách OCOP")
        verbose_name_plural = _("Các dòng của lần nhập danh sách OCOP")
        ordering = ["registry_import", "line_number"]
