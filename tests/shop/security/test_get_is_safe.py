"""A GET never changes what a customer has: state changes only by POST (with its CSRF token), so a link or an
image on another site can neither log a customer out nor fill their wish list.

The sweep walks every URL pattern (``urlwalk.endpoints``), fills each path with the signed-in customer's real
objects (their order, wish lists, lines, addresses, alerts; a product for sale), GETs it, and asserts that
nothing changed: still signed in, same basket, wish lists, alerts, addresses, orders and account. Each GET
runs in a savepoint rolled back after it, so one URL's change cannot hide another's. A new state-changing
GET fails the sweep unless it is listed in EXCEPTIONS with the reason."""

import copy

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client, override_settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from oscar.core.loading import get_model

from cms.demo import loader
from tests.shop.checkout.journey import add_to_basket, buyable_products

from .conftest import CUSTOMER
from .urlwalk import endpoints

pytestmark = pytest.mark.django_db
User = get_user_model()
BasketLine = get_model("basket", "Line")
WishList = get_model("wishlists", "WishList")
WishListLine = get_model("wishlists", "Line")
ProductAlert = get_model("customer", "ProductAlert")
UserAddress = get_model("address", "UserAddress")
Order = get_model("order", "Order")
OrderLine = get_model("order", "Line")

EXCEPTIONS = {
    # The links of the stock-alert emails: the alert's random key is the proof, and only the reader of the
    # email has it; a cross-site page cannot know it. (The signed-in cancel by id is POST-only.)
    "customer:alerts-confirm": "the confirmation email's link, proven by the alert's secret key",
    "customer:alerts-cancel-by-key": "the alert email's cancel link, proven by the alert's secret key",
}


@pytest.fixture
def shopper():
    """The demo customer signed in, with a basket, two wish lists, a stock alert and two addresses."""
    user = User.objects.get(email=CUSTOMER[0])
    client = Client(raise_request_exception=False)
    assert client.login(username=CUSTOMER[0], password=CUSTOMER[1])
    in_list, to_add, in_basket = buyable_products(3)
    add_to_basket(client, in_basket, 2)
    first = WishList.objects.create(owner=user, name="Quà Tết")
    second = WishList.objects.create(owner=user, name="Để dành")
    first.add(in_list)
    alert = ProductAlert.objects.create(user=user, product=in_list)
    emailed_alert = ProductAlert.objects.create(email="ban.doc@example.vn", product=in_list)
    address = UserAddress.objects.filter(user=user).first()
    assert address is not None, "the demo customer has a saved address"
    address.pk = None
    address.line1 = "Số 2 đường Hoàng Liên"
    address.is_default_for_shipping = address.is_default_for_billing = False
    address.save()
    order = Order.objects.filter(user=user).order_by("pk").first()
    line = order.lines.order_by("pk").first()
    values = {
        "order_number": order.number,
        "number": order.number,
        "partner_id": line.partner_id,
        "line_id": line.pk,
        "product_pk": to_add.pk,
        "product_slug": to_add.slug,
        "key": first.key,
        "to_key": second.key,
        "line_pk": first.lines.get().pk,
        "action": "default_for_shipping",
    }
    by_name = {
        "basket:add": {"pk": to_add.pk},
        "customer:alert-create": {"pk": to_add.pk},
        "customer:alerts-cancel-by-pk": {"pk": alert.pk},
        "customer:alerts-confirm": {"key": emailed_alert.key},
        "customer:alerts-cancel-by-key": {"key": emailed_alert.key},
        **{
            name: {"pk": address.pk}
            for name in (
                "customer:address-detail",
                "customer:address-delete",
                "customer:address-change-status",
                "checkout:user-address-update",
                "checkout:user-address-delete",
            )
        },
        **{
            name: {"pk": to_add.pk}
            for name in ("catalogue:detail", "catalogue:origin", "catalogue:origin-qr-png", "catalogue:origin-qr-svg")
        },
    }
    return client, user, values, by_name


def _state(client, user):
    return {
        "signed in": client.session.get("_auth_user_id") == str(user.pk),
        "basket": sorted(
            BasketLine.objects.filter(basket__owner=user, basket__status="Open").values_list("product_id", "quantity")
        ),
        "wish lists": sorted(WishList.objects.filter(owner=user).values_list("key", "name", "visibility")),
        "wish-list lines": sorted(
            WishListLine.objects.filter(wishlist__owner=user).values_list("wishlist__key", "product_id", "quantity")
        ),
        "alerts": sorted(ProductAlert.objects.values_list("pk", "status")),
        "addresses": sorted(
            UserAddress.objects.filter(user=user).values_list(
                "pk", "line1", "is_default_for_shipping", "is_default_for_billing"
            )
        ),
        "orders": sorted(Order.objects.filter(user=user).values_list("number", "status")),
        "order lines": sorted(OrderLine.objects.filter(order__user=user).values_list("pk", "status", "quantity")),
        "account": list(
            User.objects.filter(pk=user.pk).values_list("email", "first_name", "last_name", "password", "is_active")
        ),
    }


def _real_path(endpoint, values, by_name):
    """The endpoint's path with the customer's objects in it, or its sample path when they do not fit."""
    try:
        match = resolve(endpoint.path)
    except Resolver404:
        return endpoint.path
    if match.args or not match.kwargs:
        return endpoint.path
    chosen = {**values, **by_name.get(endpoint.name, {})}
    kwargs = {name: chosen.get(name, sample) for name, sample in match.kwargs.items()}
    try:
        path = reverse(endpoint.name, kwargs=kwargs)
        return path if resolve(path).func is endpoint.callback else endpoint.path
    except (NoReverseMatch, Resolver404):
        return endpoint.path


