"""Community-tourism services are not shipped: the buyer picks the day of the service, which must be
today or later, and it stays on the basket line and the order line."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from shop.shipping.service_dates import SERVICE_DATE, service_date_of
from tests.shop.checkout.journey import buyable_products

pytestmark = pytest.mark.django_db
Basket = get_model("basket", "Basket")
Option = get_model("catalogue", "Option")
ProductClass = get_model("catalogue", "ProductClass")
OrderCreator = get_class("order.utils", "OrderCreator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
Repository = get_class("shipping.repository", "Repository")
Selector = get_class("partner.strategy", "Selector")


@pytest.fixture
def service():
    (product,) = buyable_products(1, shipped=False)
    return product


def _add(client, product, **data):
    return client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1, **data}, follow=True)


def _basket_lines(client):
    return list(client.get(reverse("basket:summary")).context["basket"].all_lines())


def test_every_product_class_without_shipping_asks_for_a_required_date():
    option = Option.objects.get(code=SERVICE_DATE)
    assert (option.name, option.type, option.required) == ("Ngày sử dụng dịch vụ", Option.DATE, True)
    services = ProductClass.objects.filter(requires_shipping=False)
    assert services.exists()
    assert all(option in product_class.options.all() for product_class in services)
    assert not ProductClass.objects.filter(requires_shipping=True, options=option).exists()


def test_service_page_shows_a_date_picker_and_goods_pages_do_not(client, service):
    page = client.get(service.get_absolute_url()).content.decode()
    assert 'name="service_date"' in page and 'type="date"' in page and "Ngày sử dụng dịch vụ" in page
    assert f'min="{timezone.localdate().isoformat()}"' in page
    (goods,) = buyable_products(1)
    assert 'name="service_date"' not in client.get(goods.get_absolute_url()).content.decode()


def test_a_service_without_a_date_is_not_added(client, service):
    response = _add(client, service)
    assert "Hãy chọn ngày sử dụng dịch vụ." in response.content.decode()
    assert _basket_lines(client) == []


def test_a_past_date_is_refused_in_vietnamese(client, service):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = _add(client, service, service_date=yesterday.isoformat())
    assert "Ngày sử dụng dịch vụ phải từ hôm nay" in response.content.decode()
    assert _basket_lines(client) == []


def test_the_chosen_date_shows_on_the_basket_line_and_is_copied_to_the_order_line(client, service):
    day = timezone.localdate() + datetime.timedelta(days=10)
    response = _add(client, service, service_date=day.isoformat())
    (line,) = _basket_lines(client)
    assert service_date_of(line) == day
    assert f"Ngày sử dụng dịch vụ: {day:%d/%m/%Y}" in client.get(reverse("basket:summary")).content.decode()
    assert response.status_code == 200

    basket = Basket.objects.get(pk=line.basket_id)
    basket.strategy = Selector().strategy()
    (method,) = Repository().get_shipping_methods(basket)  # a service only: nothing to ship
    assert method.code == "no-shipping-required"
    charge = method.calculate(basket)
    order = OrderCreator().place_order(
        basket=basket,
        total=OrderTotalCalculator().calculate(basket, charge),
        shipping_method=method,
        shipping_charge=charge,
        order_number="TEST-SERVICE-1",
    )
    (order_line,) = order.lines.all()
    assert service_date_of(order_line) == day
    assert order_line.attributes.get().value == day.isoformat()
    assert not order.parcels.exists() and order.shipping_incl_tax == 0


def test_today_is_accepted_and_the_day_month_year_form_too(client, service):
    today = timezone.localdate()
    _add(client, service, service_date=today.strftime("%d/%m/%Y"))
    (line,) = _basket_lines(client)
    assert service_date_of(line) == today
