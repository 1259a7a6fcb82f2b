"""The upload form of a province's OCOP list: provinces limited to the officer's (``shop.users.offices``)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shop.core import addresses
from shop.users import offices


class RegistryUploadForm(forms.Form):
    province_code = forms.TypedChoiceField(label=_("Tỉnh/thành phố"), coerce=int)
    file = forms.FileField(
        label=_("Danh sách sản phẩm OCOP (.xlsx hoặc .csv)"),
        help_text=_(
            "Các cột: Tên sản phẩm, Chủ thể, Mã số ĐKKD / MST (nếu có), Địa chỉ, Xã/phường, Hạng sao, Số quyết định, "
            "Ngày quyết định, Cơ quan công nhận, Cấp công nhận (nếu có), Nhóm sản phẩm, Điểm (nếu có)."
        ),
    )
    as_of = forms.DateField(label=_("Danh sách tính đến ngày"), widget=forms.DateInput(attrs={"type": "date"}))
    source = forms.CharField(label=_("Nguồn (quyết định, văn bản của tỉnh)"), max_length=255)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        provinces = offices.provinces_of(user)
        self.fields["province_code"].choices = [
            (code, name) for code, name in addresses.province_choices() if provinces is offices.ALL or code in provinces
        ]
        self.initial.setdefault("as_of", timezone.localdate())
