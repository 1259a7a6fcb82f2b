"""Forms of the operations dashboard: the free-shipping threshold, and one zone's weight bands and
price per extra kilogram (the bands are rewritten as a whole: ``BandFormSet.bands``)."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

ZoneRate = get_model("shipping", "ZoneRate")
RateBand = get_model("shipping", "RateBand")
ShippingSettings = get_model("shipping", "ShippingSettings")

_MONEY_ERRORS = {
    "invalid": gettext_lazy("Nhập số tiền bằng đồng, không có dấu chấm (ví dụ 22000)."),
    "min_value": gettext_lazy("Số tiền không được âm."),
}


class ThresholdForm(forms.ModelForm):
    class Meta:
        model = ShippingSettings
        fields = ["free_shipping_threshold"]
        error_messages = {"free_shipping_threshold": _MONEY_ERRORS}


class ZoneRateForm(forms.ModelForm):
    class Meta:
        model = ZoneRate
        fields = ["extra_kg_charge"]
        error_messages = {
            "extra_kg_charge": {**_MONEY_ERRORS, "required": gettext_lazy("Hãy nhập giá mỗi kg vượt mốc.")}
        }


class RateBandForm(forms.ModelForm):
    class Meta:
        model = RateBand
        fields = ["max_weight_grams", "charge"]
        error_messages = {
            "max_weight_grams": {
                "invalid": gettext_lazy("Nhập khối lượng bằng gam (số nguyên)."),
                "min_value": gettext_lazy("Khối lượng phải lớn hơn 0."),
                "required": gettext_lazy("Hãy nhập khối lượng."),
            },
            "charge": {**_MONEY_ERRORS, "required": gettext_lazy("Hãy nhập phí vận chuyển.")},
        }


class BaseBandFormSet(forms.BaseInlineFormSet):
    def bands(self):
        """The bands kept: (max weight, charge), lightest first."""
        return sorted(
            (form.cleaned_data["max_weight_grams"], form.cleaned_data["charge"])
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("max_weight_grams") is not None
        )

    def validate_unique(self):
        pass  # the bands are rewritten as a whole; clean() checks for duplicate weights

    def clean(self):
        if any(self.errors):
            return
        bands = self.bands()
        if not bands:
            raise forms.ValidationError(_("Vùng giao hàng cần ít nhất một mốc khối lượng."))
        weights = [weight for weight, _charge in bands]
        if len(set(weights)) != len(weights):
            raise forms.ValidationError(_("Hai mốc khối lượng trùng nhau."))
        if any(lighter[1] > heavier[1] for lighter, heavier in zip(bands, bands[1:])):
            raise forms.ValidationError(_("Mốc nặng hơn không được có phí thấp hơn mốc nhẹ hơn."))


BandFormSet = forms.inlineformset_factory(
    ZoneRate, RateBand, form=RateBandForm, formset=BaseBandFormSet, extra=2, can_delete=True
)
