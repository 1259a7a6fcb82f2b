"""The home page without the page cache (a signed-in buyer, a basket): its queries stay few and fixed, what
every visitor sees alike comes from the shared cache (``cms.home``), and nothing of one visitor reaches another.
"""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model
from wagtail.rich_text import RichText

from catalogue.listing import for_sale
from catalogue.ocop import workflow
from cms.models import HomePage
from shop.core import changes
from shop.users import offices
from tests.shop.checkout.journey import add_to_basket

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")

BUDGET = 15  # issue 20: any storefront page, anonymous or signed in with a basket
# What a signed-in buyer with a basket costs on top of an anonymous visitor, measured 5 Dec 2026 (session,
# user, notifications, permissions, basket, lines, voucher, offers and their ranges: 12). Cut in parallel
# in the basket/offers code; the lead tightens this once that lands.
SIGNED_IN_OVERHEAD = 12
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
BASKET_COUNT = re.compile(r"data-basket-count>(\d+)<")


def _queries(client, url="/"):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


def _warm(client, url="/"):
    """The second request: the header's and the page's shared fragments are cached by the first."""
    client.get(url)
    return _queries(client, url)


def _shown_ids(response):
    return [p.pk for section in response.context["sections"] for p in section.get("context", {}).get("products", [])]


def _home():
    return HomePage.objects.get(locale__language_code="vi")


def _set_body(page, body):
    page.body = body
    page.save()
    changes.page_changed(page.pk)


@pytest.fixture
def buyer(client, django_user_model):
    user = django_user_model.objects.create_user(email="nguoimua@example.vn", password="mat-khau-2026")
    client.force_login(user)
    add_to_basket(client, for_sale().filter(stockrecords__num_in_stock__gte=3).order_by("pk").first(), quantity=2)
    return client


@pytest.mark.parametrize("url", ["/", "/en/"])
def test_an_anonymous_home_page_stays_within_the_query_budget(client, url):
    count, response = _warm(client, url)
    assert response.content.decode().count('class="product_pod"') >= 8
    assert count <= BUDGET, count


@pytest.mark.parametrize("url", ["/", "/en/"])
def test_a_signed_in_buyer_with_a_basket_costs_no_more_than_the_fixed_overhead(client, buyer, url):
    anonymous, _ = _warm(Client(), url)
    signed_in, response = _warm(buyer, url)
    assert BASKET_COUNT.search(response.content.decode()).group(1) == "2"
    assert signed_in <= anonymous + SIGNED_IN_OVERHEAD, (signed_in, anonymous)


def test_the_number_of_queries_does_not_grow_with_the_products_shown(client):
    page = _home()
    counts = {}
    for shown in (1, 8):
        _set_body(page, [("products", {"heading": "Sản phẩm mới", "group": "", "count": shown})])
        client.get("/")  # thumbnails of these products are known from now on
        changes.content_changed()
        cold, response = _queries(client, "/")
        warm, _ = _queries(client, "/")
        assert response.content.decode().count('class="product_pod"') == shown
        counts[shown] = (cold, warm)
    assert counts[1] == counts[8], counts


def test_a_product_taken_off_sale_leaves_the_home_page_at_once(client, reviewer, django_capture_on_commit_callbacks):
    _, response = _warm(client)
    shown = Product.objects.filter(pk__in=_shown_ids(response))
    # The first shown product the reviewer's office decides for (the demo has other provinces too).
    product = next(p for p in shown if offices.may_act_in(reviewer, p.producer.province_code))
    assert product.get_absolute_url() in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.suspend(product, reviewer, "Kiểm tra phản ánh của khách hàng")
    response = client.get("/")
    assert product.pk not in _shown_ids(response)
    assert product.get_absolute_url() not in response.content.decode()


def test_an_edited_product_shows_its_change_at_once(client):
    _, response = _warm(client)
    product_id = _shown_ids(response)[0]
    Product.objects.filter(pk=product_id).update(title="Mật ong bạc hà Mèo Vạc loại đặc biệt")
    changes.product_changed(product_id)
    assert "Mật ong bạc hà Mèo Vạc loại đặc biệt" in client.get("/").content.decode()


def test_a_published_home_page_shows_at_once(client, django_capture_on_commit_callbacks):
    _warm(client)
    page = _home()
    page.body.append(("text", RichText("<p>Phiên chợ OCOP cuối tuần ở Bắc Hà</p>")))
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert "Phiên chợ OCOP cuối tuần ở Bắc Hà" in client.get("/").content.decode()


def test_a_visitor_never_gets_another_visitors_token_or_basket(client, buyer, django_user_model):
    first = buyer.get("/").content.decode()
    first_tokens = set(CSRF_INPUT.findall(first))
    assert first_tokens and BASKET_COUNT.search(first).group(1) == "2"
    others = [Client(), Client()]
    others[1].force_login(django_user_model.objects.create_user(email="khac@example.vn", password="mat-khau-2026"))
    for other in others:
        html = other.get("/").content.decode()
        tokens = set(CSRF_INPUT.findall(html))
        assert tokens and not tokens & first_tokens
        assert 'class="product_pod"' in html and BASKET_COUNT.search(html).group(1) == "0"


def test_an_editor_previews_the_draft_not_the_cached_page(client):
    _warm(client)
    page = _home()
    page.body.append(("text", RichText("<p>Bản nháp chưa đăng</p>")))
    assert "Bản nháp chưa đăng" in page.make_preview_request().content.decode()
    assert "Bản nháp chưa đăng" not in client.get("/").content.decode()


def test_shelves_filled_by_a_rule_skip_the_products_a_shelf_above_shows(client):
    """The demo home showed the same new products again in the group shelves below (issue 21's long page)."""
    page = _home()
    picked = list(for_sale().order_by("pk")[:2])
    _set_body(
        page,
        [
            ("featured_products", {"heading": "Chọn lọc", "products": picked}),
            ("products", {"heading": "Sản phẩm mới", "group": "", "count": 6}),
            ("products", {"heading": "Thực phẩm", "group": "food", "count": 4}),
            ("product_query", {"heading": "5 sao", "rule": "five_stars", "group": "", "province": "", "count": 4}),
        ],
    )
    shelves = [
        [p.pk for p in section["context"]["products"]]
        for section in client.get("/").context["sections"]
        if "context" in section
    ]
    assert shelves[0] == [p.pk for p in picked] and len(shelves[1]) == 6
    shown = [pk for shelf in shelves for pk in shelf]
    assert len(shown) == len(set(shown)), shelves
    assert all(len(shelf) for shelf in shelves), shelves


def test_an_editors_own_choice_is_shown_as_chosen_even_below_a_rule_shelf(client):
    page = _home()
    newest = list(for_sale().order_by("-date_created", "id")[:2])
    _set_body(
        page,
        [
            ("products", {"heading": "Sản phẩm mới", "group": "", "count": 2}),
            ("featured_products", {"heading": "Chọn lọc", "products": newest}),
        ],
    )
    shelves = [[p.pk for p in s["context"]["products"]] for s in client.get("/").context["sections"] if "context" in s]
    assert shelves == [[p.pk for p in newest]] * 2
