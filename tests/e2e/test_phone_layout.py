"""The site on a 360 px phone (Chromium): no page wider than the screen along the journeys, in Vietnamese and
English; the product page's price, stars, OCOP mark and "add to basket" in the first screen, with a buy bar once
the form has scrolled away; the header's categories scrolling under a fading edge with the site's pages and the
order lookup in sight; the checkout under the site's header with the basket's running total; the back office
with our brand and one menu button."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model
from playwright.sync_api import expect

from tests.e2e.checkout_steps import CAM_DUONG, LAO_CAI, add_to_basket_here, check_out_as_guest
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
ProductReview = get_model("reviews", "ProductReview")
WishList = get_model("wishlists", "WishList")
User = get_user_model()

PHONE_360 = {"width": 360, "height": 640}
TEA = "Chè Shan tuyết Suối Giàng hộp 200g"  # ★5
CUSTOMER = ("khachhang@ocop.example.vn", "ocop-customer-2026")
PRODUCER = ("nhasanxuat@ocop.example.vn", "ocop-producer-2026")
ADMIN = ("admin@ocop.example.vn", "ocop-admin-2026")
VND = re.compile(r"\d{1,3}(?:\.\d{3})*\u00a0₫")
WIDTH = "document.documentElement.scrollWidth"
# Parts of a page laid out only near the screen (content-visibility: auto, the home page's lower shelves) are laid
# out before a page is measured or captured whole: else their content is neither measured nor in the picture.
LAY_OUT_EVERYTHING = """() => {
    for (const el of document.querySelectorAll('body *')) {
        if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
    }
}"""
# What sticks out, for the failure message: the elements whose right edge passes the screen's, leaving out those
# inside a box that scrolls sideways (the header's categories run on under their fading edge by design), and the
# elements whose own content runs past them (a word too long for its box is not an element of its own).
WIDE_ELEMENTS = """() => {
    const screen = document.documentElement.clientWidth;
    const scrolled = el => {
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
            if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(up).overflowX)) return true;
        }
        return false;
    };
    return Array.from(document.querySelectorAll('body *')).filter(el => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && !scrolled(el)
            && (box.right > screen + 1
                || (getComputedStyle(el).overflowX === 'visible' && box.left + el.scrollWidth > screen + 1));
    }).slice(0, 5).map(el => el.tagName.toLowerCase() + '.' + String(el.className).split(' ').join('.'));
}"""


def phone(new_page, **options):
    return new_page(viewport=PHONE_360, is_mobile=True, has_touch=True, **options)


class Widths:
    """Every page opened is measured; the test fails once, at its end, listing each page wider than the screen."""

    def __init__(self, page, prefix):
        self.page, self.prefix, self.too_wide, self.seen = page, prefix, [], []

    def measure(self):
        # As the buyer sees it: once the page has loaded (a step reached by a click is measured as soon as its
        # address changes, before its stylesheets and pictures are in) and its fonts are drawn.
        self.page.wait_for_load_state("load")
        self.page.evaluate("document.fonts.ready.then(() => true)")
        self.page.evaluate(LAY_OUT_EVERYTHING)
        width = self.page.evaluate(WIDTH)
        self.seen.append(self.page.url)
        if width > PHONE_360["width"]:
            self.too_wide.append((self.page.url, width, self.page.evaluate(WIDE_ELEMENTS)))

    def open(self, path):
        response = self.page.goto(self.prefix + path)
        assert response.status == 200, (path, response.status)
        self.measure()


def _check_out_as_guest_measuring(widths, email):
    """The guest checkout as check_out_as_guest walks it, measuring every step; returns the thank-you page's order."""
    page = check_out_as_guest(widths.page, email, "cod", prefix=widths.prefix, at_step=lambda step: widths.measure())
    expect(page).to_have_url(re.compile(r"/checkout/thank-you/"))
    widths.measure()
    return Order.objects.get(guest_email=email)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_page_of_the_journeys_is_wider_than_a_360_px_phone(new_page, language):
    prefix = "" if language == "vi" else "/en"
    tea = Product.objects.get(title=TEA)
    with translation.override(language):
        tea_url = tea.get_absolute_url()
        category_url = tea.get_categories().first().get_absolute_url()
    tea_url, category_url = tea_url.removeprefix("/en"), category_url.removeprefix("/en")

    # A guest: the shop, the content pages, a purchase through every checkout step, the order lookup.
    guest = phone(new_page)
    widths = Widths(guest, prefix)
    for path in ("/", "/catalogue/", category_url, "/search/?q=che", "/tin-tuc/"):
        widths.open(path)
    article = guest.locator("main a[href*='/tin-tuc/']").first.get_attribute("href")
    for path in (article.removeprefix(prefix), "/tuan-le-ocop-lao-cai/", "/cau-chuyen-1/", tea_url):
        widths.open(path)  # a news article, the campaign, a producer's story, a product
    add_to_basket_here(guest)
    email = f"khach.360.{language}@example.vn"
    order = _check_out_as_guest_measuring(widths, email)
    widths.open("/don-hang/tra-cuu/")
    guest.locator("form.order-lookup [name=number]").fill(order.number)
    guest.locator("form.order-lookup [name=email]").fill(email)
    guest.locator("form.order-lookup button[type=submit]").click()
    expect(guest).to_have_url(re.compile(rf"/don-hang/tra-cuu/{order.number}/"))
    widths.measure()

    # A customer's account: profile, order history, an order, the wish lists and one list.
    customer = phone(new_page)
    log_in(customer, *CUSTOMER)
    owner = User.objects.get(email=CUSTOMER[0])
    wishlist = WishList.objects.create(owner=owner, name="Quà Tết cho gia đình")
    wishlist.add(tea)
    placed = Order.objects.filter(user=owner).order_by("number").first()
    account = Widths(customer, prefix)
    for path in (
        "/accounts/profile/",
        "/accounts/orders/",
        f"/accounts/orders/{placed.number}/",
        "/accounts/wishlists/",
        f"/accounts/wishlists/{wishlist.key}/",
        "/accounts/addresses/",
    ):
        account.open(path)

    # The producers' portal and the back office's index for staff.
    producer = phone(new_page)
    log_in(producer, *PRODUCER)
    portal = Widths(producer, prefix)
    for name in ("portal-home", "portal-orders", "portal-products", "portal-stock-prices", "portal-sales"):
        portal.open(reverse(f"dashboard:{name}"))
    portal.open(reverse("dashboard:portal-orders"))
    portal.open(
        producer.locator("a[href*='/dashboard/portal/orders/OCOP']").first.get_attribute("href").removeprefix(prefix)
    )
    for name in ("portal-settlements", "portal-team"):
        portal.open(reverse(f"dashboard:{name}"))
    staff = phone(new_page)
    log_in(staff, *ADMIN)
    back_office = Widths(staff, prefix)
    back_office.open("/dashboard/")

    everyone = (widths, account, portal, back_office)
    assert sum(len(w.seen) for w in everyone) >= 28
    assert [wide for w in everyone for wide in w.too_wide] == []


