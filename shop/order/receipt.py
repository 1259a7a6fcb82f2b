""" "Đã nhận hàng": the buyer confirms that a producer's parcel arrived.

Only the buyer (``shop.core.buyer_session.is_buyer``: the account or session that placed or looked up the
order) may confirm, and only lines that producer has shipped. The lines become delivered through the
fulfilment service (``fulfilment.deliver_lines``: locked, pipeline-checked, a "delivered" shipping event),
which also unlocks reviews of those products (``catalogue.models.Product.review_state``). No money moves
here: a cash-on-delivery payment stays as the payment desk records it.
"""

from django.utils.translation import gettext as _

from shop.core import order_statuses as statuses
from shop.core.buyer_session import is_buyer
from shop.order import fulfilment


def receivable_lines(order, partner):
    """The producer's lines of the order that were shipped and not yet confirmed as received."""
    return list(order.lines.filter(partner=partner, status=statuses.LINE_SHIPPED).order_by("pk"))


def may_confirm_receipt(request, order):
    return is_buyer(request, order)


def confirm_receipt(request, order, partner):
    """Mark the producer's shipped lines delivered for the buyer; returns how many lines moved.
    Raises ``fulfilment.FulfilmentRefused`` when nothing of that producer is on its way."""
    lines = receivable_lines(order, partner)
    if not lines:
        raise fulfilment.FulfilmentRefused(
            _("Chưa có sản phẩm nào của %(producer)s đang trên đường giao, nên chưa thể xác nhận đã nhận hàng.")
            % {"producer": partner.name}
        )
    user = request.user if request.user.is_authenticated else None
    fulfilment.deliver_lines(order, partner, user, lines, buyer=True)
    return len(lines)
