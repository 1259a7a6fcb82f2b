"""A guest who fills a basket and then signs in keeps it, merged with the basket the account already
had: a product in both keeps the larger quantity (never the sum), nothing is lost."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from oscar.core.loading import get_class, get_model

from tests.shop.checkout.journey import add_to_basket, buyable_products

pytestmark = pytest.mark.django_db
Basket = get_model("basket", "Basket")
Selector = get_class("partner.strategy", "Selector")


def test_signing_in_merges_the_guest_basket_into_the_account_basket(client):
    user = get_user_model().objects.create_user(email="gop.gio@example.vn", password="mat-khau-2026")
    both, guest_only = buyable_products(2)
    saved = Basket.objects.create(owner=user)
    saved.strategy = Selector().strategy(user=user)
    saved.add_product(both, quantity=1)

    add_to_basket(client, both, 3)
    add_to_basket(client, guest_only, 1)
    response = client.post(
        reverse("customer:login"),
        {"login-username": user.email, "login-password": "mat-khau-2026", "login_submit": "1"},
    )
    assert response.status_code == 302

    page = client.get(reverse("basket:summary"))
    basket = page.context["basket"]
    quantities = {line.product_id: line.quantity for line in basket.all_lines()}
    assert basket.owner == user
    assert quantities == {both.pk: 3, guest_only.pk: 1}
    assert Basket.objects.filter(owner=user, status=Basket.OPEN).count() == 1
