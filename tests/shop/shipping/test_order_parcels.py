"""What each producer's parcel was charged is recorded when the order is placed, and adds up to the
order's shipping charge."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_class, get_model

from shop.shipping.parcels import parcels_for_order, record_parcels
from tests.shop.shipping.conftest import HA_NOI, make_basket

pytestmark = pytest.mark.django_db
OrderCreator = get_class("order.utils", "OrderCreator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
ParcelShipping = get_class("shipping.methods", "ParcelShipping")
FixedPrice = get_class("shipping.methods", "FixedPrice")
Free = get_class("shipping.methods", "Free")
ShippingAddress = get_model("order", "ShippingAddress")
Country = get_model("address", "Country")
OrderParcel = get_model("shipping", "OrderParcel")


def _place(basket, method, province_code=HA_NOI, number="TEST-PARCELS-1"):
    address = ShippingAddress(
        first_name="Trần Thị Lan",
        line1="Số 12 phố Hàng Bạc",
        country=Country.objects.get(iso_3166_1_a2="VN"),
        phone_number="+84912345678",
    )
    address.province_code = province_code  # a field of ShippingAddress (address form); set either way
    address.save()
    charge = method.calculate(basket)
    total = OrderTotalCalculator().calculate(basket, charge)
    return OrderCreator().place_order(
        basket=basket,
        total=total,
        shipping_method=method,
        shipping_charge=charge,
        shipping_address=address,
        order_number=number,
    )


def test_placing_an_order_records_each_producers_parcel(shop_items):
    basket = make_basket((shop_items["tea"], 2), (shop_items["coffee"], 1), (shop_items["homestay"], 1))
    order = _place(basket, ParcelShipping(HA_NOI))

    assert order.shipping_incl_tax == Decimal(75000)
    rows = list(
        OrderParcel.objects.filter(order=order)
        .order_by("pk")
        .values_list("partner__name", "weight_grams", "zone", "goods_subtotal", "rate_charge", "charge")
    )
    assert rows == [
        ("HTX Thử nghiệm Bắc Hà", 600, "region", 240000, 35000, 35000),
        ("Cơ sở Thử nghiệm Sài Gòn", 250, "national", 80000, 40000, 40000),
    ]
    parcels = parcels_for_order(order)
    assert sum(p.charge for p in parcels) == order.shipping_incl_tax
    (tea_parcel,) = [p for p in parcels if p.partner_id == shop_items["lao_cai"].pk]
    assert [line.product for line in tea_parcel.lines] == [shop_items["tea"]]  # the homestay is in no parcel
    assert tea_parcel.zone_label == "Nội miền"


def test_recorded_charges_stay_when_the_rates_change(shop_items):
    order = _place(make_basket((shop_items["tea"], 1)), ParcelShipping(HA_NOI))
    get_model("shipping", "RateBand").objects.update(charge=99000)
    (parcel,) = parcels_for_order(order)
    assert parcel.charge == 30000 == order.shipping_incl_tax


def test_free_parcel_is_recorded_as_free(shop_items):
    order = _place(make_basket((shop_items["honey"], 3), (shop_items["coffee"], 1)), ParcelShipping(HA_NOI))
    honey, coffee = parcels_for_order(order)
    # 1.500 g of honey for 450.000 ₫: free instead of 45.000
    assert (honey.charge, honey.rate_charge, honey.free_by_threshold, honey.is_free) == (0, 45000, True, True)
    assert coffee.charge == 40000 == order.shipping_incl_tax


def test_another_shipping_charge_is_shared_so_the_parcels_add_up_to_it(shop_items):
    # Computed 35.000 + 40.000; the order was placed with 50.000 (say, after a shipping offer).
    basket = make_basket((shop_items["tea"], 2), (shop_items["coffee"], 1))
    order = _place(basket, FixedPrice(Decimal(50000), Decimal(50000)))
    assert [p.charge for p in parcels_for_order(order)] == [23333, 26667]
    free_order = _place(make_basket((shop_items["tea"], 1), (shop_items["coffee"], 1)), Free(), number="TEST-FREE")
    assert [p.charge for p in parcels_for_order(free_order)] == [0, 0]


def test_recording_again_rewrites_and_old_orders_are_computed(shop_items):
    order = _place(make_basket((shop_items["tea"], 1), (shop_items["coffee"], 1)), ParcelShipping(HA_NOI))
    record_parcels(order)
    assert OrderParcel.objects.filter(order=order).count() == 2
    OrderParcel.objects.filter(order=order).delete()  # an order from before parcels were recorded
    assert [p.charge for p in parcels_for_order(order)] == [30000, 40000]
    assert not OrderParcel.objects.filter(order=order).exists()


def test_placement_records_from_the_lines_it_wrote_what_reading_them_back_computes(shop_items):
    """Placement builds the parcels from the order lines it holds (no second read of them with their products):
    the same parcels as the order's lines read back give, for goods from two producers, free shipping and a
    service."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from shop.shipping.parcels import compute_order_parcels

    basket = make_basket(
        (shop_items["honey"], 3), (shop_items["tea"], 2), (shop_items["coffee"], 1), (shop_items["homestay"], 1)
    )
    with CaptureQueriesContext(connection) as placing:
        order = _place(basket, ParcelShipping(HA_NOI))
    line_reads = [
        q["sql"] for q in placing.captured_queries if q["sql"].startswith("SELECT") and 'FROM "order_line"' in q["sql"]
    ]
    assert not any('"catalogue_product"' in sql for sql in line_reads), line_reads

    recorded = list(
        OrderParcel.objects.filter(order=order)
        .order_by("pk")
        .values_list(
            "partner_id", "weight_grams", "zone", "goods_subtotal", "rate_charge", "charge", "free_by_threshold"
        )
    )
    read_back = [
        (p.partner_id, p.weight_grams, p.zone, p.goods_subtotal, p.rate_charge, p.charge, p.free_by_threshold)
        for p in compute_order_parcels(order)
    ]
    assert recorded == read_back
    assert len(recorded) == 2 and sum(row[5] for row in recorded) == order.shipping_incl_tax


def test_an_orders_producer_parts_read_its_lines_once(shop_items, django_assert_num_queries):
    """The mails of an order show each producer's part with its parcel's charge: the lines, the parcels and the
    shipments, three queries — the parcels take the lines the parts read, not a second read of them."""
    from shop.order.parts import producer_parts

    basket = make_basket((shop_items["tea"], 2), (shop_items["coffee"], 1), (shop_items["homestay"], 1))
    order = _place(basket, ParcelShipping(HA_NOI))

    with django_assert_num_queries(3):
        parts = producer_parts(order)
        charges = {part.partner.pk: part.shipping_charge for part in parts}
        products = [line.product for part in parts for line in part.lines]
        classes = [product.get_product_class() for product in products]
    assert charges == {shop_items["lao_cai"].pk: 35000, shop_items["saigon"].pk: 40000}
    assert products == [shop_items["tea"], shop_items["homestay"], shop_items["coffee"]] and all(classes)
