"""Through the real checkout pages: the order's shipping charge is the sum of its parcels, recorded per
producer; the service in the basket is not shipped."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from shop.shipping.parcels import parcels_for_order
from tests.shop.checkout.journey import LAO_CAI, add_to_basket, buyable_products, place_order, reach_preview

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")


def test_checkout_charges_each_producers_parcel_and_records_it(client):
    first, second = buyable_products(2)
    (service,) = buyable_products(1, shipped=False)
    add_to_basket(client, first, 1)
    add_to_basket(client, second, 1)
    day = timezone.localdate() + datetime.timedelta(days=7)
    client.post(reverse("basket:add", kwargs={"pk": service.pk}), {"quantity": 1, "service_date": day.isoformat()})

    reach_preview(client, method="cod")
    place_order(client)

    order = Order.objects.get(guest_email="khach.vang.lai@example.vn")
    parcels = parcels_for_order(order)
    producers = {first.stockrecords.get().partner_id, second.stockrecords.get().partner_id}
    assert {p.partner_id for p in parcels} == producers  # one parcel each; the service in none
    assert all(p.zone == "province" for p in parcels)  # demo producers and the address are in Lào Cai
    assert sum(p.charge for p in parcels) == order.shipping_incl_tax
    assert order.shipping_code == "ocop-parcels"
    assert order.parcels.count() == 2
    assert LAO_CAI == order.shipping_address.province_code


def test_a_guest_basket_says_its_shipping_is_an_upper_estimate_and_checkout_names_the_real_charge(client):
    """The guest basket showed the farthest zone's charge (83.000 ₫) as if final, checkout then charged 47.000 ₫."""
    for product in buyable_products(1):
        add_to_basket(client, product)
    basket = client.get(reverse("basket:summary")).content.decode()
    assert "phí tạm tính tối đa" in basket
    preview = reach_preview(client).content.decode()
    assert "phí tạm tính tối đa" not in preview and "mỗi chủ thể gửi một kiện" in preview
