"""Portal access is per (account, producer) — issue 17, finding 10.

The attack: an account works for a verified producer (so it holds ``partner.dashboard_access``) and is
also the director of an unverified one (pending, rejected) or of a suspended one. It works for the
verified producer as before; it cannot act for the pending or rejected producer at all (switch to it,
name it in the session, create or edit its products, submit them, change stock and prices, add a
certificate, confirm or ship its orders); for the suspended producer it may read its pages and fulfil
orders already placed, but change nothing of its catalogue.

The sweeps below walk every portal and OCOP producer URL (the lists of ``test_isolation_sweep``, which
fails when a URL is added without a place there) as that account, so new URLs are covered by construction.
"""

from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue.ocop import editing, workflow
from shop.core import order_statuses as statuses
from shop.order import fulfilment
from shop.partner import access
from tests import factories

from .conftest import portal_user
from .test_isolation_sweep import A_OBJECT_URLS, PRODUCER_PAGES, _fingerprint, _hostile_posts, producer_a  # noqa: F401 — producer_a is a fixture

pytestmark = pytest.mark.django_db

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
Line = get_model("order", "Line")

PENDING, REJECTED, SUSPENDED = (
    Partner.Verification.PENDING,
    Partner.Verification.REJECTED,
    Partner.Verification.SUSPENDED,
)
FULFILMENT_ACTIONS = {"confirm", "ship", "cancel"}


@pytest.fixture
def verified(producer_b):
    assert producer_b.is_verified
    return producer_b


@pytest.fixture
def unverified(producer_a):  # noqa: F811 — the fixture imported above
    """The demo household (products, orders in every state, a settlement), its status set per test."""
    return producer_a


@pytest.fixture
def attacker(verified, unverified):
    """Director of the verified producer and, too, director and member of the other one."""
    user = portal_user(verified, "hai-chu-the@example.vn", director=True)
    unverified["producer"].users.add(user)
    Partner.objects.filter(pk=unverified["producer"].pk).update(director=user)
    return user


def _set_status(unverified, status):
    Partner.objects.filter(pk=unverified["producer"].pk).update(verification_status=status)
    unverified["producer"].refresh_from_db()
    return unverified["producer"]


def _name_in_session(client, producer):
    session = client.session
    session["portal_producer_id"] = producer.pk
    session.save()


def _catalogue(a):
    """The part of the fingerprint a suspended producer's people may not change."""
    fingerprint = _fingerprint(a)
    return {key: fingerprint[key] for key in ("producer", "products", "stock", "images", "certificates")}


