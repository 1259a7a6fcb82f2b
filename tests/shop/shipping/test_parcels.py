"""Shipping charges on known baskets (the tariff and items are in conftest.py):

province: ≤500 g 20.000, ≤1 kg 25.000, ≤2 kg 30.000, +4.000 per extra kg
region:   ≤500 g 30.000, ≤1 kg 35.000, ≤2 kg 45.000, +6.000 per extra kg
national: ≤500 g 40.000, ≤1 kg 50.000, ≤2 kg 65.000, +10.000 per extra kg
free from 400.000 ₫ of goods per parcel
"""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from oscar.core.loading import get_class, get_model

from shop.shipping.parcels import parcels_for_basket, total_charge
from tests.shop.shipping.conftest import (
    CAN_THO,
    HA_NOI,
    HO_CHI_MINH,
    KNOWN_TARIFF,
    KNOWN_THRESHOLD,
    LAO_CAI,
    make_basket,
    set_tariff,
)

pytestmark = pytest.mark.django_db
Repository = get_class("shipping.repository", "Repository")
ParcelShipping = get_class("shipping.methods", "ParcelShipping")
NoShippingRequired = get_class("shipping.methods", "NoShippingRequired")
RateBand = get_model("shipping", "RateBand")
ZoneRate = get_model("shipping", "ZoneRate")


def _summary(parcels):
    return [(p.partner_name, p.weight_grams, p.zone, p.goods_subtotal, p.charge) for p in parcels]


def test_one_producer_same_province(shop_items):
    basket = make_basket((shop_items["tea"], 1))
    parcels = parcels_for_basket(basket, LAO_CAI)
    assert _summary(parcels) == [("HTX Thử nghiệm Bắc Hà", 300, "province", 120000, 20000)]


def test_two_producers_ship_two_parcels_in_their_own_zones(shop_items):
    basket = make_basket((shop_items["tea"], 2), (shop_items["coffee"], 1))
    parcels = parcels_for_basket(basket, HA_NOI)
    # Lào Cai → Hà Nội is within the North; Hồ Chí Minh City → Hà Nội crosses regions.
    assert _summary(parcels) == [
        ("HTX Thử nghiệm Bắc Hà", 600, "region", 240000, 35000),
        ("Cơ sở Thử nghiệm Sài Gòn", 250, "national", 80000, 40000),
    ]
    assert total_charge(parcels) == 75000


def test_heavy_parcel_pays_each_started_kilogram_above_the_last_band(shop_items):
    # 5.000 g within the South: 45.000 for 2 kg + 3 more kg × 6.000
    assert total_charge(parcels_for_basket(make_basket((shop_items["rice"], 1)), CAN_THO)) == 63000
    # 5.250 g in the producer's province: 30.000 + 4 started kg (3,25 kg) × 4.000
    basket = make_basket((shop_items["rice"], 1), (shop_items["coffee"], 1))
    (parcel,) = parcels_for_basket(basket, HO_CHI_MINH)
    assert (parcel.weight_grams, parcel.zone, parcel.charge) == (5250, "province", 46000)


def test_product_without_weight_counts_500_grams(shop_items):
    (parcel,) = parcels_for_basket(make_basket((shop_items["honey"], 1), (shop_items["tea"], 1)), LAO_CAI)
    assert parcel.weight_grams == 800 and parcel.charge == 25000


def test_parcel_reaching_the_threshold_ships_free_and_the_other_parcel_pays(shop_items):
    basket = make_basket((shop_items["honey"], 3), (shop_items["coffee"], 1))  # 450.000 ₫ of honey
    honey, coffee = parcels_for_basket(basket, LAO_CAI)
    assert (honey.goods_subtotal, honey.rate_charge, honey.charge) == (450000, 30000, 0)
    assert honey.is_free and honey.free_by_threshold
    assert (coffee.zone, coffee.charge, coffee.is_free) == ("national", 40000, False)
    # exactly the threshold ships free; 10.000 ₫ below it pays
    set_tariff(KNOWN_TARIFF, 300_000)
    (at,) = parcels_for_basket(make_basket((shop_items["honey"], 2)), LAO_CAI)
    assert (at.goods_subtotal, at.charge) == (300000, 0)
    set_tariff(KNOWN_TARIFF, 310_000)
    (below,) = parcels_for_basket(make_basket((shop_items["honey"], 2)), LAO_CAI)
    assert (below.goods_subtotal, below.charge) == (300000, 25000)


@pytest.mark.parametrize("threshold", [None, 0])
def test_no_threshold_means_nothing_ships_free(shop_items, threshold):
    set_tariff(KNOWN_TARIFF, threshold)
    (parcel,) = parcels_for_basket(make_basket((shop_items["honey"], 10)), LAO_CAI)
    # 1.500.000 ₫ of goods, 5.000 g: 30.000 for 2 kg + 3 more kg × 4.000
    assert (parcel.goods_subtotal, parcel.charge) == (1500000, 42000)


