"""What Vietnamese shoppers expect of a card and a product page (issue 21, item 5): the rating and number of
reviews, units sold, the OCOP seal over a picture that is not cropped, the campaign price under today's site
offers (the one the basket charges), a quantity stepper, share links, and the producer's own shop page."""

import datetime
import itertools
import re
from decimal import Decimal
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from PIL import Image

from catalogue import listing, producers
from shop.core.order_statuses import LINE_CANCELLED
from tests import factories

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
ProductReview = get_model("reviews", "ProductReview")
Range = get_model("offer", "Range")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Condition, Benefit = get_model("offer", "Condition"), get_model("offer", "Benefit")
Line = get_model("order", "Line")


def shop_url(producer):
    return reverse("producer-shop", kwargs={"code": producer.code})


def card_of(html, product):
    """The HTML of ``product``'s card on a page."""
    cards = re.findall(r'<article class="product_pod">.*?</article>', html, re.S)
    found = [card for card in cards if product.get_absolute_url() in card]
    assert len(found) == 1, f"{len(found)} cards of {product.title}"
    return found[0]


def vnd(amount):
    return f"{int(amount):,}".replace(",", ".") + "\u00a0₫"


_ranges = itertools.count(1)


def in_a_range(*products):
    product_range = Range.objects.create(name=f"Ưu đãi thử nghiệm {next(_ranges)}")
    for product in products:
        product_range.included_products.add(product)
    return product_range


# Cards: rating, reviews, units sold, seal, picture ----------------------------------------------------------


def test_a_card_shows_the_average_of_approved_reviews_and_their_number():
    product = factories.product()
    for score, status in ((5, ProductReview.APPROVED), (4, ProductReview.APPROVED), (1, ProductReview.FOR_MODERATION)):
        ProductReview.objects.create(
            product=product, user=factories.customer(), title="Nhận xét", score=score, body="…", status=status
        )
    card = card_of(Client().get(shop_url(product.producer)).content.decode(), product)
    assert "Khách đánh giá 4,5/5" in card  # (5 + 4) / 2: the review awaiting moderation does not count
    assert "(2 đánh giá)" in card


def test_a_card_without_reviews_shows_no_rating():
    product = factories.product()
    card = card_of(Client().get(shop_url(product.producer)).content.decode(), product)
    assert "product-card__rating" not in card and "Khách đánh giá" not in card


def test_a_card_counts_the_units_sold_in_lines_not_cancelled():
    product = factories.product(stock=30)
    buyer = factories.customer()
    factories.order(buyer, (product, 3))
    cancelled = factories.order(buyer, (product, 2))
    Line.objects.filter(order=cancelled).update(status=LINE_CANCELLED)
    card = card_of(Client().get(shop_url(product.producer)).content.decode(), product)
    assert "Đã bán 3" in card


def test_a_card_of_a_product_never_sold_says_nothing_of_sales():
    product = factories.product()
    card = card_of(Client().get(shop_url(product.producer)).content.decode(), product)
    assert "Đã bán" not in card


def test_the_ocop_seal_lies_over_the_picture_and_the_picture_is_not_cropped():
    product = factories.product(pictures=1, stars=5)  # a 120 × 90 picture: a crop would make it square
    card = card_of(Client().get(shop_url(product.producer)).content.decode(), product)
    media = re.search(r'<div class="image_container product-card__media.*?</div>', card, re.S).group(0)
    assert "product-card__seal" in media and "★★★★★<" in media  # drawn by the template, over the picture
    src = re.search(r'<img src="([^"]+)"', media).group(1)
    with Image.open(Path(settings.MEDIA_ROOT) / src.removeprefix(settings.MEDIA_URL)) as thumbnail:
        assert thumbnail.size == (120, 90)


def test_a_product_sold_without_a_certificate_has_no_seal_on_its_card():
    product = factories.kept_on_sale_product()
    card = card_of(Client().get(shop_url(product.producer)).content.decode(), product)
    assert "product-card__seal" not in card and "★" not in card


# The campaign price ---------------------------------------------------------------------------------------


def test_a_site_offer_shows_its_price_the_list_price_and_the_saving_on_card_and_product_page():
    product = factories.product(price=150_000)
    factories.percentage_offer(in_a_range(product), "Tuần lễ OCOP thử nghiệm", percent=10)
    client = Client()
    for html in (
        card_of(client.get(shop_url(product.producer)).content.decode(), product),
        client.get(product.get_absolute_url()).content.decode(),
    ):
        price = re.search(r'<p class="price_color campaign-price">.*?</p>', html, re.S).group(0)
        assert vnd(135_000) in price and "<del" in price and vnd(150_000) in price and "-10%" in price


