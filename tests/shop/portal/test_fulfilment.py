"""Orders and fulfilment per producer: a two-producer order seen from both portals, confirmation,
partial shipment, cancellation (stock, email, refund), assistants, isolation, order notifications."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_class, get_model
from oscar.test.factories import create_order

from cms.demo import loader
from shop.core import changes
from shop.core import order_statuses as statuses
from shop.order import fulfilment

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Order = get_model("order", "Order")
Line = get_model("order", "Line")
ShippingAddress = get_model("order", "ShippingAddress")
ShippingEvent = get_model("order", "ShippingEvent")
PaymentEvent = get_model("order", "PaymentEvent")
OrderStatusChange = get_model("order", "OrderStatusChange")
CommunicationEvent = get_model("order", "CommunicationEvent")
Country = get_model("address", "Country")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
Transaction = get_model("payment", "Transaction")
Selector = get_class("partner.strategy", "Selector")

ORDERS_URL = reverse("dashboard:portal-orders")
HOME_URL = reverse("dashboard:portal-home")


def vnd(amount):
    return f"{int(amount):,}".replace(",", ".") + "\u00a0₫"


@pytest.fixture(autouse=True)
def reindexed(monkeypatch):
    """Product ids the code asked to reindex (the session's search index is left as it was)."""
    calls = []
    monkeypatch.setattr(changes, "product_changed", lambda *ids, **options: calls.extend(ids))
    return calls


@pytest.fixture
def producer_a(producer_user):
    return producer_user.partners.get()


@pytest.fixture
def assistant():
    return get_user_model().objects.get(email=loader.ASSISTANT_EMAIL)


def place(customer, items):
    basket = Basket.objects.create(owner=customer)
    basket.strategy = Selector().strategy(user=customer)
    for sku, quantity in items:
        basket.add_product(Product.objects.get(upc=sku), quantity=quantity)
    address = ShippingAddress.objects.create(
        first_name="Lan",
        last_name="Trần Thị",
        line1="Số 7 phố Cốc Lếu",
        line4="Phường Lào Cai",
        state="Tỉnh Lào Cai",
        country=Country.objects.get(iso_3166_1_a2="VN"),
        phone_number="+84987654321",
    )
    return create_order(basket=basket, user=customer, shipping_address=address)


@pytest.fixture
def mixed_order(customer, product_b):
    """LC-001 ×2 and LC-003 ×1 from producer A, B's product ×1 from producer B."""
    return place(customer, [("LC-001", 2), ("LC-003", 1), (product_b.upc, 1)])


def lines_of(order, sku):
    return order.lines.get(partner_sku=sku)


def stock(sku):
    return StockRecord.objects.get(partner_sku=sku)


# --- notifications when an order arrives ---------------------------------------------------------


def test_order_placed_emails_each_producer_only_its_lines(
    customer, producer_a, product_b, user_b, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        order = place(customer, [("LC-001", 2), (product_b.upc, 1)])
        # What the worker does for an order placed at the checkout (shop.order.tasks.announce_placed_order).
        assert fulfilment.announce_placed_order(order.pk)
        assert not fulfilment.announce_placed_order(order.pk)  # run again (a retried task): nobody told twice
    title_a, title_b = lines_of(order, "LC-001").title, lines_of(order, product_b.upc).title
    to_a = [m for m in mail.outbox if producer_a.email in m.to]
    to_b = [m for m in mail.outbox if user_b.email in m.to]
    assert len(to_a) == 1 and len(to_b) == 1
    body_a, body_b = to_a[0].body, to_b[0].body
    assert str(order.number) in to_a[0].subject and str(order.number) in body_a
    assert title_a in body_a and title_b not in body_a
    assert vnd(lines_of(order, product_b.upc).line_price_incl_tax) not in body_a
    assert vnd(order.total_incl_tax) not in body_a
    assert title_b in body_b and title_a not in body_b
    assert vnd(lines_of(order, "LC-001").line_price_incl_tax) not in body_b
    assert "+84987654321" in body_a and "Cốc Lếu" in body_a
    # and in the portal, the count of new orders
    assert user_b.notifications.filter(subject__contains=str(order.number)).exists()


# --- what each producer sees ---------------------------------------------------------------------


def test_each_producer_sees_only_its_own_lines(client, producer_user, user_b, product_b, mixed_order):
    line_1, line_3, line_5 = (lines_of(mixed_order, sku) for sku in ("LC-001", "LC-003", product_b.upc))
    total_a = line_1.line_price_incl_tax + line_3.line_price_incl_tax
    detail_url = reverse("dashboard:portal-order", kwargs={"number": mixed_order.number})

    client.force_login(producer_user)
    page = client.get(ORDERS_URL).content.decode()
    assert str(mixed_order.number) in page and vnd(total_a) in page
    assert vnd(mixed_order.total_incl_tax) not in page and vnd(line_5.line_price_incl_tax) not in page
    page = client.get(detail_url).content.decode()
    assert line_1.title in page and line_3.title in page and vnd(total_a) in page
    assert line_5.title not in page and vnd(line_5.unit_price_incl_tax) not in page
    assert vnd(mixed_order.total_incl_tax) not in page
    assert "Trần Thị Lan" in page and "+84987654321" in page and "Cốc Lếu" in page

    client.force_login(user_b)
    page = client.get(ORDERS_URL).content.decode()
    assert str(mixed_order.number) in page and vnd(line_5.line_price_incl_tax) in page
    assert vnd(total_a) not in page and vnd(mixed_order.total_incl_tax) not in page
    page = client.get(detail_url).content.decode()
    assert line_5.title in page
    for line in (line_1, line_3):
        assert line.title not in page and vnd(line.unit_price_incl_tax) not in page
    assert vnd(mixed_order.total_incl_tax) not in page


def test_order_list_filters_by_my_part_and_bounds_queries(
    client, producer_user, customer, mixed_order, django_assert_max_num_queries
):
    shipped = place(customer, [("LC-002", 1)])
    producer = producer_user.partners.get()
    fulfilment.ship_lines(shipped, producer, producer_user, shipped.lines.all(), "Viettel Post", "VTP1")
    client.force_login(producer_user)
    page = client.get(ORDERS_URL, {"status": "pending"}).content.decode()
    assert str(mixed_order.number) in page and str(shipped.number) not in page
    page = client.get(ORDERS_URL, {"status": "shipped"}).content.decode()
    assert str(shipped.number) in page and str(mixed_order.number) not in page
    for _ in range(3):
        place(customer, [("LC-001", 1)])
    with django_assert_max_num_queries(18):  # measured 16 with 11 orders; must not grow with them
        response = client.get(ORDERS_URL)
    assert response.status_code == 200


def test_part_status_in_sql_matches_order_status_for(producer_a):
    """The list's SQL twin of ``order_status_for`` agrees with it on every demo order."""
    orders = list(fulfilment.orders_for_producer(producer_a))
    assert len({o.my_status for o in orders}) >= 4  # the demo has orders in several states
    for order in orders:
        expected = fulfilment.part_status(fulfilment.producer_lines(order, producer_a))
        assert order.my_status == expected, order.number


def test_producer_cannot_reach_or_change_an_order_without_its_lines(
    client, producer_user, customer, producer_a, product_b
):
    order_b = place(customer, [(product_b.upc, 1)])
    line_b = order_b.lines.get()
    url = reverse("dashboard:portal-order", kwargs={"number": order_b.number})
    client.force_login(producer_user)
    assert client.get(url).status_code == 404
    for action, extra in (
        ("confirm", {}),
        ("ship", {"ship-carrier": "VNPost", "ship-tracking_number": "X1"}),
        ("cancel", {"cancel-reason": "thử"}),
    ):
        response = client.post(url, {"action": action, f"{action}-lines": [line_b.pk], **extra})
        assert response.status_code == 404
    line_b.refresh_from_db()
    assert line_b.status == statuses.LINE_PENDING
    assert not ShippingEvent.objects.filter(order=order_b).exists()
    with pytest.raises(fulfilment.FulfilmentRefused):
        fulfilment.cancel_lines(order_b, producer_a, producer_user, [line_b], "không phải của tôi")
    line_b.refresh_from_db()
    assert line_b.status == statuses.LINE_PENDING


def test_posting_another_producers_line_in_a_shared_order_changes_nothing(
    client, producer_user, mixed_order, producer_a, product_b
):
    line_b = lines_of(mixed_order, product_b.upc)
    url = reverse("dashboard:portal-order", kwargs={"number": mixed_order.number})
    client.force_login(producer_user)
    response = client.post(url, {"action": "cancel", "cancel-lines": [line_b.pk], "cancel-reason": "hết hàng"})
    assert response.status_code == 200
    assert "Sản phẩm đã chọn không còn thực hiện được việc này." in response.content.decode()
    line_b.refresh_from_db()
    assert line_b.status == statuses.LINE_PENDING
    assert not ShippingEvent.objects.filter(order=mixed_order).exists()
    with pytest.raises(fulfilment.FulfilmentRefused) as refusal:
        fulfilment.confirm_lines(mixed_order, producer_a, producer_user, [line_b])
    assert "của chính chủ thể" in refusal.value.message


def test_outsider_is_refused_by_the_service(customer, mixed_order, producer_a):
    stranger = get_user_model().objects.create_user(email="la@example.vn", password="mat-khau-2026")
    with pytest.raises(fulfilment.FulfilmentRefused):
        fulfilment.confirm_lines(mixed_order, producer_a, stranger, [lines_of(mixed_order, "LC-001")])
    assert lines_of(mixed_order, "LC-001").status == statuses.LINE_PENDING


# --- confirm, ship -------------------------------------------------------------------------------


def test_confirm_then_partial_then_full_shipment(
    client, producer_user, customer, reindexed, django_capture_on_commit_callbacks
):
    order = place(customer, [("LC-001", 2), ("LC-003", 1)])
    line_1, line_3 = lines_of(order, "LC-001"), lines_of(order, "LC-003")
    before_1 = stock("LC-001")
    url = reverse("dashboard:portal-order", kwargs={"number": order.number})
    client.force_login(producer_user)

    response = client.post(url, {"action": "confirm", "confirm-lines": [line_1.pk, line_3.pk]})
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == statuses.ORDER_CONFIRMED
    assert set(order.lines.values_list("status", flat=True)) == {statuses.LINE_CONFIRMED}

    # carrier and tracking number are required; nothing changes without them
    response = client.post(url, {"action": "ship", "ship-lines": [line_1.pk], "ship-carrier": "VNPost"})
    assert response.status_code == 200 and "Hãy nhập mã vận đơn." in response.content.decode()
    line_1.refresh_from_db()
    assert line_1.status == statuses.LINE_CONFIRMED

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "action": "ship",
                "ship-lines": [line_1.pk],
                "ship-carrier": "Bưu điện (VNPost)",
                "ship-tracking_number": "EB123456789VN",
            },
        )
    assert response.status_code == 302
    order.refresh_from_db()
    line_1.refresh_from_db()
    assert line_1.status == statuses.LINE_SHIPPED
    assert order.status == statuses.ORDER_PARTIALLY_SHIPPED
    after_1 = stock("LC-001")
    assert after_1.num_in_stock == before_1.num_in_stock - 2
    assert after_1.num_allocated == before_1.num_allocated - 2
    assert line_1.product_id in reindexed
    event = ShippingEvent.objects.get(order=order, event_type__code=statuses.EVENT_SHIPPED)
    assert (event.partner, event.actor, event.on_behalf_of) == (producer_user.partners.get(), producer_user, None)
    assert (event.carrier, event.tracking_number) == ("Bưu điện (VNPost)", "EB123456789VN")
    assert list(event.line_quantities.values_list("line_id", "quantity")) == [(line_1.pk, 2)]
    shipped_mail = [m for m in mail.outbox if customer.email in m.to]
    assert len(shipped_mail) == 1 and "EB123456789VN" in shipped_mail[0].body

    page = client.get(url).content.decode()
    assert "EB123456789VN" in page and "Đã gửi một phần" in page

    client.post(
        url,
        {"action": "ship", "ship-lines": [line_3.pk], "ship-carrier": "Viettel Post", "ship-tracking_number": "VTP42"},
    )
    order.refresh_from_db()
    assert order.status == statuses.ORDER_SHIPPED
    assert list(OrderStatusChange.objects.filter(order=order).order_by("pk").values_list("new_status", flat=True)) == [
        statuses.ORDER_CONFIRMED,
        statuses.ORDER_PARTIALLY_SHIPPED,
        statuses.ORDER_SHIPPED,
    ]
    # a shipped line cannot be shipped or cancelled again
    with pytest.raises(fulfilment.FulfilmentRefused):
        fulfilment.cancel_lines(order, producer_user.partners.get(), producer_user, [line_3], "muộn")


