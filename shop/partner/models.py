from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner

from shop.core import addresses, banks
from shop.core.phones import validate_vietnamese_phone
from shop.core.storage import private_storage
from shop.core.tax_ids import validate_citizen_id, validate_tax_code
from shop.core.uploads import validate_document_scan, validate_product_image

# The e-wallets a producer can be paid into (provider + the wallet's phone number).
EWALLET_PROVIDERS = [
    ("momo", "MoMo"),
    ("zalopay", "ZaloPay"),
    ("viettelmoney", "Viettel Money"),
    ("vnptmoney", "VNPT Money"),
    ("shopeepay", "ShopeePay"),
]
# Days a producer may say it needs to prepare an order before handing it to the carrier.
MAX_PREPARATION_DAYS = 14


class Partner(AbstractPartner):
    """An OCOP producer ("chủ thể OCOP"): cooperative, enterprise, group or household."""

    class Kind(models.TextChoices):
        COOPERATIVE = "cooperative", _("Hợp tác xã")
        ENTERPRISE = "enterprise", _("Doanh nghiệp")
        COOPERATIVE_GROUP = "cooperative_group", _("Tổ hợp tác")
        HOUSEHOLD = "household", _("Hộ sản xuất, hộ kinh doanh")
        INDIVIDUAL = "individual", _("Cá nhân kinh doanh")

    class Verification(models.TextChoices):
        PENDING = "pending", _("Chờ xác minh")
        VERIFIED = "verified", _("Đã xác minh")
        REJECTED = "rejected", _("Bị từ chối")
        SUSPENDED = "suspended", _("Tạm ngừng")
        # A producer known from the province's OCOP registry (shop.registry) that nobody has claimed yet:
        # no account, no portal, nothing for sale until its owner claims it and the office verifies it.
        UNCLAIMED = "unclaimed", _("Chưa nhận quản lý")

    # Sellers whose sales the platform withholds tax for (Decree 117/2025): households and individuals.
    WITHHOLDING_KINDS = frozenset({Kind.HOUSEHOLD, Kind.INDIVIDUAL})

    kind = models.CharField(_("Loại hình"), max_length=32, choices=Kind.choices, default=Kind.COOPERATIVE)
    legal_name = models.CharField(_("Tên đầy đủ theo đăng ký kinh doanh"), max_length=255, blank=True)
    registration_number = models.CharField(_("Mã số đăng ký kinh doanh / mã số thuế"), max_length=20, blank=True)
    # The seller's tax identity, printed on withholding vouchers and declared (Decree 117/2025/NĐ-CP):
    # households and individuals need one of them before a settlement is paid (payments.settlements).
    tax_code = models.CharField(_("Mã số thuế"), max_length=14, blank=True, validators=[validate_tax_code])
    citizen_id = models.CharField(
        _("Số căn cước công dân (CCCD)"), max_length=12, blank=True, validators=[validate_citizen_id]
    )
    representative = models.CharField(_("Người đại diện"), max_length=255, blank=True)
    phone = models.CharField(_("Số điện thoại"), max_length=20, blank=True, validators=[validate_vietnamese_phone])
    email = models.EmailField(_("Email"), blank=True)
    province_code = models.PositiveIntegerField(
        _("Tỉnh/thành phố"), null=True, blank=True, validators=[addresses.validate_province_code]
    )
    ward_code = models.PositiveIntegerField(_("Xã/phường"), null=True, blank=True)
    street = models.CharField(_("Số nhà, thôn, đường"), max_length=255, blank=True)
    story = models.TextField(_("Giới thiệu"), blank=True)
    # The English twins (catalogue/translation.py): shown on English pages when filled, searched always.
    name_en = models.CharField(_("Tên tiếng Anh"), max_length=128, blank=True)
    story_en = models.TextField(_("Giới thiệu bằng tiếng Anh"), blank=True)
    has_epayment_account = models.BooleanField(_("Có tài khoản thanh toán điện tử / ngân hàng"), default=False)
    bank_name = models.CharField(_("Ngân hàng"), max_length=120, blank=True)
    # The bank by its NAPAS BIN (shop.core.banks): what a payout's VietQR and the bank file need.
    bank_bin = models.CharField(_("Mã ngân hàng (BIN)"), max_length=8, blank=True, choices=banks.choices())
    bank_account_number = models.CharField(_("Số tài khoản"), max_length=40, blank=True)
    bank_account_holder = models.CharField(_("Chủ tài khoản"), max_length=255, blank=True)
    # The e-wallet in use, if any. Like the bank fields above, only the office writes these after the
    # onboarding: a producer's later change waits as a PayoutAccountChange until approved (shop.producers.payout).
    ewallet_provider = models.CharField(_("Ví điện tử"), max_length=20, blank=True, choices=EWALLET_PROVIDERS)
    ewallet_phone = models.CharField(
        _("Số điện thoại ví điện tử"), max_length=20, blank=True, validators=[validate_vietnamese_phone]
    )
    # Shown on the public shop page (with ProducerPicture): validated by content like product photos.
    logo = models.ImageField(
        _("Biểu trưng (logo)"),
        upload_to="producers/logos/%Y/",
        blank=True,
        validators=[validate_product_image],
    )
    # Delivery preferences: the days the producer needs before handing an order to the carrier (shown on its
    # shop page and on the order it prepares) and the carrier it usually ships with (pre-filled when shipping).
    preparation_days = models.PositiveSmallIntegerField(
        _("Số ngày chuẩn bị hàng"), default=1, validators=[MaxValueValidator(MAX_PREPARATION_DAYS)]
    )
    preferred_carrier = models.CharField(_("Đơn vị vận chuyển thường dùng"), max_length=120, blank=True)
    verification_status = models.CharField(
        _("Trạng thái xác minh"), max_length=16, choices=Verification.choices, default=Verification.PENDING
    )
    business_registration_scan = models.FileField(
        _("Bản chụp giấy đăng ký kinh doanh"),
        upload_to="producers/registration/%Y/",
        blank=True,
        storage=private_storage,  # personal data: served only to reviewers
        validators=[validate_document_scan],
    )
    verification_reason = models.TextField(_("Lý do quyết định xác minh"), blank=True)
    verification_decided_at = models.DateTimeField(_("Ngày quyết định xác minh"), null=True, blank=True)
    applied_at = models.DateTimeField(_("Ngày đăng ký bán hàng"), null=True, blank=True)
    # The representative's account: may invite and remove the producer's other users.
    director = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="directed_producers",
        verbose_name=_("Tài khoản người đại diện"),
    )
    # Accounts allowed to enter data on the producer's behalf (a commune official, a post-office agent);
    # everything they do is recorded with both names.
    assistants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="partner.AssistedEntryGrant",
        through_fields=("partner", "user"),
        related_name="assisted_producers",
        blank=True,
        verbose_name=_("Người nhập liệu hỗ trợ"),
    )

    class Meta(AbstractPartner.Meta):
        pass

    def clean(self):
        super().clean()
        if self.ward_code and not self.province_code:
            raise ValidationError({"province_code": _("Chọn tỉnh/thành phố trước xã/phường.")})
        if self.has_epayment_account and not (self.bank_name and self.bank_account_number) and not self.ewallet_phone:
            raise ValidationError({"bank_account_number": _("Nhập ngân hàng và số tài khoản.")})
        if self.ward_code:
            try:
                addresses.validate_ward(self.province_code, self.ward_code)
            except ValidationError as error:
                raise ValidationError({"ward_code": error.messages})

    def get_name(self):
        """The name in the page's language."""
        from catalogue import translation

        return translation.localized(self, "name")

    def get_story(self):
        """The story in the page's language."""
        from catalogue import translation

        return translation.localized(self, "story")

    @property
    def has_verified_payout_account(self):
        """A bank account or e-wallet the office accepted (what the e-payment indicator counts); a change the
        producer asked for counts only once approved (``shop.producers.payout``)."""
        return self.has_epayment_account and bool(self.bank_account_number or self.ewallet_phone)

    @staticmethod
    def with_verified_payout_account():
        """``has_verified_payout_account`` as a query filter (the figures count with it)."""
        return models.Q(has_epayment_account=True) & (~models.Q(bank_account_number="") | ~models.Q(ewallet_phone=""))

    @property
    def bank_display_name(self):
        bank = banks.bank(self.bank_bin)
        return bank.name if bank else self.bank_name

    @property
    def is_verified(self):
        return self.verification_status == self.Verification.VERIFIED

    @property
    def tax_withheld_by_platform(self):
        return self.kind in self.WITHHOLDING_KINDS

    @property
    def province_name(self):
        return addresses.province_name(self.province_code)

    @property
    def ward_name(self):
        return addresses.ward_name(self.ward_code)

    @property
    def address(self):
        return addresses.format_address(self.street, self.ward_code, self.province_code)