def _text(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode("utf-8-sig")


def _open_line(producer, status):
    return Line.objects.filter(partner=producer, status=status).select_related("order").first()


# --- the rule itself -------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [PENDING, REJECTED, SUSPENDED])
def test_the_account_keeps_working_for_its_verified_producer(client, verified, product_b, unverified, attacker, status):
    _set_status(unverified, status)
    assert access.capacity(attacker, verified) == access.MEMBER
    client.force_login(attacker)
    response = client.post(reverse("dashboard:portal-switch"), {"producer": verified.pk})
    assert response.status_code == 302
    response = client.get(reverse("dashboard:portal-products"))
    assert response.status_code == 200
    assert product_b.title in _text(response)


@pytest.mark.parametrize("status", [PENDING, REJECTED])
def test_an_unverified_producer_is_not_manageable(unverified, attacker, status):
    producer = _set_status(unverified, status)
    assert producer not in access.manageable_producers(attacker)
    for need in (access.VIEW, access.FULFIL, access.SELL):
        assert access.capacity(attacker, producer, need) is None
    with pytest.raises(PermissionDenied):
        access.on_behalf_of(attacker, producer)


def test_a_suspended_producer_is_readable_and_fulfils_its_orders_but_sells_nothing(unverified, attacker):
    producer = _set_status(unverified, SUSPENDED)
    assert producer in access.manageable_producers(attacker)
    assert access.capacity(attacker, producer, access.VIEW) == access.MEMBER
    assert access.capacity(attacker, producer, access.FULFIL) == access.MEMBER
    assert access.capacity(attacker, producer, access.SELL) is None
    assert access.capacity(attacker, producer) is None  # the strictest need unless one is named


def test_an_assistant_of_an_unverified_producer_cannot_act_for_it(unverified):
    producer = _set_status(unverified, PENDING)
    assistant = portal_user(factories.producer(), "buu-dien-2@example.vn")  # works for a verified producer
    get_model("partner", "AssistedEntryGrant").objects.create(partner=producer, user=assistant)
    assert access.capacity(assistant, producer, access.VIEW) is None
    assert producer not in access.manageable_producers(assistant)


# --- every attempt to act for the pending or rejected producer is refused --------------------------


@pytest.mark.parametrize("status", [PENDING, REJECTED])
def test_switching_to_the_unverified_producer_is_a_404(client, unverified, attacker, status):
    producer = _set_status(unverified, status)
    client.force_login(attacker)
    response = client.post(reverse("dashboard:portal-switch"), {"producer": producer.pk})
    assert response.status_code == 404
    assert client.session.get("portal_producer_id") != producer.pk


@pytest.mark.parametrize("status", [PENDING, REJECTED])
def test_the_unverified_producer_named_in_the_session_is_not_served(client, verified, unverified, attacker, status):
    producer = _set_status(unverified, status)
    client.force_login(attacker)
    _name_in_session(client, producer)
    response = client.get(reverse("dashboard:portal-products"))
    assert response.status_code == 200
    assert response.context["portal_producer"] == verified
    assert producer.name not in _text(response)


@pytest.mark.parametrize("status", [PENDING, REJECTED])
def test_the_services_refuse_to_act_for_the_unverified_producer(unverified, attacker, status):
    producer = _set_status(unverified, status)
    product = unverified["product"]
    before = _fingerprint(unverified)
    with pytest.raises(PermissionDenied):  # create a product
        editing.save_product(SimpleNamespace(instance=Product()), producer, attacker, price=1, num_in_stock=1)
    with pytest.raises(PermissionDenied):  # edit one
        editing.save_product(SimpleNamespace(instance=product), producer, attacker, price=1, num_in_stock=1)
    with pytest.raises(PermissionDenied):  # stock and price
        editing.update_stock_prices(producer, attacker, {product.stockrecords.get().pk: (1, 0)})
    with pytest.raises(PermissionDenied):  # a certificate
        editing.add_certificate(product, producer, attacker, form=None)
    with pytest.raises(workflow.TransitionRefused):  # submit for review
        workflow.submit(product, attacker)
    line = _open_line(producer, statuses.LINE_PENDING)
    with pytest.raises(fulfilment.FulfilmentRefused):
        fulfilment.confirm_lines(line.order, producer, attacker, [line.pk])
    with pytest.raises(fulfilment.FulfilmentRefused):
        fulfilment.ship_lines(line.order, producer, attacker, [line.pk], "Giao Hàng Nhanh", "GHN1")
    assert _fingerprint(unverified) == before


@pytest.mark.parametrize("status", [PENDING, REJECTED])
def test_the_unverified_producers_pages_answer_404_and_change_nothing(client, unverified, attacker, status):
    producer = _set_status(unverified, status)
    product, order = unverified["product"], unverified["order"]
    before = _fingerprint(unverified)
    client.force_login(attacker)
    _name_in_session(client, producer)
    ocop_product = reverse("dashboard:ocop-product", kwargs={"pk": product.pk})
    assert client.get(ocop_product).status_code == 404
    assert client.post(ocop_product, {"action": "submit"}).status_code == 404
    assert client.post(ocop_product, {"number": "1", "level": "3"}).status_code == 404  # a certificate
    assert client.get(reverse("dashboard:portal-product-edit", kwargs={"pk": product.pk})).status_code == 404
    lines = list(order.lines.filter(partner=producer).values_list("pk", flat=True))
    order_url = reverse("dashboard:portal-order", kwargs={"number": order.number})
    for action in FULFILMENT_ACTIONS:
        assert (
            client.post(
                order_url,
                {
                    "action": action,
                    f"{action}-lines": lines,
                    f"{action}-carrier": "GHN",
                    f"{action}-tracking_number": "1",
                    f"{action}-reason": "x",
                },
            ).status_code
            == 404
        )
    assert product.title not in _text(client.get(reverse("dashboard:ocop-my-products")))
    assert _fingerprint(unverified) == before


# --- the suspended producer: read, fulfil, no catalogue change --------------------------------------


def test_the_suspended_producer_fulfils_orders_already_placed(client, unverified, attacker):
    producer = _set_status(unverified, SUSPENDED)
    line = next(
        line
        for line in Line.objects.filter(partner=producer, status=statuses.LINE_PENDING).select_related("order")
        if not fulfilment.awaiting_prepayment(line.order)
    )
    client.force_login(attacker)
    response = client.post(reverse("dashboard:portal-switch"), {"producer": producer.pk})
    assert response.status_code == 302
    response = client.post(
        reverse("dashboard:portal-order", kwargs={"number": line.order.number}),
        {"action": "confirm", "confirm-lines": [line.pk]},
    )
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.status == statuses.LINE_CONFIRMED


def test_the_suspended_producers_catalogue_cannot_change(client, unverified, attacker):
    producer = _set_status(unverified, SUSPENDED)
    product = unverified["product"]
    before = _catalogue(unverified)
    with pytest.raises(PermissionDenied):
        editing.update_stock_prices(producer, attacker, {product.stockrecords.get().pk: (1, 0)})
    with pytest.raises(PermissionDenied):
        editing.save_product(SimpleNamespace(instance=Product()), producer, attacker, price=1, num_in_stock=1)
    with pytest.raises(workflow.TransitionRefused):
        workflow.submit(product, attacker)
    client.force_login(attacker)
    _name_in_session(client, producer)
    assert client.get(reverse("dashboard:portal-products")).status_code == 200
    stockrecord = product.stockrecords.get()
    response = client.post(
        reverse("dashboard:portal-stock-prices"),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
            "form-0-id": stockrecord.pk,
            "form-0-price": "1",
            "form-0-num_in_stock": "0",
        },
    )
    assert response.status_code == 403
    assert "tạm ngừng" in response.content.decode()
    ocop_product = reverse("dashboard:ocop-product", kwargs={"pk": product.pk})
    assert client.post(ocop_product, {"action": "submit"}).status_code == 403
    assert _catalogue(unverified) == before


