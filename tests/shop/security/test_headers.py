"""Security headers: the storefront's Content-Security-Policy (shop/core/csp.py) with no inline script
to need 'unsafe-inline', the back offices' policy (our origin only) with pages that load nothing from
another host, nosniff and a referrer policy on every response, HSTS in production.

The crawl walks the pages a buyer goes through — home, category, product, search, basket, every
checkout step, the thank-you and card payment pages, campaign, news, article, the application to
sell, the order lookup, account pages — and fails on any executable inline <script>, any on…=
attribute or javascript: link, so a template that brings one back is caught."""

from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from cms.models import ArticlePage, CampaignPage, ContactPage, NewsIndexPage, ProducerStoryPage
from tests.shop.checkout.journey import add_to_basket, buyable_products, lao_cai_address, place_order

from .conftest import ADMIN, CUSTOMER

pytestmark = pytest.mark.django_db
Category = get_model("catalogue", "Category")
Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
# Script types a browser does not execute: data blocks.
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}


class InlineCode(HTMLParser):
    """Collects what the storefront CSP would block or what would need 'unsafe-inline'."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self._inline_script = [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            executable = (attrs.get("type") or "text/javascript").lower() not in DATA_SCRIPT_TYPES
            self._inline_script = executable and not attrs.get("src")

    def handle_endtag(self, tag):
        if tag == "script":
            self._inline_script = False

    def handle_data(self, data):
        if self._inline_script and data.strip():
            self.problems.append(f"<script>{data.strip()[:80]}</script>")


def _policy(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def assert_strict_storefront_page(response):
    assert response.status_code == 200, (response.status_code, response.get("Location"))
    policy = _policy(response)
    assert policy["script-src"][0] == "'self'" and "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["form-action"][0] == "'self'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    parser = InlineCode()
    parser.feed(response.content.decode())
    assert parser.problems == [], (response.wsgi_request.path, parser.problems)
    return policy


def _vi(cls):
    return cls.objects.filter(locale__language_code="vi").live().first()


def test_public_pages_have_the_policy_and_no_inline_code():
    client = Client()
    product = buyable_products(1)[0]
    category = Category.objects.filter(depth=1).first()
    pages = [
        "/",
        "/en/",
        category.get_absolute_url(),
        product.get_absolute_url(),
        reverse("search:search") + "?q=chè+shan+tuyết",
        reverse("search:search") + "?q=%F0%9F%8D%B5",
        reverse("catalogue:index"),
        _vi(CampaignPage).url,
        _vi(NewsIndexPage).url,
        _vi(ArticlePage).url,
        _vi(ProducerStoryPage).url,
        _vi(ContactPage).url,
        reverse("selling:apply"),
        reverse("selling:apply") + "?province_code=15",
        reverse("order-lookup"),
        reverse("customer:login"),
        reverse("password-reset"),
        reverse("basket:summary"),
    ]
    for url in pages:
        assert_strict_storefront_page(client.get(url))


def test_the_buyers_journey_has_the_policy_and_no_inline_code():
    client = Client()
    first, second = buyable_products(2)
    add_to_basket(client, first, 1)
    add_to_basket(client, second, 2)
    assert_strict_storefront_page(client.get(reverse("basket:summary")))
    assert_strict_storefront_page(client.get(reverse("checkout:index")))
    client.post(
        reverse("checkout:index"),
        {"username": "khach.csp@example.vn", "options": "anonymous", "personal_data_consent": "on"},
    )
    assert_strict_storefront_page(client.get(reverse("checkout:shipping-address")))
    # Without JavaScript: the commune list refreshed by the server.
    refreshed = client.post(reverse("checkout:shipping-address"), {**lao_cai_address(), "ward_code": ""})
    if refreshed.status_code == 200:
        assert_strict_storefront_page(refreshed)
    assert client.post(reverse("checkout:shipping-address"), lao_cai_address()).status_code == 302
    client.get(reverse("checkout:shipping-method"))
    assert_strict_storefront_page(client.get(reverse("checkout:payment-method")))
    client.post(reverse("checkout:payment-method"), {"method": "stripe"})
    policy = assert_strict_storefront_page(client.get(reverse("checkout:preview")))
    assert "https://sandbox.vnpayment.vn" in policy["form-action"]  # place order may redirect to VNPay
    placed = place_order(client)
    card_page = client.get(placed["Location"])
    card_policy = assert_strict_storefront_page(card_page)
    assert "https://js.stripe.com" in card_policy["script-src"] and "https://js.stripe.com" in card_policy["frame-src"]
    order = Order.objects.get(guest_email="khach.csp@example.vn")
    assert_strict_storefront_page(client.get(reverse("order-lookup-detail", kwargs={"number": order.number})))
    # Only the card page loads Stripe.
    assert "https://js.stripe.com" not in _policy(client.get("/"))["script-src"]


def test_account_pages_have_the_policy_and_no_inline_code():
    client = Client()
    client.post(
        reverse("customer:login"), {"login-username": CUSTOMER[0], "login-password": CUSTOMER[1], "login_submit": "1"}
    )
    for name in (
        "customer:profile-view",
        "customer:order-list",
        "customer:address-list",
        "customer:address-create",
        "customer:profile-update",
        "customer:change-password",
        "customer:wishlists-list",
        "customer:wishlists-create",
        "customer:notifications-inbox",
        "customer:email-list",
    ):
        assert_strict_storefront_page(client.get(reverse(name)))
    order = Order.objects.filter(user__email=CUSTOMER[0]).first()
    assert_strict_storefront_page(client.get(reverse("customer:order", kwargs={"order_number": order.number})))


class AssetSources(HTMLParser):
    """Collects the addresses a page loads scripts, styles, images and frames from."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sources = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "source") and attrs.get("src"):
            self.sources.append(attrs["src"])
        rel = (attrs.get("rel") or "").lower()
        if tag == "link" and attrs.get("href") and any(kind in rel for kind in ("stylesheet", "preload", "icon")):
            self.sources.append(attrs["href"])


