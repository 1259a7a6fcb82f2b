from django.db import models
from django.utils.translation import gettext_lazy as _


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
