"""Administrators' shipping pages: the tariff of the three zones and the free-shipping threshold
(``ocop-shipping``), and one zone's weight bands and extra-kilogram price (``ocop-shipping-zone``).

Access: staff with ``shipping.change_zonerate`` (``OperationsDashboardConfig.permissions_map``). The
rule that reads these rates is ``shop.shipping.parcels``; new rates apply to baskets priced from now on, orders
already placed keep what their parcels were charged.
"""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from shop.core.addresses import place_sort_key, province_name
from shop.dashboard.operations.forms import BandFormSet, ThresholdForm, ZoneRateForm
from shop.shipping.parcels import DEFAULT_WEIGHT_GRAMS
from shop.shipping.zones import PROVINCE_REGIONS, Region, Zone

ZoneRate = get_model("shipping", "ZoneRate")
RateBand = get_model("shipping", "RateBand")
ShippingSettings = get_model("shipping", "ShippingSettings")


def _regions():
    """Region → provinces in it, for the page that explains the zones."""
    return [
        (
            region.label,
            sorted((province_name(code) for code, r in PROVINCE_REGIONS.items() if r == region), key=place_sort_key),
        )
        for region in Region
    ]


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
        return self.render_to_response(
            self.get_context_data(
                form=ZoneRateForm(instance=self.zone_rate), formset=BandFormSet(instance=self.zone_rate)
            )
        )

    def post(self, request, *args, **kwargs):
        form = ZoneRateForm(request.POST, instance=self.zone_rate)
        formset = BandFormSet(request.POST, instance=self.zone_rate)
        if not (form.is_valid() and formset.is_valid()):
            return self.render_to_response(self.get_context_data(form=form, formset=formset), status=400)
        with transaction.atomic():
            form.save()
            # Rewritten as a whole, so weights can be swapped between bands without a clash.
            self.zone_rate.bands.all().delete()
            RateBand.objects.bulk_create(
                [
                    RateBand(zone_rate=self.zone_rate, max_weight_grams=weight, charge=charge)
                    for weight, charge in formset.bands()
                ]
            )
        messages.success(request, _("Đã lưu biểu phí vùng %(zone)s.") % {"zone": self.zone.label})
        return redirect("dashboard:ocop-shipping")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(zone=self.zone, zone_rate=self.zone_rate)
        return context
