"""The product page's quantity stepper and "copy link" in a phone's Chromium (site.js): the buttons step the
quantity within 1 and the stock left, and the link lands on the clipboard."""

import pytest
from oscar.core.loading import get_model
from playwright.sync_api import expect

from catalogue import listing
from tests.e2e.conftest import PHONE

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]
StockRecord = get_model("partner", "StockRecord")


def _product_with_three_left():
    product = listing.for_sale().filter(stockrecords__num_in_stock__gte=3).order_by("pk").first()
    StockRecord.objects.filter(product=product).update(num_in_stock=3, num_allocated=0)
    return product


def test_the_stepper_steps_within_one_and_the_stock(new_page):
    product = _product_with_three_left()
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(product.get_absolute_url())
    quantity = page.locator("#add_to_basket_form .quantity-stepper__input")
    less = page.locator("#add_to_basket_form .quantity-stepper__button[data-step='-1']")
    more = page.locator("#add_to_basket_form .quantity-stepper__button[data-step='1']")
    expect(quantity).to_have_value("1")
    expect(less).to_be_disabled()
    more.click()
    more.click()
    expect(quantity).to_have_value("3")
    expect(more).to_be_disabled()  # three left
    less.click()
    expect(quantity).to_have_value("2")
    quantity.fill("9")
    quantity.dispatch_event("change")
    expect(quantity).to_have_value("3")


def test_copy_link_puts_the_page_address_on_the_clipboard(new_page, site):
    product = _product_with_three_left()
    page = new_page(viewport=PHONE, permissions=["clipboard-read", "clipboard-write"])
    page.goto(product.get_absolute_url())
    page.get_by_role("button", name="Sao chép liên kết").click()
    expect(page.locator(".share__status")).to_have_text("Đã sao chép liên kết.")
    assert page.evaluate("navigator.clipboard.readText()") == site + product.get_absolute_url()
