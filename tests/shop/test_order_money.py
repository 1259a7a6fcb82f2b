"""VND with no decimals in what a customer keeps: the order and its confirmation email."""

import re

import pytest
from oscar.core.loading import get_class, get_model
from oscar.test.factories import create_order

from tests.conftest import VND_AMOUNT

pytestmark = pytest.mark.django_db
Basket = get_model("basket", "Basket")
Product = get_model("catalogue", "Product")
CommunicationEventType = get_model("communication", "CommunicationEventType")
Selector = get_class("partner.strategy", "Selector")


def test_order_confirmation_email_shows_vnd_amounts_without_decimals(customer):
    product = Product.objects.get(upc="LC-002")
    basket = Basket.objects.create(owner=customer)
    basket.strategy = Selector().strategy()
    basket.add_product(product, quantity=3)
    order = create_order(basket=basket, user=customer)

    assert order.currency == "VND"
    unit_price = int(product.stockrecords.get().price)
    expected_total = f"{unit_price * 3:,}".replace(",", ".") + "\u00a0₫"

    messages = CommunicationEventType.objects.get_and_render(
        "ORDER_PLACED", {"order": order, "lines": order.lines.all()}
    )
    for part in ("body", "html"):
        text = messages[part]
        assert expected_total in text, part
        assert VND_AMOUNT.search(text)
        assert not re.search(r"₫\s?\d|\d[.,]00\b", text), f"no decimals, symbol after ({part})"
