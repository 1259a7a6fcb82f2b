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

BasketMiddleware = get_class("basket.middleware", "BasketMiddleware")
Basket = get_model("basket", "Basket")
Line = get_model("basket", "Line")


def item_count(request):
    basket = getattr(request, "basket", None)
    if basket is None:
        return 0
    if not isinstance(basket, SimpleLazyObject) or basket._wrapped is not empty:
        return basket.num_items
    user = request.user
    if user.is_authenticated and settings.OSCAR_BASKET_COOKIE_OPEN not in request.COOKIES:
        # A signed-in buyer without a guest basket to merge: the items of their open basket(s), one query
        # (Oscar merges several open baskets into one when it loads the basket: the sum is the same).
        lines = Line.objects.filter(basket__owner=user, basket__status=Basket.OPEN)
        return lines.aggregate(items=Sum("quantity"))["items"] or 0
    # Oscar's own lookup of the visitor's open basket (owner, or the signed cookie), kept on the request: a
    # later ``request.basket`` in the same request reuses it.
    open_basket = BasketMiddleware(get_response=None).get_basket(request)
    if open_basket.id is None:
        return 0
    return open_basket.lines.aggregate(items=Sum("quantity"))["items"] or 0


def basket_badge(request):
    return {"basket_items": SimpleLazyObject(lambda: item_count(request))}
