"""The customer-side doors that show or keep a product — wish lists, stock alerts and their emails, reviews,
recently viewed products, offer and range pages — follow the sale rule (``catalogue.listing``): a product not
for sale (the demo's draft LC-058, suspended LC-061, a product whose producer is no longer verified) is refused
and never shown by its title or address, to a visitor or a signed-in customer, while a product for sale works."""

import json
from html import escape

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_class, get_model

from catalogue import listing
from catalogue.programme.review import ReviewStatus
from tests import factories

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
WishList = get_model("wishlists", "WishList")
WishListLine = get_model("wishlists", "Line")
ProductAlert = get_model("customer", "ProductAlert")
ProductReview = get_model("reviews", "ProductReview")
Range = get_model("offer", "Range")
Condition = get_model("offer", "Condition")
Benefit = get_model("offer", "Benefit")
ConditionalOffer = get_model("offer", "ConditionalOffer")
PLACEHOLDER = "Sản phẩm này hiện không được bán"
REFUSED = "Sản phẩm này hiện không được bán trên sàn nên không thể thêm vào danh sách yêu thích."


@pytest.fixture(params=["draft", "suspended", "unverified producer"])
def hidden(request):
    """A product that is not for sale. The last one is built for the test (tests/factories.py) and put on
    sale through the workflow; then its producer — its own, no demo row — loses its verification: only that
    keeps the product off sale."""
    if request.param == "draft":
        product = Product.objects.get(upc="LC-058")
    elif request.param == "suspended":
        product = Product.objects.get(upc="LC-061")
    else:
        product = factories.product()
        assert listing.is_for_sale(product)
        Partner.objects.filter(pk=product.producer.pk).update(verification_status=Partner.Verification.PENDING)
        product = Product.objects.get(pk=product.pk)
        assert product.review_status == ReviewStatus.APPROVED and product.is_public
    assert not listing.is_for_sale(product)
    return product


@pytest.fixture
def on_sale():
    return listing.for_sale().order_by("pk").first()


@pytest.fixture(params=["visitor", "customer"])
def visitor(request, client, customer):
    if request.param == "customer":
        client.force_login(customer)
    return client


def assert_not_shown(html, product):
    assert product.title not in html and escape(product.title) not in html
    assert f"{product.slug}_{product.pk}" not in html


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- Wish lists -------------------------------------------------------------------------------------------


def _add_urls(product, wishlist):
    return [
        reverse("customer:wishlists-add-product", kwargs={"product_pk": product.pk}),
        reverse("customer:wishlists-add-product", kwargs={"key": wishlist.key, "product_pk": product.pk}),
        reverse("customer:wishlists-create-with-product", kwargs={"product_pk": product.pk}),
    ]


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_product_not_for_sale_cannot_be_added_to_a_wish_list(client, customer, hidden, method):
    client.force_login(customer)
    for url in _add_urls(hidden, WishList(key="khongco")):
        wishlists_before = WishList.objects.count()
        response = getattr(client, method)(url, {"name": "Quà Tết", "visibility": WishList.PRIVATE})
        if method == "get" and "/add/" in url:  # adding is POST-only (tests/shop/security/test_get_is_safe.py)
            assert response.status_code == 405, url
        else:
            assert response.status_code == 302, url
            assert REFUSED in messages_of(response), url
        assert WishList.objects.count() == wishlists_before, url
    existing = customer.wishlists.create(name="Quà Tết")
    response = client.post(_add_urls(hidden, existing)[1])
    assert REFUSED in messages_of(response)
    assert not WishListLine.objects.filter(product=hidden).exists()
    assert_not_shown(client.get(response.url).content.decode(), hidden)


def test_a_visitor_is_sent_to_sign_in_and_nothing_is_stored(client, hidden):
    for url in _add_urls(hidden, WishList(key="khongco")):
        response = client.post(url)
        assert response.status_code == 302 and response.url.startswith(reverse("customer:login"))
    assert not WishListLine.objects.filter(product=hidden).exists()


