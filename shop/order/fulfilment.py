"""Fulfilment: what one producer does to its own lines of a customer order.

A customer order can hold several producers' lines. Each producer confirms, ships (carrier and
tracking number) or cancels (with a reason) only its own lines; the order's status is then derived
from all its lines (``statuses.order_status_for``) — never chosen by hand.

Every service here:

- checks the actor through ``shop.partner.access.on_behalf_of`` (members act for the producer,
  named assistants act *on behalf of* it; anyone else is refused);
- locks the order and the chosen lines (``select_for_update``), refuses lines that are not this
  producer's or not in this order, and refuses moves ``statuses.LINE_PIPELINE`` does not allow;
- records an Oscar ``ShippingEvent`` (partner, actor, on_behalf_of, carrier, tracking number,
  notes = reason, line quantities), moves each line with ``Line.set_status`` and re-derives the
  order's status;
- schedules the search index update for products whose stock changed, and emails after commit.

Refusals raise ``FulfilmentRefused`` with a Vietnamese message meant for the producer.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Sum, Value, When
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_class, get_model

from catalogue.ocop import notifications
from shop.core import order_statuses as statuses
from shop.core.addresses import delivery_address
from shop.notifications import outbox
from shop.order.dispatch import OrderDispatcher, absolute_url, confirmation_context, follow_path
from shop.partner import access

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser
    from django.db.models import Aggregate
    from django.db.models.query import QuerySet
    from oscar.apps.order.models import ShippingEventType as ShippingEventTypeModel

    from shop.order.models import Line as LineModel
    from shop.order.models import Order as OrderModel
    from shop.order.models import ShippingEvent as ShippingEventModel
    from shop.partner.models import Partner

    # What the producer's form sends for lines: line objects or their ids.
    LineRefs = Iterable[LineModel | int | str]

Order = get_model("order", "Order")
Line = get_model("order", "Line")
ShippingEvent = get_model("order", "ShippingEvent")
ShippingEventType = get_model("order", "ShippingEventType")
ShippingEventQuantity = get_model("order", "ShippingEventQuantity")
CommunicationEventType = get_model("communication", "CommunicationEventType")
InvalidStockAdjustment = get_class("partner.exceptions", "InvalidStockAdjustment")

# Notification event codes (templates oscar/communication/emails/commtype_<code lower>_*).
ORDER_PLACED = "OCOP_ORDER_PLACED"  # to each producer with lines in a new order: only its lines
ORDER_LINES_CANCELLED = "OCOP_ORDER_LINES_CANCELLED"  # to the customer
ORDER_LINES_SHIPPED = "OCOP_ORDER_LINES_SHIPPED"  # to the customer
ORDER_LINES_DELIVERED = "OCOP_ORDER_LINES_DELIVERED"  # to the customer, when the producer records the delivery

CUSTOMER_EVENT_NAMES = {
    ORDER_LINES_CANCELLED: "Đơn hàng: chủ thể huỷ sản phẩm",
    ORDER_LINES_SHIPPED: "Đơn hàng: chủ thể đã gửi hàng",
    ORDER_LINES_DELIVERED: "Đơn hàng: đã giao hàng",
}


class FulfilmentRefused(Exception):
    """The action is not allowed; ``message`` says why, in Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- reading -------------------------------------------------------------------------------------


def producer_lines(order: OrderModel, producer: Partner) -> QuerySet[LineModel]:
    """This producer's lines of the order, in basket order."""
    return order.lines.filter(partner=producer).order_by("pk")


