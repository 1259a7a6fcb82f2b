"""Who may see an order, and each producer's part of it — the one rule for the buyer's pages (account,
guest lookup, thank-you, payment pages) and the invoice PDFs.

- **The buyer** (``shop.core.buyer_session.is_buyer``): the account that placed it, the browser session that placed it, or a
  session that looked it up by number *and* email (``remember_order``, the only anonymous door).
- **Staff with the order permission**: whoever may open the order in Oscar's dashboard (the
  ``order-detail`` permissions of ``shop.dashboard.orders``, e.g. the administrator). Being staff alone
  grants nothing: the OCOP reviewer has no order permission and sees no order.
- **The producer's people, for their own part only** (``may_view_part``): its members and assistants
  (``shop.partner.access.capacity``), when the order holds lines of theirs — as the portal's order page.

Everyone else gets a 404 from the views, never a hint that the number exists.
"""

from django.apps import apps
from oscar.views.decorators import check_permissions

from shop.core.buyer_session import is_buyer
from shop.partner import access


def may_manage_orders(user):
    """Staff allowed to open any order in Oscar's dashboard (its ``order-detail`` permissions)."""
    if not (user and user.is_authenticated and user.is_active and user.is_staff):
        return False
    permissions = apps.get_app_config("orders_dashboard").get_permissions("order-detail")
    return bool(permissions) and check_permissions(user, permissions)


def may_view_order(request, order):
    """The whole order: its buyer, or staff with the order permission."""
    return is_buyer(request, order) or may_manage_orders(request.user)


def may_view_part(request, order, producer):
    """One producer's part of the order (its invoice): whoever may see the whole order, or that producer's
    members and assistants when the order holds lines of theirs."""
    if may_view_order(request, order):
        return True
    return (
        access.capacity(request.user, producer, access.VIEW) is not None
        and order.lines.filter(partner=producer).exists()
    )