def test_order_stays_pending_until_every_producer_confirms(producer_user, user_b, producer_a, producer_b, mixed_order):
    fulfilment.confirm_lines(mixed_order, producer_a, producer_user, fulfilment.producer_lines(mixed_order, producer_a))
    mixed_order.refresh_from_db()
    assert mixed_order.status == statuses.ORDER_PENDING
    fulfilment.confirm_lines(mixed_order, producer_b, user_b, fulfilment.producer_lines(mixed_order, producer_b))
    mixed_order.refresh_from_db()
    assert mixed_order.status == statuses.ORDER_CONFIRMED


# --- cancel --------------------------------------------------------------------------------------


def test_cancellation_needs_a_reason_returns_stock_and_emails_the_customer(
    client, producer_user, customer, django_capture_on_commit_callbacks
):
    order = place(customer, [("LC-002", 3)])
    line = order.lines.get()
    allocated_with_order = stock("LC-002").num_allocated
    url = reverse("dashboard:portal-order", kwargs={"number": order.number})
    client.force_login(producer_user)

    response = client.post(url, {"action": "cancel", "cancel-lines": [line.pk], "cancel-reason": "  "})
    assert response.status_code == 200
    assert "Hãy ghi lý do huỷ để báo cho khách hàng." in response.content.decode()
    line.refresh_from_db()
    assert line.status == statuses.LINE_PENDING

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"action": "cancel", "cancel-lines": [line.pk], "cancel-reason": "Hết hàng vụ này, xin lỗi quý khách."}
        )
    assert response.status_code == 302
    line.refresh_from_db()
    order.refresh_from_db()
    assert line.status == statuses.LINE_CANCELLED
    assert order.status == statuses.ORDER_CANCELLED
    assert stock("LC-002").num_allocated == allocated_with_order - 3
    assert line.allocation_cancelled and line.num_allocated == 0
    event = ShippingEvent.objects.get(order=order, event_type__code=statuses.EVENT_CANCELLED)
    assert event.notes == "Hết hàng vụ này, xin lỗi quý khách."
    emails = [m for m in mail.outbox if customer.email in m.to]
    assert len(emails) == 1
    assert "Hết hàng vụ này" in emails[0].body and line.title in emails[0].body
    assert "không phải trả tiền" in emails[0].body  # cash on delivery: nothing to refund
    assert CommunicationEvent.objects.filter(order=order, event_type__code=fulfilment.ORDER_LINES_CANCELLED).exists()
    assert not PaymentEvent.objects.filter(order=order).exists()


