from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProducerActivity(models.Model):
    """One change made in a producer's portal, by whom and in what capacity — append-only.

    The producer's director sees what its clerks and any assisting account (a commune official, a
    post-office agent) changed; for an assistant ``on_behalf_of`` is set, so the record carries both
    names. Workflow decisions and fulfilment have their own logs (``ReviewLogEntry``,
    ``ShippingEvent``) with the same two names; this one covers everything else (product data,
    images, stock and prices, certificates, team changes). Written by ``shop.partner.activity.record``.
    """

    partner = models.ForeignKey(
        "partner.Partner", on_delete=models.CASCADE, related_name="activities", verbose_name=_("Chủ thể")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
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
    action = models.CharField(_("Thao tác"), max_length=64)
    summary = models.CharField(_("Nội dung"), max_length=500)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("Thời điểm"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("Nhật ký thao tác của chủ thể")
        verbose_name_plural = _("Nhật ký thao tác của chủ thể")
        ordering = ["-created_at", "-id"]
