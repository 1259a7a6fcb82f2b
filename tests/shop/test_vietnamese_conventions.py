from decimal import Decimal

import pytest
from django.conf import settings
from django.utils import timezone, translation
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency
from wagtail.models import Page

from cms.models import HomePage
from shop.core.text import ascii_slugify

Category = get_model("catalogue", "Category")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_vnd_is_formatted_with_dots_no_decimals_symbol_after(language):
    with translation.override(language):
        assert currency(Decimal("1234567")) == "1.234.567\u00a0₫"
        assert currency(Decimal("45000.00")) == "45.000\u00a0₫"
        assert currency(Decimal("500")) == "500\u00a0₫"


def test_vnd_is_the_only_currency_and_time_is_vietnams():
    assert settings.OSCAR_DEFAULT_CURRENCY == "VND"
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert str(timezone.get_current_timezone()) == "Asia/Ho_Chi_Minh"


@pytest.mark.parametrize(
    "text, slug",
    [
        ("Đặc sản Đà Lạt", "dac-san-da-lat"),
        ("Chè Shan tuyết Suối Giàng", "che-shan-tuyet-suoi-giang"),
        ("Đồ uống", "do-uong"),
        ("Mật ong bạc hà Đồng Văn", "mat-ong-bac-ha-dong-van"),
    ],
)
def test_slugs_fold_vietnamese_letters(text, slug):
    assert ascii_slugify(text) == slug


@pytest.mark.django_db
def test_oscar_category_slug_turns_d_stroke_into_d():
    category = Category.add_root(name="Đặc sản địa phương")
    assert category.slug == "dac-san-dia-phuong"
    assert "u0111" not in category.slug


@pytest.mark.django_db
def test_wagtail_page_slug_turns_d_stroke_into_d():
    page = Page.get_first_root_node().add_child(instance=HomePage(title="Đường lên Y Tý"))
    assert page.slug == "duong-len-y-ty"
