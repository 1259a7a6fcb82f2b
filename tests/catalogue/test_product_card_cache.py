"""Product cards are kept per content version (``catalogue/templatetags/product_cards.py``): drawn once for
everyone, each visitor's add-to-basket form still carrying that visitor's own CSRF token, and a change to the
product shown on the next page."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue import listing
from shop.core import changes

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
CARD_TOKEN = re.compile(
    r'action="/basket/add/(\d+)/"[^>]*>\s*<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"'
)


def card_forms(client):
    html = client.get(reverse("catalogue:index")).content.decode()
    return {int(pk): token for pk, token in CARD_TOKEN.findall(html)}


def test_each_visitor_gets_their_own_token_in_the_cached_cards_and_can_add_with_it():
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_forms, second_forms = card_forms(first), card_forms(second)
    assert first_forms and set(first_forms) == set(second_forms)
    assert len(set(first_forms.values())) == 1 and len(set(second_forms.values())) == 1
    assert set(first_forms.values()) != set(second_forms.values()), "the second visitor got the first one's token"
    pk, token = next(iter(second_forms.items()))
    added = second.post(reverse("basket:add", kwargs={"pk": pk}), {"quantity": 1, "csrfmiddlewaretoken": token})
    assert added.status_code == 302  # not 403: the token in the cached card is this visitor's


def test_a_change_to_a_product_shows_on_its_card_at_once():
    client = Client()
    product = listing.for_sale().order_by("-date_created", "-id").first()
    assert product.title in client.get(reverse("catalogue:index")).content.decode()
    Product.objects.filter(pk=product.pk).update(title="Mật ong bạc hà Đồng Văn — hộp mới")
    changes.product_changed(product.pk)
    assert "Mật ong bạc hà Đồng Văn — hộp mới" in client.get(reverse("catalogue:index")).content.decode()


def test_the_cards_are_drawn_once(monkeypatch):
    from catalogue.templatetags import product_cards

    client = Client()
    client.get(reverse("catalogue:index"))
    drawn = []
    monkeypatch.setattr(product_cards, "render_product", lambda *args: drawn.append(args) or "")
    client.get(reverse("catalogue:index"))
    assert drawn == [], f"{len(drawn)} cards drawn again"


def test_a_card_drawn_from_a_plain_product_is_not_kept_for_the_lists():
    """A wish list's or any other plain product lacks what a card shows (stars, reviews, units sold): its card is
    drawn for that page alone, and the catalogue's card of the same product still shows its units sold."""
    from django.template import Context, Template

    sold = listing.product_cards().filter(units_sold__gt=0).first()
    assert sold is not None, "the demo data has sold products"
    plain = Product.objects.get(pk=sold.pk)
    request = Client().get(reverse("basket:summary")).wsgi_request  # a visitor's request, as a page has it
    card = Template("{% load product_cards %}{% product_card product %}")
    plain_html = card.render(Context({"product": plain, "request": request}))
    listed_html = card.render(Context({"product": sold, "request": request}))
    assert "product-card__sold" not in plain_html
    assert "product-card__sold" in listed_html, "the card kept from the plain product was shown on the list"
