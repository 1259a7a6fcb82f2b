from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner

from shop.core import addresses
from shop.core.uploads import validate_document_scan

vietnamese_phone_validator = RegexValidator(
    r"^(0|\+84)[35789]\d{8}$",
    _("Nhập số điện thoại Việt Nam gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678)."),
)


class Partner(AbstractPartner):
    """An OCOP producer ("chủ thể OCOP"): cooperative, enterprise, group or household."""

    class Kind(models.TextChoices):
        COOPERATIVE = "cooperative", _("Hợp tác xã")
        ENTERPRISE = "enterprise", _("Doanh nghiệp")
        COOPERATIVE_GROUP = "cooperative_group", _("Tổ hợp tác")
        HOUSEHOLD = "household", _("Hộ sản xuất, hộ kinh doanh")

    class Verification(models.TextChoices):
        PENDING = "pending", _("Chờ xác minh")
        VERIFIED = "verified", _("Đã xác minh")
        SUSPENDED = "suspended", _("Tạm ngừng")

    kind = models.CharField(_("Loại hình"), max_length=32, choices=Kind.choices,
                            default=Kind.COOPERATIVE)
    legal_name = models.CharField(_("Tên đầy đủ theo đăng ký kinh doanh"), max_length=255, blank=True)
    registration_number = models.CharField(_("Mã số đăng ký kinh doanh / mã số thuế"),
                                           max_length=20, blank=True)
    representative = models.CharField(_("Người đại diện"), max_length=255, blank=True)
    phone = models.CharField(_("Số điện thoại"), max_length=20, blank=True,
                             validators=[vietnamese_phone_validator])
    email = models.EmailField(_("Email"), blank=True)
    province_code = models.PositiveIntegerField(_("Tỉnh/thành phố"), null=True, blank=True,
                                                validators=[addresses.validate_province_code])
    ward_code = models.PositiveIntegerField(_("Xã/phường"), null=True, blank=True)
    street = models.CharField(_("Số nhà, thôn, đường"), max_length=255, blank=True)
    story = models.TextField(_("Giới thiệu"), blank=True)
    has_epayment_account = models.BooleanField(_("Có tài khoản thanh toán điện tử / ngân hàng"), default=False)
    bank_name = models.CharField(_("Ngân hàng"), max_length=120, blank=True)
    bank_account_number = models.CharField(_("Số tài khoản"), max_length=40, blank=True)
    bank_account_holder = models.CharField(_("Chủ tài khoản"), max_length=255, blank=True)
    verification_status = models.CharField(_("Trạng thái xác minh"), max_length=16,
                                           choices=Verification.choices, default=Verification.PENDING)
    business_registration_scan = models.FileField(
        _("Bản chụp giấy đăng ký kinh doanh"), upload_to="producers/registration/%Y/", blank=True,
        validators=[validate_document_scan],
    )

    class Meta(AbstractPartner.Meta):
        pass

    def clean(self):
        super().clean()
        if self.ward_code and not self.province_code:
            raise ValidationError({"province_code": _("Chọn tỉnh/thành phố trước xã/phường.")})
        if self.has_epayment_account and not (self.bank_name and self.bank_account_number):
            raise ValidationError({"bank_account_number": _("Nhập ngân hàng và số tài khoản.")})
        if self.ward_code:
            try:
                addresses.validate_ward(self.province_code, self.ward_code)
            except ValidationError as error:
                raise ValidationError({"ward_code": error.messages})

    @property
    def is_verified(self):
        return self.verification_status == self.Verification.VERIFIED

    @property
    def province_name(self):
        return addresses.province_name(self.province_code)

    @property
    def ward_name(self):
        return addresses.ward_name(self.ward_code)

    @property
    def address(self):
        return addresses.format_address(self.street, self.ward_code, self.province_code)


from oscar.apps.partner.models import *  # noqa: E402,F401,F403 — Oscar's remaining partner models