class AssistedEntryGrant(models.Model):
    """An administrator allows an account to act on behalf of one named producer."""

    partner = models.ForeignKey("partner.Partner", on_delete=models.CASCADE, related_name="assisted_entry_grants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="assisted_entry_grants",
        verbose_name=_("Tài khoản"),
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("Người cấp quyền"),
    )
    granted_at = models.DateTimeField(_("Ngày cấp quyền"), auto_now_add=True)
    note = models.CharField(_("Ghi chú (đơn vị, chức vụ)"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("Quyền nhập liệu hỗ trợ")
        verbose_name_plural = _("Quyền nhập liệu hỗ trợ")
        constraints = [models.UniqueConstraint(fields=["partner", "user"], name="unique_assisted_entry_grant")]


class ProducerInvitation(models.Model):
    """The director invites a person (by email) to become one of the producer's users."""

    partner = models.ForeignKey("partner.Partner", on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("Email người được mời"))
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Lời mời tham gia chủ thể")
        verbose_name_plural = _("Lời mời tham gia chủ thể")
        ordering = ["-created_at"]


class ProducerPicture(models.Model):
    """A picture of the producer (its place, its people, its work) shown on its public shop page."""

    MAX_PER_PRODUCER = 6

    partner = models.ForeignKey("partner.Partner", on_delete=models.CASCADE, related_name="pictures")
    image = models.ImageField(_("Ảnh"), upload_to="producers/pictures/%Y/", validators=[validate_product_image])
    caption = models.CharField(_("Chú thích"), max_length=200, blank=True)
    display_order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Ảnh của chủ thể")
        verbose_name_plural = _("Ảnh của chủ thể")
        ordering = ["display_order", "pk"]


class PayoutAccountChange(models.Model):
    """A producer asks to be paid into another bank account or e-wallet: nothing is paid there until an
    officer of its province approves it (``shop.producers.payout``), which copies it into the Partner's
    account fields. One pending request per producer: a new one replaces the old."""

    class Kind(models.TextChoices):
        BANK = "bank", _("Tài khoản ngân hàng")
        EWALLET = "ewallet", _("Ví điện tử")

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ ban quản lý xác minh")
        APPROVED = "approved", _("Đã duyệt, đang dùng")
        REJECTED = "rejected", _("Bị từ chối")
        REPLACED = "replaced", _("Đã thay bằng yêu cầu mới")

    partner = models.ForeignKey(
        "partner.Partner", on_delete=models.CASCADE, related_name="payout_account_changes", verbose_name=_("Chủ thể")
    )
    kind = models.CharField(_("Loại tài khoản"), max_length=10, choices=Kind.choices, default=Kind.BANK)
    bank_bin = models.CharField(_("Ngân hàng"), max_length=8, blank=True, choices=banks.choices())
    bank_account_number = models.CharField(_("Số tài khoản"), max_length=19, blank=True)
    bank_account_holder = models.CharField(_("Chủ tài khoản"), max_length=255, blank=True)
    ewallet_provider = models.CharField(_("Ví điện tử"), max_length=20, blank=True, choices=EWALLET_PROVIDERS)
    ewallet_phone = models.CharField(_("Số điện thoại ví điện tử"), max_length=20, blank=True)
    status = models.CharField(_("Trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("Người gửi")
    )
    requested_at = models.DateTimeField(_("Ngày gửi"), auto_now_add=True, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Người duyệt"),
    )
    decided_at = models.DateTimeField(_("Ngày quyết định"), null=True, blank=True)
    reason = models.TextField(_("Lý do"), blank=True)

    class Meta:
        verbose_name = _("Yêu cầu đổi tài khoản nhận tiền")
        verbose_name_plural = _("Yêu cầu đổi tài khoản nhận tiền")
        ordering = ["requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner"], condition=models.Q(status="pending"), name="one_pending_payout_account_change"
            )
        ]

    def __str__(self):
        return self.describe()

    def describe(self):
        """ "Vietcombank 0123456789 (NGUYEN VAN A)" or "MoMo 0912 345 678"."""
        if self.kind == self.Kind.EWALLET:
            return f"{self.get_ewallet_provider_display()} {self.ewallet_phone}"
        bank = banks.bank(self.bank_bin)
        return f"{bank.name if bank else self.bank_bin} {self.bank_account_number} ({self.bank_account_holder})"


from oscar.apps.partner.models import *  # noqa: E402,F401,F403 — Oscar's remaining partner models
