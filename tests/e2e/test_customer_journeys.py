"""Customers in a real browser (Chromium on a phone-sized screen): search without diacritics, filter by
OCOP stars, buy from two producers as a guest with a Vietnamese address and pay by VietQR transfer; and a
guest paying by card through the Stripe flow."""

import re

import pytest
from django.conf import settings
from oscar.core.loading import get_model
from playwright.sync_api import expect

from cms.demo import loader
from payments.models import Payment
from tests.e2e.checkout_steps import CAM_DUONG, LAO_CAI, add_to_basket_here, check_out_as_guest, product_card, search
from tests.e2e.conftest import PHONE, log_in, save_screenshot
from tests.payments.stripe_helpers import event_payload, signature

pytestmark = pytest.mark.django_db(transaction=True)

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")

TEA = "Chè Shan tuyết Suối Giàng hộp 200g"  # ★5, Hợp tác xã Chè Shan tuyết Suối Giàng
CINNAMON = "Quế ống Bảo Yên loại 1 túi 500g"  # ★4, another producer (Bảo Yên)


def test_phone_guest_searches_without_diacritics_filters_by_stars_and_pays_by_vietqr(new_page):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto("/")

    search(page, "che shan tuyet")
    expect(product_card(page, TEA)).to_be_visible()
    # Filter by stars: the facet list is folded on a phone; open it and pick ★5.
    page.locator("details.facets > summary").click()
    five = page.locator("section[data-facet=stars] a[data-value='5']")
    expect(five).to_be_visible()
    five.click()
    expect(page).to_have_url(re.compile(r"stars=5"))
    expect(page.locator("section[data-facet=stars] a[data-value='5']")).to_have_attribute("aria-current", "true")
    cards = page.locator(".product-card__title a")
    expect(product_card(page, TEA)).to_be_visible()
    shown = cards.all_inner_texts()
    assert shown, "no product after filtering by ★5"
    assert all(p.ocop_stars == 5 for p in Product.objects.filter(title__in=shown)), shown
    assert set(Product.objects.filter(title__in=shown).values_list("title", flat=True)) == set(shown)

    product_card(page, TEA).click()
    expect(page.locator("h1")).to_contain_text(TEA)
    add_to_basket_here(page)

    search(page, "que bao yen")
    product_card(page, CINNAMON).click()
    expect(page.locator("h1")).to_contain_text(CINNAMON)
    add_to_basket_here(page)

    tea, cinnamon = Product.objects.get(title=TEA), Product.objects.get(title=CINNAMON)
    assert tea.stockrecords.get().partner_id != cinnamon.stockrecords.get().partner_id

    email = "khach.dien.thoai@example.vn"
    check_out_as_guest(page, email, "vietqr")

    expect(page).to_have_url(re.compile(r"/checkout/thank-you/"))
    qr = page.locator(".vietqr-code svg")
    expect(qr).to_be_visible()
    assert qr.bounding_box()["width"] > 100  # big enough to scan from the screen
    order = Order.objects.get(guest_email=email)
    expect(page.locator("body")).to_contain_text(order.number)
    assert {line.product_id for line in order.lines.all()} == {tea.pk, cinnamon.pk}
    assert len({line.partner_id for line in order.lines.all()}) == 2
    address = order.shipping_address
    assert address.province_code == 15 and address.phone_number.as_e164 == "+84912345678"
    payment = Payment.objects.get(order=order)
    assert payment.method == "vietqr" and payment.status == Payment.Status.PENDING
    assert payment.amount == int(order.total_incl_tax)
    reference = page.locator(".transfer-reference").inner_text().strip()
    assert reference == payment.provider_reference  # what the bank statement import matches
    save_screenshot(page, "phone-search-filter-vietqr")


# A stand-in for https://js.stripe.com/v3/ with just what stripe-card.js calls: Stripe(key),
# .elements().create("card").mount/on, and .confirmCardPayment(secret, data), which resolves as Stripe.js
# does when the card is accepted ({paymentIntent: {id, status: "succeeded"}}). It records its calls.
STRIPE_JS_STAND_IN = """
(function () {
  // Kept in sessionStorage: the page navigates away as soon as the payment is confirmed.
  function record(call) {
    var calls = JSON.parse(sessionStorage.getItem("stripeCalls") || "[]");
    calls.push(call);
    sessionStorage.setItem("stripeCalls", JSON.stringify(calls));
  }
  window.Stripe = function (publishableKey) {
    record(["Stripe", publishableKey]);
    return {
      elements: function (options) {
        return {create: function (type, options) {
          var handlers = {};
          return {
            mount: function (selector) {
              var box = document.querySelector(selector);
              box.innerHTML = '<input name="cardnumber" aria-label="Số thẻ" inputmode="numeric" autocomplete="cc-number">';
              record(["mount", selector]);
              setTimeout(function () { (handlers.ready || function () {})(); }, 0);
            },
            on: function (event, handler) { handlers[event] = handler; }
          };
        }};
      },
      confirmCardPayment: function (clientSecret, data) {
        record(["confirmCardPayment", clientSecret, data.return_url]);
        var id = clientSecret.split("_secret_")[0];
        return Promise.resolve({paymentIntent: {id: id, object: "payment_intent", status: "succeeded"}});
      }
    };
  };
})();
"""


