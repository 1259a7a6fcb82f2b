"""The test builders (tests/factories.py) build what the site would: a product for sale by the one rule, an
unverified producer's product kept off it, an order placed through the checkout."""

import pytest
from oscar.core.loading import get_model

from catalogue import listing
from catalogue.programme.review import ReviewStatus
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


def test_a_submitted_product_waits_for_review():
    product = factories.submitted_product()
    assert product.review_status == ReviewStatus.SUBMITTED and not listing.is_for_sale(product)


def test_an_expired_product_is_approved_but_off_sale_without_a_job():
    product = factories.expired_product()
    assert product.review_status == ReviewStatus.APPROVED and product.is_public
    assert listing.sale_blockers(product) == ["không có giấy chứng nhận OCOP còn hiệu lực"]


def test_a_kept_on_sale_product_sells_without_a_certificate():
    product = factories.kept_on_sale_product()
    assert product.current_certificate() is None and product.kept_on_sale_until is not None
    assert listing.is_for_sale(product)


def test_an_assistant_acts_for_the_producer_only():
    from shop.partner import access

    producer, other = factories.producer(), factories.producer()
    helper = factories.assistant(producer)
    assert access.capacity(helper, producer) == access.ASSISTANT
    assert access.capacity(helper, other) is None
