"""The order is placed only at the total the buyer confirmed on the preview (issue 17, finding 4).

The attack: a producer raised a price after the buyer's preview and the order was placed at the new total
(6.214.600 ₫ charged against 5.477.500 ₫ shown). Now any change of a price, an offer or the shipping charge
since the preview shows the preview again with the changes; nothing is placed until the buyer confirms.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from shop.order.utils import OrderCreator
from tests import factories
from tests.shop.checkout.journey import add_to_basket, buyable_products, place_order, reach_preview

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Range = get_model("offer", "Range")
Condition = get_model("offer", "Condition")
Benefit = get_model("offer", "Benefit")
RateBand = get_model("shipping", "RateBand")
ShippingSettings = get_model("shipping", "ShippingSettings")
EMAIL = "khach.vang.lai@example.vn"


def _orders():
    return Order.objects.filter(guest_email=EMAIL)


def _allocated(product):
    return StockRecord.objects.get(product=product).num_allocated or 0


def _order_total(preview):
    return preview.context["order_total"].incl_tax


def _in_offers():
    """Products an open offer covers (the demo campaign's)."""
    ranges = ConditionalOffer.objects.filter(status=ConditionalOffer.OPEN).values_list("benefit__range", flat=True)
    return set(Range.objects.filter(pk__in=ranges).values_list("included_products", flat=True)) - {None}


def _without_offer():
    """A new product on sale (tests/factories.py) that no offer discounts, so its price change is the only
    change, and the test changes its own stock record rather than a demo one."""
    product = factories.product()
    assert product.pk not in _in_offers()
    return (product,)


def test_a_price_raised_after_the_preview_is_not_charged_and_the_buyer_confirms_the_new_one(client):
    (product,) = _without_offer()
    add_to_basket(client, product, 2)
    preview = reach_preview(client, method="cod")
    shown_total = _order_total(preview)
    record = StockRecord.objects.get(product=product)
    old_price, allocated = record.price, _allocated(product)
    StockRecord.objects.filter(pk=record.pk).update(price=old_price + 150000)  # the producer raises the price

    again = place_order(client, preview)

    assert again.status_code == 200 and not _orders().exists()
    assert _allocated(product) == allocated
    page = again.content.decode()
    assert "Đơn hàng đã thay đổi kể từ khi bạn xem" in page
    assert f"Giá “{product.get_title()}” đã đổi từ {currency(old_price)} thành {currency(old_price + 150000)}" in page
    new_total = _order_total(again)  # two units 150.000 ₫ dearer (the parcel may now ship free)
    assert again.context["basket"].total_incl_tax == preview.context["basket"].total_incl_tax + 300000
    assert new_total != shown_total
    assert f"Tổng cộng nay là {currency(new_total)} (trước đó {currency(shown_total)})" in page

    placed = place_order(client, again)  # the buyer agrees to the new figures

    assert placed.status_code == 302 and placed["Location"] == reverse("checkout:thank-you")
    order = _orders().get()
    assert order.total_incl_tax == new_total
    assert order.lines.get().unit_price_incl_tax == old_price + 150000


def test_a_lower_price_is_also_shown_before_placing(client):
    ShippingSettings.objects.update(free_shipping_threshold=10**12)  # the parcel's charge stays the same
    (product,) = _without_offer()
    add_to_basket(client, product, 1)
    preview = reach_preview(client, method="cod")
    StockRecord.objects.filter(product=product).update(price=F("price") - 1000)

    again = place_order(client, preview)

    assert again.status_code == 200 and not _orders().exists()
    assert _order_total(again) == _order_total(preview) - 1000


def test_a_shipping_charge_changed_after_the_preview_is_shown_again(client):
    ShippingSettings.objects.update(free_shipping_threshold=10**12)  # no parcel ships free
    (product,) = _without_offer()
    add_to_basket(client, product, 1)
    preview = reach_preview(client, method="cod")
    shown_shipping = preview.context["shipping_charge"].incl_tax
    assert shown_shipping > 0
    RateBand.objects.update(charge=F("charge") + 7000)  # an administrator raises the rates

    again = place_order(client, preview)

    assert again.status_code == 200 and not _orders().exists()
    assert (
        f"Phí vận chuyển đã đổi từ {currency(shown_shipping)} thành {currency(shown_shipping + 7000)}"
        in again.content.decode()
    )
    assert place_order(client, again).status_code == 302
    assert _orders().get().shipping_incl_tax == shown_shipping + 7000


def _product_with_an_offer():
    """A new product on sale with an offer of its own: 10 % off, open (the demo campaign's stays as it is)."""
    product = factories.product(stock=20)
    product_range = Range.objects.create(name="Sản phẩm ưu đãi thử nghiệm")
    product_range.included_products.add(product)
    factories.percentage_offer(product_range, "Ưu đãi thử nghiệm giảm 10 %")
    return product


def test_an_offer_that_ended_after_the_preview_is_shown_again(client):
    product = _product_with_an_offer()
    add_to_basket(client, product, 1)
    preview = reach_preview(client, method="cod")
    assert preview.context["basket"].offer_discounts, "the preview shows the campaign's discount"
    offer = ConditionalOffer.objects.get(pk=preview.context["basket"].offer_discounts[0]["offer"].pk)
    ConditionalOffer.objects.filter(pk=offer.pk).update(end_datetime=timezone.now() - timedelta(minutes=1))

    again = place_order(client, preview)

    assert again.status_code == 200 and not _orders().exists()
    assert f"Ưu đãi “{offer.name}” không còn áp dụng." in again.content.decode()
    assert _order_total(again) > _order_total(preview)


def test_placing_without_the_previews_quote_places_nothing(client):
    (product,) = buyable_products(1)
    add_to_basket(client, product, 1)
    reach_preview(client, method="cod")

    response = client.post(reverse("checkout:preview"), {"action": "place_order"})
    forged = client.post(reverse("checkout:preview"), {"action": "place_order", "confirmed_quote": "e30:forged:x"})

    assert response.status_code == forged.status_code == 200 and not _orders().exists()
    assert "Hãy xem lại đơn hàng và bấm “Đặt hàng” để xác nhận." in response.content.decode()
    assert 'name="confirmed_quote"' in response.content.decode()


def test_a_price_changed_while_the_order_is_being_placed_rolls_it_back(client, monkeypatch):
    """The window between the checkout's comparison and the stock locks: the locked price must be the one
    the basket was priced at."""
    (product,) = _without_offer()
    add_to_basket(client, product, 1)
    preview = reach_preview(client, method="cod")
    record = StockRecord.objects.get(product=product)
    allocated = _allocated(product)
    check_for_sale = OrderCreator._check_for_sale

    def producer_saves_a_new_price_meanwhile(self, basket):
        check_for_sale(self, basket)
        StockRecord.objects.filter(pk=record.pk).update(price=record.price + Decimal(5000))

    monkeypatch.setattr(OrderCreator, "_check_for_sale", producer_saves_a_new_price_meanwhile)

    response = place_order(client, preview)

    assert response.status_code == 200 and not _orders().exists()
    assert f"Giá của “{product.get_title()}” vừa thay đổi" in response.content.decode()
    assert _allocated(product) == allocated
    assert client.get(reverse("basket:summary")).context["basket"].num_items == 1  # the basket is kept
