"""Steps a buyer takes in the browser, shared by the journeys: search, add to basket, check out as a guest."""

import re

from playwright.sync_api import expect

LAO_CAI = "15"
CAM_DUONG = "Phường Cam Đường"


def search(page, words):
    """Type into the header's search box and press Enter, as a person does."""
    box = page.locator("input[name=q]:visible").first
    box.fill(words)
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q="))


def product_card(page, title):
    return page.locator(".product-card__title a", has_text=title)


def add_to_basket_here(page):
    """On a product page: press "add to basket" and wait for the confirmation."""
    product_url = page.url
    page.locator("form#add_to_basket_form button[type=submit]").click()
    expect(page.locator(".alert-success").first).to_be_visible()
    return product_url


def check_out_as_guest(
    page,
    email,
    method,
    *,
    name="Nguyễn Thị Thu",
    phone="0912 345 678",
    street="Số 12 đường Hoàng Liên",
    prefix="",
    at_step=lambda step: None,
):
    """From the basket to the placed order: guest email, Vietnamese address (province → commune), the
    shipping method, the payment method and "place order". Returns the page after placing.

    ``prefix`` is the language's ("" or "/en"); ``at_step(name)`` is called on each page as it opens — "basket",
    "gateway", "shipping-address", "shipping-method", "payment-method", "preview" — for journeys
    that look at every step (width, screenshots)."""
    page.goto(prefix + "/basket/")
    at_step("basket")
    page.locator("a[href$='/checkout/']").last.click()
    expect(page).to_have_url(re.compile(r"/checkout/$"))
    at_step("gateway")
    gateway = page.locator("form:has([name=username])")
    gateway.locator("[name=username]").fill(email)
    gateway.locator("input[name=options][value=anonymous]").check()
    gateway.locator("[name=personal_data_consent]").check()
    gateway.locator("button[type=submit]").first.click()

    expect(page).to_have_url(re.compile(r"/checkout/shipping-address/"))
    at_step("shipping-address")
    form = page.locator("form#new_shipping_address")
    form.locator("[name=first_name]").fill(name)
    form.locator("[name=phone_number]").fill(phone)
    form.locator("select[name=province_code]").select_option(LAO_CAI)
    # The commune list is fetched for the province (address-wards.js): wait for it, then choose.
    ward = form.locator("select[name=ward_code]")
    expect(ward.locator("option", has_text=CAM_DUONG)).to_have_count(1)
    expect(ward).to_be_enabled()
    ward.select_option(label=CAM_DUONG)
    expect(form.locator("[data-ward-refresh]")).to_be_hidden()  # the script replaced the no-JS button
    form.locator("[name=line1]").fill(street)
    # The hidden Enter-key twin is aria-hidden: only the visible button has this name.
    form.get_by_role("button", name=re.compile(r"^(Tiếp tục|Continue)$")).click()

    expect(page).to_have_url(re.compile(r"/checkout/(shipping-method|payment-method)/"))
    if "/shipping-method/" in page.url:
        at_step("shipping-method")
        page.locator("form[action$='/checkout/shipping-method/'] button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/checkout/payment-method/"))
    at_step("payment-method")
    page.locator(f"input[name=method][value={method}]").check()
    page.locator("#choose-payment-method").click()

    expect(page).to_have_url(re.compile(r"/checkout/preview/"))
    at_step("preview")
    page.locator("#place-order").click()
    return page