def test_service_only_basket_needs_no_shipping(shop_items):
    basket = make_basket((shop_items["homestay"], 1))
    methods = Repository().get_shipping_methods(basket, shipping_addr=SimpleNamespace(province_code=HA_NOI))
    assert [m.code for m in methods] == [NoShippingRequired.code]
    assert methods[0].calculate(basket).incl_tax == 0
    assert parcels_for_basket(basket, HA_NOI) == []


def test_mixed_basket_ships_the_goods_only(shop_items):
    # The homestay (600.000 ₫) is neither weighed nor counted towards the tea parcel's free threshold.
    basket = make_basket((shop_items["homestay"], 1), (shop_items["tea"], 1))
    parcels = parcels_for_basket(basket, HA_NOI)
    assert _summary(parcels) == [("HTX Thử nghiệm Bắc Hà", 300, "region", 120000, 30000)]
    assert [line.product for line in parcels[0].lines] == [shop_items["tea"]]


def test_repository_offers_one_method_priced_for_the_address(shop_items):
    basket = make_basket((shop_items["tea"], 2), (shop_items["coffee"], 1))
    (method,) = Repository().get_shipping_methods(basket, shipping_addr=SimpleNamespace(province_code=HA_NOI))
    assert isinstance(method, ParcelShipping) and method.province_code == HA_NOI
    charge = method.calculate(basket)
    assert (charge.currency, charge.excl_tax, charge.incl_tax, charge.is_tax_known) == (
        basket.currency,
        Decimal(75000),
        Decimal(75000),
        True,
    )
    # The same basket to Lào Cai: the tea (600 g) ships within the province.
    (method,) = Repository().get_shipping_methods(basket, shipping_addr=SimpleNamespace(province_code=LAO_CAI))
    assert method.calculate(basket).incl_tax == Decimal(25000 + 40000)


def test_address_without_province_is_charged_as_the_farthest_zone(shop_items):
    basket = make_basket((shop_items["tea"], 1))
    (method,) = Repository().get_shipping_methods(basket, shipping_addr=None)
    assert method.calculate(basket).incl_tax == Decimal(40000)


def test_zone_without_rates_offers_no_shipping_method(shop_items):
    RateBand.objects.filter(zone_rate__zone="national").delete()
    basket = make_basket((shop_items["coffee"], 1))
    assert Repository().get_shipping_methods(basket, shipping_addr=SimpleNamespace(province_code=LAO_CAI)) == []
    assert len(Repository().get_shipping_methods(basket, shipping_addr=SimpleNamespace(province_code=CAN_THO))) == 1


def test_breakdown_shows_each_producer_weight_zone_and_charge_or_free(shop_items):
    from django.template import Context, Template
    from django.template.loader import get_template

    get_template("oscar/checkout/shipping_methods.html")  # Oscar's page, shown when there is a choice
    basket = make_basket((shop_items["honey"], 3), (shop_items["coffee"], 1), (shop_items["homestay"], 1))
    html = Template(
        "{% load ocop_shipping %}{% basket_parcels basket province as parcels %}"
        "{% include 'oscar/shipping/partials/parcels.html' with parcels=parcels currency='VND' %}"
    ).render(Context({"basket": basket, "province": HA_NOI}))
    assert 'data-parcels="2"' in html and "Homestay" not in html
    honey_row, coffee_row = html.split("<tr data-partner=")[1:]
    assert "HTX Thử nghiệm Bắc Hà" in honey_row and "1,5 kg" in honey_row and "Nội miền" in honey_row
    assert "Miễn phí" in honey_row and "thay vì 45.000\u00a0₫" in honey_row
    assert "Cơ sở Thử nghiệm Sài Gòn" in coffee_row and "0,25 kg" in coffee_row and "Liên miền" in coffee_row
    assert "40.000\u00a0₫" in coffee_row and "Miễn phí" not in coffee_row


def test_demo_tariff_and_threshold():
    from shop.shipping.parcels import RateTable

    rates = RateTable.load()
    assert rates.threshold == 500_000
    assert rates.charge_for("province", 500) == 22000
    assert rates.charge_for("national", 501) == 45000
    assert rates.charge_for("region", 6200) == 65000 + 2 * 5000


def test_the_tariff_is_read_whole_in_one_query_zones_without_bands_and_none_at_all(django_assert_num_queries):
    from shop.shipping.parcels import RateTable

    set_tariff()
    RateBand.objects.filter(zone_rate__zone="national").delete()
    with django_assert_num_queries(1):
        rates = RateTable.load()
    assert rates.bands["province"] == KNOWN_TARIFF["province"][0]
    assert rates.extra_kg == {zone: extra for zone, (_bands, extra) in KNOWN_TARIFF.items()}
    assert rates.threshold == KNOWN_THRESHOLD
    assert rates.is_configured("region") and not rates.is_configured("national")
    ZoneRate.objects.all().delete()  # nothing priced yet: the threshold still holds
    rates = RateTable.load()
    assert rates.bands == {} and rates.threshold == KNOWN_THRESHOLD
