import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue import listing
from tests import factories
from tests.conftest import VND_AMOUNT

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")


def test_catalogue_lists_products_with_vnd_prices(client):
    response = client.get(reverse("catalogue:index"))
    assert response.status_code == 200
    html = response.content.decode()
    # Listed: public, verified producer, and a certificate backing the mark or a decision to keep selling.
    assert response.context["paginator"].count == listing.for_sale().count() < Product.objects.browsable().count()
    assert len(response.context["products"]) == 24
    amounts = VND_AMOUNT.findall(html)
    assert len(amounts) >= 24
    assert not re.search(r"\d,\d{2}\s*₫|₫\s*\d", html), "no decimals, symbol after the amount"


def _category(name):
    return Category.get_root_nodes().get(name=name)


# Every page's header and footer add 3: the site, its contact details and its main menu (cached links).
@pytest.mark.parametrize(
    "url, max_queries",
    [
        (lambda: reverse("catalogue:index"), 14),
        (lambda: reverse("catalogue:index") + "?page=2", 14),
        (lambda: _category("Đồ uống").get_absolute_url(), 17),
        # + the articles section (the return policy and news mention chè): pages, specific rows, site roots.
        (lambda: reverse("search:search") + "?q=chè", 20),
        # + the sharing tags (Open Graph, schema.org): price, thumbnail, review figures.
        (lambda: Product.objects.get(upc="LC-001").get_absolute_url(), 33),
    ],
    ids=["browse", "browse-page-2", "category", "search", "product"],
)
def test_storefront_pages_use_a_fixed_number_of_queries(client, django_assert_max_num_queries, url, max_queries):
    """A page of 24 products costs the same as a page of one: no query per product."""
    client.get(url())  # per-process caches (site root paths, content types)
    with django_assert_max_num_queries(max_queries):
        assert client.get(url()).status_code == 200


def test_product_with_an_expired_certificate_is_not_shown_to_the_public(client, staff_user):
    expired = Product.objects.get(upc="LC-014")  # demo certificate expired on 2026-06-01
    assert expired.current_certificate() is None and expired.is_public
    response = client.get(expired.get_absolute_url())
    assert response.status_code == 404 and expired.title not in response.content.decode()
    # A wrong slug is not redirected to the real one (it would give the title away).
    assert client.get(f"/catalogue/x_{expired.pk}/").status_code == 404
    client.force_login(staff_user)
    html = client.get(expired.get_absolute_url()).content.decode()
    assert expired.title in html and "preview-banner" in html
    assert "không có giấy chứng nhận OCOP còn hiệu lực" in html
    assert 'class="ocop-mark"' not in html


def test_product_detail_shows_price_ocop_mark_certificate_and_producer(client):
    # A certificate valid today, whatever day the suite runs on.
    product = factories.product(
        certificate_fields={"number": "123/QĐ-UBND", "decided": timezone.localdate() - datetime.timedelta(days=30)}
    )
    certificate = product.ocop_certificates.get()
    stockrecord = product.stockrecords.get()
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert product.title in html
    expected_price = f"{int(stockrecord.price):,}".replace(",", ".") + "\u00a0₫"
    assert expected_price in html
    assert 'class="ocop-mark"' in html and "★★★★<" in html
    assert certificate.decision_number in html
    assert certificate.expires_on.strftime("%d/%m/%Y") in html
    assert stockrecord.partner.name in html
    assert stockrecord.partner.phone in html
    assert stockrecord.partner.registration_number in html


def test_category_page_lists_only_that_groups_products(client):
    drinks = _category("Đồ uống")
    response = client.get(drinks.get_absolute_url())
    assert response.status_code == 200
    products = list(response.context["paginator"].object_list)
    assert products
    assert {p.ocop_group for p in products} == {"drinks"}


def test_search_finds_products_by_vietnamese_words(client):
    response = client.get(reverse("search:search"), {"q": "Shan tuyết"})
    assert response.status_code == 200
    results = list(response.context["paginator"].object_list)
    assert any("Shan tuyết" in p.title for p in results)
    # Products with both words (in their text or their producer's name) come first; after them only typo matches
    # (the search forgives one typo a word: "Kim Tuyên" tea of Mộc Châu is a "tuyết" with one letter off).
    exact = []
    for product in results:
        text = " ".join((product.title, product.description, product.producer.name)).lower()
        exact.append("shan" in text and "tuyết" in text)
    assert exact[0] and exact == sorted(exact, reverse=True)


def test_sorting_by_price_ascending(client):
    response = client.get(reverse("catalogue:index"), {"sort_by": "price-asc"})
    prices = [p.min_price for p in response.context["products"]]
    assert prices == sorted(prices)


def test_unknown_product_is_404(client):
    assert client.get("/catalogue/khong-ton-tai_999999/").status_code == 404


def test_product_cards_load_small_webp_images_lazily_after_the_first_row(client):
    """Cards offer a 200 px and a 400 px WebP thumbnail (srcset): a phone on a slow connection fetches only what
    it shows. A list opening the page loads its first row (two cards on a phone) at once, the first picture
    first (the page's largest paint); the rest, and the home page's shelves, load lazily."""
    html = client.get(reverse("catalogue:index")).content.decode()
    images = re.findall(r'<img [^>]*class="product-card__image"[^>]*>', html)
    assert len(images) > 2
    for image in images:
        assert " 200w, " in image and " 400w" in image and 'sizes="' in image
        assert re.search(r'src="[^"]+\.webp"', image), image
    assert 'loading="eager"' in images[0] and 'fetchpriority="high"' in images[0]
    assert 'loading="eager"' in images[1] and "fetchpriority" not in images[1]
    assert all('loading="lazy"' in image and "fetchpriority" not in image for image in images[2:])
    home = client.get("/").content.decode()
    shelves = re.findall(r'<img [^>]*class="product-card__image"[^>]*>', home)
    assert shelves and all('loading="lazy"' in image for image in shelves)
