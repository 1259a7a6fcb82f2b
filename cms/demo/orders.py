"""Demo orders for the first demo producer (Hộ kinh doanh Lý Thị Mai, LC-001..LC-004), in every state.

A demo customer places real baskets through our ``OrderCreator`` (stock is allocated as at
checkout); the producer's user (and once the post-office assistant, on its behalf) then confirms,
ships and cancels lines through ``shop.order.fulfilment`` — so lines, shipping events, stock,
refunds and the orders' derived statuses are exactly what the site would hold. One order mixes two
producers. Orders are dated over the last weeks and the previous month so the sales and settlement
pages have something to show.

Idempotent: each order has a fixed number and is created only when missing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from catalogue.ocop import notifications
from cms.demo.logins import ASSISTANT_EMAIL, PRODUCER_EMAIL
from payments.states import PAID_EVENT_CODE
from shop.order import fulfilment

CUSTOMER_EMAIL, CUSTOMER_PASSWORD = "khachhang@ocop.example.vn", "ocop-customer-2026"

Basket = get_model("basket", "Basket")
Product = get_model("catalogue", "Product")
Order = get_model("order", "Order")
ShippingAddress = get_model("order", "ShippingAddress")
ShippingEvent = get_model("order", "ShippingEvent")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")
PaymentEventQuantity = get_model("order", "PaymentEventQuantity")
OrderStatusChange = get_model("order", "OrderStatusChange")
Country = get_model("address", "Country")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
Selector = get_class("partner.strategy", "Selector")
OrderCreator = get_class("order.utils", "OrderCreator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
Free = get_class("shipping.methods", "Free")

# The previous month's 12th and 22nd, so settlement pages show a closed period.
_PREVIOUS_MONTH = "previous-month"

# number, days ago (or (_PREVIOUS_MONTH, day)), [(sku, quantity)], paid by card?, actions
# actions: ("confirm"|"ship"|"cancel", [skus], extra); "assistant" in extra = done by the assistant.
DEMO_ORDERS = [
    (
        "OCOP-DEMO-0001",
        (_PREVIOUS_MONTH, 12),
        [("LC-003", 2)],
        False,
        [("ship", ["LC-003"], {"carrier": "Bưu điện (VNPost)", "tracking": "EB100200301VN"})],
    ),
    (
        "OCOP-DEMO-0002",
        (_PREVIOUS_MONTH, 22),
        [("LC-002", 1), ("LC-001", 3)],
        True,
        [
            ("confirm", ["LC-002", "LC-001"], {}),
            ("ship", ["LC-002", "LC-001"], {"carrier": "Viettel Post", "tracking": "VTP8812345"}),
        ],
    ),
    (
        "OCOP-DEMO-0003",
        20,
        [("LC-004", 1), ("LC-001", 1)],
        True,
        [
            ("confirm", ["LC-004", "LC-001"], {}),
            ("cancel", ["LC-004"], {"reason": "Homestay đã kín phòng vào ngày quý khách chọn, xin lỗi quý khách."}),
            ("ship", ["LC-001"], {"carrier": "Bưu điện (VNPost)", "tracking": "EB100200355VN"}),
        ],
    ),
    (
        "OCOP-DEMO-0004",
        15,
        [("LC-002", 2), ("LC-003", 1)],
        False,
        [
            ("confirm", ["LC-002", "LC-003"], {}),
            (
                "ship",
                ["LC-002", "LC-003"],
                {"carrier": "Bưu điện (VNPost)", "tracking": "EB100200412VN", "assistant": True},
            ),
        ],
    ),
    (
        "OCOP-DEMO-0005",
        8,
        [("LC-001", 1), ("LC-004", 1)],
        False,
        [
            ("confirm", ["LC-001", "LC-004"], {}),
            ("ship", ["LC-001"], {"carrier": "Giao hàng tiết kiệm", "tracking": "GHTK5566778"}),
        ],
    ),
    # The settlement demo month: a household's homestay night (a service), its goods, an enterprise's goods,
    # paid by card; one of the household's lines is then cancelled and refunded (a partial refund).
    (
        "OCOP-DEMO-0009",
        (_PREVIOUS_MONTH, 18),
        [("LC-004", 1), ("LC-001", 2), ("LC-036", 1)],
        True,
        [
            ("confirm", ["LC-004", "LC-001"], {}),
            ("cancel", ["LC-001"], {"reason": "Mật ong đã hết vụ, xin lỗi quý khách."}),
        ],
    ),
    ("OCOP-DEMO-0006", 5, [("LC-001", 1), ("LC-005", 1)], False, [("confirm", ["LC-001"], {})]),
    ("OCOP-DEMO-0007", 3, [("LC-002", 1)], False, [("confirm", ["LC-002"], {})]),
    ("OCOP-DEMO-0008", 1, [("LC-001", 2), ("LC-003", 1)], False, []),
]


def _placed_at(when):
    now = timezone.localtime()
    if isinstance(when, tuple):
        first_of_month = now.replace(day=1, hour=9, minute=30, second=0, microsecond=0)
        previous = (first_of_month - datetime.timedelta(days=1)).replace(day=when[1])
        return previous
    return (now - datetime.timedelta(days=when)).replace(hour=10, minute=15, second=0, microsecond=0)


def ensure_customer():
    User = get_user_model()
    customer = User.objects.filter(email=CUSTOMER_EMAIL).first()
    if customer is None:
        customer = User.objects.create_user(
            email=CUSTOMER_EMAIL, password=CUSTOMER_PASSWORD, last_name="Trần Thị", first_name="Hương"
        )
    return customer


def _address(customer):
    return ShippingAddress.objects.create(
        first_name=customer.first_name,
        last_name=customer.last_name,
        line1="Số 12 ngõ 45 phố Hoàng Hoa Thám",
        line4="Phường Ngọc Hà",
        state="Thành phố Hà Nội",
        country=Country.objects.get(iso_3166_1_a2="VN"),
        phone_number="+84912345678",
        notes="Gọi trước khi giao",
    )


def _place(number, customer, items):
    basket = Basket.objects.create(owner=customer)
    basket.strategy = Selector().strategy(user=customer)
    for sku, quantity in items:
        basket.add_product(Product.objects.get(upc=sku), quantity=quantity)
    shipping_method = Free()
    shipping_charge = shipping_method.calculate(basket)
    total = OrderTotalCalculator().calculate(basket, shipping_charge)
    order = OrderCreator().place_order(
        basket=basket,
        total=total,
        shipping_method=shipping_method,
        shipping_charge=shipping_charge,
        user=customer,
        shipping_address=_address(customer),
        order_number=number,
    )
    basket.submit()
    return order


def ensure_demo_orders():
    """Create the missing demo orders; returns how many were created."""
    User = get_user_model()
    producer_user = User.objects.get(email=PRODUCER_EMAIL)
    assistant = User.objects.get(email=ASSISTANT_EMAIL)
    customer = ensure_customer()
    producer = producer_user.partners.order_by("pk").first()
    if producer is None:
        return 0
    card, _created = SourceType.objects.get_or_create(code="demo-card", defaults={"name": "Thẻ ngân hàng (demo)"})
    created = 0
    with notifications.paused():
        for number, when, items, paid, actions in DEMO_ORDERS:
            if Order.objects.filter(number=number).exists():
                continue
            order = _place(number, customer, items)
            created += 1
            if paid:
                Source.objects.create(
                    order=order,
                    source_type=card,
                    currency=order.currency,
                    amount_allocated=order.total_incl_tax,
                    amount_debited=order.total_incl_tax,
                    reference=f"demo-{number}",
                )
                _record_received(order)
            by_sku = {line.partner_sku: line for line in order.lines.all()}
            for action, skus, extra in actions:
                lines = [by_sku[sku] for sku in skus]
                actor = assistant if extra.get("assistant") else producer_user
                if action == "confirm":
                    fulfilment.confirm_lines(order, producer, actor, lines)
                elif action == "ship":
                    fulfilment.ship_lines(order, producer, actor, lines, extra["carrier"], extra["tracking"])
                else:
                    fulfilment.cancel_lines(order, producer, actor, lines, extra["reason"])
            _backdate(order, _placed_at(when))
    return created


def _record_received(order):
    """The "paid" payment event naming every line, as ``payments.states`` writes it when money arrives (the
    settlements count a line from it: Decree 117/2025 withholds on amounts received)."""
    event_type, _created = PaymentEventType.objects.get_or_create(
        code=PAID_EVENT_CODE, defaults={"name": "Đã thanh toán"}
    )
    event = PaymentEvent.objects.create(
        order=order, amount=order.total_incl_tax, event_type=event_type, reference=f"demo-{order.number}"
    )
    for line in order.lines.all():
        PaymentEventQuantity.objects.create(event=event, line=line, quantity=line.quantity)


def _backdate(order, placed):
    """Move the order and what happened to it back to ``placed`` (+ a few hours per step)."""
    Order.objects.filter(pk=order.pk).update(date_placed=placed)
    step = datetime.timedelta(hours=6)
    for i, pk in enumerate(ShippingEvent.objects.filter(order=order).order_by("pk").values_list("pk", flat=True)):
        ShippingEvent.objects.filter(pk=pk).update(date_created=placed + step * (i + 1))
    for model in (PaymentEvent, OrderStatusChange):
        for i, pk in enumerate(model.objects.filter(order=order).order_by("pk").values_list("pk", flat=True)):
            model.objects.filter(pk=pk).update(date_created=placed + step * (i + 1))