def test_cancellation_refunds_what_was_paid(customer, producer_user, producer_a, django_capture_on_commit_callbacks):
    order = place(customer, [("LC-001", 1), ("LC-004", 1)])
    card, _ = SourceType.objects.get_or_create(code="test-card", defaults={"name": "Thẻ thử"})
    source = Source.objects.create(
        order=order,
        source_type=card,
        currency="VND",
        amount_allocated=order.total_incl_tax,
        amount_debited=order.total_incl_tax,
    )
    line_4 = lines_of(order, "LC-004")
    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.cancel_lines(order, producer_a, producer_user, [line_4], "Kín phòng ngày khách chọn.")
    source.refresh_from_db()
    assert source.amount_refunded == line_4.line_price_incl_tax
    assert Transaction.objects.filter(source=source, txn_type="Refund", amount=line_4.line_price_incl_tax).exists()
    refund = PaymentEvent.objects.get(order=order)
    assert refund.event_type.code == "refund" and refund.amount == line_4.line_price_incl_tax
    assert list(refund.line_quantities.values_list("line_id", "quantity")) == [(line_4.pk, 1)]
    order.refresh_from_db()
    assert order.status == statuses.ORDER_PENDING  # LC-001 still to confirm
    email = next(m for m in mail.outbox if customer.email in m.to)
    assert vnd(line_4.line_price_incl_tax) in email.body and "hoàn lại" in email.body