def _sweep(client, user, values, by_name, only=None):
    """[(name, path, status, what changed)] for the GETs that changed the customer's state."""
    changed = []
    before = _state(client, user)
    for endpoint in endpoints():
        if endpoint.path is None or (only and endpoint.name not in only):
            continue
        path = _real_path(endpoint, values, by_name)
        cookies = copy.deepcopy(client.cookies)
        savepoint = transaction.savepoint()
        try:
            response = client.get(path)
            after = _state(client, user)
        finally:
            transaction.savepoint_rollback(savepoint)
            client.cookies = cookies
        if after != before:
            changed.append(
                (endpoint.name, path, response.status_code, sorted(key for key in before if before[key] != after[key]))
            )
    return changed


@pytest.mark.slow
def test_no_get_changes_what_a_signed_in_customer_has(shopper):
    client, user, values, by_name = shopper
    changed = _sweep(client, user, values, by_name)
    unexpected = [entry for entry in changed if entry[0] not in EXCEPTIONS]
    assert unexpected == [], "state-changing GETs: make them POST-only or list them in EXCEPTIONS:\n" + "\n".join(
        f"{name} {path} {status}: {what}" for name, path, status, what in unexpected
    )
    # The exceptions are real and still exist: their links by key do change an alert.
    assert {entry[0] for entry in changed} == set(EXCEPTIONS)


@override_settings(ROOT_URLCONF="tests.shop.security.urls_with_a_state_changing_get")
def test_the_sweep_catches_a_new_state_changing_get(shopper):
    client, user, values, by_name = shopper
    changed = _sweep(client, user, values, by_name, only={"forgotten-get", "customer:summary"})
    assert [(name, what) for name, _path, _status, what in changed] == [("forgotten-get", ["basket"])]


def test_logout_by_get_asks_and_only_the_form_logs_out(shopper):
    client, user, _values, _by_name = shopper
    page = client.get(reverse("customer:logout"))
    assert page.status_code == 200 and client.session.get("_auth_user_id") == str(user.pk)
    html = page.content.decode()
    assert f'action="{reverse("customer:logout")}"' in html and "csrfmiddlewaretoken" in html
    response = client.post(reverse("customer:logout"))
    assert response.status_code == 302 and "_auth_user_id" not in client.session


def test_the_site_header_logs_out_by_a_post_form(shopper):
    client, _user, _values, _by_name = shopper
    html = client.get(reverse("customer:summary"), follow=True).content.decode()
    header = html[html.index('class="site-header"') : html.index("</header>")]
    form = header[header.index('<form class="logout-form"') :]
    form = form[: form.index("</form>")]
    assert 'method="post"' in form and f'action="{reverse("customer:logout")}"' in form
    assert "csrfmiddlewaretoken" in form
    assert f'href="{reverse("customer:logout")}"' not in html


def test_adding_to_a_wish_list_by_get_is_refused(shopper):
    client, user, values, _by_name = shopper
    WishList.objects.filter(owner=user).delete()
    url = reverse("customer:wishlists-add-product", kwargs={"product_pk": values["product_pk"]})
    assert client.get(url).status_code == 405
    assert not WishList.objects.filter(owner=user).exists()  # not even an empty list
    assert client.post(url).status_code == 302
    assert WishListLine.objects.filter(wishlist__owner=user, product_id=values["product_pk"]).exists()


def test_the_product_page_adds_to_a_chosen_wish_list_by_post(shopper):
    client, _user, values, _by_name = shopper
    product = get_model("catalogue", "Product").objects.get(pk=values["product_pk"])
    html = client.get(product.get_absolute_url()).content.decode()
    add = reverse("customer:wishlists-add-product", kwargs={"key": values["key"], "product_pk": product.pk})
    assert f'<form method="post" action="{add}">' in html
    assert f'href="{add}"' not in html


def test_moving_a_wish_list_line_and_cancelling_an_alert_and_a_default_address_need_post(shopper):
    client, user, values, by_name = shopper
    move = reverse(
        "customer:wishlists-move-product-to-another",
        kwargs={"key": values["key"], "line_pk": values["line_pk"], "to_key": values["to_key"]},
    )
    assert client.get(move).status_code == 405
    assert client.post(move).status_code == 302
    assert WishListLine.objects.get(pk=values["line_pk"]).wishlist.key == values["to_key"]

    alert = ProductAlert.objects.get(pk=by_name["customer:alerts-cancel-by-pk"]["pk"])
    cancel = reverse("customer:alerts-cancel-by-pk", kwargs={"pk": alert.pk})
    assert client.get(cancel).status_code == 405
    assert client.post(cancel).status_code == 302
    alert.refresh_from_db()
    assert alert.status == ProductAlert.CANCELLED

    address = UserAddress.objects.get(pk=by_name["customer:address-change-status"]["pk"])
    default = reverse("customer:address-change-status", kwargs={"pk": address.pk, "action": "default_for_billing"})
    assert client.get(default).status_code == 405
    address.refresh_from_db()
    assert not address.is_default_for_billing
    assert client.post(default).status_code == 302
    address.refresh_from_db()
    assert address.is_default_for_billing


def test_the_back_office_logouts_refuse_get_and_keep_the_session():
    client = Client()
    assert client.login(username=loader.STAFF_EMAIL, password=loader.STAFF_PASSWORD)
    for name in ("wagtailadmin_logout", "dashboard:logout"):
        response = client.get(reverse(name))
        assert response.status_code == 405, name
        assert client.cookies["sessionid"].value, name  # Wagtail's view used to delete the cookie
        assert client.get(reverse("dashboard:index")).status_code == 200, name
