from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner

from shop.core import addresses

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

    kind = models.CharField(_("Loại hình"), max_length=32, choices=Kind.choices,
                            default=Kind.COOPERATIVE)
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

    class Meta(AbstractPartner.Meta):
        pass

    def clean(self):
        super().clean()
        if self.ward_code and not self.province_code:
            raise ValidationError({"province_code": _("Chọn tỉnh/thành phố trước xã/phường.")})
        if self.ward_code:
            try:
                addresses.validate_ward(self.province_code, self.ward_code)
            except ValidationError as error:
                raise ValidationError({"ward_code": error.messages})

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
