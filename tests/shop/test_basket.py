import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_class, get_model

from tests import factories

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")


def _in_stock_product():
    return Product.objects.filter(stockrecords__num_in_stock__gte=5, ocop_group="food").order_by("upc").first()


def test_add_to_basket_puts_the_product_in_the_basket(client):
    product = _in_stock_product()
    response = client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 2})
    assert response.status_code == 302
    basket_page = client.get(reverse("basket:summary"))
    basket = basket_page.context["basket"]
    assert basket.num_items == 2
    line = basket.all_lines()[0]
    assert line.product == product
    total = f"{int(line.unit_price_incl_tax * 2):,}".replace(",", ".") + "\u00a0₫"
    assert total in basket_page.content.decode()


def test_header_shows_basket_count(client):
    product = _in_stock_product()
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 3})
    html = client.get(reverse("catalogue:index")).content.decode()
    assert "data-basket-count>3<" in html


def test_cannot_add_more_than_stock(client):
    product = _in_stock_product()
    stock = product.stockrecords.get().num_in_stock
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": stock + 1})
    basket = client.get(reverse("basket:summary")).context["basket"]
    assert basket.num_items == 0


@pytest.mark.parametrize(
    "language, refusal",
    [
        ("vi", "Giỏ hàng này đang được thanh toán hoặc đã thành đơn hàng nên không thể thay đổi nữa."),
        ("en", "This basket is being paid for or has already become an order, so it can no longer be changed."),
    ],
)
def test_a_basket_being_paid_for_refuses_changes_in_the_visitors_language(language, refusal):
    """Oscar's refusal put the basket's status in English inside the sentence ("Bạn không thể thay đổi frozen giỏ
    hàng"); our 403 page shows it to the visitor."""
    basket = get_model("basket", "Basket").objects.create(owner=factories.customer())
    basket.strategy = get_class("partner.strategy", "Selector")().strategy()
    basket.freeze()
    with translation.override(language), pytest.raises(PermissionDenied) as refused:
        basket.add_product(_in_stock_product())
    assert str(refused.value) == refusal
