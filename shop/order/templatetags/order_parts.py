from django import template

from shop.order.parts import producer_parts as _producer_parts

register = template.Library()


@register.simple_tag
def producer_parts(order):
    """{% producer_parts order as parts %}: the order's part per producer (shop.order.parts)."""
    return _producer_parts(order)
