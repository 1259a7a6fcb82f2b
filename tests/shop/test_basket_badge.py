"""The header's basket badge counts the visitor's items on every page without loading and pricing the
basket (``shop.basket.context_processors``): right for a guest, a signed-in buyer, and a buyer who signs in
holding a guest basket, which Oscar merges into theirs."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.shop.checkout.journey import add_to_basket, buyable_products

pytestmark = pytest.mark.django_db
BADGE = re.compile(r"data-basket-count>(\d+)<")
NEWS = "/tin-tuc/"


def badge(client, url=NEWS):
    response = client.get(url)
    assert response.status_code == 200
    return int(BADGE.search(response.content.decode()).group(1))


@pytest.fixture
def buyer(django_user_model):
    return django_user_model.objects.create_user(email="huy.badge@example.vn", password="mat-khau-dai-2026")


def test_a_guest_sees_the_items_of_their_basket(client):
    first, second = buyable_products(2)
    assert badge(client) == 0
    add_to_basket(client, first, quantity=2)
    add_to_basket(client, second)
    assert badge(client) == 3
    assert badge(client, reverse("basket:summary")) == 3  # where the whole basket is loaded anyway


def test_a_signed_in_buyer_sees_their_items_without_the_basket_being_priced(client, buyer):
    client.force_login(buyer)
    first, second = buyable_products(2)
    add_to_basket(client, first)
    add_to_basket(client, second, quantity=3)
    assert badge(client) == 4
    with CaptureQueriesContext(connection) as queries:
        assert badge(client) == 4
    read = [q["sql"] for q in queries]
    assert not [sql for sql in read if "basket_line" in sql and "SUM(" not in sql], "the lines were loaded"
    assert not [sql for sql in read if "voucher_voucher" in sql or '"offer_' in sql], "the basket was priced"


def test_signing_in_with_a_guest_basket_counts_both(client, buyer):
    first, second = buyable_products(2)
    client.force_login(buyer)
    add_to_basket(client, first)
    client.logout()
    add_to_basket(client, second, quantity=2)  # a guest basket, in the cookie
    client.force_login(buyer)
    assert badge(client) == 3
    assert badge(client, reverse("basket:summary")) == 3
