"""Template filters of ``catalogue.ocop.display``: what names a product in public, without OCOP wording
when no certificate backs its mark.

    {% load ocop_display %}
    {{ product|public_title }}  {{ product|public_meta_title }}  {{ image.caption|public_text:product }}
"""

from django import template

from catalogue.ocop import display

register = template.Library()


@register.filter
def public_title(product):
    return display.public_title(product)


@register.filter
def public_meta_title(product):
    return display.public_meta_title(product)


@register.filter
def public_text(text, product):
    return display.public_text(product, text)
