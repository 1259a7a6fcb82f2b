"""Oscar's basket forms; the service date option gets a date picker and must not be in the past."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.basket import forms as oscar_forms
from oscar.apps.basket.forms import *  # noqa: F401,F403 — Oscar's other basket forms

from shop.shipping.service_dates import SERVICE_DATE, earliest_service_date, validate_service_date


class AddToBasketForm(oscar_forms.AddToBasketForm):
    def _add_option_field(self, product, option):
        super()._add_option_field(product, option)
        if option.code == SERVICE_DATE:
            self.fields[option.code] = forms.DateField(
                label=option.name,
                required=option.required,
                help_text=option.help_text,
                input_formats=["%Y-%m-%d", "%d/%m/%Y"],
                widget=forms.DateInput(
                    format="%Y-%m-%d", attrs={"type": "date", "min": earliest_service_date().isoformat()}
                ),
                validators=[validate_service_date],
                error_messages={
                    "required": _("Hãy chọn ngày sử dụng dịch vụ."),
                    "invalid": _("Ngày không hợp lệ (dạng ngày/tháng/năm, ví dụ 25/12/2026)."),
                },
            )


class SimpleAddToBasketForm(oscar_forms.SimpleAddToBasketMixin, AddToBasketForm):
    """Oscar's compact form (product cards), built on ours."""
