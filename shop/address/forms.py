"""Address forms for Vietnam's two-level addresses (checkout and the address book share the mixin).

Province and commune/ward are chosen from the official 2025 lists. The commune list follows the
province: with JavaScript the page fetches it (``address-wards``); without, the form re-renders with the
communes of the province just chosen ("Cập nhật danh sách xã/phường" button, or the prompt shown when
the commune does not belong to the province).
"""

import phonenumbers
from django import forms
from django.forms.utils import ErrorDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.apps.address.forms import AbstractAddressForm

from shop.address.models import UserAddress
from shop.core.addresses import province_choices, province_name, validate_ward, ward_choices
from shop.core.phones import normalise_phone

REFRESH_WARDS = "refresh_wards"


class VietnameseAddressFormMixin(forms.Form):
    address_fields = ["first_name", "phone_number", "province_code", "ward_code", "line1"]

    first_name = forms.CharField(
        label=_("Họ và tên người nhận"), max_length=255, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    phone_number = forms.CharField(
        label=_("Số điện thoại"),
        max_length=20,
        help_text=_("Số di động hoặc cố định Việt Nam, ví dụ 0912345678."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    province_code = forms.TypedChoiceField(
        label=_("Tỉnh/thành phố"), coerce=int, widget=forms.Select(attrs={"data-ward-source": "1"})
    )
    ward_code = forms.TypedChoiceField(label=_("Xã/phường"), coerce=int)
    line1 = forms.CharField(
        label=_("Số nhà, thôn/tổ, đường"),
        max_length=255,
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province_code"].choices = [("", _("— Chọn tỉnh/thành phố —")), *province_choices()]
        province = self._chosen_province()
        self.fields["ward_code"].choices = [
            ("", _("— Chọn xã/phường —")),
            *(ward_choices(province) if province else []),
        ]
        # Without JavaScript the commune list only follows a new province on the next render: say what
        # to do now rather than report an error the buyer did not make.
        if province:
            prompt = _(
                "Chọn xã/phường của %(province)s trong danh sách (đã cập nhật theo tỉnh/thành phố bạn chọn)."
            ) % {"province": province_name(province)}
        else:
            prompt = _("Chọn tỉnh/thành phố trước, rồi chọn xã/phường.")
        self.fields["ward_code"].error_messages.update(required=prompt, invalid_choice=prompt)
        if self.instance and self.instance.phone_number and not self.is_bound:
            self.initial["phone_number"] = phonenumbers.format_number(
                self.instance.phone_number, phonenumbers.PhoneNumberFormat.NATIONAL
            )
        for name in self.address_fields:
            self.fields[name].required = True
        # The JSON list of a province's communes, for the script that refreshes the select.
        self.fields["ward_code"].widget.attrs["data-wards-url"] = reverse("address-wards", args=[0]).replace(
            "/0/", "/{code}/"
        )

    @property
    def refreshing(self):
        """The buyer only asked for the communes of the chosen province (no JavaScript)."""
        return self.is_bound and REFRESH_WARDS in self.data

    def full_clean(self):
        super().full_clean()
        if self.refreshing:
            self._errors = ErrorDict()  # nothing is wrong yet: the buyer has not finished

    def is_valid(self):
        # Any view (checkout, Oscar's address book) re-renders instead of saving on a refresh.
        return super().is_valid() and not self.refreshing

    def _chosen_province(self):
        value = (
            self.data.get(self.add_prefix("province_code"))
            if self.is_bound
            else (self.initial.get("province_code") or getattr(self.instance, "province_code", None))
        )
        try:
            return int(value) if value and province_name(value) else None
        except (TypeError, ValueError):
            return None

    def clean_phone_number(self):
        return normalise_phone(self.cleaned_data["phone_number"])

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
        self.fields["notes"].widget.attrs["rows"] = 2
