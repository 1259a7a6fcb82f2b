"""What Lighthouse's accessibility audit asks of product lists (issue 21): a heading between the page's h1 and
the cards' h3 titles, and a card that cannot be bought saying so in readable text, not a greyed-out button."""

import re

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from shop.core import changes

pytestmark = pytest.mark.django_db
StockRecord = get_model("partner", "StockRecord")
HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.S)


def headings(html):
    return [(int(level), re.sub(r"<[^>]+>|\s+", " ", text).strip()) for level, text in HEADING.findall(html)]


def assert_no_skipped_level(page):
    levels = [level for level, _ in headings(page)]
    assert levels and levels[0] == 1
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"h{before} followed by h{after}: {headings(page)}"


@pytest.mark.parametrize("path", ["/catalogue/", "/en/catalogue/", "/search/?q=chè"])
def test_product_lists_have_a_heading_before_the_card_titles(client, path):
    page = client.get(path).content.decode()
    assert "product-card__title" in page
    assert_no_skipped_level(page)


def test_the_search_page_names_its_product_list_once(client):
    page = client.get(reverse("search:search"), {"q": "chè"}).content.decode()
    level_two = [text for level, text in headings(page) if level == 2]
    assert "Sản phẩm" in level_two and "Danh sách sản phẩm" not in level_two


def test_a_card_that_cannot_be_bought_says_so_in_plain_text(client):
    product = client.get(reverse("catalogue:index")).context["products"][0]
    StockRecord.objects.filter(product=product).update(num_in_stock=0, num_allocated=0)
    changes.product_changed(product.pk)
    page = client.get(reverse("catalogue:index")).content.decode()
    cards = re.findall(r'<article class="product_pod.*?</article>', page, re.S)
    card = next(card for card in cards if f'href="{product.get_absolute_url()}"' in card)
    assert '<p class="product-card__unavailable">Chưa thể đặt mua</p>' in card
    assert "disabled" not in card and "basket/add" not in card
