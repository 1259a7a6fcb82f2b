"""``{% product_card product %}``: Oscar's ``render_product``, kept per content version.

A product card is the same for every visitor of a language — picture, title, OCOP mark, producer, price,
availability, the add-to-basket button — except the CSRF token of that button's form. Rendering it costs
two thumbnail look-ups and a form rendered through templates, about half of a list page's time; so the card
is rendered once with a placeholder for the token (``shop.core.fragments``), and each visitor's own token
replaces the placeholder. A change to the product, its price, stock running out or its reviews announces a
new content version (``shop.core.changes``), so the next page draws the card afresh; the key also names the site
offers open now (``shop.offer.campaign``), so a campaign starting or ending at its time shows at once. The units
sold move no content version (a sale changes no page): the card's "Đã bán" count may lag by
``OCOP_FRAGMENT_CACHE_SECONDS`` at most.

Only a product from ``catalogue.listing.product_cards()`` is kept: the card reads its annotations (stars, reviews,
units sold), and a card drawn from a plain product (a wish list's line) would show without them on every list
until the next change. Such a card is drawn for this page alone.

``{% product_card product position %}``: a card at ``position`` (0-based) of a list that opens the page's first
screen. Its picture loads at once (``loading="eager"``) for the first ``EAGER_CARDS`` (a phone's first row),
the very first also with ``fetchpriority="high"`` (the page's largest paint); without a position, or further
down, the picture is lazy. The loading mode is part of the card's key: three versions of a card at most.

``{% campaign_price product session as campaign %}``: the campaign price of cards and the product page.
"""

from django import template
from django.conf import settings
from django.template import Context
from django.utils.safestring import mark_safe
from oscar.templatetags.product_tags import render_product

from shop.basket.context_processors import quantities as basket_quantities
from shop.core import fragments
from shop.offer import campaign

register = template.Library()

CSRF_PLACEHOLDER = "__OCOP_CARD_CSRF_TOKEN__"
CARD_ANNOTATIONS = ("units_sold", "approved_reviews")  # what listing.product_cards() adds and a card shows
EAGER_CARDS = 2  # two cards a row on a phone: the first row is on the first screen


def picture_loading(position):
    """How a card's picture at ``position`` of a first-screen list loads: "high", "eager" or "lazy"."""
    if position is None or position >= EAGER_CARDS:
        return "lazy"
    return "high" if position == 0 else "eager"


@register.simple_tag(takes_context=True)
def product_card(context, product, position=None):
    if not product:
        return ""
    loading = picture_loading(position)

    def render(values):
        values["card_loading"] = loading
        return str(render_product(Context(values), product))

    request = context.get("request")
    keep = all(hasattr(product, name) for name in CARD_ANNOTATIONS)
    return kept_with_visitor_token(
        context, render, keep, "product-card", product.pk, loading, campaign.offers_key(request)
    )


def kept_with_visitor_token(context, render, keep, name, *parts):
    """What ``render(values)`` draws from the template context's values with the CSRF token a placeholder,
    kept per content version under ``name`` and ``parts`` when ``keep`` (``shop.core.fragments``), with this
    visitor's own token put in. ``parts`` must name everything per visitor that the drawing shows."""

    def draw():
        values = context.flatten()
        values["csrf_token"] = CSRF_PLACEHOLDER
        return render(values)

    html = fragments.remember(name, draw, *parts) if keep else draw()
    token = context.get("csrf_token")
    return mark_safe(html.replace(CSRF_PLACEHOLDER, str(token) if token is not None else ""))


@register.simple_tag(takes_context=True)
def campaign_price(context, product, purchase_info):
    """One unit's price under the site offers open now (``shop.offer.campaign``), or None."""
    if not purchase_info:
        return None
    return campaign.campaign_price(product, purchase_info, context.get("request"))


@register.simple_tag(takes_context=True)
def quantity_max(context, product, purchase_info):
    """The most units of ``product`` one add may ask for: the stock left less what the visitor's basket already
    holds of it, and the basket's limit (``OSCAR_MAX_BASKET_QUANTITY_THRESHOLD``) less the basket's items; None
    when neither bounds it, 0 when the basket already holds all it may. The basket's quantities are the
    badge's one query (``shop.basket.context_processors.quantities``); the basket form checks both again."""
    request = context.get("request")
    held = basket_quantities(request) if request is not None else {}
    bounds = []
    if settings.OSCAR_MAX_BASKET_QUANTITY_THRESHOLD:
        bounds.append(settings.OSCAR_MAX_BASKET_QUANTITY_THRESHOLD - sum(held.values()))
    stock_left = getattr(purchase_info.availability, "num_available", None)
    if stock_left is not None:
        bounds.append(stock_left - held.get(product.pk, 0))
    return max(min(bounds), 0) if bounds else None


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """``path`` as an absolute URL on this site (what a share link carries)."""
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path
