"""Template tags of the product page.

{% load product_page %}
{% user_wishlists user product as wishlists %}  {# the user's wish lists, each with ``has_product`` #}
{% product_buy_box product %}  {# the buying part, kept per content version while the product can be bought #}
"""

from dataclasses import dataclass

from django import template
from django.template.loader import render_to_string
from oscar.core.loading import get_model

from catalogue.templatetags.product_cards import kept_with_visitor_token
from shop.basket.context_processors import quantities as basket_quantities
from shop.core.compiled import CompiledQuery
from shop.offer import campaign

register = template.Library()

WishList = get_model("wishlists", "WishList")
WishListLine = get_model("wishlists", "Line")


@dataclass(frozen=True)
class WishListChoice:
    """One of the buyer's wish lists as the page offers it: what its "add to" form needs."""

    key: str
    name: str
    has_product: bool


# On every signed-in product page: compiled once (shop.core.compiled).
OWNERS_WISHLISTS = CompiledQuery(lambda owner: WishList.objects.filter(owner_id=owner).values_list("pk", "key", "name"))
WISHLISTS_HOLDING = CompiledQuery(
    lambda owner, product: WishListLine.objects.filter(wishlist__owner_id=owner, product_id=product).values_list(
        "wishlist_id"
    ),
    arity=2,
)


@register.simple_tag
def user_wishlists(user, product):
    """The user's wish lists (``WishListChoice``), each marking whether it holds ``product``: one query for the many
    buyers who have none, a second for those who have."""
    wishlists = OWNERS_WISHLISTS.rows(user.pk)
    if not wishlists:
        return []
    holding = {pk for (pk,) in WISHLISTS_HOLDING.rows(user.pk, product.pk)}
    return [WishListChoice(key, name, pk in holding) for pk, key, name in wishlists]


@register.simple_tag(takes_context=True)
def product_buy_box(context, product):
    """The product page's buying part (``partials/buy_box.html``: title, OCOP mark, price — a campaign's when one
    applies —, stars, the add-to-basket form and the phone's buy bar), a third of the page's time, kept per content
    version like a product card while the product can be bought. Its key names everything in it that is the
    visitor's own: the site offers open now (the campaign price), the units of it in the visitor's basket and the
    basket's items (the form's most), and whether they may write a review; their CSRF token is put in. Drawn for
    each visitor when the product cannot be bought (the stock alert's form is theirs) or has variants."""
    request = context["request"]
    purchase_info = request.strategy.fetch_for_product(product)
    keep = not product.is_parent and purchase_info.availability.is_available_to_buy and purchase_info.price.exists
    held = basket_quantities(request)
    return kept_with_visitor_token(
        context,
        lambda values: render_to_string("oscar/catalogue/partials/buy_box.html", values),
        keep,
        "product-buy-box",
        product.pk,
        campaign.offers_key(request),
        held.get(product.pk, 0),
        sum(held.values()),
        bool(context.get("review_permitted")),
    )