def test_the_campaign_price_is_what_the_basket_charges():
    product = factories.product(price=123_456)
    factories.percentage_offer(in_a_range(product), "Giảm 15 % thử nghiệm", percent=15)
    client = Client()
    page = client.get(product.get_absolute_url()).content.decode()
    shown = re.search(r'campaign-price__now">([^<]+)<', page).group(1)
    assert client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1}).status_code == 302
    line = client.get(reverse("basket:summary")).context["basket"].all_lines()[0]
    assert line.has_discount
    assert shown == vnd(Decimal(line.line_price_incl_tax_incl_discounts).quantize(Decimal("1")))
    assert "-15%" in page


def test_an_absolute_discount_shows_as_its_share_of_the_price():
    product = factories.product(price=200_000)
    product_range = in_a_range(product)
    ConditionalOffer.objects.create(
        name="Giảm 30.000 ₫ thử nghiệm",
        offer_type=ConditionalOffer.SITE,
        condition=Condition.objects.create(range=product_range, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=product_range, type=Benefit.FIXED, value=30_000),
    )
    card = card_of(Client().get(shop_url(product.producer)).content.decode(), product)
    assert vnd(170_000) in card and vnd(200_000) in card and "-15%" in card


def test_an_offer_one_unit_does_not_qualify_for_shows_no_campaign_price():
    product = factories.product(price=150_000)
    product_range = in_a_range(product)
    ConditionalOffer.objects.create(
        name="Đơn từ 1 triệu thử nghiệm",
        offer_type=ConditionalOffer.SITE,
        condition=Condition.objects.create(range=product_range, type=Condition.VALUE, value=1_000_000),
        benefit=Benefit.objects.create(range=product_range, type=Benefit.PERCENTAGE, value=10),
    )
    card = card_of(Client().get(shop_url(product.producer)).content.decode(), product)
    assert "campaign-price" not in card and vnd(150_000) in card


def test_a_cached_card_follows_the_offer_ending_and_an_offer_starting_on_time(settings):
    settings.OCOP_FRAGMENT_CACHE_SECONDS = 24 * 60 * 60  # the card is not simply dropped by its age
    product = factories.product(price=100_000)
    offer = factories.percentage_offer(in_a_range(product), "Giảm 10 % thử nghiệm", percent=10)
    client = Client()
    assert "-10%" in card_of(client.get(shop_url(product.producer)).content.decode(), product)
    offer.status = ConditionalOffer.SUSPENDED
    offer.save()  # announces a new content version (shop.offer.signal_handlers)
    assert "campaign-price" not in card_of(client.get(shop_url(product.producer)).content.decode(), product)

    factories.percentage_offer(
        in_a_range(product),
        "Giảm 20 % sau một phút",
        percent=20,
        start_datetime=timezone.now() + datetime.timedelta(minutes=1),
    )
    assert "campaign-price" not in card_of(client.get(shop_url(product.producer)).content.decode(), product)
    # Its minute comes, with no save and no announcement: the card's key names the offers open now.
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        assert "-20%" in card_of(client.get(shop_url(product.producer)).content.decode(), product)


# The product page: stepper, share ----------------------------------------------------------------------------


def test_the_quantity_is_a_number_bounded_by_the_stock_with_stepper_buttons():
    product = factories.product(stock=7)
    html = Client().get(product.get_absolute_url()).content.decode()
    form = re.search(r'<form id="add_to_basket_form".*?</form>', html, re.S).group(0)
    field = re.search(r'<input type="number" name="quantity"[^>]*>', form).group(0)
    assert 'min="1"' in field and 'max="7"' in field
    assert form.count("quantity-stepper__button") == 2 and "Tối đa 7 cho mỗi lần đặt" in form


def quantity_field(client, product):
    html = client.get(product.get_absolute_url()).content.decode()
    form = re.search(r'<form id="add_to_basket_form".*?</form>', html, re.S).group(0)
    field = re.search(r'<input type="number" name="quantity"[^>]*>', form)
    return form, field.group(0) if field else None


@pytest.mark.parametrize("signed_in", [False, True], ids=["guest", "account"])
def test_the_stepper_bound_subtracts_what_the_basket_already_holds(signed_in):
    """7 in stock and 5 in the basket: the page offers at most 2 more (it offered 7, and the basket then refused)."""
    product = factories.product(stock=7)
    client = Client()
    if signed_in:
        client.force_login(factories.customer())
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 5})
    form, field = quantity_field(client, product)
    assert 'max="2"' in field and "Tối đa 2 cho mỗi lần đặt" in form
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 2})
    form, field = quantity_field(client, product)
    assert field is None and "Giỏ hàng của bạn đã có toàn bộ số lượng còn lại của sản phẩm này." in form
    assert re.search(r'<button type="submit"[^>]* disabled', form)


