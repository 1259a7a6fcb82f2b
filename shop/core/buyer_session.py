"""Which orders this browser is the buyer of: the account that placed them, the session that placed
them, or a session that proved it knows an order by its number *and* email (``remember_order``, the only
anonymous door).

A leaf of the session's memory, with no import of ours: the order pages (``shop.order.access``, the one rule
who may see an order, built on ``is_buyer``) and the payment pages (``payments.providers.*.views``, which
sit below orders and never import them) both ask it.
"""

LOOKED_UP_SESSION_KEY = "ocop_looked_up_orders"


def remember_order(request, order):
    """This session proved it knows the order's number and email: it may see the order from now on."""
    numbers = request.session.get(LOOKED_UP_SESSION_KEY, [])
    if order.number not in numbers:
        request.session[LOOKED_UP_SESSION_KEY] = [*numbers[-19:], order.number]


def is_buyer(request, order):
    """The account that placed the order, the session that placed it, or one that looked it up."""
    if request.user.is_authenticated and order.user_id is not None and order.user_id == request.user.pk:
        return True
    if request.session.get("checkout_order_id") == order.pk:
        return True
    return order.number in request.session.get(LOOKED_UP_SESSION_KEY, [])