def _box(locator):
    expect(locator).to_be_visible()
    return locator.bounding_box()


def test_the_product_page_shows_price_stars_mark_and_buy_button_in_the_first_screen_of_a_phone(new_page):
    tea = Product.objects.get(title=TEA)
    buyer = User.objects.get(email=CUSTOMER[0])
    ProductReview.objects.create(
        product=tea, user=buyer, title="Thơm", score=5, body="Nước xanh, thơm lâu.", status=ProductReview.APPROVED
    )
    page = phone(new_page)
    page.goto(tea.get_absolute_url())
    main = page.locator(".product_main")
    first_screen = {
        "price": main.locator(".price_color").first,
        "customer stars": main.locator(".star-rating"),
        "OCOP mark": main.locator(".ocop-mark"),
        "add to basket": page.locator("#add_to_basket_form button[type=submit]"),
    }
    for what, locator in first_screen.items():
        box = _box(locator)
        assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE_360["height"], (what, box)
    expect(main.locator(".ocop-mark__stars")).to_have_text("★★★★★")
    # The buy bar stays away while the form is in sight, and appears at the bottom once it has scrolled away.
    bar = page.locator("[data-buy-bar]")
    expect(bar).to_be_hidden()
    page.locator(".ocop-disclosure").scroll_into_view_if_needed()
    page.mouse.wheel(0, 1500)
    expect(bar).to_be_visible()
    shown = VND.search(main.locator(".price_color").first.inner_text()).group(0)
    expect(bar.locator(".buy-bar__price")).to_have_text(shown)  # the page's price, a campaign's when one applies
    box = bar.bounding_box()
    assert abs(box["y"] + box["height"] - PHONE_360["height"]) <= 1, box
    bar.locator("button").click()
    expect(page.locator(".alert-success").first).to_be_visible()
    assert page.locator("[data-basket-count]").inner_text().strip() == "1"