def orders_for_producer(producer: Partner) -> QuerySet[OrderModel]:
    """Orders holding at least one of this producer's lines, annotated with its part only:
    ``my_lines`` / ``my_pending`` / ``my_confirmed`` / ``my_shipped`` / ``my_delivered`` / ``my_cancelled``
    (line counts), ``my_total`` (price of its lines not cancelled) and ``my_status`` (its part's status —
    the SQL twin of ``statuses.order_status_for``, kept in step by the tests). Other producers'
    lines never enter the aggregates: the line filter comes before the annotations, on one join."""

    def count(status: str) -> Aggregate:
        return Count("lines", filter=Q(lines__status=status))

    live = F("my_lines") - F("my_cancelled")
    return (
        Order.objects.filter(lines__partner=producer)
        .annotate(
            my_lines=Count("lines"),
            my_pending=count(statuses.LINE_PENDING),
            my_confirmed=count(statuses.LINE_CONFIRMED),
            my_shipped=count(statuses.LINE_SHIPPED),
            my_delivered=count(statuses.LINE_DELIVERED),
            my_cancelled=count(statuses.LINE_CANCELLED),
            my_total=Sum("lines__line_price_incl_tax", filter=~Q(lines__status=statuses.LINE_CANCELLED)),
        )
        .annotate(
            my_status=Case(
                When(my_lines=F("my_cancelled"), then=Value(statuses.ORDER_CANCELLED)),
                When(my_delivered=live, then=Value(statuses.ORDER_DELIVERED)),
                When(Q(my_shipped=live - F("my_delivered")), then=Value(statuses.ORDER_SHIPPED)),
                When(Q(my_shipped__gt=0) | Q(my_delivered__gt=0), then=Value(statuses.ORDER_PARTIALLY_SHIPPED)),
                When(my_confirmed=live, then=Value(statuses.ORDER_CONFIRMED)),
                default=Value(statuses.ORDER_PENDING),
            )
        )
    )


def order_for_producer(producer: Partner, number: str) -> OrderModel | None:
    """The order with this number if it holds one of the producer's lines, else None."""
    return (
        Order.objects.filter(number=number)
        .filter(Exists(Line.objects.filter(order=OuterRef("pk"), partner=producer)))
        .select_related("shipping_address", "user")
        .first()
    )


def orders_to_confirm(producer: Partner) -> int:
    """How many orders have lines of this producer it has not confirmed yet (one query)."""
    return Line.objects.filter(partner=producer, status=statuses.LINE_PENDING).values("order_id").distinct().count()


def pending_counts(producer: Partner) -> dict[str, int]:
    """What waits for the producer: orders with lines to confirm, lines confirmed but not shipped."""
    return {
        "orders_to_confirm": orders_to_confirm(producer),
        "lines_to_ship": Line.objects.filter(partner=producer, status=statuses.LINE_CONFIRMED).count(),
    }


def part_status(lines: Iterable[LineModel]) -> str:
    """The status of one producer's part of an order (its lines), as an order status code."""
    return statuses.order_status_for(line.status for line in lines)


# --- the actions ---------------------------------------------------------------------------


def awaiting_prepayment(order: OrderModel) -> bool:
    """The buyer chose to pay online (transfer, card, wallet) and the money has not arrived: the
    producers may confirm and prepare, but not ship yet."""
    from payments.states import payment_for_order

    payment = payment_for_order(order)
    return payment is not None and payment.provider.prepaid and not payment.is_paid


def confirm_lines(
    order: OrderModel, producer: Partner, user: AbstractBaseUser | None, lines: LineRefs, system: bool = False
) -> ShippingEventModel:
    """The producer accepts these lines and will prepare them."""
    return _act(order, producer, user, lines, statuses.LINE_CONFIRMED, statuses.EVENT_CONFIRMED, system=system)


def ship_lines(
    order: OrderModel,
    producer: Partner,
    user: AbstractBaseUser | None,
    lines: LineRefs,
    carrier: str | None,
    tracking_number: str | None,
    system: bool = False,
) -> ShippingEventModel:
    """The producer has handed these lines to ``carrier`` under ``tracking_number``: the stock they
    had reserved leaves the stock record (Oscar's allocation is consumed)."""
    carrier = (carrier or "").strip()
    tracking_number = (tracking_number or "").strip()
    if not carrier:
        raise FulfilmentRefused(_("Hãy nhập đơn vị vận chuyển."))
    if not tracking_number:
        raise FulfilmentRefused(_("Hãy nhập mã vận đơn."))
    return _act(
        order,
        producer,
        user,
        lines,
        statuses.LINE_SHIPPED,
        statuses.EVENT_SHIPPED,
        carrier=carrier,
        tracking_number=tracking_number,
        system=system,
    )


def cancel_lines(
    order: OrderModel,
    producer: Partner,
    user: AbstractBaseUser | None,
    lines: LineRefs,
    reason: str | None,
    system: bool = False,
) -> ShippingEventModel:
    """The producer cannot deliver these lines: their reserved stock returns, the customer is
    emailed the reason, and money taken for them is refunded (``payments.refunds``).
    ``system=True`` (no user): the platform cancels, e.g. an order never paid (``shop.order.expiry``)."""
    reason = (reason or "").strip()
    if not reason:
        raise FulfilmentRefused(_("Hãy ghi lý do huỷ để báo cho khách hàng."))
    return _act(
        order, producer, user, lines, statuses.LINE_CANCELLED, statuses.EVENT_CANCELLED, reason=reason, system=system
    )