def test_a_product_for_sale_is_added_to_a_wish_list(client, customer, on_sale):
    client.force_login(customer)
    response = client.post(reverse("customer:wishlists-add-product", kwargs={"product_pk": on_sale.pk}))
    assert response.status_code == 302
    assert customer.wishlists.get().lines.filter(product=on_sale).exists()
    response = client.get(reverse("customer:wishlists-create-with-product", kwargs={"product_pk": on_sale.pk}))
    assert response.status_code == 200 and on_sale.title in response.content.decode()


@pytest.fixture
def wishlist(customer, hidden, on_sale):
    """A public wish list holding a product for sale and one that left the shop after it was added."""
    wishlist = customer.wishlists.create(name="Quà Tết", visibility=WishList.PUBLIC)
    wishlist.lines.create(product=on_sale, title=on_sale.title)
    wishlist.lines.create(product=hidden, title=hidden.title)
    return wishlist


def test_the_owner_sees_a_product_no_longer_for_sale_without_its_title_or_link(
    client, customer, wishlist, hidden, on_sale
):
    client.force_login(customer)
    html = client.get(reverse("customer:wishlists-detail", kwargs={"key": wishlist.key})).content.decode()
    assert on_sale.title in html and on_sale.get_absolute_url() in html
    assert PLACEHOLDER in html
    assert_not_shown(html, hidden)

    line = wishlist.lines.get(product=hidden)
    remove = reverse("customer:wishlists-remove-product", kwargs={"key": wishlist.key, "line_pk": line.pk})
    assert_not_shown(client.get(remove).content.decode(), hidden)
    response = client.post(remove)
    assert not wishlist.lines.filter(product=hidden).exists()
    assert any(PLACEHOLDER in message for message in messages_of(response))
    assert all(hidden.title not in message for message in messages_of(response))


def test_moving_a_line_does_not_name_a_product_no_longer_for_sale(client, customer, wishlist, hidden):
    other = customer.wishlists.create(name="Mua sau")
    line = wishlist.lines.get(product=hidden)
    client.force_login(customer)
    response = client.post(
        reverse(
            "customer:wishlists-move-product-to-another",
            kwargs={"key": wishlist.key, "line_pk": line.pk, "to_key": other.key},
        )
    )
    assert other.lines.filter(pk=line.pk).exists()
    assert any(PLACEHOLDER in message for message in messages_of(response))
    assert all(hidden.title not in message for message in messages_of(response))


def test_the_shared_page_of_a_wish_list_hides_a_product_no_longer_for_sale(visitor, wishlist, hidden, on_sale):
    response = visitor.get(reverse("wishlists:detail", kwargs={"key": wishlist.key}))
    html = response.content.decode()
    assert response.status_code == 200
    assert on_sale.title in html
    assert PLACEHOLDER in html
    assert_not_shown(html, hidden)


# --- Stock alerts -----------------------------------------------------------------------------------------


def test_no_alert_is_created_for_a_product_not_for_sale(visitor, hidden, django_capture_on_commit_callbacks):
    url = reverse("customer:alert-create", kwargs={"pk": hidden.pk})
    assert visitor.get(url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):  # what the outbox would send after commit
        response = visitor.post(url, {"email": "khach.moi@example.vn"})
    assert response.status_code == 404
    assert_not_shown(response.content.decode(), hidden)
    assert not ProductAlert.objects.filter(product=hidden).exists()
    assert mail.outbox == []


