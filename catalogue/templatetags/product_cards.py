"""``{% product_card product %}``: Oscar's ``render_product``, kept per content version.

A product card is the same for every visitor of a language — picture, title, OCOP mark, producer, price,
availability, the add-to-basket button — except the CSRF token of that button's form. Rendering it costs
two thumbnail look-ups and a form rendered through templates, about half of a list page's time; so the card
is rendered once with a placeholder for the token (``shop.core.fragments``), and each visitor's own token
replaces the placeholder. A change to the product, its price, stock running out or its reviews announces a
new content version (``shop.core.changes``), so the next page draws the card afresh.
"""

from django import template
from django.template import Context
from django.utils.safestring import mark_safe
from oscar.templatetags.product_tags import render_product

from shop.core import fragments

register = template.Library()

CSRF_PLACEHOLDER = "__OCOP_CARD_CSRF_TOKEN__"


@register.simple_tag(takes_context=True)
def product_card(context, product):
    if not product:
        return ""

    def render():
        values = context.flatten()
        values["csrf_token"] = CSRF_PLACEHOLDER
        return str(render_product(Context(values), product))

    html = fragments.remember("product-card", render, product.pk)
    token = context.get("csrf_token")
    return mark_safe(html.replace(CSRF_PLACEHOLDER, str(token) if token is not None else ""))