def deliver_lines(
    order: OrderModel,
    producer: Partner,
    user: AbstractBaseUser | None,
    lines: LineRefs,
    buyer: bool = False,
    system: bool = False,
) -> ShippingEventModel:
    """These shipped lines reached the buyer. The producer (or staff acting for it) records it, or the
    buyer confirms receipt (``buyer=True``: the caller checked it is the buyer, ``shop.order.receipt``;
    the event's actor is the buyer's account, None for a guest). Delivered lines unlock reviews
    (``catalogue.models.Product.review_state``). No money moves: a COD payment stays as it is."""
    return _act(
        order,
        producer,
        user,
        lines,
        statuses.LINE_DELIVERED,
        statuses.EVENT_DELIVERED,
        system=buyer or system,
        notify=not buyer,
    )


def act_as_platform(
    order: OrderModel,
    lines: list[LineModel],
    user: AbstractBaseUser,
    new_status: str,
    *,
    reason: str = "",
    carrier: str = "",
    tracking_number: str = "",
) -> ShippingEventModel:
    """Staff with the order permission move one producer's ``lines`` to ``new_status`` on its behalf (Oscar's
    order page): the same services as the portal — stock, refunds, emails, the order's derived status — with
    the staff account recorded as the actor."""
    if not (user and user.is_active and user.is_staff and user.has_perm("order.change_order")):
        raise FulfilmentRefused(_("Bạn không có quyền thay đổi đơn hàng."))
    producer = lines[0].partner
    if new_status == statuses.LINE_CONFIRMED:
        return confirm_lines(order, producer, user, lines, system=True)
    if new_status == statuses.LINE_SHIPPED:
        return ship_lines(order, producer, user, lines, carrier, tracking_number, system=True)
    if new_status == statuses.LINE_CANCELLED:
        return cancel_lines(order, producer, user, lines, reason, system=True)
    if new_status == statuses.LINE_DELIVERED:
        return deliver_lines(order, producer, user, lines, system=True)
    raise FulfilmentRefused(_("Hãy chọn trạng thái mới cho các dòng hàng."))


def cancel_open_lines(order: OrderModel, reason: str) -> int:
    """The platform cancels every line not shipped yet, producer by producer (stock returns, the buyer
    is emailed, money taken for them is refunded — with the delivery charge once nothing is left).
    Returns how many lines were cancelled."""
    open_lines = order.lines.exclude(
        status__in=[statuses.LINE_CANCELLED, statuses.LINE_SHIPPED, statuses.LINE_DELIVERED]
    )
    count = 0
    for partner_id in sorted(set(open_lines.values_list("partner_id", flat=True))):
        lines = list(open_lines.filter(partner_id=partner_id))
        cancel_lines(order, lines[0].partner, None, lines, reason, system=True)
        count += len(lines)
    return count


def _event_type(code: str) -> ShippingEventTypeModel:
    event_type, _created = ShippingEventType.objects.get_or_create(
        code=code, defaults={"name": str(statuses.EVENT_NAMES[code])}
    )
    return event_type


def _line_ids(lines: LineRefs) -> list[int]:
    ids = []
    for line in lines:
        pk = getattr(line, "pk", line)
        try:
            ids.append(int(pk))
        except (TypeError, ValueError):
            raise FulfilmentRefused(_("Dòng hàng không hợp lệ.")) from None
    return sorted(set(ids))


