from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.address.forms import AbstractAddressForm
from oscar.apps.checkout import forms as oscar_checkout_forms
from oscar.core.loading import get_model

from shop.address.forms import VietnameseAddressFormMixin


class ShippingAddressForm(VietnameseAddressFormMixin, AbstractAddressForm):
    """The delivery address at checkout (guests and account holders alike)."""

    class Meta:
        model = get_model("order", "ShippingAddress")
        fields = ["first_name", "phone_number", "province_code", "ward_code", "line1", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notes"].label = _("Ghi chú cho người giao hàng")
        self.fields["notes"].required = False
        self.fields["notes"].widget.attrs["rows"] = 2


class GatewayForm(oscar_checkout_forms.GatewayForm):
    """Oscar's first checkout step, saying nothing about which emails have accounts (issue 17, finding 11):
    Oscar answers "a user with that email address already exists" to a guest or a new customer. Here a guest
    may check out with any email (the order is a guest order, found again by number *and* email), and "create
    an account" goes on to the registration page, which answers every email the same way."""

    # A guest agrees to the privacy notice here (Law 91/2025/QH15 art. 9); a new account agrees on the
    # registration page; an account holder agreed when registering (shop.customer.privacy).
    personal_data_consent = forms.BooleanField(required=False)

    def __init__(self, *args, **kwargs):
        from shop.customer.forms import consent_label

        super().__init__(*args, **kwargs)
        self.fields["personal_data_consent"].label = consent_label(self.request)

    def clean(self):
        if self.is_guest_checkout() and not self.cleaned_data.get("personal_data_consent"):
            self.add_error(
                "personal_data_consent",
                _(
                    "Để mua hàng không cần tài khoản, hãy đồng ý với Thông báo xử lý dữ liệu cá nhân: sàn cần email, "
                    "tên, số điện thoại và địa chỉ của quý vị để giao đơn hàng."
                ),
            )
        if self.is_guest_checkout() or self.is_new_account_checkout():
            self.errors.pop("password", None)
            return self.cleaned_data
        return super().clean()
