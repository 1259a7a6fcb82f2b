from django import template

from shop.order.parts import part_for as _part_for
from shop.order.parts import producer_parts as _producer_parts

register = template.Library()


@register.simple_tag
def producer_parts(order):
    """{% producer_parts order as parts %}: the order's part per producer (shop.order.parts)."""
    return _producer_parts(order)


@register.simple_tag
def part_statement(order, partner):
    """{% part_statement order producer as statement %}: the figures of one producer's part
    (shop.order.statement_lines), or None when it has no lines in the order."""
    part = _part_for(order, partner)
    return part.statement if part is not None else None


@register.filter
def statement_item(statement, line):
    """{{ statement|statement_item:line }}: the figures of one Oscar order line in a part's statement (None for a
    cancelled line or no statement)."""
    if statement is None:
        return None
    return next((item for item in statement.lines if item.line.pk == line.pk), None)
