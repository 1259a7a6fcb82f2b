"""The status tabs of the buyer's order history ("Tất cả / Chờ xác nhận / Đang giao / Đã giao / Đã huỷ"):
which order statuses (``shop.core.order_statuses``) each tab holds, and every tab's count in one query.

"Chờ xác nhận" holds the orders not sent yet (waiting for or being prepared by their producers); "Đang giao"
those with a parcel on its way; "Đã giao" those whose every parcel arrived.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from shop.core import order_statuses as statuses

# (the ?status= value, label, order statuses; None: every order)
TABS = [
    ("", _("Tất cả"), None),
    ("pending", _("Chờ xác nhận"), (statuses.ORDER_PENDING, statuses.ORDER_CONFIRMED)),
    ("shipping", _("Đang giao"), (statuses.ORDER_PARTIALLY_SHIPPED, statuses.ORDER_SHIPPED)),
    ("delivered", _("Đã giao"), (statuses.ORDER_DELIVERED,)),
    ("cancelled", _("Đã huỷ"), (statuses.ORDER_CANCELLED,)),
]
_BY_CODE = {code: codes for code, _label, codes in TABS}


def tab_code(value):
    """The tab asked for by ``?status=``; "" (all) for anything unknown."""
    return value if value in _BY_CODE else ""


def filter_tab(orders, code):
    codes = _BY_CODE.get(code)
    return orders if codes is None else orders.filter(status__in=codes)


def tabs(orders, current):
    """[{code, label, count, active}] for ``orders`` (the buyer's), counted in one query."""
    counts = orders.aggregate(
        **{
            f"n_{code or 'all'}": Count("pk") if codes is None else Count("pk", filter=Q(status__in=codes))
            for code, _label, codes in TABS
        }
    )
    return [
        {"code": code, "label": label, "count": counts[f"n_{code or 'all'}"], "active": code == current}
        for code, label, _codes in TABS
    ]
