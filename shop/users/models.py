from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.abstract_models import AbstractUser

from shop.core.addresses import validate_province_code
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

    Append-only: withdrawing consent is a new row (``given`` False), so the history of what was agreed stays
    provable (Law on Personal Data Protection 91/2025/QH15 art. 9: consent is given knowingly, in a form that can
    be recorded and proven, and may be withdrawn; Decree 13/2023/NĐ-CP arts. 11–12). An account's consent has its
    ``user``; a guest at checkout has only the ``email`` given there, and the ``order`` once it is placed.
    Which notice version is in force: ``shop.customer.privacy.notice_version``.
    """

    class Document(models.TextChoices):
        TERMS = "terms", _("Điều khoản sử dụng nền tảng")
        PERSONAL_DATA = "personal_data", _("Xử lý dữ liệu cá nhân")

    class Context(models.TextChoices):
        REGISTRATION = "registration", _("Đăng ký tài khoản")
        GUEST_CHECKOUT = "guest_checkout", _("Mua hàng không cần tài khoản")
        PRODUCER_APPLICATION = "producer_application", _("Hồ sơ đăng ký bán hàng")
        ACCOUNT = "account", _("Trang quyền dữ liệu cá nhân")

    user = models.ForeignKey("users.User", on_delete=models.CASCADE, related_name="consents", null=True, blank=True)
    email = models.EmailField(_("Email"), blank=True)
    order = models.ForeignKey(
        "order.Order",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consents",
        verbose_name=_("Đơn hàng"),
    )
    document = models.CharField(_("Văn bản"), max_length=32, choices=Document.choices)
    version = models.CharField(_("Phiên bản"), max_length=32)
    given = models.BooleanField(_("Đồng ý"), default=True)
    recorded_at = models.DateTimeField(_("Thời điểm"), auto_now_add=True)
    ip_address = models.GenericIPAddressField(_("Địa chỉ IP"), null=True, blank=True)
    context = models.CharField(_("Nơi ghi nhận"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("Đồng ý của người dùng")
        verbose_name_plural = _("Đồng ý của người dùng")
        ordering = ["-recorded_at", "-pk"]


class PrivacyRequest(models.Model):
    """One exercise of a customer's data rights (export, erasure, withdrawal of consent), logged: who asked,
    when, who carried it out, when it was done and with what outcome (``shop.customer.privacy``)."""

    class Kind(models.TextChoices):
        EXPORT = "export", _("Xuất dữ liệu")
        ERASURE = "erasure", _("Xoá dữ liệu")
        WITHDRAWAL = "withdrawal", _("Rút lại sự đồng ý")

    kind = models.CharField(_("Loại yêu cầu"), max_length=16, choices=Kind.choices)
    # Kept after erasure (the account row stays, anonymised), so the log still says whose request it was.
    user = models.ForeignKey(
        "users.User",
        on_delete=models.SET_NULL,
        null=True,
        related_name="privacy_requests",
        verbose_name=_("Người dùng"),
    )
    requested_at = models.DateTimeField(_("Yêu cầu lúc"), auto_now_add=True)
    completed_at = models.DateTimeField(_("Xong lúc"), null=True, blank=True)
    handled_by = models.ForeignKey(
        "users.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Người thực hiện"),
    )
    outcome = models.TextField(_("Kết quả"), blank=True)
    file_job = models.ForeignKey(
        "jobs.FileJob", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("Tệp xuất")
    )

    class Meta:
        verbose_name = _("Yêu cầu về dữ liệu cá nhân")
        verbose_name_plural = _("Yêu cầu về dữ liệu cá nhân")
        ordering = ["-requested_at", "-pk"]

    def __str__(self):
        return f"{self.kind} #{self.pk}"


class OfficerProvince(models.Model):
    """An administrator of a provincial OCOP office works for this province (``shop.users.offices``).

    An officer sees and acts on the producers, products, certificates and figures of their provinces only;
    the national role (permission ``users.see_all_provinces``, or a superuser) sees every province and
    compares them. An administrator with neither sees no producer at all."""

    user = models.ForeignKey(
        "users.User", on_delete=models.CASCADE, related_name="officer_provinces", verbose_name=_("Cán bộ")
    )
    province_code = models.PositiveIntegerField(_("Tỉnh/thành phố"), validators=[validate_province_code])
    assigned_by = models.ForeignKey(
        "users.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Người phân công"),
    )
    assigned_at = models.DateTimeField(_("Ngày phân công"), auto_now_add=True)

    class Meta:
        verbose_name = _("Tỉnh phụ trách của cán bộ")
        verbose_name_plural = _("Tỉnh phụ trách của cán bộ")
        constraints = [models.UniqueConstraint(fields=["user", "province_code"], name="unique_officer_province")]
        permissions = [("see_all_provinces", _("Xem và so sánh mọi tỉnh (cấp trung ương)"))]

    @property
    def province_name(self):
        from shop.core.addresses import province_name

        return province_name(self.province_code) or str(self.province_code)

    def __str__(self):
        return f"{self.user} — {self.province_name}"


class ProducerClaim(models.Model):
    """A person's claim to a producer known only from the province's OCOP registry (an unclaimed stub), proven
    by a 6-digit code sent to the phone or email on record (``shop.producers.claiming``).

    The code is kept only as a keyed hash; it expires after 15 minutes and allows 5 attempts, then a new code is
    needed. Once proven (``proven_at``) the claim is the evidence the provincial office reads when it verifies
    the producer, and it is kept (append-only in practice: a new code on an open claim replaces the hash, never
    a proven row)."""

    class Channel(models.TextChoices):
        SMS = "sms", _("Tin nhắn SMS")
        EMAIL = "email", _("Email")

    user = models.ForeignKey(
        "users.User", on_delete=models.CASCADE, related_name="producer_claims", verbose_name=_("Người nhận quản lý")
    )
    partner = models.ForeignKey(
        "partner.Partner", on_delete=models.CASCADE, related_name="claims", verbose_name=_("Chủ thể")
    )
    channel = models.CharField(_("Gửi mã qua"), max_length=8, choices=Channel.choices)
    destination = models.CharField(_("Gửi mã tới (che bớt)"), max_length=254, blank=True)
    # Whether the registration number typed matched the registry's; False: the registry had none, so the office
    # verifies the claimant by other means (papers, a call).
    registration_number_matched = models.BooleanField(_("Mã số đăng ký kinh doanh khớp"), default=False)
    code_hash = models.CharField(max_length=128, blank=True, editable=False)
    code_sent_at = models.DateTimeField(_("Gửi mã lúc"), null=True, blank=True)
    code_expires_at = models.DateTimeField(_("Mã hết hạn lúc"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("Số lần nhập mã"), default=0)
    proven_at = models.DateTimeField(_("Xác nhận mã lúc"), null=True, blank=True)
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("Yêu cầu nhận quản lý chủ thể")
        verbose_name_plural = _("Yêu cầu nhận quản lý chủ thể")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.user} → {self.partner_id}"


class ClaimInvitation(models.Model):
    """The one invitation to claim a registry stub that was sent (``claiming.invite_to_claim``): never twice."""

    partner = models.OneToOneField(
        "partner.Partner", on_delete=models.CASCADE, related_name="claim_invitation", verbose_name=_("Chủ thể")
    )
    channel = models.CharField(_("Kênh"), max_length=8)
    recipient = models.CharField(_("Người nhận"), max_length=254)
    sent_at = models.DateTimeField(_("Gửi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("Lời mời nhận quản lý chủ thể")
        verbose_name_plural = _("Lời mời nhận quản lý chủ thể")
