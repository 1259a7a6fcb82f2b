from django.utils.translation import gettext_lazy as _
from oscar.apps.address.forms import AbstractAddressForm
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
