"""The page cache for anonymous visitors: served from the cache only to visitors for whom the page is
the same, with their own CSRF token and recently-viewed list, and dropped when what it shows changes."""

import datetime
import json
import re
from decimal import Decimal

import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.models import Page

from catalogue.ocop import editing
from cms.models import SiteContact
from tests import factories
from tests.shop.checkout.journey import buyable_products

pytestmark = pytest.mark.django_db
Basket = get_model("basket", "Basket")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.OCOP_PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, response.get("X-Page-Cache")


def test_a_second_anonymous_visitor_gets_the_cached_home_page_with_a_token_of_their_own():
    first, state = _get(Client(), "/")
    assert state == "miss"
    visitor = Client(enforce_csrf_checks=True)
    second, state = _get(visitor, "/")
    assert state == "hit"
    tokens = TOKEN.findall(second.content.decode())
    assert tokens and "__OCOP_CSRF_TOKEN__" not in second.content.decode()
    assert settings.CSRF_COOKIE_NAME in second.cookies  # the token's cookie comes with it
    # Apart from the tokens the page is the one rendered for the first visitor.
    assert TOKEN.sub("", second.content.decode()) == TOKEN.sub("", first.content.decode())
    # And the token works: the language switch (a POST form on every page) accepts it.
    switched = visitor.post(reverse("set_language"), {"language": "en", "next": "/", "csrfmiddlewaretoken": tokens[0]})
    assert switched.status_code == 302


def test_add_to_basket_from_a_cached_product_page_works_and_the_product_joins_recently_viewed():
    (product,) = buyable_products(1)
    url = product.get_absolute_url()
    _get(Client(), url)
    visitor = Client(enforce_csrf_checks=True)
    page, state = _get(visitor, url)
    assert state == "hit"
    history = json.loads(page.cookies[settings.OSCAR_RECENTLY_VIEWED_COOKIE_NAME].value)
    assert history == [product.pk]
    token = TOKEN.findall(page.content.decode())[0]
    added = visitor.post(
        reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1, "csrfmiddlewaretoken": token}
    )
    assert added.status_code == 302
    basket = Basket.objects.get(pk=int(added.cookies[settings.OSCAR_BASKET_COOKIE_OPEN].value.split(":")[0]))
    assert basket.lines.get().product == product


def test_visitors_with_a_basket_a_session_or_an_account_get_their_own_page(customer):
    (product,) = buyable_products(1)
    shopper = Client()
    shopper.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    _get(Client(), "/")  # cached for anonymous visitors
    page, state = _get(shopper, "/")
    assert state is None  # rendered for them: the header shows their basket
    signed_in = Client()
    signed_in.force_login(customer)
    page, state = _get(signed_in, "/")
    assert state is None
    assert _get(Client(), "/")[1] == "hit"  # and they did not replace the anonymous copy


def test_vietnamese_and_english_pages_are_cached_apart():
    vietnamese, _state = _get(Client(), "/")
    english, state = _get(Client(), "/en/")
    assert state == "miss" and english["Content-Language"] == "en"
    again, state = _get(Client(), "/en/")
    assert state == "hit" and again["Content-Language"] == "en"
    assert _get(Client(), "/")[0]["Content-Language"] == "vi"


@pytest.mark.parametrize("url", ["/basket/", "/don-hang/tra-cuu/", "/ban-hang/dang-ky/", "/accounts/login/"])
def test_the_visitors_own_pages_are_never_cached(url):
    for _ in range(2):
        response = Client().get(url)
        assert response.status_code == 200 and response.get("X-Page-Cache") is None


def test_a_price_change_in_the_portal_reaches_the_next_visitor(producer_user, django_capture_on_commit_callbacks):
    producer = producer_user.partners.get()
    record = producer.stockrecords.select_related("product").filter(product__is_public=True).first()
    url = record.product.get_absolute_url()
    _get(Client(), url)
    assert _get(Client(), url)[1] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        editing.update_stock_prices(producer, producer_user, {record.pk: (Decimal("123000"), 7)})
    page, state = _get(Client(), url)
    assert state == "miss" and "123.000\u00a0₫" in page.content.decode()


def test_publishing_a_page_and_saving_site_settings_drop_the_cache(django_capture_on_commit_callbacks):
    _get(Client(), "/")
    assert _get(Client(), "/")[1] == "hit"
    home = Page.objects.get(depth=2, locale__language_code="vi").specific
    with django_capture_on_commit_callbacks(execute=True):
        home.title = "Chợ OCOP Lào Cai — tháng mới"
        home.save_revision().publish()
    page, state = _get(Client(), "/")
    assert state == "miss"
    assert _get(Client(), "/")[1] == "hit"
    contact = SiteContact.for_site(home.get_site())
    with django_capture_on_commit_callbacks(execute=True):
        contact.hotline = "0214 3999 888"
        contact.save()
    page, state = _get(Client(), "/")
    assert state == "miss" and "0214 3999 888" in page.content.decode()


def test_a_page_rendered_before_the_change_commits_does_not_outlive_the_commit(django_capture_on_commit_callbacks):
    """The version is replaced at once and again at commit: a page rendered in between — from the rows as they
    were before the commit — is dropped with the second replacement."""
    _get(Client(), "/")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        from shop.core import page_cache

        page_cache.content_changed()
        assert _get(Client(), "/")[1] == "miss"
        assert _get(Client(), "/")[1] == "hit"  # rendered (and stored) before the commit
    assert callbacks
    for callback in callbacks:
        callback()
    assert _get(Client(), "/")[1] == "miss"


def test_the_recently_viewed_list_splits_only_the_product_pages():
    (product,) = buyable_products(1)
    browser = Client()
    browser.get(product.get_absolute_url())  # now carries a recently-viewed cookie
    assert settings.OSCAR_RECENTLY_VIEWED_COOKIE_NAME in browser.cookies
    _get(Client(), "/")
    assert _get(browser, "/")[1] == "hit"  # the home page is the same for them


def test_an_order_drops_the_cached_pages_only_when_it_sells_a_product_out(django_capture_on_commit_callbacks):
    from tests.shop.checkout.journey import add_to_basket, place_order, reach_preview

    (product,) = buyable_products(1, min_stock=3)
    record = product.stockrecords.get()
    record.num_allocated = 0
    record.num_in_stock = 2
    record.save()
    url = product.get_absolute_url()
    for expected_after in ("hit", "miss"):  # the first order leaves one unit, the second sells out
        _get(Client(), url)
        buyer = Client()
        add_to_basket(buyer, product, 1)
        reach_preview(buyer)
        with django_capture_on_commit_callbacks(execute=True):
            assert place_order(buyer).status_code == 302
        assert _get(Client(), url)[1] == expected_after


def test_a_cached_page_stops_showing_a_campaign_price_when_the_offer_ends_on_its_time():
    """An offer ends on the clock, announced by nobody: the page's key names the offers open now."""
    product = factories.product(price=100_000)
    product_range = get_model("offer", "Range").objects.create(name="Tuần lễ thử nghiệm")
    product_range.included_products.add(product)
    ends = timezone.now() + datetime.timedelta(minutes=1)
    factories.percentage_offer(product_range, "Giảm 10 % một phút", percent=10, end_datetime=ends)
    url = product.get_absolute_url()
    first, _ = _get(Client(), url)
    again, state = _get(Client(), url)
    assert "-10%" in first.content.decode() and "-10%" in again.content.decode() and state == "hit"
    with time_machine.travel(ends + datetime.timedelta(minutes=1)):
        after, _ = _get(Client(), url)
        assert "-10%" not in after.content.decode()
