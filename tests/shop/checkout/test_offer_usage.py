"""An order placed under a campaign counts in the campaign's figures (Oscar's offer counters), whatever other
orders were placed since its basket was priced: the counters are added in the database at the end of the
placement, not saved from the counts the basket read (``shop.order.utils.OrderCreator._record_usage``)."""

import pytest
from oscar.core.loading import get_class, get_model
from oscar.test.factories import create_order

pytestmark = pytest.mark.django_db
Basket = get_model("basket", "Basket")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Applicator = get_class("offer.applicator", "Applicator")
Selector = get_class("partner.strategy", "Selector")


def _priced_basket(user, product, voucher=None):
    """A basket holding ``product`` with the offers applied, as the checkout holds it before "place order"."""
    basket = Basket.objects.create(owner=user)
    basket.strategy = Selector().strategy(user=user)
    basket.add_product(product)
    if voucher is not None:
        basket.vouchers.add(voucher)
    Applicator().apply(basket, user)
    return basket


def _campaign_products(count):
    offer = ConditionalOffer.objects.get(name="Tuần lễ OCOP Lào Cai")
    products = [product for product in offer.condition.range.all_products() if product.stockrecords.exists()]
    assert len(products) >= count, "the demo campaign covers products in stock"
    return offer, products[:count]


def test_two_orders_priced_at_the_same_time_both_count_in_the_campaign(customer):
    offer, (first, second) = _campaign_products(2)
    before = ConditionalOffer.objects.get(pk=offer.pk)
    # Two buyers reach "place order" together: both baskets read the campaign's counts before either order.
    earlier, later = _priced_basket(customer, first), _priced_basket(customer, second)
    discounts = [
        sum(application["discount"] for application in basket.offer_applications) for basket in (earlier, later)
    ]
    assert all(discounts), "both baskets have the campaign's discount"

    create_order(basket=earlier, user=customer)
    create_order(basket=later, user=customer)

    after = ConditionalOffer.objects.get(pk=offer.pk)
    assert after.num_orders == before.num_orders + 2
    assert after.num_applications == before.num_applications + 2
    assert after.total_discount == before.total_discount + sum(discounts)
    assert after.status == ConditionalOffer.OPEN


def test_an_offer_whose_limit_the_order_reaches_is_consumed(customer):
    offer, (product,) = _campaign_products(1)
    offer.max_global_applications = offer.num_applications + 1
    offer.save()
    create_order(basket=_priced_basket(customer, product), user=customer)
    offer.refresh_from_db()
    assert offer.num_applications == offer.max_global_applications
    assert offer.status == ConditionalOffer.CONSUMED, "Oscar's rule: no more applications left"


def test_a_voucher_counts_each_order_and_the_discount_it_gave(customer):
    from oscar.test.factories import VoucherFactory

    offer, (first, second) = _campaign_products(2)
    voucher = VoucherFactory(code="OCOPTEST")
    voucher.offers.add(_voucher_offer(offer))
    earlier = _priced_basket(customer, first, voucher)
    later = _priced_basket(customer, second, voucher)
    given = [
        sum(application["discount"] for application in basket.offer_applications if application.get("voucher"))
        for basket in (earlier, later)
    ]
    assert all(given), "the voucher gives a discount on both baskets"

    create_order(basket=earlier, user=customer)
    create_order(basket=later, user=customer)

    voucher.refresh_from_db()
    assert voucher.num_orders == 2
    assert voucher.total_discount == sum(given)
    assert voucher.applications.filter(user=customer).count() == 2


def _voucher_offer(campaign):
    """A voucher offer of 5 % on the campaign's range (vouchers apply only through their own offers)."""
    Benefit = get_model("offer", "Benefit")
    Condition = get_model("offer", "Condition")
    product_range = campaign.condition.range
    return ConditionalOffer.objects.create(
        name="Mã giảm giá thử",
        offer_type=ConditionalOffer.VOUCHER,
        condition=Condition.objects.create(range=product_range, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=product_range, type=Benefit.PERCENTAGE, value=5),
    )
