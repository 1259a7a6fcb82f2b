"""Administrators edit the shipping rates on the OCOP dashboard; others cannot."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from oscar.core.loading import get_class, get_model

from cms.demo import loader
from tests.shop.shipping.conftest import LAO_CAI, make_basket

pytestmark = pytest.mark.django_db
RateBand = get_model("shipping", "RateBand")
ZoneRate = get_model("shipping", "ZoneRate")
ShippingSettings = get_model("shipping", "ShippingSettings")
Repository = get_class("shipping.repository", "Repository")

RATES_URL = "dashboard:ocop-shipping"


def _zone_url(zone="province"):
    return reverse("dashboard:ocop-shipping-zone", kwargs={"zone": zone})


def _bands(zone="province"):
    return list(
        RateBand.objects.filter(zone_rate__zone=zone)
        .order_by("max_weight_grams")
        .values_list("max_weight_grams", "charge")
    )


def _zone_post(client, rows, extra_kg_charge, zone="province"):
    """Post the zone form as the browser does: the formset's existing rows, changed as ``rows`` says
    ({index: (grams, charge, delete)}; indexes past the existing rows fill the blank ones)."""
    formset = client.get(_zone_url(zone)).context["formset"]
    data = {"extra_kg_charge": extra_kg_charge}
    management = formset.management_form
    for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
        data[f"{formset.prefix}-{name}"] = management[name].value()
    for index, form in enumerate(formset.forms):
        prefix = form.prefix
        if form.instance.pk:
            data[f"{prefix}-id"] = form.instance.pk
            data[f"{prefix}-max_weight_grams"] = form.instance.max_weight_grams
            data[f"{prefix}-charge"] = form.instance.charge
        if index in rows:
            grams, charge, delete = rows[index]
            data[f"{prefix}-max_weight_grams"], data[f"{prefix}-charge"] = grams, charge
            if delete:
                data[f"{prefix}-DELETE"] = "on"
    return client.post(_zone_url(zone), data)


def test_administrator_sees_the_tariff_and_the_menu_entry(client, staff_user, tariff):
    client.force_login(staff_user)
    page = client.get(reverse(RATES_URL)).content.decode()
    assert "Phí vận chuyển" in page and reverse(RATES_URL) in client.get(reverse("dashboard:index")).content.decode()
    for text in ("Nội tỉnh", "Nội miền", "Liên miền", "đến 500 g", "20.000\u00a0₫", "65.000\u00a0₫", "10.000\u00a0₫"):
        assert text in page
    assert 'value="400000"' in page  # the threshold
    assert "Lào Cai" in page and "Cà Mau" in page  # the regions explained


def test_administrator_sets_the_free_shipping_threshold(client, staff_user, tariff):
    client.force_login(staff_user)
    response = client.post(reverse(RATES_URL), {"free_shipping_threshold": "250000"})
    assert response.status_code == 302
    assert ShippingSettings.load().free_shipping_threshold == 250000
    response = client.post(reverse(RATES_URL), {"free_shipping_threshold": "-1"})
    assert response.status_code == 400 and "Số tiền không được âm." in response.content.decode()
    assert ShippingSettings.load().free_shipping_threshold == 250000
    client.post(reverse(RATES_URL), {"free_shipping_threshold": ""})
    assert ShippingSettings.load().threshold is None


def test_administrator_edits_a_zone_and_baskets_are_priced_with_it(client, staff_user, shop_items):
    client.force_login(staff_user)
    assert _bands() == [(500, 20000), (1000, 25000), (2000, 30000)]
    # 500 g now costs 21.000; drop the 1 kg band; add a 5 kg band at 50.000; 7.000 per extra kg.
    response = _zone_post(client, {0: (500, 21000, False), 1: (1000, 25000, True), 3: (5000, 50000, False)}, 7000)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert _bands() == [(500, 21000), (2000, 30000), (5000, 50000)]
    assert ZoneRate.objects.get(zone="province").extra_kg_charge == 7000

    ShippingSettings.objects.filter(pk=1).update(free_shipping_threshold=None)  # nothing ships free here
    address = SimpleNamespace(province_code=LAO_CAI)
    for items, charge in [
        ([(shop_items["tea"], 1)], 21000),
        ([(shop_items["tea"], 2)], 30000),
        ([(shop_items["honey"], 2), (shop_items["tea"], 1)], 30000),  # 1.300 g
        ([(shop_items["honey"], 4)], 30000),  # 2.000 g
        ([(shop_items["tea"], 20)], 50000 + 7000),  # 6.000 g: 1 kg above
        ([(shop_items["tea"], 21)], 50000 + 2 * 7000),
    ]:  # 6.300 g: 2 started kg
        basket = make_basket(*items)
        (method,) = Repository().get_shipping_methods(basket, shipping_addr=address)
        assert method.calculate(basket).incl_tax == charge, items


@pytest.mark.parametrize(
    "rows, message",
    [
        (
            {0: (500, 20000, True), 1: (1000, 25000, True), 2: (2000, 30000, True)},
            "Vùng giao hàng cần ít nhất một mốc khối lượng.",
        ),
        ({1: (1000, 15000, False)}, "Mốc nặng hơn không được có phí thấp hơn mốc nhẹ hơn."),
        ({3: (500, 22000, False)}, "Hai mốc khối lượng trùng nhau."),
        ({0: (500, -1, False)}, "Số tiền không được âm."),
    ],
)
def test_invalid_zone_tariffs_are_refused_with_a_reason(client, staff_user, tariff, rows, message):
    client.force_login(staff_user)
    response = _zone_post(client, rows, 4000)
    assert response.status_code == 400 and message in response.content.decode()
    assert _bands() == [(500, 20000), (1000, 25000), (2000, 30000)]


def test_unknown_zone_is_not_found(client, staff_user):
    client.force_login(staff_user)
    assert client.get(_zone_url("mars")).status_code == 404


def _refused(response):
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"].startswith(reverse("customer:login"))
    )


def test_staff_without_the_permission_cannot_see_or_change_rates(client, tariff):
    reviewer = get_user_model().objects.get(email=loader.REVIEWER_EMAIL)  # staff, reviews products only
    client.force_login(reviewer)
    assert _refused(client.get(reverse(RATES_URL)))
    assert _refused(client.post(reverse(RATES_URL), {"free_shipping_threshold": "1"}))
    assert _refused(client.post(_zone_url(), {"extra_kg_charge": "1"}))
    assert ShippingSettings.load().free_shipping_threshold == 400000
    assert ZoneRate.objects.get(zone="province").extra_kg_charge == 4000


def test_staff_given_the_permission_can(client, tariff):
    reviewer = get_user_model().objects.get(email=loader.REVIEWER_EMAIL)
    reviewer.user_permissions.add(
        Permission.objects.get(codename="change_zonerate", content_type__app_label="shipping")
    )
    client.force_login(get_user_model().objects.get(pk=reviewer.pk))
    assert client.get(reverse(RATES_URL)).status_code == 200
    assert client.get(_zone_url("national")).status_code == 200
