"""The header's basket badge on every page, for one query.

Oscar's ``request.basket`` loads every line and applies the offers to each (vouchers, offers, ranges, stock
records, certificates…): right for the pages that show the basket, and half a signed-in buyer's queries on
every other page, only to print how many items it holds. The badge counts them instead; a page that has
already loaded the full basket (the basket page, checkout) uses that one.
"""

from django.conf import settings
from django.db.models import Sum
from django.utils.functional import SimpleLazyObject, empty
from oscar.core.loading import get_class, get_model

from shop.core.compiled import CompiledQuery

BasketMiddleware = get_class("basket.middleware", "BasketMiddleware")
Basket = get_model("basket", "Basket")
Line = get_model("basket", "Line")


def quantities(request):
    """{product id: units} in the visitor's open basket, one query per request (kept on the request): what the
    badge counts and what the product page's quantity stepper subtracts from the stock left."""
    memo = getattr(request, "_ocop_basket_quantities", None)
    if memo is None:
        memo = request._ocop_basket_quantities = _quantities(request)
    return memo


def _quantities(request):
    basket = getattr(request, "basket", None)
    if basket is None:
        return {}
    if not isinstance(basket, SimpleLazyObject) or basket._wrapped is not empty:
        held: dict[int, int] = {}
        for line in basket.all_lines():
            held[line.product_id] = held.get(line.product_id, 0) + line.quantity
        return held
    user = request.user
    if user.is_authenticated and settings.OSCAR_BASKET_COOKIE_OPEN not in request.COOKIES:
        # A signed-in buyer without a guest basket to merge: the lines of their open basket(s), one query
        # (Oscar merges several open baskets into one when it loads the basket: the sums are the same).
        return dict(OWNERS_BASKET_UNITS.rows(user.pk))
    # Oscar's own lookup of the visitor's open basket (owner, or the signed cookie), kept on the request: a later
    # ``request.basket`` in the same request reuses it.
    open_basket = BasketMiddleware(get_response=None).get_basket(request)
    if open_basket.id is None:
        return {}
    return dict(_units(open_basket.lines.all()))


def _units(lines):
    return lines.order_by().values("product_id").annotate(units=Sum("quantity")).values_list("product_id", "units")


# On every page of a signed-in buyer: compiled once (shop.core.compiled).
OWNERS_BASKET_UNITS = CompiledQuery(
    lambda owner: _units(Line.objects.filter(basket__owner_id=owner, basket__status=Basket.OPEN))
)


def item_count(request):
    basket = getattr(request, "basket", None)
    if basket is not None and (not isinstance(basket, SimpleLazyObject) or basket._wrapped is not empty):
        return basket.num_items
    return sum(quantities(request).values())


def basket_badge(request):
    return {"basket_items": SimpleLazyObject(lambda: item_count(request))}
