"""What search engines and chat apps (Zalo, Facebook) read: sitemap, robots.txt, canonical and hreflang
links, Open Graph tags and schema.org product data."""

import json
import re

import pytest
from oscar.core.loading import get_model

from catalogue.listing import for_sale
from cms.models import ArticlePage

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")


def test_the_sitemap_lists_pages_and_listed_products_in_both_languages(client):
    xml = client.get("/sitemap.xml").content.decode()
    product = for_sale(Product.objects.all()).first()
    hidden = Product.objects.exclude(pk__in=for_sale(Product.objects.all())).first()
    assert f"http://testserver{product.get_absolute_url()}" in xml
    assert f"http://testserver/en{product.get_absolute_url()}" in xml
    assert hidden.get_absolute_url() not in xml
    article = ArticlePage.objects.filter(locale__language_code="vi").first()
    # Pages carry the Wagtail site's own address (its hostname), in both languages.
    assert f"<loc>{article.full_url}</loc>" in xml
    assert f"<loc>{article.get_translations().get().full_url}</loc>" in xml


def test_robots_keeps_crawlers_out_of_private_pages_and_points_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    for path in ("/checkout/", "/basket/", "/dashboard/", "/accounts/", "/don-hang/"):
        assert f"Disallow: {path}" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_pages_name_their_canonical_url_and_their_translations(client):
    article = ArticlePage.objects.filter(locale__language_code="vi").first()
    html = client.get(article.url + "?utm_source=zalo").content.decode()
    assert f'<link rel="canonical" href="http://testserver{article.url}">' in html
    assert f'hreflang="en" href="http://testserver/en{article.url}"' in html
    assert f'hreflang="vi" href="http://testserver{article.url}"' in html
    assert f'<meta property="og:title" content="{article.title}">' in html


def test_a_pages_translations_are_worked_out_once_per_process(client):
    """The hreflang links are kept per path (``seo.translated_paths``): the second visit resolves nothing and
    names the same translations, in both languages."""
    from shop.core.templatetags import seo

    article = ArticlePage.objects.filter(locale__language_code="vi").first()
    seo._translated_paths.cache_clear()
    first = client.get(article.url).content.decode()
    hits, misses = seo._translated_paths.cache_info()[:2]
    again = client.get(article.url).content.decode()
    assert seo._translated_paths.cache_info()[:2] == (hits + 1, misses)  # drawn again, nothing resolved
    english = client.get(f"/en{article.url}").content.decode()
    assert seo._translated_paths.cache_info().misses == misses + 1  # the English path is a path of its own
    for html in (first, again, english):
        assert f'hreflang="en" href="http://testserver/en{article.url}"' in html
        assert f'hreflang="vi" href="http://testserver{article.url}"' in html


def test_product_pages_share_image_price_and_stars_and_describe_the_product(client):
    product = for_sale(Product.objects.filter(images__isnull=False)).first()
    html = client.get(product.get_absolute_url()).content.decode()
    assert '<meta property="og:type" content="product">' in html
    assert f"OCOP {product.ocop_stars}★" in html
    assert re.search(r'<meta property="og:image" content="http://testserver/media/[^"]+">', html)
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    price = product.stockrecords.get().price
    assert data["@type"] == "Product" and data["name"] == product.get_title()
    assert data["offers"]["priceCurrency"] == "VND" and data["offers"]["price"] == str(int(price))
    assert f'<meta property="product:price:amount" content="{int(price)}">' in html
