"""Template tags of the product page.

{% load product_page %}
{% user_wishlists user product as wishlists %}  {# the user's wish lists, each with ``has_product``: one query #}
"""

from django import template
from django.db.models import Exists, OuterRef
from oscar.core.loading import get_model

register = template.Library()

WishList = get_model("wishlists", "WishList")
WishListLine = get_model("wishlists", "Line")


@register.simple_tag
def user_wishlists(user, product):
    """The user's wish lists, each marked ``has_product`` when it holds ``product``, in one query."""
    holding = WishListLine.objects.filter(wishlist=OuterRef("pk"), product=product)
    return list(WishList.objects.filter(owner=user).annotate(has_product=Exists(holding)))
