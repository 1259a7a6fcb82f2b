"""What every storefront page costs a signed-in buyer holding a basket, and that the cached chrome, offers and
permissions never show one visitor what belongs to another (issue 20)."""

import re

import pytest
from django.db import connection
from django.middleware.csrf import _does_token_match
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue import listing
from tests import factories
from tests.shop.checkout.journey import add_to_basket, buyable_products

pytestmark = pytest.mark.django_db

ConditionalOffer = get_model("offer", "ConditionalOffer")
Range = get_model("offer", "Range")
Condition = get_model("offer", "Condition")
Benefit = get_model("offer", "Benefit")

# A signed-in buyer's page reads, beyond an anonymous visitor's: the session, the user, the basket, its lines and
# what pricing them needs (line options, images, stock records, producers, certificates, product classes) and the
# basket's vouchers, one spare. Nothing that grows with the products shown. The product page adds Oscar's
# record of the buyer's view (3 writes) and the wishlist lookup; the basket page is measured against an absolute
# budget, its anonymous twin being empty (no lines, shipping or addresses to read).
SIGNED_IN_EXTRA = {"catalogue": 12, "product": 16, "news": 12}
BASKET_PAGE_BUDGET = 20
CHROME_TABLES = ("wagtailcore_site", "cms_mainmenu", "cms_sitecontact", "catalogue_category")


def _pages():
    product = listing.for_sale().first()
    return {
        "catalogue": reverse("catalogue:index"),
        "product": product.get_absolute_url(),
        "basket": reverse("basket:summary"),
        "news": "/tin-tuc/",
    }


def _queries(client, url):
    client.get(url)  # the first visit fills the shared fragments
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def _buyer(client, django_user_model, email, product, quantity=1):
    user = django_user_model.objects.create_user(email=email, password="mat-khau-dai-1234")
    client.force_login(user)
    add_to_basket(client, product, quantity)
    return user


def test_the_header_and_footer_cost_no_query_once_cached(client):
    queries = _queries(client, reverse("catalogue:index"))
    chrome = [sql for sql in queries if any(f'FROM "{table}"' in sql for table in CHROME_TABLES)]
    assert chrome == []


@pytest.mark.parametrize("page", ["catalogue", "product", "basket", "news"])
def test_a_signed_in_buyer_with_a_basket_pays_a_fixed_number_of_queries_more(client, django_user_model, page):
    url = _pages()[page]
    anonymous = len(_queries(client, url))
    _buyer(client, django_user_model, "nguoi.mua@example.vn", buyable_products()[0])
    signed_in = _queries(client, url)
    budget = BASKET_PAGE_BUDGET if page == "basket" else anonymous + SIGNED_IN_EXTRA[page]
    assert len(signed_in) <= budget, "\n".join(sql[:150] for sql in signed_in)


def test_a_customer_page_reads_no_permission_notification_offer_or_range(client, django_user_model):
    _buyer(client, django_user_model, "nguoi.mua@example.vn", buyable_products()[0])
    queries = _queries(client, reverse("catalogue:index"))
    tables = ("auth_permission", "communication_notification", "offer_conditionaloffer", "offer_range")
    assert [sql for sql in queries if any(f'"{table}"' in sql for table in tables)] == []
    assert [sql for sql in queries if 'COUNT(*) AS "__count" FROM "basket_line"' in sql] == []


def _csrf_tokens(response):
    return re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())


def _badge(response):
    return re.search(r"data-basket-count>(\d+)<", response.content.decode()).group(1)


def test_two_buyers_in_turn_never_see_each_others_basket_messages_or_token(client, django_user_model):
    from django.test import Client

    first_product, second_product = buyable_products(2)
    other = Client()
    _buyer(client, django_user_model, "an@example.vn", first_product, quantity=3)
    _buyer(other, django_user_model, "binh@example.vn", second_product, quantity=1)
    other.get(reverse("basket:summary"))  # the second buyer reads their "added" message; the first has not yet
    # The product page's buying part is kept for everyone (catalogue/templatetags/product_page.py): the first buyer
    # draws it, the second gets it with their own token and their own "most you may add".
    for url in (reverse("catalogue:index"), "/tin-tuc/", first_product.get_absolute_url(), reverse("basket:summary")):
        first = client.get(url)
        second = other.get(url)
        assert _badge(first) == "3" and _badge(second) == "1"
        if url == reverse("basket:summary"):
            assert [line.product_id for line in first.context["basket"].all_lines()] == [first_product.pk]
            assert [line.product_id for line in second.context["basket"].all_lines()] == [second_product.pk]
            assert first.context["basket"].total_incl_tax != second.context["basket"].total_incl_tax
        first_secret, second_secret = client.cookies["csrftoken"].value, other.cookies["csrftoken"].value
        assert _csrf_tokens(first) and _csrf_tokens(second)
        assert all(_does_token_match(token, first_secret) for token in _csrf_tokens(first))
        assert not any(_does_token_match(token, first_secret) for token in _csrf_tokens(second))
        assert all(_does_token_match(token, second_secret) for token in _csrf_tokens(second))
        assert [str(m) for m in second.context["messages"]] == []
    # The first buyer's message was shown to them (on their first page), never to the second.
    first_messages = client.get(reverse("basket:summary"))
    assert [str(m) for m in first_messages.context["messages"]] == []


def _our_discount(client, offer):
    basket = client.get(reverse("basket:summary")).context["basket"]
    return sum(d["discount"] for d in basket.offer_discounts if d["offer"].pk == offer.pk)


def test_an_offer_saved_as_the_dashboard_does_changes_the_basket_on_the_next_request(client, django_user_model):
    product = buyable_products()[0]
    _buyer(client, django_user_model, "nguoi.mua@example.vn", product)
    client.get(reverse("basket:summary"))  # the site's offers and ranges are now in the shared cache
    products = Range.objects.create(name="Sản phẩm thử", includes_all_products=True)
    offer = factories.percentage_offer(products, "Giảm thử", priority=100)
    ten_percent = _our_discount(client, offer)
    assert ten_percent > 0

    offer.benefit.value = 20
    offer.benefit.save()
    assert _our_discount(client, offer) == 2 * ten_percent

    offer.status = ConditionalOffer.SUSPENDED
    offer.save()
    assert _our_discount(client, offer) == 0


def test_a_product_added_to_an_offers_range_is_discounted_on_the_next_request(client, django_user_model):
    product = buyable_products()[0]
    _buyer(client, django_user_model, "nguoi.mua@example.vn", product)
    chosen = Range.objects.create(name="Sản phẩm chọn")
    offer = factories.percentage_offer(chosen, "Giảm hàng chọn", priority=100)
    assert _our_discount(client, offer) == 0
    chosen.add_product(product)  # what the dashboard's range product form does
    assert _our_discount(client, offer) > 0
