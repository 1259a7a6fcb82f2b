"""The prefix lists of the site's parts come from the URL configuration (shop/core/url_prefixes.py): moving a
back office's mount point moves its Content-Security-Policy, robots.txt line and page-cache exclusion with it."""

import pytest
from django.test import RequestFactory, override_settings

from shop.core import csp, page_cache, url_prefixes

MOVED = "tests.shop.urls_moved_back_offices"


def test_the_prefixes_are_the_mount_points_of_the_site_in_every_language():
    assert set(url_prefixes.back_office()) == {"/dashboard/", "/en/dashboard/", "/cms-admin/"}
    private = url_prefixes.private()
    for prefix in ("/accounts/", "/en/accounts/", "/basket/", "/checkout/", "/don-hang/", "/thanh-toan/", "/ban-hang/"):
        assert prefix in private
    assert {"/i18n/", "/documents/", "/static/", "/media/"} <= set(url_prefixes.never_cached())


@override_settings(ROOT_URLCONF=MOVED)
def test_the_back_office_prefixes_follow_a_moved_mount_point():
    assert set(url_prefixes.back_office()) == {"/quan-tri/", "/en/quan-tri/", "/noi-dung/"}
    assert set(url_prefixes.private()) == {"/quan-tri/", "/en/quan-tri/", "/noi-dung/", "/gio-hang/", "/en/gio-hang/"}


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=MOVED)
def test_a_moved_back_office_keeps_its_policy_and_the_storefront_its_own(client):
    back_office = csp.render_policy(csp.BACK_OFFICE_POLICY)
    for path in ("/quan-tri/", "/en/quan-tri/", "/noi-dung/"):
        assert client.get(path)[csp.HEADER] == back_office, path
    storefront = client.get("/")[csp.HEADER]
    assert "script-src 'self';" in storefront and storefront != back_office


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=MOVED)
def test_robots_txt_keeps_crawlers_out_of_a_moved_back_office(client):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert {"Disallow: /quan-tri/", "Disallow: /en/quan-tri/", "Disallow: /noi-dung/", "Disallow: /gio-hang/"} <= set(
        lines
    )
    assert "Disallow: /dashboard/" not in lines


@override_settings(ROOT_URLCONF=MOVED, OCOP_PAGE_CACHE_SECONDS=300)
def test_the_page_cache_leaves_a_moved_back_office_alone():
    for path in ("/quan-tri/", "/en/quan-tri/", "/gio-hang/"):
        assert not page_cache.is_cacheable_request(RequestFactory().get(path)), path
    assert page_cache.is_cacheable_request(RequestFactory().get("/"))
