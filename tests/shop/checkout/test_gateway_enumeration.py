"""Checkout's first step says nothing about which emails have accounts (issue 17, finding 11): Oscar answered
"A user with that email address already exists" to a guest or a new customer."""

import pytest
from django.urls import reverse

from cms.demo.orders import CUSTOMER_EMAIL
from tests.shop.checkout.journey import add_to_basket, buyable_products

pytestmark = pytest.mark.django_db


def _gateway(client, email, option):
    (product,) = buyable_products(1)
    add_to_basket(client, product, 1)
    return client.post(reverse("checkout:index"), {"username": email, "options": option, "personal_data_consent": "on"})


@pytest.mark.parametrize("option", ["anonymous", "new"])
def test_an_email_with_an_account_gets_the_same_answer_as_one_without(client, option):
    from django.test import Client

    with_account = _gateway(client, CUSTOMER_EMAIL, option)
    without = _gateway(Client(), "chua.co.tai.khoan@example.vn", option)

    assert with_account.status_code == without.status_code == 302
    assert with_account["Location"].split("?")[0] == without["Location"].split("?")[0]
    assert "already exists" not in with_account.content.decode() + without.content.decode()


def test_a_guest_with_an_accounts_email_checks_out_as_a_guest(client):
    response = _gateway(client, CUSTOMER_EMAIL, "anonymous")
    assert response["Location"] == reverse("checkout:shipping-address")
    assert client.session["checkout_data"]["guest"]["email"] == CUSTOMER_EMAIL
