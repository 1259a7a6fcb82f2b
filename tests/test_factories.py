"""The test builders (tests/factories.py) build what the site would: a product for sale by the one rule, an
unverified producer's product kept off it, an order placed through the checkout."""

import pytest
from oscar.core.loading import get_model

from catalogue import listing
from catalogue.models import ReviewStatus
from tests import factories

pytestmark = pytest.mark.django_db
ReviewLogEntry = get_model("catalogue", "ReviewLogEntry")


def test_a_built_product_is_for_sale_through_the_workflow():
    product = factories.product(price=210_000, stock=7, stars=5)
    assert listing.is_for_sale(product) and product in listing.for_sale()
    assert product.review_status == ReviewStatus.APPROVED and product.current_certificate().star_rating == 5
    stockrecord = product.stockrecords.get()
    assert (stockrecord.price, stockrecord.num_in_stock, stockrecord.partner) == (210_000, 7, product.producer)
    assert ReviewLogEntry.objects.filter(product=product, action="approve").exists()


def test_a_product_not_put_on_sale_stays_a_draft():
    product = factories.product(on_sale=False)
    assert product.review_status == ReviewStatus.DRAFT and not listing.is_for_sale(product)


def test_an_unverified_producers_product_cannot_be_built_for_sale():
    from catalogue.ocop.workflow import TransitionRefused

    with pytest.raises(TransitionRefused):
        factories.product(factories.producer(verified=False))


def test_an_order_is_placed_through_the_checkout():
    buyer = factories.customer()
    honey, tea = factories.product(), factories.product(price=90_000)
    order = factories.order(buyer, (honey, 2), tea)
    assert order.user == buyer
    assert sorted((line.product_id, line.quantity) for line in order.lines.all()) == sorted(
        [(honey.pk, 2), (tea.pk, 1)]
    )
    assert honey.stockrecords.get().num_allocated == 2