# --- sweeps: every portal and OCOP producer URL as that account --------------------------------------


@pytest.mark.parametrize("status", [PENDING, REJECTED])
@pytest.mark.parametrize("url_name", sorted(A_OBJECT_URLS))
def test_sweep_unverified_objects_answer_404_and_nothing_changes(client, unverified, attacker, status, url_name):
    producer = _set_status(unverified, status)
    url = reverse(f"dashboard:{url_name}", kwargs=A_OBJECT_URLS[url_name](unverified))
    before = _fingerprint(unverified)
    client.force_login(attacker)
    _name_in_session(client, producer)
    assert client.get(url).status_code in (403, 404)
    for body in _hostile_posts(unverified):
        assert client.post(url, body).status_code in (403, 404, 405), body["action"]
    assert _fingerprint(unverified) == before


@pytest.mark.parametrize("status", [PENDING, REJECTED])
@pytest.mark.parametrize("url_name", sorted(PRODUCER_PAGES))
def test_sweep_pages_show_nothing_of_the_unverified_producer(client, unverified, attacker, status, url_name):
    producer = _set_status(unverified, status)
    url = reverse(f"dashboard:{url_name}")
    before = _fingerprint(unverified)
    client.force_login(attacker)
    _name_in_session(client, producer)
    response = client.get(url)
    assert response.status_code in (200, 405)
    text = _text(response)
    for product in Product.objects.filter(stockrecords__partner=producer):
        assert product.title not in text, f"{url_name} shows the unverified producer's {product.upc}"
    assert unverified["order"].number not in text
    assert producer.name not in text
    for body in _hostile_posts(unverified):
        _name_in_session(client, producer)
        client.post(url, body)
    assert _fingerprint(unverified) == before


@pytest.mark.parametrize("url_name", sorted(set(A_OBJECT_URLS) | PRODUCER_PAGES))
def test_sweep_nothing_of_the_suspended_producers_catalogue_changes(client, unverified, attacker, url_name):
    producer = _set_status(unverified, SUSPENDED)
    kwargs = A_OBJECT_URLS[url_name](unverified) if url_name in A_OBJECT_URLS else {}
    url = reverse(f"dashboard:{url_name}", kwargs=kwargs)
    before = _catalogue(unverified)
    client.force_login(attacker)
    for body in _hostile_posts(unverified):
        _name_in_session(client, producer)
        response = client.post(url, body)
        if body["action"] not in FULFILMENT_ACTIONS and url_name.startswith("portal-product"):
            assert response.status_code in (403, 404, 405), (url_name, body["action"])
    assert _catalogue(unverified) == before
