"""The queue's records: scheduled runs (``shop.jobs.schedule``) and the exports and imports run by the worker
(``shop.jobs.files``)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shop.core.storage import private_storage


class ScheduledRun(models.Model):
    """One run of a periodic job (``shop.jobs.schedule``): the scheduler that inserts the row for a job's time slot
    enqueues it, in the same transaction; a second scheduler finds the row and does nothing."""

    job = models.CharField(_("Tác vụ"), max_length=64)
    slot = models.DateTimeField(_("Lượt"))
    enqueued_at = models.DateTimeField(_("Đưa vào hàng đợi lúc"), auto_now_add=True)
    task_result_id = models.CharField(_("Mã lần chạy"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("Lượt chạy định kỳ")
        verbose_name_plural = _("Lượt chạy định kỳ")
        ordering = ["-slot"]
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="jobs_one_run_per_slot")]

    def __str__(self):
        return f"{self.job} @ {self.slot:%Y-%m-%d %H:%M}"


def _job_file(folder):
    """A private storage path for a job's file, never the user's file name (kept in ``…_name``)."""
    return f"jobs/{folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.csv"


def job_input_path(instance, filename):
    return _job_file("input")


def job_result_path(instance, filename):
    return _job_file("result")


class FileJob(models.Model):
    """An export or an import run by the worker (``shop.jobs.files``): who asked, for which producer, what
    (``kind``, a name registered in code, with its ``params``), how far it got, and its files — kept in private
    storage, handed out only by the download view to the user who asked."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang xử lý")
        DONE = "done", _("Xong")
        FAILED = "failed", _("Lỗi")

    PENDING = (Status.QUEUED, Status.RUNNING)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="file_jobs", verbose_name=_("Người yêu cầu")
    )
    partner = models.ForeignKey(
        "partner.Partner",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="file_jobs",
        verbose_name=_("Chủ thể"),
    )
    kind = models.CharField(_("Loại"), max_length=64)
    params = models.JSONField(_("Tham số"), default=dict, blank=True)
    status = models.CharField(_("Trạng thái"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    progress_done = models.PositiveIntegerField(_("Đã xử lý"), default=0)
    progress_total = models.PositiveIntegerField(_("Tổng số"), null=True, blank=True)
    input = models.FileField(
        _("Tệp tải lên"), storage=private_storage, upload_to=job_input_path, max_length=255, blank=True
    )
    input_name = models.CharField(_("Tên tệp tải lên"), max_length=255, blank=True)
    result = models.FileField(
        _("Tệp kết quả"), storage=private_storage, upload_to=job_result_path, max_length=255, blank=True
    )
    result_name = models.CharField(_("Tên tệp kết quả"), max_length=255, blank=True)
    summary = models.JSONField(_("Tóm tắt"), default=dict, blank=True)
    error = models.TextField(_("Lỗi"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("Số lần chạy"), default=0)
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(_("Bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("Xong lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("Tệp xuất hoặc nhập")
        verbose_name_plural = _("Tệp xuất và nhập")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"], name="jobs_filejob_user_recent")]

    def __str__(self):
        return f"{self.kind} #{self.pk} ({self.status})"

    @property
    def is_pending(self):
        return self.status in self.PENDING

    @property
    def percent(self):
        """How far it got, 0–100, or None while the total is unknown."""
        if not self.progress_total:
            return 100 if self.status == self.Status.DONE else None
        return min(100, self.progress_done * 100 // self.progress_total)


class FileJobRow(models.Model):
    """One row of an import, recorded in the transaction that applied it: a re-run skips it and reports the same
    outcome, and the job's page lists them."""

    job = models.ForeignKey(FileJob, on_delete=models.CASCADE, related_name="rows")
    line = models.PositiveIntegerField(_("Dòng"))
    outcome = models.CharField(_("Kết quả"), max_length=32)
    data = models.JSONField(_("Nội dung"), default=dict)

    class Meta:
        verbose_name = _("Dòng đã nhập")
        verbose_name_plural = _("Dòng đã nhập")
        ordering = ["line"]
        constraints = [models.UniqueConstraint(fields=["job", "line"], name="jobs_one_row_per_line")]

    def __str__(self):
        return f"{self.job_id}:{self.line} {self.outcome}"