def test_a_quantity_above_the_stock_is_refused_without_script():
    product = factories.product(stock=2)
    client = Client()
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 3})
    assert client.get(reverse("basket:summary")).context["basket"].num_items == 0


def test_the_product_page_has_zalo_facebook_and_copy_link():
    product = factories.product()
    html = Client().get(product.get_absolute_url()).content.decode()
    share = re.search(r'<div class="share" data-share>.*?</div>', html, re.S).group(0)
    url = "http%3A%2F%2Ftestserver" + product.get_absolute_url().replace("/", "%2F")
    assert f"https://sp.zalo.me/plugins/share?href={url}" in share
    assert f"https://www.facebook.com/sharer/sharer.php?u={url}" in share
    assert "data-copy-link=" in share and f'value="http://testserver{product.get_absolute_url()}" readonly' in share


# The producer's shop page ------------------------------------------------------------------------------------


def test_the_producer_shop_shows_who_where_story_rating_and_products_for_sale():
    producer = factories.producer()
    selling = factories.product(producer)
    factories.product(producer, on_sale=False)  # waiting for the office: not shown
    hidden = factories.product(producer, on_sale=False, title="Sản phẩm chưa duyệt thử nghiệm")
    ProductReview.objects.create(
        product=selling, user=factories.customer(), title="Ngon", score=4, body="…", status=ProductReview.APPROVED
    )
    response = Client().get(shop_url(producer))
    assert response.status_code == 200
    html = response.content.decode()
    assert producer.name in html and producer.ward_name in html and producer.province_name in html
    assert "Hợp tác xã của các hộ trồng chè" in html  # the story
    assert "Khách đánh giá 4,0/5 qua 1 đánh giá" in html
    assert selling.get_absolute_url() in html and hidden.title not in html
    assert "1 sản phẩm đang bán" in html


def test_the_producer_shop_pages_its_products(monkeypatch):
    monkeypatch.setattr(producers.ProducerShopView, "paginate_by", 2)  # 24 a page on the site
    producer = factories.producer()
    for _ in range(3):
        factories.product(producer)
    client = Client()
    first = client.get(shop_url(producer)).content.decode()
    second = client.get(shop_url(producer), {"page": 2}).content.decode()
    assert first.count('class="product_pod"') == 2 and "3 sản phẩm đang bán" in first
    assert second.count('class="product_pod"') == 1


@pytest.mark.parametrize("status", ["pending", "suspended", "rejected"])
def test_a_producer_not_verified_has_no_shop_page(status):
    product = factories.product()
    get_model("partner", "Partner").objects.filter(pk=product.producer.pk).update(verification_status=status)
    assert Client().get(shop_url(product.producer)).status_code == 404


def test_a_producer_with_nothing_for_sale_has_no_shop_page():
    producer = factories.producer()
    factories.product(producer, on_sale=False)
    assert Client().get(shop_url(producer)).status_code == 404
    assert Client().get(reverse("producer-shop", kwargs={"code": "khong-co"})).status_code == 404


def test_producer_names_on_cards_and_the_product_page_link_to_the_shop_page():
    product = factories.product()
    client = Client()
    url = shop_url(product.producer)
    assert f'href="{url}"' in card_of(client.get(url).content.decode(), product)
    assert f'href="{url}"' in client.get(product.get_absolute_url()).content.decode()


def test_the_shop_page_is_in_english_too():
    product = factories.product()
    response = Client().get("/en" + shop_url(product.producer))
    assert response.status_code == 200 and product.producer.name in response.content.decode()


def test_the_shop_page_stays_within_the_query_budget(django_assert_max_num_queries):
    producer = factories.producer()
    for _ in range(5):
        factories.product(producer, pictures=1)
    client = Client()
    client.get(shop_url(producer))  # what a running site keeps between requests
    with django_assert_max_num_queries(15):
        assert client.get(shop_url(producer)).status_code == 200


def test_every_card_query_counts_sales_and_reviews_in_the_same_query(django_assert_num_queries):
    producer = factories.producer()
    for _ in range(3):
        factories.product(producer)
    with django_assert_num_queries(4):  # products (+ sales, reviews) and three prefetches: as before
        cards = list(listing.product_cards().filter(stockrecords__partner=producer))
    assert [card.units_sold for card in cards] == [0, 0, 0] and [card.approved_reviews for card in cards] == [0] * 3
