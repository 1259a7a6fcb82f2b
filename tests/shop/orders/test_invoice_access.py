"""Invoices follow the order pages' rule (``shop.order.access``): the buyer (account, or a guest who looked
the order up by number and email), staff holding the order permission, and each producer's people for their
own part. Being staff is not enough: the OCOP reviewer, who has no order permission, gets a 404 like any
stranger, so sequential order numbers reveal nothing without the buyer's email."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from oscar.core.loading import get_model

from cms.demo import loader
from tests.shop.checkout.journey import add_to_basket, buyable_products, place_order, producer_actor, reach_preview

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")
Partner = get_model("partner", "Partner")
User = get_user_model()
GUEST = "khach.hoa.don@example.vn"


@pytest.fixture
def customer_order():
    """A demo order of the demo customer, with its producers."""
    order = Order.objects.filter(user__email="khachhang@ocop.example.vn").order_by("pk").first()
    assert order is not None, "the demo customer has orders"
    return order


def _invoice_url(order, producer):
    return reverse("order-invoice", kwargs={"number": order.number, "partner_id": producer.pk})


def _client_for(client, user):
    other = type(client)()
    other.force_login(user, backend="oscar.apps.customer.auth_backends.EmailBackend")
    return other


def _producers(order):
    return list(Partner.objects.filter(pk__in=order.lines.values("partner")).order_by("pk"))


def test_the_ocop_reviewer_without_the_order_permission_gets_404(client, customer_order):
    reviewer = User.objects.get(email=loader.REVIEWER_EMAIL)
    assert reviewer.is_staff and not reviewer.has_perm("order.view_order")
    as_reviewer = _client_for(client, reviewer)
    for producer in _producers(customer_order):
        assert as_reviewer.get(_invoice_url(customer_order, producer)).status_code == 404
    lookup = reverse("order-lookup-detail", kwargs={"number": customer_order.number})
    assert as_reviewer.get(lookup).status_code == 404


def test_staff_with_the_order_permission_get_the_invoice(client, customer_order):
    producer = _producers(customer_order)[0]
    admin = User.objects.get(email=loader.STAFF_EMAIL)
    response = _client_for(client, admin).get(_invoice_url(customer_order, producer))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"

    reviewer = User.objects.get(email=loader.REVIEWER_EMAIL)
    reviewer.user_permissions.add(Permission.objects.get(codename="view_order", content_type__app_label="order"))
    reviewer = User.objects.get(pk=reviewer.pk)  # a fresh permission cache
    assert _client_for(client, reviewer).get(_invoice_url(customer_order, producer)).status_code == 200


def test_the_buyer_gets_each_invoice_of_their_order(client, customer_order):
    buyer = _client_for(client, customer_order.user)
    for producer in _producers(customer_order):
        assert buyer.get(_invoice_url(customer_order, producer)).status_code == 200


def test_another_customer_and_another_producer_get_404(client, customer_order, customer):
    producer = _producers(customer_order)[0]
    url = _invoice_url(customer_order, producer)
    assert _client_for(client, customer).get(url).status_code == 404
    assert type(client)().get(url).status_code == 404  # anonymous, without the lookup

    outsider = (
        Partner.objects.exclude(pk__in=customer_order.lines.values("partner"))
        .filter(users__isnull=False)
        .order_by("pk")
        .first()
    )
    assert outsider is not None
    as_outsider = _client_for(client, producer_actor(outsider))
    assert as_outsider.get(url).status_code == 404
    # Its own id in the address does not help: it holds no part of this order.
    assert as_outsider.get(_invoice_url(customer_order, outsider)).status_code == 404


def test_a_producer_gets_its_own_part_only(client, customer_order):
    producers = _producers(customer_order)
    seller = _client_for(client, producer_actor(producers[0]))
    assert seller.get(_invoice_url(customer_order, producers[0])).status_code == 200
    for other in producers[1:]:
        if producer_actor(other) != producer_actor(producers[0]):
            assert seller.get(_invoice_url(customer_order, other)).status_code == 404


def test_a_guest_gets_the_invoice_after_the_lookup_by_number_and_email(client, django_capture_on_commit_callbacks):
    (product,) = buyable_products(1)
    add_to_basket(client, product, 1)
    reach_preview(client, method="cod", email=GUEST)
    with django_capture_on_commit_callbacks(execute=True):
        assert place_order(client).status_code == 302
    order = Order.objects.get(guest_email=GUEST)
    url = _invoice_url(order, order.lines.get().partner)

    guest = type(client)()
    assert guest.get(url).status_code == 404
    assert guest.post(reverse("order-lookup"), {"number": order.number, "email": "ai.do@example.vn"}).status_code == 200
    assert guest.get(url).status_code == 404
    assert guest.post(reverse("order-lookup"), {"number": order.number, "email": GUEST}).status_code == 302
    assert guest.get(url).status_code == 200
