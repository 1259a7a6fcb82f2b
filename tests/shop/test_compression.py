"""Pages travel gzipped to browsers that accept it (most customers are on phones on slow connections),
cached pages included, and stay whole."""

import gzip
import re

import pytest
from django.core.cache import cache
from django.test import Client

from tests.shop.checkout.journey import buyable_products

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _gzipped_get(client, url):
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert html.rstrip().endswith("</html>")
    return response, html


def test_the_product_list_is_sent_gzipped_at_a_fraction_of_its_size(client):
    plain = client.get("/catalogue/").content
    response, html = _gzipped_get(client, "/catalogue/")
    assert len(response.content) * 3 < len(plain)
    assert 'lang="vi"' in html and "₫" in html


def test_a_browser_without_gzip_gets_plain_html(client):
    response = client.get("/catalogue/")
    assert not response.has_header("Content-Encoding") and response.content.startswith(b"<!")


def test_a_cached_page_is_gzipped_with_the_visitor_s_own_token(settings):
    settings.OCOP_PAGE_CACHE_SECONDS = 300
    cache.clear()
    (product,) = buyable_products(1)
    url = product.get_absolute_url()
    first, first_html = _gzipped_get(Client(), url)
    second, second_html = _gzipped_get(Client(), url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    tokens = TOKEN.findall(second_html)
    assert tokens and "__OCOP_CSRF_TOKEN__" not in second_html
    assert TOKEN.findall(first_html) != tokens
    cache.clear()