def test_without_script_the_product_page_keeps_its_form_and_no_buy_bar(new_page):
    page = phone(new_page, java_script_enabled=False)
    page.goto(Product.objects.get(title=TEA).get_absolute_url())
    expect(page.locator("[data-buy-bar]")).to_be_hidden()
    page.locator("#add_to_basket_form button[type=submit]").click()
    expect(page.locator(".alert-success").first).to_be_visible()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_product_facts_follow_the_certificate_without_oscars_tax_table(new_page, prefix):
    tea = Product.objects.get(title=TEA)
    page = phone(new_page)
    page.goto(prefix + tea.get_absolute_url().removeprefix("/en"))
    disclosure = page.locator(".ocop-disclosure")
    # The facts come right after the certificate: its list, then the facts' heading and list.
    order = disclosure.evaluate("el => Array.from(el.children).map(child => child.className)")
    assert order.index("product-facts") == order.index("ocop-disclosure__certificate") + 2, order
    producer = tea.producer.name_en if prefix else tea.producer.name  # the English page names it in English
    expect(disclosure.locator("dl.product-facts")).to_contain_text(producer)
    # Its links (the province in "Xã …, Lào Cai") are told from the text by more than colour
    # (Lighthouse's link-in-text-block: accessibility 97 on the product page before).
    links = disclosure.locator("dl.product-facts dd a")
    assert links.count() >= 1
    for index in range(links.count()):
        assert "underline" in links.nth(index).evaluate("a => getComputedStyle(a).textDecorationLine")
    expect(page.locator(".product_page table")).to_have_count(0)
    body = page.locator("main").inner_text()
    for oscar_row in ("UPC", "Giá (chưa thuế)", "Thuế", "Price (excl. tax)", "Tax"):
        assert not re.search(rf"\b{re.escape(oscar_row)}\b", body), oscar_row


def test_the_header_on_a_phone_scrolls_its_categories_under_a_fade_and_keeps_the_pages_in_sight(new_page):
    page = phone(new_page)
    page.goto("/")
    strip = page.locator(".site-nav")
    assert strip.evaluate("el => el.scrollWidth > el.clientWidth")  # more categories than the screen holds…
    assert "gradient" in strip.evaluate("el => getComputedStyle(el).webkitMaskImage || getComputedStyle(el).maskImage")
    assert page.evaluate(WIDTH) <= PHONE_360["width"]  # …scrolling inside the strip, not the page
    links = page.locator(".site-links")
    for name in ("Tin tức", "Giới thiệu", "Liên hệ", "Tra cứu đơn hàng"):
        box = _box(links.get_by_role("link", name=name, exact=True))
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE_360["width"], (name, box)
    links.get_by_role("link", name="Tra cứu đơn hàng").click()
    expect(page).to_have_url(re.compile(r"/don-hang/tra-cuu/$"))
    expect(page.locator("form.order-lookup")).to_be_visible()


def _checkout_steps_on_one_line(page, active):
    """Oscar's five checkout steps take one line of a phone, the current one named (they took five rows, ~200 px,
    above the form)."""
    steps = _box(page.locator(".nav-checkout"))
    assert steps["height"] <= 64, steps
    current = page.locator(".nav-checkout .nav-item.active")
    expect(current).to_contain_text(active)
    assert _box(current)["width"] >= 120
    # The other steps show their number in a circle, nothing of their names cut off ("2. F 3. T" before).
    others = page.locator(".nav-checkout .nav-item:not(.active) :is(.nav-link, .navbar-text)")
    assert others.count() == 4
    for index in range(4):
        step = others.nth(index)
        shown = step.evaluate(
            "e => ({size: getComputedStyle(e).fontSize, number: getComputedStyle(e, '::before').content})"
        )
        assert shown["size"] == "0px" and re.match(r'^"[1-5]"', shown["number"]), shown
        assert _box(step)["width"] <= 32, _box(step)


