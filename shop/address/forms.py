"""Address forms for Vietnam's two-level addresses (checkout and the address book share the mixin).

Province and commune/ward are chosen from the official 2025 lists. The commune list follows the
province: with JavaScript the page fetches it (``address-wards``); without, the form re-renders with the
communes of the province just chosen ("Cập nhật danh sách xã/phường" button, or the prompt shown when
the commune does not belong to the province).
"""
from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.apps.address.forms import AbstractAddressForm

from shop.address.models import UserAddress
from shop.core.addresses import province_choices, province_name, validate_ward, ward_choices
from shop.partner.models import vietnamese_phone_validator

REFRESH_WARDS = "refresh_wards"


def normalise_phone(value):
    """"0912 345 678" / "+84912345678" → "+84912345678" (stored in E.164, as Oscar's field expects)."""
    digits = "".join(ch for ch in value if ch.isdigit() or ch == "+")
    vietnamese_phone_validator(digits)
    return "+84" + digits[1:] if digits.startswith("0") else digits


class VietnameseAddressFormMixin(forms.Form):
    address_fields = ["first_name", "phone_number", "province_code", "ward_code", "line1"]

    first_name = forms.CharField(label=_("Họ và tên người nhận"), max_length=255,
                                 widget=forms.TextInput(attrs={"autocomplete": "name"}))
    phone_number = forms.CharField(
        label=_("Số điện thoại"), max_length=20,
        help_text=_("Số di động Việt Nam, ví dụ 0912345678."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}))
    province_code = forms.TypedChoiceField(label=_("Tỉnh/thành phố"), coerce=int,
                                           widget=forms.Select(attrs={"data-ward-source": "1"}))
    ward_code = forms.TypedChoiceField(label=_("Xã/phường"), coerce=int)
    line1 = forms.CharField(label=_("Số nhà, thôn/tổ, đường"), max_length=255,
                            widget=forms.TextInput(attrs={"autocomplete": "address-line1"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province_code"].choices = [("", _("— Chọn tỉnh/thành phố —")), *province_choices()]
        province = self._chosen_province()
        self.fields["ward_code"].choices = [("", _("— Chọn xã/phường —")),
                                            *(ward_choices(province) if province else [])]
        self.fields["ward_code"].error_messages["invalid_choice"] = _(
            "Hãy chọn xã/phường thuộc tỉnh/thành phố đã chọn.")
        if self.instance and self.instance.phone_number and not self.is_bound:
            self.initial["phone_number"] = "0" + str(self.instance.phone_number.national_number)
        for name in self.address_fields:
            self.fields[name].required = True
        # The JSON list of a province's communes, for the script that refreshes the select.
        self.fields["ward_code"].widget.attrs["data-wards-url"] = reverse("address-wards", args=[0]).replace(
            "/0/", "/{code}/")

    def _chosen_province(self):
        value = self.data.get(self.add_prefix("province_code")) if self.is_bound else (
            self.initial.get("province_code") or getattr(self.instance, "province_code", None))
        try:
            return int(value) if value and province_name(value) else None
        except (TypeError, ValueError):
            return None

    def clean_phone_number(self):
        try:
            return normalise_phone(self.cleaned_data["phone_number"])
        except forms.ValidationError:
            raise forms.ValidationError(vietnamese_phone_validator.message) from None

    def clean(self):
        cleaned = super().clean()
        province, ward = cleaned.get("province_code"), cleaned.get("ward_code")
        if province and ward:
            try:
                validate_ward(province, ward)
            except forms.ValidationError as error:
                self.add_error("ward_code", error)
        return cleaned


class UserAddressForm(VietnameseAddressFormMixin, AbstractAddressForm):
    class Meta:
        model = UserAddress
        fields = ["first_name", "phone_number", "province_code", "ward_code", "line1", "notes"]

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.user = user
        self.fields["notes"].label = _("Ghi chú cho người giao hàng")
