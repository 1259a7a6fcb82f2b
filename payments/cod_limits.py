"""How much stock a buyer may hold with unpaid cash-on-delivery orders, and how fast guests may order:
the one rule against stock hoarding (issue 17).

Cash on delivery reserves stock at placement and no money comes before delivery, so one guest could hold
a whole stock with orders never meant to be received. ``settings.OCOP_COD_LIMITS`` caps, for COD only:

- one order: its units and its value (the basket's goods, incl. tax);
- one buyer: units, value and number of their *open unpaid COD orders* (COD payment not received, lines
  neither cancelled nor shipped) plus this basket. A buyer is anyone sharing with such an order the email
  (normalised), the delivery phone (E.164), the delivery address (province + commune + normalised street
  line) or the client address.

Paying online is never limited here: its stock comes back when the money does not (``shop.order.expiry``),
as does COD stock a producer does not confirm in time.

Guests also may place only so many orders per client address and per email per window (the
"guest-orders-ip" / "guest-orders-email" throttles): checked before placement, counted once it succeeded.

Concurrency: the limits are checked in checkout just before placement (``PaymentDetailsView.handle_payment``).
The per-order limit always holds. Two checkouts of one buyer at the very same instant do not see each
other's order yet, so a buyer can exceed a per-buyer limit only by the orders in flight at that instant,
each within the per-order limit and all counted by the guest throttle. No lock is taken.

An order does not store its client address: ``remember_client`` keeps COD order numbers per address in the
shared cache (``CLIENT_MEMORY`` seconds), which the per-buyer count reads.
"""

import hashlib
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, Sum
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from payments.models import Payment
from shop.core import order_statuses as statuses
from shop.core.addresses import street_key
from shop.core.money import format_vnd
from shop.core.phones import normalise_phone
from shop.core.throttle import Throttle, normalise_account

Order = get_model("order", "Order")
Line = get_model("order", "Line")

COD = "cod"
CLIENT_MEMORY = 30 * 24 * 60 * 60
OPEN_LINE_STATUSES = (statuses.LINE_PENDING, statuses.LINE_CONFIRMED)


def limits():
    return settings.OCOP_COD_LIMITS


# --- who the buyer is ----------------------------------------------------------------------------


def buyer_phone(address):
    try:
        return normalise_phone(str(address.phone_number)) if address is not None and address.phone_number else ""
    except Exception:  # not a Vietnamese number (old address): not an identity
        return ""


def address_key(address):
    """(province, commune/ward, street key) of a delivery address, or None when it lacks one of them."""
    if address is None or not address.province_code or not address.ward_code:
        return None
    street = street_key(address.line1)
    return (address.province_code, address.ward_code, street) if street else None


def _client_key(ip):
    return "ocop-cod-client:" + hashlib.sha256(str(ip).encode()).hexdigest()[:32]


def remember_client(ip, order_number):
    """Keep the COD order's number under its client address (the order model has no place for it)."""
    if not ip:
        return
    numbers = cache.get(_client_key(ip)) or []
    cache.set(_client_key(ip), (numbers + [str(order_number)])[-200:], CLIENT_MEMORY)


def open_cod_orders(email="", phone="", address=None, ip=""):
    """The ids of the open unpaid COD orders of anyone sharing one of these identities.

    Every identity is matched by the database, exactly: the email without regard to case, the delivery phone as
    stored (E.164, as ``phone`` is), the address by its stored street key (``ShippingAddress.street_key``,
    indexed with the province and the ward), the client address by the order numbers remembered under it. A
    placement reads only the buyer's own orders, however many other buyers of their ward have some open."""
    email = normalise_account(email)
    key = address_key(address)
    who = Q(pk__in=[])
    if email:
        who |= Q(user__isnull=True, guest_email__iexact=email) | Q(user__email__iexact=email)  # Oscar's Order.email
    if phone:
        who |= Q(shipping_address__phone_number=phone)
    if key:
        province, ward, street = key
        who |= Q(
            shipping_address__province_code=province,
            shipping_address__ward_code=ward,
            shipping_address__street_key=street,
        )
    numbers = [str(number) for number in cache.get(_client_key(ip)) or []] if ip else []
    if numbers:
        who |= Q(number__in=numbers)
    unpaid = Payment.objects.filter(method=COD, status=Payment.Status.COLLECT_ON_DELIVERY).values("order_id")
    return list(
        Order.objects.filter(who, pk__in=unpaid)
        .exclude(status__in=[statuses.ORDER_CANCELLED, statuses.ORDER_SHIPPED, statuses.ORDER_DELIVERED])
        .values_list("pk", flat=True)
    )


