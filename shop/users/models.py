from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.abstract_models import AbstractUser

from shop.core.phones import validate_vietnamese_phone


class User(AbstractUser):
    """A customer, producer or administrator, who logs in with an email address.

    Vietnamese names are written family name first ("Nguyễn Thị Hoa"): the
    family name and middle name go in ``last_name`` ("Nguyễn Thị"), the given
    name in ``first_name`` ("Hoa"). The column names stay Django's because
    Oscar and Wagtail read them; the labels and the display order are ours.
    """

    last_name = models.CharField(_("Họ và tên đệm"), max_length=255, blank=True)
    first_name = models.CharField(_("Tên"), max_length=255, blank=True)
    phone_number = models.CharField(
        _("Số điện thoại"), max_length=20, blank=True, validators=[validate_vietnamese_phone]
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("Người dùng")
        verbose_name_plural = _("Người dùng")

    def get_full_name(self):
        """Family name first, as Vietnamese names are written."""
        return " ".join(part for part in (self.last_name, self.first_name) if part).strip()

    def get_short_name(self):
        return self.first_name or self.email

    def __str__(self):
        return self.get_full_name() or self.email


class Consent(models.Model):
    """A person's recorded consent to a document (platform terms, personal-data processing) at a version.

    Append-only: withdrawing consent is a new row, so the history of what was agreed stays provable
    (Vietnam's personal data protection law, in force from 1 January 2026).
    """

    class Document(models.TextChoices):
        TERMS = "terms", _("Điều khoản sử dụng nền tảng")
        PERSONAL_DATA = "personal_data", _("Xử lý dữ liệu cá nhân")

    user = models.ForeignKey("users.User", on_delete=models.CASCADE, related_name="consents")
    document = models.CharField(_("Văn bản"), max_length=32, choices=Document.choices)
    version = models.CharField(_("Phiên bản"), max_length=32)
    given = models.BooleanField(_("Đồng ý"), default=True)
    recorded_at = models.DateTimeField(_("Thời điểm"), auto_now_add=True)
    ip_address = models.GenericIPAddressField(_("Địa chỉ IP"), null=True, blank=True)
    context = models.CharField(_("Nơi ghi nhận"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("Đồng ý của người dùng")
        verbose_name_plural = _("Đồng ý của người dùng")
        ordering = ["-recorded_at"]
