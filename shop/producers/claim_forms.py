"""Forms of the claim pages (``shop.producers.claim_views``): find a registry stub, ask for a code, type it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from shop.core import addresses
from shop.producers import claiming


class ClaimSearchForm(forms.Form):
    province = forms.TypedChoiceField(label=_("Tỉnh/thành phố"), coerce=int, choices=())
    q = forms.CharField(
        label=_("Tên cơ sở hoặc mã số đăng ký kinh doanh"),
        min_length=3,
        max_length=120,
        error_messages={"min_length": _("Hãy nhập ít nhất 3 ký tự."), "required": _("Hãy điền mục này.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [("", _("— Chọn tỉnh/thành phố —")), *addresses.province_choices()]
        self.fields["province"].error_messages["required"] = _("Hãy chọn tỉnh/thành phố.")


class ClaimCodeRequestForm(forms.Form):
    registration_number = forms.CharField(
        label=_("Mã số đăng ký kinh doanh / mã số thuế của cơ sở"),
        max_length=20,
        error_messages={"required": _("Hãy nhập mã số đăng ký kinh doanh của cơ sở.")},
    )
    channel = forms.ChoiceField(
        label=_("Nhận mã xác nhận qua"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Hãy chọn nơi nhận mã."), "invalid_choice": _("Hãy chọn nơi nhận mã.")},
    )

    def __init__(self, *args, producer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = claiming.contact_options(producer)
        if not producer.registration_number:  # the registry has none: the office checks by other means
            del self.fields["registration_number"]


class ClaimCodeForm(forms.Form):
    code = forms.RegexField(
        label=_("Mã xác nhận (6 chữ số)"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"required": _("Hãy nhập mã xác nhận."), "invalid": _("Mã xác nhận gồm 6 chữ số.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
