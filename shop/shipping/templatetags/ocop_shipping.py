"""Parcels and service dates for templates:

{% load ocop_shipping %}
{% basket_parcels basket shipping_address.province_code as parcels %}
{% order_parcels order as parcels %}
{% include "oscar/shipping/partials/parcels.html" with parcels=parcels %}
{{ line|service_date|date:"d/m/Y" }}
"""

from django import template

from shop.shipping import parcels as parcel_rules
from shop.shipping.service_dates import service_date_of

register = template.Library()


@register.simple_tag
def basket_parcels(basket, province_code=None):
    """The basket's parcels for a destination province ([] when a zone has no rates)."""
    try:
        return parcel_rules.parcels_for_basket(basket, province_code)
    except parcel_rules.ShippingUnavailable:
        return []


@register.simple_tag
def order_parcels(order):
    return parcel_rules.parcels_for_order(order)


@register.filter
def service_date(line):
    return service_date_of(line)