def held(order_ids):
    """Units and value (goods incl. tax) the open lines of these orders hold."""
    totals = Line.objects.filter(order_id__in=order_ids, status__in=OPEN_LINE_STATUSES).aggregate(
        units=Sum("quantity"), value=Sum("line_price_incl_tax")
    )
    return totals["units"] or 0, Decimal(totals["value"] or 0)


# --- the rule ------------------------------------------------------------------------------------


def basket_units_and_value(basket):
    return basket.num_items, Decimal(basket.total_incl_tax)


def order_refusal(units, value):
    """Why COD is refused for a basket alone, or None."""
    rule = limits()
    if units > rule["order_units"]:
        return _(
            "Thanh toán khi nhận hàng chỉ áp dụng cho đơn tối đa %(limit)s sản phẩm (giỏ hàng của bạn có "
            "%(n)s). Hãy thanh toán trực tuyến (chuyển khoản, thẻ, VNPay) hoặc giảm số lượng."
        ) % {"limit": rule["order_units"], "n": units}
    if value > rule["order_value"]:
        return _(
            "Thanh toán khi nhận hàng chỉ áp dụng cho đơn có tiền hàng tối đa %(limit)s (giỏ hàng của bạn "
            "%(value)s). Hãy thanh toán trực tuyến (chuyển khoản, thẻ, VNPay) hoặc giảm số lượng."
        ) % {"limit": format_vnd(rule["order_value"]), "value": format_vnd(value)}
    return None


def buyer_refusal(units, value, email="", address=None, ip=""):
    """Why COD is refused for this buyer's basket given their open unpaid COD orders, or None."""
    rule = limits()
    orders = open_cod_orders(email, buyer_phone(address), address, ip)
    if not orders:
        return None
    open_units, open_value = held(orders)
    if len(orders) + 1 > rule["buyer_open_orders"]:
        return _(
            "Bạn đang có %(n)s đơn thanh toán khi nhận hàng chưa giao xong; mỗi người mua được có tối đa "
            "%(limit)s đơn như vậy cùng lúc. Hãy thanh toán trực tuyến (chuyển khoản, thẻ, VNPay) hoặc "
            "đợi nhận các đơn trước."
        ) % {"n": len(orders), "limit": rule["buyer_open_orders"]}
    if open_units + units > rule["buyer_units"]:
        return _(
            "Các đơn thanh toán khi nhận hàng chưa giao của bạn đã giữ %(held)s sản phẩm; mỗi người mua được "
            "giữ tối đa %(limit)s sản phẩm chưa thanh toán. Hãy thanh toán trực tuyến (chuyển khoản, thẻ, "
            "VNPay) hoặc giảm số lượng."
        ) % {"held": open_units, "limit": rule["buyer_units"]}
    if open_value + value > rule["buyer_value"]:
        return _(
            "Các đơn thanh toán khi nhận hàng chưa giao của bạn đã có %(held)s tiền hàng; mỗi người mua được "
            "giữ tối đa %(limit)s chưa thanh toán. Hãy thanh toán trực tuyến (chuyển khoản, thẻ, VNPay) "
            "hoặc giảm số lượng."
        ) % {"held": format_vnd(open_value), "limit": format_vnd(rule["buyer_value"])}
    return None


def cod_refusal(basket, email="", address=None, ip=""):
    """Why this basket may not be paid on delivery by this buyer, or None (the checkout's one call)."""
    units, value = basket_units_and_value(basket)
    return order_refusal(units, value) or buyer_refusal(units, value, email, address, ip)


# --- guest velocity ------------------------------------------------------------------------------


def _guest_values(email, ip):
    return (("guest-orders-ip", ip), ("guest-orders-email", normalise_account(email)))


def guest_refusal(email, ip):
    """Why a guest may not place one more order now, or None."""
    if any(value and Throttle(name).exceeded(value) for name, value in _guest_values(email, ip)):
        return _(
            "Bạn đã đặt nhiều đơn hàng không cần đăng nhập trong thời gian ngắn. Giỏ hàng của bạn vẫn được "
            "giữ nguyên: hãy thử lại sau một giờ, hoặc đăng nhập tài khoản để đặt hàng."
        )
    return None


def order_placed(order, request, method):
    """After a successful checkout: count a guest's order, remember a COD order's client address."""
    from shop.core.throttle import client_ip

    ip = client_ip(request)
    if order.is_anonymous:
        for name, value in _guest_values(order.guest_email, ip):
            if value:
                Throttle(name).hit(value)
    if method == COD:
        remember_client(ip, order.number)
