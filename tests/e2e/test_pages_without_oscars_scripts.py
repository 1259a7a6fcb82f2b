"""The home page, Wagtail's pages and the listings load none of Oscar's scripts (jQuery, Bootstrap's, ui.js:
layouts/site.html, block oscar_scripts), and what their visitors use still works from site.js in a phone's
Chromium: "add to basket" sends once and says it is adding, a message closes, a new sort order applies at once.
The pages with Oscar's widgets still load them, and still work (the review form's stars)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from oscar.core.loading import get_model
from playwright.sync_api import expect

from catalogue import listing
from shop.core import order_statuses as statuses
from tests.e2e.conftest import PHONE, log_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

ADD = "form[action*='/basket/add/'] button[type=submit]"


def _scripts(page):
    return page.evaluate("Array.from(document.scripts, script => script.src.split('/').pop().split('.')[0])")


@pytest.mark.parametrize("path", ["/", "/catalogue/", "/search/?q=che", "/tin-tuc/"])
def test_pages_without_oscars_widgets_load_none_of_its_scripts(new_page, path):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(path)
    assert _scripts(page) == ["suggest", "site"]
    assert page.evaluate("typeof window.jQuery") == "undefined"


def test_the_product_page_and_the_basket_still_load_oscars_scripts(new_page):
    page = new_page(viewport=PHONE)
    page.goto(listing.for_sale().order_by("pk").first().get_absolute_url())
    page.locator("form#add_to_basket_form button[type=submit]").click()
    expect(page.locator(".alert-success").first).to_be_visible()
    page.goto("/basket/")
    assert {"jquery", "bootstrap", "ui"} <= set(_scripts(page))
    assert page.evaluate("typeof window.jQuery.fn.alert") == "function"


def test_add_to_basket_on_the_home_page_sends_once_says_it_is_adding_and_its_message_closes(new_page):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto("/")
    sent = []
    page.on("request", lambda request: sent.append(request.url) if "/basket/add/" in request.url else None)
    button = page.locator(ADD).first
    button.scroll_into_view_if_needed()
    loading_text = button.get_attribute("data-loading-text")
    # What the button becomes is kept where the next page can read it (the tab's session storage), and a second
    # tap follows the first after 30 ms, as a thumb's double tap would.
    with page.expect_navigation():
        button.evaluate(
            """button => {
                new MutationObserver(() => sessionStorage.setItem("adding",
                    JSON.stringify([button.disabled, button.textContent]))).observe(button, {attributes: true});
                button.click();
                setTimeout(() => button.click(), 30);
            }"""
        )
    message = page.locator("#messages .alert-success").first
    expect(message).to_be_visible()
    assert page.evaluate("JSON.parse(sessionStorage.getItem('adding'))") == [True, loading_text]
    assert len(sent) == 1
    assert page.evaluate("typeof window.jQuery") == "undefined"  # back on a page without Oscar's scripts
    message.locator("[data-dismiss=alert]").click()
    expect(page.locator("#messages .alert-success")).to_have_count(0)


def test_a_new_sort_order_applies_at_once(new_page):
    page = new_page(viewport=PHONE)
    page.goto("/catalogue/")
    select = page.locator("#id_sort_by")
    values = [value for value in select.locator("option").evaluate_all("os => os.map(o => o.value)") if value]
    choice = values[-1]
    with page.expect_navigation():
        select.select_option(choice)
    assert f"sort_by={choice}" in page.url
    expect(page.locator("#id_sort_by")).to_have_value(choice)


def test_the_review_forms_stars_set_the_score(new_page):
    """The review form's stars set its score list (oscar.forms.reviewRatingClick, bound by site.js since Oscar's
    oscar.init() is no longer called); Oscar's CSS hides the list where the trimmed stylesheet keeps that rule."""
    Line = get_model("order", "Line")
    buyer = get_user_model().objects.get(email="khachhang@ocop.example.vn")
    line = Line.objects.filter(order__user=buyer, product__is_public=True).exclude(status=statuses.LINE_CANCELLED)
    line = line.select_related("product").first()
    Line.objects.filter(pk=line.pk).update(status=statuses.LINE_DELIVERED)  # reviews open once the parcel arrived
    product = line.product

    page = new_page(viewport=PHONE)
    log_in(page, "khachhang@ocop.example.vn", "ocop-customer-2026")
    page.goto(reverse("catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk}))
    page.locator(".reviewrating .star-rating i").nth(3).click()
    expect(page.locator(".reviewrating select")).to_have_value("4")
    expect(page.locator(".reviewrating .star-rating")).to_have_class(re.compile(r"\bFour\b"))
    page.locator("#id_title").fill("Thơm, đóng gói cẩn thận")
    page.locator("#id_body").fill("Mua lần thứ hai, vẫn ngon như lần đầu.")
    page.locator(".reviewrating").locator("xpath=ancestor::form").locator("button[type=submit]").click()
    expect(page.locator(".alert-success").first).to_be_visible()
    assert get_model("reviews", "ProductReview").objects.get(product=product, user=buyer).score == 4


def test_back_to_a_kept_page_its_add_to_basket_buttons_work_again(new_page):
    """The back button to a page the browser kept (its back-forward cache: ``pageshow`` with ``persisted``) shows
    the button as it was before the tap — enabled, its own words — not "Đang thêm…" and disabled for good."""
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto("/")
    button = page.locator(ADD).first
    button.scroll_into_view_if_needed()
    idle_text = button.inner_text()
    # The form stays on this page (its sending is stopped), so the page is what the browser would have kept.
    page.evaluate("document.addEventListener('submit', event => event.preventDefault())")
    button.click()
    expect(button).to_be_disabled()
    expect(button).to_have_text(button.get_attribute("data-loading-text"))
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    expect(button).to_be_enabled()
    expect(button).to_have_text(idle_text)
    assert button.get_attribute("data-idle-text") is None
    # A page loaded afresh (not from the cache) is left alone: the handler acts only on a kept page.
    button.click()
    expect(button).to_be_disabled()
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: false}))")
    expect(button).to_be_disabled()
