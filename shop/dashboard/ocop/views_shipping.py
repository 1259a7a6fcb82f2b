"""Administrators' shipping pages: the tariff of the three zones and the free-shipping threshold
(``ocop-shipping``), and one zone's weight bands and extra-kilogram price (``ocop-shipping-zone``).

Access: staff with ``shipping.change_zonerate`` (``OcopDashboardConfig.permissions_map``). The rule that
reads these rates is ``shop.shipping.parcels``; new rates apply to baskets priced from now on, orders
already placed keep what their parcels were charged.
"""
from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from shop.core.addresses import province_name
from shop.shipping.parcels import DEFAULT_WEIGHT_GRAMS
from shop.shipping.zones import PROVINCE_REGIONS, Region, Zone

ZoneRate = get_model("shipping", "ZoneRate")
RateBand = get_model("shipping", "RateBand")
ShippingSettings = get_model("shipping", "ShippingSettings")

_MONEY_ERRORS = {"invalid": gettext_lazy("Nhập số tiền bằng đồng, không có dấu chấm (ví dụ 22000)."),
                 "min_value": gettext_lazy("Số tiền không được âm.")}


class ThresholdForm(forms.ModelForm):
    class Meta:
        model = ShippingSettings
        fields = ["free_shipping_threshold"]
        error_messages = {"free_shipping_threshold": _MONEY_ERRORS}


class ZoneRateForm(forms.ModelForm):
    class Meta:
        model = ZoneRate
        fields = ["extra_kg_charge"]
        error_messages = {"extra_kg_charge": {
            **_MONEY_ERRORS, "required": gettext_lazy("Hãy nhập giá mỗi kg vượt mốc.")}}


class RateBandForm(forms.ModelForm):
    class Meta:
        model = RateBand
        fields = ["max_weight_grams", "charge"]
        error_messages = {
            "max_weight_grams": {"invalid": gettext_lazy("Nhập khối lượng bằng gam (số nguyên)."),
                                 "min_value": gettext_lazy("Khối lượng phải lớn hơn 0."),
                                 "required": gettext_lazy("Hãy nhập khối lượng.")},
            "charge": {**_MONEY_ERRORS, "required": gettext_lazy("Hãy nhập phí vận chuyển.")},
        }


class BaseBandFormSet(forms.BaseInlineFormSet):
    def bands(self):
        """The bands kept: (max weight, charge), lightest first."""
        return sorted((form.cleaned_data["max_weight_grams"], form.cleaned_data["charge"])
                      for form in self.forms
                      if form.cleaned_data and not form.cleaned_data.get("DELETE")
                      and form.cleaned_data.get("max_weight_grams") is not None)

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


BandFormSet = forms.inlineformset_factory(ZoneRate, RateBand, form=RateBandForm, formset=BaseBandFormSet,
                                          extra=2, can_delete=True)


def _regions():
    """Region → provinces in it, for the page that explains the zones."""
    return [(region.label, sorted(province_name(code) for code, r in PROVINCE_REGIONS.items() if r == region))
            for region in Region]


class ShippingRatesView(TemplateView):
    """The three zones' tariffs at a glance; the form sets the free-shipping threshold."""

    template_name = "oscar/dashboard/ocop/shipping_rates.html"

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=ThresholdForm(instance=ShippingSettings.load())))

    def post(self, request, *args, **kwargs):
        form = ThresholdForm(request.POST, instance=ShippingSettings.load())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        form.save()
        messages.success(request, _("Đã lưu ngưỡng miễn phí vận chuyển."))
        return redirect("dashboard:ocop-shipping")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by_zone = {rate.zone: rate for rate in ZoneRate.objects.prefetch_related("bands")}
        context.update(
            zones=[(zone, by_zone.get(zone.value)) for zone in Zone],
            regions=_regions(),
            default_weight_grams=DEFAULT_WEIGHT_GRAMS,
        )
        return context


class ShippingZoneView(TemplateView):
    """One zone's weight bands (add, change, delete) and its price per extra kilogram."""

    template_name = "oscar/dashboard/ocop/shipping_zone.html"

    @cached_property
    def zone(self):
        if self.kwargs["zone"] not in Zone.values:
            raise Http404(_("Không có vùng giao hàng này."))
        return Zone(self.kwargs["zone"])

    @cached_property
    def zone_rate(self):
        zone_rate, _created = ZoneRate.objects.get_or_create(zone=self.zone.value)
        return zone_rate

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(
            form=ZoneRateForm(instance=self.zone_rate), formset=BandFormSet(instance=self.zone_rate)))

    def post(self, request, *args, **kwargs):
        form = ZoneRateForm(request.POST, instance=self.zone_rate)
        formset = BandFormSet(request.POST, instance=self.zone_rate)
        if not (form.is_valid() and formset.is_valid()):
            return self.render_to_response(self.get_context_data(form=form, formset=formset), status=400)
        with transaction.atomic():
            form.save()
            # Rewritten as a whole, so weights can be swapped between bands without a clash.
            self.zone_rate.bands.all().delete()
            RateBand.objects.bulk_create([RateBand(zone_rate=self.zone_rate, max_weight_grams=weight, charge=charge)
                                          for weight, charge in formset.bands()])
        messages.success(request, _("Đã lưu biểu phí vùng %(zone)s.") % {"zone": self.zone.label})
        return redirect("dashboard:ocop-shipping")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(zone=self.zone, zone_rate=self.zone_rate)
        return context