# --- assistants ----------------------------------------------------------------------------------


def test_assistant_actions_are_recorded_with_both_names(client, assistant, producer_a, mixed_order):
    session = client.session
    client.force_login(assistant)
    session = client.session
    session["portal_producer_id"] = producer_a.pk
    session.save()
    line = lines_of(mixed_order, "LC-001")
    url = reverse("dashboard:portal-order", kwargs={"number": mixed_order.number})
    response = client.post(url, {"action": "confirm", "confirm-lines": [line.pk]})
    assert response.status_code == 302
    event = ShippingEvent.objects.get(order=mixed_order)
    assert (event.actor, event.on_behalf_of, event.partner) == (assistant, producer_a, producer_a)
    page = client.get(url).content.decode()
    assert f"thay mặt {producer_a.name}" in page


# --- pages ---------------------------------------------------------------------------------------


def test_portal_home_counts_what_waits(client, producer_user, producer_a, mixed_order):
    client.force_login(producer_user)
    response = client.get(HOME_URL)
    assert response.status_code == 200
    counts = fulfilment.pending_counts(producer_a)
    assert response.context["orders_to_confirm"] == counts["orders_to_confirm"] >= 1
    assert response.context["lines_to_ship"] == counts["lines_to_ship"]
    page = response.content.decode()
    assert str(mixed_order.number) in page and ORDERS_URL in page
    assert reverse("dashboard:portal-products") in page


