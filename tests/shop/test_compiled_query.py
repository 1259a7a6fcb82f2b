"""``shop.core.compiled.CompiledQuery``: the ORM's query, compiled once, answering as the ORM does."""

import pytest
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from shop.core.compiled import CompiledQuery

pytestmark = pytest.mark.django_db
Basket = get_model("basket", "Basket")
Line = get_model("basket", "Line")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


def _units(owner):
    return (
        Line.objects.filter(basket__owner_id=owner, basket__status=Basket.OPEN)
        .order_by()
        .values("product_id")
        .annotate(units=Sum("quantity"))
        .values_list("product_id", "units")
    )


def _basket_of(user, *products, status=Basket.OPEN):
    basket = Basket.objects.create(owner=user)
    for product, quantity in products:
        record = StockRecord.objects.filter(product=product).first()
        basket.lines.create(
            product=product, stockrecord=record, quantity=quantity, line_reference=f"{product.pk}_{record.pk}"
        )
    Basket.objects.filter(pk=basket.pk).update(status=status)
    return basket


def test_it_answers_what_the_orm_answers_for_each_value_and_compiles_once(customer, staff_user):
    first, second = Product.objects.filter(stockrecords__isnull=False).order_by("pk")[:2]
    _basket_of(customer, (first, 2), (second, 1))
    _basket_of(customer, (first, 3), status=Basket.SUBMITTED)  # the constant ("Open") still applies
    _basket_of(staff_user, (second, 4))
    builds = []

    def build(owner):
        builds.append(owner)
        return _units(owner)

    compiled = CompiledQuery(build)
    for user in (customer, staff_user, customer):
        with CaptureQueriesContext(connection) as queries:
            rows = compiled.rows(user.pk)
        assert dict(rows) == dict(_units(user.pk))
        assert len(queries) == 1  # still one query, seen by the query counters
    assert dict(compiled.rows(customer.pk)) == {first.pk: 2, second.pk: 1}
    assert len(builds) == 1, "built and compiled on the first call only"


def test_it_refuses_a_value_the_sql_does_not_take_as_a_parameter():
    ignoring = CompiledQuery(lambda owner: Line.objects.filter(quantity__gt=0).values_list("id"))
    with pytest.raises(ValueError, match="each value must be one parameter"):
        ignoring.rows(1)
    two = CompiledQuery(lambda product, user: _units(user).filter(product_id=product), arity=2)
    with pytest.raises(TypeError):
        two.rows(1)