def _back_office_urls():
    from wagtail.models import Page

    product = Product.objects.filter(structure__in=["standalone", "parent"]).first()
    home = Page.objects.filter(depth=2).first()
    return [
        reverse("dashboard:index"),
        "/en" + reverse("dashboard:index"),
        reverse("dashboard:catalogue-product-list"),
        reverse("dashboard:catalogue-product", kwargs={"pk": product.pk}),
        reverse("dashboard:order-list"),
        reverse("dashboard:ocop-review-queue"),
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[home.pk]),
        reverse("wagtailimages:index"),
    ]


def assert_back_office_page(response):
    """The back-office policy: our origin only (plus data:/blob:), no third-party host anywhere, and the
    page itself loads nothing from another host."""
    path = response.wsgi_request.path
    assert response.status_code == 200, (path, response.status_code, response.get("Location"))
    policy = _policy(response)
    assert policy["default-src"] == ["'self'"], path
    for directive, sources in policy.items():
        hosts = [s for s in sources if not s.startswith("'") and s not in ("data:", "blob:")]
        assert hosts == [], (path, directive, hosts)
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"] and policy["form-action"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    parser = AssetSources()
    parser.feed(response.content.decode())
    assert parser.sources, path
    remote = [src for src in parser.sources if src.strip().startswith(("http:", "https:", "//"))]
    assert remote == [], (path, remote)


def test_the_back_offices_have_their_own_policy_and_load_nothing_from_other_hosts():
    """Issue 17: Oscar's dashboard loaded jQuery from Google's CDN and the Wagtail admin avatars from
    Gravatar; both back offices had no CSP. Now every asset is ours and a policy allows only our origin."""
    client = Client()
    for url in (reverse("dashboard:login"), reverse("wagtailadmin_login")):
        assert_back_office_page(client.get(url))
    client.post(
        reverse("customer:login"), {"login-username": ADMIN[0], "login-password": ADMIN[1], "login_submit": "1"}
    )
    for url in _back_office_urls():
        assert_back_office_page(client.get(url))


def test_the_storefront_keeps_its_strict_policy_beside_the_back_offices():
    response = Client().get("/")
    assert "'unsafe-inline'" not in _policy(response)["script-src"]
    assert "'none'" in _policy(response)["frame-ancestors"]


def test_headers_on_every_kind_of_response():
    client = Client()
    for response in (
        client.get("/khong-co-trang-nay/"),
        client.get(reverse("address-wards", args=[15])),
        client.get("/robots.txt"),
        client.post(reverse("order-lookup"), {}),
    ):
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.slow
def test_production_sends_hsts_and_keeps_check_deploy_quiet():
    from tests.shop.test_settings_and_checks import PRODUCTION_ENV, _manage

    script = (
        "from django.test import Client\n"
        "r = Client().get('/dia-chi/xa-phuong/15/', secure=True, HTTP_HOST='ocop.example.vn')\n"
        "print(r.status_code, r['Strict-Transport-Security'], r['X-Content-Type-Options'], "
        "r['Referrer-Policy'], 'script-src' in r['Content-Security-Policy'])\n"
    )
    result = _manage("shell", "-c", script, **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "200",
        "max-age=31536000;",
        "includeSubDomains;",
        "preload",
        "nosniff",
        "same-origin",
        "True",
    ]
    deploy = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert deploy.returncode == 0 and "no issues" in deploy.stdout, deploy.stdout + deploy.stderr