def _act(
    order: OrderModel,
    producer: Partner,
    user: AbstractBaseUser | None,
    lines: LineRefs,
    new_status: str,
    event_code: str,
    carrier: str = "",
    tracking_number: str = "",
    reason: str = "",
    system: bool = False,
    notify: bool = True,
) -> ShippingEventModel:
    try:
        behalf = None if system else access.on_behalf_of(user, producer, access.FULFIL)
    except PermissionDenied as error:
        raise FulfilmentRefused(str(error)) from None
    ids = _line_ids(lines)
    if not ids:
        raise FulfilmentRefused(_("Hãy chọn ít nhất một sản phẩm trong đơn."))

    with transaction.atomic():
        # The order row first: two producers acting on one order take turns, so each derives the
        # order's status from the other's committed lines.
        order = Order.objects.select_for_update().get(pk=order.pk)
        locked = list(
            Line.objects.select_for_update(of=("self",))
            .filter(order=order, pk__in=ids)
            .select_related("product", "stockrecord")
            .order_by("pk")
        )
        if len(locked) != len(ids) or any(line.partner_id != producer.pk for line in locked):
            raise FulfilmentRefused(_("Chỉ được thao tác trên sản phẩm của chính chủ thể trong đơn hàng này."))
        if new_status == statuses.LINE_SHIPPED and awaiting_prepayment(order):
            raise FulfilmentRefused(
                _(
                    "Khách chưa thanh toán đơn hàng này (chuyển khoản, thẻ hoặc ví). "
                    "Chỉ gửi hàng khi đơn đã được xác nhận thanh toán."
                )
            )
        for line in locked:
            if new_status not in statuses.LINE_PIPELINE.get(line.status, ()):
                raise FulfilmentRefused(
                    _("“%(title)s” đang ở trạng thái “%(status)s”, không thể chuyển sang “%(new)s”.")
                    % {"title": line.title, "status": line.status_label, "new": statuses.LINE_LABELS[new_status]}
                )

        event = ShippingEvent.objects.create(
            order=order,
            event_type=_event_type(event_code),
            partner=producer,
            actor=user,
            on_behalf_of=behalf,
            carrier=carrier,
            tracking_number=tracking_number,
            notes=reason,
        )
        for line in locked:
            ShippingEventQuantity.objects.create(event=event, line=line, quantity=line.quantity)

        stock_changed = set()
        for line in locked:
            if line.stockrecord_id is None:
                pass  # the product's stock record is gone: nothing reserved to consume or return
            elif new_status == statuses.LINE_SHIPPED:
                try:
                    line.consume_allocation(line.quantity)
                except InvalidStockAdjustment:
                    raise FulfilmentRefused(
                        _(
                            "Số lượng trong kho của “%(title)s” ít hơn số cần gửi. Hãy cập nhật số lượng "
                            "trong kho rồi thử lại."
                        )
                        % {"title": line.title}
                    ) from None
                stock_changed.add(line.product_id)
            elif new_status == statuses.LINE_CANCELLED:
                line.cancel_allocation(line.quantity)
                stock_changed.add(line.product_id)
            # Oscar's allocation methods update the row behind this instance; set_status saves it whole.
            line.refresh_from_db(fields=["num_allocated", "allocation_cancelled"])
            line.set_status(new_status)

        refunded = None
        if new_status == statuses.LINE_CANCELLED:
            from payments.refunds import refund_lines

            refunded = refund_lines(order, locked, reason, shipping_event=event)

        update_order_status(order)

        from shop.core import changes

        changes.product_changed(*[pk for pk in stock_changed if pk])

        if new_status == statuses.LINE_CANCELLED:
            notify_customer(
                order,
                ORDER_LINES_CANCELLED,
                {"producer": producer, "lines": locked, "reason": reason, "refunded": refunded},
            )
        elif new_status == statuses.LINE_SHIPPED:
            notify_customer(
                order,
                ORDER_LINES_SHIPPED,
                {"producer": producer, "lines": locked, "carrier": carrier, "tracking_number": tracking_number},
            )
        elif new_status == statuses.LINE_DELIVERED and notify:
            # The producer (or staff for it) recorded the delivery: the buyer hears of it, can say at once if
            # nothing arrived, and is asked for a review. A buyer who confirmed receipt themselves is not mailed.
            notify_customer(order, ORDER_LINES_DELIVERED, {"producer": producer, "lines": locked})
    return event


def update_order_status(order: OrderModel) -> str:
    """Re-derive the order's status from all its lines and save it.

    Oscar's ``Order.set_status`` records an ``OrderStatusChange`` and checks the pipeline; a derived
    status the pipeline has no arrow for is assigned directly (the lines are the truth)."""
    new_status = statuses.order_status_for(order.lines.values_list("status", flat=True))
    if new_status == order.status:
        return new_status
    if new_status in order.available_statuses():
        order.set_status(new_status)
    else:
        old_status = order.status
        order.status = new_status
        order.save(update_fields=["status"])
        order._create_order_status_change(old_status, new_status)
    return new_status


# --- notifications -------------------------------------------------------------------------------