def test_checkout_keeps_the_site_header_and_shows_the_running_total_on_every_step(new_page):
    page = phone(new_page)
    tea = Product.objects.get(title=TEA)
    page.goto(tea.get_absolute_url())
    add_to_basket_here(page)
    # The price the page shows (a campaign's when one lowers it), which the basket charges.
    price = VND.search(page.locator(".product_main .price_color").first.inner_text()).group(0)
    page.goto("/checkout/")
    summary = page.locator("[data-checkout-summary]")
    for step in ("/checkout/", "/checkout/shipping-address/"):
        if step != "/checkout/":
            gateway = page.locator("form:has([name=username])")
            gateway.locator("[name=username]").fill("khach.tong@example.vn")
            gateway.locator("input[name=options][value=anonymous]").check()
            gateway.locator("[name=personal_data_consent]").check()
            gateway.locator("button[type=submit]").first.click()
            expect(page).to_have_url(re.compile(step))
        expect(page.locator(".site-header .site-brand")).to_be_visible()
        expect(summary).to_contain_text("Tạm tính")
        expect(summary.locator("[data-checkout-total]")).to_have_text(price)
        expect(summary).to_contain_text("tính sau khi có địa chỉ")
    _checkout_steps_on_one_line(page, "Địa chỉ giao hàng")
    form = page.locator("form#new_shipping_address")
    form.locator("[name=first_name]").fill("Nguyễn Thị Thu")
    form.locator("[name=phone_number]").fill("0912 345 678")
    form.locator("select[name=province_code]").select_option(LAO_CAI)
    ward = form.locator("select[name=ward_code]")
    expect(ward.locator("option", has_text=CAM_DUONG)).to_have_count(1)
    ward.select_option(label=CAM_DUONG)
    form.locator("[name=line1]").fill("Số 12 đường Hoàng Liên")
    form.get_by_role("button", name="Tiếp tục", exact=True).click()
    expect(page).to_have_url(re.compile(r"/checkout/(shipping-method|payment-method)/"))
    if "/shipping-method/" in page.url:
        page.locator("form[action='/checkout/shipping-method/'] button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/checkout/payment-method/"))
    # The shipping cost is known now: the total is the goods plus shipping, as the preview will say.
    expect(page.locator(".site-header .site-brand")).to_be_visible()
    _checkout_steps_on_one_line(page, "Thanh toán")
    shipping = summary.locator("dd").nth(2).inner_text()
    assert VND.fullmatch(shipping.strip()), shipping

    def dong(text):
        return int(re.sub(r"\D", "", text))

    assert dong(summary.locator("[data-checkout-total]").inner_text()) == dong(price) + dong(shipping)


def test_the_back_office_on_a_phone_shows_our_brand_and_one_menu_button(new_page):
    page = phone(new_page)
    log_in(page, *ADMIN, next_url="/dashboard/")
    page.goto("/dashboard/")
    expect(page.locator(".dashboard-brand")).to_contain_text("OCOP Market")
    expect(page.locator(".navbar-toggler:visible")).to_have_count(1)
    assert "oscar/favicon" not in page.locator("link[rel~=icon]").first.get_attribute("href")
    page.locator(".navbar-toggler:visible").click()
    expect(page.locator("#bottom_nav_bar")).to_be_visible()
    assert page.evaluate(WIDTH) <= PHONE_360["width"]


# The lines a text takes: one box per line of each text node under the element.
TEXT_LINES = """el => {
    const range = document.createRange();
    const tops = new Set();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        range.selectNodeContents(walker.currentNode);
        for (const box of range.getClientRects()) if (box.width > 0) tops.add(Math.round(box.top));
    }
    return tops.size;
}"""


def test_the_back_office_index_chart_and_figures_read_on_a_phone(new_page):
    """The 24-hour chart's amounts each on one line (not "700.000" over "₫"), its hours' labels apart from one another,
    and the figure tables' amounts on one line."""
    from datetime import timedelta

    from django.utils import timezone

    for hours_ago, order in zip((2, 9), Order.objects.order_by("pk")[:2]):  # the chart draws the last 24 hours
        Order.objects.filter(pk=order.pk).update(date_placed=timezone.now() - timedelta(hours=hours_ago))
    page = phone(new_page)
    log_in(page, *ADMIN, next_url="/dashboard/")
    page.goto("/dashboard/")
    axis = page.locator("#order_graph .bar-y-axis li span")
    assert axis.count() > 0
    assert [axis.nth(i).evaluate(TEXT_LINES) for i in range(axis.count())] == [1] * axis.count()
    shown = (em.bounding_box() for em in page.locator("#order_graph .bar-chart dd em").all())
    hours = [box for box in shown if box and box["width"]]  # the hidden ones have no box
    assert len(hours) >= 4
    hours.sort(key=lambda box: box["x"])
    assert all(left["x"] + left["width"] <= right["x"] for left, right in zip(hours, hours[1:])), hours
    amounts = page.locator("body.home .table td", has_text="₫")
    assert amounts.count() >= 2
    assert [amounts.nth(i).evaluate(TEXT_LINES) for i in range(amounts.count())] == [1] * amounts.count()
