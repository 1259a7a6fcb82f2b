"""Customer reviews (buyers who received the product only, moderated) and wishlists for account holders."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue.listing import for_sale
from shop.core import order_statuses as statuses

pytestmark = pytest.mark.django_db
Line = get_model("order", "Line")
ProductReview = get_model("reviews", "ProductReview")
Product = get_model("catalogue", "Product")


def _bought():
    buyer = get_user_model().objects.get(email="khachhang@ocop.example.vn")
    line = (
        Line.objects.filter(order__user=buyer, product__is_public=True)
        .exclude(status=statuses.LINE_CANCELLED)
        .select_related("product")
        .first()
    )
    # Reviews open once the parcel arrived (tests/shop/test_order_conventions.py: not before).
    Line.objects.filter(pk=line.pk).update(status=statuses.LINE_DELIVERED)
    return buyer, line.product


def _review_url(product):
    return reverse("catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk})


def test_only_a_buyer_may_review_and_the_review_waits_for_moderation(client, customer):
    buyer, product = _bought()
    client.force_login(customer)  # has bought nothing
    assert client.get(_review_url(product)).status_code == 302
    client.force_login(buyer)
    response = client.post(
        _review_url(product),
        {"title": "Chè thơm, đóng gói cẩn thận", "score": 5, "body": "Mua lần thứ hai, vẫn ngon như lần đầu."},
    )
    assert response.status_code == 302
    review = ProductReview.objects.get(product=product, user=buyer)
    assert review.status == ProductReview.FOR_MODERATION
    assert "Chè thơm, đóng gói cẩn thận" not in client.get(product.get_absolute_url()).content.decode()

    review.status = ProductReview.APPROVED
    review.save()
    product.refresh_from_db()
    assert product.rating == 5
    page = client.get(product.get_absolute_url()).content.decode()
    assert "Chè thơm, đóng gói cẩn thận" in page
    assert client.get(_review_url(product)).status_code == 302  # one review per buyer


def test_account_holders_keep_a_wishlist(client, customer):
    product = for_sale().order_by("pk").first()  # a product not for sale is refused (test_product_doors_customer)
    client.force_login(customer)
    response = client.post(reverse("customer:wishlists-add-product", kwargs={"product_pk": product.pk}))
    assert response.status_code == 302
    assert customer.wishlists.get().lines.filter(product=product).exists()
    wishlist = customer.wishlists.get()
    assert (
        product.title in client.get(reverse("customer:wishlists-detail", kwargs={"key": wishlist.key})).content.decode()
    )


def test_product_lists_show_the_average_rating(client):
    buyer, product = _bought()
    ProductReview.objects.create(
        product=product, user=buyer, title="Ngon", score=4, body="Ngon", status=ProductReview.APPROVED
    )
    product.refresh_from_db()
    html = client.get(reverse("search:search"), {"q": product.title}).content.decode()
    assert "Khách đánh giá 4,0/5" in html


def test_the_product_page_offers_each_of_the_buyers_own_wish_lists_by_whether_it_holds_the_product(
    client, customer, django_user_model
):
    product = for_sale().order_by("pk").first()
    holding = customer.wishlists.create(name="Quà Tết")
    holding.add(product)
    other = customer.wishlists.create(name="Mua sau")
    stranger = django_user_model.objects.create_user(email="nguoi.la@example.vn", password="mat-khau-dai-1234")
    strangers_list = stranger.wishlists.create(name="Danh sách của người khác")
    client.force_login(customer)
    page = client.get(product.get_absolute_url()).content.decode()

    def url(name, wishlist):
        return reverse(f"customer:wishlists-{name}-product", kwargs={"key": wishlist.key, "product_pk": product.pk})

    assert url("add", other) in page and url("remove", holding) in page
    assert url("add", holding) not in page and url("remove", other) not in page
    assert strangers_list.key not in page and "Danh sách của người khác" not in page

    client.force_login(stranger)  # one list, without the product
    page = client.get(product.get_absolute_url()).content.decode()
    assert url("add", strangers_list) in page and url("remove", strangers_list) not in page
    assert holding.key not in page and other.key not in page

    newcomer = django_user_model.objects.create_user(email="nguoi.moi@example.vn", password="mat-khau-dai-1234")
    client.force_login(newcomer)  # no list yet: the one button that makes the first
    page = client.get(product.get_absolute_url()).content.decode()
    assert f'action="{reverse("customer:wishlists-add-product", kwargs={"product_pk": product.pk})}"' in page
    assert strangers_list.key not in page and holding.key not in page