def notify_customer(order: OrderModel, event_code: str, context: dict[str, Any], event_name: str | None = None) -> None:
    """Email the customer (or the guest address) in the order's language, through the outbox (queued with the
    change, sent after commit: a mail server that is down never breaks the producer's action), and record it
    as an order communication event (also used by ``payments.states`` for "payment received")."""
    if notifications.is_paused():  # bulk loads (the demo) tell no one
        return
    context = {
        "order": order,
        "site_name": settings.OSCAR_SHOP_NAME,
        "follow_url": absolute_url(follow_path(order)),
        **context,
    }
    CommunicationEventType.objects.get_or_create(
        code=event_code,
        defaults={
            "name": event_name or CUSTOMER_EVENT_NAMES[event_code],
            "category": CommunicationEventType.ORDER_RELATED,
        },
    )
    if order.is_anonymous and not order.guest_email:
        return
    # In the language the buyer ordered in (Vietnamese for orders from before it was kept).
    with translation.override(order.language_code or settings.LANGUAGE_CODE):
        if event_code == ORDER_LINES_DELIVERED:
            context["review_links"] = review_links(order, context["lines"])
        messages = CommunicationEventType.objects.get_and_render(event_code, context)
        OrderDispatcher(mail_connection=outbox.OutboxConnection(event_code, about=order)).dispatch_order_messages(
            order, messages, event_code
        )


def review_links(order: OrderModel, lines: Iterable[LineModel]) -> list[dict[str, str]]:
    """Absolute links to review each delivered product, in the active language — for an account's order only
    (reviews need the buyer's account: ``catalogue.models.Product.review_state``)."""
    if not order.user_id:
        return []
    links, seen = [], set()
    for line in lines:
        product = line.product
        if product is None or product.pk in seen:
            continue
        seen.add(product.pk)
        path = reverse("catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk})
        links.append({"title": line.title, "url": absolute_url(path) + "#addreview"})
    return links


def announce_placed_order(order_id: int, base_url: str = "") -> bool:
    """Tell the producers (each its part: ``order_placed``) and the buyer (Oscar's confirmation, links on
    ``base_url``, the site the buyer used) of a new order. Run by the worker (``shop.order.tasks``, queued in the
    order's transaction by the checkout's ``place_order``): rendering these mails was half of the place-order
    request (issue 19). In one transaction, recorded as the order's
    ``ORDER_PLACED`` communication event: a second run (a retried or re-queued task) tells nobody again.
    Returns whether it told anyone."""
    from shop.order.parts import parts_kept

    CommunicationEvent = get_model("order", "CommunicationEvent")
    CommunicationEventType = get_model("communication", "CommunicationEventType")
    with transaction.atomic():
        order = (
            Order.objects.select_for_update(of=("self",)).select_related("user", "shipping_address").get(pk=order_id)
        )
        told, _created = CommunicationEventType.objects.get_or_create(
            code=ORDER_PLACED, defaults={"name": "Đơn hàng mới gửi chủ thể"}
        )
        if CommunicationEvent.objects.filter(order=order, event_type=told).exists():
            return False
        with parts_kept():  # every mail below shows the order's parts: read them once
            order_placed(order)
            context = {"user": order.user, "order": order, "lines": order.lines.all()}
            context.update(confirmation_context(order, base_url=base_url))
            OrderDispatcher().send_order_placed_email_for_user(order, context)
        CommunicationEvent.objects.create(order=order, event_type=told)
    return True


def order_placed(order: OrderModel) -> None:
    """Tell each producer with lines in a new order about its part only (email + inbox, after
    commit). Called by ``announce_placed_order``."""
    by_producer: OrderedDict[int, tuple[Partner, list[LineModel]]] = OrderedDict()
    for line in order.lines.select_related("partner").order_by("pk"):
        if line.partner_id is not None:
            by_producer.setdefault(line.partner_id, (line.partner, []))[1].append(line)
    if notifications.is_paused():  # bulk loads (the demo) tell no one
        return
    for producer, lines in by_producer.values():
        context = {
            "order": order,
            "lines": lines,
            "producer_total": sum((line.line_price_incl_tax for line in lines), 0),
            "shipping_address": order.shipping_address,
            "delivery_address": delivery_address(order.shipping_address),
        }
        # Queued in the announcement's transaction, sent after its commit: neither the checkout nor the
        # announcement fails because a producer could not be emailed.
        notifications.notify_producer(producer, ORDER_PLACED, context)
