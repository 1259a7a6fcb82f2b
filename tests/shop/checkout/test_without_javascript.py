"""The core flows are plain HTML forms: browse, search, add to basket and check out work with
JavaScript disabled. Each step below submits exactly the form the page shows (its action, method and
fields), as a browser without JavaScript does."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.shop.checkout.journey import buyable_products, lao_cai_address

pytestmark = pytest.mark.django_db


class Forms(HTMLParser):
    """The page's forms: action, method and the names of their inputs, selects and buttons."""

    def __init__(self, html):
        super().__init__()
        self.forms, self._current = [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._current = {
                "action": attrs.get("action") or "",
                "method": (attrs.get("method") or "get").lower(),
                "fields": {},
            }
            self.forms.append(self._current)
        elif self._current is not None and tag in ("input", "select", "textarea", "button") and attrs.get("name"):
            if attrs.get("type") in ("radio", "checkbox") and "checked" not in attrs:
                self._current["fields"].setdefault(attrs["name"], None)
            else:
                self._current["fields"][attrs["name"]] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None

    def with_action(self, action):
        return next(form for form in self.forms if form["action"] == action)

    def having(self, *names):
        return next(form for form in self.forms if all(name in form["fields"] for name in names))


def submit(client, form, page_url="", without=(), **values):
    """Submit ``form`` as the browser does (an empty action posts back to the page it is on)."""
    data = {name: value for name, value in form["fields"].items() if value is not None and name not in without}
    data.update(values)
    action = form["action"] or page_url
    if form["method"] == "get":
        return client.get(action, data)
    return client.post(action, data)


def test_search_add_to_basket_and_check_out_with_plain_forms(client):
    first, second = buyable_products(2)
    home = Forms(client.get("/").content.decode())
    results = submit(client, home.having("q"), q=first.title.split()[0].lower())
    assert first.get_absolute_url() in results.content.decode()

    for product in (first, second):
        page = Forms(client.get(product.get_absolute_url()).content.decode())
        add = page.with_action(reverse("basket:add", kwargs={"pk": product.pk}))
        assert add["method"] == "post" and "quantity" in add["fields"]
        assert submit(client, add).status_code == 302
    basket = client.get(reverse("basket:summary")).content.decode()
    assert f'href="{reverse("checkout:index")}"' in basket

    gateway = Forms(client.get(reverse("checkout:index")).content.decode()).having("username", "options")
    assert (
        submit(
            client,
            gateway,
            reverse("checkout:index"),
            username="khong.js@example.vn",
            options="anonymous",
            personal_data_consent="on",
        ).status_code
        == 302
    )

    address_page = Forms(client.get(reverse("checkout:shipping-address")).content.decode())
    address = address_page.having("first_name", "phone_number", "province_code", "ward_code", "line1")
    assert "refresh_wards" in address["fields"]  # the commune list without the script
    fields = lao_cai_address()
    here = reverse("checkout:shipping-address")
    refreshed = Forms(submit(client, address, here, province_code=fields["province_code"]).content.decode())
    address = refreshed.having("first_name", "ward_code")
    assert submit(client, address, here, without=("refresh_wards",), **fields).status_code == 302

    assert client.get(reverse("checkout:shipping-method")).status_code == 302
    methods = Forms(client.get(reverse("checkout:payment-method")).content.decode()).having("method")
    assert submit(client, methods, method="vietqr")["Location"] == reverse("checkout:preview")
    preview = Forms(client.get(reverse("checkout:preview")).content.decode()).having("action")
    assert preview["fields"]["action"] == "place_order" and preview["method"] == "post"
    placed = submit(client, preview)
    assert placed.status_code == 302 and placed["Location"] == reverse("checkout:thank-you")
    assert "<svg" in client.get(reverse("checkout:thank-you")).content.decode()
