from django import template

from shop.einvoice.models import EInvoice

register = template.Library()


@register.simple_tag
def issued_einvoices(order):
    """{% issued_einvoices order as einvoices %}: the order's issued e-invoices by producer id (one query)."""
    invoices = EInvoice.objects.filter(order=order, status=EInvoice.Status.ISSUED)
    return {einvoice.partner_id: einvoice for einvoice in invoices}


@register.filter
def einvoice_for(einvoices, partner):
    """{{ einvoices|einvoice_for:part.partner }}: the part's issued e-invoice (series, number, lookup code) or None."""
    return einvoices.get(getattr(partner, "pk", None)) if einvoices else None
