""" "Đặt hàng" sent again for a basket already placed — the web node that placed the order died before it
answered and the browser retried on another node, or a double click — shows that order, never a second one, and
never someone else's (found by the cluster soak, bench/cluster_soak.py)."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from tests.shop.checkout.journey import add_to_basket, buyable_products, confirmed_quote, reach_preview

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")


def _placed_but_unanswered(client, email):
    """Reach the preview and place the order; then, as if the answer was lost with its node, put the session
    back as it was and return the browser's cookies and the form it will send again."""
    add_to_basket(client, buyable_products()[0], 1)
    form = {"action": "place_order", **confirmed_quote(reach_preview(client, method="cod", email=email))}
    key = client.session.session_key
    before = dict(SessionStore(session_key=key).load())
    cookies = {name: morsel.value for name, morsel in client.cookies.items()}
    assert client.post(reverse("checkout:preview"), form).status_code == 302
    session = SessionStore(session_key=key)
    session.clear()
    session.update(before)
    session.save()
    return cookies, form


def test_the_retried_place_order_shows_the_order_already_placed():
    cookies, form = _placed_but_unanswered(Client(), "dat.lai@example.vn")
    retry = Client()
    retry.cookies.load(cookies)
    response = retry.post(reverse("checkout:preview"), form)
    assert response.status_code == 302 and response["Location"] == reverse("checkout:thank-you")
    order = Order.objects.get(guest_email="dat.lai@example.vn")
    assert order.number in retry.get(reverse("checkout:thank-you")).content.decode()
    assert Order.objects.filter(guest_email="dat.lai@example.vn").count() == 1


def test_another_browser_with_the_same_form_is_not_shown_the_order():
    _cookies, form = _placed_but_unanswered(Client(), "cua.toi@example.vn")
    stranger = Client()  # the signed quote alone, without the buyer's basket cookie
    response = stranger.post(reverse("checkout:preview"), form)
    assert response["Location"] != reverse("checkout:thank-you")
    assert "checkout_order_id" not in stranger.session
    assert Order.objects.filter(guest_email="cua.toi@example.vn").count() == 1
