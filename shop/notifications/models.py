"""The outbox: one row per message to one recipient on one channel, written in the transaction of the change
it tells about and delivered after commit (``shop.notifications``)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    PENDING, SENT, FAILED = "pending", "sent", "failed"
    STATUSES = [(PENDING, _("Đang chờ gửi")), (SENT, _("Đã gửi")), (FAILED, _("Gửi không được"))]

    channel = models.CharField(_("Kênh"), max_length=20, default="email")
    recipient = models.CharField(_("Người nhận"), max_length=254)
    event_code = models.CharField(_("Loại thông báo"), max_length=128, blank=True)
    language = models.CharField(_("Ngôn ngữ"), max_length=10, blank=True)
    from_address = models.CharField(_("Người gửi"), max_length=254, blank=True)
    subject = models.TextField(_("Tiêu đề"), blank=True)
    body_text = models.TextField(_("Nội dung"), blank=True)
    body_html = models.TextField(_("Nội dung HTML"), blank=True)
    headers = models.JSONField(_("Tiêu đề kỹ thuật"), default=dict, blank=True)
    # Files and non-HTML alternative parts, kept for every retry: [{"filename", "mimetype", "content"
    # (base64), "alternative"}] (``outbox.pack_parts`` / ``channels.EmailChannel``).
    attachments = models.JSONField(_("Tệp đính kèm"), default=list, blank=True)
    # The customer's account when Oscar tells about it: its "emails" history row is written once sent.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("Trạng thái"), max_length=10, choices=STATUSES, default=PENDING)
    attempts = models.PositiveSmallIntegerField(_("Số lần gửi"), default=0)
    last_error = models.TextField(_("Lỗi gần nhất"), blank=True)
    next_attempt_at = models.DateTimeField(_("Gửi lần tới lúc"), null=True, blank=True)
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    sent_at = models.DateTimeField(_("Gửi lúc"), null=True, blank=True)
    # What the message is about (an order, a product, a producer…), when the sender says.
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    object_id = models.CharField(max_length=64, blank=True)
    about = GenericForeignKey("content_type", "object_id")

    class Meta:
        verbose_name = _("Thư trong hộp thư đi")
        verbose_name_plural = _("Hộp thư đi")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]

    def __str__(self):
        return f"{self.event_code or self.channel} → {self.recipient}"