def test_an_alert_is_created_for_a_product_for_sale(client, on_sale, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # sent from the outbox after commit
        response = client.post(
            reverse("customer:alert-create", kwargs={"pk": on_sale.pk}), {"email": "khach.moi@example.vn"}
        )
    assert response.status_code == 302
    assert ProductAlert.objects.filter(product=on_sale, email="khach.moi@example.vn").exists()
    assert len(mail.outbox) == 1  # Oscar's confirmation email


def test_the_alerts_list_hides_a_product_no_longer_for_sale(client, customer, hidden, on_sale):
    for product in (hidden, on_sale):
        ProductAlert.objects.create(product=product, user=customer, status=ProductAlert.ACTIVE)
    client.force_login(customer)
    html = client.get(reverse("customer:alerts-list")).content.decode()
    assert on_sale.title in html and PLACEHOLDER in html
    assert_not_shown(html, hidden)


def test_confirming_an_alert_does_not_lead_to_a_product_not_for_sale(client, hidden):
    alert = ProductAlert.objects.create(product=hidden, email="khach.moi@example.vn", status=ProductAlert.UNCONFIRMED)
    response = client.get(reverse("customer:alerts-confirm", kwargs={"key": alert.key}))
    assert response.status_code == 302 and hidden.slug not in response.url
    response = client.get(reverse("customer:alerts-cancel-by-key", kwargs={"key": alert.key}))
    assert response.status_code == 302 and hidden.slug not in response.url


def test_cancelling_an_alert_goes_back_only_to_our_own_pages(client, on_sale):
    alert = ProductAlert.objects.create(product=on_sale, email="khach.moi@example.vn", status=ProductAlert.ACTIVE)
    url = reverse("customer:alerts-cancel-by-key", kwargs={"key": alert.key})
    assert client.get(url, {"next": "https://lua-dao.example/"}).url == on_sale.get_absolute_url()


def _back_in_stock(product):
    record = product.stockrecords.order_by("pk").first()
    record.num_in_stock, record.num_allocated = 0, 0
    record.save()
    mail.outbox.clear()
    record.num_in_stock = 20
    record.save()  # Oscar's receiver sends the alerts of a product back in stock


def test_no_alert_email_for_a_product_back_in_stock_but_not_for_sale(
    customer, hidden, django_capture_on_commit_callbacks
):
    by_account = ProductAlert.objects.create(product=hidden, user=customer, status=ProductAlert.ACTIVE)
    by_email = ProductAlert.objects.create(product=hidden, email="khach.moi@example.vn")
    by_email.confirm()
    with django_capture_on_commit_callbacks(execute=True):  # what the outbox would send after commit
        _back_in_stock(hidden)
        get_class("customer.alerts.utils", "AlertsDispatcher")().send_alerts()  # the oscar_send_alerts command
    assert mail.outbox == []
    assert not customer.notifications.exists()
    by_account.refresh_from_db()
    by_email.refresh_from_db()
    assert by_account.status == by_email.status == ProductAlert.ACTIVE  # they wait for it to be for sale


def test_an_alert_email_for_a_product_for_sale_back_in_stock(customer, on_sale, django_capture_on_commit_callbacks):
    ProductAlert.objects.create(product=on_sale, user=customer, status=ProductAlert.ACTIVE)
    ProductAlert.objects.create(product=on_sale, email="khach.moi@example.vn").confirm()
    with django_capture_on_commit_callbacks(execute=True):  # sent from the outbox after commit
        _back_in_stock(on_sale)
    assert sorted(message.to[0] for message in mail.outbox) == sorted([customer.email, "khach.moi@example.vn"])
    assert all(on_sale.title in message.body for message in mail.outbox)
    assert customer.notifications.exists()


# --- Reviews ----------------------------------------------------------------------------------------------


def _review_urls(product, review):
    kwargs = {"product_slug": product.slug, "product_pk": product.pk}
    return {
        "list": reverse("catalogue:reviews-list", kwargs=kwargs),
        "detail": reverse("catalogue:reviews-detail", kwargs={**kwargs, "pk": review.pk}),
        "add": reverse("catalogue:reviews-add", kwargs=kwargs),
        "vote": reverse("catalogue:reviews-vote", kwargs={**kwargs, "pk": review.pk}),
    }


@pytest.fixture
def reviewer(django_user_model):
    return django_user_model.objects.create_user(email="nguoimua@example.vn", password="mat-khau-2026")


def _approved_review(product, user):
    return ProductReview.objects.create(
        product=product,
        user=user,
        title="Thơm ngon, đóng gói đẹp",
        score=5,
        body="Sẽ mua lại.",
        status=ProductReview.APPROVED,
    )


def test_the_reviews_of_a_product_not_for_sale_answer_404(client, customer, reviewer, hidden):
    urls = _review_urls(hidden, _approved_review(hidden, reviewer))
    for signed_in in (False, True):
        if signed_in:
            client.force_login(customer)
        for name in ("list", "detail", "add"):
            response = client.get(urls[name])
            assert response.status_code == 404, (name, signed_in)
            assert_not_shown(response.content.decode(), hidden)
        assert client.post(urls["add"], {"title": "Ngon", "score": 5, "body": "Ngon"}).status_code == 404
    assert client.post(urls["vote"], {"delta": 1}).status_code == 404
    assert ProductReview.objects.filter(product=hidden).count() == 1
    assert not ProductReview.objects.get(product=hidden).votes.exists()


def test_staff_may_read_the_reviews_of_a_product_not_for_sale(client, staff_user, reviewer, hidden):
    urls = _review_urls(hidden, _approved_review(hidden, reviewer))
    client.force_login(staff_user)
    assert client.get(urls["list"]).status_code == 200
    assert client.get(urls["detail"]).status_code == 200


def test_the_reviews_of_a_product_for_sale_are_shown_and_voted_on(client, customer, reviewer, on_sale):
    review = _approved_review(on_sale, reviewer)
    urls = _review_urls(on_sale, review)
    assert "Thơm ngon, đóng gói đẹp" in client.get(urls["list"]).content.decode()
    assert "Thơm ngon, đóng gói đẹp" in client.get(urls["detail"]).content.decode()
    client.force_login(customer)
    assert client.post(urls["vote"], {"delta": 1}).status_code == 302
    assert review.votes.filter(user=customer).exists()


def test_a_review_shows_only_at_its_own_product_and_once_approved(client, reviewer, hidden, on_sale):
    elsewhere = _approved_review(hidden, reviewer)
    pending = ProductReview.objects.create(
        product=on_sale,
        user=reviewer,
        title="Chờ duyệt",
        score=1,
        body="Chưa duyệt",
        status=ProductReview.FOR_MODERATION,
    )
    for review in (elsewhere, pending):
        assert client.get(_review_urls(on_sale, review)["detail"]).status_code == 404


# --- Recently viewed --------------------------------------------------------------------------------------


def test_recently_viewed_products_show_only_products_for_sale(visitor, hidden):
    shown, viewed = listing.for_sale().order_by("pk")[:2]
    visitor.cookies[settings.OSCAR_RECENTLY_VIEWED_COOKIE_NAME] = json.dumps([hidden.pk, viewed.pk])
    response = visitor.get(shown.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert viewed.title in html
    assert_not_shown(html, hidden)


def test_a_garbled_recently_viewed_cookie_is_ignored(client):
    shown, viewed = listing.for_sale().order_by("pk")[:2]
    client.cookies[settings.OSCAR_RECENTLY_VIEWED_COOKIE_NAME] = json.dumps(["x", [1], viewed.pk])
    response = client.get(shown.get_absolute_url())
    assert response.status_code == 200
    assert viewed.title in response.content.decode()


# --- Offer and range pages --------------------------------------------------------------------------------


def test_offer_and_range_pages_list_only_products_for_sale(visitor, hidden, on_sale):
    products = Range.objects.create(name="Quà Tết Lào Cai", slug="qua-tet-lao-cai", is_public=True)
    products.add_product(on_sale)
    products.add_product(hidden)
    ConditionalOffer.objects.create(
        name="Giảm 10% quà Tết",
        slug="giam-10-qua-tet",
        offer_type=ConditionalOffer.SITE,
        condition=Condition.objects.create(range=products, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=products, type=Benefit.PERCENTAGE, value=10),
    )
    for url in (
        reverse("catalogue:range", kwargs={"slug": "qua-tet-lao-cai"}),
        reverse("offer:detail", kwargs={"slug": "giam-10-qua-tet"}),
        reverse("offer:list"),
    ):
        response = visitor.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert on_sale.title in html, url
        assert_not_shown(html, hidden)