def test_non_staff_dashboard_index_goes_to_the_portal(client, producer_user, staff_user):
    client.force_login(producer_user)
    response = client.get(reverse("dashboard:index"))
    assert response.status_code == 302 and response.url == HOME_URL
    client.force_login(staff_user)
    assert client.get(reverse("dashboard:index")).status_code == 200


def test_customer_sees_status_labels_not_codes(client, customer, mixed_order):
    client.force_login(customer)
    page = client.get(reverse("customer:order", kwargs={"order_number": mixed_order.number})).content.decode()
    assert "Chờ xác nhận" in page
    assert "<p>pending</p>" not in page


def test_demo_has_orders_in_every_state(producer_a):
    orders = {o.number: o for o in Order.objects.filter(number__startswith="OCOP-DEMO-")}
    assert {o.status for o in orders.values()} >= {
        statuses.ORDER_PENDING,
        statuses.ORDER_CONFIRMED,
        statuses.ORDER_PARTIALLY_SHIPPED,
        statuses.ORDER_SHIPPED,
    }
    assert Line.objects.filter(order__in=orders.values(), status=statuses.LINE_CANCELLED).exists()
    assert any(o.lines.values("partner").distinct().count() == 2 for o in orders.values())
    assert ShippingEvent.objects.filter(order__in=orders.values(), on_behalf_of=producer_a).exists()
    assert PaymentEvent.objects.filter(order__in=orders.values(), event_type__code="refund").exists()


def test_every_portal_page_shows_the_new_orders_count(client, producer_user, producer_a, mixed_order):
    from django.urls import reverse

    expected = fulfilment.pending_counts(producer_a)["orders_to_confirm"]
    assert expected >= 1
    client.force_login(producer_user)
    for url_name in ("portal-home", "portal-products", "portal-team"):
        page = client.get(reverse(f"dashboard:{url_name}")).content.decode()
        assert f"{expected} đơn hàng mới chờ xác nhận" in page, url_name


def test_checkout_and_factories_place_orders_through_our_order_creator():
    from shop.order.utils import OrderCreator

    assert get_class("order.utils", "OrderCreator") is OrderCreator


def test_shipping_more_than_is_in_stock_is_refused_and_changes_nothing(customer, producer_user, producer_a):
    order = place(customer, [("LC-003", 2)])
    line = order.lines.get()
    StockRecord.objects.filter(pk=line.stockrecord_id).update(num_in_stock=1)
    with pytest.raises(fulfilment.FulfilmentRefused) as refusal:
        fulfilment.ship_lines(order, producer_a, producer_user, [line], "VNPost", "EB1")
    assert "Hãy cập nhật số lượng trong kho" in refusal.value.message
    line.refresh_from_db()
    assert line.status == statuses.LINE_PENDING and line.num_allocated == 2
    assert not ShippingEvent.objects.filter(order=order).exists()
    assert stock("LC-003").num_in_stock == 1
