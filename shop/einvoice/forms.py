from django import forms
from django.utils.translation import gettext_lazy as _

from shop.core.tax_ids import validate_tax_code


class InvoiceRequestForm(forms.Form):
    """At checkout (the payment method step): a business buyer asks for a VAT invoice in its company's name."""

    prefix = "invoice"

    wanted = forms.BooleanField(label=_("Xuất hoá đơn VAT cho doanh nghiệp"), required=False)
    company_name = forms.CharField(label=_("Tên công ty"), max_length=400, required=False)
    tax_code = forms.CharField(label=_("Mã số thuế"), max_length=14, required=False)
    address = forms.CharField(label=_("Địa chỉ công ty"), max_length=400, required=False)
    email = forms.EmailField(
        label=_("Email nhận hoá đơn"),
        required=False,
        error_messages={"invalid": _("Email nhận hoá đơn không hợp lệ.")},
    )

    REQUIRED_WHEN_WANTED = {
        "company_name": _("Hãy nhập tên công ty để xuất hoá đơn VAT."),
        "tax_code": _("Hãy nhập mã số thuế của công ty để xuất hoá đơn VAT."),
        "address": _("Hãy nhập địa chỉ công ty để xuất hoá đơn VAT."),
        "email": _("Hãy nhập email nhận hoá đơn VAT."),
    }

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("wanted"):
            return cleaned
        for name, message in self.REQUIRED_WHEN_WANTED.items():
            if not (cleaned.get(name) or "").strip() and name not in self.errors:
                self.add_error(name, message)
        tax_code = (cleaned.get("tax_code") or "").strip()
        if tax_code:
            try:
                validate_tax_code(tax_code)
            except forms.ValidationError as error:
                self.add_error("tax_code", error)
            cleaned["tax_code"] = tax_code
        return cleaned

    def request_fields(self):
        """What to keep in the checkout session: the request's fields, or None when no invoice is wanted."""
        if not self.cleaned_data.get("wanted"):
            return None
        return {name: self.cleaned_data[name].strip() for name in self.REQUIRED_WHEN_WANTED}
