"""Issue 17: the back offices load everything from our own origin and work under their CSP.

A superuser opens the Oscar dashboard (index, products, a product's edit page, orders, an OCOP page)
and the Wagtail admin (home, the home page's editor with its preview panel, an article's rich-text
editor, the images and their upload page) in Chromium. Every request the pages make is recorded: one to
any host but the live server fails the test (conftest's route aborts it anyway, so a remote asset would
also break the page offline), and so does any Content-Security-Policy violation or script error."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from oscar.core.loading import get_model
from playwright.sync_api import expect

from cms.demo import loader
from cms.models import ArticlePage, HomePage
from tests.e2e.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)

Product = get_model("catalogue", "Product")

# Reports CSP violations to the console, where the test collects them (in every frame: the preview too).
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


class Recorder:
    def __init__(self, page, host):
        self.host, self.remote, self.violations, self.errors = host, [], [], []
        page.add_init_script(REPORT_VIOLATIONS)
        page.on("request", self._request)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))

    def _request(self, request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != self.host:
            self.remote.append(request.url)

    def _console(self, message):
        text = message.text
        if "Content Security Policy" in text or "CSP violation" in text:
            self.violations.append(text)

    def assert_clean(self, where):
        assert self.remote == [], (where, self.remote)
        assert self.violations == [], (where, self.violations)
        assert self.errors == [], (where, self.errors)


def visit(page, recorder, url, ready):
    response = page.goto(url)
    assert response.status == 200, (url, response.status)
    assert "default-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator(ready).first).to_be_visible()
    page.wait_for_load_state("networkidle")
    recorder.assert_clean(url)


def test_the_back_offices_load_nothing_from_other_hosts_and_break_no_rule_of_their_csp(new_page, site):
    page = new_page()
    recorder = Recorder(page, urlsplit(site).netloc)
    log_in(page, loader.STAFF_EMAIL, loader.STAFF_PASSWORD, reverse("dashboard:index"))
    recorder.assert_clean("login")

    product = Product.objects.filter(structure__in=["standalone", "parent"]).first()
    for url, ready in (
        (reverse("dashboard:index"), "#navbarSupportedContent, .navbar"),
        (reverse("dashboard:catalogue-product-list"), "table"),
        (reverse("dashboard:catalogue-product", kwargs={"pk": product.pk}), "form#product_form, form"),
        (reverse("dashboard:order-list"), "form"),
        (reverse("dashboard:ocop-review-queue"), "h1"),
    ):
        visit(page, recorder, url, ready)
    # jQuery (served by us) ran the dashboard's initialisers: the product form's tabs work.
    assert page.evaluate("typeof window.jQuery") == "function"

    home = HomePage.objects.get(locale__language_code="vi")
    visit(page, recorder, reverse("wagtailadmin_home"), "main")
    visit(page, recorder, reverse("wagtailadmin_pages:edit", args=[home.pk]), "form#page-edit-form")
    page.locator("[data-side-panel-toggle=preview]").click()
    # The preview (the storefront page, framed by the admin) renders: before issue 17 it carried the
    # storefront's frame-ancestors 'none' and Chromium refused to frame it.
    preview = page.frame_locator("iframe[data-w-preview-target=iframe]").first
    expect(preview.locator("a.skip-link")).to_have_count(1)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)  # the preview reloads after its first render
    recorder.assert_clean("preview panel")

    article = ArticlePage.objects.filter(locale__language_code="vi").first()
    visit(page, recorder, reverse("wagtailadmin_pages:edit", args=[article.pk]), ".Draftail-Editor")
    expect(page.frame_locator("iframe[data-w-preview-target=iframe]").first.locator("a.skip-link")).to_have_count(1)
    page.locator(".Draftail-Editor [contenteditable=true]").first.click()
    page.keyboard.type(" Thêm một câu.")
    recorder.assert_clean("rich-text editor")

    visit(page, recorder, reverse("wagtailimages:index"), "main")
    visit(page, recorder, reverse("wagtailimages:add_multiple"), "form")