def test_guest_pays_by_card_through_the_stripe_flow(new_page, site):
    """What is real: the browser, the pages, checkout, the PaymentIntent created by our server against
    stripe-mock, the card page with its client secret and stripe-card.js, the return page, the signed
    webhook request (HTTP to the live server, HMAC-SHA256 with settings.STRIPE_WEBHOOK_SECRET exactly as
    Stripe signs) and the order page the customer reloads.

    What is stood in for: Stripe.js. js.stripe.com cannot be reached on this closed network, so
    ``page.route`` serves a small script implementing the calls stripe-card.js makes; its
    ``confirmCardPayment`` resolves as Stripe.js does on success without contacting Stripe (the browser
    cannot confirm against stripe-mock either). Stripe's own part — charging the card and sending the
    ``payment_intent.succeeded`` event — is played by the test posting that signed event."""
    page = new_page()
    page.route(
        "https://js.stripe.com/v3/**",
        lambda route: route.fulfill(status=200, content_type="application/javascript", body=STRIPE_JS_STAND_IN),
    )

    page.goto(Product.objects.get(title=CINNAMON).get_absolute_url())
    add_to_basket_here(page)
    email = "khach.the@example.vn"
    check_out_as_guest(page, email, "stripe", name="Lê Văn Minh", phone="0987 654 321")

    order = Order.objects.get(guest_email=email)
    payment = Payment.objects.get(order=order)
    assert payment.method == "stripe" and payment.status == Payment.Status.PENDING
    assert payment.provider_reference.startswith("pi_")
    expect(page).to_have_url(re.compile(rf"/thanh-toan/the/{order.number}/$"))
    form = page.locator("form#stripe-card-form")
    form_secret = form.get_attribute("data-client-secret")
    pay = form.locator("button[type=submit]")
    expect(pay).to_be_enabled()  # the card element reported "ready"
    form.locator("input[name=cardnumber]").fill("4242 4242 4242 4242")
    pay.click()

    # Stripe.js sends the customer to the return page, which never marks anything paid by itself.
    expect(page).to_have_url(re.compile(rf"/thanh-toan/the/{order.number}/ket-qua/"))
    expect(page.locator(".alert-info")).to_be_visible()
    calls = page.evaluate("JSON.parse(sessionStorage.getItem('stripeCalls') || '[]')")
    secret = form_secret  # the PaymentIntent's client secret our server got from the Stripe API
    assert secret and "_secret_" in secret
    assert calls[0] == ["Stripe", settings.STRIPE_PUBLISHABLE_KEY]
    assert calls[-1][:2] == ["confirmCardPayment", secret] and calls[-1][2] == page.url
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING

    payload = event_payload("payment_intent.succeeded", payment.provider_reference, payment.amount)
    answer = page.request.post(
        f"{site}/thanh-toan/stripe/webhook/",
        data=payload,
        headers={"Content-Type": "application/json", "Stripe-Signature": signature(payload)},
    )
    assert answer.status == 200 and answer.json()["outcome"] == "paid", answer.text()
    assert settings.STRIPE_WEBHOOK_SECRET  # the event was signed with the site's secret

    page.get_by_role("link", name="Xem đơn hàng").click()
    expect(page).to_have_url(re.compile(rf"/don-hang/tra-cuu/{order.number}/"))
    expect(page.locator(".payment-status-paid")).to_be_visible()
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID
    assert order.sources.get().amount_debited == order.total_incl_tax
    save_screenshot(page, "card-payment-stripe")


def test_a_province_chosen_before_the_script_has_loaded_still_gets_its_communes(new_page):
    """On a slow connection the buyer chooses the province while address-wards.js is still downloading:
    the change event fires before the script listens. The script, once it runs, fetches the communes of
    the province now chosen instead of leaving those the server rendered for no province."""
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    log_in(page, loader.PRODUCER_EMAIL, loader.PRODUCER_PASSWORD)
    held = []
    page.route(
        "**/address-wards.js", lambda route: held.append(route)
    )  # the script's download, held back until released

    page.goto("/accounts/addresses/add/", wait_until="commit")
    form = page.locator("form.vietnamese-address")
    form.locator("select[name=province_code]").select_option(LAO_CAI)
    expect(form.locator("select[name=ward_code] option", has_text=CAM_DUONG)).to_have_count(0)
    assert len(held) == 1, "the page did not ask for address-wards.js"
    held[0].fallback()  # the download completes

    ward = form.locator("select[name=ward_code]")
    expect(ward.locator("option", has_text=CAM_DUONG)).to_have_count(1)
    expect(ward).to_be_enabled()
    expect(form.locator("[data-ward-refresh]")).to_be_hidden()
